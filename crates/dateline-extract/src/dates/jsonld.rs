//! Dates in JSON-LD (`<script type="application/ld+json">`): the most
//! deliberate statement a page makes about its dates, when it makes one.
//!
//! Real JSON-LD is often broken: trailing commas, raw newlines in strings,
//! HTML comments or CDATA around it, two objects back to back. Cleaning
//! fixes the common cases; when even that fails, the date keys are read
//! straight from the text, which loses only the `@type`.

use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// One date property of one JSON-LD object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LdDate {
    /// `datePublished`, `dateModified`, `dateCreated` or `uploadDate`.
    pub key: &'static str,
    pub value: String,
    /// The object's `@type` ("NewsArticle"), empty when it has none or
    /// the JSON could not be parsed.
    pub type_name: String,
    /// 0 for an article, 1 for a page or media object, 2 for untyped or
    /// other objects, 3 for things inside an article (comments, images).
    pub rank: u8,
}

const KEYS: [&str; 4] = ["datePublished", "dateCreated", "uploadDate", "dateModified"];

/// Bounds the walk over a huge JSON-LD blob (some sites inline catalogues).
const MAX_NODES: usize = 20_000;

fn type_rank(t: &str) -> u8 {
    let t = t.rsplit([':', '/']).next().unwrap_or(t);
    if t.ends_with("Article") || t.ends_with("Posting") || t == "Report" {
        0
    } else if matches!(
        t,
        "WebPage"
            | "ItemPage"
            | "AboutPage"
            | "VideoObject"
            | "AudioObject"
            | "MediaObject"
            | "Episode"
            | "PodcastEpisode"
            | "Recipe"
            | "CreativeWork"
            | "Review"
            | "Question"
    ) {
        1
    } else if matches!(
        t,
        "Comment" | "Answer" | "ImageObject" | "Person" | "Organization"
    ) {
        3
    } else {
        2
    }
}

fn types(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn string_of(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(a) => a.first().and_then(string_of),
        Value::Object(o) => o.get("@value").and_then(string_of),
        _ => None,
    }
}

fn walk(root: &Value, out: &mut Vec<LdDate>) {
    // Each entry: value, and the rank of the nearest typed object above it.
    let mut stack: Vec<(&Value, Option<u8>)> = vec![(root, None)];
    let mut seen = 0;
    while let Some((v, parent)) = stack.pop() {
        seen += 1;
        if seen > MAX_NODES {
            break;
        }
        match v {
            Value::Object(obj) => {
                let ts = types(obj);
                let own = ts.iter().map(|t| type_rank(t)).min();
                // Dates of things inside an article (its comments, its
                // images) are not the article's.
                let rank = match (own, parent) {
                    (Some(r), Some(p)) if p == 0 && r != 0 => 3,
                    (Some(r), _) => r,
                    (None, Some(0)) => 3,
                    (None, _) => 2,
                };
                for key in KEYS {
                    if let Some(s) = obj.get(key).and_then(string_of) {
                        out.push(LdDate {
                            key,
                            value: s.to_string(),
                            type_name: ts.first().copied().unwrap_or("").to_string(),
                            rank,
                        });
                    }
                }
                let next_parent = match (own, parent) {
                    (Some(r), _) => Some(r),
                    (None, p) => p,
                };
                // "@graph" holds siblings, not children of the wrapper.
                for (k, child) in obj.iter().rev() {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        let p = if k == "@graph" { parent } else { next_parent };
                        stack.push((child, p));
                    }
                }
            }
            Value::Array(a) => {
                for child in a.iter().rev() {
                    stack.push((child, parent));
                }
            }
            _ => {}
        }
    }
}

static TRAILING_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",(\s*[}\]])").expect("static regex"));
static RAW_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{4,64})""#)
        .expect("static regex")
});

/// Strips what pages wrap JSON-LD in and the usual syntax slips.
fn clean(s: &str) -> String {
    let s = s.trim();
    let s = s.trim_start_matches("<!--").trim_end_matches("-->");
    let s = s
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>");
    let s = s
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>");
    // Raw control characters are invalid inside JSON strings, harmless outside.
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    TRAILING_COMMA.replace_all(&s, "$1").into_owned()
}

/// Reads every value in `s`: one document, or several back to back.
fn values(s: &str) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    for v in serde_json::Deserializer::from_str(s).into_iter::<Value>() {
        out.push(v.ok()?);
    }
    Some(out)
}

/// The dates in one JSON-LD script's text, in document order.
pub(crate) fn dates(script: &str) -> Vec<LdDate> {
    if !script.contains("date") && !script.contains("uploadDate") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let parsed = values(script).or_else(|| values(&clean(script)));
    match parsed {
        Some(vals) => {
            for v in &vals {
                walk(v, &mut out);
            }
        }
        None => {
            for c in RAW_DATE.captures_iter(script) {
                let key = KEYS
                    .iter()
                    .copied()
                    .find(|k| *k == &c[1])
                    .expect("regex only matches known keys");
                out.push(LdDate {
                    key,
                    value: c[2].to_string(),
                    type_name: String::new(),
                    rank: 2,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_and_types() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","datePublished":"2014-10-01"},
            {"@type":"NewsArticle","datePublished":"2014-10-08T15:01:00+04:00",
             "dateModified":"2014-10-08T16:20:00+04:00",
             "comment":[{"@type":"Comment","datePublished":"2014-10-09"}],
             "image":{"@type":"ImageObject","uploadDate":"2013-01-01"}}]}"#;
        let d = dates(s);
        let article: Vec<_> = d.iter().filter(|d| d.rank == 0).map(|d| d.key).collect();
        assert_eq!(article, ["datePublished", "dateModified"]);
        let page = d.iter().find(|d| d.rank == 1).unwrap();
        assert_eq!(page.value, "2014-10-01");
        assert_eq!(d.iter().filter(|d| d.rank == 3).count(), 2);
    }

    #[test]
    fn arrays_and_multiple_types() {
        let s = r#"[{"@type":["Article","CreativeWork"],"datePublished":["2020-06-07"]}]"#;
        let d = dates(s);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rank, 0);
        assert_eq!(d[0].value, "2020-06-07");
    }

    #[test]
    fn malformed_json_ld_is_tolerated() {
        // Trailing comma and a raw newline inside a string.
        let s = "<!--{\"@type\":\"BlogPosting\",\"headline\":\"a\nb\",\"datePublished\":\"2019-01-02\",}-->";
        let d = dates(s);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rank, 0);
        // Beyond repair: keys are still read.
        let s = r#"{"@type":"NewsArticle" "datePublished": "2019-01-02T10:00:00Z", "x": }"#;
        let d = dates(s);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].value, "2019-01-02T10:00:00Z");
        assert_eq!(d[0].rank, 2);
    }
}
