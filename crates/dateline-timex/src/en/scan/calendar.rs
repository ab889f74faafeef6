//! Expressions that name calendar positions: written and numeric dates,
//! months, years, decades, centuries, quarters, halves, seasons, weekdays.

use chrono::{Datelike, NaiveDate};
use dateline_model::TimeKind;

use super::{edge, Hit, Scan};
use crate::en::lexicon;
use crate::resolve::{self, Pick};
use crate::value::{Mod, Value};

/// "2014-10-08", "10/08/2014", "08.10.2014".
pub(super) fn numeric_date(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (a, da) = s.number(i)?;
    let sep = ["-", "/", "."]
        .into_iter()
        .find(|p| s.joined_punct(i + 1, p))?;
    let (b, db) = s.number(i + 2).filter(|_| s.joined(i + 2))?;
    if !s.joined_punct(i + 3, sep) || !s.joined(i + 4) {
        return None;
    }
    let (c, dc) = s.number(i + 4)?;
    let date = if da == 4 && sep == "-" {
        // ISO: year-month-day
        NaiveDate::from_ymd_opt(a as i32, b, c)?
    } else if da <= 2 && db <= 2 && (dc == 4 || dc == 2) {
        let year = if dc == 4 {
            c as i32
        } else {
            two_digit_year(c, s.reference)
        };
        let month_first = NaiveDate::from_ymd_opt(year, a, b);
        let day_first = NaiveDate::from_ymd_opt(year, b, a);
        match (month_first, day_first, sep) {
            (Some(m), Some(d), _) if m != d => match s.reference {
                // Both readings valid: the one nearer the publication date
                // (a Russian page's 08/10/2014 next to an October dateline).
                Some(r) => {
                    if (m - r).num_days().abs() <= (d - r).num_days().abs() {
                        m
                    } else {
                        d
                    }
                }
                // Dots are a day-first convention; slashes default to the
                // US order news wires use.
                None if sep == "." => d,
                None => m,
            },
            (Some(m), _, _) => m,
            (None, Some(d), _) => d,
            (None, None, _) => return None,
        }
    } else {
        return None;
    };
    Some(Hit::new(i, i + 5, TimeKind::Date, Value::Day(date)))
}

fn two_digit_year(yy: u32, reference: Option<NaiveDate>) -> i32 {
    let pivot = reference.map_or(2030, |r| r.year() + 10) % 100;
    if yy as i32 <= pivot {
        2000 + yy as i32
    } else {
        1900 + yy as i32
    }
}

/// A month name at `i` (capitalised; abbreviations need a period or a
/// following number); the month and the index after it.
fn month_name(s: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    if !s.capital(i) {
        return None;
    }
    let w = s.word(i)?;
    if let Some(m) = lexicon::month(w) {
        return Some((m, i + 1));
    }
    let m = lexicon::month_abbrev(w)?;
    if s.joined_punct(i + 1, ".") {
        Some((m, i + 2))
    } else if s.number(i + 1).is_some() {
        Some((m, i + 1))
    } else {
        None
    }
}

/// A day of the month: "8", "8th", "eighth", "twenty-first".
fn day_number(s: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    if let Some((n, digits)) = s.number(i) {
        if digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        // "8:30" is a clock time, not the 8th
        if s.joined_punct(i + 1, ":") && s.joined(i + 2) && s.number(i + 2).is_some() {
            return None;
        }
        let suffix = s.joined(i + 1) && s.is_any(i + 1, &["st", "nd", "rd", "th"]);
        return Some((n, if suffix { i + 2 } else { i + 1 }));
    }
    let w = s.word(i)?;
    if let Some(n) = lexicon::ordinal(w) {
        return (n <= 31).then_some((n, i + 1));
    }
    let tens = lexicon::cardinal(w).filter(|t| *t == 20 || *t == 30)?;
    if !s.hyphen(i + 1) {
        return None;
    }
    let unit = lexicon::ordinal(s.word(i + 2)?).filter(|u| *u < 10)?;
    let n = tens + unit;
    (n <= 31).then_some((n, i + 3))
}

