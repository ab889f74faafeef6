//! Normalisation against the reference (publication) date: which year a
//! bare "September" means, which date "Wednesday" is, what "last week" and
//! "two days ago" are. All arithmetic is checked: a shift that leaves
//! chrono's range gives `None`, and the scanner then drops the reading.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::tense::Tense;
use crate::value::{Season, Unit, Value};

/// Which of several candidates a relative word picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    /// No word: the tense decides.
    Tense(Tense),
    /// "last": strictly before the reference's own period.
    Last,
    /// "next": strictly after.
    Next,
    /// "this": the one in the reference's own year/week.
    This,
}

/// The year of a period written without one, at `there` in a yearly
/// cycle where the reference stands at `here`, for "last" (the latest
/// strictly before the reference's own period) and "next" (the first
/// strictly after: `next`); `y` is the reference's year. Months, quarters and
/// seasons all read "last" and "next" this way.
fn strictly<T: Ord>(y: i32, there: T, here: T, next: bool) -> i32 {
    use std::cmp::Ordering::{Greater, Less};
    match (next, there.cmp(&here)) {
        (false, Less) | (true, Greater) => y,
        (true, _) => y + 1,
        (false, _) => y - 1,
    }
}

/// How far from the reference a day without a year keeps the reference's
/// year whatever the tense (see `year_for`).
const NEAR_DAYS: i64 = 92;

