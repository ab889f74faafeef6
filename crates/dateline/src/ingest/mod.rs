//! `dateline ingest`: pages and article JSON in, stored and indexed.
//!
//! Items are read, extracted and analysed in parallel, in input order
//! ([`crate::ordered`]); the sink gathers them into batches that the
//! archive stores in one transaction each. A batch is reported (with
//! `--report`) only once it is committed, so every article a killed run
//! said it stored is in the archive.

mod records;

use crate::data::{DataArgs, Use};
use crate::{ordered, parse_secs, pipeline};
use anyhow::Context;
use dateline_ingest::{expand, input_name, IngestError, Input, Options, Source};
use dateline_model::Article;
use dateline_store::{Change, Incoming, Put, Store};
use indicatif::ProgressBar;
use records::{JsonInput, Record};
use serde_json::json;
use std::io::{self, BufRead, IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
#[command(after_long_help = INGEST_HELP)]
pub struct IngestArgs {
    /// Files, directories, WARC archives, http(s) URLs, article JSON or
    /// JSON Lines (.json, .jsonl, .ndjson, optionally .gz), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,

    #[command(flatten)]
    data: DataArgs,

    /// Pages extracted and analysed in parallel [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// Store articles as extracted, without entities, quotations and times.
    #[arg(long)]
    no_analyze: bool,

    /// Articles stored per transaction.
    #[arg(long, value_name = "N", default_value_t = 256,
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    batch: u32,

    /// Print one JSON line per input item on stdout once it is stored (or
    /// failed): its input, id, change, revision and syndication group.
    #[arg(long)]
    report: bool,

    /// Give up on a URL after SECS seconds (whole fetch, body included).
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = parse_secs)]
    timeout: Duration,

    /// Refuse pages larger than N bytes (after decompression).
    #[arg(long, value_name = "N", default_value_t = Options::default().max_bytes)]
    max_bytes: u64,

    /// No progress bar, and no summary when every input succeeded.
    #[arg(short, long)]
    quiet: bool,
}

const INGEST_HELP: &str = "\
Inputs:
  As for `extract` (files, directories, WARC archives, URLs, stdin), and
  article JSON: a file named *.json, *.jsonl or *.ndjson (optionally .gz)
  holds one article object, an array of them, or one per line, as `extract`,
  `analyze` and `archive export` write them. Stdin holding JSON is read the
  same way. Articles never analysed are analysed (unless --no-analyze);
  articles from `archive export` (with an `archive` member) are stored as
  they were, with their original storage times.

Storing:
  The same page twice is one article; a changed version of it (new text or
  a later update time) is a new revision; a copy of a report stored from
  another site joins its syndication group. Articles are stored in batches,
  one transaction each, and searchable once the run ends (or within a
  second or two for a server reading the archive).

Exit status: 0 if every item was stored, 1 if any failed, 2 for a usage error.";

/// One unit of work for a worker.
enum Unit {
    Page(Result<Source, IngestError>),
    Record(Result<Record, String>),
}

/// A worker's result: the item's name and what to store, or why not.
type Prepared = Result<(String, Incoming), String>;

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let options = Options {
        max_bytes: args.max_bytes,
        timeout: args.timeout,
        ..Options::default()
    };
    let jobs = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut targets = Vec::new();
    for raw in &args.inputs {
        targets.push(Target::parse(raw).map_err(|e| anyhow::anyhow!(e))?);
    }
    if targets.iter().filter(|t| t.is_stdin()).count() > 1 {
        anyhow::bail!("- (stdin) can be given only once");
    }
    let store = args.data.open(Use::Long)?;

    let progress = if !args.quiet && io::stderr().is_terminal() {
        pipeline::progress_bar(None)
    } else {
        ProgressBar::hidden()
    };
    let units = targets
        .into_iter()
        .flat_map(move |t| t.units(&options, args.max_bytes));
    let worker = Worker {
        analyze: !args.no_analyze,
    };
    let mut sink = Sink {
        store: &*store,
        batch: Vec::new(),
        batch_size: args.batch as usize,
        first_queued: None,
        report: args.report.then(|| io::BufWriter::new(io::stdout().lock())),
        tally: Tally::default(),
        progress: &progress,
        fatal: None,
    };
    ordered::for_each(
        units,
        jobs,
        &progress,
        |u| worker.prepare(u),
        |p| sink.take(p),
    )?;
    sink.flush();
    let Sink { tally, fatal, .. } = sink;
    if let Some(e) = fatal {
        progress.finish_and_clear();
        eprintln!("{}", tally.summary(started.elapsed()));
        return Err(e);
    }
    progress.set_message("indexing");
    store.refresh().context(
        "the articles are stored, but indexing them failed (`dateline archive reindex` retries)",
    )?;
    progress.finish_and_clear();

    if !(args.quiet && tally.failed == 0) {
        eprintln!("{}", tally.summary(started.elapsed()));
    }
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// An input as `ingest` reads it.
enum Target {
    Pages(Input),
    Json(JsonSource),
}

