//! Training: an averaged perceptron, online and greedy (its own previous
//! labels and history as features, as the tagger sees them), over
//! CoNLL-2003 train; the epoch with the best F1 on dev, decoded with the
//! tagger's beam, is kept.
//!
//! Deterministic: documents are shuffled by a fixed-seed generator, every
//! map is read in sorted order before it matters, so the same inputs give
//! the same model file byte for byte.
//!
//! The gazetteer is built from train's entity names. Used as is, it would
//! know every name of the sentence being trained on, and the tagger would
//! learn to trust it blindly; so each training document sees a gazetteer
//! built from the other folds only (ten folds by document), and the shipped
//! model holds the gazetteer of all of train.

use super::features::{
    self, groups, DocCase, FirstPass, Gazetteer, HashKeyed, History, Lexicon, Resources, Scorer,
    WordClass,
};
use super::labels::{self, Label, N_LABELS};
use super::model::{Model, Weights};
use crate::conll::{self, Score};
use std::collections::HashMap;

/// One labelled document: sentences of (word, gold IOB tag).
pub type Doc = Vec<Vec<(String, String)>>;

/// Training settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub epochs: usize,
    pub seed: u64,
    /// Feature groups in use ([`groups`]).
    pub groups: u32,
    pub folds: usize,
    /// Train a second pass over the first one's labels.
    pub two_pass: bool,
    /// Folds for the first-pass labels the second pass trains on.
    pub jackknife: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            epochs: 10,
            seed: 0x5eed,
            groups: groups::ALL,
            folds: 10,
            two_pass: true,
            jackknife: 5,
        }
    }
}

/// The CoNLL documents of a file, as training documents (word = first
/// column, gold = last column).
pub fn docs_of(text: &str) -> Vec<Doc> {
    conll::read(text)
        .into_iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    s.iter()
                        .map(|r| (r.word().to_string(), r.last().to_string()))
                        .collect()
                })
                .collect()
        })
        .filter(|d: &Doc| !d.is_empty())
        .collect()
}

/// Perceptron weights during training, with the running sums that give
/// their average (Daumé's trick: average = w − u / c).
#[derive(Default)]
struct Perceptron {
    index: HashKeyed<u32, u32>,
    w: Vec<[f32; N_LABELS]>,
    u: Vec<[f64; N_LABELS]>,
    c: f64,
}

impl Scorer for Perceptron {
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.w[r as usize]) {
                    *s += w;
                }
            }
        }
    }
}

impl Perceptron {
    fn update(&mut self, feats: &[u32], gold: Label, pred: Label) {
        for f in feats {
            let next = self.w.len() as u32;
            let r = *self.index.entry(*f).or_insert(next) as usize;
            if r == self.w.len() {
                self.w.push([0.0; N_LABELS]);
                self.u.push([0.0; N_LABELS]);
            }
            self.w[r][gold.0 as usize] += 1.0;
            self.w[r][pred.0 as usize] -= 1.0;
            self.u[r][gold.0 as usize] += self.c;
            self.u[r][pred.0 as usize] -= self.c;
        }
    }

    /// The averaged weights, sorted by feature.
    fn averaged(&self) -> Vec<(u32, [f32; N_LABELS])> {
        let c = self.c.max(1.0);
        let mut rows: Vec<(u32, [f32; N_LABELS])> = self
            .index
            .iter()
            .map(|(&f, &r)| {
                let (w, u) = (&self.w[r as usize], &self.u[r as usize]);
                let mut a = [0f32; N_LABELS];
                for l in 0..N_LABELS {
                    a[l] = (w[l] as f64 - u[l] / c) as f32;
                }
                (f, a)
            })
            .collect();
        rows.sort_by_key(|r| r.0);
        rows
    }
}

/// xorshift64*: a fixed, portable generator for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// A gazetteer of the entity names in `docs`.
pub fn gazetteer<'a>(docs: impl Iterator<Item = &'a Doc>) -> Gazetteer {
    let mut g = Gazetteer::default();
    for d in docs {
        for s in d {
            let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            for c in conll::chunks(&tags) {
                if let Some(k) = labels::type_index(&c.kind) {
                    let words: Vec<&str> =
                        s[c.start..c.end].iter().map(|(w, _)| w.as_str()).collect();
                    g.add(&words, k);
                    g.add_edges(&words, k);
                }
            }
        }
    }
    g
}

/// What one epoch gave.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1 for the first pass, 2 for the second.
    pub pass: u8,
    pub epoch: usize,
    pub train_errors: usize,
    pub dev: Score,
}

