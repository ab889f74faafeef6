//! The specimen's tables (tests/fixtures, see the specimen README), end
//! to end from the page: entities (canonical names, kinds, aliases,
//! titles, minimum mention counts), quotations with their speakers
//! resolved to those entities, and time values.

use dateline_analyze::analyze;
use dateline_model::{Analysis, Entity, EntityKind, InputRef, QuoteKind, RawPage};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn specimen() -> (String, Analysis) {
    specimen_from("html")
}

/// The specimen as extracted from its `.html` or its `.txt` copy.
fn specimen_from(ext: &str) -> (String, Analysis) {
    let path = format!("{ROOT}/tests/fixtures/ria-novosti-2014-10-08.{ext}");
    let page = RawPage::new(
        InputRef::File { path: path.clone() },
        std::fs::read(&path).unwrap(),
    );
    let article = dateline_extract::extract(&page, &Default::default()).unwrap();
    let analysis = analyze(&article.text, article.published);
    (article.text, analysis)
}

fn entity<'a>(a: &'a Analysis, name: &str) -> &'a Entity {
    a.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", names(a)))
}

fn names(a: &Analysis) -> Vec<(String, EntityKind, Vec<String>)> {
    a.entities
        .iter()
        .map(|e| {
            (
                e.name.clone(),
                e.kind,
                e.mentions.iter().map(|m| m.text.clone()).collect(),
            )
        })
        .collect()
}

/// How many of the entity's mentions read exactly `text`.
fn count(e: &Entity, text: &str) -> usize {
    e.mentions.iter().filter(|m| m.text == text).count()
}

fn sorted(v: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = v.iter().map(String::as_str).collect();
    v.sort_unstable();
    v
}

#[test]
fn specimen_entities() {
    check_entities(specimen());
}

#[test]
fn specimen_text_copy_gives_the_same_entities_and_quotations() {
    let (text, a) = specimen_from("txt");
    let (html_text, html) = specimen();
    assert_eq!(text, html_text);
    assert_eq!(a, html);
}

fn check_entities((text, a): (String, Analysis)) {
    for e in &a.entities {
        for m in &e.mentions {
            assert_eq!(&text[m.start..m.end], m.text, "{} offsets", e.id);
        }
    }
    let ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
    let want: Vec<String> = (1..=ids.len()).map(|n| format!("e{n}")).collect();
    assert_eq!(ids, want);

    let b = entity(&a, "Mikhail Bogdanov");
    assert_eq!(b.kind, EntityKind::Person);
    assert!(b.aliases.is_empty(), "{:?}", b.aliases);
    assert_eq!(b.titles, ["Deputy Foreign Minister"]);
    assert!(count(b, "Mikhail Bogdanov") >= 1);
    assert!(count(b, "Bogdanov") >= 2, "{:?}", b.mentions);
    assert!(count(b, "the diplomat") >= 2, "{:?}", b.mentions);

    let o = entity(&a, "Barack Obama");
    assert_eq!(o.kind, EntityKind::Person);
    assert!(o.aliases.is_empty(), "{:?}", o.aliases);
    assert_eq!(o.titles, ["US President"]);
    assert!(count(o, "Barack Obama") >= 1);
    assert!(count(o, "the US leader") >= 1, "{:?}", o.mentions);

    let is = entity(&a, "Islamic State");
    assert_eq!(is.kind, EntityKind::Organization);
    assert_eq!(
        sorted(&is.aliases),
        [
            "IS",
            "ISIL",
            "ISIS",
            "Islamic State of Iraq and Greater Syria",
            "Islamic State of Iraq and the Levant"
        ]
    );
    assert!(is.titles.is_empty());
    assert!(count(is, "Islamic State") >= 1);
    assert!(count(is, "IS") >= 4, "{:?}", is.mentions);
    assert!(count(is, "ISIS") >= 1);
    assert!(count(is, "ISIL") >= 1);
    assert!(count(is, "the group") >= 1, "{:?}", is.mentions);

    for (name, kind, n) in [
        ("RIA Novosti", EntityKind::Organization, 1),
        ("State Department", EntityKind::Organization, 1),
        ("Russia", EntityKind::Location, 2),
        ("Moscow", EntityKind::Location, 1),
        ("Syria", EntityKind::Location, 2),
        ("Iraq", EntityKind::Location, 3),
    ] {
        let e = entity(&a, name);
        assert_eq!(e.kind, kind, "{name}");
        assert!(e.aliases.is_empty(), "{name}: {:?}", e.aliases);
        assert!(count(e, name) >= n, "{name}: {:?}", e.mentions);
    }
    // Syria and Iraq inside the group's long names are not theirs.
    for name in ["Syria", "Iraq"] {
        let e = entity(&a, name);
        for m in &e.mentions {
            assert!(
                !is.mentions
                    .iter()
                    .any(|l| l.start <= m.start && m.end <= l.end),
                "{name} at {} is inside one of the group's names",
                m.start
            );
        }
    }

    let us = entity(&a, "United States");
    assert_eq!(us.kind, EntityKind::Location);
    assert_eq!(us.aliases, ["US"]);
    assert!(count(us, "United States") >= 2, "{:?}", us.mentions);
    assert!(count(us, "US") >= 1);

    // No other person; the footer's John Pike is not in the text.
    let people: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["Mikhail Bogdanov", "Barack Obama"]);
    assert!(!a.entities.iter().any(|e| e.name.contains("Pike")));

    // One record per name: no two entities share a name or alias.
    let mut all: Vec<&str> = a
        .entities
        .iter()
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
        .collect();
    all.sort_unstable();
    let n = all.len();
    all.dedup();
    assert_eq!(all.len(), n, "a name on two entities: {:#?}", names(&a));
}

