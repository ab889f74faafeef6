//! Times in the archive: every article has one instant in UTC for
//! filters and timelines; the page's own offset is kept in the article.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use dateline_model::{Article, PageTime};
use serde::{Deserialize, Serialize};

/// A page time as an instant. A time whose zone the page does not give
/// is read as UTC, and a bare day as its first moment in UTC: the
/// archive needs one instant to sort and filter by, and the article
/// keeps what the page really said.
pub fn utc_of(t: PageTime) -> DateTime<Utc> {
    match t {
        PageTime::Zoned(t) => t.with_timezone(&Utc),
        PageTime::Local(t) => Utc.from_utc_datetime(&t),
        PageTime::Date(d) => Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)),
    }
}

/// An instant from seconds since the epoch (the epoch itself for one
/// out of chrono's range).
pub fn seconds_to_utc(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(seconds, 0).single().unwrap_or_default()
}

/// The article's date in the archive: published, else updated, else
/// fetched, else first stored.
pub fn article_date(
    article: &Article,
    fetched: Option<DateTime<FixedOffset>>,
    stored: DateTime<Utc>,
) -> DateTime<Utc> {
    article
        .published
        .or(article.updated)
        .map(utc_of)
        .or(fetched.map(|f| f.with_timezone(&Utc)))
        .unwrap_or(stored)
}

/// Which end of a range a bound is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Since,
    Until,
}

/// A `--since`/`--until` bound: RFC 3339 (`2014-10-08T15:01:00+04:00`),
/// a day (`2014-10-08`), a month (`2014-10`) or a year (`2014`), read in
/// UTC. A day, month or year as `until` includes all of it: the bound is
/// the first instant after it. Returns the half-open range's end point.
pub fn parse_bound(s: &str, end: End) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    let (first, next) = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        (d, d.succ_opt())
    } else if let Some(d) = parse_month(s) {
        (d, next_month(d))
    } else if let Some(d) = s
        .parse::<i32>()
        .ok()
        .filter(|y| (1..=9999).contains(y) && s.len() == 4)
        .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
    {
        (d, NaiveDate::from_ymd_opt(d.year() + 1, 1, 1))
    } else {
        return Err(format!(
            "not a date: {s:?} (use 2014-10-08, 2014-10, 2014 or an RFC 3339 time such as \
             2014-10-08T15:01:00+04:00)"
        ));
    };
    let day = match end {
        End::Since => first,
        End::Until => next.ok_or_else(|| format!("date out of range: {s:?}"))?,
    };
    Ok(Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)))
}

fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

fn next_month(d: NaiveDate) -> Option<NaiveDate> {
    if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    }
}

/// The period of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Day,
    /// ISO weeks, starting on Monday.
    Week,
    Month,
}

impl Interval {
    pub fn parse(s: &str) -> Option<Interval> {
        match s {
            "day" => Some(Interval::Day),
            "week" => Some(Interval::Week),
            "month" => Some(Interval::Month),
            _ => None,
        }
    }

    /// The first day (UTC) of the period holding `t`.
    pub fn start_of(self, t: DateTime<Utc>) -> NaiveDate {
        let d = t.date_naive();
        match self {
            Interval::Day => d,
            Interval::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Interval::Month => d.with_day(1).expect("day 1 exists"),
        }
    }

    /// The first day of the period after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Day => start.succ_opt(),
            Interval::Week => start.checked_add_signed(Duration::days(7)),
            Interval::Month => next_month(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_times_become_instants() {
        let z: PageTime = "2014-10-08T15:01:00+04:00".parse().unwrap();
        assert_eq!(utc_of(z).to_rfc3339(), "2014-10-08T11:01:00+00:00");
        let l: PageTime = "2014-10-08T15:01:00".parse().unwrap();
        assert_eq!(utc_of(l).to_rfc3339(), "2014-10-08T15:01:00+00:00");
        let d: PageTime = "2014-10-08".parse().unwrap();
        assert_eq!(utc_of(d).to_rfc3339(), "2014-10-08T00:00:00+00:00");
    }

    #[test]
    fn bounds() {
        let b = |s, e| parse_bound(s, e).unwrap().to_rfc3339();
        assert_eq!(b("2014-10-08", End::Since), "2014-10-08T00:00:00+00:00");
        assert_eq!(b("2014-10-08", End::Until), "2014-10-09T00:00:00+00:00");
        assert_eq!(b("2014-12", End::Until), "2015-01-01T00:00:00+00:00");
        assert_eq!(b("2014", End::Since), "2014-01-01T00:00:00+00:00");
        assert_eq!(
            b("2014-10-08T15:01:00+04:00", End::Until),
            "2014-10-08T11:01:00+00:00"
        );
        let e = parse_bound("yesterday", End::Since).unwrap_err();
        assert!(e.contains("not a date"), "{e}");
        assert!(parse_bound("2014-13", End::Since).is_err());
    }

    #[test]
    fn periods() {
        let t = utc_of("2014-10-08T15:01:00+04:00".parse().unwrap());
        assert_eq!(Interval::Day.start_of(t).to_string(), "2014-10-08");
        assert_eq!(Interval::Week.start_of(t).to_string(), "2014-10-06");
        assert_eq!(Interval::Month.start_of(t).to_string(), "2014-10-01");
        let dec = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
        assert_eq!(Interval::Month.next(dec).unwrap().to_string(), "2015-01-01");
    }
}
