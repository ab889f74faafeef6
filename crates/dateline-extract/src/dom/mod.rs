//! A flat, read-only view of the parsed page, built for fast passes.
//!
//! html5ever builds a linked tree ([`tree::Document`]). Extraction walks it
//! many times and keeps per-node figures, so it is flattened once into a
//! pre-order array: a node's subtree is the contiguous range
//! `index..node.end`, parents come before children, and per-node figures live
//! in plain vectors indexed the same way. Walking is iterative everywhere:
//! pages can nest 100,000 elements deep.

mod tree;

use tree::NodeData;
pub use tree::{Document, Element};

/// Index of a node in [`Dom::nodes`].
pub type NodeIdx = usize;

/// Elements extraction treats differently. Anything else is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Canvas,
    Iframe,
    Object,
    Embed,
    Video,
    Audio,
    Form,
    Button,
    Input,
    Select,
    Textarea,
    Label,
    Option,
    Nav,
    Aside,
    Footer,
    Header,
    Menu,
    Main,
    Article,
    Section,
    Div,
    Span,
    P,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Code,
    Figure,
    Figcaption,
    Picture,
    Img,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    A,
    Br,
    Hr,
    B,
    Strong,
    I,
    Em,
    U,
    Font,
    Small,
    Sup,
    Sub,
    Time,
    Address,
    Center,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        use Tag::*;
        match name {
            "html" => Html,
            "head" => Head,
            "body" => Body,
            "title" => Title,
            "meta" => Meta,
            "link" => Link,
            "script" => Script,
            "style" => Style,
            "noscript" => Noscript,
            "template" => Template,
            "svg" => Svg,
            "math" => Math,
            "canvas" => Canvas,
            "iframe" => Iframe,
            "object" => Object,
            "embed" => Embed,
            "video" => Video,
            "audio" => Audio,
            "form" => Form,
            "button" => Button,
            "input" => Input,
            "select" => Select,
            "textarea" => Textarea,
            "label" => Label,
            "option" => Option,
            "nav" => Nav,
            "aside" => Aside,
            "footer" => Footer,
            "header" => Header,
            "menu" => Menu,
            "main" => Main,
            "article" => Article,
            "section" => Section,
            "div" => Div,
            "span" => Span,
            "p" => P,
            "h1" => H1,
            "h2" => H2,
            "h3" => H3,
            "h4" => H4,
            "h5" => H5,
            "h6" => H6,
            "ul" => Ul,
            "ol" => Ol,
            "li" => Li,
            "dl" => Dl,
            "dt" => Dt,
            "dd" => Dd,
            "blockquote" => Blockquote,
            "pre" => Pre,
            "code" => Code,
            "figure" => Figure,
            "figcaption" => Figcaption,
            "picture" => Picture,
            "img" => Img,
            "table" => Table,
            "thead" => Thead,
            "tbody" => Tbody,
            "tfoot" => Tfoot,
            "tr" => Tr,
            "td" => Td,
            "th" => Th,
            "caption" => Caption,
            "a" => A,
            "br" => Br,
            "hr" => Hr,
            "b" => B,
            "strong" => Strong,
            "i" => I,
            "em" => Em,
            "u" => U,
            "font" => Font,
            "small" => Small,
            "sup" => Sup,
            "sub" => Sub,
            "time" => Time,
            "address" => Address,
            "center" => Center,
            _ => Other,
        }
    }

    /// Starts a new line of text: a paragraph break when collecting text.
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Body
                | Main
                | Article
                | Section
                | Div
                | P
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Ul
                | Ol
                | Li
                | Dl
                | Dt
                | Dd
                | Blockquote
                | Pre
                | Figure
                | Figcaption
                | Table
                | Thead
                | Tbody
                | Tfoot
                | Tr
                | Td
                | Th
                | Caption
                | Hr
                | Nav
                | Aside
                | Footer
                | Header
                | Menu
                | Form
                | Address
                | Center
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'a> {
    Element(&'a Element),
    Text(&'a str),
    /// Document root, comments, doctypes: kept so ranges stay simple.
    Other,
}

#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    pub kind: Kind<'a>,
    pub tag: Tag,
    /// Parent index; the root is its own parent.
    pub parent: NodeIdx,
    /// One past the last node of this subtree.
    pub end: NodeIdx,
    pub depth: u32,
}

