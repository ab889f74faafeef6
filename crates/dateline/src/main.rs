//! `dateline`: news pages in, structured articles out.
//!
//! Thin glue: arguments (clap), the parallel pipeline (rayon), progress
//! (indicatif) and logs (tracing). Reading inputs is `dateline-ingest`'s
//! job, extraction `dateline-extract`'s.

mod analyze;
mod archive;
mod data;
mod ingest;
mod ordered;
mod output;
mod pipeline;
mod search;
mod serve;
mod train;

use clap::{CommandFactory, Parser, Subcommand};
use dateline_ingest::Input;
use output::Format;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "News pages in, structured articles out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract articles from web pages: files, directories, WARC archives, URLs or stdin.
    #[command(after_long_help = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Add entities, quotations and times to articles (JSON, JSON Lines or text), or tag CoNLL-2003.
    Analyze(analyze::AnalyzeArgs),
    /// Train a model from annotated data.
    Train(train::TrainArgs),
    /// Extract, analyse and store pages and article JSON in the archive.
    Ingest(ingest::IngestArgs),
    /// Search the archive: ranked full text, filters, facets, timeline, words.
    Search(search::SearchArgs),
    /// Look after the archive: stats, check, reindex, export.
    Archive(archive::ArchiveArgs),
    /// Serve the archive: the JSON API under /api/v1 and the web portal.
    Serve(serve::ServeArgs),
}

const EXTRACT_HELP: &str = "\
Inputs:
  A directory is walked recursively in name order, skipping hidden entries. It
  yields files ending in .html, .htm, .xhtml or .txt (optionally followed by
  .gz), files with no extension, and WARC archives (.warc, .warc.gz); other
  files are skipped. A WARC yields each HTML response record, in file order.
  A file named explicitly is always read, whatever its extension.

Output:
  Articles are written in input order (directory and WARC order within an
  input), whatever --jobs is. With --format json, one page gives one JSON
  object and more give one JSON array; jsonl gives one object per line. In
  text, articles are separated by a line holding a form feed (\\f); in
  markdown, by a '---' line.

Errors:
  A failed input prints 'error: <input>: <reason>' on stderr and the batch
  goes on. Exit status: 0 if every page was extracted, 1 if any failed, 2 for
  a usage error.

Logging:
  RUST_LOG sets the log filter (e.g. RUST_LOG=debug); logs go to stderr.";

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Files, directories, WARC archives, http(s) URLs, or - for stdin.
    #[arg(required = true, value_name = "INPUT", value_parser = parse_input)]
    inputs: Vec<Input>,

    /// Output format [default: json for one page, jsonl for more].
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// The address of the page, for a single file or stdin input.
    #[arg(long, value_name = "URL", value_parser = parse_url)]
    url: Option<String>,

    /// Pages extracted in parallel [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Write articles to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Give up on a URL after SECS seconds (whole fetch, body included).
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = parse_secs)]
    timeout: Duration,

    /// Refuse pages larger than N bytes (after decompression).
    #[arg(long, value_name = "N", default_value_t = dateline_ingest::Options::default().max_bytes)]
    max_bytes: u64,

    /// No progress bar, and no summary when every input succeeded.
    #[arg(short, long)]
    quiet: bool,

    /// Analyse each article too: add entities, quotations and times.
    #[arg(long)]
    analyze: bool,
}

fn parse_input(s: &str) -> Result<Input, String> {
    Input::parse(s).map_err(|e| e.to_string())
}

fn parse_url(s: &str) -> Result<String, String> {
    match Input::parse(s) {
        Ok(Input::Url(url)) => Ok(url),
        Err(e) => Err(e.to_string()),
        Ok(_) => Err("not an http(s) URL".into()),
    }
}

pub(crate) fn parse_secs(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| format!("not a number of seconds: {s}"))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err("must be more than 0 and at most 86400".into());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// A usage error discovered after parsing: clap's format and exit status 2.
fn usage_error(msg: impl std::fmt::Display) -> ! {
    let mut cmd = Cli::command();
    let sub = cmd
        .find_subcommand_mut("extract")
        .expect("the extract subcommand exists")
        .clone();
    sub.bin_name("dateline extract")
        .error(clap::error::ErrorKind::ArgumentConflict, msg)
        .exit()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    match cli.command {
        Command::Extract(args) => {
            if args.url.is_some() && args.inputs.len() > 1 {
                usage_error("--url needs exactly one input: the page it is the address of");
            }
            if args.url.is_some() && matches!(args.inputs[0], Input::Url(_)) {
                usage_error("--url is for a file or stdin input; a URL input has its own address");
            }
            if args.inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
                usage_error("- (stdin) can be given only once");
            }
            match pipeline::run(args) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Analyze(args) => match analyze::run(args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
        Command::Train(args) => report(train::run(args)),
        Command::Ingest(args) => exit(ingest::run(args)),
        Command::Search(args) => exit(search::run(args)),
        Command::Archive(args) => exit(archive::run(args)),
        Command::Serve(args) => exit(serve::run(args)),
    }
}

fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    // html5ever warns about the pages it parses ("foster parenting not
    // implemented"): notes on other people's markup, not on Dateline.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,html5ever=error,markup5ever=error"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
