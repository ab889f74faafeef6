//! End-to-end tests of `dateline extract`.
//!
//! They check structure — keys, inputs, URLs, counts, order, exit codes —
//! and never extraction quality, which another crate owns and tests.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ria-novosti-2014-10-08.html")
}

fn fixture_bytes() -> Vec<u8> {
    std::fs::read(fixture()).unwrap()
}

fn dateline(args: &[&str]) -> Output {
    dateline_with_stdin(args, None)
}

fn dateline_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env_remove("RUST_LOG")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "dateline panicked: {stderr}");
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A WARC record holding `block`.
fn record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: 2014-10-08T11:01:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn html_response(body: &[u8]) -> Vec<u8> {
    let mut r = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    r.extend_from_slice(body);
    r
}

/// Serves the fixture at `/article` (redirected from `/old`) and 404
/// elsewhere, on loopback, for as long as the test process lives.
fn serve_fixture() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                    head.push(byte[0]);
                }
                let head = String::from_utf8_lossy(&head).into_owned();
                let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
                let (status, extra, body) = match path.as_str() {
                    "/article" => (
                        "200 OK",
                        "Content-Type: text/html; charset=utf-8\r\n",
                        fixture_bytes(),
                    ),
                    "/slow" => {
                        std::thread::sleep(std::time::Duration::from_millis(800));
                        ("200 OK", "Content-Type: text/html\r\n", fixture_bytes())
                    }
                    "/old" => (
                        "301 Moved Permanently",
                        "Location: /article\r\n",
                        Vec::new(),
                    ),
                    _ => (
                        "404 Not Found",
                        "Content-Type: text/html\r\n",
                        b"<p>no</p>".to_vec(),
                    ),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n{extra}\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    base
}

