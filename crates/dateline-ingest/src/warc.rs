//! Reading HTML pages out of WARC archives, one record at a time.
//!
//! # Why a hand-written reader and not the `warc` crate
//!
//! `warc` 0.4 was read before this was written. It parses headers well,
//! but for this job it falls short in ways that matter on real crawls:
//! - it reads `.warc.gz` through one multi-member gzip decoder, so it
//!   cannot tell which gzip member a record starts in: no offsets to put in
//!   [`InputRef::Warc`], and no way to get back in step after a corrupt
//!   member (a bad member ends the whole file);
//! - after a malformed record its position in the stream is undefined, so
//!   one bad record loses every record after it;
//! - it finds the end of a block by reading lines, which buffers the whole
//!   block (a multi-gigabyte video record included) before the caller can
//!   decide to skip it;
//! - `WarcReader::from_path` opens files with `create(true)`, so a mistyped
//!   path silently creates an empty file.
//!
//! A WARC record is a version line, `Name: value` lines, a blank line and
//! `Content-Length` bytes of block followed by CRLF CRLF: small enough to
//! read by hand, which buys the offsets and the recovery below.
//!
//! # Offsets and recovery
//!
//! For a `.warc.gz` the offset of a record is that of the gzip member it
//! starts in (the WARC standard asks for one member per record, so that is
//! where a reader can start decompressing to get the record back); for an
//! uncompressed `.warc` it is the byte offset of the record's `WARC/` line.
//! When a record is malformed, reading starts again after the start of
//! that record: at the next gzip member that decompresses to a `WARC/` line
//! (compressed), or at the next line that starts with `WARC/`
//! (uncompressed). A `.warc.gz` compressed as a single gzip stream has no
//! later member to resume at, so an error in it ends the file.

use crate::error::{ErrorKind, IngestError};
use crate::http::{self, DecodeError, HttpHead};
use crate::Options;
use dateline_model::{InputRef, RawPage};
use flate2::bufread::GzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Larger WARC headers are taken as garbage rather than buffered.
const MAX_WARC_HEADER: u64 = 1 << 20;
/// Larger HTTP heads are taken as garbage rather than buffered.
const MAX_HTTP_HEAD: u64 = 1 << 20;

