//! BILOU labels: an entity is `U` (a single token) or `B I* L`. Tagging
//! with BILOU rather than IOB lets the tagger learn how names begin and end
//! (Ratinov & Roth 2009 measured it better than BIO on CoNLL).

use dateline_model::EntityKind;

/// The four CoNLL types, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// `O` and B/I/L/U for each of the four types.
pub const N_LABELS: usize = 1 + 4 * 4;

/// A label: 0 is `O`; `1 + 4*type + position` otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

/// Where a token sits in its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

impl Label {
    pub const O: Label = Label(0);

    pub fn new(kind: usize, pos: Position) -> Label {
        let p = match pos {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Label((1 + kind.min(3) * 4 + p) as u8)
    }

    pub fn is_o(self) -> bool {
        self.0 == 0
    }

    /// The type index (into [`TYPES`]), `None` for `O`.
    pub fn kind(self) -> Option<usize> {
        (self.0 != 0).then(|| (self.0 as usize - 1) / 4)
    }

    pub fn position(self) -> Option<Position> {
        (self.0 != 0).then(|| match (self.0 - 1) % 4 {
            0 => Position::Begin,
            1 => Position::Inside,
            2 => Position::Last,
            _ => Position::Unit,
        })
    }

    /// Whether an entity is open after this label (B or I).
    pub fn is_open(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Inside))
    }

    /// Whether `self` may follow `prev` (`None` at a sentence start), and
    /// whether it may stand at the sentence's end (`last`).
    pub fn allowed(self, prev: Option<Label>, last: bool) -> bool {
        let open = prev.is_some_and(|p| p.is_open());
        let ok = if open {
            prev.and_then(|p| p.kind()) == self.kind()
                && matches!(self.position(), Some(Position::Inside | Position::Last))
        } else {
            matches!(
                self.position(),
                None | Some(Position::Begin | Position::Unit)
            )
        };
        ok && !(last && self.is_open())
    }
}

/// The model's entity kind for a CoNLL type index.
pub fn entity_kind(kind: usize) -> EntityKind {
    match kind {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Location,
        _ => EntityKind::Misc,
    }
}

/// The type index of a CoNLL type name (`PER`, `ORG`, `LOC`, `MISC`).
pub fn type_index(name: &str) -> Option<usize> {
    TYPES.iter().position(|t| *t == name)
}

/// BILOU labels for a sentence's IOB1 (or IOB2) tags; unknown types are `O`.
pub fn from_iob<S: AsRef<str>>(tags: &[S]) -> Vec<Label> {
    let mut out = vec![Label::O; tags.len()];
    for c in crate::conll::chunks(tags) {
        let Some(k) = type_index(&c.kind) else {
            continue;
        };
        if c.end - c.start == 1 {
            out[c.start] = Label::new(k, Position::Unit);
            continue;
        }
        for (i, label) in out.iter_mut().enumerate().take(c.end).skip(c.start) {
            let pos = if i == c.start {
                Position::Begin
            } else if i + 1 == c.end {
                Position::Last
            } else {
                Position::Inside
            };
            *label = Label::new(k, pos);
        }
    }
    out
}

/// The entities of a label sequence as token ranges with a type index. A
/// sequence that breaks the BILOU rules (which the tagger never produces)
/// is read leniently: any non-`O` run of one type is an entity.
pub fn entities(labels: &[Label]) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        let starts_new = matches!(l.position(), Some(Position::Begin | Position::Unit));
        if let Some((s, k)) = open {
            if l.kind() != Some(k) || starts_new {
                out.push((s..i, k));
                open = None;
            }
        }
        if let Some(k) = l.kind() {
            if open.is_none() {
                open = Some((i, k));
            }
            if matches!(l.position(), Some(Position::Last | Position::Unit)) {
                if let Some((s, k)) = open.take() {
                    out.push((s..i + 1, k));
                }
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s..labels.len(), k));
    }
    out
}

/// IOB1 tags for a label sequence, as CoNLL-2003 writes them.
pub fn to_iob1(labels: &[Label]) -> Vec<String> {
    let chunks: Vec<crate::conll::Chunk> = entities(labels)
        .into_iter()
        .map(|(r, k)| crate::conll::Chunk {
            start: r.start,
            end: r.end,
            kind: TYPES[k].to_string(),
        })
        .collect();
    crate::conll::iob1(labels.len(), &chunks)
}
