//! Every syntax rule of the query language, as the exact tree it parses to.

use dateline_query::{parse, parse_with, Field, Limits, Node};

fn t(text: &str) -> Node {
    Node::term(None, text)
}

fn ft(field: Field, text: &str) -> Node {
    Node::term(Some(field), text)
}

fn not(node: Node) -> Node {
    Node::Not(Box::new(node))
}

fn ok(input: &str) -> Node {
    match parse(input) {
        Ok(node) => node,
        Err(e) => panic!("{input:?}: {e}"),
    }
}

#[test]
fn empty_queries_and_a_lone_star_match_everything() {
    for input in ["", "   ", "\t\n", "*", " * ", "(*)", "* *", "+*"] {
        assert_eq!(ok(input), Node::All, "{input:?}");
    }
}

#[test]
fn words_are_combined_by_implicit_and() {
    assert_eq!(ok("coalition"), t("coalition"));
    let abc = Node::And(vec![t("a"), t("b"), t("c")]);
    assert_eq!(ok("a b c"), abc);
    assert_eq!(ok("  a\tb\n c  "), abc);
    // A no-break space (pasted from a web page) separates words too.
    assert_eq!(ok("a\u{a0}b c"), abc);
    assert_eq!(ok("a AND b AND c"), abc);
    assert_eq!(ok("a AND b c"), abc);
}

#[test]
fn only_upper_case_operators_are_operators() {
    assert_eq!(ok("a and b"), Node::And(vec![t("a"), t("and"), t("b")]));
    assert_eq!(ok("a or b"), Node::And(vec![t("a"), t("or"), t("b")]));
    assert_eq!(ok("not a"), Node::And(vec![t("not"), t("a")]));
    assert_eq!(ok("a Or b"), Node::And(vec![t("a"), t("Or"), t("b")]));
    // Longer words that start like an operator are words.
    assert_eq!(
        ok("ANDY ORBAN NOTE"),
        Node::And(vec![t("ANDY"), t("ORBAN"), t("NOTE")])
    );
}

#[test]
fn or_binds_looser_than_and() {
    let ab_or_c = Node::Or(vec![Node::And(vec![t("a"), t("b")]), t("c")]);
    assert_eq!(ok("a b OR c"), ab_or_c);
    assert_eq!(ok("a AND b OR c"), ab_or_c);
    assert_eq!(ok("(a b) OR c"), ab_or_c);
    assert_eq!(
        ok("a OR b c"),
        Node::Or(vec![t("a"), Node::And(vec![t("b"), t("c")])])
    );
    assert_eq!(
        ok("a b OR c d"),
        Node::Or(vec![
            Node::And(vec![t("a"), t("b")]),
            Node::And(vec![t("c"), t("d")])
        ])
    );
    assert_eq!(ok("a OR b OR c"), Node::Or(vec![t("a"), t("b"), t("c")]));
}

#[test]
fn parentheses_group() {
    assert_eq!(
        ok("(a OR b) c"),
        Node::And(vec![Node::Or(vec![t("a"), t("b")]), t("c")])
    );
    assert_eq!(
        ok("a (b OR (c d))"),
        Node::And(vec![
            t("a"),
            Node::Or(vec![t("b"), Node::And(vec![t("c"), t("d")])])
        ])
    );
    // A parenthesis ends a word, and needs no space around it.
    assert_eq!(
        ok("a(b OR c)d"),
        Node::And(vec![t("a"), Node::Or(vec![t("b"), t("c")]), t("d")])
    );
}

#[test]
fn nested_ands_and_ors_are_flattened() {
    assert_eq!(ok("a (b c)"), Node::And(vec![t("a"), t("b"), t("c")]));
    assert_eq!(ok("((a))"), t("a"));
    assert_eq!(ok("a OR (b OR c)"), Node::Or(vec![t("a"), t("b"), t("c")]));
    assert_eq!(
        ok("(a b) (c d)"),
        Node::And(vec![t("a"), t("b"), t("c"), t("d")])
    );
}

