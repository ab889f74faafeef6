//! The scanner: at each token, every rule family tries to read an
//! expression starting there; the longest reading wins and scanning resumes
//! after it. Rules look at most a dozen tokens ahead, so a scan is linear in
//! the text.
//!
//! Extents follow the TimeML/TIMEX3 guidelines as TimeBank and AQUAINT apply
//! them: determiners and modifiers belong to the expression ("the third
//! quarter", "the past two months", "early next year", "two years ago",
//! "more than four hours"); prepositions and conjunctions do not ("since
//! 2012" → "2012", "in the future" → "the future").

mod calendar;
mod clock;
mod relative;

use chrono::NaiveDate;
use dateline_model::TimeKind;

use crate::en::lexicon;
use crate::resolve::Pick;
use crate::tense::{self, Tense};
use crate::tokens::{Kind, Token};
use crate::value::{Amount, Mod, Unit, Value};

/// One expression found: tokens `first..end` of the chunk.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub first: usize,
    pub end: usize,
    pub kind: TimeKind,
    pub value: Value,
    pub modifier: Option<Mod>,
}

impl Hit {
    fn new(first: usize, end: usize, kind: TimeKind, value: Value) -> Hit {
        Hit {
            first,
            end,
            kind,
            value,
            modifier: None,
        }
    }

    fn with_mod(mut self, modifier: Option<Mod>) -> Hit {
        if modifier.is_some() {
            self.modifier = modifier;
        }
        self
    }
}

type Rule = fn(&Scan<'_>, usize) -> Option<Hit>;

const RULES: &[Rule] = &[
    calendar::numeric_date,
    calendar::written_date,
    calendar::month,
    calendar::year,
    calendar::decade,
    calendar::century,
    calendar::quarter,
    calendar::season,
    calendar::weekday,
    calendar::holiday,
    relative::deictic_day,
    relative::this_last_next,
    relative::ago,
    relative::duration,
    relative::vague_span,
    relative::reference_word,
    relative::set,
    clock::clock,
];

/// A chunk's tokens and what the rules need to read them.
pub(crate) struct Scan<'a> {
    pub toks: &'a [Token],
    /// The chunk, ASCII-lowercased (same byte offsets as the original).
    pub lower: &'a str,
    pub reference: Option<NaiveDate>,
    /// The reference's wall-clock time, when the caller knows it.
    pub reference_time: Option<chrono::NaiveDateTime>,
}

impl<'a> Scan<'a> {
    /// Every expression in the chunk, in order, not overlapping.
    pub(crate) fn run(&self, out: &mut Vec<Hit>) {
        let mut i = 0;
        while i < self.toks.len() {
            let mut best: Option<Hit> = None;
            for rule in RULES {
                if let Some(hit) = rule(self, i) {
                    let longer = best.as_ref().is_none_or(|b| hit.end > b.end);
                    if hit.first >= i && hit.end > hit.first && longer && self.bounded(&hit) {
                        best = Some(hit);
                    }
                }
            }
            match best {
                Some(mut hit) => {
                    // "the next year or so", "two years or so"
                    if let Some(e) = self.seq(hit.end, &["or", "so"]) {
                        hit.end = e;
                    }
                    i = hit.end;
                    out.push(hit);
                }
                None => i += 1,
            }
        }
    }

    /// A hit must not start or end inside a longer token run: "X2014",
    /// "2014abc", "3.2014" and "2014:10" are not years.
    fn bounded(&self, hit: &Hit) -> bool {
        let t = self.toks;
        let first = &t[hit.first];
        if first.joined && hit.first > 0 {
            let prev = &t[hit.first - 1];
            if prev.kind != Kind::Punct {
                return false;
            }
            let sep = self.text_of(hit.first - 1);
            if matches!(sep, "." | "," | ":" | "/")
                && prev.joined
                && hit.first >= 2
                && t[hit.first - 2].kind == Kind::Number
            {
                return false;
            }
        }
        let last = &t[hit.end - 1];
        if let Some(next) = t.get(hit.end) {
            if next.joined && next.kind != Kind::Punct && last.kind != Kind::Punct {
                return false;
            }
            if next.joined
                && last.kind == Kind::Number
                && matches!(self.text_of(hit.end), "." | "," | ":" | "/")
                && t.get(hit.end + 1)
                    .is_some_and(|n| n.joined && n.kind == Kind::Number)
            {
                return false;
            }
        }
        true
    }

