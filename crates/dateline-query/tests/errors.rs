//! Every error: its kind, its byte offset, and the sentence an analyst sees.

use dateline_query::{parse, parse_with, Binary, ErrorKind, Field, Limits, ParseError, Unary};

fn err(input: &str) -> ParseError {
    err_with(input, &Limits::default())
}

fn err_with(input: &str, limits: &Limits) -> ParseError {
    match parse_with(input, limits) {
        Ok(node) => panic!("{input:?} parsed as {node:?}"),
        Err(e) => {
            assert!(input.is_char_boundary(e.offset), "{input:?}: {e:?}");
            assert_eq!(e.column, input[..e.offset].chars().count() + 1);
            e
        }
    }
}

/// Checks kind, offset and message of the error for `input`.
fn check(input: &str, kind: ErrorKind, offset: usize, message: &str) {
    let e = err(input);
    assert_eq!((&e.kind, e.offset), (&kind, offset), "{input:?}");
    assert_eq!(e.to_string(), message, "{input:?}");
}

#[test]
fn unclosed_parenthesis() {
    check(
        "gas (oil OR coal",
        ErrorKind::UnclosedParen,
        4,
        "unclosed parenthesis opened at column 5",
    );
    // The innermost open group is named.
    check(
        "(a (b",
        ErrorKind::UnclosedParen,
        3,
        "unclosed parenthesis opened at column 4",
    );
    check(
        "(",
        ErrorKind::UnclosedParen,
        0,
        "unclosed parenthesis opened at column 1",
    );
    check(
        "source:(a",
        ErrorKind::UnclosedParen,
        7,
        "unclosed parenthesis opened at column 8",
    );
}

#[test]
fn unexpected_close_parenthesis() {
    check(
        "(a OR b) c) d",
        ErrorKind::UnexpectedCloseParen,
        10,
        "unexpected ')' at column 11",
    );
    check(
        ")",
        ErrorKind::UnexpectedCloseParen,
        0,
        "unexpected ')' at column 1",
    );
    // The first problem in reading order wins over a later lexical one.
    check(
        ") \"ab",
        ErrorKind::UnexpectedCloseParen,
        0,
        "unexpected ')' at column 1",
    );
}

#[test]
fn empty_parentheses() {
    check(
        "gas ()",
        ErrorKind::EmptyGroup,
        4,
        "empty parentheses at column 5",
    );
    check(
        "( \t)",
        ErrorKind::EmptyGroup,
        0,
        "empty parentheses at column 1",
    );
    check(
        "title:()",
        ErrorKind::EmptyGroup,
        6,
        "empty parentheses at column 7",
    );
}

#[test]
fn unterminated_and_empty_phrases() {
    check(
        "ab \"cd ef",
        ErrorKind::UnterminatedPhrase { close: '"' },
        3,
        "unterminated phrase starting at column 4: no closing '\"'",
    );
    check(
        "«a",
        ErrorKind::UnterminatedPhrase { close: '»' },
        0,
        "unterminated phrase starting at column 1: no closing '»'",
    );
    check(
        "“a“",
        ErrorKind::UnterminatedPhrase { close: '”' },
        0,
        "unterminated phrase starting at column 1: no closing '”'",
    );
    // An escaped quote does not close the phrase.
    check(
        r#""a\""#,
        ErrorKind::UnterminatedPhrase { close: '"' },
        0,
        "unterminated phrase starting at column 1: no closing '\"'",
    );
    check(
        "a \"\"",
        ErrorKind::EmptyPhrase,
        2,
        "empty phrase at column 3",
    );
    check(
        "„  “",
        ErrorKind::EmptyPhrase,
        0,
        "empty phrase at column 1",
    );
}

#[test]
fn negation_with_nothing_after_it() {
    let not = ErrorKind::NothingAfter { op: Unary::Not };
    check(
        "gas oil NOT",
        not.clone(),
        8,
        "NOT at column 9 has nothing after it",
    );
    check(
        "(NOT) a",
        not.clone(),
        1,
        "NOT at column 2 has nothing after it",
    );
    check(
        "NOT OR a",
        not.clone(),
        0,
        "NOT at column 1 has nothing after it",
    );
    check("a AND NOT", not, 6, "NOT at column 7 has nothing after it");
    let minus = ErrorKind::NothingAfter { op: Unary::Minus };
    check(
        "-",
        minus.clone(),
        0,
        "'-' at column 1 has nothing after it",
    );
    check(
        "Biden - Trump",
        minus.clone(),
        6,
        "'-' at column 7 has nothing after it",
    );
    check(
        "(a -)",
        minus.clone(),
        3,
        "'-' at column 4 has nothing after it",
    );
    check(
        "-AND a",
        minus.clone(),
        0,
        "'-' at column 1 has nothing after it",
    );
    check("NOT -)", minus, 4, "'-' at column 5 has nothing after it");
    let plus = ErrorKind::NothingAfter { op: Unary::Plus };
    check("+ a", plus, 0, "'+' at column 1 has nothing after it");
}