/// Trains a model; `lexicon` holds the word classes learned from
/// unlabeled text, `external` the names of outside lists (type index,
/// tokens). `progress` hears about each epoch.
///
/// With `cfg.two_pass`, a second pass is trained on top of the first, its
/// features reading the first pass's labels over the whole document. The
/// first-pass labels it trains on come from models that never saw the
/// document (`cfg.jackknife` folds, each trained for the first pass's best
/// number of epochs), so they are as wrong as they will be on new text.
pub fn train(
    train_docs: &[Doc],
    dev_docs: &[Doc],
    lexicon: Lexicon,
    external: &[(usize, Vec<String>)],
    cfg: &Config,
    mut progress: impl FnMut(&EpochReport),
) -> (Model, Vec<EpochReport>) {
    let (first, mut reports) = train_pass(
        train_docs,
        dev_docs,
        &lexicon,
        external,
        cfg,
        None,
        &mut progress,
    );
    if !cfg.two_pass || train_docs.len() < cfg.jackknife.max(2) {
        return (first, reports);
    }
    let best_epoch = reports
        .iter()
        .fold(None::<&EpochReport>, |b, r| match b {
            Some(b) if b.dev.overall.f1() >= r.dev.overall.f1() => Some(b),
            _ => Some(r),
        })
        .map_or(cfg.epochs, |r| r.epoch);
    let folds = cfg.jackknife.max(2);
    let mut held_out: Vec<Vec<Vec<Label>>> = vec![Vec::new(); train_docs.len()];
    for k in 0..folds {
        let (rest, held): (Vec<usize>, Vec<usize>) =
            (0..train_docs.len()).partition(|i| i % folds != k);
        let sub: Vec<Doc> = rest.iter().map(|&i| train_docs[i].clone()).collect();
        let sub_cfg = Config {
            epochs: best_epoch,
            ..cfg.clone()
        };
        let (m, _) = train_pass(&sub, &[], &lexicon, external, &sub_cfg, None, &mut |_| {});
        for i in held {
            let words: Vec<Vec<&str>> = train_docs[i]
                .iter()
                .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                .collect();
            held_out[i] = super::tag_pieces(&m, &m.weights, &words, None).0;
        }
    }
    let (second, r2) = train_pass(
        train_docs,
        dev_docs,
        &lexicon,
        external,
        cfg,
        Some((&first, &held_out)),
        &mut progress,
    );
    reports.extend(r2);
    (second, reports)
}

/// One pass of training. `first`: the first-pass model and, per training
/// document, first-pass labels, when this trains the second pass.
fn train_pass(
    train_docs: &[Doc],
    dev_docs: &[Doc],
    lexicon: &Lexicon,
    external: &[(usize, Vec<String>)],
    cfg: &Config,
    first: Option<(&Model, &[Vec<Vec<Label>>])>,
    progress: &mut dyn FnMut(&EpochReport),
) -> (Model, Vec<EpochReport>) {
    let folds = cfg.folds.max(2);
    let with_external = |mut g: Gazetteer| {
        for (k, words) in external {
            g.add(words, 4 + k);
        }
        g
    };
    let fold_gaz: Vec<Gazetteer> = (0..folds)
        .map(|k| {
            with_external(gazetteer(
                train_docs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != k)
                    .map(|(_, d)| d),
            ))
        })
        .collect();
    let full_gaz = with_external(gazetteer(train_docs.iter()));
    let mut p = Perceptron::default();
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut rng = Rng(cfg.seed | 1);
    let mut best: Option<(f64, Model)> = None;
    let mut reports = Vec::new();
    let mut sf = features::SentenceFeatures::default();
    let mut feats = Vec::new();
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &di in &order {
            let doc = &train_docs[di];
            let res = Resources {
                lexicon,
                gazetteer: &fold_gaz[di % folds],
                groups: cfg.groups,
            };
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
                .collect();
            let dc = DocCase::new(&words);
            let first_labels = first.and_then(|(_, f)| f.get(di));
            let first_pass = first_labels.map(|f| {
                let mut fp = FirstPass::default();
                for (ws, l) in words.iter().zip(f) {
                    features::sentence(ws, &res, Some(&dc), &mut sf);
                    fp.record(&sf.infos, l);
                }
                fp
            });
            let mut history = History::default();
            for (si, (s, ws)) in doc.iter().zip(&words).enumerate() {
                let tags: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
                let gold = labels::from_iob(&tags);
                features::sentence(ws, &res, Some(&dc), &mut sf);
                let mut pred: Vec<Label> = Vec::with_capacity(ws.len());
                for (i, &gold_label) in gold.iter().enumerate() {
                    feats.clear();
                    feats.extend_from_slice(sf.of(i));
                    let t = &sf.infos[i];
                    let (p1, p2) = (pred.last().copied(), i.checked_sub(2).map(|j| pred[j]));
                    features::prev_labels(t, p1, p2, cfg.groups, &mut feats);
                    features::history(i, t, &history, cfg.groups, &mut feats);
                    if let (Some(fp), Some(f)) = (&first_pass, first_labels.and_then(|f| f.get(si)))
                    {
                        features::second_pass(i, &sf.infos, f, fp, &mut feats);
                    }
                    let mut scores = [0f32; N_LABELS];
                    p.add(&feats, &mut scores);
                    // The best label overall: the update must see the
                    // model's own preference, even where the rules of
                    // BILOU would forbid it after a wrong previous label.
                    let mut guess = Label::O;
                    for (l, sc) in scores.iter().enumerate() {
                        if *sc > scores[guess.0 as usize] {
                            guess = Label(l as u8);
                        }
                    }
                    p.c += 1.0;
                    if guess != gold_label {
                        errors += 1;
                        p.update(&feats, gold_label, guess);
                    }
                    // Decode on greedily: the updates are local, one token
                    // at a time; the tagger's beam searches over the same
                    // scores at run time.
                    let prev = pred.last().copied();
                    pred.push(best_allowed(&scores, prev, i + 1 == ws.len()));
                }
                history.record(&sf.infos, &pred);
            }
        }
        let averaged = Weights::quantise(&p.averaged());
        let (weights, second) = match first {
            Some((m, _)) => (m.weights.clone(), averaged),
            None => (averaged, Weights::default()),
        };
        let model = Model {
            groups: cfg.groups,
            weights,
            second,
            lexicon: lexicon.clone(),
            gazetteer: full_gaz.clone(),
        };
        let dev = evaluate(&model, dev_docs);
        let report = EpochReport {
            pass: if first.is_some() { 2 } else { 1 },
            epoch,
            train_errors: errors,
            dev,
        };
        progress(&report);
        let f1 = report.dev.overall.f1();
        reports.push(report);
        // Without dev data, the last epoch is kept.
        if dev_docs.is_empty() || best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            best = Some((f1, model));
        }
    }
    let model = best.map(|(_, m)| m).unwrap_or_default();
    (model, reports)
}

