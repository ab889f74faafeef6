//! TempEval-3 (TimeML `.tml`) reading and Task A scoring, shared by the
//! `tempeval` example and the corpus tests. Not part of the tagger.
//!
//! Scoring follows the TE3 conventions: both sides are tokenised and each
//! expression is the set of tokens it touches. Relaxed match: a system
//! expression overlaps a gold one by at least one token; strict match: the
//! token extents are equal. Precision counts matched system expressions,
//! recall matched gold ones. Type and value are compared on relaxed pairs
//! (each gold paired with the first overlapping system expression);
//! attribute F1 = attribute accuracy × relaxed F1.

use chrono::NaiveDate;

use crate::tokens;
use crate::{Reference, TimeExpression, TimeKind};

/// A gold TIMEX3 of a document's text: byte offsets into `Doc::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    pub start: usize,
    pub end: usize,
    pub kind: TimeKind,
    pub value: String,
}

/// One `.tml` file: the plain text of `<TEXT>`, its TIMEX3s, and the DCT.
#[derive(Debug, Clone)]
pub struct Doc {
    pub text: String,
    pub dct: Option<Reference>,
    pub gold: Vec<Gold>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

fn kind_of(s: &str) -> Option<TimeKind> {
    Some(match s {
        "DATE" => TimeKind::Date,
        "TIME" => TimeKind::Time,
        "DURATION" => TimeKind::Duration,
        "SET" => TimeKind::Set,
        _ => return None,
    })
}

fn unescape_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let entity = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Reads a TimeML document. Errors name what is missing.
pub fn parse_tml(xml: &str) -> Result<Doc, String> {
    let dct = xml.find("<DCT>").and_then(|k| {
        let tag_end = xml[k..].find('>').map(|e| k + e)?;
        let inner = &xml[tag_end..];
        let open = inner.find("<TIMEX3")?;
        let close = inner[open..].find('>')? + open;
        let value = attr(&inner[open..close], "value")?;
        let date = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
        Some(Reference::day(date))
    });
    let start = xml.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let end = xml[start..].find("</TEXT>").ok_or("no </TEXT>")? + start;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, TimeKind, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        unescape_into(&rest[..lt], &mut text);
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt..=gt];
        if tag.starts_with("<TIMEX3") {
            let kind = attr(tag, "type").and_then(kind_of).ok_or("TIMEX3 type")?;
            let value = attr(tag, "value").unwrap_or("").to_string();
            open = Some((text.len(), kind, value));
        } else if tag.starts_with("</TIMEX3") {
            let (s, kind, value) = open.take().ok_or("</TIMEX3> without <TIMEX3>")?;
            gold.push(Gold {
                start: s,
                end: text.len(),
                kind,
                value,
            });
        }
        rest = &rest[gt + 1..];
    }
    unescape_into(rest, &mut text);
    Ok(Doc { text, dct, gold })
}

/// Counts over one or more documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict_system: usize,
    pub strict_gold: usize,
    pub relaxed_system: usize,
    pub relaxed_gold: usize,
    /// Gold expressions paired with a system one (relaxed).
    pub pairs: usize,
    pub type_correct: usize,
    pub value_correct: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict_system += o.strict_system;
        self.strict_gold += o.strict_gold;
        self.relaxed_system += o.relaxed_system;
        self.relaxed_gold += o.relaxed_gold;
        self.pairs += o.pairs;
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }

    /// (precision, recall, F1) of strict extents.
    pub fn strict(&self) -> (f64, f64, f64) {
        let p = ratio(self.strict_system, self.system);
        let r = ratio(self.strict_gold, self.gold);
        (p, r, f1(p, r))
    }

    /// (precision, recall, F1) of relaxed extents.
    pub fn relaxed(&self) -> (f64, f64, f64) {
        let p = ratio(self.relaxed_system, self.system);
        let r = ratio(self.relaxed_gold, self.gold);
        (p, r, f1(p, r))
    }

    /// (accuracy on relaxed pairs, F1 = accuracy × relaxed F1) of `type`.
    pub fn kind(&self) -> (f64, f64) {
        let a = ratio(self.type_correct, self.pairs);
        (a, a * self.relaxed().2)
    }

    /// The same for `value`.
    pub fn value(&self) -> (f64, f64) {
        let a = ratio(self.value_correct, self.pairs);
        (a, a * self.relaxed().2)
    }
}

