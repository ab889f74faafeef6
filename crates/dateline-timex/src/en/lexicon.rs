//! English words for time: months, weekdays, numbers, units, seasons, parts
//! of the day, zones. Everything the scanner matches by word lives here, so a
//! second language means a second table of the same shape, not new rules.
//!
//! All lookups take the ASCII-lowercased word.

use crate::tense::Tense;
use crate::value::{DayPart, Season, Unit};

/// Full month names; the scanner requires a capital letter for these, since
/// "may", "march" and "august" are also ordinary words.
pub(crate) fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    })
}

/// Abbreviated month names ("Oct.", "Sept."): only taken with a following
/// period or day number, since "Jan" and "Jun" are also names.
pub(crate) fn month_abbrev(word: &str) -> Option<u32> {
    Some(match word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// Weekdays, 1 = Monday … 7 = Sunday (ISO), singular or plural ("Mondays"
/// is a set).
pub(crate) fn weekday(word: &str) -> Option<(u32, bool)> {
    let (stem, plural) = match word.strip_suffix('s') {
        Some(stem) if stem.ends_with("day") => (stem, true),
        _ => (word, false),
    };
    let n = match stem {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some((n, plural))
}

/// Cardinal number words up to ninety-nine; tens compose with units in the
/// scanner ("twenty-four", "twenty four").
pub(crate) fn cardinal(word: &str) -> Option<u32> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words up to the thirty-first (days of the month, quarters,
/// centuries); the tens of compounds come from `cardinal`.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Words that stand for an unknown count ("several years" → PXY).
pub(crate) fn vague_count(word: &str) -> bool {
    matches!(word, "several" | "few" | "many" | "some" | "numerous")
}

/// Calendar units, singular and plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "night" => (Unit::Night, false),
        "nights" => (Unit::Night, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

pub(crate) fn season(word: &str) -> Option<Season> {
    Some(match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

pub(crate) fn day_part(word: &str) -> Option<DayPart> {
    Some(match word {
        "morning" => DayPart::Morning,
        "afternoon" => DayPart::Afternoon,
        "evening" => DayPart::Evening,
        "night" => DayPart::Night,
        _ => return None,
    })
}

/// Zone abbreviations written after a clock time ("4 p.m. EST"). The value
/// stays local wall-clock time, as TIMEX3 values in news corpora are; the
/// zone is kept in the extent so a reader can see it.
pub(crate) fn zone_abbrev(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "msk"
            | "ist"
            | "jst"
            | "hkt"
            | "aest"
            | "z"
    )
}

/// Words that name a set frequency on their own ("annually" → P1Y).
pub(crate) fn frequency_adverb(word: &str) -> Option<Unit> {
    Some(match word {
        "hourly" => Unit::Hour,
        "daily" | "nightly" => Unit::Day,
        "weekly" => Unit::Week,
        "monthly" => Unit::Month,
        "annually" | "yearly" => Unit::Year,
        _ => return None,
    })
}

/// Verbs that mark a clause as past even without an "-ed" ending (the
/// irregular past forms news uses most).
pub(crate) fn irregular_past(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "went"
            | "came"
            | "met"
            | "made"
            | "took"
            | "gave"
            | "held"
            | "left"
            | "began"
            | "became"
            | "saw"
            | "won"
            | "lost"
            | "rose"
            | "fell"
            | "paid"
            | "sold"
            | "bought"
            | "found"
            | "got"
            | "spent"
            | "sent"
            | "struck"
            | "built"
            | "brought"
            | "thought"
            | "kept"
            | "led"
            | "ran"
            | "wrote"
            | "spoke"
            | "stood"
            | "knew"
            | "grew"
            | "drew"
            | "threw"
            | "flew"
            | "fought"
            | "caught"
            | "taught"
            | "sought"
            | "meant"
            | "felt"
            | "heard"
            | "ago"
            | "earlier"
    )
}

/// Words ending in "-ed" that are not past verbs.
pub(crate) fn ed_not_past(word: &str) -> bool {
    matches!(
        word,
        "need"
            | "speed"
            | "indeed"
            | "hundred"
            | "proceed"
            | "exceed"
            | "succeed"
            | "feed"
            | "seed"
            | "breed"
            | "greed"
            | "embed"
            | "bed"
            | "red"
            | "shed"
            | "united"
            | "limited"
            | "based"
            | "related"
            | "armed"
            | "expected"
            | "scheduled"
            | "planned"
            | "proposed"
            | "supposed"
    )
}

/// Words that put a clause in the future.
pub(crate) fn future_cue(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "shall"
            | "ll"
            | "won"
            | "gonna"
            | "upcoming"
            | "expected"
            | "scheduled"
            | "planned"
            | "plans"
            | "plan"
            | "intends"
            | "due"
            | "next"
            | "tomorrow"
            | "coming"
            | "forthcoming"
            | "proposed"
    )
}

pub(crate) fn present_cue(word: &str) -> bool {
    matches!(word, "is" | "are" | "am" | "has" | "have" | "does" | "do")
}

/// The English tense cue of `word` (see `tense::Cue`): future auxiliaries
/// and plans, past forms (irregular or "-ed"), present auxiliaries. A
/// participle after "be"/"been" ("will be held", "has been held") is no
/// past: the auxiliary further out decides.
pub(crate) fn tense_cue(prev: Option<&str>, word: &str) -> Option<Tense> {
    if future_cue(word) {
        Some(Tense::Future)
    } else if irregular_past(word) || (word.len() > 4 && word.ends_with("ed") && !ed_not_past(word))
    {
        if matches!(prev, Some("be" | "been")) {
            None
        } else {
            Some(Tense::Past)
        }
    } else if present_cue(word) {
        Some(Tense::Present)
    } else {
        None
    }
}
