//! `dateline analyze`: entities, quotations and time expressions added to
//! articles (article JSON, JSON Lines or plain text), and named entities
//! over pre-tokenized CoNLL-2003 input (`--from conll --to conll`).

use crate::output::{self, Writer};
use anyhow::{bail, Context, Result};
use dateline_analyze::conll;
use dateline_analyze::ner::{labels, Tagger};
use dateline_model::{Article, InputRef, PageTime};
use rayon::prelude::*;
use serde_json::Value;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CoNLL-2003: a token a line, blank lines between sentences.
    Conll,
}

/// The output of article analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ArticleFormat {
    /// One JSON object for one article, an array for more.
    Json,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Input format: conll for pre-tokenized CoNLL-2003 [default: article
    /// JSON, JSON Lines or plain text, told apart by their content].
    #[arg(long, value_enum)]
    pub from: Option<Format>,

    /// Output format of --from conll (conll).
    #[arg(long, value_enum)]
    pub to: Option<Format>,

    /// Output format for articles [default: json for one, jsonl for more].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ArticleFormat>,

    /// The publication time relative dates are read against (2014-10-08,
    /// 2014-10-08T15:01:00 or 2014-10-08T15:01:00+04:00); overrides an
    /// article's own `published`.
    #[arg(long, value_name = "DATETIME", value_parser = parse_time)]
    pub published: Option<PageTime>,

    /// A model file from `dateline train ner` instead of the shipped one
    /// (--from conll only).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Input files, or - for stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
}

fn parse_time(s: &str) -> Result<PageTime, String> {
    s.parse::<PageTime>().map_err(|e| e.to_string())
}

pub fn run(a: AnalyzeArgs) -> Result<ExitCode> {
    match (a.from, a.to) {
        (Some(Format::Conll), Some(Format::Conll)) => run_conll(a).map(|()| ExitCode::SUCCESS),
        (None, None) => run_articles(a),
        _ => bail!("--from conll goes with --to conll; articles need neither"),
    }
}

fn read_input(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().read_to_end(&mut bytes).context("stdin")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    }
    String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", name(path)))
}

fn name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "stdin".into()
    } else {
        path.display().to_string()
    }
}

/// One article to analyse, as its JSON object (so fields this version does
/// not know pass through untouched), or why it could not be read.
type Item = Result<serde_json::Map<String, Value>, String>;

/// The articles of one input: a JSON object, a JSON array of them, JSON
/// Lines, or plain text (which becomes an article with that text).
fn articles(input: &Path, content: &str) -> Vec<Item> {
    let who = name(input);
    let trimmed = content.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        match serde_json::from_str::<Value>(trimmed) {
            Ok(Value::Object(o)) => return vec![Ok(o)],
            Ok(Value::Array(items)) => {
                return items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| match v {
                        Value::Object(o) => Ok(o),
                        _ => Err(format!("{who}: item {}: not an article object", i + 1)),
                    })
                    .collect()
            }
            _ => {}
        }
        // JSON Lines when the first line is an object; otherwise the text
        // merely begins with a brace or bracket.
        let first = trimmed.lines().next().unwrap_or("");
        if matches!(serde_json::from_str::<Value>(first), Ok(Value::Object(_))) {
            return trimmed
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| match serde_json::from_str::<Value>(l) {
                    Ok(Value::Object(o)) => Ok(o),
                    Ok(_) => Err(format!("{who}: line {}: not an article object", i + 1)),
                    Err(e) => Err(format!("{who}: line {}: {e}", i + 1)),
                })
                .collect();
        }
    }
    let input = if input.as_os_str() == "-" {
        InputRef::Stdin
    } else {
        InputRef::File {
            path: input.display().to_string(),
        }
    };
    let mut article = Article::new(input);
    article.text = content.to_string();
    match serde_json::to_value(&article) {
        Ok(Value::Object(o)) => vec![Ok(o)],
        _ => vec![Err(format!("{who}: cannot represent as an article"))],
    }
}

