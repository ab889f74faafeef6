//! How the portal writes times, links and counts.

use chrono::{DateTime, Utc};
use dateline_model::PageTime;
use maud::{html, Markup};

/// A page's time as the page gave it (its own zone) and, when the zone
/// is known, in UTC: `2014-10-08 15:01 (UTC+04:00) · 11:01 UTC`.
pub fn page_time(t: &PageTime) -> Markup {
    match t {
        PageTime::Date(d) => html! { time datetime=(d) { (d.format("%-d %B %Y")) } },
        PageTime::Local(l) => html! {
            time datetime=(l.format("%Y-%m-%dT%H:%M:%S")) { (l.format("%-d %B %Y, %H:%M")) }
            " (zone not given)"
        },
        PageTime::Zoned(z) => {
            let utc = z.with_timezone(&Utc);
            html! {
                time datetime=(z.to_rfc3339()) { (z.format("%-d %B %Y, %H:%M")) " (UTC" (z.format("%:z")) ")" }
                " · "
                time datetime=(utc.to_rfc3339()) { (utc.format("%H:%M")) " UTC" @if utc.date_naive() != z.date_naive() { " " (utc.format("%-d %B")) } }
            }
        }
    }
}

/// A stored UTC date, as lists show it.
pub fn day(t: &DateTime<Utc>) -> Markup {
    html! { time datetime=(t.to_rfc3339()) { (t.format("%-d %b %Y")) } }
}

/// A link to a page on the web, only for http(s) addresses: anything else
/// (`javascript:`, `data:`, a relative path) is shown as text, not linked.
pub fn external(url: &str, label: &str) -> Markup {
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => {
            html! { a href=(u.as_str()) rel="nofollow noopener noreferrer" { (label) } }
        }
        _ => html! { (label) },
    }
}

/// A query string from pairs, each part encoded.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

/// An absolute portal path with an encoded segment: `/sources/RIA%20Novosti`.
pub fn path(prefix: &str, segment: &str) -> String {
    let encoded: String = url::form_urlencoded::byte_serialize(segment.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("{prefix}/{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoned_times_show_both_zones() {
        let t: PageTime = "2014-10-08T15:01:00+04:00".parse().unwrap();
        let s = page_time(&t).into_string();
        assert!(s.contains("8 October 2014, 15:01 (UTC+04:00)"), "{s}");
        assert!(s.contains("11:01 UTC"), "{s}");
        let late: PageTime = "2014-10-08T01:30:00+04:00".parse().unwrap();
        assert!(page_time(&late)
            .into_string()
            .contains("21:30 UTC 7 October"));
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(external("https://a.example/x?y=1&z=2", "a")
            .into_string()
            .contains("href=\"https://a.example/x?y=1&amp;z=2\""));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "JAVASCRIPT:x",
            "/local",
            "vbscript:x",
        ] {
            let s = external(bad, "label").into_string();
            assert_eq!(s, "label", "{bad}");
        }
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(path("/sources", "RIA Novosti"), "/sources/RIA%20Novosti");
        assert_eq!(path("/sections", "a/b?c"), "/sections/a%2Fb%3Fc");
    }
}
