//! Machine-readable times: what meta tags, JSON-LD and `datetime`
//! attributes hold. ISO 8601 / RFC 3339 with or without a zone, RFC 2822,
//! compact `20141008`, Unix timestamps; anything else goes to the free-text
//! scanner, since sites also put "October 8, 2014" in `content`.

use super::text::{self, Hit};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use dateline_model::PageTime;

/// What a machine-readable string holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Machine {
    /// Parsed exactly.
    Exact(PageTime),
    /// Human text: the caller resolves day/month order and zones.
    Text(Hit),
}

/// Longest string worth parsing: an RFC 2822 date with a zone comment is
/// under 50 characters; longer values are prose.
const MAX_LEN: usize = 120;

pub(crate) fn parse(s: &str) -> Option<Machine> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_LEN {
        return None;
    }
    if let Some(t) = iso(s) {
        return Some(Machine::Exact(t));
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return digits(s).map(Machine::Exact);
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(Machine::Exact(PageTime::Zoned(t)));
    }
    text::scan(s)
        .hits
        .into_iter()
        .find(|h| h.date.is_some())
        .map(Machine::Text)
}

/// `20141008`, Unix seconds (10 digits) or milliseconds (13 digits).
fn digits(s: &str) -> Option<PageTime> {
    match s.len() {
        8 => NaiveDate::parse_from_str(s, "%Y%m%d")
            .ok()
            .map(PageTime::Date),
        10 | 13 => {
            let n: i64 = s.parse().ok()?;
            let secs = if s.len() == 13 { n / 1000 } else { n };
            let t = Utc.timestamp_opt(secs, 0).single()?;
            Some(PageTime::Zoned(t.fixed_offset()))
        }
        _ => None,
    }
}

fn num(b: &[u8], at: usize, len: usize) -> Option<u32> {
    let part = b.get(at..at + len)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(part).ok()?.parse().ok()
}

/// ISO 8601 as sites write it: `2014-10-08`, `2014-10-08T15:01`,
/// `2014-10-08 15:01:00.000+0400`, `2014/10/08T15:01:00Z`,
/// `2014-10-08T15:01:00 GMT`. Lenient about separators, strict about values.
fn iso(s: &str) -> Option<PageTime> {
    let b = s.as_bytes();
    let y = num(b, 0, 4)?;
    let sep = *b.get(4)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    // Month and day may be one digit ("2014-1-8") on hand-made pages.
    let (m, rest) = one_or_two(b, 5)?;
    if b.get(rest) != Some(&sep) {
        return None;
    }
    let (d, mut i) = one_or_two(b, rest + 1)?;
    let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
    if i == b.len() {
        return Some(PageTime::Date(date));
    }
    if !matches!(b[i], b'T' | b't' | b' ') {
        return None;
    }
    i += 1;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    let h = num(b, i, 2)?;
    if b.get(i + 2) != Some(&b':') {
        return None;
    }
    let mi = num(b, i + 3, 2)?;
    i += 5;
    let mut sec = 0;
    if b.get(i) == Some(&b':') {
        // Some CMSs drop the leading zero: "23:15:0Z".
        let (v, next) = one_or_two(b, i + 1)?;
        sec = v.min(59);
        i = next;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    let local = NaiveDateTime::new(date, NaiveTime::from_hms_opt(h, mi, sec)?);
    let zone = s[i..].trim();
    if zone.is_empty() {
        return Some(PageTime::Local(local));
    }
    let offset = offset(zone)?;
    let t = offset.from_local_datetime(&local).single()?;
    Some(PageTime::Zoned(t))
}

fn one_or_two(b: &[u8], at: usize) -> Option<(u32, usize)> {
    if let Some(v) = num(b, at, 2) {
        return Some((v, at + 2));
    }
    num(b, at, 1).map(|v| (v, at + 1))
}

/// `Z`, `+04:00`, `+0400`, `+04`, `UTC`, `GMT`, `GMT+04:00`.
fn offset(z: &str) -> Option<FixedOffset> {
    let z = z
        .strip_prefix("UTC")
        .or_else(|| z.strip_prefix("GMT"))
        .map(str::trim)
        .unwrap_or(z);
    if z.is_empty() || z == "Z" || z == "z" {
        return FixedOffset::east_opt(0);
    }
    let b = z.as_bytes();
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, m) = match b.len() {
        3 => (num(b, 1, 2)?, 0),
        5 => (num(b, 1, 2)?, num(b, 3, 2)?),
        6 if b[3] == b':' => (num(b, 1, 2)?, num(b, 4, 2)?),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h as i32 * 3600 + m as i32 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(s: &str) -> String {
        match parse(s) {
            Some(Machine::Exact(t)) => t.to_string(),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn iso_forms() {
        assert_eq!(exact("2014-10-08"), "2014-10-08");
        assert_eq!(exact("2014-10-08T15:01"), "2014-10-08T15:01:00");
        assert_eq!(
            exact("2014-10-08T15:01:00+04:00"),
            "2014-10-08T15:01:00+04:00"
        );
        assert_eq!(
            exact("2014-10-08 15:01:00.000+0400"),
            "2014-10-08T15:01:00+04:00"
        );
        assert_eq!(exact("2014-10-08T11:01:00Z"), "2014-10-08T11:01:00+00:00");
        assert_eq!(
            exact("2014-10-08T11:01:00.123456Z"),
            "2014-10-08T11:01:00+00:00"
        );
        assert_eq!(
            exact("2014-10-08T15:01:00 GMT"),
            "2014-10-08T15:01:00+00:00"
        );
        assert_eq!(exact("2014-10-08T15:01:00-05"), "2014-10-08T15:01:00-05:00");
        assert_eq!(exact("2014/10/08"), "2014-10-08");
        assert_eq!(exact("2014-1-8"), "2014-01-08");
        assert_eq!(exact("2020-12-05T23:15:0Z"), "2020-12-05T23:15:00+00:00");
    }

    #[test]
    fn other_machine_forms() {
        assert_eq!(
            exact("Wed, 08 Oct 2014 15:01:00 +0400"),
            "2014-10-08T15:01:00+04:00"
        );
        assert_eq!(
            exact("Wed, 08 Oct 2014 11:01:00 GMT"),
            "2014-10-08T11:01:00+00:00"
        );
        assert_eq!(exact("20141008"), "2014-10-08");
        assert_eq!(exact("1412766060"), "2014-10-08T11:01:00+00:00");
        assert_eq!(exact("1412766060000"), "2014-10-08T11:01:00+00:00");
    }

    #[test]
    fn human_text_is_left_to_the_caller() {
        match parse("October 8, 2014 3:01 pm") {
            Some(Machine::Text(h)) => assert!(h.date.is_some() && h.time.is_some()),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("2014-13-08"), None);
        // A broken time leaves the day.
        match parse("2014-10-08T25:00") {
            Some(Machine::Text(h)) => assert!(h.date.is_some() && h.time.is_none()),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse("no date"), None);
        assert_eq!(parse(""), None);
    }
}
