//! The JSON API under `/api/v1`. Reading is open; writing needs the
//! bearer token. Every error is JSON with the status that fits
//! ([`crate::ApiError`]); every size and count a client controls is
//! limited ([`crate::params`], the body limit in [`crate::Config`]).

pub mod articles;
pub mod entities;
pub mod export;
pub mod meta;
pub mod quotes;
pub mod write;

use crate::App;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/health", get(meta::health))
        .route("/openapi.json", get(crate::openapi::document))
        .route("/articles", get(articles::search).post(write::post))
        .route("/articles/export", get(export::export))
        .route("/articles/{id}", get(articles::one))
        .route("/articles/{id}/revisions/{number}", get(articles::revision))
        .route("/entities", get(entities::search))
        .route("/entities/{id}", get(entities::one))
        .route("/quotes", get(quotes::search))
        .route("/sources", get(meta::sources))
        .route("/sections", get(meta::sections))
        .fallback(|| async { crate::ApiError::not_found("no such resource under /api/v1") })
}

/// Reads an id from the path, with a 400 that names it when it is none.
pub(crate) fn parse_id<T: std::str::FromStr>(what: &str, s: &str) -> Result<T, crate::ApiError> {
    s.parse()
        .map_err(|_| crate::ApiError::bad_request(format!("{what} id must be a number, not {s:?}")))
}
