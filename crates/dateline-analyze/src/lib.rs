//! Dateline's analysis stage: tokens and sentences with byte offsets
//! ([`tokenize`]), named entities from a tagger trained on CoNLL-2003
//! ([`ner`]), quotations and their speakers ([`quotes`]), and the
//! CoNLL-2003 file format ([`conll`]).

pub mod conll;
pub mod ner;
pub mod quotes;
pub mod tokenize;
