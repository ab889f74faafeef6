//! The records' tables, and their migrations.
//!
//! `PRAGMA user_version` holds the schema version. Opening an archive
//! runs the migrations it lacks, each in its own transaction, and refuses
//! an archive written by a newer Dateline (its tables may mean more than
//! this version knows).

use dateline_store::{Context, Result, StoreError};
use rusqlite::Connection;

/// Each migration, in order; the schema version is their count.
const MIGRATIONS: &[&str] = &[r#"
-- Counters: 'seq' numbers every change (the index follows it), 'group'
-- the syndication groups.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters VALUES ('seq', 0), ('group', 0);

-- One row per page: its identity and a summary of its current revision,
-- enough to list it without decoding the revision.
CREATE TABLE articles (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    revision  INTEGER NOT NULL CHECK (revision >= 1),
    revisions INTEGER NOT NULL CHECK (revisions >= revision),
    seq       INTEGER NOT NULL,
    date      INTEGER NOT NULL,          -- seconds since the epoch, UTC
    url       TEXT,
    title     TEXT,
    site      TEXT,
    source    TEXT,
    section   TEXT,
    language  TEXT,
    published TEXT,                      -- as the page gave it
    dateline  TEXT,
    group_id  INTEGER,
    signature BLOB                       -- MinHash of the current text
);
CREATE INDEX articles_seq ON articles (seq);
CREATE INDEX articles_group ON articles (group_id) WHERE group_id IS NOT NULL;
CREATE INDEX articles_date ON articles (date);

-- Every version of every page, in full. `seq` orders them as stored.
CREATE TABLE revisions (
    article     INTEGER NOT NULL REFERENCES articles (id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    seq         INTEGER NOT NULL UNIQUE,
    stored_at   INTEGER NOT NULL,        -- microseconds since the epoch, UTC
    fetched     TEXT,                    -- RFC 3339, the fetch's own offset
    fingerprint BLOB NOT NULL,
    updated     TEXT,
    title       TEXT,
    text        BLOB NOT NULL,           -- zstd
    body        BLOB NOT NULL,           -- zstd: the article's JSON without its text
    UNIQUE (article, number),
    UNIQUE (article, fingerprint)
);

-- MinHash LSH bands of current texts: a shared band makes two articles
-- candidate copies.
CREATE TABLE bands (
    band    INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (id),
    PRIMARY KEY (band, article)
) WITHOUT ROWID;

CREATE TABLE entities (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'location', 'misc')),
    name     TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0 CHECK (articles >= 0),
    mentions INTEGER NOT NULL DEFAULT 0 CHECK (mentions >= 0)
);
CREATE INDEX entities_articles ON entities (articles DESC);

-- Every name an entity is known by: its canonical name and the aliases
-- texts established. A name of a kind belongs to one entity.
CREATE TABLE entity_names (
    kind   TEXT NOT NULL,
    key    TEXT NOT NULL,
    entity INTEGER NOT NULL REFERENCES entities (id),
    name   TEXT NOT NULL,
    alias  INTEGER NOT NULL CHECK (alias IN (0, 1)),
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX entity_names_key ON entity_names (key);
CREATE INDEX entity_names_entity ON entity_names (entity);

-- The current revision's entities: an article's own ids (e4) to the
-- archive's, and mentions per entity.
CREATE TABLE local_entities (
    article INTEGER NOT NULL REFERENCES articles (id),
    local   TEXT NOT NULL,
    entity  INTEGER NOT NULL REFERENCES entities (id),
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles (id),
    entity  INTEGER NOT NULL REFERENCES entities (id),
    count   INTEGER NOT NULL CHECK (count >= 0),
    date    INTEGER NOT NULL,
    PRIMARY KEY (article, entity)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity, date, count);

CREATE TABLE titles (
    entity  INTEGER NOT NULL REFERENCES entities (id),
    title   TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles (id),
    PRIMARY KEY (entity, title, article)
) WITHOUT ROWID;
CREATE INDEX titles_article ON titles (article);

-- The current revision's quotations.
CREATE TABLE quotes (
    article      INTEGER NOT NULL REFERENCES articles (id),
    idx          INTEGER NOT NULL,
    speaker      INTEGER REFERENCES entities (id),
    kind         TEXT NOT NULL,
    cue          TEXT,
    text         TEXT NOT NULL,
    speaker_text TEXT,
    date         INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker, date) WHERE speaker IS NOT NULL;
"#];

pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings a database to the current schema.
///
/// Each step reads the version inside an immediate (write-locked)
/// transaction: two processes opening a new archive at once take turns,
/// and the second finds the first one's work done.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .context("starting a migration")?;
        let current: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .context("reading the archive's schema version")?;
        if current > VERSION {
            return Err(StoreError::Incompatible(format!(
                "the archive has schema version {current}, newer than this Dateline's {VERSION}: \
                 upgrade Dateline to open it"
            )));
        }
        let Some(sql) = MIGRATIONS.get(current as usize) else {
            return Ok(());
        };
        let version = current + 1;
        tx.execute_batch(sql)
            .context(format!("migrating the archive to schema version {version}"))?;
        tx.pragma_update(None, "user_version", version)
            .context("recording the schema version")?;
        tx.commit().context("committing a migration")?;
    }
}
