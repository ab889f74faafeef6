//! From the query language's tree and the filters to a Tantivy query.

use super::docs::language_value;
use super::language::Analyzers;
use super::schema::Fields;
use dateline_query::{Field as QField, Leaf, Node};
use dateline_store::identity::normalize_url;
use dateline_store::{Filters, Result, StoreError};
use std::collections::BTreeMap;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Searcher, Term};

/// The most words one prefix may stand for.
pub const MAX_EXPANSIONS: usize = 256;
/// How much more a word in the title counts than one in the text.
const TITLE_BOOST: f32 = 2.0;

/// What the words of a query are searched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Articles,
    Quotes,
}

pub struct Translator<'a> {
    pub fields: &'a Fields,
    pub analyzers: &'a Analyzers,
    /// The analyzer keys of the languages the index holds.
    pub languages: &'a [String],
    pub searcher: &'a Searcher,
    pub target: Target,
    /// Entity names and ids to archive ids.
    pub resolve_entity: &'a dyn Fn(&str) -> Result<Vec<u64>>,
    /// The text-field terms of the query's positive leaves, for snippets
    /// and for leaving the query's own words out of characteristic words.
    pub terms: BTreeMap<String, f32>,
}

impl Translator<'_> {
    /// The query for `node`; `None` when it constrains nothing (a word
    /// made only of punctuation).
    pub fn node(&mut self, node: &Node) -> Result<Option<Box<dyn Query>>> {
        self.node_in(node, false)
    }

    fn node_in(&mut self, node: &Node, negated: bool) -> Result<Option<Box<dyn Query>>> {
        Ok(match node {
            Node::All => Some(Box::new(AllQuery)),
            Node::Term(leaf) | Node::Phrase(leaf) => self.leaf(leaf, false, negated)?,
            Node::Prefix(leaf) => self.leaf(leaf, true, negated)?,
            Node::And(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for child in children {
                    match child {
                        Node::Not(inner) => {
                            if let Some(q) = self.node_in(inner, !negated)? {
                                clauses.push((Occur::MustNot, q));
                            }
                        }
                        _ => {
                            if let Some(q) = self.node_in(child, negated)? {
                                clauses.push((Occur::Must, q));
                            }
                        }
                    }
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) && !clauses.is_empty() {
                    clauses.insert(0, (Occur::Must, Box::new(AllQuery)));
                }
                match clauses.len() {
                    0 => None,
                    1 => clauses.pop().map(|(_, q)| q),
                    _ => Some(Box::new(BooleanQuery::new(clauses))),
                }
            }
            Node::Or(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for child in children {
                    if let Some(q) = self.node_in(child, negated)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                match clauses.len() {
                    0 => None,
                    1 => clauses.pop().map(|(_, q)| q),
                    _ => Some(Box::new(BooleanQuery::new(clauses))),
                }
            }
            Node::Not(inner) => {
                // Normalisation puts a Not only inside an And; alone, it
                // still means "everything but".
                let q = self.node_in(inner, !negated)?;
                q.map(|q| {
                    Box::new(BooleanQuery::new(vec![
                        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                        (Occur::MustNot, q),
                    ])) as Box<dyn Query>
                })
            }
        })
    }

    fn leaf(&mut self, leaf: &Leaf, prefix: bool, negated: bool) -> Result<Option<Box<dyn Query>>> {
        let f = self.fields;
        let text_fields: Vec<(Field, f32)> = match (leaf.field, self.target) {
            (None, Target::Articles) => vec![(f.title, TITLE_BOOST), (f.text, 1.0)],
            (Some(QField::Title), Target::Articles) => vec![(f.title, 1.0)],
            (Some(QField::Text), Target::Articles) => vec![(f.text, 1.0)],
            (None | Some(QField::Text), Target::Quotes) => vec![(f.quote, 1.0)],
            (Some(QField::Title), Target::Quotes) => {
                return Err(StoreError::bad_request(
                    "title: does not apply to quotations (search their text, or the article's \
                     source, section or entity)",
                ))
            }
            (Some(field), _) => return self.keyword(field, &leaf.text, prefix).map(Some),
        };
        if prefix {
            return self.prefix(&text_fields, &leaf.text, negated).map(Some);
        }
        let languages: Vec<&str> = self.languages.iter().map(String::as_str).collect();
        let variants = self.analyzers.variants(languages, &leaf.text);
        if variants.is_empty() {
            return Ok(None);
        }
        if !negated {
            for v in &variants {
                for t in v {
                    self.terms.insert(t.clone(), 1.0);
                }
            }
        }
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(field, boost) in &text_fields {
            for v in &variants {
                let q: Box<dyn Query> = if v.len() == 1 {
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, &v[0]),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    Box::new(PhraseQuery::new(
                        v.iter().map(|t| Term::from_field_text(field, t)).collect(),
                    ))
                };
                let q = if boost != 1.0 {
                    Box::new(BoostQuery::new(q, boost))
                } else {
                    q
                };
                should.push((Occur::Should, q));
            }
        }
        Ok(Some(one_of(should)))
    }

    fn prefix(
        &mut self,
        fields: &[(Field, f32)],
        text: &str,
        negated: bool,
    ) -> Result<Box<dyn Query>> {
        let Some(form) = self.analyzers.prefix_form(text) else {
            return Err(StoreError::bad_request(format!(
                "prefix '{text}*' is not one word: a wildcard completes a single word"
            )));
        };
        let mut words: Vec<String> = Vec::new();
        for &(field, _) in fields {
            for segment in self.searcher.segment_readers() {
                let index = segment
                    .inverted_index(field)
                    .map_err(|e| StoreError::backend("reading the index", e))?;
                let mut upper = form.clone().into_bytes();
                upper.push(0xFF);
                let mut stream = index
                    .terms()
                    .range()
                    .ge(form.as_bytes())
                    .lt(&upper)
                    .into_stream()
                    .map_err(|e| StoreError::backend("reading the index", e))?;
                while stream.advance() {
                    let Ok(word) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if !words.iter().any(|w| w == word) {
                        if words.len() == MAX_EXPANSIONS {
                            return Err(StoreError::bad_request(format!(
                                "prefix '{text}*' matches more than {MAX_EXPANSIONS} words: \
                                 make it longer"
                            )));
                        }
                        words.push(word.to_string());
                    }
                }
            }
        }
        if !negated {
            for w in &words {
                self.terms.insert(w.clone(), 1.0);
            }
        }
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(field, boost) in fields {
            for w in &words {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(field, w),
                    IndexRecordOption::WithFreqs,
                ));
                let q = if boost != 1.0 {
                    Box::new(BoostQuery::new(q, boost))
                } else {
                    q
                };
                should.push((Occur::Should, q));
            }
        }
        Ok(one_of(should))
    }

    /// A whole-value field: `source:Reuters`, `entity:"Mikhail Bogdanov"`.
    fn keyword(&mut self, field: QField, value: &str, prefix: bool) -> Result<Box<dyn Query>> {
        if prefix {
            return Err(StoreError::bad_request(format!(
                "{}: takes a whole value, not a prefix",
                field.as_str()
            )));
        }
        let f = self.fields;
        if field == QField::Entity {
            let ids = (self.resolve_entity)(value)?;
            let field = match self.target {
                Target::Articles => f.entity,
                Target::Quotes => f.speaker,
            };
            return Ok(one_of(
                ids.into_iter()
                    .map(|id| (Occur::Should, term_u64(field, id)))
                    .collect(),
            ));
        }
        let (tfield, value) = match field {
            QField::Source => (f.source, value.to_lowercase()),
            QField::Section => (f.section, value.to_lowercase()),
            QField::Site => (f.site, site_value(value)),
            QField::Lang => (f.lang, language_value(value)),
            QField::Author => (f.author, value.to_lowercase()),
            QField::Url => (
                f.url,
                normalize_url(value)
                    .unwrap_or_else(|| value.to_string())
                    .to_lowercase(),
            ),
            QField::Title | QField::Text | QField::Entity => unreachable!("handled above"),
        };
        Ok(Box::new(TermQuery::new(
            Term::from_field_text(tfield, &value),
            IndexRecordOption::Basic,
        )))
    }

    /// The filters as clauses that must hold and do not score.
    pub fn filters(&mut self, filters: &Filters) -> Result<Vec<Box<dyn Query>>> {
        let f = self.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let any_of = |field: Field, values: &[String], norm: &dyn Fn(&str) -> String| {
            one_of(
                values
                    .iter()
                    .map(|v| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(
                                Term::from_field_text(field, &norm(v)),
                                IndexRecordOption::Basic,
                            )) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            )
        };
        let lower = |s: &str| s.trim().to_lowercase();
        if !filters.sources.is_empty() {
            out.push(any_of(f.source, &filters.sources, &lower));
        }
        if !filters.sections.is_empty() {
            out.push(any_of(f.section, &filters.sections, &lower));
        }
        if !filters.languages.is_empty() {
            out.push(any_of(f.lang, &filters.languages, &language_value));
        }
        if !filters.sites.is_empty() {
            out.push(any_of(f.site, &filters.sites, &site_value));
        }
        let entity_field = match self.target {
            Target::Articles => f.entity,
            Target::Quotes => f.speaker,
        };
        for e in &filters.entities {
            let ids = (self.resolve_entity)(e)?;
            out.push(one_of(
                ids.into_iter()
                    .map(|id| (Occur::Should, term_u64(entity_field, id)))
                    .collect(),
            ));
        }
        if filters.since.is_some() || filters.until.is_some() {
            let bound = |t: chrono::DateTime<chrono::Utc>| {
                Term::from_field_date(f.date, DateTime::from_timestamp_secs(t.timestamp()))
            };
            out.push(Box::new(RangeQuery::new(
                filters
                    .since
                    .map_or(Bound::Unbounded, |t| Bound::Included(bound(t))),
                filters
                    .until
                    .map_or(Bound::Unbounded, |t| Bound::Excluded(bound(t))),
            )));
        }
        Ok(out
            .into_iter()
            .map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>)
            .collect())
    }
}

fn site_value(s: &str) -> String {
    let s = s.trim().to_lowercase();
    s.strip_prefix("www.").map(str::to_string).unwrap_or(s)
}

pub fn term_u64(field: Field, value: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Any of the clauses; nothing at all when there are none.
fn one_of(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    match clauses.len() {
        0 => Box::new(EmptyQuery),
        1 => clauses.pop().expect("one clause").1,
        _ => Box::new(BooleanQuery::new(clauses)),
    }
}
