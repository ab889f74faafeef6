//! Quotations and attributions: the specimen's seven, every quotation-mark
//! style, the attribution patterns, offsets under proptest, bad input,
//! and (when the corpus is there) PolNeAR dev.

use dateline_analyze::ner::Tagger;
use dateline_analyze::quotes::{self, marks};
use dateline_analyze::tokenize;
use dateline_model::{Quote, QuoteKind};
use proptest::prelude::*;
use std::path::PathBuf;

const SPECIMEN: &str = include_str!("../../../tests/fixtures/ria-novosti-2014-10-08.txt");

/// The specimen's article text: the seven paragraphs from the dateline's,
/// with the dateline cut (as extraction gives it), one blank line apart.
fn specimen_body() -> String {
    let start = SPECIMEN
        .find("MOSCOW, October 8 (RIA Novosti) – ")
        .expect("the fixture has its dateline");
    let body = &SPECIMEN[start + "MOSCOW, October 8 (RIA Novosti) – ".len()..];
    let paras: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take(7)
        .collect();
    paras.join("\n\n")
}

fn find(text: &str) -> Vec<Quote> {
    quotes::find_in_text(text)
}

/// Quotes without the entity tagger: patterns and marks alone.
fn find_plain(text: &str) -> Vec<Quote> {
    let toks = tokenize::tokens(text);
    let sents = tokenize::split_sentences(text, &toks);
    quotes::find(text, &toks, &sents, &[])
}

fn check_offsets(text: &str, qs: &[Quote]) {
    for q in qs {
        assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert_eq!(&text[q.start..q.end], q.text);
        for (span, written) in [(q.cue_span, &q.cue), (q.speaker_span, &q.speaker_text)] {
            if let Some(s) = span {
                assert!(s.start <= s.end && s.end <= text.len(), "{q:?}");
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                assert_eq!(Some(&text[s.start..s.end]), written.as_deref());
            } else {
                assert!(written.is_none());
            }
        }
    }
}

fn one<'q>(qs: &'q [Quote], begins: &str) -> &'q Quote {
    let hits: Vec<&Quote> = qs.iter().filter(|q| q.text.starts_with(begins)).collect();
    assert_eq!(hits.len(), 1, "one quote beginning {begins:?} in {qs:#?}");
    hits[0]
}

#[test]
fn specimen_quotations() {
    let text = specimen_body();
    assert!(text.starts_with("The United States has been knocking on 'all doors'"));
    assert!(text.ends_with("according to the State Department."));
    let qs = find(&text);
    check_offsets(&text, &qs);
    let expected = [
        (
            QuoteKind::Indirect,
            "said",
            "Deputy Foreign Minister Mikhail Bogdanov",
            "The United States has been knocking",
        ),
        (
            QuoteKind::Direct,
            "said",
            "the diplomat",
            "It is well known that",
        ),
        (
            QuoteKind::Direct,
            "added",
            "Bogdanov",
            "We have been involved in a fierce fight",
        ),
        (
            QuoteKind::AccordingTo,
            "According to",
            "Bogdanov",
            "Moscow insists that",
        ),
        (
            QuoteKind::Partial,
            "According to",
            "Bogdanov",
            "any such actions must be carried out",
        ),
        (
            QuoteKind::Direct,
            "stressed",
            "the diplomat",
            "We support healthy constructive",
        ),
        (
            QuoteKind::AccordingTo,
            "according to",
            "the State Department",
            "The US-led coalition is currently comprised",
        ),
    ];
    assert_eq!(qs.len(), expected.len(), "{qs:#?}");
    for (kind, cue, speaker, begins) in expected {
        let q = one(&qs, begins);
        assert_eq!(q.kind, kind, "{q:?}");
        assert_eq!(q.cue.as_deref(), Some(cue), "{q:?}");
        assert_eq!(q.speaker_text.as_deref(), Some(speaker), "{q:?}");
        assert_eq!(q.speaker, None, "no resolver given");
    }
    // Row 1 runs to "invited again"; row 2 holds the nested quotation and
    // does not end at the apostrophe of "don't" or of the nested quote.
    assert!(one(&qs, "The United States")
        .text
        .ends_with("invited again"));
    let q2 = one(&qs, "It is well known that");
    assert!(q2.text.contains("'knocking on all doors'"), "{q2:?}");
    assert!(q2.text.ends_with("under it aegis,"), "{q2:?}");
    assert!(one(&qs, "We have been involved")
        .text
        .contains("we don't need additional invitations"));
}

