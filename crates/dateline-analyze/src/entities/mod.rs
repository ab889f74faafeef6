//! One record per real-world entity of an article, with every mention.
//!
//! The tagger's names ([`mentions`]) are grouped by what the text says
//! ([`aliases`]: "X, also known as Y", "X (Y)"), by spelling ([`names`]:
//! the same key, country short forms, a surname after the full name, an
//! acronym of a name), then given the titles written before them
//! ([`titles`]) and the descriptors that refer back to them
//! ([`descriptors`]). Every step looks a bounded distance around each
//! token, so the work is linear in the text.

mod aliases;
mod descriptors;
mod mentions;
pub mod names;
pub mod speakers;
mod titles;

use crate::ner::EntitySpan;
use crate::tokenize::{Sentence, Token};
use dateline_model::{Entity, EntityKind, Mention, MentionForm};
use std::collections::HashMap;
use std::ops::Range;

/// A name mention before entities are formed.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    /// The tokens it covers.
    pub toks: Range<usize>,
    pub kind: EntityKind,
    /// Introduced by the text as another name's alias ("also known as Y",
    /// "(Y)"): never the canonical name while a plain name exists.
    pub alias: bool,
}

/// Union-find over mention indices; the smaller index is the root, so a
/// group's root is its first mention.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.0[hi] = lo;
    }
}

/// The entities of `text`, from the tagger's `spans` over its tokens and
/// sentences. Ids `e1`, `e2`, … in order of first mention.
pub fn resolve(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    spans: &[EntitySpan],
) -> Vec<Entity> {
    let mut raws = mentions::from_spans(text, spans);
    raws.sort_by_key(|r| (r.start, r.end));
    let mut links = mentions::acronym_names(text, toks, &mut raws);
    for (raw, from) in mentions::repeats(text, toks, &raws) {
        links.push((from, raw.start));
        raws.push(raw);
    }
    raws.sort_by_key(|r| (r.start, r.end));
    // Overlaps (a repeat inside a hyphenated word already tagged): the first wins.
    let mut last_end = 0;
    raws.retain(|r| {
        let keep = r.start >= last_end;
        if keep {
            last_end = r.end;
        }
        keep
    });
    // After the repeats: "The IS, also known as …" may name IS only
    // because an earlier "(IS)" taught it.
    links.extend(aliases::links(text, &mut raws));
    let at: HashMap<usize, usize> = raws.iter().enumerate().map(|(i, r)| (r.start, i)).collect();
    let mut groups = Groups((0..raws.len()).collect());
    for (a, b) in links {
        if let (Some(&a), Some(&b)) = (at.get(&a), at.get(&b)) {
            groups.union(a, b);
        }
    }
    link_by_spelling(text, &raws, &mut groups);

    // Sentence start (token index) of every token, for the titles.
    let mut sentence_of = vec![0; toks.len()];
    for s in sents {
        for t in s.tokens.clone() {
            if let Some(x) = sentence_of.get_mut(t) {
                *x = s.tokens.start;
            }
        }
    }

    // Groups in order of first mention.
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for i in 0..raws.len() {
        let root = groups.find(i);
        let n = *slot.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[n].push(i);
    }
    let mut entities: Vec<Entity> = members
        .iter()
        .map(|m| entity(text, toks, &sentence_of, &raws, m))
        .collect();

    // Descriptors, each to the most recent entity it fits.
    let mut order: Vec<(usize, usize)> = Vec::with_capacity(raws.len());
    for (e, m) in members.iter().enumerate() {
        order.extend(m.iter().map(|&i| (raws[i].start, e)));
    }
    order.sort_unstable();
    for d in descriptors::find(text, toks) {
        // A head noun inside a name is part of the name ("the State
        // Department"); a name inside the descriptor is not ("the US leader").
        let before = raws.partition_point(|r| r.start < d.end);
        if before > 0 && raws[before - 1].end >= d.end {
            continue;
        }
        let fit = |e: usize| {
            let c = descriptors::Candidate {
                kind: entities[e].kind,
                name: &entities[e].name,
                titles: &entities[e].titles,
            };
            descriptors::fits(&d, &c)
        };
        if let Some(e) = descriptors::antecedent(&d, &order, fit) {
            entities[e].mentions.push(Mention {
                start: d.start,
                end: d.end,
                text: text.get(d.start..d.end).unwrap_or("").to_string(),
                form: MentionForm::Descriptor,
            });
        }
    }
    for (n, e) in entities.iter_mut().enumerate() {
        e.mentions.sort_by_key(|m| (m.start, m.end));
        e.id = format!("e{}", n + 1);
    }
    entities
}

