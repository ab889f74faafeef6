//! Attribution patterns: for each cue outside quotation marks, where its
//! speaker and its content are.
//!
//! - `'…,' SPEAKER said` / `'…,' said SPEAKER` — the quotation before;
//! - `SPEAKER said: '…'` — the quotation after;
//! - `SPEAKER said (that) CONTENT.` — the clause after (indirect);
//! - `CONTENT, SPEAKER said (Wednesday).` — the clause before (indirect);
//! - `According to X, CONTENT.` / `CONTENT, according to X.`;
//! - `…, saying CONTENT` — the speaker is the main clause's.
//!
//! Quoted fragments inside indirect content become partial quotes with the
//! same cue and speaker. Each cue's content stays between its neighbouring
//! cues, so the work is linear however long a sentence is.

mod candidates;

use super::cues::{self, CueKind};
pub use super::fragments::FragmentModel;
use super::marks::{self, Quoted};
use super::speaker::{self, Words};
use crate::ner::EntitySpan;
use crate::tokenize::{Sentence, Token, TokenKind};
pub use candidates::Candidate;
use dateline_model::{EntityKind, QuoteKind, Span};
use std::ops::Range;

/// One attribution before it becomes a `Quote`: token ranges for cue and
/// speaker, a byte span for the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub content: Span,
    pub kind: QuoteKind,
    pub cue: Option<Range<usize>>,
    pub speaker: Option<Range<usize>>,
}

/// How far after a cue "that" may come and still open its clause ("said
/// in an interview with RIA Novosti on Wednesday that").
const THAT_WINDOW: usize = 10;

/// Quoted fragments shorter than this (in words) inside reported speech
/// are scare quotes or titles ('all doors'), not partial quotations.
const MIN_PARTIAL_WORDS: usize = 3;

/// Unattributed quotations inherit the attribution before them only when
/// it is in the same paragraph or the one before.
const INHERIT_PARAGRAPHS: usize = 1;

/// How many tokens back a quotation may close before its speaker, when
/// the speaker has a role or an aside written after the name.
const FAR_WINDOW: usize = 14;

/// A whole-sentence quotation with no attribution near is kept (speaker
/// unknown) from this many words: shorter ones are more often titles and
/// slogans.
const MIN_UNATTRIBUTED_WORDS: usize = 5;

/// How far before a quoted fragment its "that" may be, in tokens.
const THAT_BACK: usize = 15;

/// How far back from a cue its sentence's subject is looked for, in tokens.
const SUBJECT_BACK: usize = 40;

/// How long a circumstance between a cue and its clause may be, in tokens.
const CIRCUMSTANCE_WORDS: usize = 8;

/// A quotation of at most this many capitalised words may be a title.
const MAX_TITLE_WORDS: usize = 6;

/// How far before "that" a verb of saying may stand and be its cue.
const CUE_BEFORE_THAT: usize = 5;

/// How far after a quoted fragment a "that" clause may run on, in tokens.
const THAT_CLAUSE_AFTER: usize = 30;

/// The longest source of "according to" read without a noun phrase, in
/// tokens.
const MAX_SOURCE: usize = 30;

/// A party and state tag (", R-Ky.,") is at most this many tokens.
const MAX_PARTY_TAG: usize = 5;

/// The longest question "when asked whether …," puts, in tokens.
const MAX_QUESTION: usize = 40;

/// A speaker's label before a colon at a line's start, in tokens at most.
const MAX_LABEL: usize = 6;

/// How far a labelled line's content may run, in tokens.
const MAX_LABELLED_LINE: usize = 400;

/// A dash signature ("― Carla Sanchez, Texas") is a short line.
const MAX_SIGNATURE: usize = 12;

struct Ctx<'a> {
    w: Words<'a>,
    quoted: Vec<Quoted>,
    /// Indices into `quoted` of the top-level quotations, in order.
    tops: Vec<usize>,
    /// For each token, the top-level quotation it is part of (marks
    /// included), as an index into `tops`.
    top_at: Vec<Option<u32>>,
    used: Vec<bool>,
    /// Paragraph number of each token.
    para: Vec<u32>,
    sent_start: Vec<bool>,
    /// Sentence number of each token.
    sent_of: Vec<u32>,
    out: Vec<Found>,
    /// Attributions that a later unclaimed quotation may continue:
    /// (cue token, cue, speaker).
    anchors: Vec<(usize, Range<usize>, Option<Range<usize>>)>,
    /// Top-level quotations the patterns left unattributed: the
    /// fragment classifier's candidates.
    declined: Vec<usize>,
}

pub fn attribute(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    ents: &[EntitySpan],
) -> Vec<Found> {
    let mut cx = Ctx::read(text, toks, sents, ents);
    cx.fragments(FragmentModel::english());
    cx.out
}

/// The quotations the patterns leave unattributed, with the features the
/// fragment classifier reads: its training examples.
pub fn fragment_candidates(
    text: &str,
    toks: &[Token],
    sents: &[Sentence],
    ents: &[EntitySpan],
) -> Vec<Candidate> {
    Ctx::read(text, toks, sents, ents).candidates()
}