/// An optional ", 2014" or " 2014" after a date; the year and the index.
fn trailing_year(s: &Scan<'_>, i: usize) -> Option<(i32, usize)> {
    if let Some(y) = s.year_at(i) {
        return Some((y, i + 1));
    }
    if s.punct(i, ",") {
        if let Some(y) = s.year_at(i + 1) {
            return Some((y, i + 2));
        }
    }
    None
}

/// A weekday before a date ("Wednesday, October 8"): the weekday and the
/// index after it.
fn weekday_prefix(s: &Scan<'_>, i: usize) -> (Option<u32>, usize) {
    match s.word(i).and_then(lexicon::weekday) {
        Some((wd, false)) if s.punct(i + 1, ",") => (Some(wd), i + 2),
        Some((wd, false)) => (Some(wd), i + 1),
        _ => (None, i),
    }
}

/// The year, next to the reference's, in which `month`/`day` falls on
/// weekday `wd`: "Monday, Oct. 26" settles its own year.
fn year_by_weekday(reference: NaiveDate, month: u32, day: u32, wd: u32) -> Option<i32> {
    let y = reference.year();
    [y, y - 1, y + 1].into_iter().find(|&year| {
        NaiveDate::from_ymd_opt(year, month, day)
            .is_some_and(|d| d.weekday().number_from_monday() == wd)
    })
}

/// The value of a day of a month, with its year written or inferred.
fn day_value(
    s: &Scan<'_>,
    first: usize,
    end: usize,
    month: u32,
    day: u32,
    year: Option<i32>,
) -> Option<Value> {
    let year = year.or_else(|| {
        s.reference
            .map(|r| resolve::year_for(r, month, day, s.pick(first, end)))
    });
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).map(Value::Day),
        // Validate against a leap year, so February 29 stays possible.
        None => NaiveDate::from_ymd_opt(2000, month, day).map(|_| Value::DayOfMonth { month, day }),
    }
}

/// "October 8, 2014", "Oct. 8", "Wednesday, October 8", "8 October 2014",
/// "the 8th of October", "October 2014".
pub(super) fn written_date(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (wd, j) = weekday_prefix(s, i);
    let by_weekday = |month, day| year_by_weekday(s.reference?, month, day, wd?);
    if let Some((month, k)) = month_name(s, j) {
        if let Some((day, k2)) = day_number(s, k) {
            let (year, end) = match trailing_year(s, k2) {
                Some((y, e)) => (Some(y), e),
                None => (by_weekday(month, day), k2),
            };
            let value = day_value(s, i, end, month, day, year)?;
            return Some(Hit::new(i, end, TimeKind::Date, value));
        }
        if j == i {
            let k = if s.is(k, "of") { k + 1 } else { k };
            if let Some((year, end)) = trailing_year(s, k) {
                let value = Value::Month {
                    year: Some(year),
                    month,
                };
                return Some(Hit::new(i, end, TimeKind::Date, value));
            }
        }
    }
    let k = if s.is(j, "the") { j + 1 } else { j };
    let (day, k) = day_number(s, k)?;
    let k = if s.is(k, "of") { k + 1 } else { k };
    let (month, k) = month_name(s, k)?;
    let (year, end) = match trailing_year(s, k) {
        Some((y, e)) => (Some(y), e),
        None => (by_weekday(month, day), k),
    };
    let value = day_value(s, i, end, month, day, year)?;
    Some(Hit::new(i, end, TimeKind::Date, value))
}

/// "last"/"next"/"this" before a period name.
fn relative_word(s: &Scan<'_>, i: usize) -> Option<(Pick, usize)> {
    if let Some(k) = s.seq(i, &["this", "past"]) {
        return Some((Pick::Last, k));
    }
    if let Some(k) = s.seq(i, &["this", "coming"]) {
        return Some((Pick::Next, k));
    }
    Some(match s.word(i)? {
        "last" | "past" | "previous" => (Pick::Last, i + 1),
        "next" | "coming" => (Pick::Next, i + 1),
        "this" => (Pick::This, i + 1),
        _ => return None,
    })
}

