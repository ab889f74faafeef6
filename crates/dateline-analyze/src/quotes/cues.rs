//! The cue lexicon: verbs of saying (and the few of thinking and showing
//! that news uses the same way) in the forms written, and "according to".
//!
//! The list started from the verbs EMM-style quotation rules use and was
//! checked against the cues of PolNeAR train: a word is here when it is a
//! cue in most of its occurrences there and takes a reported clause or a
//! quotation. Verbs whose content is a noun phrase ("endorsed", "called",
//! "criticized") are left out: the patterns here read clauses.

/// Finite forms: the cue of "X said …" and "…, X said".
const FINITE: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "noted",
    "notes",
    "reported",
    "reports",
    "announced",
    "announces",
    "suggested",
    "suggests",
    "argued",
    "argues",
    "argue",
    "tweeted",
    "tweets",
    "explained",
    "explains",
    "acknowledged",
    "acknowledges",
    "claimed",
    "claims",
    "warned",
    "warns",
    "stated",
    "states",
    "concluded",
    "insisted",
    "insists",
    "insist",
    "replied",
    "responded",
    "recalled",
    "recalls",
    "declared",
    "declares",
    "predicted",
    "predicts",
    "confirmed",
    "confirms",
    "admitted",
    "admits",
    "denied",
    "denies",
    "complained",
    "asserted",
    "asserts",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "conceded",
    "concedes",
    "joked",
    "remarked",
    "continued",
    "revealed",
    "reveals",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "countered",
    "observed",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "believes",
    "believe",
    "thinks",
    "think",
    "thought",
    "hopes",
    "hoped",
    "fears",
    "feared",
    "estimated",
    "estimates",
    "found",
    "finds",
    "showed",
    "shows",
    "indicated",
    "indicates",
    "reiterated",
    "reiterates",
    "posted",
    "quipped",
    "pointed",
    "charged",
    "alleged",
    "alleges",
    "disclosed",
    "cautioned",
    "lamented",
    "boasted",
    "mused",
    "wondered",
    "speculated",
    "acknowledge",
    "called",
    "calls",
    "described",
    "describes",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "testified",
    "announce",
    "understands",
    "knows",
    "know",
    "agreed",
    "agrees",
];

/// Participles after a comma: "…, saying …". Their speaker is the subject
/// of the main clause.
const PARTICIPLE: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "telling",
    "arguing",
    "explaining",
    "warning",
    "insisting",
    "claiming",
    "stating",
    "writing",
    "asking",
    "suggesting",
    "acknowledging",
    "recalling",
    "stressing",
    "predicting",
    "asserting",
    "tweeting",
    "complaining",
];

/// Cues that govern an object before their clause: "told reporters that".
const TAKES_OBJECT: &[&str] = &[
    "told",
    "tells",
    "tell",
    "telling",
    "asked",
    "asks",
    "asking",
    "warned",
    "warns",
    "warning",
    "assured",
    "reminded",
    "promised",
    "promising",
];

/// How a cue stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Finite,
    Participle,
    AccordingTo,
}

/// The cue at token `i`, if the word is one, with the number of tokens it
/// spans (2 for "according to").
pub fn cue_at(word: &str, next: Option<&str>) -> Option<(CueKind, usize)> {
    if word.eq_ignore_ascii_case("according") && next.is_some_and(|n| n == "to") {
        return Some((CueKind::AccordingTo, 2));
    }
    // Cues are lowercase in running text; a capitalised "Says" is a
    // headline's or a name's.
    if word.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    if FINITE.contains(&word) {
        return Some((CueKind::Finite, 1));
    }
    if PARTICIPLE.contains(&word) {
        return Some((CueKind::Participle, 1));
    }
    None
}

pub fn takes_object(word: &str) -> bool {
    TAKES_OBJECT.contains(&word)
}

/// Verbs of thinking and showing: cues only with a clause after them
/// ("she believes that …", "polls show Clinton ahead"), never after one.
pub fn needs_clause_after(word: &str) -> bool {
    matches!(
        word,
        "believes"
            | "believe"
            | "thinks"
            | "think"
            | "thought"
            | "hopes"
            | "hoped"
            | "fears"
            | "feared"
            | "found"
            | "finds"
            | "showed"
            | "shows"
            | "knows"
            | "know"
            | "understands"
            | "agreed"
            | "agrees"
            | "estimated"
            | "estimates"
            | "indicated"
            | "indicates"
            | "pointed"
            | "continued"
    )
}

/// Words that may stand between a speaker and the cue: auxiliaries and
/// adverbs ("has also said", "later told").
pub fn is_between(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "previously"
            | "recently"
            | "once"
            | "repeatedly"
            | "again"
            | "further"
            | "would"
            | "will"
            | "reportedly"
            | "publicly"
            | "privately"
            | "simply"
            | "flatly"
            | "quickly"
            | "often"
            | "long"
            | "frequently"
            | "already"
            | "earlier"
            | "separately"
            | "subsequently"
            | "first"
            | "just"
            | "even"
            | "only"
            | "always"
            | "still"
            | "now"
            | "may"
            | "might"
            | "could"
            | "can"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

/// Words after a cue that say when or how rather than what: skipped
/// before the content, and not content when nothing else follows
/// ("…, Bogdanov said Wednesday.").
pub fn is_circumstance(word: &str) -> bool {
    is_day(word)
        || matches!(
            word,
            "on" | "in"
                | "at"
                | "during"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "recently"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "a"
                | "an"
                | "the"
                | "statement"
                | "interview"
                | "with"
                | "to"
                | "reporters"
                | "news"
                | "conference"
                | "briefing"
                | "by"
                | "phone"
                | "email"
                | "e-mail"
                | "told"
                | "Twitter"
                | "also"
                | "previously"
                | "then"
                | "ago"
                | "of"
        )
}

/// Days named relative to the week or to today: said of when, never what.
fn is_day(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
    )
}

/// Words of time that may stand right after a cue ("said Wednesday the
/// plan …") without being content.
pub fn is_time(word: &str) -> bool {
    is_day(word)
        || matches!(
            word,
            "recently" | "earlier" | "later" | "also" | "again" | ","
        )
}

/// Prepositions that open a circumstance after a cue ("said in an
/// interview", "told reporters on Monday"), not a reported clause.
pub fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "on" | "in"
            | "at"
            | "during"
            | "to"
            | "with"
            | "by"
            | "after"
            | "before"
            | "from"
            | "for"
            | "via"
            | "over"
            | "through"
            | "of"
            | "about"
            | "while"
            | "when"
    )
}

/// Verbs that name rather than say ("called the plan 'a disaster'"): cues
/// only when a quotation follows them, their content the object and the
/// quotation.
pub fn names(word: &str) -> bool {
    matches!(
        word,
        "called"
            | "calls"
            | "described"
            | "describes"
            | "dubbed"
            | "labeled"
            | "labelled"
            | "branded"
    )
}
