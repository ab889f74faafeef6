//! The conformance suite: what every backend must do, as tests.
//!
//! A backend crate runs it with
//!
//! ```ignore
//! dateline_store::conformance_tests!(|| {
//!     let dir = tempfile::tempdir().unwrap();
//!     let store = MyStore::open(dir.path()).unwrap();
//!     (Box::new(store) as Box<dyn Store>, dir)
//! });
//! ```
//!
//! The factory returns a fresh, empty store and whatever must live as long
//! as it (a temporary directory, a database handle). Each check below
//! becomes one `#[test]`.

use crate::*;
use chrono::{DateTime, Utc};
use dateline_model::*;
use dateline_query::Node;
use std::collections::BTreeSet;

/// A fresh, empty store, and what keeps it alive.
pub type Factory<'a> = &'a dyn Fn() -> (Box<dyn Store>, Box<dyn std::any::Any>);

/// Generates one test per check, calling `$factory` for each store it needs.
#[macro_export]
macro_rules! conformance_tests {
    ($factory:expr) => {
        mod conformance {
            #[allow(unused_imports)]
            use super::*;
            fn factory() -> (Box<dyn $crate::Store>, Box<dyn std::any::Any>) {
                let f = $factory;
                let (store, guard) = f();
                (store, Box::new(guard))
            }
            $crate::conformance_tests!(@each factory;
                same_page_twice_is_one_article,
                changed_text_is_a_revision,
                later_update_is_a_revision,
                older_version_is_history,
                copies_are_one_group_earliest_first,
                different_reports_stay_apart,
                entities_merge_on_name_and_kind,
                surname_alone_never_merges,
                established_alias_merges,
                kinds_stay_apart,
                bad_items_fail_alone,
                words_stems_and_scripts,
                phrases_and_boolean_operators,
                field_prefixes,
                filters_narrow,
                facets_count_matches,
                timeline_shares,
                cursor_walks_every_match_once,
                characteristic_words,
                quotations_by_text_and_speaker,
                entity_records_and_mentions,
                limits_are_bad_requests,
                export_restores_an_equal_archive,
                check_and_reindex,
                values_and_stats,
            );
        }
    };
    (@each $factory:ident; $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::conformance::$name(&$factory);
            }
        )*
    };
}

// ---------------------------------------------------------------- helpers

/// A small article builder: entities and quotations are found in the
/// text by their first occurrence, as analysis would report them.
pub struct Draft {
    a: Article,
    entities: Vec<DraftEntity>,
    quotes: Vec<(String, QuoteKind, Option<usize>)>,
}

struct DraftEntity {
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    titles: Vec<String>,
    /// Where it is mentioned: every occurrence of each string.
    mentions: Vec<String>,
}

pub fn draft(url: Option<&str>, title: &str, text: &str) -> Draft {
    let mut a = Article::new(InputRef::Stdin);
    a.url = url.map(String::from);
    a.title = Some(title.to_string());
    a.language = Some("en".into());
    a.set_body(text.split("\n\n").map(|p| (BlockKind::Paragraph, p)));
    Draft {
        a,
        entities: Vec::new(),
        quotes: Vec::new(),
    }
}

impl Draft {
    pub fn published(mut self, t: &str) -> Self {
        self.a.published = Some(t.parse().expect("a page time"));
        self
    }
    pub fn updated(mut self, t: &str) -> Self {
        self.a.updated = Some(t.parse().expect("a page time"));
        self
    }
    pub fn source(mut self, s: &str) -> Self {
        self.a.source = Some(s.into());
        self
    }
    pub fn section(mut self, s: &str) -> Self {
        self.a.section = Some(s.into());
        self
    }
    pub fn language(mut self, l: &str) -> Self {
        self.a.language = Some(l.into());
        self
    }
    /// An entity named `name`, mentioned wherever one of `mentions` occurs.
    pub fn entity(
        mut self,
        name: &str,
        kind: EntityKind,
        aliases: &[&str],
        titles: &[&str],
        mentions: &[&str],
    ) -> Self {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        self.entities.push(DraftEntity {
            name: name.into(),
            kind,
            aliases: strings(aliases),
            titles: strings(titles),
            mentions: strings(mentions),
        });
        self
    }
    /// A quotation of `content` by the `speaker`-th entity.
    pub fn quote(mut self, content: &str, kind: QuoteKind, speaker: Option<usize>) -> Self {
        self.quotes.push((content.into(), kind, speaker));
        self
    }
    pub fn build(self) -> Article {
        let mut a = self.a;
        let text = a.text.clone();
        let entities = self
            .entities
            .iter()
            .enumerate()
            .map(
                |(
                    i,
                    DraftEntity {
                        name,
                        kind,
                        aliases,
                        titles,
                        mentions,
                    },
                )| Entity {
                    id: format!("e{}", i + 1),
                    name: name.clone(),
                    kind: *kind,
                    aliases: aliases.clone(),
                    titles: titles.clone(),
                    mentions: mentions
                        .iter()
                        .flat_map(|m| {
                            text.match_indices(m.as_str()).map(|(s, _)| Mention {
                                start: s,
                                end: s + m.len(),
                                text: m.clone(),
                                form: MentionForm::Name,
                            })
                        })
                        .collect(),
                },
            )
            .collect();
        let quotes = self
            .quotes
            .iter()
            .map(|(content, kind, speaker)| {
                let start = text.find(content.as_str()).expect("quote in text");
                Quote {
                    start,
                    end: start + content.len(),
                    text: content.clone(),
                    kind: *kind,
                    cue: Some("said".into()),
                    cue_span: None,
                    speaker: speaker.map(|i| format!("e{}", i + 1)),
                    speaker_text: speaker.map(|i| self.entities[i].name.clone()),
                    speaker_span: None,
                }
            })
            .collect();
        a.analysis = Some(Analysis {
            entities,
            quotes,
            times: vec![],
        });
        a
    }
}

