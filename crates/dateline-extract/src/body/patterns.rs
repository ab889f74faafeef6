//! What class names and ids say about an element.
//!
//! Sites name their boxes for what they are ("related-stories",
//! "newsletter-signup", "article-body"), so a class or id is strong
//! evidence. Matching is on whole words of the name (split at `-`, `_`,
//! spaces and case changes are not split), so "ad" matches `ad-slot` but
//! not `header` or `download`.

use aho_corasick::AhoCorasick;
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

/// How a pattern must sit in a name to count.
#[derive(Clone, Copy)]
enum Fit {
    /// Anywhere, even inside a longer word ("sharebar").
    Part,
    /// A whole word: bounded by the name's ends or by a space, `-`, `_` or
    /// `:` ("ad" in "ad-slot", not in "header").
    Word,
    /// A whole space-separated token, for words that hold a dash themselves
    /// ("most-read", "sr-only").
    Token,
}

#[derive(Clone, Copy)]
enum Says {
    Junk,
    Content,
    Embed,
    Share,
    Tweet,
}

/// Every pattern of this module, found in one scan of a name.
static PATTERNS: LazyLock<(AhoCorasick, Vec<(Fit, Says)>)> = LazyLock::new(|| {
    let word_fit = |w: &str| {
        if w.contains(['-', '_', ':']) {
            Fit::Token
        } else {
            Fit::Word
        }
    };
    let mut patterns: Vec<&str> = Vec::new();
    let mut meaning = Vec::new();
    let mut add = |p: &'static str, fit: Fit, says: Says| {
        patterns.push(p);
        meaning.push((fit, says));
    };
    JUNK_PARTS
        .iter()
        .for_each(|p| add(p, Fit::Part, Says::Junk));
    CONTENT_PARTS
        .iter()
        .for_each(|p| add(p, Fit::Part, Says::Content));
    JUNK_WORDS
        .iter()
        .for_each(|w| add(w, word_fit(w), Says::Junk));
    CONTENT_WORDS
        .iter()
        .for_each(|w| add(w, word_fit(w), Says::Content));
    add("embed", Fit::Part, Says::Embed);
    add("share", Fit::Part, Says::Share);
    add("twitter-tweet", Fit::Part, Says::Tweet);
    let automaton = AhoCorasick::new(&patterns).expect("name patterns build");
    (automaton, meaning)
});

/// Judges a lower-cased class/id name (see [`crate::dom::Element::class_id`]).
pub fn judge(name: &str) -> Verdict {
    let mut v = Verdict::default();
    if name.is_empty() {
        return v;
    }
    let (automaton, meaning) = &*PATTERNS;
    let bytes = name.as_bytes();
    let (mut embed, mut share) = (false, false);
    for m in automaton.find_overlapping_iter(name) {
        let (fit, says) = meaning[m.pattern().as_usize()];
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        let bounded = |sep: fn(u8) -> bool| before.is_none_or(sep) && after.is_none_or(sep);
        let fits = match fit {
            Fit::Part => true,
            Fit::Word => bounded(|b| b.is_ascii_whitespace() || matches!(b, b'-' | b'_' | b':')),
            Fit::Token => bounded(|b| b.is_ascii_whitespace()),
        };
        if !fits {
            continue;
        }
        match says {
            Says::Junk => v.junk = true,
            Says::Content => v.content = true,
            Says::Embed => embed = true,
            Says::Share => share = true,
            // Embedded posts quoted by the story: "twitter-tweet".
            Says::Tweet => v.content = true,
        }
    }
    // "social-media-embed" is a quoted post; "share-embed-code" is not.
    v.content |= embed && !share;
    v
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
        assert!(is_junk("x:ad") && is_junk("ad_slot") && !is_junk("adx") && !is_junk("bad"));
        // Words with a dash of their own count only as whole tokens.
        assert!(is_junk("a sr-only") && !is_junk("xsr-only"));
        assert!(is_content("rich-text") && !is_content("xrich-text"));
    }
}
