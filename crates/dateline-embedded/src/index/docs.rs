//! Index documents from records: one per article, one per quotation.

use super::language::Analyzers;
use super::schema::{Fields, KIND_ARTICLE, KIND_QUOTE};
use crate::db::feed::Change;
use tantivy::tokenizer::PreTokenizedString;
use tantivy::{DateTime, TantivyDocument};

/// The most quotations of one article indexed: quotation documents are
/// numbered within their article in 16 bits.
pub const MAX_QUOTES: usize = u16::MAX as usize;

/// The language an article is filed under: its primary subtag, lower
/// case (`en-GB` → `en`).
pub fn language_value(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

pub fn documents(c: &Change, fields: &Fields, analyzers: &Analyzers) -> Vec<TantivyDocument> {
    let a = &c.article;
    let lang = a.language.as_deref();
    let mut analyzer = analyzers.for_language(lang);
    let tokenized =
        |analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str| PreTokenizedString {
            text: String::new(),
            tokens: analyzers.tokens(analyzer, text),
        };
    let date = DateTime::from_timestamp_secs(c.date);
    let common = |doc: &mut TantivyDocument| {
        doc.add_u64(fields.article, c.id);
        doc.add_date(fields.date, date);
        if let Some(s) = a.source.as_deref().filter(|s| !s.is_empty()) {
            doc.add_text(fields.source, s);
        }
        if let Some(s) = a.section.as_deref().filter(|s| !s.is_empty()) {
            doc.add_text(fields.section, s);
        }
        if let Some(s) = c.site.as_deref() {
            doc.add_text(fields.site, s);
        }
        if let Some(l) = lang.map(language_value).filter(|l| !l.is_empty()) {
            doc.add_text(fields.lang, l);
        }
    };

    let mut article = TantivyDocument::new();
    article.add_u64(fields.kind, KIND_ARTICLE);
    article.add_u64(fields.seq, c.seq);
    common(&mut article);
    if let Some(title) = a.title.as_deref() {
        article.add_pre_tokenized_text(fields.title, tokenized(&mut analyzer, title));
    }
    article.add_pre_tokenized_text(fields.text, tokenized(&mut analyzer, &a.text));
    for author in &a.authors {
        article.add_text(fields.author, author);
    }
    article.add_text(fields.url, &c.key);
    for &e in &c.entities {
        article.add_u64(fields.entity, e);
    }

    let mut docs = vec![article];
    for q in c.quotes.iter().take(MAX_QUOTES) {
        let mut doc = TantivyDocument::new();
        doc.add_u64(fields.kind, KIND_QUOTE);
        common(&mut doc);
        doc.add_u64(fields.quote_index, u64::from(q.index));
        doc.add_pre_tokenized_text(fields.quote, tokenized(&mut analyzer, &q.text));
        if let Some(s) = q.speaker {
            doc.add_u64(fields.speaker, s);
        }
        docs.push(doc);
    }
    docs
}