fn put(store: &dyn Store, articles: Vec<Article>) -> Vec<Put> {
    let batch = articles.into_iter().map(Incoming::new).collect();
    store
        .put(batch)
        .expect("put")
        .into_iter()
        .map(|r| r.expect("stored"))
        .collect()
}

fn put1(store: &dyn Store, a: Article) -> Put {
    put(store, vec![a]).remove(0)
}

fn query(q: &str) -> Node {
    dateline_query::parse(q).expect("a valid query")
}

fn search(store: &dyn Store, q: &str) -> SearchPage {
    store.refresh().expect("refresh");
    let mut r = SearchRequest::new(query(q));
    r.limit = 100;
    store.search(&r).expect("search")
}

fn ids(page: &SearchPage) -> BTreeSet<u64> {
    page.hits.iter().map(|h| h.id.0).collect()
}

const REPORT: &str = "The United States has been knocking on all doors to build a coalition \
against the Islamic State, but Russia does not need to be invited to fight terrorism, Deputy \
Foreign Minister Mikhail Bogdanov said Wednesday.\n\n'We have been involved in a fierce fight \
against terrorism for a long time,' Bogdanov added, speaking to reporters in Moscow about the \
situation in Syria and Iraq.\n\nAccording to the State Department, the US-led coalition is \
currently comprised of more than 60 countries.";

const OTHER: &str = "German industrial output fell more than expected in August, data showed \
on Thursday, adding to signs that Europe's largest economy is losing momentum as the crisis in \
Ukraine weighs on business confidence and exports to Russia decline for a third month.";

fn report(url: &str) -> Draft {
    draft(
        Some(url),
        "Russia Does Not Need to Be Invited to Fight Terrorism",
        REPORT,
    )
    .published("2014-10-08T15:01:00+04:00")
    .source("RIA Novosti")
    .section("Homeland Security")
    .entity(
        "Mikhail Bogdanov",
        EntityKind::Person,
        &[],
        &["Deputy Foreign Minister"],
        &["Mikhail Bogdanov", "Bogdanov"],
    )
    .entity(
        "Islamic State",
        EntityKind::Organization,
        &[],
        &[],
        &["Islamic State"],
    )
    .entity(
        "State Department",
        EntityKind::Organization,
        &[],
        &[],
        &["State Department"],
    )
    .entity("Moscow", EntityKind::Location, &[], &[], &["Moscow"])
    .quote(
        "We have been involved in a fierce fight against terrorism for a long time",
        QuoteKind::Direct,
        Some(0),
    )
    .quote(
        "the US-led coalition is currently comprised of more than 60 countries",
        QuoteKind::AccordingTo,
        Some(2),
    )
}

fn other(url: &str) -> Draft {
    draft(Some(url), "German output falls", OTHER)
        .published("2014-10-09T10:00:00+02:00")
        .source("Reuters")
        .section("Business")
        .entity("Russia", EntityKind::Location, &[], &[], &["Russia"])
}

// ---------------------------------------------------------------- storage

pub fn same_page_twice_is_one_article(f: Factory) {
    let (store, _g) = f();
    let a = report("https://example.org/news/1").build();
    let first = put1(&*store, a.clone());
    assert_eq!(first.change, Change::New);
    assert_eq!(first.revision, 1);
    // Tracking parameters and fragments are the same page.
    let mut again = a.clone();
    again.url = Some("https://example.org/news/1?utm_source=rss#top".into());
    let second = put1(&*store, again);
    assert_eq!(second.change, Change::Unchanged);
    assert_eq!(second.id, first.id);
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.revisions), (1, 1));
    // Without an address, the same text is the same article.
    let mut bare = a.clone();
    bare.url = None;
    let b1 = put1(&*store, bare.clone());
    let b2 = put1(&*store, bare);
    assert_eq!(b1.change, Change::New);
    assert_eq!(b2.change, Change::Unchanged);
    assert_eq!(b1.id, b2.id);
}

pub fn changed_text_is_a_revision(f: Factory) {
    let (store, _g) = f();
    let a = report("https://example.org/news/1").build();
    let first = put1(&*store, a.clone());
    let mut b = a.clone();
    b.text = b.text.replace("60 countries", "62 countries");
    b.blocks.last_mut().unwrap().end = b.text.len();
    let second = put1(&*store, b.clone());
    assert_eq!(second.change, Change::Revised);
    assert_eq!(second.revision, 2);
    assert_eq!(second.id, first.id);
    let stored = store.article(first.id).unwrap().unwrap();
    assert_eq!(stored.revision, 2);
    assert_eq!(stored.article.text, b.text);
    assert_eq!(stored.revisions.len(), 2);
    assert!(stored.revisions[1].current && !stored.revisions[0].current);
    assert_eq!(store.revision(first.id, 1).unwrap().unwrap().text, a.text);
    assert_eq!(store.revision(first.id, 3).unwrap(), None);
    // Both versions again: nothing new.
    assert_eq!(put1(&*store, a).change, Change::Unchanged);
    assert_eq!(store.stats().unwrap().revisions, 2);
    // Search sees the current text only.
    assert_eq!(search(&*store, "\"62 countries\"").total, 1);
    assert_eq!(search(&*store, "\"60 countries\"").total, 0);
}

