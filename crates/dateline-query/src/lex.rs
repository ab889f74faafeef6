//! Tokens of a query, each with the byte offset where it starts.
//!
//! The lexer is pulled one token at a time by the parser, so the first
//! problem in reading order is the one reported, whether it is lexical (an
//! unterminated phrase) or grammatical (a stray `)`). It never looks back
//! and reads each byte a bounded number of times: linear in the input.

use crate::error::{ErrorKind, ParseError, Unary};
use crate::field::Field;

/// One token. Words carry their text with escapes removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TokenKind {
    LParen,
    RParen,
    And,
    Or,
    Not,
    /// `-` right before a word, phrase, group or another operator.
    Minus,
    /// `+` right before a word, phrase, group or another operator.
    Plus,
    /// A bare `*`: every article.
    Star,
    /// A known field name and its `:`; the lexer guarantees that the next
    /// token is the field's value (a word, prefix, phrase or `(`).
    Field(Field),
    Word(String),
    /// The text before a trailing `*`.
    Prefix(String),
    Phrase(String),
    End,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub offset: usize,
}

pub(crate) struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    /// Set right after a field prefix: the next token is its value, where
    /// `-`, `+` and the operator words are ordinary text (`title:AND`).
    field_value: Option<Field>,
}

/// The quote marks that may close a phrase opened by `open`, or `None` if
/// `open` opens no phrase. `„` is closed by `“` in German and by `”` in
/// Polish and Hungarian, so both are accepted.
fn closers(open: char) -> Option<&'static [char]> {
    match open {
        '"' => Some(&['"']),
        '“' => Some(&['”']),
        '„' => Some(&['“', '”']),
        '«' => Some(&['»']),
        _ => None,
    }
}

/// Whether `c` opens a phrase at the start of a token.
pub(crate) fn opens_phrase(c: char) -> bool {
    closers(c).is_some()
}

/// The characters that a backslash escapes inside a phrase. Any other
/// backslash is kept as written, so that a pasted `C:\Users` survives.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Whether `c` ends a bare word (and so must be escaped inside one).
pub(crate) fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"')
}

