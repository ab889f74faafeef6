//! Expressions read relative to the reference date or not placed at all:
//! "yesterday", "last week", "two days ago", durations ("three months",
//! "the past two years"), vague spans ("recent years"), the PRESENT/PAST/
//! FUTURE references and sets ("every week", "annually").

use chrono::Days;
use dateline_model::TimeKind;

use super::{approx, edge, Hit, Scan};
use crate::en::lexicon;
use crate::resolve;
use crate::value::{Amount, DayPart, Mod, Ref, Unit, Value};

/// The reference shifted by `n` units, or the unanchored pattern when
/// there is no reference; `None` if the shift leaves the calendar.
fn shifted(s: &Scan<'_>, unit: Unit, n: i64) -> Option<Value> {
    match s.reference {
        Some(r) => resolve::shift(r, unit, n),
        None => Some(Value::Unanchored(unit)),
    }
}

/// "today", "yesterday", "tomorrow", "tonight", "late yesterday",
/// "yesterday morning", "this morning", "last night", "the day before
/// yesterday".
pub(super) fn deictic_day(s: &Scan<'_>, i: usize) -> Option<Hit> {
    if let Some(k) = s.seq(i, &["the", "day", "before", "yesterday"]) {
        return Some(Hit::new(i, k, TimeKind::Date, shifted(s, Unit::Day, -2)?));
    }
    if let Some(k) = s.seq(i, &["the", "day", "after", "tomorrow"]) {
        return Some(Hit::new(i, k, TimeKind::Date, shifted(s, Unit::Day, 2)?));
    }
    // "this morning", "last night", "tomorrow night" without a day word
    if s.is_any(i, &["this", "last"]) {
        let part = s.word(i + 1).and_then(lexicon::day_part)?;
        let n = match (s.word(i), part) {
            (Some("last"), DayPart::Night) => -1,
            (Some("this"), _) => 0,
            _ => return None,
        };
        let value = part_of(s, n, part)?;
        return Some(Hit::new(i, i + 2, TimeKind::Time, value));
    }
    let (modifier, j) = match edge(s, i) {
        Some((m, k)) if k == i + 1 => (Some(m), k),
        _ => (None, i),
    };
    let (n, tonight) = match s.word(j)? {
        "today" => (0, false),
        "yesterday" => (-1, false),
        "tomorrow" => (1, false),
        "tonight" => (0, true),
        _ => return None,
    };
    if tonight {
        return Some(Hit::new(
            i,
            j + 1,
            TimeKind::Date,
            part_of(s, 0, DayPart::Night)?,
        ));
    }
    if let Some(part) = s.word(j + 1).and_then(lexicon::day_part) {
        return Some(Hit::new(i, j + 2, TimeKind::Time, part_of(s, n, part)?).with_mod(modifier));
    }
    let modifier = modifier.filter(|m| !matches!(m, Mod::Mid));
    Some(Hit::new(i, j + 1, TimeKind::Date, shifted(s, Unit::Day, n)?).with_mod(modifier))
}

fn part_of(s: &Scan<'_>, days: i64, part: DayPart) -> Option<Value> {
    let day = match s.reference {
        Some(r) if days >= 0 => Some(r.checked_add_days(Days::new(days.unsigned_abs()))?),
        Some(r) => Some(r.checked_sub_days(Days::new(days.unsigned_abs()))?),
        None => None,
    };
    Some(Value::Part { day, part })
}

