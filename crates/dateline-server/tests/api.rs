//! The JSON API over a real socket: search, filters, facets, cursors,
//! export, one article, entities, quotes, writing with the token, and
//! errors that are JSON with the right status.

mod common;

use common::{page_incoming, specimen_html, specimen_incoming, TestServer, TOKEN};
use dateline_model::{Article, BlockKind, InputRef};
use dateline_store::Incoming;
use serde_json::Value;

/// A plain article: title, text, source, section and a published time.
fn synthetic(i: usize, source: &str, section: &str, published: &str, text: &str) -> Incoming {
    let url = format!("https://news{}.example/story/{i}", i % 7);
    let mut article = Article::new(InputRef::Url { url: url.clone() });
    article.url = Some(url);
    article.title = Some(format!("Story number {i} about {section}"));
    article.source = Some(source.to_string());
    article.section = Some(section.to_string());
    article.language = Some("en".into());
    article.published = Some(published.parse().unwrap());
    article.set_body([(
        BlockKind::Paragraph,
        format!("{text} Paragraph of story {i}, unique words zebra{i}."),
    )]);
    Incoming {
        article,
        fetched: None,
        stored_at: None,
    }
}

fn specimen_server() -> (TestServer, u64) {
    let server = TestServer::start(Some(TOKEN));
    let put = server.put(vec![specimen_incoming()]);
    (server, put[0].id.0)
}

#[test]
fn health_says_what_is_stored() {
    let (server, _) = specimen_server();
    let health = server.json("/api/v1/health", 200);
    assert_eq!(health["status"], "ok");
    assert_eq!(health["articles"], 1);
    assert_eq!(health["unindexed"], 0);
}

#[test]
fn the_specimen_is_found_by_word_entity_source_section_and_date() {
    let (server, id) = specimen_server();
    for query in [
        "q=Bogdanov",
        "q=%22fierce+fight%22",
        "q=title:terrorism",
        "entity=Mikhail+Bogdanov",
        "entity=ISIL",
        "source=RIA+Novosti",
        "section=Homeland+Security",
        "since=2014-10-08&until=2014-10-08",
        "since=2014-10&q=terrorism+AND+NOT+football",
        "lang=en&q=knocking",
    ] {
        let page = server.json(&format!("/api/v1/articles?{query}"), 200);
        assert_eq!(page["total"], 1, "{query}: {page}");
        assert_eq!(page["hits"][0]["id"], id, "{query}");
    }
    for query in [
        "q=Bogdanov&source=TASS",
        "q=football",
        "since=2014-10-09",
        "entity=Putin",
    ] {
        let page = server.json(&format!("/api/v1/articles?{query}"), 200);
        assert_eq!(page["total"], 0, "{query}: {page}");
    }
}

#[test]
fn facets_timeline_words_and_snippets() {
    let (server, _) = specimen_server();
    // Other news, so that the specimen's words stand out against it.
    server.put(
        (0..5)
            .map(|i| {
                synthetic(
                    i,
                    "TASS",
                    "Sport",
                    "2014-10-09T10:00:00Z",
                    "The match ended in a draw.",
                )
            })
            .collect(),
    );
    let page = server.json(
        "/api/v1/articles?q=Bogdanov&facets=5&timeline=month&words=5&snippets=true",
        200,
    );
    let facets = &page["facets"];
    assert_eq!(facets["sources"][0]["value"], "RIA Novosti", "{facets}");
    assert_eq!(facets["sections"][0]["value"], "Homeland Security");
    assert!(facets["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"].as_str().unwrap().contains("Bogdanov")));
    let timeline = page["timeline"].to_string();
    assert!(timeline.contains("2014-10"), "{timeline}");
    assert!(!page["words"].as_array().unwrap().is_empty());
    assert!(
        page["hits"][0]["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains("Bogdanov"),
        "{page}"
    );
}

