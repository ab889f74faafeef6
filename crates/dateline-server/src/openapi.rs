//! The OpenAPI 3.1 document of the JSON API, generated from the handlers'
//! annotations and the store's types, so that it cannot drift from the
//! code (a test checks real responses against it).

use crate::api::{articles, entities, export, meta, quotes, write};
use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Dateline archive API",
        description = "Search and read the news archive: articles with their revisions and \
                       syndicated copies, entities, quotations, sources and sections."
    ),
    paths(
        meta::health,
        articles::search,
        export::export,
        articles::one,
        articles::revision,
        write::post,
        entities::search,
        entities::one,
        quotes::search,
        meta::sources,
        meta::sections,
    ),
    components(schemas(
        crate::ErrorBody,
        crate::error::ErrorDetail,
        dateline_store::SearchPage,
        dateline_store::StoredArticle,
        dateline_store::Put,
        dateline_store::QuotePage,
        entities::EntityList,
        entities::EntityDetail,
        meta::Health,
        meta::ValueList,
        write::FetchRequest,
    )),
    modifiers(&Bearer),
    tags(
        (name = "articles"), (name = "entities"), (name = "quotes"), (name = "meta"),
    )
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
