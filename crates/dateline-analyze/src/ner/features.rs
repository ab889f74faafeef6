//! Features: each one a 32-bit hash of a template number and a value, so
//! no string is built per token. Per sentence, everything that does not
//! depend on the tagger's own decisions is computed once (words, shapes,
//! affixes, word classes, gazetteer matches, document case); per token, the
//! previous labels and the document's prediction history are added.
//!
//! The feature set follows Ratinov & Roth (2009), "Design challenges and
//! misconceptions in named entity recognition".

use super::labels::{Label, N_LABELS};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are hashes already: one multiply instead of
/// SipHash, which would cost more than the rest of a lookup.
#[derive(Debug, Default, Clone, Copy)]
pub struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only integer keys are hashed with it; bytes are folded for
        // completeness.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n ^ (n >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
}

/// A map keyed by a hash.
pub type HashKeyed<K, V> = HashMap<K, V, BuildHasherDefault<PreHashed>>;
/// Word classes by the hash of the lowercase word.
pub type Lexicon = HashKeyed<u64, WordClass>;

/// Feature groups that can be switched off, to measure what each buys.
pub mod groups {
    /// Matches against the gazetteer (entity names seen in training).
    pub const GAZETTEER: u32 = 1;
    /// How often a word is capitalised mid-sentence in unlabeled text.
    pub const CASE_RATIO: u32 = 2;
    /// Word clusters learned from unlabeled text.
    pub const CLUSTERS: u32 = 4;
    /// How the same word was tagged earlier in the document.
    pub const HISTORY: u32 = 8;
    /// Whether the word appears in lowercase (or capitalised mid-sentence)
    /// elsewhere in the document.
    pub const DOC_CASE: u32 = 16;
    /// The two previous labels.
    pub const PREV_LABELS: u32 = 32;
    pub const ALL: u32 = 63;
    pub const NAMES: [(&str, u32); 6] = [
        ("gazetteer", GAZETTEER),
        ("case-ratio", CASE_RATIO),
        ("clusters", CLUSTERS),
        ("history", HISTORY),
        ("doc-case", DOC_CASE),
        ("prev-labels", PREV_LABELS),
    ];
}

const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over bytes: short words, no allocation.
pub fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub fn hash_str(s: &str) -> u64 {
    fnv(FNV_SEED, s.as_bytes())
}

/// The hash of a word's lowercase form, without building the string.
pub fn hash_lower(s: &str) -> u64 {
    if s.is_ascii() {
        let mut h = FNV_SEED;
        for b in s.bytes() {
            h = fnv(h, &[b.to_ascii_lowercase()]);
        }
        return h;
    }
    let mut h = FNV_SEED;
    let mut buf = [0u8; 4];
    for c in s.chars().flat_map(char::to_lowercase) {
        h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// splitmix64's finaliser: spreads every input bit over the output.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes, order-sensitively.
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b)
}

/// A feature: template `t` with value `v`. Never 0 (the empty slot).
fn feat(t: u32, v: u64) -> u32 {
    let h = (mix(v ^ (t as u64).wrapping_mul(0xd6e8_feb8_6659_fd93)) >> 32) as u32;
    h.max(1)
}

/// What unlabeled text says about a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// Brown-style cluster path bits (most significant first) and length.
    pub cluster: u32,
    pub cluster_len: u8,
    /// Capitalised share mid-sentence: 0 unknown, 1 (<10%) … 4 (≥90%).
    pub caps: u8,
}

/// Entity names with their lists (a bit per list), keyed by the hash of the
/// token sequence; every proper prefix of a name is marked too, so matching
/// stops as soon as no longer name can follow. Lists 0–3 are the names of
/// each type in the training data (PER, ORG, LOC, MISC); 4–7 are external
/// lists of the same types (place names, first names… from Debian packages).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub map: HashKeyed<u64, u16>,
}

