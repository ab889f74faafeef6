//! Page files, standard input and directory walks.

use crate::error::{ErrorKind, IngestError};
use crate::http::{self, DecodeError};
use crate::Options;
use dateline_model::{InputRef, RawPage};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Reads one page from a file. A gzip-compressed file (told by its first
/// bytes, whatever its name) is decompressed, since no page is ever gzip.
///
/// Nothing but the bytes is known about a file: `url`, `content_type`,
/// `fetched` and `last_modified` stay `None` (a file's modification time
/// says when it was saved, not when the page changed).
pub fn read_file(path: &Path, options: &Options) -> Result<RawPage, IngestError> {
    let name = path.display().to_string();
    let fail = |e: io::Error| IngestError::io(&name, e);
    let file = File::open(path).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(IngestError::io(
            &name,
            io::Error::from(io::ErrorKind::IsADirectory),
        ));
    }
    // Refuse a large regular file before reading it; pipes and devices are
    // caught by the capped read instead.
    if meta.is_file() && meta.len() > options.max_bytes {
        return Err(IngestError::new(
            name,
            ErrorKind::TooLarge(options.max_bytes),
        ));
    }
    let bytes = read_page(file, options.max_bytes).map_err(|k| IngestError::new(&name, k))?;
    Ok(RawPage::new(InputRef::File { path: name }, bytes))
}

/// Reads one page from standard input, decompressing gzip as
/// [`read_file`] does.
pub fn read_stdin(options: &Options) -> Result<RawPage, IngestError> {
    let bytes = read_page(io::stdin().lock(), options.max_bytes)
        .map_err(|k| IngestError::new(crate::STDIN_NAME, k))?;
    Ok(RawPage::new(InputRef::Stdin, bytes))
}

fn read_page<R: Read>(reader: R, max: u64) -> Result<Vec<u8>, ErrorKind> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ErrorKind::Io)?;
    if bytes.len() as u64 > max {
        return Err(ErrorKind::TooLarge(max));
    }
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    match http::gunzip(&bytes, max) {
        Ok(d) => {
            if d.truncated {
                tracing::debug!("gzip stream ends early; keeping what decompressed");
            }
            Ok(d.bytes)
        }
        Err(DecodeError::TooLarge) => Err(ErrorKind::TooLarge(max)),
        Err(DecodeError::Invalid(msg)) => Err(ErrorKind::Encoding(msg)),
    }
}

/// What a file met in a directory walk is taken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Page,
    Warc,
    /// No extension: a page, unless its first bytes say WARC.
    Unknown,
}

/// The directory rule (see [`crate::expand`]): page extensions, each
/// optionally followed by `.gz`; `.warc` and `.warc.gz`; no extension.
/// Anything else — stylesheets, scripts, images, JSON — is left alone.
pub(crate) fn classify_entry(name: &str) -> Option<EntryKind> {
    const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt"];
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
        return Some(EntryKind::Warc);
    }
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    match base.rsplit_once('.') {
        None => Some(EntryKind::Unknown),
        Some((_, "")) => Some(EntryKind::Unknown),
        Some((_, ext)) if PAGE_EXTENSIONS.contains(&ext) => Some(EntryKind::Page),
        Some(_) => None,
    }
}

/// The first bytes of a regular file, for telling a WARC without an
/// extension from a page. Errors are left for the real read to report.
pub(crate) fn sniff_head(path: &Path) -> Vec<u8> {
    let mut head = Vec::with_capacity(512);
    if let Ok(f) = File::open(path) {
        let _ = f.take(512).read_to_end(&mut head);
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn directory_rule() {
        for (name, kind) in [
            ("a.html", Some(EntryKind::Page)),
            ("A.HTM", Some(EntryKind::Page)),
            ("a.xhtml", Some(EntryKind::Page)),
            ("notes.txt", Some(EntryKind::Page)),
            ("a.html.gz", Some(EntryKind::Page)),
            ("a.htm.gz", Some(EntryKind::Page)),
            ("crawl.warc", Some(EntryKind::Warc)),
            ("crawl.WARC.GZ", Some(EntryKind::Warc)),
            ("index", Some(EntryKind::Unknown)),
            ("article.", Some(EntryKind::Unknown)),
            ("style.css", None),
            ("photo.jpg", None),
            ("data.json.gz", None),
            ("archive.gz", Some(EntryKind::Unknown)),
        ] {
            assert_eq!(classify_entry(name), kind, "{name}");
        }
    }

    #[test]
    fn gzip_pages_are_decompressed_and_capped() {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b"<p>zipped</p>").unwrap();
        let gz = e.finish().unwrap();
        assert_eq!(read_page(&gz[..], 1000).unwrap(), b"<p>zipped</p>");
        assert!(matches!(read_page(&gz[..], 5), Err(ErrorKind::TooLarge(5))));
        assert!(matches!(
            read_page(&b"0123456789"[..], 5),
            Err(ErrorKind::TooLarge(5))
        ));
        assert_eq!(read_page(&b"plain"[..], 5).unwrap(), b"plain");
        assert!(matches!(
            read_page(&b"\x1f\x8bnot really gzip"[..], 100),
            Err(ErrorKind::Encoding(_))
        ));
    }

    #[test]
    fn file_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.html");
        let err = read_file(&missing, &Options::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: no such file or directory", missing.display())
        );
        let big = dir.path().join("big.html");
        std::fs::write(&big, vec![b'x'; 100]).unwrap();
        let opts = Options {
            max_bytes: 10,
            ..Options::default()
        };
        let err = read_file(&big, &opts).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooLarge(10)), "{err}");
        let page = read_file(&big, &Options::default()).unwrap();
        assert_eq!(page.bytes.len(), 100);
        assert_eq!(
            page.input,
            InputRef::File {
                path: big.display().to_string()
            }
        );
    }
}
