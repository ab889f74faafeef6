//! Every error the server answers with: JSON, with the status that says
//! whose fault it was.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use dateline_store::StoreError;
use serde::Serialize;

/// An error answer: `{"error": {"status": 400, "message": "…"}}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

/// The body of every error answer, as the OpenAPI document describes it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status, repeated for clients that only see the body.
    pub status: u16,
    /// What was wrong, in words, for the person who made the request.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::BadRequest(m) => ApiError::bad_request(m),
            StoreError::Busy(m) => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, m),
            other => {
                // The cause is for the operator's log, not for the client.
                tracing::error!(error = %other, "archive error");
                ApiError::internal("the archive failed to answer; the server log says why")
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                status: self.status.as_u16(),
                message: self.message,
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"dateline\""),
            );
        }
        response
    }
}

/// Turns the framework's own rejections (a body too large, a bad JSON
/// body, an unknown route) into the same JSON errors.
pub async fn json_errors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let message = match status {
        StatusCode::NOT_FOUND => "no such resource".to_string(),
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed here".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => "request body too large".to_string(),
        StatusCode::REQUEST_TIMEOUT => "the request took too long".to_string(),
        _ => {
            // The framework's rejection text says why (bad JSON at line 1…).
            let bytes = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).trim().to_string();
            if text.is_empty() {
                status.canonical_reason().unwrap_or("error").to_string()
            } else {
                text
            }
        }
    };
    ApiError::new(status, message).into_response()
}
