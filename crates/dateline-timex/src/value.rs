//! TIMEX3 values as types. Each variant is one granularity the annotation
//! guidelines allow, so the scanner cannot build "a month with a day but no
//! month"; `Display` writes the ISO-8601-style TIMEX3 string.

use std::fmt;

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    /// "three nights": counted as days.
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Units below a day take the `T` marker in durations (`PT48H`).
    fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The TIMEX3 duration letter, and how many of it one unit is.
    fn letter(self) -> (&'static str, u32) {
        match self {
            Unit::Second => ("S", 1),
            Unit::Minute => ("M", 1),
            Unit::Hour => ("H", 1),
            Unit::Day | Unit::Night => ("D", 1),
            Unit::Week | Unit::Weekend => ("W", 1),
            Unit::Fortnight => ("W", 2),
            Unit::Month => ("M", 1),
            Unit::Quarter => ("Q", 1),
            Unit::Year => ("Y", 1),
            // TimeBank writes "the past decade" P10Y
            Unit::Decade => ("Y", 10),
            Unit::Century => ("Y", 100),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Order within a year, winter first (January is winter).
    pub(crate) fn rank(self) -> u32 {
        match self {
            Season::Winter => 0,
            Season::Spring => 1,
            Season::Summer => 2,
            Season::Fall => 3,
        }
    }

    pub(crate) fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// How many units a duration or set counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    Exact(u32),
    /// n and a half ("two and a half years" → P2.5Y).
    AndHalf(u32),
    /// "several", "a few", bare plurals: TIMEX3 writes X.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ref {
    Present,
    Past,
    Future,
}

/// TIMEX3 `mod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    Start,
    Mid,
    End,
    Approx,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Mod {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::LessThan => "LESS_THAN",
            Mod::MoreThan => "MORE_THAN",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// A normalised value. `None` years (no reference date, and none written)
/// print as `XXXX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Day(NaiveDate),
    /// A day of a month whose year is unknown: `XXXX-10-08`.
    DayOfMonth {
        month: u32,
        day: u32,
    },
    /// A relative expression ("yesterday", "last week") with no reference
    /// date to count from: `XXXX-XX-XX`, `XXXX-WXX`…
    Unanchored(Unit),
    Month {
        year: Option<i32>,
        month: u32,
    },
    Year(i32),
    /// First three digits: 199 = the 1990s.
    Decade(i32),
    /// First two digits: 19 = the twentieth century.
    Century(i32),
    Week {
        year: i32,
        week: u32,
    },
    Weekend {
        year: i32,
        week: u32,
    },
    /// A weekday not placed in time (`XXXX-WXX-3`), also every such weekday.
    AnyWeekday(u32),
    Quarter {
        year: Option<i32>,
        quarter: u32,
    },
    Half {
        year: Option<i32>,
        half: u32,
    },
    Season {
        year: Option<i32>,
        season: Season,
    },
    /// A clock time on a day (or an unknown day).
    Clock {
        day: Option<NaiveDate>,
        hour: u32,
        minute: u32,
    },
    Part {
        day: Option<NaiveDate>,
        part: DayPart,
    },
    Duration {
        amount: Amount,
        unit: Unit,
    },
    Ref(Ref),
}

impl Value {
    pub(crate) fn week_of(day: NaiveDate) -> Value {
        let w = day.iso_week();
        Value::Week {
            year: w.year(),
            week: w.week(),
        }
    }

    pub(crate) fn weekend_of(day: NaiveDate) -> Value {
        let w = day.iso_week();
        Value::Weekend {
            year: w.year(),
            week: w.week(),
        }
    }
}

struct Year(Option<i32>);

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(y) => write!(f, "{y:04}"),
            None => f.write_str("XXXX"),
        }
    }
}

struct Day(Option<NaiveDate>);

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            None => f.write_str("XXXX-XX-XX"),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::Day(d) => write!(f, "{}", Day(Some(d))),
            Value::DayOfMonth { month, day } => write!(f, "XXXX-{month:02}-{day:02}"),
            Value::Unanchored(unit) => f.write_str(match unit {
                Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Night => "XXXX-XX-XX",
                Unit::Week | Unit::Fortnight => "XXXX-WXX",
                Unit::Weekend => "XXXX-WXX-WE",
                Unit::Month => "XXXX-XX",
                Unit::Quarter => "XXXX-QX",
                Unit::Year => "XXXX",
                Unit::Decade => "XXX",
                Unit::Century => "XX",
            }),
            Value::Month { year, month } => write!(f, "{}-{month:02}", Year(year)),
            Value::Year(y) => write!(f, "{y:04}"),
            Value::Decade(d) => write!(f, "{d:03}"),
            Value::Century(c) => write!(f, "{c:02}"),
            Value::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Value::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Value::AnyWeekday(d) => write!(f, "XXXX-WXX-{d}"),
            Value::Quarter { year, quarter } => write!(f, "{}-Q{quarter}", Year(year)),
            Value::Half { year, half } => write!(f, "{}-H{half}", Year(year)),
            Value::Season { year, season } => write!(f, "{}-{}", Year(year), season.code()),
            Value::Clock { day, hour, minute } => {
                write!(f, "{}T{hour:02}:{minute:02}", Day(day))
            }
            Value::Part { day, part } => write!(f, "{}T{}", Day(day), part.code()),
            Value::Duration { amount, unit } => {
                let (letter, per) = unit.letter();
                f.write_str(if unit.is_clock() { "PT" } else { "P" })?;
                match amount {
                    Amount::Exact(n) => write!(f, "{}", n.saturating_mul(per))?,
                    Amount::AndHalf(n) if per == 1 => write!(f, "{n}.5")?,
                    Amount::AndHalf(n) => write!(f, "{}", n.saturating_mul(per) + per / 2)?,
                    // "decades": X counts decades, not years
                    Amount::Unknown if per == 10 => return f.write_str("XDE"),
                    Amount::Unknown if per == 100 => return f.write_str("XCE"),
                    Amount::Unknown => f.write_str("X")?,
                }
                f.write_str(letter)
            }
            Value::Ref(r) => f.write_str(match r {
                Ref::Present => "PRESENT_REF",
                Ref::Past => "PAST_REF",
                Ref::Future => "FUTURE_REF",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_timex3() {
        let d = NaiveDate::from_ymd_opt(2014, 10, 8).unwrap();
        assert_eq!(Value::Day(d).to_string(), "2014-10-08");
        assert_eq!(Value::week_of(d).to_string(), "2014-W41");
        assert_eq!(Value::Decade(199).to_string(), "199");
        assert_eq!(Value::Century(19).to_string(), "19");
        assert_eq!(
            Value::Month {
                year: None,
                month: 9
            }
            .to_string(),
            "XXXX-09"
        );
        let dur = |amount, unit| Value::Duration { amount, unit }.to_string();
        assert_eq!(dur(Amount::Exact(48), Unit::Hour), "PT48H");
        assert_eq!(dur(Amount::Exact(3), Unit::Month), "P3M");
        assert_eq!(dur(Amount::Unknown, Unit::Year), "PXY");
        assert_eq!(dur(Amount::AndHalf(2), Unit::Year), "P2.5Y");
        assert_eq!(dur(Amount::Exact(1), Unit::Fortnight), "P2W");
        assert_eq!(
            Value::Clock {
                day: Some(d),
                hour: 16,
                minute: 20
            }
            .to_string(),
            "2014-10-08T16:20"
        );
        assert_eq!(
            Value::Part {
                day: Some(d),
                part: DayPart::Morning
            }
            .to_string(),
            "2014-10-08TMO"
        );
    }
}
