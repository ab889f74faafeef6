//! The article data model shared by every Dateline stage.
//!
//! Extraction fills an [`Article`]; analysis, storage and serving read and
//! extend it. The JSON form of these types is the public contract, described
//! by `schema/article.schema.json` and versioned by [`SCHEMA_VERSION`]:
//! a field is never renamed or given a new meaning without bumping it.

mod analysis;
mod article;
mod input;
mod page;
mod time;

pub use analysis::{
    Analysis, Entity, EntityKind, Mention, MentionForm, Quote, QuoteKind, Span, TimeExpression,
    TimeKind,
};
pub use article::{Article, Block, BlockKind, DateField, DateMethod, DateSource, Dateline};
pub use input::InputRef;
pub use page::RawPage;
pub use time::{PageTime, PageTimeParseError};

/// Version of the article JSON. Bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;