#[test]
fn star_beside_other_things() {
    // Beside positive terms, `*` adds nothing; in an OR it takes over.
    assert_eq!(ok("a * b"), Node::And(vec![t("a"), t("b")]));
    assert_eq!(ok("a OR *"), Node::All);
    assert_eq!(ok("* -a"), Node::And(vec![Node::All, not(t("a"))]));
    assert_eq!(ok("-*"), Node::And(vec![Node::All, not(Node::All)]));
}

#[test]
fn negation_with_not_and_minus() {
    let not_x = Node::And(vec![Node::All, not(t("x"))]);
    assert_eq!(ok("NOT x"), not_x);
    assert_eq!(ok("-x"), not_x);
    assert_eq!(ok("(-x)"), not_x);
    assert_eq!(ok("a NOT b"), Node::And(vec![t("a"), not(t("b"))]));
    assert_eq!(ok("a AND NOT b"), Node::And(vec![t("a"), not(t("b"))]));
    assert_eq!(ok("a -b"), Node::And(vec![t("a"), not(t("b"))]));
    assert_eq!(ok("-b a"), Node::And(vec![not(t("b")), t("a")]));
    assert_eq!(
        ok("-a -b"),
        Node::And(vec![Node::All, not(t("a")), not(t("b"))])
    );
    assert_eq!(
        ok(r#"a -"b c""#),
        Node::And(vec![t("a"), not(Node::phrase(None, "b c"))])
    );
    assert_eq!(
        ok("a -(b OR c)"),
        Node::And(vec![t("a"), not(Node::Or(vec![t("b"), t("c")]))])
    );
    assert_eq!(ok("a-b"), t("a-b"));
    assert_eq!(ok("NOT(b)"), Node::And(vec![Node::All, not(t("b"))]));
}

#[test]
fn negation_binds_tighter_than_and_and_or() {
    assert_eq!(ok("NOT a b"), Node::And(vec![not(t("a")), t("b")]));
    assert_eq!(
        ok("a OR -b"),
        Node::Or(vec![t("a"), Node::And(vec![Node::All, not(t("b"))])])
    );
    assert_eq!(
        ok("NOT a OR b"),
        Node::Or(vec![Node::And(vec![Node::All, not(t("a"))]), t("b")])
    );
}

#[test]
fn double_negation_cancels() {
    for input in [
        "NOT NOT x",
        "--x",
        "-(-x)",
        "NOT -x",
        "-NOT x",
        "(NOT (NOT x))",
    ] {
        assert_eq!(ok(input), t("x"), "{input:?}");
    }
    assert_eq!(
        ok("- - -x".replace(' ', "").as_str()),
        Node::And(vec![Node::All, not(t("x"))])
    );
}

#[test]
fn plus_changes_nothing() {
    assert_eq!(ok("+a"), t("a"));
    assert_eq!(ok("+a +b"), Node::And(vec![t("a"), t("b")]));
    assert_eq!(ok("+(a OR b)"), Node::Or(vec![t("a"), t("b")]));
    assert_eq!(ok("+-a"), Node::And(vec![Node::All, not(t("a"))]));
    assert_eq!(ok("a+b"), t("a+b"));
}

#[test]
fn phrases_in_every_quote_style() {
    let p = Node::phrase(None, "knocking on all doors");
    for input in [
        "\"knocking on all doors\"",
        "“knocking on all doors”",
        "„knocking on all doors“",
        "„knocking on all doors”",
        "«knocking on all doors»",
    ] {
        assert_eq!(ok(input), p, "{input:?}");
    }
    // Spaces inside are kept as written; the backend tokenises them.
    assert_eq!(ok("« a  b »"), Node::phrase(None, " a  b "));
    // Other quote marks inside a phrase are just characters.
    assert_eq!(ok("«the “new” deal»"), Node::phrase(None, "the “new” deal"));
    assert_eq!(ok("„a \"b\" c“"), Node::phrase(None, "a \"b\" c"));
    // A quote mark ends a word and starts a phrase.
    assert_eq!(
        ok("gas\"pipe line\""),
        Node::And(vec![t("gas"), Node::phrase(None, "pipe line")])
    );
}

#[test]
fn escapes_inside_phrases() {
    assert_eq!(
        ok(r#""the \"new\" deal""#),
        Node::phrase(None, "the \"new\" deal")
    );
    assert_eq!(ok(r#""a \\ b""#), Node::phrase(None, r"a \ b"));
    assert_eq!(ok(r"«a \» b»"), Node::phrase(None, "a » b"));
    // Any other backslash is kept, so pasted paths survive.
    assert_eq!(ok(r#""C:\Users\x""#), Node::phrase(None, r"C:\Users\x"));
}

#[test]
fn fields_restrict_a_word_phrase_or_prefix() {
    assert_eq!(ok("title:coalition"), ft(Field::Title, "coalition"));
    assert_eq!(
        ok(r#"title:"foreign ministry""#),
        Node::phrase(Some(Field::Title), "foreign ministry")
    );
    assert_eq!(
        ok("title:„Außen minister“"),
        Node::phrase(Some(Field::Title), "Außen minister")
    );
    assert_eq!(
        ok("author:bogd*"),
        Node::prefix(Some(Field::Author), "bogd")
    );
    assert_eq!(
        ok("-section:sport lang:de"),
        Node::And(vec![
            not(ft(Field::Section, "sport")),
            ft(Field::Lang, "de")
        ])
    );
}

#[test]
fn field_names_are_case_insensitive_with_an_alias() {
    assert_eq!(ok("TITLE:x"), ft(Field::Title, "x"));
    assert_eq!(ok("Source:Reuters"), ft(Field::Source, "Reuters"));
    assert_eq!(ok("language:de"), ft(Field::Lang, "de"));
    assert_eq!(ok("LANG:de"), ft(Field::Lang, "de"));
    for (name, field) in [
        ("title", Field::Title),
        ("text", Field::Text),
        ("author", Field::Author),
        ("source", Field::Source),
        ("section", Field::Section),
        ("site", Field::Site),
        ("lang", Field::Lang),
        ("entity", Field::Entity),
        ("url", Field::Url),
    ] {
        assert_eq!(ok(&format!("{name}:v")), ft(field, "v"), "{name}");
    }
}

#[test]
fn a_field_value_is_taken_as_written() {
    assert_eq!(ok("title:AND"), ft(Field::Title, "AND"));
    assert_eq!(ok("title:-x"), ft(Field::Title, "-x"));
    assert_eq!(ok("title:+x"), ft(Field::Title, "+x"));
    assert_eq!(ok("title:a:b"), ft(Field::Title, "a:b"));
    assert_eq!(ok("title:source:x"), ft(Field::Title, "source:x"));
    assert_eq!(
        ok("url:https://example.com/a:b?c=d"),
        ft(Field::Url, "https://example.com/a:b?c=d")
    );
    assert_eq!(ok(r"title:\*"), ft(Field::Title, "*"));
}

#[test]
fn unknown_field_names_are_ordinary_words() {
    for word in [
        "10:30",
        "http://x.y/z",
        "re:",
        "Re:",
        "a:b:c",
        ":x",
        "x:",
        "u.s.:",
    ] {
        assert_eq!(ok(word), t(word), "{word:?}");
    }
    assert_eq!(ok("re:(x)"), Node::And(vec![t("re:"), t("x")]));
    // An escaped colon or letter makes no field.
    assert_eq!(ok(r"title\:x"), t("title:x"));
    assert_eq!(ok(r"tit\le:x"), t("title:x"));
}

#[test]
fn field_groups_apply_the_field_to_every_leaf() {
    assert_eq!(
        ok("source:(Reuters OR AFP)"),
        Node::Or(vec![ft(Field::Source, "Reuters"), ft(Field::Source, "AFP")])
    );
    assert_eq!(
        ok(r#"title:((gas OR "oil price") -Russia* ) x"#),
        Node::And(vec![
            Node::Or(vec![
                ft(Field::Title, "gas"),
                Node::phrase(Some(Field::Title), "oil price")
            ]),
            not(Node::prefix(Some(Field::Title), "Russia")),
            t("x"),
        ])
    );
    assert_eq!(
        ok("source:(-AFP)"),
        Node::And(vec![Node::All, not(ft(Field::Source, "AFP"))])
    );
    assert_eq!(
        ok("-source:(Reuters AFP)"),
        Node::And(vec![
            Node::All,
            not(Node::And(vec![
                ft(Field::Source, "Reuters"),
                ft(Field::Source, "AFP")
            ]))
        ])
    );
}

#[test]
fn prefixes_need_a_trailing_star() {
    assert_eq!(ok("bogd*"), Node::prefix(None, "bogd"));
    assert_eq!(ok("ab*"), Node::prefix(None, "ab"));
    // Characters, not bytes: "éé" is 4 bytes but 2 characters.
    assert_eq!(ok("éé*"), Node::prefix(None, "éé"));
    assert_eq!(ok("AND*"), Node::prefix(None, "AND"));
    assert_eq!(ok(r"ab\**"), Node::prefix(None, "ab*"));
    assert_eq!(ok("(ab*)"), Node::prefix(None, "ab"));
}

#[test]
fn backslash_escapes_the_next_character_in_a_word() {
    for (input, text) in [
        (r"\(", "("),
        (r"\)", ")"),
        (r#"\""#, "\""),
        (r"\:", ":"),
        (r"\*", "*"),
        (r"fo\*o", "fo*o"),
        (r"\-x", "-x"),
        (r"\+x", "+x"),
        (r"\AND", "AND"),
        (r"\\", "\\"),
        (r"a\ b", "a b"),
        (r"\“x”", "“x”"),
        (r"\x", "x"),
    ] {
        assert_eq!(ok(input), t(text), "{input:?}");
    }
}

#[test]
fn depth_counts_groups_and_negations() {
    let eight = format!("{}a{}", "(".repeat(8), ")".repeat(8));
    assert_eq!(ok(&eight), t("a"));
    assert_eq!(ok(&format!("{}a", "-".repeat(8))), t("a"));
    assert_eq!(ok("-(-(-(-(a))))"), t("a"));
    // `+` does not nest.
    assert_eq!(ok(&format!("{}a", "+".repeat(500))), t("a"));
    let deep = Limits {
        max_depth: 20,
        ..Limits::default()
    };
    let twenty = format!("{}a{}", "(".repeat(20), ")".repeat(20));
    assert_eq!(parse_with(&twenty, &deep), Ok(t("a")));
}

#[test]
fn limits_on_length_and_leaves_are_inclusive() {
    let words = vec!["w"; 64].join(" ");
    assert!(matches!(ok(&words), Node::And(v) if v.len() == 64));
    let long = "a".repeat(2048);
    assert_eq!(ok(&long), t(&long));
    let three = Limits {
        min_prefix_chars: 3,
        ..Limits::default()
    };
    assert_eq!(parse_with("abc*", &three), Ok(Node::prefix(None, "abc")));
    let zero = Limits {
        min_prefix_chars: 0,
        ..Limits::default()
    };
    assert_eq!(parse_with("a*", &zero), Ok(Node::prefix(None, "a")));
}

#[test]
fn a_long_query_parses_in_linear_time() {
    // 60,000 terms in nested groups and negations: quadratic work here
    // would take minutes, not milliseconds.
    let unit = "a -b (c OR \"d e\" OR title:(f gh*)) ";
    let input = unit.repeat(10_000);
    let limits = Limits {
        max_bytes: usize::MAX,
        max_leaves: usize::MAX,
        ..Limits::default()
    };
    let started = std::time::Instant::now();
    let node = parse_with(&input, &limits).unwrap();
    assert_eq!(node.leaves().count(), 60_000);
    let printed = node.to_string();
    assert_eq!(parse_with(&printed, &limits), Ok(node));
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
