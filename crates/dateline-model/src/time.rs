use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A time as precise as the page made it, and no more.
///
/// Pages give a bare day, a wall-clock time with no zone, or a time with a
/// zone. Each is kept as what it is: an offset is never invented, so a time
/// whose zone the page does not say stays [`PageTime::Local`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageTime {
    /// A calendar day: `2014-10-08`.
    Date(NaiveDate),
    /// A wall-clock time in an unknown zone: `2014-10-08T15:01:00`.
    Local(NaiveDateTime),
    /// A time with the page's own offset: `2014-10-08T15:01:00+04:00`.
    Zoned(DateTime<FixedOffset>),
}

impl PageTime {
    /// The calendar day, whatever the precision.
    pub fn date(&self) -> NaiveDate {
        match self {
            PageTime::Date(d) => *d,
            PageTime::Local(t) => t.date(),
            PageTime::Zoned(t) => t.date_naive(),
        }
    }

    /// True when a time of day is known, zoned or not.
    pub fn has_time(&self) -> bool {
        !matches!(self, PageTime::Date(_))
    }
}

impl fmt::Display for PageTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageTime::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PageTime::Local(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S")),
            PageTime::Zoned(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S%:z")),
        }
    }
}

/// A string that is none of the three forms of [`PageTime`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTimeParseError(pub String);

impl fmt::Display for PageTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date, local time or RFC 3339 time: {:?}", self.0)
    }
}

impl std::error::Error for PageTimeParseError {}

impl FromStr for PageTime {
    type Err = PageTimeParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Ok(PageTime::Zoned(t));
        }
        if let Ok(t) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
            return Ok(PageTime::Local(t));
        }
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(PageTime::Date(d));
        }
        Err(PageTimeParseError(s.to_string()))
    }
}

impl Serialize for PageTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PageTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_each_precision() {
        for s in [
            "2014-10-08",
            "2014-10-08T15:01:00",
            "2014-10-08T15:01:00+04:00",
            "2014-10-08T15:01:00+00:00",
            "2014-10-08T15:01:00-05:30",
        ] {
            let t: PageTime = s.parse().unwrap();
            assert_eq!(t.to_string(), s);
        }
    }

    #[test]
    fn utc_z_is_written_as_offset() {
        let t: PageTime = "2014-10-08T11:01:00Z".parse().unwrap();
        assert_eq!(t.to_string(), "2014-10-08T11:01:00+00:00");
    }

    #[test]
    fn rejects_garbage() {
        assert!("08/10/2014".parse::<PageTime>().is_err());
        assert!("".parse::<PageTime>().is_err());
    }
}