/// "this year", "last week", "next month", "the coming year", "earlier
/// this year", "late last year", "the end of the month", "this weekend",
/// "year-end". Quarters have their own rule.
pub(super) fn this_last_next(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (modifier, j) = match edge(s, i) {
        Some((m, k)) => (Some(m), k),
        None => (None, i),
    };
    // "year-end", "year end"
    if modifier.is_none() && s.is(i, "year") {
        let k = if s.hyphen(i + 1) { i + 2 } else { i + 1 };
        if s.is(k, "end") {
            return Some(
                Hit::new(i, k + 1, TimeKind::Date, shifted(s, Unit::Year, 0)?)
                    .with_mod(Some(Mod::End)),
            );
        }
    }
    let the = s.is(j, "the");
    let k = if the { j + 1 } else { j };
    let (n, k) = match s.word(k)? {
        "this" | "current" | "present" => (0, k + 1),
        "last" | "past" | "previous" | "preceding" => (-1, k + 1),
        "next" | "coming" | "following" | "upcoming" => (1, k + 1),
        // "the end of the month": the reference's own month
        "year" | "month" | "week" | "weekend" | "decade" | "century"
            if the && modifier.is_some() =>
        {
            (0, k)
        }
        // "the weekend": the one the clause's tense points at
        "weekend" if the => (0, k),
        // "the year-earlier quarter", "year-ago": financial news compares
        // the last reported quarter (the one before the reference's) with
        // the same quarter a year before.
        "year" if s.hyphen(k + 1) && s.is_any(k + 2, &["earlier", "ago"]) => {
            let noun = s.is_any(k + 3, &["quarter", "period"]);
            let first = if the && !noun { k } else { i };
            let (unit, n, end) = if noun {
                (Unit::Quarter, -5, k + 4)
            } else {
                (Unit::Year, -1, k + 3)
            };
            return Some(Hit::new(first, end, TimeKind::Date, shifted(s, unit, n)?));
        }
        _ => return None,
    };
    let k = if s.is(k, "fiscal") { k + 1 } else { k };
    let (unit, plural) = lexicon::unit(s.word(k)?)?;
    if plural || matches!(unit, Unit::Quarter | Unit::Fortnight) {
        return None;
    }
    // "the past year", "the last decade" are dates in TimeBank and
    // AQUAINT (6 of 6), the period before the reference's own; only a
    // count ("the past three years", read by `duration`) makes a duration.
    // Below a week, "this day" or "the past hour" is no calendar period.
    if matches!(
        unit,
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Night
    ) {
        return None;
    }
    let value = if unit == Unit::Weekend {
        // "the weekend" just gone, in a past clause, counts back a week
        // when the reference falls on a weekday.
        match s.reference {
            Some(r) => {
                let weekday = chrono::Datelike::weekday(&r).number_from_monday();
                let back = n == 0 && weekday < 6 && s.tense(i, k + 1) == crate::tense::Tense::Past;
                resolve::shift(r, Unit::Weekend, if back { -1 } else { n })?
            }
            None => Value::Unanchored(Unit::Weekend),
        }
    } else {
        shifted(s, unit, n)?
    };
    Some(
        Hit::new(i, k + 1, TimeKind::Date, value)
            .with_mod(modifier.filter(|_| !s.is(i, "earlier") && !s.is(i, "later"))),
    )
}

/// "two days ago", "a year ago", "three weeks earlier", "about two years
/// ago", "two weeks from now"; with a vague count, "years ago" is the past.
pub(super) fn ago(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (modifier, j) = match approx(s, i) {
        Some((m, k)) => (Some(m), k),
        None => (None, i),
    };
    let (amount, k) = match s.count(j) {
        Some(c) => c,
        None if s
            .word(j)
            .and_then(lexicon::unit)
            .is_some_and(|(_, plural)| plural) =>
        {
            (Amount::Unknown, j)
        }
        None => return None,
    };
    let (unit, _, k) = s.unit(k)?;
    // "earlier than" compares; "before"/"after" take an event, so the
    // count is a duration there
    let back = s.is(k, "ago") || (s.is(k, "earlier") && !s.is(k + 1, "than"));
    let (sign, end) = if back {
        (-1, k + 1)
    } else if s.is(k, "later") {
        (1, k + 1)
    } else if let Some(e) = s.seq(k, &["from", "now"]) {
        (1, e)
    } else {
        return None;
    };
    let value = match amount {
        Amount::Exact(n) => match (unit, s.reference_time) {
            (Unit::Hour | Unit::Minute | Unit::Second, Some(t)) => {
                let n = sign * i64::from(n);
                let delta = match unit {
                    Unit::Hour => chrono::TimeDelta::try_hours(n)?,
                    Unit::Minute => chrono::TimeDelta::try_minutes(n)?,
                    _ => chrono::TimeDelta::try_seconds(n)?,
                };
                let at = t.checked_add_signed(delta)?;
                Value::Clock {
                    day: Some(at.date()),
                    hour: chrono::Timelike::hour(&at),
                    minute: chrono::Timelike::minute(&at),
                }
            }
            _ => shifted(s, unit, sign * i64::from(n))?,
        },
        _ => Value::Ref(if sign < 0 { Ref::Past } else { Ref::Future }),
    };
    // a value on the clock is a TIME in TIMEX3
    let kind = if matches!(value, Value::Clock { .. }) {
        TimeKind::Time
    } else {
        TimeKind::Date
    };
    Some(Hit::new(i, end, kind, value).with_mod(modifier))
}