pub fn later_update_is_a_revision(f: Factory) {
    let (store, _g) = f();
    let a = report("https://example.org/news/1")
        .updated("2014-10-08T16:20:00+04:00")
        .build();
    let first = put1(&*store, a.clone());
    let mut b = a.clone();
    b.updated = Some("2014-10-08T18:00:00+04:00".parse().unwrap());
    let second = put1(&*store, b);
    assert_eq!((second.change, second.revision), (Change::Revised, 2));
    let stored = store.article(first.id).unwrap().unwrap();
    assert_eq!(
        stored.revisions[1].updated.as_deref(),
        Some("2014-10-08T18:00:00+04:00")
    );
}

pub fn older_version_is_history(f: Factory) {
    let (store, _g) = f();
    let new = report("https://example.org/news/1")
        .updated("2014-10-09T10:00:00+04:00")
        .build();
    let mut old = new.clone();
    old.updated = Some("2014-10-08T10:00:00+04:00".parse().unwrap());
    old.title = Some("Early headline".into());
    let id = put1(&*store, new.clone()).id;
    let p = put1(&*store, old);
    assert_eq!((p.change, p.revision), (Change::Revised, 2));
    let stored = store.article(id).unwrap().unwrap();
    assert_eq!(stored.revision, 1, "the newer version stays current");
    assert_eq!(stored.article.title, new.title);
    assert_eq!(stored.revisions.len(), 2);
}

pub fn copies_are_one_group_earliest_first(f: Factory) {
    let (store, _g) = f();
    let original = report("https://agency.example/a1")
        .published("2014-10-08T15:01:00+04:00")
        .build();
    // The portal's copy: later, with a credit line added and another title.
    let mut copy = report("https://portal.example/world/story")
        .published("2014-10-08T17:30:00+04:00")
        .build();
    copy.title = Some("Moscow: no invitation needed".into());
    copy.text
        .push_str("\n\nCopyright RIA Novosti. All rights reserved.");
    let unrelated = other("https://news.example/de").build();
    let puts = put(&*store, vec![copy, unrelated, original]);
    let (copy_id, unrelated_id, original_id) = (puts[0].id, puts[1].id, puts[2].id);
    assert_eq!(
        puts[0].syndicated, None,
        "the first copy has nothing to be a copy of"
    );
    let group = puts[2].syndicated.expect("the second copy joins a group");
    let stored = store.article(copy_id).unwrap().unwrap();
    let g = stored.group.expect("the copy is in a group");
    assert_eq!(g.id, group);
    let members: Vec<ArticleId> = g.members.iter().map(|m| m.id).collect();
    assert_eq!(
        members,
        vec![original_id, copy_id],
        "earliest published first"
    );
    assert!(g.members[0].first && !g.members[1].first);
    assert_eq!(store.article(unrelated_id).unwrap().unwrap().group, None);
    // Each copy keeps its own record.
    assert_eq!(store.stats().unwrap().articles, 3);
    let hit = search(&*store, "title:invitation").hits.remove(0);
    assert_eq!(hit.group, Some(group));
}

pub fn different_reports_stay_apart(f: Factory) {
    let (store, _g) = f();
    let puts = put(
        &*store,
        vec![
            report("https://a.example/1").build(),
            other("https://b.example/2").build(),
        ],
    );
    assert!(puts.iter().all(|p| p.syndicated.is_none()));
    assert_eq!(store.stats().unwrap().groups, 0);
}

// --------------------------------------------------------------- entities

fn entity_named(store: &dyn Store, id: ArticleId, name: &str) -> EntityId {
    let stored = store.article(id).unwrap().unwrap();
    let local = stored
        .article
        .analysis
        .as_ref()
        .unwrap()
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} in article {id}"))
        .id
        .clone();
    stored.entity_ids[&local]
}

pub fn entities_merge_on_name_and_kind(f: Factory) {
    let (store, _g) = f();
    let a = put1(&*store, report("https://a.example/1").build()).id;
    let b = put1(
        &*store,
        draft(
            Some("https://b.example/2"),
            "Talks",
            "Mikhail Bogdanov met the envoy in Moscow on Thursday.",
        )
        .entity(
            "Mikhail Bogdanov",
            EntityKind::Person,
            &[],
            &["deputy minister"],
            &["Mikhail Bogdanov"],
        )
        .build(),
    )
    .id;
    let ea = entity_named(&*store, a, "Mikhail Bogdanov");
    let eb = entity_named(&*store, b, "Mikhail Bogdanov");
    assert_eq!(ea, eb);
    let e = store.entity(ea).unwrap().unwrap();
    assert_eq!(e.name, "Mikhail Bogdanov");
    assert_eq!(e.articles, 2);
    assert_eq!(
        e.mentions,
        3 + 1,
        "Mikhail Bogdanov, Bogdanov ×2 in one, one in the other"
    );
    let titles: Vec<&str> = e.titles.iter().map(|t| t.title.as_str()).collect();
    assert!(titles.contains(&"Deputy Foreign Minister") && titles.contains(&"deputy minister"));
    assert_eq!(store.resolve_entity("mikhail bogdanov").unwrap(), vec![ea]);
    assert_eq!(store.resolve_entity(&ea.to_string()).unwrap(), vec![ea]);
    // Ids are stable: storing more changes nothing.
    put1(&*store, other("https://c.example/3").build());
    assert_eq!(entity_named(&*store, a, "Mikhail Bogdanov"), ea);
}

