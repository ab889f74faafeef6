//! The embedded archive: one data directory, nothing to install or start.
//!
//! ```text
//!  DIR/archive.sqlite   the records (SQLite, WAL): the source of truth
//!  DIR/index/           the search index (Tantivy), derived from them
//! ```
//!
//! Writes go to SQLite in one transaction per batch; the index follows
//! the records' change feed ([`index`]) and catches up on every write,
//! on searches, and on [`Store::refresh`], so a crash between the two
//! loses nothing: the next sync indexes what the last one missed.

mod check;
mod db;
mod index;

use dateline_model::Article;
use dateline_store::*;
use db::{read, Db};
use index::{SearchIndex, Synced};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

/// The records' file in the data directory.
pub const DATABASE: &str = "archive.sqlite";
/// The index's directory in the data directory.
pub const INDEX: &str = "index";

/// How an archive is used by this process.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Keep the index writer for the life of the process: for one that
    /// writes or serves for long (ingest, serve), so that others leave
    /// indexing to it. Short commands take it only while they sync.
    pub hold_writer: bool,
}

pub struct Embedded {
    dir: PathBuf,
    db: Db,
    /// The index, or why it cannot be used (`reindex` rebuilds it).
    index: RwLock<std::result::Result<SearchIndex, String>>,
    options: Options,
    last_sync: Mutex<Option<Instant>>,
}

/// Syncs run at most this often on their own (every write and search
/// asks); [`Store::refresh`] syncs at once.
const SYNC_EVERY: Duration = Duration::from_millis(1000);

impl Embedded {
    /// Opens the archive in `dir`, creating it if `dir` is empty or absent.
    pub fn open(dir: &Path, options: Options) -> Result<Embedded> {
        let db_path = dir.join(DATABASE);
        if dir.is_dir() && !db_path.exists() {
            let entries = std::fs::read_dir(dir)
                .context(format!("{}: cannot read the data directory", dir.display()))?;
            // The archive's own files mean another process is creating it
            // right now (its database appeared after the check above):
            // open it with that process. Anything else is someone's data.
            let foreign = entries.flatten().any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                !(name.starts_with(DATABASE) || name == INDEX)
            });
            if foreign {
                return Err(StoreError::Incompatible(format!(
                    "{}: not a Dateline archive (no {DATABASE}) and not empty: name an empty or \
                     new directory",
                    dir.display()
                )));
            }
        }
        std::fs::create_dir_all(dir).context(format!(
            "{}: cannot create the data directory",
            dir.display()
        ))?;
        let db = Db::open(&db_path)?;
        let index =
            SearchIndex::open(&dir.join(INDEX), options.hold_writer).map_err(|e| e.to_string());
        let archive = Embedded {
            dir: dir.to_path_buf(),
            db,
            index: RwLock::new(index),
            options,
            last_sync: Mutex::new(None),
        };
        Ok(archive)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn with_index<T>(&self, f: impl FnOnce(&SearchIndex) -> Result<T>) -> Result<T> {
        let guard = self.index.read().unwrap_or_else(|p| p.into_inner());
        match &*guard {
            Ok(index) => f(index),
            Err(why) => Err(StoreError::Incompatible(format!(
                "{why}; `dateline archive reindex` rebuilds it from the records"
            ))),
        }
    }

    /// Syncs unless one ran within [`SYNC_EVERY`].
    fn maybe_sync(&self) -> Result<()> {
        {
            let last = self.last_sync.lock().unwrap_or_else(|p| p.into_inner());
            if last.is_some_and(|t| t.elapsed() < SYNC_EVERY) {
                return Ok(());
            }
        }
        self.sync()
    }

    fn sync(&self) -> Result<()> {
        let outcome = self.with_index(|index| {
            let outcome = index.sync(&self.db)?;
            if outcome == Synced::Elsewhere {
                index.reload()?;
            }
            Ok(outcome)
        });
        *self.last_sync.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
        outcome.map(|_| ())
    }
}

impl Store for Embedded {
    fn put(&self, batch: Vec<Incoming>) -> Result<Vec<std::result::Result<Put, ItemError>>> {
        let out = {
            let mut conn = self.db.writer();
            db::write::put_batch(&mut conn, batch)?
        };
        // The records are written; indexing them is best effort here (a
        // damaged index must not stop an ingest) and finished by refresh.
        if let Err(e) = self.maybe_sync() {
            tracing::warn!("the index did not take the last batch yet: {e}");
        }
        Ok(out)
    }

    fn article(&self, id: ArticleId) -> Result<Option<StoredArticle>> {
        read::article(&*self.db.reader()?, id)
    }

    fn revision(&self, id: ArticleId, number: u32) -> Result<Option<Article>> {
        read::revision(&*self.db.reader()?, id, number)
    }

    fn search(&self, request: &SearchRequest) -> Result<SearchPage> {
        self.maybe_sync()?;
        self.with_index(|index| index.search(&self.db, request))
    }

    fn entity(&self, id: EntityId) -> Result<Option<EntityRecord>> {
        read::entity(&*self.db.reader()?, id)
    }

    fn entities(&self, query: &EntityQuery) -> Result<Vec<EntitySummary>> {
        if query.limit > MAX_PAGE {
            return Err(StoreError::bad_request(format!(
                "limit {} is above the maximum {MAX_PAGE}",
                query.limit
            )));
        }
        read::entities(&*self.db.reader()?, query)
    }

