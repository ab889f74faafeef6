//! Advertising labels and interface text that sit inside article
//! containers as lines of their own: `Anzeige`, `Advertisement`, `Реклама`,
//! "Read more", "Lesen Sie auch", "Share this article", a row of share
//! buttons. They are recognised only as whole lines (a block, or a line of
//! a block broken by `<br>`), never as words inside a sentence.
//!
//! Languages: English, German, French, Spanish, Italian, Portuguese,
//! Dutch, Polish, Russian, Ukrainian, Arabic, Chinese, Japanese (and the
//! Nordic advertising labels).

use std::collections::HashSet;
use std::sync::LazyLock;

/// Whole lines that are labels, not text (lower case, inner spaces single).
const LINES: &[&str] = &[
    // Advertising labels.
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "promoted",
    "promoted content",
    "story continues below advertisement",
    "article continues below advertisement",
    "content continues below",
    "advertisement continue reading below",
    "advertisement scroll to continue",
    "scroll to continue with content",
    "continue reading below",
    "anzeige",
    "anzeigen",
    "werbung",
    "gesponsert",
    "artikel wird nach der anzeige fortgesetzt",
    "weiter nach der anzeige",
    "lesen sie nach der anzeige weiter",
    "реклама",
    "партнерский материал",
    "продолжение ниже",
    "publicidad",
    "contenido patrocinado",
    "publicité",
    "publicite",
    "la suite après la publicité",
    "la suite après cette publicité",
    "contenu sponsorisé",
    "pubblicità",
    "pubblicita",
    "contenuto sponsorizzato",
    "continua a leggere dopo la pubblicità",
    "advertentie",
    "gesponsord",
    "reklama",
    "artykuł sponsorowany",
    "dalsza część artykułu pod materiałem wideo",
    "dalszy ciąg materiału pod wideo",
    "publicidade",
    "conteúdo patrocinado",
    "reklame",
    "annonce",
    "annons",
    "mainos",
    "إعلان",
    "广告",
    "広告",
    "スポンサーリンク",
    // Onward links standing alone.
    "read more",
    "read more »",
    "read the full story",
    "continue reading",
    "more",
    "see more",
    "show more",
    "weiterlesen",
    "mehr lesen",
    "mehr",
    "mehr anzeigen",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "das könnte sie auch interessieren",
    "читайте также",
    "читать далее",
    "читать полностью",
    "подробнее",
    "смотрите также",
    "читайте також",
    "читати далі",
    "детальніше",
    "lire la suite",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "en savoir plus",
    "leer más",
    "lee también",
    "lea también",
    "seguir leyendo",
    "ver más",
    "leggi anche",
    "leggi tutto",
    "leggi di più",
    "continua a leggere",
    "czytaj także",
    "czytaj też",
    "czytaj również",
    "czytaj więcej",
    "czytaj dalej",
    "zobacz też",
    "zobacz także",
    "zobacz również",
    "leia mais",
    "leia também",
    "continue lendo",
    "saiba mais",
    "veja também",
    "lees ook",
    "lees meer",
    "lees verder",
    "meer lezen",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "اقرأ المزيد",
    "阅读全文",
    "相关阅读",
    "延伸阅读",
    "続きを読む",
    "関連記事",
    // Share prompts.
    "share this article",
    "share this story",
    "share this",
    "share article",
    "share the article",
    "share via",
    "share on",
    "artikel teilen",
    "diesen artikel teilen",
    "beitrag teilen",
    "jetzt teilen",
    "поделиться в соцсетях",
    "partager cet article",
    "partager l'article",
    "partager sur",
    "comparte esta noticia",
    "compartir en",
    "compartir esta noticia",
    "condividi questo articolo",
    "condividi su",
    "udostępnij artykuł",
    "podziel się",
    "compartilhe esta notícia",
    "compartilhe",
    "deel dit artikel",
    "deel dit bericht",
    "شارك",
    "شارك الخبر",
    "分享到",
    "この記事をシェア",
];

/// "Share" in each language.
const SHARE_VERBS: &[&str] = &[
    "share",
    "teilen",
    "поделиться",
    "поділитися",
    "partager",
    "compartir",
    "condividi",
    "udostępnij",
    "delen",
    "compartilhar",
    "partilhar",
    "شارك",
    "分享",
    "シェア",
];

