//! Runs the date finder over htmldate's evaluation set and prints one JSON
//! line per page, for `bench/publication_dates.py` to score against htmldate.
//!
//! ```text
//! cargo run --release -p dateline-extract --example htmldate_eval -- \
//!     [--data DIR] [--eval eval_default.json]... [--today YYYY-MM-DD]
//! ```
//!
//! `--explain PAGE_FILE` prints every candidate weighed for one page instead.
//! `--data` defaults to `../shared/bench/htmldate` next to the workspace.
//! Each line: `{"eval", "key", "file", "published", "time", "method",
//! "detail", "raw", "updated", "ms", "dates_ms"}`, where `published` is the
//! calendar day (what the evaluation compares) — the publication date, or
//! failing that the last update, which is what htmldate's `find_date`
//! returns too — `time` the full time with
//! its zone, `ms` the whole page (gunzip excluded: decode, parse, dates)
//! and `dates_ms` the date finder alone.

use dateline_extract::dates::{self, DateHints};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn usage() -> ! {
    eprintln!(
        "usage: htmldate_eval [--data DIR] [--eval FILE.json]... [--today YYYY-MM-DD] [--explain PAGE_FILE]"
    );
    std::process::exit(2)
}

/// The eval files write "no date" as a bare `NaN`, which is not JSON.
fn read_eval(path: &Path) -> Result<serde_json::Map<String, Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.replace(": NaN", ": null");
    match serde_json::from_str(&text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(format!("{}: not a JSON object", path.display())),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn gunzip(path: &Path) -> Result<Vec<u8>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f)
        .read_to_end(&mut out)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

fn main() {
    let mut data: Option<PathBuf> = None;
    let mut evals: Vec<String> = Vec::new();
    let mut today = None;
    let mut explain: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = Some(args.next().unwrap_or_else(|| usage()).into()),
            "--eval" => evals.push(args.next().unwrap_or_else(|| usage())),
            "--explain" => explain = Some(args.next().unwrap_or_else(|| usage())),
            "--today" => {
                let s = args.next().unwrap_or_else(|| usage());
                today = Some(s.parse().unwrap_or_else(|_| usage()));
            }
            _ => usage(),
        }
    }
    let data = data.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/htmldate")
    });
    if evals.is_empty() {
        evals = vec![
            "eval_default.json".into(),
            "eval_mediacloud_2020.json".into(),
        ];
    }
    if let Some(file) = explain {
        // One page, every candidate weighed: `--explain FILE [--url URL]`.
        let bytes = gunzip(&data.join("pages").join(format!("{file}.gz"))).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
        let decoded = dateline_extract::decode::decode(&bytes, None);
        let prepared = dateline_extract::prepare_html(&decoded.text);
        let doc = dateline_extract::dom::Document::parse(&prepared.html);
        let dom = dateline_extract::dom::Dom::new(&doc);
        let url = evals
            .iter()
            .chain(
                [
                    "eval_default.json".to_string(),
                    "eval_mediacloud_2020.json".to_string(),
                ]
                .iter(),
            )
            .filter_map(|e| read_eval(&data.join(e)).ok())
            .find_map(|m| {
                m.iter()
                    .find(|(_, v)| v.get("file").and_then(Value::as_str) == Some(file.as_str()))
                    .map(|(k, _)| k.clone())
            });
        let hints = DateHints {
            url: url.as_deref(),
            today,
            ..DateHints::default()
        };
        println!("url: {url:?}");
        print!("{}", dates::explain_html(&dom, &prepared.scripts, &hints));
        return;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for eval in &evals {
        let entries = read_eval(&data.join(eval)).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
        let (mut pages, mut total_ms, mut dates_ms) = (0usize, 0f64, 0f64);
        for (key, v) in &entries {
            let Some(file) = v.get("file").and_then(Value::as_str) else {
                eprintln!("{eval}: {key}: no file");
                continue;
            };
            let bytes = match gunzip(&data.join("pages").join(format!("{file}.gz"))) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("{e}");
                    continue;
                }
            };
            let t0 = Instant::now();
            let decoded = dateline_extract::decode::decode(&bytes, None);
            let prepared = dateline_extract::prepare_html(&decoded.text);
            let doc = dateline_extract::dom::Document::parse(&prepared.html);
            let dom = dateline_extract::dom::Dom::new(&doc);
            let t1 = Instant::now();
            let hints = DateHints {
                url: Some(key),
                today,
                ..DateHints::default()
            };
            let found = dates::from_html(&dom, &prepared.scripts, &hints);
            let t2 = Instant::now();
            let ms = (t2 - t0).as_secs_f64() * 1e3;
            let dms = (t2 - t1).as_secs_f64() * 1e3;
            pages += 1;
            total_ms += ms;
            dates_ms += dms;
            let (published, time, method, detail, raw) =
                match found.published.as_ref().or(found.updated.as_ref()) {
                    Some((t, s)) => (
                        json!(t.date().to_string()),
                        json!(t.to_string()),
                        json!(s.method),
                        json!(s.detail),
                        json!(s.raw),
                    ),
                    None => (
                        Value::Null,
                        Value::Null,
                        Value::Null,
                        Value::Null,
                        Value::Null,
                    ),
                };
            let line = json!({
                "eval": eval,
                "key": key,
                "file": file,
                "published": published,
                "time": time,
                "method": method,
                "detail": detail,
                "raw": raw,
                "updated": found.updated.as_ref().map(|(t, _)| t.to_string()),
                "ms": ms,
                "dates_ms": dms,
            });
            writeln!(out, "{line}").expect("stdout");
            // Dropping a deep tree is part of the cost of a page, not of the next one.
            drop(doc);
        }
        if pages > 0 {
            eprintln!(
                "{eval}: {pages} pages, {:.3} ms/page (decode+parse+dates), {:.3} ms/page dates alone",
                total_ms / pages as f64,
                dates_ms / pages as f64
            );
        }
    }
}
