//! English: the word tables (`lexicon`) and the rule families that read
//! English expressions (`scan`). A new language gets a sibling module of the
//! same shape; tokens, values, tense look-around, calendar arithmetic and
//! the scorer are shared.

pub(crate) mod lexicon;
pub(crate) mod scan;
