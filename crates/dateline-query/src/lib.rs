//! The Dateline archive's search query language.
//!
//! Analysts type queries in a Lucene-like syntax (as in Media Cloud). This
//! crate parses them once into a small tree, [`Node`], which each storage
//! backend (the embedded index, PostgreSQL) translates; it knows nothing
//! of either. A query that cannot be parsed gives a [`ParseError`] whose
//! message says what is wrong and at which column.
//!
//! ```
//! use dateline_query::{parse, Field, Node};
//!
//! let q = parse("title:coalition (Bogdanov OR Lavrov) -Syria").unwrap();
//! assert_eq!(
//!     q,
//!     Node::and([
//!         Node::term(Some(Field::Title), "coalition"),
//!         Node::or([Node::term(None, "Bogdanov"), Node::term(None, "Lavrov")]),
//!         Node::negate(Node::term(None, "Syria")),
//!     ])
//! );
//! assert_eq!(q.to_string(), "title:coalition (Bogdanov OR Lavrov) -Syria");
//!
//! let err = parse("title:coalition (Bogdanov OR").unwrap_err();
//! assert_eq!(err.to_string(), "OR at column 27 needs something on both sides");
//! ```
//!
//! # The query syntax
//!
//! ## Words
//!
//! Words are separated by spaces, and an article must match all of them:
//! `coalition talks` finds articles with both words. Each word is matched
//! the way the backend indexes text (typically case-insensitive, stemmed),
//! so `talks` also finds "talk". A word ends at a space, a parenthesis or
//! a `"`; anything else is part of it, including punctuation and colons
//! (`10:30`, `http://example.com/a`, `re:`, `U.S.`).
//!
//! ## AND, OR, NOT
//!
//! | query | finds articles with |
//! |---|---|
//! | `gas pipeline` | both words |
//! | `gas AND pipeline` | the same: `AND` can be written but need not |
//! | `gas OR oil` | either word (or both) |
//! | `gas NOT Russia` | "gas" but not "Russia" |
//! | `gas -Russia` | the same; `-` goes right before a word, phrase or `(` |
//! | `+gas` | "gas": `+` is accepted and changes nothing |
//! | `NOT Russia`, `-Russia` | every article without "Russia" |
//!
//! Only upper-case `AND`, `OR` and `NOT` are operators; `and`, `or` and
//! `not` are ordinary words. A `-` or `+` must touch what it applies to: in
//! `Biden - Trump` the lone `-` is an error, not a word (write `\-` to
//! search for the character).
//!
//! **Precedence.** `NOT` and `-` bind tightest, then AND (written or
//! implied), then OR. So `a b OR c` means `(a AND b) OR c`, and
//! `a OR b c` means `a OR (b AND c)`. Use parentheses to group otherwise:
//! `(Bogdanov OR Lavrov) Syria`.
//!
//! ## Phrases
//!
//! Words in double quotes must appear together, in order:
//! `"knocking on all doors"`. The typographic pairs `“…”`, `„…“` (also
//! `„…”`) and `«…»` work the same, since queries are often pasted. Inside a
//! phrase, a backslash before another backslash or a quote mark escapes it
//! (`"the \"new\" deal"`); any other backslash is kept as written. An empty
//! phrase is an error.
//!
//! ## Fields
//!
//! A field name and a colon, immediately followed by a word, a phrase, a
//! prefix or a parenthesised group, restrict the search to that field:
//!
//! | query | finds articles with |
//! |---|---|
//! | `title:coalition` | "coalition" in the headline |
//! | `title:"foreign ministry"` | the phrase in the headline |
//! | `source:(Reuters OR AFP)` | either source: the field applies to every word in the group |
//! | `lang:de -section:sport` | German articles outside the sport section |
//!
//! The fields are `title`, `text`, `author`, `source`, `section`, `site`,
//! `lang` (or `language`), `entity` and `url`; the names are
//! case-insensitive (`Title:`). Without a field, the title and the text are
//! searched. `source`, `section`, `site`, `lang`, `entity`, `author` and
//! `url` hold whole values (a source name, a language code), not running
//! text; see [`Field::is_keyword`].
//!
//! Only those names make a field: any other word with a colon is an
//! ordinary word (`10:30`, `http://x.y/z`), and `title\:x` searches for the
//! word "title:x". After `field:` the value is taken as written, so
//! `title:AND` searches for the word "AND" and `url:https://x.y/a:b` for
//! the whole URL. A field group cannot contain another field
//! (`source:(Reuters title:x)` is an error) nor a lone `*`.
//!
//! ## Prefixes and `*`
//!
//! A trailing `*` matches every word that starts with what comes before
//! it: `bogd*` finds "Bogdanov" and "bogdan". At least 2 characters
//! (letters, not bytes) must come before the `*`. A `*` anywhere else in a
//! word (`*ov`, `bo*ov`) is an error, since only prefixes are supported.
//!
//! `*` on its own matches every article, and so does an empty query:
//! `* -Syria` is every article without "Syria".
//!
//! ## Escapes
//!
//! In a word, a backslash makes the next character ordinary: `\(`, `\)`,
//! `\"`, `\:`, `\*`, `\-`, `\\`, `\ ` (a space inside a word), and `\AND`
//! for the word "AND".
//!
//! ## Limits and errors
//!
//! A query may be at most 2048 bytes long, nest parentheses and negations
//! at most 8 deep, and contain at most 64 words, phrases and prefixes;
//! [`Limits`] has these bounds, and [`parse_with`] takes others. Every
//! problem is reported with the column where it is, for example:
//!
//! - `unclosed parenthesis opened at column 5`
//! - `unexpected ')' at column 12`
//! - `unterminated phrase starting at column 3: no closing '"'`
//! - `NOT at column 8 has nothing after it`
//! - `OR at column 1 needs something on both sides`
//! - `field 'title:' at column 1 has nothing after it`
//! - `prefix 'a*' at column 1 is too short: at least 2 characters before '*'`
//! - `'*' at column 4: only a trailing '*' is supported`
//!
//! [`ErrorKind`] lists them all.
//!
//! # For backends
//!
//! The tree is normalised (see [`Node`]), so equal queries give equal
//! trees: `NOT x` alone is `And([All, Not(x)])`, nested ANDs and ORs are
//! flattened, `NOT NOT x` is `x`. Leaf text is as the analyst wrote it,
//! escapes removed; analysing it (case, stemming) is the backend's job.
//! [`Node::leaves`] lists the leaves for highlighting, and the `Display`
//! form of a tree is canonical query syntax that parses back to it.
//!
//! Parsing takes time linear in the query, never panics, and recurses
//! only as deep as [`Limits::max_depth`] allows.
//!
//! Layout: `lex` (tokens with byte offsets) → `parse` (recursive descent)
//! → `ast` (the tree and its normalising constructors); `print` (the
//! canonical syntax), `error` (the messages), `field`, `limits`.

mod ast;
mod error;
mod field;
mod lex;
mod limits;
mod parse;
mod print;

pub use ast::{Leaf, LeafKind, LeafRef, Leaves, Node};
pub use error::{Binary, ErrorKind, ParseError, Unary};
pub use field::Field;
pub use limits::Limits;

/// Parses a query within the default [`Limits`].
///
/// ```
/// use dateline_query::{parse, Node};
/// assert_eq!(parse("  "), Ok(Node::All));
/// assert_eq!(parse("bogd*"), Ok(Node::prefix(None, "bogd")));
/// ```
pub fn parse(input: &str) -> Result<Node, ParseError> {
    parse::parse(input, &Limits::default())
}

/// Parses a query within `limits`.
///
/// ```
/// use dateline_query::{parse_with, ErrorKind, Limits};
/// let limits = Limits { max_leaves: 2, ..Limits::default() };
/// let err = parse_with("a b c", &limits).unwrap_err();
/// assert_eq!((err.kind, err.offset), (ErrorKind::TooManyLeaves { limit: 2 }, 4));
/// ```
pub fn parse_with(input: &str, limits: &Limits) -> Result<Node, ParseError> {
    parse::parse(input, limits)
}
