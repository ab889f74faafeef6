//! One quick pass over the markup before html5ever sees it.
//!
//! It does two things, both found by the same scan for tags:
//!
//! - **Caps depth.** The HTML tree-building algorithm checks the stack of
//!   open elements on most start tags, so 100,000 nested `<div>`s cost
//!   html5ever time quadratic in the depth (tens of seconds). Browsers cap
//!   the depth instead (Blink at 512): here, start tags beyond
//!   [`MAX_DEPTH`] open elements are dropped with their end tags, keeping
//!   their text.
//! - **Sets aside script and style bodies.** They are half the bytes of a
//!   typical news page, and html5ever tokenizes them character by character
//!   only for extraction to skip them. Style bodies are dropped. Script
//!   bodies are kept when they may be JSON-LD (read by metadata and dates);
//!   the others are cut out of the markup and handed over as
//!   [`Prepared::scripts`], where the date finder looks for the JSON state
//!   that script-built pages embed. The elements themselves stay, empty.

use std::borrow::Cow;
use std::collections::HashMap;

pub const MAX_DEPTH: usize = 512;

/// Elements that have no end tag, or whose end tag is implied by the next
/// sibling: they never deepen the tree for long, so they are not counted.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is raw text: markup inside is not markup.
const RAW_TEXT: &[&str] = &[
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    // Raw text too, since html5ever parses with scripting on, as browsers do.
    "noscript",
];

/// The markup to parse, and what was set aside from it.
pub struct Prepared<'a> {
    pub html: Cow<'a, str>,
    /// Bodies of the scripts cut out of `html`, in document order.
    pub scripts: Vec<&'a str>,
}

/// The page with over-deep start tags (and their end tags) removed and
/// script and style bodies set aside.
pub fn prepare(html: &str) -> Prepared<'_> {
    let bytes = html.as_bytes();
    let mut scripts = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    let mut dropped: HashMap<&str, usize> = HashMap::new();
    // Byte ranges to cut, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        i = start + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name_end = name_start + name_len;
        let end = memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |e| name_end + e + 1);
        let name = &html[name_start..name_end];
        i = end;
        if !closing {
            if name.eq_ignore_ascii_case("script") {
                let close = script_end(bytes, end);
                let body = &html[end.min(close)..close];
                if !body.is_empty() && !may_be_json_ld(&html[start..end], body) {
                    scripts.push(body);
                    cuts.push((end.min(close), close));
                }
                i = close;
                continue;
            }
            if let Some(raw) = RAW_TEXT.iter().find(|r| r.eq_ignore_ascii_case(name)) {
                i = find_close(bytes, end, raw.as_bytes()).unwrap_or(bytes.len());
                if raw == &"style" {
                    cuts.push((end.min(i), i));
                }
                continue;
            }
        }
        if UNCOUNTED.iter().any(|u| u.eq_ignore_ascii_case(name)) || bytes[..end].ends_with(b"/>") {
            continue;
        }
        if closing {
            if let Some(n) = dropped.get_mut(name).filter(|n| **n > 0) {
                *n -= 1;
                cuts.push((start, end));
            } else if let Some(pos) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(pos);
            }
        } else if open.len() >= MAX_DEPTH {
            *dropped.entry(name).or_insert(0) += 1;
            cuts.push((start, end));
        } else {
            open.push(name);
        }
    }
    cuts.retain(|(s, e)| s < e);
    if cuts.is_empty() {
        return Prepared {
            html: Cow::Borrowed(html),
            scripts,
        };
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (s, e) in cuts {
        out.push_str(&html[last..s]);
        last = e;
    }
    out.push_str(&html[last..]);
    Prepared {
        html: Cow::Owned(out),
        scripts,
    }
}

/// Whether a script may hold JSON-LD: typed `ld+json`, or a body that is
/// JSON at all (some CMSs leave the type out). The date finder and the
/// metadata reader decide for themselves; this only keeps their input.
fn may_be_json_ld(tag: &str, body: &str) -> bool {
    let tag = tag.as_bytes();
    tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
        || body.trim_start().starts_with(['{', '['])
}

