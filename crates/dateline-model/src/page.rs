use crate::InputRef;
use chrono::{DateTime, FixedOffset};

/// The bytes of one page as fetched or read, before extraction.
///
/// Ingestion (files, WARC records, HTTP fetches) produces these; extraction
/// consumes them. The archive keeps them so any article can be extracted again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPage {
    pub input: InputRef,
    /// The page's address, if known (the final URL after redirects).
    pub url: Option<String>,
    /// The HTTP `Content-Type` header, whose charset outranks the page's own.
    pub content_type: Option<String>,
    /// When the page was fetched (HTTP `Date` or `WARC-Date`).
    pub fetched: Option<DateTime<FixedOffset>>,
    /// The HTTP `Last-Modified` header, if any.
    pub last_modified: Option<DateTime<FixedOffset>>,
    /// The body, decompressed and de-chunked but not decoded.
    pub bytes: Vec<u8>,
}

impl RawPage {
    /// A page with nothing known but its bytes and origin.
    pub fn new(input: InputRef, bytes: Vec<u8>) -> Self {
        RawPage {
            input,
            url: None,
            content_type: None,
            fetched: None,
            last_modified: None,
            bytes,
        }
    }
}