/// Set on a key that starts a longer name.
pub const PREFIX: u16 = 0x8000;
/// The number of lists.
pub const GAZ_LISTS: usize = 8;
/// Longest name matched, in tokens.
pub const GAZ_MAX: usize = 8;

impl Gazetteer {
    /// Adds a name (its tokens) to list `kind` (< [`GAZ_LISTS`]).
    pub fn add<S: AsRef<str>>(&mut self, words: &[S], kind: usize) {
        if words.is_empty() || words.len() > GAZ_MAX || kind >= GAZ_LISTS {
            return;
        }
        let mut h = FNV_SEED;
        for (i, w) in words.iter().enumerate() {
            h = combine(h, hash_str(w.as_ref()));
            let e = self.map.entry(h).or_insert(0);
            if i + 1 == words.len() {
                *e |= 1 << kind;
            } else {
                *e |= PREFIX;
            }
        }
    }

    /// Records the first and last word of a name of several words of type
    /// `kind` (< 4, the training data's types): such words ("Corp",
    /// "Party", "Ministry"; "Bank", "University") mark a name's edge even
    /// in names never seen whole.
    pub fn add_edges<S: AsRef<str>>(&mut self, words: &[S], kind: usize) {
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        if words.len() < 2 || kind >= 4 {
            return;
        }
        for (w, bit) in [(first, kind), (last, 4 + kind)] {
            *self
                .map
                .entry(edge_key(hash_lower(w.as_ref())))
                .or_insert(0) |= 1 << bit;
        }
    }

    /// The edge bits of a word (by its lowercase hash): `type` as a first
    /// word, `4 + type` as a last.
    fn edges(&self, lower: u64) -> u16 {
        self.map.get(&edge_key(lower)).copied().unwrap_or(0)
    }

    /// Per token, bits `4*list + position` (B, I, L, U) of every name that
    /// covers it.
    fn marks(&self, forms: &[u64], out: &mut [u32]) {
        for i in 0..forms.len() {
            let mut h = FNV_SEED;
            for j in i..forms.len().min(i + GAZ_MAX) {
                h = combine(h, forms[j]);
                let Some(&v) = self.map.get(&h) else {
                    break;
                };
                for k in 0..GAZ_LISTS {
                    if v & (1 << k) == 0 {
                        continue;
                    }
                    if i == j {
                        out[i] |= 1 << (4 * k + 3);
                        continue;
                    }
                    out[i] |= 1 << (4 * k);
                    for o in &mut out[i + 1..j] {
                        *o |= 1 << (4 * k + 1);
                    }
                    out[j] |= 1 << (4 * k + 2);
                }
                if v & PREFIX == 0 {
                    break;
                }
            }
        }
    }
}

/// Edge words share the names' map under keys of their own.
fn edge_key(lower: u64) -> u64 {
    combine(0xed9e_5eed_0000_0001, lower)
}

/// What the features read besides the words.
pub struct Resources<'a> {
    pub lexicon: &'a Lexicon,
    pub gazetteer: &'a Gazetteer,
    pub groups: u32,
}

/// Capitalisation of a token.
fn case_class(w: &str) -> u8 {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return 4;
    };
    let (mut upper, mut lower, mut digit) = (0, 0, 0);
    for c in w.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        }
    }
    if first.is_lowercase() {
        if upper > 0 {
            5 // "iPhone"
        } else {
            0
        }
    } else if first.is_uppercase() {
        if lower > 0 {
            1
        } else {
            2
        }
    } else if digit > 0 || upper + lower > 0 {
        3
    } else {
        4
    }
}

/// A word's shape with runs collapsed: "Bogdanov" → "Xx", "U.S." → "X.X.",
/// "1996-08-22" → "d-d-d".
fn shape(w: &str) -> u64 {
    let mut h = FNV_SEED;
    let mut last = '\0';
    let mut buf = [0u8; 4];
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a' // letters without case (CJK, Arabic, …)
        } else {
            c
        };
        if s != last {
            h = fnv(h, s.encode_utf8(&mut buf).as_bytes());
            last = s;
        }
    }
    h
}

