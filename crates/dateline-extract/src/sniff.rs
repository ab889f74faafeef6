//! What kind of bytes a page is, decided before decoding.

use crate::ExtractError;

/// The two kinds of input extraction accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Markup: parsed and cleaned.
    Html,
    /// Already-extracted page text (a page copied from a browser).
    Text,
}

/// Magic numbers of formats that are often mistaken for pages: a fetch that
/// returned an image, an archive left in a directory of pages.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"WARC/", "a WARC file (give it as a .warc or .warc.gz input)"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
];

/// Decides what `bytes` are. `content_type` is the HTTP header, if any.
pub fn sniff(bytes: &[u8], content_type: Option<&str>) -> Result<Kind, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(ExtractError::Binary(what));
        }
    }
    if let Some(ct) = content_type {
        let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        let texty = mime.is_empty()
            || mime.starts_with("text/")
            || mime.contains("html")
            || mime.contains("xml");
        if !texty {
            return Err(ExtractError::NotText(mime));
        }
        if mime == "text/plain" && !looks_like_html(bytes) {
            return Ok(Kind::Text);
        }
    }
    let head = &bytes[..bytes.len().min(4096)];
    if looks_binary(head) {
        return Err(ExtractError::Binary("binary data"));
    }
    Ok(if looks_like_html(bytes) {
        Kind::Html
    } else {
        Kind::Text
    })
}

/// NUL bytes or many control characters mean binary. UTF-16 text has NULs
/// too, but then it starts with a byte-order mark.
fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

/// Markup shows itself early: a doctype, or an `<html>`, `<head>`, `<body>`,
/// `<p>`, `<div>`… tag among the first bytes.
fn looks_like_html(bytes: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<!doctype", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<div", b"<p>",
        b"<p ", b"<article", b"<script", b"<table", b"<br", b"<!--",
    ];
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let lower = head.to_ascii_lowercase();
    TAGS.iter()
        .any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(sniff(b"", None), Err(ExtractError::Empty));
        assert_eq!(sniff(b"  \n", None), Err(ExtractError::Empty));
        assert_eq!(sniff(b"<!DOCTYPE html><p>x", None), Ok(Kind::Html));
        assert_eq!(sniff(b"Just text.\n\nMore.", None), Ok(Kind::Text));
        assert!(matches!(sniff(b"%PDF-1.4 ...", None), Err(ExtractError::Binary(_))));
        assert!(matches!(sniff(b"ab\0cd", None), Err(ExtractError::Binary(_))));
        assert!(matches!(
            sniff(b"<p>x", Some("image/png")),
            Err(ExtractError::NotText(_))
        ));
        assert_eq!(sniff(b"<p>x</p>", Some("text/plain")), Ok(Kind::Html));
    }
}
