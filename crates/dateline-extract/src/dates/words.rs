//! Words that make dates: month names in many languages, and the labels
//! ("Updated", "Veröffentlicht am") that say which date a page means.
//!
//! Tables are lowercase and looked up after lowercasing the page's word, so
//! "OKTOBER", "Oktober" and "oktober" are one entry. Each word maps to one
//! month only; where two languages disagree ("listopad" is November in Polish
//! and Czech, October in Croatian) the tables' languages win.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Month names and abbreviations, grouped by month (index 0 = January).
///
/// English, German, French, Spanish, Italian, Portuguese, Dutch, Russian,
/// Ukrainian, Polish, Turkish, Arabic (Egyptian and Levantine one-word
/// names), plus the Scandinavian languages, Indonesian, Czech, Romanian and
/// Hungarian where they cost nothing. Slavic languages
/// write the day's month in the genitive ("8 октября"), so both cases are in.
const MONTHS: [&[&str]; 12] = [
    &[
        "jan",
        "january",
        "januar",
        "jänner",
        "jaenner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "январь",
        "января",
        "янв",
        "січень",
        "січня",
        "styczeń",
        "stycznia",
        "sty",
        "ocak",
        "oca",
        "ledna",
        "leden",
        "ianuarie",
        "január",
        "يناير",
    ],
    &[
        "feb",
        "february",
        "februar",
        "feber",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "февраль",
        "февраля",
        "фев",
        "лютий",
        "лютого",
        "luty",
        "lutego",
        "lut",
        "şubat",
        "subat",
        "şub",
        "února",
        "únor",
        "februarie",
        "február",
        "فبراير",
        "شباط",
    ],
    &[
        "mar",
        "march",
        "märz",
        "maerz",
        "mär",
        "mrz",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mrt",
        "март",
        "марта",
        "мар",
        "березень",
        "березня",
        "marzec",
        "marca",
        "mart",
        "maret",
        "března",
        "březen",
        "martie",
        "március",
        "مارس",
        "آذار",
    ],
    &[
        "apr",
        "april",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "апрель",
        "апреля",
        "апр",
        "квітень",
        "квітня",
        "kwiecień",
        "kwietnia",
        "kwi",
        "nisan",
        "nis",
        "dubna",
        "duben",
        "aprilie",
        "április",
        "أبريل",
        "ابريل",
        "إبريل",
        "نيسان",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maggio",
        "mag",
        "maio",
        "mei",
        "май",
        "мая",
        "травень",
        "травня",
        "maj",
        "maja",
        "mayıs",
        "mayis",
        "května",
        "květen",
        "május",
        "مايو",
        "أيار",
    ],
    &[
        "jun",
        "june",
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "июнь",
        "июня",
        "июн",
        "червень",
        "червня",
        "czerwiec",
        "czerwca",
        "cze",
        "haziran",
        "haz",
        "června",
        "červen",
        "iunie",
        "június",
        "يونيو",
        "حزيران",
    ],
    &[
        "jul",
        "july",
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "июль",
        "июля",
        "июл",
        "липень",
        "липня",
        "lipiec",
        "lipca",
        "lip",
        "temmuz",
        "tem",
        "července",
        "červenec",
        "iulie",
        "július",
        "يوليو",
        "تموز",
    ],
    &[
        "aug",
        "august",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "augusti",
        "agustus",
        "август",
        "августа",
        "авг",
        "серпень",
        "серпня",
        "sierpień",
        "sierpnia",
        "sie",
        "ağustos",
        "agustos",
        "ağu",
        "srpna",
        "srpen",
        "augusztus",
        "أغسطس",
        "اغسطس",
        "آب",
    ],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
        "сентябрь",
        "сентября",
        "сен",
        "сент",
        "вересень",
        "вересня",
        "wrzesień",
        "września",
        "wrz",
        "eylül",
        "eylul",
        "eyl",
        "září",
        "septembrie",
        "szeptember",
        "سبتمبر",
        "أيلول",
    ],
    &[
        "oct",
        "october",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "октябрь",
        "октября",
        "окт",
        "жовтень",
        "жовтня",
        "październik",
        "października",
        "paź",
        "ekim",
        "eki",
        "října",
        "říjen",
        "octombrie",
        "október",
        "أكتوبر",
        "اكتوبر",
    ],
    &[
        "nov",
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "ноябрь",
        "ноября",
        "ноя",
        "нояб",
        "листопад",
        "листопада",
        "listopad",
        "listopada",
        "lis",
        "kasım",
        "kasim",
        "kas",
        "listopadu",
        "noiembrie",
        "نوفمبر",
    ],
    &[
        "dec",
        "december",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "desember",
        "декабрь",
        "декабря",
        "дек",
        "грудень",
        "грудня",
        "grudzień",
        "grudnia",
        "gru",
        "aralık",
        "aralik",
        "ara",
        "prosince",
        "prosinec",
        "decembrie",
        "ديسمبر",
    ],
];

