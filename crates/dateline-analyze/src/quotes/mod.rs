//! Quotations and attributions: who said what, with byte offsets.
//!
//! Built from what the tokenizer and the entity tagger give, with no
//! parser: quotation marks are paired first ([`marks`]), then every cue
//! outside quotation marks ([`cues`]) is read against a few attribution
//! patterns ([`attribution`]), each of which finds the speaker next to the
//! cue ([`speaker`]) and the content on the cue's side of the sentence.
//! Quotations no cue claimed inherit the attribution of the quotation
//! before them when it is close ("'…,' he said. '…'").
//!
//! Speakers come back as spans of the text (`speaker_span`,
//! `speaker_text`); mapping them to entity records is left to the caller,
//! through the resolver given to [`find_with`].

pub mod attribution;
pub mod cues;
pub mod fragments;
pub mod marks;
pub mod speaker;

use crate::ner::EntitySpan;
use crate::tokenize::{Sentence, Token};
use dateline_model::{Quote, Span};

/// The quotations and attributions of `text`, already split into `toks`
/// and `sents` by [`crate::tokenize`], with its entities (from
/// [`crate::ner::Tagger::entities_in`], or empty). Ordered by content
/// start; `speaker` is left empty.
pub fn find(text: &str, toks: &[Token], sents: &[Sentence], entities: &[EntitySpan]) -> Vec<Quote> {
    find_with(text, toks, sents, entities, &mut |_: Span| None)
}

/// As [`find`], with `resolve` mapping each speaker span to an entity id
/// (entity clustering lives elsewhere; this is where it plugs in).
pub fn find_with(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    entities: &[EntitySpan],
    resolve: &mut dyn FnMut(Span) -> Option<String>,
) -> Vec<Quote> {
    let found = attribution::attribute(text, toks, sents, entities);
    let mut out: Vec<Quote> = found
        .into_iter()
        .filter_map(|f| {
            let content = text.get(f.content.start..f.content.end)?;
            if content.trim().is_empty() {
                return None;
            }
            let cue_span = f.cue.map(|r| span_of(toks, r));
            let speaker_span = f.speaker.map(|r| span_of(toks, r));
            Some(Quote {
                start: f.content.start,
                end: f.content.end,
                text: content.to_string(),
                kind: f.kind,
                cue: cue_span.map(|s| s.of(text).to_string()),
                cue_span,
                speaker: speaker_span.and_then(&mut *resolve),
                speaker_text: speaker_span.map(|s| s.of(text).to_string()),
                speaker_span,
            })
        })
        .collect();
    out.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    out
}

/// Tokenizes `text`, tags its entities with the shipped model and finds
/// its quotations: the whole pipeline for callers that have only text.
pub fn find_in_text(text: &str) -> Vec<Quote> {
    let toks = crate::tokenize::tokens(text);
    let sents = crate::tokenize::split_sentences(text, &toks);
    let ents = crate::ner::Tagger::english().entities_in(text, &toks, &sents);
    find(text, &toks, &sents, &ents)
}

fn span_of(toks: &[Token], r: std::ops::Range<usize>) -> Span {
    let start = toks.get(r.start).map_or(0, |t| t.start);
    let end = r
        .end
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .map_or(start, |t| t.end);
    Span::new(start, end.max(start))
}