/// How one gold expression fared, for error listings.
#[derive(Debug, Clone)]
pub enum Outcome<'a> {
    Missed(&'a Gold),
    /// Paired; `strict` says whether the token extents agree.
    Paired {
        gold: &'a Gold,
        system: &'a TimeExpression,
        strict: bool,
    },
    Spurious(&'a TimeExpression),
}

/// The token index range `first..end` that a byte span touches.
fn token_range(toks: &[tokens::Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.partition_point(|t| t.end <= start);
    let last = toks.partition_point(|t| t.start < end);
    (first < last).then_some((first, last))
}

/// Scores `system` against `doc`'s gold expressions.
pub fn score<'a>(doc: &'a Doc, system: &'a [TimeExpression]) -> (Counts, Vec<Outcome<'a>>) {
    let mut toks = Vec::new();
    tokens::tokenize(&doc.text, &mut toks);
    let gold: Vec<_> = doc
        .gold
        .iter()
        .map(|g| token_range(&toks, g.start, g.end))
        .collect();
    let sys: Vec<_> = system
        .iter()
        .map(|s| token_range(&toks, s.start, s.end))
        .collect();
    let overlap = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| match (a, b) {
        (Some(a), Some(b)) => a.0 < b.1 && b.0 < a.1,
        _ => false,
    };
    let mut c = Counts {
        gold: gold.len(),
        system: sys.len(),
        ..Counts::default()
    };
    let mut used = vec![false; sys.len()];
    let mut outcomes = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if sys.iter().any(|s| overlap(*g, *s)) {
            c.relaxed_gold += 1;
        }
        if g.is_some() && sys.contains(g) {
            c.strict_gold += 1;
        }
        let pick = (0..sys.len())
            .find(|&si| !used[si] && overlap(*g, sys[si]))
            .or_else(|| (0..sys.len()).find(|&si| overlap(*g, sys[si])));
        match pick {
            Some(si) => {
                used[si] = true;
                c.pairs += 1;
                let (gd, sy) = (&doc.gold[gi], &system[si]);
                c.type_correct += usize::from(gd.kind == sy.kind);
                c.value_correct += usize::from(gd.value == sy.value);
                outcomes.push(Outcome::Paired {
                    gold: gd,
                    system: sy,
                    strict: *g == sys[si],
                });
            }
            None => outcomes.push(Outcome::Missed(&doc.gold[gi])),
        }
    }
    for (si, s) in sys.iter().enumerate() {
        if gold.iter().any(|g| overlap(*g, *s)) {
            c.relaxed_system += 1;
        } else {
            outcomes.push(Outcome::Spurious(&system[si]));
        }
        if s.is_some() && gold.contains(s) {
            c.strict_system += 1;
        }
    }
    (c, outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TML: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>Talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday morning</TIMEX3> &amp; resume in <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT></TimeML>"#;

    fn sys(doc: &Doc, text: &str, value: &str, kind: TimeKind) -> TimeExpression {
        let start = doc.text.find(text).unwrap();
        TimeExpression {
            start,
            end: start + text.len(),
            text: text.into(),
            kind,
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn reads_text_gold_and_dct() {
        let doc = parse_tml(TML).unwrap();
        assert_eq!(
            doc.text,
            "Talks ended Thursday morning & resume in two weeks."
        );
        assert_eq!(doc.dct.unwrap().date.to_string(), "2013-03-22");
        assert_eq!(doc.gold.len(), 2);
        assert_eq!(
            &doc.text[doc.gold[0].start..doc.gold[0].end],
            "Thursday morning"
        );
        assert_eq!(doc.gold[1].value, "P2W");
    }

    #[test]
    fn scores_relaxed_strict_and_attributes() {
        let doc = parse_tml(TML).unwrap();
        let system = vec![
            sys(&doc, "Thursday", "2013-03-21", TimeKind::Date),
            sys(&doc, "two weeks", "P2W", TimeKind::Duration),
            sys(&doc, "resume", "XXXX", TimeKind::Date),
        ];
        let (c, _) = score(&doc, &system);
        assert_eq!((c.gold, c.system), (2, 3));
        assert_eq!((c.relaxed_gold, c.relaxed_system), (2, 2));
        assert_eq!((c.strict_gold, c.strict_system), (1, 1));
        assert_eq!((c.type_correct, c.value_correct, c.pairs), (2, 2, 2));
        let (p, r, _) = c.relaxed();
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }
}
