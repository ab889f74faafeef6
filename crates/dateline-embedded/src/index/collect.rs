//! One pass over the matching documents: the page of best hits after the
//! cursor, the total, the facet counts and the timeline, all read from
//! fast columns, so a search costs one walk of its matches whatever it
//! asks for.

use chrono::NaiveDate;
use dateline_store::cursor::{Cursor, Key};
use dateline_store::{Interval, Sort};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// What to gather.
#[derive(Clone)]
pub struct Options {
    pub limit: usize,
    pub sort: Sort,
    /// Rank by score (else by date, the sort's way).
    pub by_score: bool,
    pub after: Option<Cursor>,
    pub facets: bool,
    pub timeline: Option<Interval>,
    /// Documents are quotations: a hit's id is its article and index.
    pub quotes: bool,
}

/// One ranked hit: the sort key and the id that breaks ties.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub key: Key,
    pub id: u64,
}

impl Ranked {
    /// Better hits compare greater.
    fn rank(&self, other: &Ranked, sort: Sort) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let by_key = match (self.key, other.key) {
            (Key::Score(a), Key::Score(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
            (Key::Seconds(a), Key::Seconds(b)) if sort == Sort::Oldest => b.cmp(&a),
            (Key::Seconds(a), Key::Seconds(b)) => a.cmp(&b),
            _ => Ordering::Equal,
        };
        // Ties: the lower id first, as the cursor expects.
        by_key.then(other.id.cmp(&self.id))
    }
}

/// A hit in the heap, which keeps the worst on top.
struct Worst(Ranked, Sort);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.0.rank(&self.0, self.1)
    }
}

#[derive(Default, Debug)]
pub struct Fruit {
    pub count: u64,
    /// Best first.
    pub top: Vec<Ranked>,
    pub sources: HashMap<String, u64>,
    pub sections: HashMap<String, u64>,
    pub languages: HashMap<String, u64>,
    pub sites: HashMap<String, u64>,
    /// Fx-hashed: an article names dozens of entities, so this map takes
    /// most of a faceted search's insertions; ids need no DoS-proof hash.
    pub entities: FxHashMap<u64, u64>,
    pub timeline: BTreeMap<NaiveDate, u64>,
}

pub struct Collect {
    pub options: Options,
}

pub struct SegmentCollect {
    o: Options,
    article: Column<u64>,
    quote_index: Option<Column<u64>>,
    date: Column<tantivy::DateTime>,
    strs: Vec<(StrColumn, Vec<u64>)>,
    entity: Option<Column<u64>>,
    entities: FxHashMap<u64, u64>,
    timeline: BTreeMap<NaiveDate, u64>,
    heap: BinaryHeap<Worst>,
    count: u64,
}

impl Collector for Collect {
    type Fruit = Fruit;
    type Child = SegmentCollect;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentCollect> {
        let ff = segment.fast_fields();
        let o = self.options.clone();
        let mut strs = Vec::new();
        if o.facets {
            for name in ["source", "section", "lang", "site"] {
                let col = ff.str(name)?.unwrap_or_else(|| {
                    StrColumn::wrap(tantivy::columnar::BytesColumn::empty(segment.max_doc()))
                });
                let n = col.num_terms();
                strs.push((col, vec![0u64; n]));
            }
        }
        Ok(SegmentCollect {
            article: ff.u64("article")?,
            quote_index: if o.quotes {
                Some(ff.u64("quote_index")?)
            } else {
                None
            },
            date: ff.date("date")?,
            entity: if o.facets {
                Some(ff.u64("entity")?)
            } else {
                None
            },
            o,
            strs,
            entities: FxHashMap::default(),
            timeline: BTreeMap::new(),
            heap: BinaryHeap::new(),
            count: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.options.by_score
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut out = Fruit::default();
        let sort = self.options.sort;
        let mut top = Vec::new();
        for f in fruits {
            out.count += f.count;
            top.extend(f.top);
            for (mine, theirs) in [
                (&mut out.sources, f.sources),
                (&mut out.sections, f.sections),
                (&mut out.languages, f.languages),
                (&mut out.sites, f.sites),
            ] {
                for (k, v) in theirs {
                    *mine.entry(k).or_default() += v;
                }
            }
            for (k, v) in f.entities {
                *out.entities.entry(k).or_default() += v;
            }
            for (k, v) in f.timeline {
                *out.timeline.entry(k).or_default() += v;
            }
        }
        top.sort_by(|a, b| b.rank(a, sort));
        top.truncate(self.options.limit);
        out.top = top;
        Ok(out)
    }
}

impl SegmentCollector for SegmentCollect {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.count += 1;
        let seconds = self.date.first(doc).map_or(0, |d| d.into_timestamp_secs());
        if let Some(interval) = self.o.timeline {
            let start = interval.start_of(dateline_store::time::seconds_to_utc(seconds));
            *self.timeline.entry(start).or_default() += 1;
        }
        for (col, counts) in &mut self.strs {
            for ord in col.term_ords(doc) {
                counts[ord as usize] += 1;
            }
        }
        if let Some(entity) = &self.entity {
            for e in entity.values_for_doc(doc) {
                *self.entities.entry(e).or_default() += 1;
            }
        }
        if self.o.limit == 0 {
            return;
        }
        let article = self.article.first(doc).unwrap_or(0);
        let id = match &self.quote_index {
            Some(q) => (article << 16) | q.first(doc).unwrap_or(0),
            None => article,
        };
        let key = if self.o.by_score {
            Key::Score(score)
        } else {
            Key::Seconds(seconds)
        };
        if let Some(c) = &self.o.after {
            if !c.precedes(key, id) {
                return;
            }
        }
        let ranked = Ranked { key, id };
        if self.heap.len() < self.o.limit {
            self.heap.push(Worst(ranked, self.o.sort));
        } else if let Some(worst) = self.heap.peek() {
            if ranked.rank(&worst.0, self.o.sort) == std::cmp::Ordering::Greater {
                self.heap.pop();
                self.heap.push(Worst(ranked, self.o.sort));
            }
        }
    }

    fn harvest(self) -> Fruit {
        let mut out = Fruit {
            count: self.count,
            top: self.heap.into_iter().map(|w| w.0).collect(),
            entities: self.entities,
            timeline: self.timeline,
            ..Fruit::default()
        };
        let mut name = String::new();
        for (i, (col, counts)) in self.strs.iter().enumerate() {
            let map = match i {
                0 => &mut out.sources,
                1 => &mut out.sections,
                2 => &mut out.languages,
                _ => &mut out.sites,
            };
            for (ord, &n) in counts.iter().enumerate() {
                if n > 0 && col.ord_to_str(ord as u64, &mut name).unwrap_or(false) {
                    *map.entry(name.clone()).or_default() += n;
                }
            }
        }
        out
    }
}