/// The field named by the ASCII letters at the start of `s`, if they are
/// followed by a `:`; with the byte length of the name. Escaped letters or
/// an escaped colon make no field prefix (`title\:x` is a word).
pub(crate) fn field_prefix(s: &str) -> Option<(Field, usize)> {
    // Field names are at most 8 letters; looking further is wasted work.
    let len = s
        .bytes()
        .take(9)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if s.as_bytes().get(len) != Some(&b':') {
        return None;
    }
    Field::parse(&s[..len]).map(|field| (field, len))
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(input: &'a str) -> Lexer<'a> {
        Lexer {
            input,
            pos: 0,
            field_value: None,
        }
    }

    fn peek_char(&self, at: usize) -> Option<char> {
        self.input.get(at..).and_then(|s| s.chars().next())
    }

    fn error(&self, offset: usize, kind: ErrorKind) -> ParseError {
        ParseError::at(self.input, offset, kind)
    }

    fn token(&mut self, kind: TokenKind, offset: usize, len: usize) -> Token {
        self.pos = offset + len;
        Token { kind, offset }
    }

    /// The next token; `End` (repeatedly) once the input is used up.
    pub(crate) fn next_token(&mut self) -> Result<Token, ParseError> {
        if let Some(field) = self.field_value.take() {
            return self.value(field);
        }
        while let Some(c) = self.peek_char(self.pos).filter(|c| c.is_whitespace()) {
            self.pos += c.len_utf8();
        }
        let start = self.pos;
        let Some(c) = self.peek_char(start) else {
            return Ok(Token {
                kind: TokenKind::End,
                offset: start,
            });
        };
        match c {
            '(' => Ok(self.token(TokenKind::LParen, start, 1)),
            ')' => Ok(self.token(TokenKind::RParen, start, 1)),
            '-' | '+' => {
                let (kind, op) = if c == '-' {
                    (TokenKind::Minus, Unary::Minus)
                } else {
                    (TokenKind::Plus, Unary::Plus)
                };
                // A detached sign (`Biden - Trump`) is rejected rather than
                // read as a word: backends would drop it as punctuation,
                // and the analyst most likely meant something else.
                match self.peek_char(start + 1) {
                    Some(next) if !next.is_whitespace() => Ok(self.token(kind, start, 1)),
                    _ => Err(self.error(start, ErrorKind::NothingAfter { op })),
                }
            }
            c if opens_phrase(c) => self.phrase(start, c),
            _ => {
                if let Some((field, len)) = field_prefix(&self.input[start..]) {
                    let value_at = start + len + 1;
                    return match self.peek_char(value_at) {
                        Some(v) if !v.is_whitespace() && v != ')' => {
                            self.field_value = Some(field);
                            Ok(self.token(TokenKind::Field(field), start, len + 1))
                        }
                        _ => Err(self.error(start, ErrorKind::FieldWithoutValue { field })),
                    };
                }
                self.word(start, None)
            }
        }
    }

    /// The value right after `field:` (the lexer checked that one starts
    /// here).
    fn value(&mut self, field: Field) -> Result<Token, ParseError> {
        let start = self.pos;
        match self.peek_char(start) {
            Some('(') => Ok(self.token(TokenKind::LParen, start, 1)),
            Some(c) if opens_phrase(c) => self.phrase(start, c),
            _ => self.word(start, Some(field)),
        }
    }

    /// A phrase opened by `open` at `start`.
    fn phrase(&mut self, start: usize, open: char) -> Result<Token, ParseError> {
        let close = closers(open).unwrap_or(&['"']);
        let mut text = String::new();
        let body = start + open.len_utf8();
        let mut chars = self.input[body..].char_indices();
        let end = loop {
            let Some((i, c)) = chars.next() else {
                let close = close[0];
                return Err(self.error(start, ErrorKind::UnterminatedPhrase { close }));
            };
            if close.contains(&c) {
                break body + i + c.len_utf8();
            }
            if c == '\\' {
                if let Some(next) = chars.as_str().chars().next() {
                    if next == '\\' || is_quote_mark(next) {
                        chars.next();
                        text.push(next);
                        continue;
                    }
                }
            }
            text.push(c);
        };
        if text.chars().all(char::is_whitespace) {
            return Err(self.error(start, ErrorKind::EmptyPhrase));
        }
        Ok(self.token(TokenKind::Phrase(text), start, end - start))
    }

    /// A bare word at `start` (a field's value if `field` is set, where the
    /// operator words mean themselves and a lone `*` is an error).
    fn word(&mut self, start: usize, field: Option<Field>) -> Result<Token, ParseError> {
        let mut text = String::new();
        let mut escaped = false;
        // An unescaped '*' is only allowed last; remember where it was in
        // case more of the word follows.
        let mut star: Option<usize> = None;
        let mut chars = self.input[start..].char_indices().peekable();
        let mut end = self.input.len();
        while let Some((i, c)) = chars.next() {
            if ends_word(c) {
                end = start + i;
                break;
            }
            if let Some(at) = star {
                return Err(self.error(at, ErrorKind::WildcardNotTrailing));
            }
            match c {
                '\\' => match chars.next() {
                    Some((_, next)) => {
                        text.push(next);
                        escaped = true;
                    }
                    None => return Err(self.error(start + i, ErrorKind::DanglingEscape)),
                },
                '*' => star = Some(start + i),
                _ => text.push(c),
            }
        }
        let kind = match star {
            Some(at) if text.is_empty() => match field {
                Some(field) => return Err(self.error(at, ErrorKind::FieldedStar { field })),
                None => TokenKind::Star,
            },
            Some(_) => TokenKind::Prefix(text),
            // Only the bare, unescaped upper-case words are operators, so
            // `\AND` and `title:AND` search for the word.
            None if field.is_none() && !escaped => match text.as_str() {
                "AND" => TokenKind::And,
                "OR" => TokenKind::Or,
                "NOT" => TokenKind::Not,
                _ => TokenKind::Word(text),
            },
            None => TokenKind::Word(text),
        };
        Ok(self.token(kind, start, end - start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    fn lex(input: &str) -> Result<Vec<(TokenKind, usize)>, ParseError> {
        let mut lexer = Lexer::new(input);
        let mut out = Vec::new();
        loop {
            let t = lexer.next_token()?;
            if t.kind == End {
                assert_eq!(t.offset, input.len());
                return Ok(out);
            }
            out.push((t.kind, t.offset));
        }
    }

    fn word(s: &str) -> TokenKind {
        Word(s.to_string())
    }

    #[test]
    fn words_operators_and_offsets() {
        assert_eq!(
            lex("  a AND b or (NOT c)").unwrap(),
            [
                (word("a"), 2),
                (And, 4),
                (word("b"), 8),
                (word("or"), 10),
                (LParen, 13),
                (Not, 14),
                (word("c"), 18),
                (RParen, 19),
            ]
        );
    }

    #[test]
    fn signs_attach_to_what_follows() {
        assert_eq!(
            lex("-a +\"b\" -(c) a-b").unwrap(),
            [
                (Minus, 0),
                (word("a"), 1),
                (Plus, 3),
                (Phrase("b".into()), 4),
                (Minus, 8),
                (LParen, 9),
                (word("c"), 10),
                (RParen, 11),
                (word("a-b"), 13),
            ]
        );
        let err = lex("Biden - Trump").unwrap_err();
        assert_eq!(err.kind, ErrorKind::NothingAfter { op: Unary::Minus });
        assert_eq!(err.offset, 6);
        let err = lex("a +").unwrap_err();
        assert_eq!(err.kind, ErrorKind::NothingAfter { op: Unary::Plus });
    }

    #[test]
    fn fields_and_their_values() {
        assert_eq!(
            lex("Title:AND url:http://x.y/z:1 lang:-x").unwrap(),
            [
                (Field(crate::Field::Title), 0),
                (word("AND"), 6),
                (Field(crate::Field::Url), 10),
                (word("http://x.y/z:1"), 14),
                (Field(crate::Field::Lang), 29),
                (word("-x"), 34),
            ]
        );
        assert_eq!(
            lex("10:30 re: title\\:x").unwrap(),
            [(word("10:30"), 0), (word("re:"), 6), (word("title:x"), 10)]
        );
        let err = lex("a title: b").unwrap_err();
        assert_eq!(
            (err.kind, err.offset),
            (
                ErrorKind::FieldWithoutValue {
                    field: crate::Field::Title
                },
                2
            )
        );
    }

    #[test]
    fn stars_and_prefixes() {
        assert_eq!(
            lex("* bogd* \\** fo\\*o").unwrap(),
            [
                (Star, 0),
                (Prefix("bogd".into()), 2),
                (Prefix("*".into()), 8),
                (word("fo*o"), 12),
            ]
        );
        let err = lex("fo*o").unwrap_err();
        assert_eq!((err.kind, err.offset), (ErrorKind::WildcardNotTrailing, 2));
        let err = lex("**").unwrap_err();
        assert_eq!((err.kind, err.offset), (ErrorKind::WildcardNotTrailing, 0));
        let err = lex("title:*").unwrap_err();
        assert_eq!(
            (err.kind, err.offset),
            (
                ErrorKind::FieldedStar {
                    field: crate::Field::Title
                },
                6
            )
        );
    }

    #[test]
    fn phrases_in_every_quote_style() {
        assert_eq!(
            lex("“a b” „c“ „d” «e» \"f \\\" \\\\ \\n\"").unwrap(),
            [
                (Phrase("a b".into()), 0),
                (Phrase("c".into()), 10),
                (Phrase("d".into()), 18),
                (Phrase("e".into()), 26),
                (Phrase("f \" \\ \\n".into()), 32),
            ]
        );
        // A typographic quote inside a word is just a character.
        assert_eq!(lex("l«x").unwrap(), [(word("l«x"), 0)]);
        let err = lex("a «b").unwrap_err();
        assert_eq!(
            (err.kind, err.offset),
            (ErrorKind::UnterminatedPhrase { close: '»' }, 2)
        );
        let err = lex("\" \"").unwrap_err();
        assert_eq!((err.kind, err.offset), (ErrorKind::EmptyPhrase, 0));
    }

    #[test]
    fn escapes_in_words() {
        assert_eq!(
            lex("\\( \\\" \\- \\AND a\\ b").unwrap(),
            [
                (word("("), 0),
                (word("\""), 3),
                (word("-"), 6),
                (word("AND"), 9),
                (word("a b"), 14),
            ]
        );
        let err = lex("ab\\").unwrap_err();
        assert_eq!((err.kind, err.offset), (ErrorKind::DanglingEscape, 2));
    }
}
