//! One pass over the HTML tree, gathering everything the date finder reads:
//! meta tags, JSON-LD, `<time>`, elements whose class or id says "date",
//! and the visible text around the headline.
//!
//! The walk follows the tree's open/close edges with an explicit stack, so
//! a page nested 100,000 elements deep costs memory, not the call stack.
//! Text is copied once into one buffer, capped; element captures are capped
//! too, so the pass stays linear in the page's size.

use super::meta;
use crate::dom::{Dom, Edge, Element, Kind, NodeIdx, Tag};
use aho_corasick::AhoCorasick;
use dateline_model::DateField;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Where on the page an element stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Place {
    /// Inside `<article>` or an element typed as an article.
    pub in_article: bool,
    /// Inside a footer, sidebar, comment list, "related stories" box…:
    /// dates there belong to other things than the page's article.
    pub boilerplate: bool,
    /// Byte offset in [`Page::text`] where the element starts.
    pub pos: usize,
}

/// A `<meta>` (or `itemprop` element) that carries a date.
#[derive(Debug, Clone)]
pub(crate) struct MetaItem {
    pub detail: String,
    pub field: DateField,
    pub strength: u8,
    pub value: String,
    pub place: Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ElemKind {
    /// `<time>`: `value` is its `datetime`, or its text when it has none.
    Time,
    /// An element whose class, id or itemprop says it holds a date.
    Cued,
}

#[derive(Debug, Clone)]
pub(crate) struct ElemItem {
    pub kind: ElemKind,
    pub detail: String,
    pub value: String,
    /// The value is an attribute (`datetime`, `content`, `title`), not text.
    pub from_attr: bool,
    /// The date the markup itself names (`pubdate`, `class="updated"`).
    pub field: Option<DateField>,
    pub place: Place,
}

/// What the walk gathered.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub lang: Option<String>,
    /// Made by MediaWiki: a living page, dated by its last edit.
    pub wiki: bool,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    pub jsonld: Vec<String>,
    /// `"createdAt": "2022-01-31T15:58:43+01:00"` and the like, from the
    /// JSON state that script-built pages embed: (key, value), first of each key.
    pub script_dates: Vec<(String, String)>,
    pub metas: Vec<MetaItem>,
    pub elems: Vec<ElemItem>,
    /// Visible text outside boilerplate, blocks on their own lines.
    pub text: String,
    /// Offsets in `text` where a headline (`h1`) starts, with whether it is
    /// inside the article.
    pub headlines: Vec<(usize, bool)>,
    /// Offsets in `text` where an article element starts.
    pub articles: Vec<usize>,
    /// For each piece of `text`, the element it came from.
    chunks: Vec<(usize, NodeIdx)>,
}

/// The visible text kept, at most. A headline is near the top of any sane
/// page; past this much text there is only more of the same.
const MAX_TEXT: usize = 200_000;
/// Text kept for one date-cued element: a byline is short.
const MAX_CAPTURE: usize = 200;
/// Cued elements nest ("post-meta" > "post-date"); beyond this many open at
/// once, inner ones are not captured separately.
const MAX_OPEN_CAPTURES: usize = 6;

fn is_skipped(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Iframe
            | Select
            | Option
            | Textarea
            | Head
            | Title
            | Button
            | Math
            | Object
    )
}

fn is_block(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        P | Div
            | Br
            | Li
            | Ul
            | Ol
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Tr
            | Td
            | Th
            | Dt
            | Dd
            | Dl
            | Section
            | Article
            | Header
            | Footer
            | Aside
            | Nav
            | Table
            | Blockquote
            | Figure
            | Figcaption
            | Main
            | Form
            | Hr
            | Address
            | Pre
    )
}

/// Class and id words that mark boilerplate holding other things' dates.
/// Matched against whole class tokens and their dash/underscore parts, so
/// "related-posts" and "comment_list" match but a body's "comments-open"
/// state class does not reach here (body and html are never boilerplate).
const BOILERPLATE: &[&str] = &[
    "comment",
    "comments",
    "related",
    "sidebar",
    "footer",
    "recommended",
    "recommendations",
    "popular",
    "newsletter",
    "mostread",
    "trending",
    "teaser-list",
    "breadcrumb",
    "breadcrumbs",
    "ticker",
    "cookie",
    "cookies",
    "commentlist",
];

