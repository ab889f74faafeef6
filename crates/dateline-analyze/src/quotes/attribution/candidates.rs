//! The quotations no attribution pattern claimed, read as candidates for
//! the fragment classifier ([`FragmentModel`]): someone's words quoted
//! under a verb that is no verb of saying ("called Obama a 'petulant
//! child'", "is promising 'jobs, jobs, jobs'", "going after Trump as a
//! 'con artist'"), or a scare quote, a title, a nickname ("the show
//! 'Scandal'", "Robert C. 'Bobby' Scott"), which are nobody's.
//!
//! Each candidate gets a few dozen features of its words and of the words
//! around it. One the classifier accepts becomes a partial quotation: its
//! content runs back to the word that governs it ("Trump as a 'con
//! artist'", as PolNeAR marks such content), its cue is that word, its
//! speaker the sentence's first person, organization or pronoun.

use super::super::cues;
use super::super::marks::Family;
use super::{Ctx, Found, FragmentModel, SUBJECT_BACK};
use crate::tokenize::TokenKind;
use dateline_model::{EntityKind, QuoteKind, Span};

/// How far back in its sentence a fragment's governing word may be.
const GOVERNOR_BACK: usize = 8;

/// How far a fragment's content runs either side of its quotation when
/// no word governs it, in tokens.
const CLAUSE_WORDS: usize = 16;

/// How far either side of a fragment its sentence is read, in tokens:
/// sentences of web text can be a whole page long.
const CONTEXT: usize = 40;

/// A quotation the patterns left, with what the classifier reads of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte span of the quotation, its marks included.
    pub span: Span,
    pub features: Vec<String>,
}

