//! Cursors: where a page of results ended, as an opaque string the
//! client hands back. A cursor names the sort it belongs to and the last
//! hit's sort key and id, so the next page starts strictly after it, and
//! a walk over every match sees each article once however many pages it
//! takes (articles stored meanwhile sort by their own keys).

use crate::{Sort, StoreError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The position after which the next page starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cursor {
    pub sort: Sort,
    /// The last hit's sort key: its score (relevance) or its date in
    /// seconds since the epoch (newest, oldest).
    pub key: Key,
    /// The last hit's id: ties on the key go by id, ascending.
    pub id: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Key {
    Score(f32),
    Seconds(i64),
}

impl Cursor {
    pub fn encode(&self) -> String {
        let (sort, key) = match (self.sort, self.key) {
            (Sort::Relevance, Key::Score(s)) => ("r", s.to_bits().to_string()),
            (Sort::Relevance, Key::Seconds(t)) => ("rt", t.to_string()),
            (Sort::Newest, k) => ("n", seconds(k).to_string()),
            (Sort::Oldest, k) => ("o", seconds(k).to_string()),
        };
        URL_SAFE_NO_PAD.encode(format!("1:{sort}:{key}:{}", self.id))
    }

    /// Reads a cursor back; `sort` must be the one it was made for.
    pub fn decode(s: &str, sort: Sort) -> Result<Cursor, StoreError> {
        let bad = || StoreError::bad_request(format!("not a cursor of this search: {s:?}"));
        if s.len() > 200 {
            return Err(bad());
        }
        let raw = URL_SAFE_NO_PAD.decode(s).map_err(|_| bad())?;
        let raw = String::from_utf8(raw).map_err(|_| bad())?;
        let parts: Vec<&str> = raw.split(':').collect();
        let [version, kind, key, id] = parts[..] else {
            return Err(bad());
        };
        if version != "1" {
            return Err(bad());
        }
        let id: u64 = id.parse().map_err(|_| bad())?;
        let key = match (kind, sort) {
            ("r", Sort::Relevance) => Key::Score(f32::from_bits(key.parse().map_err(|_| bad())?)),
            ("rt", Sort::Relevance) | ("n", Sort::Newest) | ("o", Sort::Oldest) => {
                Key::Seconds(key.parse().map_err(|_| bad())?)
            }
            _ => return Err(bad()),
        };
        if let Key::Score(s) = key {
            if !s.is_finite() {
                return Err(bad());
            }
        }
        Ok(Cursor { sort, key, id })
    }

    /// Whether a hit with this key and id comes after the cursor in the
    /// sort's order (higher scores and newer dates first, ties by id).
    pub fn precedes(&self, key: Key, id: u64) -> bool {
        use std::cmp::Ordering;
        // The hit's key against the cursor's.
        let order = match (key, self.key) {
            (Key::Score(b), Key::Score(a)) => b.partial_cmp(&a).unwrap_or(Ordering::Equal),
            (Key::Seconds(b), Key::Seconds(a)) => b.cmp(&a),
            _ => return false,
        };
        let descending = self.sort != Sort::Oldest;
        match order {
            Ordering::Equal => id > self.id,
            Ordering::Less => descending,
            Ordering::Greater => !descending,
        }
    }
}

fn seconds(k: Key) -> i64 {
    match k {
        Key::Seconds(t) => t,
        Key::Score(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for c in [
            Cursor {
                sort: Sort::Relevance,
                key: Key::Score(3.25),
                id: 7,
            },
            Cursor {
                sort: Sort::Newest,
                key: Key::Seconds(1_412_766_060),
                id: 1,
            },
            Cursor {
                sort: Sort::Oldest,
                key: Key::Seconds(-5),
                id: 99,
            },
        ] {
            assert_eq!(Cursor::decode(&c.encode(), c.sort).unwrap(), c);
        }
    }

    #[test]
    fn rejects_other_sorts_and_garbage() {
        let c = Cursor {
            sort: Sort::Newest,
            key: Key::Seconds(10),
            id: 1,
        }
        .encode();
        assert!(Cursor::decode(&c, Sort::Oldest).is_err());
        assert!(Cursor::decode("nonsense", Sort::Newest).is_err());
        assert!(Cursor::decode("", Sort::Newest).is_err());
    }

    #[test]
    fn order_after_cursor() {
        let c = Cursor {
            sort: Sort::Relevance,
            key: Key::Score(2.0),
            id: 5,
        };
        assert!(c.precedes(Key::Score(1.0), 1));
        assert!(c.precedes(Key::Score(2.0), 6));
        assert!(!c.precedes(Key::Score(2.0), 5));
        assert!(!c.precedes(Key::Score(3.0), 9));
        let n = Cursor {
            sort: Sort::Newest,
            key: Key::Seconds(100),
            id: 5,
        };
        assert!(n.precedes(Key::Seconds(99), 1));
        assert!(!n.precedes(Key::Seconds(101), 9));
        let o = Cursor {
            sort: Sort::Oldest,
            key: Key::Seconds(100),
            id: 5,
        };
        assert!(o.precedes(Key::Seconds(101), 1));
    }
}
