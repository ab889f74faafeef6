//! `dateline serve` as a user runs it: it says where it listens, answers
//! over HTTP, keeps answering while an `ingest` writes (and indexes what
//! that ingest stored), and stops cleanly on SIGTERM.

mod common;

use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(a: &Archive, extra: &[&str]) -> Server {
        let args = a.args(&["serve"], &[&["--addr", "127.0.0.1:0"], extra].concat());
        let mut child = command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .strip_prefix("dateline: serving http://")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// A GET over a plain socket: the status and the body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status = answer[9..12].parse().unwrap();
        let body = answer.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        // Bodies of known length come whole; chunked ones are not asked for here.
        (status, body.to_string())
    }

    fn json(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: {e}: {body}"))
    }

    /// SIGTERM, then the exit status within 10 s.
    fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        assert!(std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success());
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_answers_and_stops_on_sigterm() {
    let a = Archive::new();
    ok(&a.args(&["ingest"], &[fixture().to_str().unwrap()]));
    let server = Server::start(&a, &[]);
    let health = server.json("/api/v1/health");
    assert_eq!(health["articles"], 1);
    let page = server.json("/api/v1/articles?q=Bogdanov&facets=3");
    assert_eq!(page["total"], 1);
    let (status, html) = server.get("/");
    assert_eq!(status, 200);
    assert!(html.contains("Homeland Security"));
    let (status, body) = server.get("/api/v1/articles?q=%22open");
    assert_eq!(status, 400, "{body}");
    let status = server.stop();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_short_or_missing_token_file_is_refused_by_name() {
    let a = Archive::new();
    let short = a.path("token");
    std::fs::write(&short, "abc\n").unwrap();
    let out = run(&a.args(
        &["serve"],
        &[
            "--addr",
            "127.0.0.1:0",
            "--token-file",
            short.to_str().unwrap(),
        ],
    ));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("token") && err.contains(short.to_str().unwrap()),
        "{err}"
    );
    let missing = a.path("nope");
    let out = run(&a.args(
        &["serve"],
        &[
            "--addr",
            "127.0.0.1:0",
            "--token-file",
            missing.to_str().unwrap(),
        ],
    ));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}

#[test]
fn reads_are_answered_while_an_ingest_writes() {
    let a = Archive::new();
    ok(&a.args(&["ingest"], &[fixture().to_str().unwrap()]));
    let server = Server::start(&a, &[]);
    let input = a.path("many.jsonl");
    write_jsonl(&input, &synthetic(1500));
    let args = a.args(
        &["ingest"],
        &["--no-analyze", "--batch", "20", input.to_str().unwrap()],
    );
    let mut ingest = command(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reads = 0;
    let mut last = 0;
    while ingest.try_wait().unwrap().is_none() && reads < 500 {
        let page = server.json("/api/v1/articles?q=coalition&limit=1&facets=3");
        let total = page["total"].as_u64().unwrap();
        assert!(total >= last, "the count of matches never shrinks");
        last = total;
        reads += 1;
    }
    let out = ingest.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(reads > 0, "no read ran during the ingest");
    // The server indexes what the other process stored, within seconds.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let health = server.json("/api/v1/health");
        if health["articles"] == 1501 && health["unindexed"] == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "not all indexed: {health}");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(server.json("/api/v1/articles?limit=0")["total"], 1501);
    assert!(server.stop().success());
}