enum JsonSource {
    File(PathBuf),
    Stdin,
}

impl Target {
    fn parse(raw: &str) -> Result<Target, String> {
        let input = Input::parse(raw).map_err(|e| e.to_string())?;
        Ok(match input {
            Input::Path(p) if records::is_json_name(&p) => Target::Json(JsonSource::File(p)),
            Input::Stdin if stdin_holds_json() => Target::Json(JsonSource::Stdin),
            other => Target::Pages(other),
        })
    }

    fn is_stdin(&self) -> bool {
        matches!(
            self,
            Target::Pages(Input::Stdin) | Target::Json(JsonSource::Stdin)
        )
    }

    fn units(self, options: &Options, max_bytes: u64) -> Box<dyn Iterator<Item = Unit> + Send> {
        match self {
            Target::Pages(input) => Box::new(expand([input], options).map(Unit::Page)),
            Target::Json(source) => {
                let opened = match source {
                    JsonSource::File(path) => JsonInput::open(&path, max_bytes),
                    JsonSource::Stdin => Ok(JsonInput::stdin(max_bytes)),
                };
                match opened {
                    Ok(input) => Box::new(input.map(Unit::Record)),
                    Err(e) => Box::new(std::iter::once(Unit::Record(Err(e)))),
                }
            }
        }
    }
}

/// Whether stdin starts (after white space) with `{` or `[`. Peeks into
/// the process's stdin buffer, so a page is still read whole afterwards.
fn stdin_holds_json() -> bool {
    let mut lock = io::stdin().lock();
    loop {
        let buf = match lock.fill_buf() {
            Ok(b) => b,
            Err(_) => return false,
        };
        if buf.is_empty() {
            return false;
        }
        let skip = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if skip < buf.len() {
            // A byte-order mark is text, not JSON's business.
            let rest = buf[skip..]
                .strip_prefix("\u{feff}".as_bytes())
                .unwrap_or(&buf[skip..]);
            return matches!(rest.first(), Some(b'{' | b'['));
        }
        // All white space so far: it is safe to drop, a page or JSON alike.
        let n = buf.len();
        lock.consume(n);
    }
}

struct Worker {
    analyze: bool,
}

impl Worker {
    fn prepare(&self, unit: Unit) -> Prepared {
        match unit {
            Unit::Page(item) => {
                let source = item.map_err(|e| e.to_string())?;
                let name = source.to_string();
                ordered::guarded(&name, || {
                    let page = source.read().map_err(|e| e.to_string())?;
                    let name = input_name(&page.input);
                    let mut article =
                        dateline_extract::extract(&page, &dateline_extract::Options::default())
                            .map_err(|e| format!("{name}: {e}"))?;
                    if self.analyze {
                        dateline_analyze::analyze_article(&mut article);
                    }
                    Ok((
                        name,
                        Incoming {
                            article,
                            fetched: page.fetched,
                            stored_at: None,
                        },
                    ))
                })
            }
            Unit::Record(record) => {
                let record = record?;
                let name = record.origin.clone();
                ordered::guarded(&name, || {
                    let (mut incoming, restored) = record.parse()?;
                    if self.analyze && !restored && incoming.article.analysis.is_none() {
                        analyze(&mut incoming.article);
                    }
                    Ok((name.clone(), incoming))
                })
            }
        }
    }
}

