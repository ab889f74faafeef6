//! Hostile pages stay inert: every string a page controls (title, authors,
//! source, section, dateline, text, quotations, entity names, addresses)
//! is shown as text on every portal page and returned verbatim, as JSON,
//! by the API. Pages are parsed as a browser would (html5ever, through
//! scraper) and checked for any script, event handler or dangerous link.

mod common;

use common::TestServer;
use dateline_model::{
    Analysis, Article, BlockKind, Dateline, Entity, EntityKind, InputRef, Mention, MentionForm,
    Quote, QuoteKind,
};
use dateline_store::Incoming;
use scraper::{Html, Selector};

const SCRIPT: &str = "<script>window.pwned=1</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const BREAKOUT: &str = "\"><svg onload=alert(1)>";
const FORGED: &str = "&lt;b&gt;forged&lt;/b&gt; &amp;amp;";

fn hostile_article() -> Article {
    let mut a = Article::new(InputRef::Url {
        url: "https://evil.example/a".into(),
    });
    a.url = Some("javascript:alert(document.cookie)".into());
    a.canonical_url = Some("data:text/html,<script>alert(1)</script>".into());
    a.title = Some(format!("{SCRIPT} Title {FORGED}"));
    a.site_name = Some(BREAKOUT.into());
    a.section = Some(format!("News{BREAKOUT}"));
    a.source = Some(format!("Wire {IMG}"));
    a.authors = vec![
        IMG.into(),
        "<a href=\"javascript:alert(1)\">Author</a>".into(),
    ];
    a.language = Some("en\" onmouseover=\"alert(1)".into());
    a.published = Some("2024-05-06T07:08:09+03:00".parse().unwrap());
    a.dateline = Some(Dateline {
        place: "<b>PLACE</b>".into(),
        date: None,
        agency: Some(IMG.into()),
        text: format!("<b>PLACE</b> {IMG}"),
    });
    let para = format!(
        "Evil Person said {SCRIPT} and <a href=\"javascript:alert(1)\">click</a> {FORGED} everywhere."
    );
    a.set_body([
        (BlockKind::Paragraph, para.clone()),
        (
            BlockKind::Paragraph,
            format!("\"{IMG} is {BREAKOUT} coming,\" Evil Person said."),
        ),
    ]);
    let text = a.text.clone();
    let name_at = text.find("Evil Person").unwrap();
    let quote_start = text.find(IMG).unwrap();
    let quote_end = text.find(" coming,").unwrap() + " coming,".len();
    a.analysis = Some(Analysis {
        entities: vec![Entity {
            id: "e1".into(),
            name: format!("Evil Person{SCRIPT}"),
            kind: EntityKind::Person,
            aliases: vec![IMG.into()],
            titles: vec![BREAKOUT.into()],
            mentions: vec![Mention {
                start: name_at,
                end: name_at + "Evil Person".len(),
                text: "Evil Person".into(),
                form: MentionForm::Name,
            }],
        }],
        quotes: vec![Quote {
            start: quote_start,
            end: quote_end,
            text: text[quote_start..quote_end].to_string(),
            kind: QuoteKind::Direct,
            cue: Some(format!("said{IMG}")),
            cue_span: None,
            speaker: Some("e1".into()),
            speaker_text: Some(format!("Evil Person{BREAKOUT}")),
            speaker_span: None,
        }],
        times: vec![],
    });
    a
}

/// Everything a browser would run or follow out of a page.
fn check_inert(path: &str, body: &str) {
    let doc = Html::parse_document(body);
    let all = Selector::parse("*").unwrap();
    for el in doc.select(&all) {
        let name = el.value().name();
        assert!(
            !matches!(
                name,
                "script" | "iframe" | "object" | "embed" | "img" | "base"
            ),
            "{path}: a <{name}> element"
        );
        if name == "svg" {
            // Our own charts, always with role="img" and no handlers.
            assert_eq!(
                el.value().attr("role"),
                Some("img"),
                "{path}: a foreign <svg>"
            );
        }
        for (attr, value) in el.value().attrs() {
            assert!(
                !attr.starts_with("on"),
                "{path}: handler {attr}={value:?} on <{name}>"
            );
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    v.is_empty()
                        || v.starts_with('/')
                        || v.starts_with('?')
                        || v.starts_with('#')
                        || v.starts_with("http://")
                        || v.starts_with("https://"),
                    "{path}: {attr}={value:?} on <{name}>"
                );
            }
            if attr == "lang" {
                assert!(
                    !value.contains('"') && !value.contains(' '),
                    "{path}: lang={value:?}"
                );
            }
        }
    }
    // Escaped text may say "onerror=", but no tag may open a script.
    assert!(
        !body.to_ascii_lowercase().contains("<script"),
        "{path}: raw <script"
    );
}

