//! `dateline search`: the archive's ranked full text, filters, facets,
//! timeline and characteristic words, printed for people or programs.

use crate::data::{DataArgs, Use};
use anyhow::Context;
use dateline_query::Node;
use dateline_store::time::{parse_bound, End};
use dateline_store::{table, Filters, Hit, Interval, SearchPage, SearchRequest, Sort};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(after_long_help = SEARCH_HELP)]
pub struct SearchArgs {
    /// The query [default: every article].
    #[arg(value_name = "QUERY", value_parser = parse_query)]
    query: Option<Node>,

    #[command(flatten)]
    filters: FilterArgs,

    /// Matches to print: pages are fetched until this many (at most 1000 a page).
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20,
          value_parser = clap::value_parser!(u64).range(1..))]
    limit: u64,

    /// Print every match, however many (walks the result pages).
    #[arg(long, conflicts_with = "limit")]
    all: bool,

    /// Order of the matches.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    sort: SortArg,

    /// Continue after a previous page (its `next_cursor`).
    #[arg(long, value_name = "CURSOR")]
    cursor: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Values per facet (sources, sections, languages, sites, entities);
    /// 0 for none [default: 5 for table and json, 0 otherwise].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=200))]
    facets: Option<u16>,

    /// Matches per period, raw and as a share of all articles of the period.
    #[arg(long, value_enum, value_name = "PERIOD")]
    timeline: Option<Period>,

    /// The N words most characteristic of the matches against the archive.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "20",
          value_parser = clap::value_parser!(u16).range(1..=100))]
    words: Option<u16>,

    /// A passage of each match with the query's words marked (table, json, jsonl).
    #[arg(long)]
    snippets: bool,

    #[command(flatten)]
    data: DataArgs,
}

/// The filters of `search` and `archive export`.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only articles mentioning this entity (a name, an alias or an id); repeat for all of several.
    #[arg(long = "entity", value_name = "E")]
    entities: Vec<String>,

    /// Only articles from this source (repeat for any of several).
    #[arg(long = "source", value_name = "S")]
    sources: Vec<String>,

    /// Only articles in this section (repeat for any of several).
    #[arg(long = "section", value_name = "S")]
    sections: Vec<String>,

    /// Only articles from this site, a host without www. (repeat for any of several).
    #[arg(long = "site", value_name = "HOST")]
    sites: Vec<String>,

    /// Only articles in this language, e.g. en (repeat for any of several).
    #[arg(long = "lang", value_name = "L")]
    languages: Vec<String>,

    /// Only articles dated at or after D: 2014-10-08, 2014-10, 2014 or RFC 3339.
    #[arg(long, value_name = "D", value_parser = |s: &str| parse_bound(s, End::Since))]
    since: Option<chrono::DateTime<chrono::Utc>>,

    /// Only articles dated before the end of D (a day, month or year includes all of it).
    #[arg(long, value_name = "D", value_parser = |s: &str| parse_bound(s, End::Until))]
    until: Option<chrono::DateTime<chrono::Utc>>,
}

impl FilterArgs {
    pub fn filters(&self) -> Filters {
        Filters {
            entities: self.entities.clone(),
            sources: self.sources.clone(),
            sections: self.sections.clone(),
            languages: self.languages.clone(),
            sites: self.sites.clone(),
            since: self.since,
            until: self.until,
        }
    }
}

const SEARCH_HELP: &str = "\
Query:
  Words match in any order (all of them), in the article's language: `Москва`
  finds `Москве`. \"quoted phrases\", AND, OR, NOT (or -word), parentheses,
  prefix* and field prefixes: title:, text:, author:, source:, section:,
  site:, entity:, quote:. The empty query (or *) is every article.

Dates:
  An article is dated by its published time, else its updated time, else
  when it was fetched or stored, in UTC.

Output:
  table is for people; json prints the whole page (hits, facets, timeline,
  words, next_cursor); jsonl one match per line and csv one row per match
  (columns: id, date, published, title, source, section, site, language,
  url, dateline, revisions, group). Facets, timeline and words come with
  table and json only.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Period {
    Day,
    Week,
    Month,
}

