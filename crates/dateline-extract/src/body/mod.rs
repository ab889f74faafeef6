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
    let title = title.map(normalize).filter(|t| !t.is_empty());
    blocks.retain(|b| keep(b, title.as_deref()));
    blocks
}

/// The container plus those of its siblings that read as article text.
fn with_siblings(
    dom: &Dom,
    an: &Analysis,
    score: &[f32],
    best: NodeIdx,
    best_score: f32,
) -> Vec<NodeIdx> {
    let parent = dom.nodes[best].parent;
    if parent == best || dom.nodes[best].tag == Tag::Body {
        return vec![best];
    }
    let threshold = (best_score * 0.2).max(10.0);
    let best_name = dom.class_id(best);
    dom.children(parent)
        .filter(|&s| {
            if s == best {
                return true;
            }
            if an.junk[s] != Junk::No || dom.nodes[s].text().is_some() {
                return false;
            }
            let mut bonus = 0.0;
            if !best_name.is_empty() && dom.class_id(s) == best_name {
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
                if st.text > 0 && ld == 0.0 && dom.text_of(s).ends_with(['.', '!', '?', '"', '”'])
                {
                    return true;
                }
            }
            false
        })
        .collect()
}

/// `title` is normalized.
fn keep(block: &RawBlock, title: Option<&str>) -> bool {
    if let Some(title) = title {
        // Cheap length check first: most blocks are far longer than a title.
        if block.text.len() < title.len() * 4 + 16 && normalize(&block.text) == title {
            return false;
        }
    }
    // A short line that is mostly a link: "Read more", "Next story: …".
    if block.link_density > 0.5 && block.text.chars().count() < 200 {
        return false;
    }
    true
}

/// Letters and digits only, lower-cased: equal texts ignoring case,
/// spacing and punctuation normalize equal.
fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A human-readable account of the body decision: the top candidates with
/// their scores and the containers chosen. For tuning and bug reports.
pub fn explain(dom: &Dom) -> String {
    use std::fmt::Write;
    let an = Analysis::new(dom);
    let score = candidate::scores(dom, &an);
    let mut ranked: Vec<NodeIdx> = (0..dom.len()).filter(|&i| score[i] > 0.0).collect();
    ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let mut out = String::new();
    let describe = |i: NodeIdx| {
        let st = &an.stats[i];
        format!(
            "#{i} <{:?} {:?}> score {:.1} text {} paras {} links {:.2} depth {}",
            dom.nodes[i].tag,
            dom.class_id(i),
            score[i],
            st.text,
            st.paras,
            st.link_density(),
            dom.nodes[i].depth
        )
    };
    for &i in ranked.iter().take(8) {
        let _ = writeln!(out, "candidate {}", describe(i));
    }
    if let Some(best) = candidate::best(dom, &an, &score) {
        let _ = writeln!(out, "best {}", describe(best.node));
        let mut anc = dom.nodes[best.node].parent;
        while anc != 0 {
            let _ = writeln!(out, "  in {} junk {:?}", describe(anc), an.junk[anc]);
            anc = dom.nodes[anc].parent;
        }
        for r in with_siblings(dom, &an, &score, best.node, best.score) {
            let _ = writeln!(out, "root {}", describe(r));
        }
    }
    out
}
