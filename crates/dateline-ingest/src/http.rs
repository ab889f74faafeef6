//! The HTTP pieces WARC records need: a response head parser, undoing
//! transfer and content codings, and date parsing. (Live fetches get all of
//! this from reqwest; archived responses are raw bytes.)

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use std::io::{self, Read};

/// The status line and headers of an archived HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HttpHead {
    pub status: u16,
    pub headers: Vec<(String, String)>,
}

impl HttpHead {
    /// The first header called `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name`, comma lists split, lowercased.
    pub fn tokens(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(','))
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// Parses an HTTP/1.x response head (status line and headers, without the
/// blank line that ends it).
///
/// Hand-written rather than `httparse` because archived heads come from
/// every server ever deployed: bare LF line ends, folded header lines,
/// spaces before the colon, Latin-1 bytes and reason phrases in any
/// language all occur in real crawls, and a strict parser would throw the
/// page away for a header nobody reads. Only the status line must be sound.
pub(crate) fn parse_head(head: &[u8]) -> Result<HttpHead, String> {
    let text: String = head.iter().map(|&b| b as char).collect(); // Latin-1, lossless
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_ascii_whitespace();
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: status line {status_line:?}"));
    }
    let status = parts
        .next()
        .and_then(|code| code.parse::<u16>().ok())
        .filter(|code| (100..1000).contains(code))
        .ok_or_else(|| format!("bad HTTP status line {status_line:?}"))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // obs-fold: a continuation of the previous header's value.
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        // A line without a colon is junk some server emitted; skip it.
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim();
            if !name.is_empty() {
                headers.push((name.to_string(), value.trim().to_string()));
            }
        }
    }
    Ok(HttpHead { status, headers })
}

/// The MIME type of a `Content-Type` value: lowercased, parameters dropped.
pub(crate) fn mime_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// True for the content types that carry an HTML page.
pub(crate) fn is_html_type(content_type: &str) -> bool {
    matches!(
        mime_type(content_type).as_str(),
        "text/html" | "application/xhtml+xml"
    )
}

/// For a body that came without a content type: does it start like markup?
/// Feeds and other XML start with `<` too, hence the tag check.
pub(crate) fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(2048)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else { return false };
    if head[start] != b'<' {
        return false;
    }
    let lower = head[start..].to_ascii_lowercase();
    const TAGS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<title",
        b"<meta",
    ];
    TAGS.iter()
        .any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
}

/// A body with a `Transfer-Encoding` or `Content-Encoding` undone.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub bytes: Vec<u8>,
    /// The stored body ended before its encoding said it would (crawlers
    /// cut long bodies); `bytes` holds what could be recovered.
    pub truncated: bool,
}

/// Why a body could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Decoded, the body exceeds the size limit (also guards against
    /// compression bombs).
    TooLarge,
    Invalid(String),
}

/// Undoes `Transfer-Encoding: chunked` and then each `Content-Encoding`,
/// but only where the stored bytes still carry them.
///
/// WARC writers disagree: some store the body exactly as it crossed the
/// wire, others store it decoded but keep the original headers. So each
/// coding is checked against the bytes (chunk-size line, gzip magic, zlib
/// header) before it is undone, and a body that does not carry it is kept.
pub(crate) fn decode_body(
    head: &HttpHead,
    body: Vec<u8>,
    max: u64,
) -> Result<Decoded, DecodeError> {
    let mut out = Decoded {
        bytes: body,
        truncated: false,
    };
    if head
        .tokens("transfer-encoding")
        .iter()
        .any(|t| t == "chunked")
        && looks_chunked(&out.bytes)
    {
        let d = dechunk(&out.bytes, max)?;
        out.truncated |= d.truncated;
        out.bytes = d.bytes;
    }
    // Codings are listed in the order they were applied: undo from the end.
    for coding in head.tokens("content-encoding").iter().rev() {
        let d = match coding.as_str() {
            "identity" | "none" => continue,
            "gzip" | "x-gzip" => {
                if !out.bytes.starts_with(&[0x1f, 0x8b]) {
                    continue;
                }
                read_capped(
                    flate2::read::MultiGzDecoder::new(&out.bytes[..]),
                    max,
                    "Content-Encoding gzip",
                )?
            }
            "deflate" => {
                if looks_zlib(&out.bytes) {
                    read_capped(
                        flate2::read::ZlibDecoder::new(&out.bytes[..]),
                        max,
                        "Content-Encoding deflate",
                    )?
                } else if looks_like_text(&out.bytes) {
                    continue;
                } else {
                    // Some servers send raw deflate without the zlib wrapper.
                    read_capped(
                        flate2::read::DeflateDecoder::new(&out.bytes[..]),
                        max,
                        "Content-Encoding deflate",
                    )?
                }
            }
            "br" => {
                // Brotli has no magic number: try it, and keep the bytes as
                // they are if they do not decode but already read as text.
                let r = brotli_decompressor::Decompressor::new(&out.bytes[..], 64 * 1024);
                match read_capped(r, max, "Content-Encoding br") {
                    Ok(d) if !d.bytes.is_empty() || out.bytes.is_empty() => d,
                    Err(DecodeError::TooLarge) => return Err(DecodeError::TooLarge),
                    _ if looks_like_text(&out.bytes) => continue,
                    Ok(d) => d,
                    Err(e) => return Err(e),
                }
            }
            other => {
                return Err(DecodeError::Invalid(format!(
                    "unsupported Content-Encoding {other}"
                )))
            }
        };
        out.truncated |= d.truncated;
        out.bytes = d.bytes;
    }
    Ok(out)
}

