//! The write path: one batch, one transaction.
//!
//! For each article: find the page by its identity; store it as a new
//! article, a new revision, or nothing when that version is stored
//! already; and when its current revision changed, replace what is
//! derived from it: the entity links, the quotations, the syndication
//! bands. Every change takes the next number of the `seq` counter, which
//! the index follows.

use super::codec;
use chrono::{DateTime, Utc};
use dateline_model::{Article, EntityKind, PageTime, QuoteKind};
use dateline_store::identity::{article_key, fingerprint, site_of};
use dateline_store::minhash::{Signature, THRESHOLD};
use dateline_store::names::name_key;
use dateline_store::time::{article_date, utc_of};
use dateline_store::{
    validate, ArticleId, Change, Context, GroupId, Incoming, ItemError, Put, Result,
};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use std::collections::{BTreeMap, BTreeSet};

pub fn put_batch(
    conn: &mut rusqlite::Connection,
    batch: Vec<Incoming>,
) -> Result<Vec<Result<Put, ItemError>>> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .context("starting a write")?;
    let mut out = Vec::with_capacity(batch.len());
    for item in batch {
        match validate(&item.article) {
            Err(e) => out.push(Err(e)),
            Ok(()) => out.push(Ok(put_one(&tx, &item)?)),
        }
    }
    tx.commit().context("committing a write")?;
    Ok(out)
}

fn put_one(tx: &Transaction, item: &Incoming) -> Result<Put> {
    let a = &item.article;
    let key = article_key(a);
    let fp = fingerprint(a).to_le_bytes();
    let stored_at = item.stored_at.unwrap_or_else(Utc::now);
    let date = article_date(a, item.fetched, stored_at).timestamp();

    let existing = tx
        .prepare_cached(
            "SELECT a.id, a.revisions, r.updated, a.signature FROM articles a
             JOIN revisions r ON r.article = a.id AND r.number = a.revision
             WHERE a.key = ?",
        )
        .and_then(|mut s| {
            s.query_row([&key], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<Vec<u8>>>(3)?,
                ))
            })
            .optional()
        })
        .context("looking up an article")?;

    let Some((id, revisions, current_updated, old_signature)) = existing else {
        let seq = next(tx, "seq")?;
        let s = Summary::of(a);
        tx.prepare_cached(
            "INSERT INTO articles (key, revision, revisions, seq, date, url, title, site,
                 source, section, language, published, dateline)
             VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .and_then(|mut st| {
            st.execute(params![
                key,
                seq,
                date,
                s.url,
                a.title,
                s.site,
                a.source,
                a.section,
                a.language,
                s.published,
                s.dateline
            ])
        })
        .context("storing an article")?;
        let id = tx.last_insert_rowid();
        insert_revision(tx, id, 1, seq, stored_at, item, &fp)?;
        let syndicated = set_current(tx, id, a, date, None)?;
        return Ok(Put {
            id: ArticleId(id as u64),
            change: Change::New,
            revision: 1,
            syndicated,
        });
    };

    let same: Option<u32> = tx
        .prepare_cached("SELECT number FROM revisions WHERE article = ? AND fingerprint = ?")
        .and_then(|mut s| s.query_row(params![id, &fp[..]], |r| r.get(0)).optional())
        .context("comparing with stored revisions")?;
    if let Some(number) = same {
        return Ok(Put {
            id: ArticleId(id as u64),
            change: Change::Unchanged,
            revision: number,
            syndicated: None,
        });
    }

    let number = revisions + 1;
    let seq = next(tx, "seq")?;
    insert_revision(tx, id, number, seq, stored_at, item, &fp)?;
    // A version that says it was updated before the current one is
    // history: kept, not made current (an old crawl ingested late).
    let is_older = match (
        a.updated,
        current_updated.and_then(|u| u.parse::<PageTime>().ok()),
    ) {
        (Some(new), Some(current)) => utc_of(new) < utc_of(current),
        _ => false,
    };
    if is_older {
        tx.execute(
            "UPDATE articles SET revisions = ? WHERE id = ?",
            params![number, id],
        )
        .context("recording a revision")?;
        return Ok(Put {
            id: ArticleId(id as u64),
            change: Change::Revised,
            revision: number,
            syndicated: None,
        });
    }
    let s = Summary::of(a);
    tx.prepare_cached(
        "UPDATE articles SET revision = ?1, revisions = ?1, seq = ?2, date = ?3, url = ?4,
             title = ?5, site = ?6, source = ?7, section = ?8, language = ?9, published = ?10,
             dateline = ?11
         WHERE id = ?12",
    )
    .and_then(|mut st| {
        st.execute(params![
            number,
            seq,
            date,
            s.url,
            a.title,
            s.site,
            a.source,
            a.section,
            a.language,
            s.published,
            s.dateline,
            id
        ])
    })
    .context("updating an article")?;
    let old = old_signature.as_deref().and_then(Signature::from_bytes);
    let syndicated = set_current(tx, id, a, date, old)?;
    Ok(Put {
        id: ArticleId(id as u64),
        change: Change::Revised,
        revision: number,
        syndicated,
    })
}

