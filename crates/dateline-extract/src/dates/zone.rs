//! Time zones as pages write them: numeric offsets, abbreviations ("EDT",
//! "MSK"), and names ("Moscow Time", "Eastern Time").
//!
//! A name means a place's clock, whose offset changed over the years: Moscow
//! Time was UTC+4 from March 2011 to 26 October 2014 and UTC+3 before and
//! after. So a named zone is kept as an IANA zone and resolved at the instant
//! it is attached to, never as one fixed number.

use chrono::{FixedOffset, MappedLocalTime, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// A zone written on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// A numeric offset, `Z`, `UTC` or `GMT`: exact, and says nothing about
    /// which place's clock the page keeps.
    Fixed(FixedOffset),
    /// An abbreviation that fixes the offset ("EDT" is always UTC−4) and
    /// tells whose clock it is, so the page's other times can be read in it.
    Abbrev(FixedOffset, Tz),
    /// A place's clock ("Moscow Time", "ET", "MSK"): the offset depends on
    /// the date.
    Named(Tz),
}

impl Zone {
    /// The offset this zone had at local time `t`. `None` when the local
    /// time does not exist or happens twice in that zone (a DST change):
    /// then no offset can be told without guessing.
    pub(crate) fn offset_at(&self, t: &NaiveDateTime) -> Option<FixedOffset> {
        match self {
            Zone::Fixed(o) | Zone::Abbrev(o, _) => Some(*o),
            Zone::Named(tz) => match tz.offset_from_local_datetime(t) {
                MappedLocalTime::Single(o) => Some(chrono::Offset::fix(&o)),
                _ => None,
            },
        }
    }

    /// The place's clock, for the page's other bare times; numeric offsets
    /// and UTC name no place.
    pub(crate) fn region(&self) -> Option<Tz> {
        match self {
            Zone::Fixed(_) => None,
            Zone::Abbrev(_, tz) | Zone::Named(tz) => Some(*tz),
        }
    }
}

fn hours(h: i32) -> FixedOffset {
    FixedOffset::east_opt(h * 3600).expect("offset in range")
}

fn minutes(m: i32) -> FixedOffset {
    FixedOffset::east_opt(m * 60).expect("offset in range")
}

/// Upper-case abbreviations, matched case-sensitively: "CET" is a zone,
/// "cet" is French for "this", "EST" a zone and "est" French for "is".
///
/// Left out because they name several zones: IST (India, Ireland, Israel),
/// AST, BST is kept as British (its use in news), CST is kept as US Central,
/// which is how English-language news uses it.
pub(crate) fn abbreviation(word: &str) -> Option<Zone> {
    use chrono_tz::America::{Anchorage, Chicago, Denver, Los_Angeles, New_York};
    use chrono_tz::Asia::{Hong_Kong, Seoul, Singapore, Tokyo};
    use chrono_tz::Australia::Sydney;
    use chrono_tz::Europe::{Berlin, Helsinki, Lisbon, London, Moscow};
    let z = match word {
        "UTC" | "GMT" | "UT" | "Z" => Zone::Fixed(hours(0)),
        "EST" => Zone::Abbrev(hours(-5), New_York),
        "EDT" => Zone::Abbrev(hours(-4), New_York),
        "CST" => Zone::Abbrev(hours(-6), Chicago),
        "CDT" => Zone::Abbrev(hours(-5), Chicago),
        "MST" => Zone::Abbrev(hours(-7), Denver),
        "MDT" => Zone::Abbrev(hours(-6), Denver),
        "PST" => Zone::Abbrev(hours(-8), Los_Angeles),
        "PDT" => Zone::Abbrev(hours(-7), Los_Angeles),
        "AKST" => Zone::Abbrev(hours(-9), Anchorage),
        "AKDT" => Zone::Abbrev(hours(-8), Anchorage),
        "ET" => Zone::Named(New_York),
        "CT" => Zone::Named(Chicago),
        "PT" => Zone::Named(Los_Angeles),
        "WET" => Zone::Abbrev(hours(0), Lisbon),
        "WEST" => Zone::Abbrev(hours(1), Lisbon),
        "BST" => Zone::Abbrev(hours(1), London),
        "CET" | "MEZ" => Zone::Abbrev(hours(1), Berlin),
        "CEST" | "MESZ" => Zone::Abbrev(hours(2), Berlin),
        "EET" => Zone::Abbrev(hours(2), Helsinki),
        "EEST" => Zone::Abbrev(hours(3), Helsinki),
        // MSK has meant UTC+3 and UTC+4 over the years: a clock, not an offset.
        "MSK" | "мск" | "МСК" => Zone::Named(Moscow),
        "MSD" => Zone::Abbrev(hours(4), Moscow),
        "JST" => Zone::Abbrev(hours(9), Tokyo),
        "KST" => Zone::Abbrev(hours(9), Seoul),
        "HKT" => Zone::Abbrev(hours(8), Hong_Kong),
        "SGT" => Zone::Abbrev(hours(8), Singapore),
        "AEST" => Zone::Abbrev(hours(10), Sydney),
        "AEDT" => Zone::Abbrev(hours(11), Sydney),
        _ => return None,
    };
    Some(z)
}

