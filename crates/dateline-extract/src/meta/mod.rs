//! Article metadata from markup: JSON-LD, `<meta>` tags, `<link>`s,
//! breadcrumbs, credit lines and bylines, read in one pass over the page.
//!
//! Each field takes the most authoritative source the page has: JSON-LD
//! (written for machines), then OpenGraph and other meta tags, then what
//! the page shows people.

mod jsonld;

use crate::agencies;
use crate::dom::{Dom, NodeIdx, Tag};
use aho_corasick::AhoCorasick;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What the page's markup says about the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub section: Option<String>,
    pub source: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
}

/// Everything the one pass collects, before fields are decided.
#[derive(Default)]
struct Found<'a> {
    /// `<meta>` by lower-cased `name`/`property`/`itemprop`: first value wins.
    meta: HashMap<String, &'a str>,
    /// `<meta property="article:tag">` and the like, which repeat.
    meta_tags: Vec<&'a str>,
    meta_authors: Vec<&'a str>,
    canonical: Option<&'a str>,
    html_lang: Option<&'a str>,
    title: Option<String>,
    h1: Vec<String>,
    jsonld: Vec<&'a str>,
    breadcrumbs: Vec<NodeIdx>,
    credits: Vec<NodeIdx>,
    bylines: Vec<NodeIdx>,
    img_alts: Vec<&'a str>,
}

pub fn from_html(dom: &Dom, url: Option<&str>) -> Metadata {
    let found = collect(dom);
    let objects = jsonld::objects(&found.jsonld);
    let article = jsonld::article(&objects);
    let field = |k: &str| article.and_then(|a| jsonld::text(a.get(k)));
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            found
                .meta
                .get(*k)
                .map(|v| clean(v))
                .filter(|v| !v.is_empty())
        })
    };

    // The page's own address: given, else the one it declares.
    let home = url.or(found.canonical);
    let site_name = meta(&["og:site_name", "application-name", "twitter:site:name"])
        .or_else(|| article.and_then(|a| jsonld::text(a.get("publisher"))))
        .or_else(|| site_from_page(&found, home));
    let title = choose_title(
        field("headline"),
        meta(&["og:title", "twitter:title", "title", "dc.title"]),
        found.title.clone(),
        &found.h1,
        site_name.as_deref(),
    );
    let canonical_url = found
        .canonical
        .map(str::to_string)
        .or_else(|| meta(&["og:url"]))
        .and_then(|c| absolutize(&c, url));
    let section = field("articleSection")
        .or_else(|| {
            meta(&[
                "article:section",
                "section",
                "category",
                "og:section",
                "parsely-section",
                "sailthru.section",
            ])
        })
        .or_else(|| section_from_crumbs(&jsonld::breadcrumbs(&objects), site_name.as_deref()))
        .or_else(|| {
            found
                .breadcrumbs
                .iter()
                .find_map(|&b| section_from_crumbs(&crumb_texts(dom, b), site_name.as_deref()))
        });
    let mut authors: Vec<String> = article
        .map(|a| jsonld::names(a.get("author")))
        .unwrap_or_default();
    if authors.is_empty() {
        authors = found.meta_authors.iter().map(|a| clean(a)).collect();
    }
    if authors.is_empty() {
        authors = found
            .bylines
            .iter()
            .map(|&b| byline_name(&dom.text_of(b)))
            .filter(|a| !a.is_empty())
            .collect();
    }
    let source = found
        .credits
        .iter()
        .find_map(|&c| agencies::canonical(&dom.text_of(c)))
        .or_else(|| authors.iter().find_map(|a| agencies::canonical(a)))
        .map(str::to_string);
    authors.retain(|a| is_person_like(a, site_name.as_deref()));
    dedup(&mut authors);
    let language = found
        .html_lang
        .or_else(|| found.meta.get("content-language").copied())
        .or_else(|| found.meta.get("og:locale").copied())
        .or_else(|| found.meta.get("inlanguage").copied())
        .and_then(primary_language);
    let description = meta(&[
        "description",
        "og:description",
        "twitter:description",
        "dc.description",
    ])
    .or_else(|| field("description"));
    let image = meta(&[
        "og:image",
        "og:image:url",
        "twitter:image",
        "twitter:image:src",
    ])
    .or_else(|| article.and_then(|a| jsonld::url(a.get("image"))))
    .and_then(|i| absolutize(&i, url));
    let mut tags: Vec<String> = found.meta_tags.iter().map(|t| clean(t)).collect();
    if tags.is_empty() {
        if let Some(k) = meta(&["keywords", "news_keywords"]).or_else(|| field("keywords")) {
            tags = k.split([',', ';']).map(|t| t.trim().to_string()).collect();
        }
    }
    tags.retain(|t| !t.is_empty());
    dedup(&mut tags);
    let _ = &found.img_alts;
    Metadata {
        title,
        site_name,
        canonical_url,
        section,
        source,
        authors,
        language,
        description,
        image,
        tags,
    }
}