/// "last year", "this year", "next year" after a month or season.
fn year_suffix(s: &Scan<'_>, i: usize) -> Option<(i64, usize)> {
    let k = if s.is(i, "of") { i + 1 } else { i };
    let n = match s.word(k)? {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    s.is(k + 1, "year").then_some((n, k + 2))
}

/// A month on its own: "September", "last June", "early September",
/// "the end of October", "June last year".
pub(super) fn month(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (modifier, j) = match edge(s, i) {
        Some((m, k)) => (Some(m), k),
        None => (None, i),
    };
    let (pick, j) = match relative_word(s, j) {
        Some((p, k)) => (Some(p), k),
        None => (None, j),
    };
    let (month, end) = month_name(s, j)?;
    if s.word(j).is_none_or(|w| lexicon::month(w).is_none()) {
        return None; // abbreviations stand alone only in written dates
    }
    // "May" and "March" are also a verb and a modal: alone, they need a
    // preposition or modifier that only a month takes.
    if modifier.is_none() && pick.is_none() && matches!(month, 3 | 5) {
        let before = i.checked_sub(1).and_then(|p| s.word(p));
        let ok = before.is_some_and(|w| {
            matches!(
                w,
                "in" | "of"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "to"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "or"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
            )
        });
        if !ok {
            return None;
        }
    }
    let (shift, end) = match year_suffix(s, end) {
        Some((n, e)) => (Some(n), e),
        None => (None, end),
    };
    let year = match (s.reference, shift, pick) {
        (Some(r), Some(n), _) => Some(r.year() + n as i32),
        (Some(r), None, Some(p)) => Some(resolve::year_for(r, month, 0, p)),
        (Some(r), None, None) => Some(resolve::year_for(r, month, 0, s.pick(i, end))),
        (None, _, _) => None,
    };
    Some(Hit::new(i, end, TimeKind::Date, Value::Month { year, month }).with_mod(modifier))
}

/// Words before a number that make it a year even outside 1900–2099.
fn year_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "of"
            | "by"
            | "until"
            | "till"
            | "from"
            | "to"
            | "through"
            | "before"
            | "after"
            | "between"
            | "and"
            | "during"
            | "year"
            | "fiscal"
            | "early"
            | "late"
            | "mid"
            | "circa"
    )
}

/// "2012", "fiscal 1989", "the year 2000", "early 2012", "mid-2012",
/// "the end of 2012", "the first half of 2013".
pub(super) fn year(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (modifier, half, j) = if let Some((m, k)) = edge(s, i) {
        (Some(m), None, k)
    } else if let Some(h) = half_of(s, i) {
        (None, Some(h.0), h.1)
    } else {
        (None, None, i)
    };
    let j = if let Some(k) = s.seq(j, &["the", "year"]) {
        k
    } else if let Some(k) = s.seq(j, &["fiscal", "year"]) {
        k
    } else if s.is_any(j, &["fiscal", "calendar"]) {
        j + 1
    } else {
        j
    };
    if let Some((y, end)) = spoken_year(s, j) {
        return Some(Hit::new(i, end, TimeKind::Date, Value::Year(y)).with_mod(modifier));
    }
    let y = s.year_at(j)?;
    let before = j.checked_sub(1).and_then(|p| s.word(p));
    if !(1900..=2099).contains(&y) && !before.is_some_and(year_context) {
        return None;
    }
    // "$2000", "No. 1999", "2000 percent"
    if j > 0 && s.toks[j - 1].kind == crate::tokens::Kind::Punct {
        let p = s
            .lower
            .get(s.toks[j - 1].start..s.toks[j - 1].end)
            .unwrap_or("");
        if matches!(p, "$" | "£" | "€" | "#" | "¥") {
            return None;
        }
    }
    if before.is_some_and(|w| matches!(w, "no" | "number" | "nos" | "page" | "room" | "flight")) {
        return None;
    }
    if s.punct(j + 1, "%") || s.is_any(j + 1, &["percent", "per"]) {
        return None;
    }
    if s.joined(j + 1) && s.is(j + 1, "s") {
        return None; // a decade; `decade` reads it
    }
    let value = match half {
        Some(h) => Value::Half {
            year: Some(y),
            half: h,
        },
        None => Value::Year(y),
    };
    Some(Hit::new(i, j + 1, TimeKind::Date, value).with_mod(modifier))
}