/// Per-token facts computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    pub form: u64,
    pub lower: u64,
    pub shape: u64,
    pub case: u8,
    pub class: WordClass,
    pub gaz: u32,
    /// [`Gazetteer::add_edges`] bits.
    pub edges: u16,
    /// Seen in lowercase elsewhere in the document.
    pub doc_lower: bool,
    /// Seen capitalised, not first in its sentence, elsewhere in the document.
    pub doc_cap: bool,
}

/// Facts about a whole document that the per-token features read.
#[derive(Debug, Default)]
pub struct DocCase {
    lower: HashSet<u64, BuildHasherDefault<PreHashed>>,
    cap: HashSet<u64, BuildHasherDefault<PreHashed>>,
}

impl DocCase {
    /// Scans a document's sentences (words only; nothing about labels).
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> DocCase {
        let mut d = DocCase::default();
        for s in sentences {
            // A sentence in capitals (a headline) says nothing about case.
            let shouting = s
                .iter()
                .all(|w| !w.as_ref().chars().any(char::is_lowercase));
            if shouting {
                continue;
            }
            for (i, w) in s.iter().enumerate() {
                let w = w.as_ref();
                match case_class(w) {
                    0 => {
                        d.lower.insert(hash_lower(w));
                    }
                    1 if i > 0 => {
                        d.cap.insert(hash_lower(w));
                    }
                    _ => {}
                }
            }
        }
        d
    }
}

// Template numbers. Fixed: a model's weights are keyed by them.
const T_BIAS: u32 = 1;
const T_FORM: u32 = 2;
const T_LOWER: u32 = 3; // + offset (5 slots)
const T_SHAPE: u32 = 10; // + offset (5 slots)
const T_PREFIX: u32 = 20; // + length
const T_SUFFIX: u32 = 30; // + length
const T_BIGRAM_L: u32 = 40;
const T_BIGRAM_R: u32 = 41;
const T_SHAPE_BI_L: u32 = 42;
const T_SHAPE_BI_R: u32 = 43;
const T_CASE3: u32 = 44;
const T_FIRST_CASE: u32 = 45;
const T_FIRST_LOWER: u32 = 46;
const T_SHOUT_LOWER: u32 = 47;
const T_LEN: u32 = 48;
const T_CAPS: u32 = 50; // + offset (3 slots)
const T_CAPS_CASE: u32 = 53;
const T_CLUSTER: u32 = 60; // + 4*offset + prefix index
const T_GAZ: u32 = 80; // + offset (3 slots)
const T_GAZ_FORM: u32 = 84;
const T_DOC: u32 = 90;
const T_EDGE: u32 = 92; // + offset (4 slots)
const T_PREV1: u32 = 100;
const T_PREV2: u32 = 101;
const T_PREV12: u32 = 102;
const T_PREV1_LOWER: u32 = 103;
const T_PREV1_SHAPE: u32 = 104;
const T_HIST: u32 = 110;
const T_HIST_MAX: u32 = 111;
const T_HIST_CASE: u32 = 112;
const T_S1: u32 = 120; // + offset (3 slots)
const T_S1_AGG: u32 = 124;
const T_S1_AGG_MAX: u32 = 125;
const T_S1_AGG_CASE: u32 = 126;

/// Cluster path prefixes read as features: with the paths of
/// [`super::clusters`], the 32-, 128- and 512-class levels (and a level
/// between the first two); for Brown paths, four depths.
const CLUSTER_PREFIXES: [u8; 4] = [5, 8, 12, 21];

/// The static features of a sentence: `feats[offsets[i]..offsets[i+1]]`
/// belong to token `i`.
#[derive(Debug, Default)]
pub struct SentenceFeatures {
    pub infos: Vec<TokInfo>,
    pub feats: Vec<u32>,
    pub offsets: Vec<usize>,
}

