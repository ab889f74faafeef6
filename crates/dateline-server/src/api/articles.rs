//! `/api/v1/articles`: search, and one article with its history.

use crate::api::parse_id;
use crate::params::Params;
use crate::{ApiError, App};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use dateline_model::Article;
use dateline_store::{ArticleId, SearchPage, Store, StoredArticle};

/// The parameters of an article search (documentation only: they are
/// read by [`Params::search`], which the portal shares).
#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query: words (all of them, stemmed in the article's language),
    /// "phrases", AND, OR, NOT or -word, parentheses, prefix*, and fields
    /// (title:, text:, author:, source:, section:, site:, entity:, quote:).
    /// Absent: every article.
    q: Option<String>,
    /// Articles mentioning this entity (name, alias or id); repeat for all of several.
    entity: Option<Vec<String>>,
    /// From this source; repeat for any of several.
    source: Option<Vec<String>>,
    section: Option<Vec<String>>,
    /// A host without `www.`.
    site: Option<Vec<String>>,
    /// A language code such as `en`.
    lang: Option<Vec<String>>,
    /// Dated at or after: 2014-10-08, 2014-10, 2014 or RFC 3339.
    since: Option<String>,
    /// Dated before the end of this day, month or year (or this instant).
    until: Option<String>,
    /// relevance (default), newest or oldest.
    sort: Option<String>,
    /// Hits on this page, 0 to 1000 (default 10).
    limit: Option<usize>,
    /// The previous page's `next_cursor`.
    cursor: Option<String>,
    /// Values per facet, 0 to 200 (default 0: no facets).
    facets: Option<usize>,
    /// day, week or month: matches per period beside all articles of the period.
    timeline: Option<String>,
    /// The N words most characteristic of the matches, 0 to 100.
    words: Option<usize>,
    /// A passage of each hit with the query's words marked.
    snippets: Option<bool>,
}

/// Search articles.
#[utoipa::path(
    get, path = "/api/v1/articles", tag = "articles", params(SearchParams),
    responses(
        (status = 200, description = "A page of matches", body = SearchPage),
        (status = 400, description = "A malformed query or parameter", body = crate::ErrorBody),
    )
)]
pub async fn search(
    State(app): State<App>,
    RawQuery(query): RawQuery,
) -> Result<Json<SearchPage>, ApiError> {
    let request = Params::parse(query.as_deref())?.search(10)?;
    let page = app.with_store(move |s| Ok(s.search(&request)?)).await?;
    Ok(Json(page))
}

/// One article: its current revision with its annotations, its
/// revisions and its syndication group.
#[utoipa::path(
    get, path = "/api/v1/articles/{id}", tag = "articles",
    params(("id" = u64, Path, description = "The article's id")),
    responses(
        (status = 200, body = StoredArticle),
        (status = 404, body = crate::ErrorBody),
    )
)]
pub async fn one(
    State(app): State<App>,
    Path(id): Path<String>,
) -> Result<Json<StoredArticle>, ApiError> {
    let id: ArticleId = parse_id("article", &id)?;
    app.with_store(move |s| stored(s, id)).await.map(Json)
}

/// One revision of an article, as it was stored.
#[utoipa::path(
    get, path = "/api/v1/articles/{id}/revisions/{number}", tag = "articles",
    params(
        ("id" = u64, Path, description = "The article's id"),
        ("number" = u32, Path, description = "The revision, from 1"),
    ),
    responses(
        (status = 200, description = "The article as that revision held it", body = Object),
        (status = 404, body = crate::ErrorBody),
    )
)]
pub async fn revision(
    State(app): State<App>,
    Path((id, number)): Path<(String, String)>,
) -> Result<Json<Article>, ApiError> {
    let id: ArticleId = parse_id("article", &id)?;
    let number: u32 = parse_id("revision", &number)?;
    app.with_store(move |s| {
        s.revision(id, number)?
            .ok_or_else(|| ApiError::not_found(format!("article {id} has no revision {number}")))
    })
    .await
    .map(Json)
}

/// The stored article, or the 404 the API and the portal both answer.
pub(crate) fn stored(s: &dyn Store, id: ArticleId) -> Result<StoredArticle, ApiError> {
    s.article(id)?.ok_or_else(|| no_article(id))
}

pub(crate) fn no_article(id: ArticleId) -> ApiError {
    ApiError::not_found(format!("no article {id}"))
}
