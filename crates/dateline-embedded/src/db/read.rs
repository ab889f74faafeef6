//! Reading records back.

use super::codec;
use chrono::{DateTime, TimeZone, Utc};
use dateline_model::{Article, EntityKind, QuoteKind};
use dateline_store::names::name_key;
use dateline_store::*;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

pub use dateline_store::time::seconds_to_utc as seconds;

fn micros(t: i64) -> DateTime<Utc> {
    Utc.timestamp_micros(t).single().unwrap_or_default()
}

pub fn entity_kind(s: &str) -> EntityKind {
    match s {
        "person" => EntityKind::Person,
        "organization" => EntityKind::Organization,
        "location" => EntityKind::Location,
        _ => EntityKind::Misc,
    }
}

pub fn quote_kind(s: &str) -> QuoteKind {
    match s {
        "direct" => QuoteKind::Direct,
        "partial" => QuoteKind::Partial,
        "indirect" => QuoteKind::Indirect,
        _ => QuoteKind::AccordingTo,
    }
}

/// The current revision of an article, decoded.
pub fn current(conn: &Connection, id: i64) -> Result<Option<(Article, i64, u32)>> {
    let row = conn
        .prepare_cached(
            "SELECT r.text, r.body, a.date, a.revision FROM articles a
             JOIN revisions r ON r.article = a.id AND r.number = a.revision WHERE a.id = ?",
        )
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                ))
            })
            .optional()
        })
        .context("reading an article")?;
    match row {
        None => Ok(None),
        Some((text, body, date, revision)) => {
            Ok(Some((codec::decode(&text, &body)?, date, revision)))
        }
    }
}

/// The current text only.
pub fn current_text(conn: &Connection, id: i64) -> Result<Option<String>> {
    let row: Option<Vec<u8>> = conn
        .prepare_cached(
            "SELECT r.text FROM articles a
             JOIN revisions r ON r.article = a.id AND r.number = a.revision WHERE a.id = ?",
        )
        .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
        .context("reading a text")?;
    row.map(|t| codec::decode_text(&t)).transpose()
}

