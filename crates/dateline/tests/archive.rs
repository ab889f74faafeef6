//! End-to-end tests of the archive commands: `ingest`, `search` and
//! `archive`, each run as a user would run it, on archives in temp dirs.

mod common;

use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn the_specimen_is_stored_once_and_found_every_way() {
    let a = Archive::new();
    let f = fixture();
    let f = f.to_str().unwrap();
    let out = run(&a.args(&["ingest"], &[f]));
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("1 stored (1 new"), "{summary}");
    let again = run(&a.args(&["ingest"], &[f, "--report"]));
    let reported = lines(&String::from_utf8_lossy(&again.stdout));
    assert_eq!(reported.len(), 1);
    assert_eq!(reported[0]["change"], "unchanged");
    assert_eq!(reported[0]["input"], f);

    assert_eq!(a.total("Bogdanov"), 1);
    assert_eq!(a.total("\"fight terrorism\""), 1);
    assert_eq!(a.total("title:terrorism AND NOT banana"), 1);
    assert_eq!(a.total("banana"), 0);
    for filter in [
        ["--entity", "Mikhail Bogdanov"],
        ["--source", "RIA Novosti"],
        ["--section", "Homeland Security"],
        ["--lang", "en"],
        ["--since", "2014-10-08"],
        ["--until", "2014-10-08T12:00:00Z"],
    ] {
        assert_eq!(a.search(&filter)["total"], 1, "{filter:?}");
    }
    for filter in [
        ["--since", "2014-10-09"],
        ["--until", "2014-10-07"],
        ["--source", "TASS"],
    ] {
        assert_eq!(a.search(&filter)["total"], 0, "{filter:?}");
    }
    let page = a.search(&["Bogdanov", "--timeline", "day", "--facets", "3"]);
    assert_eq!(
        page["hits"][0]["dateline"],
        "MOSCOW, October 8 (RIA Novosti)"
    );
    assert_eq!(page["facets"]["sections"][0]["value"], "Homeland Security");
    assert_eq!(page["timeline"]["buckets"][0]["start"], "2014-10-08");
    assert_eq!(page["timeline"]["buckets"][0]["share"], 1.0);

    let csv = ok(&a.args(&["search"], &["Bogdanov", "--format", "csv"]));
    let mut rows = csv.lines();
    assert_eq!(
        rows.next(),
        Some("id,date,published,title,source,section,site,language,url,dateline,revisions,group")
    );
    let row = rows.next().unwrap();
    assert!(
        row.contains(",RIA Novosti,Homeland Security,globalsecurity.org,en,"),
        "{row}"
    );
    let table = ok(&a.args(&["search"], &["Bogdanov"]));
    assert!(table.starts_with("1 match\n"), "{table}");
    assert!(
        table.contains("Russia Does Not Need to Be Invited"),
        "{table}"
    );

    let stats: Value =
        serde_json::from_str(&ok(&a.args(&["archive", "stats"], &["--json"]))).unwrap();
    assert_eq!(stats["articles"], 1);
    assert!(stats["quotes"].as_u64().unwrap() > 0);
    ok(&a.args(&["archive", "check"], &[]));
}

#[test]
fn a_changed_page_is_a_revision_and_a_copy_joins_a_group() {
    let a = Archive::new();
    // The fixture is not UTF-8: edit it as bytes.
    let html = std::fs::read(fixture()).unwrap();
    let first = a.path("first.html");
    std::fs::write(&first, &html).unwrap();
    ok(&a.args(&["ingest"], &["--no-analyze", first.to_str().unwrap()]));

    // The same address (its canonical link) with a corrected sentence.
    let changed = a.path("changed.html");
    let at = html
        .windows(14)
        .position(|w| w == b"Bogdanov added")
        .expect("the fixture holds the sentence this test edits");
    let edited = [&html[..at], b"Bogdanov said later", &html[at + 14..]].concat();
    std::fs::write(&changed, edited).unwrap();
    let out = ok(&a.args(
        &["ingest"],
        &["--no-analyze", "--report", changed.to_str().unwrap()],
    ));
    let put = &lines(&out)[0];
    assert_eq!(put["change"], "revised", "{put}");
    assert_eq!(put["revision"], 2);

    // Another site's copy of the report, through article JSON on stdin.
    let mut copy = specimen_article();
    copy["url"] = Value::from("https://reprints.example/2014/ria-copy");
    copy["canonical_url"] = Value::Null;
    let out = run_with_stdin(
        &a.args(&["ingest"], &["--no-analyze", "--report", "-"]),
        copy.to_string().as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let put = &lines(&String::from_utf8_lossy(&out.stdout))[0];
    assert_eq!(put["change"], "new");
    assert_eq!(put["input"], "stdin line 1");
    assert!(put["group"].is_u64(), "{put}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 syndicated copies"));

    let page = a.search(&["Bogdanov", "--sort", "oldest"]);
    assert_eq!(page["total"], 2);
    assert_eq!(page["hits"][0]["revisions"], 2);
    assert_eq!(page["hits"][0]["group"], page["hits"][1]["group"]);
    assert_eq!(a.total("\"said later\""), 1);
}