/// "three months", "48 hours", "two-year", "the past three years", "the
/// first nine months", "more than four hours", "two and a half years",
/// "a long time".
pub(super) fn duration(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let (modifier, j) = match approx(s, i) {
        Some((m, k)) => (Some(m), k),
        None => (None, i),
    };
    let mut k = j;
    if s.is(k, "the") {
        k += 1;
        if s.is_any(
            k,
            &[
                "past",
                "last",
                "next",
                "coming",
                "first",
                "final",
                "latest",
                "previous",
                "following",
                "initial",
                "remaining",
                "same",
                "full",
                "entire",
                "whole",
            ],
        ) {
            k += 1;
        }
    } else if s.is_any(k, &["past", "last", "next", "another", "first"]) {
        k += 1;
    }
    if let Some(e) = s.seq(k, &["a", "long", "time"]) {
        let value = Value::Duration {
            amount: Amount::Unknown,
            unit: Unit::Year,
        };
        return Some(Hit::new(i, e, TimeKind::Duration, value).with_mod(modifier));
    }
    let count_at = k;
    let (mut amount, mut k) = match s.count(k) {
        Some(c) => c,
        // "some" read as a count when no number follows it
        None if modifier == Some(Mod::Approx) && s.is(i, "some") => return duration(s, i + 1),
        None => return None,
    };
    let a_word = s.is_any(k - 1, &["a", "an"]);
    // "two to three weeks", "12 to 18 months", "one or two days": the
    // range is one expression; its value keeps the first count.
    if (s.is_any(k, &["to", "or"]) || s.punct(k, "-") && !s.joined(k)) && !a_word {
        if let Some((_, e)) = s
            .count(k + 1)
            .filter(|(a, _)| matches!(a, Amount::Exact(_)))
        {
            if s.unit(e).is_some() {
                k = e;
            }
        }
    }
    if let Some(e) = s.seq(k, &["and", "a", "half"]) {
        if let Amount::Exact(n) = amount {
            amount = Amount::AndHalf(n);
            k = e;
        }
    }
    if s.is(k, "more") || s.is(k, "additional") || s.is(k, "straight") || s.is(k, "consecutive") {
        k += 1;
    }
    let adjectival = s.hyphen(k);
    if adjectival {
        k += 1;
    }
    let (unit, plural, mut end) = s.unit(k)?;
    // "a years" is no count; "three-quarters", "a quarter of" are fractions
    if unit == Unit::Weekend
        || (a_word && plural)
        || (unit == Unit::Quarter && (adjectival && plural || s.is(end, "of")))
    {
        return None;
    }
    // "once-a-month" is a frequency word, not a month's duration
    if a_word && adjectival {
        return None;
    }
    // An age ("6-year-old", "47 years old") is no time expression in
    // TimeBank.
    if (adjectival && s.hyphen(end) && s.is(end + 1, "old"))
        || s.is(end, "old")
        || (s.hyphen(end) && s.is(end + 1, "old"))
    {
        return None;
    }
    // In "the 14-day ban" the article belongs to the noun the adjective
    // modifies, not to the duration.
    let i = if adjectival && count_at == j + 1 && s.is(j, "the") && i == j {
        j + 1
    } else {
        i
    };
    // "an hour and a half"
    if let (Some(e), Amount::Exact(n)) = (s.seq(end, &["and", "a", "half"]), amount) {
        amount = Amount::AndHalf(n);
        end = e;
    }
    // "day-long"
    if adjectival && s.hyphen(end) && s.is(end + 1, "long") {
        end += 2;
    }
    // "a year" after a rate ("$5 a year", "twice a year") is a set.
    if a_word && !plural && modifier.is_none() && k == j + 1 {
        let before = i.checked_sub(1);
        let rate = before.is_some_and(|b| {
            s.is_any(b, &["times", "twice", "once", "percent"])
                || s.number(b).is_some()
                || s.punct(b, "%")
        });
        if rate {
            let value = Value::Duration {
                amount: Amount::Exact(1),
                unit,
            };
            return Some(Hit::new(i, end, TimeKind::Set, value));
        }
    }
    if matches!(amount, Amount::Exact(0)) {
        return None;
    }
    Some(Hit::new(i, end, TimeKind::Duration, Value::Duration { amount, unit }).with_mod(modifier))
}

/// Spans with no count: "recent years", "the coming weeks", "for years",
/// "decades".
pub(super) fn vague_span(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let the = s.is(i, "the");
    let j = if the { i + 1 } else { i };
    if s.is_any(j, &["recent", "coming", "past", "last", "next"]) {
        let (unit, plural) = lexicon::unit(s.word(j + 1)?)?;
        if !plural || matches!(unit, Unit::Second | Unit::Weekend) {
            return None;
        }
        if s.is(j, "recent") && unit == Unit::Year {
            return Some(Hit::new(i, j + 2, TimeKind::Date, Value::Ref(Ref::Past)));
        }
        if !the && !s.is_any(j, &["recent", "coming"]) {
            return None;
        }
        let value = Value::Duration {
            amount: Amount::Unknown,
            unit,
        };
        return Some(Hit::new(i, j + 2, TimeKind::Duration, value));
    }
    // A bare plural after "for" / "over" / "in": "for years", "in decades".
    let (unit, plural) = lexicon::unit(s.word(i)?)?;
    let before = i.checked_sub(1).and_then(|p| s.word(p));
    if !plural
        || !before.is_some_and(|w| {
            matches!(
                w,
                "for" | "over" | "within" | "in" | "took" | "take" | "spanning" | "lasted"
            )
        })
    {
        return None;
    }
    if matches!(unit, Unit::Weekend | Unit::Second) {
        return None;
    }
    let value = Value::Duration {
        amount: Amount::Unknown,
        unit,
    };
    Some(Hit::new(i, i + 1, TimeKind::Duration, value))
}

