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

mod months;
mod scripts;

/// A word of a place name in a cased script.
const WORD: &str = r"[\p{Lu}][\p{Lu}\p{Ll}\p{M}.'’\-]*";

/// Small words inside place names: `Rio de Janeiro`, `Den Haag`,
/// `Ростов-на-Дону`, `Frankfurt am Main`.
const SMALL: &[&str] = &[
    "de", "da", "do", "del", "la", "le", "of", "upon", "am", "an", "der", "sur", "el", "al", "en",
    "op", "aan", "di", "na", "на", "над", "im", "ob",
];

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Place: capitalised words (all caps, or Title Case when an agency or
    // date follows), joined by spaces, small words or slashes
    // (`Berlin/Brüssel`), with an optional ", REGION".
    let small = SMALL.join("|");
    let place = format!(
        r"(?P<place>{WORD}(?:/{WORD})*(?:\s+(?:{WORD}(?:/{WORD})*|{small}))*(?:,\s*{WORD}(?:\s+{WORD})?)?)"
    );
    let month = months::pattern();
    // `October 8, 2014`, `8 October`, `8. Oktober`, `8 de octubre de 2014`.
    let date = format!(
        r"(?P<date>{month}\s*\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s*(?:de\s+)?{month}(?:\s+(?:de\s+)?\d{{4}})?)"
    );
    // `(Reuters) -`, `/ТАСС/.`; an agency may also come first: `(ANSA) - ROMA -`.
    let paren = r"\((?P<agency>[^()]{2,60})\)";
    let slash = r"/(?P<slash>[^/\s][^/]{0,30})/";
    // Interfax's own: `Москва. 8 октября. INTERFAX.RU -`, a known agency
    // standing bare before the dash.
    let bare = r"(?P<bare>[\p{Lu}][\p{L}.\-]{1,24})";
    Regex::new(&format!(
        r"^\s*(?:\((?P<lead>[^()]{{2,30}})\)\s*[-–—]\s*)?{place}(?:\s*[,.]?\s*{date})?\s*[,.]?\s*(?:(?:{paren}|{bare})?\s*\.?\s*(?P<dash>--|[–—\-―]|:)|{slash}\s*(?:\.|(?P<dash2>--|[–—\-―]))?)\s*"
    ))
    .expect("dateline pattern")
});

/// Finds the dateline at the start of `paragraph`.
pub fn find(paragraph: &str) -> Option<Found> {
    if let Some(found) = scripts::find(paragraph) {
        return Some(found);
    }
    let caps = DATELINE.captures(paragraph)?;
    let mut place_raw = caps.name("place")?.as_str().trim();
    // `Москва. 8 октября.`: the period ends the place, unless it is an
    // abbreviation's (`WASHINGTON, D.C.`, `LOUISVILLE, Ky.`: a region's).
    let last_word = place_raw.rsplit(' ').next().unwrap_or("");
    if !place_raw.contains(',') && last_word.ends_with('.') && last_word.matches('.').count() == 1 {
        place_raw = &place_raw[..place_raw.len() - 1];
    }
    let date = caps.name("date").map(|m| m.as_str());
    let lead = caps.name("lead").map(|m| m.as_str());
    if lead.is_some_and(|l| agencies::canonical(l).is_none()) {
        return None;
    }
    let bare = caps.name("bare").map(|m| m.as_str());
    if bare.is_some_and(|b| agencies::canonical(b).is_none()) {
        return None;
    }
    let slash = caps.name("slash").map(|m| m.as_str());
    let mut agency_raw = caps
        .name("agency")
        .map(|m| m.as_str().trim())
        .or(slash)
        .or(bare)
        .or(lead);
    // After `/AGENCY/` a period is enough: `МОСКВА, 8 октября. /ТАСС/.`
    let dash = caps
        .name("dash")
        .or(caps.name("dash2"))
        .map_or(".", |m| m.as_str());
    let mut len = caps.get(0)?.end();
    // The agency after the dash, as Russian and Ukrainian wires write it:
    // `МОСКВА, 8 окт — РИА Новости. …`.
    if agency_raw.is_none() && dash != "." {
        if let Some(after) = agency_after_dash(&paragraph[len..]) {
            agency_raw = Some(after.0);
            len += after.1;
        }
    }
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
        "EILMELDUNG",
        "KOMMENTAR",
        "URGENTE",
        "ÚLTIMA HORA",
        "EXCLUSIF",
        "СРОЧНО",
        "МОЛНИЯ",
        "ТЕРМІНОВО",
        "PILNE",
    ];
    if NOT_PLACES.iter().any(|n| place_raw.to_uppercase() == *n) {
        return None;
    }
    if place_raw.split_whitespace().count() > 6
        || place_raw.chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return None;
    }
    // The rest must read as a sentence, not another heading.
    let rest = &paragraph[len..];
    if rest
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphanumeric() || "\"'“‘«»„‚(".contains(c)))
    {
        return None;
    }
    let agency = agency_raw.map(|a| canonical_agency(a).unwrap_or_else(|| a.to_string()));
    let (month_day, year) = date.map_or((None, None), parse_date);
    let text = paragraph[..len]
        .trim_end()
        .trim_end_matches(['-', '–', '—', '―', ':', '.'])
        .trim_end()
        .trim_start()
        .to_string();
    Some(Found {
        place: ordinary_case(place_raw),
        month_day,
        year,
        agency,
        text,
        len,
    })
}