#[test]
fn resolver_maps_speaker_spans() {
    let text = specimen_body();
    let toks = tokenize::tokens(&text);
    let sents = tokenize::split_sentences(&text, &toks);
    let ents = Tagger::english().entities_in(&text, &toks, &sents);
    let mut resolve =
        |s: dateline_model::Span| s.of(&text).contains("Bogdanov").then(|| "e1".to_string());
    let qs = quotes::find_with(&text, &toks, &sents, &ents, &mut resolve);
    let ids: Vec<Option<&str>> = qs.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        ids.iter().filter(|i| **i == Some("e1")).count(),
        4,
        "{qs:#?}"
    );
}

#[test]
fn curly_double_quotes() {
    let text = "“We will win this election,” Smith said on Tuesday.";
    let qs = find(text);
    check_offsets(text, &qs);
    let q = one(&qs, "We will win");
    assert_eq!(q.text, "We will win this election,");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.speaker_text.as_deref(), Some("Smith"));
}

#[test]
fn straight_double_quotes_inverted_cue() {
    let text =
        "\"The economy is growing faster than expected,\" said Jane Porter, a senior economist.";
    let qs = find(text);
    let q = one(&qs, "The economy");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert!(
        q.speaker_text
            .as_deref()
            .unwrap_or("")
            .starts_with("Jane Porter"),
        "{q:?}"
    );
}

#[test]
fn curly_single_quotes_with_apostrophes() {
    let text = "‘We don’t need it, and Russia’s view won’t change,’ the minister said.";
    let qs = find(text);
    check_offsets(text, &qs);
    let q = one(&qs, "We don’t");
    assert_eq!(q.text, "We don’t need it, and Russia’s view won’t change,");
    assert_eq!(q.speaker_text.as_deref(), Some("the minister"));
}

#[test]
fn straight_single_quotes_do_not_end_at_apostrophes() {
    let text = "'Russia's role isn't over, and we won't stop,' the diplomat said.";
    let qs = find_plain(text);
    check_offsets(text, &qs);
    let q = one(&qs, "Russia's role");
    assert_eq!(q.text, "Russia's role isn't over, and we won't stop,");
    assert_eq!(q.speaker_text.as_deref(), Some("the diplomat"));
    // A word-final apostrophe with nothing open is no quotation mark.
    let text = "The Joneses' plan and the '90s boom were discussed.";
    let toks = tokenize::tokens(text);
    assert!(marks::scan(text, &toks).is_empty());
}

#[test]
fn nested_quotes_stay_inside() {
    let text = "\"He told me 'never again' and meant it,\" Jones said.";
    let qs = find_plain(text);
    check_offsets(text, &qs);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "He told me 'never again' and meant it,");
    let toks = tokenize::tokens(text);
    let spans = marks::scan(text, &toks);
    let inner: Vec<&str> = spans
        .iter()
        .filter(|s| s.depth == 1)
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(inner, ["never again"]);
}

#[test]
fn guillemets() {
    let text = "«We will not accept this ultimatum», Lavrov said.";
    let qs = find(text);
    let q = one(&qs, "We will not");
    assert_eq!(q.text, "We will not accept this ultimatum");
    assert_eq!(q.cue.as_deref(), Some("said"));
    // German order, »…«, pairs as well.
    let de = "Er sagte: »Wir schaffen das.« Dann ging er.";
    let toks = tokenize::tokens(de);
    let spans = marks::scan(de, &toks);
    assert_eq!(spans.len(), 1);
    assert_eq!(&de[spans[0].start..spans[0].end], "Wir schaffen das.");
}

#[test]
fn german_low_quotes() {
    let text = "„We can do this“, Merkel said.";
    let qs = find(text);
    let q = one(&qs, "We can do this");
    assert_eq!(q.text, "We can do this");
    assert_eq!(q.speaker_text.as_deref(), Some("Merkel"));
    let de = "„Das ist ‚sehr‘ gut“, sagte sie.";
    let toks = tokenize::tokens(de);
    let spans = marks::scan(de, &toks);
    let texts: Vec<&str> = spans.iter().map(|s| &de[s.start..s.end]).collect();
    assert_eq!(texts, ["Das ist ‚sehr‘ gut", "sehr"]);
}

