//! `dateline train ner` and `dateline train quotes`: train the entity
//! tagger on CoNLL-2003 and the quoted-fragment classifier on PolNeAR, and
//! write the model files that `dateline-analyze` embeds.

use anyhow::{Context, Result};
use dateline_analyze::ner::features::groups;
use dateline_analyze::ner::train::{self, Config};
use dateline_analyze::quotes::fragments;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    pub what: TrainWhat,
}

#[derive(Debug, clap::Subcommand)]
pub enum TrainWhat {
    /// The named-entity tagger (CoNLL-2003 types), an averaged perceptron.
    Ner(NerArgs),
    /// The quoted-fragment classifier (is a quotation no attribution
    /// pattern claimed someone's words?), a logistic regression.
    Quotes(QuotesArgs),
}

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// PolNeAR's data folder (with train/ and dev/): trains on train,
    /// reports on dev.
    #[arg(long, value_name = "DIR")]
    pub corpus: PathBuf,

    /// Passes over the training data.
    #[arg(long, default_value_t = fragments::Config::default().epochs)]
    pub epochs: usize,

    /// Accept a candidate when its log-odds exceed this, not 0.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub threshold: f64,

    /// Where to write the model.
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// CoNLL-2003 training file (IOB1 tags in the last column).
    #[arg(long, value_name = "PATH")]
    pub train: PathBuf,

    /// CoNLL-2003 development file: picks the best epoch.
    #[arg(long, value_name = "PATH")]
    pub dev: PathBuf,

    /// Word clusters (Brown format: bit path, word, count; tab separated).
    #[arg(long, value_name = "PATH")]
    pub clusters: Option<PathBuf>,

    /// Also write the word clusters computed from --unlabeled to PATH (in
    /// the format --clusters reads), to reuse them.
    #[arg(long, value_name = "PATH")]
    pub write_clusters: Option<PathBuf>,

    /// Unlabeled text for word classes: files or directories (.txt as is,
    /// .tml/.xml without tags, .json: every string value of 200+ bytes).
    /// Never give a test split here.
    #[arg(long, value_name = "PATH")]
    pub unlabeled: Vec<PathBuf>,

    /// An outside list of names, one a line, as TYPE=PATH (TYPE: per, org,
    /// loc or misc); repeatable. `model/gazetteers.py` makes them from
    /// Debian packages.
    #[arg(long, value_name = "TYPE=PATH")]
    pub gazetteer: Vec<String>,

    /// Passes over the training data.
    #[arg(long, default_value_t = Config::default().epochs)]
    pub epochs: usize,

    /// Feature groups to leave out (to measure what they buy), comma
    /// separated: gazetteer, case-ratio, clusters, history, doc-case,
    /// prev-labels.
    #[arg(long, value_name = "GROUPS", value_delimiter = ',')]
    pub without: Vec<String>,

    /// Train the first pass only (no second pass over its labels).
    #[arg(long)]
    pub one_pass: bool,

    /// Where to write the model.
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,
}

pub fn run(args: TrainArgs) -> Result<()> {
    match args.what {
        TrainWhat::Ner(a) => ner(a),
        TrainWhat::Quotes(a) => quotes(a),
    }
}

fn quotes(a: QuotesArgs) -> Result<()> {
    let tagger = dateline_analyze::ner::Tagger::english();
    let train = fragments::split_examples(&a.corpus.join("train"), tagger)?;
    let dev = fragments::split_examples(&a.corpus.join("dev"), tagger)?;
    let positives = |x: &[fragments::Example]| x.iter().filter(|e| e.attributed).count();
    eprintln!(
        "candidates: train {} ({} attributed), dev {} ({} attributed)",
        train.len(),
        positives(&train),
        dev.len(),
        positives(&dev)
    );
    let cfg = fragments::Config {
        epochs: a.epochs,
        ..fragments::Config::default()
    };
    let mut model = fragments::train(&train, &cfg);
    model.shift(a.threshold);
    for (name, set) in [("train", &train), ("dev", &dev)] {
        let s = model.evaluate(set);
        eprintln!(
            "{name}: P {:.3} R {:.3} F1 {:.3} ({} accepted rightly, {} wrongly, {} missed)",
            s.precision(),
            s.recall(),
            s.f1(),
            s.correct,
            s.predicted - s.correct,
            s.gold - s.correct
        );
    }
    let text = model.to_text();
    std::fs::write(&a.output, &text).with_context(|| format!("{}", a.output.display()))?;
    eprintln!(
        "wrote {} ({} lines)",
        a.output.display(),
        text.lines().count()
    );
    Ok(())
}