/// `РИА Новости. ` at the start of `rest`: a known agency ended by a
/// period, perhaps with its reporter (`РИА Новости, Анна Петрова.`). Gives
/// the agency and the bytes it takes with its period and space.
fn agency_after_dash(rest: &str) -> Option<(&str, usize)> {
    let (end, sep) = rest
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == '.' || c == ',')?;
    let name = rest[..end].trim();
    agencies::canonical(name)?;
    let mut dot = end;
    if sep == ',' {
        // A reporter's name: a few capitalised words, then the period.
        let (j, _) = rest[end + 1..]
            .char_indices()
            .take(50)
            .find(|&(_, c)| c == '.')?;
        let reporter = rest[end + 1..end + 1 + j].trim();
        let words: Vec<&str> = reporter.split_whitespace().collect();
        if !(1..=4).contains(&words.len())
            || !words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        dot = end + 1 + j;
    }
    let after = &rest[dot + 1..];
    let spaces = after.len() - after.trim_start().len();
    Some((name, dot + 1 + spaces))
}

/// A number in any script's digits (`１０`, `٨`).
pub(crate) fn number(s: &str) -> Option<u32> {
    s.chars()
        .try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?))
}

/// An agency credit in its usual Latin form: `РИА Новости` → `RIA Novosti`;
/// several agencies (`AFP/Reuters`, `dpa, AFP`) each so, joined by `/`.
/// Parts that are no agency (`dpa/lnw`, a regional service) are dropped when
/// another part is one; `None` when no part is.
pub(crate) fn canonical_agency(raw: &str) -> Option<String> {
    if let Some(one) = agencies::canonical(raw) {
        return Some(one.to_string());
    }
    let parts: Vec<&str> = raw
        .split(['/', ',', '+', '|', ';'])
        .flat_map(|p| p.split(" und "))
        .flat_map(|p| p.split(" and "))
        // `efe-epa`: a hyphen joins two services (a hyphenated name such
        // as `ITAR-TASS` resolves whole first).
        .flat_map(|p| {
            if agencies::canonical(p).is_none() {
                p.split('-').collect()
            } else {
                vec![p]
            }
        })
        .filter_map(agencies::canonical)
        .collect();
    let mut known: Vec<&str> = Vec::new();
    for p in parts {
        if !known.contains(&p) {
            known.push(p);
        }
    }
    (!known.is_empty()).then(|| known.join("/"))
}

pub(crate) fn parse_date(s: &str) -> (Option<(u32, u32)>, Option<i32>) {
    let mut month = None;
    let mut day = None;
    let mut year = None;
    let digits_end = |t: &str| t.chars().all(|c| digit(c).is_some());
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == '،')
        .filter(|t| !t.is_empty())
        .collect();
    for (i, tok) in words.iter().enumerate() {
        if digits_end(tok) {
            let n = tok
                .chars()
                .try_fold(0i64, |acc, c| Some(acc * 10 + digit(c)? as i64))
                .unwrap_or(0);
            if n > 31 {
                year = i32::try_from(n).ok();
            } else {
                day = Some(n as u32);
            }
        } else if month.is_none() {
            month = months::number(tok).or_else(|| {
                // Two-word names: `تشرين الأول`.
                words
                    .get(i + 1)
                    .and_then(|next| months::number(&format!("{tok} {next}")))
            });
        }
    }
    (month.zip(day).filter(|&(_, d)| (1..=31).contains(&d)), year)
}

/// The value of a decimal digit of any common script (ASCII, Arabic-Indic,
/// Persian, full-width).
fn digit(c: char) -> Option<u32> {
    let base = match c {
        '0'..='9' => '0',
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        '０'..='９' => '０',
        _ => return None,
    };
    Some(c as u32 - base as u32)
}

/// `MOSCOW` → `Moscow`, `RIO DE JANEIRO` → `Rio de Janeiro`,
/// `WASHINGTON, D.C.` → `Washington, D.C.`, `LOUISVILLE, Ky.` →
/// `Louisville, Ky.`; Title Case stays as written.
fn ordinary_case(place: &str) -> String {
    // Each part on its own: `LOUISVILLE, Ky.` → `Louisville, Ky.`.
    if place.contains(", ") {
        return place
            .split(", ")
            .map(ordinary_case)
            .collect::<Vec<_>>()
            .join(", ");
    }
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.iter().all(|c| c.is_uppercase()) {
        return place.to_string();
    }
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
            // Each part of a hyphenated name is capitalised except small
            // words: `Ростов-на-Дону`, `Saint-Denis`.
            let mut out = String::new();
            for (j, part) in lower.split('-').enumerate() {
                if j > 0 {
                    out.push('-');
                }
                if j > 0 && SMALL.contains(&part) {
                    out.push_str(part);
                } else {
                    out.push_str(&capitalised(part));
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `o'neill` → `O'Neill`: capitals at the start and after an apostrophe
/// or a slash.
fn capitalised(word: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = matches!(c, '\'' | '’' | '/');
    }
    out
}

#[cfg(test)]
mod tests;