#[test]
fn specimen_times_use_the_published_date() {
    let (_, a) = specimen();
    let wednesday = a
        .times
        .iter()
        .find(|t| t.text == "Wednesday")
        .expect("Wednesday");
    assert_eq!(wednesday.value, "2014-10-08");
    let value = |text: &str| {
        a.times
            .iter()
            .find(|t| t.text == text)
            .map(|t| t.value.as_str())
    };
    assert_eq!(value("2012"), Some("2012"));
    assert_eq!(value("June 2014"), Some("2014-06"));
    assert_eq!(value("September"), Some("2014-09"));
    assert_eq!(value("August"), Some("2014-08"));
    assert_eq!(value("currently"), Some("PRESENT_REF"));
}

#[test]
fn specimen_quotations_name_their_speakers() {
    let (text, a) = specimen();
    let id = |name: &str| entity(&a, name).id.clone();
    let bogdanov = id("Mikhail Bogdanov");
    let state = id("State Department");
    let expected = [
        (
            QuoteKind::Indirect,
            "said",
            &bogdanov,
            "Deputy Foreign Minister Mikhail Bogdanov",
            "The United States has been knocking",
        ),
        (
            QuoteKind::Direct,
            "said",
            &bogdanov,
            "the diplomat",
            "It is well known that",
        ),
        (
            QuoteKind::Direct,
            "added",
            &bogdanov,
            "Bogdanov",
            "We have been involved in a fierce fight",
        ),
        (
            QuoteKind::AccordingTo,
            "According to",
            &bogdanov,
            "Bogdanov",
            "Moscow insists that",
        ),
        (
            QuoteKind::Partial,
            "According to",
            &bogdanov,
            "Bogdanov",
            "any such actions must be carried out",
        ),
        (
            QuoteKind::Direct,
            "stressed",
            &bogdanov,
            "the diplomat",
            "We support healthy constructive",
        ),
        (
            QuoteKind::AccordingTo,
            "according to",
            &state,
            "the State Department",
            "The US-led coalition is currently comprised",
        ),
    ];
    assert_eq!(a.quotes.len(), expected.len(), "{:#?}", a.quotes);
    for (q, (kind, cue, speaker, speaker_text, begins)) in a.quotes.iter().zip(expected) {
        assert!(q.text.starts_with(begins), "{q:?} should begin {begins:?}");
        assert_eq!(&text[q.start..q.end], q.text);
        assert_eq!(q.kind, kind, "{q:?}");
        assert_eq!(q.cue.as_deref(), Some(cue), "{q:?}");
        assert_eq!(q.speaker.as_ref(), Some(speaker), "{q:?}");
        assert_eq!(q.speaker_text.as_deref(), Some(speaker_text), "{q:?}");
    }
}
