//! The word tokenizer every language's analyzer starts from.
//!
//! Words are runs of letters, digits and combining marks (so a word
//! written with decomposed accents stays one word). Scripts written
//! without spaces (Chinese, Japanese kana and kanji) have no words to
//! find, so each run of them is indexed as overlapping character pairs,
//! the usual approach of search engines without a dictionary: a query
//! for 北京 is the pair 北京, a longer one a phrase of pairs.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordStream<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    at: usize,
    /// The pairs of the current unspaced run still to give, as byte ranges.
    pending: std::collections::VecDeque<(usize, usize)>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            pending: Default::default(),
            token: &mut self.token,
        }
    }
}

impl WordStream<'_> {
    fn emit(&mut self, (from, to): (usize, usize)) -> bool {
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    /// Queues the pairs of the unspaced run `start..end` (its one
    /// character when it has only one).
    fn queue_pairs(&mut self, start: usize, end: usize) {
        let bounds: Vec<usize> = self.text[start..end]
            .char_indices()
            .map(|(i, _)| start + i)
            .chain([end])
            .collect();
        if bounds.len() == 2 {
            self.pending.push_back((start, end));
        }
        for w in bounds.windows(3) {
            self.pending.push_back((w[0], w[2]));
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(range) = self.pending.pop_front() {
            return self.emit(range);
        }
        let text = self.text;
        let mut iter = text[self.at..]
            .char_indices()
            .map(|(i, c)| (i + self.at, c));
        while let Some((start, c)) = iter.next() {
            let unspaced = is_unspaced(c);
            if !unspaced && !is_word_char(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            for (i, c) in iter.by_ref() {
                let same_kind = if unspaced {
                    is_unspaced(c)
                } else {
                    is_word_char(c) && !is_unspaced(c)
                };
                if !same_kind {
                    break;
                }
                end = i + c.len_utf8();
            }
            self.at = end;
            if unspaced {
                self.queue_pairs(start, end);
                let first = self
                    .pending
                    .pop_front()
                    .expect("a run has a pair or a character");
                return self.emit(first);
            }
            return self.emit((start, end));
        }
        self.at = text.len();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks: accents written as separate code points, and the
/// vowel signs of Arabic, Hebrew and Indic scripts.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF..=0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// Scripts written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut t = WordTokenizer::default();
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let tok = s.token();
            out.push((
                tok.text.clone(),
                tok.offset_from,
                tok.offset_to,
                tok.position,
            ));
        }
        out
    }

    fn words(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn words_with_offsets_and_positions() {
        assert_eq!(
            tokens("Hello, Москва!"),
            vec![("Hello".into(), 0, 5, 0), ("Москва".into(), 7, 19, 1)]
        );
    }

    #[test]
    fn decomposed_accents_stay_in_their_word() {
        assert_eq!(
            words("Ze\u{301}lie caf\u{e9}"),
            ["Ze\u{301}lie", "caf\u{e9}"]
        );
    }

    #[test]
    fn unspaced_runs_become_pairs() {
        assert_eq!(words("新华社北京"), ["新华", "华社", "社北", "北京"]);
        assert_eq!(words("北"), ["北"]);
        assert_eq!(
            words("新华社10月8日电"),
            ["新华", "华社", "10", "月", "8", "日电"]
        );
        assert_eq!(words("IS 北京 x"), ["IS", "北京", "x"]);
    }

    #[test]
    fn nothing_in_punctuation() {
        assert!(words(" ,.;— ").is_empty());
        assert!(words("").is_empty());
    }
}