pub fn article(conn: &Connection, id: ArticleId) -> Result<Option<StoredArticle>> {
    let iid = id.0 as i64;
    let key: Option<(String, Option<i64>)> = conn
        .query_row(
            "SELECT key, group_id FROM articles WHERE id = ?",
            [iid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .context("reading an article")?;
    let Some((key, group_id)) = key else {
        return Ok(None);
    };
    let Some((article, date, revision)) = current(conn, iid)? else {
        return Ok(None);
    };
    let mut entity_ids = BTreeMap::new();
    {
        let mut s = conn
            .prepare_cached("SELECT local, entity FROM local_entities WHERE article = ?")
            .context("reading entity links")?;
        let rows = s
            .query_map([iid], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .context("reading entity links")?;
        for row in rows {
            let (local, entity) = row.context("reading entity links")?;
            entity_ids.insert(local, EntityId(entity as u64));
        }
    }
    let mut revisions = Vec::new();
    {
        let mut s = conn
            .prepare_cached(
                "SELECT number, stored_at, fetched, updated, title FROM revisions
                 WHERE article = ? ORDER BY number",
            )
            .context("reading revisions")?;
        let rows = s
            .query_map([iid], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .context("reading revisions")?;
        for row in rows {
            let (number, stored_at, fetched, updated, title) = row.context("reading revisions")?;
            revisions.push(RevisionInfo {
                number,
                stored_at: micros(stored_at),
                fetched: fetched.and_then(|f| DateTime::parse_from_rfc3339(&f).ok()),
                updated,
                title,
                current: number == revision,
            });
        }
    }
    let group = match group_id {
        Some(g) => Some(group(conn, g)?),
        None => None,
    };
    Ok(Some(StoredArticle {
        id,
        key,
        revision,
        date: seconds(date),
        article,
        entity_ids,
        revisions,
        group,
    }))
}

fn group(conn: &Connection, g: i64) -> Result<Group> {
    let mut s = conn
        .prepare_cached(
            "SELECT id, title, url, site, source, date FROM articles WHERE group_id = ?
             ORDER BY date, id",
        )
        .context("reading a group")?;
    let rows = s
        .query_map([g], |r| {
            Ok(GroupMember {
                id: ArticleId(r.get::<_, i64>(0)? as u64),
                title: r.get(1)?,
                url: r.get(2)?,
                site: r.get(3)?,
                source: r.get(4)?,
                date: seconds(r.get(5)?),
                first: false,
            })
        })
        .context("reading a group")?;
    let mut members = rows
        .collect::<rusqlite::Result<Vec<_>>>()
        .context("reading a group")?;
    if let Some(first) = members.first_mut() {
        first.first = true;
    }
    Ok(Group {
        id: GroupId(g as u64),
        members,
    })
}

pub fn revision(conn: &Connection, id: ArticleId, number: u32) -> Result<Option<Article>> {
    let row: Option<(Vec<u8>, Vec<u8>)> = conn
        .prepare_cached("SELECT text, body FROM revisions WHERE article = ? AND number = ?")
        .and_then(|mut s| {
            s.query_row(params![id.0 as i64, number], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
        })
        .context("reading a revision")?;
    row.map(|(t, b)| codec::decode(&t, &b)).transpose()
}

/// The list fields of articles, by id.
pub fn hits(conn: &Connection, ids: &[(u64, Option<f32>)]) -> Result<Vec<Hit>> {
    let mut s = conn
        .prepare_cached(
            "SELECT title, url, site, source, section, language, published, date, dateline,
                 revisions, group_id FROM articles WHERE id = ?",
        )
        .context("reading hits")?;
    let mut out = Vec::with_capacity(ids.len());
    for &(id, score) in ids {
        let hit = s
            .query_row([id as i64], |r| {
                Ok(Hit {
                    id: ArticleId(id),
                    score,
                    title: r.get(0)?,
                    url: r.get(1)?,
                    site: r.get(2)?,
                    source: r.get(3)?,
                    section: r.get(4)?,
                    language: r.get(5)?,
                    published: r.get(6)?,
                    date: seconds(r.get(7)?),
                    dateline: r.get(8)?,
                    revisions: r.get(9)?,
                    group: r.get::<_, Option<i64>>(10)?.map(|g| GroupId(g as u64)),
                    snippet: None,
                })
            })
            .optional()
            .context("reading a hit")?;
        // An article the index knows and the records do not is skipped:
        // `check` reports it, `reindex` removes it.
        out.extend(hit);
    }
    Ok(out)
}

pub fn entity(conn: &Connection, id: EntityId) -> Result<Option<EntityRecord>> {
    let iid = id.0 as i64;
    let row: Option<(String, String, u64, u64)> = conn
        .query_row(
            "SELECT name, kind, articles, mentions FROM entities WHERE id = ?",
            [iid],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .context("reading an entity")?;
    let Some((name, kind, articles, mentions)) = row else {
        return Ok(None);
    };
    let mut aliases: Vec<String> = conn
        .prepare_cached(
            "SELECT name FROM entity_names WHERE entity = ? AND alias = 1 ORDER BY name",
        )
        .and_then(|mut s| {
            s.query_map([iid], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .context("reading aliases")?;
    let own = name_key(&name);
    aliases.retain(|a| name_key(a) != own);
    let titles = conn
        .prepare_cached(
            "SELECT title, COUNT(*) AS n FROM titles WHERE entity = ?
             GROUP BY title ORDER BY n DESC, title LIMIT 50",
        )
        .and_then(|mut s| {
            s.query_map([iid], |r| {
                Ok(TitleCount {
                    title: r.get(0)?,
                    articles: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .context("reading titles")?;
    let (first, last): (Option<i64>, Option<i64>) = conn
        .query_row(
            "SELECT MIN(date), MAX(date) FROM mentions WHERE entity = ?",
            [iid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .context("reading an entity's dates")?;
    Ok(Some(EntityRecord {
        id,
        name,
        kind: entity_kind(&kind),
        aliases,
        titles,
        articles,
        mentions,
        first_seen: first.map(seconds),
        last_seen: last.map(seconds),
    }))
}

pub fn entities(conn: &Connection, q: &EntityQuery) -> Result<Vec<EntitySummary>> {
    let limit = q.limit.min(MAX_PAGE) as i64;
    let offset = q.offset as i64;
    let kind = q.kind.map(super::write::kind_name);
    let map = |r: &rusqlite::Row| {
        Ok(EntitySummary {
            id: EntityId(r.get::<_, i64>(0)? as u64),
            name: r.get(1)?,
            kind: entity_kind(&r.get::<_, String>(2)?),
            articles: r.get(3)?,
            mentions: r.get(4)?,
        })
    };
    let rows = match q.name.as_deref().map(name_key).filter(|k| !k.is_empty()) {
        Some(prefix) => {
            // Names starting with the prefix (a range of the key index),
            // or with a later word starting with it (a scan of the keys:
            // they are short, and one per name).
            let mut upper = prefix.clone();
            upper.push(char::MAX);
            let escaped: String = prefix
                .chars()
                .flat_map(|c| match c {
                    '%' | '_' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            let later_word = format!("% {escaped}%");
            conn.prepare_cached(
                "SELECT e.id, e.name, e.kind, e.articles, e.mentions FROM entities e
                 WHERE e.articles > 0 AND (?3 IS NULL OR e.kind = ?3) AND e.id IN
                     (SELECT entity FROM entity_names WHERE key >= ?1 AND key < ?2
                      UNION SELECT entity FROM entity_names WHERE key LIKE ?6 ESCAPE '\\')
                 ORDER BY e.articles DESC, e.id LIMIT ?4 OFFSET ?5",
            )
            .and_then(|mut s| {
                s.query_map(params![prefix, upper, kind, limit, offset, later_word], map)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
        }
        None => conn
            .prepare_cached(
                "SELECT id, name, kind, articles, mentions FROM entities
                 WHERE articles > 0 AND (?1 IS NULL OR kind = ?1)
                 ORDER BY articles DESC, id LIMIT ?2 OFFSET ?3",
            )
            .and_then(|mut s| {
                s.query_map(params![kind, limit, offset], map)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            }),
    };
    rows.context("listing entities")
}

pub fn resolve_entity(conn: &Connection, name_or_id: &str) -> Result<Vec<EntityId>> {
    let s = name_or_id.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        let id: Option<i64> = s.parse().ok();
        let found: Option<i64> = conn
            .query_row("SELECT id FROM entities WHERE id = ?", [id], |r| r.get(0))
            .optional()
            .context("looking up an entity")?;
        return Ok(found.map(|i| EntityId(i as u64)).into_iter().collect());
    }
    conn.prepare_cached("SELECT DISTINCT entity FROM entity_names WHERE key = ? ORDER BY entity")
        .and_then(|mut st| {
            st.query_map([name_key(s)], |r| Ok(EntityId(r.get::<_, i64>(0)? as u64)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .context("looking up an entity")
}

pub fn entity_refs(conn: &Connection, ids: &[u64]) -> Result<BTreeMap<u64, EntityRef>> {
    let mut s = conn
        .prepare_cached("SELECT name, kind FROM entities WHERE id = ?")
        .context("reading entities")?;
    let mut out = BTreeMap::new();
    for &id in ids {
        let row: Option<(String, String)> = s
            .query_row([id as i64], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .context("reading an entity")?;
        if let Some((name, kind)) = row {
            out.insert(
                id,
                EntityRef {
                    id: EntityId(id),
                    name,
                    kind: entity_kind(&kind),
                },
            );
        }
    }
    Ok(out)
}

pub fn mentions_over_time(
    conn: &Connection,
    id: EntityId,
    interval: Interval,
) -> Result<Vec<MentionBucket>> {
    let mut s = conn
        .prepare_cached("SELECT date, count FROM mentions WHERE entity = ? ORDER BY date")
        .context("reading mentions")?;
    let rows = s
        .query_map([id.0 as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })
        .context("reading mentions")?;
    let mut buckets: Vec<MentionBucket> = Vec::new();
    for row in rows {
        let (date, count) = row.context("reading mentions")?;
        let start = interval.start_of(seconds(date));
        // Fill the periods without mentions, so a chart's x axis is time.
        while let Some(last) = buckets.last() {
            if last.start >= start {
                break;
            }
            match interval.next(last.start) {
                Some(n) if n < start => buckets.push(MentionBucket {
                    start: n,
                    articles: 0,
                    mentions: 0,
                }),
                _ => break,
            }
        }
        match buckets.last_mut() {
            Some(b) if b.start == start => {
                b.articles += 1;
                b.mentions += count as u64;
            }
            _ => buckets.push(MentionBucket {
                start,
                articles: 1,
                mentions: count as u64,
            }),
        }
    }
    Ok(buckets)
}

/// Quotations by (article, index), with their speakers and articles.
pub fn quote_hits(conn: &Connection, keys: &[(u64, u32)]) -> Result<Vec<QuoteHit>> {
    let mut s = conn
        .prepare_cached(
            "SELECT q.text, q.kind, q.cue, q.speaker, q.speaker_text, a.title, a.source, a.date,
                 e.name, e.kind
             FROM quotes q JOIN articles a ON a.id = q.article
             LEFT JOIN entities e ON e.id = q.speaker
             WHERE q.article = ? AND q.idx = ?",
        )
        .context("reading quotations")?;
    let mut out = Vec::with_capacity(keys.len());
    for &(article, index) in keys {
        let hit = s
            .query_row(params![article as i64, index], |r| {
                let speaker = match (r.get::<_, Option<i64>>(3)?, r.get::<_, Option<String>>(8)?) {
                    (Some(id), Some(name)) => Some(EntityRef {
                        id: EntityId(id as u64),
                        name,
                        kind: entity_kind(&r.get::<_, String>(9)?),
                    }),
                    _ => None,
                };
                Ok(QuoteHit {
                    article: ArticleId(article),
                    index,
                    text: r.get(0)?,
                    kind: quote_kind(&r.get::<_, String>(1)?),
                    cue: r.get(2)?,
                    speaker,
                    speaker_text: r.get(4)?,
                    title: r.get(5)?,
                    source: r.get(6)?,
                    date: seconds(r.get(7)?),
                })
            })
            .optional()
            .context("reading a quotation")?;
        out.extend(hit);
    }
    Ok(out)
}

/// Every revision in the order stored, or only those of `only`.
pub fn export(
    conn: &Connection,
    only: Option<&std::collections::BTreeSet<ArticleId>>,
    visit: &mut dyn FnMut(ExportRecord) -> Result<()>,
) -> Result<u64> {
    let mut s = conn
        .prepare(
            "SELECT article, number, stored_at, fetched, text, body FROM revisions ORDER BY seq",
        )
        .context("exporting")?;
    let mut rows = s.query([]).context("exporting")?;
    let mut n = 0;
    while let Some(r) = rows.next().context("exporting")? {
        let id = ArticleId(r.get::<_, i64>(0).context("exporting")? as u64);
        if only.is_some_and(|o| !o.contains(&id)) {
            continue;
        }
        let text: Vec<u8> = r.get(4).context("exporting")?;
        let body: Vec<u8> = r.get(5).context("exporting")?;
        let fetched: Option<String> = r.get(3).context("exporting")?;
        visit(ExportRecord {
            meta: ExportMeta {
                id,
                revision: r.get(1).context("exporting")?,
                stored_at: micros(r.get(2).context("exporting")?),
                fetched: fetched.and_then(|f| DateTime::parse_from_rfc3339(&f).ok()),
            },
            article: codec::decode(&text, &body)?,
        })?;
        n += 1;
    }
    Ok(n)
}
