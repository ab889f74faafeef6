//! `/api/v1/quotes`: who said what, searched by text and speaker.

use crate::params::Params;
use crate::{ApiError, App};
use axum::extract::{RawQuery, State};
use axum::Json;
use dateline_store::{QuotePage, QuoteQuery};

#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuoteParams {
    /// A query over the quotation's text (same syntax as articles').
    q: Option<String>,
    /// A speaker by name, alias or entity id; repeat for any of several.
    speaker: Option<Vec<String>>,
    /// Over the quoting article, as for articles.
    source: Option<Vec<String>>,
    section: Option<Vec<String>>,
    site: Option<Vec<String>>,
    lang: Option<Vec<String>>,
    entity: Option<Vec<String>>,
    since: Option<String>,
    until: Option<String>,
    /// 0 to 1000 (default 20).
    limit: Option<usize>,
    cursor: Option<String>,
}

/// Search quotations, newest first.
#[utoipa::path(
    get, path = "/api/v1/quotes", tag = "quotes", params(QuoteParams),
    responses((status = 200, body = QuotePage), (status = 400, body = crate::ErrorBody))
)]
pub async fn search(
    State(app): State<App>,
    RawQuery(query): RawQuery,
) -> Result<Json<QuotePage>, ApiError> {
    let p = Params::parse(query.as_deref())?;
    let speakers = p.all("speaker");
    if speakers.len() > dateline_store::MAX_FILTER_VALUES {
        return Err(ApiError::bad_request(format!(
            "more than {} speaker filters",
            dateline_store::MAX_FILTER_VALUES
        )));
    }
    let query = QuoteQuery {
        query: p.query("q")?,
        speakers,
        filters: p.filters()?,
        limit: p.number("limit", 20, dateline_store::MAX_PAGE)?,
        cursor: p.one("cursor")?.map(str::to_string),
    };
    let page = app.with_store(move |s| Ok(s.quotes(&query)?)).await?;
    Ok(Json(page))
}
