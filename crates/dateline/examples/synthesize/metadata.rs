//! What a synthetic article is filed under: sections, sources (sites,
//! zones, languages), authors, and the Zipf draws among them.

use super::*;

pub(crate) const SECTIONS: &[&str] = &[
    "World",
    "Politics",
    "Business",
    "Markets",
    "Technology",
    "Science",
    "Health",
    "Sports",
    "Culture",
    "Opinion",
    "Europe",
    "Asia",
    "Americas",
    "Middle East",
    "Africa",
    "Energy",
    "Climate",
    "Defense",
    "Homeland Security",
    "Travel",
];

pub(crate) const SOURCE_A: &[&str] = &[
    "Northern",
    "Pacific",
    "Capital",
    "Metro",
    "Global",
    "Daily",
    "Evening",
    "Morning",
    "National",
    "Coastal",
    "Continental",
    "Central",
    "Eastern",
    "Western",
    "Southern",
    "Union",
    "Harbour",
    "Valley",
    "Lakeside",
    "Highland",
];
pub(crate) const SOURCE_B: &[&str] = &[
    "Herald",
    "Courier",
    "Times",
    "Post",
    "Tribune",
    "Gazette",
    "Wire",
    "Press",
    "Observer",
    "Chronicle",
];
/// (language tag, share of sources) — the texts stay the pages' (mostly
/// English): the tags exercise the per-language indexing paths and filters.
pub(crate) const LANGS: &[(&str, f64)] = &[
    ("en", 0.70),
    ("de", 0.10),
    ("fr", 0.08),
    ("ru", 0.06),
    ("pl", 0.06),
];
pub(crate) const OFFSETS_H: &[i32] = &[0, 1, 2, 3, -5, -8, 5, 8, 9, -3];
pub(crate) const FIRST: &[&str] = &[
    "Anna", "Mikhail", "John", "Maria", "Peter", "Elena", "David", "Sophie", "Tomasz", "Julia",
    "Ahmed", "Laura", "Kenji", "Olga", "Carlos", "Grace", "Ivan", "Nora", "Paul", "Yuki", "Hannah",
    "Marek", "Lucas", "Irina", "Samuel", "Claire", "Omar", "Eva", "Daniel", "Leila",
];
pub(crate) const LAST: &[&str] = &[
    "Smith",
    "Ivanova",
    "Kowalski",
    "Müller",
    "Dubois",
    "Garcia",
    "Tanaka",
    "Petrov",
    "Brown",
    "Novak",
    "Rossi",
    "Schmidt",
    "Lefebvre",
    "Nowak",
    "Silva",
    "Kim",
    "Haddad",
    "Jensen",
    "O'Neill",
    "Fischer",
    "Moreau",
    "Sokolov",
    "Wilson",
    "Martin",
    "Kaya",
    "Lindqvist",
    "Costa",
    "Baker",
    "Weber",
    "Ito",
];

pub(crate) struct SourceInfo {
    pub(crate) name: String,
    pub(crate) domain: String,
    pub(crate) lang: &'static str,
    pub(crate) offset_h: i32,
}

pub(crate) fn sources() -> Vec<SourceInfo> {
    let mut rng = Rng::for_item(0x5eed, 0);
    let mut out = Vec::new();
    for (i, a) in SOURCE_A.iter().enumerate() {
        for (j, b) in SOURCE_B.iter().enumerate() {
            let name = format!("{a} {b}");
            let domain = format!("{}-{}.example", a.to_lowercase(), b.to_lowercase());
            let u = rng.unit();
            let mut acc = 0.0;
            let mut lang = "en";
            for &(l, share) in LANGS {
                acc += share;
                if u < acc {
                    lang = l;
                    break;
                }
            }
            out.push(SourceInfo {
                name,
                domain,
                lang,
                offset_h: OFFSETS_H[(i * 7 + j) % OFFSETS_H.len()],
            });
        }
    }
    // A deterministic shuffle, so rank (and so volume) is not alphabetical.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}

/// Cumulative Zipf weights (exponent 0.9) over `n` ranks.
pub(crate) fn zipf(n: usize) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out = Vec::with_capacity(n);
    for r in 1..=n {
        acc += 1.0 / (r as f64).powf(0.9);
        out.push(acc);
    }
    out.iter().map(|x| x / acc).collect()
}

pub(crate) fn pick(cum: &[f64], rng: &mut Rng) -> usize {
    let u = rng.unit();
    cum.partition_point(|&c| c < u).min(cum.len() - 1)
}

pub(crate) fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

// ---------------------------------------------------------------- articles
