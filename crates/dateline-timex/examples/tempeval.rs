//! TempEval-3 Task A (time expressions) on TimeML corpora: extent, type and
//! value scores as the TE3 scorer computes them (see `dateline_timex::eval`
//! and bench/README.md), and the tagger's speed.
//!
//! ```sh
//! cargo run --release -p dateline-timex --example tempeval
//! cargo run --release -p dateline-timex --example tempeval -- --corpus ../shared/corpora/timex/platinum --errors 40
//! ```
//!
//! `--corpus DIR`: a directory of `.tml` files, or a corpus root holding
//! `platinum/`, `train/TimeBank/` and `train/AQUAINT/` (default
//! `../shared/corpora/timex` from the repository root). `--no-dct` runs
//! without the document creation time. `--errors N` lists up to N misses,
//! wrong values and spurious expressions per set.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline_timex::eval::{parse_tml, score, Counts, Outcome};

struct Args {
    corpus: PathBuf,
    errors: usize,
    dct: bool,
}

fn args() -> Result<Args, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut a = Args {
        corpus: root.join("../shared/corpora/timex"),
        errors: 0,
        dct: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => a.corpus = it.next().ok_or("--corpus needs a path")?.into(),
            "--errors" => {
                a.errors = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--errors needs a number")?
            }
            "--no-dct" => a.dct = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

fn tml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

struct SetResult {
    name: String,
    files: usize,
    counts: Counts,
    chars: usize,
    elapsed: Duration,
    /// The plain texts, for the throughput run.
    texts: String,
}

fn run_set(name: &str, dir: &Path, a: &Args) -> Result<SetResult, String> {
    let files = tml_files(dir);
    if files.is_empty() {
        return Err(format!("no .tml files in {}", dir.display()));
    }
    let mut counts = Counts::default();
    let mut chars = 0;
    let mut elapsed = Duration::ZERO;
    let mut shown = 0;
    let mut texts = String::new();
    for f in &files {
        let xml = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let doc = parse_tml(&xml).map_err(|e| format!("{}: {e}", f.display()))?;
        let reference = if a.dct { doc.dct } else { None };
        let t = Instant::now();
        let system = dateline_timex::find(&doc.text, reference);
        elapsed += t.elapsed();
        chars += doc.text.chars().count();
        texts.push_str(&doc.text);
        texts.push_str("\n\n");
        let (c, outcomes) = score(&doc, &system);
        counts.add(&c);
        let file = f
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        for o in outcomes {
            if shown >= a.errors {
                break;
            }
            let line = match o {
                Outcome::Missed(g) => format!(
                    "MISS   {:<32} {:?} {}",
                    format!("{:?}", &doc.text[g.start..g.end]),
                    g.kind,
                    g.value
                ),
                Outcome::Spurious(s) => {
                    format!(
                        "SPUR   {:<32} {:?} {}",
                        format!("{:?}", s.text),
                        s.kind,
                        s.value
                    )
                }
                Outcome::Paired {
                    gold,
                    system,
                    strict,
                } => {
                    if strict && gold.value == system.value && gold.kind == system.kind {
                        continue;
                    }
                    format!(
                        "{} {:<32} {:?} {} | sys {:?} {:?} {}",
                        if strict { "VALUE " } else { "EXTENT" },
                        format!("{:?}", &doc.text[gold.start..gold.end]),
                        gold.kind,
                        gold.value,
                        system.text,
                        system.kind,
                        system.value
                    )
                }
            };
            shown += 1;
            let dct = doc.dct.map(|d| d.date.to_string()).unwrap_or_default();
            println!("  {file} [{dct}] {line}");
        }
    }
    Ok(SetResult {
        name: name.to_string(),
        files: files.len(),
        counts,
        chars,
        elapsed,
        texts,
    })
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("tempeval: {e}");
            std::process::exit(2);
        }
    };
    let sets: Vec<(String, PathBuf)> = if a.corpus.join("platinum").is_dir() {
        vec![
            ("platinum".into(), a.corpus.join("platinum")),
            ("train/TimeBank".into(), a.corpus.join("train/TimeBank")),
            ("train/AQUAINT".into(), a.corpus.join("train/AQUAINT")),
        ]
    } else {
        let name = a
            .corpus
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        vec![(name.unwrap_or_default(), a.corpus.clone())]
    };
    let mut results = Vec::new();
    for (name, dir) in &sets {
        if a.errors > 0 {
            println!("== {name}: errors");
        }
        match run_set(name, dir, &a) {
            Ok(r) => results.push(r),
            Err(e) => {
                eprintln!("tempeval: {e}");
                std::process::exit(1);
            }
        }
    }
    println!(
        "\n{:<15} {:>5} {:>5} {:>5} | {:>17} | {:>17} | {:>5} {:>5} | {:>5} {:>5} | {:>9}",
        "set",
        "files",
        "gold",
        "sys",
        "strict P/R/F1",
        "relaxed P/R/F1",
        "type",
        "F1",
        "value",
        "F1",
        "kchars/s"
    );
    for r in &results {
        let c = &r.counts;
        let (sp, sr, sf) = c.strict();
        let (rp, rr, rf) = c.relaxed();
        let (ta, tf) = c.kind();
        let (va, vf) = c.value();
        let speed = r.chars as f64 / r.elapsed.as_secs_f64().max(1e-9) / 1000.0;
        println!(
            "{:<15} {:>5} {:>5} {:>5} | {:.3} {:.3} {:.3} | {:.3} {:.3} {:.3} | {:.3} {:.3} | {:.3} {:.3} | {:>9.0}",
            r.name, r.files, c.gold, c.system, sp, sr, sf, rp, rr, rf, ta, tf, va, vf, speed
        );
    }
    // Throughput on one core: every set's text, repeated to about 20 MB,
    // read in one call (per-file timings above are too short to trust).
    let all: String = results.iter().map(|r| r.texts.as_str()).collect();
    if !all.is_empty() {
        let big = all.repeat((20_000_000 / all.len()).max(1));
        // A fixed reference: only the speed is measured here.
        let reference =
            chrono::NaiveDate::from_ymd_opt(2013, 3, 22).map(dateline_timex::Reference::day);
        let t = Instant::now();
        let found = dateline_timex::find(&big, reference).len();
        let secs = t.elapsed().as_secs_f64().max(1e-9);
        let words = big.split_whitespace().count();
        println!(
            "speed: {:.1} MB in {:.2} s = {:.1} MB/s, {:.0}k words/s, {} expressions",
            big.len() as f64 / 1e6,
            secs,
            big.len() as f64 / 1e6 / secs,
            words as f64 / secs / 1e3,
            found
        );
    }
    if results.iter().any(|r| r.name == "platinum") {
        println!("HeidelTime on platinum (published, TE3 paper; not run here): strict F1 0.813, relaxed F1 0.903, value F1 0.776");
    }
}