/// What an element's class and id name it as, for metadata.
#[derive(Default)]
struct NameCues {
    breadcrumb: bool,
    /// A credit or source line ("source", "credit", "agency"…).
    credit: bool,
    byline: bool,
}

const CREDIT_WORDS: &[&str] = &["source", "credit", "agency", "provider", "syndicat"];
const BYLINE_WORDS: &[&str] = &[
    "byline",
    "author-name",
    "authorname",
    "author__name",
    "article-author",
];

/// Every cue word, found in one scan: "breadcrumb", "resource" (which holds
/// "source" but is no credit), then the credit and byline words.
static NAME_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let all = ["breadcrumb", "resource"]
        .iter()
        .chain(CREDIT_WORDS)
        .chain(BYLINE_WORDS);
    AhoCorasick::new(all).expect("name cue patterns build")
});

impl NameCues {
    fn of(class_id: &str) -> NameCues {
        let mut cues = NameCues::default();
        if class_id.is_empty() {
            return cues;
        }
        let (mut credit, mut resource) = (false, false);
        for m in NAME_CUES.find_overlapping_iter(class_id) {
            match m.pattern().as_usize() {
                0 => cues.breadcrumb = true,
                1 => resource = true,
                i if i < 2 + CREDIT_WORDS.len() => credit = true,
                _ => cues.byline = true,
            }
        }
        cues.credit = credit && !resource;
        cues
    }
}

fn collect<'a>(dom: &Dom<'a>) -> Found<'a> {
    let mut f = Found::default();
    let mut in_body = false;
    for (i, node) in dom.nodes.iter().enumerate() {
        let Some(e) = node.element() else { continue };
        match node.tag {
            Tag::Html => f.html_lang = e.attr("lang").or_else(|| e.attr("xml:lang")),
            Tag::Body => in_body = true,
            Tag::Title if f.title.is_none() && !in_body => f.title = Some(dom.text_of(i)),
            Tag::H1 if f.h1.len() < 3 => f.h1.push(dom.text_of(i)),
            Tag::Link => {
                let rel = e.attr("rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && f.canonical.is_none()
                {
                    f.canonical = e.attr("href");
                }
            }
            Tag::Script
                if e.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Some(t) = dom.nodes.get(i + 1).and_then(|n| n.text()) {
                    f.jsonld.push(t);
                }
            }
            Tag::Meta => {
                let Some(content) = e.attr("content") else {
                    continue;
                };
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .or_else(|| e.attr("http-equiv"));
                let Some(key) = key else { continue };
                let key = key.trim().to_ascii_lowercase();
                match key.as_str() {
                    "article:tag" | "og:article:tag" => f.meta_tags.push(content),
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" => {
                        if !content.starts_with("http") {
                            f.meta_authors.push(content);
                        }
                    }
                    _ => {
                        f.meta.entry(key).or_insert(content);
                    }
                }
            }
            Tag::Img => {
                if let Some(alt) = e.attr("alt") {
                    f.img_alts.push(alt);
                }
            }
            _ => {}
        }
        if in_body && node.tag != Tag::Body {
            let name = NameCues::of(e.class_id());
            if f.breadcrumbs.is_empty()
                && (name.breadcrumb
                    || e.attr("aria-label")
                        .is_some_and(|l| l.eq_ignore_ascii_case("breadcrumb")))
            {
                f.breadcrumbs.push(i);
            }
            if name.credit && f.credits.len() < 8 && node.tag != Tag::Img {
                f.credits.push(i);
            }
            let byline = e.attr("rel") == Some("author")
                || e.attr("itemprop") == Some("author")
                || name.byline;
            if byline && f.bylines.len() < 4 && !f.bylines.iter().any(|&b| dom.contains(b, i)) {
                f.bylines.push(i);
            }
        }
    }
    f
}

/// The headline: JSON-LD's or OpenGraph's, else the page's `<h1>` that the
/// `<title>` contains, else the `<title>` without the site's name.
fn choose_title(
    headline: Option<String>,
    og: Option<String>,
    title: Option<String>,
    h1: &[String],
    site: Option<&str>,
) -> Option<String> {
    if let Some(h) = headline.or(og) {
        return Some(strip_site(&clean(&h), site));
    }
    let title = title.map(|t| clean(&t)).filter(|t| !t.is_empty());
    if let Some(t) = &title {
        if let Some(h) = h1
            .iter()
            .find(|h| h.chars().count() > 10 && t.contains(h.as_str()))
        {
            return Some(clean(h));
        }
        return Some(strip_site(t, site));
    }
    h1.first().map(|h| clean(h)).filter(|h| !h.is_empty())
}

