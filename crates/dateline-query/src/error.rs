//! Why a query was rejected, precisely enough to show the analyst.

use crate::field::Field;
use std::fmt;

/// A query that could not be parsed. Its `Display` is one sentence naming
/// the problem and where it is, fit to send back as an HTTP 400 body.
///
/// ```
/// let err = dateline_query::parse("(coalition OR").unwrap_err();
/// assert_eq!(err.to_string(), "OR at column 12 needs something on both sides");
/// assert_eq!((err.offset, err.column), (11, 12));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Message(&self.kind, self.column))]
pub struct ParseError {
    /// Byte offset into the query where the problem is; always on a char
    /// boundary and at most the query's length.
    pub offset: usize,
    /// The same place as a 1-based column counted in characters, as the
    /// message shows it.
    pub column: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl ParseError {
    /// An error of `kind` at byte `offset` of `input` (which must be on a
    /// char boundary; the column is counted from it).
    pub(crate) fn at(input: &str, offset: usize, kind: ErrorKind) -> ParseError {
        let column = input.get(..offset).map_or(0, |s| s.chars().count()) + 1;
        ParseError {
            offset,
            column,
            kind,
        }
    }
}

/// A unary operator, for [`ErrorKind::NothingAfter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unary {
    /// `NOT`
    Not,
    /// `-` before a word, phrase or group.
    Minus,
    /// `+` before a word, phrase or group.
    Plus,
}

/// A binary operator, for [`ErrorKind::MissingOperand`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Binary {
    /// `AND`
    And,
    /// `OR`
    Or,
}

/// What is wrong with a query. Each names the problem at
/// [`ParseError::offset`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The query is longer than [`Limits::max_bytes`](crate::Limits);
    /// the offset is where the limit is passed.
    TooLong { len: usize, limit: usize },
    /// A group or negation at the offset nests deeper than
    /// [`Limits::max_depth`](crate::Limits).
    TooDeep { limit: usize },
    /// The leaf at the offset is one more than
    /// [`Limits::max_leaves`](crate::Limits).
    TooManyLeaves { limit: usize },
    /// The `(` at the offset is never closed.
    UnclosedParen,
    /// A `)` at the offset closes nothing.
    UnexpectedCloseParen,
    /// `()`, or parentheses with only spaces inside.
    EmptyGroup,
    /// The phrase opened at the offset has no closing quote; `close` is the
    /// quote mark that would end it.
    UnterminatedPhrase { close: char },
    /// `""`, or a phrase with only spaces inside.
    EmptyPhrase,
    /// `NOT`, `-` or `+` with no word, phrase or group right after it.
    NothingAfter { op: Unary },
    /// `AND` or `OR` at the start or end of the query or a group, or next
    /// to another operator.
    MissingOperand { op: Binary },
    /// `title:` followed by a space, a `)` or the end of the query.
    FieldWithoutValue { field: Field },
    /// A field prefix (at the offset) inside a field group such as
    /// `source:(…)`.
    FieldInFieldGroup { field: Field, group: Field },
    /// A bare `*` (at the offset) with a field: `title:*`, or `*` inside a
    /// field group. It is no prefix query, and "all articles" has no field.
    FieldedStar { field: Field },
    /// A prefix query with fewer characters before the `*` than
    /// [`Limits::min_prefix_chars`](crate::Limits); `prefix` is its text
    /// before the `*`.
    PrefixTooShort { prefix: String, min: usize },
    /// A `*` at the offset that does not end its word.
    WildcardNotTrailing,
    /// A `\` at the very end of the query, with nothing to escape.
    DanglingEscape,
}