/// PRESENT_REF, PAST_REF, FUTURE_REF: "now", "currently", "recently",
/// "long ago", "the past", "soon", "the future".
pub(super) fn reference_word(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let one = |r: Ref| Some(Hit::new(i, i + 1, TimeKind::Date, Value::Ref(r)));
    let prev = i.checked_sub(1).and_then(|p| s.word(p));
    match s.word(i)? {
        "now" => {
            // "now that" is a conjunction; "just now" is still the present
            if s.is(i + 1, "that") {
                return None;
            }
            one(Ref::Present)
        }
        "right" if s.is(i + 1, "now") => {
            Some(Hit::new(i, i + 2, TimeKind::Date, Value::Ref(Ref::Present)))
        }
        "currently" | "nowadays" | "presently" => one(Ref::Present),
        "these" if s.is(i + 1, "days") => {
            Some(Hit::new(i, i + 2, TimeKind::Date, Value::Ref(Ref::Present)))
        }
        // "previously" is tagged 3 times in 23 in TimeBank/AQUAINT
        "recently" | "lately" => one(Ref::Past),
        "long" if s.is(i + 1, "ago") => {
            Some(Hit::new(i, i + 2, TimeKind::Date, Value::Ref(Ref::Past)))
        }
        "soon" => {
            // "as soon as", "soon after" relate to another event
            if prev == Some("as") || s.is_any(i + 1, &["as", "after"]) {
                return None;
            }
            one(Ref::Future)
        }
        "the" => {
            let (r, k) = match s.word(i + 1)? {
                "past" => (Ref::Past, i + 2),
                "future" => (Ref::Future, i + 2),
                "present" => (Ref::Present, i + 2),
                "near" | "distant" if s.is(i + 2, "future") => (Ref::Future, i + 3),
                "recent" | "distant" if s.is(i + 2, "past") => (Ref::Past, i + 3),
                _ => return None,
            };
            // "the past two years" is a duration: `duration` reads it.
            if s.count(k).is_some() || s.word(k).and_then(lexicon::unit).is_some() {
                return None;
            }
            Some(Hit::new(i, k, TimeKind::Date, Value::Ref(r)))
        }
        _ => None,
    }
}

/// "every week", "each year", "every other month", "every Monday",
/// "annually", "daily", "per year".
pub(super) fn set(s: &Scan<'_>, i: usize) -> Option<Hit> {
    let w = s.word(i)?;
    if let Some(unit) = lexicon::frequency_adverb(w) {
        // "Daily Mail", "the daily" are names and papers
        if s.capital(i) && i > 0 {
            return None;
        }
        let value = Value::Duration {
            amount: Amount::Exact(1),
            unit,
        };
        return Some(Hit::new(i, i + 1, TimeKind::Set, value));
    }
    if !matches!(w, "every" | "each" | "per") {
        return None;
    }
    let mut k = i + 1;
    let mut amount = Amount::Exact(1);
    if s.is(k, "other") {
        amount = Amount::Exact(2);
        k += 1;
    } else if let Some((Amount::Exact(n), e)) = s.count(k).filter(|_| !s.is_any(k, &["a", "an"])) {
        amount = Amount::Exact(n);
        k = e;
    }
    let word = s.word(k)?;
    // "each July"
    if let Some(month) = lexicon::month(word).filter(|_| s.capital(k) && w != "per") {
        return Some(Hit::new(
            i,
            k + 1,
            TimeKind::Set,
            Value::Month { year: None, month },
        ));
    }
    if let Some((wd, false)) = lexicon::weekday(word) {
        if w == "per" {
            return None;
        }
        return Some(Hit::new(i, k + 1, TimeKind::Set, Value::AnyWeekday(wd)));
    }
    let (unit, _) = lexicon::unit(word)?;
    let value = match unit {
        Unit::Weekend => Value::Unanchored(Unit::Weekend),
        Unit::Night => Value::Part {
            day: None,
            part: DayPart::Night,
        },
        _ => Value::Duration { amount, unit },
    };
    Some(Hit::new(i, k + 1, TimeKind::Set, value))
}
