//! JSON-LD (`<script type="application/ld+json">`): the article object, if
//! the page has one.
//!
//! Pages nest it in `@graph`, wrap it in arrays, declare several types,
//! and write broken JSON; each is tolerated. The article is the first
//! object whose `@type` is an article type, else a `WebPage`.

use serde_json::Value;

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

/// Every JSON object found in the page's JSON-LD scripts, flattened out of
/// arrays and `@graph`.
pub fn objects(scripts: &[&str]) -> Vec<Value> {
    let mut out = Vec::new();
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.into_iter().rev()),
                Value::Object(mut map) => {
                    if let Some(graph) = map.remove("@graph") {
                        stack.push(graph);
                    }
                    out.push(Value::Object(map));
                }
                _ => {}
            }
        }
    }
    out
}

fn parse_lenient(script: &str) -> Option<Value> {
    let s = script.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s);
    let s = s
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Raw newlines and tabs inside strings are the commonest breakage.
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
}

fn has_type(obj: &Value, types: &[&str]) -> bool {
    match obj.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// The article object, else a web page object.
pub fn article(objects: &[Value]) -> Option<&Value> {
    objects
        .iter()
        .find(|o| has_type(o, ARTICLE_TYPES))
        .or_else(|| {
            objects
                .iter()
                .find(|o| has_type(o, &["WebPage", "ItemPage"]))
        })
}

/// A string field, or the `name` of an object field, or the first of a list.
pub fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => text(o.get("name")).or_else(|| text(o.get("@value"))),
        Value::Array(items) => items.iter().find_map(|i| text(Some(i))),
        _ => None,
    }
}

/// Every name in a field that may be one object, a string or a list of either.
pub fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(|i| text(Some(i))).collect(),
        Some(v) => text(Some(v)).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A URL field: a string, or an object's `url`.
pub fn url(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => url(o.get("url")).or_else(|| url(o.get("@id"))),
        Value::Array(items) => items.iter().find_map(|i| url(Some(i))),
        _ => None,
    }
}

/// The trail of a `BreadcrumbList`, in position order.
pub fn breadcrumbs(objects: &[Value]) -> Vec<String> {
    let Some(list) = objects.iter().find(|o| has_type(o, &["BreadcrumbList"])) else {
        return Vec::new();
    };
    let Some(Value::Array(items)) = list.get("itemListElement") else {
        return Vec::new();
    };
    let mut crumbs: Vec<(i64, String)> = items
        .iter()
        .filter_map(|item| {
            let pos = item
                .get("position")
                .and_then(|p| p.as_i64().or_else(|| p.as_str()?.parse().ok()))
                .unwrap_or(0);
            let name = text(item.get("name")).or_else(|| text(item.get("item")))?;
            Some((pos, name))
        })
        .collect();
    crumbs.sort_by_key(|(p, _)| *p);
    crumbs.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_article_in_graph_and_tolerates_breakage() {
        let scripts = [
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":["NewsArticle"],"headline":"H","author":[{"@type":"Person","name":"A B"},{"name":"C D"}]}]}"#,
            "{\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"position\":2,\"name\":\"World\"},{\"position\":1,\"name\":\"Home\"}]}",
            "{ broken",
        ];
        let objs = objects(&scripts);
        let a = article(&objs).unwrap();
        assert_eq!(text(a.get("headline")).as_deref(), Some("H"));
        assert_eq!(names(a.get("author")), ["A B", "C D"]);
        assert_eq!(breadcrumbs(&objs), ["Home", "World"]);
        let raw_newline = "{\"@type\":\"Article\",\"headline\":\"a\nb\"}";
        assert!(article(&objects(&[raw_newline])).is_some());
    }
}