#[test]
fn an_export_reads_back_into_an_equal_archive() {
    let a = Archive::new();
    let f = fixture();
    ok(&a.args(&["ingest"], &[f.to_str().unwrap()]));
    let synth = a.path("synth.jsonl.gz");
    {
        let file = std::fs::File::create(&synth).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
        for v in synthetic(30) {
            writeln!(gz, "{v}").unwrap();
        }
        gz.finish().unwrap();
    }
    ok(&a.args(&["ingest"], &["--no-analyze", synth.to_str().unwrap()]));
    let export = ok(&a.args(&["archive", "export"], &[]));
    assert_eq!(export.lines().count(), 31);
    let dump = a.path("dump.jsonl");
    std::fs::write(&dump, &export).unwrap();

    let b = Archive::new();
    ok(&b.args(&["ingest"], &[dump.to_str().unwrap()]));
    assert_eq!(ok(&b.args(&["archive", "export"], &[])), export);
    assert_eq!(
        ok(&b.args(&["archive", "export"], &["--format", "csv"])),
        ok(&a.args(&["archive", "export"], &["--format", "csv"]))
    );
    // A query exports its matches only.
    let some = ok(&a.args(&["archive", "export"], &["Bogdanov"]));
    assert_eq!(some.lines().count(), 1);
    assert_eq!(lines(&some)[0]["archive"]["id"], 1);
}

#[test]
fn failures_name_their_input_and_the_batch_goes_on() {
    let a = Archive::new();
    let good = synthetic(2);
    let mut text = String::new();
    text.push_str(&good[0].to_string());
    text.push_str("\n{not json\n\"a string\"\n");
    text.push_str(&good[1].to_string());
    text.push('\n');
    let json = a.path("mixed.jsonl");
    std::fs::write(&json, text).unwrap();
    let missing = a.path("missing.html");
    let out = run(&a.args(
        &["ingest"],
        &[
            "--no-analyze",
            json.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
    ));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.jsonl line 2: not JSON"), "{err}");
    assert!(
        err.contains("mixed.jsonl line 3: not an article object"),
        "{err}"
    );
    assert!(err.contains("missing.html"), "{err}");
    assert!(
        err.contains("2 stored (2 new") && err.contains("3 failed"),
        "{err}"
    );
    assert_eq!(a.total(""), 2);
}

#[test]
fn bad_queries_and_dates_are_usage_errors_that_say_why() {
    let a = Archive::new();
    let out = run(&a.args(&["search"], &["(coalition OR"]));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("column 12"), "{err}");
    let out = run(&a.args(&["search"], &["x", "--since", "yesterday"]));
    assert_eq!(out.status.code(), Some(2));
    let out = run(&a.args(&["search"], &["x", "--since", "2015", "--until", "2014"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not before until"));
    // A directory that is something else is refused, not taken over.
    std::fs::create_dir_all(a.path("notes")).unwrap();
    std::fs::write(a.path("notes/mine.txt"), "mine").unwrap();
    let notes = a.path("notes");
    let out = run(&["search", "--data", notes.to_str().unwrap(), "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Dateline archive"));
}

#[test]
fn a_damaged_index_is_found_by_check_and_repaired_by_reindex() {
    let a = Archive::new();
    let f = fixture();
    ok(&a.args(&["ingest"], &["--no-analyze", f.to_str().unwrap()]));
    let index = Path::new(&a.data).join("index");
    let mut damaged = 0;
    for entry in std::fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "idx") {
            std::fs::write(&path, b"overwritten by hand").unwrap();
            damaged += 1;
        }
    }
    assert!(damaged > 0, "the index has segment files to damage");
    let out = run(&a.args(&["archive", "check"], &[]));
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("problem: index"), "{report}");
    ok(&a.args(&["archive", "reindex"], &[]));
    ok(&a.args(&["archive", "check"], &[]));
    assert_eq!(a.total("Bogdanov"), 1);
}

