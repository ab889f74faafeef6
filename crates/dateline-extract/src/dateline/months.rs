//! Month names and the abbreviations datelines use, in the languages whose
//! wires we read: English, German, French, Spanish, Italian, Portuguese,
//! Dutch, Polish, Russian, Ukrainian and Arabic (the Gregorian names of
//! Egypt and the Gulf, the Syriac names of the Levant, the French-derived
//! names of the Maghreb). Nominative and genitive forms both: a Slavic
//! dateline says "8 октября", a heading "Октябрь".

/// (name, month), lower case. Abbreviations without their period.
const NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("mär", 3),
    ("mrz", 3),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("set", 9),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("out", 10),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("mrt", 3),
    // Polish
    ("styczeń", 1),
    ("stycznia", 1),
    ("luty", 2),
    ("lutego", 2),
    ("marzec", 3),
    ("marca", 3),
    ("kwiecień", 4),
    ("kwietnia", 4),
    ("maj", 5),
    ("maja", 5),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("lipiec", 7),
    ("lipca", 7),
    ("sierpień", 8),
    ("sierpnia", 8),
    ("wrzesień", 9),
    ("września", 9),
    ("październik", 10),
    ("października", 10),
    ("listopad", 11),
    ("listopada", 11),
    ("grudzień", 12),
    ("grudnia", 12),
    ("sty", 1),
    ("lut", 2),
    ("kwi", 4),
    ("cze", 6),
    ("lip", 7),
    ("sie", 8),
    ("wrz", 9),
    ("paź", 10),
    ("lis", 11),
    ("gru", 12),
    // Russian
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
    // Ukrainian
    ("січень", 1),
    ("січня", 1),
    ("лютий", 2),
    ("лютого", 2),
    ("березень", 3),
    ("березня", 3),
    ("квітень", 4),
    ("квітня", 4),
    ("травень", 5),
    ("травня", 5),
    ("червень", 6),
    ("червня", 6),
    ("липень", 7),
    ("липня", 7),
    ("серпень", 8),
    ("серпня", 8),
    ("вересень", 9),
    ("вересня", 9),
    ("жовтень", 10),
    ("жовтня", 10),
    ("листопад", 11),
    ("листопада", 11),
    ("грудень", 12),
    ("грудня", 12),
    ("січ", 1),
    ("лют", 2),
    ("бер", 3),
    ("квіт", 4),
    ("трав", 5),
    ("черв", 6),
    ("лип", 7),
    ("серп", 8),
    ("вер", 9),
    ("жов", 10),
    ("жовт", 10),
    ("лист", 11),
    ("груд", 12),
    // Arabic: Gregorian names (Egypt, the Gulf), with and without hamza
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // the Levant
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    // the Maghreb
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
];

/// A regex alternation of every name, longest first, case-insensitive,
/// each ending at a word boundary or an abbreviation's period.
pub fn pattern() -> String {
    let mut names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    let alternation: Vec<String> = names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect();
    format!(r"(?i:{})(?:\.|\b)", alternation.join("|"))
}

/// The month `name` (any case, period or not) names.
pub fn number(name: &str) -> Option<u32> {
    let name = name.trim().trim_end_matches('.');
    let lower = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = lower.to_lowercase();
    NAMES.iter().find_map(|&(n, m)| (n == lower).then_some(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_in_every_language() {
        for (name, month) in [
            ("October", 10),
            ("Oct.", 10),
            ("Oktober", 10),
            ("octobre", 10),
            ("oct", 10),
            ("OTT", 10),
            ("out", 10),
            ("okt", 10),
            ("października", 10),
            ("окт", 10),
            ("октября", 10),
            ("жов", 10),
            ("жовтня", 10),
            ("أكتوبر", 10),
            ("تشرين الأول", 10),
            ("März", 3),
            ("août", 8),
        ] {
            assert_eq!(number(name), Some(month), "{name}");
        }
        assert_eq!(number("Tuesday"), None);
    }

    #[test]
    fn every_name_is_listed_once_with_one_month() {
        let mut seen = std::collections::HashMap::new();
        for &(n, m) in NAMES {
            assert_eq!(n, n.to_lowercase(), "{n} is not lower case");
            assert!(seen.insert(n, m).is_none(), "{n} listed twice");
        }
    }

    #[test]
    fn the_pattern_compiles_and_matches_whole_words() {
        let re = regex::Regex::new(&format!("^(?:{})", pattern())).unwrap();
        assert!(re.is_match("ОКТ "));
        assert!(re.is_match("Oct. 8"));
        assert!(!re.is_match("Octopus"));
    }
}