impl SentenceFeatures {
    pub fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Fills `out` with the static features of `words`.
pub fn sentence<S: AsRef<str>>(
    words: &[S],
    res: &Resources,
    doc: Option<&DocCase>,
    out: &mut SentenceFeatures,
) {
    let n = words.len();
    out.infos.clear();
    out.feats.clear();
    out.offsets.clear();
    let shouting = words
        .iter()
        .all(|w| !w.as_ref().chars().any(char::is_lowercase));
    for w in words {
        let w = w.as_ref();
        let lower = hash_lower(w);
        let case = case_class(w);
        let (doc_lower, doc_cap) = match doc {
            Some(d) if res.groups & groups::DOC_CASE != 0 => {
                (d.lower.contains(&lower), d.cap.contains(&lower))
            }
            _ => (false, false),
        };
        out.infos.push(TokInfo {
            form: hash_str(w),
            lower,
            shape: shape(w),
            case,
            class: res.lexicon.get(&lower).copied().unwrap_or_default(),
            gaz: 0,
            edges: 0,
            doc_lower,
            doc_cap,
        });
    }
    if res.groups & groups::GAZETTEER != 0 {
        let forms: Vec<u64> = out.infos.iter().map(|t| t.form).collect();
        let mut marks = vec![0u32; n];
        res.gazetteer.marks(&forms, &mut marks);
        for (t, m) in out.infos.iter_mut().zip(marks) {
            t.gaz = m;
            t.edges = res.gazetteer.edges(t.lower);
        }
    }
    const PAD: TokInfo = TokInfo {
        form: 1,
        lower: 1,
        shape: 1,
        case: 6,
        class: WordClass {
            cluster: 0,
            cluster_len: 0,
            caps: 0,
        },
        gaz: 0,
        edges: 0,
        doc_lower: false,
        doc_cap: false,
    };
    let at = |i: isize| -> &TokInfo {
        if i < 0 || i as usize >= n {
            &PAD
        } else {
            &out.infos[i as usize]
        }
    };
    let mut feats = std::mem::take(&mut out.feats);
    let mut offsets = std::mem::take(&mut out.offsets);
    for (i, w) in words.iter().enumerate() {
        offsets.push(feats.len());
        let w = w.as_ref();
        let ii = i as isize;
        let t = at(ii);
        feats.push(feat(T_BIAS, 0));
        feats.push(feat(T_FORM, t.form));
        for o in -2..=2isize {
            let x = at(ii + o);
            feats.push(feat(T_LOWER + (o + 2) as u32, x.lower));
            feats.push(feat(T_SHAPE + (o + 2) as u32, x.shape));
        }
        // Affixes, up to four characters.
        let mut ends = [w.len(); 4];
        for (k, (b, _)) in w.char_indices().skip(1).take(4).enumerate() {
            ends[k] = b;
        }
        let mut starts = [0usize; 4];
        let mut nchars = 0;
        for (k, (b, _)) in w.char_indices().rev().take(4).enumerate() {
            starts[k] = b;
            nchars = k + 1;
        }
        for k in 0..nchars {
            feats.push(feat(T_PREFIX + k as u32 + 1, hash_str(&w[..ends[k]])));
            feats.push(feat(T_SUFFIX + k as u32 + 1, hash_str(&w[starts[k]..])));
        }
        feats.push(feat(T_LEN, w.chars().count().min(12) as u64));
        let (p, nx) = (at(ii - 1), at(ii + 1));
        feats.push(feat(T_BIGRAM_L, combine(p.lower, t.lower)));
        feats.push(feat(T_BIGRAM_R, combine(t.lower, nx.lower)));
        feats.push(feat(T_SHAPE_BI_L, combine(p.shape, t.shape)));
        feats.push(feat(T_SHAPE_BI_R, combine(t.shape, nx.shape)));
        feats.push(feat(
            T_CASE3,
            (p.case as u64) << 16 | (t.case as u64) << 8 | nx.case as u64,
        ));
        if i == 0 {
            // First words are capitalised whatever they are.
            feats.push(feat(T_FIRST_CASE, t.case as u64));
            feats.push(feat(T_FIRST_LOWER, t.lower));
        }
        if shouting {
            feats.push(feat(T_SHOUT_LOWER, t.lower));
        }
        if res.groups & groups::CASE_RATIO != 0 {
            for o in -1..=1isize {
                let x = at(ii + o);
                feats.push(feat(T_CAPS + (o + 1) as u32, x.class.caps as u64));
            }
            feats.push(feat(
                T_CAPS_CASE,
                (t.class.caps as u64) << 8 | t.case as u64 | ((i == 0) as u64) << 16,
            ));
        }
        if res.groups & groups::CLUSTERS != 0 {
            for o in -1..=1isize {
                let x = at(ii + o);
                if x.class.cluster_len == 0 {
                    continue;
                }
                for (pi, &len) in CLUSTER_PREFIXES.iter().enumerate() {
                    let l = len.min(x.class.cluster_len);
                    let bits = x.class.cluster >> (32 - l as u32).min(31);
                    let v = (bits as u64) << 8 | l as u64;
                    feats.push(feat(T_CLUSTER + 4 * (o + 1) as u32 + pi as u32, v));
                }
            }
        }
        if res.groups & groups::GAZETTEER != 0 {
            for o in -1..=1isize {
                for b in set_bits(at(ii + o).gaz) {
                    feats.push(feat(T_GAZ + (o + 1) as u32, b as u64));
                    if o == 0 {
                        feats.push(feat(T_GAZ_FORM, (b as u64) << 8 | t.case as u64));
                    }
                }
            }
            edge_features(ii, &at, &mut feats);
        }
        if res.groups & groups::DOC_CASE != 0 && matches!(t.case, 1 | 2) {
            let v = (t.case as u64) << 4
                | (t.doc_lower as u64) << 2
                | (t.doc_cap as u64) << 1
                | (i == 0 || shouting) as u64;
            feats.push(feat(T_DOC, v));
        }
    }
    offsets.push(feats.len());
    out.feats = feats;
    out.offsets = offsets;
}

/// The edge-word bits of the token and its neighbours (one before, two
/// after: a name's last word is mostly ahead of where it starts), each
/// with the word's case, since "party" is no name's end.
fn edge_features<'a>(i: isize, at: &impl Fn(isize) -> &'a TokInfo, feats: &mut Vec<u32>) {
    for o in -1..=2isize {
        let x = at(i + o);
        for b in set_bits(u32::from(x.edges)) {
            let v = (b as u64) << 8 | x.case as u64;
            feats.push(feat(T_EDGE + (o + 1) as u32, v));
        }
    }
}

