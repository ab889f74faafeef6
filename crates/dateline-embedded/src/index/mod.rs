//! The search index: derived from the records, rebuilt from them at will.
//!
//! The index follows the records' change feed: each commit's payload
//! holds the last change number it includes, so after a crash (or when
//! another process wrote) the next sync indexes exactly what is missing.
//! Whoever holds Tantivy's writer lock indexes for everyone; a process
//! that cannot get it leaves the work to the one that has it.

mod collect;
pub mod docs;
pub mod language;
pub mod query;
pub mod schema;
mod search;
mod significant;
mod snippets;
mod words;

use crate::db::{feed, Db};
use dateline_store::{Context, Interval, Result, StoreError};
use language::Analyzers;
use schema::Fields;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;
use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};

pub use search::quotes_page;

/// Articles indexed between two commits of a long catch-up, so a killed
/// rebuild resumes instead of starting over.
const COMMIT_EVERY: usize = 20_000;
/// Memory for the writer's in-memory segments, per thread.
const WRITER_BUDGET: usize = 64 * 1024 * 1024;

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    analyzers: Analyzers,
    writer: Mutex<Option<IndexWriter>>,
    /// Keep the writer between syncs (a server, an ingest run).
    hold_writer: bool,
    /// All articles per period, by searcher generation: the timeline's
    /// denominator, the same for every search until the next commit.
    totals: Mutex<HashMap<(u64, Interval), BTreeMap<chrono::NaiveDate, u64>>>,
}

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// Indexed this many changed articles (maybe none).
    Indexed(usize),
    /// Another process holds the writer and indexes.
    Elsewhere,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    version: u32,
    seq: u64,
}