/// Links mentions spelled alike: the same key ("U.S." and "United
/// States"), a company's name without its suffix ("Boeing" after "Boeing
/// Co."), a surname after a full name (to the nearest person with that
/// surname before it, else the first after), and an acronym of a name the
/// article spells out.
fn link_by_spelling(text: &str, raws: &[Raw], groups: &mut Groups) {
    let name = |r: &Raw| text.get(r.start..r.end).unwrap_or("");
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    // Initials → the first name with them, its key, and whether names with
    // another key share them (then an acronym would be a guess).
    let mut by_initials: HashMap<String, (usize, String, bool)> = HashMap::new();
    for (i, r) in raws.iter().enumerate() {
        let n = name(r);
        let k = names::key(n);
        match by_key.get(&k) {
            Some(&j) => groups.union(j, i),
            None => {
                by_key.insert(k.clone(), i);
            }
        }
        let words: Vec<&str> = n.split_whitespace().collect();
        if words.len() > 1 {
            if r.kind == EntityKind::Person {
                if let Some(last) = words.last() {
                    surnames.entry(names::key(last)).or_default().push(i);
                }
            } else {
                let ini = names::initials(words.iter().copied());
                let e = by_initials.entry(ini).or_insert((i, k.clone(), false));
                e.2 |= e.1 != k;
            }
        }
    }
    // "Boeing Co." and "Emirates Airline" are "Boeing" and "Emirates" once
    // introduced: the name without its company suffix.
    let mut by_stem: HashMap<String, usize> = HashMap::new();
    for (i, r) in raws.iter().enumerate() {
        if r.kind == EntityKind::Organization {
            if let Some(stem) = names::company_stem(name(r)) {
                by_stem.entry(names::key(stem)).or_insert(i);
            }
        }
    }
    for (i, r) in raws.iter().enumerate() {
        if matches!(r.kind, EntityKind::Person | EntityKind::Location) {
            continue;
        }
        if let Some(&j) = by_stem.get(&names::key(name(r))) {
            groups.union(j, i);
        }
    }
    for (i, r) in raws.iter().enumerate() {
        let n = name(r);
        if n.split_whitespace().nth(1).is_some() {
            continue;
        }
        if let Some(people) = surnames.get(&names::key(n)) {
            // `people` is in text order: the last one before, else the first.
            let p = people.partition_point(|&j| j < i);
            if let Some(&j) = people.get(p.saturating_sub(1)) {
                groups.union(j, i);
            }
        } else if names::is_acronym(n) {
            let ini: String = n.chars().filter(|c| c.is_alphanumeric()).collect();
            if let Some(&(j, _, false)) = by_initials.get(&ini) {
                groups.union(j, i);
            }
        }
    }
}

/// One entity from its mentions: canonical name, kind, aliases, titles.
fn entity(
    text: &str,
    toks: &[Token],
    sentence_of: &[usize],
    raws: &[Raw],
    members: &[usize],
) -> Entity {
    let name_of = |i: usize| text.get(raws[i].start..raws[i].end).unwrap_or("");
    let words = |i: usize| name_of(i).split_whitespace().count();
    // Kind by majority, ties to the first mention's kind; but MISC is the
    // tagger's answer for names it cannot place, so a person, organization
    // or place among the mentions outvotes it ("Boeing" MISC three times
    // and "Boeing Co." ORG once are one company).
    let mut votes: Vec<(EntityKind, usize)> = Vec::new();
    for &i in members {
        match votes.iter_mut().find(|(k, _)| *k == raws[i].kind) {
            Some((_, n)) => *n += 1,
            None => votes.push((raws[i].kind, 1)),
        }
    }
    if votes.iter().any(|(k, _)| *k != EntityKind::Misc) {
        votes.retain(|(k, _)| *k != EntityKind::Misc);
    }
    let kind = votes
        .iter()
        .fold(None::<(EntityKind, usize)>, |best, &(k, n)| match best {
            Some((_, b)) if b >= n => best,
            _ => Some((k, n)),
        })
        .map_or(EntityKind::Misc, |(k, _)| k);
    // The canonical name: the fullest plain name (not one introduced as an
    // alias, not an acronym or short form); the first of equals.
    let rank = |i: usize| {
        let n = name_of(i);
        let plain = !raws[i].alias && !names::is_acronym(n) && !names::is_short_form(n);
        (
            plain,
            !raws[i].alias,
            words(i),
            std::cmp::Reverse(raws[i].start),
        )
    };
    let canon = members
        .iter()
        .copied()
        .max_by_key(|&i| rank(i))
        .unwrap_or(0);
    let name = name_of(canon).to_string();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let part_of_name = |n: &str| {
        kind == EntityKind::Person && n.split_whitespace().all(|w| name_words.contains(&w))
    };
    let mut aliases: Vec<String> = Vec::new();
    let mut titles_: Vec<String> = Vec::new();
    let mut mentions = Vec::with_capacity(members.len());
    for &i in members {
        let n = name_of(i);
        let form = if n == name || part_of_name(n) {
            MentionForm::Name
        } else {
            if !aliases.iter().any(|a| a == n) {
                aliases.push(n.to_string());
            }
            MentionForm::Alias
        };
        mentions.push(Mention {
            start: raws[i].start,
            end: raws[i].end,
            text: n.to_string(),
            form,
        });
        if kind == EntityKind::Person {
            let first = raws[i].toks.start;
            let sentence = sentence_of.get(first).copied().unwrap_or(0);
            if let Some(t) = titles::before(text, toks, first, sentence) {
                if !titles_.contains(&t) {
                    titles_.push(t);
                }
            }
        }
    }
    Entity {
        id: String::new(),
        name,
        kind,
        aliases,
        titles: titles_,
        mentions,
    }
}