/// Formats a kind with its column; a separate type so that thiserror's
/// derive can use it.
struct Message<'a>(&'a ErrorKind, usize);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let column = self.1;
        match self.0 {
            ErrorKind::TooLong { len, limit } => {
                write!(f, "query is {len} bytes long, limit {limit}")
            }
            ErrorKind::TooDeep { limit } => {
                write!(
                    f,
                    "query nests deeper than {limit} levels at column {column}"
                )
            }
            ErrorKind::TooManyLeaves { limit } => write!(
                f,
                "query has more than {limit} terms (term {} is at column {column})",
                limit.saturating_add(1)
            ),
            ErrorKind::UnclosedParen => {
                write!(f, "unclosed parenthesis opened at column {column}")
            }
            ErrorKind::UnexpectedCloseParen => write!(f, "unexpected ')' at column {column}"),
            ErrorKind::EmptyGroup => write!(f, "empty parentheses at column {column}"),
            ErrorKind::UnterminatedPhrase { close } => write!(
                f,
                "unterminated phrase starting at column {column}: no closing '{close}'"
            ),
            ErrorKind::EmptyPhrase => write!(f, "empty phrase at column {column}"),
            ErrorKind::NothingAfter { op } => {
                let op = match op {
                    Unary::Not => "NOT",
                    Unary::Minus => "'-'",
                    Unary::Plus => "'+'",
                };
                write!(f, "{op} at column {column} has nothing after it")
            }
            ErrorKind::MissingOperand { op } => {
                let op = match op {
                    Binary::And => "AND",
                    Binary::Or => "OR",
                };
                write!(f, "{op} at column {column} needs something on both sides")
            }
            ErrorKind::FieldWithoutValue { field } => {
                write!(
                    f,
                    "field '{field}:' at column {column} has nothing after it"
                )
            }
            ErrorKind::FieldInFieldGroup { field, group } => write!(
                f,
                "field inside a field group ('{group}:(… {field}:…)') at column {column}"
            ),
            ErrorKind::FieldedStar { field } => write!(
                f,
                "'*' at column {column} cannot be restricted to field '{field}:' \
                 ('*' alone matches all articles)"
            ),
            ErrorKind::PrefixTooShort { prefix, min } => write!(
                f,
                "prefix '{prefix}*' at column {column} is too short: at least {min} \
                 character{} before '*'",
                if *min == 1 { "" } else { "s" }
            ),
            ErrorKind::WildcardNotTrailing => write!(
                f,
                "'*' at column {column}: only a trailing '*' is supported"
            ),
            ErrorKind::DanglingEscape => {
                write!(f, "'\\' at column {column} has nothing after it to escape")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(input: &str, offset: usize, kind: ErrorKind) -> String {
        ParseError::at(input, offset, kind).to_string()
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let err = ParseError::at("«ab» )", 7, ErrorKind::UnexpectedCloseParen);
        assert_eq!((err.offset, err.column), (7, 6));
        assert_eq!(err.to_string(), "unexpected ')' at column 6");
    }

    #[test]
    fn messages_name_the_problem_and_column() {
        let q = "source:(Reuters title:x)";
        assert_eq!(
            message(
                q,
                16,
                ErrorKind::FieldInFieldGroup {
                    field: Field::Title,
                    group: Field::Source
                }
            ),
            "field inside a field group ('source:(… title:…)') at column 17"
        );
        assert_eq!(
            message(
                "a*",
                0,
                ErrorKind::PrefixTooShort {
                    prefix: "a".into(),
                    min: 2
                }
            ),
            "prefix 'a*' at column 1 is too short: at least 2 characters before '*'"
        );
        assert_eq!(
            message(
                "x",
                0,
                ErrorKind::TooLong {
                    len: 3000,
                    limit: 2048
                }
            ),
            "query is 3000 bytes long, limit 2048"
        );
        assert_eq!(
            message("a NOT", 2, ErrorKind::NothingAfter { op: Unary::Not }),
            "NOT at column 3 has nothing after it"
        );
        assert_eq!(
            message("-", 0, ErrorKind::NothingAfter { op: Unary::Minus }),
            "'-' at column 1 has nothing after it"
        );
        assert_eq!(
            message("\"ab", 0, ErrorKind::UnterminatedPhrase { close: '"' }),
            "unterminated phrase starting at column 1: no closing '\"'"
        );
        assert_eq!(
            message("a", 0, ErrorKind::TooManyLeaves { limit: 64 }),
            "query has more than 64 terms (term 65 is at column 1)"
        );
    }
}
