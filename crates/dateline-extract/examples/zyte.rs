//! Runs the extractor over the Zyte article-extraction benchmark pages on
//! one thread and prints speed figures as JSON; writes the predictions for
//! `bench/article_extraction.py` to score.
//!
//! cargo run --release -p dateline-extract --example zyte -- --data DIR --out FILE

use dateline_model::{InputRef, RawPage};
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut data = PathBuf::from("../shared/bench/article-extraction");
    let mut out = PathBuf::from("bench/out/dateline.json");
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().expect("--data DIR").into(),
            "--out" => out = args.next().expect("--out FILE").into(),
            "--only" => only = args.next(),
            other => panic!("unknown argument {other}"),
        }
    }
    let truth: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(data.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("ground truth is JSON");
    let mut pages = Vec::new();
    for (key, value) in &truth {
        if only.as_ref().is_some_and(|o| !key.starts_with(o.as_str())) {
            continue;
        }
        let gz = std::fs::read(data.join("html").join(format!("{key}.html.gz"))).expect("page");
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut html)
            .expect("gzip");
        let mut page = RawPage::new(
            InputRef::File {
                path: format!("{key}.html"),
            },
            html,
        );
        page.url = value["url"].as_str().map(str::to_string);
        pages.push((key.clone(), page));
    }
    let bytes: usize = pages.iter().map(|(_, p)| p.bytes.len()).sum();

    // The bare parse: decoding and html5ever building a standard DOM
    // (scraper's) of the whole page, nothing else.
    let start = Instant::now();
    for (_, page) in &pages {
        let text = String::from_utf8_lossy(&page.bytes);
        std::hint::black_box(scraper::Html::parse_document(&text));
    }
    let parse_secs = start.elapsed().as_secs_f64();

    // Dateline's own parse step: the pre-pass, html5ever into the arena,
    // and the flat view every pass reads.
    let start = Instant::now();
    for (_, page) in &pages {
        let text = String::from_utf8_lossy(&page.bytes);
        let prepared = dateline_extract::prepare_html(&text);
        let doc = dateline_extract::dom::Document::parse(&prepared.html);
        std::hint::black_box(dateline_extract::dom::Dom::new(&doc).len());
    }
    let own_parse_secs = start.elapsed().as_secs_f64();

    let options = dateline_extract::Options::default();
    let start = Instant::now();
    let mut preds = serde_json::Map::new();
    for (key, page) in &pages {
        let body = match dateline_extract::extract(page, &options) {
            Ok(article) => article.text,
            Err(e) => {
                eprintln!("{key}: {e}");
                String::new()
            }
        };
        preds.insert(key.clone(), body.into());
    }
    let secs = start.elapsed().as_secs_f64();
    std::fs::create_dir_all(out.parent().unwrap_or(std::path::Path::new("."))).ok();
    std::fs::write(&out, serde_json::to_vec(&preds).expect("json")).expect("write predictions");

    let n = pages.len() as f64;
    println!(
        "{}",
        serde_json::json!({
            "pages": pages.len(),
            "bytes": bytes,
            "seconds": secs,
            "pages_per_s": n / secs,
            "mb_per_s": bytes as f64 / 1e6 / secs,
            "parse_pages_per_s": n / parse_secs,
            "own_parse_pages_per_s": n / own_parse_secs,
            "peak_rss_mb": peak_rss_mb(),
        })
    );
}

/// Peak resident memory of this process, from Linux's /proc.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
