//! Time expressions in news text, found and normalised to TIMEX3 values
//! (TimeML), in the manner of HeidelTime: dates, times, durations, sets,
//! with relative expressions ("last week", "Wednesday", "two days ago")
//! resolved against the article's publication date.
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline_timex::{find, Reference};
//!
//! let dct = Reference::day(NaiveDate::from_ymd_opt(2014, 10, 8).unwrap());
//! let times = find("Bogdanov said Wednesday that talks began in June 2014.", Some(dct));
//! let values: Vec<_> = times.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect();
//! assert_eq!(values, [("Wednesday", "2014-10-08"), ("June 2014", "2014-06")]);
//! ```
//!
//! Offsets are byte offsets into the given text, on char boundaries;
//! expressions come in text order and never overlap. Any input is
//! accepted: the scan is linear, and long texts are read in bounded chunks.
//!
//! Layout: `tokens` (words, digit runs, punctuation) → `en::scan` (the
//! English rule families, longest match) using `en::lexicon` (the English
//! words and tense cues), `tense` (which way a clause points) and `resolve`
//! (calendar arithmetic against the reference) → `value` (typed TIMEX3
//! values). Only `en` is language-specific.

mod en;
pub mod eval;
mod resolve;
mod tense;
mod tokens;
mod value;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
pub use dateline_model::{TimeExpression, TimeKind};

/// The document's creation or publication time, which relative
/// expressions are read against. The day is what matters most; the time of
/// day, when known, places "two hours ago" on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl Reference {
    pub fn day(date: NaiveDate) -> Reference {
        Reference { date, time: None }
    }

    pub fn at(datetime: NaiveDateTime) -> Reference {
        Reference {
            date: datetime.date(),
            time: Some(datetime.time()),
        }
    }
}

impl From<NaiveDate> for Reference {
    fn from(date: NaiveDate) -> Self {
        Reference::day(date)
    }
}

impl From<NaiveDateTime> for Reference {
    fn from(datetime: NaiveDateTime) -> Self {
        Reference::at(datetime)
    }
}

/// A zoned time counts in its own local day: a Moscow article published at
/// 01:00 on the 9th says "yesterday" of the 8th.
impl<Tz: TimeZone> From<DateTime<Tz>> for Reference {
    fn from(datetime: DateTime<Tz>) -> Self {
        Reference::at(datetime.naive_local())
    }
}

/// The languages the tagger reads. Each has its own word tables; the scan
/// and resolution machinery is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Language {
    #[default]
    English,
}

/// Time expressions in English `text`, normalised against `reference`
/// (without one, relative expressions get underspecified values such as
/// `XXXX-09` or `XXXX-WXX-3`).
pub fn find(text: &str, reference: Option<Reference>) -> Vec<TimeExpression> {
    find_in(Language::English, text, reference)
}

/// Time expressions in `text` written in `language`.
pub fn find_in(
    language: Language,
    text: &str,
    reference: Option<Reference>,
) -> Vec<TimeExpression> {
    match language {
        Language::English => {}
    }
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut hits = Vec::new();
    for (base, chunk) in chunks(text) {
        let lower = chunk.to_ascii_lowercase();
        tokens::tokenize(chunk, &mut toks);
        hits.clear();
        en::scan::Scan {
            toks: &toks,
            lower: &lower,
            reference: reference.map(|r| r.date),
            reference_time: reference.and_then(|r| Some(r.date.and_time(r.time?))),
        }
        .run(&mut hits);
        for hit in &hits {
            let start = toks[hit.first].start;
            let end = toks[hit.end - 1].end;
            out.push(TimeExpression {
                start: base + start,
                end: base + end,
                text: chunk[start..end].to_string(),
                kind: hit.kind,
                value: hit.value.to_string(),
                modifier: hit.modifier.map(|m| m.as_str().to_string()),
            });
        }
    }
    out
}

/// Longest chunk read at once. Expressions never span paragraphs, so
/// chunks end at blank lines; a paragraph longer than this is cut at
/// whitespace (an expression straddling the cut is lost, a price worth
/// paying for bounded memory on a 20 MB paragraph).
const MAX_CHUNK: usize = 64 * 1024;

/// `text` split into (offset, chunk) at blank lines and, in long
/// paragraphs, at whitespace near `MAX_CHUNK`.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let window = floor_char_boundary(rest, MAX_CHUNK);
        let head = &rest[..window];
        let cut = match head.find("\n\n") {
            Some(k) => k + 2,
            None if window == rest.len() => window,
            None => match head.rfind(|c: char| c.is_whitespace()) {
                Some(k) if k > 0 => k + 1,
                _ => window.max(1),
            },
        };
        let cut = floor_char_boundary(rest, cut).max(rest.chars().next().map_or(1, char::len_utf8));
        let start = pos;
        pos += cut;
        Some((start, &rest[..cut]))
    })
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_exactly() {
        let text = format!("a\n\nb{}\n\nc", "é x".repeat(50_000));
        let mut joined = String::new();
        let mut expect = 0;
        for (base, chunk) in chunks(&text) {
            assert_eq!(base, expect);
            assert!(chunk.len() <= MAX_CHUNK);
            expect += chunk.len();
            joined.push_str(chunk);
        }
        assert_eq!(joined, text);
    }
}
