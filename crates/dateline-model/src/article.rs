use crate::{Analysis, InputRef, PageTime, SCHEMA_VERSION};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One news article, as extracted from one page.
///
/// Every optional field is `None` when the page does not say: Dateline
/// never fills a field with a guess it cannot trace to the page (see
/// [`Article::date_sources`] for how dates were found).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema_version: u32,
    pub input: InputRef,
    /// The page's address: given by the caller, the fetch, or the WARC record.
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    /// The wire agency or original publisher credited ("RIA Novosti", "Reuters").
    pub source: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PageTime>,
    pub updated: Option<PageTime>,
    pub date_sources: Vec<DateSource>,
    pub dateline: Option<Dateline>,
    /// BCP 47 primary language tag (`en`, `de`), from the page's markup or its text.
    pub language: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
    /// The body: paragraphs separated by one blank line, no trailing newline.
    pub text: String,
    /// The body's structure, each block a byte range of `text`.
    pub blocks: Vec<Block>,
    /// What went wrong but did not stop extraction (bad charset, truncated page…).
    pub warnings: Vec<String>,
    /// Entities, quotes and times, once the analysis stage has run.
    /// Flattened: an analysed article has top-level `entities`, `quotes`
    /// and `times`; one never analysed has none of the three.
    #[serde(flatten, default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Analysis>,
}

impl Article {
    /// An empty article for `input`: the starting point of every extractor.
    pub fn new(input: InputRef) -> Self {
        Article {
            schema_version: SCHEMA_VERSION,
            input,
            url: None,
            canonical_url: None,
            title: None,
            site_name: None,
            section: None,
            source: None,
            authors: Vec::new(),
            published: None,
            updated: None,
            date_sources: Vec::new(),
            dateline: None,
            language: None,
            description: None,
            image: None,
            tags: Vec::new(),
            text: String::new(),
            blocks: Vec::new(),
            warnings: Vec::new(),
            analysis: None,
        }
    }

    /// Replaces the body with `blocks`, joining them with blank lines and
    /// recording each one's byte range. Empty blocks are dropped.
    pub fn set_body<I, S>(&mut self, blocks: I)
    where
        I: IntoIterator<Item = (BlockKind, S)>,
        S: AsRef<str>,
    {
        self.text.clear();
        self.blocks.clear();
        for (kind, content) in blocks {
            let content = content.as_ref().trim();
            if content.is_empty() {
                continue;
            }
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(content);
            self.blocks.push(Block {
                kind,
                start,
                end: self.text.len(),
            });
        }
    }

    /// The text of each block, in order.
    pub fn block_texts(&self) -> impl Iterator<Item = (&Block, &str)> {
        self.blocks.iter().map(|b| (b, &self.text[b.start..b.end]))
    }
}

/// A paragraph-level piece of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte offset of the first byte in `Article::text`.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    /// A heading inside the body (`h2`…`h6`); the article title is not one.
    Heading,
    ListItem,
    Quote,
    /// Preformatted text or code, whitespace kept.
    Preformatted,
    /// One row of a data table, cells separated by ` | `.
    TableRow,
}

/// The opening of a wire report: `MOSCOW, October 8 (RIA Novosti) –`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place, in ordinary case (`Moscow` for `MOSCOW`).
    pub place: String,
    /// The day, its year taken from the publication date when the dateline omits it.
    pub date: Option<NaiveDate>,
    /// The agency named in the dateline.
    pub agency: Option<String>,
    /// The dateline as written, without the trailing dash.
    pub text: String,
}

/// How one of the article's dates was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSource {
    pub field: DateField,
    pub method: DateMethod,
    /// Where exactly: a meta tag's name, a JSON-LD key, an element.
    pub detail: String,
    /// The string as the page wrote it.
    pub raw: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    Published,
    Updated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateMethod {
    JsonLd,
    Meta,
    TimeElement,
    /// An element whose class or id says it holds a date.
    Markup,
    /// Free text on the page ("15:01 08/10/2014", "Updated 4:20 p.m.").
    Text,
    Url,
    /// The HTTP `Last-Modified` header or the WARC fetch date.
    Http,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_body_records_exact_ranges() {
        let mut a = Article::new(InputRef::Stdin);
        a.set_body([
            (BlockKind::Heading, " Title "),
            (BlockKind::Paragraph, ""),
            (BlockKind::Paragraph, "Body é text."),
        ]);
        assert_eq!(a.text, "Title\n\nBody é text.");
        let got: Vec<_> = a.block_texts().map(|(b, t)| (b.kind, t)).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading, "Title"),
                (BlockKind::Paragraph, "Body é text.")
            ]
        );
    }

    #[test]
    fn analysis_is_flattened_and_absent_until_run() {
        let mut a = Article::new(InputRef::Stdin);
        let json = serde_json::to_value(&a).unwrap();
        assert!(json.get("entities").is_none() && json.get("times").is_none());
        let back: Article = serde_json::from_value(json).unwrap();
        assert_eq!(back.analysis, None);

        a.analysis = Some(Analysis::default());
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["entities"], serde_json::json!([]));
        assert_eq!(json["quotes"], serde_json::json!([]));
        let back: Article = serde_json::from_value(json).unwrap();
        assert_eq!(back.analysis, Some(Analysis::default()));
    }
}