impl<'a> Node<'a> {
    pub fn element(&self) -> Option<&'a Element> {
        match self.kind {
            Kind::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.element().and_then(|e| e.attr(name))
    }

    pub fn text(&self) -> Option<&'a str> {
        match self.kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// The flattened page.
pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Dom<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(doc.capacity());
        // Pre-order by following first-child and next-sibling links, with
        // the open ancestors on an explicit stack. A node's `end` is set
        // when the walk leaves its subtree.
        let mut open: Vec<(NodeIdx, tree::ArenaIdx)> = Vec::new();
        let mut next = Some(doc.root());
        while let Some(at) = next {
            let idx = nodes.len();
            let (kind, tag) = match doc.data(at) {
                NodeData::Element(e) => (Kind::Element(e), Tag::from_name(e.name())),
                NodeData::Text(t) => (Kind::Text(t), Tag::Other),
                NodeData::Document | NodeData::Other => (Kind::Other, Tag::Other),
            };
            nodes.push(Node {
                kind,
                tag,
                parent: open.last().map_or(0, |&(p, _)| p),
                end: idx + 1,
                depth: open.len() as u32,
            });
            if let Some(child) = doc.first_child(at) {
                open.push((idx, at));
                next = Some(child);
                continue;
            }
            // A leaf: climb until some ancestor has a next sibling.
            next = doc.next_sibling(at);
            while next.is_none() {
                let Some((parent, arena)) = open.pop() else {
                    break;
                };
                nodes[parent].end = nodes.len();
                next = doc.next_sibling(arena);
            }
        }
        Dom { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Never true of a parsed page: it has at least the document node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Children of `idx`, in order.
    pub fn children(&self, idx: NodeIdx) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: idx + 1,
            end: self.nodes[idx].end,
        }
    }

    /// The element's lower-cased class and id (see [`Element::class_id`]);
    /// empty for other nodes.
    pub fn class_id(&self, idx: NodeIdx) -> &'a str {
        self.nodes[idx].element().map_or("", Element::class_id)
    }

    /// Every node opened and closed in document order.
    pub fn edges(&self) -> Edges<'_, 'a> {
        Edges {
            dom: self,
            next: 0,
            open: Vec::new(),
        }
    }

    /// The text of `idx`'s first child, when that child is text (a
    /// script's source, a title).
    pub fn first_text(&self, idx: NodeIdx) -> Option<&'a str> {
        let node = &self.nodes[idx];
        if node.end > idx + 1 {
            self.nodes[idx + 1].text()
        } else {
            None
        }
    }

    /// All text nodes of a subtree joined as they are, nothing skipped or
    /// collapsed.
    pub fn raw_text(&self, idx: NodeIdx) -> String {
        self.nodes[idx..self.nodes[idx].end]
            .iter()
            .filter_map(Node::text)
            .collect()
    }

    /// The first element with `tag`, in document order.
    pub fn find(&self, tag: Tag) -> Option<NodeIdx> {
        self.nodes.iter().position(|n| n.tag == tag)
    }

    /// Is `a` an ancestor of (or equal to) `b`?
    pub fn contains(&self, a: NodeIdx, b: NodeIdx) -> bool {
        a <= b && b < self.nodes[a].end
    }

    /// All text of a subtree, whitespace collapsed, skipping script-like
    /// elements.
    pub fn text_of(&self, idx: NodeIdx) -> String {
        let mut out = String::new();
        let mut i = idx;
        let end = self.nodes[idx].end;
        while i < end {
            let node = &self.nodes[i];
            if matches!(
                node.tag,
                Tag::Script | Tag::Style | Tag::Noscript | Tag::Template
            ) {
                i = node.end;
                continue;
            }
            if let Some(t) = node.text() {
                push_collapsed(&mut out, t);
            } else if node.tag.is_block() || node.tag == Tag::Br {
                push_space(&mut out);
            }
            i += 1;
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out
    }
}

