//! Per-language text analysis: the same words, lower-cased, stemmed
//! where a stemmer for the article's language exists, accents folded.
//!
//! Articles are indexed with their own language's analyzer, into the
//! same fields; a query word is analysed with the analyzer of every
//! language the archive holds and matches any of the forms, so
//! `Bogdanov` finds Russian, German and English articles alike, and
//! `coalitions` finds `coalition` in English ones. Stemming runs before
//! accent folding because the stemmers' rules are written for the
//! accented forms (French `-ées`, German umlauts).

use super::words::WordTokenizer;
use std::collections::BTreeMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token,
    TokenStream,
};

/// Tokens longer than this (bytes) are not words but URLs, hashes or
/// glued text; they are left out.
const MAX_TOKEN_BYTES: usize = 64;

/// An analyzer per supported language, and one for the rest.
#[derive(Clone)]
pub struct Analyzers {
    stemmed: BTreeMap<&'static str, TextAnalyzer>,
    plain: TextAnalyzer,
}

/// The languages with a stemmer, by their ISO 639-1 code.
const STEMMED: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

impl Default for Analyzers {
    fn default() -> Self {
        let stemmed = STEMMED
            .iter()
            .map(|&(code, lang)| {
                let a = TextAnalyzer::builder(WordTokenizer::default())
                    .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
                    .filter(LowerCaser)
                    .filter(Stemmer::new(lang))
                    .filter(AsciiFoldingFilter)
                    .build();
                (code, a)
            })
            .collect();
        let plain = TextAnalyzer::builder(WordTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        Analyzers { stemmed, plain }
    }
}

/// The key of the analyzer for a BCP 47 tag: `en-GB` → `en`, Norwegian
/// Bokmål and Nynorsk → `no`; languages without a stemmer → `""`.
pub fn analyzer_key(language: Option<&str>) -> &'static str {
    let Some(tag) = language else { return "" };
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let primary = match primary.as_str() {
        "nb" | "nn" => "no",
        p => p,
    };
    STEMMED
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or("", |(code, _)| code)
}

impl Analyzers {
    /// The analyzer for an article in `language` (a BCP 47 tag).
    pub fn for_language(&self, language: Option<&str>) -> TextAnalyzer {
        match self.stemmed.get(analyzer_key(language)) {
            Some(a) => a.clone(),
            None => self.plain.clone(),
        }
    }

    /// The analyzer by its key (see [`analyzer_key`]).
    pub fn by_key(&self, key: &str) -> TextAnalyzer {
        self.stemmed
            .get(key)
            .cloned()
            .unwrap_or_else(|| self.plain.clone())
    }

    /// The tokens of `text`, with offsets and positions.
    pub fn tokens(&self, analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    /// The distinct ways `text` analyses under the analyzers of the given
    /// keys: each a sequence of terms (one for a word, several for a
    /// phrase or a word the tokenizer splits).
    pub fn variants<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k str>,
        text: &str,
    ) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        let mut add = |mut a: TextAnalyzer| {
            let terms: Vec<String> = self
                .tokens(&mut a, text)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if !terms.is_empty() && !out.contains(&terms) {
                out.push(terms);
            }
        };
        add(self.plain.clone());
        for key in keys {
            add(self.by_key(key));
        }
        out
    }

    /// A word's form as a prefix query matches it: lower-cased and
    /// folded, not stemmed (a stem is no prefix of what the user typed).
    pub fn prefix_form(&self, text: &str) -> Option<String> {
        let mut a = self.plain.clone();
        let tokens = self.tokens(&mut a, text);
        match tokens.as_slice() {
            [one] => Some(one.text.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(a: &Analyzers, lang: Option<&str>, text: &str) -> Vec<String> {
        let mut an = a.for_language(lang);
        a.tokens(&mut an, text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn stems_in_the_articles_language() {
        let a = Analyzers::default();
        assert_eq!(
            terms(&a, Some("en"), "Coalitions knocking"),
            ["coalit", "knock"]
        );
        assert_eq!(terms(&a, Some("en-GB"), "doors"), ["door"]);
        assert_eq!(terms(&a, Some("ru"), "Москвы"), ["москв"]);
        assert_eq!(terms(&a, Some("ru"), "Москва"), ["москв"]);
        // German: stemmed, then umlauts folded.
        assert_eq!(terms(&a, Some("de"), "Bündnisse"), ["bundnis"]);
    }

    #[test]
    fn other_languages_are_lower_cased_and_folded_not_dropped() {
        let a = Analyzers::default();
        assert_eq!(terms(&a, Some("pl"), "Wałęsa Łódź"), ["walesa", "lodz"]);
        assert_eq!(terms(&a, Some("uk"), "Київ"), ["київ"]);
        assert_eq!(terms(&a, None, "Zürich"), ["zurich"]);
    }

    #[test]
    fn variants_cover_every_language() {
        let a = Analyzers::default();
        let v = a.variants(["en", "ru"], "Bogdanov");
        assert_eq!(v, vec![vec!["bogdanov".to_string()]]);
        let v = a.variants(["en"], "coalitions");
        assert!(v.contains(&vec!["coalitions".to_string()]));
        assert!(v.contains(&vec!["coalit".to_string()]));
        assert_eq!(
            a.variants(["en"], "U.S."),
            vec![vec!["u".to_string(), "s".to_string()]]
        );
        assert!(a.variants(["en"], "—").is_empty());
    }

    #[test]
    fn keys() {
        assert_eq!(analyzer_key(Some("nb-NO")), "no");
        assert_eq!(analyzer_key(Some("pl")), "");
        assert_eq!(analyzer_key(None), "");
        assert_eq!(analyzer_key(Some("EN")), "en");
    }
}
