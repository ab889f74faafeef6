//! Named entities: a left-to-right averaged-perceptron tagger over BILOU
//! labels, trained by this repository on CoNLL-2003 (see [`train`]), with
//! the model shipped in `model/english.ner.gz`.
//!
//! The previous labels and the document's prediction history are features,
//! so decoding goes left to right; a narrow beam ([`decode`]) rather than
//! greedy choice lets a later word revise an earlier label, and the tagger
//! stays linear in the text.

pub mod clusters;
mod decode;
pub mod features;
pub mod labels;
pub mod model;
pub mod train;

use crate::tokenize::{self, Sentence, Token, TokenKind};
use dateline_model::EntityKind;
use decode::Decoder;
use features::{DocCase, FirstPass, History, Resources, Scorer, SentenceFeatures};
pub use labels::Label;
use labels::N_LABELS;
pub use model::{Model, ModelError, Weights};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// The shipped English model (CoNLL-2003 types: PER, ORG, LOC, MISC).
static ENGLISH: &[u8] = include_bytes!("../../model/english.ner.gz");

/// Sentences longer than this are tagged in pieces, so memory stays
/// bounded on text without sentence breaks (a 20 MB paragraph). CoNLL's
/// longest sentence has 124 tokens.
const MAX_TOKENS: usize = 250;

/// Paths the decoder keeps at each token (see [`decode`]): four gain
/// 0.005 F1 on dev over greedy decoding; eight, no more.
const BEAM: usize = 4;

/// Paths further than this behind the best (in weight units; a typical
/// token's best label leads by tens) are dropped: on dev this costs under
/// 0.001 F1 and keeps the beam's cost to a few percent.
const BEAM_MARGIN: f32 = 25.0;

/// A loaded model, ready to tag.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
}

/// A named entity found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan {
    /// Byte range of the name in the text.
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// The tokens it covers (indices into the token list).
    pub tokens: Range<usize>,
}

impl Tagger {
    /// The shipped model, loaded once on first use.
    pub fn english() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            // The embedded bytes are checked by the crate's tests; a broken
            // build artefact is a bug, not an input error.
            Tagger::from_bytes(ENGLISH).expect("the embedded NER model is valid")
        })
    }

    /// A model written by `dateline train ner`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger::from_model(Model::from_bytes(bytes)?))
    }

    pub fn from_model(model: Model) -> Tagger {
        Tagger { model }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags one sentence of words on its own.
    pub fn tag_sentence<S: AsRef<str>>(&self, words: &[S]) -> Vec<Label> {
        let doc = [words.iter().map(|w| w.as_ref()).collect::<Vec<&str>>()];
        self.tag_document(&doc).pop().unwrap_or_default()
    }

    /// Tags the sentences of one document in order, each one informed by
    /// how the same words were tagged earlier in the document (and, with a
    /// two-pass model, by a first pass over all of it).
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Label>> {
        // Long sentences in pieces (see MAX_TOKENS).
        let pieces: Vec<Vec<&str>> = sentences
            .iter()
            .flat_map(|s| s.chunks(MAX_TOKENS))
            .map(|c| c.iter().map(|w| w.as_ref()).collect())
            .collect();
        let (first, recorded) = tag_pieces(&self.model, &self.model.weights, &pieces, None);
        let tagged = if self.model.second.is_empty() {
            first
        } else {
            tag_pieces(
                &self.model,
                &self.model.second,
                &pieces,
                Some((&first, &recorded)),
            )
            .0
        };
        // Pieces back into sentences.
        let mut tagged = tagged.into_iter();
        sentences
            .iter()
            .map(|s| {
                let mut labels = Vec::with_capacity(s.len());
                for _ in 0..s.len().div_ceil(MAX_TOKENS) {
                    labels.extend(tagged.next().unwrap_or_default());
                }
                labels
            })
            .collect()
    }

    /// Tokenizes `text`, splits it into sentences and tags it as one
    /// document; the entities with byte offsets into `text`.
    pub fn entities(&self, text: &str) -> Vec<EntitySpan> {
        let toks = tokenize::tokens(text);
        let sents = tokenize::split_sentences(text, &toks);
        self.entities_in(text, &toks, &sents)
    }

    /// The entities of already tokenized text.
    pub fn entities_in(&self, text: &str, toks: &[Token], sents: &[Sentence]) -> Vec<EntitySpan> {
        let words: Vec<Vec<Cow<str>>> = sents
            .iter()
            .map(|s| {
                toks.get(s.tokens.clone())
                    .unwrap_or_default()
                    .iter()
                    .map(|t| tagger_word(t.text(text)))
                    .collect()
            })
            .collect();
        let labels = self.tag_document(&words);
        let mut out = Vec::new();
        for (s, l) in sents.iter().zip(&labels) {
            out.extend(entity_spans(text, toks, s, l));
        }
        out
    }
}