/// Adds `entities`, `quotes` and `times` to one article object.
fn analyse(
    mut o: serde_json::Map<String, Value>,
    published: Option<PageTime>,
    who: &str,
) -> Result<Vec<u8>, String> {
    let text = match o.get("text") {
        Some(Value::String(t)) => t.clone(),
        Some(_) => return Err(format!("{who}: 'text' is not a string")),
        None => return Err(format!("{who}: no 'text' field")),
    };
    let published = match published {
        Some(p) => Some(p),
        None => match o.get("published") {
            Some(Value::String(s)) => Some(
                s.parse::<PageTime>()
                    .map_err(|e| format!("{who}: published: {e}"))?,
            ),
            _ => None,
        },
    };
    let analysis = dateline_analyze::analyze(&text, published);
    match serde_json::to_value(&analysis) {
        Ok(Value::Object(fields)) => o.extend(fields),
        _ => return Err(format!("{who}: cannot serialise the analysis")),
    }
    serde_json::to_vec(&Value::Object(o)).map_err(|e| format!("{who}: {e}"))
}

/// Articles analysed in parallel between two writes.
const CHUNK: usize = 256;

fn run_articles(a: AnalyzeArgs) -> Result<ExitCode> {
    if a.model.is_some() {
        bail!("--model is for --from conll; articles use the shipped model");
    }
    // Read every input (errors name it), then analyse in parallel, in order.
    let mut items: Vec<(String, Item)> = Vec::new();
    for input in &a.inputs {
        match read_input(input) {
            Ok(content) => {
                let who = name(input);
                let many = articles(input, &content);
                let n = many.len();
                for (i, item) in many.into_iter().enumerate() {
                    let label = if n > 1 {
                        format!("{who}: article {}", i + 1)
                    } else {
                        who.clone()
                    };
                    items.push((label, item));
                }
            }
            Err(e) => items.push((name(input), Err(format!("{e:#}")))),
        }
    }
    let single = items.len() == 1;
    let format = match a.format.unwrap_or(if single {
        ArticleFormat::Json
    } else {
        ArticleFormat::Jsonl
    }) {
        ArticleFormat::Json => output::Format::Json,
        ArticleFormat::Jsonl => output::Format::Jsonl,
    };
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("{}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut writer = Writer::new(io::BufWriter::new(out), format, single);
    let mut failed = 0;
    // In chunks, so a large JSON Lines input is written as it goes rather
    // than held twice in memory; within a chunk in parallel, in order.
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let chunk: Vec<(String, Item)> = items.by_ref().take(CHUNK).collect();
        let rendered: Vec<Result<Vec<u8>, String>> = chunk
            .into_par_iter()
            .map(|(who, item)| item.and_then(|o| analyse(o, a.published, &who)))
            .collect();
        for r in rendered {
            match r {
                Ok(bytes) => {
                    // Pretty-print a single JSON article, as extract does.
                    let bytes = if single && format == output::Format::Json {
                        serde_json::from_slice::<Value>(&bytes)
                            .and_then(|v| serde_json::to_vec_pretty(&v))
                            .unwrap_or(bytes)
                    } else {
                        bytes
                    };
                    writer.article(&bytes).context("cannot write")?;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    writer.finish().context("cannot write")?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_conll(a: AnalyzeArgs) -> Result<()> {
    let [input] = a.inputs.as_slice() else {
        bail!("--from conll takes one input");
    };
    let text = read_input(input)?;
    let owned;
    let tagger = match &a.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("{}", p.display()))?;
            owned = Tagger::from_bytes(&bytes).with_context(|| format!("{}", p.display()))?;
            &owned
        }
        None => Tagger::english(),
    };
    let out = tag_conll(tagger, &text);
    match &a.output {
        Some(p) => std::fs::write(p, out).with_context(|| format!("{}", p.display()))?,
        None => std::io::stdout()
            .lock()
            .write_all(out.as_bytes())
            .context("stdout")?,
    }
    Ok(())
}

/// The CoNLL text with each token's predicted IOB1 tag appended; each
/// `-DOCSTART-` document is tagged as one document.
pub fn tag_conll(tagger: &Tagger, text: &str) -> String {
    let docs = conll::read(text);
    let tags: Vec<Vec<Vec<String>>> = docs
        .iter()
        .map(|d| {
            let words: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.iter().map(|r| r.word()).collect())
                .collect();
            tagger
                .tag_document(&words)
                .iter()
                .map(|l| labels::to_iob1(l))
                .collect()
        })
        .collect();
    conll::write(&docs, &tags)
}