/// Reads a decoder to the end, at most `max` bytes. A stream that ends
/// early after producing output counts as truncated, not broken: that is
/// what a crawler's size limit does to a compressed body.
fn read_capped<R: Read>(reader: R, max: u64, what: &str) -> Result<Decoded, DecodeError> {
    let mut bytes = Vec::new();
    let mut limited = reader.take(max.saturating_add(1));
    match limited.read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > max => Err(DecodeError::TooLarge),
        Ok(_) => Ok(Decoded {
            bytes,
            truncated: false,
        }),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof && !bytes.is_empty() => Ok(Decoded {
            bytes,
            truncated: true,
        }),
        Err(e) => Err(DecodeError::Invalid(format!(
            "{what}: {}",
            crate::error::io_message(&e)
        ))),
    }
}

/// Decompresses a gzip file (all its members), at most `max` bytes.
pub(crate) fn gunzip(bytes: &[u8], max: u64) -> Result<Decoded, DecodeError> {
    read_capped(flate2::read::MultiGzDecoder::new(bytes), max, "gzip")
}

/// Does the body start with a chunk-size line (`1a2f\r\n`, `0;ext\r\n`)?
fn looks_chunked(body: &[u8]) -> bool {
    let Some(eol) = body.iter().take(64).position(|&b| b == b'\n') else {
        return false;
    };
    let line = body[..eol].trim_ascii();
    let size = line.split(|&b| b == b';').next().unwrap_or(b"");
    let size = size.trim_ascii();
    !size.is_empty() && size.len() <= 16 && size.iter().all(u8::is_ascii_hexdigit)
}

/// Undoes `Transfer-Encoding: chunked`. Chunk extensions and trailers are
/// dropped; a body cut off mid-chunk keeps what arrived.
pub(crate) fn dechunk(body: &[u8], max: u64) -> Result<Decoded, DecodeError> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let Some(eol) = rest.iter().position(|&b| b == b'\n') else {
            // The size line itself was cut off.
            return Ok(Decoded {
                bytes: out,
                truncated: true,
            });
        };
        let line = rest[..eol].trim_ascii();
        let size_text = line
            .split(|&b| b == b';')
            .next()
            .unwrap_or(b"")
            .trim_ascii();
        let size = std::str::from_utf8(size_text)
            .ok()
            .filter(|s| !s.is_empty())
            .and_then(|s| u64::from_str_radix(s, 16).ok())
            .ok_or_else(|| {
                DecodeError::Invalid(format!(
                    "bad chunk size line {:?} in chunked body",
                    String::from_utf8_lossy(&line[..line.len().min(40)])
                ))
            })?;
        rest = &rest[eol + 1..];
        if size == 0 {
            return Ok(Decoded {
                bytes: out,
                truncated: false,
            });
        }
        if out.len() as u64 + size > max {
            return Err(DecodeError::TooLarge);
        }
        if (rest.len() as u64) < size {
            out.extend_from_slice(rest);
            return Ok(Decoded {
                bytes: out,
                truncated: true,
            });
        }
        let size = size as usize; // fits: checked against rest.len()
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        // The CRLF after the data; tolerate a bare LF.
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