pub fn surname_alone_never_merges(f: Factory) {
    let (store, _g) = f();
    let a = put1(&*store, report("https://a.example/1").build()).id;
    let b = put1(
        &*store,
        draft(
            Some("https://b.example/2"),
            "Bogdanov",
            "Bogdanov spoke to reporters on Friday about the talks.",
        )
        .entity("Bogdanov", EntityKind::Person, &[], &[], &["Bogdanov"])
        .build(),
    )
    .id;
    assert_ne!(
        entity_named(&*store, a, "Mikhail Bogdanov"),
        entity_named(&*store, b, "Bogdanov")
    );
}

pub fn established_alias_merges(f: Factory) {
    let (store, _g) = f();
    let a = put1(
        &*store,
        draft(
            Some("https://a.example/1"),
            "IS",
            "Islamic State, also known as ISIL, took the town.",
        )
        .entity(
            "Islamic State",
            EntityKind::Organization,
            &["ISIL"],
            &[],
            &["Islamic State", "ISIL"],
        )
        .build(),
    )
    .id;
    let b = put1(
        &*store,
        draft(
            Some("https://b.example/2"),
            "ISIL",
            "ISIL fighters withdrew from the town on Monday.",
        )
        .entity("ISIL", EntityKind::Organization, &[], &[], &["ISIL"])
        .build(),
    )
    .id;
    let ea = entity_named(&*store, a, "Islamic State");
    assert_eq!(entity_named(&*store, b, "ISIL"), ea);
    let e = store.entity(ea).unwrap().unwrap();
    assert_eq!(e.name, "Islamic State");
    assert_eq!(e.aliases, vec!["ISIL".to_string()]);
    assert_eq!(store.resolve_entity("ISIL").unwrap(), vec![ea]);
}

pub fn kinds_stay_apart(f: Factory) {
    let (store, _g) = f();
    let a = put1(
        &*store,
        draft(
            Some("https://a.example/1"),
            "W",
            "Washington crossed the Delaware in the winter.",
        )
        .entity("Washington", EntityKind::Person, &[], &[], &["Washington"])
        .build(),
    )
    .id;
    let b = put1(
        &*store,
        draft(
            Some("https://b.example/2"),
            "W",
            "Talks in Washington ended without agreement.",
        )
        .entity(
            "Washington",
            EntityKind::Location,
            &[],
            &[],
            &["Washington"],
        )
        .build(),
    )
    .id;
    let (ea, eb) = (
        entity_named(&*store, a, "Washington"),
        entity_named(&*store, b, "Washington"),
    );
    assert_ne!(ea, eb);
    let mut both = store.resolve_entity("Washington").unwrap();
    both.sort();
    let mut expected = vec![ea, eb];
    expected.sort();
    assert_eq!(both, expected);
}

pub fn bad_items_fail_alone(f: Factory) {
    let (store, _g) = f();
    let mut empty = Article::new(InputRef::Stdin);
    empty.url = Some("https://a.example/empty".into());
    let mut broken = report("https://a.example/broken").build();
    broken.analysis.as_mut().unwrap().entities[0].mentions[0].end = broken.text.len() + 5;
    let good = report("https://a.example/good").build();
    let out = store
        .put(vec![
            Incoming::new(empty),
            Incoming::new(broken),
            Incoming::new(good),
        ])
        .unwrap();
    assert_eq!(out[0], Err(ItemError::Empty));
    assert!(matches!(out[1], Err(ItemError::Invalid(_))), "{:?}", out[1]);
    assert!(out[2].is_ok());
    assert_eq!(store.stats().unwrap().articles, 1);
}

// ----------------------------------------------------------------- search