/// Class, id and itemprop words that mark an element holding a date.
const DATE_CUES: &[&str] = &[
    "date",
    "datum",
    "time",
    "publish",
    "posted",
    "byline",
    "meta",
    "fecha",
    "zeit",
    "dateline",
    "submitted",
    "created",
    "updated",
    "modified",
    "data-publica",
    "published",
    // MediaWiki's "This page was last edited on …" (`footer-info-lastmod`).
    "lastmod",
];

/// Class and id words of dated elements that date something else: today's
/// date in a masthead, a member's join date, an event, the weather.
const NOT_PUBLICATION: &[&str] = &[
    "today",
    "current",
    "join",
    "profile",
    "member",
    "weather",
    "copyright",
    "birth",
    "event",
    "calendar",
    "clock",
];

/// The class, id and itemprop of an element, lower-cased and joined by
/// spaces; a value over 200 bytes is left out (a utility-class soup says
/// nothing). Borrowed from the element's own `class_id` when that is all.
fn attr_words(e: &Element) -> Cow<'_, str> {
    let long = |v: Option<&str>| v.is_some_and(|v| v.len() > 200);
    let itemprop = e.attr("itemprop");
    if itemprop.is_none() && !long(e.attr("class")) && !long(e.id()) {
        return Cow::Borrowed(e.class_id());
    }
    let mut s = String::new();
    for v in [e.attr("class"), e.id(), itemprop].into_iter().flatten() {
        if v.len() <= 200 {
            s.push_str(v);
            s.push(' ');
        }
    }
    s.make_ascii_lowercase();
    Cow::Owned(s)
}

/// [`DATE_CUES`] and [`NOT_PUBLICATION`], found in one scan.
static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(DATE_CUES.iter().chain(NOT_PUBLICATION)).expect("cue patterns build")
});

/// Whether an element's words say it holds the publication date.
fn is_date_cued(words: &str) -> bool {
    let (mut cue, mut other) = (false, false);
    for m in CUES.find_overlapping_iter(words) {
        if m.pattern().as_usize() < DATE_CUES.len() {
            cue = true;
        } else {
            other = true;
            break;
        }
    }
    cue && !other
}

fn is_article(tag: Tag, e: &Element) -> bool {
    tag == Tag::Article
        || e.attr("itemtype")
            .is_some_and(|t| t.contains("Article") || t.contains("BlogPosting"))
        || e.classes().any(|c| {
            matches!(
                c,
                "hentry" | "post" | "article" | "entry" | "story" | "article-body"
            )
        })
}

/// Boilerplate words that, inside an article, mark its own furniture (its
/// footer holds its byline, its sidebar its date) rather than other things.
const PAGE_LEVEL_ONLY: &[&str] = &["footer", "sidebar"];

/// Whether an element holds other things than the page's article.
/// `in_article`: already inside the article, where only lists of other
/// stories and comments are boilerplate.
fn is_boilerplate(tag: Tag, e: &Element, in_article: bool) -> bool {
    if matches!(tag, Tag::Footer | Tag::Aside | Tag::Nav) {
        return !in_article;
    }
    if matches!(tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article) {
        return false;
    }
    let counts =
        |w: &str| BOILERPLATE.contains(&w) && !(in_article && PAGE_LEVEL_ONLY.contains(&w));
    // The class names and the id, lower-cased already.
    e.class_id().split_ascii_whitespace().any(|t| {
        if t.len() > 60 {
            return false;
        }
        // "has-sidebar", "is-comments-open": states of a wrapper, not parts.
        if ["has-", "is-", "no-", "with-", "show-", "hide-"]
            .iter()
            .any(|p| t.starts_with(p))
        {
            return false;
        }
        counts(t) || t.split(['-', '_']).any(counts)
    })
}

/// The JSON-LD in a `<script>`: typed `application/ld+json`, or untyped
/// but plainly schema.org JSON (some CMSs leave the type out).
/// Publication keys of embedded JSON whose values are ISO dates.
static SCRIPT_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r#"\\?"(created_?[aA]t|date_?[pP]ublished|published_?[aA]t|publish_?[dD]ate|pub_?[dD]ate|date_?[cC]reated|first_?[pP]ublished(?:_?[aA]t|_?[dD]ate)?)\\?"\s*:\s*\\?"(\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)\\?""#,
    )
    .expect("script date pattern")
});

