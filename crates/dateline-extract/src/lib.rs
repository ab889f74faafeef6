//! Extraction: one page's bytes in, one [`Article`] out.
//!
//! The pipeline, in the order [`extract`] runs it:
//! 1. [`sniff`] decides what the bytes are (HTML, plain text, binary, empty);
//! 2. [`decode`] turns them into text (BOM, HTTP charset, `<meta>`, then detection);
//! 3. HTML is parsed once with html5ever (via `scraper`); everything after
//!    reads that one tree;
//! 4. `metadata` reads title, site, section, authors, source, language… from
//!    JSON-LD, meta tags and markup;
//! 5. `body` finds the article's main text and cuts the boilerplate away;
//! 6. `dateline` splits the wire dateline off the first paragraph;
//! 7. [`dates`] finds published/updated times, with the dateline's day as a hint.
//!
//! Plain text pages (a page copied from a browser) go through `plaintext`
//! instead of steps 3–5, and meet the same steps 6–7.

mod body;
pub mod dates;
pub mod decode;
mod dom;
mod error;
mod sniff;

pub use error::ExtractError;
pub use sniff::Kind;

use dateline_model::{Article, BlockKind, RawPage};

/// Tuning knobs a caller may set. The defaults are what the CLI uses.
#[derive(Debug, Clone, Default)]
pub struct Options {}

/// Extracts the article from one page.
///
/// Fails only when there is no text to extract (empty, binary or
/// undecodable input); every lesser problem becomes a warning on the article.
pub fn extract(page: &RawPage, _options: &Options) -> Result<Article, ExtractError> {
    let kind = sniff::sniff(&page.bytes, page.content_type.as_deref())?;
    let decoded = decode::decode(&page.bytes, page.content_type.as_deref());
    let mut article = Article::new(page.input.clone());
    article.url = page.url.clone();
    article.warnings.extend(decoded.warnings());
    match kind {
        Kind::Html => {
            let doc = scraper::Html::parse_document(&decoded.text);
            let dom = dom::Dom::new(&doc);
            let title = dom.find(dom::Tag::Title).map(|t| dom.text_of(t));
            let blocks = body::extract(&dom, title.as_deref());
            article.set_body(blocks.into_iter().map(|b| (b.kind, b.text)));
        }
        Kind::Text => {
            article.set_body(
                decoded
                    .text
                    .split("\n\n")
                    .map(|p| (BlockKind::Paragraph, p)),
            );
        }
    }
    Ok(article)
}

/// Why the body extractor chose what it chose, for tuning and bug reports.
#[doc(hidden)]
pub fn explain_body(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    body::explain(&dom::Dom::new(&doc))
}