pub fn words_stems_and_scripts(f: Factory) {
    let (store, _g) = f();
    let en = put1(&*store, report("https://a.example/1").build()).id.0;
    let ru = put1(&*store, draft(Some("https://b.example/ru"), "Богданов: Россию не нужно приглашать",
        "МОСКВА, 8 окт — РИА Новости. Россию не нужно приглашать к борьбе с терроризмом, заявил \
         замминистра иностранных дел Михаил Богданов в Москве.").language("ru").build()).id.0;
    let de = put1(
        &*store,
        draft(
            Some("https://c.example/de"),
            "Bündnis gegen den IS",
            "Die Vereinigten Staaten schmieden ein Bündnis gegen den Islamischen Staat; Bogdanov \
         sagte, Russland müsse nicht eingeladen werden.",
        )
        .language("de")
        .build(),
    )
    .id
    .0;
    let pl = put1(
        &*store,
        draft(
            Some("https://d.example/pl"),
            "Wałęsa w Łodzi",
            "Lech Wałęsa przemawiał w Łodzi o koalicji przeciwko terroryzmowi.",
        )
        .language("pl")
        .build(),
    )
    .id
    .0;
    assert_eq!(ids(&search(&*store, "Bogdanov")), [en, de].into());
    assert_eq!(ids(&search(&*store, "Богданов")), [ru].into());
    // Stemmed in the article's language: another form of the word.
    assert_eq!(
        ids(&search(&*store, "Москва")),
        [ru].into(),
        "Москве is a form of Москва"
    );
    assert_eq!(ids(&search(&*store, "coalitions")), [en].into());
    assert_eq!(ids(&search(&*store, "Bündnisse")), [de].into());
    // Diacritics handled, not dropped.
    assert_eq!(ids(&search(&*store, "Wałęsa")), [pl].into());
    assert_eq!(ids(&search(&*store, "Walesa")), [pl].into());
    assert_eq!(search(&*store, "nonexistentword").total, 0);
    // A word in the title outranks the same word in a text of the same length.
    let t = put1(
        &*store,
        draft(
            Some("https://e.example/t"),
            "Terrorism summit",
            "Leaders met in Paris on Friday.",
        )
        .build(),
    )
    .id
    .0;
    let x = put1(
        &*store,
        draft(
            Some("https://e.example/x"),
            "Summit talks",
            "Leaders met on terrorism in Paris.",
        )
        .build(),
    )
    .id
    .0;
    let order: Vec<u64> = search(&*store, "terrorism")
        .hits
        .iter()
        .map(|h| h.id.0)
        .filter(|id| *id == t || *id == x)
        .collect();
    assert_eq!(order, vec![t, x]);
}

pub fn phrases_and_boolean_operators(f: Factory) {
    let (store, _g) = f();
    let a = put1(&*store, report("https://a.example/1").build()).id.0;
    let b = put1(&*store, other("https://b.example/2").build()).id.0;
    assert_eq!(
        ids(&search(&*store, "\"knocking on all doors\"")),
        [a].into()
    );
    assert_eq!(
        ids(&search(&*store, "\"doors all on knocking\"")),
        BTreeSet::new()
    );
    assert_eq!(ids(&search(&*store, "Russia")), [a, b].into());
    assert_eq!(ids(&search(&*store, "Russia AND terrorism")), [a].into());
    assert_eq!(ids(&search(&*store, "Russia terrorism")), [a].into());
    assert_eq!(ids(&search(&*store, "terrorism OR output")), [a, b].into());
    assert_eq!(ids(&search(&*store, "Russia NOT terrorism")), [b].into());
    assert_eq!(ids(&search(&*store, "Russia -terrorism")), [b].into());
    assert_eq!(
        ids(&search(&*store, "(terrorism OR output) -Ukraine")),
        [a].into()
    );
    assert_eq!(ids(&search(&*store, "terror*")), [a].into());
    assert_eq!(ids(&search(&*store, "*")), [a, b].into());
    assert_eq!(ids(&search(&*store, "")), [a, b].into());
    // Punctuation alone constrains nothing.
    assert_eq!(ids(&search(&*store, "Russia &")), [a, b].into());
}

pub fn field_prefixes(f: Factory) {
    let (store, _g) = f();
    let a = put1(&*store, report("https://a.example/1").build()).id.0;
    let b = put1(&*store, other("https://b.example/2").build()).id.0;
    assert_eq!(ids(&search(&*store, "title:terrorism")), [a].into());
    assert_eq!(ids(&search(&*store, "title:Russia")), [a].into());
    assert_eq!(ids(&search(&*store, "text:Ukraine")), [b].into());
    assert_eq!(ids(&search(&*store, "source:reuters")), [b].into());
    assert_eq!(ids(&search(&*store, "source:\"RIA Novosti\"")), [a].into());
    assert_eq!(
        ids(&search(&*store, "section:\"homeland security\"")),
        [a].into()
    );
    assert_eq!(ids(&search(&*store, "site:b.example")), [b].into());
    assert_eq!(ids(&search(&*store, "lang:en")), [a, b].into());
    assert_eq!(
        ids(&search(&*store, "entity:\"Mikhail Bogdanov\"")),
        [a].into()
    );
    assert_eq!(
        ids(&search(&*store, "url:\"https://a.example/1\"")),
        [a].into()
    );
    assert_eq!(ids(&search(&*store, "Russia -source:Reuters")), [a].into());
}