fn ner(a: NerArgs) -> Result<()> {
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| format!("{}", p.display()));
    let train_docs = train::docs_of(&read(&a.train)?);
    let dev_docs = train::docs_of(&read(&a.dev)?);
    let mut cfg = Config {
        epochs: a.epochs,
        two_pass: !a.one_pass,
        ..Config::default()
    };
    for name in &a.without {
        let (_, bit) = groups::NAMES
            .iter()
            .find(|(n, _)| n == name)
            .with_context(|| format!("unknown feature group: {name}"))?;
        cfg.groups &= !bit;
    }
    let clusters = match &a.clusters {
        Some(p) => read_clusters(&read(p)?),
        None => Vec::new(),
    };
    let mut texts = Vec::new();
    for p in &a.unlabeled {
        read_unlabeled(p, &mut texts)?;
    }
    let mut external = Vec::new();
    for g in &a.gazetteer {
        let (kind, path) = g
            .split_once('=')
            .with_context(|| format!("--gazetteer wants TYPE=PATH, not {g}"))?;
        let k = dateline_analyze::ner::labels::type_index(&kind.to_uppercase())
            .with_context(|| format!("unknown entity type {kind} (per, org, loc, misc)"))?;
        for line in read(Path::new(path))?.lines() {
            let name = line.trim();
            if name.is_empty() {
                continue;
            }
            // As written, and in capitals for datelines and headlines.
            for form in [name.to_string(), name.to_uppercase()] {
                let toks = dateline_analyze::tokenize::tokens(&form);
                let words: Vec<String> = toks
                    .iter()
                    .map(|t| dateline_analyze::ner::tagger_word(t.text(&form)).into_owned())
                    .collect();
                external.push((k, words));
            }
        }
    }
    // Unlabeled sentences: the texts given, and train's words (their
    // labels unused).
    let mut sentences = train::text_sentences(&texts);
    sentences.extend(
        train_docs
            .iter()
            .flatten()
            .map(|s| s.iter().map(|(w, _)| w.clone()).collect()),
    );
    let clusters = if !clusters.is_empty() || cfg.groups & groups::CLUSTERS == 0 || texts.is_empty()
    {
        clusters
    } else {
        let t0 = std::time::Instant::now();
        let c = dateline_analyze::ner::clusters::cluster(&sentences);
        eprintln!(
            "clustered {} words in {:.1} s",
            c.len(),
            t0.elapsed().as_secs_f64()
        );
        if let Some(p) = &a.write_clusters {
            let text: String = c
                .iter()
                .map(|(w, path)| format!("{path}\t{w}\t0\n"))
                .collect();
            std::fs::write(p, text).with_context(|| format!("{}", p.display()))?;
        }
        c
    };
    let lexicon = train::lexicon(&sentences, &clusters);
    eprintln!(
        "train: {} documents; dev: {} documents; unlabeled: {} texts, {} sentences; {} clustered words; lexicon {} words; {} outside names",
        train_docs.len(),
        dev_docs.len(),
        texts.len(),
        sentences.len(),
        clusters.len(),
        lexicon.len(),
        external.len()
    );
    let (model, _) = train::train(&train_docs, &dev_docs, lexicon, &external, &cfg, |r| {
        let mut by_type = String::new();
        for (t, c) in &r.dev.by_type {
            by_type.push_str(&format!(" {t} {:.4}", c.f1()));
        }
        eprintln!(
            "pass {} epoch {:2}: {} training errors; dev F1 {:.4} (P {:.4} R {:.4});{by_type}",
            r.pass,
            r.epoch,
            r.train_errors,
            r.dev.overall.f1(),
            r.dev.overall.precision(),
            r.dev.overall.recall()
        );
    });
    let bytes = model.to_bytes();
    std::fs::write(&a.output, &bytes).with_context(|| format!("{}", a.output.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} weighted features)",
        a.output.display(),
        bytes.len(),
        model.weights.len()
    );
    Ok(())
}

/// Brown clusters: `path<TAB>word<TAB>count` lines, in file order.
fn read_clusters(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let path = f.next()?;
            let word = f.next()?;
            path.bytes()
                .all(|b| b == b'0' || b == b'1')
                .then(|| (word.to_string(), path.to_string()))
        })
        .collect()
}

/// Reads unlabeled text from a file or, recursively in name order, a
/// directory.
fn read_unlabeled(p: &Path, out: &mut Vec<String>) -> Result<()> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("{}", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            read_unlabeled(&e, out)?;
        }
        return Ok(());
    }
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    let bytes = std::fs::read(p).with_context(|| format!("{}", p.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    match ext {
        "txt" => out.push(text.into_owned()),
        "tml" | "xml" => out.push(strip_tags(&text)),
        "json" => {
            let v: serde_json::Value =
                serde_json::from_str(&text).with_context(|| format!("{}", p.display()))?;
            collect_strings(&v, out);
        }
        _ => {}
    }
    Ok(())
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every long string in a JSON value (article bodies; not URLs or titles).
fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) if s.len() >= 200 => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}
