//! html5ever's tree builder, feeding a compact arena of our own.
//!
//! A general DOM (scraper's, RcDom) pays for things extraction never uses:
//! selectors, sorted attribute maps, reference counting. This sink keeps
//! what html5ever needs to build the tree correctly — links it can rewire
//! for foster parenting and the adoption agency — and hands attributes and
//! text over as html5ever made them, without copying. [`super::Dom`] then
//! flattens it once for the passes.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::sync::LazyLock;

/// Index of a node in [`Document`]'s arena.
pub type ArenaIdx = u32;

/// An element: its name and attributes as the page wrote them.
#[derive(Debug)]
pub struct Element {
    pub(crate) name: QualName,
    attrs: Vec<Attribute>,
    /// `class` and `id` lower-cased, joined by a space: what every pass
    /// matches its name patterns against, made once.
    key: Box<str>,
}

impl Element {
    fn new(name: QualName, attrs: Vec<Attribute>) -> Element {
        let mut e = Element {
            name,
            attrs,
            key: Box::default(),
        };
        e.key = e.make_key();
        e
    }

    fn make_key(&self) -> Box<str> {
        let (class, id) = (self.attr("class"), self.attr("id"));
        if class.is_none() && id.is_none() {
            return Box::default();
        }
        let mut s = String::from(class.unwrap_or_default());
        if let Some(id) = id {
            s.push(' ');
            s.push_str(id);
        }
        s.make_ascii_lowercase();
        s.into_boxed_str()
    }

    /// Lower-cased `class`, then a space and the lower-cased `id` if there
    /// is one; empty when the element has neither.
    pub fn class_id(&self) -> &str {
        &self.key
    }

    /// The local name (`div`, `p`): html5ever lowercases HTML names.
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of the attribute named `name` (lowercase), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// Every attribute as (name, value), in the page's order.
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attrs.iter().map(|a| (&*a.name.local, &*a.value))
    }

    pub fn id(&self) -> Option<&str> {
        self.attr("id")
    }

    /// The class names, split at whitespace.
    pub fn classes(&self) -> impl Iterator<Item = &str> {
        self.attr("class")
            .unwrap_or_default()
            .split_ascii_whitespace()
    }
}

/// What an arena node holds.
#[derive(Debug)]
pub enum NodeData {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, doctypes, processing instructions, template contents:
    /// kept only so that html5ever's handles stay valid.
    Other,
}

#[derive(Debug)]
struct ArenaNode {
    data: NodeData,
    parent: Option<ArenaIdx>,
    first_child: Option<ArenaIdx>,
    last_child: Option<ArenaIdx>,
    prev: Option<ArenaIdx>,
    next: Option<ArenaIdx>,
}

/// A parsed page: an arena of linked nodes, the document at index 0.
#[derive(Debug)]
pub struct Document {
    nodes: Vec<ArenaNode>,
}

impl Document {
    /// Parses a whole page. Never fails: html5ever recovers from any input
    /// the way browsers do.
    pub fn parse(html: &str) -> Document {
        html5ever::parse_document(Sink::default(), Default::default()).one(html)
    }

    pub(crate) fn data(&self, idx: ArenaIdx) -> &NodeData {
        &self.nodes[idx as usize].data
    }

    pub(crate) fn first_child(&self, idx: ArenaIdx) -> Option<ArenaIdx> {
        self.nodes[idx as usize].first_child
    }

    pub(crate) fn next_sibling(&self, idx: ArenaIdx) -> Option<ArenaIdx> {
        self.nodes[idx as usize].next
    }

    pub(crate) fn root(&self) -> ArenaIdx {
        0
    }

    /// An upper bound on the nodes in the tree (detached ones included).
    pub(crate) fn capacity(&self) -> usize {
        self.nodes.len()
    }

    fn push(&mut self, data: NodeData) -> ArenaIdx {
        let idx = self.nodes.len() as ArenaIdx;
        self.nodes.push(ArenaNode {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
        });
        idx
    }