/// Does this file name say WARC (`.warc`, `.warc.gz`)?
pub(crate) fn has_warc_extension(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Do these first bytes of a file start a WARC, compressed or not?
/// Needs a few dozen bytes for the gzip case.
pub(crate) fn has_warc_magic(head: &[u8]) -> bool {
    if head.starts_with(&[0x1f, 0x8b]) {
        let mut probe = [0u8; 16];
        let n = read_up_to(&mut GzDecoder::new(head), &mut probe);
        starts_with_warc(&probe[..n])
    } else {
        starts_with_warc(head)
    }
}

/// The HTML pages of one WARC file, read as the file streams past.
///
/// Yields one item per `response` record that holds a 2xx HTTP response
/// with an HTML content type (or no content type but a body that starts
/// like HTML). Requests, metadata, revisits, DNS records, redirects, error
/// pages and non-HTML responses are skipped silently (at `debug` log
/// level): they are what crawls are mostly made of, not errors. A malformed
/// record yields an error naming it by offset, and reading goes on with the
/// next record it can find.
pub struct WarcPages<R> {
    name: String,
    stream: Framed<R>,
    max_bytes: u64,
    done: bool,
}

impl WarcPages<BufReader<File>> {
    /// Opens a WARC file; whether it is gzipped is read from its first
    /// bytes, not its name.
    pub fn open(path: &Path, options: &Options) -> Result<Self, IngestError> {
        let name = path.display().to_string();
        let file = File::open(path).map_err(|e| IngestError::io(&name, e))?;
        WarcPages::new(
            name.clone(),
            BufReader::with_capacity(256 * 1024, file),
            options,
        )
        .map_err(|e| IngestError::io(name, e))
    }
}

impl<R: BufRead + Seek> WarcPages<R> {
    /// Reads WARC records from `reader`; `name` is how errors and
    /// [`InputRef::Warc::path`] name the file.
    pub fn new(name: impl Into<String>, mut reader: R, options: &Options) -> io::Result<Self> {
        let gzipped = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let raw = Counted {
            inner: reader,
            pos: 0,
        };
        let stream = if gzipped {
            Framed::Gzip(GzMembers {
                state: Member::Between(raw),
                buf: vec![0; 64 * 1024].into_boxed_slice(),
                start: 0,
                end: 0,
                member_offset: 0,
            })
        } else {
            Framed::Plain(raw)
        };
        Ok(WarcPages {
            name: name.into(),
            stream,
            max_bytes: options.max_bytes,
            done: false,
        })
    }

    fn error_at(&self, offset: u64, kind: ErrorKind) -> IngestError {
        IngestError::new(format!("{} record at offset {offset}", self.name), kind)
    }

    /// Reads one record. `Ok(None)` means it was read fine and skipped.
    fn read_record(&mut self, offset: u64) -> Result<Option<RawPage>, RecordError> {
        let header = read_warc_header(&mut self.stream)?;
        let length = header
            .get("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| RecordError::Framing(warc_err("missing or invalid Content-Length")))?;
        let warc_type = header.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let block_type = header.get("Content-Type").map(http::mime_type);
        let is_http_response = warc_type == "response"
            && block_type
                .as_deref()
                .is_none_or(|t| t == "application/http");

        let mut block = (&mut self.stream).take(length);
        let outcome = if is_http_response {
            read_http_response(&mut block, self.max_bytes)?
        } else {
            tracing::debug!(offset, warc_type, "skipping WARC record");
            Ok(None)
        };
        // Whatever was read of the block, the rest is skipped so the next
        // record starts where it should.
        io::copy(&mut block, &mut io::sink()).map_err(RecordError::Io)?;
        if block.limit() > 0 {
            return Err(RecordError::Framing(warc_err(format!(
                "truncated record: the file ends {} bytes before the record's Content-Length",
                block.limit()
            ))));
        }
        self.stream.expect_record_end()?;

        let Some((head, body)) = outcome.map_err(RecordError::Content)? else {
            return Ok(None);
        };
        let record_id = header
            .get("WARC-Record-ID")
            .unwrap_or("")
            .trim()
            .to_string();
        let url = header.get("WARC-Target-URI").map(|u| {
            // WARC 1.0's own examples put the URI in angle brackets, and
            // some writers copied that.
            let u = u.trim();
            u.strip_prefix('<')
                .and_then(|u| u.strip_suffix('>'))
                .unwrap_or(u)
                .to_string()
        });
        let mut page = RawPage::new(
            InputRef::Warc {
                path: self.name.clone(),
                record_id,
                offset,
            },
            body,
        );
        page.url = url;
        page.content_type = head.get("Content-Type").map(str::to_string);
        page.fetched = header.get("WARC-Date").and_then(http::parse_warc_date);
        page.last_modified = head.get("Last-Modified").and_then(http::parse_http_date);
        Ok(Some(page))
    }
}

impl<R: BufRead + Seek> Iterator for WarcPages<R> {
    type Item = Result<RawPage, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let at_record = self.stream.skip_blank();
            let offset = self.stream.record_offset();
            let result = match at_record {
                Ok(false) => return None,
                Ok(true) => self.read_record(offset),
                Err(e) => Err(RecordError::Io(e)),
            };
            match result {
                Ok(Some(page)) => return Some(Ok(page)),
                Ok(None) => continue,
                Err(RecordError::Content(kind)) => return Some(Err(self.error_at(offset, kind))),
                Err(RecordError::Framing(kind)) => {
                    let err = self.error_at(offset, kind);
                    self.resync(offset);
                    return Some(Err(err));
                }
                Err(RecordError::Io(e)) => {
                    let err = self.error_at(offset, ErrorKind::Io(e));
                    self.resync(offset);
                    return Some(Err(err));
                }
            }
        }
        None
    }
}

