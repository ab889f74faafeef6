//! Quotation-mark scanning: pairs opening and closing marks into quoted
//! spans, in one pass over the tokens with a small bounded stack.
//!
//! The tokenizer makes every quotation mark a token of its own and keeps
//! apostrophes inside words ("don't", "Russia's"), so an apostrophe that
//! is a token here is either a quotation mark or a word-final apostrophe
//! ("Jones' car"). Which one, and whether a mark opens or closes, is read
//! from its spacing: an opening mark has space (or an opening bracket)
//! before it and a word right after it; a closing mark is written against
//! the word before it.

use crate::tokenize::Token;

/// Straight and curly, single and double marks pair within their family:
/// a single quote never closes a double one, so 'all doors' nests inside
/// '…' only through the stack, and "…'…'…" stays balanced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// Which way a mark is written to face, before the context is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

/// A quoted span: the content between an opening and a closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// Token indices of the opening and closing marks.
    pub open: usize,
    pub close: usize,
    /// Byte range of the content, without the marks.
    pub start: usize,
    pub end: usize,
    /// 0 for a quote at the top level, 1 for one nested inside it, ….
    pub depth: usize,
    pub family: Family,
}

/// Deeper nesting than this is not real quoting; bounding the stack keeps
/// the scan linear on adversarial input ("'''''…").
const MAX_DEPTH: usize = 6;

fn classify(t: &str) -> Option<(Family, Facing)> {
    Some(match t {
        "\"" | "''" => (Family::Double, Facing::Either),
        "“" | "„" | "``" | "«" | "〝" => (Family::Double, Facing::Open),
        "”" | "»" | "〞" | "〟" => (Family::Double, Facing::Close),
        "'" => (Family::Single, Facing::Either),
        "‘" | "‚" | "‹" => (Family::Single, Facing::Open),
        "’" | "›" => (Family::Single, Facing::Close),
        _ => return None,
    })
}

/// Whether token `i` is a quotation mark of any family.
pub fn is_mark(text: &str, toks: &[Token], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| classify(t.text(text)).is_some())
}

fn is_opening_context(t: &str) -> bool {
    matches!(t, "(" | "[" | "{" | "—" | "–" | "-" | ":" | "/")
}

/// A mark that starts a paragraph: a blank line before it, or a single
/// line break after a line that ends a sentence or a quote.
fn starts_paragraph(text: &str, toks: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    match toks[i].breaks_before {
        0 => false,
        1 => {
            let prev = toks[i - 1].text(text);
            matches!(prev, "." | "!" | "?" | ":" | "…") || classify(prev).is_some()
        }
        _ => true,
    }
}

