//! `POST /api/v1/articles`: store one article, given as a page's HTML, a
//! URL to fetch, or article JSON, with the bearer token.

use crate::params::Params;
use crate::security::authorize;
use crate::{ApiError, App};
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dateline_model::{Article, InputRef, RawPage};
use dateline_store::{Change, Incoming, Put};
use serde::Deserialize;

#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WriteParams {
    /// The page's address, for an HTML body.
    url: Option<String>,
    /// Run the analysis stage (entities, quotations, times) on articles
    /// that do not carry one; default true.
    analyze: Option<bool>,
}

/// A JSON body that asks the server to fetch a page.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FetchRequest {
    /// An http or https URL.
    pub url: String,
}

/// Store an article: `text/html` (the page; `?url=` its address),
/// `application/json` with `{"url": …}` (fetched by the server), or
/// `application/json` with an article as `dateline extract` writes it.
#[utoipa::path(
    post, path = "/api/v1/articles", tag = "articles", params(WriteParams),
    request_body(content(
        (String = "text/html"),
        (FetchRequest = "application/json"),
    )),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "A new article", body = Put),
        (status = 200, description = "A new revision, or a version already stored", body = Put),
        (status = 400, body = crate::ErrorBody),
        (status = 401, body = crate::ErrorBody),
        (status = 403, description = "The server is read-only", body = crate::ErrorBody),
        (status = 413, body = crate::ErrorBody),
        (status = 415, body = crate::ErrorBody),
        (status = 422, description = "An article the archive refuses", body = crate::ErrorBody),
    )
)]
pub async fn post(
    State(app): State<App>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    authorize(app.token.as_deref(), &headers)?;
    let p = Params::parse(query.as_deref())?;
    let analyze = match p.one("analyze")? {
        None => true,
        Some(_) => p.flag("analyze")?,
    };
    let url = p.one("url")?.map(str::to_string);
    let body = Body::read(&headers, body, url)?;
    let put = app
        .with_store(move |s| {
            let incoming = body.into_incoming(analyze)?;
            let mut results = s.put(vec![incoming])?;
            match results.pop() {
                Some(Ok(put)) => Ok(put),
                Some(Err(e)) => Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    e.to_string(),
                )),
                None => Err(ApiError::internal("the archive stored nothing")),
            }
        })
        .await?;
    let status = if put.change == Change::New {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let mut response = (status, Json(put)).into_response();
    let location = format!("/api/v1/articles/{}", put.id);
    response.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(&location).expect("ascii"),
    );
    Ok(response)
}

/// What the client sent, once its content type is known.
enum Body {
    Html { bytes: Bytes, url: Option<String> },
    Fetch(String),
    Article(Box<Article>),
}

impl Body {
    fn read(headers: &HeaderMap, bytes: Bytes, url: Option<String>) -> Result<Body, ApiError> {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Ok(Body::Html { bytes, url }),
            "application/json" => {
                let value: serde_json::Value = serde_json::from_slice(&bytes)
                    .map_err(|e| ApiError::bad_request(format!("body is not JSON: {e}")))?;
                let is_fetch = value
                    .as_object()
                    .is_some_and(|o| o.len() == 1 && o.contains_key("url"));
                if is_fetch {
                    let fetch: FetchRequest = serde_json::from_value(value)
                        .map_err(|e| ApiError::bad_request(format!("not a fetch request: {e}")))?;
                    let input = dateline_ingest::Input::parse(&fetch.url)
                        .map_err(|e| ApiError::bad_request(e.to_string()))?;
                    match input {
                        dateline_ingest::Input::Url(u) => Ok(Body::Fetch(u)),
                        _ => Err(ApiError::bad_request(format!(
                            "{:?} is not an http or https URL",
                            fetch.url
                        ))),
                    }
                } else {
                    let article: Article = serde_json::from_value(value).map_err(|e| {
                        ApiError::bad_request(format!("body is not an article: {e}"))
                    })?;
                    Ok(Body::Article(Box::new(article)))
                }
            }
            "" => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "a Content-Type is needed: text/html or application/json",
            )),
            other => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("cannot store {other}: send text/html or application/json"),
            )),
        }
    }

    /// Extracts (and analyses) what needs it; runs on the blocking pool.
    fn into_incoming(self, analyze: bool) -> Result<Incoming, ApiError> {
        let (mut article, fetched) = match self {
            Body::Article(a) => (*a, None),
            Body::Html { bytes, url } => {
                let mut page = RawPage::new(InputRef::Stdin, bytes.to_vec());
                page.url = url;
                (extract(&page)?, None)
            }
            Body::Fetch(url) => {
                let fetcher = dateline_ingest::Fetcher::new(&dateline_ingest::Options::default())
                    .map_err(|e| ApiError::internal(e.to_string()))?;
                let page = fetcher
                    .fetch(&url)
                    .map_err(|e| ApiError::new(StatusCode::BAD_GATEWAY, e.to_string()))?;
                let fetched = page.fetched;
                (extract(&page)?, fetched)
            }
        };
        if analyze && article.analysis.is_none() {
            dateline_analyze::analyze_article(&mut article);
        }
        Ok(Incoming {
            article,
            fetched,
            stored_at: None,
        })
    }
}

fn extract(page: &RawPage) -> Result<Article, ApiError> {
    dateline_extract::extract(page, &dateline_extract::Options::default()).map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("cannot extract an article: {e}"),
        )
    })
}
