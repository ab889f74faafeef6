use std::fmt;
use std::io;
use std::time::Duration;

/// Why one input — a file, a URL or a WARC record — gave no page.
///
/// The message always starts with the input it is about
/// (`tests/x.html: permission denied`, `https://…: HTTP 404 Not Found`,
/// `a.warc.gz record at offset 1234: truncated HTTP head`), because in a
/// batch of thousands a message that does not say *which* input failed is
/// useless.
#[derive(Debug, thiserror::Error)]
#[error("{input}: {kind}")]
pub struct IngestError {
    input: String,
    kind: ErrorKind,
}

impl IngestError {
    pub fn new(input: impl Into<String>, kind: ErrorKind) -> Self {
        IngestError {
            input: input.into(),
            kind,
        }
    }

    /// The input the error is about, as the message names it.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What went wrong, without the input's name.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn io(input: impl Into<String>, err: io::Error) -> Self {
        IngestError::new(input, ErrorKind::Io(err))
    }
}

/// What went wrong with one input.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file or standard input failed.
    Io(io::Error),
    /// A directory entry or input that is neither a file nor a directory.
    NotAFile,
    /// The server answered with a status outside 2xx.
    Status { code: u16, reason: Option<String> },
    /// The server said the page is something other than HTML.
    NotHtml(String),
    /// The body is larger than [`crate::Options::max_bytes`].
    TooLarge(u64),
    /// The fetch took longer than [`crate::Options::timeout`].
    Timeout(Duration),
    /// More redirects than [`crate::Options::max_redirects`].
    TooManyRedirects(usize),
    /// Connecting or talking to the server failed.
    Network(String),
    /// A WARC record is malformed: bad header, wrong length, bad HTTP head.
    Warc(String),
    /// A body's `Transfer-Encoding` or `Content-Encoding` could not be undone.
    Encoding(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Io(err) => f.write_str(&io_message(err)),
            ErrorKind::NotAFile => f.write_str("not a regular file or directory"),
            ErrorKind::Status { code, reason } => match reason {
                Some(reason) => write!(f, "HTTP {code} {reason}"),
                None => write!(f, "HTTP {code}"),
            },
            ErrorKind::NotHtml(ct) => write!(f, "not an HTML page: content type {ct}"),
            ErrorKind::TooLarge(limit) => {
                write!(f, "body larger than the limit of {limit} bytes")
            }
            ErrorKind::Timeout(d) => write!(f, "timed out after {}", human_duration(*d)),
            ErrorKind::TooManyRedirects(n) => write!(f, "too many redirects (more than {n})"),
            ErrorKind::Network(msg) | ErrorKind::Warc(msg) | ErrorKind::Encoding(msg) => {
                f.write_str(msg)
            }
        }
    }
}

/// `Permission denied (os error 13)` → `permission denied`: the OS error
/// number helps nobody reading a batch log, and the message follows a colon.
pub(crate) fn io_message(err: &io::Error) -> String {
    let text = match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let s = err.to_string();
            match s.find(" (os error ") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    };
    lowercase_first(&text)
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Only lowercase a capitalised word, not an acronym such as "TLS".
        Some(c) if c.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

fn human_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_input() {
        let e = IngestError::io(
            "tests/x.html",
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(e.to_string(), "tests/x.html: permission denied");
        let e = IngestError::new(
            "https://example.com/a",
            ErrorKind::Status {
                code: 404,
                reason: Some("Not Found".into()),
            },
        );
        assert_eq!(e.to_string(), "https://example.com/a: HTTP 404 Not Found");
        let e = IngestError::new(
            "a.warc.gz record at offset 1234",
            ErrorKind::Warc("truncated HTTP head".into()),
        );
        assert_eq!(
            e.to_string(),
            "a.warc.gz record at offset 1234: truncated HTTP head"
        );
    }

    #[test]
    fn io_messages_drop_os_error_numbers() {
        let e = io::Error::from_raw_os_error(21);
        assert_eq!(io_message(&e), "is a directory");
        let e = io::Error::other("TLS handshake failed");
        assert_eq!(io_message(&e), "TLS handshake failed");
        let e = io::Error::other("Broken thing (os error 99)");
        assert_eq!(io_message(&e), "broken thing");
    }

    #[test]
    fn timeouts_read_naturally() {
        assert_eq!(
            ErrorKind::Timeout(Duration::from_secs(30)).to_string(),
            "timed out after 30 s"
        );
        assert_eq!(
            ErrorKind::Timeout(Duration::from_millis(300)).to_string(),
            "timed out after 0.3 s"
        );
    }
}
