//! The change feed the index follows: articles whose current revision
//! changed after a given change number, in change order, with everything
//! their index documents hold.

use super::read;
use dateline_model::Article;
use dateline_store::{Context, Result};
use rusqlite::Connection;

/// One article as the index needs it.
pub struct Change {
    pub id: u64,
    pub seq: u64,
    /// Seconds since the epoch, UTC.
    pub date: i64,
    pub key: String,
    pub site: Option<String>,
    pub article: Article,
    /// Archive entity ids the article mentions.
    pub entities: Vec<u64>,
    pub quotes: Vec<QuoteDoc>,
}

pub struct QuoteDoc {
    pub index: u32,
    pub text: String,
    pub speaker: Option<u64>,
}

/// Up to `limit` changes after `after`.
pub fn changes(conn: &Connection, after: u64, limit: usize) -> Result<Vec<Change>> {
    let rows: Vec<(i64, i64, i64, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, seq, date, key, site FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
        )
        .and_then(|mut s| {
            s.query_map(rusqlite::params![after as i64, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .context("reading changes")?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, seq, date, key, site) in rows {
        out.push(load(conn, id, seq, date, key, site)?);
    }
    Ok(out)
}

/// Every article, in id order, for a rebuild: `visit` gets them in
/// chunks so memory stays bounded.
pub fn all(conn: &Connection, mut visit: impl FnMut(Vec<Change>) -> Result<()>) -> Result<()> {
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, i64, i64, String, Option<String>)> = conn
            .prepare_cached(
                "SELECT id, seq, date, key, site FROM articles WHERE id > ? ORDER BY id LIMIT 500",
            )
            .and_then(|mut s| {
                s.query_map([after], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .context("reading articles")?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.0;
        let mut chunk = Vec::with_capacity(rows.len());
        for (id, seq, date, key, site) in rows {
            chunk.push(load(conn, id, seq, date, key, site)?);
        }
        visit(chunk)?;
    }
}

fn load(
    conn: &Connection,
    id: i64,
    seq: i64,
    date: i64,
    key: String,
    site: Option<String>,
) -> Result<Change> {
    let (article, _, _) = read::current(conn, id)?.ok_or_else(|| {
        dateline_store::StoreError::Incompatible(format!("article {id} has no current revision"))
    })?;
    let entities = conn
        .prepare_cached("SELECT entity FROM mentions WHERE article = ? ORDER BY entity")
        .and_then(|mut s| {
            s.query_map([id], |r| Ok(r.get::<_, i64>(0)? as u64))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .context("reading an article's entities")?;
    let quotes = conn
        .prepare_cached("SELECT idx, text, speaker FROM quotes WHERE article = ? ORDER BY idx")
        .and_then(|mut s| {
            s.query_map([id], |r| {
                Ok(QuoteDoc {
                    index: r.get(0)?,
                    text: r.get(1)?,
                    speaker: r.get::<_, Option<i64>>(2)?.map(|s| s as u64),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .context("reading an article's quotations")?;
    Ok(Change {
        id: id as u64,
        seq: seq as u64,
        date,
        key,
        site,
        article,
        entities,
        quotes,
    })
}
