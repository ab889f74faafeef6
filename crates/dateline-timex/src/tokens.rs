//! Splits a chunk of text into words, digit runs and single punctuation
//! marks, with byte offsets. "4:20", "p.m.", "1990s" and "two-year" come out
//! as several tokens marked as touching (`joined`), so the scanner can tell
//! "4:20" from "4 : 20" without a second tokenizer.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No whitespace between this token and the previous one.
    pub joined: bool,
    /// First character is upper case.
    pub capital: bool,
}

/// Tokens of `text`, appended to `out` (cleared first, so one buffer serves
/// every chunk of a long document).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut chars = text.char_indices().peekable();
    let mut joined = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() {
            joined = false;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, n)) = chars.peek() {
                let same = match kind {
                    Kind::Number => n.is_ascii_digit(),
                    _ => n.is_alphabetic() && !n.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            start,
            end,
            kind,
            joined: joined && !out.is_empty(),
            capital: c.is_uppercase(),
        });
        joined = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(&str, bool)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter()
            .map(|t| (&text[t.start..t.end], t.joined))
            .collect()
    }

    #[test]
    fn splits_clock_times_and_abbreviations() {
        assert_eq!(
            shapes("at 4:20 p.m."),
            vec![
                ("at", false),
                ("4", false),
                (":", true),
                ("20", true),
                ("p", false),
                (".", true),
                ("m", true),
                (".", true)
            ]
        );
        assert_eq!(
            shapes("the 1990s, Ünïcode"),
            vec![
                ("the", false),
                ("1990", false),
                ("s", true),
                (",", true),
                ("Ünïcode", false)
            ]
        );
    }
}
