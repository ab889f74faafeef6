//! The fragment classifier: whether a quotation the attribution patterns
//! left is someone's words ("called Obama a 'petulant child'") or nobody's
//! (a title, a nickname, a scare quote: "the show 'Scandal'").
//!
//! A logistic regression over the features of
//! [`attribution::Candidate`](super::attribution::Candidate), trained by
//! `dateline train quotes` on PolNeAR train, where a candidate is someone's
//! words when an annotated attribution's content overlaps it. The weights
//! ship as a small text file (`model/quote-fragments.tsv`).

use super::attribution;
use crate::conll::Counts;
use crate::{ner::Tagger, polnear, tokenize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

static ENGLISH: &str = include_str!("../../model/quote-fragments.tsv");

/// The classifier's weights, by feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FragmentModel {
    weights: HashMap<String, f64>,
}

/// One candidate with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub features: Vec<String>,
    /// An annotated attribution's content overlaps it.
    pub attributed: bool,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub epochs: usize,
    pub rate: f64,
    /// L2 penalty, applied to the weights of each example's features.
    pub l2: f64,
    /// Features seen in fewer training examples than this are dropped.
    pub min_count: usize,
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            epochs: 20,
            rate: 0.05,
            l2: 1e-3,
            min_count: 2,
            seed: 0x5eed,
        }
    }
}

impl FragmentModel {
    /// The shipped model.
    pub fn english() -> &'static FragmentModel {
        static MODEL: OnceLock<FragmentModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The embedded file is checked by the crate's tests; a broken
            // build artefact is a bug, not an input error.
            FragmentModel::parse(ENGLISH).expect("the embedded fragment model is valid")
        })
    }

    /// Reads the text form written by [`FragmentModel::to_text`].
    pub fn parse(text: &str) -> Result<FragmentModel, String> {
        let mut weights = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let parsed = line
                .split_once('\t')
                .and_then(|(f, w)| Some((f, w.parse::<f64>().ok()?)));
            match parsed {
                Some((f, w)) if w.is_finite() => {
                    weights.insert(f.to_string(), w);
                }
                _ => return Err(format!("line {}: not FEATURE<TAB>WEIGHT: {line:?}", n + 1)),
            }
        }
        Ok(FragmentModel { weights })
    }

    /// One `feature<TAB>weight` line per feature, sorted, under a header.
    pub fn to_text(&self) -> String {
        let mut lines: Vec<(&String, &f64)> = self.weights.iter().collect();
        lines.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::from(
            "# Dateline's quoted-fragment classifier: logistic regression weights,\n\
             # written by `dateline train quotes` (see model/LICENCE-NOTE.md).\n",
        );
        for (f, w) in lines {
            out.push_str(&format!("{f}\t{w:.4}\n"));
        }
        out
    }

    pub fn score(&self, features: &[String]) -> f64 {
        features.iter().filter_map(|f| self.weights.get(f)).sum()
    }

    pub fn accepts(&self, features: &[String]) -> bool {
        self.score(features) > 0.0
    }

    /// Moves the decision boundary: a candidate is accepted when its
    /// score exceeds `threshold` (in log-odds) instead of 0.
    pub fn shift(&mut self, threshold: f64) {
        *self.weights.entry("bias".to_string()).or_default() -= threshold;
    }

    /// Precision, recall and F1 of the decisions against the labels.
    pub fn evaluate(&self, examples: &[Example]) -> Counts {
        let mut c = Counts::default();
        for e in examples {
            let accepted = self.accepts(&e.features);
            c.gold += usize::from(e.attributed);
            c.predicted += usize::from(accepted);
            c.correct += usize::from(accepted && e.attributed);
        }
        c
    }
}

/// The candidates of an article, labelled by its annotated contents.
/// Entities come from `tagger`, as in the analysis.
pub fn examples(article: &polnear::Article, tagger: &Tagger) -> Vec<Example> {
    let text = &article.text;
    let toks = tokenize::tokens(text);
    let sents = tokenize::split_sentences(text, &toks);
    let ents = tagger.entities_in(text, &toks, &sents);
    attribution::fragment_candidates(text, &toks, &sents, &ents)
        .into_iter()
        .map(|c| Example {
            attributed: article
                .contents
                .iter()
                .any(|g| g.start < c.span.end && c.span.start < g.end),
            features: c.features,
        })
        .collect()
}

/// The labelled candidates of every article of a PolNeAR split folder.
pub fn split_examples(dir: &Path, tagger: &Tagger) -> Result<Vec<Example>, polnear::Error> {
    Ok(polnear::read_split(dir)?
        .iter()
        .flat_map(|a| examples(a, tagger))
        .collect())
}