/// Words a row of share buttons is made of: the prompt, the networks, the
/// other buttons. A line of only these ("Share: Facebook Twitter Email")
/// is a toolbar.
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "xing",
    "flipboard",
    "messenger",
    "viber",
    "vk",
    "vkontakte",
    "вконтакте",
    "одноклассники",
    "ok",
    "weibo",
    "wechat",
    "微博",
    "微信",
    "line",
    "email",
    "e-mail",
    "mail",
    "print",
    "drucken",
    "imprimer",
    "imprimir",
    "stampa",
    "drukuj",
    "printen",
    "печать",
    "copy",
    "kopieren",
    "tweet",
    "pin",
];

static LINE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| LINES.iter().copied().collect());

/// Whether `line` is, as a whole, an advertising label, an onward link or
/// a share prompt.
pub fn is_marker_line(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let norm = normalized(line);
    if norm.is_empty() {
        return false;
    }
    if LINE_SET.contains(norm.as_str()) {
        return true;
    }
    is_share_row(&norm)
}

/// "Share: Facebook Twitter WhatsApp", "Teilen auf Facebook", "Facebook |
/// Twitter | E-Mail": only share words, with at most a connecting word.
fn is_share_row(norm: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "on", "via", "by", "auf", "per", "sur", "par", "en", "por", "su", "na", "op", "em", "no",
        "в", "у", "this", "article", "artikel", "the", "link",
    ];
    let words: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || "|/·•,;:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let mut share = 0;
    for w in &words {
        if SHARE_WORDS.contains(w) || SHARE_VERBS.contains(w) {
            share += 1;
        } else if !CONNECTORS.contains(w) {
            return false;
        }
    }
    // A lone "Print" or "Email" could be a heading; two share words or a
    // share verb make a toolbar.
    share >= 2
        || share == 1 && words.len() > 1 && is_share_verb(&words)
        || words.len() == 1 && is_share_verb(&words)
}

fn is_share_verb(words: &[&str]) -> bool {
    words.iter().any(|w| SHARE_VERBS.contains(w))
}

/// Lower case, single spaces, without the punctuation, arrows and bullets
/// around the words: `— ADVERTISEMENT —` → `advertisement`.
fn normalized(line: &str) -> String {
    let trimmed = line.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() && c != '\'' || "–—―…›»«‹•·▶►→↓|".contains(c)
    });
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// `text` without its marker lines; `None` when nothing else is left.
pub fn strip(text: String) -> Option<String> {
    if !text.contains('\n') {
        return (!is_marker_line(&text)).then_some(text);
    }
    if !text.lines().any(is_marker_line) {
        return Some(text);
    }
    let kept: Vec<&str> = text.lines().filter(|l| !is_marker_line(l)).collect();
    let joined = kept.join("\n");
    let joined = joined.trim();
    (!joined.is_empty()).then(|| joined.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_every_language() {
        for line in [
            "Anzeige",
            "ANZEIGE",
            "Advertisement",
            "- Advertisement -",
            "Реклама",
            "Publicidad",
            "Reklama",
            "Publicité",
            "Pubblicità",
            "Advertentie",
            "Publicidade",
            "إعلان",
            "广告",
            "Read more",
            "Read more »",
            "Lesen Sie auch",
            "Lesen Sie auch:",
            "Читайте также",
            "Читайте также:",
            "Czytaj także",
            "Lire aussi",
            "Share this article",
            "Teilen",
            "Share",
            "Share: Facebook Twitter WhatsApp",
            "Facebook | Twitter | E-Mail",
            "Teilen auf Facebook",
            "Поделиться",
            "Story continues below advertisement",
        ] {
            assert!(is_marker_line(line), "{line}");
        }
    }

    #[test]
    fn sentences_keep_their_words() {
        for line in [
            "Die Anzeige wurde am Montag geschaltet.",
            "Advertisement revenue fell by a third in 2014.",
            "Реклама на телевидении подорожала.",
            "Read more carefully, the ruling says something else.",
            "Teilen der Bevölkerung fehlt das Vertrauen.",
            "Print",
            "Email",
            "Facebook",
            "More than 200 people attended.",
        ] {
            assert!(!is_marker_line(line), "{line}");
        }
    }

    #[test]
    fn lines_go_blocks_stay() {
        assert_eq!(
            strip("Anzeige\nDie Regierung hat am Montag beschlossen.".into()),
            Some("Die Regierung hat am Montag beschlossen.".to_string())
        );
        assert_eq!(strip("Werbung".into()), None);
        assert_eq!(
            strip("Die Anzeige erschien.".into()),
            Some("Die Anzeige erschien.".to_string())
        );
    }
}
