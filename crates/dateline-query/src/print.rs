//! Canonical query syntax for a [`Node`], which parses back to it.
//!
//! Canonical means: single spaces, implicit AND, `-` for negation, `OR` in
//! upper case, ASCII `"` for phrases, parentheses only where precedence
//! needs them, and the fewest escapes that keep each word a word. Where a
//! group is printed and every leaf in it has the same field, the field is
//! written once before the parenthesis (`source:(Reuters OR AFP)`). It is
//! only factored out there, never by adding parentheses, so the printed
//! query never nests deeper than the one it was parsed from.

use crate::ast::{Leaf, Node};
use crate::field::Field;
use crate::lex::{ends_word, field_prefix, opens_phrase};
use std::fmt::{self, Display, Formatter, Write};

impl Display for Node {
    /// Writes the canonical query syntax; for every tree that
    /// [`parse`](crate::parse) returns, `parse(&node.to_string())` gives
    /// the same tree back. The text may be a few bytes longer than what
    /// was parsed (a space before `(`, `"` for a typographic quote pair,
    /// the field before every leaf of a field group that needed no
    /// parentheses), so a query right at [`Limits::max_bytes`](crate::Limits)
    /// can print past it; depth and leaf count never grow.
    ///
    /// ```
    /// use dateline_query::parse;
    /// let q = parse("NOT  „Außenministerium“  AND (title:Gas or  Öl*)").unwrap();
    /// // Lower-case `or` is a word, so the group is all AND and dissolves.
    /// assert_eq!(q.to_string(), r#"-"Außenministerium" title:Gas or Öl*"#);
    /// assert_eq!(parse(&q.to_string()), Ok(q));
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write_or_level(f, self, None)
    }
}

/// Writes `node` where an OR needs no parentheses: at the top, or inside a
/// group. `group` is the field factored out by an enclosing `field:(…)`.
fn write_or_level(f: &mut Formatter<'_>, node: &Node, group: Option<Field>) -> fmt::Result {
    match node {
        Node::Or(children) if !children.is_empty() => {
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    f.write_str(" OR ")?;
                }
                match child {
                    // AND binds tighter than OR: no parentheses.
                    Node::And(parts) => write_and(f, parts, group)?,
                    other => write_operand(f, other, group)?,
                }
            }
            Ok(())
        }
        Node::Or(_) => f.write_char('*'),
        Node::And(parts) => write_and(f, parts, group),
        other => write_operand(f, other, group),
    }
}

/// Writes the children of an `And`, separated by spaces. An `All` is left
/// out: beside positive children it is redundant, and beside only negative
/// ones the parser puts it back.
fn write_and(f: &mut Formatter<'_>, parts: &[Node], group: Option<Field>) -> fmt::Result {
    let mut shown = parts.iter().filter(|p| **p != Node::All).peekable();
    if shown.peek().is_none() {
        return f.write_char('*');
    }
    for (i, part) in shown.enumerate() {
        if i > 0 {
            f.write_char(' ')?;
        }
        write_operand(f, part, group)?;
    }
    Ok(())
}

/// Writes `node` as one operand of an AND (or of `-`).
fn write_operand(f: &mut Formatter<'_>, node: &Node, group: Option<Field>) -> fmt::Result {
    match node {
        Node::All => f.write_char('*'),
        Node::Term(leaf) => write_leaf(f, leaf, group, write_word),
        Node::Prefix(leaf) => write_leaf(f, leaf, group, |f, text, bare| {
            write_word(f, text, bare)?;
            f.write_char('*')
        }),
        Node::Phrase(leaf) => write_leaf(f, leaf, group, |f, text, _| write_phrase(f, text)),
        Node::Not(inner) => {
            f.write_char('-')?;
            write_operand(f, inner, group)
        }
        Node::And(_) | Node::Or(_) => {
            let factored = if group.is_none() {
                common_field(node)
            } else {
                None
            };
            match factored {
                Some(field) => write!(f, "{field}:(")?,
                None => f.write_char('(')?,
            }
            write_or_level(f, node, group.or(factored))?;
            f.write_char(')')
        }
    }
}

