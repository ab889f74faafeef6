//! Dates and times in free text: "15:01 08/10/2014", "8. Oktober 2014",
//! "October 8, 2014 at 4:20 p.m. EDT", "8 de octubre de 2014", "2014年10月8日".
//!
//! The text is cut into tokens (digit runs, letter runs, single punctuation
//! marks) and short token patterns are matched left to right. This is one
//! linear pass with hash look-ups for words: no regular expression with a
//! few hundred month names in it, and nothing that can backtrack.
//!
//! The scanner only finds what is written. Numeric dates whose day/month
//! order is open ("08/10/2014") come out as [`DatePart::Numeric`] and are
//! settled by the caller, who knows the page's hints; zones are attached as
//! written and turned into offsets later, at the instant they apply to.

use super::words::{self, Label};
use super::zone::{self, Zone};
use chrono::{NaiveDate, NaiveTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Num,
    Word,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: Kind,
    s: &'a str,
    start: usize,
    end: usize,
}

/// CJK date characters stand alone: "2014年10月8日" must split at each one.
fn is_cjk_date_char(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '년' | '월' | '일')
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            (Kind::Num, end)
        } else if is_cjk_date_char(c) {
            (Kind::Word, i + c.len_utf8())
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() || is_cjk_date_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            (Kind::Word, end)
        } else {
            (Kind::Punct, i + c.len_utf8())
        };
        toks.push(Tok {
            kind,
            s: &text[i..end],
            start: i,
            end,
        });
    }
    toks
}

/// A calendar date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DatePart {
    /// Year, month and day are certain (ISO order, or a month name).
    Ymd(NaiveDate),
    /// `a/b/year` where both readings may be valid: the caller decides.
    Numeric {
        a: u32,
        b: u32,
        year: i32,
        sep: char,
    },
}

/// One date, time, or date with time, found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    /// Byte range in the scanned text, from the label (if any) to the end.
    pub start: usize,
    pub end: usize,
    pub date: Option<DatePart>,
    pub time: Option<NaiveTime>,
    pub zone: Option<Zone>,
    pub label: Option<Label>,
    /// Length in bytes of the line the hit stands on: a date alone on a
    /// short line is a byline, one inside a long sentence is content.
    pub line_len: usize,
}

/// What a scan found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub hits: Vec<Hit>,
    /// A zone that names a place's clock, written next to a time or on its
    /// own ("All times Moscow time"): the page's other bare times are in it.
    pub page_zone: Option<Zone>,
}

struct Cursor<'t, 'a> {
    t: &'t [Tok<'a>],
    text: &'a str,
    /// Byte offsets of the text's line breaks, for finding a hit's line in
    /// logarithmic time (a backwards search per hit would make long
    /// single-line texts quadratic).
    newlines: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
enum PieceKind {
    Date(DatePart),
    Time(NaiveTime, Option<Zone>),
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    kind: PieceKind,
    first: usize,
    /// One past the last token.
    next: usize,
}

