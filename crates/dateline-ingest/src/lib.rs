//! Reading pages: files, directories, stdin, WARC archives and URLs.
//!
//! This crate turns what a user names on the command line into a stream
//! of [`RawPage`]s for extraction. It does no extraction itself and knows
//! nothing of articles.
//!
//! ```no_run
//! use dateline_ingest::{expand, Input, Options};
//!
//! let inputs = ["pages/", "crawl.warc.gz", "https://example.com/news/1"]
//!     .iter()
//!     .map(|s| Input::parse(s))
//!     .collect::<Result<Vec<_>, _>>()?;
//! for source in expand(inputs, &Options::default()) {
//!     match source.and_then(|s| s.read()) {
//!         Ok(page) => println!("{} bytes from {:?}", page.bytes.len(), page.input),
//!         Err(e) => eprintln!("error: {e}"),
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How inputs expand
//!
//! [`expand`] yields one item per page, in a deterministic order, and an
//! error item (never a panic, never an early stop) for each input or
//! record that cannot be read, so a batch always goes on past a bad item:
//!
//! - `-` is standard input, one page.
//! - `http://…` and `https://…` are fetched (see [`Fetcher::fetch`]).
//! - A file named `*.warc` or `*.warc.gz`, or any file whose bytes start
//!   with `WARC/` (after gunzip), yields the HTML pages of its records (see
//!   [`WarcPages`]). Records are read while the iterator is driven, one at a
//!   time, so a WARC of any size streams.
//! - Any other file is one page, read whatever its name (the user named
//!   it). Gzip-compressed files are decompressed.
//! - A directory is walked recursively, entries sorted by name, skipping
//!   hidden files and directories (names starting with `.`). Symbolic
//!   links to files are read; links to directories are not followed (no
//!   cycles). Its files are taken by name:
//!   - `.html`, `.htm`, `.xhtml`, `.txt`, each optionally followed by
//!     `.gz`: a page;
//!   - `.warc`, `.warc.gz`: a WARC archive;
//!   - no extension at all (`index`, as mirrors save pages): a page, or a
//!     WARC archive if its first bytes say so;
//!   - anything else (stylesheets, scripts, images, `.json`): skipped,
//!     because a mirrored site holds far more of those than pages.
//!
//! Files, stdin and URLs come as lazy [`Source`]s: nothing is read until
//! [`Source::read`], which a caller may run on worker threads. WARC records
//! come already read, because the file must be read in order anyway.
//!
//! Every body is capped at [`Options::max_bytes`] (after decompression),
//! which keeps a stray disk image or a compression bomb from exhausting
//! memory.

mod error;
mod fetch;
mod file;
mod http;
mod warc;

#[cfg(test)]
mod testutil;

pub use error::{ErrorKind, IngestError};
pub use fetch::Fetcher;
pub use file::{read_file, read_stdin};
pub use warc::WarcPages;

use dateline_model::{InputRef, RawPage};
use std::collections::VecDeque;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// `Dateline/<version> (+https://github.com/dateline-news/dateline)`: says
/// who is fetching and where to read about it, as polite crawlers do.
pub const USER_AGENT: &str = concat!(
    "Dateline/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/dateline-news/dateline)"
);

/// How the standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Limits and settings for reading and fetching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The largest body accepted, in bytes, after decompression. Default
    /// 50 MiB: far above any real article page, far below trouble.
    pub max_bytes: u64,
    /// The longest a whole fetch may take. Default 30 s.
    pub timeout: Duration,
    /// The longest connecting may take (capped at `timeout`). Default 10 s.
    pub connect_timeout: Duration,
    /// Redirects followed before giving up. Default 10.
    pub max_redirects: usize,
    /// The `User-Agent` header. Default [`USER_AGENT`].
    pub user_agent: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 50 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 10,
            user_agent: USER_AGENT.to_string(),
        }
    }
}

/// One input as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`.
    Stdin,
    /// A file or directory; which one is decided when it is expanded.
    Path(PathBuf),
    /// An `http` or `https` URL, already checked to parse.
    Url(String),
}

/// A command-line input that cannot be an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputParseError {
    #[error("empty input name")]
    Empty,
    #[error("{0}: invalid URL: {1}")]
    InvalidUrl(String, String),
    #[error("{0}: unsupported URL scheme {1:?} (only http and https are fetched)")]
    UnsupportedScheme(String, String),
}

