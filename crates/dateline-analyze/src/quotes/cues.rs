//! The cue lexicon: verbs of saying (and the few of thinking and showing
//! that news uses the same way) in the forms written, and "according to".
//!
//! The list started from the verbs EMM-style quotation rules use and was
//! checked against the cues of PolNeAR train: a word is here when it is a
//! cue in most of its occurrences there (at least five). Verbs of naming
//! and judging, whose content is the object after them ("called the
//! charges unsubstantiated", "criticized the plan"), are cues as PolNeAR
//! annotates them, with their content only after them.

use std::collections::HashMap;
use std::sync::OnceLock;

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
    // Cues in most of their PolNeAR-train occurrences (at least 4 or 5,
    // over half of them cues), of saying:
    "interjected",
    "concludes",
    "chanted",
    "chants",
    "shouted",
    "commented",
    "pleaded",
    "recounted",
    "remembered",
    "remembers",
    "hints",
    "reads",
    "deny",
    "admit",
    "explain",
    "predict",
    "promise",
    "vow",
    "pledge",
    "claim",
    "demand",
    "urge",
    "urges",
    "clarified",
    "concede",
    "conclude",
    "declare",
    "emailed",
    "hinted",
    "implied",
    "indicate",
    "mention",
    "mentions",
    "proclaimed",
    "reacted",
    "reaffirmed",
    "responds",
    "suggest",
    "uttered",
    "warn",
    "yelled",
    "quoted",
    "complain",
    "emphasize",
    "boast",
    "boasts",
];

/// Verbs of judging and asking, finite cues whose content is the object
/// after them ("blasted the plan as …"; see `content_follows`): cues in
/// most of their PolNeAR-train occurrences (at least 4 or 5, over half of
/// them cues), and the forms of the same verbs.
const JUDGING: &[&str] = &[
    "decried",
    "slams",
    "slammed",
    "referenced",
    "assailed",
    "bemoaned",
    "rebuked",
    "blasted",
    "blasts",
    "defended",
    "condemned",
    "touted",
    "railed",
    "urged",
    "praised",
    "praises",
    "cited",
    "cites",
    "questioned",
    "denounced",
    "rejected",
    "lambasted",
    "balked",
    "blamed",
    "blames",
    "expressed",
    "criticized",
    "criticised",
    "credited",
    "dismissed",
    "dismisses",
    "retweeted",
    "refuses",
    "refused",
    "declined",
    "echoed",
    "ordered",
    "thanked",
    "accused",
    "accuses",
    "derided",
    "endorsed",
    "endorses",
    "mocked",
    "voiced",
    "portrayed",
    "likened",
    "invoked",
    "hailed",
    "call",
    "describe",
    "criticize",
    "criticizes",
    "praise",
    "blame",
    "accuse",
    "reject",
    "rejects",
    "defend",
    "defends",
    "condemn",
    "condemns",
    "endorse",
    "supports",
    "oppose",
    "opposes",
    "propose",
    // At 40-50% cues there (or over half, seen 4 times):
    "cite",
    "coined",
    "considers",
    "deemed",
    "denounce",
    "discuss",
    "downplayed",
    "embraces",
    "express",
    "floated",
    "lectured",
    "pronounced",
    "proposes",
    "rebuffed",
    "refers",
    "talked",
    "blast",
    "champions",
    "championed",
    "promotes",
    "seeks",
    "mentioned",
    "referred",
    "discussed",
    "attacked",
    "challenged",
    "applauded",
    "congratulated",
    "recommended",
    "proposed",
    "opposed",
    "requested",
    "supported",
    "offered",
    "sought",
    "encouraged",
    "outlined",
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
    // From PolNeAR train, as the finite forms above:
    "thanking",
    "citing",
    "describing",
    "touting",
    "dismissing",
    "pledging",
    "mentioning",
    "blasting",
    "vowing",
    "remarking",
    "praising",
    "accusing",
    "blaming",
    "denouncing",
    "referring",
    "hoping",
    "announcing",
    "repeating",
    "slamming",
    "alluding",
    "bragging",
    "chanting",
    "commenting",
    "conceding",
    "congratulating",
    "detailing",
    "emphasizing",
    "implying",
    "pointing",
    "portraying",
    "protesting",
    "quoting",
    "reciting",
    "refusing",
    "rejecting",
    "hailing",
    "contrasting",
    "calling",
    "criticizing",
    "criticising",
    "urging",
    "questioning",
    "reminding",
    "outlining",
    "alleging",
    "mocking",
    "condemning",
    "discussing",
    "proposing",
    "highlighting",
    "echoing",
    "defending",
];