/// The indices of the bits set in `mask`, lowest first.
fn set_bits(mut mask: u32) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let b = mask.trailing_zeros();
            mask &= mask - 1;
            b
        })
    })
}

/// How the tokens of a document were tagged so far: counts per type
/// (PER, ORG, LOC, MISC) and `O`, for capitalised words only.
#[derive(Debug, Default)]
pub struct History {
    counts: HashKeyed<u64, [u16; 5]>,
}

impl History {
    /// Records a tagged sentence.
    pub fn record(&mut self, infos: &[TokInfo], labels: &[Label]) {
        for (t, l) in infos.iter().zip(labels) {
            if !matches!(t.case, 1 | 2) {
                continue;
            }
            let c = self.counts.entry(t.lower).or_insert([0; 5]);
            let k = l.kind().unwrap_or(4);
            c[k] = c[k].saturating_add(1);
        }
    }
}

/// Adds the features of the two previous labels (`None` before the
/// sentence's start): the only ones that change with the path a decoder
/// takes through the sentence.
pub fn prev_labels(
    t: &TokInfo,
    p1: Option<Label>,
    p2: Option<Label>,
    groups: u32,
    out: &mut Vec<u32>,
) {
    if groups & groups::PREV_LABELS == 0 {
        return;
    }
    let p1 = p1.map_or(99, |l| l.0 as u64);
    let p2 = p2.map_or(99, |l| l.0 as u64);
    out.push(feat(T_PREV1, p1));
    out.push(feat(T_PREV2, p2));
    out.push(feat(T_PREV12, p1 << 8 | p2));
    out.push(feat(T_PREV1_LOWER, combine(p1, t.lower)));
    out.push(feat(T_PREV1_SHAPE, combine(p1, t.shape)));
}