/// Kills `ingest` with SIGKILL mid-run, then runs it again on the same
/// input: every article it reported stored is there, nothing twice, and
/// the archive checks clean.
#[cfg(unix)]
#[test]
fn an_ingest_killed_mid_batch_loses_nothing_it_reported() {
    let a = Archive::new();
    let n = 3000;
    let input = a.path("many.jsonl");
    write_jsonl(&input, &synthetic(n));
    let args = a.args(
        &["ingest"],
        &[
            "--no-analyze",
            "--report",
            "--batch",
            "40",
            "--jobs",
            "2",
            input.to_str().unwrap(),
        ],
    );
    let mut child = command(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reported = BTreeMap::new();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let started = Instant::now();
    let mut line = String::new();
    // Kill it once a few batches are committed, well before the end.
    while reported.len() < 200 && started.elapsed() < Duration::from_secs(120) {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            break;
        }
        let v: Value = serde_json::from_str(&line).unwrap();
        reported.insert(
            v["input"].as_str().unwrap().to_string(),
            v["id"].as_u64().unwrap(),
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        reported.len() >= 200,
        "ingest reported {} before the deadline",
        reported.len()
    );
    assert!(
        reported.len() < n,
        "ingest finished before it could be killed"
    );

    // What the killed run reported is stored, under the ids it reported.
    let export = lines(&ok(&a.args(&["archive", "export"], &[])));
    let stored: BTreeMap<u64, &Value> = export
        .iter()
        .map(|v| (v["archive"]["id"].as_u64().unwrap(), v))
        .collect();
    for (input, id) in &reported {
        assert!(
            stored.contains_key(id),
            "{input}: reported as article {id}, not stored"
        );
    }

    // Running it again completes the archive without a duplicate.
    let out = run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = lines(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(again.len(), n);
    for v in &again {
        let input = v["input"].as_str().unwrap();
        if let Some(id) = reported.get(input) {
            assert_eq!(v["change"], "unchanged", "{v}");
            assert_eq!(v["id"].as_u64(), Some(*id), "{v}");
        }
    }
    let export = lines(&ok(&a.args(&["archive", "export"], &[])));
    assert_eq!(export.len(), n);
    let urls: BTreeSet<&str> = export.iter().map(|v| v["url"].as_str().unwrap()).collect();
    assert_eq!(urls.len(), n, "each article stored once");
    ok(&a.args(&["archive", "check"], &[]));
    assert_eq!(a.total(""), n as u64);
}

/// A search runs, and sees what is committed, while an ingest holds the
/// archive for writing.
#[test]
fn searches_answer_while_an_ingest_writes() {
    let a = Archive::new();
    let input = a.path("many.jsonl");
    write_jsonl(&input, &synthetic(1500));
    let args = a.args(
        &["ingest"],
        &["--no-analyze", "--batch", "20", input.to_str().unwrap()],
    );
    let mut child = command(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut searches = 0;
    let mut last = 0;
    while child.try_wait().unwrap().is_none() && searches < 50 {
        let out = run(&a.args(
            &["search"],
            &["coalition", "--format", "json", "--limit", "1"],
        ));
        if out.status.success() {
            let total = serde_json::from_slice::<Value>(&out.stdout).unwrap()["total"]
                .as_u64()
                .unwrap();
            assert!(total >= last, "the count of matches never shrinks");
            last = total;
            searches += 1;
        } else {
            // Only before the archive's first commit may it not exist yet.
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(last, 0, "a search failed mid-ingest: {err}");
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(searches > 0, "no search ran during the ingest");
    assert_eq!(a.total(""), 1500);
}
