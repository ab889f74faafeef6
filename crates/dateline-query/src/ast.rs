//! The parsed query: a small tree that each storage backend translates.
//!
//! Trees are kept in one normal form (see [`Node`]) so that equal queries
//! give equal trees and a backend has fewer shapes to handle. The parser
//! builds every compound node through [`Node::and`], [`Node::or`] and
//! [`Node::negate`], which are what keep that form; backends or tests that
//! build trees by hand should use them too.

use crate::field::Field;

/// One node of a parsed query.
///
/// Normal form, as produced by [`parse`](crate::parse) and by the
/// constructors [`Node::and`], [`Node::or`] and [`Node::negate`]:
///
/// - `And` and `Or` have at least two children; an `And` never has an `And`
///   child and an `Or` never has an `Or` child (they are flattened).
/// - `Not` only ever appears as a child of `And`, never twice in a row, and
///   never around an `And` that is itself just `All` and one `Not` (that is
///   a double negation, and is replaced by what it negates).
/// - An `And` whose children would all be `Not` has `All` as its first
///   child, so "everything except …" is explicit: `NOT x` alone is
///   `And([All, Not(x)])`. `All` appears in an `And` only in that case.
/// - An `Or` with an `All` child is `All`.
///
/// `Not(All)` is possible (`-*`): it matches nothing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// Every article: the empty query, or `*`.
    All,
    /// One word as written; the backend analyses (lower-cases, stems) it.
    Term(Leaf),
    /// A quoted phrase: its text as written between the quotes, unescaped.
    Phrase(Leaf),
    /// A prefix query (`bogd*`): the text before the `*`.
    Prefix(Leaf),
    /// All children must match.
    And(Vec<Node>),
    /// At least one child must match.
    Or(Vec<Node>),
    /// The child must not match; only ever a child of [`Node::And`].
    Not(Box<Node>),
}

/// The content of a [`Node::Term`], [`Node::Phrase`] or [`Node::Prefix`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Leaf {
    /// The field the leaf is restricted to, or `None` for the default
    /// fields.
    pub field: Option<Field>,
    /// The text as written, escapes removed; never empty in a parsed tree.
    pub text: String,
}

impl Leaf {
    /// A leaf restricted to `field` (or to the default fields for `None`).
    pub fn new(field: Option<Field>, text: impl Into<String>) -> Leaf {
        Leaf {
            field,
            text: text.into(),
        }
    }
}

/// Which kind of leaf a [`LeafRef`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeafKind {
    /// [`Node::Term`]
    Term,
    /// [`Node::Phrase`]
    Phrase,
    /// [`Node::Prefix`]
    Prefix,
}

/// A leaf of a query, as yielded by [`Node::leaves`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeafRef<'a> {
    /// The leaf itself.
    pub leaf: &'a Leaf,
    /// Term, phrase or prefix.
    pub kind: LeafKind,
    /// Whether the leaf is under an odd number of `Not`s, so that a match
    /// of it excludes an article (highlighters skip these).
    pub negated: bool,
}

impl Node {
    /// A term (one word).
    pub fn term(field: Option<Field>, text: impl Into<String>) -> Node {
        Node::Term(Leaf::new(field, text))
    }

    /// A phrase.
    pub fn phrase(field: Option<Field>, text: impl Into<String>) -> Node {
        Node::Phrase(Leaf::new(field, text))
    }

    /// A prefix query; `text` is what comes before the `*`.
    pub fn prefix(field: Option<Field>, text: impl Into<String>) -> Node {
        Node::Prefix(Leaf::new(field, text))
    }

    /// The conjunction of `children`, in normal form: nested `And`s are
    /// flattened, `All` is dropped beside anything positive, one child is
    /// returned as it is, no children give `All`, and only negative
    /// children get `All` first.
    pub fn and(children: impl IntoIterator<Item = Node>) -> Node {
        let mut flat = Vec::new();
        for child in children {
            match child {
                Node::And(grandchildren) => flat.extend(grandchildren),
                other => flat.push(other),
            }
        }
        // `All` is the unit of AND; it is put back below only if nothing
        // positive is left to anchor the negations.
        flat.retain(|n| *n != Node::All);
        let positive = flat.iter().any(|n| !matches!(n, Node::Not(_)));
        match flat.len() {
            0 => Node::All,
            1 if positive => flat.pop().unwrap_or(Node::All),
            _ if positive => Node::And(flat),
            _ => {
                flat.insert(0, Node::All);
                Node::And(flat)
            }
        }
    }

    /// The disjunction of `children`, in normal form: nested `Or`s are
    /// flattened, any `All` makes the whole `All`, one child is returned as
    /// it is (and no children give `All`, matching the empty query).
    pub fn or(children: impl IntoIterator<Item = Node>) -> Node {
        let mut flat = Vec::new();
        for child in children {
            match child {
                Node::All => return Node::All,
                Node::Or(grandchildren) => flat.extend(grandchildren),
                other => flat.push(other),
            }
        }
        match flat.len() {
            0 => Node::All,
            1 => flat.pop().unwrap_or(Node::All),
            _ => Node::Or(flat),
        }
    }