impl<'a> Ctx<'a> {
    /// Runs the patterns over every sentence, then over the quotations
    /// they left.
    fn read(text: &'a str, toks: &'a [Token], sents: &[Sentence], ents: &'a [EntitySpan]) -> Self {
        let quoted = marks::scan(text, toks);
        let mut tops = Vec::new();
        let mut last_close: Option<usize> = None;
        for (k, q) in quoted.iter().enumerate() {
            if last_close.is_none_or(|c| q.open > c) {
                tops.push(k);
                last_close = Some(q.close);
            }
        }
        let mut top_at = vec![None; toks.len()];
        for (t, &k) in tops.iter().enumerate() {
            let q = &quoted[k];
            for slot in top_at.iter_mut().take(q.close + 1).skip(q.open) {
                *slot = u32::try_from(t).ok();
            }
        }
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0u32;
        for i in 0..toks.len() {
            if i > 0 && paragraph_break(text, toks, i) {
                p += 1;
            }
            para.push(p);
        }
        let mut sent_start = vec![false; toks.len()];
        let mut sent_of = vec![u32::MAX; toks.len()];
        for (k, s) in sents.iter().enumerate() {
            if let Some(slot) = sent_start.get_mut(s.tokens.start) {
                *slot = true;
            }
            let r = s.tokens.start.min(toks.len())..s.tokens.end.min(toks.len());
            for slot in &mut sent_of[r] {
                *slot = u32::try_from(k).unwrap_or(u32::MAX);
            }
        }
        let mut cx = Ctx {
            w: Words::new(text, toks, ents),
            used: vec![false; tops.len()],
            quoted,
            tops,
            top_at,
            para,
            sent_start,
            sent_of,
            out: Vec::new(),
            anchors: Vec::new(),
            declined: Vec::new(),
        };
        for s in sents {
            let r = s.tokens.start.min(toks.len())..s.tokens.end.min(toks.len());
            cx.sentence(r);
        }
        cx.unclaimed();
        cx
    }
}