#[test]
fn quote_spanning_paragraphs() {
    let text = "\"The first part of the statement goes on here.\n\n\"And the second part ends it,\" the spokesman said.\n\nThe next story.";
    let qs = find_plain(text);
    check_offsets(text, &qs);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    let q = &qs[0];
    assert!(q.text.starts_with("The first part"), "{q:?}");
    assert!(q.text.ends_with("ends it,"), "{q:?}");
    assert_eq!(q.speaker_text.as_deref(), Some("the spokesman"));
    // Without the reopening mark the open quote ends with its paragraph.
    let unclosed = "\"This quote is never closed.\n\nA new paragraph, he said, begins here.";
    let toks = tokenize::tokens(unclosed);
    let spans = marks::scan(unclosed, &toks);
    let texts: Vec<&str> = spans.iter().map(|s| &unclosed[s.start..s.end]).collect();
    assert_eq!(texts, ["This quote is never closed."]);
}

#[test]
fn continuation_after_attribution() {
    let text = "\"We are ready,\" the minister said. \"We have waited for a long time.\"";
    let qs = find_plain(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert!(qs.iter().all(|q| q.cue.as_deref() == Some("said")));
    assert!(qs
        .iter()
        .all(|q| q.speaker_text.as_deref() == Some("the minister")));
}

#[test]
fn partial_quote_inside_reported_speech() {
    let text = "The minister said the deal was \"a very good outcome for everyone\" and would be signed soon.";
    let qs = find_plain(text);
    check_offsets(text, &qs);
    let ind = one(&qs, "the deal was");
    assert_eq!(ind.kind, QuoteKind::Indirect);
    let part = one(&qs, "a very good outcome");
    assert_eq!(part.kind, QuoteKind::Partial);
    assert_eq!(part.cue.as_deref(), Some("said"));
    assert_eq!(part.speaker_text.as_deref(), Some("The minister"));
    // A two-word scare quote is not a quotation of its own.
    let scare = "Officials said the so-called 'peace plan' had failed badly.";
    let qs = find_plain(scare);
    assert_eq!(qs.len(), 1, "{qs:#?}");
}

#[test]
fn reported_speech() {
    let qs =
        find("Senator Elizabeth Warren said that the bank had misled its customers for years.");
    let q = one(&qs, "the bank had misled");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.speaker_text.as_deref(), Some("Senator Elizabeth Warren"));

    let text = "The talks will resume next month in Geneva, the spokeswoman said Wednesday.";
    let qs = find_plain(text);
    let q = one(&qs, "The talks will resume");
    assert_eq!(q.text, "The talks will resume next month in Geneva");
    assert_eq!(q.speaker_text.as_deref(), Some("the spokeswoman"));

    let text = "She told reporters on Monday that the plan was dead.";
    let qs = find_plain(text);
    let q = one(&qs, "the plan was dead");
    assert_eq!(q.cue.as_deref(), Some("told"));
    assert_eq!(q.speaker_text.as_deref(), Some("She"));

    // A cue with nothing said after it and nothing before it is no
    // attribution.
    assert!(find_plain("He said nothing.").is_empty());
}

#[test]
fn verbs_of_judging_take_the_object_after_them() {
    let text = "Senator Warren blasted the bank for its sales practices.";
    let qs = find_plain(text);
    let q = one(&qs, "the bank for");
    assert_eq!(q.cue.as_deref(), Some("blasted"));
    assert_eq!(q.speaker_text.as_deref(), Some("Senator Warren"));
    let text = "The Trump campaign called the charges unsubstantiated and fabricated.";
    let qs = find(text);
    assert_eq!(one(&qs, "the charges").cue.as_deref(), Some("called"));
    // Never the clause before them: "…, X praised." is no attribution.
    assert!(find_plain("The plan passed, the mayor praised.").is_empty());
}

#[test]
fn infinitives_and_calls_for() {
    let qs = find_plain("The company agreed to clean up the shuttered mines.");
    let q = one(&qs, "to clean up");
    assert_eq!(q.cue.as_deref(), Some("agreed"));
    let qs = find_plain("Palmieri called on Trump to stop attacking Machado.");
    let q = one(&qs, "Trump to stop");
    assert_eq!(q.speaker_text.as_deref(), Some("Palmieri"));
    // "said to reporters" is no infinitive.
    assert!(find_plain("He said to reporters.").is_empty());
}

