//! Publication and update times: from JSON-LD, meta tags, `<time>`, markup,
//! visible text and the URL, with real time zones.

use dateline_model::{DateSource, PageTime};

/// What the rest of the page tells the date finder.
#[derive(Debug, Clone, Default)]
pub struct DateHints<'a> {
    pub url: Option<&'a str>,
    /// The page's language, to read month names and day/month order.
    pub language: Option<&'a str>,
    /// Month and day from the article's dateline ("October 8" → (10, 8)),
    /// which settles day/month order of numeric dates.
    pub dateline_month_day: Option<(u32, u32)>,
}

/// The dates found, each with how it was found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoundDates {
    pub published: Option<(PageTime, DateSource)>,
    pub updated: Option<(PageTime, DateSource)>,
}

/// Dates of an HTML page.
pub fn from_html(_doc: &scraper::Html, _hints: &DateHints) -> FoundDates {
    FoundDates::default()
}

/// Dates of a plain-text page (lines as copied from a browser).
pub fn from_text(_text: &str, _hints: &DateHints) -> FoundDates {
    FoundDates::default()
}