fn paragraph_break(text: &str, toks: &[Token], i: usize) -> bool {
    match toks[i].breaks_before {
        0 => false,
        1 => {
            let prev = toks[i - 1].text(text);
            matches!(prev, "." | "!" | "?" | ":" | "…") || marks::is_mark(text, toks, i - 1)
        }
        _ => true,
    }
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.w.word(i)
    }

    /// The bytes of tokens `r`.
    fn byte_span(&self, r: Range<usize>) -> Span {
        super::span_of(self.w.toks, r)
    }

    /// The first token of `i`'s sentence, looking back no more than
    /// `back` tokens: sentences of web text can be a whole page long.
    fn sentence_start_within(&self, i: usize, back: usize) -> usize {
        let sentence = self.sent_of[i];
        let mut from = i;
        while from > i.saturating_sub(back) && self.sent_of[from - 1] == sentence {
            from -= 1;
        }
        from
    }

    /// The top-level quotation whose closing mark is token `i`.
    fn closes_at(&self, i: usize) -> Option<usize> {
        let t = (*self.top_at.get(i)?)? as usize;
        (self.quoted[self.tops[t]].close == i).then_some(t)
    }

    /// The top-level quotation whose opening mark is token `i`.
    fn opens_at(&self, i: usize) -> Option<usize> {
        let t = (*self.top_at.get(i)?)? as usize;
        (self.quoted[self.tops[t]].open == i).then_some(t)
    }

    /// A quotation closing right before token `p`: `'…' p`, `'…,' p`,
    /// `'…', p`.
    /// Only marks from `lo` on count: a quotation closing the paragraph
    /// before is not this sentence's.
    fn quote_before(&self, lo: usize, p: usize) -> Option<usize> {
        let q = p.checked_sub(1).filter(|&q| q >= lo)?;
        if let Some(t) = self.closes_at(q) {
            return Some(t);
        }
        if matches!(self.word(q), "," | "—" | "–" | "-" | "--") {
            return self.closes_at(q.checked_sub(1).filter(|&q| q >= lo)?);
        }
        None
    }

    /// A quotation closing a few words before token `p`, with no stop,
    /// colon or other quotation between ("'…,' Mr. Morgan of the Sierra
    /// Club said").
    fn quote_before_far(&self, lo: usize, p: usize) -> Option<usize> {
        let from = p.saturating_sub(FAR_WINDOW).max(lo);
        for k in (from..p).rev() {
            if let Some(t) = self.closes_at(k) {
                return Some(t);
            }
            if self.top_at[k].is_some() || matches!(self.word(k), "." | "!" | "?" | ";" | ":") {
                return None;
            }
        }
        None
    }

    /// The subject of a cue written after an apposition or an aside:
    /// "Democratic nominee Hillary Clinton, at a later press gaggle,
    /// said". Of the noun phrases before the commas, a person's name is
    /// preferred, then an organisation's, then the farthest.
    fn apposition_subject(&self, lo: usize, comma: usize) -> Option<Range<usize>> {
        let from = comma.saturating_sub(FAR_WINDOW * 2).max(lo);
        let mut candidates = Vec::new();
        let mut k = comma;
        loop {
            // A name, a comma, and an apposition ("Scott Pruitt, the
            // attorney general of Oklahoma,", "Derek Mitchell, who served
            // as ambassador,"), not a clause ("Republicans, and the
            // meeting deteriorated,", "the losses would outstrip the gains,").
            let apposition_follows = k + 1 < comma
                && !matches!(
                    self.word(k + 1).to_ascii_lowercase().as_str(),
                    "and" | "but" | "or" | "while" | "so"
                )
                && !self.has_main_verb(k + 1, comma);
            if self.word(k) == "," && k > from && apposition_follows {
                if let Some(np) = self.w.np_ending_at(from, k - 1) {
                    candidates.push(np);
                }
            }
            if k == from
                || self.top_at[k - 1].is_some()
                || matches!(self.word(k - 1), "." | "!" | "?" | ";" | ":")
            {
                break;
            }
            k -= 1;
        }
        let kind_of = |np: &Range<usize>, kind: EntityKind| {
            (np.start..np.end).any(|i| self.w.entity_kind(i) == Some(kind))
        };
        candidates
            .iter()
            .find(|np| kind_of(np, EntityKind::Person))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|np| kind_of(np, EntityKind::Organization))
            })
            .or_else(|| candidates.last())
            .cloned()
    }

    /// Whether `a..b` holds an auxiliary outside a relative clause: "the
    /// losses would outstrip the gains" is a clause, "a group, which is
    /// made up of investors," an apposition.
    fn has_main_verb(&self, a: usize, b: usize) -> bool {
        for i in a..b {
            let w = self.word(i);
            if matches!(w, "who" | "which" | "that" | "whose") {
                return false;
            }
            if cues::is_auxiliary(w) {
                return true;
            }
        }
        false
    }

    /// A quotation opening at token `p`, or after a colon or comma there.
    fn quote_after(&self, p: usize) -> Option<usize> {
        if let Some(t) = self.opens_at(p) {
            return Some(t);
        }
        if matches!(self.word(p), ":" | ",") {
            return self.opens_at(p + 1);
        }
        None
    }

    /// Back from the cue at `c` over the auxiliaries and adverbs between
    /// it and its speaker ("has also said"), no further than `lo`.
    fn skip_between(&self, lo: usize, c: usize) -> usize {
        let mut j = c;
        while j > lo && cues::is_between(&self.word(j - 1).to_ascii_lowercase()) {
            j -= 1;
        }
        j
    }

    /// Where a speaker before cue `c` ends (exclusive): past auxiliaries
    /// and adverbs ("has also said"), a bracket ("Rep. Gwen Moore
    /// (D-Wis.) said") and an age (", 45,").
    fn speaker_end(&self, lo: usize, c: usize) -> usize {
        let mut j = self.skip_between(lo, c);
        if j > lo && self.word(j - 1) == ")" {
            let from = j.saturating_sub(12).max(lo);
            if let Some(k) = (from..j - 1).rev().find(|&k| self.word(k) == "(") {
                j = k;
            }
        }
        if j >= lo + 3
            && self.word(j - 1) == ","
            && self.w.toks[j - 2].kind == TokenKind::Number
            && self.word(j - 3) == ","
        {
            j -= 3;
        }
        // A party and state (", R-Ky.,", ", D-N.Y.,").
        if j >= lo + 3 && self.word(j - 1) == "," {
            let from = j.saturating_sub(2 + MAX_PARTY_TAG).max(lo);
            if let Some(k) = (from..j - 1).rev().find(|&k| self.word(k) == ",") {
                if k + 1 < j - 1 && is_party_tag(self.word(k + 1)) {
                    j = k;
                }
            }
        }
        j
    }

    /// Whether the cue at `c` has a speaker next to it: words that are
    /// cues only sometimes ("reports", "tweets", "claims") are nouns when
    /// no subject stands before them, and then must not cut the content
    /// of the cue before them.
    fn has_speaker(&self, r: &Range<usize>, c: usize) -> bool {
        let j = self.speaker_end(r.start, c);
        if j > r.start
            && (self.w.np_ending_at(r.start, j - 1).is_some() || self.word(j - 1) == "and")
        {
            return true;
        }
        if j > r.start
            && self.word(j - 1) == ","
            && self.apposition_subject(r.start, j - 1).is_some()
        {
            return true;
        }
        c > r.start
            && (matches!(self.word(c - 1), "," | "—" | "–") || self.closes_at(c - 1).is_some())
            && self.w.np_starting_at(c + 1, r.end).is_some()
    }

    fn sentence(&mut self, r: Range<usize>) {
        self.questions_put(&r);
        let mut cue_list = Vec::new();
        let mut i = r.start;
        while i < r.end {
            if self.top_at[i].is_none() && self.w.is_word(i) {
                let next = (i + 1 < r.end).then(|| self.word(i + 1));
                if let Some((kind, len)) = cues::cue_at(&self.cue_form(&r, i), next) {
                    // "is telling", "was claiming": a progressive is finite.
                    let progressive =
                        kind == CueKind::Participle && i > r.start && cues::is_be(self.word(i - 1));
                    let kind = if progressive { CueKind::Finite } else { kind };
                    // A participle reports only as a clause of its own
                    // (", saying …"); "by adding" must not cut the content
                    // of the cue before it.
                    let bare_participle = kind == CueKind::Participle
                        && !(i > r.start && self.opens_participle(i - 1));
                    if bare_participle || (kind == CueKind::Finite && !self.has_speaker(&r, i)) {
                        i += 1;
                        continue;
                    }
                    cue_list.push((i, kind, len));
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
        let mut lo = r.start;
        let mut sentence_speaker: Option<Range<usize>> = None;
        let mut ci = 0;
        while ci < cue_list.len() {
            let (c, kind, len) = cue_list[ci];
            // A cue inside what the one before took ("according to polls
            // reported by CNN") is no cue of its own.
            if c < lo {
                ci += 1;
                continue;
            }
            let next_cue = cue_list.get(ci + 1).map_or(r.end, |n| n.0);
            // "X says she admires … what she calls '…'": the next cue is
            // inside this one's content, which runs on past it.
            let inner = (kind != CueKind::AccordingTo && next_cue < r.end)
                .then(|| self.subordinate_speaker(c + len, next_cue, kind == CueKind::Participle))
                .flatten();
            let hi = match inner {
                Some(_) => {
                    let after = cue_list.get(ci + 2).map_or(r.end, |n| n.0);
                    self.clause_end_before(c + len, after)
                }
                None => self.clause_end_before(c + len, next_cue),
            };
            let done = match kind {
                CueKind::AccordingTo => self.according_to(&r, lo, c, hi),
                CueKind::Finite => self.finite(lo, c, hi, &mut sentence_speaker),
                CueKind::Participle => self.participle(&r, c, hi, &sentence_speaker),
            };
            if let Some(end) = done {
                match inner {
                    // The inner cue still reads its own speaker and content.
                    Some(speaker) => lo = speaker.max(c + len),
                    None => {
                        lo = end.max(c + len).min(r.end);
                        if end >= r.end {
                            break;
                        }
                    }
                }
            }
            ci += 1;
        }
    }

    /// Questions put to the sentence's subject by someone unnamed: "When
    /// asked whether …, Sanders said", "Asked if she …, Clinton smiled".
    /// The content is the question, to the comma; the asker is unknown.
    fn questions_put(&mut self, r: &Range<usize>) {
        for c in r.clone() {
            let w = self.word(c);
            let opens =
                c == r.start || matches!(self.word(c - 1), "When" | "when" | "If" | "if" | ",");
            let asked = w == "asked" || (w == "Asked" && c == r.start);
            if !asked || !opens || self.top_at[c].is_some() {
                continue;
            }
            let wh = c + 1;
            if !matches!(
                self.word(wh),
                "whether" | "if" | "why" | "how" | "what" | "who"
            ) {
                continue;
            }
            let Some(comma) = (wh + 1..r.end.min(wh + 1 + MAX_QUESTION))
                .find(|&k| self.top_at[k].is_none() && self.word(k) == ",")
            else {
                continue;
            };
            if let Some(content) = self.trim(wh, comma) {
                self.out.push(Found {
                    content: self.byte_span(content),
                    kind: QuoteKind::Indirect,
                    cue: Some(c..c + 1),
                    speaker: None,
                });
            }
        }
    }

    /// The word at `i` as the cue lexicon reads it: in a headline's title
    /// case ("Obama Says Museum Will Tell …", "…, Lindsey Graham Says") a
    /// capitalised cue after a capitalised word is lower-cased; elsewhere
    /// a capitalised "Says" is a name's or a sentence's first word.
    fn cue_form(&self, r: &Range<usize>, i: usize) -> std::borrow::Cow<'_, str> {
        let w = self.word(i);
        let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        if i > r.start
            && capital(w)
            && capital(self.word(i - 1))
            && !cues::is_acronym_like(w)
            && self.w.entity_kind(i).is_none()
        {
            std::borrow::Cow::Owned(w.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(w)
        }
    }

    /// The start of the speaker of the cue at `next_cue` when that cue
    /// stands in a clause subordinate to what comes before it ("what she
    /// calls", "that he said"), so that it is part of the content of the
    /// cue before.
    fn subordinate_speaker(
        &self,
        from: usize,
        next_cue: usize,
        whole_clause: bool,
    ) -> Option<usize> {
        let e = self.skip_between(from, next_cue);
        let np = self.w.np_ending_at(from, e.checked_sub(1)?)?;
        // ", saying it shows …": the next cue's clause is all of this one's.
        if np.start == from && whole_clause {
            return Some(np.start);
        }
        let before = np.start.checked_sub(1).filter(|&b| b >= from)?;
        matches!(
            self.word(before).to_ascii_lowercase().as_str(),
            "what"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "as"
                | "because"
                | "how"
                | "why"
                | "whether"
                | "if"
        )
        .then_some(np.start)
    }

    /// Where the content after a cue must stop: before the next cue's
    /// speaker and the conjunction or comma before it.
    fn clause_end_before(&self, from: usize, next_cue: usize) -> usize {
        if next_cue >= self.w.toks.len() || next_cue <= from {
            return next_cue.max(from);
        }
        let mut e = self.skip_between(from, next_cue);
        if e > from {
            if let Some(np) = self.w.np_ending_at(from, e - 1) {
                e = np.start;
            }
        }
        while e > from && matches!(self.word(e - 1), "," | "and" | "but" | "while" | ";") {
            e -= 1;
        }
        e
    }

    fn according_to(&mut self, r: &Range<usize>, lo: usize, c: usize, hi: usize) -> Option<usize> {
        let cue = c..c + 2;
        // The source may run past the next cue: "according to polls
        // reported by CNN".
        let end = r.end;
        // The source: a speaker-like noun phrase, else whatever runs to
        // the next comma or stop ("according to early returns",
        // "according to a recent poll of Indiana voters,").
        let phrase = self.source_phrase(c + 2, end);
        let np = match self.w.np_starting_at(c + 2, end) {
            Some(np) if phrase.as_ref().is_none_or(|p| p.end <= np.end) => np,
            _ => phrase?,
        };
        // At the head of the clause ("According to X, …", "But according
        // to X, …") it governs the rest of the sentence, cues included.
        let heads = (lo..c).all(|i| {
            matches!(
                self.word(i).to_ascii_lowercase().as_str(),
                "but" | "and" | "yet" | "so" | "still" | "however" | ","
            )
        });
        if heads && self.word(np.end) == "," {
            let content = self.trim(np.end + 1, r.end)?;
            self.emit_region(content.clone(), QuoteKind::AccordingTo, cue.clone(), np);
            return Some(r.end);
        }
        // "…, according to X." — the clause before it; also without the
        // comma ("leads by 271 delegates according to a count by …").
        let set_off = c > lo && matches!(self.word(c - 1), "," | "—" | "–" | "(");
        if c > lo && (set_off || self.content_words(lo..c) >= 3) {
            if let Some(content) = self.trim(lo, c) {
                // "Notably absent, according to aides, was any mention of
                // …": set off by commas mid-sentence, it reports both sides.
                let right = (set_off && self.word(np.end) == ",")
                    .then(|| self.trim(np.end + 1, hi.min(r.end)))
                    .flatten()
                    .filter(|rg| self.content_words(rg.clone()) >= 2);
                self.emit_region(content, QuoteKind::AccordingTo, cue.clone(), np.clone());
                if let Some(rg) = right {
                    let end = rg.end;
                    self.emit_region(rg, QuoteKind::AccordingTo, cue, np);
                    return Some(end);
                }
                return Some(np.end);
            }
        }
        None
    }

    /// The words from `a` to the next comma, stop, colon, dash or closing
    /// bracket before `end`, at most [`MAX_SOURCE`] tokens: the source of
    /// "according to" when it is no speaker-like noun phrase.
    fn source_phrase(&self, a: usize, end: usize) -> Option<Range<usize>> {
        let b = (a..end.min(a + MAX_SOURCE))
            .find(|&k| {
                self.top_at[k].is_none()
                    && matches!(
                        self.word(k),
                        "," | "." | ";" | ":" | "!" | "?" | ")" | "—" | "–" | "--"
                    )
            })
            .unwrap_or(end.min(a + MAX_SOURCE));
        (b > a && self.w.is_word(a)).then_some(a..b)
    }

    fn finite(
        &mut self,
        lo: usize,
        c: usize,
        hi: usize,
        sentence_speaker: &mut Option<Range<usize>>,
    ) -> Option<usize> {
        let cue_word = self.word(c).to_string();
        let calls_for = cues::calls_for(&cue_word, self.word(c + 1));
        let clause_only = cues::content_follows(&cue_word);
        let j = self.speaker_end(lo, c);
        let left_np = if j > lo {
            self.w.np_ending_at(lo, j - 1)
        } else {
            None
        };
        // "… and says he will …": the subject of the cue before, else of
        // the sentence ("Mr. Schultz supported Democrats and said …").
        let shared = (j > lo && self.word(j - 1) == "and")
            .then(|| {
                sentence_speaker
                    .clone()
                    .or_else(|| self.w.np_starting_at(lo, j - 1))
            })
            .flatten();
        let mut is_shared = false;
        let (speaker, inverted) = match (left_np, shared) {
            (Some(np), _) => (np, false),
            // "… and says he will …": the subject of the cue before.
            (None, Some(np)) => {
                is_shared = true;
                (np, false)
            }
            (None, None)
                if j > lo
                    && self.word(j - 1) == ","
                    && self.apposition_subject(lo, j - 1).is_some() =>
            {
                // "Scott Pruitt, the attorney general of Oklahoma, said".
                (self.apposition_subject(lo, j - 1)?, false)
            }
            (None, None) => {
                // "…,' said Bogdanov." — only after a comma or a quotation.
                let after_break = c > lo
                    && (matches!(self.word(c - 1), "," | "—" | "–")
                        || self.closes_at(c - 1).is_some());
                if !after_break || clause_only {
                    return None;
                }
                // "…,' said Tuesday …" names a day, not a speaker.
                let np = self.w.np_starting_at(c + 1, hi.max(c + 1))?;
                if cues::is_time(self.word(np.start)) {
                    return None;
                }
                (np, true)
            }
        };
        let cue = c..c + 1;
        let before_at = if inverted || is_shared {
            c
        } else {
            speaker.start
        };
        let after_cue = if inverted { speaker.end } else { c + 1 };
        *sentence_speaker = Some(speaker.clone());

        // The quotation right before the speaker (or the inverted cue).
        let near = self.quote_before(lo, before_at);
        let far = near.or_else(|| {
            (!inverted && !is_shared)
                .then(|| self.quote_before_far(lo, before_at))
                .flatten()
        });
        // A title in quotation marks ("On 'Fox News Sunday,' Pence said
        // his …") is not what the speaker said when words follow the cue.
        let title_then_clause =
            |t: usize| self.is_title(t) && after_cue < hi && self.w.is_word(after_cue);
        if let Some(t) = far.filter(|&t| !self.used[t] && !title_then_clause(t)) {
            if !clause_only {
                let q = self.quoted[self.tops[t]];
                let lead = self.trim(lo, q.open);
                // "'You squeezed employees' to drive up the price, she
                // said": words after the quotation and a comma before the
                // speaker are part of what was said.
                let tail =
                    near.is_none() && before_at > q.close + 2 && self.word(before_at - 1) == ",";
                if tail {
                    if let Some(clause) =
                        self.trim(lead.as_ref().map_or(q.open, |l| l.start), before_at - 1)
                    {
                        self.emit_region(clause, QuoteKind::Indirect, cue, speaker);
                        return Some(after_cue);
                    }
                }
                match lead {
                    // "Using the tax ''is a misguided approach,'' said X":
                    // the writer's words before a fragment are part of
                    // what X is reported to say.
                    Some(l) if self.quote_kind(t) == QuoteKind::Partial => {
                        self.emit_region(l.start..q.close + 1, QuoteKind::Indirect, cue, speaker);
                    }
                    _ => self.emit_quote(t, cue.clone(), Some(speaker.clone())),
                }
                return Some(after_cue);
            }
        }
        // The clause after the cue: its object ("told reporters"), "that".
        let mut start = after_cue;
        if calls_for {
            start += 1;
        }
        if cues::takes_object(&cue_word) {
            if let Some(obj) = self.w.np_starting_at(start, hi.max(start)) {
                start = obj.end;
            }
        }
        if let Some(t) = self.quote_after(start).filter(|&t| !self.used[t]) {
            let q = self.quoted[self.tops[t]];
            if self.capital_start(q.start, q.end) {
                self.emit_quote(t, cue.clone(), Some(speaker.clone()));
                return Some(q.close + 1);
            }
        }
        let mut that = None;
        // "that" opens the clause said right after the cue or after a
        // circumstance ("said in an interview on Wednesday that"); after
        // a noun ("said many of the examples that critics cite") it is a
        // relative pronoun inside the clause.
        let first = self.word(start);
        let look =
            first == "that" || first == "," || cues::is_preposition(first) || cues::is_time(first);
        let window = if look {
            start..(start + THAT_WINDOW).min(hi)
        } else {
            start..start
        };
        for k in window {
            let w = self.word(k);
            if w == "that" {
                that = Some(k);
                break;
            }
            // "said officials are in possession of video that shows …": a
            // verb before "that" makes it a relative pronoun inside the
            // clause said, not the clause's opening.
            if !(self.w.is_word(k) || w == "," || self.w.toks[k].kind == TokenKind::Number)
                || cues::is_auxiliary(w)
            {
                break;
            }
        }
        // "said after the convention he would …": a circumstance before
        // the clause, which opens at its subject pronoun.
        let clause_start = that.map_or_else(|| self.after_circumstance(start, hi), |k| k + 1);
        // "…, said Jeffrey Trimble, a senior official with …": after an
        // inverted speaker a comma opens an apposition, not what was said.
        let apposition = inverted && self.word(start) == ",";
        let right = (!apposition).then(|| self.trim(clause_start, hi)).flatten();
        // A clause, not a circumstance: "said parents still want …", not
        // "said in an interview with RIA Novosti" or "said Wednesday".
        let substantial = right.as_ref().is_some_and(|rg| {
            that.is_some() || {
                // An opening quotation mark is skipped: "said 'budget
                // reforms' would pay for it" opens a clause too.
                let first = (rg.start..rg.end)
                    .find(|&k| !cues::is_time(self.word(k)) && self.opens_at(k).is_none());
                first.is_some_and(|k| {
                    self.w.is_word(k)
                        && (!cues::is_preposition(self.word(k)) || self.infinitive_at(&cue_word, k))
                        && self.content_words(k..rg.end) >= 2
                })
            }
        });
        // The clause before it: "CONTENT, X said." (the speaker, or the
        // inverted cue, comes after a comma or a dash).
        let left = (before_at > lo && matches!(self.word(before_at - 1), "," | "—" | "–" | "--"))
            .then(|| self.trim(lo, before_at - 1))
            .flatten();
        // A clause after the cue wins; else the clause before it (never
        // for verbs of thinking, whose content follows them).
        let choice = if substantial {
            right.map(|rg| (rg, true))
        } else {
            left.clone().filter(|_| !clause_only).map(|l| (l, false))
        };
        let (content, is_right) = choice?;
        // "The museum, Mr. Obama said, would make visitors …": a cue set
        // off by commas mid-sentence reports both sides.
        let parenthetical = is_right && !clause_only && self.word(after_cue) == ",";
        if let Some(l) = left.filter(|_| parenthetical) {
            self.emit_region(l, QuoteKind::Indirect, cue.clone(), speaker.clone());
        }
        let end = if is_right { content.end } else { after_cue };
        self.emit_region(content, QuoteKind::Indirect, cue, speaker);
        Some(end)
    }

    /// Where the clause after a cue opens when a prepositional phrase
    /// comes first ("said in an interview he would …"): at the first
    /// subject pronoun within a few words; else at `start`.
    fn after_circumstance(&self, start: usize, hi: usize) -> usize {
        if !cues::is_preposition(self.word(start)) {
            return start;
        }
        (start + 1..(start + CIRCUMSTANCE_WORDS).min(hi))
            .take_while(|&k| self.w.is_word(k) || self.w.toks[k].kind == TokenKind::Number)
            .find(|&k| matches!(self.word(k), "he" | "she" | "they" | "we" | "I" | "it"))
            .unwrap_or(start)
    }

    /// A short quotation whose words are all capitalised (small function
    /// words aside): the name of a show, a book, a slogan.
    fn is_title(&self, t: usize) -> bool {
        let q = self.quoted[self.tops[t]];
        let words: Vec<&str> = (q.open + 1..q.close)
            .filter(|&i| self.w.is_word(i))
            .map(|i| self.word(i))
            .collect();
        (2..=MAX_TITLE_WORDS).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "the" | "of" | "and" | "a" | "in" | "on" | "for" | "to")
            })
    }

    /// "to" + a verb after a cue that takes an infinitive ("agreed to
    /// clean up"), not "to" + a noun phrase ("said to reporters").
    fn infinitive_at(&self, cue_word: &str, k: usize) -> bool {
        self.word(k) == "to"
            && cues::takes_infinitive(cue_word)
            && self.w.is_word(k + 1)
            && self
                .word(k + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !speaker::is_determiner(self.word(k + 1))
    }

    /// Whether the word at `p` opens the participle clause at `p + 1` as
    /// one of the sentence's subject: ", saying …", and for the verbs of
    /// saying proper also "by saying …", "and saying …" ("by adding towns
    /// to the area" adds no words).
    fn opens_participle(&self, p: usize) -> bool {
        match self.word(p) {
            "," | "—" | "–" => true,
            "by" | "and" => cues::says_outright(self.word(p + 1)),
            _ => false,
        }
    }

    fn participle(
        &mut self,
        r: &Range<usize>,
        c: usize,
        hi: usize,
        sentence_speaker: &Option<Range<usize>>,
    ) -> Option<usize> {
        if c == 0 || !self.opens_participle(c - 1) {
            return None;
        }
        let speaker = match sentence_speaker {
            Some(s) => s.clone(),
            None => self.w.np_starting_at(r.start, c)?,
        };
        let cue = c..c + 1;
        let mut start = c + 1;
        if cues::takes_object(self.word(c)) {
            if let Some(obj) = self.w.np_starting_at(start, hi.max(start)) {
                start = obj.end;
            }
        }
        if let Some(t) = self.quote_after(start).filter(|&t| !self.used[t]) {
            let q = self.quoted[self.tops[t]];
            self.emit_quote(t, cue, Some(speaker));
            return Some(q.close + 1);
        }
        if self.word(start) == "that" {
            start += 1;
        }
        let content = self.trim(start, hi)?;
        if self.content_words(content.clone()) < 2 {
            return None;
        }
        let end = content.end;
        self.emit_region(content, QuoteKind::Indirect, cue, speaker);
        Some(end)
    }

    /// Words that say something: not circumstances ("Wednesday", "in a
    /// statement").
    fn content_words(&self, r: Range<usize>) -> usize {
        r.filter(|&i| {
            (self.w.is_word(i) || self.w.toks[i].kind == TokenKind::Number)
                && !cues::is_circumstance(self.word(i))
        })
        .count()
    }

    /// Whether the first letter or digit of `start..end` is a capital or a
    /// digit. Only the span is read: a scan to the end of the text would
    /// make many quotations quadratic.
    fn capital_start(&self, start: usize, end: usize) -> bool {
        self.w
            .text
            .get(start..end)
            .and_then(|s| s.chars().find(|c| c.is_alphanumeric()))
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    }

    /// `a..b` without leading and trailing commas, dashes, colons and
    /// final stops; `None` if nothing is left.
    fn trim(&self, mut a: usize, mut b: usize) -> Option<Range<usize>> {
        b = b.min(self.w.toks.len());
        while a < b && matches!(self.word(a), "," | ":" | ";" | "—" | "–" | "-" | "--") {
            a += 1;
        }
        while b > a
            && matches!(
                self.word(b - 1),
                "," | ":" | ";" | "—" | "–" | "-" | "--" | "." | "and" | "but"
            )
        {
            b -= 1;
        }
        (a < b).then_some(a..b)
    }

    fn quote_kind(&self, t: usize) -> QuoteKind {
        let q = self.quoted[self.tops[t]];
        let at_start = self.sent_start.get(q.open).copied().unwrap_or(false)
            || (q.open > 0 && matches!(self.word(q.open - 1), ":" | "—" | "–"));
        if at_start || self.capital_start(q.start, q.end) {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    }

    fn emit_quote(&mut self, t: usize, cue: Range<usize>, speaker: Option<Range<usize>>) {
        let q = self.quoted[self.tops[t]];
        self.used[t] = true;
        let kind = self.quote_kind(t);
        self.out.push(Found {
            content: Span::new(q.start, q.end),
            kind,
            cue: Some(cue.clone()),
            speaker: speaker.clone(),
        });
        self.anchors.push((cue.start, cue, speaker));
    }

    /// Reported content over tokens `r`; a quotation covering all of it
    /// but a word ("that") is a direct quotation instead, and longer
    /// quoted fragments inside it are partial quotations too.
    fn emit_region(
        &mut self,
        r: Range<usize>,
        kind: QuoteKind,
        cue: Range<usize>,
        speaker: Range<usize>,
    ) {
        let mut inside = Vec::new();
        let mut outside_words = 0;
        for i in r.clone() {
            match self.top_at[i] {
                Some(t) => {
                    if inside.last() != Some(&(t as usize)) {
                        inside.push(t as usize);
                    }
                }
                None => {
                    if self.w.is_word(i) {
                        outside_words += 1;
                    }
                }
            }
        }
        let free: Vec<usize> = inside.into_iter().filter(|&t| !self.used[t]).collect();
        if kind == QuoteKind::Indirect && free.len() == 1 && outside_words <= 1 {
            self.emit_quote(free[0], cue, Some(speaker));
            return;
        }
        let (Some(first), Some(last)) = (self.w.toks.get(r.start), self.w.toks.get(r.end - 1))
        else {
            return;
        };
        self.out.push(Found {
            content: Span::new(first.start, last.end.max(first.start)),
            kind,
            cue: Some(cue.clone()),
            speaker: Some(speaker.clone()),
        });
        // "'…,' said X, who endorsed Mr. Rubio on Tuesday. '…'": the
        // quotation after continues what X said, not the relative clause.
        let relative = {
            let j = self.skip_between(0, cue.start);
            j > 0 && self.word(j - 1).eq_ignore_ascii_case("who")
        };
        if !relative {
            self.anchors
                .push((cue.start, cue.clone(), Some(speaker.clone())));
        }
        for t in free {
            let q = self.quoted[self.tops[t]];
            let words = (q.open + 1..q.close).filter(|&i| self.w.is_word(i)).count();
            if words >= MIN_PARTIAL_WORDS {
                self.used[t] = true;
                self.out.push(Found {
                    content: Span::new(q.start, q.end),
                    kind: QuoteKind::Partial,
                    cue: Some(cue.clone()),
                    speaker: Some(speaker.clone()),
                });
            }
        }
    }

    /// Quotations signed with a dash: "'…' ― Sonya Herridge" (readers'
    /// letters, epigraphs): the name ends its line.
    fn dash_signed(&mut self) {
        for t in 0..self.tops.len() {
            if self.used[t] {
                continue;
            }
            let q = self.quoted[self.tops[t]];
            let d = q.close + 1;
            if !matches!(self.word(d), "―" | "—" | "–" | "--" | "-") {
                continue;
            }
            let line_end = (d + 1..(d + 1 + MAX_SIGNATURE).min(self.w.toks.len() + 1))
                .find(|&k| k == self.w.toks.len() || self.w.toks[k].breaks_before > 0);
            let Some(end) = line_end else {
                continue;
            };
            let Some(np) = self.w.np_starting_at(d + 1, end) else {
                continue;
            };
            let name_like = (np.start..np.end).any(|i| self.w.entity_kind(i).is_some());
            if !name_like {
                continue;
            }
            self.used[t] = true;
            self.out.push(Found {
                content: Span::new(q.start, q.end),
                kind: QuoteKind::Direct,
                cue: Some(d..d + 1),
                speaker: Some(np.clone()),
            });
            self.anchors.push((d, d..d + 1, Some(np)));
        }
    }

    /// Lines that begin with a speaker's label: a transcript's "PENCE:
    /// Well, look, …", a headline's "Pat Caddell: Voters Worried …". The
    /// label is a few capitalised words naming a person or organization
    /// (or in capitals); the content runs to the end of the line. Lines
    /// whose words are attributed already are left alone.
    fn colon_lines(&mut self) {
        let claimed = self.claimed_spans();
        let n = self.w.toks.len();
        for i in 0..n {
            if i > 0 && self.w.toks[i].breaks_before == 0 {
                continue;
            }
            let Some(colon) = (i + 1..(i + 1 + MAX_LABEL).min(n)).find(|&k| self.word(k) == ":")
            else {
                continue;
            };
            let label = i..colon;
            let capitalised = label.clone().all(|k| {
                let w = self.word(k);
                w == "." || (self.w.is_word(k) && w.chars().next().is_some_and(char::is_uppercase))
            });
            let named = label.clone().any(|k| {
                matches!(
                    self.w.entity_kind(k),
                    Some(EntityKind::Person | EntityKind::Organization)
                )
            }) || label
                .clone()
                .all(|k| !self.w.is_word(k) || cues::is_acronym_like(self.word(k)));
            if !capitalised || !named {
                continue;
            }
            let end = (colon + 1..(colon + 1 + MAX_LABELLED_LINE).min(n))
                .find(|&k| self.w.toks[k].breaks_before > 0)
                .unwrap_or((colon + 1 + MAX_LABELLED_LINE).min(n));
            let Some(content) = self.trim(colon + 1, end) else {
                continue;
            };
            if self.content_words(content.clone()) < 3 {
                continue;
            }
            let (start, stop) = (
                self.w.toks[content.start].start,
                self.w.toks[content.end - 1].end,
            );
            let k = claimed.partition_point(|c| c.1 <= start);
            if claimed.get(k).is_some_and(|c| c.0 < stop) {
                continue;
            }
            for t in self.top_at[content.clone()].iter().flatten() {
                self.used[*t as usize] = true;
            }
            self.out.push(Found {
                content: Span::new(start, stop),
                kind: QuoteKind::Direct,
                cue: Some(colon..colon + 1),
                speaker: Some(label.clone()),
            });
            self.anchors.push((colon, colon..colon + 1, Some(label)));
        }
    }

    /// The byte spans of the contents attributed so far, in order.
    fn claimed_spans(&self) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = self
            .out
            .iter()
            .map(|f| (f.content.start, f.content.end))
            .collect();
        spans.sort_unstable();
        spans
    }

    /// Which top-level quotations lie inside content already attributed
    /// (a short fragment inside reported speech is left unused there), or
    /// inside a speaker ("according to the 'Medicare for all' document").
    fn covered_quotes(&self) -> Vec<bool> {
        let mut spans = self.claimed_spans();
        spans.extend(
            self.out
                .iter()
                .filter_map(|f| f.speaker.clone())
                .filter(|r| !r.is_empty() && r.end <= self.w.toks.len())
                .map(|r| {
                    let s = self.byte_span(r);
                    (s.start, s.end)
                }),
        );
        spans.sort_unstable();
        let mut covered = vec![false; self.tops.len()];
        let (mut k, mut reach) = (0, 0);
        for (t, c) in covered.iter_mut().enumerate() {
            let q = self.quoted[self.tops[t]];
            while k < spans.len() && spans[k].0 < q.end {
                reach = reach.max(spans[k].1);
                k += 1;
            }
            *c = reach > q.start;
        }
        covered
    }

    /// A quoted fragment no cue claimed, in a "that" clause: "… claim that
    /// there have been 'thousands of shootings' in Chicago", "ruled that
    /// the statement was 'true'". The cue is a verb of saying just before
    /// "that", else the word before it; the speaker the sentence's first
    /// person, organization or pronoun; the clause, to the sentence's end,
    /// the content.
    fn that_clause(&self, t: usize) -> Option<Found> {
        let q = self.quoted[self.tops[t]];
        let sentence = self.sent_of[q.open];
        let lo = q.open.saturating_sub(THAT_BACK);
        let that = (lo..q.open)
            .rev()
            .take_while(|&k| self.sent_of[k] == sentence)
            .find(|&k| self.word(k) == "that")?;
        let before = that
            .checked_sub(1)
            .filter(|&c| self.sent_of[c] == sentence)?;
        let cue_word = self.word(before);
        if !self.w.is_word(before)
            || !cue_word.chars().all(|ch| ch.is_ascii_lowercase())
            || cues::is_not_a_cue_before_that(cue_word)
        {
            return None;
        }
        // A verb of saying a few words back is the cue ("is telling a
        // veterans group that"); else the word before "that".
        let c = (before.saturating_sub(CUE_BEFORE_THAT)..=before)
            .rev()
            .take_while(|&k| self.sent_of[k] == sentence)
            .find(|&k| cues::cue_at(self.word(k), None).is_some())
            .unwrap_or(before);
        let mut end = q.close + 1;
        while end < self.w.toks.len()
            && end < q.close + 1 + THAT_CLAUSE_AFTER
            && self.sent_of[end] == sentence
        {
            end += 1;
        }
        let content = self.trim(that + 1, end)?;
        // The sentence's first person, organization or pronoun: the noun
        // phrase right before the cue is as often an object ("is telling
        // a veterans group that") or a time ("Friday").
        let speaker = self
            .w
            .first_agent(self.sentence_start_within(c, SUBJECT_BACK), c);
        Some(Found {
            content: self.byte_span(content),
            kind: QuoteKind::Indirect,
            cue: Some(c..c + 1),
            speaker,
        })
    }

    /// Quotations no cue claimed: a whole-sentence quotation continues the
    /// attribution before it when that is close ("'…,' he said. '…'").
    fn unclaimed(&mut self) {
        self.dash_signed();
        self.colon_lines();
        self.anchors.sort_by_key(|a| a.0);
        let covered = self.covered_quotes();
        let mut a = 0;
        for (t, &is_covered) in covered.iter().enumerate() {
            if self.used[t] || is_covered {
                continue;
            }
            let q = self.quoted[self.tops[t]];
            while a < self.anchors.len() && self.anchors[a].0 < q.open {
                a += 1;
            }
            let kind = self.quote_kind(t);
            if kind == QuoteKind::Partial {
                if let Some(found) = self.that_clause(t) {
                    self.used[t] = true;
                    self.out.push(found);
                    continue;
                }
            }
            let words = (q.open + 1..q.close).filter(|&i| self.w.is_word(i)).count();
            if words < MIN_PARTIAL_WORDS {
                self.declined.push(t);
                continue;
            }
            // A fragment continues only the sentence of its cue ("'…,' he
            // said, but '…'"); a whole-sentence quotation, a nearby one.
            let anchor =
                a.checked_sub(1)
                    .map(|k| self.anchors[k].clone())
                    .filter(|(cue_tok, _, _)| {
                        let same_sentence = self.sent_of[q.open] == self.sent_of[*cue_tok];
                        let near = self.para[q.open] as usize
                            <= self.para[*cue_tok] as usize + INHERIT_PARAGRAPHS;
                        same_sentence || (kind == QuoteKind::Direct && near)
                    });
            let (cue, speaker) = match anchor {
                Some((_, cue, speaker)) => (Some(cue), speaker),
                // A whole-sentence quotation with no cue near is still
                // someone's words: kept, speaker unknown.
                None if kind == QuoteKind::Direct && words >= MIN_UNATTRIBUTED_WORDS => {
                    (None, None)
                }
                None => {
                    self.declined.push(t);
                    continue;
                }
            };
            self.used[t] = true;
            self.out.push(Found {
                content: Span::new(q.start, q.end),
                kind,
                cue,
                speaker,
            });
        }
    }
}

/// "R-Ky", "D-N.Y", "I-Vt": a US party letter, a hyphen, a state.
fn is_party_tag(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
}
