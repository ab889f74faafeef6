//! Dates in a page's address: `/2014/10/08/`, `2014-10-08`, `20141008`.
//!
//! A publishing system writes the day of first publication into the path,
//! and never changes it afterwards; only a full year-month-day counts, since
//! `/2014/10/` is a section archive, not a day.

use super::text::DatePart;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)[0-9]{2})([/_.-])([0-9]{1,2})([/_.-])([0-9]{1,2})(?:[^0-9]|$)",
    )
    .expect("static regex")
});
/// `29-10-2021`: day and month first, order left to the caller.
static YEAR_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{1,2})([_.-])([0-9]{1,2})([_.-])((?:19|20)[0-9]{2})(?:[^0-9]|$)")
        .expect("static regex")
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:[^0-9]|$)")
        .expect("static regex")
});

/// The day in `url`, and the part of the address it was read from.
pub(crate) fn date(url: &str) -> Option<(DatePart, String)> {
    // The host never holds the date; skipping it avoids "2014.example.com".
    let path_start = url
        .find("://")
        .map(|p| p + 3)
        .and_then(|p| url[p..].find('/').map(|q| p + q))
        .unwrap_or(0);
    let path = &url[path_start..];
    for c in SEPARATED.captures_iter(path) {
        if c[2] != c[4] {
            continue;
        }
        let (y, m, d) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            let raw = c[0]
                .trim_matches(|ch: char| !ch.is_ascii_digit())
                .to_string();
            return Some((DatePart::Ymd(date), raw));
        }
    }
    for c in COMPACT.captures_iter(path) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            return Some((DatePart::Ymd(date), format!("{}{}{}", &c[1], &c[2], &c[3])));
        }
    }
    for c in YEAR_LAST.captures_iter(path) {
        if c[2] != c[4] {
            continue;
        }
        let (a, b, year): (u32, u32, i32) =
            (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        if (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12) {
            let sep = c[2].chars().next().unwrap_or('-');
            let raw = c[0]
                .trim_matches(|ch: char| !ch.is_ascii_digit())
                .to_string();
            return Some((DatePart::Numeric { a, b, year, sep }, raw));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(url: &str) -> Option<String> {
        match date(url)? {
            (DatePart::Ymd(d), _) => Some(d.to_string()),
            (DatePart::Numeric { a, b, year, .. }, _) => Some(format!("{a}/{b}/{year}")),
        }
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            d("https://x.org/2014/10/08/story"),
            Some("2014-10-08".into())
        );
        assert_eq!(
            d("https://x.org/news/2014-10-08-story.html"),
            Some("2014-10-08".into())
        );
        assert_eq!(d("https://x.org/a_2014_1_8_b"), Some("2014-01-08".into()));
        assert_eq!(
            d("https://x.org/story-20141008.html"),
            Some("2014-10-08".into())
        );
        assert_eq!(d("https://x.org/2014/10/story"), None);
        assert_eq!(
            d("https://x.org/meldungen/29-10-2021"),
            Some("29/10/2021".into())
        );
        assert_eq!(d("https://x.org/2014/10-08"), None);
        assert_eq!(d("https://x.org/id/123456789"), None);
        assert_eq!(d("https://x.org/2014/13/40/x"), None);
        // The specimen's "141008" is too short to be told from an id.
        assert_eq!(
            d("https://www.globalsecurity.org/security/library/news/2014/10/sec-141008-rianovosti01.htm"),
            None
        );
    }
}
