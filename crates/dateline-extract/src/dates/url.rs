//! Dates in a page's address: `/2014/10/08/`, `2014-10-08`, `20141008`.
//!
//! A publishing system writes the day of first publication into the path,
//! and never changes it afterwards; only a full year-month-day counts, since
//! `/2014/10/` is a section archive, not a day.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)[0-9]{2})([/_.-])([0-9]{1,2})([/_.-])([0-9]{1,2})(?:[^0-9]|$)",
    )
    .expect("static regex")
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:[^0-9]|$)")
        .expect("static regex")
});

/// The day in `url`, and the part of the address it was read from.
pub(crate) fn date(url: &str) -> Option<(NaiveDate, String)> {
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
            return Some((
                date,
                c[0].trim_matches(|ch: char| !ch.is_ascii_digit())
                    .to_string(),
            ));
        }
    }
    for c in COMPACT.captures_iter(path) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            return Some((date, format!("{}{}{}", &c[1], &c[2], &c[3])));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(url: &str) -> Option<String> {
        date(url).map(|(d, _)| d.to_string())
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