impl Input {
    /// `-` is stdin; `scheme://…` is a URL (which must be http or https
    /// and parse); anything else is a path.
    pub fn parse(s: &str) -> Result<Input, InputParseError> {
        if s.is_empty() {
            return Err(InputParseError::Empty);
        }
        if s == "-" {
            return Ok(Input::Stdin);
        }
        if let Some((scheme, _)) = s.split_once("://") {
            let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
            if is_scheme {
                let lower = scheme.to_ascii_lowercase();
                if lower != "http" && lower != "https" {
                    return Err(InputParseError::UnsupportedScheme(s.to_string(), lower));
                }
                return reqwest::Url::parse(s)
                    .map(|u| Input::Url(u.to_string()))
                    .map_err(|e| InputParseError::InvalidUrl(s.to_string(), e.to_string()));
            }
        }
        Ok(Input::Path(PathBuf::from(s)))
    }
}

impl FromStr for Input {
    type Err = InputParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Input::parse(s)
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::Path(p) => write!(f, "{}", p.display()),
            Input::Url(u) => f.write_str(u),
        }
    }
}

/// How messages name an input: the path, `<stdin>`, the URL, or
/// `crawl.warc.gz record at offset 1234` (the offset finds the record
/// again; see [`WarcPages`]).
pub fn input_name(input: &InputRef) -> String {
    match input {
        InputRef::File { path } => path.clone(),
        InputRef::Stdin => STDIN_NAME.to_string(),
        InputRef::Url { url } => url.clone(),
        InputRef::Warc { path, offset, .. } => format!("{path} record at offset {offset}"),
    }
}

/// What [`expand`] and its [`Source`]s share: the options and the HTTP
/// client, which is built on first use so that a batch of files never
/// starts one.
#[derive(Debug)]
struct Shared {
    options: Options,
    fetcher: OnceLock<Result<Fetcher, String>>,
}

impl Shared {
    fn fetcher(&self) -> Result<&Fetcher, &str> {
        self.fetcher
            .get_or_init(|| Fetcher::new(&self.options).map_err(|e| e.kind().to_string()))
            .as_ref()
            .map_err(String::as_str)
    }
}

/// One page to be read: a file, stdin or a URL not yet read, or a WARC
/// record already read. `Send`, so it can be read on a worker thread.
#[derive(Debug)]
pub struct Source {
    kind: SourceKind,
    shared: Arc<Shared>,
}

#[derive(Debug)]
enum SourceKind {
    File(PathBuf),
    Stdin,
    Url(String),
    Page(Box<RawPage>),
}

impl Source {
    /// Where the page comes from, known before reading.
    pub fn input(&self) -> InputRef {
        match &self.kind {
            SourceKind::File(p) => InputRef::File {
                path: p.display().to_string(),
            },
            SourceKind::Stdin => InputRef::Stdin,
            SourceKind::Url(u) => InputRef::Url { url: u.clone() },
            SourceKind::Page(page) => page.input.clone(),
        }
    }

    /// Reads (or fetches) the page. Errors name the input.
    pub fn read(self) -> Result<RawPage, IngestError> {
        let options = &self.shared.options;
        match self.kind {
            SourceKind::File(path) => read_file(&path, options),
            SourceKind::Stdin => read_stdin(options),
            SourceKind::Url(url) => match self.shared.fetcher() {
                Ok(fetcher) => fetcher.fetch(&url),
                Err(msg) => Err(IngestError::new(
                    url,
                    ErrorKind::Network(format!("HTTP client: {msg}")),
                )),
            },
            SourceKind::Page(page) => Ok(*page),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&input_name(&self.input()))
    }
}

/// Expands command-line inputs into pages, lazily and in order (see the
/// crate docs for the rules). Nothing is touched until the iterator is
/// driven; then directories are walked and WARC records read one item at
/// a time.
pub fn expand<I: IntoIterator<Item = Input>>(inputs: I, options: &Options) -> Expand {
    Expand {
        shared: Arc::new(Shared {
            options: options.clone(),
            fetcher: OnceLock::new(),
        }),
        pending: inputs.into_iter().collect(),
        walk: None,
        warc: None,
    }
}

type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// The iterator of [`expand`]: one item per page or per failure.
pub struct Expand {
    shared: Arc<Shared>,
    pending: VecDeque<Input>,
    walk: Option<Walk>,
    warc: Option<WarcPages<std::io::BufReader<std::fs::File>>>,
}

impl fmt::Debug for Expand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Expand")
            .field("pending", &self.pending)
            .field("walking", &self.walk.is_some())
            .field("in_warc", &self.warc.is_some())
            .finish()
    }
}

