//! Choosing the element that holds the article (after Readability's
//! scoring, which has held up on the web for fifteen years).
//!
//! Every paragraph-like element scores by its length and commas; the score
//! flows to its ancestors, less at each level. An ancestor's score is then
//! discounted by its link density, so a list of headlines never wins.

use super::stats::{Analysis, Junk};
use crate::dom::{Dom, NodeIdx, Tag};

/// The winning container and its score.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub node: NodeIdx,
    pub score: f32,
}

/// Minimum own text for an element to count as a paragraph.
const MIN_PARAGRAPH: u32 = 25;

pub fn scores(dom: &Dom, an: &Analysis) -> Vec<f32> {
    let n = dom.len();
    let mut score = vec![0.0f32; n];
    let mut seeded = vec![false; n];
    let mut i = 0;
    while i < n {
        let node = &dom.nodes[i];
        if an.junk[i] != Junk::No {
            i = node.end;
            continue;
        }
        let st = &an.stats[i];
        let paragraph_like = match node.tag {
            Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote => true,
            Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Span
            | Tag::Font
            | Tag::Center
            | Tag::Dd
            | Tag::Li
            | Tag::Other => st.inline >= MIN_PARAGRAPH,
            _ => false,
        };
        if paragraph_like && st.inline >= MIN_PARAGRAPH {
            let own =
                1.0 + st.commas.min(st.inline / 10) as f32 + (st.inline as f32 / 100.0).min(3.0);
            // Link lists look like paragraphs by length; don't let them vote much.
            let own = own * (1.0 - st.link_density()).max(0.0);
            // A box with its text written straight into it (no <p>) is its own
            // container as well as its parent's paragraph.
            if matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::Article | Tag::Td | Tag::Center
            ) {
                if !seeded[i] {
                    seeded[i] = true;
                    score[i] += initial_score(dom, an, i);
                }
                score[i] += own;
            }
            let mut anc = node.parent;
            for level in 0..5 {
                if anc == 0 {
                    break;
                }
                if !seeded[anc] {
                    seeded[anc] = true;
                    score[anc] += initial_score(dom, an, anc);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                score[anc] += own / divider;
                anc = dom.nodes[anc].parent;
            }
        }
        i += 1;
    }
    for (i, s) in score.iter_mut().enumerate() {
        if seeded[i] {
            *s *= 1.0 - an.stats[i].link_density();
        }
    }
    score
}

fn initial_score(dom: &Dom, an: &Analysis, i: NodeIdx) -> f32 {
    let base = match dom.nodes[i].tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li => -3.0,
        Tag::Th | Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => -5.0,
        _ => 0.0,
    };
    base + an.verdicts[i].weight()
        + if dom.nodes[i]
            .attr("itemprop")
            .is_some_and(|p| p.contains("articleBody"))
        {
            30.0
        } else {
            0.0
        }
}

/// The best-scoring container, moved up to the ancestor that holds its
/// rivals when the article is split across sibling boxes.
pub fn best(dom: &Dom, an: &Analysis, score: &[f32]) -> Option<Candidate> {
    let mut ranked: Vec<NodeIdx> = (0..dom.len()).filter(|&i| score[i] > 0.0).collect();
    ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    ranked.truncate(5);
    let top = *ranked.first()?;
    let mut node = top;
    // When several strong candidates share an ancestor, the article spans them.
    let rivals: Vec<NodeIdx> = ranked[1..]
        .iter()
        .copied()
        .filter(|&r| {
            score[r] >= score[top] * 0.75 && !dom.contains(r, top) && !dom.contains(top, r)
        })
        .collect();
    if rivals.len() >= 2 {
        let mut anc = dom.nodes[top].parent;
        while anc != 0 {
            let holding = rivals.iter().filter(|&&r| dom.contains(anc, r)).count();
            if holding >= 2 {
                // Rival boxes under a list of links are teasers, not parts
                // of one article: keep the best box.
                if an.stats[anc].link_density() < 0.5 {
                    node = anc;
                }
                break;
            }
            anc = dom.nodes[anc].parent;
        }
    }
    // A parent scoring nearly as well is the better box: the candidate is
    // one of its parts.
    let mut last = score[node];
    let mut parent = dom.nodes[node].parent;
    while parent != 0 && dom.nodes[parent].tag != Tag::Body {
        let ps = score[parent];
        if ps <= 0.0 {
            break;
        }
        if ps > last {
            node = parent;
            last = ps;
        } else if ps < score[top] / 3.0 {
            break;
        }
        parent = dom.nodes[parent].parent;
    }
    // A lone child holds nothing its parent doesn't.
    while dom.nodes[node].parent != 0 {
        let p = dom.nodes[node].parent;
        if dom.nodes[p].tag == Tag::Body || an.stats[p].text != an.stats[node].text {
            break;
        }
        node = p;
    }
    let _ = an;
    Some(Candidate {
        node,
        score: score[node].max(score[top]),
    })
}
