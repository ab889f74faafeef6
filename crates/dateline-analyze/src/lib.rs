//! Dateline's analysis stage: tokens and sentences with byte offsets
//! ([`tokenize`]), named entities from a tagger trained on CoNLL-2003
//! ([`ner`]), one record per real-world entity ([`entities`]), quotations
//! and their speakers ([`quotes`]), the whole pipeline over an article's
//! text ([`analyze`]), and the CoNLL-2003 file format ([`conll`]).

pub mod conll;
pub mod entities;
pub mod ner;
pub mod pipeline;
pub mod polnear;
pub mod quotes;
pub mod tokenize;

pub use pipeline::{analyze, analyze_article};
