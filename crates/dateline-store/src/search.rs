//! Searching the archive: the request every backend answers, and the page
//! of results it answers with.

use crate::{ArticleId, EntityId, GroupId, Interval};
use chrono::{DateTime, NaiveDate, Utc};
use dateline_model::{EntityKind, Span};
use dateline_query::Node;
use serde::{Deserialize, Serialize};

/// The most hits one page may hold; walk further with the cursor.
pub const MAX_PAGE: usize = 1000;
/// The most values one facet may list.
pub const MAX_FACET_VALUES: usize = 200;
/// The most characteristic words one request may ask for.
pub const MAX_WORDS: usize = 100;
/// The most values one filter may list.
pub const MAX_FILTER_VALUES: usize = 50;

/// A search over the current revision of every stored article.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: Node,
    pub filters: Filters,
    pub sort: Sort,
    /// Hits on this page, at most [`MAX_PAGE`]; 0 for counts only.
    pub limit: usize,
    /// Where the previous page ended ([`SearchPage::next_cursor`]).
    pub cursor: Option<String>,
    /// Values per facet (sources, sections, languages, sites, entities); 0 for none.
    pub facets: usize,
    /// Matching articles per period, beside all articles of the period.
    pub timeline: Option<Interval>,
    /// The most characteristic words of the matches; 0 for none.
    pub words: usize,
    /// A passage of each hit's text with the query's words marked.
    pub snippets: bool,
}

impl SearchRequest {
    /// Every article, newest first, ten to a page.
    pub fn new(query: Node) -> Self {
        SearchRequest {
            query,
            filters: Filters::default(),
            sort: Sort::Relevance,
            limit: 10,
            cursor: None,
            facets: 0,
            timeline: None,
            words: 0,
            snippets: false,
        }
    }

    /// The limits a backend must hold a request to, checked once here so
    /// that every backend refuses the same requests with the same words.
    pub fn validate(&self) -> crate::Result<()> {
        let bad = crate::StoreError::bad_request;
        if self.limit > MAX_PAGE {
            return Err(bad(format!(
                "limit {} is above the maximum {MAX_PAGE}",
                self.limit
            )));
        }
        if self.facets > MAX_FACET_VALUES {
            return Err(bad(format!(
                "facets {} is above the maximum {MAX_FACET_VALUES}",
                self.facets
            )));
        }
        if self.words > MAX_WORDS {
            return Err(bad(format!(
                "words {} is above the maximum {MAX_WORDS}",
                self.words
            )));
        }
        self.filters.validate()
    }
}

/// Conditions every hit meets, besides the query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Entities the article must mention, each by name or id: all of
    /// them (a name stands for every entity with that name or alias).
    pub entities: Vec<String>,
    /// The article's source is one of these (case ignored).
    pub sources: Vec<String>,
    pub sections: Vec<String>,
    pub languages: Vec<String>,
    /// The site (host without `www.`) is one of these.
    pub sites: Vec<String>,
    /// The article's date is at or after this instant.
    pub since: Option<DateTime<Utc>>,
    /// … and before this one.
    pub until: Option<DateTime<Utc>>,
}

impl Filters {
    pub fn validate(&self) -> crate::Result<()> {
        for (name, values) in [
            ("entity", &self.entities),
            ("source", &self.sources),
            ("section", &self.sections),
            ("lang", &self.languages),
            ("site", &self.sites),
        ] {
            if values.len() > MAX_FILTER_VALUES {
                return Err(crate::StoreError::bad_request(format!(
                    "more than {MAX_FILTER_VALUES} {name} filters"
                )));
            }
        }
        if let (Some(s), Some(u)) = (self.since, self.until) {
            if s >= u {
                return Err(crate::StoreError::bad_request(format!(
                    "since ({}) is not before until ({})",
                    s.to_rfc3339(),
                    u.to_rfc3339()
                )));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first (newest first for a query without words).
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            "oldest" => Some(Sort::Oldest),
            _ => None,
        }
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SearchPage {
    /// All matching articles, not only this page's.
    pub total: u64,
    pub hits: Vec<Hit>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Timeline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<Word>>,
}

/// One matching article, as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Hit {
    pub id: ArticleId,
    /// The relevance score, when sorted by relevance.
    pub score: Option<f32>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    pub language: Option<String>,
    /// As the page gave it, with its own offset.
    pub published: Option<String>,
    /// The article's date in UTC (published, else updated, fetched, stored).
    pub date: DateTime<Utc>,
    /// The dateline as written ("MOSCOW, October 8 (RIA Novosti)").
    pub dateline: Option<String>,
    pub revisions: u32,
    pub group: Option<GroupId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippet: Option<Snippet>,
}

/// A passage of an article's text, with the query's words marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    #[schema(value_type = Vec<Object>)]
    pub highlights: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Facets {
    pub sources: Vec<FacetCount>,
    pub sections: Vec<FacetCount>,
    pub languages: Vec<FacetCount>,
    /// Hosts, without `www.`.
    pub sites: Vec<FacetCount>,
    pub entities: Vec<EntityCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EntityCount {
    pub id: EntityId,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: EntityKind,
    pub count: u64,
}

/// Matching articles per period, and all articles stored for the
/// period: `share` is the normalised attention analysts plot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Timeline {
    pub interval: Interval,
    /// Every period from the first match to the last, empty ones included.
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Bucket {
    /// The period's first day (UTC).
    pub start: NaiveDate,
    pub count: u64,
    pub total: u64,
    /// `count / total`, 0 when the period holds no article.
    pub share: f64,
}

/// A word more frequent in the matches than in the whole archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Word {
    pub word: String,
    /// Matching articles (of those sampled) that use it.
    pub matches: u64,
    /// Articles in the whole archive that use it.
    pub background: u64,
    pub score: f64,
}
