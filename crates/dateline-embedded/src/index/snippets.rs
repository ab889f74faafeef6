//! A passage of each hit with the query's words marked: the window of
//! the text richest in them, analysed as the article was indexed so
//! that `coalitions` marks `coalition`.

use super::language::Analyzers;
use dateline_model::Span;
use dateline_store::Snippet;
use std::collections::BTreeMap;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;

/// The longest passage, in characters.
const MAX_CHARS: usize = 240;

pub fn snippet(
    analyzers: &Analyzers,
    terms: &BTreeMap<String, f32>,
    field: Field,
    language: Option<&str>,
    text: &str,
) -> Snippet {
    let generator = SnippetGenerator::new(
        terms.clone(),
        analyzers.for_language(language),
        field,
        MAX_CHARS,
    );
    let s = generator.snippet(text);
    if s.is_empty() || s.highlighted().is_empty() {
        return lead(text);
    }
    let fragment = s.fragment().to_string();
    let highlights = s
        .highlighted()
        .iter()
        .map(|r| Span::new(r.start, r.end))
        .collect();
    Snippet {
        text: fragment,
        highlights,
    }
}

/// The text's opening, cut at a word: for hits whose words are in the
/// title only, or queries without words.
pub fn lead(text: &str) -> Snippet {
    let first = text.split("\n\n").next().unwrap_or("");
    let mut end = first.len();
    if first.chars().count() > MAX_CHARS {
        end = first
            .char_indices()
            .nth(MAX_CHARS)
            .map_or(first.len(), |(i, _)| i);
        if let Some(space) = first[..end].rfind(' ') {
            end = space;
        }
    }
    let mut text = first[..end].to_string();
    if end < first.len() {
        text.push('…');
    }
    Snippet {
        text,
        highlights: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_stemmed_forms() {
        let a = Analyzers::default();
        let mut terms = BTreeMap::new();
        terms.insert("coalit".to_string(), 1.0);
        let (schema, fields) = crate::index::schema::build();
        let _ = schema;
        let s = snippet(
            &a,
            &terms,
            fields.text,
            Some("en"),
            "The United States has been building coalitions for months.",
        );
        assert_eq!(s.highlights.len(), 1);
        let h = s.highlights[0];
        assert_eq!(&s.text[h.start..h.end], "coalitions");
    }

    #[test]
    fn lead_is_cut_at_a_word() {
        let text = "word ".repeat(100);
        let s = lead(&text);
        assert!(s.text.ends_with('…'));
        assert!(s.text.chars().count() <= MAX_CHARS + 1);
        assert_eq!(lead("Short.\n\nSecond.").text, "Short.");
    }
}