    fn text_of(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The lowercased word at `i`, if a word is there.
    pub(crate) fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| self.text_of(i))
    }

    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    pub(crate) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    /// Words in sequence from `i`; the index after them.
    pub(crate) fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if !self.is(i + k, w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    pub(crate) fn punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.text_of(i) == p
    }

    /// Punctuation `p` touching the previous token.
    pub(crate) fn joined_punct(&self, i: usize, p: &str) -> bool {
        self.punct(i, p) && self.joined(i)
    }

    pub(crate) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.joined)
    }

    pub(crate) fn capital(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    /// A digit run at `i`: its value and its number of digits (`None` for
    /// runs too long to be a date part).
    pub(crate) fn number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Number || t.end - t.start > 6 {
            return None;
        }
        let s = self.text_of(i);
        Some((s.parse().ok()?, s.len()))
    }

    /// A hyphen (or dash) touching both neighbours: "two-year", "mid-2012".
    pub(crate) fn hyphen(&self, i: usize) -> bool {
        (self.punct(i, "-") || self.punct(i, "\u{2010}") || self.punct(i, "\u{2011}"))
            && self.joined(i)
            && self.joined(i + 1)
    }

    pub(crate) fn tense(&self, first: usize, end: usize) -> Tense {
        tense::around(self.toks, self.lower, first, end, lexicon::tense_cue)
    }

    pub(crate) fn pick(&self, first: usize, end: usize) -> Pick {
        Pick::Tense(self.tense(first, end))
    }

    /// A count of units: digits, number words ("twenty-four", "a", "a few",
    /// "several"); the index after it.
    pub(crate) fn count(&self, i: usize) -> Option<(Amount, usize)> {
        if let Some((n, digits)) = self.number(i) {
            // "1,000" and "2.5" are not counts we can normalise.
            if (self.joined_punct(i + 1, ",") || self.joined_punct(i + 1, "."))
                && self.number(i + 2).is_some()
                && self.joined(i + 2)
            {
                return None;
            }
            // "the 1988 quarter" is a year, not 1988 quarters
            return (digits <= 3).then_some((Amount::Exact(n), i + 1));
        }
        let w = self.word(i)?;
        match w {
            "a" | "an" => {
                if let Some(k) = self.seq(i + 1, &["couple", "of"]) {
                    return Some((Amount::Exact(2), k));
                }
                if self.is(i + 1, "few") {
                    return Some((Amount::Unknown, i + 2));
                }
                if self.is(i + 1, "dozen") {
                    return Some((Amount::Exact(12), i + 2));
                }
                if self.is(i + 1, "hundred") {
                    return Some((Amount::Exact(100), i + 2));
                }
                return Some((Amount::Exact(1), i + 1));
            }
            "couple" => {
                if self.is(i + 1, "of") {
                    return Some((Amount::Exact(2), i + 2));
                }
                return None;
            }
            _ => {}
        }
        if lexicon::vague_count(w) {
            return Some((Amount::Unknown, i + 1));
        }
        let n = lexicon::cardinal(w)?;
        if (20..=90).contains(&n) && n % 10 == 0 {
            // "twenty-four", "twenty four"
            let k = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            if let Some(u) = self.word(k).and_then(lexicon::cardinal) {
                if u < 10 {
                    return Some((Amount::Exact(n + u), k + 1));
                }
            }
        }
        if n == 100 {
            return None;
        }
        Some((Amount::Exact(n), i + 1))
    }

    /// A unit word at `i` ("years", "trading days"); unit, plural, next index.
    pub(crate) fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let i = if self.is_any(i, &["trading", "business", "working", "calendar"]) {
            i + 1
        } else {
            i
        };
        let (unit, plural) = lexicon::unit(self.word(i)?)?;
        Some((unit, plural, i + 1))
    }

    /// A 4-digit year at `i` in 1000..=2999.
    pub(crate) fn year_at(&self, i: usize) -> Option<i32> {
        let (n, digits) = self.number(i)?;
        (digits == 4 && (1000..=2999).contains(&n)).then_some(n as i32)
    }
}

/// "early", "mid", "late", "the end of"… before a period: the TIMEX3 `mod`
/// and the index after the words.
pub(crate) fn edge(s: &Scan<'_>, i: usize) -> Option<(Mod, usize)> {
    if s.is(i, "mid") {
        let k = if s.hyphen(i + 1) || s.punct(i + 1, "-") {
            i + 2
        } else {
            i + 1
        };
        return Some((Mod::Mid, k));
    }
    if s.is_any(i, &["early", "earlier"]) {
        return Some((Mod::Start, i + 1));
    }
    if s.is_any(i, &["late", "later"]) {
        return Some((Mod::End, i + 1));
    }
    let j = if s.is(i, "the") { i + 1 } else { i };
    let m = match s.word(j)? {
        "end" => Mod::End,
        "beginning" | "start" => Mod::Start,
        "middle" => Mod::Mid,
        _ => return None,
    };
    s.is(j + 1, "of").then_some((m, j + 2))
}

/// "about", "more than", "nearly"… before a quantity.
pub(crate) fn approx(s: &Scan<'_>, i: usize) -> Option<(Mod, usize)> {
    let two = |a: &str, b: &str| s.is(i, a) && s.is(i + 1, b);
    if two("more", "than") || two("just", "over") {
        return Some((Mod::MoreThan, i + 2));
    }
    if two("less", "than") || two("fewer", "than") || two("just", "under") {
        return Some((Mod::LessThan, i + 2));
    }
    if two("at", "least") {
        return Some((Mod::EqualOrMore, i + 2));
    }
    if two("up", "to") || two("at", "most") || two("no", "more") && s.is(i + 2, "than") {
        let k = if s.is(i, "no") { i + 3 } else { i + 2 };
        return Some((Mod::EqualOrLess, k));
    }
    match s.word(i)? {
        // "about", "around", "almost" stay outside in TimeBank (14 to 3)
        "some" => Some((Mod::Approx, i + 1)),
        "nearly" => Some((Mod::LessThan, i + 1)),
        // "over the past three years": there "over" is a preposition
        "over" if s.count(i + 1).is_some() && !s.is(i + 1, "the") => Some((Mod::MoreThan, i + 1)),
        _ => None,
    }
}
