//! A real server on a free loopback port over a fresh archive, and a
//! blocking client for it.

#![allow(dead_code)]

use dateline_model::{InputRef, RawPage};
use dateline_store::{Incoming, Store};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const TOKEN: &str = "test-token-0123456789abcdef";

pub struct TestServer {
    pub addr: SocketAddr,
    pub store: Arc<dyn Store>,
    pub dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    client: reqwest::blocking::Client,
}

/// The specimen page the repository ships.
pub fn specimen_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ria-novosti-2014-10-08.html")
}

pub fn specimen_html() -> Vec<u8> {
    std::fs::read(specimen_path()).expect("the specimen fixture is in the repository")
}

/// The specimen as the archive would get it from `dateline ingest`.
pub fn specimen_incoming() -> Incoming {
    page_incoming(
        "http://www.globalsecurity.org/security/library/news/2014/10/sec-141008-rianovosti01.htm",
        specimen_html(),
    )
}

pub fn page_incoming(url: &str, html: Vec<u8>) -> Incoming {
    let mut page = RawPage::new(
        InputRef::Url {
            url: url.to_string(),
        },
        html,
    );
    page.url = Some(url.to_string());
    let mut article = dateline_extract::extract(&page, &Default::default()).expect("extracts");
    dateline_analyze::analyze_article(&mut article);
    Incoming {
        article,
        fetched: None,
        stored_at: None,
    }
}

impl TestServer {
    pub fn start(token: Option<&str>) -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<dyn Store> = Arc::new(
            dateline_embedded::Embedded::open(
                &dir.path().join("data"),
                dateline_embedded::Options { hold_writer: true },
            )
            .unwrap(),
        );
        let config = dateline_server::Config {
            token: token.map(str::to_string),
            refresh_every: std::time::Duration::from_millis(100),
            ..Default::default()
        };
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = store.clone();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                dateline_server::serve(listener, served, config, async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
            });
        });
        TestServer {
            addr,
            store,
            dir,
            stop: Some(stop),
            thread: Some(thread),
            client: reqwest::blocking::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .unwrap(),
        }
    }

    /// Stores articles directly and makes them searchable.
    pub fn put(&self, batch: Vec<Incoming>) -> Vec<dateline_store::Put> {
        let out = self
            .store
            .put(batch)
            .unwrap()
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        self.store.refresh().unwrap();
        out
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn get(&self, path: &str) -> reqwest::blocking::Response {
        self.client.get(self.url(path)).send().unwrap()
    }

    pub fn client(&self) -> &reqwest::blocking::Client {
        &self.client
    }

    /// A GET that must answer `status` with JSON; the JSON.
    pub fn json(&self, path: &str, status: u16) -> serde_json::Value {
        let response = self.get(path);
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        let kind = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        assert!(kind.starts_with("application/json"), "GET {path}: {kind}");
        response.json().unwrap()
    }

    /// A GET that must answer 200 with HTML; the page.
    pub fn page(&self, path: &str) -> String {
        let response = self.get(path);
        assert_eq!(response.status().as_u16(), 200, "GET {path}");
        let kind = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(kind.starts_with("text/html"), "GET {path}: {kind}");
        response.text().unwrap()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
