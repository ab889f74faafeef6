//! Near-duplicate text: MinHash signatures over word shingles, and the
//! LSH bands that find candidate copies without comparing every pair.
//!
//! Copies of one wire report on different sites differ at their edges (a
//! credit line, a trimmed last paragraph, another headline), so equality
//! of text would miss them. The Jaccard similarity of their sets of
//! five-word shingles stays high; MinHash estimates it from 64 numbers
//! per text. Split into 16 bands of 4, two texts share a band with
//! probability 1 − (1 − J⁴)¹⁶: 0.64 at J = 0.5, 0.99 at J = 0.7, so
//! looking up a text's 16 band keys finds practically every copy above
//! [`THRESHOLD`], and each candidate is then checked on its signature.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Words per shingle.
const SHINGLE: usize = 5;
/// Hash functions per signature.
pub const HASHES: usize = 64;
/// Bands of [`ROWS`] hashes each.
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// Texts with fewer shingles than this are not compared: a few words in
/// common (a caption, a one-line brief) say nothing about copying.
pub const MIN_SHINGLES: usize = 12;
/// The estimated Jaccard similarity above which two texts are copies.
pub const THRESHOLD: f64 = 0.6;

/// A text's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; HASHES]);

impl Signature {
    /// The signature of `text`, or `None` when it is too short to judge.
    pub fn of(text: &str) -> Option<Signature> {
        let words = words(text);
        if words.len() < SHINGLE + MIN_SHINGLES - 1 {
            return None;
        }
        let mut mins = [u32::MAX; HASHES];
        let mut buf = String::new();
        for window in words.windows(SHINGLE) {
            buf.clear();
            for w in window {
                buf.push_str(w);
                buf.push(' ');
            }
            let base = xxh3_64(buf.as_bytes());
            for (i, m) in mins.iter_mut().enumerate() {
                // One strong hash re-mixed per function: independent enough
                // for MinHash, and one pass over the text.
                let h = xxh3_64_with_seed(&base.to_le_bytes(), i as u64) as u32;
                if h < *m {
                    *m = h;
                }
            }
        }
        Some(Signature(mins))
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The LSH band keys: two texts sharing one are candidate copies.
    /// Signed, because that is what databases store.
    pub fn bands(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (b, key) in keys.iter_mut().enumerate() {
            let mut bytes = [0u8; ROWS * 4];
            for (r, v) in self.0[b * ROWS..(b + 1) * ROWS].iter().enumerate() {
                bytes[r * 4..r * 4 + 4].copy_from_slice(&v.to_le_bytes());
            }
            *key = xxh3_64_with_seed(&bytes, b as u64) as i64;
        }
        keys
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut mins = [0u32; HASHES];
        for (m, chunk) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *m = u32::from_le_bytes(chunk.try_into().expect("chunks of 4"));
        }
        Some(Signature(mins))
    }
}

/// Lower-cased words; in scripts written without spaces (Chinese,
/// Japanese) each character counts as a word.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_unspaced(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "MOSCOW, October 8 (RIA Novosti) - The United States has been \
        knocking on all doors to build a coalition against the Islamic State, but Russia \
        does not need to be invited to fight terrorism, Deputy Foreign Minister Mikhail \
        Bogdanov said Wednesday. We have been involved in a fierce fight against terrorism \
        for a long time, Bogdanov added. Moscow insists that any such actions must be \
        carried out in accordance with international law.";

    #[test]
    fn copies_with_different_edges_are_similar() {
        let a = Signature::of(REPORT).unwrap();
        let edited = format!("{REPORT} Copyright RIA Novosti. Read more on our site.");
        let b = Signature::of(&edited.to_uppercase()).unwrap();
        let s = a.similarity(&b);
        assert!(s >= THRESHOLD, "similarity {s}");
        assert!(a.bands().iter().any(|k| b.bands().contains(k)));
    }

    #[test]
    fn different_reports_are_not() {
        let a = Signature::of(REPORT).unwrap();
        let other = "BERLIN, October 9 (Reuters) - German industrial output fell more than \
            expected in August, data showed on Thursday, adding to signs that Europe's \
            largest economy is losing momentum as the crisis in Ukraine weighs on business \
            confidence and exports to Russia decline sharply for the third month.";
        let b = Signature::of(other).unwrap();
        assert!(a.similarity(&b) < 0.2);
    }

    #[test]
    fn short_texts_are_not_judged() {
        assert_eq!(
            Signature::of("Too short to say anything about copying."),
            None
        );
    }

    #[test]
    fn bytes_round_trip() {
        let a = Signature::of(REPORT).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn unspaced_scripts_have_shingles() {
        let zh = "新华社北京10月8日电 俄罗斯外交部副部长博格丹诺夫8日表示，俄罗斯不需要被邀请参加打击恐怖主义的斗争。";
        assert!(Signature::of(zh).is_some());
    }
}
