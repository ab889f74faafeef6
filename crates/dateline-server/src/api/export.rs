//! `/api/v1/articles/export`: every match, streamed as CSV or JSON Lines,
//! without a cap. Pages of the search are walked with its cursor on the
//! blocking pool and sent on as they come, so memory stays flat however
//! many articles match.

use crate::params::Params;
use crate::{ApiError, App};
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use dateline_store::{table, SearchPage, SearchRequest, Store, MAX_PAGE};

#[allow(dead_code)]
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// csv (default: the columns of `dateline search --format csv`) or
    /// jsonl (one search hit per line).
    format: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Jsonl,
}

/// Export every matching article.
#[utoipa::path(
    get, path = "/api/v1/articles/export", tag = "articles",
    params(ExportParams, crate::api::articles::SearchParams),
    responses(
        (status = 200, description = "CSV (text/csv) or JSON Lines (application/x-ndjson)", body = String),
        (status = 400, body = crate::ErrorBody),
    )
)]
pub async fn export(
    State(app): State<App>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(query.as_deref())?;
    let format = match p.one("format")? {
        None | Some("csv") => Format::Csv,
        Some("jsonl") => Format::Jsonl,
        Some(f) => {
            return Err(ApiError::bad_request(format!(
                "format must be csv or jsonl, not {f:?}"
            )))
        }
    };
    let mut request = p.search(MAX_PAGE)?;
    request.limit = MAX_PAGE;
    request.facets = 0;
    request.timeline = None;
    request.words = 0;
    // The first page is read before answering, so that a bad cursor or
    // query is a 400 and not a broken stream.
    let first = {
        let request = request.clone();
        app.with_store(move |s| Ok(s.search(&request)?)).await?
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let store = app.store.clone();
    tokio::task::spawn_blocking(move || walk(store.as_ref(), request, first, format, &tx));
    let (content_type, name) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "articles.csv"),
        Format::Jsonl => ("application/x-ndjson", "articles.jsonl"),
    };
    let mut response =
        Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).expect("ascii"),
    );
    Ok(response)
}

type Sender = tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>;

/// Sends page after page until the last, or until the client leaves.
fn walk(
    store: &dyn Store,
    mut request: SearchRequest,
    first: SearchPage,
    format: Format,
    tx: &Sender,
) {
    if format == Format::Csv
        && tx
            .blocking_send(Ok(csv_rows(&[table::COLUMNS.map(String::from)])))
            .is_err()
    {
        return;
    }
    let mut page = first;
    loop {
        let chunk = match format {
            Format::Csv => csv_rows(&page.hits.iter().map(table::row).collect::<Vec<_>>()),
            Format::Jsonl => {
                let mut out = Vec::new();
                for hit in &page.hits {
                    // A hit is plain data: serialising it cannot fail.
                    serde_json::to_writer(&mut out, hit).expect("a hit serialises");
                    out.push(b'\n');
                }
                Bytes::from(out)
            }
        };
        if tx.blocking_send(Ok(chunk)).is_err() {
            return; // The client went away.
        }
        let Some(cursor) = page.next_cursor.take() else {
            return;
        };
        request.cursor = Some(cursor);
        page = match store.search(&request) {
            Ok(p) => p,
            Err(e) => {
                // Too late for a status: end the body with an error, so the
                // client sees a broken transfer and not a short export.
                tracing::error!(error = %e, "export failed mid-stream");
                let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
                return;
            }
        };
    }
}

fn csv_rows<R: AsRef<[String]>>(rows: &[R]) -> Bytes {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        w.write_record(row.as_ref()).expect("csv to memory");
    }
    Bytes::from(w.into_inner().expect("csv to memory"))
}