#[test]
fn a_cursor_walks_every_match_once() {
    let server = TestServer::start(None);
    let batch = (0..57)
        .map(|i| {
            synthetic(
                i,
                ["Reuters", "TASS", "AFP"][i % 3],
                ["World", "Business"][i % 2],
                &format!("2020-0{}-1{}T10:00:00+02:00", 1 + i % 9, i % 10),
                "The harbour strike goes on.",
            )
        })
        .collect();
    server.put(batch);
    let mut seen = std::collections::BTreeSet::new();
    let mut path = "/api/v1/articles?q=harbour&limit=10&sort=newest".to_string();
    for _ in 0..10 {
        let page = server.json(&path, 200);
        assert_eq!(page["total"], 57);
        for hit in page["hits"].as_array().unwrap() {
            assert!(seen.insert(hit["id"].as_u64().unwrap()), "a hit came twice");
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => {
                path = format!("/api/v1/articles?q=harbour&limit=10&sort=newest&cursor={cursor}")
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), 57);

    let reuters = server.json(
        "/api/v1/articles?q=harbour&source=Reuters&section=World&limit=0",
        200,
    );
    assert_eq!(reuters["total"], 10, "{reuters}");
}

#[test]
fn export_streams_every_match_with_source_and_section() {
    let server = TestServer::start(None);
    let batch = (0..1200)
        .map(|i| {
            synthetic(
                i,
                ["Reuters", "TASS"][i % 2],
                "World",
                "2021-03-04T05:06:07Z",
                "Grain exports resume.",
            )
        })
        .collect();
    server.put(batch);
    let csv = server.get("/api/v1/articles/export?q=grain");
    assert_eq!(csv.status(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = csv.text().unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "source"), "{headers:?}");
    assert!(headers.iter().any(|h| h == "section"), "{headers:?}");
    assert_eq!(reader.records().count(), 1200);

    let jsonl = server
        .get("/api/v1/articles/export?q=grain&source=TASS&format=jsonl")
        .text()
        .unwrap();
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 600);
    assert!(lines.iter().all(|l| l["source"] == "TASS"));

    let bad = server.json("/api/v1/articles/export?format=xml", 400);
    assert!(bad["error"]["message"].as_str().unwrap().contains("format"));
}

#[test]
fn one_article_with_annotations_revisions_and_copies() {
    let server = TestServer::start(None);
    let first = specimen_incoming();
    // The same wire report on another site: a syndicated copy.
    let copy = page_incoming(
        "https://mirror.example/news/ria-bogdanov.html",
        specimen_html(),
    );
    let put = server.put(vec![first, copy]);
    let id = put[0].id.0;
    let article = server.json(&format!("/api/v1/articles/{id}"), 200);
    assert_eq!(
        article["article"]["title"],
        "Russia Does Not Need to Be Invited to Fight Terrorism: Foreign Ministry"
    );
    let entities = article["article"]["entities"].as_array().unwrap();
    assert!(entities.iter().any(|e| e["name"] == "Mikhail Bogdanov"));
    assert_eq!(article["revisions"].as_array().unwrap().len(), 1);
    let members = article["group"]["members"].as_array().unwrap();
    assert_eq!(members.len(), 2, "{}", article["group"]);

    let revision = server.json(&format!("/api/v1/articles/{id}/revisions/1"), 200);
    assert_eq!(revision["title"], article["article"]["title"]);
    server.json(&format!("/api/v1/articles/{id}/revisions/2"), 404);
    server.json("/api/v1/articles/99999", 404);
    let bad = server.json("/api/v1/articles/abc", 400);
    assert!(bad["error"]["message"].as_str().unwrap().contains("abc"));
}

#[test]
fn entities_quotes_sources_and_sections() {
    let (server, id) = specimen_server();
    let list = server.json("/api/v1/entities?q=Bogdanov", 200);
    let found = list["entities"].as_array().unwrap();
    let bogdanov = found
        .iter()
        .find(|e| e["name"] == "Mikhail Bogdanov")
        .unwrap_or_else(|| panic!("{list}"));
    let eid = bogdanov["id"].as_u64().unwrap();
    let detail = server.json(&format!("/api/v1/entities/{eid}?interval=month"), 200);
    assert_eq!(detail["kind"], "person");
    assert!(
        detail["titles"]
            .to_string()
            .contains("Deputy Foreign Minister"),
        "{detail}"
    );
    assert!(
        detail["mentions_over_time"][0]["mentions"]
            .as_u64()
            .unwrap()
            >= 3
    );
    assert!(!detail["quotes"].as_array().unwrap().is_empty(), "{detail}");
    assert_eq!(detail["latest_articles"][0]["id"], id);
    let co = detail["co_mentioned"].to_string();
    assert!(co.contains("Islamic State"), "{co}");
    server.json("/api/v1/entities/424242", 404);

    let quotes = server.json("/api/v1/quotes?speaker=Mikhail+Bogdanov", 200);
    assert!(quotes["total"].as_u64().unwrap() >= 3, "{quotes}");
    let fierce = server.json("/api/v1/quotes?q=fierce", 200);
    assert_eq!(fierce["total"], 1, "{fierce}");

    let sources = server.json("/api/v1/sources", 200);
    assert_eq!(sources["values"][0]["value"], "RIA Novosti");
    let sections = server.json("/api/v1/sections", 200);
    assert_eq!(sections["values"][0]["value"], "Homeland Security");
}

