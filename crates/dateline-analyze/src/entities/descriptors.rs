//! Descriptors that refer back: "the diplomat", "the group", "the US
//! leader". Each goes to the most recent entity it fits, within a bounded
//! window, so the search stays linear in the text.

use super::{names, titles};
use crate::tokenize::{Token, TokenKind};
use dateline_model::EntityKind;

/// How far back an antecedent may be, in bytes of text and in mentions.
const WINDOW_BYTES: usize = 3000;
const WINDOW_MENTIONS: usize = 40;

/// Head nouns that refer to a person with a fitting title.
const PERSON_HEADS: &[&str] = &[
    "diplomat",
    "leader",
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "chancellor",
    "premier",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "politician",
    "lawmaker",
    "legislator",
    "general",
    "officer",
    "mayor",
    "judge",
    "prosecutor",
    "commissioner",
    "chairman",
    "chairwoman",
    "director",
    "king",
    "queen",
    "pope",
];

/// Head nouns that refer to an organization, and the name words an
/// organization must (or, for "group", must not) have to fit.
const ORG_HEADS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "militants",
    "movement",
    "ministry",
    "department",
    "agency",
    "company",
    "firm",
    "party",
    "bank",
];

/// Organizations named for an institution are no "group" or "movement".
const INSTITUTION_WORDS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "office",
    "bureau",
    "service",
    "university",
    "bank",
    "inc",
    "corp",
    "ltd",
    "company",
    "court",
    "council",
    "parliament",
    "congress",
    "senate",
    "commission",
    "news",
    "novosti",
    "press",
    "times",
    "post",
    "committee",
    "institute",
    "fund",
    "school",
    "college",
    "hospital",
    "police",
    "army",
    "navy",
    "government",
];

/// One descriptor found in the text: its span and what it asks for.
pub(crate) struct Descriptor {
    pub start: usize,
    pub end: usize,
    pub head: String,
    /// A word between "the" and the head ("US" in "the US leader").
    pub modifier: Option<String>,
}

/// "the [Modifier] head" not followed by more of a noun phrase ("the group
/// of countries" is no descriptor).
pub(crate) fn find(text: &str, toks: &[Token]) -> Vec<Descriptor> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let w = toks[i].text(text);
        if !w.eq_ignore_ascii_case("the") {
            continue;
        }
        for (k, has_mod) in [(1, false), (2, true)] {
            let Some(h) = toks.get(i + k) else { break };
            let head = h.text(text).to_lowercase();
            if h.kind != TokenKind::Word
                || !(PERSON_HEADS.contains(&head.as_str()) || ORG_HEADS.contains(&head.as_str()))
            {
                continue;
            }
            let modifier = if has_mod {
                let m = &toks[i + 1];
                let mw = m.text(text);
                // Only a capitalised modifier ("US", "Russian"): a lower-case
                // one ("the international coalition") may describe anything.
                if m.kind != TokenKind::Word || !mw.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                Some(mw.to_string())
            } else {
                None
            };
            // What follows must not continue the phrase.
            let next = toks.get(i + k + 1).map(|t| (t.kind, t.text(text)));
            let continues = match next {
                Some((TokenKind::Word, n)) => {
                    n == "of" || n.chars().next().is_some_and(char::is_uppercase)
                }
                Some((_, n)) => n == "-",
                None => false,
            };
            if !continues {
                out.push(Descriptor {
                    start: toks[i].start,
                    end: h.end,
                    head,
                    modifier,
                });
            }
            break;
        }
    }
    out
}

/// What the resolver knows of an entity when it looks back.
pub(crate) struct Candidate<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    pub titles: &'a [String],
}

/// Whether a descriptor fits an entity.
pub(crate) fn fits(d: &Descriptor, c: &Candidate) -> bool {
    let modifier_fits = |words: &[String]| match &d.modifier {
        None => true,
        Some(m) => {
            let mk = names::key(m);
            words
                .iter()
                .any(|t| t.split_whitespace().any(|w| names::key(w) == mk))
        }
    };
    match c.kind {
        EntityKind::Person => {
            PERSON_HEADS.contains(&d.head.as_str())
                && titles::fits(&d.head, c.titles)
                && modifier_fits(c.titles)
        }
        EntityKind::Organization => {
            if !ORG_HEADS.contains(&d.head.as_str()) || d.modifier.is_some() {
                return false;
            }
            let lower = c.name.to_lowercase();
            let words: Vec<&str> = lower.split(|ch: char| !ch.is_alphanumeric()).collect();
            let institution = words.iter().any(|w| INSTITUTION_WORDS.contains(w));
            match d.head.as_str() {
                "group" | "organization" | "organisation" | "militants" | "movement" => {
                    !institution
                }
                h => words.contains(&h),
            }
        }
        _ => false,
    }
}

/// The index (into `mentions`, sorted by start) of the entity a descriptor
/// at `at` refers to: the most recent mention before it whose entity fits,
/// within the window.
pub(crate) fn antecedent(
    d: &Descriptor,
    mentions: &[(usize, usize)],
    fits_entity: impl Fn(usize) -> bool,
) -> Option<usize> {
    let upto = mentions.partition_point(|&(start, _)| start < d.start);
    mentions[..upto]
        .iter()
        .rev()
        .take(WINDOW_MENTIONS)
        .take_while(|&&(start, _)| d.start - start <= WINDOW_BYTES)
        .find(|&&(_, e)| fits_entity(e))
        .map(|&(_, e)| e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens;

    #[test]
    fn finds_descriptors_but_not_longer_phrases() {
        let t = "the diplomat said. The group of countries met; the US leader spoke, the international coalition grew.";
        let d = find(t, &tokens(t));
        let got: Vec<&str> = d.iter().map(|d| &t[d.start..d.end]).collect();
        assert_eq!(got, ["the diplomat", "the US leader"]);
        assert_eq!(d[1].modifier.as_deref(), Some("US"));
    }

    #[test]
    fn groups_are_not_institutions() {
        let d = Descriptor {
            start: 0,
            end: 0,
            head: "group".into(),
            modifier: None,
        };
        let c = |name| Candidate {
            kind: EntityKind::Organization,
            name,
            titles: &[],
        };
        assert!(fits(&d, &c("Islamic State")));
        assert!(!fits(&d, &c("State Department")));
        assert!(!fits(&d, &c("RIA Novosti")));
    }

    #[test]
    fn modifier_must_match_a_title() {
        let t = ["US President".to_string()];
        let p = Candidate {
            kind: EntityKind::Person,
            name: "X",
            titles: &t,
        };
        let us = Descriptor {
            start: 0,
            end: 0,
            head: "leader".into(),
            modifier: Some("US".into()),
        };
        let fr = Descriptor {
            start: 0,
            end: 0,
            head: "leader".into(),
            modifier: Some("French".into()),
        };
        assert!(fits(&us, &p));
        assert!(!fits(&fr, &p));
    }

    #[test]
    fn antecedent_window_is_bounded() {
        let d = Descriptor {
            start: 10_000,
            end: 10_010,
            head: "group".into(),
            modifier: None,
        };
        assert_eq!(antecedent(&d, &[(9_000, 0)], |_| true), Some(0));
        assert_eq!(antecedent(&d, &[(100, 0)], |_| true), None);
    }
}
