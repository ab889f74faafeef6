//! Answering searches: translate, collect in one pass, then read the
//! page's records, snippets and characteristic words.

use super::collect::{Collect, Fruit, Options, Ranked};
use super::language::analyzer_key;
use super::query::{term_u64, Target, Translator};
use super::schema::{KIND_ARTICLE, KIND_QUOTE};
use super::significant::{self, Sampled};
use super::{snippets, SearchIndex};
use crate::db::{read, Db};
use dateline_store::cursor::{Cursor, Key};
use dateline_store::*;
use std::collections::{BTreeMap, HashMap};
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query};
use tantivy::{Searcher, Term};

/// The most periods one timeline may have.
const MAX_BUCKETS: usize = 5000;

impl SearchIndex {
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The analyzer keys of the languages in the index.
    fn languages(&self, searcher: &Searcher) -> Result<Vec<String>> {
        let mut keys: Vec<String> = Vec::new();
        for segment in searcher.segment_readers() {
            let index = segment
                .inverted_index(self.fields.lang)
                .map_err(|e| StoreError::backend("reading the index", e))?;
            let mut stream = index
                .terms()
                .stream()
                .map_err(|e| StoreError::backend("reading the index", e))?;
            while stream.advance() {
                let Ok(lang) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                let key = analyzer_key(Some(lang));
                if !key.is_empty() && !keys.iter().any(|k| k == key) {
                    keys.push(key.to_string());
                }
            }
        }
        keys.sort();
        Ok(keys)
    }

