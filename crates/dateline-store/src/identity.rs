//! Which stored article a page is, and whether its content changed.
//!
//! An article is one page address. The address is the page's canonical
//! link when that is trustworthy, else the URL it was fetched from, both
//! normalised so that tracking parameters and fragments do not make one
//! page into two. A page with no address at all (a file saved without
//! one) is identified by its content.

use dateline_model::Article;
use url::Url;
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

/// Query parameters that identify a click, not a page.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "ocid",
    "cmpid",
    "_ga",
    "_gl",
    "ref_src",
    "ref_url",
    "smid",
    "sh",
    "at_medium",
    "at_campaign",
    "spm",
];

/// An address in normal form: scheme and host in lower case, default
/// port, fragment and tracking parameters (`utm_*` and the click ids of
/// the big platforms) removed, the remaining parameters sorted. `None`
/// for anything that is not an absolute http(s) URL.
pub fn normalize_url(raw: &str) -> Option<String> {
    let mut url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    let mut params: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING_PARAMS.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if params.is_empty() {
        url.set_query(None);
    } else {
        params.sort();
        url.query_pairs_mut().clear().extend_pairs(params);
    }
    // `Url` already lower-cases the host and drops a default port.
    Some(url.into())
}

/// The host without a leading `www.`, for telling sites apart.
pub fn site_of(url: &str) -> Option<String> {
    let host = Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// The identity of the page an article was read from.
///
/// The canonical link wins over the fetched URL only when it stays on
/// the same site and is not the site's front page: portals that
/// republish a wire report often point the canonical link at the agency
/// (the copy would vanish into the original), and some sites point every
/// page's canonical link at their home page.
pub fn article_key(article: &Article) -> String {
    let url = article.url.as_deref().and_then(normalize_url);
    let canonical = article
        .canonical_url
        .as_deref()
        .and_then(normalize_url)
        .filter(|c| Url::parse(c).is_ok_and(|u| u.path() != "/" || u.query().is_some()))
        .filter(|c| match &url {
            Some(u) => site_of(c) == site_of(u),
            None => true,
        });
    match canonical.or(url) {
        Some(address) => address,
        None => format!("text:{:032x}", content_hash(article)),
    }
}

/// The content that makes a version of a page: title, text and the
/// update time the page states. Two fetches with equal fingerprints are
/// the same revision.
pub fn fingerprint(article: &Article) -> u128 {
    let mut h = Xxh3::new();
    h.update(article.title.as_deref().unwrap_or("").as_bytes());
    h.update(&[0]);
    h.update(article.text.as_bytes());
    h.update(&[0]);
    if let Some(t) = article.updated {
        h.update(t.to_string().as_bytes());
    }
    h.digest128()
}

fn content_hash(article: &Article) -> u128 {
    let mut bytes = article.title.as_deref().unwrap_or("").as_bytes().to_vec();
    bytes.push(0);
    bytes.extend_from_slice(article.text.as_bytes());
    xxh3_128(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::InputRef;

    fn article(url: Option<&str>, canonical: Option<&str>) -> Article {
        let mut a = Article::new(InputRef::Stdin);
        a.url = url.map(String::from);
        a.canonical_url = canonical.map(String::from);
        a.title = Some("T".into());
        a.text = "Body.".into();
        a
    }

    #[test]
    fn normal_form_drops_tracking_and_fragment() {
        assert_eq!(
            normalize_url("HTTPS://Example.COM:443/a/b?utm_source=x&b=2&a=1&fbclid=z#top").unwrap(),
            "https://example.com/a/b?a=1&b=2"
        );
        assert_eq!(
            normalize_url("http://example.com/x?utm_medium=y").unwrap(),
            "http://example.com/x"
        );
        assert_eq!(normalize_url("ftp://example.com/x"), None);
        assert_eq!(normalize_url("/relative"), None);
    }

    #[test]
    fn canonical_on_same_site_wins() {
        let a = article(
            Some("https://www.site.org/news/1?utm_source=rss"),
            Some("https://site.org/news/one"),
        );
        assert_eq!(article_key(&a), "https://site.org/news/one");
    }

    #[test]
    fn canonical_elsewhere_or_at_home_is_ignored() {
        let a = article(
            Some("https://portal.example/story"),
            Some("https://agency.example/original"),
        );
        assert_eq!(article_key(&a), "https://portal.example/story");
        let a = article(Some("https://site.org/story"), Some("https://site.org/"));
        assert_eq!(article_key(&a), "https://site.org/story");
    }

    #[test]
    fn no_address_means_identity_by_content() {
        let a = article(None, None);
        let b = article(None, None);
        assert_eq!(article_key(&a), article_key(&b));
        let mut c = article(None, None);
        c.text = "Other body.".into();
        assert_ne!(article_key(&a), article_key(&c));
        assert!(article_key(&a).starts_with("text:"));
    }

    #[test]
    fn fingerprint_sees_title_text_and_update() {
        let a = article(None, None);
        let mut b = a.clone();
        assert_eq!(fingerprint(&a), fingerprint(&b));
        b.updated = Some("2014-10-08T16:20:00+04:00".parse().unwrap());
        assert_ne!(fingerprint(&a), fingerprint(&b));
        let mut c = a.clone();
        c.title = Some("U".into());
        assert_ne!(fingerprint(&a), fingerprint(&c));
        // Metadata the extractor reads better next time is no new version.
        let mut d = a.clone();
        d.section = Some("World".into());
        assert_eq!(fingerprint(&a), fingerprint(&d));
    }
}
