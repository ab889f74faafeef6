//! Beam search over a sentence's labels. Only the previous-label features
//! depend on the path taken, so each token's other features are scored
//! once ([`Decoder::decode`] takes those scores) and each path adds its own
//! five. Greedy decoding commits to a label on the evidence to its left;
//! the beam lets the next words overturn it ("RIA" alone looks like a whole
//! name until "Novosti" follows).

use super::features::{self, Scorer, TokInfo};
use super::labels::{Label, N_LABELS};

/// A partial path through the sentence.
#[derive(Debug, Clone, Copy)]
struct Path {
    score: f32,
    p1: Option<Label>,
    p2: Option<Label>,
    /// Its index among the paths kept at the previous token.
    parent: u32,
}

/// Buffers reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct Decoder {
    kept: Vec<Path>,
    next: Vec<Path>,
    /// The paths kept at each token, flattened: (label, parent).
    steps: Vec<(Label, u32)>,
    /// Where each token's paths start in `steps`.
    starts: Vec<usize>,
    feats: Vec<u32>,
}

impl Decoder {
    /// The best label sequence found with at most `width` paths kept at
    /// each token, none more than `margin` behind the best; `statics[i]`
    /// holds token `i`'s scores from its path-independent features. A
    /// width of 1 is greedy decoding.
    pub fn decode<S: Scorer>(
        &mut self,
        scorer: &S,
        infos: &[TokInfo],
        statics: &[[f32; N_LABELS]],
        groups: u32,
        width: usize,
        margin: f32,
    ) -> Vec<Label> {
        self.kept.clear();
        self.kept.push(Path {
            score: 0.0,
            p1: None,
            p2: None,
            parent: 0,
        });
        self.steps.clear();
        self.starts.clear();
        for (i, (t, s)) in infos.iter().zip(statics).enumerate() {
            self.extend(scorer, t, s, groups, i + 1 == infos.len());
            self.prune(width.max(1), margin);
        }
        self.backtrack(infos.len())
    }

    /// Every legal one-label extension of every kept path, into `next`.
    fn extend<S: Scorer>(
        &mut self,
        scorer: &S,
        t: &TokInfo,
        statics: &[f32; N_LABELS],
        groups: u32,
        last: bool,
    ) {
        self.next.clear();
        for (h, path) in self.kept.iter().enumerate() {
            self.feats.clear();
            features::prev_labels(t, path.p1, path.p2, groups, &mut self.feats);
            let mut scores = *statics;
            scorer.add(&self.feats, &mut scores);
            // Each token's scores as margins below its best label: a
            // path is charged for where it departs from the local choice.
            // Raw sums would favour paths whose previous labels merely
            // carry larger weights on every label alike.
            let top = scores.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
            for (l, s) in scores.iter().enumerate() {
                let label = Label(l as u8);
                if label.allowed(path.p1, last) {
                    self.next.push(Path {
                        score: path.score + (s - top),
                        p1: Some(label),
                        p2: path.p1,
                        parent: h as u32,
                    });
                }
            }
        }
    }

    /// Keeps the `width` best extensions, and only those within `margin`
    /// of the best: most tokens are plain words where one path is far
    /// ahead, and following the others would only cost time. Two paths ending in the same two
    /// labels score every continuation alike, so only the better is kept.
    fn prune(&mut self, width: usize, margin: f32) {
        // Stable: among equal scores the earlier path and lower label win,
        // as greedy decoding's first maximum does.
        let best = self
            .next
            .iter()
            .fold(f32::NEG_INFINITY, |a, p| a.max(p.score));
        self.next.retain(|p| p.score >= best - margin);
        self.next.sort_by(|a, b| b.score.total_cmp(&a.score));
        self.kept.clear();
        self.starts.push(self.steps.len());
        for path in &self.next {
            if self.kept.len() == width {
                break;
            }
            if self.kept.iter().any(|k| k.p1 == path.p1 && k.p2 == path.p2) {
                continue;
            }
            self.kept.push(*path);
            self.steps.push((path.p1.unwrap_or(Label::O), path.parent));
        }
    }

    /// The labels of the best path kept at the last token.
    fn backtrack(&self, n: usize) -> Vec<Label> {
        let mut labels = vec![Label::O; n];
        let mut at = 0usize;
        for i in (0..n).rev() {
            let (label, parent) = self.steps[self.starts[i] + at];
            labels[i] = label;
            at = parent as usize;
        }
        labels
    }
}