impl<R: BufRead + Seek> WarcPages<R> {
    fn resync(&mut self, offset: u64) {
        match self.stream.resync(offset) {
            Ok(true) => tracing::debug!(file = %self.name, after = offset, "resynchronised"),
            Ok(false) => self.done = true,
            Err(e) => {
                tracing::warn!(file = %self.name, error = %e, "cannot resume reading after a bad record");
                self.done = true;
            }
        }
    }
}

/// How reading a record failed, which decides what happens next.
enum RecordError {
    /// The record was read to its end but holds no usable page: report it
    /// and go on with the next record.
    Content(ErrorKind),
    /// The record itself is malformed, so where the next one starts is
    /// unknown: report it and resynchronise.
    Framing(ErrorKind),
    /// Reading the file or decompressing it failed: as for `Framing`.
    Io(io::Error),
}

impl From<io::Error> for RecordError {
    fn from(e: io::Error) -> Self {
        RecordError::Io(e)
    }
}

fn warc_err(msg: impl Into<String>) -> ErrorKind {
    ErrorKind::Warc(msg.into())
}

/// The named fields of a WARC record header.
struct WarcHeader {
    fields: Vec<(String, String)>,
}

impl WarcHeader {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn read_warc_header<R: BufRead>(r: &mut R) -> Result<WarcHeader, RecordError> {
    let mut limited = r.take(MAX_WARC_HEADER);
    let mut line = Vec::new();
    limited.read_until(b'\n', &mut line)?;
    if !line.starts_with(b"WARC/") {
        let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
        return Err(RecordError::Framing(warc_err(format!(
            "not a WARC record: expected a WARC/1.x line, found {:?}",
            shown.trim_end()
        ))));
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        line.clear();
        if limited.read_until(b'\n', &mut line)? == 0 || !line.ends_with(b"\n") {
            let msg = if limited.limit() == 0 {
                "WARC header larger than 1 MiB"
            } else {
                "truncated WARC header"
            };
            return Err(RecordError::Framing(warc_err(msg)));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(WarcHeader { fields });
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
        } else if let Some((name, value)) = text.split_once(':') {
            fields.push((name.trim().to_string(), value.trim().to_string()));
        } else {
            return Err(RecordError::Framing(warc_err(format!(
                "bad WARC header line {:?}",
                &text[..text.len().min(60)]
            ))));
        }
    }
}

/// Reads the HTTP response in a `response` record's block. `Ok(Ok(None))`
/// when the response is not an HTML page worth extracting.
#[allow(clippy::type_complexity)]
fn read_http_response<R: BufRead>(
    block: &mut R,
    max_bytes: u64,
) -> Result<Result<Option<(HttpHead, Vec<u8>)>, ErrorKind>, RecordError> {
    let mut head = Vec::new();
    let mut line = Vec::new();
    let mut limited = block.take(MAX_HTTP_HEAD);
    loop {
        line.clear();
        if limited.read_until(b'\n', &mut line)? == 0 || !line.ends_with(b"\n") {
            let msg = if limited.limit() == 0 {
                "HTTP head larger than 1 MiB"
            } else {
                "truncated HTTP head"
            };
            return Ok(Err(warc_err(msg)));
        }
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        head.extend_from_slice(&line);
    }
    let head = match http::parse_head(&head) {
        Ok(h) => h,
        Err(msg) => return Ok(Err(warc_err(msg))),
    };
    if !(200..300).contains(&head.status) {
        tracing::debug!(status = head.status, "skipping non-2xx response record");
        return Ok(Ok(None));
    }
    let content_type = head.get("Content-Type");
    if let Some(ct) = content_type {
        if !http::is_html_type(ct) {
            tracing::debug!(content_type = ct, "skipping non-HTML response record");
            return Ok(Ok(None));
        }
    }
    let mut body = Vec::new();
    let read = block
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut body)?;
    if read as u64 > max_bytes {
        return Ok(Err(ErrorKind::TooLarge(max_bytes)));
    }
    let decoded = match http::decode_body(&head, body, max_bytes) {
        Ok(d) => d,
        Err(DecodeError::TooLarge) => return Ok(Err(ErrorKind::TooLarge(max_bytes))),
        Err(DecodeError::Invalid(msg)) => return Ok(Err(ErrorKind::Encoding(msg))),
    };
    if decoded.truncated {
        tracing::debug!("response body was truncated; keeping what decoded");
    }
    if content_type.is_none() && !http::looks_like_html(&decoded.bytes) {
        tracing::debug!("skipping response record with no content type that is not HTML");
        return Ok(Ok(None));
    }
    Ok(Ok(Some((head, decoded.bytes))))
}