#[test]
fn hostile_strings_are_text_on_every_page_and_verbatim_in_the_api() {
    let server = TestServer::start(None);
    let article = hostile_article();
    // Also through extraction: a hostile page, as a crawler would meet it.
    let page = format!(
        "<html><head><title>{SCRIPT}</title><meta name=author content='{IMG}'></head><body>\
         <article><h1>Page {SCRIPT}</h1><p>Reuters said {IMG} in a long enough paragraph \
         of text to be the body of the page, with <a href=\"javascript:alert(1)\">a link</a> \
         and <a href=\"data:text/html,x\">another</a>, and {FORGED} entities written out.</p>\
         <p>Another paragraph quotes him: \"{SCRIPT} will happen,\" said John Smith.</p></article></body></html>"
    );
    let extracted = common::page_incoming("https://evil.example/page", page.into_bytes());
    let put = server.put(vec![
        Incoming {
            article: article.clone(),
            fetched: None,
            stored_at: None,
        },
        extracted,
    ]);
    let (a, b) = (put[0].id.0, put[1].id.0);

    let stored = server.json(&format!("/api/v1/articles/{a}"), 200);
    assert_eq!(stored["article"]["title"], article.title.clone().unwrap());
    assert_eq!(stored["article"]["source"], article.source.clone().unwrap());
    let eid = stored["entity_ids"]["e1"]
        .as_u64()
        .expect("the entity was stored");

    let mut paths = vec![
        "/".to_string(),
        format!("/articles/{a}"),
        format!("/articles/{b}"),
        format!("/articles/{a}/revisions/1"),
        format!("/entities/{eid}"),
        "/entities?q=Evil".to_string(),
        "/search?q=Evil".to_string(),
        "/search?q=Reuters".to_string(),
        format!("/search?q={}", urlencode(SCRIPT)),
        format!(
            "/search?source={}",
            urlencode(article.source.as_deref().unwrap())
        ),
        format!(
            "/sections/{}",
            urlencode(article.section.as_deref().unwrap())
        ),
        format!("/sources/{}", urlencode(article.source.as_deref().unwrap())),
    ];
    let front = server.page("/");
    assert!(
        front.contains("&lt;script&gt;"),
        "the title is shown, escaped"
    );
    let article_page = server.page(&format!("/articles/{a}"));
    let doc = Html::parse_document(&article_page);
    let h1 = doc.select(&Selector::parse("h1").unwrap()).next().unwrap();
    assert_eq!(
        h1.text().collect::<String>(),
        article.title.clone().unwrap()
    );
    let quote = doc
        .select(&Selector::parse("mark.quote").unwrap())
        .next()
        .expect("the quotation is marked");
    assert!(quote.text().collect::<String>().contains(IMG));
    // Entity links found on the pages are checked too.
    for sel in ["a.entity", "a.speaker"] {
        for link in doc.select(&Selector::parse(sel).unwrap()) {
            paths.push(link.value().attr("href").unwrap().to_string());
        }
    }
    for path in &paths {
        let body = server.page(path);
        check_inert(path, &body);
    }
    // A bad search shows its error escaped, with the status the API gives.
    let bad = server.get(&format!("/search?q={}", urlencode(&format!("\"{SCRIPT}"))));
    assert_eq!(bad.status().as_u16(), 400);
    check_inert("bad search", &bad.text().unwrap());

    // The API returns JSON (never HTML) with the strings as they were.
    for path in [
        "/api/v1/articles?q=Evil&facets=5&snippets=true".to_string(),
        format!("/api/v1/entities/{eid}"),
        "/api/v1/quotes?q=coming".to_string(),
        "/api/v1/sources".to_string(),
    ] {
        let response = server.get(&path);
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{path}"
        );
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        let json: serde_json::Value = response.json().unwrap();
        assert!(
            json.to_string().contains("onerror=alert(1)"),
            "{path}: the string comes back verbatim"
        );
    }
}

#[test]
fn the_check_is_not_vacuous() {
    for bad in [
        "<p onclick=\"x()\">a</p>",
        "<script>1</script>",
        "<a href=\"javascript:x\">a</a>",
        "<a href=\" JavaScript:x\">a</a>",
        "<img src=x>",
    ] {
        let result = std::panic::catch_unwind(|| check_inert("test", bad));
        assert!(result.is_err(), "{bad} passed");
    }
    check_inert("test", "<p><a href=\"/x\">fine</a> &lt;script&gt;</p>");
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
