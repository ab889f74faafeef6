//! The words most characteristic of a set of matches: those whose share
//! of the matching articles most exceeds their share of the whole
//! archive, as Elasticsearch's `significant_text` finds them (the JLH
//! score) from a sample of the best matches re-analysed.

use super::language::Analyzers;
use super::words::is_unspaced;
use dateline_store::Word;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The best matches read for the foreground.
pub const SAMPLE: usize = 200;
/// How much more common among the matches a word must be to be shown.
const MIN_LIFT: f64 = 2.0;

pub struct Sampled<'a> {
    pub language: Option<&'a str>,
    pub text: &'a str,
}

/// The `n` most characteristic words. `background(term)` counts the
/// archive's articles holding the term; `total` is their number.
pub fn characteristic(
    analyzers: &Analyzers,
    sample: &[Sampled<'_>],
    exclude: &BTreeMap<String, f32>,
    total: u64,
    background: &dyn Fn(&str) -> u64,
    n: usize,
) -> Vec<Word> {
    if sample.is_empty() || total == 0 {
        return Vec::new();
    }
    // Per term: the articles of the sample holding it, and how it is
    // written there (the most frequent spelling is shown).
    let mut docs: HashMap<String, u64> = HashMap::new();
    let mut spellings: HashMap<String, HashMap<String, u32>> = HashMap::new();
    for s in sample {
        let mut analyzer = analyzers.for_language(s.language);
        let mut seen = HashSet::new();
        for token in analyzers.tokens(&mut analyzer, s.text) {
            let surface = s.text[token.offset_from..token.offset_to].to_lowercase();
            if !worth_showing(&surface) || exclude.contains_key(&token.text) {
                continue;
            }
            *spellings
                .entry(token.text.clone())
                .or_default()
                .entry(surface)
                .or_default() += 1;
            if seen.insert(token.text.clone()) {
                *docs.entry(token.text).or_default() += 1;
            }
        }
    }
    let n_fg = sample.len() as f64;
    // A word in one or two sampled articles says nothing about the set.
    let min_docs = if sample.len() >= 20 { 3 } else { 2 }.min(sample.len() as u64);
    let mut words: Vec<Word> = docs
        .into_iter()
        .filter(|&(_, d)| d >= min_docs)
        .filter_map(|(term, d)| {
            let bg_docs = background(&term).max(d);
            let fg = d as f64 / n_fg;
            let bg = bg_docs as f64 / total as f64;
            // At least twice as common among the matches as in the
            // archive: JLH alone ranks a word everywhere (fg 1.0 against
            // bg 0.99) above nothing, and a list of such words is noise.
            if fg < MIN_LIFT * bg {
                return None;
            }
            let score = (fg - bg) * (fg / bg);
            let word = spellings
                .get(&term)
                .and_then(|s| s.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))))
                .map(|(w, _)| w.clone())
                .unwrap_or(term);
            Some(Word {
                word,
                matches: d,
                background: bg_docs,
                score,
            })
        })
        .collect();
    words.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.word.cmp(&b.word)));
    words.truncate(n);
    words
}

/// Numbers and one- or two-letter words are no topic (pairs of an
/// unspaced script are words).
fn worth_showing(surface: &str) -> bool {
    if surface.chars().any(is_unspaced) {
        return true;
    }
    surface.chars().count() >= 3 && !surface.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_topic_outranks_common_words() {
        let a = Analyzers::default();
        let texts = [
            "The coalition fights the group in Iraq.",
            "A coalition of states and the group.",
            "The coalition said the group retreated.",
        ];
        let sample: Vec<Sampled> = texts
            .iter()
            .map(|t| Sampled {
                language: Some("en"),
                text: t,
            })
            .collect();
        // In the archive of 1,000 articles, "the" is everywhere, the
        // coalition in 5.
        let background = |term: &str| match term {
            "the" => 990,
            "coalit" => 5,
            "group" => 200,
            _ => 100,
        };
        let words = characteristic(&a, &sample, &BTreeMap::new(), 1000, &background, 3);
        assert_eq!(words[0].word, "coalition");
        assert_eq!(words[0].matches, 3);
        assert!(words.iter().all(|w| w.word != "the"));
    }
}