#[test]
fn a_cue_inside_another_ones_content() {
    let text = "Clinton says she appreciated the courage of Machado through what she calls a \"war of some pretty unpleasant words.\"";
    let qs = find_plain(text);
    let outer = one(&qs, "she appreciated");
    assert_eq!(outer.cue.as_deref(), Some("says"));
    assert!(outer.text.contains("what she calls"), "{outer:?}");
    let inner = qs.iter().find(|q| q.cue.as_deref() == Some("calls"));
    assert!(inner.is_some(), "{qs:#?}");
}

#[test]
fn and_said_shares_the_sentence_subject() {
    let text = "Mr. Schultz generally supported Democrats and said he did not support Mr. Trump.";
    let qs = find(text);
    let q = one(&qs, "he did not support");
    assert_eq!(q.speaker_text.as_deref(), Some("Mr. Schultz"));
}

#[test]
fn a_title_before_the_speaker_is_not_the_quote() {
    let text = "On \u{201c}Fox News Sunday,\u{201d} Governor Mike Pence said the tweet was a joke.";
    let qs = find(text);
    let q = one(&qs, "the tweet");
    assert_eq!(q.speaker_text.as_deref(), Some("Governor Mike Pence"));
    assert_eq!(qs.len(), 1, "{qs:#?}");
    // With nothing after the cue, the capitalised quotation is what was said.
    let text = "\u{201c}Make America Great Again,\u{201d} Trump said.";
    let qs = find(text);
    assert_eq!(
        one(&qs, "Make America").speaker_text.as_deref(),
        Some("Trump")
    );
}

#[test]
fn participle_clauses() {
    let text = "Donald Trump is defending his tweets, saying it shows he would be awake at 3 a.m.";
    let qs = find(text);
    let q = one(&qs, "it shows");
    assert_eq!(q.cue.as_deref(), Some("saying"));
    assert!(q.text.ends_with("3 a.m."), "{q:?}");
    let text = "President Barack Obama responded to a mother by saying the issue was manufactured.";
    let qs = find(text);
    let q = one(&qs, "the issue was");
    assert_eq!(q.speaker_text.as_deref(), Some("President Barack Obama"));
}

#[test]
fn progressive_cues() {
    let text = "Donald Trump is telling a veterans group that the military is weak.";
    let qs = find(text);
    let q = one(&qs, "the military is weak");
    assert_eq!(q.cue.as_deref(), Some("telling"));
    assert_eq!(q.speaker_text.as_deref(), Some("Donald Trump"));
}

#[test]
fn headline_cues_in_title_case() {
    let text = "Obama Says African-American Museum Will Tell of Suffering and Delight\n\nWASHINGTON -- The museum opened.";
    let qs = find(text);
    let q = one(&qs, "African-American Museum");
    assert_eq!(q.cue.as_deref(), Some("Says"));
    assert_eq!(q.speaker_text.as_deref(), Some("Obama"));
    // A cue word inside a name is none.
    assert!(find("Officials of the United States Embassy in Beijing met.").is_empty());
}

#[test]
fn a_quoted_fragment_in_a_that_clause() {
    let text =
        "Donald Trump is telling a veterans group that the military is \"depleted\" and must grow.";
    let qs = find(text);
    let q = one(&qs, "the military is");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.cue.as_deref(), Some("telling"));
    assert_eq!(q.speaker_text.as_deref(), Some("Donald Trump"));
    assert!(q.text.ends_with("must grow"), "{q:?}");
    // "so that" reports nothing (the fragment classifier may still read
    // the scare quote as someone's word).
    let qs = find_plain("They left early so that the \"show\" could start.");
    assert!(qs.iter().all(|q| q.kind != QuoteKind::Indirect), "{qs:#?}");
}

