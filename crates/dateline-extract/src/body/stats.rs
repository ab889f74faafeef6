//! Per-node figures: which nodes are junk, and how much text, link text
//! and punctuation each subtree holds.

use super::{candidate, patterns};
use crate::dom::{is_space, Dom, Tag};

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
    /// What each element's class and id say.
    pub verdicts: Vec<patterns::Verdict>,
    pub stats: Vec<Stats>,
}

impl Analysis {
    pub fn new(dom: &Dom) -> Self {
        let n = dom.len();
        let mut verdicts = vec![patterns::Verdict::default(); n];
        let mut junk = vec![Junk::No; n];
        for (i, node) in dom.nodes.iter().enumerate() {
            if let Some(e) = node.element() {
                verdicts[i] = patterns::judge(e.class_id());
                junk[i] = classify(node.tag, &Attrs::of(e), verdicts[i]);
            }
        }
        let named_paras = paragraphs_in_named(dom, &junk);
        let mut strict = Analysis {
            stats: sum_stats(dom, &junk),
            junk,
            verdicts,
        };
        // Name-junk holding hardly any paragraphs cannot be the article:
        // no need to score the page a second time.
        if named_paras < 3 {
            return strict;
        }
        let strict_best = strict.best_score(dom);
        let lenient_junk: Vec<Junk> = strict
            .junk
            .iter()
            .map(|&j| if j == Junk::Named { Junk::No } else { j })
            .collect();
        let mut lenient = Analysis {
            stats: sum_stats(dom, &lenient_junk),
            junk: lenient_junk,
            verdicts: std::mem::take(&mut strict.verdicts),
        };
        let Some(lenient_best) = lenient.best(dom) else {
            strict.verdicts = lenient.verdicts;
            return strict;
        };
        // Names mislead: page builders call every box a "widget", blogs put
        // `has-sidebar` on the article's wrapper. When cutting name-junk
        // leaves a far weaker article than keeping it, the name-junk boxes
        // around (or making up most of) the winner are the article.
        if strict_best >= lenient_best.score * 0.5 {
            strict.verdicts = std::mem::take(&mut lenient.verdicts);
            return strict;
        }
        let b = lenient_best.node;
        let best_text = lenient.stats[b].para_text;
        let mut junk = strict.junk;
        for (i, j) in junk.iter_mut().enumerate() {
            let keeper = dom.contains(i, b)
                || (dom.contains(b, i)
                    && best_text > 0
                    && lenient.stats[i].para_text * 2 >= best_text);
            if *j == Junk::Named && keeper {
                *j = Junk::No;
            }
        }
        Analysis {
            stats: sum_stats(dom, &junk),
            junk,
            verdicts: lenient.verdicts,
        }
    }

    fn best(&self, dom: &Dom) -> Option<candidate::Candidate> {
        let score = candidate::scores(dom, self);
        candidate::best(dom, self, &score)
    }

    fn best_score(&self, dom: &Dom) -> f32 {
        self.best(dom).map_or(0.0, |c| c.score)
    }
}

/// The attributes classification reads, found in one pass.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    hidden: bool,
    style: Option<&'a str>,
    role: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a crate::dom::Element) -> Self {
        let mut a = Attrs::default();
        for (name, value) in e.attrs() {
            match name {
                "class" => a.class = Some(value),
                "id" => a.id = Some(value),
                "hidden" => a.hidden = true,
                "aria-hidden" => a.hidden |= value == "true",
                "style" => a.style = Some(value),
                "role" => a.role = Some(value),
                _ => {}
            }
        }
        a
    }
}

/// A content verdict includes names of embedded posts (`social-media-embed`):
/// quoted tweets are part of the story even though their box says "social".
fn classify(tag: Tag, e: &Attrs, name: patterns::Verdict) -> Junk {
    use Tag::*;
    if matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Math
            | Canvas
            | Iframe
            | Object
            | Embed
            | Video
            | Audio
            | Button
            | Input
            | Select
            | Textarea
            | Option
            | Nav
            | Menu
            | Head
            | Title
            | Figcaption
            | Meta
            | Link
            | Label
    ) {
        return Junk::Tag;
    }
    if e.hidden || e.style.is_some_and(hides) {
        return Junk::Hidden;
    }
    if let Some(role) = e.role {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "dialog"
                | "alert"
                | "search"
        ) {
            return Junk::Named;
        }
    }
    if matches!(tag, Aside | Footer | Form) {
        return Junk::Named;
    }
    if matches!(tag, Html | Body | Main | Article) {
        return Junk::No;
    }
    if name.junk && !name.content {
        return Junk::Named;
    }
    Junk::No
}

/// `<p>` elements inside the outermost name-junk boxes.
fn paragraphs_in_named(dom: &Dom, junk: &[Junk]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < dom.len() {
        match junk[i] {
            Junk::Named => {
                let end = dom.nodes[i].end;
                count += dom.nodes[i..end].iter().filter(|n| n.tag == Tag::P).count();
                i = end;
            }
            Junk::Tag | Junk::Hidden => i = dom.nodes[i].end,
            Junk::No => i += 1,
        }
    }
    count
}

fn hides(style: &str) -> bool {
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Non-space characters and commas (Latin, CJK, Arabic) of a text, in one
/// pass; bytes at a time where the text is ASCII, as most markup text is.
fn text_figures(t: &str) -> (u32, u32) {
    let (mut chars, mut commas) = (0u32, 0u32);
    if t.is_ascii() {
        for &b in t.as_bytes() {
            // `char::is_whitespace` on ASCII: space and \t \n \v \f \r.
            chars += !matches!(b, b' ' | b'\t'..=b'\r') as u32;
            commas += (b == b',') as u32;
        }
        return (chars, commas);
    }
    for c in t.chars() {
        chars += !is_space(c) as u32;
        commas += matches!(c, ',' | '，' | '、' | '،') as u32;
    }
    (chars, commas)
}

fn sum_stats(dom: &Dom, junk: &[Junk]) -> Vec<Stats> {
    let n = dom.len();
    let mut stats = vec![Stats::default(); n];
    let mut dead = vec![false; n];
    let mut i = 0;
    while i < n {
        if junk[i] != Junk::No {
            dead[i..dom.nodes[i].end].fill(true);
            i = dom.nodes[i].end;
        } else {
            i += 1;
        }
    }
    // Children come after their parent in pre-order, so a reverse sweep
    // sees every child before its parent.
    for i in (1..n).rev() {
        let node = &dom.nodes[i];
        if dead[i] {
            continue;
        }
        let mut s = stats[i];
        if let Some(t) = node.text() {
            let (chars, commas) = text_figures(t);
            s.text = chars;
            s.inline = chars;
            s.commas = commas;
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII fast path counts what the general one counts.
        #[test]
        fn text_figures_match_their_definition(t in "[ -~\t\n\x0b\x0c\r\u{a0}\u{200b}é，、،]{0,40}") {
            let chars = t.chars().filter(|c| !is_space(*c)).count() as u32;
            let commas = t.matches([',', '，', '、', '،']).count() as u32;
            proptest::prop_assert_eq!(text_figures(&t), (chars, commas));
        }
    }
}