    fn resolve_entity(&self, name_or_id: &str) -> Result<Vec<EntityId>> {
        read::resolve_entity(&*self.db.reader()?, name_or_id)
    }

    fn mentions_over_time(&self, id: EntityId, interval: Interval) -> Result<Vec<MentionBucket>> {
        read::mentions_over_time(&*self.db.reader()?, id, interval)
    }

    fn quotes(&self, query: &QuoteQuery) -> Result<QuotePage> {
        self.maybe_sync()?;
        self.with_index(|index| index::quotes_page(index, &self.db, query))
    }

    fn values(&self, field: ValueField, limit: usize) -> Result<Vec<FacetCount>> {
        let mut request = SearchRequest::new(dateline_query::Node::All);
        request.limit = 0;
        request.facets = limit.min(MAX_FACET_VALUES);
        let facets = self.search(&request)?.facets.unwrap_or_else(|| Facets {
            sources: vec![],
            sections: vec![],
            languages: vec![],
            sites: vec![],
            entities: vec![],
        });
        Ok(match field {
            ValueField::Source => facets.sources,
            ValueField::Section => facets.sections,
            ValueField::Site => facets.sites,
            ValueField::Language => facets.languages,
        })
    }

    fn stats(&self) -> Result<Stats> {
        let conn = self.db.reader()?;
        let count = |sql: &str| -> Result<u64> {
            conn.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .context("counting")
        };
        let (first, last): (Option<i64>, Option<i64>) = conn
            .query_row("SELECT MIN(date), MAX(date) FROM articles", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .context("reading dates")?;
        let mut bytes = std::collections::BTreeMap::new();
        for name in [DATABASE.to_string(), format!("{DATABASE}-wal")] {
            if let Ok(m) = std::fs::metadata(self.dir.join(&name)) {
                bytes.insert(name, m.len());
            }
        }
        bytes.insert(INDEX.to_string(), index::dir_size(&self.dir.join(INDEX)));
        let latest = self.db.latest_seq()?;
        let unindexed = match self.with_index(|i| i.indexed_seq()) {
            Ok(seq) => conn
                .query_row(
                    "SELECT COUNT(*) FROM articles WHERE seq > ?",
                    [seq as i64],
                    |r| r.get::<_, i64>(0),
                )
                .context("counting unindexed articles")? as u64,
            Err(_) => latest.min(count("SELECT COUNT(*) FROM articles")?),
        };
        Ok(Stats {
            articles: count("SELECT COUNT(*) FROM articles")?,
            revisions: count("SELECT COUNT(*) FROM revisions")?,
            groups: count(
                "SELECT COUNT(DISTINCT group_id) FROM articles WHERE group_id IS NOT NULL",
            )?,
            grouped_articles: count("SELECT COUNT(*) FROM articles WHERE group_id IS NOT NULL")?,
            entities: count("SELECT COUNT(*) FROM entities WHERE articles > 0")?,
            quotes: count("SELECT COUNT(*) FROM quotes")?,
            sources: count("SELECT COUNT(DISTINCT source) FROM articles")?,
            sections: count("SELECT COUNT(DISTINCT section) FROM articles")?,
            first_date: first.map(read::seconds),
            last_date: last.map(read::seconds),
            bytes,
            unindexed,
        })
    }

    fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        check::records(&self.db, &mut report)?;
        let guard = self.index.read().unwrap_or_else(|p| p.into_inner());
        match &*guard {
            Ok(index) => {
                if let Err(e) = index
                    .reload()
                    .and_then(|()| check::index(&self.db, index, &mut report))
                {
                    report.problems.push(format!("index: {e}"));
                }
            }
            Err(why) => report.problems.push(format!("index: {why}")),
        }
        Ok(report)
    }

    fn reindex(&self) -> Result<u64> {
        let mut guard = self.index.write().unwrap_or_else(|p| p.into_inner());
        if guard.is_err() {
            // Damaged beyond opening: set it aside and start afresh.
            let dir = self.dir.join(INDEX);
            let aside = self.dir.join(format!("{INDEX}.damaged"));
            let _ = std::fs::remove_dir_all(&aside);
            if dir.exists() {
                std::fs::rename(&dir, &aside).context(format!(
                    "{}: cannot move the damaged index aside",
                    dir.display()
                ))?;
            }
            *guard = Ok(SearchIndex::open(&dir, self.options.hold_writer)?);
            let _ = std::fs::remove_dir_all(&aside);
        }
        let index = guard
            .as_ref()
            .map_err(|e| StoreError::Incompatible(e.clone()))?;
        index.rebuild(&self.db)
    }

    fn refresh(&self) -> Result<()> {
        self.sync()
    }

    fn export(
        &self,
        only: Option<&BTreeSet<ArticleId>>,
        visit: &mut dyn FnMut(ExportRecord) -> Result<()>,
    ) -> Result<u64> {
        read::export(&*self.db.reader()?, only, visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open() -> (tempfile::TempDir, Embedded) {
        let dir = tempfile::tempdir().unwrap();
        let store = Embedded::open(&dir.path().join("data"), Options::default()).unwrap();
        (dir, store)
    }

    dateline_store::conformance_tests!(|| {
        let (dir, store) = open();
        (Box::new(store) as Box<dyn Store>, dir)
    });

    #[test]
    fn refuses_a_directory_that_is_no_archive() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let e = Embedded::open(dir.path(), Options::default())
            .err()
            .unwrap();
        assert!(e.to_string().contains("not a Dateline archive"), "{e}");
    }
}
