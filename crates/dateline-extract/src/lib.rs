//! Extraction: one page's bytes in, one [`Article`] out.
//!
//! The pipeline, in the order [`extract`] runs it:
//! 1. [`sniff`] decides what the bytes are (HTML, plain text, binary, empty);
//! 2. [`decode`] turns them into text (BOM, HTTP charset, `<meta>`, then detection);
//! 3. HTML is parsed once with html5ever (into our own arena) and flattened
//!    (`dom`); everything after reads that one tree;
//! 4. `meta` reads title, site, section, authors, source, language… from
//!    JSON-LD, meta tags and markup;
//! 5. `body` finds the article's main text and cuts the boilerplate away;
//!    `edges` trims metadata lines left at its head and tail;
//! 6. `dateline` splits the wire dateline off the first paragraph;
//! 7. [`dates`] finds published/updated times, with the dateline's day as a hint.
//!
//! Plain text pages (a page copied from a browser) go through `plaintext`
//! instead of steps 3–5, and meet the same steps 6–7.

mod agencies;
mod body;
mod dateline;
pub mod dates;
pub mod decode;
pub mod dom;
mod edges;
mod error;
mod markers;
mod meta;
mod plaintext;
mod prepare;
mod sniff;

pub use error::ExtractError;
pub use prepare::{prepare as prepare_html, Prepared};
pub use sniff::Kind;

use chrono::{Datelike, NaiveDate};
use dateline_model::{Article, BlockKind, DateField, RawPage};

/// Tuning knobs a caller may set. The defaults are what the CLI uses.
#[derive(Debug, Clone, Default)]
pub struct Options {}

/// Extracts the article from one page.
///
/// Fails only when the input is not a page at all (empty, binary, a
/// non-text content type); every lesser problem — no body found, a bad
/// charset — becomes a warning on the article.
pub fn extract(page: &RawPage, _options: &Options) -> Result<Article, ExtractError> {
    let kind = sniff::sniff(&page.bytes, page.content_type.as_deref())?;
    let decoded = decode::decode(&page.bytes, page.content_type.as_deref());
    let mut article = Article::new(page.input.clone());
    article.url = page.url.clone();
    article.warnings.extend(decoded.warnings());
    // Dates after the fetch are impossible: a re-run over an old crawl must
    // judge them against the fetch, not today's clock.
    let today = page.fetched.map(|f| f.date_naive());
    match kind {
        Kind::Html => from_html(&mut article, &decoded.text, today),
        Kind::Text => from_text(&mut article, &decoded.text, today),
    }
    if article.text.is_empty() {
        article.warnings.push("no article text found".to_string());
    }
    Ok(article)
}

fn from_html(article: &mut Article, html: &str, today: Option<NaiveDate>) {
    let prepared = prepare::prepare(html);
    let doc = dom::Document::parse(&prepared.html);
    let dom = dom::Dom::new(&doc);
    let meta = meta::from_html(&dom, article.url.as_deref());
    let blocks = body::extract(&dom, meta.title.as_deref());
    let blocks: Vec<(BlockKind, String)> = blocks.into_iter().map(|b| (b.kind, b.text)).collect();
    let known: Vec<&str> = [&meta.title, &meta.section, &meta.source, &meta.site_name]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(meta.authors.iter().map(String::as_str))
        .collect();
    let blocks = trim_edges(blocks, &known);
    let dateline = split_dateline(&blocks);
    let hints = dates::DateHints {
        url: article.url.as_deref(),
        language: meta.language.as_deref(),
        dateline_month_day: dateline.as_ref().and_then(|d| d.month_day),
        today,
    };
    let found = dates::from_html(&dom, &prepared.scripts, &hints);
    article.title = meta.title;
    article.site_name = meta.site_name;
    article.canonical_url = meta.canonical_url;
    article.section = meta.section;
    article.source = meta.source;
    article.authors = meta.authors;
    article.language = meta.language;
    article.description = meta.description;
    article.image = meta.image;
    article.tags = meta.tags;
    finish(article, blocks, dateline, found);
}

fn from_text(article: &mut Article, text: &str, today: Option<NaiveDate>) {
    let page = plaintext::read(text);
    let known: Vec<&str> = [&page.title, &page.section, &page.source]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let blocks = trim_edges(page.blocks, &known);
    let dateline = split_dateline(&blocks);
    let hints = dates::DateHints {
        url: article.url.as_deref(),
        language: None,
        dateline_month_day: dateline.as_ref().and_then(|d| d.month_day),
        today,
    };
    let found = dates::from_text(&page.head, &hints);
    article.title = page.title;
    article.section = page.section;
    article.source = page.source;
    finish(article, blocks, dateline, found);
}