/// The spans attributed so far, sorted, with the farthest end reached by
/// each prefix: whether any overlaps a range is then a binary search.
struct Claimed {
    spans: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Claimed {
    fn new(spans: Vec<(usize, usize)>) -> Self {
        let reach = spans
            .iter()
            .scan(0, |r, s| {
                *r = s.1.max(*r);
                Some(*r)
            })
            .collect();
        Claimed { spans, reach }
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let n = self.spans.partition_point(|s| s.0 < end);
        n > 0 && self.reach[n - 1] > start
    }
}

impl Ctx<'_> {
    /// The quotations left, but nicknames: "Robert C. 'Bobby' Scott" is
    /// nobody's words.
    fn declined(&self) -> impl Iterator<Item = usize> + '_ {
        self.declined
            .iter()
            .copied()
            .filter(|&t| !self.is_nickname(t))
    }

    /// One or two words quoted between two capitalised words.
    fn is_nickname(&self, t: usize) -> bool {
        let q = self.quoted[self.tops[t]];
        let capitalised = |k: usize| {
            self.w.is_word(k) && self.word(k).chars().next().is_some_and(char::is_uppercase)
        };
        let words = (q.open + 1..q.close).filter(|&i| self.w.is_word(i)).count();
        (1..=2).contains(&words)
            && q.open > 0
            && (capitalised(q.open - 1) || self.word(q.open - 1) == ".")
            && capitalised(q.close + 1)
    }

    pub(super) fn candidates(&self) -> Vec<Candidate> {
        let claimed = Claimed::new(self.claimed_spans());
        self.declined()
            .map(|t| {
                let q = self.quoted[self.tops[t]];
                Candidate {
                    span: self.byte_span(q.open..q.close + 1),
                    features: self.features(t, &claimed),
                }
            })
            .collect()
    }

    /// Attributes the candidates `model` accepts. All are read against
    /// what the patterns found, as in training; a candidate inside the
    /// content of one accepted before it is part of that ("being 'duped'
    /// by 'a con'").
    pub(super) fn fragments(&mut self, model: &FragmentModel) {
        let claimed = Claimed::new(self.claimed_spans());
        let accepted: Vec<usize> = self
            .declined()
            .filter(|&t| model.accepts(&self.features(t, &claimed)))
            .collect();
        let mut reach = 0;
        for t in accepted {
            self.used[t] = true;
            let q = self.quoted[self.tops[t]];
            if self.w.toks[q.open].start >= reach {
                let found = self.fragment(t);
                reach = found.content.end;
                self.out.push(found);
            }
        }
    }

    fn in_sentence(&self, k: usize, sentence: u32) -> bool {
        self.sent_of.get(k) == Some(&sentence)
    }

    /// The word that governs a fragment opening at token `open`: the
    /// nearest verb-like word before it in its sentence, with no stop,
    /// colon or other quotation between ("called Obama a '…'", "compared
    /// Trump to a coach who is '…'").
    fn governor(&self, open: usize) -> Option<usize> {
        let sentence = self.sent_of[open];
        (open.saturating_sub(GOVERNOR_BACK)..open)
            .rev()
            .take_while(|&k| {
                self.in_sentence(k, sentence)
                    && self.top_at[k].is_none()
                    && !matches!(self.word(k), "." | "!" | "?" | ";" | ":")
            })
            .find(|&k| {
                let w = self.word(k);
                self.w.is_word(k)
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && (cues::cue_at(w, None).is_some()
                        || cues::content_follows(w)
                        || is_verb_like(w))
            })
    }

    /// The end (exclusive) of the sentence part read around token `i`.
    fn context_end(&self, i: usize) -> usize {
        let sentence = self.sent_of[i];
        let mut hi = i + 1;
        while hi < (i + CONTEXT).min(self.w.toks.len()) && self.in_sentence(hi, sentence) {
            hi += 1;
        }
        hi
    }

    fn features(&self, t: usize, claimed: &Claimed) -> Vec<String> {
        let q = self.quoted[self.tops[t]];
        let sentence = self.sent_of[q.open];
        let lower = |k: usize| self.word(k).to_lowercase();
        let around = |k: Option<usize>, edge: &str| {
            k.filter(|&k| self.in_sentence(k, sentence))
                .map_or_else(|| edge.to_string(), lower)
        };
        let p1 = around(q.open.checked_sub(1), "<s>");
        let p2 = around(q.open.checked_sub(2), "<s>");
        let n1 = around(Some(q.close + 1), "</s>");
        let mut f = vec![
            "bias".to_string(),
            format!("p1={p1}"),
            format!("p2={p2}"),
            format!("p12={p2}_{p1}"),
            format!("n1={n1}"),
        ];

        // The quoted words themselves.
        let words: Vec<&str> = (q.open + 1..q.close)
            .filter(|&i| self.w.is_word(i))
            .map(|i| self.word(i))
            .collect();
        f.push(format!("len={}", bucket(words.len())));
        if self.is_title(t) {
            f.push("title".into());
        }
        if self.capital_start(q.start, q.end) {
            f.push("capital".into());
        }
        if q.close > q.open + 1 {
            let last = self.word(q.close - 1);
            if matches!(last, "," | "." | "!" | "?") {
                f.push(format!("ends={last}"));
            }
        }
        if words.iter().any(|w| {
            matches!(
                *w,
                "I" | "we" | "We" | "my" | "My" | "our" | "Our" | "me" | "us" | "you" | "You"
            )
        }) {
            f.push("person-words".into());
        }
        if q.family == Family::Single {
            f.push("single".into());
        }
        if (q.open + 1..q.close).any(|i| self.w.toks[i].kind == TokenKind::Number) {
            f.push("number".into());
        }

        // The verb that governs it, and the verbs of saying near.
        match self.governor(q.open) {
            Some(g) => {
                f.push(format!("gov={}", lower(g)));
                f.push(format!("gov-at={}", bucket(q.open - g)));
                if cues::cue_at(self.word(g), None).is_some() {
                    f.push("gov-cue".into());
                }
            }
            None => f.push("gov=none".into()),
        }
        let lo = self.sentence_start_within(q.open, CONTEXT);
        let hi = self.context_end(q.close);
        match (lo..q.open)
            .rev()
            .find(|&k| cues::cue_at(self.word(k), None).is_some())
        {
            Some(k) => f.push(format!("cue-before={}", bucket(q.open - k))),
            None => f.push("cue-before=none".into()),
        }
        if (q.close + 1..hi).any(|k| cues::cue_at(self.word(k), None).is_some()) {
            f.push("cue-after".into());
        }

        // Names next to it, and who the sentence is about.
        let kind_at = |k: Option<usize>| {
            k.filter(|&k| self.in_sentence(k, sentence))
                .and_then(|k| self.w.entity_kind(k))
                .map(kind_name)
        };
        if let Some(kind) = kind_at(q.open.checked_sub(1)) {
            f.push(format!("name-before={kind}"));
        }
        if let Some(kind) = kind_at(Some(q.close + 1)) {
            f.push(format!("name-after={kind}"));
        }
        let agent = self
            .w
            .first_agent(lo, q.open)
            .map(|r| self.w.entity_kind(r.start).map_or("pronoun", kind_name));
        f.push(format!("agent={}", agent.unwrap_or("none")));

        // Where it stands: a sentence of its own, a headline, a sentence
        // with an attribution already.
        if self.sent_start.get(q.open).copied().unwrap_or(false) {
            f.push("sentence-start".into());
        }
        // `hi` past the sentence (or the text): it ends inside the window.
        if !self.in_sentence(hi, sentence) {
            let stopped =
                matches!(self.word(hi - 1), "." | "!" | "?") || self.top_at[hi - 1].is_some();
            if !stopped {
                f.push("no-stop".into());
            }
        }
        let sentence_bytes = self.byte_span(lo..hi);
        if claimed.overlaps(sentence_bytes.start, sentence_bytes.end) {
            f.push("sentence-attributed".into());
        }
        f
    }

    /// The attribution of an accepted candidate. Its content is the
    /// clause part around the quotation: back to the word that governs it
    /// (else to the clause's start: "Trump as a '…'", "the woman's '…'"),
    /// on to the clause's end ("a 'special meeting' to vote on a
    /// replacement nominee"), marks included.
    fn fragment(&self, t: usize) -> Found {
        let q = self.quoted[self.tops[t]];
        let governor = self.governor(q.open);
        let mut start = match governor {
            Some(g) => g + 1,
            None => self.clause_start(q.open),
        };
        let end = self.clause_end(q.close);
        // The sentence's first person, organization or pronoun before the
        // quotation; when no verb governs it, the clause read back may
        // start with that subject ("Reid has gone after Trump as a '…'"),
        // and the content starts after it.
        let from = self.sentence_start_within(q.open, SUBJECT_BACK);
        let speaker = self.w.first_agent(from, governor.unwrap_or(q.open));
        if let Some(s) = &speaker {
            if (start..q.open).contains(&s.start) {
                start = s.end.min(q.open);
            }
        }
        let kind = match self.quote_kind(t) {
            QuoteKind::Direct if start == q.open => QuoteKind::Direct,
            _ => QuoteKind::Partial,
        };
        Found {
            content: self.byte_span(start..end),
            kind,
            cue: governor.map(|g| g..g + 1),
            speaker,
        }
    }

    /// Back from a quotation opening at `open` to the start of its clause
    /// part: a stop, a comma or dash, "that" or a verb-like word ends the
    /// walk, as does the sentence's start.
    fn clause_start(&self, open: usize) -> usize {
        let sentence = self.sent_of[open];
        let mut a = open;
        while a > open.saturating_sub(CLAUSE_WORDS) && a > 0 && self.in_sentence(a - 1, sentence) {
            let k = a - 1;
            let w = self.word(k);
            let boundary = self.top_at[k].is_some()
                || matches!(
                    w,
                    "." | "!" | "?" | ";" | ":" | "," | "—" | "–" | "--" | "(" | ")"
                )
                || matches!(w, "that" | "which" | "who" | "and" | "but" | "or")
                || (w.chars().next().is_some_and(char::is_lowercase)
                    && (cues::cue_at(w, None).is_some() || is_verb_like(w)));
            if boundary {
                break;
            }
            a = k;
        }
        a
    }

    /// On from a quotation closing at `close` to the end of its clause
    /// part (exclusive): other quotations are passed whole, a stop, comma
    /// or dash outside them ends it.
    fn clause_end(&self, close: usize) -> usize {
        let sentence = self.sent_of[close];
        let limit = (close + 1 + CLAUSE_WORDS).min(self.w.toks.len());
        let mut b = close + 1;
        while b < limit && self.in_sentence(b, sentence) {
            let w = self.word(b);
            if self.top_at[b].is_none()
                && matches!(
                    w,
                    "." | "!" | "?" | ";" | ":" | "," | "—" | "–" | "--" | "("
                )
            {
                break;
            }
            b += 1;
        }
        // A quotation cut by the limit is not taken in part.
        while b > close + 1 && self.top_at[b - 1].is_some() && self.closes_at(b - 1).is_none() {
            b -= 1;
        }
        b
    }
}

/// A lowercase word shaped like a past form or a participle
/// ("labeled", "pounding"): the governing verb when no cue is nearer.
fn is_verb_like(w: &str) -> bool {
    w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        EntityKind::Misc => "misc",
    }
}

/// Counts in a few bands, so that the classifier generalises over them.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=6 => "4-6",
        7..=12 => "7-12",
        _ => "13+",
    }
}
