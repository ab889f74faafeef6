//! Tokens and sentences, with byte offsets into the input text.
//!
//! One left-to-right pass over the characters, with a one-character look
//! ahead and behind: no regular expression runs per token, and nothing
//! looks further than a few tokens back, so the work is linear in the text.
//!
//! Tokens follow CoNLL-2003's conventions, since that is what the tagger
//! learnt from: hyphenated words ("US-led", "1996-08-22") and numbers with
//! separators ("1,000", "3.5", "10:30") are one token; apostrophes inside a
//! word stay in it ("don't", "Russia's"); a quotation mark or bracket is a
//! token of its own. A period belongs to the word before it when that word is
//! an abbreviation ("Gen.", "Oct."), an initial ("J.") or dotted letters
//! ("U.S.").

use std::ops::Range;

/// What kind of characters a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Has at least one letter ("Bogdanov", "F-16", "U.S.", "don't").
    Word,
    /// Digits, perhaps with separators ("1,000", "3.5", "1996-08-22").
    Number,
    /// Punctuation, quotation marks, brackets and dashes.
    Punct,
    /// Anything else: currency and maths signs, emoji.
    Symbol,
}

/// One token: `start..end` is a byte range of the text, on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whether whitespace (or the start of the text) comes right before it.
    pub space_before: bool,
    /// Line breaks in the whitespace before it: 0, 1, or 2 for a blank line
    /// or more (a paragraph break).
    pub breaks_before: u8,
}

impl Token {
    /// The token's text; empty if the token does not fit `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One sentence: a byte range of the text and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Indices into the token list the sentence was split from.
    pub tokens: Range<usize>,
}

/// Abbreviations that take a period and do not end a sentence: titles,
/// months, weekdays and the like ("Gen. Smith", "Oct. 8").
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "assn", "aug", "ave", "brig", "capt", "cmdr", "col", "corp", "cpl", "dec",
    "dept", "dr", "etc", "feb", "fig", "fri", "ft", "gen", "gov", "hon", "inc", "jan", "jr", "jul",
    "jun", "lt", "ltd", "maj", "mar", "messrs", "mon", "mr", "mrs", "ms", "mt", "nov", "oct",
    "pres", "prof", "rep", "rev", "sat", "sen", "sep", "sept", "sgt", "sr", "st", "sun", "supt",
    "thu", "thur", "thurs", "tue", "tues", "vs", "wed", "co", "bros", "approx", "est", "no", "nos",
    "vol", "pp", "op", "cf",
];

/// Abbreviations after which a sentence may still end ("… in the U.S. The
/// next day …"): company suffixes and "etc.". Dotted letters count too.
const MAY_END: &[&str] = &["inc", "corp", "ltd", "co", "etc", "bros", "jr", "sr"];

/// Words that commonly open a sentence, used to tell "U.S. The" (a new
/// sentence) from "U.S. Army" (the same one) after an abbreviation.
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "According",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "But",
    "During",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "No",
    "On",
    "One",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "We",
    "What",
    "When",
    "While",
    "Yet",
    "You",
];