    /// The query and its filters, and the words it searches for.
    fn translate(
        &self,
        db: &Db,
        searcher: &Searcher,
        target: Target,
        node: &dateline_query::Node,
        filters: &Filters,
        extra: Vec<Box<dyn Query>>,
    ) -> Result<(Box<dyn Query>, BTreeMap<String, f32>)> {
        let conn = db.reader()?;
        let resolve = |s: &str| -> Result<Vec<u64>> {
            Ok(read::resolve_entity(&conn, s)?
                .into_iter()
                .map(|e| e.0)
                .collect())
        };
        let languages = self.languages(searcher)?;
        let mut t = Translator {
            fields: &self.fields,
            analyzers: &self.analyzers,
            languages: &languages,
            searcher,
            target,
            resolve_entity: &resolve,
            terms: BTreeMap::new(),
        };
        let q = t.node(node)?.unwrap_or_else(|| Box::new(AllQuery));
        let kind = match target {
            Target::Articles => KIND_ARTICLE,
            Target::Quotes => KIND_QUOTE,
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, q),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(term_u64(self.fields.kind, kind), 0.0)),
            ),
        ];
        for f in t.filters(filters)?.into_iter().chain(extra) {
            clauses.push((Occur::Must, f));
        }
        let terms = std::mem::take(&mut t.terms);
        Ok((Box::new(BooleanQuery::new(clauses)), terms))
    }

    pub fn search(&self, db: &Db, req: &SearchRequest) -> Result<SearchPage> {
        req.validate()?;
        let searcher = self.searcher();
        let (query, terms) = self.translate(
            db,
            &searcher,
            Target::Articles,
            &req.query,
            &req.filters,
            vec![],
        )?;
        let by_score = req.sort == Sort::Relevance && !terms.is_empty();
        let after = req
            .cursor
            .as_deref()
            .map(|c| Cursor::decode(c, req.sort))
            .transpose()?;
        let options = Options {
            limit: if req.limit == 0 { 0 } else { req.limit + 1 },
            sort: req.sort,
            by_score,
            after,
            facets: req.facets > 0,
            timeline: req.timeline,
            quotes: false,
        };
        let fruit = searcher
            .search(query.as_ref(), &Collect { options })
            .map_err(|e| StoreError::backend("searching", e))?;
        let conn = db.reader()?;

        let (page, next_cursor) = page_of(&fruit.top, req.limit, req.sort);
        let ids: Vec<(u64, Option<f32>)> = page
            .iter()
            .map(|r| {
                (
                    r.id,
                    if let Key::Score(s) = r.key {
                        Some(s)
                    } else {
                        None
                    },
                )
            })
            .collect();
        let mut hits = read::hits(&conn, &ids)?;
        if req.snippets {
            for hit in &mut hits {
                let text = read::current_text(&conn, hit.id.0 as i64)?.unwrap_or_default();
                hit.snippet = Some(if terms.is_empty() {
                    snippets::lead(&text)
                } else {
                    snippets::snippet(
                        &self.analyzers,
                        &terms,
                        self.fields.text,
                        hit.language.as_deref(),
                        &text,
                    )
                });
            }
        }
        let facets = if req.facets > 0 {
            Some(self.facets(&conn, &fruit, req.facets)?)
        } else {
            None
        };
        let timeline = match req.timeline {
            Some(interval) => Some(self.timeline(&searcher, &fruit, interval, &req.filters)?),
            None => None,
        };
        let words = if req.words > 0 {
            Some(self.words(db, &searcher, query.as_ref(), &terms, req.words)?)
        } else {
            None
        };
        Ok(SearchPage {
            total: fruit.count,
            hits,
            next_cursor,
            facets,
            timeline,
            words,
        })
    }

    fn facets(&self, conn: &rusqlite::Connection, fruit: &Fruit, n: usize) -> Result<Facets> {
        let top = |m: &HashMap<String, u64>| {
            let mut v: Vec<FacetCount> = m
                .iter()
                .map(|(k, &c)| FacetCount {
                    value: k.clone(),
                    count: c,
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
            v.truncate(n);
            v
        };
        let mut ents: Vec<(u64, u64)> = fruit.entities.iter().map(|(&k, &v)| (k, v)).collect();
        ents.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ents.truncate(n);
        let ids: Vec<u64> = ents.iter().map(|e| e.0).collect();
        let refs = read::entity_refs(conn, &ids)?;
        let entities = ents
            .into_iter()
            .filter_map(|(id, count)| {
                refs.get(&id).map(|r| EntityCount {
                    id: r.id,
                    name: r.name.clone(),
                    kind: r.kind,
                    count,
                })
            })
            .collect();
        Ok(Facets {
            sources: top(&fruit.sources),
            sections: top(&fruit.sections),
            languages: top(&fruit.languages),
            sites: top(&fruit.sites),
            entities,
        })
    }

    /// All articles per period (the timeline's denominator), cached for
    /// the searcher's generation.
    fn totals(
        &self,
        searcher: &Searcher,
        interval: Interval,
    ) -> Result<BTreeMap<chrono::NaiveDate, u64>> {
        let key = (searcher.generation().generation_id(), interval);
        if let Some(t) = self
            .totals
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            return Ok(t.clone());
        }
        let query = term_u64(self.fields.kind, KIND_ARTICLE);
        let options = Options {
            limit: 0,
            sort: Sort::Newest,
            by_score: false,
            after: None,
            facets: false,
            timeline: Some(interval),
            quotes: false,
        };
        let fruit = searcher
            .search(query.as_ref(), &Collect { options })
            .map_err(|e| StoreError::backend("counting articles per period", e))?;
        let mut cache = self.totals.lock().unwrap_or_else(|p| p.into_inner());
        // Older generations are of no more use.
        cache.retain(|(g, _), _| *g == key.0);
        cache.insert(key, fruit.timeline.clone());
        Ok(fruit.timeline)
    }

    fn timeline(
        &self,
        searcher: &Searcher,
        fruit: &Fruit,
        interval: Interval,
        filters: &Filters,
    ) -> Result<Timeline> {
        let totals = self.totals(searcher, interval)?;
        let first = filters
            .since
            .map(|s| interval.start_of(s))
            .or_else(|| fruit.timeline.keys().next().copied());
        let last = filters
            .until
            .map(|u| interval.start_of(u - chrono::Duration::seconds(1)))
            .or_else(|| fruit.timeline.keys().next_back().copied());
        let mut buckets = Vec::new();
        if let (Some(mut at), Some(last)) = (first, last) {
            while at <= last {
                if buckets.len() == MAX_BUCKETS {
                    return Err(StoreError::bad_request(format!(
                        "the timeline would have more than {MAX_BUCKETS} periods: use a longer \
                         interval or a shorter date range"
                    )));
                }
                let count = fruit.timeline.get(&at).copied().unwrap_or(0);
                let total = totals.get(&at).copied().unwrap_or(0);
                let share = if total == 0 {
                    0.0
                } else {
                    count as f64 / total as f64
                };
                buckets.push(Bucket {
                    start: at,
                    count,
                    total,
                    share,
                });
                match interval.next(at) {
                    Some(n) => at = n,
                    None => break,
                }
            }
        }
        Ok(Timeline { interval, buckets })
    }

    fn words(
        &self,
        db: &Db,
        searcher: &Searcher,
        query: &dyn Query,
        terms: &BTreeMap<String, f32>,
        n: usize,
    ) -> Result<Vec<Word>> {
        let options = Options {
            limit: significant::SAMPLE,
            sort: Sort::Relevance,
            by_score: !terms.is_empty(),
            after: None,
            facets: false,
            timeline: None,
            quotes: false,
        };
        let fruit = searcher
            .search(query, &Collect { options })
            .map_err(|e| StoreError::backend("sampling matches", e))?;
        let conn = db.reader()?;
        let mut texts = Vec::new();
        for r in &fruit.top {
            let lang: Option<String> = conn
                .query_row(
                    "SELECT language FROM articles WHERE id = ?",
                    [r.id as i64],
                    |row| row.get(0),
                )
                .unwrap_or(None);
            if let Some(text) = read::current_text(&conn, r.id as i64)? {
                texts.push((lang, text));
            }
        }
        let sample: Vec<Sampled> = texts
            .iter()
            .map(|(l, t)| Sampled {
                language: l.as_deref(),
                text: t,
            })
            .collect();
        let total = searcher
            .doc_freq(&Term::from_field_u64(self.fields.kind, KIND_ARTICLE))
            .unwrap_or(0);
        let field = self.fields.text;
        let background = |term: &str| {
            searcher
                .doc_freq(&Term::from_field_text(field, term))
                .unwrap_or(0)
        };
        Ok(significant::characteristic(
            &self.analyzers,
            &sample,
            terms,
            total,
            &background,
            n,
        ))
    }
}