fn starts_with_warc(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(b"WARC/")
}

/// Reads until `buf` is full, the stream ends or fails: for probing.
fn read_up_to<R: Read>(r: &mut R, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

/// A reader that knows its byte position in the file.
struct Counted<R> {
    inner: R,
    pos: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

impl<R: BufRead + Seek> Counted<R> {
    fn seek_to(&mut self, pos: u64) -> io::Result<()> {
        self.pos = self.inner.seek(SeekFrom::Start(pos))?;
        Ok(())
    }

    /// The offset of the first `pattern` at or after `from`, leaving the
    /// reader somewhere after `from`.
    fn find(&mut self, from: u64, pattern: &[u8]) -> io::Result<Option<u64>> {
        let mut pos = from;
        loop {
            self.seek_to(pos)?;
            let buf = self.inner.fill_buf()?;
            if buf.len() < pattern.len() {
                return Ok(None);
            }
            if let Some(i) = buf.windows(pattern.len()).position(|w| w == pattern) {
                return Ok(Some(pos + i as u64));
            }
            pos += (buf.len() + 1 - pattern.len()) as u64;
        }
    }
}

/// The decompressed bytes of a `.warc.gz`, one gzip member at a time.
///
/// Unlike a multi-member decoder, the buffer never mixes two members, so
/// at any point [`GzMembers::member_offset`] is the offset of the member the
/// next byte comes from.
struct GzMembers<R> {
    state: Member<R>,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    member_offset: u64,
}

enum Member<R> {
    /// Between two members (or at the start or end of the file).
    Between(Counted<R>),
    Inside(Box<GzDecoder<Counted<R>>>),
    /// Only seen if a seek failed during resynchronisation.
    Lost,
}

impl<R: BufRead> GzMembers<R> {
    /// Fills the buffer from the current member; `starting_members` says
    /// whether to start the next member when the current one ends.
    fn fill(&mut self, starting_members: bool) -> io::Result<&[u8]> {
        while self.start == self.end {
            match std::mem::replace(&mut self.state, Member::Lost) {
                Member::Inside(mut dec) => {
                    let read = dec.read(&mut self.buf);
                    match read {
                        Ok(0) => self.state = Member::Between(dec.into_inner()),
                        Ok(n) => {
                            self.state = Member::Inside(dec);
                            self.start = 0;
                            self.end = n;
                        }
                        Err(e) => {
                            self.state = Member::Inside(dec);
                            return Err(e);
                        }
                    }
                }
                Member::Between(mut raw) => {
                    let at_end = raw.fill_buf().map(<[u8]>::is_empty);
                    match at_end {
                        Ok(false) if starting_members => {
                            self.member_offset = raw.pos;
                            self.state = Member::Inside(Box::new(GzDecoder::new(raw)));
                        }
                        Ok(_) => {
                            self.state = Member::Between(raw);
                            return Ok(&[]);
                        }
                        Err(e) => {
                            self.state = Member::Between(raw);
                            return Err(e);
                        }
                    }
                }
                Member::Lost => return Err(io::Error::other("lost position in the file")),
            }
        }
        Ok(&self.buf[self.start..self.end])
    }
}

impl<R: BufRead + Seek> GzMembers<R> {
    /// Moves to the first gzip member after offset `after` that
    /// decompresses to a WARC record. False if there is none.
    fn resync(&mut self, after: u64) -> io::Result<bool> {
        let mut raw = match std::mem::replace(&mut self.state, Member::Lost) {
            Member::Between(raw) => raw,
            Member::Inside(dec) => dec.into_inner(),
            Member::Lost => return Err(io::Error::other("lost position in the file")),
        };
        self.start = 0;
        self.end = 0;
        let mut from = after + 1;
        // Every member starts with ID1 ID2 CM = 1f 8b 08. The bytes also
        // occur by chance inside compressed data, hence the probe.
        while let Some(candidate) = raw.find(from, &[0x1f, 0x8b, 0x08])? {
            raw.seek_to(candidate)?;
            let mut probe = [0u8; 32];
            let mut dec = GzDecoder::new(raw);
            let n = read_up_to(&mut dec, &mut probe);
            raw = dec.into_inner();
            if starts_with_warc(&probe[..n]) {
                raw.seek_to(candidate)?;
                self.state = Member::Between(raw);
                return Ok(true);
            }
            from = candidate + 1;
        }
        self.state = Member::Between(raw);
        Ok(false)
    }
}

/// A WARC file's record stream, compressed or not.
enum Framed<R> {
    Plain(Counted<R>),
    Gzip(GzMembers<R>),
}

impl<R: BufRead> Read for Framed<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Framed<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Framed::Plain(r) => r.fill_buf(),
            Framed::Gzip(g) => g.fill(true),
        }
    }

    fn consume(&mut self, amt: usize) {
        match self {
            Framed::Plain(r) => r.consume(amt),
            Framed::Gzip(g) => g.start = (g.start + amt).min(g.end),
        }
    }
}