fn looks_zlib(b: &[u8]) -> bool {
    b.len() >= 2 && b[0] & 0x0f == 8 && (u16::from(b[0]) << 8 | u16::from(b[1])) % 31 == 0
}

/// A body some archiver already decoded: text, not compressed noise.
/// Compressed streams are full of control bytes and invalid UTF-8 within
/// their first few hundred bytes; pages (in any charset) have neither.
fn looks_like_text(b: &[u8]) -> bool {
    let head = &b[..b.len().min(512)];
    let no_controls = head
        .iter()
        .all(|&c| c >= 0x20 || matches!(c, b'\t' | b'\n' | b'\r' | 0x0c));
    let utf8_or_ascii_compatible = match std::str::from_utf8(head) {
        Ok(_) => true,
        // Cut inside a character at the 512-byte mark, or a legacy charset
        // page (Latin-1, windows-1251…) that starts with ASCII markup.
        Err(e) => e.error_len().is_none() || head.first() == Some(&b'<'),
    };
    !head.is_empty() && no_controls && utf8_or_ascii_compatible
}

/// Parses an HTTP date (`Date`, `Last-Modified`): the IMF-fixdate every
/// current server sends, and the two obsolete forms RFC 9110 still asks
/// recipients to accept.
pub(crate) fn parse_http_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t);
    }
    for format in ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Some(Utc.from_utc_datetime(&t).fixed_offset());
        }
    }
    None
}

