//! Synthetic archives for the archive benchmark (`bench/archive.py`).
//!
//! Reads the Zyte article-extraction pages (`html/*.html.gz` and
//! `ground-truth.json` for their URLs), extracts and analyses each page
//! once, and then writes, deterministically from `--seed`:
//!
//! - `articles`: N analysed articles as JSON Lines (what `dateline ingest`
//!   stores without analysing again). Each one is a run of paragraphs of
//!   one page with paragraphs of other pages spliced in, words perturbed
//!   (a share replaced by words drawn from the whole corpus by frequency,
//!   a smaller share by invented words, so the vocabulary keeps growing as
//!   a real archive's does), entity mentions, quotations and time
//!   expressions carried over with their offsets moved to the new text;
//!   about 200 sources (Zipf-distributed, each with its own site, home
//!   time zone and language tag), 20 sections, authors from a pool, dates
//!   spread over three years, unique URLs.
//! - `warc`: N HTML pages as one WARC file (response records), the Zyte
//!   pages in turn with a share of their visible words replaced (so the
//!   copies are different articles, not syndicated copies of each other)
//!   and a unique URL each: the input of the full-pipeline ingest run.
//!
//! ```sh
//! cargo run --release -p dateline --example synthesize -- articles -n 100000 -o synthetic.jsonl
//! cargo run --release -p dateline --example synthesize -- warc -n 5000 -o pages.warc
//! ```
//!
//! The pages are decompressed in memory; nothing is written next to them.

mod corpus;
mod metadata;
mod perturb;

use corpus::*;
use metadata::*;
use perturb::*;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use dateline_model::{
    Analysis, Article, Block, BlockKind, DateField, DateMethod, DateSource, Entity, InputRef,
    Mention, PageTime, Quote, RawPage, Span, TimeExpression,
};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Parser)]
struct Cli {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Analysed article JSON Lines.
    Articles(Common),
    /// HTML pages in one WARC file.
    Warc(Common),
}

#[derive(clap::Args)]
struct Common {
    /// How many to write.
    #[arg(short = 'n', long, default_value_t = 100_000)]
    count: u64,
    /// Number of the first item: item i is the same whatever the batch it
    /// is written in, so an archive can be grown batch by batch.
    #[arg(long, default_value_t = 0)]
    start: u64,
    /// The output file.
    #[arg(short, long)]
    output: PathBuf,
    /// Seed of every random choice: the same seed writes the same file.
    #[arg(long, default_value_t = 13)]
    seed: u64,
    /// The benchmark pages: a directory holding html/ and ground-truth.json
    /// [default: ../shared/bench/article-extraction from the repository root].
    #[arg(long)]
    pages: Option<PathBuf>,
    /// Share of the words replaced by other words of the corpus.
    #[arg(long, default_value_t = 0.12)]
    perturb: f64,
    /// Share of the words replaced by invented words.
    #[arg(long, default_value_t = 0.004)]
    invent: f64,
}

// ---------------------------------------------------------------- random

/// SplitMix64: small, fast, and good enough for choosing things.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn for_item(seed: u64, item: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(item.wrapping_add(1)));
        r.next();
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

// ---------------------------------------------------------------- corpus

struct Ctx<'a> {
    corpus: &'a Corpus,
    sources: Vec<SourceInfo>,
    source_cum: Vec<f64>,
    section_cum: Vec<f64>,
    seed: u64,
    p: f64,
    p_new: f64,
}

