//! The shipped model's form: quantised weights in an open-addressing table,
//! the word classes and the gazetteer; serialised little-endian and
//! gzip-compressed.
//!
//! Layout (before compression): magic `DLNER\x03`, feature groups (u32);
//! two weight tables (first pass, second pass; the second may be empty),
//! each: scale (f32), feature count (u32), then per feature its key
//! (u32), entry count (u8) and entries (label u8, weight i8); word classes:
//! count (u32), then key (u64), cluster (u32), cluster length (u8), caps
//! (u8); gazetteer: count (u32), then key (u64), value (u16), names and
//! edge words alike (see `Gazetteer::add_edges`).

use super::features::{Gazetteer, Lexicon, Scorer, WordClass};
use super::labels::N_LABELS;
use std::io::{Read, Write};

const MAGIC: &[u8; 6] = b"DLNER\x03";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a Dateline NER model (bad magic)")]
    Magic,
    #[error("model file truncated")]
    Truncated,
    #[error("model file: {0}")]
    Io(#[from] std::io::Error),
}

/// Quantised weights: per feature a row of one weight per label. The file
/// keeps only the labels whose weight did not round to zero; in memory the
/// rows are dense, so scoring adds whole rows (which the compiler
/// vectorises) instead of scattering entries one label at a time.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// Open addressing, linear probing; key 0 is an empty slot.
    keys: Vec<u32>,
    /// Per slot: its row in `rows`.
    slots: Vec<u32>,
    rows: Vec<[i8; N_LABELS]>,
    /// Real weight = value × scale.
    pub scale: f32,
    len: usize,
}

impl Weights {
    /// Quantises `rows` (feature key → weight per label) to 8 bits, scaled
    /// so the largest weight is 127; weights that round to 0 are dropped.
    pub fn quantise(rows: &[(u32, [f32; N_LABELS])]) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut entries: Vec<(u32, Vec<(u8, i8)>)> = Vec::with_capacity(rows.len());
        for (key, row) in rows {
            let e: Vec<(u8, i8)> = row
                .iter()
                .enumerate()
                .filter_map(|(l, w)| {
                    let q = (w / scale).round().clamp(-127.0, 127.0) as i8;
                    (q != 0).then_some((l as u8, q))
                })
                .collect();
            if !e.is_empty() {
                entries.push((*key, e));
            }
        }
        Weights::from_entries(scale, entries)
    }

    fn from_entries(scale: f32, mut entries: Vec<(u32, Vec<(u8, i8)>)>) -> Weights {
        // A fixed order, so the same weights always give the same file.
        entries.sort_by_key(|e| e.0);
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut w = Weights {
            keys: vec![0; cap],
            slots: vec![0; cap],
            rows: Vec::new(),
            scale,
            len: 0,
        };
        for (key, e) in entries {
            if key == 0 || e.is_empty() {
                continue;
            }
            let mut s = slot_of(key, cap);
            while w.keys[s] != 0 && w.keys[s] != key {
                s = (s + 1) & (cap - 1);
            }
            if w.keys[s] == key {
                continue; // a duplicate key: the first one stays
            }
            let mut row = [0i8; N_LABELS];
            for (l, v) in e {
                if let Some(x) = row.get_mut(usize::from(l)) {
                    *x = v;
                }
            }
            w.keys[s] = key;
            w.slots[s] = w.rows.len() as u32;
            w.rows.push(row);
            w.len += 1;
        }
        w
    }

    /// The number of features with a weight.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every feature's key and row.
    fn entries(&self) -> impl Iterator<Item = (u32, &[i8; N_LABELS])> + '_ {
        self.keys
            .iter()
            .zip(&self.slots)
            .filter(|(k, _)| **k != 0)
            .map(|(k, s)| (*k, &self.rows[*s as usize]))
    }
}

