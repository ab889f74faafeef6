//! What goes into the archive, and what storing it did.

use crate::{ArticleId, GroupId};
use chrono::{DateTime, FixedOffset, Utc};
use dateline_model::Article;
use serde::{Deserialize, Serialize};

/// One article to store, with what the archive knows of its arrival.
#[derive(Debug, Clone)]
pub struct Incoming {
    /// Extracted, and analysed or not: the archive stores it as given.
    pub article: Article,
    /// When the page was fetched (HTTP `Date`, `WARC-Date`), if known.
    pub fetched: Option<DateTime<FixedOffset>>,
    /// When it was first stored, for records restored from an export;
    /// `None` stores it now.
    pub stored_at: Option<DateTime<Utc>>,
}

impl Incoming {
    pub fn new(article: Article) -> Self {
        Incoming {
            article,
            fetched: None,
            stored_at: None,
        }
    }
}

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Put {
    pub id: ArticleId,
    pub change: Change,
    /// The revision the page's content is now in (1 for a new article).
    pub revision: u32,
    /// The syndication group the article joined when this version was
    /// stored: it is a copy of a report stored before, or they of it.
    pub syndicated: Option<GroupId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A page not seen before.
    New,
    /// A changed version of a stored page: kept as a new revision.
    Revised,
    /// A version already stored (same title, text and update time).
    Unchanged,
}

/// Why one article of a batch was not stored; the rest of the batch was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    #[error("nothing to store: the article has neither title nor text")]
    Empty,
    #[error("article too large to store: {0} bytes of text (limit {1})")]
    TooLarge(usize, usize),
    #[error("not a valid article: {0}")]
    Invalid(String),
}

/// The largest article text stored: far beyond any real article (War
/// and Peace is 3.2 MB), far below trouble.
pub const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// Checks what every backend refuses, so they all refuse the same.
pub fn validate(article: &Article) -> Result<(), ItemError> {
    let has_title = article
        .title
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    if !has_title && article.text.trim().is_empty() {
        return Err(ItemError::Empty);
    }
    if article.text.len() > MAX_TEXT_BYTES {
        return Err(ItemError::TooLarge(article.text.len(), MAX_TEXT_BYTES));
    }
    for b in &article.blocks {
        if b.start > b.end
            || b.end > article.text.len()
            || !article.text.is_char_boundary(b.start)
            || !article.text.is_char_boundary(b.end)
        {
            return Err(ItemError::Invalid(format!(
                "block {}..{} does not fit the text",
                b.start, b.end
            )));
        }
    }
    if let Some(analysis) = &article.analysis {
        let fits = |start: usize, end: usize| {
            start <= end
                && end <= article.text.len()
                && article.text.is_char_boundary(start)
                && article.text.is_char_boundary(end)
        };
        for e in &analysis.entities {
            if let Some(m) = e.mentions.iter().find(|m| !fits(m.start, m.end)) {
                return Err(ItemError::Invalid(format!(
                    "mention {}..{} of entity {} does not fit the text",
                    m.start, m.end, e.id
                )));
            }
        }
        for q in &analysis.quotes {
            if !fits(q.start, q.end) {
                return Err(ItemError::Invalid(format!(
                    "quote {}..{} does not fit the text",
                    q.start, q.end
                )));
            }
            if let Some(s) = &q.speaker {
                if !analysis.entities.iter().any(|e| &e.id == s) {
                    return Err(ItemError::Invalid(format!(
                        "quote {}..{} names speaker {s}, which is no entity of the article",
                        q.start, q.end
                    )));
                }
            }
        }
        for t in &analysis.times {
            if !fits(t.start, t.end) {
                return Err(ItemError::Invalid(format!(
                    "time expression {}..{} does not fit the text",
                    t.start, t.end
                )));
            }
        }
    }
    Ok(())
}
