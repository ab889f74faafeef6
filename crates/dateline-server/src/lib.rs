//! Dateline's archive over HTTP: a JSON API under `/api/v1` for programs
//! and a server-rendered portal for people, on one address.
//!
//! Everything here sits above the storage seam: the server holds an
//! `Arc<dyn Store>` and never knows the backend. Store calls block
//! (SQLite, Tantivy), so each runs on Tokio's blocking pool
//! ([`App::with_store`]); the async side only parses, limits and renders.
//!
//! - [`api`]: the JSON API, described by [`openapi`];
//! - [`portal`]: the HTML pages, rendered by maud (templates checked at
//!   build time, every value escaped);
//! - [`params`]: query-string parameters both share;
//! - [`security`]: the headers every answer carries, the write token.

pub mod api;
mod error;
pub mod openapi;
pub mod params;
pub mod portal;
mod security;

pub use error::{ApiError, ErrorBody};

use axum::Router;
use dateline_store::Store;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// How the server runs. `Config::default()` listens on 127.0.0.1:8080,
/// read-only.
#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    /// The bearer token writing needs; `None` refuses every write.
    pub token: Option<String>,
    /// The largest request body, in bytes (an article's HTML or JSON).
    pub max_body_bytes: usize,
    /// The longest a request may take before it is answered 408/503.
    pub request_timeout: Duration,
    /// How often the index is refreshed, so that articles stored by
    /// other processes become searchable.
    pub refresh_every: Duration,
    /// Store calls running at once; more wait (the blocking pool would
    /// otherwise grow a thread per request under load).
    pub max_concurrent_store_calls: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            max_body_bytes: 16 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            refresh_every: Duration::from_secs(1),
            max_concurrent_store_calls: 64,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
    token: Option<Arc<str>>,
    store_calls: Arc<tokio::sync::Semaphore>,
}

impl App {
    pub fn new(store: Arc<dyn Store>, config: &Config) -> App {
        App {
            store,
            token: config.token.as_deref().map(Arc::from),
            store_calls: Arc::new(tokio::sync::Semaphore::new(
                config.max_concurrent_store_calls.max(1),
            )),
        }
    }

    /// Runs a (blocking) store call on the blocking pool.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .store_calls
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        let store = self.store.clone();
        match tokio::task::spawn_blocking(move || f(store.as_ref())).await {
            Ok(result) => result,
            Err(e) => {
                tracing::error!(error = %e, "a store call panicked");
                Err(ApiError::internal(
                    "the archive failed to answer; the server log says why",
                ))
            }
        }
    }
}

/// The whole application: API, portal, and the layers around them.
pub fn router(app: App, config: &Config) -> Router {
    let router = Router::new()
        .nest("/api/v1", api::routes())
        .merge(portal::routes())
        .with_state(app)
        .layer(axum::middleware::from_fn(error::json_errors));
    security::apply(router, config)
}

/// Serves on `config.addr` until SIGINT or SIGTERM, then finishes the
/// requests in flight.
pub async fn run(store: Arc<dyn Store>, config: Config) -> anyhow::Result<()> {
    use anyhow::Context;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let addr = listener.local_addr().context("no local address")?;
    // Printed, not logged: scripts wait for this line to know the port.
    println!("dateline: serving http://{addr}/ (API at http://{addr}/api/v1/)");
    serve(listener, store, config, shutdown()).await
}

/// Serves on a bound listener until `stop` completes (tests bind port 0
/// and stop the server themselves).
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Arc<dyn Store>,
    config: Config,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let app = App::new(store.clone(), &config);
    let refresher = tokio::spawn(refresh(store, config.refresh_every));
    let result = axum::serve(listener, router(app, &config))
        .with_graceful_shutdown(stop)
        .await
        .context("the server stopped");
    refresher.abort();
    result
}

/// Makes articles other processes store searchable, every `every`.
async fn refresh(store: Arc<dyn Store>, every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let store = store.clone();
        match tokio::task::spawn_blocking(move || store.refresh()).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "index refresh failed"),
            Err(e) => tracing::warn!(error = %e, "index refresh panicked"),
        }
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