/// How many script dates a page keeps: the first of each key is enough.
const SCRIPT_DATES_MAX: usize = 8;

fn script_dates(script: &str, out: &mut Vec<(String, String)>) {
    if out.len() >= SCRIPT_DATES_MAX || !script.contains('"') {
        return;
    }
    for caps in SCRIPT_DATE.captures_iter(script) {
        let key = caps[1].to_string();
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, caps[2].to_string()));
            if out.len() >= SCRIPT_DATES_MAX {
                return;
            }
        }
    }
}

fn json_ld_text(dom: &Dom, idx: NodeIdx, e: &Element) -> Option<String> {
    let typed = match e.attr("type").map(str::trim) {
        Some(t) if t.to_ascii_lowercase().contains("ld+json") => true,
        None | Some("") => false,
        Some(_) => return None,
    };
    if !typed {
        let first = dom.first_text(idx)?;
        let head = first.trim_start();
        if !(head.starts_with('{') || head.starts_with('[')) || !first.contains("@context") {
            return None;
        }
    }
    Some(dom.raw_text(idx))
}

/// `p.stamp`, `span#date`, `time`: how an element is named in a date's detail.
pub(crate) fn describe(e: &Element) -> String {
    let mut d = e.name().to_string();
    if let Some(c) = e.classes().next() {
        d.push('.');
        d.push_str(c);
    } else if let Some(id) = e.id() {
        d.push('#');
        d.push_str(id);
    }
    d
}

fn field_from_words(words: &str) -> Option<DateField> {
    if words.contains("updated")
        || words.contains("modified")
        || words.contains("datemodified")
        || words.contains("lastmod")
    {
        Some(DateField::Updated)
    } else if words.contains("publish")
        || words.contains("pubdate")
        || words.contains("entry-date")
        || words.contains("post-date")
        || words.contains("datepublished")
        || words.contains("datecreated")
    {
        Some(DateField::Published)
    } else {
        None
    }
}

#[derive(Default)]
struct Frame {
    skip: bool,
    boiler: bool,
    article: bool,
    block: bool,
    capture: bool,
}

struct Capture {
    /// The item's slot in [`Page::elems`], taken when the element opened so
    /// that items stay in document order.
    slot: usize,
    buf: String,
}

/// Appends text to every open capture, whitespace runs collapsed so that
/// indentation does not use up a capture's room.
fn push_capture_text(captures: &mut [Capture], s: &str) {
    for c in captures.iter_mut() {
        for ch in s.chars() {
            if c.buf.len() >= MAX_CAPTURE {
                break;
            }
            if ch.is_whitespace() {
                if !c.buf.is_empty() && !c.buf.ends_with(' ') {
                    c.buf.push(' ');
                }
            } else {
                c.buf.push(ch);
            }
        }
    }
}

