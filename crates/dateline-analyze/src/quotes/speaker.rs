//! Speaker finding: the noun phrase next to a cue, read from tokens and
//! entity spans without a parser. A speaker is a named entity (with the
//! capitalised title before it: "Deputy Foreign Minister Mikhail
//! Bogdanov"), a pronoun, or a short common-noun phrase that opens with a
//! determiner ("the diplomat", "a campaign spokesman") or is a bare plural
//! ("sources", "officials"). Every search looks at a bounded number of
//! tokens.

use crate::ner::EntitySpan;
use crate::tokenize::{Token, TokenKind};
use std::ops::Range;

/// Noun phrases longer than this are not read as speakers: past it the
/// guess is more likely a clause than a name.
const MAX_NP: usize = 8;

/// Capitalised title words taken before a name, at most.
const MAX_TITLE: usize = 6;

pub struct Words<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub ents: &'a [EntitySpan],
    /// For each token, the entity covering it (index into `ents`).
    pub ent_of: Vec<Option<u32>>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, toks: &'a [Token], ents: &'a [EntitySpan]) -> Self {
        let mut ent_of = vec![None; toks.len()];
        for (k, e) in ents.iter().enumerate() {
            let r = e.tokens.start.min(toks.len())..e.tokens.end.min(toks.len());
            for slot in &mut ent_of[r] {
                *slot = u32::try_from(k).ok();
            }
        }
        Words {
            text,
            toks,
            ents,
            ent_of,
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .word(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    pub fn entity_kind(&self, i: usize) -> Option<dateline_model::EntityKind> {
        self.entity(i).map(|e| e.kind)
    }

    /// The first person or organization named in `lo..hi`, or the first
    /// "he", "she" or "they": the likely subject when no pattern gives one.
    pub fn first_agent(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        (lo..hi.min(self.toks.len())).find_map(|i| {
            if let Some(e) = self.entity(i) {
                let agent = matches!(
                    e.kind,
                    dateline_model::EntityKind::Person | dateline_model::EntityKind::Organization
                );
                return agent.then(|| e.tokens.clone());
            }
            matches!(self.word(i), "he" | "He" | "she" | "She" | "they" | "They")
                .then_some(i..i + 1)
        })
    }

    fn entity(&self, i: usize) -> Option<&EntitySpan> {
        let k = (*self.ent_of.get(i)?)?;
        self.ents.get(k as usize)
    }

    /// The noun phrase ending at token `e` (inclusive), starting no
    /// earlier than `lo`.
    pub fn np_ending_at(&self, lo: usize, e: usize) -> Option<Range<usize>> {
        if e < lo || e >= self.toks.len() {
            return None;
        }
        let w = self.word(e);
        if is_pronoun(w) {
            return Some(e..e + 1);
        }
        // "Smith, who said …": the speaker is before the relative pronoun.
        if w.eq_ignore_ascii_case("who") && e >= lo + 2 && self.word(e - 1) == "," {
            return self.np_ending_at(lo, e - 2);
        }
        if let Some(ent) = self.entity(e) {
            if ent.tokens.end == e + 1 {
                let mut a = ent.tokens.start.max(lo);
                // Titles and roles before the name ("Deputy Foreign
                // Minister", "White House press secretary", "the
                // group's spokesman"), up to a determiner.
                let mut taken = 0;
                while a > lo && taken < MAX_TITLE {
                    let pw = self.word(a - 1);
                    if is_determiner(pw) {
                        a -= 1;
                        break;
                    }
                    if !self.is_word(a - 1) || is_function_word(pw) || is_stop(pw) {
                        break;
                    }
                    a -= 1;
                    taken += 1;
                }
                return Some(a..e + 1);
            }
        }
        if !self.is_word(e) || is_function_word(w) || is_stop(w) || is_determiner(w) {
            return None;
        }
        let mut a = e;
        loop {
            if e + 1 - a >= MAX_NP || a == lo {
                break;
            }
            let p = a - 1;
            let pw = self.word(p);
            if is_determiner(pw) {
                return Some(p..e + 1);
            }
            let word_like = self.is_word(p) || self.toks[p].kind == TokenKind::Number;
            if !word_like || is_function_word(pw) || is_stop(pw) {
                break;
            }
            a = p;
        }
        // No determiner: a capitalised run or a bare plural ("sources",
        // "Democrats"), not a lone lowercase singular, which is more often
        // the end of a clause than a speaker.
        let head = self.word(e);
        let plural = head.ends_with('s') && !head.ends_with("ss");
        if self.capitalised(a) || plural || is_collective(head) {
            Some(a..e + 1)
        } else {
            None
        }
    }

    /// The noun phrase starting at token `b`, ending before `hi`.
    pub fn np_starting_at(&self, b: usize, hi: usize) -> Option<Range<usize>> {
        let hi = hi.min(self.toks.len());
        if b >= hi {
            return None;
        }
        let w = self.word(b);
        if is_pronoun(w) {
            return Some(b..b + 1);
        }
        let mut e = b;
        if is_determiner(w) {
            e += 1;
        }
        let first = e;
        while e < hi && e - b < MAX_NP {
            let ew = self.word(e);
            let inside_name = self.entity(e).is_some() || self.capitalised(e);
            // "Mr. Schultz generally supported …": an adverb ends it.
            if e > first && !self.capitalised(e) && super::cues::is_adverb(ew) {
                break;
            }
            let ok = (self.is_word(e) && !is_function_word(ew) && !is_stop(ew))
                || (inside_name && self.is_word(e))
                // "Secretary of State John Kerry": "of" between capitals.
                || (ew == "of" && self.capitalised(e + 1) && e > first && self.capitalised(e - 1));
            if !ok {
                break;
            }
            e += 1;
        }
        // A name runs to the end of its entity.
        if e > first {
            if let Some(ent) = self.entity(e - 1) {
                e = e.max(ent.tokens.end.min(hi));
            }
            Some(b..e)
        } else {
            None
        }
    }
}

/// Singular nouns that name a body speaking as one ("police said").
fn is_collective(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "staff"
            | "government"
            | "administration"
            | "military"
            | "management"
            | "leadership"
            | "prosecution"
            | "defense"
            | "defence"
    )
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "He" | "she" | "She" | "they" | "They" | "we" | "We" | "I" | "it" | "It" | "you"
    )
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "another"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "some"
            | "many"
            | "several"
            | "most"
            | "other"
            | "both"
            | "two"
            | "three"
            | "one"
    )
}

/// Words that end a noun phrase: prepositions, conjunctions, relatives,
/// auxiliaries.
fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "when"
            | "where"
            | "why"
            | "how"
            | "whether"
            | "while"
            | "as"
            | "if"
            | "because"
            | "since"
            | "than"
            | "of"
            | "for"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "about"
            | "into"
            | "after"
            | "before"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "not"
            | "also"
            | "there"
            | "so"
            | "then"
            | "according"
    )
}

/// Words that are never part of a speaker's phrase: verbs and adverbs
/// common right before a cue or a quotation.
fn is_stop(w: &str) -> bool {
    crate::quotes::cues::cue_at(w, None).is_some()
        || crate::quotes::cues::is_between(&w.to_ascii_lowercase())
}
