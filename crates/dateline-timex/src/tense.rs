//! Which way a clause points in time, read from its verbs. "said Wednesday"
//! is the Wednesday just gone; "will meet Wednesday" the one to come; a bare
//! "September" in a past-tense clause is the last September. The nearest cue
//! to the expression wins, within the clause (sentence punctuation stops the
//! look-around, and it never goes further than `REACH` tokens). Which words
//! are cues is the language's business: `Cue` comes from its lexicon.

use crate::tokens::{Kind, Token};

/// A language's tense reading of one word, given the word before it
/// (both lowercased): `None` when the word says nothing.
pub(crate) type Cue = fn(prev: Option<&str>, word: &str) -> Option<Tense>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

const REACH: usize = 14;

/// The tense around tokens `first..end` of `toks` (`lower` is the chunk,
/// ASCII-lowercased), read with the language's `classify`.
pub(crate) fn around(
    toks: &[Token],
    lower: &str,
    first: usize,
    end: usize,
    classify: Cue,
) -> Tense {
    let cue = |i: usize| -> Option<Tense> {
        let t = toks.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = lower.get(t.start..t.end)?;
        let prev = i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .filter(|p| p.kind == Kind::Word)
            .and_then(|p| lower.get(p.start..p.end));
        classify(prev, w)
    };
    let stops = |i: usize| -> bool {
        toks.get(i).is_some_and(|t| {
            t.kind == Kind::Punct
                && matches!(lower.get(t.start..t.end), Some("." | "!" | "?" | ";"))
                // "Oct." and "p.m." are not sentence ends
                && toks.get(i + 1).is_none_or(|n| !n.joined && n.capital)
        })
    };
    for step in 1..=REACH {
        // Left first: "said Wednesday" and "Wednesday said" are both common,
        // but a verb before the expression governs it more often.
        let left = first.checked_sub(step);
        let left_ok = left.is_some_and(|l| (l..first).all(|k| !stops(k)));
        if let (Some(l), true) = (left, left_ok) {
            if let Some(t) = cue(l) {
                return t;
            }
        }
        let right = end + step - 1;
        if right < toks.len() && (end..right).all(|k| !stops(k)) {
            if let Some(t) = cue(right) {
                return t;
            }
        }
        if !left_ok && (right >= toks.len() || (end..right).any(stops)) {
            break;
        }
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::en::lexicon::tense_cue;
    use crate::tokens::tokenize;

    fn tense_of(text: &str, word: &str) -> Tense {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let lower = text.to_ascii_lowercase();
        let i = toks
            .iter()
            .position(|t| &text[t.start..t.end] == word)
            .unwrap();
        around(&toks, &lower, i, i + 1, tense_cue)
    }

    #[test]
    fn reads_the_nearest_verb() {
        assert_eq!(
            tense_of("Bogdanov said Wednesday.", "Wednesday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("They will meet on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(tense_of("On Friday, they met.", "Friday"), Tense::Past);
        assert_eq!(
            tense_of("He resigned. On Friday the board will vote.", "Friday"),
            Tense::Future
        );
        assert_eq!(tense_of("Friday", "Friday"), Tense::Unknown);
    }
}
