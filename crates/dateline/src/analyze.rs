//! `dateline analyze`: named entities over pre-tokenized CoNLL-2003 input.

use anyhow::{bail, Context, Result};
use dateline_analyze::conll;
use dateline_analyze::ner::{labels, Tagger};
use std::io::{Read, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CoNLL-2003: a token a line, blank lines between sentences.
    Conll,
}

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Input format.
    #[arg(long, value_enum)]
    pub from: Format,

    /// Output format.
    #[arg(long, value_enum)]
    pub to: Format,

    /// A model file from `dateline train ner` instead of the shipped one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The input file, or - for stdin.
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
}

pub fn run(a: AnalyzeArgs) -> Result<()> {
    if a.from != Format::Conll || a.to != Format::Conll {
        bail!("only --from conll --to conll is supported");
    }
    let mut text = String::new();
    if a.input.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("stdin")?;
    } else {
        text =
            std::fs::read_to_string(&a.input).with_context(|| format!("{}", a.input.display()))?;
    }
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
