//! The index's fields. One index holds two kinds of document: one per
//! article (its current revision) and one per quotation, so that one
//! writer commits both atomically and one reader sees them together.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

/// Bumped whenever the fields or their analysis change: an index of
/// another version is rebuilt from the records on open.
pub const VERSION: u32 = 1;

/// The tokenizer of value fields (source, section…): the whole value,
/// lower-cased, so filters ignore case; their fast columns keep the
/// value as written, for facets.
pub const KEYWORD: &str = "dateline_keyword";
/// The name under which text fields are declared. Their tokens are made
/// by [`super::language::Analyzers`] and given pre-tokenized; this
/// analyzer is only what tantivy falls back on.
pub const WORDS: &str = "dateline_words";

pub const KIND_ARTICLE: u64 = 0;
pub const KIND_QUOTE: u64 = 1;

#[derive(Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    pub article: Field,
    /// The article's change number when indexed: `check` compares it with
    /// the records.
    pub seq: Field,
    pub date: Field,
    pub title: Field,
    pub text: Field,
    pub quote: Field,
    pub quote_index: Field,
    pub speaker: Field,
    pub entity: Field,
    pub source: Field,
    pub section: Field,
    pub site: Field,
    pub lang: Field,
    pub author: Field,
    pub url: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = NumericOptions::default().set_indexed().set_fast();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        )
        .set_fast("raw");
    let fields = Fields {
        kind: b.add_u64_field("kind", id.clone()),
        article: b.add_u64_field("article", id.clone() | STORED),
        seq: b.add_u64_field("seq", FAST),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED | FAST).set_precision(DateTimePrecision::Seconds),
        ),
        title: b.add_text_field("title", text.clone()),
        text: b.add_text_field("text", text.clone()),
        quote: b.add_text_field("quote", text),
        quote_index: b.add_u64_field("quote_index", FAST | STORED),
        speaker: b.add_u64_field("speaker", id.clone()),
        entity: b.add_u64_field("entity", id),
        source: b.add_text_field("source", keyword.clone()),
        section: b.add_text_field("section", keyword.clone()),
        site: b.add_text_field("site", keyword.clone()),
        lang: b.add_text_field("lang", keyword.clone()),
        author: b.add_text_field("author", keyword.clone()),
        url: b.add_text_field("url", keyword),
    };
    (b.build(), fields)
}

/// Registers the analyzers the schema names.
pub fn register(index: &Index) {
    index.tokenizers().register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    index
        .tokenizers()
        .register(WORDS, super::language::Analyzers::default().by_key(""));
}
