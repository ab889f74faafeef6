//! Clock times: "4:20 p.m. Moscow Time", "15:01", "10 a.m. EST", "noon",
//! "midnight Friday", "9 p.m. EST, Nov. 9". The zone stays in the extent;
//! the value is the local wall-clock time, as TIMEX3 values are written.

use chrono::NaiveDate;
use dateline_model::TimeKind;

use super::{calendar, Hit, Scan};
use crate::en::lexicon;
use crate::resolve;
use crate::value::{Unit, Value};

/// "a.m.", "am", "a.m", "p.m.", "pm": true for p.m., and the index after.
fn meridiem(s: &Scan<'_>, i: usize) -> Option<(bool, usize)> {
    let w = s.word(i)?;
    let pm = match w {
        "am" => false,
        "pm" => true,
        "a" | "p" => {
            if !(s.joined_punct(i + 1, ".") && s.joined(i + 2) && s.is(i + 2, "m")) {
                return None;
            }
            let end = if s.joined_punct(i + 3, ".") {
                i + 4
            } else {
                i + 3
            };
            return Some((w == "p", end));
        }
        _ => return None,
    };
    Some((pm, i + 1))
}

/// A zone after a clock time: "EST", "GMT", "Moscow Time", "local time",
/// "Eastern Standard Time". The index after it.
fn zone(s: &Scan<'_>, i: usize) -> Option<usize> {
    if s.word(i).is_some_and(lexicon::zone_abbrev) && s.capital(i) {
        return Some(i + 1);
    }
    if s.is(i, "local") && s.is(i + 1, "time") {
        return Some(i + 2);
    }
    // Up to three capitalised words ending in "Time"/"time"
    for len in 1..=3 {
        if s.is(i + len, "time") && (i..i + len).all(|k| s.capital(k) && s.word(k).is_some()) {
            return Some(i + len + 1);
        }
    }
    None
}

/// A day named right after a time: "noon Thursday", "10 a.m. yesterday",
/// "9 p.m. EST, Nov. 9". The day and the index after it.
fn day_after(s: &Scan<'_>, i: usize) -> Option<(Option<NaiveDate>, usize)> {
    let k = if s.punct(i, ",") || s.is(i, "on") {
        i + 1
    } else {
        i
    };
    if let Some(n) = match s.word(k) {
        Some("today") => Some(0),
        Some("yesterday") => Some(-1),
        Some("tomorrow") => Some(1),
        _ => None,
    } {
        let day = match s.reference {
            Some(r) => match resolve::shift(r, Unit::Day, n)? {
                Value::Day(d) => Some(d),
                _ => None,
            },
            None => None,
        };
        return Some((day, k + 1));
    }
    if let Some(hit) = calendar::written_date(s, k).or_else(|| calendar::numeric_date(s, k)) {
        if let Value::Day(d) = hit.value {
            return Some((Some(d), hit.end));
        }
    }
    if let Some(hit) = calendar::weekday(s, k) {
        if let (Value::Day(d), TimeKind::Date) = (&hit.value, hit.kind) {
            return Some((Some(*d), hit.end));
        }
    }
    None
}

pub(super) fn clock(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (hour, minute, end) = if let Some(w) = s.word(i) {
        let (h, k) = match w {
            "noon" | "midday" => (12, i + 1),
            "midnight" => (24, i + 1),
            _ => {
                // "ten o'clock"
                let h = lexicon::cardinal(w).filter(|h| (1..=12).contains(h))?;
                if !(s.is(i + 1, "o") && s.joined_punct(i + 2, "'")
                    || s.joined_punct(i + 2, "\u{2019}"))
                    || !s.is(i + 3, "clock")
                {
                    return None;
                }
                (h, i + 4)
            }
        };
        (h, 0, k)
    } else {
        let (h, hd) = s.number(i)?;
        if hd > 2 {
            return None;
        }
        let (minute, k) = if s.joined_punct(i + 1, ":") && s.joined(i + 2) {
            let (m, md) = s.number(i + 2)?;
            if md != 2 || m > 59 {
                return None;
            }
            // seconds are read and dropped: news values stop at minutes
            let k = if s.joined_punct(i + 3, ":") && s.number(i + 4).is_some_and(|(_, d)| d == 2) {
                i + 5
            } else {
                i + 3
            };
            (Some(m), k)
        } else {
            (None, i + 1)
        };
        match meridiem(s, k) {
            Some((pm, e)) => {
                if !(1..=12).contains(&h) {
                    return None;
                }
                let h24 = match (pm, h) {
                    (false, 12) => 0,
                    (false, h) => h,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                };
                (h24, minute.unwrap_or(0), e)
            }
            None => {
                // 24-hour clock: needs minutes ("15:01")
                let m = minute?;
                if h > 23 {
                    return None;
                }
                (h, m, k)
            }
        }
    };
    let end = zone(s, end).unwrap_or(end);
    let (day, end) = match day_after(s, end) {
        Some((d, e)) => (d, e),
        None => (s.reference, end),
    };
    let value = Value::Clock { day, hour, minute };
    Some(Hit::new(i, end, TimeKind::Time, value))
}