#[test]
fn binary_operators_need_both_sides() {
    let or = ErrorKind::MissingOperand { op: Binary::Or };
    let and = ErrorKind::MissingOperand { op: Binary::And };
    check(
        "OR a",
        or.clone(),
        0,
        "OR at column 1 needs something on both sides",
    );
    check(
        "a OR",
        or.clone(),
        2,
        "OR at column 3 needs something on both sides",
    );
    check(
        "(a OR) b",
        or.clone(),
        3,
        "OR at column 4 needs something on both sides",
    );
    check(
        "a OR OR b",
        or.clone(),
        2,
        "OR at column 3 needs something on both sides",
    );
    check(
        "(OR a)",
        or,
        1,
        "OR at column 2 needs something on both sides",
    );
    check(
        "AND a",
        and.clone(),
        0,
        "AND at column 1 needs something on both sides",
    );
    check(
        "a AND",
        and.clone(),
        2,
        "AND at column 3 needs something on both sides",
    );
    check(
        "a AND OR b",
        and.clone(),
        2,
        "AND at column 3 needs something on both sides",
    );
    check(
        "a AND AND b",
        and.clone(),
        2,
        "AND at column 3 needs something on both sides",
    );
    check(
        "a (AND b)",
        and,
        3,
        "AND at column 4 needs something on both sides",
    );
}

#[test]
fn a_field_needs_a_value() {
    let title = ErrorKind::FieldWithoutValue {
        field: Field::Title,
    };
    check(
        "title:",
        title.clone(),
        0,
        "field 'title:' at column 1 has nothing after it",
    );
    check(
        "gas title: oil",
        title.clone(),
        4,
        "field 'title:' at column 5 has nothing after it",
    );
    check(
        "(title:)",
        title,
        1,
        "field 'title:' at column 2 has nothing after it",
    );
    // The message uses the canonical name.
    check(
        "LANGUAGE:",
        ErrorKind::FieldWithoutValue { field: Field::Lang },
        0,
        "field 'lang:' at column 1 has nothing after it",
    );
}

#[test]
fn no_field_inside_a_field_group() {
    check(
        "source:(Reuters title:x)",
        ErrorKind::FieldInFieldGroup {
            field: Field::Title,
            group: Field::Source,
        },
        16,
        "field inside a field group ('source:(… title:…)') at column 17",
    );
    check(
        "site:((a OR site:b))",
        ErrorKind::FieldInFieldGroup {
            field: Field::Site,
            group: Field::Site,
        },
        12,
        "field inside a field group ('site:(… site:…)') at column 13",
    );
}

#[test]
fn a_field_cannot_take_a_lone_star() {
    check(
        "title:*",
        ErrorKind::FieldedStar {
            field: Field::Title,
        },
        6,
        "'*' at column 7 cannot be restricted to field 'title:' ('*' alone matches all articles)",
    );
    check(
        "source:(a OR *)",
        ErrorKind::FieldedStar {
            field: Field::Source,
        },
        13,
        "'*' at column 14 cannot be restricted to field 'source:' ('*' alone matches all articles)",
    );
}

#[test]
fn prefixes_too_short() {
    check(
        "a*",
        ErrorKind::PrefixTooShort {
            prefix: "a".into(),
            min: 2,
        },
        0,
        "prefix 'a*' at column 1 is too short: at least 2 characters before '*'",
    );
    check(
        "gas title:é*",
        ErrorKind::PrefixTooShort {
            prefix: "é".into(),
            min: 2,
        },
        10,
        "prefix 'é*' at column 11 is too short: at least 2 characters before '*'",
    );
    let three = Limits {
        min_prefix_chars: 3,
        ..Limits::default()
    };
    let e = err_with("ab*", &three);
    assert_eq!(
        e.to_string(),
        "prefix 'ab*' at column 1 is too short: at least 3 characters before '*'"
    );
    // A minimum of 0 acts as 1: a field is never given an empty prefix.
    let zero = Limits {
        min_prefix_chars: 0,
        ..Limits::default()
    };
    let e = err_with("url:*", &zero);
    assert_eq!(e.kind, ErrorKind::FieldedStar { field: Field::Url });
}

