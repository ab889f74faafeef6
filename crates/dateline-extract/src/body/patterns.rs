//! What class names and ids say about an element.
//!
//! Sites name their boxes for what they are ("related-stories",
//! "newsletter-signup", "article-body"), so a class or id is strong
//! evidence. Matching is on whole words of the name (split at `-`, `_`,
//! spaces and case changes are not split), so "ad" matches `ad-slot` but
//! not `header` or `download`.

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

/// Lower-cased `class` and `id` of an element, joined by a space.
pub fn class_id(class: Option<&str>, id: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(c) = class {
        s.push_str(c);
    }
    if let Some(i) = id {
        s.push(' ');
        s.push_str(i);
    }
    s.make_ascii_lowercase();
    s
}

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_ascii_whitespace() || c == '_' || c == '-' || c == ':')
        .filter(|w| !w.is_empty())
}

/// Does the class/id mark boilerplate?
pub fn is_junk(name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    // Compound words first ("most-read") then parts, then single words.
    JUNK_PARTS.iter().any(|p| name.contains(p))
        || words(name).any(|w| JUNK_WORDS.contains(&w))
        || name
            .split_ascii_whitespace()
            .any(|token| JUNK_WORDS.contains(&token))
}

/// Does the class/id mark the article's own content?
pub fn is_content(name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    // Embedded posts quoted by the story: "social-media-embed", "twitter-tweet".
    if name.contains("embed") && !name.contains("share") || name.contains("twitter-tweet") {
        return true;
    }
    name.split_ascii_whitespace()
        .any(|token| CONTENT_WORDS.contains(&token))
        || words(name).any(|w| CONTENT_WORDS.contains(&w))
        || CONTENT_PARTS.iter().any(|p| name.contains(p))
}

/// Readability's class weight: +25 for content names, −25 for boilerplate.
pub fn weight(name: &str) -> f32 {
    let mut w = 0.0;
    if is_content(name) {
        w += 25.0;
    }
    if is_junk(name) {
        w -= 25.0;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
