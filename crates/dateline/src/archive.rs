//! `dateline archive`: counts and sizes, an integrity check, a rebuild of
//! the search index from the records, and a dump `ingest` reads back.

use crate::data::{DataArgs, Use};
use crate::search::{parse_query, FilterArgs};
use anyhow::Context as _;
use dateline_query::Node;
use dateline_store::{table, ArticleId, ExportRecord, Filters, SearchRequest, Sort, Store};
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    command: ArchiveCommand,
}

#[derive(Debug, clap::Subcommand)]
enum ArchiveCommand {
    /// Counts and sizes on disk.
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Compare the records with the search index; exit status 1 on any problem.
    Check {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Rebuild the search index from the records.
    Reindex {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write the archive (or the matches of a query) to stdout.
    #[command(after_long_help = EXPORT_HELP)]
    Export(ExportArgs),
}

const EXPORT_HELP: &str = "\
Formats:
  jsonl: every revision of every article, oldest stored first, one article
  object per line with an `archive` member (id, revision, stored_at,
  fetched). `dateline ingest` reads it back into an equal archive.
  csv: one row per article (its current revision), the columns of `search
  --format csv`, newest first.

A QUERY or a filter exports the matching articles only (all their revisions
in jsonl).";

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// Only the articles matching this query [default: all].
    #[arg(value_name = "QUERY", value_parser = parse_query)]
    query: Option<Node>,

    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,

    #[command(flatten)]
    filters: FilterArgs,

    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Jsonl,
    Csv,
}

pub fn run(args: ArchiveArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        ArchiveCommand::Stats { json, data } => stats(&*data.open(Use::Brief)?, json),
        ArchiveCommand::Check { json, data } => check(&*data.open(Use::Brief)?, json),
        ArchiveCommand::Reindex { data } => {
            let store = data.open(Use::Long)?;
            let started = Instant::now();
            let n = store.reindex().map_err(anyhow::Error::new)?;
            eprintln!(
                "indexed {n} articles in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        ArchiveCommand::Export(args) => export(args),
    }
}

fn stats(store: &dyn Store, json: bool) -> anyhow::Result<ExitCode> {
    let s = store.stats().map_err(anyhow::Error::new)?;
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let day = |d: Option<chrono::DateTime<chrono::Utc>>| {
        d.map_or("-".to_string(), |d| d.format("%Y-%m-%d").to_string())
    };
    let rows = [
        ("articles", s.articles.to_string()),
        ("revisions", s.revisions.to_string()),
        (
            "syndication groups",
            format!("{} ({} articles)", s.groups, s.grouped_articles),
        ),
        ("entities", s.entities.to_string()),
        ("quotations", s.quotes.to_string()),
        ("sources", s.sources.to_string()),
        ("sections", s.sections.to_string()),
        (
            "dates",
            format!("{} to {}", day(s.first_date), day(s.last_date)),
        ),
        ("not yet searchable", s.unindexed.to_string()),
    ];
    for (name, value) in rows {
        writeln!(out, "{name:<20} {value}")?;
    }
    let total: u64 = s.bytes.values().sum();
    for (part, bytes) in &s.bytes {
        writeln!(out, "{:<20} {}", format!("bytes: {part}"), human(*bytes))?;
    }
    writeln!(out, "{:<20} {}", "bytes: total", human(total))?;
    if let Some(per) = total.checked_div(s.articles) {
        writeln!(out, "{:<20} {}", "bytes per article", human(per))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {} ({bytes} B)", UNITS[unit])
    }
}

fn check(store: &dyn Store, json: bool) -> anyhow::Result<ExitCode> {
    let report = store.check().map_err(anyhow::Error::new)?;
    if json {
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        for p in &report.problems {
            println!("problem: {p}");
        }
        for n in &report.notes {
            println!("note: {n}");
        }
        println!(
            "{} articles, {} revisions checked: {}",
            report.articles,
            report.revisions,
            if report.ok() {
                "no problems".to_string()
            } else {
                format!(
                    "{} problems (`dateline archive reindex` rebuilds the index from the records)",
                    report.problems.len()
                )
            }
        );
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = args.data.open(Use::Brief)?;
    let query = args.query.unwrap_or(Node::All);
    let filters = args.filters.filters();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        ExportFormat::Jsonl => {
            let only = if query == Node::All && filters == Filters::default() {
                None
            } else {
                Some(matching(&*store, &query, &filters)?)
            };
            let mut line = Vec::new();
            store
                .export(only.as_ref(), &mut |record: ExportRecord| {
                    line.clear();
                    use dateline_store::StoreError;
                    write_record(&mut line, &record)
                        .map_err(|e| StoreError::backend("cannot write the export", e))?;
                    out.write_all(&line)
                        .map_err(|e| StoreError::backend("stdout", e))
                })
                .map_err(anyhow::Error::new)?
        }
        ExportFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(table::COLUMNS)?;
            let mut n = 0;
            walk(&*store, &query, &filters, |hit| {
                n += 1;
                csv.write_record(table::row(hit))
                    .map_err(anyhow::Error::new)
            })?;
            csv.flush()?;
            n
        }
    };
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("stdout")?,
    }
    eprintln!(
        "exported {written} {}",
        match args.format {
            ExportFormat::Jsonl => "revisions",
            ExportFormat::Csv => "articles",
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// One exported revision: the article object with its `archive` member.
fn write_record(out: &mut Vec<u8>, record: &ExportRecord) -> serde_json::Result<()> {
    let mut value = serde_json::to_value(&record.article)?;
    if let Value::Object(object) = &mut value {
        object.insert("archive".into(), serde_json::to_value(&record.meta)?);
    }
    serde_json::to_writer(&mut *out, &value)?;
    out.push(b'\n');
    Ok(())
}

/// The ids of every match, walking the result pages.
fn matching(
    store: &dyn Store,
    query: &Node,
    filters: &Filters,
) -> anyhow::Result<BTreeSet<ArticleId>> {
    let mut ids = BTreeSet::new();
    walk(store, query, filters, |hit| {
        ids.insert(hit.id);
        Ok(())
    })?;
    Ok(ids)
}

/// Visits every match, newest first, a page at a time.
fn walk(
    store: &dyn Store,
    query: &Node,
    filters: &Filters,
    mut visit: impl FnMut(&dateline_store::Hit) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut request = SearchRequest::new(query.clone());
    request.filters = filters.clone();
    request.sort = Sort::Newest;
    request.limit = dateline_store::MAX_PAGE;
    loop {
        let page = store.search(&request).map_err(anyhow::Error::new)?;
        for hit in &page.hits {
            visit(hit)?;
        }
        match page.next_cursor {
            Some(c) => request.cursor = Some(c),
            None => return Ok(()),
        }
    }
}
