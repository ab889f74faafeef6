//! Turning the chosen container into paragraphs, leaving boilerplate out.

use super::stats::{Analysis, Junk};
use crate::dom::{push_collapsed, Dom, NodeIdx, Tag};
use dateline_model::BlockKind;

/// A paragraph-level piece of text and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    /// The element it came from, for the post-filters.
    pub node: NodeIdx,
    /// Link text share of the block.
    pub link_density: f32,
}

/// Readability's "clean conditionally": a box inside the article that looks
/// like a link list, a gallery or a form is boilerplate even when its name
/// says nothing.
/// `root_text` is the text of the container being collected: a box holding
/// most of it is the article, whatever it looks like.
pub fn is_noise_box(dom: &Dom, an: &Analysis, i: NodeIdx, score: f32, root_text: u32) -> bool {
    let node = &dom.nodes[i];
    if !matches!(
        node.tag,
        Tag::Div
            | Tag::Section
            | Tag::Table
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Header
            | Tag::Figure
            | Tag::Span
            | Tag::Center
    ) {
        return false;
    }
    let st = &an.stats[i];
    if st.text * 2 > root_text {
        return false;
    }
    let weight = an.verdicts[i].weight();
    if weight + score < 0.0 {
        return true;
    }
    if st.commas >= 10 {
        return false;
    }
    let is_list = matches!(node.tag, Tag::Ul | Tag::Ol | Tag::Dl);
    let ld = st.link_density();
    let p = st.paras as f32;
    let img = st.imgs as f32;
    if node.tag == Tag::Figure {
        return false;
    }
    if img > 1.0 && p / img < 0.5 && st.text < 200 {
        return true;
    }
    if !is_list && node.tag != Tag::Table && st.lis > st.paras + 1 && ld > 0.3 {
        return true;
    }
    if st.inputs as f32 > (p / 3.0).floor() {
        return true;
    }
    if (weight < 25.0 && ld > 0.3 && st.text < 1500) || (weight >= 25.0 && ld > 0.5) {
        return true;
    }
    false
}

pub struct Collector<'d, 'a> {
    dom: &'d Dom<'a>,
    an: &'d Analysis,
    score: &'d [f32],
    pub blocks: Vec<RawBlock>,
    buf: String,
    buf_node: NodeIdx,
    /// Open block elements: (end of subtree, element).
    open: Vec<(NodeIdx, NodeIdx)>,
}

impl<'d, 'a> Collector<'d, 'a> {
    pub fn new(dom: &'d Dom<'a>, an: &'d Analysis, score: &'d [f32]) -> Self {
        Collector {
            dom,
            an,
            score,
            blocks: Vec::new(),
            buf: String::new(),
            buf_node: 0,
            open: Vec::new(),
        }
    }

    /// Appends the text of the subtree at `root`.
    pub fn collect(&mut self, root: NodeIdx) {
        let dom = self.dom;
        let end = dom.nodes[root].end;
        let root_text = self.an.stats[root].text;
        self.open.push((end, root));
        let mut i = root;
        while i < end {
            self.close_until(i);
            let node = &dom.nodes[i];
            if i != root
                && (self.an.junk[i] != Junk::No
                    || is_noise_box(dom, self.an, i, self.score[i], root_text))
            {
                i = node.end;
                continue;
            }
            if let Some(t) = node.text() {
                if self.buf.is_empty() {
                    self.buf_node = node.parent;
                }
                if self.in_pre() {
                    self.buf.push_str(t);
                } else {
                    push_collapsed(&mut self.buf, t);
                }
                i += 1;
                continue;
            }
            match node.tag {
                Tag::Br => {
                    if self.buf.ends_with('\n') {
                        self.flush();
                    } else if !self.buf.is_empty() {
                        let trimmed = self.buf.trim_end().len();
                        self.buf.truncate(trimmed);
                        self.buf.push('\n');
                    }
                }
                Tag::Tr if self.is_data_row(i) => {
                    self.flush();
                    self.data_row(i);
                    i = node.end;
                    continue;
                }
                Tag::Img | Tag::Hr => self.flush(),
                t if t.is_block() => {
                    self.flush();
                    self.open.push((node.end, i));
                }
                _ => {}
            }
            i += 1;
        }
        self.close_until(usize::MAX);
    }

    fn close_until(&mut self, i: NodeIdx) {
        while let Some(&(end, _)) = self.open.last() {
            if end <= i {
                self.flush();
                self.open.pop();
            } else {
                break;
            }
        }
    }

    fn in_pre(&self) -> bool {
        self.open
            .iter()
            .any(|&(_, n)| self.dom.nodes[n].tag == Tag::Pre)
    }

    fn kind(&self) -> BlockKind {
        for &(_, n) in self.open.iter().rev() {
            match self.dom.nodes[n].tag {
                Tag::Pre => return BlockKind::Preformatted,
                Tag::Blockquote => return BlockKind::Quote,
                t if t.is_heading() => return BlockKind::Heading,
                Tag::Li | Tag::Dd | Tag::Dt => return BlockKind::ListItem,
                Tag::P => {
                    if self
                        .open
                        .iter()
                        .any(|&(_, m)| self.dom.nodes[m].tag == Tag::Blockquote)
                    {
                        return BlockKind::Quote;
                    }
                    return BlockKind::Paragraph;
                }
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    fn flush(&mut self) {
        let text = if self.in_pre() {
            self.buf.trim_matches('\n').to_string()
        } else {
            self.buf.trim().to_string()
        };
        self.buf.clear();
        if text.is_empty() {
            return;
        }
        let node = self.buf_node;
        let kind = self.kind();
        let st = &self.an.stats[node];
        self.blocks.push(RawBlock {
            kind,
            text,
            node,
            link_density: st.link_density(),
        });
    }

    /// A row of a data table: cells of inline text only.
    fn is_data_row(&self, tr: NodeIdx) -> bool {
        let st = &self.an.stats[tr];
        st.paras == 0 && st.lis == 0 && st.headings == 0 && {
            let dom = self.dom;
            (tr + 1..dom.nodes[tr].end).all(|j| {
                !matches!(
                    dom.nodes[j].tag,
                    Tag::Div | Tag::Table | Tag::Blockquote | Tag::Pre
                )
            })
        }
    }

    fn data_row(&mut self, tr: NodeIdx) {
        let cells: Vec<String> = self
            .dom
            .children(tr)
            .filter(|&c| {
                matches!(self.dom.nodes[c].tag, Tag::Td | Tag::Th) && self.an.junk[c] == Junk::No
            })
            .map(|c| self.dom.text_of(c))
            .filter(|t| !t.is_empty())
            .collect();
        if !cells.is_empty() {
            let st = &self.an.stats[tr];
            self.blocks.push(RawBlock {
                kind: if cells.len() > 1 {
                    BlockKind::TableRow
                } else {
                    BlockKind::Paragraph
                },
                text: cells.join(" | "),
                node: tr,
                link_density: st.link_density(),
            });
        }
    }
}
