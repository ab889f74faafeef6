//! Bounds on what one query may ask of the parser and the backends.

/// Bounds a query must stay within; [`parse`](crate::parse) uses
/// [`Limits::default`]. They protect the parser (stack depth, time) and the
/// backends (a query with hundreds of terms is expensive to run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Longest query accepted, in bytes of UTF-8 (default 2048). Checked
    /// before anything else.
    pub max_bytes: usize,
    /// Deepest nesting of parentheses and negations (`NOT`, `-`) together
    /// (default 8): `-(a (b OR c))` nests 3 levels. Values above
    /// [`Limits::DEPTH_CEILING`] act as that ceiling, so that no setting
    /// can make the parser recurse without bound.
    pub max_depth: usize,
    /// Most leaves (words, phrases, prefixes) in one query (default 64); a
    /// field group counts each leaf inside it.
    pub max_leaves: usize,
    /// Fewest characters (not bytes) before a trailing `*` (default 2), so
    /// that `a*` cannot expand to half the index. Values below 1 act as 1:
    /// `title:*` is never a prefix query.
    pub min_prefix_chars: usize,
}

impl Limits {
    /// The hard ceiling on [`Limits::max_depth`].
    pub const DEPTH_CEILING: usize = 100;

    pub(crate) fn depth(&self) -> usize {
        self.max_depth.min(Limits::DEPTH_CEILING)
    }

    pub(crate) fn prefix_chars(&self) -> usize {
        self.min_prefix_chars.max(1)
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 2048,
            max_depth: 8,
            max_leaves: 64,
            min_prefix_chars: 2,
        }
    }
}