/// Years read out: "nineteen ninety-six", "two thousand", "two thousand
/// and one" (broadcast transcripts write them so).
fn spoken_year(s: &Scan<'_>, i: usize) -> Option<(i32, usize)> {
    if let Some(k) = s.seq(i, &["two", "thousand"]) {
        let k2 = if s.is(k, "and") { k + 1 } else { k };
        return match s.word(k2).and_then(lexicon::cardinal) {
            Some(n) if n < 20 => Some((2000 + n as i32, k2 + 1)),
            _ => Some((2000, k)),
        };
    }
    let century = match s.word(i)? {
        "nineteen" => 1900,
        "eighteen" => 1800,
        _ => return None,
    };
    let tens = lexicon::cardinal(s.word(i + 1)?).filter(|t| (10..100).contains(t))?;
    if tens >= 20 && tens % 10 == 0 {
        let k = if s.hyphen(i + 2) { i + 3 } else { i + 2 };
        if let Some(u) = s.word(k).and_then(lexicon::cardinal).filter(|u| *u < 10) {
            return Some((century + (tens + u) as i32, k + 1));
        }
        return Some((century + tens as i32, i + 2));
    }
    (tens < 20).then_some((century + tens as i32, i + 2))
}

/// "the first half of", "the second half of": the half and the index.
fn half_of(s: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    let j = if s.is(i, "the") { i + 1 } else { i };
    let h = match s.word(j)? {
        "first" => 1,
        "second" | "latter" | "last" => 2,
        _ => return None,
    };
    s.seq(j + 1, &["half", "of"]).map(|k| (h, k))
}

/// "the 1990s", "the early 1990s", "the '90s", "the nineties".
pub(super) fn decade(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let j = if s.is(i, "the") { i + 1 } else { i };
    let (modifier, j) = match edge(s, j) {
        Some((m, k)) => (Some(m), k),
        None => (None, j),
    };
    let apostrophe = s.punct(j, "'") || s.punct(j, "\u{2019}");
    let j = if apostrophe { j + 1 } else { j };
    let (value, end) = if let Some((n, digits)) = s.number(j) {
        if !(s.joined(j + 1) && s.is(j + 1, "s")) || n % 10 != 0 {
            return None;
        }
        let decade = match digits {
            4 => (n / 10) as i32,
            // "'90s": the last century's, except '00s and '10s
            2 if apostrophe && s.joined(j) => {
                if n >= 20 {
                    190 + (n / 10) as i32
                } else {
                    200 + (n / 10) as i32
                }
            }
            _ => return None,
        };
        (decade, j + 2)
    } else {
        let d = match s.word(j)? {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        if !s.is(i, "the") && modifier.is_none() {
            return None; // "in her sixties" is an age
        }
        (190 + d, j + 1)
    };
    Some(Hit::new(i, end, TimeKind::Date, Value::Decade(value)).with_mod(modifier))
}

/// "the 20th century", "the nineteenth century", "this century".
pub(super) fn century(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let j = if s.is(i, "the") { i + 1 } else { i };
    let (modifier, j) = match edge(s, j) {
        Some((m, k)) => (Some(m), k),
        None => (None, j),
    };
    let (n, k) = if let Some((n, digits)) = s.number(j) {
        if digits > 2 || !(s.joined(j + 1) && s.is_any(j + 1, &["st", "nd", "rd", "th"])) {
            return None;
        }
        (n, j + 2)
    } else {
        let w = s.word(j)?;
        if w == "twenty" && s.hyphen(j + 1) && s.is(j + 2, "first") {
            (21, j + 3)
        } else {
            (lexicon::ordinal(w)?, j + 1)
        }
    };
    if !s.is(k, "century") || n == 0 {
        return None;
    }
    Some(Hit::new(i, k + 1, TimeKind::Date, Value::Century(n as i32 - 1)).with_mod(modifier))
}

fn quarter_number(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return None,
    })
}

