//! Identifiers of archive records: plain numbers, typed so that an
//! article's id can never be passed where an entity's is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            utoipa::ToSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    };
}

id_type!(
    /// An article: one page address (or, without one, one text), with
    /// all its revisions. Assigned in the order articles are first stored,
    /// never reused.
    ArticleId
);
id_type!(
    /// An entity merged across articles. Stable: once assigned, the same
    /// name and kind always resolve to it.
    EntityId
);
id_type!(
    /// A syndication group: copies of one report on different pages.
    GroupId
);