impl Weights {
    fn write(&self, b: &mut Vec<u8>) {
        b.extend_from_slice(&self.scale.to_le_bytes());
        let mut feats: Vec<(u32, &[i8; N_LABELS])> = self.entries().collect();
        feats.sort_by_key(|f| f.0);
        b.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        for (k, row) in feats {
            b.extend_from_slice(&k.to_le_bytes());
            let nonzero = row.iter().filter(|&&v| v != 0).count();
            b.push(nonzero as u8);
            for (l, &v) in row.iter().enumerate().filter(|(_, &v)| v != 0) {
                b.push(l as u8);
                b.push(v as u8);
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let scale = f32::from_le_bytes(r.array()?);
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            let key = r.u32()?;
            let count = r.take(1)?[0] as usize;
            let raw = r.take(2 * count)?;
            let e = raw.chunks(2).map(|p| (p[0], p[1] as i8)).collect();
            entries.push((key, e));
        }
        Ok(Weights::from_entries(scale, entries))
    }
}

fn slot_of(key: u32, cap: usize) -> usize {
    // Keys are hashes already; multiply to use the high bits.
    ((key as u64).wrapping_mul(0x9e37_79b9) as usize) & (cap - 1)
}

impl Scorer for Weights {
    fn add(&self, feats: &[u32], scores: &mut [f32; N_LABELS]) {
        if self.keys.is_empty() {
            return; // an empty table (a one-pass model's second)
        }
        let mask = self.keys.len() - 1;
        // Sums of 8-bit weights stay exact in i32 (and in f32 after).
        let mut sum = [0i32; N_LABELS];
        for &f in feats {
            let mut s = slot_of(f, self.keys.len());
            loop {
                let k = self.keys[s];
                if k == f {
                    if let Some(row) = self.rows.get(self.slots[s] as usize) {
                        for (a, &w) in sum.iter_mut().zip(row) {
                            *a += i32::from(w);
                        }
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        for (s, a) in scores.iter_mut().zip(sum) {
            *s += a as f32;
        }
    }
}

/// Everything the tagger needs at run time.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub groups: u32,
    /// The first pass.
    pub weights: Weights,
    /// The second pass, which also reads what the first found in the whole
    /// document; empty for a one-pass model.
    pub second: Weights,
    pub lexicon: Lexicon,
    pub gazetteer: Gazetteer,
}

impl Model {
    /// The model's bytes, gzip-compressed; the same model always gives the
    /// same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.groups.to_le_bytes());
        for w in [&self.weights, &self.second] {
            w.write(&mut b);
        }
        let mut lex: Vec<(&u64, &WordClass)> = self.lexicon.iter().collect();
        lex.sort_by_key(|e| *e.0);
        b.extend_from_slice(&(lex.len() as u32).to_le_bytes());
        for (k, c) in lex {
            b.extend_from_slice(&k.to_le_bytes());
            b.extend_from_slice(&c.cluster.to_le_bytes());
            b.push(c.cluster_len);
            b.push(c.caps);
        }
        let mut gaz: Vec<(&u64, &u16)> = self.gazetteer.map.iter().collect();
        gaz.sort_by_key(|e| *e.0);
        b.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for (k, v) in gaz {
            b.extend_from_slice(&k.to_le_bytes());
            b.extend_from_slice(&v.to_le_bytes());
        }
        // No timestamp or name in the gzip header: rebuilds are identical.
        let mut enc = flate2::GzBuilder::new()
            .mtime(0)
            .write(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = enc.write_all(&b);
        enc.finish().unwrap_or_default()
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(gz: &[u8]) -> Result<Model, ModelError> {
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(gz).read_to_end(&mut b)?;
        let mut r = Reader { b: &b, at: 0 };
        if r.take(6)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let groups = r.u32()?;
        let weights = Weights::read(&mut r)?;
        let second = Weights::read(&mut r)?;
        let n = r.u32()? as usize;
        let mut lexicon = Lexicon::default();
        lexicon.reserve(n.min(1 << 22));
        for _ in 0..n {
            let key = r.u64()?;
            let cluster = r.u32()?;
            let x = r.take(2)?;
            lexicon.insert(
                key,
                WordClass {
                    cluster,
                    cluster_len: x[0],
                    caps: x[1],
                },
            );
        }
        let n = r.u32()? as usize;
        let mut gazetteer = Gazetteer::default();
        gazetteer.map.reserve(n.min(1 << 22));
        for _ in 0..n {
            let key = r.u64()?;
            let v = u16::from_le_bytes(r.array()?);
            gazetteer.map.insert(key, v);
        }
        Ok(Model {
            groups,
            weights,
            second,
            lexicon,
            gazetteer,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at.saturating_add(n))
            .ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
}