/// Adds the features of the document's history of this word (how it was
/// tagged in earlier sentences).
pub fn history(i: usize, t: &TokInfo, history: &History, groups: u32, out: &mut Vec<u32>) {
    if groups & groups::HISTORY == 0 || !matches!(t.case, 1 | 2) {
        return;
    }
    if let Some(c) = history.counts.get(&t.lower) {
        let mut best = 0;
        for k in 0..5 {
            if c[k] > 0 {
                out.push(feat(T_HIST, k as u64));
            }
            if c[k] > c[best] {
                best = k;
            }
        }
        out.push(feat(T_HIST_MAX, best as u64));
        out.push(feat(T_HIST_CASE, (best as u64) << 8 | (i == 0) as u64));
    }
}

/// Adds the weights of `feats` into `scores`.
pub trait Scorer {
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]);
}

/// What the first pass found in a whole document: for each capitalised
/// word, how often each label was given to it, before and after. The
/// second pass reads it, so a name's later, fuller mention ("Mikhail
/// Bogdanov") informs an earlier, shorter one ("BOGDANOV SAYS…").
#[derive(Debug, Default)]
pub struct FirstPass {
    counts: HashKeyed<u64, [u16; N_LABELS]>,
}

impl FirstPass {
    /// Records a sentence as the first pass tagged it.
    pub fn record(&mut self, infos: &[TokInfo], labels: &[Label]) {
        for (t, l) in infos.iter().zip(labels) {
            if matches!(t.case, 1 | 2) {
                let c = self.counts.entry(t.lower).or_insert([0; N_LABELS]);
                let k = l.0 as usize % N_LABELS;
                c[k] = c[k].saturating_add(1);
            }
        }
    }
}

/// The second pass's own features: the first pass's labels around the
/// token, and its labels for the same word anywhere in the document.
pub fn second_pass(
    i: usize,
    infos: &[TokInfo],
    first: &[Label],
    doc: &FirstPass,
    out: &mut Vec<u32>,
) {
    for o in 0..3usize {
        let j = (i + o).checked_sub(1);
        let l = j.and_then(|j| first.get(j)).map_or(99, |l| l.0 as u64);
        out.push(feat(T_S1 + o as u32, l));
    }
    let t = &infos[i];
    if !matches!(t.case, 1 | 2) {
        return;
    }
    let Some(c) = doc.counts.get(&t.lower) else {
        return;
    };
    // By type (O apart), and the most frequent type.
    let mut by_type = [0u32; 5];
    for (l, &n) in c.iter().enumerate() {
        if n > 0 {
            out.push(feat(T_S1_AGG, l as u64));
            by_type[Label(l as u8).kind().unwrap_or(4)] += n as u32;
        }
    }
    let mut best = 4;
    for k in 0..4 {
        if by_type[k] > by_type[best] {
            best = k;
        }
    }
    out.push(feat(T_S1_AGG_MAX, best as u64));
    out.push(feat(T_S1_AGG_CASE, (best as u64) << 8 | t.case as u64));
}
