//! Word clusters from unlabeled text, by the exchange algorithm (Kneser &
//! Ney 1993; Martin, Liermann & Ney 1998): words are moved, one at a time,
//! to the class that most raises the likelihood of a class-bigram model.
//! Run at three sizes (32, 128 and 512 classes), the class numbers are
//! joined into one bit path (5 + 7 + 9 bits) whose prefixes the tagger
//! reads as coarse-to-fine classes, as it would read a Brown cluster path.
//!
//! Cost per pass: for each word, (classes) × (classes next to the word),
//! so a few seconds a pass on a million words. Deterministic: words are
//! ordered by count then spelling, ties go to the lowest class.

use std::collections::HashMap;

/// Class counts, and the bits each takes in the path.
pub const SIZES: [(usize, u32); 3] = [(32, 5), (128, 7), (512, 9)];

/// Words seen fewer times than this get no cluster.
const MIN_COUNT: u32 = 3;
/// At most this many words are clustered (the most frequent).
const MAX_WORDS: usize = 40_000;
const PASSES: usize = 6;

fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Clusters the lowercase words of `sentences`; returns (word, bit path)
/// pairs in a fixed order (by count, then spelling).
pub fn cluster<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<(String, String)> {
    // Vocabulary: id 0 is the sentence boundary, 1 stands for rare words.
    let mut counts: HashMap<String, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_ref().to_lowercase()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(String, u32)> = counts.into_iter().filter(|c| c.1 >= MIN_COUNT).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    vocab.truncate(MAX_WORDS);
    let ids: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32 + 2))
        .collect();
    let n = vocab.len() + 2;
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for s in sentences {
        let mut prev = 0u32;
        for w in s {
            let id = ids
                .get(w.as_ref().to_lowercase().as_str())
                .copied()
                .unwrap_or(1);
            *bigrams.entry((prev, id)).or_default() += 1;
            prev = id;
        }
        *bigrams.entry((prev, 0)).or_default() += 1;
    }
    let mut succ: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), c) in pairs {
        succ[a as usize].push((b, c));
        pred[b as usize].push((a, c));
    }
    let mut paths = vec![String::new(); n];
    for (k, bits) in SIZES {
        let class = exchange(&succ, &pred, k);
        for (p, c) in paths.iter_mut().zip(&class) {
            p.push_str(&format!("{:0width$b}", c, width = bits as usize));
        }
    }
    vocab
        .into_iter()
        .zip(paths.into_iter().skip(2))
        .map(|((w, _), p)| (w, p))
        .collect()
}

/// The exchange algorithm with `k` classes; returns each word's class.
fn exchange(succ: &[Vec<(u32, u32)>], pred: &[Vec<(u32, u32)>], k: usize) -> Vec<usize> {
    let n = succ.len();
    // Start: the most frequent words spread over the classes in turn.
    let mut class: Vec<usize> = (0..n).map(|w| w % k).collect();
    let mut grid = vec![0f64; k * k]; // class bigram counts
    let mut left = vec![0f64; k]; // as first of a bigram
    let mut right = vec![0f64; k];
    for w in 0..n {
        for &(v, c) in &succ[w] {
            grid[class[w] * k + class[v as usize]] += c as f64;
        }
    }
    for w in 0..n {
        left[class[w]] += succ[w].iter().map(|x| x.1 as f64).sum::<f64>();
        right[class[w]] += pred[w].iter().map(|x| x.1 as f64).sum::<f64>();
    }
    let mut a = vec![0f64; k]; // w's successors, by class (w itself apart)
    let mut b = vec![0f64; k]; // w's predecessors, by class
    let mut sa: Vec<usize> = Vec::new();
    let mut sb: Vec<usize> = Vec::new();
    for _ in 0..PASSES {
        let mut moved = 0;
        for w in 0..n {
            let g = class[w];
            let nl: f64 = succ[w].iter().map(|x| x.1 as f64).sum();
            let nr: f64 = pred[w].iter().map(|x| x.1 as f64).sum();
            let mut selfc = 0f64;
            for &(v, c) in &succ[w] {
                if v as usize == w {
                    selfc += c as f64;
                } else {
                    let cv = class[v as usize];
                    if a[cv] == 0.0 {
                        sa.push(cv);
                    }
                    a[cv] += c as f64;
                }
            }
            for &(u, c) in &pred[w] {
                if u as usize != w {
                    let cu = class[u as usize];
                    if b[cu] == 0.0 {
                        sb.push(cu);
                    }
                    b[cu] += c as f64;
                }
            }
            // Take w out of g.
            for &c in &sa {
                grid[g * k + c] -= a[c];
            }
            for &c in &sb {
                grid[c * k + g] -= b[c];
            }
            grid[g * k + g] -= selfc;
            left[g] -= nl;
            right[g] -= nr;
            // The gain of putting it in each class.
            let mut best = g;
            let mut best_gain = f64::NEG_INFINITY;
            for t in 0..k {
                let mut gain = 0.0;
                for &c in &sa {
                    if c != t {
                        let x = grid[t * k + c];
                        gain += xlogx(x + a[c]) - xlogx(x);
                    }
                }
                for &c in &sb {
                    if c != t {
                        let x = grid[c * k + t];
                        gain += xlogx(x + b[c]) - xlogx(x);
                    }
                }
                let x = grid[t * k + t];
                gain += xlogx(x + a[t] + b[t] + selfc) - xlogx(x);
                gain -= xlogx(left[t] + nl) - xlogx(left[t]);
                gain -= xlogx(right[t] + nr) - xlogx(right[t]);
                if gain > best_gain + 1e-9 {
                    best_gain = gain;
                    best = t;
                }
            }
            if best != g {
                moved += 1;
            }
            class[w] = best;
            for &c in &sa {
                grid[best * k + c] += a[c];
            }
            for &c in &sb {
                grid[c * k + best] += b[c];
            }
            grid[best * k + best] += selfc;
            left[best] += nl;
            right[best] += nr;
            for &c in &sa {
                a[c] = 0.0;
            }
            for &c in &sb {
                b[c] = 0.0;
            }
            sa.clear();
            sb.clear();
        }
        if moved == 0 {
            break;
        }
    }
    class
}
