//! The tokenizer and sentence splitter on the cases news text throws at
//! them, and properties that must hold on any input.

use dateline_analyze::tokenize::{sentences, split_sentences, tokens, TokenKind};
use proptest::prelude::*;

fn words(text: &str) -> Vec<&str> {
    tokens(text).iter().map(|t| t.text(text)).collect()
}

/// Sentences as lists of token texts.
fn split(text: &str) -> Vec<Vec<&str>> {
    let toks = tokens(text);
    split_sentences(text, &toks)
        .iter()
        .map(|s| {
            toks[s.tokens.clone()]
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect()
}

fn sentence_texts(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[test]
fn abbreviations_keep_their_period_and_do_not_end_sentences() {
    let text = "Gen. Smith met Mr. Jones on Oct. 8 at the U.S. Embassy. They talked.";
    assert_eq!(
        words(text),
        [
            "Gen.", "Smith", "met", "Mr.", "Jones", "on", "Oct.", "8", "at", "the", "U.S.",
            "Embassy", ".", "They", "talked", "."
        ]
    );
    assert_eq!(
        sentence_texts(text),
        [
            "Gen. Smith met Mr. Jones on Oct. 8 at the U.S. Embassy.",
            "They talked."
        ]
    );
}

#[test]
fn dotted_abbreviation_can_end_a_sentence() {
    let text = "Troops returned to the U.S. The war was over.";
    assert_eq!(
        sentence_texts(text),
        ["Troops returned to the U.S.", "The war was over."]
    );
    // But not before a name.
    assert_eq!(sentence_texts("The U.S. Army said so.").len(), 1);
}

#[test]
fn initials_stay_in_the_sentence() {
    let text = "J. R. Smith and George W. Bush met. Then they left.";
    assert_eq!(words(text)[..3], ["J.", "R.", "Smith"]);
    assert_eq!(
        sentence_texts(text),
        ["J. R. Smith and George W. Bush met.", "Then they left."]
    );
}

#[test]
fn numbers_keep_decimals_and_separators() {
    let text = "It cost $3.5 billion, or 1,000 times more, at 10:30 on 1996-08-22 and 08/10/2014.";
    let w = words(text);
    for n in ["3.5", "1,000", "10:30", "1996-08-22", "08/10/2014"] {
        assert!(w.contains(&n), "{n} not one token in {w:?}");
    }
    let toks = tokens(text);
    let three = toks.iter().find(|t| t.text(text) == "3.5").unwrap();
    assert_eq!(three.kind, TokenKind::Number);
    assert_eq!(sentence_texts(text).len(), 1);
}

#[test]
fn apostrophes_inside_words_stay_quotes_apart() {
    let text = "Russia's envoy doesn't say 'all doors', O'Neil’s ‘friend’ said.";
    assert_eq!(
        words(text),
        [
            "Russia's",
            "envoy",
            "doesn't",
            "say",
            "'",
            "all",
            "doors",
            "'",
            ",",
            "O'Neil’s",
            "‘",
            "friend",
            "’",
            "said",
            "."
        ]
    );
}

#[test]
fn every_quote_style_is_a_token_and_closing_quotes_end_with_the_sentence() {
    let text = "He said: “Go!” Then «they» and „sie“ and \"we\" left. 'No.' It ended.";
    let w = words(text);
    for q in ["“", "”", "«", "»", "„", "“", "\""] {
        assert!(w.contains(&q), "{q} missing from {w:?}");
    }
    assert_eq!(
        sentence_texts(text),
        [
            "He said: “Go!”",
            "Then «they» and „sie“ and \"we\" left.",
            "'No.'",
            "It ended."
        ]
    );
}

#[test]
fn brackets_after_the_period_belong_to_the_sentence() {
    let text = "He agreed (as expected.) Talks resumed [later]. Done.";
    assert_eq!(
        sentence_texts(text),
        [
            "He agreed (as expected.)",
            "Talks resumed [later].",
            "Done."
        ]
    );
}

#[test]
fn dateline_is_its_own_sentence() {
    let text = "MOSCOW, October 8 (RIA Novosti) – The United States has been knocking on doors, Deputy Foreign Minister Mikhail Bogdanov said Wednesday.";
    let s = split(text);
    assert_eq!(
        s[0],
        ["MOSCOW", ",", "October", "8", "(", "RIA", "Novosti", ")", "–"]
    );
    assert_eq!(s.len(), 2);
    assert_eq!(s[1][0], "The");
    // Wire style without the agency.
    let s = sentence_texts("WASHINGTON - Senators met on Monday.");
    assert_eq!(s, ["WASHINGTON -", "Senators met on Monday."]);
}

#[test]
fn lines_without_final_punctuation_end_sentences() {
    let text =
        "Russia Does Not Need to Be Invited\nRIA Novosti\n\nThe talks went on. Then\nthey stopped.";
    assert_eq!(
        sentence_texts(text),
        [
            "Russia Does Not Need to Be Invited",
            "RIA Novosti",
            "The talks went on.",
            "Then\nthey stopped."
        ]
    );
    // A blank line always ends a sentence, whatever follows.
    assert_eq!(sentence_texts("one two\n\nthree four").len(), 2);
}

#[test]
fn questions_and_ellipses_before_lowercase_do_not_split() {
    assert_eq!(sentence_texts("Why? asked he... and left. Fine!").len(), 2);
}

#[test]
fn offsets_are_bytes_into_the_text() {
    let text = "Привет, «мир» — 東京 😀👍🏽 café";
    for t in tokens(text) {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
    assert_eq!(
        words(text),
        [
            "Привет",
            ",",
            "«",
            "мир",
            "»",
            "—",
            "東京",
            "😀",
            "👍🏽",
            "café"
        ]
    );
}

#[test]
fn control_characters_and_empty_input() {
    assert!(tokens("").is_empty());
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\t\r\n ").is_empty());
    let text = "a\u{0}b\u{7}c\u{feff}d\u{200b}e";
    assert_eq!(words(text), ["a", "b", "c", "d", "e"]);
}

#[test]
fn a_long_paragraph_is_split_in_linear_work() {
    // 2 MB without a single sentence break: one sentence, every token.
    let text = "word ".repeat(400_000);
    let toks = tokens(&text);
    assert_eq!(toks.len(), 400_000);
    let s = split_sentences(&text, &toks);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].tokens, 0..400_000);
}

fn check_invariants(text: &str) {
    let toks = tokens(text);
    let mut last_end = 0;
    for t in &toks {
        assert!(t.start < t.end, "empty token");
        assert!(t.start >= last_end, "tokens overlap or go back");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(!text[t.start..t.end].chars().next().unwrap().is_whitespace());
        last_end = t.end;
    }
    let sents = split_sentences(text, &toks);
    let mut next = 0;
    for s in &sents {
        assert_eq!(s.tokens.start, next, "sentences skip or repeat tokens");
        assert!(s.tokens.end > s.tokens.start, "empty sentence");
        assert_eq!(s.start, toks[s.tokens.start].start);
        assert_eq!(s.end, toks[s.tokens.end - 1].end);
        next = s.tokens.end;
    }
    assert_eq!(next, toks.len(), "sentences do not cover the tokens");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_and_sentences_are_well_formed(text in "\\PC{0,200}") {
        check_invariants(&text);
    }

    #[test]
    fn news_like_text_is_well_formed(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("U.S."), Just("Gen."), Just(" "), Just("\n"), Just("\n\n"), Just("."),
                Just("'"), Just("’"), Just("«"), Just("»"), Just("“"), Just("3.5"), Just("1,000"),
                Just("Mr"), Just("don't"), Just("Russia's"), Just("("), Just(")"), Just("–"),
                Just("MOSCOW"), Just("said"), Just("😀"), Just("\u{200d}"), Just("\u{301}"), Just("!"),
                Just("?"), Just("..."), Just("-"), Just("a"), Just("B"), Just("\r"), Just("\u{0}"),
            ],
            0..60,
        )
    ) {
        check_invariants(&parts.concat());
    }
}