impl<'a> Cursor<'_, 'a> {
    fn get(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    fn adjacent(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i - 1].end == self.t[i].start
    }

    fn is_punct(&self, i: usize, set: &str) -> Option<char> {
        let t = self.get(i)?;
        let c = t.s.chars().next()?;
        (t.kind == Kind::Punct && set.contains(c)).then_some(c)
    }

    fn num(&self, i: usize, min_len: usize, max_len: usize) -> Option<u32> {
        let t = self.get(i)?;
        if t.kind != Kind::Num || t.s.len() < min_len || t.s.len() > max_len {
            return None;
        }
        t.s.parse().ok()
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.get(i)?;
        (t.kind == Kind::Word).then_some(t.s)
    }

    fn word_is(&self, i: usize, options: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| options.iter().any(|o| o.eq_ignore_ascii_case(w)))
    }

    /// Nothing glued on the left: "v1.08.10.2014" or "A08.10.2014" is not a
    /// date, "(08.10.2014" is.
    fn free_left(&self, i: usize) -> bool {
        if !self.adjacent(i) {
            return true;
        }
        let p = &self.t[i - 1];
        match p.kind {
            Kind::Num | Kind::Word => false,
            Kind::Punct => {
                !(".,/-:".contains(p.s) && self.adjacent(i - 1) && self.t[i - 2].kind == Kind::Num)
            }
        }
    }

    /// Nothing glued on the right: "08.10.2014.5" or "08.10.20141" is not a date.
    fn free_right(&self, next: usize) -> bool {
        if !self.adjacent(next) {
            return true;
        }
        match self.t[next].kind {
            Kind::Num => false,
            Kind::Word => true,
            Kind::Punct => {
                !(self.is_punct(next, "./-:").is_some()
                    && self.adjacent(next + 1)
                    && self.t[next + 1].kind == Kind::Num)
            }
        }
    }

    fn all_adjacent(&self, from: usize, to: usize) -> bool {
        (from + 1..to).all(|k| self.adjacent(k))
    }

    /// `2014-10-08`, `2014/10/08`, `2014.10.08`.
    fn ymd_numeric(&self, i: usize) -> Option<(DatePart, usize)> {
        let y = self.num(i, 4, 4)?;
        let sep = self.is_punct(i + 1, "-/.")?;
        let m = self.num(i + 2, 1, 2)?;
        self.is_punct(i + 3, &sep.to_string())?;
        let d = self.num(i + 4, 1, 2)?;
        if !self.all_adjacent(i, i + 5) || !self.free_left(i) || !self.free_right(i + 5) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        Some((DatePart::Ymd(date), i + 5))
    }

    /// `08/10/2014`, `8.10.14`, `10-08-2014`: order left open.
    fn numeric(&self, i: usize) -> Option<(DatePart, usize)> {
        let a = self.num(i, 1, 2)?;
        let sep = self.is_punct(i + 1, "-/.|")?;
        let b = self.num(i + 2, 1, 2)?;
        self.is_punct(i + 3, &sep.to_string())?;
        let ytok = self.get(i + 4)?;
        let year = match (ytok.kind, ytok.s.len()) {
            (Kind::Num, 4) => ytok.s.parse::<i32>().ok()?,
            // Two-digit years are common with dots and slashes ("08.10.14");
            // with dashes they are more often codes.
            (Kind::Num, 2) if sep != '-' && sep != '|' => two_digit_year(ytok.s.parse().ok()?),
            _ => return None,
        };
        // Designers space out pipes ("26 | 01 | 2022"); other separators
        // hold a date together.
        if (sep != '|' && !self.all_adjacent(i, i + 5))
            || !self.free_left(i)
            || !self.free_right(i + 5)
        {
            return None;
        }
        if a == 0 || b == 0 || a > 31 || b > 31 || (a > 12 && b > 12) {
            return None;
        }
        Some((DatePart::Numeric { a, b, year, sep }, i + 5))
    }

    fn skip_ordinal(&self, i: usize) -> usize {
        if self.adjacent(i)
            && self.word_is(
                i,
                &["st", "nd", "rd", "th", "er", "re", "e", "º", "ª", "o", "a"],
            )
        {
            i + 1
        } else {
            i
        }
    }

    /// `8 October 2014`, `8. Oktober 2014`, `8th of October, 2014`,
    /// `8 de octubre de 2014`, `08-Oct-2014`, `8 октября 2014 г.`.
    fn dmy_text(&self, i: usize) -> Option<(DatePart, usize)> {
        let d = self.num(i, 1, 2)?;
        if !self.free_left(i) {
            return None;
        }
        let mut k = i + 1;
        if self.is_punct(k, ".-/").is_some() && self.adjacent(k) {
            k += 1;
        }
        k = self.skip_ordinal(k);
        if self.word_is(k, &["of", "de", "d"]) {
            k += 1;
            if self.is_punct(k, "'’").is_some() {
                k += 1;
            }
        }
        let m = words::month(self.word(k)?)?;
        k += 1;
        if self.is_punct(k, ".").is_some() && self.adjacent(k) {
            k += 1;
        }
        // "24 نيسان / أبريل 2020": one month in two calendars' names.
        if self.is_punct(k, "/").is_some() && self.word(k + 1).and_then(words::month) == Some(m) {
            k += 2;
        }
        if self.is_punct(k, ",-/").is_some() {
            k += 1;
        }
        if self.word_is(k, &["de", "del"]) {
            k += 1;
        }
        self.year_closing(k, m, d)
    }

    /// The four-digit year at `k` that ends a day-and-month date.
    fn year_closing(&self, k: usize, m: u32, d: u32) -> Option<(DatePart, usize)> {
        let y = self.num(k, 4, 4)?;
        if !self.free_right(k + 1) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        Some((DatePart::Ymd(date), k + 1))
    }

    /// `October 8, 2014`, `Oct. 8th 2014`.
    fn mdy_text(&self, i: usize) -> Option<(DatePart, usize)> {
        let m = words::month(self.word(i)?)?;
        let mut k = i + 1;
        if self.is_punct(k, ".").is_some() && self.adjacent(k) {
            k += 1;
        }
        let d = self.num(k, 1, 2)?;
        k = self.skip_ordinal(k + 1);
        if self.is_punct(k, ",").is_some() {
            k += 1;
        }
        self.year_closing(k, m, d)
    }

    /// `2014年10月8日`, `2014년 10월 8일`, and Hungarian `2014. október 8.`.
    fn year_first_text(&self, i: usize) -> Option<(DatePart, usize)> {
        let y = self.num(i, 4, 4)? as i32;
        if !self.free_left(i) {
            return None;
        }
        if self.word_is(i + 1, &["年", "년"]) {
            let m = self.num(i + 2, 1, 2)?;
            if !self.word_is(i + 3, &["月", "월"]) {
                return None;
            }
            let d = self.num(i + 4, 1, 2)?;
            if !self.word_is(i + 5, &["日", "일"]) {
                return None;
            }
            return Some((DatePart::Ymd(NaiveDate::from_ymd_opt(y, m, d)?), i + 6));
        }
        if self.is_punct(i + 1, ".").is_some() {
            let m = words::month(self.word(i + 2)?)?;
            let d = self.num(i + 3, 1, 2)?;
            if !self.free_right(i + 4) {
                return None;
            }
            return Some((DatePart::Ymd(NaiveDate::from_ymd_opt(y, m, d)?), i + 4));
        }
        None
    }

    fn date(&self, i: usize) -> Option<(DatePart, usize)> {
        match self.t[i].kind {
            Kind::Num => self
                .ymd_numeric(i)
                .or_else(|| self.year_first_text(i))
                .or_else(|| self.numeric(i))
                .or_else(|| self.dmy_text(i)),
            Kind::Word => self.mdy_text(i),
            Kind::Punct => None,
        }
    }

    /// `am`, `pm`, `a.m.`, `p.m.`: Some(true) for pm.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.word(i)?;
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            let mut next = i + 1;
            if self.is_punct(next, ".").is_some() && self.adjacent(next) {
                next += 1;
            }
            return Some((w.eq_ignore_ascii_case("pm"), next));
        }
        if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p"))
            && self.is_punct(i + 1, ".").is_some()
            && self.adjacent(i + 1)
            && self.word_is(i + 2, &["m"])
            && self.adjacent(i + 2)
        {
            let mut next = i + 3;
            if self.is_punct(next, ".").is_some() && self.adjacent(next) {
                next += 1;
            }
            return Some((w.eq_ignore_ascii_case("p"), next));
        }
        None
    }

    /// `15:01`, `15:01:30.5`, `4:20 p.m.`, `4.20pm`, `15.01 Uhr`, `15h01`,
    /// `4 pm`; then a zone if one follows.
    fn time(&self, i: usize) -> Option<(NaiveTime, Option<Zone>, usize)> {
        let h = self.num(i, 1, 2)?;
        if !self.free_left(i) && !self.prev_is_iso_t(i) {
            return None;
        }
        let mut k = i + 1;
        let mut m = 0;
        let mut s = 0;
        let mut precise = false;
        let mut dotted = false;
        let colon = self.is_punct(k, ":").is_some();
        if (colon || self.is_punct(k, ".").is_some() || self.word_is(k, &["h"]))
            && self.adjacent(k)
            && self.adjacent(k + 1)
        {
            if let Some(mm) = self.num(k + 1, 2, 2) {
                dotted = !colon;
                m = mm;
                k += 2;
                if colon && self.is_punct(k, ":").is_some() && self.adjacent(k) {
                    if let Some(ss) = self.num(k + 1, 2, 2).filter(|_| self.adjacent(k + 1)) {
                        s = ss.min(59);
                        precise = true;
                        k += 2;
                        if self.is_punct(k, ".,").is_some()
                            && self.adjacent(k)
                            && self.get(k + 1).is_some_and(|t| t.kind == Kind::Num)
                            && self.adjacent(k + 1)
                        {
                            k += 2;
                        }
                    }
                }
            } else {
                return None;
            }
        } else if self.meridiem(k).is_none() {
            // A bare number is a time only with am/pm after it ("4 pm").
            return None;
        }
        let mut hour = h;
        if let Some((pm, next)) = self.meridiem(k) {
            if h == 0 || h > 12 {
                return None;
            }
            hour = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            k = next;
        } else if self.word_is(k, &["uhr", "h", "hs", "hrs", "hr", "ч"]) {
            k += 1;
            if self.is_punct(k, ".").is_some() && self.adjacent(k) {
                k += 1;
            }
        } else if dotted && !self.word_is(i + 1, &["h"]) {
            // "4.20" alone is a number, not a time.
            return None;
        }
        if !self.free_right(k) && !self.glued_zone(k) {
            return None;
        }
        let time = NaiveTime::from_hms_opt(hour, m, s)?;
        let iso = precise || self.prev_is_iso_t(i);
        let (zone, k) = match self.zone(k, iso) {
            Some((z, next)) => (Some(z), next),
            None => (None, k),
        };
        Some((time, zone, k))
    }

    fn prev_is_iso_t(&self, i: usize) -> bool {
        self.adjacent(i) && self.word_is(i - 1, &["T"]) && self.adjacent(i - 1)
    }

    /// A zone glued to the time: "15:01Z", "15:01:00+04:00".
    fn glued_zone(&self, k: usize) -> bool {
        self.word_is(k, &["Z"]) || self.is_punct(k, "+-−").is_some()
    }

    /// `+04:00`, `+0400`, `-05`: an offset starting at sign token `k`.
    /// Short forms ("+4") only after UTC/GMT, where nothing else is meant.
    fn offset(&self, k: usize, short_ok: bool) -> Option<(chrono::FixedOffset, usize)> {
        let sign = self.is_punct(k, "+-−")?;
        let digits = self.get(k + 1).filter(|t| t.kind == Kind::Num)?;
        if !self.adjacent(k + 1) {
            return None;
        }
        let (h, m, next) = match digits.s.len() {
            4 => (
                digits.s[..2].parse::<i32>().ok()?,
                digits.s[2..].parse::<i32>().ok()?,
                k + 2,
            ),
            1 | 2 => {
                let h: i32 = digits.s.parse().ok()?;
                if self.is_punct(k + 2, ":").is_some() && self.adjacent(k + 2) {
                    let m = self.num(k + 3, 2, 2).filter(|_| self.adjacent(k + 3))? as i32;
                    (h, m, k + 4)
                } else if short_ok || digits.s.len() == 2 && self.adjacent(k) {
                    (h, 0, k + 2)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        if h > 14 || m > 59 || !self.free_right(next) {
            return None;
        }
        let secs = (h * 3600 + m * 60) * if sign == '+' { 1 } else { -1 };
        Some((chrono::FixedOffset::east_opt(secs)?, next))
    }

    /// The zone written right after a time at token `k`, if any.
    fn zone(&self, k: usize, iso: bool) -> Option<(Zone, usize)> {
        let tok = self.get(k)?;
        let gap = &self.text[self.t[k - 1].end..tok.start];
        if gap.contains('\n') || gap.len() > 3 {
            return None;
        }
        if tok.s == "Z" && self.adjacent(k) {
            return Some((Zone::Fixed(chrono::FixedOffset::east_opt(0)?), k + 1));
        }
        if self.is_punct(k, "+-−").is_some() {
            // A numeric offset counts after an ISO time; otherwise only in the
            // four-digit RFC 2822 form ("15:01 +0400"), since "10:00-12:00"
            // is a range.
            if !iso && self.get(k + 1).is_none_or(|t| t.s.len() != 4) {
                return None;
            }
            return self.offset(k, false).map(|(o, n)| (Zone::Fixed(o), n));
        }
        let mut j = k;
        let paren = self.is_punct(j, "([").is_some();
        if paren {
            j += 1;
        }
        let w = self.word(j)?;
        let close = |n: usize| {
            if paren && self.is_punct(n, ")]").is_some() {
                n + 1
            } else {
                n
            }
        };
        if let Some(z) = zone::abbreviation(w) {
            if matches!(w, "UTC" | "GMT" | "UT") {
                if let Some((o, n)) = self.offset(j + 1, true) {
                    return Some((Zone::Fixed(o), close(n)));
                }
            }
            return Some((z, close(j + 1)));
        }
        let mut lower = Vec::with_capacity(4);
        let mut owned = Vec::with_capacity(4);
        for n in j..(j + 4).min(self.t.len()) {
            match self.word(n).and_then(words::fold) {
                Some(f) => owned.push(f),
                None => break,
            }
        }
        lower.extend(owned.iter().map(String::as_str));
        let (z, len) = zone::named(&lower)?;
        Some((z, close(j + len)))
    }

    /// Tokens between two pieces that may join a date and its time.
    fn joinable(&self, from: usize, to: usize) -> bool {
        if from > to || to - from > 4 || from == 0 || to >= self.t.len() {
            return false;
        }
        let gap = &self.text[self.t[from - 1].end..self.t[to].start];
        if gap.contains('\n') || gap.chars().count() > 16 {
            return false;
        }
        (from..to).all(|k| match self.t[k].kind {
            Kind::Punct => ",-|/•·@–—(".contains(self.t[k].s),
            Kind::Word => self.t[k].s == "T" || words::is_connector(self.t[k].s),
            Kind::Num => false,
        })
    }

    /// The label in the few tokens before token `first`, not reaching back
    /// past token `floor` or over a blank line.
    fn label_before(&self, first: usize, floor: usize) -> Option<(Label, usize)> {
        let mut k = first;
        let mut newlines = 0;
        while k > floor && first - k < 6 {
            let gap = &self.text[self.t[k - 1].end..self.t[k].start];
            newlines += gap.matches('\n').count();
            if newlines > 1 {
                return None;
            }
            k -= 1;
            if let Some(w) = self.word(k) {
                if let Some(l) = words::label(w) {
                    return Some((l, k));
                }
            }
        }
        None
    }

    fn line_len(&self, start: usize, end: usize) -> usize {
        let i = self.newlines.partition_point(|&p| p < start);
        let from = i.checked_sub(1).map_or(0, |k| self.newlines[k] + 1);
        let j = self.newlines.partition_point(|&p| p < end);
        let to = self.newlines.get(j).copied().unwrap_or(self.text.len());
        // Bytes, without trimming: a long line is long either way.
        to - from
    }
}

fn two_digit_year(y: u32) -> i32 {
    if y < 70 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

/// Finds every date and time in `text`.
pub(crate) fn scan(text: &str) -> Scan {
    let toks = tokenize(text);
    let c = Cursor {
        t: &toks,
        text,
        newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut page_zone: Option<Zone> = None;
    let mut i = 0;
    while i < toks.len() {
        if let Some((d, next)) = c.date(i) {
            pieces.push(Piece {
                kind: PieceKind::Date(d),
                first: i,
                next,
            });
            i = next;
            // ISO: "2014-10-08T15:01:00+04:00".
            if c.word_is(i, &["T"]) && c.adjacent(i) {
                i += 1;
            }
            continue;
        }
        if let Some((t, z, next)) = c.time(i) {
            pieces.push(Piece {
                kind: PieceKind::Time(t, z),
                first: i,
                next,
            });
            i = next;
            continue;
        }
        if page_zone.is_none() && toks[i].kind == Kind::Word && zone::may_start_name(toks[i].s) {
            // A zone named on its own; only full names, since a lone
            // abbreviation ("ET", "PT") is too often something else.
            let mut owned = Vec::with_capacity(4);
            for n in i..(i + 4).min(toks.len()) {
                match c.word(n).and_then(words::fold) {
                    Some(f) => owned.push(f),
                    None => break,
                }
            }
            let lower: Vec<&str> = owned.iter().map(String::as_str).collect();
            if let Some((z, _)) = zone::named(&lower) {
                if z.region().is_some() {
                    page_zone = Some(z);
                }
            }
        }
        i += 1;
    }

    let mut hits = Vec::new();
    let mut attached_zone: Option<Zone> = None;
    let mut p = 0;
    let mut floor = 0;
    while p < pieces.len() {
        let cur = pieces[p];
        let nxt = pieces.get(p + 1).copied();
        let after = pieces.get(p + 2).copied();
        let (date, time, zone, first, next, used) = match (cur.kind, nxt) {
            (PieceKind::Date(d), Some(n))
                if matches!(n.kind, PieceKind::Time(..)) && c.joinable(cur.next, n.first) =>
            {
                let PieceKind::Time(t, z) = n.kind else {
                    unreachable!()
                };
                (Some(d), Some(t), z, cur.first, n.next, 2)
            }
            (PieceKind::Time(t, z), Some(n))
                if matches!(n.kind, PieceKind::Date(_))
                    && c.joinable(cur.next, n.first)
                    // The date keeps its own time when one follows it.
                    && !after.is_some_and(|a| matches!(a.kind, PieceKind::Time(..)) && c.joinable(n.next, a.first)) =>
            {
                let PieceKind::Date(d) = n.kind else {
                    unreachable!()
                };
                (Some(d), Some(t), z, cur.first, n.next, 2)
            }
            (PieceKind::Date(d), _) => (Some(d), None, None, cur.first, cur.next, 1),
            (PieceKind::Time(t, z), _) => (None, Some(t), z, cur.first, cur.next, 1),
        };
        p += used;
        if let Some(z) = zone {
            if attached_zone.is_none() && z.region().is_some() {
                attached_zone = Some(z);
            }
        }
        let label = c.label_before(first, floor);
        let start_tok = label.map_or(first, |(_, k)| k);
        let start = toks[start_tok].start;
        let end = toks[next - 1].end;
        floor = next;
        hits.push(Hit {
            start,
            end,
            date,
            time,
            zone,
            label: label.map(|(l, _)| l),
            line_len: c.line_len(start, end),
        });
    }
    Scan {
        hits,
        page_zone: attached_zone.or(page_zone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<DatePart> {
        Some(DatePart::Ymd(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
    }

    fn hm(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn one(text: &str) -> Hit {
        let s = scan(text);
        assert_eq!(s.hits.len(), 1, "{text:?}: {:?}", s.hits);
        s.hits.into_iter().next().unwrap()
    }

    #[test]
    fn textual_dates_in_many_languages() {
        for (text, y, m, d) in [
            ("8 October 2014", 2014, 10, 8),
            ("October 8, 2014", 2014, 10, 8),
            ("Oct. 8th, 2014", 2014, 10, 8),
            ("8th of October 2014", 2014, 10, 8),
            ("am 8. Oktober 2014", 2014, 10, 8),
            ("le 1er octobre 2014", 2014, 10, 1),
            ("8 de octubre de 2014", 2014, 10, 8),
            ("8 ottobre 2014", 2014, 10, 8),
            ("8 de outubro de 2014", 2014, 10, 8),
            ("8 oktober 2014", 2014, 10, 8),
            ("8 октября 2014 г.", 2014, 10, 8),
            ("8 października 2014", 2014, 10, 8),
            ("8 Ekim 2014", 2014, 10, 8),
            ("08-Oct-2014", 2014, 10, 8),
            ("2014年10月8日", 2014, 10, 8),
            ("2014. október 8.", 2014, 10, 8),
            ("12. März 2015", 2015, 3, 12),
            ("07 أكتوبر 2020", 2020, 10, 7),
            ("24 نيسان / أبريل 2020", 2020, 4, 24),
        ] {
            let h = one(text);
            assert_eq!(h.date, ymd(y, m, d), "{text}");
            assert_eq!(h.time, None, "{text}");
        }
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(one("2014-10-08").date, ymd(2014, 10, 8));
        assert_eq!(one("2014/10/08").date, ymd(2014, 10, 8));
        assert_eq!(
            one("08/10/2014").date,
            Some(DatePart::Numeric {
                a: 8,
                b: 10,
                year: 2014,
                sep: '/'
            })
        );
        assert_eq!(
            one("8.10.14").date,
            Some(DatePart::Numeric {
                a: 8,
                b: 10,
                year: 2014,
                sep: '.'
            })
        );
        assert_eq!(
            one("26 | 01 | 2022").date,
            Some(DatePart::Numeric {
                a: 26,
                b: 1,
                year: 2022,
                sep: '|'
            })
        );
        // Not dates: versions, phone numbers, glued digits, pipes in tables.
        for text in [
            "26 | 01 | 22",
            "8 . 10 . 2014",
            "v1.08.10.2014",
            "08.10.2014.5",
            "1.2.3",
            "08/10/20145",
            "13/13/2014",
            "0/10/2014",
        ] {
            assert!(scan(text).hits.iter().all(|h| h.date.is_none()), "{text}");
        }
    }

    #[test]
    fn times_and_zones() {
        let h = one("2014-10-08T15:01:00+04:00");
        assert_eq!(h.date, ymd(2014, 10, 8));
        assert_eq!(h.time, hm(15, 1));
        assert_eq!(
            h.zone,
            Some(Zone::Fixed(
                chrono::FixedOffset::east_opt(4 * 3600).unwrap()
            ))
        );

        let h = one("2014-10-08T11:01Z");
        assert_eq!(
            h.zone,
            Some(Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap()))
        );

        let h = one("Updated 4:20 p.m. Moscow Time");
        assert_eq!(h.date, None);
        assert_eq!(h.time, hm(16, 20));
        assert_eq!(h.label, Some(Label::Updated));
        assert_eq!(h.zone, Some(Zone::Named(chrono_tz::Europe::Moscow)));
        assert_eq!(h.start, 0);

        assert_eq!(one("4.20pm").time, hm(16, 20));
        assert_eq!(one("12:05 a.m.").time, hm(0, 5));
        assert_eq!(one("15h01").time, hm(15, 1));
        assert_eq!(one("15.01 Uhr").time, hm(15, 1));
        assert_eq!(one("at 4 pm").time, hm(16, 0));
        let h = one("8 Oct 2014 10:32 EDT");
        assert_eq!(h.time, hm(10, 32));
        assert!(matches!(h.zone, Some(Zone::Abbrev(..))));
        let h = one("15:01 (MSK)");
        assert_eq!(h.zone, Some(Zone::Named(chrono_tz::Europe::Moscow)));
        let h = one("10:00 GMT+3");
        assert_eq!(
            h.zone,
            Some(Zone::Fixed(
                chrono::FixedOffset::east_opt(3 * 3600).unwrap()
            ))
        );
        // A range is not an offset.
        assert_eq!(scan("10:00-12:00").hits[0].zone, None);
        // "4.20" alone is a number, "25:00" no time.
        assert!(scan("costs 4.20 today").hits.is_empty());
        assert!(scan("25:00").hits.is_empty());
    }

    #[test]
    fn dates_join_their_times_either_side() {
        let h = one("15:01 08/10/2014");
        assert_eq!(h.time, hm(15, 1));
        assert!(matches!(h.date, Some(DatePart::Numeric { .. })));
        let h = one("Veröffentlicht am 08.10.2014 um 15:01 Uhr");
        assert_eq!(h.time, hm(15, 1));
        assert_eq!(h.label, Some(Label::Published));
        let h = one("October 8, 2014, 4:20 p.m. ET");
        assert_eq!(h.time, hm(16, 20));
        assert_eq!(h.zone, Some(Zone::Named(chrono_tz::America::New_York)));
    }

    #[test]
    fn specimen_lines() {
        let s = scan("RIA Novosti\n\n15:01 08/10/2014\nUpdated 4:20 p.m. Moscow Time\n\nMOSCOW, October 8 (RIA Novosti) –");
        assert_eq!(s.hits.len(), 2, "{:?}", s.hits);
        assert_eq!(s.hits[0].label, None);
        assert_eq!(s.hits[0].line_len, "15:01 08/10/2014".len());
        assert_eq!(s.hits[1].label, Some(Label::Updated));
        assert_eq!(s.page_zone, Some(Zone::Named(chrono_tz::Europe::Moscow)));
    }

    #[test]
    fn a_zone_named_on_its_own_is_the_page_zone() {
        let s = scan("All times are Eastern Time. Posted 8 Oct 2014 4:20 pm");
        assert_eq!(s.page_zone, Some(Zone::Named(chrono_tz::America::New_York)));
        assert_eq!(s.hits.len(), 1);
        assert_eq!(s.hits[0].zone, None);
    }
}
