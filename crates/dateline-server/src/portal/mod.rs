//! The portal: server-rendered HTML for people, no script. maud checks
//! the templates at build time and escapes every value it renders, so
//! nothing from a page ever becomes markup.

mod annotate;
mod article;
mod chart;
mod entity;
mod format;
mod layout;
mod search;

use crate::{ApiError, App};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dateline_query::Node;
use dateline_store::{SearchRequest, Sort, ValueField};
use maud::html;

pub fn routes() -> Router<App> {
    Router::new()
        .route("/", get(front))
        .route("/style.css", get(stylesheet))
        .route("/search", get(search::search))
        .route("/sections/{name}", get(search::section))
        .route("/sources/{name}", get(search::source))
        .route("/articles/{id}", get(article::current))
        .route("/articles/{id}/revisions/{number}", get(article::revision))
        .route("/entities", get(entity::list))
        .route("/entities/{id}", get(entity::one))
        .fallback(|| async { ApiError::not_found("There is no page at this address.").page() })
}

/// An error as a page, with the status the API would give.
impl ApiError {
    pub(crate) fn page(self) -> Response {
        let body = layout::page(
            "Error",
            html! {
                h1 { (self.status.canonical_reason().unwrap_or("Error")) }
                p { (self.message) }
            },
        );
        (self.status, body).into_response()
    }
}

/// The latest articles, then the latest of each section.
async fn front(State(app): State<App>) -> Response {
    let found = app
        .with_store(|s| {
            let mut latest = SearchRequest::new(Node::All);
            latest.sort = Sort::Newest;
            latest.limit = 10;
            let latest = s.search(&latest)?.hits;
            let mut sections = Vec::new();
            for section in s.values(ValueField::Section, 12)? {
                let mut request = SearchRequest::new(Node::All);
                request.filters.sections = vec![section.value.clone()];
                request.sort = Sort::Newest;
                request.limit = 5;
                sections.push((section, s.search(&request)?.hits));
            }
            Ok((latest, sections))
        })
        .await;
    let (latest, sections) = match found {
        Ok(found) => found,
        Err(e) => return e.page(),
    };
    let item = |hit: &dateline_store::Hit| {
        html! {
            li { a href={ "/articles/" (hit.id) } { (hit.title.as_deref().unwrap_or("(untitled)")) }
                 " " span class="meta" { (hit.source.as_deref().unwrap_or("")) " " (format::day(&hit.date)) } }
        }
    };
    layout::page(
        "Latest news",
        html! {
            h1 { "Latest news" }
            @if latest.is_empty() { p { "The archive is empty." } }
            div class="front" {
                @if !latest.is_empty() {
                    section class="latest" aria-labelledby="latest-h" {
                        h2 id="latest-h" { "Latest" }
                        ul { @for hit in &latest { (item(hit)) } }
                    }
                }
                @for (i, (section, hits)) in sections.iter().enumerate() {
                    section class="sections" aria-labelledby={ "s-" (i) } {
                        h2 id={ "s-" (i) } {
                            a href=(format::path("/sections", &section.value)) { (section.value) }
                            " " span class="n" { "(" (section.count) ")" }
                        }
                        ul { @for hit in hits { (item(hit)) } }
                    }
                }
            }
        },
    )
    .into_response()
}

async fn stylesheet() -> impl IntoResponse {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        layout::STYLESHEET,
    )
}
