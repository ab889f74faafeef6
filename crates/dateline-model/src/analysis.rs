//! What the analysis stage adds to an article: entities, quotations and
//! time expressions, each anchored by byte offsets into `Article::text` so
//! that any of them can be highlighted.

use serde::{Deserialize, Serialize};

/// Everything analysis found in one article. Absent (not empty) on an
/// article that was never analysed, so "nothing found" and "not looked"
/// stay distinct.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub times: Vec<TimeExpression>,
}

/// A byte range of `Article::text`, `start..end`, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text; empty if the span does not fit `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One real-world entity of an article, with all the ways the text names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Unique within the article (`e1`, `e2`, …); quotes refer to it.
    pub id: String,
    /// The canonical name: the fullest proper name the article uses.
    pub name: String,
    pub kind: EntityKind,
    /// Other names for it in this article (acronyms, short forms, "also known as").
    pub aliases: Vec<String>,
    /// Titles and roles attached to a person ("Deputy Foreign Minister").
    pub titles: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// The CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Misc,
}

/// One place the text refers to an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: MentionForm,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A proper name or part of one ("Mikhail Bogdanov", "Bogdanov").
    Name,
    /// An acronym or other alias ("ISIL").
    Alias,
    /// A common-noun phrase referring back ("the diplomat").
    Descriptor,
    /// A pronoun ("he"), found while resolving a speaker.
    Pronoun,
}

/// A quotation or attribution: who said what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The content's byte range in `Article::text` (without the quotation marks).
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    /// The word or phrase that marks the attribution ("said", "according to"), as written.
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// The id of the speaker's entity, when the speaker is one.
    pub speaker: Option<String>,
    /// The speaker as the text names them here ("the diplomat").
    pub speaker_text: Option<String>,
    pub speaker_span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Whole sentences inside quotation marks.
    Direct,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
    /// Reported speech: "X said that …".
    Indirect,
    /// "According to X, …".
    AccordingTo,
}

/// A time expression, normalised as a TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimeKind,
    /// TIMEX3 value: `2014-10-08`, `2014-06`, `P2D`, `PRESENT_REF`, `XXXX-WXX-3`…
    pub value: String,
    /// TIMEX3 `mod` (`BEFORE`, `AFTER`, `START`, `APPROX`…), when the text qualifies it.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "mod")]
    pub modifier: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}