/// What the `articles` row repeats of the current revision.
struct Summary {
    url: Option<String>,
    site: Option<String>,
    published: Option<String>,
    dateline: Option<String>,
}

impl Summary {
    fn of(a: &Article) -> Summary {
        let url = a.url.clone().or_else(|| a.canonical_url.clone());
        Summary {
            site: url.as_deref().and_then(site_of),
            url,
            published: a.published.map(|p| p.to_string()),
            dateline: a.dateline.as_ref().map(|d| d.text.clone()),
        }
    }
}

/// The next value of a counter.
pub fn next(tx: &Transaction, counter: &str) -> Result<i64> {
    tx.prepare_cached("UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value")
        .and_then(|mut s| s.query_row([counter], |r| r.get(0)))
        .context("advancing a counter")
}

fn insert_revision(
    tx: &Transaction,
    id: i64,
    number: u32,
    seq: i64,
    stored_at: DateTime<Utc>,
    item: &Incoming,
    fp: &[u8],
) -> Result<()> {
    let a = &item.article;
    let encoded = codec::encode(a)?;
    tx.prepare_cached(
        "INSERT INTO revisions (article, number, seq, stored_at, fetched, fingerprint, updated,
             title, text, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .and_then(|mut s| {
        s.execute(params![
            id,
            number,
            seq,
            stored_at.timestamp_micros(),
            item.fetched.map(|f| f.to_rfc3339()),
            fp,
            a.updated.map(|u| u.to_string()),
            a.title,
            encoded.text,
            encoded.body,
        ])
    })
    .context("storing a revision")?;
    Ok(())
}

/// Replaces everything derived from the current revision.
fn set_current(
    tx: &Transaction,
    id: i64,
    a: &Article,
    date: i64,
    old_signature: Option<Signature>,
) -> Result<Option<GroupId>> {
    clear_entities(tx, id)?;
    let locals = link_entities(tx, id, a, date)?;
    store_quotes(tx, id, a, date, &locals)?;
    syndicate(tx, id, a, old_signature)
}

pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        EntityKind::Misc => "misc",
    }
}

pub fn quote_kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::AccordingTo => "according_to",
    }
}

/// Takes the article's previous entities and quotations away, and their
/// counts from the entities.
fn clear_entities(tx: &Transaction, id: i64) -> Result<()> {
    tx.execute(
        "UPDATE entities SET
             articles = articles - 1,
             mentions = mentions - (SELECT count FROM mentions m WHERE m.article = ?1 AND m.entity = entities.id)
         WHERE id IN (SELECT entity FROM mentions WHERE article = ?1)",
        [id],
    )
    .context("updating entity counts")?;
    for table in ["mentions", "local_entities", "titles", "quotes"] {
        tx.execute(&format!("DELETE FROM {table} WHERE article = ?"), [id])
            .context(format!("clearing an article's {table}"))?;
    }
    Ok(())
}

/// Links each of the article's entities to the archive's entity of the
/// same kind and name, or of an alias some text established, creating it
/// when there is none; returns the article's ids mapped to them.
///
/// Merging is conservative: names must be equal as keys
/// ([`name_key`]), never one a part of the other, so a surname alone
/// never joins a full name.
fn link_entities(
    tx: &Transaction,
    id: i64,
    a: &Article,
    date: i64,
) -> Result<BTreeMap<String, i64>> {
    let mut locals = BTreeMap::new();
    let Some(analysis) = &a.analysis else {
        return Ok(locals);
    };
    let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
    let mut find = tx
        .prepare_cached("SELECT entity FROM entity_names WHERE kind = ? AND key = ?")
        .context("preparing entity lookup")?;
    for e in &analysis.entities {
        let kind = kind_name(e.kind);
        let key = name_key(&e.name);
        if key.is_empty() {
            continue;
        }
        let mut entity: Option<i64> = find
            .query_row(params![kind, key], |r| r.get(0))
            .optional()
            .context("looking up an entity")?;
        if entity.is_none() {
            for alias in &e.aliases {
                entity = find
                    .query_row(params![kind, name_key(alias)], |r| r.get(0))
                    .optional()
                    .context("looking up an entity by alias")?;
                if entity.is_some() {
                    break;
                }
            }
        }
        let entity = match entity {
            Some(x) => x,
            None => {
                tx.execute(
                    "INSERT INTO entities (kind, name) VALUES (?, ?)",
                    params![kind, e.name],
                )
                .context("storing an entity")?;
                tx.last_insert_rowid()
            }
        };
        let mut register = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO entity_names (kind, key, entity, name, alias)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .context("preparing entity names")?;
        register
            .execute(params![kind, key, entity, e.name, 0])
            .context("storing an entity name")?;
        for alias in &e.aliases {
            let k = name_key(alias);
            if !k.is_empty() {
                register
                    .execute(params![kind, k, entity, alias, 1])
                    .context("storing an alias")?;
            }
        }
        let mut title = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO titles (entity, title, article) VALUES (?, ?, ?)",
            )
            .context("preparing titles")?;
        for t in &e.titles {
            title
                .execute(params![entity, t, id])
                .context("storing a title")?;
        }
        tx.prepare_cached(
            "INSERT OR REPLACE INTO local_entities (article, local, entity) VALUES (?, ?, ?)",
        )
        .and_then(|mut s| s.execute(params![id, e.id, entity]))
        .context("linking an entity")?;
        *counts.entry(entity).or_default() += e.mentions.len() as i64;
        locals.insert(e.id.clone(), entity);
    }
    for (entity, count) in counts {
        tx.prepare_cached(
            "INSERT INTO mentions (article, entity, count, date) VALUES (?, ?, ?, ?)",
        )
        .and_then(|mut s| s.execute(params![id, entity, count, date]))
        .context("storing mentions")?;
        tx.prepare_cached(
            "UPDATE entities SET articles = articles + 1, mentions = mentions + ? WHERE id = ?",
        )
        .and_then(|mut s| s.execute(params![count, entity]))
        .context("counting mentions")?;
    }
    Ok(locals)
}