#[test]
fn quoted_fragments_under_other_verbs() {
    // No verb of saying: the fragment classifier takes them, the content
    // runs back to the verb and on over the second quotation, the speaker
    // is the sentence's subject.
    let text = "In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country” and a “spoiled brat.”";
    let qs = find(text);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].kind, QuoteKind::Partial);
    assert_eq!(qs[0].speaker_text.as_deref(), Some("Reid"));
    assert!(qs[0].text.contains("Trump as a “human leech"), "{qs:?}");
    assert!(qs[0].text.ends_with("“spoiled brat.”"), "{qs:?}");
    check_offsets(text, &qs);

    let text = "Trump is promising lower taxes and “jobs, jobs, jobs.”";
    let qs = find(text);
    let q = one(&qs, "lower taxes");
    assert_eq!(q.cue.as_deref(), Some("promising"));
    assert_eq!(q.speaker_text.as_deref(), Some("Trump"));

    // A nickname is nobody's words; nor is the title of a film.
    assert!(find("Rep. Robert C. \"Bobby\" Scott threw open his home.").is_empty());
    assert!(find("Check out the full trailer for the documentary “13th” below.").is_empty());
}

#[test]
fn a_quotation_whose_closing_mark_is_forgotten_closes_with_its_paragraph() {
    let text = "“Trump is a candidate unlike any before,” said Baron. “His candidacy has defied all conventions.\n\nHe continued, “That’s what we intend to do.”";
    let qs = find(text);
    let q = one(&qs, "His candidacy");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.speaker_text.as_deref(), Some("Baron"));
    assert!(q.text.ends_with("conventions."), "{q:?}");
    check_offsets(text, &qs);
    // A mark inside a sentence that never closes is still no quotation.
    assert!(find_plain("The so-called “plan was never written down.").is_empty());
}

#[test]
fn a_quotation_after_a_relative_clause_continues_the_speaker() {
    let text = "''It's not going to be easy for Marco Rubio,'' said Representative Peter T. King of New York, who endorsed Mr. Rubio on Tuesday. ''There is no doubt that right now Trump is the favorite.''";
    let qs = find(text);
    let q = one(&qs, "There is no doubt");
    assert_eq!(q.cue.as_deref(), Some("said"), "{qs:#?}");
    assert!(
        q.speaker_text
            .as_deref()
            .is_some_and(|s| s.contains("Peter T. King")),
        "{q:?}"
    );
}

#[test]
fn questions_put() {
    // Put by someone unnamed: the question is the content, no speaker.
    let text =
        "When asked whether questions about his health were fair game, Sanders said they were.";
    let qs = find_plain(text);
    let q = one(&qs, "whether questions");
    assert_eq!(q.text, "whether questions about his health were fair game");
    assert_eq!(q.cue.as_deref(), Some("asked"));
    assert_eq!(q.speaker_text, None);
    assert_eq!(
        one(&qs, "they were").speaker_text.as_deref(),
        Some("Sanders")
    );
    let qs = find_plain("Asked if she believed the polls, Clinton smiled.");
    assert_eq!(one(&qs, "if she believed").cue.as_deref(), Some("Asked"));
    // Put by the subject, to an object: the question starts at its
    // wh-word, not inside it.
    let qs = find_plain("Reporters asked him how he was feeling on caucus day.");
    assert_eq!(one(&qs, "how he").text, "how he was feeling on caucus day");
}

#[test]
fn a_party_and_state_after_the_speaker() {
    let text = "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
    let qs = find(text);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(
        qs[0].speaker_text.as_deref(),
        Some("Senate Majority Leader Mitch McConnell")
    );
    assert_eq!(qs[0].kind, QuoteKind::Direct);
    let qs = find("Sen. Chuck Schumer, D-N.Y., said the bill was dead.");
    let q = one(&qs, "the bill was dead");
    assert_eq!(q.speaker_text.as_deref(), Some("Sen. Chuck Schumer"));
}

#[test]
fn labelled_lines_of_a_transcript() {
    let text = "Partial transcript as follows:\n\nWALLACE: Governor, was the tweet a good idea?\n\nPENCE: Well, look, this is serious business for the American people.\n\nNote: times are local.";
    let qs = find(text);
    let q = one(&qs, "Well, look");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.cue.as_deref(), Some(":"));
    assert_eq!(q.speaker_text.as_deref(), Some("PENCE"));
    assert!(q.text.ends_with("American people"), "{q:?}");
    // "Note:" names nobody.
    assert!(
        !qs.iter().any(|q| q.text.starts_with("times are")),
        "{qs:#?}"
    );
}

