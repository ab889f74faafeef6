//! The benchmark pages, extracted and analysed once: their paragraphs
//! with the annotations inside each, and every word of every body.

use super::*;
/// One paragraph of a page, with the annotations wholly inside it,
/// their offsets relative to the paragraph.
pub(crate) struct Para {
    pub(crate) page: usize,
    pub(crate) kind: BlockKind,
    pub(crate) text: String,
    /// (index of the entity in its page's list, mention)
    pub(crate) mentions: Vec<(usize, Mention)>,
    pub(crate) times: Vec<TimeExpression>,
    /// (index of the speaker entity, quote)
    pub(crate) quotes: Vec<(Option<usize>, Quote)>,
}

pub(crate) struct Page {
    pub(crate) article: Article,
    /// Indices of its paragraphs in `Corpus::paras`.
    pub(crate) paras: Vec<usize>,
    /// The page's HTML, decompressed.
    pub(crate) html: Vec<u8>,
    pub(crate) key: String,
}

pub(crate) struct Corpus {
    pub(crate) pages: Vec<Page>,
    pub(crate) paras: Vec<Para>,
    /// Every word of every body, in order: drawing from it draws by frequency.
    pub(crate) words: Vec<String>,
}

pub(crate) fn load(dir: &Path) -> Result<Corpus, String> {
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
pub(crate) fn word_spans(text: &str) -> Vec<(usize, usize)> {
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
