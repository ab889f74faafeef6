//! The wire dateline that opens a report:
//! `MOSCOW, October 8 (RIA Novosti) –`, `WASHINGTON (Reuters) -`,
//! `PARIS, Oct. 8 (AFP) —`, `NEW YORK —`.
//!
//! It is split into place, date and agency and cut from the body's first
//! paragraph. The date rarely has a year: [`Found::month_day`] is handed to
//! the date finder (it settles day/month order of the page's numeric
//! dates), and the year comes from the publication date afterwards.

use crate::agencies;
use regex::Regex;
use std::sync::LazyLock;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The place in ordinary case.
    pub place: String,
    pub month_day: Option<(u32, u32)>,
    pub year: Option<i32>,
    pub agency: Option<String>,
    /// The dateline as written, without the dash.
    pub text: String,
    /// Bytes of the paragraph the dateline and its dash take.
    pub len: usize,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Place: capitalised words (all caps, or Title Case when an agency or
    // date follows), with an optional ", REGION".
    let place = r"(?P<place>[\p{Lu}][\p{Lu}\p{Ll}.'’\-]*(?:\s+(?:[\p{Lu}][\p{Lu}\p{Ll}.'’\-]*|de|da|do|del|la|le|of|upon|am|an|der|sur|el|al))*(?:,\s*[\p{Lu}][\p{Lu}\p{Ll}.]*(?:\s+[\p{Lu}][\p{Lu}\p{Ll}.]*)?)?)";
    let date = format!(
        r"(?P<date>{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?)"
    );
    let agency = r"\((?P<agency>[^()]{2,60})\)";
    Regex::new(&format!(
        r"^\s*{place}(?:\s*,\s*{date})?\s*(?:{agency})?\s*(?P<dash>--|[–—\-―]|:)\s*"
    ))
    .expect("dateline pattern")
});

/// Finds the dateline at the start of `paragraph`.
pub fn find(paragraph: &str) -> Option<Found> {
    let caps = DATELINE.captures(paragraph)?;
    let place_raw = caps.name("place")?.as_str().trim();
    let date = caps.name("date").map(|m| m.as_str());
    let agency_raw = caps.name("agency").map(|m| m.as_str().trim());
    let dash = caps.name("dash")?.as_str();
    let all_caps = place_raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    // Without capitals, only an agency credit or a date makes a Title Case
    // opening a dateline ("Moscow, October 8 (TASS) –"); a colon needs both.
    let evidence = agency_raw.is_some() as u8 + date.is_some() as u8;
    if !all_caps && evidence == 0 || dash == ":" && evidence < 2 {
        return None;
    }
    const NOT_PLACES: &[&str] = &[
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "EXCLUSIVE",
        "WATCH",
        "LIVE",
        "ANALYSIS",
        "OPINION",
        "PHOTOS",
        "VIDEO",
        "EDITOR'S NOTE",
        "CORRECTION",
        "NOTE",
        "FACT CHECK",
        "URGENT",
    ];
    if NOT_PLACES.iter().any(|n| place_raw.eq_ignore_ascii_case(n)) {
        return None;
    }
    if place_raw.split_whitespace().count() > 6
        || place_raw.chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return None;
    }
    // The rest must read as a sentence, not another heading.
    let rest = &paragraph[caps.get(0)?.end()..];
    if rest
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || "\"'“‘«(".contains(c)))
    {
        return None;
    }
    let agency =
        agency_raw.map(|a| agencies::canonical(a).map_or_else(|| a.to_string(), str::to_string));
    let (month_day, year) = date.map_or((None, None), parse_date);
    let text = caps.get(0)?.as_str().trim_end();
    let text = text
        .trim_end_matches(['-', '–', '—', '―', ':'])
        .trim_end()
        .trim_start()
        .to_string();
    Some(Found {
        place: ordinary_case(place_raw),
        month_day,
        year,
        agency,
        text,
        len: caps.get(0)?.end(),
    })
}

fn parse_date(s: &str) -> (Option<(u32, u32)>, Option<i32>) {
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for tok in s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|t| !t.is_empty())
    {
        if let Ok(n) = tok.parse::<i32>() {
            if n > 31 {
                year = Some(n);
            } else {
                day = Some(n as u32);
            }
        } else if month.is_none() {
            month = month_number(tok);
        }
    }
    (month.zip(day), year)
}

fn month_number(tok: &str) -> Option<u32> {
    let t = tok.to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    NAMES
        .iter()
        .position(|m| t.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// `MOSCOW` → `Moscow`, `RIO DE JANEIRO` → `Rio de Janeiro`,
/// `WASHINGTON, D.C.` → `Washington, D.C.`; Title Case stays as written.
fn ordinary_case(place: &str) -> String {
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.iter().all(|c| c.is_uppercase()) {
        return place.to_string();
    }
    const SMALL: &[&str] = &[
        "de", "da", "do", "del", "la", "le", "of", "upon", "am", "an", "der", "sur", "el", "al",
    ];
    place
        .split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            // Abbreviations with dots (D.C., U.S.) keep their capitals.
            if word.contains('.') && word.len() <= 5 {
                return word.to_string();
            }
            let mut out = String::new();
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specimen_dateline() {
        let p = "MOSCOW, October 8 (RIA Novosti) – The United States has been knocking";
        let f = find(p).unwrap();
        assert_eq!(f.place, "Moscow");
        assert_eq!(f.month_day, Some((10, 8)));
        assert_eq!(f.agency.as_deref(), Some("RIA Novosti"));
        assert_eq!(f.text, "MOSCOW, October 8 (RIA Novosti)");
        assert_eq!(&p[f.len..], "The United States has been knocking");
    }

    #[test]
    fn common_forms() {
        let f = find("WASHINGTON (Reuters) - The U.S. Senate on").unwrap();
        assert_eq!(
            (f.place.as_str(), f.agency.as_deref(), f.month_day),
            ("Washington", Some("Reuters"), None)
        );
        let f = find("RIO DE JANEIRO, Oct. 8, 2014 (AP) — Police said").unwrap();
        assert_eq!(
            (f.place.as_str(), f.month_day, f.year),
            ("Rio de Janeiro", Some((10, 8)), Some(2014))
        );
        assert_eq!(f.agency.as_deref(), Some("AP"));
        let f = find("NEW YORK — Stocks fell").unwrap();
        assert_eq!((f.place.as_str(), f.agency), ("New York", None));
        let f = find("Moscow, 8 October (TASS) – Russia said").unwrap();
        assert_eq!((f.place.as_str(), f.month_day), ("Moscow", Some((10, 8))));
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert!(find("The United States has been knocking").is_none());
        assert!(find("Moscow - the capital - is big").is_none());
        assert!(find("Update: the storm moved north").is_none());
        assert!(find("In September, US President Barack Obama unveiled").is_none());
        assert!(find("").is_none());
        assert!(find("BREAKING — Stocks fell").is_none());
    }
}