#[test]
fn only_trailing_wildcards() {
    let kind = ErrorKind::WildcardNotTrailing;
    check(
        "foo*bar",
        kind.clone(),
        3,
        "'*' at column 4: only a trailing '*' is supported",
    );
    check(
        "*foo",
        kind.clone(),
        0,
        "'*' at column 1: only a trailing '*' is supported",
    );
    check(
        "ab**",
        kind.clone(),
        2,
        "'*' at column 3: only a trailing '*' is supported",
    );
    check(
        "title:a*b",
        kind.clone(),
        7,
        "'*' at column 8: only a trailing '*' is supported",
    );
    check(
        "éa*b",
        kind,
        3,
        "'*' at column 3: only a trailing '*' is supported",
    );
}

#[test]
fn a_trailing_backslash_escapes_nothing() {
    check(
        r"gas\",
        ErrorKind::DanglingEscape,
        3,
        r"'\' at column 4 has nothing after it to escape",
    );
}

#[test]
fn too_long() {
    let e = err(&"a".repeat(3000));
    assert_eq!(
        e.kind,
        ErrorKind::TooLong {
            len: 3000,
            limit: 2048
        }
    );
    assert_eq!(e.offset, 2048);
    assert_eq!(e.to_string(), "query is 3000 bytes long, limit 2048");
    // The offset stays on a char boundary: 'é' is 2 bytes, 2048 is odd here.
    let input = format!("a{}", "é".repeat(1100));
    let e = err(&input);
    assert_eq!(e.offset, 2047);
    // The length is checked before anything else.
    let e = err(&format!("){}", " ".repeat(2048)));
    assert_eq!(
        e.kind,
        ErrorKind::TooLong {
            len: 2049,
            limit: 2048
        }
    );
}

#[test]
fn too_deep() {
    let nine = format!("{}a{}", "(".repeat(9), ")".repeat(9));
    check(
        &nine,
        ErrorKind::TooDeep { limit: 8 },
        8,
        "query nests deeper than 8 levels at column 9",
    );
    // Negations count too.
    let e = err(&format!("{}a", "-".repeat(9)));
    assert_eq!((e.kind, e.offset), (ErrorKind::TooDeep { limit: 8 }, 8));
    let e = err("NOT (NOT (NOT (NOT (NOT a))))");
    assert_eq!((e.kind, e.offset), (ErrorKind::TooDeep { limit: 8 }, 20));
    // A field group is a group.
    let e = err("((((((((source:(a))))))))");
    assert_eq!((e.kind, e.offset), (ErrorKind::TooDeep { limit: 8 }, 15));
}

#[test]
fn depth_has_a_ceiling_whatever_the_limits_say() {
    let limits = Limits {
        max_depth: usize::MAX,
        max_bytes: usize::MAX,
        ..Limits::default()
    };
    let ceiling = Limits::DEPTH_CEILING;
    // Deep enough to overflow the stack if the ceiling were not there.
    for input in [
        "(".repeat(1_000_000),
        "-".repeat(1_000_000) + "a",
        "NOT ".repeat(300_000) + "a",
        "-(".repeat(500_000),
    ] {
        let e = err_with(&input, &limits);
        assert_eq!(e.kind, ErrorKind::TooDeep { limit: ceiling });
    }
}

#[test]
fn too_many_terms() {
    let words = vec!["w"; 65].join(" ");
    check(
        &words,
        ErrorKind::TooManyLeaves { limit: 64 },
        128,
        "query has more than 64 terms (term 65 is at column 129)",
    );
    // Each leaf of a field group counts.
    let limits = Limits {
        max_leaves: 2,
        ..Limits::default()
    };
    let e = err_with("source:(a OR b OR c)", &limits);
    assert_eq!(
        (e.kind, e.offset),
        (ErrorKind::TooManyLeaves { limit: 2 }, 18)
    );
    // `*` is no leaf.
    assert!(parse_with("a * b *", &limits).is_ok());
}

#[test]
fn errors_are_errors_and_display_is_the_message() {
    let e: Box<dyn std::error::Error> = Box::new(parse("(").unwrap_err());
    assert_eq!(e.to_string(), "unclosed parenthesis opened at column 1");
}
