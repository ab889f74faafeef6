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

/// One paragraph of a page, with the annotations wholly inside it,
/// their offsets relative to the paragraph.
struct Para {
    page: usize,
    kind: BlockKind,
    text: String,
    /// (index of the entity in its page's list, mention)
    mentions: Vec<(usize, Mention)>,
    times: Vec<TimeExpression>,
    /// (index of the speaker entity, quote)
    quotes: Vec<(Option<usize>, Quote)>,
}

struct Page {
    article: Article,
    /// Indices of its paragraphs in `Corpus::paras`.
    paras: Vec<usize>,
    /// The page's HTML, decompressed.
    html: Vec<u8>,
    key: String,
}

struct Corpus {
    pages: Vec<Page>,
    paras: Vec<Para>,
    /// Every word of every body, in order: drawing from it draws by frequency.
    words: Vec<String>,
}

fn load(dir: &Path) -> Result<Corpus, String> {
    let truth_path = dir.join("ground-truth.json");
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&truth_path).map_err(|e| format!("{}: {e}", truth_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let html_dir = dir.join("html");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&html_dir)
        .map_err(|e| format!("{}: {e}", html_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.html.gz in {}", html_dir.display()));
    }
    let loaded: Vec<Result<Page, String>> = files
        .par_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let key = name.trim_end_matches(".html.gz").to_string();
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(File::open(path).map_err(|e| format!("{name}: {e}"))?)
                .read_to_end(&mut html)
                .map_err(|e| format!("{name}: {e}"))?;
            let mut page = RawPage::new(
                InputRef::File {
                    path: path.display().to_string(),
                },
                html.clone(),
            );
            page.url = truth[&key]["url"].as_str().map(String::from);
            page.content_type = Some("text/html; charset=utf-8".into());
            let mut article =
                dateline_extract::extract(&page, &dateline_extract::Options::default())
                    .map_err(|e| format!("{name}: {e}"))?;
            dateline_analyze::analyze_article(&mut article);
            Ok(Page {
                article,
                paras: Vec::new(),
                html,
                key,
            })
        })
        .collect();
    let mut pages = Vec::new();
    for p in loaded {
        pages.push(p?);
    }
    let mut paras = Vec::new();
    let mut words = Vec::new();
    for (pi, page) in pages.iter_mut().enumerate() {
        let a = &page.article;
        let analysis = a.analysis.clone().unwrap_or_default();
        for block in &a.blocks {
            let (s, e) = (block.start, block.end);
            let inside = |x: usize, y: usize| s <= x && y <= e;
            let mut para = Para {
                page: pi,
                kind: block.kind,
                text: a.text[s..e].to_string(),
                mentions: Vec::new(),
                times: Vec::new(),
                quotes: Vec::new(),
            };
            for (ei, ent) in analysis.entities.iter().enumerate() {
                for m in &ent.mentions {
                    if inside(m.start, m.end) {
                        let mut m = m.clone();
                        m.start -= s;
                        m.end -= s;
                        para.mentions.push((ei, m));
                    }
                }
            }
            for t in &analysis.times {
                if inside(t.start, t.end) {
                    let mut t = t.clone();
                    t.start -= s;
                    t.end -= s;
                    para.times.push(t);
                }
            }
            for q in &analysis.quotes {
                let spans_inside = [q.cue_span, q.speaker_span]
                    .iter()
                    .flatten()
                    .all(|sp| inside(sp.start, sp.end));
                if inside(q.start, q.end) && spans_inside {
                    let mut q = q.clone();
                    q.start -= s;
                    q.end -= s;
                    let shift = |sp: Span| Span::new(sp.start - s, sp.end - s);
                    q.cue_span = q.cue_span.map(shift);
                    q.speaker_span = q.speaker_span.map(shift);
                    let speaker = q
                        .speaker
                        .as_ref()
                        .and_then(|id| analysis.entities.iter().position(|e| &e.id == id));
                    para.quotes.push((speaker, q));
                }
            }
            for w in word_spans(&para.text) {
                words.push(para.text[w.0..w.1].to_string());
            }
            page.paras.push(paras.len());
            paras.push(para);
        }
    }
    pages.retain(|p| !p.paras.is_empty());
    Ok(Corpus {
        pages,
        paras,
        words,
    })
}

