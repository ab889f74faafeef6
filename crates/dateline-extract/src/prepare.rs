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
    // Inside SVG or MathML, `<script>` and `<style>` are ordinary elements
    // whose content is markup. Once a drawing is left to the parser, this
    // scan can no longer tell where foreign content ends, so it stops
    // cutting anything but over-deep tags.
    let mut foreign = false;
    let mut open: Vec<&str> = Vec::new();
    let mut dropped: HashMap<&str, usize> = HashMap::new();
    // Byte ranges to cut, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    // Open `<pre>` and `<listing>`, where whitespace is content.
    let mut pre = 0usize;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        // Indentation between tags, a tenth of a page's bytes: one
        // whitespace character says as much to everything downstream.
        if pre == 0 && !foreign && off >= 2 && bytes[i..start].iter().all(is_html_space) {
            cuts.push((i + 1, start));
        }
        i = start + 1;
        if bytes[i..].starts_with(b"!--") {
            let (text_end, end) = comment_end(bytes, i + 3);
            // The comment's text goes; the empty comment stays, so that the
            // bytes on either side cannot join into new markup (`<` + `x`).
            if !foreign {
                cuts.push((i + 3, text_end));
            }
            i = end;
            continue;
        }
        // Doctypes, `<![CDATA[`, `<?xml`, `</ x>`: up to the next `>`, as
        // the tokenizer reads them (bogus comments, mostly); markup inside
        // is not markup.
        let bogus = match bytes.get(i) {
            Some(b'!' | b'?') => true,
            Some(b'/') => bytes
                .get(i + 1)
                .is_some_and(|b| !b.is_ascii_alphabetic() && *b != b'>'),
            _ => false,
        };
        if bogus {
            i = memchr(b'>', &bytes[i..]).map_or(bytes.len(), |e| i + e + 1);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = tag_name_end(bytes, name_start);
        let end = tag_end(bytes, name_end);
        let name = &html[name_start..name_end];
        let mut buf = [0u8; 16];
        let lower = lowercase(name, &mut buf);
        i = end;
        if lower == "pre" || lower == "listing" {
            pre = if closing {
                pre.saturating_sub(1)
            } else {
                pre + 1
            };
        }
        if !closing {
            if lower == "svg" && !foreign && !bytes[..end].ends_with(b"/>") {
                if let Some(close) = svg_end(bytes, end) {
                    // Drawings: path data and shapes, never text to extract.
                    cuts.push((end, close));
                    i = close;
                    continue;
                }
                foreign = true;
            }
            if lower == "math" {
                foreign = true;
            }
            if lower == "script" {
                let close = script_end(bytes, end);
                let body = &html[end.min(close)..close];
                if !foreign && !body.is_empty() && !may_be_json_ld(&html[start..end], body) {
                    scripts.push(body);
                    cuts.push((end.min(close), close));
                }
                i = close;
                continue;
            }
            if RAW_TEXT.contains(&lower) {
                i = find_close(bytes, end, lower.as_bytes()).unwrap_or(bytes.len());
                if lower == "style" && !foreign {
                    cuts.push((end.min(i), i));
                }
                continue;
            }
        }
        if UNCOUNTED.contains(&lower) || bytes[..end].ends_with(b"/>") {
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

/// HTML's ASCII whitespace.
fn is_html_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// `name` lower-cased into `buf`; empty if it is longer than any name the
/// scan looks for, or not ASCII.
fn lowercase<'b>(name: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let Some(dst) = buf.get_mut(..name.len()) else {
        return "";
    };
    dst.copy_from_slice(name.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).unwrap_or("")
}

/// Where a tag name that starts at `from` ends: at space, `/` or `>`, as
/// the tokenizer reads it (`<div.x>` is named `div.x`).
fn tag_name_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
        .count()
}

/// Where a tag whose name ends at `from` ends: one past its `>`, quoted
/// attribute values skipped whole (`title="a>b"`); the end of input if
/// nothing closes it.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => {
                // A value: skip the spaces before it, then a quoted value whole.
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                    match memchr(q, &bytes[i + 1..]) {
                        Some(e) => i += e + 2,
                        None => return bytes.len(),
                    }
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Where the text of a comment that opened just before `from` ends, and
/// where the comment ends, as the HTML tokenizer finds them: `-->` or
/// `--!>` closes it, `<!-->` and `<!--->` close at once, and an unclosed
/// one runs to the end of input.
fn comment_end(bytes: &[u8], from: usize) -> (usize, usize) {
    let from = from.min(bytes.len());
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return (from, from + 1);
    }
    if rest.starts_with(b"->") {
        return (from, from + 2);
    }
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&bytes[i..], b"--") {
        let at = i + off;
        if bytes[at + 2..].starts_with(b">") {
            return (at, at + 3);
        }
        if bytes[at + 2..].starts_with(b"!>") {
            return (at, at + 4);
        }
        i = at + 1;
    }
    (bytes.len(), bytes.len())
}

/// Elements that end foreign content when they start inside an `<svg>`
/// (the HTML spec's breakout list, and `font`, which breaks out with some
/// attributes).
const SVG_BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
    "font",
];