/// Cues that govern an object before their clause: "told reporters that".
const TAKES_OBJECT: &[&str] = &[
    "urged",
    "ordered",
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
    // Every word of every text is looked up here: a hash set, not a scan
    // of the lists.
    static LEXICON: OnceLock<HashMap<&'static str, CueKind>> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(|| {
        let finite = FINITE.iter().chain(JUDGING).map(|w| (*w, CueKind::Finite));
        // A word in both lists is finite, as the lists were read before.
        let participle = PARTICIPLE.iter().map(|w| (*w, CueKind::Participle));
        participle.chain(finite).collect()
    });
    if let Some(&kind) = lexicon.get(word) {
        return Some((kind, 1));
    }
    None
}

/// Words before "that" that do not report: "so that", "now that", "the
/// fact that", "more than that".
pub fn is_not_a_cue_before_that(word: &str) -> bool {
    matches!(
        word,
        "so" | "such"
            | "now"
            | "given"
            | "except"
            | "fact"
            | "than"
            | "and"
            | "but"
            | "or"
            | "of"
            | "in"
            | "at"
            | "is"
            | "was"
            | "be"
            | "like"
            | "about"
            | "with"
            | "for"
            | "on"
            | "to"
            | "by"
            | "from"
    )
}

/// Participles that always report speech, whatever opens their clause.
pub fn says_outright(word: &str) -> bool {
    matches!(
        word,
        "saying"
            | "telling"
            | "arguing"
            | "claiming"
            | "insisting"
            | "noting"
            | "stating"
            | "warning"
            | "suggesting"
            | "accusing"
    )
}

/// The forms of "be" that make a progressive ("is telling").
pub fn is_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were" | "'s" | "’s" | "been")
}

/// Auxiliaries and copulas: a finite verb, so a clause has begun.
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "does"
            | "did"
    )
}

/// All capitals ("SAYS" in a shouted line is no headline cue).
pub fn is_acronym_like(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

pub fn takes_object(word: &str) -> bool {
    TAKES_OBJECT.contains(&word)
}

/// Verbs whose content only follows them, never precedes them: of
/// thinking and showing ("she believes that …", "polls show Clinton
/// ahead"), of judging ("X blasted the plan as …") and of naming ("called
/// the charges unsubstantiated").
pub fn content_follows(word: &str) -> bool {
    is_judging(word)
        || names(word)
        || matches!(
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

/// Verbs of judging, their content the object after them.
fn is_judging(word: &str) -> bool {
    JUDGING.contains(&word)
}

/// Words that may stand between a speaker and the cue: auxiliaries and
/// adverbs ("has also said", "later told", "generally supported").
pub fn is_between(word: &str) -> bool {
    is_adverb(word)
        || is_be(word)
        || matches!(
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

/// An "-ly" adverb; the nouns that end the same way are listed.
pub fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "assembly"
                | "supply"
                | "monopoly"
                | "anomaly"
                | "rally"
                | "reply"
                | "belly"
                | "bully"
                | "jelly"
                | "folly"
                | "homily"
                | "melancholy"
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

/// Verbs whose content may be an infinitive: "agreed to clean up the
/// mines", "urged Congress to act", "declined to comment".
pub fn takes_infinitive(word: &str) -> bool {
    matches!(
        word,
        "agreed"
            | "agrees"
            | "told"
            | "tells"
            | "tell"
            | "telling"
            | "urging"
            | "declined"
            | "refused"
            | "refuses"
            | "vowed"
            | "vows"
            | "promised"
            | "promises"
            | "pledged"
            | "pledges"
            | "urged"
            | "ordered"
            | "asked"
            | "asks"
            | "warned"
            | "hoped"
            | "hopes"
            | "vowing"
            | "pledging"
            | "hoping"
            | "promising"
    )
}

/// "called on Trump to stop", "calls for a ban": a naming verb that here
/// asks for something, its content what follows, quoted or not.
pub fn calls_for(word: &str, next: &str) -> bool {
    matches!(word, "called" | "calls" | "calling") && matches!(next, "on" | "for")
}

/// Verbs that name rather than say ("called the plan 'a disaster'"):
/// their content is the object after them.
fn names(word: &str) -> bool {
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
