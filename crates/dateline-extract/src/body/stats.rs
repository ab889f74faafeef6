//! Per-node figures: which nodes are junk, and how much text, link text
//! and punctuation each subtree holds.

use super::patterns;
use crate::dom::{is_space, Dom, NodeIdx, Tag};

/// Figures of one subtree, junk excluded.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Non-space characters of text.
    pub text: u32,
    /// Non-space characters inside links.
    pub link: u32,
    /// Characters of text not inside a block-level child: the node's own
    /// paragraph text, if it is a paragraph.
    pub inline: u32,
    pub commas: u32,
    /// `<p>` elements (with some text) in the subtree.
    pub paras: u32,
    pub imgs: u32,
    pub lis: u32,
    pub inputs: u32,
    pub headings: u32,
    /// Non-space characters inside `<p>` elements.
    pub para_text: u32,
}

impl Stats {
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

/// Why a node is left out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Junk {
    No,
    /// Never text: scripts, forms, media, navigation.
    Tag,
    /// Hidden from readers.
    Hidden,
    /// Named as boilerplate by its class or id.
    Named,
}

pub struct Analysis {
    pub junk: Vec<Junk>,
    /// Lower-cased class and id of each element.
    pub names: Vec<String>,
    pub stats: Vec<Stats>,
}

impl Analysis {
    pub fn new(dom: &Dom) -> Self {
        let n = dom.len();
        let mut names = vec![String::new(); n];
        let mut junk = vec![Junk::No; n];
        for (i, node) in dom.nodes.iter().enumerate() {
            if let Some(e) = node.element() {
                names[i] = patterns::class_id(e.attr("class"), e.attr("id"));
                junk[i] = classify(dom, i, &names[i]);
            }
        }
        let stats = sum_stats(dom, &junk);
        let mut analysis = Analysis { junk, names, stats };
        analysis.spare_main_content(dom);
        analysis
    }

    /// A name-junk node that holds most of the page's paragraph text is the
    /// article after all (`<div id="content" class="has-sidebar">`, an
    /// ASP.NET `<form>` around the whole page): undo it and recount.
    fn spare_main_content(&mut self, dom: &Dom) {
        let lenient: Vec<Junk> = self
            .junk
            .iter()
            .map(|&j| if j == Junk::Named { Junk::No } else { j })
            .collect();
        let raw = sum_stats(dom, &lenient);
        let total = raw[0].para_text;
        let mut spared = false;
        for (i, j) in self.junk.iter_mut().enumerate() {
            if *j == Junk::Named && total > 0 && raw[i].para_text * 2 > total {
                *j = Junk::No;
                spared = true;
            }
        }
        if spared {
            self.stats = sum_stats(dom, &self.junk);
        }
    }
}

fn classify(dom: &Dom, i: NodeIdx, name: &str) -> Junk {
    let node = &dom.nodes[i];
    use Tag::*;
    if matches!(
        node.tag,
        Script | Style | Noscript | Template | Svg | Math | Canvas | Iframe | Object | Embed
            | Video | Audio | Button | Input | Select | Textarea | Option | Nav | Menu | Head
            | Title | Meta | Link | Label
    ) {
        return Junk::Tag;
    }
    let e = node.element().expect("classified nodes are elements");
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(hides)
    {
        return Junk::Hidden;
    }
    if let Some(role) = e.attr("role") {
        if matches!(role, "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar" | "dialog" | "alert" | "search") {
            return Junk::Named;
        }
    }
    if matches!(node.tag, Aside | Footer | Form) {
        return Junk::Named;
    }
    if matches!(node.tag, Html | Body | Main | Article) {
        return Junk::No;
    }
    if patterns::is_junk(name) && !patterns::is_content(name) {
        return Junk::Named;
    }
    Junk::No
}

fn hides(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

fn sum_stats(dom: &Dom, junk: &[Junk]) -> Vec<Stats> {
    let n = dom.len();
    let mut stats = vec![Stats::default(); n];
    // Children come after their parent in pre-order, so a reverse sweep
    // sees every child before its parent.
    for i in (1..n).rev() {
        let node = &dom.nodes[i];
        if junk[i] != Junk::No {
            continue;
        }
        let mut s = stats[i];
        if let Some(t) = node.text() {
            let chars = t.chars().filter(|c| !is_space(*c)).count() as u32;
            s.text = chars;
            s.inline = chars;
            s.commas = t.matches([',', '，', '、', '،']).count() as u32;
        }
        match node.tag {
            Tag::A => s.link = s.text,
            Tag::P if s.text > 0 => {
                s.paras += 1;
                s.para_text = s.text;
            }
            Tag::Img => s.imgs += 1,
            Tag::Li => s.lis += 1,
            Tag::Input | Tag::Select | Tag::Textarea => s.inputs += 1,
            t if t.is_heading() => s.headings += 1,
            _ => {}
        }
        stats[i] = s;
        let p = node.parent;
        let ps = &mut stats[p];
        ps.text += s.text;
        ps.link += s.link;
        ps.commas += s.commas;
        ps.paras += s.paras;
        ps.imgs += s.imgs;
        ps.lis += s.lis;
        ps.inputs += s.inputs;
        ps.headings += s.headings;
        ps.para_text += s.para_text;
        if !node.tag.is_block() {
            ps.inline += s.inline;
        }
    }
    stats
}
