//! What keeps the server safe to point at the open web: the headers every
//! answer carries, the limits on what a client may send, and the write
//! token.

use crate::error::ApiError;
use crate::Config;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use subtle::ConstantTimeEq;

/// Nothing runs, nothing loads from elsewhere, nothing frames the portal:
/// the pages are server-rendered HTML and one same-origin stylesheet.
/// Article text is escaped anyway; this is the second wall.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; \
     img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Wraps the application in its limits and headers.
pub fn apply(router: Router, config: &Config) -> Router {
    router
        .layer(axum::middleware::from_fn(headers))
        .layer(axum::extract::DefaultBodyLimit::max(config.max_body_bytes))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            config.request_timeout,
        ))
}

async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, name: HeaderName, value: &'static str| {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        h,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    response
}

/// Lets a write through only with the configured bearer token, compared
/// in constant time so that timing tells nothing about it.
pub fn authorize(token: Option<&str>, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with --token-file to allow writing",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        });
    match given {
        None => Err(ApiError::unauthorized(
            "writing needs an Authorization: Bearer token",
        )),
        Some(given) if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) => Ok(()),
        Some(_) => Err(ApiError::unauthorized("wrong token")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(auth: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(auth).unwrap());
        h
    }

    #[test]
    fn only_the_right_token_writes() {
        let token = Some("0123456789abcdef-secret");
        assert!(authorize(token, &with("Bearer 0123456789abcdef-secret")).is_ok());
        assert!(authorize(token, &with("bearer 0123456789abcdef-secret")).is_ok());
        for bad in [
            "Bearer 0123456789abcdef-secreT",
            "Bearer 0123456789abcdef",
            "Bearer ",
            "Basic 0123456789abcdef-secret",
            "0123456789abcdef-secret",
        ] {
            assert_eq!(
                authorize(token, &with(bad)).unwrap_err().status,
                401,
                "{bad}"
            );
        }
        assert_eq!(authorize(token, &HeaderMap::new()).unwrap_err().status, 401);
        assert_eq!(
            authorize(None, &with("Bearer anything"))
                .unwrap_err()
                .status,
            403
        );
    }
}