/// "Headline | Site" → "Headline", when the part cut off is the site name
/// or the cut leaves the longer part.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if tail_is_site
                || (tail.split_whitespace().count() <= 4
                    && head.split_whitespace().count() > tail.split_whitespace().count())
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The site's name as the page writes it: an image `alt` or a breadcrumb
/// that spells the domain ("GlobalSecurity.org" for globalsecurity.org).
fn site_from_page(found: &Found, url: Option<&str>) -> Option<String> {
    let host = url
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_string))?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(&host)
        .to_ascii_lowercase();
    let bare = host.split('.').next().unwrap_or("").to_string();
    found
        .img_alts
        .iter()
        .map(|a| a.trim())
        .find(|a| {
            let lower = a.to_ascii_lowercase();
            lower == host || (lower == bare && bare.len() > 3)
        })
        .map(str::to_string)
}

/// The section is the first crumb after the site's home.
fn section_from_crumbs(crumbs: &[String], site: Option<&str>) -> Option<String> {
    let crumbs: Vec<&String> = crumbs
        .iter()
        .filter(|c| {
            let lower = c.to_lowercase();
            !matches!(
                lower.as_str(),
                "home"
                    | "homepage"
                    | "startseite"
                    | "accueil"
                    | "inicio"
                    | "início"
                    | "главная"
                    | "news"
            ) && !site.is_some_and(|s| s.eq_ignore_ascii_case(c))
                && !lower.contains(".com")
                && !lower.contains(".org")
                && !lower.contains(".net")
        })
        .collect();
    // The last crumb is usually the article itself; with one crumb it is the section.
    crumbs.first().map(|c| c.to_string())
}

/// The crumbs of a breadcrumb trail: its links, or its text split at `>`, `/`, `»`.
fn crumb_texts(dom: &Dom, root: NodeIdx) -> Vec<String> {
    let links: Vec<String> = (root..dom.nodes[root].end)
        .filter(|&i| dom.nodes[i].tag == Tag::A)
        .map(|i| dom.text_of(i))
        .filter(|t| !t.is_empty())
        .collect();
    if !links.is_empty() {
        return links;
    }
    dom.text_of(root)
        .split(['>', '»', '/', '›', '|'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// "By Jane Doe, Reuters" → "Jane Doe, Reuters" (the agency is split off later).
fn byline_name(text: &str) -> String {
    let t = clean(text);
    let lower = t.to_lowercase();
    for prefix in [
        "by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "av ",
        "автор:",
        "written by ",
    ] {
        if lower.starts_with(prefix) {
            return t[prefix.len()..].trim().to_string();
        }
    }
    if t.chars().count() > 60 {
        return String::new();
    }
    t
}

/// Authors are people: not the site, not a URL, not an agency, not a sentence.
fn is_person_like(name: &str, site: Option<&str>) -> bool {
    let words = name.split_whitespace().count();
    (1..=6).contains(&words)
        && !name.contains("http")
        && !name.contains('@')
        && agencies::canonical(name).is_none()
        && !site.is_some_and(|s| s.eq_ignore_ascii_case(name))
}

fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3)
        .contains(&primary.len())
        .then_some(primary)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

fn absolutize(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if let Ok(u) = url::Url::parse(href) {
        return Some(u.to_string());
    }
    let base = url::Url::parse(base?).ok()?;
    base.join(href).ok().map(|u| u.to_string())
}

/// Collapses whitespace and decodes nothing further: html5ever already
/// decoded entities.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dedup(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.to_lowercase()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str, url: Option<&str>) -> Metadata {
        let doc = crate::dom::Document::parse(html);
        from_html(&Dom::new(&doc), url)
    }

    #[test]
    fn opengraph_and_jsonld() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Big news | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta property="article:section" content="World">
            <meta property="article:tag" content="Iraq"><meta property="article:tag" content="Syria">
            <link rel="canonical" href="/2014/10/big-news">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Big news","author":{"@type":"Person","name":"Jane Doe"}}</script>
            </head><body><h1>Big news</h1></body></html>"#,
            Some("https://daily.example/x?utm=1"),
        );
        assert_eq!(m.title.as_deref(), Some("Big news"));
        assert_eq!(m.site_name.as_deref(), Some("The Daily"));
        assert_eq!(m.section.as_deref(), Some("World"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://daily.example/2014/10/big-news")
        );
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.tags, ["Iraq", "Syria"]);
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn agency_author_becomes_source() {
        let m = meta_of(r#"<meta name="author" content="Reuters"><p>x</p>"#, None);
        assert!(m.authors.is_empty());
        assert_eq!(m.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn title_site_suffix() {
        assert_eq!(
            strip_site("Storm hits coast - Local News", None),
            "Storm hits coast"
        );
        assert_eq!(strip_site("A - B", None), "A - B");
    }
}
