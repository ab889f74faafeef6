//! The records: one SQLite database in WAL mode, so that readers (a
//! server) never wait for a writer (an ingest) and a process killed at
//! any point leaves the last committed batch whole.

mod codec;
pub mod feed;
pub mod read;
mod schema;
pub mod write;

use dateline_store::{Context, Result, StoreError};
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// Decodes a stored revision (for checks).
pub fn decode_revision(text: &[u8], body: &[u8]) -> Result<dateline_model::Article> {
    codec::decode(text, body)
}

/// How long a connection waits for another process's write lock before
/// giving up: longer than any batch takes.
const BUSY: Duration = Duration::from_secs(60);

pub struct Db {
    readers: r2d2::Pool<SqliteConnectionManager>,
    /// One writing connection per process: SQLite admits one writer at a
    /// time anyway, and a dedicated one keeps its statement cache warm.
    writer: Mutex<Connection>,
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY)?;
    // WAL: readers see the last commit while a write goes on. FULL: a
    // batch reported stored survives a power cut, not only a crash.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -16000;",
    )
}

impl Db {
    pub fn open(path: &Path) -> Result<Db> {
        let mut writer = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .context(format!(
            "{}: cannot open the archive database",
            path.display()
        ))?;
        configure(&writer).context(format!("{}: cannot configure the database", path.display()))?;
        schema::migrate(&mut writer)?;
        let manager = SqliteConnectionManager::file(path)
            .with_flags(OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .with_init(|c| {
                c.busy_timeout(BUSY)?;
                c.execute_batch("PRAGMA cache_size = -16000;")
            });
        let readers = r2d2::Pool::builder()
            .max_size(8)
            .min_idle(Some(1))
            .build(manager)
            .map_err(|e| {
                StoreError::backend(format!("{}: cannot open readers", path.display()), e)
            })?;
        Ok(Db {
            readers,
            writer: Mutex::new(writer),
        })
    }

    pub fn reader(&self) -> Result<r2d2::PooledConnection<SqliteConnectionManager>> {
        self.readers
            .get()
            .map_err(|e| StoreError::backend("waiting for a database connection", e))
    }

    pub fn writer(&self) -> MutexGuard<'_, Connection> {
        // A panic while writing rolled its transaction back; the
        // connection itself is sound.
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The last change number.
    pub fn latest_seq(&self) -> Result<u64> {
        let conn = self.reader()?;
        let v: i64 = conn
            .query_row("SELECT value FROM counters WHERE name = 'seq'", [], |r| {
                r.get(0)
            })
            .context("reading the change counter")?;
        Ok(v as u64)
    }
}