fn is_lock_busy(e: &TantivyError) -> bool {
    matches!(e, TantivyError::LockFailure(LockError::LockBusy, _))
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when there is none.
    pub fn open(dir: &Path, hold_writer: bool) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).context(format!(
            "{}: cannot create the index directory",
            dir.display()
        ))?;
        let (schema, fields) = schema::build();
        let mmap = tantivy::directory::MmapDirectory::open(dir)
            .context(format!("{}: cannot open the index", dir.display()))?;
        // Two processes opening a new archive at once both try to create
        // the index; the one that loses finds it made a moment later.
        let index = Index::open_or_create(mmap.clone(), schema.clone())
            .or_else(|_| {
                std::thread::sleep(std::time::Duration::from_millis(100));
                Index::open_or_create(mmap, schema.clone())
            })
            .map_err(|e| {
                StoreError::Incompatible(format!("the search index is unreadable: {e}"))
            })?;
        if index.schema() != schema {
            return Err(StoreError::Incompatible(
                "the search index has other fields than this version of Dateline uses".into(),
            ));
        }
        schema::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| {
                StoreError::Incompatible(format!("the search index is unreadable: {e}"))
            })?;
        let this = SearchIndex {
            index,
            reader,
            fields,
            analyzers: Analyzers::default(),
            writer: Mutex::new(None),
            hold_writer,
            totals: Mutex::new(HashMap::new()),
        };
        let payload = this.payload()?;
        if payload.version != schema::VERSION {
            return Err(StoreError::Incompatible(format!(
                "the search index was built by another version of Dateline (index version {}, \
                 this one uses {})",
                payload.version,
                schema::VERSION
            )));
        }
        Ok(this)
    }

    fn payload(&self) -> Result<Payload> {
        let meta = self.index.load_metas().map_err(|e| {
            StoreError::Incompatible(format!("the search index is unreadable: {e}"))
        })?;
        match meta.payload {
            None => Ok(Payload {
                version: schema::VERSION,
                seq: 0,
            }),
            Some(p) => serde_json::from_str(&p).map_err(|e| {
                StoreError::Incompatible(format!(
                    "the search index's commit record is damaged: {e}"
                ))
            }),
        }
    }

    /// The last change the index holds.
    pub fn indexed_seq(&self) -> Result<u64> {
        Ok(self.payload()?.seq)
    }

    /// Indexes every change the records hold beyond the last commit.
    pub fn sync(&self, db: &Db) -> Result<Synced> {
        let mut slot = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            match self
                .index
                .writer_with_num_threads(writer_threads(), WRITER_BUDGET)
            {
                Ok(w) => *slot = Some(w),
                Err(e) if is_lock_busy(&e) => return Ok(Synced::Elsewhere),
                Err(e) => return Err(StoreError::backend("opening the index writer", e)),
            }
        }
        let writer = slot.as_mut().expect("writer just set");
        let result = self.catch_up(db, writer);
        if result.is_err() {
            // Whatever was added since the last commit is dropped; the
            // next sync starts again from the committed change number.
            let _ = writer.rollback();
        }
        if !self.hold_writer {
            if let Some(w) = slot.take() {
                let _ = w.wait_merging_threads();
            }
        }
        result
    }

    fn catch_up(&self, db: &Db, writer: &mut IndexWriter) -> Result<Synced> {
        let mut seq = self.indexed_seq()?;
        let conn = db.reader()?;
        let mut indexed = 0usize;
        let mut since_commit = 0usize;
        loop {
            let changes = feed::changes(&conn, seq, 500)?;
            if changes.is_empty() {
                break;
            }
            for c in &changes {
                self.replace(writer, c)?;
                seq = c.seq;
            }
            indexed += changes.len();
            since_commit += changes.len();
            if since_commit >= COMMIT_EVERY {
                self.commit(writer, seq)?;
                since_commit = 0;
            }
        }
        if since_commit > 0 {
            self.commit(writer, seq)?;
        }
        Ok(Synced::Indexed(indexed))
    }

    fn replace(&self, writer: &IndexWriter, c: &feed::Change) -> Result<()> {
        writer.delete_term(Term::from_field_u64(self.fields.article, c.id));
        for doc in docs::documents(c, &self.fields, &self.analyzers) {
            writer.add_document(doc).context("indexing an article")?;
        }
        Ok(())
    }

    fn commit(&self, writer: &mut IndexWriter, seq: u64) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            version: schema::VERSION,
            seq,
        })
        .expect("payload serialises");
        let mut prepared = writer.prepare_commit().context("committing the index")?;
        prepared.set_payload(&payload);
        prepared.commit().context("committing the index")?;
        self.reader.reload().context("reloading the index")?;
        Ok(())
    }

    /// Empties the index and indexes every article again.
    pub fn rebuild(&self, db: &Db) -> Result<u64> {
        let mut slot = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            match self
                .index
                .writer_with_num_threads(writer_threads(), WRITER_BUDGET)
            {
                Ok(w) => *slot = Some(w),
                Err(e) if is_lock_busy(&e) => {
                    return Err(StoreError::Busy(
                        "another process (a server or an ingest) is writing the index: stop it, \
                         then reindex"
                            .into(),
                    ))
                }
                Err(e) => return Err(StoreError::backend("opening the index writer", e)),
            }
        }
        let writer = slot.as_mut().expect("writer just set");
        // The change number is read before the articles: a change made
        // during the rebuild is then indexed again by the next sync.
        let seq = db.latest_seq()?;
        let conn = db.reader()?;
        writer
            .delete_all_documents()
            .context("emptying the index")?;
        let mut n = 0u64;
        let result = feed::all(&conn, |chunk| {
            for c in &chunk {
                self.replace(writer, c)?;
            }
            n += chunk.len() as u64;
            Ok(())
        })
        .and_then(|()| self.commit(writer, seq));
        if result.is_err() {
            let _ = writer.rollback();
        }
        if !self.hold_writer {
            if let Some(w) = slot.take() {
                let _ = w.wait_merging_threads();
            }
        }
        result.map(|()| n)
    }

    /// Makes the last commit (of any process) visible to searches now.
    pub fn reload(&self) -> Result<()> {
        self.reader.reload().context("reloading the index")
    }
}

fn writer_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 2)
}

pub fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}
