//! What the archive holds beside search: articles with their history,
//! syndication groups, entities, quotations, and the archive's own state.

use crate::{ArticleId, EntityId, Filters, GroupId};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use dateline_model::{Article, EntityKind, QuoteKind};
use dateline_query::Node;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An article as stored: its current revision and what the archive knows
/// about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StoredArticle {
    pub id: ArticleId,
    /// The page's identity: its normalised address, or `text:…` for a
    /// page stored without one.
    pub key: String,
    /// The current revision's number.
    pub revision: u32,
    /// The article's date in UTC (published, else updated, fetched, stored).
    pub date: DateTime<Utc>,
    #[schema(value_type = Object)]
    pub article: Article,
    /// The archive entity of each of the article's own entity ids (`e4`).
    pub entity_ids: BTreeMap<String, EntityId>,
    /// Every revision, oldest first.
    pub revisions: Vec<RevisionInfo>,
    pub group: Option<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RevisionInfo {
    pub number: u32,
    pub stored_at: DateTime<Utc>,
    #[schema(value_type = Option<String>)]
    pub fetched: Option<DateTime<FixedOffset>>,
    /// The update time the page gave in this version.
    pub updated: Option<String>,
    pub title: Option<String>,
    pub current: bool,
}

/// Copies of one report: the same text (near enough) on several pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Group {
    pub id: GroupId,
    /// Earliest first; the first is marked `first`.
    pub members: Vec<GroupMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct GroupMember {
    pub id: ArticleId,
    pub title: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    pub source: Option<String>,
    pub date: DateTime<Utc>,
    /// The earliest published copy.
    pub first: bool,
}

/// An entity across the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EntityRecord {
    pub id: EntityId,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: EntityKind,
    /// Other names the texts established for it (acronyms, "also known as").
    pub aliases: Vec<String>,
    /// Titles and roles given to it, most used first.
    pub titles: Vec<TitleCount>,
    /// Articles (current revisions) that mention it.
    pub articles: u64,
    pub mentions: u64,
    pub first_seen: Option<DateTime<Utc>>,
    pub last_seen: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TitleCount {
    pub title: String,
    pub articles: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EntitySummary {
    pub id: EntityId,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: EntityKind,
    pub articles: u64,
    pub mentions: u64,
}

/// Entities by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityQuery {
    /// Names or aliases with a word starting with these words ("bogd"
    /// finds Mikhail Bogdanov; case and dots ignored); all entities when
    /// `None`.
    pub name: Option<String>,
    pub kind: Option<EntityKind>,
    /// Most mentioned first; at most [`crate::MAX_PAGE`].
    pub limit: usize,
    /// Entities skipped, for the next page.
    pub offset: usize,
}

/// One period of an entity's mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MentionBucket {
    pub start: NaiveDate,
    pub articles: u64,
    pub mentions: u64,
}

/// Quotations by what was said and who said it.
#[derive(Debug, Clone)]
pub struct QuoteQuery {
    /// Over the quotation's text.
    pub query: Node,
    /// Speakers, by name or id: any of them.
    pub speakers: Vec<String>,
    /// Over the quoting article (sources, sections, dates…).
    pub filters: Filters,
    pub limit: usize,
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuotePage {
    pub total: u64,
    pub quotes: Vec<QuoteHit>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuoteHit {
    pub article: ArticleId,
    /// The quotation's place among its article's quotations, from 0.
    pub index: u32,
    pub text: String,
    #[schema(value_type = String)]
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub speaker: Option<EntityRef>,
    /// The speaker as the text names them there ("the diplomat").
    pub speaker_text: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EntityRef {
    pub id: EntityId,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: EntityKind,
}

/// The fields whose values can be listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueField {
    Source,
    Section,
    Site,
    Language,
}

/// Counts and sizes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Stats {
    pub articles: u64,
    pub revisions: u64,
    pub groups: u64,
    /// Articles in a syndication group.
    pub grouped_articles: u64,
    pub entities: u64,
    pub quotes: u64,
    pub sources: u64,
    pub sections: u64,
    pub first_date: Option<DateTime<Utc>>,
    pub last_date: Option<DateTime<Utc>>,
    /// The parts of the archive on disk and their sizes in bytes.
    pub bytes: BTreeMap<String, u64>,
    /// Changes stored but not yet searchable.
    pub unindexed: u64,
}

/// The outcome of an integrity check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub articles: u64,
    pub revisions: u64,
    /// Each problem found, in words; empty when all is well.
    pub problems: Vec<String>,
    /// Notes that are no fault (changes waiting to be indexed).
    pub notes: Vec<String>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// One revision as exported: the article and its place in the archive's
/// history. `ingest` reads a stream of these back into an equal archive.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord {
    pub meta: ExportMeta,
    pub article: Article,
}

/// Written as the `archive` member of each exported article object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportMeta {
    pub id: ArticleId,
    pub revision: u32,
    pub stored_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<DateTime<FixedOffset>>,
}