static MONTH_INDEX: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (i, names) in MONTHS.iter().enumerate() {
        for name in *names {
            let prev = m.insert(*name, i as u32 + 1);
            debug_assert!(prev.is_none(), "month word {name} listed twice");
        }
    }
    m
});

/// Lowercases `word` for table look-ups; `None` for words too long to be in
/// any table, which keeps the cost per token constant.
pub(crate) fn fold(word: &str) -> Option<String> {
    if word.len() > 48 {
        return None;
    }
    // Turkish capital dotted I lowercases to "i̇" (two chars) in Unicode; the
    // tables spell it plain "i".
    let lower = word.to_lowercase();
    Some(if lower.contains('\u{307}') {
        lower.replace('\u{307}', "")
    } else {
        lower
    })
}

/// The month (1–12) a word names, in any of the tables' languages.
pub(crate) fn month(word: &str) -> Option<u32> {
    let folded = fold(word)?;
    MONTH_INDEX.get(folded.as_str()).copied()
}

/// Which of a page's dates a label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Published,
    Updated,
}

/// Words that put "last changed" on the date after them. German "Stand"
/// ("as of") is not here: news sites use it for the only date they show.
const UPDATED: &[&str] = &[
    "updated",
    "update",
    "modified",
    "revised",
    "edited",
    "aktualisiert",
    "aktualisierung",
    "geändert",
    "actualisé",
    "actualise",
    "actualisée",
    "modifié",
    "modifie",
    "mis",
    "maj",
    "actualizado",
    "actualizada",
    "actualización",
    "actualizacion",
    "modificado",
    "atualizado",
    "atualizada",
    "atualização",
    "aggiornato",
    "aggiornata",
    "aggiornamento",
    "modificato",
    "bijgewerkt",
    "gewijzigd",
    "обновлено",
    "обновлен",
    "обновлена",
    "изменено",
    "оновлено",
    "zaktualizowano",
    "aktualizacja",
    "güncellendi",
    "güncelleme",
    "güncellenme",
    "guncellendi",
    "guncelleme",
];

/// Words that put "first published" on the date after them.
const PUBLISHED: &[&str] = &[
    "published",
    "posted",
    "publication",
    "released",
    "created",
    "written",
    "veröffentlicht",
    "veroeffentlicht",
    "erschienen",
    "publiziert",
    "erstellt",
    "publié",
    "publie",
    "publiée",
    "publicado",
    "publicada",
    "publicação",
    "publicación",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "geplaatst",
    "опубликовано",
    "опубликован",
    "опубліковано",
    "opublikowano",
    "yayınlandı",
    "yayınlanma",
    "yayinlandi",
    "yayın",
    "yayin",
];

static LABELS: LazyLock<HashMap<&'static str, Label>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for w in UPDATED {
        m.insert(*w, Label::Updated);
    }
    for w in PUBLISHED {
        m.insert(*w, Label::Published);
    }
    m
});

/// The label a word gives, if it is one.
pub(crate) fn label(word: &str) -> Option<Label> {
    let folded = fold(word)?;
    LABELS.get(folded.as_str()).copied()
}

/// Words allowed between a date and its time ("8 Oct 2014 at 15:01",
/// "08.10.2014 um 15:01 Uhr", "8 de octubre de 2014 a las 15:01").
const CONNECTORS: &[&str] = &[
    "at", "um", "à", "a", "las", "la", "alle", "ore", "om", "às", "as", "в", "о", "o", "saat",
    "klo", "kl", "le", "den", "dem", "on", "de", "du", "del",
];

static CONNECTOR_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| CONNECTORS.iter().copied().collect());

/// True for a short word that may stand between a date and its time.
pub(crate) fn is_connector(word: &str) -> bool {
    fold(word).is_some_and(|w| CONNECTOR_SET.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_words_in_many_languages() {
        for (w, m) in [
            ("October", 10),
            ("Oktober", 10),
            ("octobre", 10),
            ("octubre", 10),
            ("ottobre", 10),
            ("outubro", 10),
            ("OKTOBER", 10),
            ("октября", 10),
            ("października", 10),
            ("Ekim", 10),
            ("März", 3),
            ("MAYIS", 5),
            ("Şubat", 2),
            ("déc", 12),
            ("Sept", 9),
        ] {
            assert_eq!(month(w), Some(m), "{w}");
        }
        assert_eq!(month("Tuesday"), None);
        assert_eq!(month("listopadx"), None);
    }

    #[test]
    fn no_word_names_two_months() {
        let total: usize = MONTHS.iter().map(|m| m.len()).sum();
        assert_eq!(MONTH_INDEX.len(), total);
    }

    #[test]
    fn labels() {
        assert_eq!(label("Updated"), Some(Label::Updated));
        assert_eq!(label("Aktualisiert"), Some(Label::Updated));
        assert_eq!(label("Veröffentlicht"), Some(Label::Published));
        assert_eq!(label("Stand"), None);
        assert!(is_connector("um"));
        assert!(!is_connector("Moscow"));
    }
}