impl Page {
    /// `scripts`: script bodies set aside before parsing; the walk reads
    /// the embedded JSON dates in them as in the scripts left in place.
    pub(crate) fn walk(dom: &Dom, scripts: &[&str]) -> Page {
        let mut page = Page::default();
        for script in scripts {
            script_dates(script, &mut page.script_dates);
        }
        let mut stack: Vec<Frame> = Vec::new();
        let (mut skip, mut boiler, mut article) = (0usize, 0usize, 0usize);
        let mut captures: Vec<Capture> = Vec::new();
        let mut boundary = false;
        for edge in dom.edges() {
            match edge {
                Edge::Open(idx) => match dom.nodes[idx].kind {
                    Kind::Element(e) => {
                        let tag = dom.nodes[idx].tag;
                        if tag == Tag::Script {
                            if let Some(ld) = json_ld_text(dom, idx, e) {
                                page.jsonld.push(ld);
                            } else if let Some(t) = dom.first_text(idx) {
                                script_dates(t, &mut page.script_dates);
                            }
                        }
                        let words = attr_words(e);
                        let mut f = Frame {
                            skip: is_skipped(tag),
                            boiler: is_boilerplate(tag, e, article > 0),
                            article: is_article(tag, e),
                            block: is_block(tag),
                            capture: false,
                        };
                        let place = Place {
                            in_article: article > 0 || f.article,
                            boilerplate: boiler > 0 || f.boiler,
                            pos: page.text.len(),
                        };
                        page.element(tag, e, &words, place, &mut f, &mut captures, skip > 0);
                        if f.article && skip == 0 && boiler == 0 {
                            page.articles.push(page.text.len());
                        }
                        if tag == Tag::H1 && skip == 0 && boiler == 0 {
                            page.headlines.push((page.text.len(), article > 0));
                        }
                        if f.block {
                            page.newline();
                            for c in captures.iter_mut() {
                                if c.buf.len() < MAX_CAPTURE && !c.buf.ends_with(' ') {
                                    c.buf.push(' ');
                                }
                            }
                        }
                        skip += f.skip as usize;
                        boiler += f.boiler as usize;
                        article += f.article as usize;
                        boundary = true;
                        stack.push(f);
                    }
                    Kind::Text(s) if skip == 0 => {
                        push_capture_text(&mut captures, s);
                        if boiler == 0 && page.text.len() < MAX_TEXT && !s.trim().is_empty() {
                            if boundary
                                && !page.text.ends_with(char::is_whitespace)
                                && !s.starts_with(char::is_whitespace)
                                && !page.text.is_empty()
                            {
                                page.text.push(' ');
                            }
                            boundary = false;
                            page.chunks.push((page.text.len(), dom.nodes[idx].parent));
                            page.push_collapsed(s);
                        }
                    }
                    _ => {}
                },
                Edge::Close(idx) => {
                    if dom.nodes[idx].element().is_none() {
                        continue;
                    }
                    let Some(f) = stack.pop() else { continue };
                    skip -= f.skip as usize;
                    boiler -= f.boiler as usize;
                    article -= f.article as usize;
                    if f.block {
                        page.newline();
                    }
                    boundary = true;
                    if f.capture {
                        if let Some(c) = captures.pop() {
                            page.elems[c.slot].value =
                                c.buf.split_whitespace().collect::<Vec<_>>().join(" ");
                        }
                    }
                }
            }
        }
        page.elems.retain(|e| !e.value.is_empty());
        page
    }