    /// Every article that `node` does not match, in normal form:
    /// `And([All, Not(node)])`, or what `node` negates if it is itself a
    /// negation (double negation cancels).
    pub fn negate(node: Node) -> Node {
        match node {
            Node::Not(inner) => *inner,
            Node::And(mut children)
                if children.len() == 2
                    && children[0] == Node::All
                    && matches!(children[1], Node::Not(_)) =>
            {
                match children.pop() {
                    Some(Node::Not(inner)) => *inner,
                    // Unreachable by the guard; rebuilt rather than panic.
                    Some(other) => Node::And(vec![Node::All, other]),
                    None => Node::All,
                }
            }
            other => Node::And(vec![Node::All, Node::Not(Box::new(other))]),
        }
    }

    /// The leaf inside a `Term`, `Phrase` or `Prefix`, with its kind.
    pub fn as_leaf(&self) -> Option<(&Leaf, LeafKind)> {
        match self {
            Node::Term(leaf) => Some((leaf, LeafKind::Term)),
            Node::Phrase(leaf) => Some((leaf, LeafKind::Phrase)),
            Node::Prefix(leaf) => Some((leaf, LeafKind::Prefix)),
            _ => None,
        }
    }

    /// Every leaf of the tree, left to right, with whether it is negated;
    /// backends use it for highlighting. Walks with an explicit stack, so
    /// any tree depth is safe.
    ///
    /// ```
    /// use dateline_query::{parse, LeafKind};
    /// let q = parse(r#"coalition -"foreign ministry""#).unwrap();
    /// let leaves: Vec<_> = q.leaves().map(|l| (l.leaf.text.as_str(), l.kind, l.negated)).collect();
    /// assert_eq!(leaves, [("coalition", LeafKind::Term, false),
    ///                     ("foreign ministry", LeafKind::Phrase, true)]);
    /// ```
    pub fn leaves(&self) -> Leaves<'_> {
        Leaves {
            stack: vec![(self, false)],
        }
    }
}

/// The iterator returned by [`Node::leaves`].
#[derive(Debug, Clone)]
pub struct Leaves<'a> {
    stack: Vec<(&'a Node, bool)>,
}

impl<'a> Iterator for Leaves<'a> {
    type Item = LeafRef<'a>;

    fn next(&mut self) -> Option<LeafRef<'a>> {
        while let Some((node, negated)) = self.stack.pop() {
            match node {
                Node::All => {}
                Node::Term(_) | Node::Phrase(_) | Node::Prefix(_) => {
                    let (leaf, kind) = node.as_leaf()?;
                    return Some(LeafRef {
                        leaf,
                        kind,
                        negated,
                    });
                }
                // Reversed so that the leftmost child is popped first.
                Node::And(children) | Node::Or(children) => {
                    self.stack
                        .extend(children.iter().rev().map(|c| (c, negated)));
                }
                Node::Not(inner) => self.stack.push((inner, !negated)),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Node {
        Node::term(None, text)
    }

    fn not(node: Node) -> Node {
        Node::Not(Box::new(node))
    }

    #[test]
    fn and_flattens_and_drops_all_beside_positives() {
        let inner = Node::and([t("a"), t("b")]);
        assert_eq!(
            Node::and([inner, Node::All, t("c")]),
            Node::And(vec![t("a"), t("b"), t("c")])
        );
        assert_eq!(Node::and([Node::All, t("a")]), t("a"));
        assert_eq!(Node::and([]), Node::All);
        assert_eq!(Node::and([Node::All, Node::All]), Node::All);
    }

    #[test]
    fn and_of_only_negations_gets_all_first() {
        let a = Node::negate(t("a"));
        assert_eq!(a, Node::And(vec![Node::All, not(t("a"))]));
        let both = Node::and([a, Node::negate(t("b"))]);
        assert_eq!(both, Node::And(vec![Node::All, not(t("a")), not(t("b"))]));
        // A positive child makes the `All` redundant again.
        assert_eq!(
            Node::and([both, t("c")]),
            Node::And(vec![not(t("a")), not(t("b")), t("c")])
        );
    }

    #[test]
    fn or_flattens_and_all_absorbs() {
        let inner = Node::or([t("a"), t("b")]);
        assert_eq!(
            Node::or([inner.clone(), t("c")]),
            Node::Or(vec![t("a"), t("b"), t("c")])
        );
        assert_eq!(Node::or([inner, Node::All]), Node::All);
        assert_eq!(Node::or([t("a")]), t("a"));
    }

    #[test]
    fn double_negation_cancels() {
        assert_eq!(Node::negate(Node::negate(t("a"))), t("a"));
        assert_eq!(Node::negate(not(t("a"))), t("a"));
        // Negating a conjunction of negations is not simplified further.
        let both = Node::and([Node::negate(t("a")), Node::negate(t("b"))]);
        assert_eq!(
            Node::negate(both.clone()),
            Node::And(vec![Node::All, not(both)])
        );
        assert_eq!(
            Node::negate(Node::All),
            Node::And(vec![Node::All, not(Node::All)])
        );
    }

    #[test]
    fn leaves_are_in_order_with_negation_parity() {
        let q = Node::and([
            t("a"),
            Node::negate(Node::or([
                Node::phrase(Some(Field::Title), "b c"),
                Node::and([Node::prefix(None, "de"), Node::negate(t("e"))]),
            ])),
        ]);
        let got: Vec<_> = q
            .leaves()
            .map(|l| (l.leaf.text.as_str(), l.kind, l.negated))
            .collect();
        assert_eq!(
            got,
            [
                ("a", LeafKind::Term, false),
                ("b c", LeafKind::Phrase, true),
                ("de", LeafKind::Prefix, true),
                ("e", LeafKind::Term, false),
            ]
        );
        assert_eq!(Node::All.leaves().count(), 0);
    }
}