/// Byte ranges of the alphabetic words of `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ten", "ra", "vos", "el", "dor", "in", "sta", "qua", "ber", "nu", "shi",
    "pol", "ar", "vik", "zen", "tor", "mal", "ou", "gri", "fen", "sol", "ly", "dra", "pe", "hal",
];

fn invent(rng: &mut Rng) -> String {
    let n = rng.range(2, 4);
    (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// `word` in the case pattern of `like` (capitalised or upper case).
fn recase(word: &str, like: &str) -> String {
    let mut chars = like.chars();
    let first_upper = chars.next().is_some_and(|c| c.is_uppercase());
    let all_upper = like.chars().count() > 1 && like.chars().all(|c| c.is_uppercase());
    if all_upper {
        word.to_uppercase()
    } else if first_upper {
        let mut c = word.chars();
        match c.next() {
            Some(f) => f
                .to_uppercase()
                .chain(c.flat_map(|x| x.to_lowercase()))
                .collect(),
            None => String::new(),
        }
    } else {
        word.to_lowercase()
    }
}

/// Replaces words of `text` outside `protected` (and not cut by any of
/// `boundaries`): returns the new text and a map of old offsets to new.
fn perturb(
    text: &str,
    protected: &[(usize, usize)],
    boundaries: &[usize],
    corpus_words: &[String],
    p: f64,
    p_new: f64,
    rng: &mut Rng,
) -> (String, OffsetMap) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut edits = Vec::new(); // (old end, cumulative delta after it)
    let mut last = 0;
    let mut delta: isize = 0;
    for (s, e) in word_spans(text) {
        let roll = rng.unit();
        if roll >= p + p_new {
            continue;
        }
        if protected.iter().any(|&(a, b)| s < b && a < e)
            || boundaries.iter().any(|&x| s < x && x < e)
        {
            continue;
        }
        let like = &text[s..e];
        let new = if roll < p_new {
            invent(rng)
        } else {
            corpus_words[rng.below(corpus_words.len())].clone()
        };
        let new = recase(&new, like);
        out.push_str(&text[last..s]);
        out.push_str(&new);
        last = e;
        delta += new.len() as isize - (e - s) as isize;
        edits.push((e, delta));
    }
    out.push_str(&text[last..]);
    (out, OffsetMap { edits })
}

struct OffsetMap {
    edits: Vec<(usize, isize)>,
}

impl OffsetMap {
    /// The new offset of old offset `o` (never inside an edited word).
    fn map(&self, o: usize) -> usize {
        let i = self.edits.partition_point(|&(end, _)| end <= o);
        let d = if i == 0 { 0 } else { self.edits[i - 1].1 };
        (o as isize + d) as usize
    }
}

// ---------------------------------------------------------------- metadata

const SECTIONS: &[&str] = &[
    "World",
    "Politics",
    "Business",
    "Markets",
    "Technology",
    "Science",
    "Health",
    "Sports",
    "Culture",
    "Opinion",
    "Europe",
    "Asia",
    "Americas",
    "Middle East",
    "Africa",
    "Energy",
    "Climate",
    "Defense",
    "Homeland Security",
    "Travel",
];

const SOURCE_A: &[&str] = &[
    "Northern",
    "Pacific",
    "Capital",
    "Metro",
    "Global",
    "Daily",
    "Evening",
    "Morning",
    "National",
    "Coastal",
    "Continental",
    "Central",
    "Eastern",
    "Western",
    "Southern",
    "Union",
    "Harbour",
    "Valley",
    "Lakeside",
    "Highland",
];
const SOURCE_B: &[&str] = &[
    "Herald",
    "Courier",
    "Times",
    "Post",
    "Tribune",
    "Gazette",
    "Wire",
    "Press",
    "Observer",
    "Chronicle",
];
/// (language tag, share of sources) — the texts stay the pages' (mostly
/// English): the tags exercise the per-language indexing paths and filters.
const LANGS: &[(&str, f64)] = &[
    ("en", 0.70),
    ("de", 0.10),
    ("fr", 0.08),
    ("ru", 0.06),
    ("pl", 0.06),
];
const OFFSETS_H: &[i32] = &[0, 1, 2, 3, -5, -8, 5, 8, 9, -3];
const FIRST: &[&str] = &[
    "Anna", "Mikhail", "John", "Maria", "Peter", "Elena", "David", "Sophie", "Tomasz", "Julia",
    "Ahmed", "Laura", "Kenji", "Olga", "Carlos", "Grace", "Ivan", "Nora", "Paul", "Yuki", "Hannah",
    "Marek", "Lucas", "Irina", "Samuel", "Claire", "Omar", "Eva", "Daniel", "Leila",
];
const LAST: &[&str] = &[
    "Smith",
    "Ivanova",
    "Kowalski",
    "Müller",
    "Dubois",
    "Garcia",
    "Tanaka",
    "Petrov",
    "Brown",
    "Novak",
    "Rossi",
    "Schmidt",
    "Lefebvre",
    "Nowak",
    "Silva",
    "Kim",
    "Haddad",
    "Jensen",
    "O'Neill",
    "Fischer",
    "Moreau",
    "Sokolov",
    "Wilson",
    "Martin",
    "Kaya",
    "Lindqvist",
    "Costa",
    "Baker",
    "Weber",
    "Ito",
];

struct SourceInfo {
    name: String,
    domain: String,
    lang: &'static str,
    offset_h: i32,
}

fn sources() -> Vec<SourceInfo> {
    let mut rng = Rng::for_item(0x5eed, 0);
    let mut out = Vec::new();
    for (i, a) in SOURCE_A.iter().enumerate() {
        for (j, b) in SOURCE_B.iter().enumerate() {
            let name = format!("{a} {b}");
            let domain = format!("{}-{}.example", a.to_lowercase(), b.to_lowercase());
            let u = rng.unit();
            let mut acc = 0.0;
            let mut lang = "en";
            for &(l, share) in LANGS {
                acc += share;
                if u < acc {
                    lang = l;
                    break;
                }
            }
            out.push(SourceInfo {
                name,
                domain,
                lang,
                offset_h: OFFSETS_H[(i * 7 + j) % OFFSETS_H.len()],
            });
        }
    }
    // A deterministic shuffle, so rank (and so volume) is not alphabetical.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}

/// Cumulative Zipf weights (exponent 0.9) over `n` ranks.
fn zipf(n: usize) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out = Vec::with_capacity(n);
    for r in 1..=n {
        acc += 1.0 / (r as f64).powf(0.9);
        out.push(acc);
    }
    out.iter().map(|x| x / acc).collect()
}

fn pick(cum: &[f64], rng: &mut Rng) -> usize {
    let u = rng.unit();
    cum.partition_point(|&c| c < u).min(cum.len() - 1)
}

fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

// ---------------------------------------------------------------- articles

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

/// The page's HTML with a share of the words of its text (not of tags,
/// scripts, styles or character references) replaced.
fn perturb_html(html: &[u8], words: &[String], p: f64, rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + 1024);
    let mut i = 0;
    let lower =
        |j: usize, n: usize| -> Vec<u8> { html[j..(j + n).min(html.len())].to_ascii_lowercase() };
    while i < html.len() {
        if html[i] == b'<' {
            // A tag (or comment): copy it whole; skip raw-text elements' bodies.
            let end = if html[i..].starts_with(b"<!--") {
                find(html, i + 4, b"-->").map_or(html.len(), |e| e + 3)
            } else {
                find(html, i, b">").map_or(html.len(), |e| e + 1)
            };
            let tag = lower(i, 9);
            let raw_end = [&b"<script"[..], b"<style", b"<textarea", b"<title"]
                .iter()
                .find(|t| tag.starts_with(t))
                .map(|t| {
                    let close = [b"</", &t[1..]].concat();
                    find_ci(html, end, &close).unwrap_or(html.len())
                });
            let stop = raw_end.unwrap_or(end).max(end);
            out.extend_from_slice(&html[i..stop]);
            i = stop;
            continue;
        }
        let next = find(html, i, b"<").unwrap_or(html.len());
        match std::str::from_utf8(&html[i..next]) {
            Ok(text) => {
                let mut last = 0;
                for (s, e) in word_spans(text) {
                    let prev = text[..s].chars().next_back();
                    if matches!(prev, Some('&' | '#')) || !rng.chance(p) {
                        continue;
                    }
                    out.extend_from_slice(&text.as_bytes()[last..s]);
                    let w = recase(&words[rng.below(words.len())], &text[s..e]);
                    out.extend_from_slice(w.as_bytes());
                    last = e;
                }
                out.extend_from_slice(&text.as_bytes()[last..]);
            }
            Err(_) => out.extend_from_slice(&html[i..next]),
        }
        i = next;
    }
    out
}

fn find(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ci(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

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