impl<R: BufRead + Seek> Framed<R> {
    /// Where the record about to be read starts (see the module docs).
    fn record_offset(&self) -> u64 {
        match self {
            Framed::Plain(r) => r.pos,
            Framed::Gzip(g) => g.member_offset,
        }
    }

    /// Skips the line ends between records; false at the end of the file.
    fn skip_blank(&mut self) -> io::Result<bool> {
        loop {
            let buf = self.fill_buf()?;
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let more = n < buf.len();
            self.consume(n);
            if more {
                return Ok(true);
            }
        }
    }

    /// Checks that a record's block ends where its `Content-Length` says.
    ///
    /// The standard ends every record with CRLF CRLF, but writers that emit
    /// more or fewer line ends exist, so any run of them is accepted as long
    /// as the next record (or the end of the file or gzip member) follows.
    /// A record of a `.warc.gz` is judged within its own member: a corrupt
    /// *next* member is that record's problem, not this one's.
    fn expect_record_end(&mut self) -> Result<(), RecordError> {
        loop {
            let buf = match self {
                Framed::Plain(r) => r.fill_buf()?,
                Framed::Gzip(g) => g.fill(false)?,
            };
            if buf.is_empty() {
                return Ok(());
            }
            let n = buf
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            let next = buf.get(n).copied();
            self.consume(n);
            match next {
                None => continue,
                Some(b'W') => return Ok(()),
                Some(_) => {
                    return Err(RecordError::Framing(warc_err(
                        "the record does not end where its Content-Length says",
                    )))
                }
            }
        }
    }

