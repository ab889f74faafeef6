//! What class names and ids say about an element.
//!
//! Sites name their boxes for what they are ("related-stories",
//! "newsletter-signup", "article-body"), so a class or id is strong
//! evidence. Matching is on whole words of the name (split at `-`, `_`,
//! spaces and case changes are not split), so "ad" matches `ad-slot` but
//! not `header` or `download`.

use aho_corasick::AhoCorasick;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words that mark boilerplate wherever they appear in a class or id.
const JUNK_WORDS: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "photo-credit",
    "image-credit",
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "donate",
    "footer",
    "gdpr",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "popup",
    "promo",
    "promoted",
    "recirc",
    "recirculation",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "toolbar",
    "trending",
    "widget",
    "masthead",
    "most-read",
    "mostread",
    "popular",
    "overlay",
    "hidden",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
    "print-only",
    "login",
    "partner",
    "recommended",
    "recommendations",
    "tags",
    "tag-list",
    "pagination",
    "pager",
    "byline",
    "dateline-meta",
    "author-bio",
    "bio",
    "rating",
    "reactions",
    "tooltip",
    "newsletters",
    "shopping",
    "affiliate",
    "readmore",
    "read-more",
    "more-stories",
    "also-read",
    "see-also",
    "jump",
    "toc",
];

/// Substrings that mark boilerplate even inside longer words
/// (`sharebar`, `commentlist`, `relatedarticles`).
const JUNK_PARTS: &[&str] = &[
    "caption",
    "comment",
    "newsletter",
    "sidebar",
    "breadcrumb",
    "outbrain",
    "taboola",
    "sharebar",
    "social",
    "related",
    "recommend",
    "subscribe",
    "cookie",
    "footer",
    "advert",
    "sponsor",
    "promo",
    "popup",
    "mostread",
    "most-read",
    "most-popular",
    "trending",
    "share-",
    "-share",
    "signup",
    "sign-up",
    "newsfeed",
    "disqus",
];

/// Words that mark the article itself.
const CONTENT_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "post",
    "story",
    "blog",
    "prose",
    "richtext",
    "rich-text",
    "article-body",
    "articlebody",
    "story-body",
    "post-content",
    "entry-content",
    "article-content",
    "article-text",
    "body-text",
    "main-content",
    "page-content",
    "paragraph",
];

/// Substrings of the article's own box.
const CONTENT_PARTS: &[&str] = &[
    "article",
    "content",
    "entry",
    "story",
    "post-body",
    "postbody",
    "main",
    "body",
];

/// What a class/id name says about its element.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Verdict {
    /// It marks boilerplate.
    pub junk: bool,
    /// It marks the article's own content.
    pub content: bool,
}

impl Verdict {
    /// Readability's class weight: +25 for content names, −25 for boilerplate.
    pub fn weight(self) -> f32 {
        25.0 * (self.content as i32 - self.junk as i32) as f32
    }
}

/// Every substring pattern, found in one scan of a name.
struct Parts {
    automaton: AhoCorasick,
    junk: u64,
    content: u64,
    embed: u64,
    share: u64,
    tweet: u64,
}

static PARTS: LazyLock<Parts> = LazyLock::new(|| {
    let extra = ["embed", "share", "twitter-tweet"];
    let all: Vec<&str> = JUNK_PARTS
        .iter()
        .chain(CONTENT_PARTS)
        .chain(&extra)
        .copied()
        .collect();
    assert!(all.len() <= 64, "part patterns fit a u64");
    let bits = |from: usize, n: usize| (from..from + n).fold(0u64, |m, i| m | 1 << i);
    let content_from = JUNK_PARTS.len();
    let extra_from = content_from + CONTENT_PARTS.len();
    Parts {
        automaton: AhoCorasick::new(&all).expect("part patterns build"),
        junk: bits(0, JUNK_PARTS.len()),
        content: bits(content_from, CONTENT_PARTS.len()),
        embed: 1 << extra_from,
        share: 1 << (extra_from + 1),
        tweet: 1 << (extra_from + 2),
    }
});

static JUNK_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| JUNK_WORDS.iter().copied().collect());
static CONTENT_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| CONTENT_WORDS.iter().copied().collect());

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_ascii_whitespace() || c == '_' || c == '-' || c == ':')
        .filter(|w| !w.is_empty())
}

/// Judges a lower-cased class/id name (see [`crate::dom::Element::class_id`]).
pub fn judge(name: &str) -> Verdict {
    if name.is_empty() {
        return Verdict::default();
    }
    let parts = &*PARTS;
    let mut hits = 0u64;
    for m in parts.automaton.find_overlapping_iter(name) {
        hits |= 1 << m.pattern().as_usize();
    }
    let has = |bit: u64| hits & bit != 0;
    // A whole word of the name (split at `-`, `_`, `:`, spaces), or a whole
    // space-separated token ("most-read", "sr-only").
    let word_in = |set: &HashSet<&str>| {
        words(name).any(|w| set.contains(w))
            || name.split_ascii_whitespace().any(|t| set.contains(t))
    };
    Verdict {
        junk: has(parts.junk) || word_in(&JUNK_SET),
        // Embedded posts quoted by the story: "social-media-embed", "twitter-tweet".
        content: (has(parts.embed) && !has(parts.share))
            || has(parts.tweet)
            || has(parts.content)
            || word_in(&CONTENT_SET),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_junk(name: &str) -> bool {
        judge(name).junk
    }

    fn is_content(name: &str) -> bool {
        judge(name).content
    }

    #[test]
    fn whole_words_only_for_short_names() {
        assert!(is_junk("ad-slot top"));
        assert!(!is_junk("header"));
        assert!(!is_junk("download-link"));
        assert!(is_junk("related-stories"));
        assert!(is_junk("commentlist"));
        assert!(is_content("article-body"));
        assert!(is_content("story"));
        assert!(!is_content("masthead"));
        assert!(is_content("social-media-embed"));
        assert!(!is_content("share-embed-code"));
        assert!(is_junk("sr-only") && is_junk("x most-read"));
        assert_eq!(judge("story-body social-share").weight(), 0.0);
        assert_eq!(judge("").weight(), 0.0);
    }
}