/// "the third quarter", "third-quarter", "the fiscal first quarter",
/// "the first quarter of 2013", "Q3 2012", "this year's third quarter",
/// "the latest quarter".
pub(super) fn quarter(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let mut j = i;
    let mut the = false;
    if s.is(j, "the") {
        the = true;
        j += 1;
    }
    // "this year's", "last year's"
    let mut year_shift = None;
    let mut year_before = None;
    if s.is_any(j, &["this", "last", "next"])
        && s.is(j + 1, "year")
        && s.punct(j + 2, "'")
        && s.is(j + 3, "s")
    {
        year_shift = Some(match s.word(j) {
            Some("last") => -1,
            Some("next") => 1,
            _ => 0,
        });
        j += 4;
    } else if let Some(y) = s.year_at(j).filter(|_| the) {
        // "the 1988 third quarter"
        year_before = Some(y);
        j += 1;
    } else if the && s.is(j, "year") && s.hyphen(j + 1) && s.is_any(j + 2, &["earlier", "ago"]) {
        // "the year-earlier third quarter"
        year_shift = Some(-1);
        j += 3;
    }
    let (modifier, j2) = match edge(s, j) {
        Some((m, k)) => (Some(m), k),
        None => (None, j),
    };
    j = j2;
    if s.is(j, "fiscal") {
        j += 1;
    }
    // Q3 / Q3 2012
    if s.is(j, "q") {
        let (q, digits) = s.number(j + 1).filter(|_| s.joined(j + 1))?;
        if digits != 1 || !(1..=4).contains(&q) {
            return None;
        }
        let (year, end) = match trailing_year(s, j + 2) {
            Some((y, e)) => (Some(y), e),
            None => (None, j + 2),
        };
        return quarter_hit(s, i, end, q, year, year_shift, None, modifier);
    }
    let mut n = None;
    let mut k = j;
    if let Some(w) = s.word(j) {
        if let Some(q) = quarter_number(w) {
            n = Some(q);
            k = j + 1;
        }
    } else if let Some((q, 1)) = s.number(j) {
        if s.joined(j + 1) && s.is_any(j + 1, &["st", "nd", "rd", "th"]) && (1..=4).contains(&q) {
            n = Some(q);
            k = j + 2;
        }
    }
    let mut rel = None;
    if n.is_none() {
        // "the latest quarter", "last quarter", "this quarter", "the quarter"
        rel = Some(match s.word(j)? {
            "latest" | "last" | "past" | "previous" | "recent" | "most" => {
                k = if s.is(j, "most") && s.is(j + 1, "recent") {
                    j + 2
                } else {
                    j + 1
                };
                -1
            }
            "this" | "current" => {
                k = j + 1;
                0
            }
            "next" | "coming" => {
                k = j + 1;
                1
            }
            "quarter" if the => -1,
            _ => return None,
        });
    }
    let hyphenated = s.hyphen(k);
    if hyphenated {
        k += 1;
    }
    if s.is(k, "fiscal") {
        k += 1;
    }
    if !s.is(k, "quarter") {
        return None;
    }
    // "the third-quarter results": the article goes with "results"
    let i = if hyphenated && the && year_shift.is_none() && year_before.is_none() && i + 1 < k {
        i + 1
    } else {
        i
    };
    let mut end = k + 1;
    let mut year = None;
    if n.is_some() {
        let k2 = if s.is_any(end, &["of", "in"]) {
            end + 1
        } else {
            end
        };
        let k2 = if s.is(k2, "fiscal") { k2 + 1 } else { k2 };
        if let Some(y) = s.year_at(k2) {
            year = Some(y);
            end = k2 + 1;
        }
    }
    let year = year.or(year_before);
    quarter_hit(s, i, end, n.unwrap_or(0), year, year_shift, rel, modifier)
}