/// Drops metadata lines at the body's head and closing lines at its tail.
/// Promotions, advertising labels, onward links and share prompts go
/// first, wherever they stand, as whole blocks or whole lines.
fn trim_edges(blocks: Vec<(BlockKind, String)>, known: &[&str]) -> Vec<(BlockKind, String)> {
    let mut blocks: Vec<(BlockKind, String)> = blocks
        .into_iter()
        .filter_map(|(kind, text)| {
            // Promotions first: a box of links headed "Read more:" goes
            // whole, not its heading alone.
            if edges::is_promo_line(&text) {
                return None;
            }
            if kind == BlockKind::Preformatted {
                return Some((kind, text));
            }
            let len = text.len();
            let text = markers::strip(text)?;
            // A label gone may leave a promotion bare ("Anzeige" above
            // "Lesen Sie auch: …").
            if text.len() != len && edges::is_promo_line(&text) {
                return None;
            }
            Some((kind, text))
        })
        .collect();
    let texts: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
    let head = edges::head_len(&texts, known);
    let tail = edges::tail_len(&texts[head..], known);
    blocks.truncate(blocks.len() - tail);
    blocks.drain(..head);
    blocks
}

/// The dateline of the first paragraph, if it has one.
fn split_dateline(blocks: &[(BlockKind, String)]) -> Option<dateline::Found> {
    let (kind, first) = blocks.first()?;
    if *kind != BlockKind::Paragraph {
        return None;
    }
    dateline::find(first)
}

/// What HTML and text pages share: the dateline cut from the body, dates,
/// the dateline's year, language.
fn finish(
    article: &mut Article,
    mut blocks: Vec<(BlockKind, String)>,
    dateline: Option<dateline::Found>,
    found: dates::FoundDates,
) {
    if let Some(d) = &dateline {
        if let Some((_, first)) = blocks.first_mut() {
            first.drain(..d.len);
        }
    }
    article.set_body(blocks);
    for (field, value) in [
        (DateField::Published, found.published),
        (DateField::Updated, found.updated),
    ] {
        if let Some((time, source)) = value {
            match field {
                DateField::Published => article.published = Some(time),
                DateField::Updated => article.updated = Some(time),
            }
            article.date_sources.push(source);
        }
    }
    if let Some(d) = dateline {
        let source = d.agency.clone();
        let year = d.year.or_else(|| {
            // A dateline later in the year than publication belongs to the year before.
            let published = article.published?.date();
            let (m, day) = d.month_day?;
            Some(if (m, day) > (published.month(), published.day()) {
                published.year() - 1
            } else {
                published.year()
            })
        });
        let date = d
            .month_day
            .zip(year)
            .and_then(|((m, day), y)| NaiveDate::from_ymd_opt(y, m, day));
        article.dateline = Some(dateline_model::Dateline {
            place: d.place,
            date,
            agency: d.agency,
            text: d.text,
        });
        if article.source.is_none() {
            article.source = source;
        }
    }
    if article.language.is_none() {
        article.language = detect_language(&article.text);
    }
}

/// The body's language, when the markup does not say: whatlang's guess,
/// kept only when it is confident.
fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(2000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    Some(iso639_1(info.lang().code()).to_string())
}

/// whatlang names languages by ISO 639-3; articles use the two-letter codes.
fn iso639_1(code: &str) -> &str {
    match code {
        "eng" => "en",
        "rus" => "ru",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "nld" => "nl",
        "pol" => "pl",
        "ukr" => "uk",
        "tur" => "tr",
        "ara" => "ar",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "hin" => "hi",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "no",
        "fin" => "fi",
        "ces" => "cs",
        "slk" => "sk",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "ell" => "el",
        "heb" => "he",
        "pes" => "fa",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        "hrv" => "hr",
        "srp" => "sr",
        "slv" => "sl",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "cat" => "ca",
        "bel" => "be",
        "kat" => "ka",
        "hye" => "hy",
        "aze" => "az",
        "kaz" => "kk",
        "uzb" => "uz",
        "ben" => "bn",
        "urd" => "ur",
        "tam" => "ta",
        "tel" => "te",
        "mar" => "mr",
        "guj" => "gu",
        "pan" => "pa",
        "mal" => "ml",
        "kan" => "kn",
        "tgl" => "tl",
        "afr" => "af",
        "epo" => "eo",
        "lat" => "la",
        "mkd" => "mk",
        "zul" => "zu",
        "swa" => "sw",
        other => other,
    }
}

/// Why the body extractor chose what it chose, for tuning and bug reports.
#[doc(hidden)]
pub fn explain_body(html: &str) -> String {
    let doc = dom::Document::parse(&prepare::prepare(html).html);
    body::explain(&dom::Dom::new(&doc))
}
