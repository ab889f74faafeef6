//! Search hits as table rows: the columns of every CSV the archive
//! writes (`dateline search --format csv`, `archive export --format csv`,
//! the API's CSV export), defined once so that they agree.

use crate::Hit;

/// The header row.
pub const COLUMNS: [&str; 12] = [
    "id",
    "date",
    "published",
    "title",
    "source",
    "section",
    "site",
    "language",
    "url",
    "dateline",
    "revisions",
    "group",
];

/// One hit's cells, in [`COLUMNS`] order; absent values are empty.
/// `date` is the article's UTC date in RFC 3339, `published` the time
/// as the page gave it, with its own offset.
pub fn row(hit: &Hit) -> [String; 12] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        hit.id.to_string(),
        hit.date.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        text(&hit.published),
        text(&hit.title),
        text(&hit.source),
        text(&hit.section),
        text(&hit.site),
        text(&hit.language),
        text(&hit.url),
        text(&hit.dateline),
        hit.revisions.to_string(),
        hit.group.map(|g| g.to_string()).unwrap_or_default(),
    ]
}
