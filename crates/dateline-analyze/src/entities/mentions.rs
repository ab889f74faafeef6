//! The name mentions entities are built from: the tagger's spans, long
//! names that an acronym in brackets spells out, and later occurrences of a
//! name the tagger missed.

use super::names;
use super::Raw;
use crate::ner::EntitySpan;
use crate::tokenize::{Token, TokenKind};
use dateline_model::EntityKind;
use std::collections::HashMap;

/// How far back from "(ACRONYM)" a spelled-out name may start, in tokens.
const MAX_LONG_NAME: usize = 12;

/// The tagger's spans as mentions. Two names with nothing but one space
/// between them are one name the tagger split ("RIA" + "Novosti"): in
/// running text two names are never written side by side without a comma,
/// a bracket or a word between them.
pub(crate) fn from_spans(text: &str, spans: &[EntitySpan]) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::with_capacity(spans.len());
    for s in spans.iter().filter(|s| s.start < s.end) {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.end..s.start).unwrap_or("");
            let adjacent = prev.toks.end == s.tokens.start && gap == " ";
            // "Mohammed bin Rashid", "Ludwig van Beethoven": a person's
            // name particle the tagger left out.
            let particle = prev.kind == EntityKind::Person
                && s.kind == EntityKind::Person
                && prev.toks.end + 1 == s.tokens.start
                && is_name_particle(gap.trim());
            if adjacent || (particle && gap.starts_with(' ') && gap.ends_with(' ')) {
                prev.end = s.end;
                prev.toks.end = s.tokens.end;
                prev.kind = joined_kind(prev.kind, s.kind);
                continue;
            }
        }
        out.push(Raw {
            start: s.start,
            end: s.end,
            toks: s.tokens.clone(),
            kind: s.kind,
            alias: false,
        });
    }
    out
}

/// Lowercase words inside personal names.
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "bin"
            | "ibn"
            | "bint"
            | "al"
            | "el"
            | "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "da"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "du"
            | "le"
            | "la"
    )
}