/// Trains the classifier by stochastic gradient descent on the log loss,
/// examples in a fixed-seed order (the same examples give the same model),
/// and returns the average of the weights over all steps: with a thousand
/// examples the last step's weights swing with the order, their average
/// does not.
pub fn train(examples: &[Example], cfg: &Config) -> FragmentModel {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for e in examples {
        for f in &e.features {
            *seen.entry(f).or_default() += 1;
        }
    }
    let kept = |f: &str| f == "bias" || seen.get(f).is_some_and(|&n| n >= cfg.min_count);
    // Current weights, and each weight's updates summed by step number:
    // the average is then `w - u / steps`, without touching every weight
    // at every step.
    let mut weights: HashMap<String, (f64, f64)> = HashMap::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = cfg.seed | 1;
    let mut step = 1.0;
    for _ in 0..cfg.epochs {
        // Fisher–Yates with xorshift64: deterministic, no dependency.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let e = &examples[k];
            let features: Vec<&String> = e.features.iter().filter(|f| kept(f)).collect();
            let score: f64 = features
                .iter()
                .filter_map(|f| weights.get(*f))
                .map(|w| w.0)
                .sum();
            let p = 1.0 / (1.0 + (-score).exp());
            let gradient = f64::from(u8::from(e.attributed)) - p;
            for f in features {
                let (w, u) = weights.entry(f.clone()).or_default();
                let delta = cfg.rate * (gradient - cfg.l2 * *w);
                *w += delta;
                *u += step * delta;
            }
            step += 1.0;
        }
    }
    let weights = weights
        .into_iter()
        .map(|(f, (w, u))| (f, w - u / step))
        .filter(|(_, w)| w.abs() >= 5e-5)
        .collect();
    FragmentModel { weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(features: &[&str], attributed: bool) -> Example {
        Example {
            features: features.iter().map(|s| s.to_string()).collect(),
            attributed,
        }
    }

    #[test]
    fn the_shipped_model_parses_and_round_trips() {
        let m = FragmentModel::english();
        assert!(m.weights.len() > 10);
        assert_eq!(FragmentModel::parse(&m.to_text()).unwrap(), *m);
    }

    #[test]
    fn training_separates_what_the_features_separate() {
        let mut data = Vec::new();
        for _ in 0..20 {
            data.push(ex(&["bias", "gov=called"], true));
            data.push(ex(&["bias", "p1=show"], false));
        }
        let m = train(&data, &Config::default());
        assert!(m.accepts(&["bias".into(), "gov=called".into()]));
        assert!(!m.accepts(&["bias".into(), "p1=show".into()]));
        let s = m.evaluate(&data);
        assert_eq!((s.gold, s.predicted, s.correct), (20, 20, 20));
        // Rare features are not learned.
        let m = train(&[ex(&["bias", "once"], true)], &Config::default());
        assert!(!m.weights.contains_key("once"));
    }

    #[test]
    fn training_is_deterministic() {
        let data: Vec<Example> = (0..50)
            .map(|k| ex(&["bias", if k % 3 == 0 { "a" } else { "b" }], k % 2 == 0))
            .collect();
        let cfg = Config::default();
        assert_eq!(train(&data, &cfg).to_text(), train(&data, &cfg).to_text());
    }

    /// With PolNeAR at hand: the shipped model is what `dateline train
    /// quotes` makes of it, and it does better than chance on dev.
    #[test]
    fn the_shipped_model_is_polnear_trains() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpora/quotes/polnear");
        let tagger = Tagger::english();
        let Ok(examples) = split_examples(&corpus.join("train"), tagger) else {
            println!("skipped: PolNeAR not found at {}", corpus.display());
            return;
        };
        let model = train(&examples, &Config::default());
        // The candidates are what the patterns leave: a change to them
        // needs the model retrained (the last step of model/build.sh).
        assert!(
            model.to_text() == FragmentModel::english().to_text(),
            "model/quote-fragments.tsv is stale: run `dateline train quotes --corpus {} -o crates/dateline-analyze/model/quote-fragments.tsv`",
            corpus.display()
        );
        let dev = split_examples(&corpus.join("dev"), tagger).unwrap();
        assert!(
            model.evaluate(&dev).f1() > 0.7,
            "{:?}",
            model.evaluate(&dev)
        );
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(FragmentModel::parse("bias\tx\n").is_err());
        assert!(FragmentModel::parse("bias 1.0\n").is_err());
        assert!(FragmentModel::parse("# c\n\nbias\t-0.5\n").is_ok());
    }
}