    /// Gets back in step after a malformed record that started at `after`.
    fn resync(&mut self, after: u64) -> io::Result<bool> {
        match self {
            Framed::Plain(raw) => match raw.find(after + 1, b"\nWARC/")? {
                Some(newline) => {
                    raw.seek_to(newline + 1)?;
                    Ok(true)
                }
                None => Ok(false),
            },
            Framed::Gzip(g) => g.resync(after),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use std::io::Cursor;

    fn pages(file: Vec<u8>, options: &Options) -> Vec<Result<RawPage, IngestError>> {
        WarcPages::new("t.warc.gz", Cursor::new(file), options)
            .unwrap()
            .collect()
    }

    fn offset_of(page: &RawPage) -> u64 {
        match page.input {
            InputRef::Warc { offset, .. } => offset,
            ref other => panic!("not a WARC input: {other:?}"),
        }
    }

    /// A crawl as it comes: info, request/response pairs, an image, a
    /// redirect, DNS, metadata, and two real pages.
    fn crawl() -> Vec<Vec<u8>> {
        let html1 = page("One");
        let html2 = page("Two");
        vec![
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                b"software: test\r\n",
            ),
            record(
                "request",
                "https://news.example/one",
                "application/http; msgtype=request",
                b"GET /one HTTP/1.1\r\nHost: news.example\r\n\r\n",
            ),
            response(
                "https://news.example/one",
                "200 OK",
                &[
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Transfer-Encoding", "chunked"),
                    ("Content-Encoding", "gzip"),
                    ("Last-Modified", "Wed, 08 Oct 2014 10:00:00 GMT"),
                ],
                &chunked(&gzip(&html1), 50),
            ),
            response(
                "https://news.example/logo.png",
                "200 OK",
                &[("Content-Type", "image/png")],
                b"\x89PNG\r\n\x1a\nnot really",
            ),
            response(
                "https://news.example/old",
                "301 Moved Permanently",
                &[("Content-Type", "text/html"), ("Location", "/two")],
                b"<html><body>Moved</body></html>",
            ),
            record(
                "response",
                "dns:news.example",
                "text/dns",
                b"20141008110100\nnews.example. 300 IN A 10.0.0.1\n",
            ),
            record(
                "metadata",
                "https://news.example/one",
                "application/warc-fields",
                b"outlink: x\r\n",
            ),
            response(
                "<https://news.example/two>",
                "200 OK",
                &[("Content-Type", "application/xhtml+xml")],
                &html2,
            ),
        ]
    }

    fn check_crawl(got: &[Result<RawPage, IngestError>], offsets: &[u64]) {
        assert_eq!(got.len(), 2, "{got:?}");
        let one = got[0].as_ref().unwrap();
        assert_eq!(one.bytes, page("One"), "chunked gzip body undone");
        assert_eq!(one.url.as_deref(), Some("https://news.example/one"));
        assert_eq!(
            one.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(
            one.fetched.unwrap().to_rfc3339(),
            "2014-10-08T11:01:00+00:00"
        );
        assert_eq!(
            one.last_modified.unwrap().to_rfc3339(),
            "2014-10-08T10:00:00+00:00"
        );
        assert_eq!(offset_of(one), offsets[2]);
        let InputRef::Warc {
            path, record_id, ..
        } = &one.input
        else {
            unreachable!()
        };
        assert_eq!(path, "t.warc.gz");
        assert!(record_id.starts_with("<urn:uuid:"), "{record_id}");

        let two = got[1].as_ref().unwrap();
        assert_eq!(two.bytes, page("Two"));
        assert_eq!(two.url.as_deref(), Some("https://news.example/two"));
        assert_eq!(two.last_modified, None);
        assert_eq!(offset_of(two), offsets[7]);
    }

    #[test]
    fn gzip_warc_yields_html_responses_only() {
        let (file, offsets) = warc_file(&crawl(), true);
        check_crawl(&pages(file, &Options::default()), &offsets);
    }

    #[test]
    fn plain_warc_yields_the_same_with_byte_offsets() {
        let (file, offsets) = warc_file(&crawl(), false);
        check_crawl(&pages(file, &Options::default()), &offsets);
    }

    #[test]
    fn offsets_find_the_record_again() {
        let (file, offsets) = warc_file(&crawl(), true);
        for page in pages(file.clone(), &Options::default()) {
            let page = page.unwrap();
            let rest = file[offset_of(&page) as usize..].to_vec();
            let again = pages(rest, &Options::default()).remove(0).unwrap();
            assert_eq!(again.bytes, page.bytes);
        }
        assert!(offsets.len() > 2);
    }

    #[test]
    fn single_gzip_stream_is_read_too() {
        let plain: Vec<u8> = crawl().concat();
        let got = pages(gzip(&plain), &Options::default());
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|p| offset_of(p.as_ref().unwrap()) == 0));
    }

