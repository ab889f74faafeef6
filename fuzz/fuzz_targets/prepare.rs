//! Differential target for the pre-pass: a page with comments emptied,
//! drawings, style and script bodies set aside and indentation shrunk must
//! parse to the same tree as the page itself, but for the text set aside
//! (script and style text, anything inside `<svg>`) and whitespace runs
//! outside `<pre>`. Set-aside scripts must be slices of the page.
#![no_main]

use dateline_extract::dom::{Document, Dom, Kind, Tag};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let prepared = dateline_extract::prepare_html(&page);
    for script in &prepared.scripts {
        assert!(page.contains(script), "a set-aside script is a slice of the page");
    }
    assert_eq!(outline(&prepared.html), outline(&page), "page: {page:?}");
});

/// The tree as (depth, name or text) in document order, adjacent text
/// joined and whitespace runs outside `<pre>` made one space.
fn outline(html: &str) -> Vec<(u32, String, bool)> {
    let doc = Document::parse(html);
    let dom = Dom::new(&doc);
    let mut out: Vec<(u32, String, bool)> = Vec::new();
    for n in &dom.nodes {
        let mut ancestors = Vec::new();
        let mut at = n.parent;
        for _ in 0..n.depth {
            ancestors.push(dom.nodes[at].tag);
            at = dom.nodes[at].parent;
        }
        if ancestors.contains(&Tag::Svg) {
            continue;
        }
        let item = match n.kind {
            Kind::Element(e) => (n.depth, e.name().to_string(), false),
            Kind::Text(t) => {
                if matches!(ancestors.first(), Some(Tag::Script | Tag::Style)) {
                    continue;
                }
                let t = if ancestors.contains(&Tag::Pre) {
                    t.to_string()
                } else {
                    collapse(t)
                };
                (n.depth, t, true)
            }
            Kind::Other => continue,
        };
        match out.last_mut() {
            Some(last) if last.2 && item.2 && last.0 == item.0 => {
                last.1.push_str(&item.1);
                if !ancestors.contains(&Tag::Pre) {
                    last.1 = collapse(&last.1);
                }
            }
            _ => out.push(item),
        }
    }
    out
}

fn collapse(t: &str) -> String {
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
