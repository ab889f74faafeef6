//! The article fields a query can name (`title:coalition`).

use std::fmt;

/// A field of an archived article that a query leaf can be restricted to.
///
/// A leaf without a field searches the backend's default fields (title and
/// text). Field names are matched case-insensitively; `language` is an
/// alias of `lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The headline.
    Title,
    /// The article body.
    Text,
    /// A byline author.
    Author,
    /// The publisher ("Reuters").
    Source,
    /// The site's section ("world", "politics").
    Section,
    /// The host name the article was fetched from.
    Site,
    /// The article's language (an ISO 639-1 code such as `de`).
    Lang,
    /// A named entity found in the article.
    Entity,
    /// The article's canonical URL.
    Url,
}

impl Field {
    /// Every field, in declaration order.
    pub const ALL: [Field; 9] = [
        Field::Title,
        Field::Text,
        Field::Author,
        Field::Source,
        Field::Section,
        Field::Site,
        Field::Lang,
        Field::Entity,
        Field::Url,
    ];

    /// The canonical lower-case name, as printed before the `:`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Author => "author",
            Field::Source => "source",
            Field::Section => "section",
            Field::Site => "site",
            Field::Lang => "lang",
            Field::Entity => "entity",
            Field::Url => "url",
        }
    }

    /// The field called `name` (any case; `language` for [`Field::Lang`]),
    /// or `None` if there is no such field.
    ///
    /// ```
    /// use dateline_query::Field;
    /// assert_eq!(Field::parse("Title"), Some(Field::Title));
    /// assert_eq!(Field::parse("LANGUAGE"), Some(Field::Lang));
    /// assert_eq!(Field::parse("http"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Field> {
        // The longest name is 8 bytes; anything longer cannot match, and
        // checking first keeps this allocation-free.
        if name.len() > 8 {
            return None;
        }
        let is = |s: &str| name.eq_ignore_ascii_case(s);
        if is("language") {
            return Some(Field::Lang);
        }
        Field::ALL.into_iter().find(|f| is(f.as_str()))
    }

    /// Whether backends match this field as whole values (a source name, a
    /// language code, a URL) rather than as analysed words: true for
    /// `source`, `section`, `site`, `lang`, `entity`, `author` and `url`;
    /// false for the free-text `title` and `text`.
    pub fn is_keyword(self) -> bool {
        !matches!(self, Field::Title | Field::Text)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_any_case() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(field));
            assert_eq!(Field::parse(&field.as_str().to_uppercase()), Some(field));
            assert_eq!(field.to_string(), field.as_str());
        }
    }

    #[test]
    fn language_is_an_alias_and_unknown_names_are_none() {
        assert_eq!(Field::parse("language"), Some(Field::Lang));
        assert_eq!(Field::parse("Language"), Some(Field::Lang));
        for name in ["", "re", "http", "titles", "tit", "languages", "titleé"] {
            assert_eq!(Field::parse(name), None, "{name:?}");
        }
    }

    #[test]
    fn only_title_and_text_are_free_text() {
        let free: Vec<_> = Field::ALL.into_iter().filter(|f| !f.is_keyword()).collect();
        assert_eq!(free, [Field::Title, Field::Text]);
    }
}