#[test]
fn clause_extents() {
    // A "that" after a verb is a relative pronoun inside what was said.
    let text = "O'Neill said officials are in possession of video that shows the explosion.";
    let qs = find(text);
    let q = one(&qs, "officials are");
    assert!(q.text.ends_with("shows the explosion"), "{q:?}");
    // A participle without a comma before it ("by adding") cuts nothing.
    let text =
        "Senators said developers had defined these areas by adding poor towns to rich ones.";
    let qs = find_plain(text);
    let q = one(&qs, "developers had");
    assert!(q.text.ends_with("to rich ones"), "{q:?}");
    // A clause between commas is no apposition: the speaker comes after.
    let text = "The losses would outstrip the gains, said Batchelder.";
    let qs = find(text);
    let q = one(&qs, "The losses");
    assert_eq!(q.speaker_text.as_deref(), Some("Batchelder"));
    // After an inverted speaker, a comma opens the speaker's apposition.
    let text = "Moves against the networks led to their removal, said Jeffrey Trimble, a senior official with the board.";
    let qs = find(text);
    let q = one(&qs, "Moves against");
    assert!(q.text.ends_with("their removal"), "{q:?}");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    // A circumstance before the clause: it opens at its subject pronoun.
    let text = "Trump said after the convention he would not accept the endorsement.";
    let qs = find(text);
    assert!(
        one(&qs, "he would not").text.ends_with("endorsement"),
        "{qs:#?}"
    );
    // "that" after a noun is relative, inside the clause said.
    let text = "Angelique Brunner said many of the examples that critics cite were wrong.";
    let qs = find(text);
    assert!(
        one(&qs, "many of the examples")
            .text
            .ends_with("were wrong"),
        "{qs:#?}"
    );
    // A relative clause inside an apposition keeps it one.
    let text = "Ann Lee, a spokeswoman for the coalition, which is made up of investors, said the program helped.";
    let qs = find(text);
    assert_eq!(
        one(&qs, "the program helped").speaker_text.as_deref(),
        Some("Ann Lee")
    );
    // A body that speaks as one.
    let text = "The officer was not wearing a recording device, police said.";
    let qs = find(text);
    assert_eq!(
        one(&qs, "The officer").speaker_text.as_deref(),
        Some("police")
    );
    // Words after a quotation, then a comma and the speaker: all said.
    let text = "\u{201c}You squeezed employees to the breaking point\u{201d} to drive up the stock price, she said.";
    let qs = find(text);
    assert!(
        one(&qs, "\u{201c}You squeezed")
            .text
            .ends_with("the stock price"),
        "{qs:#?}"
    );
    // A clause said may open with a quoted fragment.
    let text = "He said \"budget reforms\" and unpaid taxes would help finance them.";
    let qs = find(text);
    assert!(
        one(&qs, "\"budget reforms\"")
            .text
            .ends_with("finance them"),
        "{qs:#?}"
    );
}

#[test]
fn according_to() {
    let text = "According to the ministry, 40 people were injured in the blast.";
    let qs = find_plain(text);
    let q = one(&qs, "40 people were injured");
    assert_eq!(q.kind, QuoteKind::AccordingTo);
    assert_eq!(q.cue.as_deref(), Some("According to"));
    assert_eq!(q.speaker_text.as_deref(), Some("the ministry"));

    let text = "Turnout was higher than in 2012, according to election officials.";
    let qs = find_plain(text);
    let q = one(&qs, "Turnout was higher");
    assert_eq!(q.text, "Turnout was higher than in 2012");
    assert_eq!(q.speaker_text.as_deref(), Some("election officials"));

    // Sources that are no speaker-like noun phrase, and a cue inside one.
    let text = "According to early results of the exit poll conducted by Edison Research, Clinton led in Virginia.";
    let qs = find_plain(text);
    let q = one(&qs, "Clinton led");
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("early results of the exit poll conducted by Edison Research")
    );
    let text = "Her appeal was greatest among younger voters, according to polls reported by CNN.";
    let qs = find_plain(text);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker_text.as_deref(), Some("polls reported by CNN"));
    // Without a comma.
    let text = "Clinton leads Sanders by 271 pledged delegates according to a count by the AP.";
    let qs = find_plain(text);
    let q = one(&qs, "Clinton leads");
    assert_eq!(q.text, "Clinton leads Sanders by 271 pledged delegates");
    // Set off by commas mid-sentence: both sides, one cue.
    let text = "Notably absent, according to two aides, was any mention of the investigation.";
    let qs = find_plain(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].text, "Notably absent");
    assert_eq!(qs[1].text, "was any mention of the investigation");
    assert_eq!(qs[0].cue_span, qs[1].cue_span);
    // A title inside the source is nobody's quotation.
    let text =
        "The plan would cost $1.38 trillion, according to the \"Medicare for all\" document.";
    let qs = find_plain(text);
    assert_eq!(qs.len(), 1, "{qs:#?}");
}

