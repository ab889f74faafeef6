//! Offsets are sound on any input, and bad input neither panics nor blows
//! up (bounded sizes; no timing assertions: a quadratic scan shows as a test
//! that takes minutes instead of a fraction of a second).

use chrono::NaiveDate;
use dateline_timex::{find, Reference, TimeExpression};
use proptest::prelude::*;

fn dct() -> Option<Reference> {
    Some(Reference::day(
        NaiveDate::from_ymd_opt(2014, 10, 8).unwrap(),
    ))
}

fn sound(text: &str, times: &[TimeExpression]) {
    let mut last_end = 0;
    for t in times {
        assert!(t.start < t.end, "{t:?}");
        assert!(t.start >= last_end, "overlap or disorder at {t:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(&text[t.start..t.end], t.text);
        assert!(!t.value.is_empty());
        last_end = t.end;
    }
}

/// Text built from time words, numbers, punctuation and odd characters, so
/// the generator reaches the rules instead of only missing them.
fn timeish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("October".to_string()),
        Just("Oct.".to_string()),
        Just("Wednesday".to_string()),
        Just("last".to_string()),
        Just("the".to_string()),
        Just("past".to_string()),
        Just("two".to_string()),
        Just("years".to_string()),
        Just("ago".to_string()),
        Just("p.m.".to_string()),
        Just("'90s".to_string()),
        Just("mid-".to_string()),
        Just("quarter".to_string()),
        Just("every".to_string()),
        Just("now".to_string()),
        Just("a".to_string()),
        Just(":".to_string()),
        Just("/".to_string()),
        Just("-".to_string()),
        Just(",".to_string()),
        Just("\n\n".to_string()),
        Just("é😀\u{0}\u{202e}".to_string()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        "[a-zA-Z0-9:./' -]{0,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn offsets_are_sound_on_time_like_text(text in timeish()) {
        sound(&text, &find(&text, dct()));
        sound(&text, &find(&text, None));
    }

    #[test]
    fn offsets_are_sound_on_any_text(text in any::<String>()) {
        sound(&text, &find(&text, dct()));
    }

    #[test]
    fn any_reference_date_is_safe(days in -300_000i32..300_000, text in timeish()) {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let d = base + chrono::Duration::days(days.into());
        sound(&text, &find(&text, Some(Reference::day(d))));
    }
}

#[test]
fn extreme_reference_dates_do_not_overflow() {
    let text = "last week, next year, two days ago, 3 centuries ago, next quarter, Wednesday, the 1990s, October 8, tomorrow";
    for d in [NaiveDate::MIN, NaiveDate::MAX] {
        sound(text, &find(text, Some(Reference::day(d))));
    }
}

#[test]
fn empty_and_blank() {
    assert!(find("", dct()).is_empty());
    assert!(find(" \n\n\t ", dct()).is_empty());
}

#[test]
fn control_characters_emoji_and_mixed_scripts() {
    let text = "\u{0}\u{7}October\u{1b} 8, 2014 😀 В среду 2014 年 10 月 8 日 الأربعاء Wednesday\u{202e} last week";
    let times = find(text, dct());
    sound(text, &times);
    let texts: Vec<_> = times.iter().map(|t| t.text.as_str()).collect();
    assert!(texts.contains(&"Wednesday"), "{texts:?}");
    assert!(texts.contains(&"last week"), "{texts:?}");
}

#[test]
fn long_digit_runs() {
    let text = format!("{} 2014 {}", "9".repeat(100_000), "1:".repeat(50_000));
    sound(&text, &find(&text, dct()));
}

#[test]
fn a_twenty_megabyte_paragraph() {
    // One paragraph, no blank line: chunking must still bound the work.
    let sentence = "The talks, held on Wednesday, October 8, 2014 at 4:20 p.m., lasted three hours and resume next week. ";
    let text = sentence.repeat(20_000_000 / sentence.len());
    let times = find(&text, dct());
    sound(&text, &times);
    // Nearly every sentence yields its four expressions; a few may be cut
    // at chunk boundaries.
    let per = 4;
    let sentences = text.len() / sentence.len();
    assert!(
        times.len() > sentences * per * 99 / 100,
        "{} of {}",
        times.len(),
        sentences * per
    );
}

#[test]
fn a_twenty_megabyte_run_without_spaces() {
    let text = "a".repeat(20_000_000);
    assert!(find(&text, dct()).is_empty());
    let text = "😀".repeat(5_000_000);
    assert!(find(&text, dct()).is_empty());
}