/// Where the content of an `<svg>` whose start tag ends at `from` ends:
/// the `<` of its `</svg>`, nested drawings counted. `None` when the
/// drawing holds anything that would make html5ever read it otherwise (an
/// HTML element breaking out, a stray `</p>`, a CDATA section, raw text or
/// `foreignObject` that may sit in an HTML integration point), or never
/// closes: then it is left to the parser as it is.
fn svg_end(bytes: &[u8], from: usize) -> Option<usize> {
    // Names of the elements open inside the drawing, the `<svg>` first. An
    // end tag that matches none of them would close HTML elements around
    // the drawing: the parser must see it.
    let mut open: Vec<&[u8]> = vec![b"svg"];
    let mut i = from;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!") {
            if !rest.starts_with(b"!--") {
                return None;
            }
            i = comment_end(bytes, at + 4).1;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + closing as usize;
        i = at + 1;
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = tag_name_end(bytes, name_start);
        let name = &bytes[name_start..name_end];
        let tag_end = tag_end(bytes, name_end);
        i = tag_end;
        if closing {
            let pos = open.iter().rposition(|o| o.eq_ignore_ascii_case(name))?;
            open.truncate(pos);
            if open.is_empty() {
                return Some(at);
            }
            continue;
        }
        let is = |n: &str| n.as_bytes().eq_ignore_ascii_case(name);
        if SVG_BREAKOUT
            .iter()
            .chain(RAW_TEXT)
            .chain(&["script", "foreignobject"])
            .any(|b| is(b))
        {
            return None;
        }
        if bytes[..tag_end].ends_with(b"/>") {
            continue;
        }
        // `title` and `desc` are HTML integration points: markup inside
        // them is read as HTML. Plain text is all an icon's label needs.
        if is("title") || is("desc") {
            let next = memchr(b'<', &bytes[tag_end..]).map(|e| tag_end + e)?;
            let mut close = b"</".to_vec();
            close.extend_from_slice(&name.to_ascii_lowercase());
            tag_named(&bytes[next..], &close)?;
            i = next;
        }
        open.push(name);
    }
    None
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

/// The `</name` that ends a raw-text element, case-insensitively.
fn find_close(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut close = Vec::with_capacity(name.len() + 2);
    close.extend_from_slice(b"</");
    close.extend_from_slice(name);
    let mut i = from;
    while let Some(off) = memchr(b'<', hay.get(i..)?) {
        let at = i + off;
        // `</titlex` does not close a title: the name must end there.
        if tag_named(&hay[at..], &close).is_some() {
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
    fn comments_and_drawings_are_dropped() {
        let page = "a<!-- x -->b<!-->c<!--->d<!-- y --!>e<svg viewBox=1><path d=M0/><svg></svg></svg>f<svg/>g";
        assert_eq!(
            cap_depth(page),
            "a<!---->b<!-->c<!--->d<!----!>e<svg viewBox=1></svg>f<svg/>g"
        );
        // A drawing that html5ever would leave early stays as it is.
        let broken = "<svg><p>text</p></svg>";
        assert_eq!(cap_depth(broken), broken);
        assert_eq!(cap_depth("<!-- never closed"), "<!--");
    }

    #[test]
    fn raw_text_ends_only_at_its_own_end_tag() {
        // Found by fuzzing: `</titlex` is title text, so is the style after it.
        let page = "<title>a</titlex<style>b{}</style></title><style>c{}</style>";
        assert_eq!(
            cap_depth(page),
            "<title>a</titlex<style>b{}</style></title><style></style>"
        );
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

    fn collapse_spaces(t: &str) -> String {
        let mut out = String::new();
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn indentation_between_tags_shrinks_but_not_in_pre() {
        assert_eq!(
            cap_depth("<div>\n    <p>a  b</p>\n</div>"),
            "<div>\n<p>a  b</p>\n</div>"
        );
        let pre = "<pre>\n  x\n    <b>y</b>\n</pre>\n\n<p>";
        assert_eq!(cap_depth(pre), "<pre>\n  x\n    <b>y</b>\n</pre>\n<p>");
    }

    proptest::proptest! {
        /// The set-aside page parses to the same tree as the original,
        /// minus script and style text.
        #[test]
        fn setting_aside_keeps_the_tree(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<script>", "</script>", "<script type=x>", "<!--", "-->", "<style>",
                "</style>", "<p>", "</p>", "<div>", "</div>", "x", "-", "<", "{", " ",
                "</script ", ">", "<noscript>", "</noscript>", "<script>{", "--!>", "!",
                "<svg>", "</svg>", "<svg/>", "<path d=x/>", "<text>t</text>", "<b>",
                "<![CDATA[", "]]>", "<font>", "<title>", "</title>", "<desc>", "<foreignObject>",
                "<textarea>", "</textarea>", "<pre>", "</pre>", "\n", "  ", "\t\n ",
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
                        // Drawings are set aside whole; their element stays.
                        let in_svg = (0..n.depth as usize)
                            .scan(n.parent, |p, _| {
                                let at = *p;
                                *p = dom.nodes[at].parent;
                                Some(at)
                            })
                            .any(|a| a != 0 && dom.nodes[a].tag == Tag::Svg);
                        if in_svg {
                            return None;
                        }
                        let in_pre = (0..n.depth as usize)
                            .scan(n.parent, |p, _| {
                                let at = *p;
                                *p = dom.nodes[at].parent;
                                Some(at)
                            })
                            .any(|a| dom.nodes[a].tag == Tag::Pre);
                        match n.kind {
                            Kind::Element(e) => Some((n.depth, e.name().to_string(), false)),
                            Kind::Text(t) if !matches!(inside, Tag::Script | Tag::Style) => {
                                Some((n.depth, t.to_string(), true))
                            }
                            _ => None,
                        }
                        // Outside `<pre>`, a run of whitespace is one space.
                        .map(|(d, t, is_text)| {
                            if is_text && !in_pre {
                                (d, collapse_spaces(&t), is_text)
                            } else {
                                (d, t, is_text)
                            }
                        })
                    })
                    // Text on either side of a dropped comment becomes one.
                    .fold(Vec::<(u32, String, bool)>::new(), |mut out, item| {
                        match out.last_mut() {
                            Some(last) if last.2 && item.2 && last.0 == item.0 => {
                                last.1.push_str(&item.1)
                            }
                            _ => out.push(item),
                        }
                        out
                    })
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
