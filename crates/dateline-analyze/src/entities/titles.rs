//! Titles and roles written before a person's name: "Deputy Foreign
//! Minister Mikhail Bogdanov", "US President Barack Obama".

use super::names;
use crate::tokenize::{Token, TokenKind};

/// Words that head a title: the title ends with one of them, right before
/// the name.
const HEADS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "chancellor",
    "premier",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ceo",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "mayor",
    "judge",
    "justice",
    "representative",
    "rep.",
    "general",
    "gen.",
    "colonel",
    "col.",
    "lieutenant",
    "lt.",
    "captain",
    "capt.",
    "commander",
    "admiral",
    "adm.",
    "major",
    "maj.",
    "sergeant",
    "sgt.",
    "officer",
    "chief",
    "leader",
    "professor",
    "prof.",
    "dr.",
    "sheikh",
    "ayatollah",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "attorney",
    "prosecutor",
    "commissioner",
    "diplomat",
    "official",
    "deputy",
    "vice-president",
    "emir",
    "sultan",
];

/// Words that may stand before a head inside a title ("*Deputy Foreign*
/// Minister", "*Prime* Minister", "*Attorney* General").
const MODIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "economy",
    "trade",
    "health",
    "justice",
    "education",
    "energy",
    "first",
    "chief",
    "senior",
    "former",
    "acting",
    "general",
    "state",
    "assistant",
    "executive",
    "supreme",
    "crown",
    "secretary",
    "attorney",
    "army",
    "navy",
    "air",
    "force",
    "national",
    "security",
    "press",
    "foreign-policy",
];

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// The title written right before the name whose first token is `first`,
/// as written; `None` when the words before it are no title. Looks back at
/// most six tokens.
pub(crate) fn before(
    text: &str,
    toks: &[Token],
    first: usize,
    sentence_start: usize,
) -> Option<String> {
    let mut i = first;
    let mut start = None;
    let mut has_head = false;
    while i > sentence_start && first - i < 6 {
        let t = &toks[i - 1];
        let w = t.text(text);
        if t.kind != TokenKind::Word {
            break;
        }
        let l = lower(w);
        let head = HEADS.contains(&l.as_str());
        let modifier = MODIFIERS.contains(&l.as_str());
        if i == first {
            // The word next to the name must head the title.
            if !head {
                return None;
            }
            has_head = true;
        } else if !(head || modifier) {
            // A country or nationality in front ("US President", "Russian
            // Foreign Minister"): a short form, an acronym, or a capitalised
            // word with a nationality's ending ("Tuesday President X" has
            // none).
            let nationality = ["an", "ese", "ish", "ch", "i"]
                .iter()
                .any(|e| l.ends_with(e));
            let country = w.chars().next().is_some_and(char::is_uppercase)
                && (names::is_short_form(w) || names::is_acronym(w) || nationality);
            if country {
                start = Some(i - 1);
            }
            break;
        }
        start = Some(i - 1);
        i -= 1;
    }
    let s = start?;
    if !has_head {
        return None;
    }
    let title = text.get(toks[s].start..toks[first - 1].end)?;
    Some(title.to_string())
}

/// Whether a descriptor's head noun ("diplomat", "leader") fits a person
/// with these titles.
pub(crate) fn fits(head: &str, titles: &[String]) -> bool {
    let words: Vec<String> = titles
        .iter()
        .flat_map(|t| t.split_whitespace().map(lower).collect::<Vec<_>>())
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    match head {
        "diplomat" => has("foreign") || has("ambassador") || has("envoy") || has("diplomat"),
        "leader" => {
            has("president")
                || has("premier")
                || has("chancellor")
                || has("king")
                || has("queen")
                || has("leader")
                || has("emir")
                || has("sultan")
                || (has("prime") && has("minister"))
        }
        "official" => !words.is_empty(),
        "politician" => {
            has("senator") || has("president") || has("minister") || has("governor") || has("mayor")
        }
        "lawmaker" | "legislator" => has("senator") || has("representative") || has("rep."),
        "officer" => {
            has("general")
                || has("colonel")
                || has("captain")
                || has("officer")
                || has("lieutenant")
                || has("major")
        }
        "spokesman" | "spokeswoman" | "spokesperson" => {
            has("spokesman") || has("spokeswoman") || has("spokesperson")
        }
        h => has(h),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens;

    fn title(text: &str, name: &str) -> Option<String> {
        let toks = tokens(text);
        let at = text.find(name).unwrap();
        let first = toks.iter().position(|t| t.start == at).unwrap();
        before(text, &toks, first, 0)
    }

    #[test]
    fn titles_before_names() {
        let t = "Officials said, Deputy Foreign Minister Mikhail Bogdanov said.";
        assert_eq!(
            title(t, "Mikhail").as_deref(),
            Some("Deputy Foreign Minister")
        );
        let t = "In September, US President Barack Obama spoke.";
        assert_eq!(title(t, "Barack").as_deref(), Some("US President"));
        assert_eq!(title("Yesterday Barack Obama spoke.", "Barack"), None);
        let t = "He said Tuesday President Obama spoke.";
        assert_eq!(title(t, "Obama").as_deref(), Some("President"));
        let t = "He met Russian Foreign Minister Sergei Lavrov.";
        assert_eq!(
            title(t, "Sergei").as_deref(),
            Some("Russian Foreign Minister")
        );
        assert_eq!(
            title("President Obama spoke.", "Obama").as_deref(),
            Some("President")
        );
    }

    #[test]
    fn heads_fit_titles() {
        let t = vec!["Deputy Foreign Minister".to_string()];
        assert!(fits("diplomat", &t));
        assert!(!fits("leader", &t));
        assert!(fits("leader", &["US President".to_string()]));
        assert!(fits("president", &["US President".to_string()]));
    }
}