/// All quoted spans of the text, ordered by their opening mark. An open
/// quote at the end of a paragraph carries on when the next paragraph
/// opens with a mark of the same family (the typographic convention for a
/// quote over several paragraphs); the span then covers the paragraph
/// break and the reopening mark. Otherwise a double mark that opened a
/// sentence closes with its paragraph, and other marks that never close
/// are dropped.
pub fn scan(text: &str, toks: &[Token]) -> Vec<Quoted> {
    let mut out = Vec::new();
    // (opening token, family) from outermost to innermost.
    let mut stack: Vec<(usize, Family)> = Vec::with_capacity(MAX_DEPTH);
    let n = toks.len();
    for i in 0..n {
        let t = toks[i].text(text);
        let new_paragraph = i > 0 && starts_paragraph(text, toks, i);
        let mark = classify(t);
        if new_paragraph && !stack.is_empty() {
            let outer = stack[0].1;
            let reopens = mark.is_some_and(|(f, facing)| {
                f == outer && facing != Facing::Close && opens_here(text, toks, i)
            });
            if reopens {
                // The quote goes on: this mark is the reopening, not a
                // new quote. Quotes nested in it end with its paragraph.
                stack.truncate(1);
                continue;
            }
            out.extend(unclosed(text, toks, &stack, i));
            stack.clear();
        }
        let Some((family, facing)) = mark else {
            continue;
        };
        let left = opens_here(text, toks, i);
        let right = closes_here(text, toks, i);
        let open_at = stack.iter().rposition(|&(_, f)| f == family);
        let action = match facing {
            // “ written where a closing mark belongs closes („…“, or a
            // typo); otherwise it opens.
            Facing::Open => {
                if right && !left && open_at.is_some() {
                    Action::Close
                } else {
                    Action::Open
                }
            }
            // ” or » written where an opening mark belongs opens (Swedish
            // ”…”, German »…«) when nothing of its family is open.
            Facing::Close => {
                if open_at.is_some() {
                    Action::Close
                } else if left && !right {
                    Action::Open
                } else {
                    Action::Skip
                }
            }
            Facing::Either => {
                if right && open_at.is_some() {
                    Action::Close
                } else if left {
                    Action::Open
                } else if open_at.is_some() && !right && !toks[i].space_before {
                    // Written against both neighbours ("a"b): only a
                    // double quote can mean anything here; a single one
                    // is an apostrophe.
                    if family == Family::Double {
                        Action::Close
                    } else {
                        Action::Skip
                    }
                } else if open_at.is_some() && family == Family::Double {
                    Action::Close
                } else {
                    // A lone apostrophe: "Jones' car", "the '90s".
                    Action::Skip
                }
            }
        };
        match action {
            Action::Open => {
                if stack.len() < MAX_DEPTH {
                    stack.push((i, family));
                }
            }
            Action::Close => {
                if let Some(k) = open_at {
                    let (o, _) = stack[k];
                    stack.truncate(k);
                    out.push(Quoted {
                        open: o,
                        close: i,
                        start: toks[o].end,
                        end: toks[i].start.max(toks[o].end),
                        depth: k,
                        family,
                    });
                }
            }
            Action::Skip => {}
        }
    }
    out.extend(unclosed(text, toks, &stack, n));
    out.sort_by_key(|q| q.open);
    out
}

/// A quotation left open when its paragraph ends at token `end`: one that
/// opened a sentence is read as closing with the paragraph (its closing
/// mark forgotten: "'…,' said Baron. '… in the greatest depth.¶"); any
/// other open mark is dropped.
fn unclosed(text: &str, toks: &[Token], stack: &[(usize, Family)], end: usize) -> Option<Quoted> {
    let &(o, family) = stack.first()?;
    let opens_sentence = o == 0
        || starts_paragraph(text, toks, o)
        || matches!(toks[o - 1].text(text), "." | "!" | "?" | ":");
    let last = end.checked_sub(1)?;
    (opens_sentence && family == Family::Double && last > o + 1).then(|| Quoted {
        open: o,
        close: last,
        start: toks[o].end,
        end: toks[last].end,
        depth: 0,
        family,
    })
}

enum Action {
    Open,
    Close,
    Skip,
}

/// Left-flanking: space, a bracket or another opening mark before, and
/// something written right after.
fn opens_here(text: &str, toks: &[Token], i: usize) -> bool {
    let before = i == 0
        || toks[i].space_before
        || is_opening_context(toks[i - 1].text(text))
        || classify(toks[i - 1].text(text)).is_some_and(|(_, f)| f != Facing::Close);
    let after = toks.get(i + 1).is_some_and(|t| !t.space_before);
    before && after
}

/// Right-flanking: written against the token before it, and followed by
/// space, punctuation or the end.
fn closes_here(text: &str, toks: &[Token], i: usize) -> bool {
    if i == 0 || toks[i].space_before {
        return false;
    }
    match toks.get(i + 1) {
        None => true,
        Some(next) => {
            next.space_before || {
                let nt = next.text(text);
                nt.chars()
                    .next()
                    .is_some_and(|c| !c.is_alphanumeric() && !is_opening_context(nt))
            }
        }
    }
}
