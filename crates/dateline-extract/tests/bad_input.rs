//! Bad input never panics or hangs: it gives an article with warnings, or
//! a clear error. (Bounded sizes; no timing assertions — a hang shows as a
//! test that never ends.)

use dateline_extract::{extract, ExtractError};
use dateline_model::{InputRef, RawPage};

fn run(bytes: Vec<u8>) -> Result<dateline_model::Article, ExtractError> {
    extract(&RawPage::new(InputRef::Stdin, bytes), &Default::default())
}

#[test]
fn empty_and_binary_inputs_are_errors() {
    assert_eq!(run(Vec::new()), Err(ExtractError::Empty));
    assert_eq!(run(b"   \n\t ".to_vec()), Err(ExtractError::Empty));
    assert!(matches!(
        run(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        Err(ExtractError::Binary(_))
    ));
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert!(matches!(run(noise), Err(ExtractError::Binary(_))));
}

#[test]
fn very_deep_nesting_is_flattened() {
    let page = format!(
        "<html><body>{}<p>Deep text is still here.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let a = run(page.into_bytes()).unwrap();
    assert!(a.text.contains("Deep text is still here."), "{:?}", a.text);
    let spans = format!("<p>{}x</p>", "<span><b><i>".repeat(30_000));
    assert!(run(spans.into_bytes()).is_ok());
}

#[test]
fn invalid_utf8_and_truncated_markup() {
    let mut page = b"<html><head><meta charset=utf-8><title>T</title></head><body><article><p>Caf\xe9 \xff\xfe society met on Tuesday, and the members argued for hours about the budget.".to_vec();
    page.extend_from_slice(
        b"<p>Second paragraph of the story, cut off in the middle of a <a href=\"",
    );
    let a = run(page).unwrap();
    assert!(a.text.contains("society met on Tuesday"));
    assert!(
        a.warnings.iter().any(|w| w.contains("U+FFFD")),
        "{:?}",
        a.warnings
    );
    for cut in [
        "<",
        "<p",
        "<p>text</",
        "<!-- never closed",
        "<script>var x = '<p>",
        "<table><tr><td><p>x",
        "\u{feff}<p>bom",
    ] {
        let _ = run(cut.as_bytes().to_vec());
    }
}

#[test]
fn large_page() {
    let para = "<p>The committee said on Tuesday that the budget, which had been debated for weeks, would pass.</p>\n";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(50 * 1024 * 1024 / para.len())
    );
    assert!(page.len() >= 50 * 1024 * 1024 - para.len());
    let a = run(page.into_bytes()).unwrap();
    assert!(a.blocks.len() > 400_000);
}

#[test]
fn pathological_text_inputs() {
    for text in [
        "\u{0}",
        "a",
        "((((((((((",
        "MOSCOW, October 8 (",
        &"x ".repeat(1_000_000),
    ] {
        let _ = run(text.as_bytes().to_vec());
    }
}