/// The year of a month (or a day of it, `day` 0 for the whole month)
/// written without a year. Past clauses take the latest one not after the
/// reference, future clauses the first not before it — except within about
/// a month of the reference, where a clause's tense often belongs to a
/// reporting verb ("said the vote would be on Jan. 14") and the same year is
/// the better guess. Unmarked: the same year unless that is far off.
pub(crate) fn year_for(reference: NaiveDate, month: u32, day: u32, pick: Pick) -> i32 {
    let y = reference.year();
    let here = (
        reference.month(),
        if day == 0 { 0 } else { reference.day() },
    );
    let there = (month, day);
    // Within a month of the reference (for a month: the neighbouring ones).
    let near = if day == 0 {
        (i64::from(month) - i64::from(reference.month())).abs() <= 2
    } else {
        NaiveDate::from_ymd_opt(y, month, day)
            .is_some_and(|d| (d - reference).num_days().abs() <= NEAR_DAYS)
    };
    match pick {
        Pick::This => y,
        Pick::Last => strictly(y, there, here, false),
        Pick::Next => strictly(y, there, here, true),
        Pick::Tense(Tense::Past) => {
            if there <= here || near {
                y
            } else {
                y - 1
            }
        }
        Pick::Tense(Tense::Future) => {
            if there >= here || near {
                y
            } else {
                y + 1
            }
        }
        Pick::Tense(_) => {
            // News looks back more than ahead: more than half a year ahead
            // is last year's; only the first months of the next year, seen
            // from its last months, are next year's.
            let gap = month as i32 - reference.month() as i32;
            if gap > 6 {
                y - 1
            } else if gap < -9 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// The date of a weekday (1 = Monday) relative to the reference. Unmarked
/// weekdays in news are the most recent one (today included) unless the
/// clause is in the future.
pub(crate) fn weekday(reference: NaiveDate, wd: u32, pick: Pick) -> Option<NaiveDate> {
    let today = reference.weekday().number_from_monday();
    let ahead = (wd + 7 - today) % 7; // days until the next such weekday, 0 = today
    let back = (today + 7 - wd) % 7; // days since the last one
    let (forward, days) = match pick {
        // "They meet Monday": a present-tense clause with a weekday speaks
        // of the coming one.
        Pick::Tense(Tense::Future | Tense::Present) => (true, ahead),
        // Unmarked: the day just gone or today, except the day after the
        // reference, which is nearer as tomorrow than as six days back.
        Pick::Tense(Tense::Unknown) if ahead == 1 => (true, ahead),
        Pick::Tense(_) => (false, back),
        Pick::Last => (false, if back == 0 { 7 } else { back }),
        Pick::Next => (true, if ahead == 0 { 7 } else { ahead }),
        Pick::This => {
            return if wd >= today {
                reference.checked_add_days(Days::new((wd - today).into()))
            } else {
                reference.checked_sub_days(Days::new((today - wd).into()))
            }
        }
    };
    if forward {
        reference.checked_add_days(Days::new(days.into()))
    } else {
        reference.checked_sub_days(Days::new(days.into()))
    }
}

/// The period `n` units from the reference's own, at that unit's
/// granularity: `shift(d, Week, -1)` is last week, `shift(d, Year, 0)` this
/// year.
pub(crate) fn shift(reference: NaiveDate, unit: Unit, n: i64) -> Option<Value> {
    let days = |k: i64| -> Option<NaiveDate> {
        if k >= 0 {
            reference.checked_add_days(Days::new(k.unsigned_abs()))
        } else {
            reference.checked_sub_days(Days::new(k.unsigned_abs()))
        }
    };
    let months = |k: i64| -> Option<NaiveDate> {
        let k32 = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            reference.checked_add_months(Months::new(k32))
        } else {
            reference.checked_sub_months(Months::new(k32))
        }
    };
    let n32 = i32::try_from(n).ok()?;
    Some(match unit {
        // Clock units without a reference time: the day is what we know.
        Unit::Second | Unit::Minute | Unit::Hour => Value::Day(reference),
        Unit::Day | Unit::Night => Value::Day(days(n)?),
        Unit::Week => Value::week_of(days(n.checked_mul(7)?)?),
        Unit::Fortnight => Value::week_of(days(n.checked_mul(14)?)?),
        Unit::Weekend => Value::weekend_of(days(n.checked_mul(7)?)?),
        Unit::Month => {
            let d = months(n)?;
            Value::Month {
                year: Some(d.year()),
                month: d.month(),
            }
        }
        Unit::Quarter => {
            let index = reference.year().checked_mul(4)? + (reference.month0() / 3) as i32;
            let index = index.checked_add(n32)?;
            Value::Quarter {
                year: Some(index.div_euclid(4)),
                quarter: index.rem_euclid(4) as u32 + 1,
            }
        }
        Unit::Year => Value::Year(reference.year().checked_add(n32)?),
        Unit::Decade => Value::Decade(reference.year().div_euclid(10).checked_add(n32)?),
        Unit::Century => Value::Century(reference.year().div_euclid(100).checked_add(n32)?),
    })
}

/// The quarter of a year written without one: the latest one begun by the
/// reference in past or unmarked clauses (financial news reports quarters
/// that have ended), the next in future ones.
pub(crate) fn quarter_year(reference: NaiveDate, quarter: u32, pick: Pick) -> i32 {
    let here = reference.month0() / 3 + 1;
    let y = reference.year();
    match pick {
        Pick::This => y,
        Pick::Last => strictly(y, quarter, here, false),
        Pick::Next | Pick::Tense(Tense::Future) => {
            if quarter > here || (pick != Pick::Next && quarter == here) {
                y
            } else {
                y + 1
            }
        }
        Pick::Tense(_) => {
            if quarter <= here {
                y
            } else {
                y - 1
            }
        }
    }
}

/// The year of a season written without one ("last summer", "in the fall").
pub(crate) fn season_year(reference: NaiveDate, season: Season, pick: Pick) -> i32 {
    let month = reference.month();
    // December belongs to the winter that ends in the next year.
    let y = if month == 12 {
        reference.year() + 1
    } else {
        reference.year()
    };
    let here = Season::of_month(month).rank();
    let there = season.rank();
    match pick {
        Pick::This => y,
        Pick::Last => strictly(y, there, here, false),
        Pick::Next => strictly(y, there, here, true),
        Pick::Tense(Tense::Future) => {
            if there >= here {
                y
            } else {
                y + 1
            }
        }
        Pick::Tense(_) => {
            if there <= here {
                y
            } else {
                y - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekdays_around_a_wednesday() {
        let dct = d(2014, 10, 8); // a Wednesday
        let past = Pick::Tense(Tense::Past);
        assert_eq!(weekday(dct, 3, past), Some(dct));
        assert_eq!(weekday(dct, 1, past), Some(d(2014, 10, 6)));
        assert_eq!(weekday(dct, 5, past), Some(d(2014, 10, 3)));
        assert_eq!(
            weekday(dct, 5, Pick::Tense(Tense::Future)),
            Some(d(2014, 10, 10))
        );
        let unmarked = Pick::Tense(Tense::Unknown);
        assert_eq!(weekday(dct, 4, unmarked), Some(d(2014, 10, 9)));
        assert_eq!(weekday(dct, 5, unmarked), Some(d(2014, 10, 3)));
        assert_eq!(weekday(dct, 3, Pick::Last), Some(d(2014, 10, 1)));
        assert_eq!(weekday(dct, 3, Pick::Next), Some(d(2014, 10, 15)));
    }

    #[test]
    fn months_take_the_plausible_year() {
        let dct = d(2014, 10, 8);
        let past = Pick::Tense(Tense::Past);
        assert_eq!(year_for(dct, 9, 0, past), 2014);
        assert_eq!(year_for(dct, 12, 0, past), 2014); // within two months
        let march = d(2014, 3, 20);
        assert_eq!(year_for(march, 9, 0, past), 2013);
        assert_eq!(year_for(march, 5, 0, past), 2014);
        assert_eq!(year_for(march, 11, 1, past), 2013);
        assert_eq!(year_for(march, 5, 1, past), 2014); // 42 days ahead
        assert_eq!(year_for(dct, 2, 0, Pick::Tense(Tense::Future)), 2015);
        assert_eq!(year_for(dct, 12, 0, Pick::Tense(Tense::Unknown)), 2014);
        assert_eq!(year_for(dct, 10, 8, past), 2014);
        assert_eq!(year_for(dct, 10, 9, past), 2014); // a day ahead
        assert_eq!(year_for(dct, 3, 0, Pick::Last), 2014);
    }

    #[test]
    fn shifts_by_units() {
        let dct = d(2014, 10, 8);
        assert_eq!(shift(dct, Unit::Week, -1).unwrap().to_string(), "2014-W40");
        assert_eq!(shift(dct, Unit::Day, -2).unwrap().to_string(), "2014-10-06");
        assert_eq!(shift(dct, Unit::Month, 1).unwrap().to_string(), "2014-11");
        assert_eq!(
            shift(dct, Unit::Quarter, -4).unwrap().to_string(),
            "2013-Q4"
        );
        assert_eq!(shift(dct, Unit::Decade, 0).unwrap().to_string(), "201");
        assert_eq!(shift(dct, Unit::Year, i64::MAX), None);
        assert_eq!(quarter_year(dct, 3, Pick::Tense(Tense::Past)), 2014);
        assert_eq!(season_year(dct, Season::Summer, Pick::Last), 2014);
        assert_eq!(season_year(dct, Season::Fall, Pick::Last), 2013);
    }
}
