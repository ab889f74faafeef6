//! Dateline's storage seam.
//!
//! The archive stores every article the earlier stages produce, with its
//! revisions, its syndicated copies and its entities merged across
//! articles, and searches it. This crate is what every backend shares:
//!
//! - [`Store`], the trait the rest of Dateline talks to;
//! - the types of its requests and answers ([`SearchRequest`],
//!   [`SearchPage`], [`StoredArticle`], …), serialised as the JSON API
//!   gives them;
//! - the rules every backend must apply the same way: which stored
//!   article a page is and whether it changed ([`identity`]), when two
//!   texts are copies ([`minhash`]), when two entity names are one
//!   ([`names`]), what instant an article is dated ([`time`]), what a
//!   cursor holds ([`cursor`]), what is refused ([`validate`]);
//! - [`conformance`], the test suite every backend passes.
//!
//! The records are the source of truth; a backend's search index is
//! derived from them and can always be rebuilt ([`Store::reindex`]).

pub mod conformance;
pub mod cursor;
mod error;
pub mod identity;
mod ids;
pub mod minhash;
pub mod names;
mod records;
mod search;
mod store;
pub mod table;
pub mod time;
mod write;

pub use error::{Context, Result, StoreError};
pub use ids::{ArticleId, EntityId, GroupId};
pub use records::*;
pub use search::*;
pub use store::Store;
pub use time::Interval;
pub use write::{validate, Change, Incoming, ItemError, Put, MAX_TEXT_BYTES};