#[test]
fn one_file_gives_one_json_object() {
    let out = dateline(&["extract", arg(&fixture())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["input"]["kind"], "file");
    assert_eq!(v["input"]["path"], arg(&fixture()));
    for key in ["url", "title", "published", "text", "blocks", "warnings"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["url"], Value::Null);
    assert!(
        stderr(&out).contains("1 done, 0 failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn many_files_come_out_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    // Given in reverse name order, with more workers than cores, so that
    // neither sorting nor finishing order can pass for input order.
    for i in (0..24).rev() {
        let p = dir.path().join(format!("page-{i:02}.html"));
        std::fs::write(&p, fixture_bytes()).unwrap();
        paths.push(arg(&p).to_string());
    }
    let mut args = vec!["extract", "--jobs", "6"];
    args.extend(paths.iter().map(String::as_str));
    let out = dateline(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: Vec<String> = json_lines(&out)
        .iter()
        .map(|v| v["input"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, paths);
}

#[test]
fn a_slow_first_input_holds_back_the_rest_but_not_forever() {
    // The slow URL finishes last but is written first; 80 files behind it
    // overflow the reorder window (32 for 4 jobs), so the feeder must stall
    // and resume rather than deadlock or reorder.
    let base = serve_fixture();
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "extract".to_string(),
        "--jobs".into(),
        "4".into(),
        format!("{base}/slow"),
    ];
    for i in 0..80 {
        let p = dir.path().join(format!("{i:02}.html"));
        std::fs::write(&p, fixture_bytes()).unwrap();
        args.push(arg(&p).to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = dateline(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 81);
    assert_eq!(lines[0]["input"]["kind"], "url");
    let paths: Vec<&str> = lines[1..]
        .iter()
        .map(|v| v["input"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, &args[4..]);
}

#[test]
fn two_files_give_two_json_lines() {
    let out = dateline(&["extract", arg(&fixture()), arg(&fixture())]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|v| v["schema_version"] == 1));
}

#[test]
fn explicit_json_with_many_pages_is_one_array() {
    let out = dateline(&[
        "extract",
        "--format",
        "json",
        arg(&fixture()),
        arg(&fixture()),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn a_directory_is_walked_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::create_dir(d.join(".cache")).unwrap();
    for name in [
        "b.html",
        "a.htm",
        "sub/c.html",
        ".cache/x.html",
        ".hidden.html",
    ] {
        std::fs::write(d.join(name), fixture_bytes()).unwrap();
    }
    std::fs::write(d.join("style.css"), b"body{}").unwrap();
    let out = dateline(&["extract", arg(d)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: Vec<String> = json_lines(&out)
        .iter()
        .map(|v| v["input"]["path"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = ["a.htm", "b.html", "sub/c.html"]
        .iter()
        .map(|n| arg(&d.join(n)).to_string())
        .collect();
    assert_eq!(got, want);
}

#[test]
fn stdin_is_read_for_dash() {
    let out = dateline_with_stdin(&["extract", "-"], Some(&fixture_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["kind"], "stdin");
}

#[test]
fn bad_files_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good1 = d.join("good1.html");
    let binary = d.join("binary.html");
    let empty = d.join("empty.html");
    let good2 = d.join("good2.html");
    std::fs::write(&good1, fixture_bytes()).unwrap();
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    std::fs::write(&empty, b"").unwrap();
    std::fs::write(&good2, fixture_bytes()).unwrap();
    let missing = d.join("missing.html");
    let out = dateline(&[
        "extract",
        arg(&good1),
        arg(&binary),
        arg(&missing),
        arg(&empty),
        arg(&good2),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let got: Vec<String> = json_lines(&out)
        .iter()
        .map(|v| v["input"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, [arg(&good1), arg(&good2)]);
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 3, "{err}");
    // In input order, each naming its input.
    assert!(
        errors[0].starts_with(&format!("error: {}: ", arg(&binary))),
        "{err}"
    );
    assert!(
        errors[1].starts_with(&format!("error: {}: ", arg(&missing))),
        "{err}"
    );
    assert!(
        errors[2].starts_with(&format!("error: {}: ", arg(&empty))),
        "{err}"
    );
    assert!(err.contains("2 done, 3 failed"), "{err}");
}

#[test]
fn url_option_sets_the_address() {
    let out = dateline(&[
        "extract",
        "--url",
        "https://news.example/a",
        arg(&fixture()),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["url"], "https://news.example/a");
    assert_eq!(v["input"]["kind"], "file");
}

#[test]
fn url_option_needs_a_single_page_input() {
    let two = dateline(&[
        "extract",
        "--url",
        "https://a.example/",
        arg(&fixture()),
        arg(&fixture()),
    ]);
    assert_eq!(two.status.code(), Some(2));
    assert!(stderr(&two).contains("--url"), "{}", stderr(&two));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), fixture_bytes()).unwrap();
    std::fs::write(dir.path().join("b.html"), fixture_bytes()).unwrap();
    let many = dateline(&["extract", "--url", "https://a.example/", arg(dir.path())]);
    assert_eq!(many.status.code(), Some(2));
    assert!(many.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dateline(&["extract"]).status.code(), Some(2));
    assert_eq!(
        dateline(&["extract", "ftp://a.example/x"]).status.code(),
        Some(2)
    );
    assert_eq!(
        dateline(&["extract", "--format", "xml", "x.html"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        dateline(&["extract", "--jobs", "0", "x.html"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(dateline(&["extract", "-", "-"]).status.code(), Some(2));
}

#[test]
fn a_warc_yields_its_html_responses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    let page = fixture_bytes();
    let records = [
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://ria.example/1",
            "application/http; msgtype=request",
            b"GET /1 HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "https://ria.example/1",
            "application/http; msgtype=response",
            &html_response(&page),
        ),
        record(
            "response",
            "https://ria.example/logo.png",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ),
        record(
            "response",
            "https://ria.example/2",
            "application/http; msgtype=response",
            &html_response(&page),
        ),
    ];
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in &records {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&gzip(r));
    }
    std::fs::write(&path, file).unwrap();

    let out = dateline(&["extract", arg(&path)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for (v, (url, offset)) in lines.iter().zip([
        ("https://ria.example/1", offsets[2]),
        ("https://ria.example/2", offsets[4]),
    ]) {
        assert_eq!(v["input"]["kind"], "warc");
        assert_eq!(v["input"]["path"], arg(&path));
        assert_eq!(v["input"]["offset"], offset);
        assert_eq!(v["input"]["record_id"], format!("<urn:uuid:{url}>"));
        assert_eq!(v["url"], url);
    }
}

#[test]
fn a_url_is_fetched() {
    let base = serve_fixture();
    let asked = format!("{base}/old");
    let out = dateline(&["extract", &asked]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["kind"], "url");
    assert_eq!(v["input"]["url"], asked);
    assert_eq!(
        v["url"],
        format!("{base}/article"),
        "the address after redirects"
    );

    let missing = format!("{base}/missing");
    let out = dateline(&["extract", "--quiet", &missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(&format!("error: {missing}: HTTP 404 Not Found\n")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreachable_url_is_a_clean_error() {
    let out = dateline(&[
        "extract",
        "--timeout",
        "5",
        "http://127.0.0.1:1/",
        arg(&fixture()),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: http://127.0.0.1:1/: cannot connect: "),
        "{err}"
    );
    assert_eq!(json_lines(&out).len(), 1, "the good input still comes out");
    assert!(err.contains("1 done, 1 failed"), "{err}");
}

#[test]
fn text_and_markdown_separate_articles() {
    let f = fixture();
    let text = dateline(&["extract", "--format", "text", arg(&f), arg(&f)]);
    assert_eq!(text.status.code(), Some(0));
    let t = stdout(&text);
    assert_eq!(t.matches("\n\x0c\n").count(), 1, "{t}");
    let (a, b) = t.split_once("\n\x0c\n").unwrap();
    assert_eq!(format!("{a}\n"), b, "the same page twice renders the same");

    let md = dateline(&[
        "extract",
        "--format",
        "markdown",
        "--url",
        "https://ria.example/1",
        arg(&f),
    ]);
    assert_eq!(md.status.code(), Some(0));
    assert!(
        stdout(&md).contains("**URL:** <https://ria.example/1>"),
        "{}",
        stdout(&md)
    );
    let md = dateline(&["extract", "--format", "markdown", arg(&f), arg(&f), arg(&f)]);
    assert_eq!(stdout(&md).matches("\n\n---\n\n").count(), 2);
}

#[test]
fn quiet_success_is_silent_and_output_goes_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    let out = dateline(&[
        "extract",
        "-q",
        "-o",
        arg(&target),
        arg(&fixture()),
        arg(&fixture()),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(stderr(&out), "");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 2);
}

#[test]
fn analyze_conll_appends_a_predicted_tag_to_every_line() {
    let input = "-DOCSTART- -X- O O\n\nMikhail NNP I-NP I-PER\nBogdanov NNP I-NP I-PER\nvisited VBD I-VP O\nIraq NNP I-NP I-LOC\n. . O O\n\nRIA NNP I-NP I-ORG\nNovosti NNP I-NP I-ORG\nreported VBD I-VP O\n. . O O\n\n";
    let out = dateline_with_stdin(
        &["analyze", "--from", "conll", "--to", "conll", "-"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let inputs: Vec<&str> = input.lines().collect();
    assert_eq!(lines.len(), inputs.len(), "{text}");
    for (o, i) in lines.iter().zip(&inputs) {
        if i.is_empty() {
            assert!(o.is_empty());
        } else {
            // The input line, then one more column.
            assert!(o.starts_with(i), "{o} does not start with {i}");
            assert_eq!(o.split(' ').count(), i.split(' ').count() + 1);
        }
    }
    assert!(text.contains("Mikhail NNP I-NP I-PER I-PER"), "{text}");
    assert!(text.contains("Iraq NNP I-NP I-LOC I-LOC"), "{text}");
}

#[test]
fn analyze_rejects_a_missing_file_and_a_bad_model() {
    let out = dateline(&[
        "analyze",
        "--from",
        "conll",
        "--to",
        "conll",
        "/nonexistent/file.conll",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/file.conll"));
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("bad.gz");
    std::fs::write(&model, b"not a model").unwrap();
    let m = model.to_str().unwrap();
    let out = dateline_with_stdin(
        &[
            "analyze", "--from", "conll", "--to", "conll", "--model", m, "-",
        ],
        Some(b"a b c O\n"),
    );
    assert_eq!(out.status.code(), Some(1));
}

const ANALYZE_TEXT: &str = "The United States has been knocking on all doors, Deputy Foreign Minister Mikhail Bogdanov said Wednesday. Bogdanov added that the diplomat's day was long.\n";

fn entity_names(article: &Value) -> Vec<String> {
    article["entities"]
        .as_array()
        .unwrap_or_else(|| panic!("no entities in {article}"))
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn analyze_plain_text_with_a_published_date() {
    let out = dateline_with_stdin(
        &["analyze", "--published", "2014-10-08T15:01:00+04:00", "-"],
        Some(ANALYZE_TEXT.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["text"], ANALYZE_TEXT);
    assert!(
        entity_names(&v).contains(&"Mikhail Bogdanov".to_string()),
        "{v}"
    );
    let times = v["times"].as_array().unwrap();
    assert!(
        times
            .iter()
            .any(|t| t["text"] == "Wednesday" && t["value"] == "2014-10-08"),
        "{v}"
    );
    // Both sentences are reported speech; the speaker is the entity.
    let quotes = v["quotes"].as_array().unwrap();
    let bogdanov = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Mikhail Bogdanov")
        .map(|e| e["id"].clone())
        .unwrap();
    assert!(!quotes.is_empty(), "{v}");
    for q in quotes {
        assert_eq!(q["kind"], "indirect", "{q}");
        assert_eq!(q["speaker"], bogdanov, "{q}");
    }
}

#[test]
fn analyze_article_json_keeps_its_fields_and_uses_its_published_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    let article = serde_json::json!({
        "schema_version": 1, "title": "T", "text": ANALYZE_TEXT,
        "published": "2014-10-08", "something_new": 7
    });
    std::fs::write(&path, article.to_string()).unwrap();
    let out = dateline(&["analyze", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["title"], "T");
    assert_eq!(v["something_new"], 7);
    assert!(
        v["times"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["value"] == "2014-10-08"),
        "{v}"
    );
    // --published overrides the article's own date.
    let out = dateline(&[
        "analyze",
        "--published",
        "2014-10-15",
        path.to_str().unwrap(),
    ]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        v["times"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["value"] == "2014-10-15"),
        "{v}"
    );
}

#[test]
fn analyze_json_lines_goes_on_past_a_bad_line() {
    let good = serde_json::json!({ "text": ANALYZE_TEXT }).to_string();
    let input = format!("{good}\n{{not json\n{{\"title\": \"no text\"}}\n{good}\n");
    let out = dateline_with_stdin(&["analyze", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert!(entity_names(l).contains(&"Mikhail Bogdanov".to_string()));
    }
    let err = stderr(&out);
    assert!(err.contains("stdin: line 2"), "{err}");
    assert!(err.contains("no 'text' field"), "{err}");
}

#[test]
fn analyze_names_a_missing_input_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, ANALYZE_TEXT).unwrap();
    let out = dateline(&["analyze", "/nonexistent/x.txt", text.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/x.txt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out).len(), 1);
}

#[test]
fn extract_analyze_adds_entities_quotes_and_times() {
    let f = fixture();
    let out = dateline(&["extract", "--analyze", f.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let names = entity_names(&v);
    assert!(names.contains(&"Mikhail Bogdanov".to_string()), "{names:?}");
    assert!(names.contains(&"Islamic State".to_string()), "{names:?}");
    assert!(v["quotes"].is_array());
    assert!(v["times"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["text"] == "Wednesday" && t["value"] == "2014-10-08"));
    // Without the flag, no analysis fields at all.
    let out = dateline(&["extract", f.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v.get("entities").is_none());
}