#[test]
fn dash_signature() {
    let text = "“Trump must stop portraying Latinos as dangerous gangsters.” ― Carla Sanchez\n\nMore letters follow.";
    let qs = find(text);
    let q = one(&qs, "Trump must stop");
    assert_eq!(q.speaker_text.as_deref(), Some("Carla Sanchez"), "{q:?}");
}

#[test]
fn bad_input() {
    for text in [
        "",
        "   \n\n\t",
        "\"",
        "'",
        "“”",
        "« » „ “ ‚ ‘ ' \" ''",
        "\u{0}\u{1}\u{7f} said \"\u{202e}x\u{202c}\" 😀👍🏽 “ 💥 ” he said",
        "Путин сказал: «Мы победим», said Putin. 東京 “引用” she said.",
        "said said said according to according to , , , ' ' '",
        "\"unbalanced, he said. 'also unbalanced, she said.",
    ] {
        let qs = find(text);
        check_offsets(text, &qs);
    }
}

#[test]
fn large_inputs_finish() {
    // One 20 MB paragraph: cues, quotation marks that never balance,
    // apostrophes, emoji. No timing assertion: it must simply finish (a
    // quadratic scan would not, in any test run).
    let unit = "He said that the 'plan \"was fine, officials said, according to Reuters, 'and Jones' car 😀 ";
    let text = unit.repeat(20_000_000 / unit.len());
    let qs = find_plain(&text);
    check_offsets(&text, &qs);
    // Marks that keep opening and never close.
    let opens = "“'«„ ".repeat(2_000_000);
    let qs = find_plain(&opens);
    check_offsets(&opens, &qs);
    // Balanced quotes without end: every one is found, in order.
    let many = "\"Yes,\" he said. ".repeat(200_000);
    let qs = find_plain(&many);
    assert_eq!(qs.len(), 200_000);
    check_offsets(&many, &qs);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn offsets_are_valid(parts in proptest::collection::vec(prop_oneof![
        Just("\"".to_string()), Just("'".to_string()), Just("“".to_string()), Just("”".to_string()), Just("‘".to_string()), Just("’".to_string()), Just("«".to_string()), Just("»".to_string()),
        Just("„".to_string()), Just("‚".to_string()), Just(" ".to_string()), Just("\n".to_string()), Just("\n\n".to_string()), Just(",".to_string()), Just(".".to_string()), Just(":".to_string()),
        Just("said".to_string()), Just("according to".to_string()), Just("he".to_string()), Just("the diplomat".to_string()), Just("Bogdanov".to_string()),
        Just("don't".to_string()), Just("Russia's".to_string()), Just("😀".to_string()), Just("é".to_string()), Just("\u{0}".to_string()), Just("―".to_string()),
        "[a-zA-Z]{1,8}",
    ], 0..80)) {
        let text: String = parts.concat();
        let qs = find_plain(&text);
        check_offsets(&text, &qs);
        let toks = tokenize::tokens(&text);
        for s in marks::scan(&text, &toks) {
            prop_assert!(s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

/// PolNeAR dev, when it is there: every article runs, offsets hold, and
/// the finder finds attributions with speakers in most articles. The
/// figures themselves come from bench/quotes.py.
#[test]
fn polnear_dev_runs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/quotes/polnear/dev/text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: PolNeAR dev not found at {}", dir.display());
        return;
    };
    let mut articles = 0;
    let mut with_speakers = 0;
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let qs = find(&text);
        check_offsets(&text, &qs);
        articles += 1;
        if qs.iter().any(|q| q.speaker_text.is_some()) {
            with_speakers += 1;
        }
    }
    assert!(articles > 50, "{articles} articles");
    assert!(
        with_speakers * 10 >= articles * 8,
        "{with_speakers} of {articles}"
    );
}