pub fn filters_narrow(f: Factory) {
    let (store, _g) = f();
    let a = put1(&*store, report("https://a.example/1").build()).id.0;
    let b = put1(&*store, other("https://b.example/2").build()).id.0;
    store.refresh().unwrap();
    let run = |filters: Filters| {
        let mut r = SearchRequest::new(Node::All);
        r.limit = 10;
        r.filters = filters;
        ids(&store.search(&r).unwrap())
    };
    let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    assert_eq!(
        run(Filters {
            sources: vec!["ria novosti".into()],
            ..Default::default()
        }),
        [a].into()
    );
    assert_eq!(
        run(Filters {
            sources: vec!["Reuters".into(), "RIA Novosti".into()],
            ..Default::default()
        }),
        [a, b].into()
    );
    assert_eq!(
        run(Filters {
            sections: vec!["Business".into()],
            ..Default::default()
        }),
        [b].into()
    );
    assert_eq!(
        run(Filters {
            languages: vec!["EN-gb".into()],
            ..Default::default()
        }),
        [a, b].into()
    );
    assert_eq!(
        run(Filters {
            sites: vec!["www.a.example".into()],
            ..Default::default()
        }),
        [a].into()
    );
    assert_eq!(
        run(Filters {
            entities: vec!["Mikhail Bogdanov".into()],
            ..Default::default()
        }),
        [a].into()
    );
    assert_eq!(
        run(Filters {
            entities: vec!["Nobody At All".into()],
            ..Default::default()
        }),
        BTreeSet::new()
    );
    // Dates in UTC: a was published 2014-10-08 11:01 UTC, b 2014-10-09 08:00 UTC.
    assert_eq!(
        run(Filters {
            since: Some(t("2014-10-09T00:00:00Z")),
            ..Default::default()
        }),
        [b].into()
    );
    assert_eq!(
        run(Filters {
            until: Some(t("2014-10-08T11:01:01Z")),
            ..Default::default()
        }),
        [a].into()
    );
    assert_eq!(
        run(Filters {
            until: Some(t("2014-10-08T11:01:00Z")),
            ..Default::default()
        }),
        BTreeSet::new()
    );
}

pub fn facets_count_matches(f: Factory) {
    let (store, _g) = f();
    put(
        &*store,
        vec![
            report("https://a.example/1").build(),
            report("https://a.example/2").section("World").build(),
            other("https://b.example/3").build(),
        ],
    );
    store.refresh().unwrap();
    let mut r = SearchRequest::new(query("Russia"));
    r.facets = 10;
    let page = store.search(&r).unwrap();
    let facets = page.facets.unwrap();
    let get = |v: &[FacetCount], k: &str| v.iter().find(|c| c.value == k).map(|c| c.count);
    assert_eq!(get(&facets.sources, "RIA Novosti"), Some(2));
    assert_eq!(get(&facets.sources, "Reuters"), Some(1));
    assert_eq!(
        facets.sources[0].value, "RIA Novosti",
        "most frequent first"
    );
    assert_eq!(get(&facets.sections, "World"), Some(1));
    assert_eq!(get(&facets.languages, "en"), Some(3));
    assert_eq!(get(&facets.sites, "a.example"), Some(2));
    let bogdanov = facets
        .entities
        .iter()
        .find(|e| e.name == "Mikhail Bogdanov")
        .unwrap();
    assert_eq!((bogdanov.count, bogdanov.kind), (2, EntityKind::Person));
    // Facets count all matches, not one page.
    r.limit = 1;
    assert_eq!(
        store.search(&r).unwrap().facets.unwrap().sources,
        facets.sources
    );
}

pub fn timeline_shares(f: Factory) {
    let (store, _g) = f();
    put(
        &*store,
        vec![
            report("https://a.example/1")
                .published("2014-10-06T10:00:00Z")
                .build(),
            other("https://b.example/2")
                .published("2014-10-06T12:00:00Z")
                .build(),
            other("https://b.example/3")
                .published("2014-10-08T12:00:00Z")
                .build(),
            report("https://a.example/4")
                .published("2014-10-08T23:30:00-02:00")
                .build(),
        ],
    );
    store.refresh().unwrap();
    let mut r = SearchRequest::new(query("terrorism"));
    r.timeline = Some(Interval::Day);
    let t = store.search(&r).unwrap().timeline.unwrap();
    let days: Vec<(String, u64, u64)> = t
        .buckets
        .iter()
        .map(|b| (b.start.to_string(), b.count, b.total))
        .collect();
    // 23:30 at -02:00 is the next day in UTC; the empty day in between is listed.
    assert_eq!(
        days,
        vec![
            ("2014-10-06".into(), 1, 2),
            ("2014-10-07".into(), 0, 0),
            ("2014-10-08".into(), 0, 1),
            ("2014-10-09".into(), 1, 1),
        ]
    );
    assert_eq!(t.buckets[0].share, 0.5);
    r.timeline = Some(Interval::Month);
    let t = store.search(&r).unwrap().timeline.unwrap();
    assert_eq!(t.buckets.len(), 1);
    assert_eq!((t.buckets[0].count, t.buckets[0].total), (2, 4));
}

