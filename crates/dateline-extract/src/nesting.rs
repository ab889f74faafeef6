//! A guard against absurdly deep markup, applied before parsing.
//!
//! The HTML tree-building algorithm checks the stack of open elements on
//! most start tags, so 100,000 nested `<div>`s cost html5ever time
//! quadratic in the depth (tens of seconds). Browsers cap the depth instead
//! (Blink at 512): here, start tags beyond [`MAX_DEPTH`] open elements are
//! dropped with their end tags, keeping their text. Real pages stay far
//! below the cap, so they pass through untouched and uncopied.

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
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The page with over-deep start tags (and their end tags) removed.
pub fn cap_depth(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
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
            if let Some(raw) = RAW_TEXT.iter().find(|r| r.eq_ignore_ascii_case(name)) {
                i = find_close(bytes, end, raw.as_bytes()).unwrap_or(bytes.len());
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
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (s, e) in cuts {
        out.push_str(&html[last..s]);
        last = e;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
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

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<html><body><div><p>a<p>b<ul><li>c<li>d</ul></div><script>if (a<b) x('<div>')</script></body>";
        assert!(matches!(cap_depth(page), Cow::Borrowed(_)));
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
