//! Arbitrary bytes as a page: `extract` must never panic or hang, and every
//! article it returns must have well-formed blocks and serialise to JSON.
#![no_main]

use dateline_model::{InputRef, RawPage};
use libfuzzer_sys::fuzz_target;

const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("text/html"),
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=windows-1251"),
    Some("text/html; charset=iso-8859-1"),
    Some("text/html; charset=shift_jis"),
    Some("text/html; charset=utf-16le"),
    Some("text/html; charset=bogus"),
    Some("text/plain"),
    Some("text/plain; charset=koi8-r"),
    Some("application/xhtml+xml"),
    Some("application/octet-stream"),
];

const URLS: &[Option<&str>] = &[
    None,
    Some("https://www.example.com/2014/10/08/world/some-story.html"),
    Some("https://ria.ru/20141008/1027369133.html"),
    Some("http://example.org/news?id=20200229"),
    Some("not a url"),
    Some(""),
    Some("https://ex\u{e4}mple.de/2019-13-45/\u{441}\u{442}\u{430}\u{442}\u{44c}\u{44f}"),
    Some("file:///"),
];

fuzz_target!(|data: &[u8]| {
    // First byte picks the content type and the URL; the rest is the body.
    let (selector, body) = match data.split_first() {
        Some((s, rest)) => (*s, rest),
        None => (0, data),
    };
    let mut page = RawPage::new(InputRef::Stdin, body.to_vec());
    page.content_type =
        CONTENT_TYPES[usize::from(selector & 0x0f) % CONTENT_TYPES.len()].map(str::to_string);
    page.url = URLS[usize::from(selector >> 4) % URLS.len()].map(str::to_string);

    let Ok(article) = dateline_extract::extract(&page, &Default::default()) else {
        return;
    };
    let text = &article.text;
    let mut prev_end = 0;
    for (i, block) in article.blocks.iter().enumerate() {
        assert!(block.start <= block.end, "block {i} reversed: {block:?}");
        assert!(
            block.end <= text.len(),
            "block {i} past text end: {block:?}"
        );
        assert!(
            text.is_char_boundary(block.start),
            "block {i} start: {block:?}"
        );
        assert!(text.is_char_boundary(block.end), "block {i} end: {block:?}");
        assert!(
            block.start >= prev_end,
            "block {i} overlaps or is out of order"
        );
        prev_end = block.end;
    }
    serde_json::to_string(&article).expect("article serialises");
});