pub fn cursor_walks_every_match_once(f: Factory) {
    let (store, _g) = f();
    let mut all = BTreeSet::new();
    let batch: Vec<Article> = (0..23)
        .map(|i| {
            // Several share a date, so ties are broken by id.
            other(&format!("https://b.example/{i}"))
                .published(&format!("2014-10-{:02}T10:00:00Z", 1 + i / 3))
                .build()
        })
        .collect();
    for p in put(&*store, batch) {
        all.insert(p.id.0);
    }
    store.refresh().unwrap();
    for (q, sort) in [
        ("output", Sort::Relevance),
        ("*", Sort::Newest),
        ("output", Sort::Oldest),
    ] {
        let mut r = SearchRequest::new(query(q));
        r.sort = sort;
        r.limit = 5;
        let mut seen = Vec::new();
        let mut pages = 0;
        loop {
            let page = store.search(&r).unwrap();
            assert_eq!(page.total, 23);
            seen.extend(page.hits.iter().map(|h| h.id.0));
            pages += 1;
            match page.next_cursor {
                Some(c) => r.cursor = Some(c),
                None => break,
            }
            assert!(pages < 10, "the walk ends");
        }
        assert_eq!(seen.len(), 23, "{sort:?}: each match once");
        assert_eq!(seen.iter().copied().collect::<BTreeSet<_>>(), all);
        if sort != Sort::Relevance {
            let dates: Vec<_> = seen
                .iter()
                .map(|&id| store.article(ArticleId(id)).unwrap().unwrap().date)
                .collect();
            let mut sorted = dates.clone();
            sorted.sort();
            if sort == Sort::Newest {
                sorted.reverse();
            }
            assert_eq!(dates, sorted, "{sort:?} order");
        }
    }
    let mut r = SearchRequest::new(query("output"));
    r.cursor = Some("garbage".into());
    assert!(matches!(store.search(&r), Err(StoreError::BadRequest(_))));
}

pub fn characteristic_words(f: Factory) {
    let (store, _g) = f();
    let mut batch = Vec::new();
    for i in 0..6 {
        batch.push(
            draft(
                Some(&format!("https://a.example/{i}")),
                "Coalition",
                &format!(
                    "The coalition against the militants grew on day {i}; the coalition \
                      air strikes hit militants near the border."
                ),
            )
            .build(),
        );
    }
    for i in 0..30 {
        batch.push(
            draft(
                Some(&format!("https://b.example/{i}")),
                "Markets",
                &format!(
                    "The markets rose on day {i} as the central bank held the rates and the \
                      traders bought the shares."
                ),
            )
            .build(),
        );
    }
    put(&*store, batch);
    store.refresh().unwrap();
    let mut r = SearchRequest::new(query("coalition"));
    r.words = 10;
    let words = store.search(&r).unwrap().words.unwrap();
    let list: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
    assert!(list.contains(&"militants"), "{list:?}");
    assert!(!list.contains(&"the"), "{list:?}");
    assert!(
        !list.contains(&"coalition"),
        "the query's own word is no finding: {list:?}"
    );
}

pub fn quotations_by_text_and_speaker(f: Factory) {
    let (store, _g) = f();
    let a = put1(&*store, report("https://a.example/1").build()).id;
    store.refresh().unwrap();
    let run = |q: &str, speakers: &[&str]| {
        store
            .quotes(&QuoteQuery {
                query: query(q),
                speakers: speakers.iter().map(|s| s.to_string()).collect(),
                filters: Filters::default(),
                limit: 10,
                cursor: None,
            })
            .unwrap()
    };
    let page = run("fierce fight", &[]);
    assert_eq!(page.total, 1);
    let q = &page.quotes[0];
    assert_eq!(q.article, a);
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker.as_ref().unwrap().name, "Mikhail Bogdanov");
    assert!(q.text.starts_with("We have been involved"));
    assert_eq!(run("*", &["Mikhail Bogdanov"]).total, 1);
    assert_eq!(run("*", &["State Department"]).total, 1);
    assert_eq!(run("*", &[]).total, 2);
    assert_eq!(run("fierce", &["State Department"]).total, 0);
    assert_eq!(
        run("coalition", &[]).quotes[0]
            .speaker
            .as_ref()
            .unwrap()
            .name,
        "State Department"
    );
}