pub fn parse_query(s: &str) -> Result<Node, String> {
    dateline_query::parse(s).map_err(|e| e.to_string())
}

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = args.data.open(Use::Brief)?;
    let summaries = matches!(args.format, Format::Table | Format::Json);
    let mut request = SearchRequest::new(args.query.clone().unwrap_or(Node::All));
    request.filters = args.filters.filters();
    request.sort = match args.sort {
        SortArg::Relevance => Sort::Relevance,
        SortArg::Newest => Sort::Newest,
        SortArg::Oldest => Sort::Oldest,
    };
    request.cursor = args.cursor.clone();
    request.snippets = args.snippets;
    if summaries {
        request.facets = usize::from(args.facets.unwrap_or(5));
        request.timeline = args.timeline.map(|p| match p {
            Period::Day => Interval::Day,
            Period::Week => Interval::Week,
            Period::Month => Interval::Month,
        });
        request.words = args.words.map_or(0, usize::from);
    }
    let wanted = if args.all { u64::MAX } else { args.limit };

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut printed = 0u64;
    let mut first: Option<SearchPage> = None;
    let mut hits = Vec::new();
    loop {
        request.limit = (wanted - printed).min(dateline_store::MAX_PAGE as u64) as usize;
        let page = store.search(&request).map_err(anyhow::Error::new)?;
        printed += page.hits.len() as u64;
        let next = page.next_cursor.clone();
        match args.format {
            Format::Jsonl => {
                for hit in &page.hits {
                    serde_json::to_writer(&mut out, hit)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut out);
                if first.is_none() {
                    w.write_record(table::COLUMNS)?;
                }
                for hit in &page.hits {
                    w.write_record(table::row(hit))?;
                }
                w.flush()?;
            }
            Format::Table | Format::Json => hits.extend(page.hits.iter().cloned()),
        }
        if first.is_none() {
            // Facets, timeline and words are the same on every page: ask once.
            first = Some(page);
            request.facets = 0;
            request.timeline = None;
            request.words = 0;
        }
        match next {
            Some(cursor) if printed < wanted => request.cursor = Some(cursor),
            _ => {
                if let Some(p) = &mut first {
                    p.next_cursor = next;
                }
                break;
            }
        }
    }
    let mut page = first.expect("at least one page was fetched");
    page.hits = hits;
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &page)?;
            out.write_all(b"\n")?;
        }
        Format::Table => print_table(&mut out, &page, io::stdout().is_terminal())?,
        Format::Jsonl | Format::Csv => {}
    }
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("stdout")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The page as people read it: one block per match, then the summaries.
fn print_table(out: &mut impl Write, page: &SearchPage, bold: bool) -> io::Result<()> {
    let plural = if page.total == 1 { "" } else { "es" };
    writeln!(out, "{} match{plural}", page.total)?;
    for hit in &page.hits {
        writeln!(out)?;
        print_hit(out, hit, bold)?;
    }
    if let Some(cursor) = &page.next_cursor {
        writeln!(out, "\nmore: --cursor {cursor}")?;
    }
    if let Some(f) = &page.facets {
        let lists = [
            ("sources", &f.sources),
            ("sections", &f.sections),
            ("languages", &f.languages),
            ("sites", &f.sites),
        ];
        let mut any = false;
        for (name, values) in lists {
            if values.is_empty() {
                continue;
            }
            if !any {
                writeln!(out)?;
                any = true;
            }
            let list: Vec<String> = values
                .iter()
                .map(|v| format!("{} ({})", one_line(&v.value), v.count))
                .collect();
            writeln!(out, "{name:<10} {}", list.join(", "))?;
        }
        if !f.entities.is_empty() {
            let list: Vec<String> = f
                .entities
                .iter()
                .map(|e| format!("{} [{}] ({})", one_line(&e.name), e.id, e.count))
                .collect();
            writeln!(out, "{:<10} {}", "entities", list.join(", "))?;
        }
    }
    if let Some(t) = &page.timeline {
        writeln!(
            out,
            "\n{:<10} {:>7} {:>8} {:>7}",
            "period", "matches", "of all", "share"
        )?;
        let top = t.buckets.iter().map(|b| b.share).fold(0.0, f64::max);
        for b in &t.buckets {
            let bar = if top > 0.0 {
                (b.share / top * 30.0).round() as usize
            } else {
                0
            };
            writeln!(
                out,
                "{:<10} {:>7} {:>8} {:>6.1}% {}",
                b.start.to_string(),
                b.count,
                b.total,
                b.share * 100.0,
                "#".repeat(bar)
            )?;
        }
    }
    if let Some(words) = &page.words {
        if !words.is_empty() {
            writeln!(
                out,
                "\n{:<24} {:>7} {:>10} {:>7}",
                "word", "matches", "archive", "score"
            )?;
            for w in words {
                writeln!(
                    out,
                    "{:<24} {:>7} {:>10} {:>7.2}",
                    one_line(&w.word),
                    w.matches,
                    w.background,
                    w.score
                )?;
            }
        }
    }
    Ok(())
}

fn print_hit(out: &mut impl Write, hit: &Hit, bold: bool) -> io::Result<()> {
    let day = hit.date.format("%Y-%m-%d");
    let from: Vec<&str> = [&hit.source, &hit.section, &hit.site]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    writeln!(out, "{day}  {}", one_line(&from.join(" · ")))?;
    writeln!(
        out,
        "  {}",
        one_line(hit.title.as_deref().unwrap_or("(no title)"))
    )?;
    let mut about = format!("id {}", hit.id);
    if hit.revisions > 1 {
        about.push_str(&format!(", {} revisions", hit.revisions));
    }
    if let Some(g) = hit.group {
        about.push_str(&format!(", syndication group {g}"));
    }
    match &hit.url {
        Some(url) => writeln!(out, "  {}  [{about}]", one_line(url))?,
        None => writeln!(out, "  [{about}]")?,
    }
    if let Some(s) = &hit.snippet {
        let mut text = String::new();
        let mut at = 0;
        for span in &s.highlights {
            let (start, end) = (span.start.min(s.text.len()), span.end.min(s.text.len()));
            if start < at || !s.text.is_char_boundary(start) || !s.text.is_char_boundary(end) {
                continue;
            }
            text.push_str(&printable(&s.text[at..start]));
            if bold {
                text.push_str("\x1b[1m");
            }
            text.push_str(&printable(&s.text[start..end]));
            if bold {
                text.push_str("\x1b[0m");
            }
            at = end;
        }
        text.push_str(&printable(&s.text[at..]));
        writeln!(out, "  … {} …", text.trim())?;
    }
    Ok(())
}

/// Page text may hold line breaks and terminal control characters (a
/// hostile page can carry escape sequences): a table row is one line of
/// printable text.
fn one_line(s: &str) -> String {
    printable(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `s` with white space as plain spaces and other control characters dropped.
fn printable(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            c if c.is_whitespace() => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}