/// The page of `limit` hits, and the cursor after it when there are more
/// (`top` holds one more than the page when there are).
fn page_of(top: &[Ranked], limit: usize, sort: Sort) -> (&[Ranked], Option<String>) {
    if limit == 0 || top.len() <= limit {
        return (top, None);
    }
    let page = &top[..limit];
    let last = page[limit - 1];
    (
        page,
        Some(
            Cursor {
                sort,
                key: last.key,
                id: last.id,
            }
            .encode(),
        ),
    )
}

/// Quotations by text and speaker.
pub fn quotes_page(index: &SearchIndex, db: &Db, q: &QuoteQuery) -> Result<QuotePage> {
    if q.limit > MAX_PAGE {
        return Err(StoreError::bad_request(format!(
            "limit {} is above the maximum {MAX_PAGE}",
            q.limit
        )));
    }
    q.filters.validate()?;
    let searcher = index.searcher();
    let mut extra: Vec<Box<dyn Query>> = Vec::new();
    if !q.speakers.is_empty() {
        let conn = db.reader()?;
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for s in &q.speakers {
            for id in read::resolve_entity(&conn, s)? {
                should.push((Occur::Should, term_u64(index.fields.speaker, id.0)));
            }
        }
        let speakers: Box<dyn Query> = if should.is_empty() {
            Box::new(tantivy::query::EmptyQuery)
        } else {
            Box::new(BooleanQuery::new(should))
        };
        extra.push(Box::new(ConstScoreQuery::new(speakers, 0.0)));
    }
    let (query, terms) =
        index.translate(db, &searcher, Target::Quotes, &q.query, &q.filters, extra)?;
    let sort = if terms.is_empty() {
        Sort::Newest
    } else {
        Sort::Relevance
    };
    let after = q
        .cursor
        .as_deref()
        .map(|c| Cursor::decode(c, sort))
        .transpose()?;
    let options = Options {
        limit: if q.limit == 0 { 0 } else { q.limit + 1 },
        sort,
        by_score: !terms.is_empty(),
        after,
        facets: false,
        timeline: None,
        quotes: true,
    };
    let fruit = searcher
        .search(query.as_ref(), &Collect { options })
        .map_err(|e| StoreError::backend("searching quotations", e))?;
    let (page, next_cursor) = page_of(&fruit.top, q.limit, sort);
    let keys: Vec<(u64, u32)> = page
        .iter()
        .map(|r| (r.id >> 16, (r.id & 0xFFFF) as u32))
        .collect();
    let conn = db.reader()?;
    let quotes = read::quote_hits(&conn, &keys)?;
    Ok(QuotePage {
        total: fruit.count,
        quotes,
        next_cursor,
    })
}
