//! Bytes to text: the page's charset, found the way browsers find it.
//!
//! Order of authority (WHATWG "encoding sniffing", simplified): a byte-order
//! mark, then the HTTP `Content-Type` charset, then a `<meta charset>` or
//! `<meta http-equiv="Content-Type">` in the first bytes, then statistical
//! detection (chardetng) over the content. Declarations are often wrong, so
//! a declared charset that does not decode cleanly, while the bytes are valid
//! UTF-8, yields to UTF-8.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How the charset was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    Bom,
    HttpHeader,
    Meta,
    Detected,
}

/// A page's text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// Borrowed from the input when it is already valid UTF-8: most pages
    /// are, and copying them costs more than the detection.
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
    /// Bytes that were not valid in `encoding` and became U+FFFD.
    pub had_errors: bool,
    /// A declared charset that was overruled, for the warning.
    pub overruled: Option<String>,
}

impl Decoded<'_> {
    /// Human-readable warnings for the article.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        if let Some(declared) = &self.overruled {
            w.push(format!(
                "declared charset {declared} does not fit the bytes; decoded as {}",
                self.encoding.name()
            ));
        }
        if self.had_errors {
            w.push(format!(
                "invalid {} byte sequences replaced with U+FFFD",
                self.encoding.name()
            ));
        }
        w
    }
}

/// How far into the page a `<meta>` charset is looked for. WHATWG says 1024
/// bytes; real pages put long scripts first, so look further.
const META_SCAN: usize = 8192;

/// Decodes `bytes`; `content_type` is the HTTP header, if any.
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text,
            encoding: enc,
            source: CharsetSource::Bom,
            had_errors,
            overruled: None,
        };
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| {
            Encoding::for_label(label.as_bytes()).map(|e| (e, CharsetSource::HttpHeader))
        })
        .or_else(|| {
            meta_charset(&bytes[..bytes.len().min(META_SCAN)]).map(|e| (e, CharsetSource::Meta))
        });

    if let Some((enc, source)) = declared {
        // A page can't really be UTF-16 if it declared so in ASCII-compatible markup.
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            enc
        };
        let (text, _, had_errors) = enc.decode(bytes);
        // Declared wrong: prefer UTF-8 when the bytes are valid UTF-8.
        if had_errors {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return valid_utf8(s, Some(enc.name().to_string()));
            }
        }
        return Decoded {
            text,
            encoding: enc,
            source,
            had_errors,
            overruled: None,
        };
    }

    if let Ok(s) = std::str::from_utf8(bytes) {
        return valid_utf8(s, None);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(
        &bytes[..bytes.len().min(256 * 1024)],
        bytes.len() <= 256 * 1024,
    );
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let enc = if enc == encoding_rs::REPLACEMENT {
        WINDOWS_1252
    } else {
        enc
    };
    let (text, _, had_errors) = enc.decode(bytes);
    Decoded {
        text,
        encoding: enc,
        source: CharsetSource::Detected,
        had_errors,
        overruled: None,
    }
}

/// Input that is valid UTF-8, borrowed as it is.
fn valid_utf8(s: &str, overruled: Option<String>) -> Decoded<'_> {
    Decoded {
        text: Cow::Borrowed(s),
        encoding: UTF_8,
        source: CharsetSource::Detected,
        had_errors: false,
        overruled,
    }
}

/// The `charset=` parameter of a Content-Type value.
fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// A charset declared by `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in `head`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')
                            || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 5);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_http_equiv_windows_1252() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>MOSCOW \x96 The</body>";
        let d = decode(page, None);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.contains("MOSCOW \u{2013} The"));
    }

    #[test]
    fn header_outranks_meta_and_bom_outranks_header() {
        let page = b"<meta charset=utf-8><p>caf\xe9";
        let d = decode(page, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(d.source, CharsetSource::HttpHeader);
        assert!(d.text.contains("café"));
        let page = b"\xef\xbb\xbf<meta charset=windows-1252><p>caf\xc3\xa9";
        let d = decode(page, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(d.source, CharsetSource::Bom);
        assert!(d.text.contains("café"));
    }

    #[test]
    fn wrong_declaration_yields_to_valid_utf8() {
        let page = "<meta charset=\"shift_jis\"><p>Zürich – café</p>".as_bytes();
        let d = decode(page, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Zürich – café"));
        assert_eq!(d.warnings().len(), 1);
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page = "<p>Größere Änderungen für die Bürger in München und Köln, sagte er.</p>";
        let (bytes, _, _) = WINDOWS_1252.encode(page);
        let d = decode(&bytes, None);
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(d.text.contains("Größere Änderungen"), "{}", d.text);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let d = decode(b"<meta charset=utf-8><p>ok \xff\xfe bad", None);
        assert!(d.had_errors);
        assert!(d.text.contains('\u{fffd}'));
    }
}
