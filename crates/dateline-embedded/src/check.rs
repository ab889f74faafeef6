//! `archive check`: the records against themselves, and the index
//! against the records. Reads only.

use crate::db::{self, Db};
use crate::index::schema::{KIND_ARTICLE, KIND_QUOTE};
use crate::index::SearchIndex;
use dateline_store::{CheckReport, Context, Result};
use std::collections::HashMap;

/// Problems listed one by one up to this many of a kind; beyond it, counted.
const LIST: usize = 20;

pub fn records(db: &Db, report: &mut CheckReport) -> Result<()> {
    let conn = db.reader()?;
    let quick: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .context("checking the database")?;
    if quick != ["ok"] {
        for line in quick.iter().take(LIST) {
            report.problems.push(format!("database: {line}"));
        }
    }
    report.articles = conn
        .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
        .context("counting articles")?;
    report.revisions = conn
        .query_row("SELECT COUNT(*) FROM revisions", [], |r| r.get(0))
        .context("counting revisions")?;
    let mut push = |kind: &str, rows: Vec<String>| {
        let n = rows.len();
        for r in rows.iter().take(LIST) {
            report.problems.push(format!("{kind}: {r}"));
        }
        if n > LIST {
            report
                .problems
                .push(format!("{kind}: … and {} more", n - LIST));
        }
    };
    let rows: Vec<String> = conn
        .prepare(
            "SELECT a.id, a.revisions, COUNT(r.number) FROM articles a
             LEFT JOIN revisions r ON r.article = a.id GROUP BY a.id
             HAVING COUNT(r.number) != a.revisions
                 OR SUM(r.number = a.revision) != 1",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(format!(
                    "article {} records {} revisions but has {} (or lacks its current one)",
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?
                ))
            })?
            .collect()
        })
        .context("checking revisions")?;
    push("revisions", rows);
    let rows: Vec<String> = conn
        .prepare(
            "SELECT e.id, e.articles, COUNT(m.article), e.mentions, COALESCE(SUM(m.count), 0)
             FROM entities e LEFT JOIN mentions m ON m.entity = e.id GROUP BY e.id
             HAVING COUNT(m.article) != e.articles OR COALESCE(SUM(m.count), 0) != e.mentions",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(format!(
                    "entity {} counts {} articles and {} mentions, but {} and {} are stored",
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(4)?
                ))
            })?
            .collect()
        })
        .context("checking entity counts")?;
    push("entities", rows);
    // Every revision must decode: the records are the source of truth.
    let mut bad = Vec::new();
    let mut s = conn
        .prepare("SELECT article, number, text, body FROM revisions ORDER BY seq")
        .context("reading revisions")?;
    let mut rows = s.query([]).context("reading revisions")?;
    while let Some(r) = rows.next().context("reading revisions")? {
        let (id, number): (i64, i64) = (r.get(0).context("reading")?, r.get(1).context("reading")?);
        let text: Vec<u8> = r.get(2).context("reading")?;
        let body: Vec<u8> = r.get(3).context("reading")?;
        if let Err(e) = db::decode_revision(&text, &body) {
            bad.push(format!(
                "article {id} revision {number} cannot be read: {e}"
            ));
        }
    }
    push("revisions", bad);
    Ok(())
}

pub fn index(db: &Db, index: &SearchIndex, report: &mut CheckReport) -> Result<()> {
    let indexed_seq = index.indexed_seq()?;
    let conn = db.reader()?;
    let mut records: HashMap<u64, (u64, u64)> = HashMap::new();
    {
        let mut s = conn
            .prepare("SELECT id, seq FROM articles")
            .context("reading articles")?;
        let rows = s
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
            })
            .context("reading articles")?;
        for row in rows {
            let (id, seq) = row.context("reading articles")?;
            records.insert(id, (seq, 0));
        }
        let mut s = conn
            .prepare("SELECT article, COUNT(*) FROM quotes GROUP BY article")
            .context("reading quotations")?;
        let rows = s
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64))
            })
            .context("reading quotations")?;
        for row in rows {
            let (id, n) = row.context("reading quotations")?;
            if let Some(r) = records.get_mut(&id) {
                r.1 = n.min(crate::index::docs::MAX_QUOTES as u64);
            }
        }
    }

    // What the index holds: per article, its documents' change numbers
    // and its quotation documents.
    let mut docs: HashMap<u64, (Vec<u64>, u64)> = HashMap::new();
    let searcher = index.searcher();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let col = |name: &str| {
            ff.u64(name).map_err(|e| {
                dateline_store::StoreError::Incompatible(format!(
                    "the search index is damaged: column {name}: {e}"
                ))
            })
        };
        let (kind, article, seq) = (col("kind")?, col("article")?, col("seq")?);
        for doc in segment.doc_ids_alive() {
            let id = article.first(doc).unwrap_or(0);
            let entry = docs.entry(id).or_default();
            match kind.first(doc) {
                Some(KIND_ARTICLE) => entry.0.push(seq.first(doc).unwrap_or(0)),
                Some(KIND_QUOTE) => entry.1 += 1,
                other => report.problems.push(format!(
                    "index: a document of unknown kind {other:?} for article {id}"
                )),
            }
        }
    }

    let mut missing = Vec::new();
    let mut stale = Vec::new();
    let mut extra = Vec::new();
    let mut pending = 0u64;
    for (&id, &(seq, quotes)) in &records {
        if seq > indexed_seq {
            pending += 1;
            continue;
        }
        match docs.get(&id) {
            None => missing.push(format!("article {id} is not in the index")),
            Some((seqs, _)) if seqs.is_empty() => {
                missing.push(format!("article {id} is not in the index"))
            }
            Some((seqs, _)) if seqs.len() > 1 => {
                stale.push(format!("article {id} is in the index {} times", seqs.len()))
            }
            Some((seqs, _)) if seqs[0] != seq => stale.push(format!(
                "article {id} is indexed as of change {}, its records are at change {seq}",
                seqs[0]
            )),
            Some((_, q)) if *q != quotes => stale.push(format!(
                "article {id} has {quotes} quotations but {q} in the index"
            )),
            Some(_) => {}
        }
    }
    for id in docs.keys() {
        if !records.contains_key(id) {
            extra.push(format!(
                "the index holds article {id}, which the records do not"
            ));
        }
    }
    missing.sort();
    stale.sort();
    extra.sort();
    for (kind, rows) in [("index", missing), ("index", stale), ("index", extra)] {
        let n = rows.len();
        for r in rows.iter().take(LIST) {
            report.problems.push(format!("{kind}: {r}"));
        }
        if n > LIST {
            report
                .problems
                .push(format!("{kind}: … and {} more", n - LIST));
        }
    }
    if pending > 0 {
        report.notes.push(format!(
            "{pending} changed articles are waiting to be indexed (the next write or search \
             indexes them)"
        ));
    }
    Ok(())
}
