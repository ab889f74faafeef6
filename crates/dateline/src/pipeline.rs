//! The extract pipeline: expand inputs, read and extract in parallel
//! ([`crate::ordered`]), write in input order.

use crate::ordered;
use crate::output::{self, Format, Writer};
use crate::ExtractArgs;
use anyhow::Context;
use dateline_ingest::{expand, input_name, IngestError, Input, Options, Source};
use dateline_model::InputRef;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, IsTerminal, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::time::{Duration, Instant};

type Item = Result<Source, IngestError>;

/// What a worker sends the writer: the rendered article, or the error
/// line (without `error: `).
type Outcome = Result<Vec<u8>, String>;

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
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

    // Directories and WARC archives hold an unknown number of pages; the
    // bar shows a total only when every input is one page.
    let known_total = args
        .inputs
        .iter()
        .all(|i| match i {
            Input::Path(p) => !p.is_dir() && !is_warc_name(p),
            Input::Stdin | Input::Url(_) => true,
        })
        .then_some(args.inputs.len() as u64);

    // Look at the first two items before deciding the format: json means
    // one object only when the inputs hold exactly one page.
    let mut items = expand(args.inputs, &options);
    let head: Vec<Item> = items.by_ref().take(2).collect();
    let single = head.len() == 1;
    if args.url.is_some() {
        let is_page_file = |item: &Item| match item {
            Ok(s) => matches!(s.input(), InputRef::File { .. } | InputRef::Stdin),
            Err(_) => true,
        };
        if !single || !is_page_file(&head[0]) {
            crate::usage_error(
                "--url is for an input holding one page (a file or stdin), \
                 not a directory or WARC archive of several",
            );
        }
    }
    let format = args
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });

    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create the output file", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut writer = Writer::new(io::BufWriter::new(out), format, single);

    let progress = if !args.quiet && !single && io::stderr().is_terminal() {
        progress_bar(known_total)
    } else {
        ProgressBar::hidden()
    };

    let job = Job {
        url: args.url.clone(),
        extract: dateline_extract::Options::default(),
        format,
        pretty_json: format == Format::Json && single,
        analyze: args.analyze,
    };

    let mut done = 0u64;
    let mut failed = 0u64;
    let mut write_error: Option<io::Error> = None;
    let mut waiting = 0usize;
    let mut flushed = Instant::now();
    ordered::for_each(
        head.into_iter().chain(items),
        jobs,
        &progress,
        |item| job.process(item),
        |outcome| {
            match outcome {
                Ok(rendered) => {
                    done += 1;
                    if let Err(e) = writer.article(&rendered) {
                        write_error = Some(e);
                        return ControlFlow::Break(());
                    }
                }
                Err(msg) => {
                    failed += 1;
                    progress.set_message(format!("({failed} failed)"));
                    progress.suspend(|| eprintln!("error: {msg}"));
                }
            }
            // Flush now and then so that a reader of a long run sees
            // articles as they come, without a syscall per article.
            waiting += 1;
            if waiting >= 64 || flushed.elapsed() > Duration::from_millis(250) {
                waiting = 0;
                flushed = Instant::now();
                if let Err(e) = writer.flush() {
                    write_error = Some(e);
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        },
    )?;
    progress.finish_and_clear();

    if write_error.is_none() {
        if let Err(e) = writer.finish() {
            write_error = Some(e);
        }
    }
    if let Some(e) = write_error {
        // A closed pipe (`dateline extract … | head`) is the reader's
        // choice, not a failure worth a message.
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::from(1));
        }
        let target = match &args.output {
            Some(path) => path.display().to_string(),
            None => "stdout".to_string(),
        };
        anyhow::bail!("{target}: cannot write: {e}");
    }

    if !(args.quiet && failed == 0) {
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        let rate = (done + failed) as f64 / secs;
        eprintln!("{done} done, {failed} failed, {rate:.1} pages/s");
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub(crate) fn is_warc_name(path: &std::path::Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// A bar when the number of pages is known, else a spinner with a count.
pub(crate) fn progress_bar(total: Option<u64>) -> ProgressBar {
    let template = match total {
        Some(_) => "{spinner} {elapsed_precise} [{bar:30}] {pos}/{len} pages, {rate} {msg}",
        None => "{spinner} {elapsed_precise} {pos} pages, {rate} {msg}",
    };
    let style = ProgressStyle::with_template(template)
        .expect("static template")
        .progress_chars("=> ")
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} pages/s", state.per_sec());
            },
        );
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// What every worker does to an item; shared by reference.
struct Job {
    url: Option<String>,
    extract: dateline_extract::Options,
    format: Format,
    pretty_json: bool,
    /// Analyse after extraction, on the same worker.
    analyze: bool,
}

impl Job {
    fn process(&self, item: Item) -> Outcome {
        let source = item.map_err(|e| e.to_string())?;
        let name = source.to_string();
        ordered::guarded(&name, || {
            let mut page = source.read().map_err(|e| e.to_string())?;
            if let Some(url) = &self.url {
                page.url = Some(url.clone());
            }
            let mut article = dateline_extract::extract(&page, &self.extract)
                .map_err(|e| format!("{}: {e}", input_name(&page.input)))?;
            if self.analyze {
                dateline_analyze::analyze_article(&mut article);
            }
            Ok(output::render(&article, self.format, self.pretty_json))
        })
    }
}
