//! `/api/v1/entities`: entities merged across the archive.

use crate::api::parse_id;
use crate::params::Params;
use crate::{ApiError, App};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use dateline_query::Node;
use dateline_store::{
    EntityCount, EntityId, EntityQuery, EntityRecord, EntitySummary, Hit, Interval, MentionBucket,
    QuoteHit, QuoteQuery, SearchRequest, Sort, Store,
};
use serde::Serialize;

#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Names or aliases with a word starting with these words (case ignored).
    q: Option<String>,
    /// person, organization, location or misc.
    kind: Option<String>,
    /// 1 to 1000 (default 20).
    limit: Option<usize>,
    /// Entities skipped, for the next page.
    offset: Option<usize>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EntityList {
    pub entities: Vec<EntitySummary>,
}

/// Search entities by name, most mentioned first.
#[utoipa::path(
    get, path = "/api/v1/entities", tag = "entities", params(EntityParams),
    responses((status = 200, body = EntityList), (status = 400, body = crate::ErrorBody))
)]
pub async fn search(
    State(app): State<App>,
    RawQuery(query): RawQuery,
) -> Result<Json<EntityList>, ApiError> {
    let p = Params::parse(query.as_deref())?;
    let query = EntityQuery {
        name: p.one("q")?.map(str::to_string),
        kind: p.kind("kind")?,
        limit: p.number("limit", 20, dateline_store::MAX_PAGE)?,
        offset: p.number("offset", 0, 1_000_000)?,
    };
    let entities = app.with_store(move |s| Ok(s.entities(&query)?)).await?;
    Ok(Json(EntityList { entities }))
}

/// One entity and what the archive knows of it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EntityDetail {
    #[serde(flatten)]
    pub entity: EntityRecord,
    /// Articles and mentions per period, oldest first.
    pub mentions_over_time: Vec<MentionBucket>,
    /// Its latest quotations.
    pub quotes: Vec<QuoteHit>,
    /// Entities most often in the same articles.
    pub co_mentioned: Vec<EntityCount>,
    /// Its latest articles (`articles` is their count, from the record).
    pub latest_articles: Vec<Hit>,
}

#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityDetailParams {
    /// The period of `mentions_over_time`: day, week or month (default).
    interval: Option<String>,
    /// Quotations, co-mentioned entities and articles to list, 0 to 100 (default 20).
    limit: Option<usize>,
}

/// One entity: aliases, titles, mentions over time, quotations,
/// co-mentioned entities, latest articles.
#[utoipa::path(
    get, path = "/api/v1/entities/{id}", tag = "entities",
    params(("id" = u64, Path, description = "The entity's id"), EntityDetailParams),
    responses((status = 200, body = EntityDetail), (status = 404, body = crate::ErrorBody))
)]
pub async fn one(
    State(app): State<App>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<EntityDetail>, ApiError> {
    let id: EntityId = parse_id("entity", &id)?;
    let p = Params::parse(query.as_deref())?;
    let interval = p.interval("interval")?.unwrap_or(Interval::Month);
    let limit = p.number("limit", 20, 100)?;
    app.with_store(move |s| detail(s, id, interval, limit))
        .await
        .map(Json)
}

/// Everything the entity page and `/api/v1/entities/{id}` show.
pub fn detail(
    s: &dyn Store,
    id: EntityId,
    interval: Interval,
    limit: usize,
) -> Result<EntityDetail, ApiError> {
    let entity = s
        .entity(id)?
        .ok_or_else(|| ApiError::not_found(format!("no entity {id}")))?;
    let mentions_over_time = s.mentions_over_time(id, interval)?;
    let quotes = s
        .quotes(&QuoteQuery {
            query: Node::All,
            speakers: vec![id.to_string()],
            filters: Default::default(),
            limit,
            cursor: None,
        })?
        .quotes;
    let mut request = SearchRequest::new(Node::All);
    request.filters.entities = vec![id.to_string()];
    request.sort = Sort::Newest;
    request.limit = limit;
    // One more than asked: the entity itself is always its own top facet.
    request.facets = (limit + 1).min(dateline_store::MAX_FACET_VALUES);
    let page = s.search(&request)?;
    let co_mentioned = page
        .facets
        .map(|f| f.entities)
        .unwrap_or_default()
        .into_iter()
        .filter(|e| e.id != id)
        .take(limit)
        .collect();
    Ok(EntityDetail {
        entity,
        mentions_over_time,
        quotes,
        co_mentioned,
        latest_articles: page.hits,
    })
}