    #[test]
    fn corrupt_gzip_record_then_good_one() {
        let bad =
            gzip(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxyz\r\n\r\n");
        let good = gzip(&response(
            "https://a.example/",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("A"),
        ));
        let mut file = bad.clone();
        file.extend_from_slice(&good);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 2, "{got:?}");
        let err = got[0].as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.warc.gz record at offset 0: missing or invalid Content-Length"
        );
        let page = got[1].as_ref().unwrap();
        assert_eq!(page.url.as_deref(), Some("https://a.example/"));
        assert_eq!(offset_of(page), bad.len() as u64);
    }

    #[test]
    fn truncated_gzip_member_then_good_one() {
        let html: Vec<u8> = (0..3000)
            .flat_map(|i| format!("<p>paragraph {i}</p>").into_bytes())
            .collect();
        let first = gzip(&response(
            "https://a.example/1",
            "200 OK",
            &[("Content-Type", "text/html")],
            &html,
        ));
        let cut = &first[..first.len() / 2];
        let second = gzip(&response(
            "https://a.example/2",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("B"),
        ));
        let mut file = cut.to_vec();
        file.extend_from_slice(&second);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("t.warc.gz record at offset 0: "));
        let page = got[1].as_ref().unwrap();
        assert_eq!(page.url.as_deref(), Some("https://a.example/2"));
        assert_eq!(offset_of(page), cut.len() as u64);
    }

    #[test]
    fn gzip_crc_error_is_the_records_own() {
        let mut first = gzip(&response(
            "https://a.example/1",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("A"),
        ));
        let n = first.len();
        first[n - 8] ^= 0xff; // the CRC32 in the member's trailer
        let second = gzip(&response(
            "https://a.example/2",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("B"),
        ));
        let mut file = first.clone();
        file.extend_from_slice(&second);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].is_err());
        assert_eq!(
            got[1].as_ref().unwrap().url.as_deref(),
            Some("https://a.example/2")
        );
    }

    #[test]
    fn plain_record_with_wrong_length_then_good_one() {
        let mut bad = response(
            "https://a.example/1",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("A"),
        );
        // Claim 20 bytes fewer than the block has.
        let text = String::from_utf8(bad.clone()).unwrap();
        let len: usize = text
            .split("Content-Length: ")
            .nth(1)
            .unwrap()
            .split("\r\n")
            .next()
            .unwrap()
            .parse()
            .unwrap();
        bad = text
            .replace(
                &format!("Content-Length: {len}\r\n"),
                &format!("Content-Length: {}\r\n", len - 20),
            )
            .into_bytes();
        let good = response(
            "https://a.example/2",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("B"),
        );
        let (file, offsets) = warc_file(&[bad, good], false);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            "t.warc.gz record at offset 0: the record does not end where its Content-Length says"
        );
        let page = got[1].as_ref().unwrap();
        assert_eq!(page.url.as_deref(), Some("https://a.example/2"));
        assert_eq!(offset_of(page), offsets[1]);
    }

    #[test]
    fn garbage_before_the_first_record_is_reported_once() {
        let good = response(
            "https://a.example/",
            "200 OK",
            &[("Content-Type", "text/html")],
            &page("A"),
        );
        let mut file = b"this is not\na WARC file\n".to_vec();
        let at = file.len() as u64;
        file.extend_from_slice(&good);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("not a WARC record"));
        assert_eq!(offset_of(got[1].as_ref().unwrap()), at);
    }

    #[test]
    fn bad_content_does_not_lose_the_next_record() {
        let records = vec![
            record(
                "response",
                "https://a.example/1",
                "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
            ),
            response(
                "https://a.example/2",
                "200 OK",
                &[
                    ("Content-Type", "text/html"),
                    ("Content-Encoding", "compress"),
                ],
                b"x",
            ),
            response(
                "https://a.example/3",
                "200 OK",
                &[("Content-Type", "text/html")],
                &vec![b'x'; 5000],
            ),
            response(
                "https://a.example/4",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("D"),
            ),
        ];
        let (file, offsets) = warc_file(&records, true);
        let opts = Options {
            max_bytes: 4000,
            ..Options::default()
        };
        let got = pages(file, &opts);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            format!(
                "t.warc.gz record at offset {}: truncated HTTP head",
                offsets[0]
            )
        );
        assert!(got[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("unsupported Content-Encoding compress"));
        assert!(matches!(
            got[2].as_ref().unwrap_err().kind(),
            ErrorKind::TooLarge(4000)
        ));
        assert_eq!(offset_of(got[3].as_ref().unwrap()), offsets[3]);
    }

    #[test]
    fn big_skipped_records_cost_no_limit() {
        let video = vec![0u8; 3_000_000];
        let records = vec![
            response(
                "https://a.example/v.mp4",
                "200 OK",
                &[("Content-Type", "video/mp4")],
                &video,
            ),
            record(
                "resource",
                "https://a.example/blob",
                "application/octet-stream",
                &video,
            ),
            response(
                "https://a.example/",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("A"),
            ),
        ];
        let (file, _) = warc_file(&records, true);
        let opts = Options {
            max_bytes: 10_000,
            ..Options::default()
        };
        let got = pages(file, &opts);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].is_ok());
    }

    #[test]
    fn missing_content_type_is_sniffed() {
        let records = vec![
            response("https://a.example/1", "200 OK", &[], &page("A")),
            response("https://a.example/2", "200 OK", &[], b"{\"json\": true}"),
        ];
        let (file, _) = warc_file(&records, false);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 1);
        let p = got[0].as_ref().unwrap();
        assert_eq!(p.url.as_deref(), Some("https://a.example/1"));
        assert_eq!(p.content_type, None);
    }

    #[test]
    fn truncated_file_ends_with_an_error() {
        let records = vec![
            response(
                "https://a.example/1",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("A"),
            ),
            response(
                "https://a.example/2",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("B"),
            ),
        ];
        let (mut file, offsets) = warc_file(&records, false);
        file.truncate(file.len() - 100);
        let got = pages(file, &Options::default());
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].is_ok());
        let err = got[1].as_ref().unwrap_err().to_string();
        assert!(
            err.starts_with(&format!(
                "t.warc.gz record at offset {}: truncated record",
                offsets[1]
            )),
            "{err}"
        );
    }

    #[test]
    fn detection() {
        let rec = record("warcinfo", "", "application/warc-fields", b"x");
        assert!(has_warc_magic(&rec));
        assert!(has_warc_magic(&gzip(&rec)));
        assert!(!has_warc_magic(b"<html>"));
        assert!(!has_warc_magic(&gzip(b"<html>")));
        assert!(has_warc_extension(Path::new("a/b.warc")));
        assert!(has_warc_extension(Path::new("B.WARC.GZ")));
        assert!(!has_warc_extension(Path::new("warc.html")));
    }
}