fn is_abbreviation(word: &str) -> bool {
    // Abbreviations are short; skip the lowercase copy for longer words.
    word.len() <= 7
        && word.chars().all(|c| c.is_alphabetic())
        && ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Characters that continue a word without being alphanumeric: combining
/// marks, joiners and variation selectors.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{00AD}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Invisible characters treated as space: controls, zero-width space,
/// byte-order mark, word joiner.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Punctuation written as a run of the same character that reads as one
/// mark: "...", "--", "!!", "``".
fn repeats(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~' | '#' | '`' | '\''
    )
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Splits `text` into tokens, in order, never overlapping.
pub fn tokens(text: &str) -> Vec<Token> {
    // Running text averages about six bytes a token.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    let mut breaks: u8 = 0;
    let mut space = true;
    let mut prev_cr = false;
    while let Some(c) = char_at(text, i) {
        if is_space(c) {
            // "\r\n" is one line break; a lone "\r" is one too.
            let is_break = match c {
                '\n' => !prev_cr,
                '\r' | '\u{0085}' | '\u{2028}' => true,
                '\u{2029}' | '\u{000C}' => {
                    breaks = breaks.max(1);
                    true
                }
                _ => false,
            };
            if is_break {
                breaks = breaks.saturating_add(1).min(2);
            }
            prev_cr = c == '\r';
            space = true;
            i += c.len_utf8();
            continue;
        }
        prev_cr = false;
        let (end, kind) = if is_word_char(c) {
            scan_word(text, i)
        } else {
            scan_other(text, i, c)
        };
        out.push(Token {
            start: i,
            end,
            kind,
            space_before: space,
            breaks_before: breaks,
        });
        i = end;
        breaks = 0;
        space = false;
    }
    out
}

/// A word or number from `start`: alphanumeric characters, joined by the
/// inner punctuation that keeps one word one token.
fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let mut j = start;
    let mut prev = '\0';
    let mut letters = false;
    let mut inner_dot = false;
    let mut first_upper_run = true; // all letters so far uppercase (for "AT&T")
    while let Some(c) = char_at(text, j) {
        if is_word_char(c) {
            letters |= c.is_alphabetic();
            if c.is_lowercase() {
                first_upper_run = false;
            }
            prev = c;
            j += c.len_utf8();
            continue;
        }
        let next = char_at(text, j + c.len_utf8());
        let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
        let joins = match c {
            _ if is_apostrophe(c) => {
                prev.is_alphabetic() && next.is_some_and(|n| n.is_alphabetic())
            }
            '-' | '\u{2010}' | '\u{2011}' => prev.is_alphanumeric() && next_alnum,
            '.' => {
                let both_letters = prev.is_alphabetic() && next.is_some_and(|n| n.is_alphabetic());
                let both_digits = prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                if both_letters {
                    inner_dot = true;
                }
                both_letters || both_digits
            }
            ',' | ':' | '/' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            '&' => first_upper_run && prev.is_uppercase() && next.is_some_and(|n| n.is_uppercase()),
            _ => false,
        };
        if !joins {
            // A final period belongs to an abbreviation, an initial or
            // dotted letters; otherwise it is punctuation.
            if c == '.' && letters && next.is_none_or(|n| !n.is_alphanumeric()) {
                let word = &text[start..j];
                let single_letter = {
                    let mut cs = word.chars();
                    cs.next().is_some_and(|f| f.is_alphabetic()) && cs.next().is_none()
                };
                let number_abbrev =
                    word.eq_ignore_ascii_case("no") || word.eq_ignore_ascii_case("nos");
                let attach = inner_dot
                    || single_letter
                    || (number_abbrev && next_digit_after_space(text, j + 1))
                    || (!number_abbrev && is_abbreviation(word));
                if attach {
                    j += 1;
                }
            }
            break;
        }
        prev = c;
        j += c.len_utf8();
    }
    let kind = if letters {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    (j, kind)
}

/// Whether the first non-space character from `i` is a digit ("No. 1").
fn next_digit_after_space(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().find(|c| !c.is_whitespace()))
        .is_some_and(|c| c.is_ascii_digit())
}

/// A punctuation mark or symbol from `start`.
fn scan_other(text: &str, start: usize, c: char) -> (usize, TokenKind) {
    let mut j = start + c.len_utf8();
    if repeats(c) {
        while let Some(n) = char_at(text, j) {
            let same = n == c || (matches!(c, '!' | '?') && matches!(n, '!' | '?'));
            if !same {
                break;
            }
            j += n.len_utf8();
        }
    }
    let is_punct = c.is_ascii_punctuation() || is_general_punctuation(c);
    if is_punct {
        return (j, TokenKind::Punct);
    }
    // Emoji sequences: variation selectors, skin tones and joined parts
    // stay with their base character.
    while let Some(n) = char_at(text, j) {
        if matches!(
            n,
            '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}'
        ) {
            j += n.len_utf8();
        } else if n == '\u{200D}' {
            j += n.len_utf8();
            if let Some(m) = char_at(text, j) {
                if !is_space(m) {
                    j += m.len_utf8();
                }
            }
        } else {
            break;
        }
    }
    (j, TokenKind::Symbol)
}

fn is_general_punctuation(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '«' | '»' | '¡' | '¿' | '§' | '¶' | '·'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{060C}' | '\u{061F}' | '\u{06D4}' | '\u{0964}' | '\u{0965}')
}

fn is_terminal(t: &str) -> bool {
    matches!(t, "!" | "?" | "…" | "。" | "！" | "？" | "।" | "۔" | "؟")
        || (t.starts_with(['.', '!', '?']) && t.chars().all(|c| matches!(c, '.' | '!' | '?')))
}

fn is_closing(t: &str) -> bool {
    matches!(
        t,
        ")" | "]" | "}" | "\"" | "'" | "’" | "”" | "»" | "›" | "''" | "」" | "』"
    )
}

fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "--" | "–" | "—" | "―")
}

/// Whether a sentence may end after a word that took its period: dotted
/// letters ("U.S.") and company suffixes, but not titles or initials.
fn abbreviation_may_end(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    if stem.contains('.') {
        return true;
    }
    stem.len() <= 5 && MAY_END.contains(&stem.to_lowercase().as_str())
}

fn starts_lowercase(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Whether a single line break before token `i` ends the sentence: yes
/// (a headline, a list line, a paragraph), unless the text plainly runs on
/// across it — the next line starts in lowercase, or the line ends with a
/// comma or another mark that leaves the sentence open.
fn line_break_ends(text: &str, toks: &[Token], i: usize) -> bool {
    let next = toks[i].text(text);
    if starts_lowercase(next) {
        return false;
    }
    let prev = toks[i - 1].text(text);
    !matches!(
        prev,
        "," | ";" | "(" | "[" | "{" | "“" | "‘" | "«" | "„" | "&"
    )
}

/// Splits `text`, already cut into `toks` (by [`tokens`]), into sentences.
/// Every token belongs to exactly one sentence; sentences are in order.
pub fn split_sentences(text: &str, toks: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let n = toks.len();
    let mut s = 0; // first token of the current sentence
    let mut i = 0;
    let mut push = |from: usize, to: usize| {
        if from < to {
            out.push(Sentence {
                start: toks[from].start,
                end: toks[to - 1].end,
                tokens: from..to,
            });
        }
    };
    while i < n {
        // A line break before token i.
        if i > s
            && toks[i].breaks_before > 0
            && (toks[i].breaks_before >= 2 || line_break_ends(text, toks, i))
        {
            push(s, i);
            s = i;
        }
        // A dateline opens a paragraph: "MOSCOW, October 8 (RIA Novosti) –".
        if i == s && (i == 0 || toks[i].breaks_before > 0) {
            if let Some(dash) = dateline_dash(text, toks, i) {
                push(s, dash + 1);
                s = dash + 1;
                i = dash + 1;
                continue;
            }
        }
        let t = toks[i].text(text);
        let terminal = if toks[i].kind == TokenKind::Punct {
            is_terminal(t)
        } else {
            toks[i].kind == TokenKind::Word && abbreviation_may_end(t)
        };
        if !terminal {
            i += 1;
            continue;
        }
        // Closing quotes and brackets written against the mark belong to
        // the sentence it ends.
        let mut j = i + 1;
        while j < n
            && toks[j].kind == TokenKind::Punct
            && !toks[j].space_before
            && is_closing(toks[j].text(text))
        {
            j += 1;
        }
        if j >= n {
            break;
        }
        let next = toks[j].text(text);
        let ends = if toks[i].kind == TokenKind::Word {
            // After "U.S." only a word that usually opens a sentence.
            SENTENCE_OPENERS.contains(&next)
        } else {
            toks[j].space_before
                && !starts_lowercase(next)
                && !matches!(next, "," | ";" | ":" | ")" | "]" | "}")
                && !is_terminal(next)
        };
        if ends {
            push(s, j);
            s = j;
        }
        i = j;
    }
    push(s, n);
    out
}

/// The dash that closes a dateline opening at token `s`, if there is one: an
/// all-capital place first, then only capitalised words, numbers, commas
/// and brackets (the date and agency), within a dozen tokens.
fn dateline_dash(text: &str, toks: &[Token], s: usize) -> Option<usize> {
    let first = toks.get(s)?.text(text);
    let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first.chars().all(|c| !c.is_lowercase());
    if toks[s].kind != TokenKind::Word || !caps {
        return None;
    }
    for k in s + 1..toks.len().min(s + 14) {
        if k > s + 1 && toks[k].breaks_before > 0 {
            return None;
        }
        let t = toks[k].text(text);
        if toks[k].kind == TokenKind::Punct && is_dash(t) {
            // Something must follow on the same line: a dash that ends the
            // paragraph is no dateline's.
            let followed = toks.get(k + 1).is_some_and(|n| n.breaks_before == 0);
            return followed.then_some(k);
        }
        let ok = match toks[k].kind {
            TokenKind::Word => !starts_lowercase(t),
            TokenKind::Number => true,
            TokenKind::Punct => matches!(t, "," | "(" | ")" | "/"),
            TokenKind::Symbol => false,
        };
        if !ok {
            return None;
        }
    }
    None
}

/// Tokenizes `text` and splits it into sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    split_sentences(text, &tokens(text))
}