/// The label with the best score that may follow `prev`.
fn best_allowed(scores: &[f32; N_LABELS], prev: Option<Label>, last: bool) -> Label {
    let mut best = Label::O;
    let mut best_score = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        let label = Label(l as u8);
        if s > best_score && label.allowed(prev, last) {
            best = label;
            best_score = s;
        }
    }
    best
}

/// Entity-level scores of `model` on labelled documents.
pub fn evaluate(model: &Model, docs: &[Doc]) -> Score {
    let tagger = super::Tagger::from_model(model.clone());
    evaluate_tagger(&tagger, docs)
}

/// Entity-level scores of a tagger on labelled documents.
pub fn evaluate_tagger(tagger: &super::Tagger, docs: &[Doc]) -> Score {
    let mut score = Score::default();
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .iter()
            .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
            .collect();
        let pred = tagger.tag_document(&words);
        for (s, p) in d.iter().zip(pred) {
            let gold: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
            score.add(&gold, &labels::to_iob1(&p));
        }
    }
    score
}

/// Running text as sentences of words, as the tagger sees them.
pub fn text_sentences(texts: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for t in texts {
        let toks = crate::tokenize::tokens(t);
        for s in crate::tokenize::split_sentences(t, &toks) {
            out.push(
                toks[s.tokens]
                    .iter()
                    .map(|tk| super::tagger_word(tk.text(t)).into_owned())
                    .collect(),
            );
        }
    }
    out
}

/// Word classes from unlabeled sentences: how often each word is
/// capitalised when it is not first in its sentence, and its cluster from
/// `clusters` (word → bit path, as Brown clustering writes it).
pub fn lexicon<S: AsRef<str>>(sentences: &[Vec<S>], clusters: &[(String, String)]) -> Lexicon {
    // (mid-sentence capitalised, mid-sentence lowercase) per lowercase form.
    let mut counts: HashMap<u64, (u32, u32)> = HashMap::new();
    for ws in sentences {
        if ws
            .iter()
            .all(|w| !w.as_ref().chars().any(char::is_lowercase))
        {
            continue; // a headline in capitals
        }
        for w in ws.iter().skip(1) {
            let w = w.as_ref();
            let Some(first) = w.chars().next() else {
                continue;
            };
            if !first.is_alphabetic() {
                continue;
            }
            let e = counts.entry(features::hash_lower(w)).or_default();
            if first.is_uppercase() {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    let mut lex = Lexicon::default();
    for (k, (cap, low)) in counts {
        let n = cap + low;
        if n < 2 {
            continue;
        }
        let r = cap as f64 / n as f64;
        let caps = if r < 0.1 {
            1
        } else if r < 0.5 {
            2
        } else if r < 0.9 {
            3
        } else {
            4
        };
        lex.insert(
            k,
            WordClass {
                caps,
                ..WordClass::default()
            },
        );
    }
    for (word, path) in clusters {
        let len = path.len().min(32);
        let mut bits = 0u32;
        for (i, b) in path.bytes().take(32).enumerate() {
            if b == b'1' {
                bits |= 1 << (31 - i);
            }
        }
        let e = lex.entry(features::hash_lower(word)).or_default();
        // Spellings that differ only in case share one entry: the first
        // listed (the file's order) is kept.
        if e.cluster_len == 0 {
            e.cluster = bits;
            e.cluster_len = len as u8;
        }
    }
    lex
}