/// Parses a `WARC-Date`: RFC 3339 with a `Z`, as WARC 1.0 and 1.1 require,
/// possibly with fractional seconds.
pub(crate) fn parse_warc_date(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s.trim()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn head(headers: &[(&str, &str)]) -> HttpHead {
        HttpHead {
            status: 200,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn parses_a_messy_head() {
        let h = parse_head(
            b"HTTP/1.1 200 OK\r\nContent-Type : text/html; charset=utf-8\r\nX-Long: a\r\n\tb\nno colon here\r\nSet-Cookie: a=1\r\n",
        )
        .unwrap();
        assert_eq!(h.status, 200);
        assert_eq!(h.get("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(h.get("x-long"), Some("a b"));
        assert_eq!(h.headers.len(), 3);
        assert!(parse_head(b"HTTP/1.0 abc\r\n").is_err());
        assert!(parse_head(b"GET / HTTP/1.1\r\n").is_err());
    }

    #[test]
    fn dechunks_with_extensions_and_trailers() {
        let body = b"5;name=x\r\nHello\r\n7\r\n, world\r\n0\r\nExpires: never\r\n\r\n";
        let d = dechunk(body, 1000).unwrap();
        assert_eq!(d.bytes, b"Hello, world");
        assert!(!d.truncated);
    }

    #[test]
    fn dechunk_keeps_a_truncated_tail_and_rejects_garbage() {
        let d = dechunk(b"a\r\n01234", 1000).unwrap();
        assert_eq!(d.bytes, b"01234");
        assert!(d.truncated);
        assert!(matches!(
            dechunk(b"5\r\nHello\r\nzz\r\n", 1000),
            Err(DecodeError::Invalid(_))
        ));
        assert_eq!(dechunk(b"ff\r\n", 10).unwrap_err(), DecodeError::TooLarge);
    }

    #[test]
    fn chunked_is_undone_only_when_present() {
        let h = head(&[("Transfer-Encoding", "chunked")]);
        let d = decode_body(&h, b"4\r\n<p>x\r\n0\r\n\r\n".to_vec(), 1000).unwrap();
        assert_eq!(d.bytes, b"<p>x");
        // Stored already de-chunked, header kept: leave it alone.
        let d = decode_body(&h, b"<html><p>x</p></html>".to_vec(), 1000).unwrap();
        assert_eq!(d.bytes, b"<html><p>x</p></html>");
    }

    #[test]
    fn undoes_chunked_gzip() {
        let html = b"<html><body><p>Compressed page</p></body></html>";
        let gz = gzip(html);
        let mut chunked = format!("{:x}\r\n", 10).into_bytes();
        chunked.extend_from_slice(&gz[..10]);
        chunked.extend_from_slice(format!("\r\n{:x}\r\n", gz.len() - 10).as_bytes());
        chunked.extend_from_slice(&gz[10..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let h = head(&[
            ("Transfer-Encoding", "chunked"),
            ("Content-Encoding", "gzip"),
        ]);
        let d = decode_body(&h, chunked, 1000).unwrap();
        assert_eq!(d.bytes, html);
        assert!(!d.truncated);
    }

    #[test]
    fn gzip_already_undone_is_kept_and_bombs_are_refused() {
        let h = head(&[("Content-Encoding", "gzip")]);
        let d = decode_body(&h, b"<p>plain</p>".to_vec(), 1000).unwrap();
        assert_eq!(d.bytes, b"<p>plain</p>");
        let bomb = gzip(&vec![b'a'; 100_000]);
        assert_eq!(
            decode_body(&h, bomb, 1000).unwrap_err(),
            DecodeError::TooLarge
        );
    }

    #[test]
    fn truncated_gzip_keeps_what_decoded() {
        let html: Vec<u8> = (0..2000)
            .flat_map(|i| format!("<p>{i}</p>").into_bytes())
            .collect();
        let gz = gzip(&html);
        let h = head(&[("Content-Encoding", "gzip")]);
        let d = decode_body(&h, gz[..gz.len() / 2].to_vec(), 1 << 20).unwrap();
        assert!(d.truncated);
        assert!(!d.bytes.is_empty() && html.starts_with(&d.bytes));
    }

    #[test]
    fn undoes_deflate_both_ways_and_brotli() {
        let html = b"<html><p>deflated</p></html>";
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(html).unwrap();
        let h = head(&[("Content-Encoding", "deflate")]);
        assert_eq!(
            decode_body(&h, z.finish().unwrap(), 1000).unwrap().bytes,
            html
        );
        let mut raw =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        raw.write_all(html).unwrap();
        assert_eq!(
            decode_body(&h, raw.finish().unwrap(), 1000).unwrap().bytes,
            html
        );

        let mut br = Vec::new();
        brotli::BrotliCompress(&mut &b"<p>br</p>"[..], &mut br, &Default::default()).unwrap();
        let h = head(&[("Content-Encoding", "br")]);
        assert_eq!(decode_body(&h, br, 1000).unwrap().bytes, b"<p>br</p>");
        // Already decoded by the archiver.
        assert_eq!(
            decode_body(&h, b"<p>stored decoded</p>".to_vec(), 1000)
                .unwrap()
                .bytes,
            b"<p>stored decoded</p>"
        );
        let h = head(&[("Content-Encoding", "compress")]);
        assert!(matches!(
            decode_body(&h, b"x".to_vec(), 1000),
            Err(DecodeError::Invalid(m)) if m.contains("compress")
        ));
    }

    #[test]
    fn html_detection() {
        assert!(is_html_type("text/html; charset=UTF-8"));
        assert!(is_html_type("Application/XHTML+XML"));
        assert!(!is_html_type("text/plain"));
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><p>x"));
        assert!(looks_like_html(b"<html><body>x"));
        assert!(!looks_like_html(b"<?xml version='1.0'?><rss>"));
        assert!(!looks_like_html(b"plain text <html>"));
    }

    #[test]
    fn dates() {
        let t = parse_http_date("Wed, 08 Oct 2014 11:01:00 GMT").unwrap();
        assert_eq!(t.to_rfc3339(), "2014-10-08T11:01:00+00:00");
        let t = parse_http_date("Wednesday, 08-Oct-14 11:01:00 GMT").unwrap();
        assert_eq!(t.to_rfc3339(), "2014-10-08T11:01:00+00:00");
        let t = parse_http_date("Wed Oct  8 11:01:00 2014").unwrap();
        assert_eq!(t.to_rfc3339(), "2014-10-08T11:01:00+00:00");
        assert!(parse_http_date("yesterday").is_none());
        let t = parse_warc_date("2014-10-08T11:01:00.123Z").unwrap();
        assert_eq!(t.timestamp(), 1412766060);
    }
}