/// Where a script's body ends: the `</script` that closes it, as the HTML
/// tokenizer finds it, comment-like escapes (`<!--`, `<script>` inside
/// them) and all. The end of input if nothing closes it.
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while i < bytes.len() {
        let Some(off) = memchr::memchr2(b'<', b'-', &bytes[i..]) else {
            break;
        };
        let at = i + off;
        let rest = &bytes[at..];
        i = at + 1;
        if rest.starts_with(b"-->") {
            if state != State::Data {
                state = State::Data;
                i = at + 3;
            }
            continue;
        }
        if rest[0] == b'-' {
            continue;
        }
        if rest.starts_with(b"<!--") {
            if state == State::Data {
                state = State::Escaped;
                // `<!-->` closes at once: the dashes are shared.
                i = at + 2;
            }
            continue;
        }
        if let Some(after) = tag_named(rest, b"</script") {
            match state {
                State::DoubleEscaped => state = State::Escaped,
                _ => return at,
            }
            i = at + after;
            continue;
        }
        if state == State::Escaped {
            if let Some(after) = tag_named(rest, b"<script") {
                state = State::DoubleEscaped;
                i = at + after;
            }
        }
    }
    bytes.len()
}

/// If `rest` starts with `prefix` (case-insensitively) followed by what
/// ends a tag name (space, `/`, `>`), the length of `prefix`.
fn tag_named(rest: &[u8], prefix: &[u8]) -> Option<usize> {
    let head = rest.get(..prefix.len())?;
    let next = rest.get(prefix.len())?;
    (head.eq_ignore_ascii_case(prefix)
        && matches!(next, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
    .then_some(prefix.len())
}

use memchr::memchr;

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

/// The `</name` that ends a raw-text element, case-insensitively.
fn find_close(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr(b'<', hay.get(i..)?) {
        let at = i + off;
        let rest = &hay[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap_depth(html: &str) -> Cow<'_, str> {
        prepare(html).html
    }

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page =
            "<html><body><div><p>a<p>b<ul><li>c<li>d</ul></div><noscript><div></noscript></body>";
        assert!(matches!(cap_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn script_and_style_bodies_are_set_aside() {
        let page = r#"<head><style>p { color: red }</style><script type="application/ld+json">{"a":1}</script>
            <script>if (a<b) x('<div>')</script><SCRIPT src=x></SCRIPT><script>{"b":2}</script></head>"#;
        let p = prepare(page);
        assert_eq!(
            p.html,
            r#"<head><style></style><script type="application/ld+json">{"a":1}</script>
            <script></script><SCRIPT src=x></SCRIPT><script>{"b":2}</script></head>"#
        );
        assert_eq!(p.scripts, ["if (a<b) x('<div>')"]);
    }

    #[test]
    fn script_ends_where_the_tokenizer_says() {
        fn end(s: &str) -> &str {
            &s[..script_end(s.as_bytes(), 0)]
        }
        assert_eq!(end("a</script>"), "a");
        assert_eq!(end("a</scripts></SCRIPT >"), "a</scripts>");
        // Escaped: an inner <script> makes the next </script> its own.
        assert_eq!(
            end("<!--<script>x</script>-->y</script>"),
            "<!--<script>x</script>-->y"
        );
        // Escaped without an inner script: the first </script> still ends it.
        assert_eq!(end("<!-- a </script> -->"), "<!-- a ");
        // `<!-->` opens and closes at once.
        assert_eq!(end("<!--><script>x</script>"), "<!--><script>x");
        assert_eq!(end("never closed"), "never closed");
    }

    proptest::proptest! {
        /// The set-aside page parses to the same tree as the original,
        /// minus script and style text.
        #[test]
        fn setting_aside_keeps_the_tree(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<script>", "</script>", "<script type=x>", "<!--", "-->", "<style>",
                "</style>", "<p>", "</p>", "<div>", "</div>", "x", "-", "<", "{", " ",
                "</script ", ">", "<noscript>", "</noscript>", "<script>{",
            ]),
            0..30,
        )) {
            use crate::dom::{Document, Dom, Kind, Tag};
            let page: String = parts.concat();
            let outline = |html: &str| {
                let doc = Document::parse(html);
                let dom = Dom::new(&doc);
                dom.nodes
                    .iter()
                    .filter_map(|n| {
                        let inside = dom.nodes[n.parent].tag;
                        match n.kind {
                            Kind::Element(e) => Some((n.depth, e.name().to_string())),
                            Kind::Text(t) if !matches!(inside, Tag::Script | Tag::Style) => {
                                Some((n.depth, t.to_string()))
                            }
                            _ => None,
                        }
                    })
                    .collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(outline(&prepare(&page).html), outline(&page));
        }
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let page = "<div>".repeat(2000) + "deep" + &"</div>".repeat(2000) + "<p>after</p>";
        let capped = cap_depth(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("deep") && capped.contains("<p>after</p>"));
    }

    #[test]
    fn truncated_markup_does_not_panic() {
        for page in [
            "<",
            "</",
            "<div",
            "<!--",
            "<script>",
            "<a href='x",
            "</div",
            "<\u{e9}>",
        ] {
            let _ = cap_depth(page);
        }
    }
}