/// How the tagger sees a token of running text: as CoNLL-2003 wrote it.
/// CoNLL splits the possessive ("Russia 's") and uses straight quotes.
pub fn tagger_word(word: &str) -> Cow<'_, str> {
    let w = strip_possessive(word);
    if w.contains(['’', '‘', '“', '”', '«', '»', '„']) {
        let s: String = w
            .chars()
            .map(|c| match c {
                '’' | '‘' => '\'',
                '“' | '”' | '«' | '»' | '„' => '"',
                c => c,
            })
            .collect();
        Cow::Owned(s)
    } else {
        Cow::Borrowed(w)
    }
}

/// "Russia's" → "Russia"; other words unchanged.
fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().next_back().is_some_and(|c| c.is_alphabetic()) {
                return stem;
            }
        }
    }
    word
}

/// The entities of one tagged sentence, as byte spans of `text`. A name's
/// possessive ending is not part of it ("Russia's" → "Russia").
pub fn entity_spans(
    text: &str,
    toks: &[Token],
    sentence: &Sentence,
    labels: &[Label],
) -> Vec<EntitySpan> {
    let base = sentence.tokens.start;
    labels::entities(labels)
        .into_iter()
        .filter_map(|(r, k)| {
            let first = toks.get(base + r.start)?;
            let last = toks.get(base + r.end - 1)?;
            let last_text = last.text(text);
            let trimmed = if last.kind == TokenKind::Word {
                last_text.len() - strip_possessive(last_text).len()
            } else {
                0
            };
            Some(EntitySpan {
                start: first.start,
                end: last.end - trimmed,
                kind: labels::entity_kind(k),
                tokens: base + r.start..base + r.end,
            })
        })
        .collect()
}

/// One pass over a document's pieces with `scorer`; `first` is the first
/// pass's labels and what they recorded when this is the second. Returns
/// this pass's labels and their record.
pub(crate) fn tag_pieces(
    model: &Model,
    scorer: &Weights,
    pieces: &[Vec<&str>],
    first: Option<(&[Vec<Label>], &FirstPass)>,
) -> (Vec<Vec<Label>>, FirstPass) {
    let res = Resources {
        lexicon: &model.lexicon,
        gazetteer: &model.gazetteer,
        groups: model.groups,
    };
    let doc = DocCase::new(pieces);
    let mut sf = SentenceFeatures::default();
    // What this pass finds, for a pass after it: recorded as it goes, so
    // no sentence's features are computed twice.
    let mut recorded = FirstPass::default();
    let mut history = History::default();
    let mut feats = Vec::new();
    let mut statics: Vec<[f32; N_LABELS]> = Vec::new();
    let mut decoder = Decoder::default();
    // Scores are sums of quantised weights.
    let margin = BEAM_MARGIN / scorer.scale;
    let mut out = Vec::with_capacity(pieces.len());
    for (p, words) in pieces.iter().enumerate() {
        features::sentence(words, &res, Some(&doc), &mut sf);
        statics.clear();
        for (i, t) in sf.infos.iter().enumerate() {
            feats.clear();
            feats.extend_from_slice(sf.of(i));
            features::history(i, t, &history, res.groups, &mut feats);
            if let Some((labels, fp)) = first {
                if let Some(f) = labels.get(p) {
                    features::second_pass(i, &sf.infos, f, fp, &mut feats);
                }
            }
            let mut scores = [0f32; N_LABELS];
            scorer.add(&feats, &mut scores);
            statics.push(scores);
        }
        let labels = decoder.decode(scorer, &sf.infos, &statics, res.groups, BEAM, margin);
        history.record(&sf.infos, &labels);
        recorded.record(&sf.infos, &labels);
        out.push(labels);
    }
    (out, recorded)
}