fn store_quotes(
    tx: &Transaction,
    id: i64,
    a: &Article,
    date: i64,
    locals: &BTreeMap<String, i64>,
) -> Result<()> {
    let Some(analysis) = &a.analysis else {
        return Ok(());
    };
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO quotes (article, idx, speaker, kind, cue, text, speaker_text, date)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .context("preparing quotes")?;
    for (i, q) in analysis.quotes.iter().enumerate() {
        let speaker = q.speaker.as_ref().and_then(|s| locals.get(s));
        insert
            .execute(params![
                id,
                i as i64,
                speaker,
                quote_kind_name(q.kind),
                q.cue,
                q.text,
                q.speaker_text,
                date
            ])
            .context("storing a quotation")?;
    }
    Ok(())
}

/// Finds the stored copies of the article's text and joins them in one
/// group: the smallest of their groups, or a new one. Returns the group
/// when the article joined one now.
fn syndicate(
    tx: &Transaction,
    id: i64,
    a: &Article,
    old: Option<Signature>,
) -> Result<Option<GroupId>> {
    if let Some(old) = old {
        let mut del = tx
            .prepare_cached("DELETE FROM bands WHERE band = ? AND article = ?")
            .context("preparing bands")?;
        for band in old.bands() {
            del.execute(params![band, id]).context("clearing bands")?;
        }
    }
    let signature = Signature::of(&a.text);
    tx.execute(
        "UPDATE articles SET signature = ? WHERE id = ?",
        params![signature.as_ref().map(Signature::to_bytes), id],
    )
    .context("storing a signature")?;
    let Some(signature) = signature else {
        return Ok(None);
    };

    let mut candidates = BTreeSet::new();
    {
        let mut find = tx
            .prepare_cached("SELECT article FROM bands WHERE band = ?")
            .context("preparing band lookup")?;
        let mut insert = tx
            .prepare_cached("INSERT OR IGNORE INTO bands (band, article) VALUES (?, ?)")
            .context("preparing bands")?;
        for band in signature.bands() {
            let rows = find
                .query_map([band], |r| r.get::<_, i64>(0))
                .context("looking up bands")?;
            for other in rows {
                let other = other.context("reading bands")?;
                if other != id {
                    candidates.insert(other);
                }
            }
            insert.execute(params![band, id]).context("storing bands")?;
        }
    }
    let mut copies = Vec::new();
    let mut groups = BTreeSet::new();
    let mut look = tx
        .prepare_cached("SELECT signature, group_id FROM articles WHERE id = ?")
        .context("preparing copy check")?;
    for other in candidates {
        let (sig, group): (Option<Vec<u8>>, Option<i64>) = look
            .query_row([other], |r| Ok((r.get(0)?, r.get(1)?)))
            .context("reading a candidate copy")?;
        let Some(sig) = sig.as_deref().and_then(Signature::from_bytes) else {
            continue;
        };
        if sig.similarity(&signature) >= THRESHOLD {
            copies.push(other);
            groups.extend(group);
        }
    }
    if copies.is_empty() {
        return Ok(None);
    }
    let own: Option<i64> = tx
        .query_row("SELECT group_id FROM articles WHERE id = ?", [id], |r| {
            r.get(0)
        })
        .context("reading a group")?;
    groups.extend(own);
    let target = match groups.first() {
        Some(&g) => g,
        None => next(tx, "group")?,
    };
    let mut join = tx
        .prepare_cached("UPDATE articles SET group_id = ? WHERE id = ?")
        .context("preparing group join")?;
    for member in copies.iter().chain([&id]) {
        join.execute(params![target, member])
            .context("joining a group")?;
    }
    for g in groups.iter().filter(|&&g| g != target) {
        tx.execute(
            "UPDATE articles SET group_id = ? WHERE group_id = ?",
            params![target, g],
        )
        .context("merging groups")?;
    }
    Ok(Some(GroupId(target as u64)))
}