/// Writes the field prefix (unless a field group already has it), then the
/// leaf's text through `text`, told whether the text stands bare (where
/// signs, operator words and field names need escaping) or after `field:`.
fn write_leaf(
    f: &mut Formatter<'_>,
    leaf: &Leaf,
    group: Option<Field>,
    text: impl FnOnce(&mut Formatter<'_>, &str, bool) -> fmt::Result,
) -> fmt::Result {
    match (group, leaf.field) {
        (None, Some(field)) => {
            write!(f, "{field}:")?;
            text(f, &leaf.text, false)
        }
        _ => text(f, &leaf.text, true),
    }
}

/// Writes `text` so that it lexes back as one word with that text.
fn write_word(f: &mut Formatter<'_>, text: &str, bare: bool) -> fmt::Result {
    // The colon that would make the word a field prefix (`title\:x`).
    let field_colon = if bare {
        field_prefix(text).map(|(_, len)| len)
    } else {
        None
    };
    let operator = bare && matches!(text, "AND" | "OR" | "NOT");
    for (i, c) in text.char_indices() {
        let first = i == 0;
        let escape = ends_word(c)
            || c == '\\'
            || c == '*'
            || (first && (opens_phrase(c) || operator))
            || (first && bare && matches!(c, '-' | '+'))
            || field_colon == Some(i);
        if escape {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    Ok(())
}

fn write_phrase(f: &mut Formatter<'_>, text: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in text.chars() {
        if matches!(c, '"' | '\\') {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('"')
}

/// The field shared by every leaf under `node`, if there is one and
/// nothing under it would be lost by writing it once as `field:(…)`: a
/// bare `*` cannot stand in a field group, but the `All` that merely
/// anchors an `And` of negations is implied there too.
fn common_field(node: &Node) -> Option<Field> {
    let shared = |children: &mut dyn Iterator<Item = &Node>| {
        let mut field = None;
        for child in children {
            let f = common_field(child)?;
            if *field.get_or_insert(f) != f {
                return None;
            }
        }
        field
    };
    match node {
        Node::All => None,
        Node::Term(leaf) | Node::Phrase(leaf) | Node::Prefix(leaf) => leaf.field,
        Node::Not(inner) => common_field(inner),
        Node::And(parts) => {
            let anchor_only = parts.iter().all(|p| matches!(p, Node::All | Node::Not(_)));
            shared(&mut parts.iter().filter(|p| !(anchor_only && **p == Node::All)))
        }
        Node::Or(children) => shared(&mut children.iter()),
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse, Field, Node};

    fn t(text: &str) -> Node {
        Node::term(None, text)
    }

    #[test]
    fn precedence_decides_the_parentheses() {
        let q = Node::and([Node::or([t("a"), t("b")]), t("c")]);
        assert_eq!(q.to_string(), "(a OR b) c");
        let q = Node::or([Node::and([t("a"), t("b")]), t("c")]);
        assert_eq!(q.to_string(), "a b OR c");
        let q = Node::negate(Node::and([t("a"), t("b")]));
        assert_eq!(q.to_string(), "-(a b)");
        let q = Node::or([t("a"), Node::negate(t("b"))]);
        assert_eq!(q.to_string(), "a OR -b");
        assert_eq!(Node::All.to_string(), "*");
        assert_eq!(Node::negate(Node::All).to_string(), "-*");
    }

    #[test]
    fn words_are_escaped_only_where_needed() {
        let cases = [
            ("AND", r"\AND"),
            ("ANDY", "ANDY"),
            ("-x", r"\-x"),
            ("a-b", "a-b"),
            ("title:x", r"title\:x"),
            ("http://x", "http://x"),
            ("a b", r"a\ b"),
            ("(x)", r"\(x\)"),
            ("«x", r"\«x"),
            ("x«", "x«"),
            ("fo*o", r"fo\*o"),
            (r"a\b", r"a\\b"),
            ("say\"", r#"say\""#),
        ];
        for (text, printed) in cases {
            assert_eq!(t(text).to_string(), printed, "{text:?}");
            assert_eq!(parse(printed), Ok(t(text)), "{printed:?}");
        }
        // After a field prefix, signs, operator words and colons are text.
        let q = Node::term(Some(Field::Title), "-AND:x");
        assert_eq!(q.to_string(), "title:-AND:x");
        let q = Node::prefix(Some(Field::Url), "http://");
        assert_eq!(q.to_string(), "url:http://*");
    }

    #[test]
    fn phrases_use_ascii_quotes() {
        let q = Node::phrase(Some(Field::Title), r#"say "no" \ «x»"#);
        assert_eq!(q.to_string(), r#"title:"say \"no\" \\ «x»""#);
    }

    #[test]
    fn a_shared_field_is_factored_out_of_a_printed_group() {
        let src = |s: &str| Node::term(Some(Field::Source), s);
        let q = Node::and([Node::or([src("Reuters"), src("AFP")]), t("gas")]);
        assert_eq!(q.to_string(), "source:(Reuters OR AFP) gas");
        // A field group of negations keeps its implied `All`.
        let q = Node::and([
            Node::or([src("Reuters"), Node::negate(src("AFP"))]),
            t("gas"),
        ]);
        assert_eq!(q.to_string(), "source:(Reuters OR -AFP) gas");
        // Mixed fields, or a bare `*`, keep the field on each leaf.
        let q = Node::negate(Node::or([src("a"), t("b")]));
        assert_eq!(q.to_string(), "-(source:a OR b)");
        let q = Node::negate(Node::and([src("ab"), Node::negate(Node::All)]));
        assert_eq!(q.to_string(), "-(source:ab -*)");
        // No parentheses are added just to factor a field.
        let q = Node::or([src("Reuters"), src("AFP")]);
        assert_eq!(q.to_string(), "source:Reuters OR source:AFP");
        // Inside a factored group a word that looks like a field is escaped.
        let q = Node::negate(Node::and([src("title:x"), src("-y")]));
        assert_eq!(q.to_string(), r"-source:(title\:x \-y)");
    }
}