#[test]
fn malformed_requests_are_json_400s_that_say_why() {
    let (server, _) = specimen_server();
    let deep = format!("{}a{}", "(".repeat(200), ")".repeat(200));
    let long = "word ".repeat(5000);
    let wild = "a*";
    for (query, why) in [
        ("q=%22unclosed".to_string(), ""),
        (format!("q={deep}"), ""),
        (format!("q={}", long.replace(' ', "+")), ""),
        (format!("q={wild}"), ""),
        ("limit=100000".to_string(), "limit"),
        ("limit=ten".to_string(), "limit"),
        ("facets=100000".to_string(), "facets"),
        ("since=yesterday-ish".to_string(), "since"),
        ("timeline=fortnight".to_string(), "timeline"),
        ("sort=random".to_string(), "sort"),
        ("cursor=not-a-cursor".to_string(), "cursor"),
        ("q=a&q=b".to_string(), "q"),
    ] {
        let response = server.get(&format!("/api/v1/articles?{query}"));
        let status = response.status().as_u16();
        let body: Value = response.json().unwrap();
        if query == format!("q={wild}") && status == 200 {
            continue; // a short prefix is allowed when it expands little
        }
        assert_eq!(status, 400, "{query}: {body}");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains(why), "{query}: {message}");
        assert_eq!(body["error"]["status"], 400);
    }
    let huge = format!("/api/v1/articles?q={}", "x".repeat(20_000));
    let response = server.get(&huge);
    assert_eq!(response.status().as_u16(), 400);
    server.json("/api/v1/no-such-thing", 404);
    let wrong_method = server
        .client()
        .delete(server.url("/api/v1/articles"))
        .send()
        .unwrap();
    assert_eq!(wrong_method.status().as_u16(), 405);
    let body: Value = wrong_method.json().unwrap();
    assert_eq!(body["error"]["status"], 405);
}

#[test]
fn writing_needs_the_token() {
    let server = TestServer::start(Some(TOKEN));
    let post = |token: Option<&str>, kind: &str, query: &str, body: Vec<u8>| {
        let mut request = server
            .client()
            .post(server.url(&format!("/api/v1/articles{query}")))
            .header("content-type", kind)
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().unwrap()
    };
    let url = "?url=https%3A%2F%2Fwww.globalsecurity.org%2Fsecurity%2Flibrary%2Fnews%2F2014%2F10%2Fsec-141008-rianovosti01.htm";

    let none = post(None, "text/html", url, specimen_html());
    assert_eq!(none.status().as_u16(), 401);
    assert!(none.headers().contains_key("www-authenticate"));
    let body: Value = none.json().unwrap();
    assert_eq!(body["error"]["status"], 401);
    let wrong = post(
        Some("test-token-0123456789abcdeX"),
        "text/html",
        url,
        specimen_html(),
    );
    assert_eq!(wrong.status().as_u16(), 401);
    assert_eq!(server.json("/api/v1/health", 200)["articles"], 0);

    let created = post(
        Some(TOKEN),
        "text/html; charset=windows-1252",
        url,
        specimen_html(),
    );
    assert_eq!(created.status().as_u16(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_string();
    let put: Value = created.json().unwrap();
    assert_eq!(location, format!("/api/v1/articles/{}", put["id"]));
    let again = post(Some(TOKEN), "text/html", url, specimen_html());
    assert_eq!(again.status().as_u16(), 200);
    let again: Value = again.json().unwrap();
    assert_eq!(again["id"], put["id"]);

    // Article JSON, as `dateline extract` writes it.
    let article = synthetic(
        1,
        "Reuters",
        "World",
        "2022-01-02T03:04:05Z",
        "Snow in Cairo.",
    )
    .article;
    let json = serde_json::to_vec(&article).unwrap();
    let stored = post(Some(TOKEN), "application/json", "", json);
    assert_eq!(stored.status().as_u16(), 201);

    let unsupported = post(Some(TOKEN), "image/png", "", vec![1, 2, 3]);
    assert_eq!(unsupported.status().as_u16(), 415);
    let broken = post(
        Some(TOKEN),
        "application/json",
        "",
        b"{\"title\": ".to_vec(),
    );
    assert_eq!(broken.status().as_u16(), 400);
    let huge = post(Some(TOKEN), "text/html", url, vec![b'a'; 17 * 1024 * 1024]);
    assert_eq!(huge.status().as_u16(), 413);
    let body: Value = huge.json().unwrap();
    assert_eq!(body["error"]["status"], 413);

    std::thread::sleep(std::time::Duration::from_millis(300));
    let health = server.json("/api/v1/health", 200);
    assert_eq!(health["articles"], 2);
}

#[test]
fn a_server_without_a_token_is_read_only() {
    let server = TestServer::start(None);
    let response = server
        .client()
        .post(server.url("/api/v1/articles"))
        .bearer_auth(TOKEN)
        .header("content-type", "text/html")
        .body(specimen_html())
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let body: Value = response.json().unwrap();
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("read-only"));
}

#[test]
fn every_answer_carries_the_security_headers() {
    let (server, id) = specimen_server();
    for path in [
        "/".to_string(),
        "/api/v1/health".to_string(),
        format!("/api/v1/articles/{id}"),
        "/api/v1/nothing".to_string(),
        "/style.css".to_string(),
    ] {
        let response = server.get(&path);
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'"), "{path}");
        assert!(
            !csp.contains("script-src"),
            "{path}: no script is ever allowed"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
    }
}
