//! Properties over generated input: the parser never panics and points at
//! real places, printed trees parse back to themselves, and parse → print
//! is a fixed point.

use dateline_query::{parse, parse_with, Field, Limits, Node, ParseError};
use proptest::prelude::*;

/// Pieces that exercise every rule of the syntax when strung together.
const PIECES: &[&str] = &[
    "a", "gas", "Öl", "中文", "x1", "AND", "OR", "NOT", "and", "or", "-", "+", "(", ")", "\"", "“",
    "”", "„", "«", "»", "*", "\\", ":", "title:", "SOURCE:", "url:", "re:", "http://x", " ", " ",
    "  ", "\t", "\u{a0}", "\n", "ab*", "a*", "é*", "-(", "source:(", "\\\"", "\\*",
];

fn query_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

/// The checks every error must pass: a real place in the input.
fn check_error(input: &str, e: &ParseError) {
    assert!(e.offset <= input.len(), "{input:?}: {e:?}");
    assert!(input.is_char_boundary(e.offset), "{input:?}: {e:?}");
    assert_eq!(e.column, input[..e.offset].chars().count() + 1, "{input:?}");
    assert!(!e.to_string().is_empty());
}

/// Limits for re-parsing printed text: the printed form may be a few bytes
/// longer than its source (see `Display for Node`), but never deeper and
/// never with more leaves, so only the length limit is lifted.
fn reparse_limits() -> Limits {
    Limits {
        max_bytes: usize::MAX,
        ..Limits::default()
    }
}

fn check_fixed_point(input: &str) {
    match parse(input) {
        Err(e) => check_error(input, &e),
        Ok(node) => {
            let printed = node.to_string();
            let again = parse_with(&printed, &reparse_limits());
            assert_eq!(
                again.as_ref(),
                Ok(&node),
                "{input:?} printed as {printed:?}"
            );
            assert_eq!(node.to_string(), printed, "printing is deterministic");
        }
    }
}

/// Leaf text, drawn mostly from characters the printer must escape.
fn text() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        'a', 'b', 'Z', 'é', '中', ' ', '\u{a0}', '(', ')', '"', '\\', '*', ':', '-', '+', '“', '”',
        '„', '«', '»', '\'',
    ]);
    let word = prop::sample::select(vec![
        "AND",
        "OR",
        "NOT",
        "title:",
        "Lang:",
        "language:",
        "http://",
        "x",
    ]);
    let piece = prop_oneof![chars.prop_map(String::from), word.prop_map(String::from)];
    prop::collection::vec(piece, 1..5).prop_map(|v| v.concat())
}

fn field() -> impl Strategy<Value = Option<Field>> {
    prop_oneof![
        2 => Just(None),
        1 => prop::sample::select(Field::ALL.to_vec()).prop_map(Some),
    ]
}

/// A normalised tree, built only through the normalising constructors.
fn tree() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        1 => Just(Node::All),
        4 => (field(), text()).prop_map(|(f, t)| Node::term(f, t)),
        2 => (field(), text())
            .prop_filter("a phrase needs a non-space", |(_, t)| !t.trim().is_empty())
            .prop_map(|(f, t)| Node::phrase(f, t)),
        2 => (field(), text())
            .prop_filter("a prefix needs 2 characters", |(_, t)| t.chars().count() >= 2)
            .prop_map(|(f, t)| Node::prefix(f, t)),
        // A field shared by a whole group, to exercise `field:(…)`.
        2 => (prop::sample::select(Field::ALL.to_vec()), prop::collection::vec(text(), 2..4), any::<bool>())
            .prop_map(|(f, texts, or)| {
                let leaves = texts.into_iter().map(|t| Node::term(Some(f), t));
                if or { Node::or(leaves) } else { Node::and(leaves) }
            }),
    ];
    leaf.prop_recursive(4, 48, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(Node::and),
            prop::collection::vec(inner.clone(), 1..4).prop_map(Node::or),
            inner.prop_map(Node::negate),
        ]
    })
}

/// Whether a tree is in the normal form `Node` documents.
fn is_normal(node: &Node, parent_is_and: bool) -> bool {
    match node {
        Node::All | Node::Term(_) | Node::Phrase(_) | Node::Prefix(_) => true,
        Node::Not(inner) => {
            parent_is_and
                && !matches!(**inner, Node::Not(_))
                && !matches!(&**inner, Node::And(p)
                    if p.len() == 2 && p[0] == Node::All && matches!(p[1], Node::Not(_)))
                && is_normal(inner, false)
        }
        Node::And(parts) => {
            let negative = parts.iter().filter(|p| matches!(p, Node::Not(_))).count();
            let all = parts.iter().filter(|p| **p == Node::All).count();
            let anchored = if negative == parts.len() - all {
                all == 1 && parts[0] == Node::All
            } else {
                all == 0
            };
            parts.len() >= 2
                && anchored
                && parts
                    .iter()
                    .all(|p| !matches!(p, Node::And(_)) && is_normal(p, true))
        }
        Node::Or(children) => {
            children.len() >= 2
                && children
                    .iter()
                    .all(|c| !matches!(c, Node::Or(_) | Node::All) && is_normal(c, false))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_never_panic(input in any::<String>()) {
        check_fixed_point(&input);
    }

    #[test]
    fn query_like_strings_parse_to_normal_trees_and_print_back(input in query_like()) {
        if let Ok(node) = parse(&input) {
            prop_assert!(is_normal(&node, false), "{input:?} gave {node:?}");
        }
        check_fixed_point(&input);
    }

    #[test]
    fn generated_trees_print_and_parse_back(node in tree()) {
        prop_assert!(is_normal(&node, false), "{node:?}");
        let printed = node.to_string();
        let limits = Limits {
            max_bytes: usize::MAX,
            max_depth: Limits::DEPTH_CEILING,
            max_leaves: usize::MAX,
            min_prefix_chars: 2,
        };
        prop_assert_eq!(parse_with(&printed, &limits), Ok(node), "printed {:?}", printed);
    }
}

#[test]
fn the_normal_form_check_can_fail() {
    let a = Node::term(None, "a");
    let not_a = Node::Not(Box::new(a.clone()));
    assert!(!is_normal(&Node::And(vec![a.clone()]), false));
    assert!(!is_normal(&Node::And(vec![not_a.clone()]), false));
    assert!(!is_normal(&Node::And(vec![Node::All, a.clone()]), false));
    assert!(!is_normal(&not_a, false));
    assert!(!is_normal(&Node::Or(vec![a.clone(), Node::All]), false));
    let double = Node::Not(Box::new(Node::And(vec![Node::All, not_a.clone()])));
    assert!(!is_normal(&Node::And(vec![a.clone(), double]), false));
    assert!(is_normal(&Node::And(vec![Node::All, not_a]), false));
}