#[allow(clippy::too_many_arguments)] // the parts of a quarter phrase, read once
fn quarter_hit(
    s: &Scan<'_>,
    first: usize,
    end: usize,
    quarter: u32,
    year: Option<i32>,
    year_shift: Option<i32>,
    rel: Option<i64>,
    modifier: Option<Mod>,
) -> Option<Hit> {
    let value = match (rel, s.reference) {
        (Some(n), Some(r)) => {
            let years = i64::from(year_shift.unwrap_or(0));
            resolve::shift(r, crate::value::Unit::Quarter, n + 4 * years)?
        }
        (Some(_), None) => Value::Unanchored(crate::value::Unit::Quarter),
        (None, r) => {
            let year = year.or_else(|| {
                let r = r?;
                Some(match year_shift {
                    Some(n) => r.year() + n,
                    None => resolve::quarter_year(r, quarter, s.pick(first, end)),
                })
            });
            Value::Quarter { year, quarter }
        }
    };
    Some(Hit::new(first, end, TimeKind::Date, value).with_mod(modifier))
}

/// "last summer", "this fall", "the summer of 2012", "winter 2013",
/// "in the spring". Bare season words need a determiner, a year or a
/// preposition before them ("fall" is also a verb).
pub(super) fn season(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let mut j = i;
    let (modifier, k) = match edge(s, j) {
        Some((m, k)) => (Some(m), k),
        None => (None, j),
    };
    j = k;
    let (pick, k) = match relative_word(s, j) {
        Some((p, k)) => (Some(p), k),
        None => (None, j),
    };
    j = k;
    let the = s.is(j, "the");
    if the {
        j += 1;
    }
    let season = lexicon::season(s.word(j)?)?;
    let mut end = j + 1;
    let mut year = None;
    let k = if s.is(end, "of") { end + 1 } else { end };
    if let Some(y) = s.year_at(k) {
        year = Some(y);
        end = k + 1;
    } else if let Some((y, e)) = spoken_year(s, k) {
        year = Some(y);
        end = e;
    } else if let Some((n, e)) = year_suffix(s, end) {
        year = s.reference.map(|r| r.year() + n as i32);
        end = e;
    }
    let before = i.checked_sub(1).and_then(|p| s.word(p));
    let prep = before.is_some_and(|w| {
        matches!(
            w,
            "in" | "during"
                | "over"
                | "through"
                | "since"
                | "until"
                | "by"
                | "this"
                | "last"
                | "next"
        )
    });
    if year.is_none()
        && pick.is_none()
        && modifier.is_none()
        && !(prep && (the || s.capital(j) || !s.is(j, "fall")))
    {
        return None;
    }
    let year = year.or_else(|| {
        let r = s.reference?;
        Some(resolve::season_year(
            r,
            season,
            pick.unwrap_or_else(|| s.pick(i, end)),
        ))
    });
    Some(Hit::new(i, end, TimeKind::Date, Value::Season { year, season }).with_mod(modifier))
}

/// "Wednesday", "last Friday", "next Monday", "Friday morning",
/// "Sundays" (a set).
pub(super) fn weekday(s: &Scan<'_>, i: usize) -> Option<Hit> {
    // "earlier Friday", "late Monday": TimeBank leaves the edge word out.
    let (pick, j) = match relative_word(s, i) {
        Some((p, k)) => (Some(p), k),
        None => (None, i),
    };
    let (wd, plural) = lexicon::weekday(s.word(j)?)?;
    if plural {
        if pick.is_some() {
            return None;
        }
        return Some(Hit::new(i, j + 1, TimeKind::Set, Value::AnyWeekday(wd)));
    }
    let mut end = j + 1;
    let part = s.word(end).and_then(lexicon::day_part);
    if part.is_some() {
        end += 1;
    }
    let day = s.reference.and_then(|r| {
        let p = pick.unwrap_or_else(|| s.pick(i, end));
        resolve::weekday(r, wd, p)
    });
    // "Friday morning" is a DATE in TimeBank more often than a TIME.
    let value = match (part, day) {
        (Some(part), day) => Value::Part { day, part },
        (None, Some(d)) => Value::Day(d),
        (None, None) => Value::AnyWeekday(wd),
    };
    Some(Hit::new(i, end, TimeKind::Date, value))
}

