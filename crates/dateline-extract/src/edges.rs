//! The edges of a body: the lines around the article text that repeat its
//! metadata (section, title, credit, "15:01 08/10/2014", "Updated 4:20
//! p.m.") or close it ("Copyright © 2014 …"). Containers often hold them;
//! readers don't count them as the story.

use regex::Regex;
use std::sync::LazyLock;

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b\d{1,2}:\d{2}\b                                   # 15:01
        | \b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b               # 08/10/2014, 2014-10-08
        | \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b
        | \b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b
        | \b(?:updated|published|posted|last\ modified|aktualisiert|veröffentlicht|publié|mis\ à\ jour)\b
        | \b\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago\b
        ",
    )
    .expect("date line pattern")
});

static CLOSING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved)|all rights reserved\.?$")
        .expect("closing line pattern")
});

/// Onward links: "Read more: …", "Lesen Sie auch: …", "Читайте также …".
static ONWARD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^[\s\[(]*(?:
            read\ more | read\ also | also\ read | related(?:\ stories|\ articles|\ coverage|\ content)?\s*: | see\ more | see\ also
            | more\s*: | also\ on\b | lesen\ sie\ auch | mehr\ zum\ thema | leia\ também | leia\ mais | lire\ aussi | à\ lire\ aussi
            | ver\ también | lee\ también | lea\ también | leggi\ anche | voir\ aussi | weiterlesen
            | auch\ interessant | czytaj\ (?:także|też|również|więcej) | zobacz\ (?:też|także|również)
            | lees\ (?:ook|meer) | saiba\ mais | veja\ também | читайте\ также | смотрите\ также
            | читайте\ також | дивіться\ також | اقرأ\ أيضا | 相关阅读 | 延伸阅读 | 関連記事
        )",
    )
    .expect("onward line pattern")
});

/// Calls to act: "Sign up for …", "Subscribe …", "Follow us …".
static CALL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^[\s\[(]*(?:
            sign\ up | subscribe\b | click\ here | get\ the\ latest | follow\ (?:us|him|her|me)\b | have\ a\ tip
        )",
    )
    .expect("call line pattern")
});

static CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s(]*(?:reporting by|additional reporting|editing by|writing by|compiled by)\b|contributed (?:reporting|to this report)")
        .expect("credit tail pattern")
});

/// A line that sends the reader elsewhere: "Read more: …", "Sign up for …".
/// An onward link's words may open a real sentence ("Read more carefully,
/// the figures show …", "Also on Monday, the ministry …"): a line that ends
/// as a sentence does and goes on from them in lower case (or, for "also
/// on", at all) is a sentence; a separator after them ("Read more: …") or
/// a capital (a headline: "Lire aussi Le Monde …") makes a promotion.
pub fn is_promo_line(line: &str) -> bool {
    if line.len() >= 300 {
        return false;
    }
    if CALL_LINE.is_match(line) {
        return true;
    }
    let Some(m) = ONWARD_LINE.find(line) else {
        return false;
    };
    let phrase = m.as_str().trim().to_lowercase();
    let after = line[m.end()..].trim_start();
    let sentence = line.trim_end().ends_with(['.', '!', '?', '"', '”', '»'])
        && (phrase.ends_with("also on")
            || after.starts_with(|c: char| c.is_lowercase() || c == ',')
                && line.split_whitespace().count() >= 8);
    !sentence
}

/// A short line that is (mostly) a date or time stamp.
pub fn is_date_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 12
        && line.chars().count() < 100
        && DATE_LINE.is_match(line)
        && !line.ends_with(['.', '?', '!', '"', '”'])
        || words <= 12 && DATE_LINE.find_iter(line).count() >= 2
}

/// A copyright notice.
pub fn is_closing_line(line: &str) -> bool {
    line.chars().count() < 200 && CLOSING_LINE.is_match(line.trim())
}

/// How many blocks at the head of `texts` are metadata, given the values
/// metadata already holds (compared ignoring case and punctuation).
pub fn head_len(texts: &[&str], known: &[&str]) -> usize {
    let known = normalized(known);
    texts
        .iter()
        .take_while(|t| {
            let n = norm(t);
            known.contains(&n) || is_date_line(t) || is_credit_line(t, &known)
        })
        .count()
}

/// How many blocks at the tail of `texts` are closing lines.
pub fn tail_len(texts: &[&str], known: &[&str]) -> usize {
    let known = normalized(known);
    texts
        .iter()
        .rev()
        .take_while(|t| {
            is_closing_line(t)
                || known.contains(&norm(t))
                || (t.len() < 400 && CREDIT_TAIL.is_match(t))
        })
        .count()
}

fn normalized(known: &[&str]) -> Vec<String> {
    known
        .iter()
        .map(|k| norm(k))
        .filter(|k| !k.is_empty())
        .collect()
}

/// "By Jane Doe", "Reuters Staff": a byline standing alone.
fn is_credit_line(line: &str, known: &[String]) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    words <= 8
        && (lower.starts_with("by ")
            || lower.starts_with("von ")
            || lower.starts_with("par ")
            || lower.starts_with("por "))
        || known
            .iter()
            .any(|k| k.len() > 3 && norm(line).starts_with(k.as_str()) && words <= 6)
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specimen_head_and_tail() {
        let texts = [
            "Homeland Security",
            "RIA Novosti",
            "15:01 08/10/2014\nUpdated 4:20 p.m. Moscow Time",
            "MOSCOW, October 8 (RIA Novosti) – The United States has been knocking on doors.",
            "The last paragraph, according to the State Department.",
            "Copyright © 2014 RIA Novosti. All rights reserved.",
        ];
        assert_eq!(head_len(&texts, &["Homeland Security", "RIA Novosti"]), 3);
        assert_eq!(tail_len(&texts, &[]), 1);
    }

    #[test]
    fn promos_and_credits() {
        assert!(is_promo_line(
            "Read more: Alibaba poised to launch record-breaking listing"
        ));
        assert!(is_promo_line("SEE MORE: Hong Kong protests"));
        assert!(!is_promo_line(
            "Readers more often than not agreed with the ruling."
        ));
        assert!(is_promo_line("Lesen Sie auch: Wer zahlt die Rente?"));
        assert!(is_promo_line("Читайте также Лавров прибыл в Каир"));
        assert!(is_promo_line("Read more about the case here."));
        assert!(is_promo_line(
            "Lire aussi Martine Dupont, « La politique du voisinage », Le Monde, juin 2018."
        ));
        assert!(!is_promo_line(
            "Read more carefully, the figures show the rise was concentrated in two departments."
        ));
        assert!(!is_promo_line(
            "Also on Monday, the ministry said it would not need an invitation."
        ));
        let texts = [
            "The story ends here.",
            "Reporting by Jane Doe; Editing by John Roe",
        ];
        assert_eq!(tail_len(&texts, &[]), 1);
    }

    #[test]
    fn sentences_with_dates_stay() {
        assert!(!is_date_line(
            "On October 8, the ministry said it would not need an invitation to the coalition."
        ));
        assert!(is_date_line("Updated Nov. 19, 2019 8:21 am ET"));
        assert!(is_date_line("Published 2 hours ago"));
    }
}
