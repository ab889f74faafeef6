//! Helpers the archive and serve tests share: the binary, a temporary
//! archive, the specimen as article JSON, synthetic articles.

#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ria-novosti-2014-10-08.html")
}

pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.args(args)
        .env_remove("RUST_LOG")
        .env_remove("DATELINE_DATA")
        .stdin(Stdio::null());
    c
}

pub fn run(args: &[&str]) -> Output {
    let out = command(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "dateline panicked: {stderr}");
    out
}

pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "dateline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

pub struct Archive {
    pub _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub data: String,
}

impl Archive {
    pub fn new() -> Archive {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let data = root.join("data").display().to_string();
        Archive {
            _dir: dir,
            root,
            data,
        }
    }

    /// `dateline CMD --data DIR ARGS...`
    pub fn args<'a>(&'a self, cmd: &[&'a str], rest: &[&'a str]) -> Vec<&'a str> {
        let mut v = cmd.to_vec();
        v.extend(["--data", self.data.as_str()]);
        v.extend(rest);
        v
    }

    pub fn search(&self, rest: &[&str]) -> Value {
        let mut rest = rest.to_vec();
        rest.extend(["--format", "json"]);
        serde_json::from_str(&ok(&self.args(&["search"], &rest))).unwrap()
    }

    pub fn total(&self, query: &str) -> u64 {
        self.search(&[query])["total"].as_u64().unwrap()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }
}

/// The specimen as extracted article JSON, without analysis.
pub fn specimen_article() -> Value {
    let f = fixture();
    let out = ok(&["extract", "--format", "json", f.to_str().unwrap()]);
    serde_json::from_str(&out).unwrap()
}

/// `n` distinct articles (own words, site, address and date), made from
/// the specimen's JSON so every field a page gives is present.
pub fn synthetic(n: usize) -> Vec<Value> {
    const WORDS: &[&str] = &[
        "coalition",
        "ministry",
        "talks",
        "border",
        "energy",
        "grain",
        "court",
        "vote",
        "budget",
        "strike",
        "harbour",
        "pipeline",
        "summit",
        "tariff",
        "drought",
        "rail",
        "bank",
        "census",
        "treaty",
        "port",
        "satellite",
        "reactor",
        "election",
        "refinery",
        "ceasefire",
        "airline",
    ];
    let base = specimen_article();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|i| {
            let mut a = base.clone();
            let text: Vec<&str> = (0..120)
                .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                .collect();
            a["text"] = Value::from(format!("Report {i}. {}.", text.join(" ")));
            a["blocks"] = Value::Array(vec![]);
            a["title"] = Value::from(format!("Synthetic report {i}"));
            a["url"] = Value::from(format!("https://site{}.example/news/{i}", i % 7));
            a["canonical_url"] = Value::Null;
            a["published"] = Value::from(format!("2024-0{}-1{}T10:00:00+02:00", 1 + i % 9, i % 10));
            a["updated"] = Value::Null;
            a
        })
        .collect()
}

pub fn write_jsonl(path: &Path, items: &[Value]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for v in items {
        serde_json::to_writer(&mut f, v).unwrap();
        f.write_all(b"\n").unwrap();
    }
    f.flush().unwrap();
}
