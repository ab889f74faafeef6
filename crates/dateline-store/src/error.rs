use std::fmt;

/// What went wrong in the archive itself (not in one item of a batch:
/// see [`crate::ItemError`]).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The request is malformed: a bad query, an unknown cursor, a limit
    /// exceeded. The message says why, for the person who wrote it.
    #[error("{0}")]
    BadRequest(String),
    /// The archive is in use in a way that excludes this operation
    /// (another process holds the index writer during a rebuild).
    #[error("{0}")]
    Busy(String),
    /// The data directory or database is not an archive this version
    /// can use (newer schema, damaged files).
    #[error("{0}")]
    Incompatible(String),
    /// Anything else: I/O, the database, the index. Names what failed.
    #[error("{context}: {source}")]
    Backend {
        context: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl StoreError {
    pub fn bad_request(msg: impl fmt::Display) -> Self {
        StoreError::BadRequest(msg.to_string())
    }

    /// Wraps a backend error with what was being done.
    pub fn backend<E>(context: impl fmt::Display, source: E) -> Self
    where
        E: std::error::Error + Send + Sync + 'static,
    {
        StoreError::Backend {
            context: context.to_string(),
            source: Box::new(source),
        }
    }
}

impl From<dateline_query::ParseError> for StoreError {
    fn from(e: dateline_query::ParseError) -> Self {
        StoreError::BadRequest(format!("bad query: {e}"))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Adds what was being done to a backend error, as anyhow's `context`.
pub trait Context<T> {
    fn context(self, what: impl fmt::Display) -> Result<T>;
}

impl<T, E> Context<T> for std::result::Result<T, E>
where
    E: std::error::Error + Send + Sync + 'static,
{
    fn context(self, what: impl fmt::Display) -> Result<T> {
        self.map_err(|e| StoreError::backend(what, e))
    }
}