fn analyze(article: &mut Article) {
    dateline_analyze::analyze_article(article);
}

/// What the run did, for the summary.
#[derive(Debug, Default)]
struct Tally {
    new: u64,
    revised: u64,
    unchanged: u64,
    syndicated: u64,
    failed: u64,
}

impl Tally {
    fn count(&mut self, put: &Put) {
        match put.change {
            Change::New => self.new += 1,
            Change::Revised => self.revised += 1,
            Change::Unchanged => self.unchanged += 1,
        }
        if put.syndicated.is_some() && put.change != Change::Unchanged {
            self.syndicated += 1;
        }
    }

    fn summary(&self, elapsed: Duration) -> String {
        let items = self.new + self.revised + self.unchanged + self.failed;
        let rate = items as f64 / elapsed.as_secs_f64().max(1e-3);
        format!(
            "{} stored ({} new, {} new revisions, {} unchanged), {} syndicated copies, {} failed, \
             {rate:.1} items/s",
            self.new + self.revised + self.unchanged,
            self.new,
            self.revised,
            self.unchanged,
            self.syndicated,
            self.failed,
        )
    }
}

/// Gathers prepared articles into batches and stores them.
struct Sink<'a, W: Write> {
    store: &'a dyn Store,
    batch: Vec<(String, Incoming)>,
    batch_size: usize,
    /// When the oldest article of the batch arrived: a slow trickle (URL
    /// fetches) is stored within a second, not once the batch is full.
    first_queued: Option<Instant>,
    report: Option<W>,
    tally: Tally,
    progress: &'a ProgressBar,
    /// A failure of the archive itself: the run stops.
    fatal: Option<anyhow::Error>,
}

const LONGEST_WAIT: Duration = Duration::from_secs(1);

impl<W: Write> Sink<'_, W> {
    fn take(&mut self, prepared: Prepared) -> ControlFlow<()> {
        match prepared {
            Ok(item) => {
                self.first_queued.get_or_insert_with(Instant::now);
                self.batch.push(item);
            }
            Err(msg) => self.fail(None, &msg),
        }
        let due = self.batch.len() >= self.batch_size
            || self
                .first_queued
                .is_some_and(|t| t.elapsed() >= LONGEST_WAIT);
        if due {
            self.flush();
        }
        if self.fatal.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    fn flush(&mut self) {
        self.first_queued = None;
        if self.batch.is_empty() || self.fatal.is_some() {
            return;
        }
        let (names, incoming): (Vec<String>, Vec<Incoming>) =
            std::mem::take(&mut self.batch).into_iter().unzip();
        match self.store.put(incoming) {
            Ok(results) => {
                for (name, result) in names.iter().zip(results) {
                    match result {
                        Ok(put) => {
                            self.tally.count(&put);
                            self.line(json!({
                                "input": name,
                                "id": put.id,
                                "change": put.change,
                                "revision": put.revision,
                                "group": put.syndicated,
                            }));
                        }
                        Err(e) => self.fail(Some(name), &e.to_string()),
                    }
                }
                if let Some(w) = &mut self.report {
                    let _ = w.flush();
                }
            }
            Err(e) => {
                self.fatal = Some(anyhow::Error::new(e).context(format!(
                    "cannot store a batch of {} articles (those before it are stored)",
                    names.len()
                )));
            }
        }
    }

    fn fail(&mut self, name: Option<&str>, msg: &str) {
        self.tally.failed += 1;
        let line = match name {
            Some(n) => format!("{n}: {msg}"),
            None => msg.to_string(),
        };
        self.progress
            .set_message(format!("({} failed)", self.tally.failed));
        self.progress.suspend(|| eprintln!("error: {line}"));
        self.line(json!({ "input": name, "error": line }));
    }

    fn line(&mut self, value: serde_json::Value) {
        if let Some(w) = &mut self.report {
            // A closed stdout must not stop the storing.
            let _ = writeln!(w, "{value}");
        }
    }
}
