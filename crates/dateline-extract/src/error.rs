/// Why a page gave no article at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("empty input: no bytes to extract")]
    Empty,
    #[error("not a web page or text: looks like {0}")]
    Binary(&'static str),
    #[error("not a web page or text: content type {0}")]
    NotText(String),
    #[error("no article text found")]
    NoText,
}
