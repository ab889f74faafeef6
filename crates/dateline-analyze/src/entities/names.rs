//! Name keys: how two written names are compared, country short forms,
//! and the initials an acronym is checked against.

/// Well-known short forms of country names, each with the name the article
/// is most likely to use in full. A short table on purpose: these are the
/// forms the tagger cannot link by spelling alone.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("us", "united states"),
    ("usa", "united states"),
    ("america", "united states"),
    ("united states of america", "united states"),
    ("uk", "united kingdom"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("uae", "united arab emirates"),
    ("russian federation", "russia"),
    ("drc", "democratic republic of the congo"),
    ("prc", "china"),
    ("people's republic of china", "china"),
    ("dprk", "north korea"),
    ("rok", "south korea"),
];

/// Words that do not count in an acronym's initials ("Bank *of* America").
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "and" | "the" | "for" | "in" | "on" | "de" | "du" | "la" | "le" | "al" | "&"
    )
}

/// The comparison key of a written name: dots and a leading "the" dropped,
/// whitespace collapsed, lower case, country short forms mapped to their
/// full name, so that "U.S.", "US" and "United States" share one key.
pub fn key(name: &str) -> String {
    let mut k = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !k.is_empty() {
            k.push(' ');
        }
        k.extend(w.chars().filter(|&c| c != '.').flat_map(char::to_lowercase));
    }
    let k = k.strip_prefix("the ").map(str::to_string).unwrap_or(k);
    match SHORT_FORMS.iter().find(|(short, _)| *short == k) {
        Some((_, full)) => (*full).to_string(),
        None => k,
    }
}

/// True for a country's short form ("US", "U.S.", "Britain").
pub fn is_short_form(name: &str) -> bool {
    let k = name.to_lowercase().replace('.', "");
    SHORT_FORMS.iter().any(|(short, _)| *short == k)
}

/// An acronym as written: 2 to 8 characters, upper-case letters (and
/// perhaps digits or dots), starting with a letter ("IS", "ISIL", "U.N.", "G20").
pub fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|&c| c != '.').collect();
    (2..=8).contains(&letters.len())
        && letters[0].is_uppercase()
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.iter().filter(|c| c.is_uppercase()).count() >= 2
}

/// The initials of a multi-word name, function words left out
/// ("Islamic State of Iraq and the Levant" → "ISIL").
pub fn initials<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words
        .into_iter()
        .filter(|w| !is_function_word(&w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `acronym` can abbreviate a name with these initials: same first
/// and last letter, and every letter of the acronym found in order. Lenient
/// on purpose: "ISIS" stands for "Islamic State of Iraq and (Greater) Syria".
pub fn abbreviates(acronym: &str, initials: &str) -> bool {
    let a: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    let i: Vec<char> = initials.chars().collect();
    if a.len() < 2 || i.len() < a.len() || a.first() != i.first() || a.last() != i.last() {
        return false;
    }
    let mut it = i.iter();
    a.iter().all(|c| it.any(|x| x == c))
}

/// The name of a company without its legal or trade suffix ("Boeing Co."
/// → "Boeing", "Emirates Airline" → "Emirates"), if it has one and
/// something is left.
pub fn company_stem(name: &str) -> Option<&str> {
    let (stem, last) = name.trim_end().rsplit_once(' ')?;
    let suffix = matches!(
        last.trim_end_matches('.').to_lowercase().as_str(),
        "co" | "corp"
            | "corporation"
            | "inc"
            | "incorporated"
            | "ltd"
            | "limited"
            | "plc"
            | "llc"
            | "ag"
            | "sa"
            | "nv"
            | "gmbh"
            | "group"
            | "holdings"
            | "company"
            | "airline"
            | "airlines"
            | "airways"
    );
    let stem = stem.trim_end_matches(',').trim_end();
    (suffix && !stem.is_empty()).then_some(stem)
}

/// A word without its possessive ending ("Russia's" → "Russia"); the
/// tagger's spans already end before it.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().next_back().is_some_and(char::is_alphabetic) {
                return stem;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_unify_spellings_and_short_forms() {
        assert_eq!(key("U.S."), key("United States"));
        assert_eq!(key("US"), key("the United  States"));
        assert_ne!(key("Russia"), key("United States"));
        assert_eq!(key("Britain"), "united kingdom");
    }

    #[test]
    fn company_stems() {
        assert_eq!(company_stem("Boeing Co."), Some("Boeing"));
        assert_eq!(company_stem("Emirates Airline"), Some("Emirates"));
        assert_eq!(company_stem("Apple, Inc."), Some("Apple"));
        assert_eq!(company_stem("State Department"), None);
        assert_eq!(company_stem("Group"), None);
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("ISIL"));
        assert!(is_acronym("U.S."));
        assert!(!is_acronym("I"));
        assert!(!is_acronym("Iraq"));
        assert_eq!(
            initials("Islamic State of Iraq and the Levant".split(' ')),
            "ISIL"
        );
        assert!(abbreviates("ISIL", "ISIL"));
        assert!(abbreviates("ISIS", "ISIGS"));
        assert!(!abbreviates("ISIS", "SIGS"));
        assert!(!abbreviates("IS", "ISI"));
    }
}
