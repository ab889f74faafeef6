//! Word replacement in text (offsets mapped to the new text) and in a
//! page's HTML (visible words only).

use super::*;
pub(crate) const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ten", "ra", "vos", "el", "dor", "in", "sta", "qua", "ber", "nu", "shi",
    "pol", "ar", "vik", "zen", "tor", "mal", "ou", "gri", "fen", "sol", "ly", "dra", "pe", "hal",
];

pub(crate) fn invent(rng: &mut Rng) -> String {
    let n = rng.range(2, 4);
    (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// `word` in the case pattern of `like` (capitalised or upper case).
pub(crate) fn recase(word: &str, like: &str) -> String {
    let mut chars = like.chars();
    let first_upper = chars.next().is_some_and(|c| c.is_uppercase());
    let all_upper = like.chars().count() > 1 && like.chars().all(|c| c.is_uppercase());
    if all_upper {
        word.to_uppercase()
    } else if first_upper {
        let mut c = word.chars();
        match c.next() {
            Some(f) => f
                .to_uppercase()
                .chain(c.flat_map(|x| x.to_lowercase()))
                .collect(),
            None => String::new(),
        }
    } else {
        word.to_lowercase()
    }
}

/// Replaces words of `text` outside `protected` (and not cut by any of
/// `boundaries`): returns the new text and a map of old offsets to new.
pub(crate) fn perturb(
    text: &str,
    protected: &[(usize, usize)],
    boundaries: &[usize],
    corpus_words: &[String],
    p: f64,
    p_new: f64,
    rng: &mut Rng,
) -> (String, OffsetMap) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut edits = Vec::new(); // (old end, cumulative delta after it)
    let mut last = 0;
    let mut delta: isize = 0;
    for (s, e) in word_spans(text) {
        let roll = rng.unit();
        if roll >= p + p_new {
            continue;
        }
        if protected.iter().any(|&(a, b)| s < b && a < e)
            || boundaries.iter().any(|&x| s < x && x < e)
        {
            continue;
        }
        let like = &text[s..e];
        let new = if roll < p_new {
            invent(rng)
        } else {
            corpus_words[rng.below(corpus_words.len())].clone()
        };
        let new = recase(&new, like);
        out.push_str(&text[last..s]);
        out.push_str(&new);
        last = e;
        delta += new.len() as isize - (e - s) as isize;
        edits.push((e, delta));
    }
    out.push_str(&text[last..]);
    (out, OffsetMap { edits })
}

pub(crate) struct OffsetMap {
    pub(crate) edits: Vec<(usize, isize)>,
}

impl OffsetMap {
    /// The new offset of old offset `o` (never inside an edited word).
    pub(crate) fn map(&self, o: usize) -> usize {
        let i = self.edits.partition_point(|&(end, _)| end <= o);
        let d = if i == 0 { 0 } else { self.edits[i - 1].1 };
        (o as isize + d) as usize
    }
}

/// The page's HTML with a share of the words of its text (not of tags,
/// scripts, styles or character references) replaced.
pub(crate) fn perturb_html(html: &[u8], words: &[String], p: f64, rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + 1024);
    let mut i = 0;
    let lower =
        |j: usize, n: usize| -> Vec<u8> { html[j..(j + n).min(html.len())].to_ascii_lowercase() };
    while i < html.len() {
        if html[i] == b'<' {
            // A tag (or comment): copy it whole; skip raw-text elements' bodies.
            let end = if html[i..].starts_with(b"<!--") {
                find(html, i + 4, b"-->").map_or(html.len(), |e| e + 3)
            } else {
                find(html, i, b">").map_or(html.len(), |e| e + 1)
            };
            let tag = lower(i, 9);
            let raw_end = [&b"<script"[..], b"<style", b"<textarea", b"<title"]
                .iter()
                .find(|t| tag.starts_with(t))
                .map(|t| {
                    let close = [b"</", &t[1..]].concat();
                    find_ci(html, end, &close).unwrap_or(html.len())
                });
            let stop = raw_end.unwrap_or(end).max(end);
            out.extend_from_slice(&html[i..stop]);
            i = stop;
            continue;
        }
        let next = find(html, i, b"<").unwrap_or(html.len());
        match std::str::from_utf8(&html[i..next]) {
            Ok(text) => {
                let mut last = 0;
                for (s, e) in word_spans(text) {
                    let prev = text[..s].chars().next_back();
                    if matches!(prev, Some('&' | '#')) || !rng.chance(p) {
                        continue;
                    }
                    out.extend_from_slice(&text.as_bytes()[last..s]);
                    let w = recase(&words[rng.below(words.len())], &text[s..e]);
                    out.extend_from_slice(w.as_bytes());
                    last = e;
                }
                out.extend_from_slice(&text.as_bytes()[last..]);
            }
            Err(_) => out.extend_from_slice(&html[i..next]),
        }
        i = next;
    }
    out
}

pub(crate) fn find(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

pub(crate) fn find_ci(h: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    h.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}