    /// Appends text with its whitespace runs collapsed to one space, as a
    /// browser shows it; line breaks come only from block elements.
    fn push_collapsed(&mut self, s: &str) {
        let mut space = self.text.is_empty() || self.text.ends_with(char::is_whitespace);
        // Runs of non-space text are copied whole, not char by char.
        let mut run: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some(start) = run.take() {
                    self.text.push_str(&s[start..i]);
                    space = false;
                }
                if !space {
                    self.text.push(' ');
                    space = true;
                }
            } else if run.is_none() {
                run = Some(i);
            }
        }
        if let Some(start) = run {
            self.text.push_str(&s[start..]);
        }
    }

    fn newline(&mut self) {
        if self.text.is_empty() || self.text.ends_with('\n') || self.text.len() >= MAX_TEXT {
            return;
        }
        if self.text.ends_with(' ') {
            self.text.pop();
        }
        self.text.push('\n');
    }

    #[allow(clippy::too_many_arguments)]
    fn element(
        &mut self,
        tag: Tag,
        e: &Element,
        words: &str,
        place: Place,
        f: &mut Frame,
        captures: &mut Vec<Capture>,
        skipped: bool,
    ) {
        match tag {
            Tag::Html => {
                self.lang = e
                    .attr("lang")
                    .or_else(|| e.attr("xml:lang"))
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| l.trim().to_string());
            }
            Tag::Link
                if e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.canonical = e.attr("href").map(str::to_string);
            }
            Tag::Meta => self.meta(e, place),
            _ => {}
        }
        if skipped || f.skip {
            return;
        }
        // Microdata `itemprop`, or RDFa `property="schema:datePublished"`.
        let itemprop = e.attr("itemprop").or_else(|| e.attr("property")).map(|p| {
            p.rsplit([':', '/'])
                .next()
                .unwrap_or(p)
                .to_ascii_lowercase()
        });
        let prop_field = itemprop.as_deref().and_then(|p| match p {
            "datepublished" | "datecreated" | "uploaddate" => Some(DateField::Published),
            "datemodified" | "dateupdated" => Some(DateField::Updated),
            _ => None,
        });
        let attr_value = e
            .attr("datetime")
            .or_else(|| e.attr("content"))
            .filter(|v| !v.trim().is_empty());
        if tag == Tag::Time {
            let field = prop_field
                .or_else(|| e.attr("pubdate").map(|_| DateField::Published))
                .or_else(|| field_from_words(words));
            let item = ElemItem {
                kind: ElemKind::Time,
                detail: String::new(),
                value: String::new(),
                from_attr: false,
                field,
                place,
            };
            match e.attr("datetime").filter(|v| !v.trim().is_empty()) {
                Some(v) => {
                    let mut detail = describe(e);
                    if e.attr("pubdate").is_some() {
                        detail.push_str("[pubdate]");
                    }
                    detail.push_str("[datetime]");
                    self.elems.push(ElemItem {
                        detail,
                        value: v.to_string(),
                        from_attr: true,
                        ..item
                    });
                }
                None => self.start_capture(e, item, " text", f, captures),
            }
            return;
        }
        if let (Some(field), Some(v)) = (prop_field, attr_value) {
            let key = e
                .attr("itemprop")
                .or_else(|| e.attr("property"))
                .unwrap_or_default();
            self.metas.push(MetaItem {
                detail: if e.attr("itemprop").is_some() {
                    format!("{}[itemprop={key}]", e.name())
                } else {
                    format!("{}[property={key}]", e.name())
                },
                field,
                strength: if itemprop.as_deref() == Some("datecreated") {
                    meta::WEAK
                } else {
                    meta::STRONG
                },
                value: v.to_string(),
                place,
            });
            return;
        }
        let cued = prop_field.is_some() || (!words.is_empty() && is_date_cued(words));
        if !cued
            || matches!(
                tag,
                Tag::Body | Tag::Html | Tag::Main | Tag::Meta | Tag::Link
            )
        {
            return;
        }
        let field = prop_field.or_else(|| field_from_words(words));
        let item = ElemItem {
            kind: ElemKind::Cued,
            detail: String::new(),
            value: String::new(),
            from_attr: false,
            field,
            place,
        };
        // `<abbr class="published" title="2014-10-08T15:01:00+04:00">`.
        if let Some(v) = attr_value.or_else(|| e.attr("title").filter(|t| t.len() >= 8)) {
            self.elems.push(ElemItem {
                detail: format!(
                    "{}[{}]",
                    describe(e),
                    if attr_value.is_some() {
                        "content"
                    } else {
                        "title"
                    }
                ),
                value: v.to_string(),
                from_attr: true,
                ..item.clone()
            });
        }
        self.start_capture(e, item, " text", f, captures);
    }

    fn start_capture(
        &mut self,
        e: &Element,
        mut item: ElemItem,
        suffix: &str,
        f: &mut Frame,
        captures: &mut Vec<Capture>,
    ) {
        if captures.len() >= MAX_OPEN_CAPTURES {
            return;
        }
        item.detail = describe(e) + suffix;
        f.capture = true;
        captures.push(Capture {
            slot: self.elems.len(),
            buf: String::new(),
        });
        self.elems.push(item);
    }

    fn meta(&mut self, e: &Element, place: Place) {
        let Some(content) = e
            .attr("content")
            .or_else(|| e.attr("datetime"))
            .filter(|c| !c.trim().is_empty())
        else {
            return;
        };
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            let Some(key) = e.attr(attr) else { continue };
            if attr == "http-equiv" && key.eq_ignore_ascii_case("content-language") {
                if self.lang.is_none() {
                    self.lang = Some(content.trim().to_string());
                }
                continue;
            }
            if key.eq_ignore_ascii_case("og:url") {
                self.og_url = Some(content.to_string());
                continue;
            }
            if key.eq_ignore_ascii_case("generator") {
                self.wiki |= content.trim_start().starts_with("MediaWiki");
                continue;
            }
            if key.eq_ignore_ascii_case("og:locale") && self.lang.is_none() {
                self.lang = Some(content.trim().replace('_', "-"));
                continue;
            }
            let class = if attr == "http-equiv" {
                meta::classify_http_equiv(key)
            } else {
                meta::classify(key)
            };
            if let Some((field, strength)) = class {
                self.metas.push(MetaItem {
                    detail: format!("meta[{attr}={key}]"),
                    field,
                    strength,
                    value: content.to_string(),
                    place,
                });
                return;
            }
        }
    }

    /// The element the text at byte `offset` came from, described.
    pub(crate) fn element_at(&self, dom: &Dom, offset: usize) -> Option<String> {
        let i = self.chunks.partition_point(|(o, _)| *o <= offset);
        let (_, idx) = self.chunks.get(i.checked_sub(1)?)?;
        dom.nodes.get(*idx)?.element().map(describe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathers_sources_in_one_pass() {
        let html = r#"<html lang="de"><head>
            <meta property="article:published_time" content="2014-10-08T15:01:00+04:00">
            <script type="application/ld+json">{"datePublished":"2014-10-08"}</script>
            <link rel="canonical" href="https://x.org/a">
            </head><body><nav>Home 01.01.2020</nav>
            <article><h1>Title</h1><p class="byline">Von X, <span class="date">8. Oktober 2014</span></p>
            <time pubdate datetime="2014-10-08">8.10.</time></article>
            <aside class="related"><time datetime="2013-01-01">x</time></aside></body></html>"#;
        let doc = crate::dom::Document::parse(html);
        let dom = Dom::new(&doc);
        let p = Page::walk(&dom, &[]);
        assert_eq!(p.lang.as_deref(), Some("de"));
        assert_eq!(p.canonical.as_deref(), Some("https://x.org/a"));
        assert_eq!(p.metas.len(), 1);
        assert_eq!(p.metas[0].detail, "meta[property=article:published_time]");
        assert_eq!(p.jsonld, [r#"{"datePublished":"2014-10-08"}"#]);
        let times: Vec<_> = p
            .elems
            .iter()
            .filter(|e| e.kind == ElemKind::Time)
            .collect();
        assert_eq!(times.len(), 2);
        assert_eq!(times[0].detail, "time[pubdate][datetime]");
        assert_eq!(times[0].field, Some(DateField::Published));
        assert!(times[0].place.in_article && !times[0].place.boilerplate);
        assert!(times[1].place.boilerplate);
        let cued: Vec<_> = p
            .elems
            .iter()
            .filter(|e| e.kind == ElemKind::Cued)
            .collect();
        assert_eq!(cued[0].detail, "p.byline text");
        assert_eq!(cued[0].value, "Von X, 8. Oktober 2014");
        assert_eq!(cued[1].detail, "span.date text");
        assert!(!p.text.contains("01.01.2020"), "nav text is left out");
        assert!(p.text.contains("Title\n"));
        assert_eq!(p.headlines.len(), 1);
        let off = p.text.find("8. Oktober").unwrap();
        assert_eq!(p.element_at(&dom, off).as_deref(), Some("span.date"));
    }

    #[test]
    fn deep_pages_do_not_overflow_the_stack() {
        // Deep enough to overflow a recursive walk; html5ever's own parse is
        // quadratic in depth, so deeper would only test html5ever.
        let depth = 20_000;
        let html = "<div>".repeat(depth)
            + r#"<span class="date">8 October 2014</span>"#
            + &"</div>".repeat(depth);
        let doc = crate::dom::Document::parse(&html);
        let p = Page::walk(&Dom::new(&doc), &[]);
        assert!(p.text.contains("8 October 2014"));
        assert_eq!(p.elems.len(), 1);
        assert_eq!(p.elems[0].detail, "span.date text");
    }
}

#[cfg(test)]
mod script_date_tests {
    use super::*;

    #[test]
    fn embedded_json_dates() {
        let mut out = Vec::new();
        script_dates(
            r#"window.__STATE__={"photo":{"created_at":"2013-02-16T04:36:36-05:00","rating":4},"user":{"created_at":"2010-01-01"},"post":{\"publishedAt\":\"2022-01-31T15:58:43+01:00\"}}"#,
            &mut out,
        );
        assert_eq!(
            out,
            [
                (
                    "created_at".to_string(),
                    "2013-02-16T04:36:36-05:00".to_string()
                ),
                (
                    "publishedAt".to_string(),
                    "2022-01-31T15:58:43+01:00".to_string()
                ),
            ]
        );
        let mut none = Vec::new();
        script_dates("var x = 'created_at: 2013-02-16';", &mut none);
        assert!(none.is_empty());
    }
}
