use serde::{Deserialize, Serialize};

/// Where an article came from: enough to find the bytes again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputRef {
    /// A file on disk.
    File { path: String },
    /// Standard input.
    Stdin,
    /// A page fetched over HTTP(S); `url` is the address asked for
    /// (the article's `url` is where redirects ended).
    Url { url: String },
    /// One `response` record of a WARC file.
    Warc {
        path: String,
        /// `WARC-Record-ID` of the record.
        record_id: String,
        /// Byte offset of the record in the (possibly compressed) file,
        /// so it can be read again without a scan.
        offset: u64,
    },
}

impl std::fmt::Display for InputRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputRef::File { path } => f.write_str(path),
            InputRef::Stdin => f.write_str("-"),
            InputRef::Url { url } => f.write_str(url),
            InputRef::Warc {
                path, record_id, ..
            } => write!(f, "{path}#{record_id}"),
        }
    }
}
