//! The storage seam: everything the rest of Dateline asks of an archive.

use crate::*;
use dateline_model::Article;
use std::collections::BTreeSet;

/// An archive backend. The embedded one (SQLite records, Tantivy index)
/// is the default; a PostgreSQL one serves many machines. Both pass the
/// same [`conformance`](crate::conformance) suite, so nothing above this
/// trait can tell them apart.
///
/// Every method may be called from many threads at once, and by many
/// processes on one archive: a write is visible to every reader once it
/// returns. Searches see writes once [`Store::refresh`] has run (backends
/// refresh by themselves within a second or two).
pub trait Store: Send + Sync {
    /// Stores a batch in one transaction: for each article, a new record,
    /// a new revision of a stored one, or nothing when that version is
    /// already stored. An article the archive refuses fails alone, with
    /// its reason; the others are stored.
    fn put(&self, batch: Vec<Incoming>) -> Result<Vec<Result<Put, ItemError>>>;

    /// An article's current revision, its history and its copies.
    fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>>;

    /// One revision of an article, by number (1 is the first stored).
    fn revision(&self, id: ArticleId, number: u32) -> Result<Option<Article>>;

    /// Ranked full text over current revisions, with filters, facets,
    /// timeline and characteristic words.
    fn search(&self, request: &SearchRequest) -> Result<SearchPage>;

    fn entity(&self, id: EntityId) -> Result<Option<EntityRecord>>;

    /// Entities by name, most mentioned first.
    fn entities(&self, query: &EntityQuery) -> Result<Vec<EntitySummary>>;

    /// The entities a filter value stands for: an id (all digits), or
    /// every entity with that name or alias (case, dots and a leading
    /// "the" ignored).
    fn resolve_entity(&self, name_or_id: &str) -> Result<Vec<EntityId>>;

    /// Articles and mentions of an entity per period, oldest first.
    fn mentions_over_time(&self, id: EntityId, interval: Interval) -> Result<Vec<MentionBucket>>;

    /// Quotations by text and speaker, newest first.
    fn quotes(&self, query: &QuoteQuery) -> Result<QuotePage>;

    /// The values of a field over current revisions, most used first.
    fn values(&self, field: ValueField, limit: usize) -> Result<Vec<FacetCount>>;

    fn stats(&self) -> Result<Stats>;

    /// Compares the records with the index (and the records with
    /// themselves); never changes anything.
    fn check(&self) -> Result<CheckReport>;

    /// Rebuilds the search index from the records; returns the articles
    /// indexed.
    fn reindex(&self) -> Result<u64>;

    /// Makes everything stored so far searchable.
    fn refresh(&self) -> Result<()>;

    /// Every revision of every article (of `only`, when given), in the
    /// order they were stored.
    fn export(
        &self,
        only: Option<&BTreeSet<ArticleId>>,
        visit: &mut dyn FnMut(ExportRecord) -> Result<()>,
    ) -> Result<u64>;
}