impl Expand {
    fn source(&self, kind: SourceKind) -> Source {
        Source {
            kind,
            shared: Arc::clone(&self.shared),
        }
    }

    /// Starts reading a WARC; the error if it cannot be opened.
    fn open_warc(&mut self, path: &Path) -> Option<Result<Source, IngestError>> {
        match WarcPages::open(path, &self.shared.options) {
            Ok(pages) => {
                self.warc = Some(pages);
                None
            }
            Err(e) => Some(Err(e)),
        }
    }

    fn start_path(&mut self, path: PathBuf) -> Option<Result<Source, IngestError>> {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(IngestError::io(path.display().to_string(), e))),
        };
        if meta.is_dir() {
            fn not_hidden(e: &walkdir::DirEntry) -> bool {
                e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
            }
            let walk = walkdir::WalkDir::new(&path)
                .follow_links(false)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(not_hidden as fn(&walkdir::DirEntry) -> bool);
            self.walk = Some(walk);
            return None;
        }
        // Only regular files are sniffed: peeking at a pipe would eat
        // bytes the page needs.
        if meta.is_file()
            && (warc::has_warc_extension(&path) || warc::has_warc_magic(&file::sniff_head(&path)))
        {
            return self.open_warc(&path);
        }
        Some(Ok(self.source(SourceKind::File(path))))
    }

    fn dir_entry(&mut self, entry: walkdir::DirEntry) -> Option<Result<Source, IngestError>> {
        let path = entry.into_path();
        let file_type = std::fs::symlink_metadata(&path).map(|m| m.file_type());
        let is_file = match file_type {
            Ok(t) if t.is_file() => true,
            Ok(t) if t.is_symlink() => match std::fs::metadata(&path) {
                Ok(target) => target.is_file(),
                // A dangling link: let the read report it.
                Err(_) => true,
            },
            _ => false,
        };
        if !is_file {
            return None;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match file::classify_entry(&name) {
            None => {
                tracing::debug!(path = %path.display(), "skipping file that is not a page");
                None
            }
            Some(file::EntryKind::Page) => Some(Ok(self.source(SourceKind::File(path)))),
            Some(file::EntryKind::Warc) => self.open_warc(&path),
            Some(file::EntryKind::Unknown) => {
                if warc::has_warc_magic(&file::sniff_head(&path)) {
                    self.open_warc(&path)
                } else {
                    Some(Ok(self.source(SourceKind::File(path))))
                }
            }
        }
    }
}