/// Entering or leaving a node, in document order: the shape of a
/// recursive walk without recursion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Open(NodeIdx),
    Close(NodeIdx),
}

pub struct Edges<'d, 'a> {
    dom: &'d Dom<'a>,
    next: NodeIdx,
    open: Vec<NodeIdx>,
}

impl Iterator for Edges<'_, '_> {
    type Item = Edge;
    fn next(&mut self) -> Option<Edge> {
        if let Some(&top) = self.open.last() {
            if self.dom.nodes[top].end <= self.next {
                self.open.pop();
                return Some(Edge::Close(top));
            }
        }
        let idx = self.next;
        if idx >= self.dom.len() {
            return None;
        }
        self.next += 1;
        self.open.push(idx);
        Some(Edge::Open(idx))
    }
}

pub struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: NodeIdx,
    end: NodeIdx,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeIdx;
    fn next(&mut self) -> Option<NodeIdx> {
        if self.next >= self.end {
            return None;
        }
        let idx = self.next;
        self.next = self.dom.nodes[idx].end;
        Some(idx)
    }
}

/// Appends `text` with runs of whitespace collapsed to one space; no space
/// at the start of `out`.
pub fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split(is_space).enumerate() {
        if word.is_empty() {
            if i == 0 {
                push_space(out);
            }
            continue;
        }
        if i > 0 {
            push_space(out);
        }
        out.push_str(word);
    }
    if text.ends_with(is_space) {
        push_space(out);
    }
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
        out.push(' ');
    }
}

/// Whitespace as pages use it: ASCII spaces plus no-break, zero-width and
/// other Unicode spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{00a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_subtrees() {
        let doc = Document::parse("<div><p>a<b>b</b></p><p>c</p></div><span>d</span>");
        let dom = Dom::new(&doc);
        let div = dom.find(Tag::Div).unwrap();
        assert_eq!(dom.text_of(div), "ab c");
        let kids: Vec<_> = dom.children(div).map(|i| dom.nodes[i].tag).collect();
        assert_eq!(kids, [Tag::P, Tag::P]);
        let span = dom.find(Tag::Span).unwrap();
        assert!(!dom.contains(div, span));
        let body = dom.find(Tag::Body).unwrap();
        assert!(dom.contains(body, span));
        assert_eq!(dom.nodes[span].parent, body);
    }

    #[test]
    fn deep_nesting_is_iterative() {
        let page = "<div>".repeat(20_000) + "deep" + &"</div>".repeat(20_000);
        let doc = Document::parse(&page);
        let dom = Dom::new(&doc);
        let body = dom.find(Tag::Body).unwrap();
        assert_eq!(dom.text_of(body), "deep");
    }

    #[test]
    fn edges_open_and_close_like_recursion() {
        let doc = Document::parse("<p>a<b>b</b></p>");
        let dom = Dom::new(&doc);
        let mut depth = 0i32;
        let mut seen = Vec::new();
        for edge in dom.edges() {
            match edge {
                Edge::Open(i) => {
                    assert_eq!(dom.nodes[i].depth as i32, depth);
                    depth += 1;
                    seen.push(i);
                }
                Edge::Close(i) => {
                    depth -= 1;
                    assert_eq!(dom.nodes[i].depth as i32, depth);
                }
            }
        }
        assert_eq!(depth, 0);
        assert_eq!(seen, (0..dom.len()).collect::<Vec<_>>());
        let p = dom.find(Tag::P).unwrap();
        assert_eq!(dom.raw_text(p), "ab");
        assert_eq!(dom.first_text(p), Some("a"));
    }

    #[test]
    fn whitespace_collapses() {
        let mut s = String::new();
        push_collapsed(&mut s, "  a \n\t b  ");
        push_collapsed(&mut s, "c");
        assert_eq!(s, "a b c");
    }
}