/// A holiday's date in `year`: fixed days, and the movable feasts news
/// names most (US Thanksgiving and Election Day, Easter).
fn holiday_date(name: Holiday, year: i32) -> Option<NaiveDate> {
    use chrono::Weekday;
    match name {
        Holiday::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
        // Fourth Thursday of November
        Holiday::Thanksgiving => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4),
        // The Tuesday after the first Monday of November
        Holiday::ElectionDay => {
            NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?.succ_opt()
        }
        Holiday::Easter => {
            // Anonymous Gregorian computus
            let (a, b, c) = (year % 19, year / 100, year % 100);
            let (d, e) = (b / 4, b % 4);
            let g = (8 * b + 13) / 25;
            let h = (19 * a + b - d - g + 15).rem_euclid(30);
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
            let m = (a + 11 * h + 19 * l) / 433;
            let month = (h + l - 7 * m + 90) / 25;
            let day = (h + l - 7 * m + 33 * month + 19).rem_euclid(32);
            NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Holiday {
    Fixed(u32, u32),
    Thanksgiving,
    ElectionDay,
    Easter,
}

/// "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving",
/// "Election Day", "Easter", "Halloween", "Valentine's Day", "last
/// Christmas".
pub(super) fn holiday(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (pick, j) = match relative_word(s, i) {
        Some((p, k)) => (Some(p), k),
        None => (None, i),
    };
    if !s.capital(j) {
        return None;
    }
    let possessive = |k: usize| (s.punct(k, "'") || s.punct(k, "\u{2019}")) && s.is(k + 1, "s");
    let (name, end) = match s.word(j)? {
        "christmas" => match s.word(j + 1) {
            Some("eve") => (Holiday::Fixed(12, 24), j + 2),
            Some("day") => (Holiday::Fixed(12, 25), j + 2),
            _ => (Holiday::Fixed(12, 25), j + 1),
        },
        "new" if s.is(j + 1, "year") && possessive(j + 2) => match s.word(j + 4) {
            Some("eve") => (Holiday::Fixed(12, 31), j + 5),
            Some("day") => (Holiday::Fixed(1, 1), j + 5),
            _ => (Holiday::Fixed(1, 1), j + 4),
        },
        "thanksgiving" => (
            Holiday::Thanksgiving,
            if s.is(j + 1, "day") { j + 2 } else { j + 1 },
        ),
        "election" if s.is(j + 1, "day") && s.capital(j + 1) => (Holiday::ElectionDay, j + 2),
        "easter" => (
            Holiday::Easter,
            if s.is(j + 1, "sunday") { j + 2 } else { j + 1 },
        ),
        "halloween" => (Holiday::Fixed(10, 31), j + 1),
        "valentine" if possessive(j + 1) && s.is(j + 3, "day") => (Holiday::Fixed(2, 14), j + 4),
        _ => return None,
    };
    let value = match s.reference {
        Some(r) => {
            // The year as for a day of the month near the holiday's date.
            let (m, d) = match name {
                Holiday::Fixed(m, d) => (m, d),
                Holiday::Thanksgiving => (11, 25),
                Holiday::ElectionDay => (11, 5),
                Holiday::Easter => (4, 10),
            };
            let year = resolve::year_for(r, m, d, pick.unwrap_or_else(|| s.pick(i, end)));
            Value::Day(holiday_date(name, year)?)
        }
        None => match name {
            Holiday::Fixed(month, day) => Value::DayOfMonth { month, day },
            _ => Value::Unanchored(crate::value::Unit::Day),
        },
    };
    Some(Hit::new(i, end, TimeKind::Date, value))
}