impl Iterator for Expand {
    type Item = Result<Source, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(pages) = &mut self.warc {
                match pages.next() {
                    Some(item) => {
                        return Some(item.map(|page| self.source(SourceKind::Page(Box::new(page)))))
                    }
                    None => self.warc = None,
                }
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        if let Some(item) = self.dir_entry(entry) {
                            return Some(item);
                        }
                    }
                    Some(Err(e)) => return Some(Err(walk_error(e))),
                    None => self.walk = None,
                }
                continue;
            }
            let item = match self.pending.pop_front()? {
                Input::Stdin => Some(Ok(self.source(SourceKind::Stdin))),
                Input::Url(url) => Some(Ok(self.source(SourceKind::Url(url)))),
                Input::Path(path) => self.start_path(path),
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

fn walk_error(e: walkdir::Error) -> IngestError {
    let name = e
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "directory walk".to_string());
    match e.into_io_error() {
        Some(io) => IngestError::io(name, io),
        None => IngestError::new(
            name,
            ErrorKind::Io(std::io::Error::other("symbolic link loop")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{gzip, page, response, warc_file};
    use std::fs;

    #[test]
    fn parses_inputs() {
        assert_eq!(Input::parse("-").unwrap(), Input::Stdin);
        assert_eq!(
            Input::parse("pages/a.html").unwrap(),
            Input::Path(PathBuf::from("pages/a.html"))
        );
        assert_eq!(
            Input::parse("https://example.com").unwrap(),
            Input::Url("https://example.com/".into())
        );
        assert_eq!(
            Input::parse("HTTP://Example.com/a?b").unwrap(),
            Input::Url("http://example.com/a?b".into())
        );
        assert!(matches!(
            Input::parse("ftp://example.com/x"),
            Err(InputParseError::UnsupportedScheme(_, s)) if s == "ftp"
        ));
        let err = Input::parse("http://").unwrap_err();
        assert!(err.to_string().starts_with("http://: invalid URL"), "{err}");
        assert_eq!(Input::parse(""), Err(InputParseError::Empty));
        // Not a scheme: a path that happens to contain "://".
        assert!(matches!(Input::parse("./a://b"), Ok(Input::Path(_))));
    }

    fn names(items: &[Result<Source, IngestError>], root: &Path) -> Vec<String> {
        let root = format!("{}/", root.display());
        items
            .iter()
            .map(|i| match i {
                Ok(s) => s.to_string().replace(&root, ""),
                Err(e) => format!("error: {}", e.to_string().replace(&root, "")),
            })
            .collect()
    }

    #[test]
    fn walks_a_directory_by_the_rule() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let write = |rel: &str, bytes: &[u8]| {
            let p = d.join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, bytes).unwrap();
        };
        write("b.html", &page("B"));
        write("a.htm", &page("A"));
        write("sub/c.xhtml", &page("C"));
        write("sub/notes.txt", b"Plain text notes.");
        write("sub/z.html.gz", &gzip(&page("Z")));
        write("index", &page("Index"));
        write("style.css", b"p { color: red }");
        write("logo.png", b"\x89PNG");
        write(".hidden.html", &page("Hidden"));
        write(".git/objects/x.html", &page("Git"));
        let records = [
            response(
                "https://w.example/1",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("W1"),
            ),
            response(
                "https://w.example/2",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("W2"),
            ),
        ];
        let (warc, offsets) = warc_file(&records, true);
        write("crawl.warc.gz", &warc);
        let (plain, _) = warc_file(&records[..1], false);
        write("sub/dump", &plain); // a WARC told by its bytes
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("sub"), d.join("sub-link")).unwrap();
            std::os::unix::fs::symlink(d.join("b.html"), d.join("b-link.html")).unwrap();
        }

        let items: Vec<_> = expand([Input::Path(d.to_path_buf())], &Options::default()).collect();
        let mut want = vec![
            "a.htm".to_string(),
            "b-link.html".into(),
            "b.html".into(),
            format!("crawl.warc.gz record at offset {}", offsets[0]),
            format!("crawl.warc.gz record at offset {}", offsets[1]),
            "index".into(),
            "sub/c.xhtml".into(),
            "sub/dump record at offset 0".into(),
            "sub/notes.txt".into(),
            "sub/z.html.gz".into(),
        ];
        if !cfg!(unix) {
            want.retain(|n| n != "b-link.html");
        }
        assert_eq!(names(&items, d), want);

        let pages: Vec<RawPage> = items
            .into_iter()
            .map(|s| s.unwrap().read().unwrap())
            .collect();
        assert_eq!(pages[0].bytes, page("A"));
        assert_eq!(pages[3].url.as_deref(), Some("https://w.example/1"));
        assert_eq!(
            pages.last().unwrap().bytes,
            page("Z"),
            "gzip page decompressed"
        );
        assert!(matches!(pages[0].input, InputRef::File { .. }));
    }

    #[test]
    fn a_batch_goes_on_past_bad_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("good.html"), page("Good")).unwrap();
        // Named explicitly, any file is a page, and a WARC is told by its bytes.
        fs::write(d.join("page.php"), page("PHP")).unwrap();
        let (warc, _) = warc_file(
            &[response(
                "https://w.example/",
                "200 OK",
                &[("Content-Type", "text/html")],
                &page("W"),
            )],
            true,
        );
        fs::write(d.join("archive.bin"), warc).unwrap();
        let inputs = vec![
            Input::Path(d.join("missing.html")),
            Input::Path(d.join("good.html")),
            Input::Path(d.join("page.php")),
            Input::Path(d.join("archive.bin")),
            Input::Stdin,
            Input::Url("http://127.0.0.1:1/".into()),
        ];
        let items: Vec<_> = expand(inputs, &Options::default()).collect();
        assert_eq!(
            names(&items, d),
            [
                "error: missing.html: no such file or directory",
                "good.html",
                "page.php",
                "archive.bin record at offset 0",
                "<stdin>",
                "http://127.0.0.1:1/",
            ]
        );
        assert_eq!(items[4].as_ref().unwrap().input(), InputRef::Stdin);
        let url = items.into_iter().nth(5).unwrap().unwrap();
        let err = url.read().unwrap_err();
        assert!(
            err.to_string()
                .starts_with("http://127.0.0.1:1/: cannot connect"),
            "{err}"
        );
    }
}