/// Zone names written out, as lowercase word sequences.
const NAMES: &[(&[&str], &str)] = &[
    (&["moscow", "time"], "Europe/Moscow"),
    (&["moscow", "standard", "time"], "Europe/Moscow"),
    (&["по", "московскому", "времени"], "Europe/Moscow"),
    (&["московское", "время"], "Europe/Moscow"),
    (&["moskauer", "zeit"], "Europe/Moscow"),
    (&["eastern", "time"], "America/New_York"),
    (&["central", "time"], "America/Chicago"),
    (&["mountain", "time"], "America/Denver"),
    (&["pacific", "time"], "America/Los_Angeles"),
    (&["central", "european", "time"], "Europe/Berlin"),
    (&["kyiv", "time"], "Europe/Kyiv"),
    (&["kiev", "time"], "Europe/Kyiv"),
    (&["за", "київським", "часом"], "Europe/Kyiv"),
    (&["london", "time"], "Europe/London"),
    (&["uk", "time"], "Europe/London"),
    (&["paris", "time"], "Europe/Paris"),
    (&["heure", "de", "paris"], "Europe/Paris"),
    (&["berlin", "time"], "Europe/Berlin"),
    (&["deutscher", "zeit"], "Europe/Berlin"),
    (&["istanbul", "time"], "Europe/Istanbul"),
    (&["tr", "saati"], "Europe/Istanbul"),
    (&["türkiye", "saati"], "Europe/Istanbul"),
    (&["hora", "de", "madrid"], "Europe/Madrid"),
    (&["hora", "peninsular"], "Europe/Madrid"),
    (&["ora", "italiana"], "Europe/Rome"),
];

/// Zone names whose offset is fixed by the name itself.
const FIXED_NAMES: &[(&[&str], i32)] = &[
    (&["eastern", "standard", "time"], -5 * 60),
    (&["eastern", "daylight", "time"], -4 * 60),
    (&["pacific", "standard", "time"], -8 * 60),
    (&["pacific", "daylight", "time"], -7 * 60),
    (&["central", "european", "summer", "time"], 2 * 60),
    (&["british", "summer", "time"], 60),
    (&["greenwich", "mean", "time"], 0),
    (&["coordinated", "universal", "time"], 0),
];

/// True when `word` can begin a written-out zone name: a cheap gate before
/// collecting the words that follow it.
pub(crate) fn may_start_name(word: &str) -> bool {
    let Some(w) = super::words::fold(word) else {
        return false;
    };
    FIXED_NAMES
        .iter()
        .map(|(n, _)| n[0])
        .chain(NAMES.iter().map(|(n, _)| n[0]))
        .any(|first| first == w)
}

/// The zone named by the lowercase words at the start of `words`, and how
/// many words the name took.
pub(crate) fn named(words: &[&str]) -> Option<(Zone, usize)> {
    // Longest names first, so "Eastern Standard Time" beats "Eastern Time".
    for (name, offset) in FIXED_NAMES {
        if words.len() >= name.len() && words[..name.len()] == **name {
            let tz = match *offset {
                -300 | -240 => Some(chrono_tz::America::New_York),
                -480 | -420 => Some(chrono_tz::America::Los_Angeles),
                120 => Some(chrono_tz::Europe::Berlin),
                60 => Some(chrono_tz::Europe::London),
                _ => None,
            };
            let zone = match tz {
                Some(tz) => Zone::Abbrev(minutes(*offset), tz),
                None => Zone::Fixed(minutes(*offset)),
            };
            return Some((zone, name.len()));
        }
    }
    for (name, iana) in NAMES {
        if words.len() >= name.len() && words[..name.len()] == **name {
            let tz: Tz = iana.parse().expect("static IANA name");
            return Some((Zone::Named(tz), name.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn moscow_offset_follows_history() {
        let (z, n) = named(&["moscow", "time", "x"]).unwrap();
        assert_eq!(n, 2);
        assert_eq!(z.offset_at(&at(2014, 10, 8, 16)), Some(hours(4)));
        assert_eq!(z.offset_at(&at(2014, 10, 27, 16)), Some(hours(3)));
        assert_eq!(z.offset_at(&at(2010, 1, 10, 12)), Some(hours(3)));
        assert_eq!(abbreviation("MSK"), Some(z));
    }

    #[test]
    fn abbreviations_are_case_sensitive() {
        assert_eq!(
            abbreviation("EDT").unwrap().offset_at(&at(2020, 1, 1, 1)),
            Some(hours(-4))
        );
        assert_eq!(abbreviation("est"), None);
        assert_eq!(abbreviation("cet"), None);
        assert_eq!(abbreviation("IST"), None);
    }

    #[test]
    fn eastern_time_has_daylight_saving() {
        let (z, _) = named(&["eastern", "time"]).unwrap();
        assert_eq!(z.offset_at(&at(2020, 7, 1, 12)), Some(hours(-4)));
        assert_eq!(z.offset_at(&at(2020, 1, 1, 12)), Some(hours(-5)));
        // 2:30 on the spring-forward night never happened in New York.
        assert_eq!(z.offset_at(&at(2020, 3, 8, 2)), None);
        let (fixed, n) = named(&["eastern", "standard", "time"]).unwrap();
        assert_eq!(n, 3);
        assert_eq!(fixed.offset_at(&at(2020, 7, 1, 12)), Some(hours(-5)));
    }
}