    fn detach(&mut self, idx: ArenaIdx) {
        let (parent, prev, next) = {
            let n = &mut self.nodes[idx as usize];
            let links = (n.parent, n.prev, n.next);
            n.parent = None;
            n.prev = None;
            n.next = None;
            links
        };
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => self.nodes[p as usize].next = next,
            None => self.nodes[parent as usize].first_child = next,
        }
        match next {
            Some(n) => self.nodes[n as usize].prev = prev,
            None => self.nodes[parent as usize].last_child = prev,
        }
    }

    fn append(&mut self, parent: ArenaIdx, child: ArenaIdx) {
        self.detach(child);
        let last = self.nodes[parent as usize].last_child;
        {
            let c = &mut self.nodes[child as usize];
            c.parent = Some(parent);
            c.prev = last;
        }
        match last {
            Some(l) => self.nodes[l as usize].next = Some(child),
            None => self.nodes[parent as usize].first_child = Some(child),
        }
        self.nodes[parent as usize].last_child = Some(child);
    }

    fn insert_before(&mut self, sibling: ArenaIdx, child: ArenaIdx) {
        self.detach(child);
        let Some(parent) = self.nodes[sibling as usize].parent else {
            return;
        };
        let prev = self.nodes[sibling as usize].prev;
        {
            let c = &mut self.nodes[child as usize];
            c.parent = Some(parent);
            c.prev = prev;
            c.next = Some(sibling);
        }
        self.nodes[sibling as usize].prev = Some(child);
        match prev {
            Some(p) => self.nodes[p as usize].next = Some(child),
            None => self.nodes[parent as usize].first_child = Some(child),
        }
    }

    /// Appends text after `prev` (the would-be previous sibling), merging
    /// with it when it is text, as the DOM does.
    fn merge_text(&mut self, prev: Option<ArenaIdx>, text: &StrTendril) -> bool {
        match prev.map(|p| &mut self.nodes[p as usize].data) {
            Some(NodeData::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// The tree sink: html5ever calls it with `&self`, hence the `RefCell`.
struct Sink {
    doc: RefCell<Document>,
}

impl Default for Sink {
    fn default() -> Self {
        let mut doc = Document { nodes: Vec::new() };
        doc.push(NodeData::Document);
        Sink {
            doc: RefCell::new(doc),
        }
    }
}

/// Returned by `elem_name` for a handle that is not an element, which
/// html5ever never asks for; a name rather than a panic all the same.
static NO_NAME: LazyLock<QualName> =
    LazyLock::new(|| QualName::new(None, html5ever::ns!(), html5ever::local_name!("")));

impl TreeSink for Sink {
    type Handle = ArenaIdx;
    type Output = Document;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Document {
        self.doc.into_inner()
    }

    // Parse errors are normal on the web and say nothing extraction uses.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> ArenaIdx {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a ArenaIdx) -> Ref<'a, QualName> {
        Ref::map(self.doc.borrow(), |doc| match doc.data(*target) {
            NodeData::Element(e) => &e.name,
            _ => &NO_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> ArenaIdx {
        let template = name.local == html5ever::local_name!("template");
        let mut doc = self.doc.borrow_mut();
        let idx = doc.push(NodeData::Element(Element::new(name, attrs)));
        if template {
            // The template's contents fragment lives as its only child.
            let contents = doc.push(NodeData::Other);
            doc.append(idx, contents);
        }
        idx
    }

    fn create_comment(&self, _text: StrTendril) -> ArenaIdx {
        self.doc.borrow_mut().push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> ArenaIdx {
        self.doc.borrow_mut().push(NodeData::Other)
    }

    fn append(&self, parent: &ArenaIdx, child: NodeOrText<ArenaIdx>) {
        let mut doc = self.doc.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => doc.append(*parent, node),
            NodeOrText::AppendText(text) => {
                let last = doc.nodes[*parent as usize].last_child;
                if !doc.merge_text(last, &text) {
                    let node = doc.push(NodeData::Text(text));
                    doc.append(*parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &ArenaIdx,
        prev_element: &ArenaIdx,
        child: NodeOrText<ArenaIdx>,
    ) {
        let has_parent = self.doc.borrow().nodes[*element as usize].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut doc = self.doc.borrow_mut();
        let node = doc.push(NodeData::Other);
        doc.append(0, node);
    }

    fn get_template_contents(&self, target: &ArenaIdx) -> ArenaIdx {
        // Every template got its contents node at creation; fall back to
        // the template itself rather than panic.
        self.doc.borrow().nodes[*target as usize]
            .first_child
            .unwrap_or(*target)
    }

    fn same_node(&self, x: &ArenaIdx, y: &ArenaIdx) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &ArenaIdx, new_node: NodeOrText<ArenaIdx>) {
        let mut doc = self.doc.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => doc.insert_before(*sibling, node),
            NodeOrText::AppendText(text) => {
                if doc.nodes[*sibling as usize].parent.is_none() {
                    return;
                }
                let prev = doc.nodes[*sibling as usize].prev;
                if !doc.merge_text(prev, &text) {
                    let node = doc.push(NodeData::Text(text));
                    doc.insert_before(*sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &ArenaIdx, attrs: Vec<Attribute>) {
        let mut doc = self.doc.borrow_mut();
        if let NodeData::Element(e) = &mut doc.nodes[*target as usize].data {
            for attr in attrs {
                if !e.attrs.iter().any(|a| a.name == attr.name) {
                    e.attrs.push(attr);
                }
            }
            e.key = e.make_key();
        }
    }

    fn remove_from_parent(&self, target: &ArenaIdx) {
        self.doc.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &ArenaIdx, new_parent: &ArenaIdx) {
        let mut doc = self.doc.borrow_mut();
        while let Some(child) = doc.nodes[*node as usize].first_child {
            doc.append(*new_parent, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(doc: &Document, idx: ArenaIdx, out: &mut Vec<String>) {
        let mut child = doc.first_child(idx);
        while let Some(c) = child {
            match doc.data(c) {
                NodeData::Element(e) => out.push(e.name().to_string()),
                NodeData::Text(t) => out.push(format!("'{t}'")),
                _ => {}
            }
            names(doc, c, out);
            child = doc.next_sibling(c);
        }
    }

    #[test]
    fn builds_the_browser_tree() {
        // Misnested formatting (adoption agency) and a table's stray text
        // (foster parenting) exercise every rewiring call.
        let doc = Document::parse("<p>a<b>b<i>c</b>d</i>e<table>x<tr><td>y</table>");
        let mut out = Vec::new();
        names(&doc, doc.root(), &mut out);
        assert_eq!(
            out.join(" "),
            "html head body p 'a' b 'b' i 'c' i 'd' 'ex' table tbody tr td 'y'"
        );
    }

    #[test]
    fn attributes_as_written() {
        let doc = Document::parse(r#"<div id="main" class="a  b" data-x="1">t</div>"#);
        let mut found = None;
        for i in 0..doc.capacity() as ArenaIdx {
            if let NodeData::Element(e) = doc.data(i) {
                if e.name() == "div" {
                    found = Some(i);
                }
            }
        }
        let NodeData::Element(div) = doc.data(found.unwrap()) else {
            unreachable!()
        };
        assert_eq!(div.id(), Some("main"));
        assert_eq!(div.classes().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(div.attr("data-x"), Some("1"));
        assert_eq!(div.attr("title"), None);
        assert_eq!(div.attrs().count(), 3);
        assert_eq!(div.class_id(), "a  b main");
    }

    #[test]
    fn templates_get_contents() {
        let doc = Document::parse("<template><p>x</p></template><p>y</p>");
        let mut out = Vec::new();
        names(&doc, doc.root(), &mut out);
        assert!(out.contains(&"template".to_string()));
        assert!(out.contains(&"'y'".to_string()));
    }

    /// The tree as (depth, element name or text) in document order.
    fn outline(doc: &Document) -> Vec<(usize, String)> {
        let dom = super::super::Dom::new(doc);
        dom.nodes
            .iter()
            .filter_map(|n| match n.kind {
                super::super::Kind::Element(e) => Some((n.depth as usize, e.name().to_string())),
                super::super::Kind::Text(t) => Some((n.depth as usize, format!("'{t}'"))),
                super::super::Kind::Other => None,
            })
            .collect()
    }

    /// The same from scraper, a widely used DOM over the same html5ever.
    fn scraper_outline(html: &str) -> Vec<(usize, String)> {
        let doc = scraper::Html::parse_document(html);
        let mut out = Vec::new();
        let mut depth = 0usize;
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    match n.value() {
                        scraper::Node::Element(e) => out.push((depth, e.name().to_string())),
                        scraper::Node::Text(t) => out.push((depth, format!("'{}'", &**t))),
                        _ => {}
                    }
                    depth += 1;
                }
                ego_tree::iter::Edge::Close(_) => depth -= 1,
            }
        }
        out
    }

    #[test]
    fn same_tree_as_a_standard_dom() {
        let pages = [
            "<p>a<b>b<i>c</b>d</i>e<table>x<tr><td>y</table>",
            "<!DOCTYPE html><table><tr><td>1<td>2<tr><td>3</table>text<select><option>a<option>b</select>",
            "<ul><li>a<li>b<p>c</ul><dl><dt>x<dd>y</dl><form><form>nested</form>",
            "<a href=x>one<a href=y>two</a><frameset><noscript><b>n</noscript>",
            "<svg><circle/><foreignObject><p>in svg</p></foreignObject></svg><math><mi>x</mi></math>",
            "<template><td>cell</td></template><table><template>t</template></table>",
            "<html><body>a</body></html>after<!-- c --><body>b",
        ];
        for page in pages {
            assert_eq!(
                outline(&Document::parse(page)),
                scraper_outline(page),
                "{page}"
            );
        }
        let specimen = include_bytes!("../../../../tests/fixtures/ria-novosti-2014-10-08.html");
        let text = crate::decode::decode(specimen, None).text;
        assert_eq!(outline(&Document::parse(&text)), scraper_outline(&text));
    }

    proptest::proptest! {
        #[test]
        fn same_tree_on_tag_soup(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<table>", "</table>", "<tr>",
                "<td>", "</td>", "<div>", "</div>", "<a href=x>", "</a>", "<li>", "<ul>",
                "</ul>", "<template>", "</template>", "<svg>", "</svg>", "<select>",
                "<option>", "text", " ", "<br>", "<h1>", "</h1>", "<form>", "</form>",
                "<table><caption>", "<nobr>", "<font>", "<button>", "<frameset>",
            ]),
            0..40,
        )) {
            let page: String = parts.concat();
            proptest::prop_assert_eq!(outline(&Document::parse(&page)), scraper_outline(&page));
        }
    }
}