/// The kind of a name the tagger split in two: an organization if either
/// part is one ("New York" + "Times"), else a person, else the head's
/// (the last part's) kind.
fn joined_kind(a: EntityKind, b: EntityKind) -> EntityKind {
    use EntityKind::*;
    if a == Organization || b == Organization {
        Organization
    } else if a == Person || b == Person {
        Person
    } else {
        b
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "Islamic State of Iraq and the Levant (ISIL)": the words before a
/// bracketed acronym whose initials it abbreviates become one name, even
/// when the tagger split them ("Islamic State of Iraq" + "Levant"), and the
/// names inside it stop counting on their own. The acronym becomes an alias
/// mention. Returns the pairs (long name start, acronym start) to link.
pub(crate) fn acronym_names(
    text: &str,
    toks: &[Token],
    raws: &mut Vec<Raw>,
) -> Vec<(usize, usize)> {
    let mut links = Vec::new();
    let mut added = Vec::new();
    let mut removed = vec![false; raws.len()];
    // Raws are in text order: an index from token to raw, for the lookups.
    let mut by_tok: HashMap<usize, usize> = HashMap::new();
    for (i, r) in raws.iter().enumerate() {
        for t in r.toks.clone() {
            by_tok.insert(t, i);
        }
    }
    for i in 1..toks.len().saturating_sub(2) {
        let (open, acr, close) = (&toks[i], &toks[i + 1], &toks[i + 2]);
        if open.text(text) != "(" || close.text(text) != ")" || !names::is_acronym(acr.text(text)) {
            continue;
        }
        let acronym = acr.text(text);
        // Walk back over capitalised and function words.
        let mut start = None;
        let lo = i.saturating_sub(MAX_LONG_NAME);
        let mut s = i;
        while s > lo {
            let t = &toks[s - 1];
            let w = t.text(text);
            if t.kind != TokenKind::Word || !(capitalised(w) || names::is_function_word(w)) {
                break;
            }
            s -= 1;
            if capitalised(w) {
                let words = toks[s..i].iter().map(|t| t.text(text));
                if names::abbreviates(acronym, &names::initials(words)) {
                    start = Some(s);
                    break;
                }
            }
        }
        let Some(s) = start else { continue };
        // The tagger's names inside the run (and any that straddle it).
        let inside: Vec<usize> = (s..i).filter_map(|t| by_tok.get(&t).copied()).collect();
        let Some(&first) = inside.first() else {
            continue; // no tagged name there: nothing says it is a name
        };
        let kind = if inside
            .iter()
            .any(|&r| raws[r].kind == EntityKind::Organization)
        {
            EntityKind::Organization
        } else {
            raws[first].kind
        };
        let mut tok_lo = s;
        for &r in &inside {
            removed[r] = true;
            tok_lo = tok_lo.min(raws[r].toks.start);
        }
        let long = Raw {
            start: toks[tok_lo].start,
            end: toks[i - 1].end,
            toks: tok_lo..i,
            kind,
            alias: false,
        };
        match by_tok.get(&(i + 1)) {
            Some(&r) => raws[r].alias = true,
            None => added.push(Raw {
                start: acr.start,
                end: acr.end,
                toks: i + 1..i + 2,
                kind,
                alias: true,
            }),
        }
        links.push((long.start, acr.start));
        added.push(long);
    }
    let mut kept: Vec<Raw> = std::mem::take(raws)
        .into_iter()
        .zip(removed)
        .filter_map(|(r, gone)| (!gone).then_some(r))
        .collect();
    kept.extend(added);
    *raws = kept;
    raws.sort_by_key(|r| (r.start, r.end));
    raws.dedup_by_key(|r| r.start);
    links
}

/// Occurrences of names already found (and of persons' surnames) that the
/// tagger did not mark, also as parts of hyphenated words ("US-led",
/// "anti-IS"). Each comes with the start of a mention it repeats.
pub(crate) fn repeats(text: &str, toks: &[Token], raws: &[Raw]) -> Vec<(Raw, usize)> {
    // First word → (the name's words, the mention it came from).
    let mut names: HashMap<&str, Vec<(Vec<&str>, usize)>> = HashMap::new();
    let mut seen = std::collections::HashSet::new();
    for (i, r) in raws.iter().enumerate() {
        let name = text.get(r.start..r.end).unwrap_or("");
        let words: Vec<&str> = name.split_whitespace().collect();
        let mut forms = vec![words.clone()];
        if r.kind == EntityKind::Person && words.len() > 1 {
            forms.push(words[words.len() - 1..].to_vec());
        }
        for f in forms {
            let Some(&head) = f.first() else { continue };
            if f.len() == 1 && (head.chars().count() < 2 || !capitalised(head)) {
                continue;
            }
            if seen.insert(f.clone()) {
                names.entry(head).or_default().push((f, i));
            }
        }
    }
    let mut covered = vec![false; toks.len()];
    for r in raws {
        for t in r.toks.clone() {
            if let Some(c) = covered.get_mut(t) {
                *c = true;
            }
        }
    }
    let shouting = |t: Option<&Token>| {
        t.is_some_and(|t| {
            let w = t.text(text);
            t.kind == TokenKind::Word && w.len() > 1 && w.chars().all(|c| !c.is_lowercase())
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || toks[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let word = names::strip_possessive(toks[i].text(text));
        let mut matched = 0;
        if let Some(cands) = names.get(word) {
            // The longest name that matches here.
            let mut best: Option<(usize, usize)> = None;
            for (words, from) in cands {
                let n = words.len();
                if best.is_some_and(|(m, _)| m >= n)
                    || i + n > toks.len()
                    || covered[i..i + n].iter().any(|&c| c)
                {
                    continue;
                }
                let fits = words.iter().enumerate().all(|(k, w)| {
                    let t = toks[i + k].text(text);
                    t == *w || (k + 1 == n && names::strip_possessive(t) == *w)
                });
                // A lone acronym among capitals is a shouted line, not a name.
                let shouted = n == 1
                    && names::is_acronym(word)
                    && (shouting(i.checked_sub(1).and_then(|p| toks.get(p)))
                        || shouting(toks.get(i + 1)));
                if fits && !shouted {
                    best = Some((n, *from));
                }
            }
            if let Some((n, from)) = best {
                let last = &toks[i + n - 1];
                let end = last.start + names::strip_possessive(last.text(text)).len();
                matched = n;
                let raw = Raw {
                    start: toks[i].start,
                    end,
                    toks: i..i + n,
                    kind: raws[from].kind,
                    alias: raws[from].alias,
                };
                out.push((raw, raws[from].start));
            }
        } else if word.contains('-') {
            // Parts of a hyphenated word: one-word names only.
            let mut off = toks[i].start;
            for part in toks[i].text(text).split('-') {
                let one = names
                    .get(part)
                    .and_then(|c| c.iter().find(|(w, _)| w.len() == 1));
                if let Some((_, from)) = one {
                    let raw = Raw {
                        start: off,
                        end: off + part.len(),
                        toks: i..i + 1,
                        kind: raws[*from].kind,
                        alias: raws[*from].alias,
                    };
                    out.push((raw, raws[*from].start));
                }
                off += part.len() + 1;
            }
        }
        i += matched.max(1);
    }
    out
}