fn synth_article(ctx: &Ctx, i: u64) -> Article {
    let corpus = ctx.corpus;
    let mut rng = Rng::for_item(ctx.seed, i);
    let base = &corpus.pages[rng.below(corpus.pages.len())];
    let n = base.paras.len();
    let len = rng.range(n.div_ceil(2), n);
    let start = rng.below(n - len + 1);
    let mut chosen: Vec<usize> = base.paras[start..start + len].to_vec();
    let splices = if rng.chance(0.6) { rng.range(1, 3) } else { 0 };
    for _ in 0..splices {
        let other = &corpus.pages[rng.below(corpus.pages.len())];
        let k = rng.range(1, 2.min(other.paras.len()));
        let at = rng.below(other.paras.len() - k + 1);
        let pos = rng.below(chosen.len() + 1);
        for (o, &p) in other.paras[at..at + k].iter().enumerate() {
            chosen.insert(pos + o, p);
        }
    }

    let src = &ctx.sources[pick(&ctx.source_cum, &mut rng)];
    let section = SECTIONS[pick(&ctx.section_cum, &mut rng)];
    let offset = FixedOffset::east_opt(src.offset_h * 3600).unwrap();
    let epoch = NaiveDate::from_ymd_opt(2022, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp();
    let span = 3 * 365 * 86_400;
    let utc = DateTime::from_timestamp(epoch + (rng.next() % span) as i64, 0).unwrap();
    let published: DateTime<FixedOffset> = offset.from_utc_datetime(&utc.naive_utc());

    let mut article = Article::new(InputRef::Stdin);
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut entity_ids: HashMap<(usize, usize), usize> = HashMap::new();
    let mut quotes = Vec::new();
    let mut times = Vec::new();
    let base_analysis = |page: usize| corpus.pages[page].article.analysis.as_ref();

    let mut entity_of = |page: usize, ei: usize, entities: &mut Vec<Entity>| -> usize {
        *entity_ids.entry((page, ei)).or_insert_with(|| {
            let src = &base_analysis(page).unwrap().entities[ei];
            entities.push(Entity {
                id: format!("e{}", entities.len() + 1),
                name: src.name.clone(),
                kind: src.kind,
                aliases: src.aliases.clone(),
                titles: src.titles.clone(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        })
    };

    for &pi in &chosen {
        let para = &corpus.paras[pi];
        let mut protected: Vec<(usize, usize)> = para
            .mentions
            .iter()
            .map(|(_, m)| (m.start, m.end))
            .collect();
        protected.extend(para.times.iter().map(|t| (t.start, t.end)));
        let mut boundaries = Vec::new();
        for (_, q) in &para.quotes {
            boundaries.extend([q.start, q.end]);
            for sp in [q.cue_span, q.speaker_span].into_iter().flatten() {
                protected.push((sp.start, sp.end));
            }
        }
        let (new, map) = perturb(
            &para.text,
            &protected,
            &boundaries,
            &corpus.words,
            ctx.p,
            ctx.p_new,
            &mut rng,
        );
        if new.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let at = text.len();
        let m = |o: usize| at + map.map(o);
        text.push_str(&new);
        blocks.push(Block {
            kind: para.kind,
            start: at,
            end: text.len(),
        });
        for (ei, mention) in &para.mentions {
            let e = entity_of(para.page, *ei, &mut entities);
            let mut mention = mention.clone();
            mention.start = m(mention.start);
            mention.end = m(mention.end);
            entities[e].mentions.push(mention);
        }
        for t in &para.times {
            let mut t = t.clone();
            t.start = m(t.start);
            t.end = m(t.end);
            times.push(t);
        }
        for (speaker, q) in &para.quotes {
            let mut q: Quote = q.clone();
            q.start = m(q.start);
            q.end = m(q.end);
            q.text = text[q.start..q.end].to_string();
            let shift = |sp: Span| Span::new(m(sp.start), m(sp.end));
            q.cue_span = q.cue_span.map(shift);
            q.speaker_span = q.speaker_span.map(shift);
            q.speaker = speaker.map(|ei| {
                let e = entity_of(para.page, ei, &mut entities);
                entities[e].id.clone()
            });
            quotes.push(q);
        }
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|m| (m.start, m.end));
    }
    times.sort_by_key(|t| (t.start, t.end));
    quotes.sort_by_key(|q| (q.start, q.end));

    let title_src = base
        .article
        .title
        .clone()
        .unwrap_or_else(|| "Untitled".into());
    let (title, _) = perturb(&title_src, &[], &[], &corpus.words, 0.25, 0.02, &mut rng);
    let url = format!(
        "https://{}/{}/{}/{}-{:x}",
        src.domain,
        slug(section, 40),
        published.format("%Y/%m/%d"),
        slug(&title, 60),
        i
    );
    article.url = Some(url.clone());
    article.canonical_url = Some(url.clone());
    article.input = InputRef::Url { url };
    article.title = Some(title);
    article.site_name = Some(src.name.clone());
    article.section = Some(section.to_string());
    article.source = Some(src.name.clone());
    let n_authors = [0, 1, 1, 1, 2][rng.below(5)];
    article.authors = (0..n_authors)
        .map(|_| {
            format!(
                "{} {}",
                FIRST[rng.below(FIRST.len())],
                LAST[rng.below(LAST.len())]
            )
        })
        .collect();
    article.published = Some(PageTime::Zoned(published));
    let raw = published.to_rfc3339();
    article.date_sources.push(DateSource {
        field: DateField::Published,
        method: DateMethod::Meta,
        detail: "article:published_time".into(),
        raw,
    });
    if rng.chance(0.2) {
        let later = published + Duration::minutes(rng.range(10, 2 * 24 * 60) as i64);
        article.updated = Some(PageTime::Zoned(later));
        article.date_sources.push(DateSource {
            field: DateField::Updated,
            method: DateMethod::Meta,
            detail: "article:modified_time".into(),
            raw: later.to_rfc3339(),
        });
    }
    article.dateline = base.article.dateline.clone().map(|mut d| {
        d.date = Some(published.date_naive());
        d
    });
    article.language = Some(src.lang.to_string());
    article.description = text
        .split("\n\n")
        .next()
        .map(|p| p.chars().take(200).collect());
    article.tags = base.article.tags.clone();
    article.text = text;
    article.blocks = blocks;
    article.analysis = Some(Analysis {
        entities,
        quotes,
        times,
    });
    article
}

// ---------------------------------------------------------------- pages

fn warc_record(i: u64, url: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{i:012x}>\r\n\
         WARC-Date: 2024-06-01T12:00:00Z\r\nWARC-Target-URI: {url}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(&http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

// ---------------------------------------------------------------- main

fn main() {
    let cli: Cli = clap::Parser::parse();
    let (common, articles) = match cli.what {
        What::Articles(c) => (c, true),
        What::Warc(c) => (c, false),
    };
    let started = std::time::Instant::now();
    let pages = common.pages.clone().unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/article-extraction")
    });
    let corpus = match load(&pages) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("synthesize: {e}");
            std::process::exit(2);
        }
    };
    eprintln!(
        "synthesize: {} pages, {} paragraphs, {} words read in {:.1}s",
        corpus.pages.len(),
        corpus.paras.len(),
        corpus.words.len(),
        started.elapsed().as_secs_f64()
    );
    let file = File::create(&common.output).unwrap_or_else(|e| {
        eprintln!("synthesize: {}: {e}", common.output.display());
        std::process::exit(2)
    });
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let chunk = 4096u64;
    let mut bytes = 0u64;
    let ctx = Ctx {
        corpus: &corpus,
        sources: sources(),
        source_cum: zipf(SOURCE_A.len() * SOURCE_B.len()),
        section_cum: zipf(SECTIONS.len()),
        seed: common.seed,
        p: common.perturb,
        p_new: common.invent,
    };
    let mut done = common.start;
    let last = common.start + common.count;
    while done < last {
        let end = (done + chunk).min(last);
        let lines: Vec<Vec<u8>> = (done..end)
            .into_par_iter()
            .map(|i| {
                if articles {
                    let mut line = serde_json::to_vec(&synth_article(&ctx, i)).unwrap();
                    line.push(b'\n');
                    line
                } else {
                    let mut rng = Rng::for_item(common.seed ^ 0x77a2c, i);
                    let page = &corpus.pages[(i % corpus.pages.len() as u64) as usize];
                    let body = perturb_html(&page.html, &corpus.words, common.perturb, &mut rng);
                    let url = format!(
                        "https://mirror-{}.example/{}/{}",
                        i / corpus.pages.len() as u64,
                        &page.key[..16],
                        i
                    );
                    warc_record(i, &url, &body)
                }
            })
            .collect();
        for l in &lines {
            bytes += l.len() as u64;
            out.write_all(l).expect("write");
        }
        done = end;
    }
    out.flush().expect("write");
    eprintln!(
        "synthesize: {} {} ({:.1} MB) written to {} in {:.1}s",
        common.count,
        if articles { "articles" } else { "pages" },
        bytes as f64 / 1e6,
        common.output.display(),
        started.elapsed().as_secs_f64()
    );
}
