//! Health, and the archive's sources and sections.

use crate::params::Params;
use crate::{ApiError, App};
use axum::extract::{RawQuery, State};
use axum::Json;
use dateline_store::{FacetCount, ValueField};
use serde::Serialize;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` when the archive answers.
    pub status: String,
    pub version: String,
    pub articles: u64,
    /// Changes stored but not yet searchable.
    pub unindexed: u64,
}

/// Whether the server and its archive answer.
#[utoipa::path(
    get, path = "/api/v1/health", tag = "meta",
    responses((status = 200, body = Health), (status = 500, body = crate::ErrorBody))
)]
pub async fn health(State(app): State<App>) -> Result<Json<Health>, ApiError> {
    let stats = app.with_store(|s| Ok(s.stats()?)).await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        articles: stats.articles,
        unindexed: stats.unindexed,
    }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ValueList {
    /// Most used first.
    pub values: Vec<FacetCount>,
}

#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValueParams {
    /// 1 to 1000 (default 100).
    limit: Option<usize>,
}

/// Every source (wire agency or publisher) with its article count.
#[utoipa::path(
    get, path = "/api/v1/sources", tag = "meta", params(ValueParams),
    responses((status = 200, body = ValueList), (status = 400, body = crate::ErrorBody))
)]
pub async fn sources(
    State(app): State<App>,
    RawQuery(query): RawQuery,
) -> Result<Json<ValueList>, ApiError> {
    values(app, query, ValueField::Source).await
}

/// Every section with its article count.
#[utoipa::path(
    get, path = "/api/v1/sections", tag = "meta", params(ValueParams),
    responses((status = 200, body = ValueList), (status = 400, body = crate::ErrorBody))
)]
pub async fn sections(
    State(app): State<App>,
    RawQuery(query): RawQuery,
) -> Result<Json<ValueList>, ApiError> {
    values(app, query, ValueField::Section).await
}

async fn values(
    app: App,
    query: Option<String>,
    field: ValueField,
) -> Result<Json<ValueList>, ApiError> {
    let limit = Params::parse(query.as_deref())?.number("limit", 100, dateline_store::MAX_PAGE)?;
    let values = app.with_store(move |s| Ok(s.values(field, limit)?)).await?;
    Ok(Json(ValueList { values }))
}