pub fn entity_records_and_mentions(f: Factory) {
    let (store, _g) = f();
    put(
        &*store,
        vec![
            report("https://a.example/1")
                .published("2014-09-30T10:00:00Z")
                .build(),
            report("https://a.example/2")
                .published("2014-10-08T10:00:00Z")
                .build(),
            report("https://a.example/3")
                .published("2014-12-01T10:00:00Z")
                .build(),
        ],
    );
    let list = store
        .entities(&EntityQuery {
            name: Some("mikh".into()),
            kind: None,
            limit: 10,
            offset: 0,
        })
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].name.as_str(), list[0].articles),
        ("Mikhail Bogdanov", 3)
    );
    // A later word of the name finds it too (a reader knows the surname).
    let by_surname = store
        .entities(&EntityQuery {
            name: Some("Bogd".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_surname.len(), 1);
    assert_eq!(by_surname[0].id, list[0].id);
    let inside_a_word = store
        .entities(&EntityQuery {
            name: Some("ogdanov".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert!(inside_a_word.is_empty(), "only word starts match");
    let people = store
        .entities(&EntityQuery {
            kind: Some(EntityKind::Person),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(people.len(), 1);
    let all = store
        .entities(&EntityQuery {
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 4);
    let id = list[0].id;
    let months = store.mentions_over_time(id, Interval::Month).unwrap();
    let m: Vec<(String, u64, u64)> = months
        .iter()
        .map(|b| (b.start.to_string(), b.articles, b.mentions))
        .collect();
    assert_eq!(
        m,
        vec![
            ("2014-09-01".into(), 1, 3),
            ("2014-10-01".into(), 1, 3),
            ("2014-11-01".into(), 0, 0),
            ("2014-12-01".into(), 1, 3),
        ]
    );
    let e = store.entity(id).unwrap().unwrap();
    assert_eq!(
        e.first_seen.unwrap().to_rfc3339(),
        "2014-09-30T10:00:00+00:00"
    );
    assert_eq!(
        e.last_seen.unwrap().to_rfc3339(),
        "2014-12-01T10:00:00+00:00"
    );
    assert_eq!(store.entity(EntityId(999_999)).unwrap(), None);
    // Co-mentioned entities are the entity facet of its articles.
    store.refresh().unwrap();
    let mut r = SearchRequest::new(Node::All);
    r.filters.entities = vec![id.to_string()];
    r.facets = 10;
    let facets = store.search(&r).unwrap().facets.unwrap();
    assert!(facets
        .entities
        .iter()
        .any(|e| e.name == "Islamic State" && e.count == 3));
}

pub fn limits_are_bad_requests(f: Factory) {
    let (store, _g) = f();
    put1(&*store, report("https://a.example/1").build());
    let bad = |r: SearchRequest| matches!(store.search(&r), Err(StoreError::BadRequest(_)));
    let mut r = SearchRequest::new(Node::All);
    r.limit = MAX_PAGE + 1;
    assert!(bad(r));
    let mut r = SearchRequest::new(Node::All);
    r.facets = MAX_FACET_VALUES + 1;
    assert!(bad(r));
    let mut r = SearchRequest::new(Node::All);
    r.filters.since = Some("2015-01-01T00:00:00Z".parse().unwrap());
    r.filters.until = Some("2014-01-01T00:00:00Z".parse().unwrap());
    assert!(bad(r));
    let mut r = SearchRequest::new(Node::All);
    r.timeline = Some(Interval::Day);
    r.filters.since = Some("1900-01-01T00:00:00Z".parse().unwrap());
    assert!(bad(r), "a day timeline over a century");
    // A prefix standing for too many words.
    let words: String = (0..300).map(|i| format!("zz{i:03}x ")).collect();
    put1(
        &*store,
        draft(Some("https://a.example/many"), "Many", &words).build(),
    );
    store.refresh().unwrap();
    assert!(bad(SearchRequest::new(query("zz*"))));
    assert!(!bad(SearchRequest::new(query("zz12*"))));
}

// ------------------------------------------------------------ maintenance

pub fn export_restores_an_equal_archive(f: Factory) {
    let (store, _g) = f();
    let a = report("https://a.example/1").build();
    let mut a2 = a.clone();
    a2.title = Some("Updated headline".into());
    let mut copy = report("https://portal.example/copy")
        .published("2014-10-08T18:00:00+04:00")
        .build();
    copy.text.push_str("\n\nCopyright RIA Novosti.");
    let mut first = Incoming::new(a);
    first.fetched = Some("2014-10-08T15:05:00+04:00".parse().unwrap());
    store.put(vec![first]).unwrap();
    put(
        &*store,
        vec![other("https://b.example/2").build(), copy, a2],
    );
    let dump = |s: &dyn Store| {
        let mut out = Vec::new();
        s.export(None, &mut |r| {
            out.push(r);
            Ok(())
        })
        .unwrap();
        out
    };
    let original = dump(&*store);
    assert_eq!(original.len(), 4);
    let (restored, _g2) = f();
    for r in &original {
        let item = Incoming {
            article: r.article.clone(),
            fetched: r.meta.fetched,
            stored_at: Some(r.meta.stored_at),
        };
        restored.put(vec![item]).unwrap();
    }
    assert_eq!(dump(&*restored), original);
    for id in 1..=3 {
        let (x, y) = (
            store.article(ArticleId(id)).unwrap(),
            restored.article(ArticleId(id)).unwrap(),
        );
        assert_eq!(x, y, "article {id}");
    }
    // Only some articles.
    let only: BTreeSet<ArticleId> = [ArticleId(1)].into();
    let n = store.export(Some(&only), &mut |_| Ok(())).unwrap();
    assert_eq!(n, 2, "both revisions of article 1");
}

pub fn check_and_reindex(f: Factory) {
    let (store, _g) = f();
    put(
        &*store,
        vec![
            report("https://a.example/1").build(),
            other("https://b.example/2").build(),
        ],
    );
    store.refresh().unwrap();
    let report = store.check().unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!((report.articles, report.revisions), (2, 2));
    assert_eq!(store.reindex().unwrap(), 2);
    assert_eq!(search(&*store, "Russia").total, 2);
    assert_eq!(search(&*store, "fierce").total, 1);
    assert!(store.check().unwrap().ok());
}

pub fn values_and_stats(f: Factory) {
    let (store, _g) = f();
    put(
        &*store,
        vec![
            report("https://a.example/1").build(),
            report("https://a.example/2").build(),
            other("https://b.example/3").build(),
        ],
    );
    store.refresh().unwrap();
    let sources = store.values(ValueField::Source, 10).unwrap();
    assert_eq!(
        sources[0],
        FacetCount {
            value: "RIA Novosti".into(),
            count: 2
        }
    );
    let sections = store.values(ValueField::Section, 10).unwrap();
    assert_eq!(sections.len(), 2);
    let s = store.stats().unwrap();
    assert_eq!(
        (s.articles, s.revisions, s.sources, s.sections),
        (3, 3, 2, 2)
    );
    assert_eq!(s.quotes, 4);
    assert_eq!(s.entities, 5);
    assert_eq!(s.unindexed, 0);
    assert!(s.first_date.unwrap() < s.last_date.unwrap());
}
