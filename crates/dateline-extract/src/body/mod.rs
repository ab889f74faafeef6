//! The article's body: find its container, then take its paragraphs and
//! leave the boilerplate.
//!
//! 1. [`stats`]: junk elements (scripts, navigation, hidden boxes, boxes
//!    named as boilerplate) and per-subtree text figures;
//! 2. [`candidate`]: the container that holds the most paragraph text;
//! 3. siblings of the container that carry article text join it (articles
//!    split into several boxes: lead, body, continuation);
//! 4. [`collect`]: the container's text as paragraphs, minus link lists,
//!    forms and galleries;
//! 5. last, paragraphs that repeat the title or are only links go.

mod candidate;
mod collect;
mod patterns;
mod stats;

pub use collect::RawBlock;

use crate::dom::{Dom, NodeIdx, Tag};
use collect::Collector;
use stats::{Analysis, Junk};

/// The body's blocks, in reading order.
pub fn extract(dom: &Dom, title: Option<&str>) -> Vec<RawBlock> {
    let an = Analysis::new(dom);
    let score = candidate::scores(dom, &an);
    let roots = match candidate::best(dom, &an, &score) {
        Some(best) => with_siblings(dom, &an, &score, best.node, best.score),
        None => dom.find(Tag::Body).into_iter().collect(),
    };
    let mut collector = Collector::new(dom, &an, &score);
    for root in roots {
        collector.collect(root);
    }
    let mut blocks = collector.blocks;
    blocks.retain(|b| keep(b, title));
    blocks
}

/// The container plus those of its siblings that read as article text.
fn with_siblings(dom: &Dom, an: &Analysis, score: &[f32], best: NodeIdx, best_score: f32) -> Vec<NodeIdx> {
    let parent = dom.nodes[best].parent;
    if parent == best || dom.nodes[best].tag == Tag::Body {
        return vec![best];
    }
    let threshold = (best_score * 0.2).max(10.0);
    let best_name = &an.names[best];
    dom.children(parent)
        .filter(|&s| {
            if s == best {
                return true;
            }
            if an.junk[s] != Junk::No || dom.nodes[s].text().is_some() {
                return false;
            }
            let mut bonus = 0.0;
            if !best_name.is_empty() && an.names[s] == *best_name {
                bonus = best_score * 0.2;
            }
            if score[s] + bonus >= threshold {
                return true;
            }
            let st = &an.stats[s];
            if dom.nodes[s].tag == Tag::P {
                let ld = st.link_density();
                if st.text > 80 && ld < 0.25 {
                    return true;
                }
                if st.text > 0 && ld == 0.0 && dom.text_of(s).ends_with(['.', '!', '?', '"', '”']) {
                    return true;
                }
            }
            false
        })
        .collect()
}

fn keep(block: &RawBlock, title: Option<&str>) -> bool {
    if let Some(title) = title {
        if same_text(&block.text, title) {
            return false;
        }
    }
    // A short line that is mostly a link: "Read more", "Next story: …".
    if block.link_density > 0.5 && block.text.chars().count() < 200 {
        return false;
    }
    true
}

/// Equal ignoring case, spacing and punctuation.
fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}
