//! The OpenAPI document is generated from the code; this checks that it
//! describes what the server really answers, response by response.

mod common;

use common::{specimen_incoming, TestServer, TOKEN};
use serde_json::{json, Value};

/// Validates `body` against the schema the document gives for `path`
/// (as the document writes it), `method` and `status`.
fn check(doc: &Value, path: &str, method: &str, status: u16, body: &Value) {
    let response = &doc["paths"][path][method]["responses"][status.to_string()];
    assert!(
        !response.is_null(),
        "the document has no {status} for {method} {path}"
    );
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "{method} {path} {status}: no JSON schema"
    );
    // References point into the document's components; a root that holds
    // them lets the validator resolve `#/components/schemas/...`.
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"],
        "allOf": [schema],
    });
    let validator = jsonschema::validator_for(&root)
        .unwrap_or_else(|e| panic!("{method} {path} {status}: the schema does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{method} {path} {status}: {errors:#?}");
}

#[test]
fn the_document_describes_real_answers() {
    let server = TestServer::start(Some(TOKEN));
    let id = server.put(vec![specimen_incoming()])[0].id.0;
    let doc = server.json("/api/v1/openapi.json", 200);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );

    let entities = server.json("/api/v1/entities?q=Bogdanov", 200);
    let eid = entities["entities"][0]["id"].as_u64().unwrap();
    let cases: Vec<(&str, String, u16)> = vec![
        ("/api/v1/health", "/api/v1/health".into(), 200),
        (
            "/api/v1/articles",
            "/api/v1/articles?q=Bogdanov&facets=5&timeline=week&words=3&snippets=true".into(),
            200,
        ),
        ("/api/v1/articles", "/api/v1/articles?q=%22open".into(), 400),
        (
            "/api/v1/articles/{id}",
            format!("/api/v1/articles/{id}"),
            200,
        ),
        ("/api/v1/articles/{id}", "/api/v1/articles/777".into(), 404),
        (
            "/api/v1/articles/{id}/revisions/{number}",
            format!("/api/v1/articles/{id}/revisions/1"),
            200,
        ),
        (
            "/api/v1/entities",
            "/api/v1/entities?q=Bogdanov".into(),
            200,
        ),
        (
            "/api/v1/entities/{id}",
            format!("/api/v1/entities/{eid}"),
            200,
        ),
        ("/api/v1/entities/{id}", "/api/v1/entities/9999".into(), 404),
        (
            "/api/v1/quotes",
            "/api/v1/quotes?speaker=Bogdanov".into(),
            200,
        ),
        ("/api/v1/sources", "/api/v1/sources".into(), 200),
        ("/api/v1/sections", "/api/v1/sections".into(), 200),
    ];
    for (template, path, status) in cases {
        let body = server.json(&path, status);
        check(&doc, template, "get", status, &body);
    }

    // A write, and a refused one.
    let post = |token: Option<&str>| {
        let mut request = server
            .client()
            .post(server.url("/api/v1/articles?url=https%3A%2F%2Fa.example%2Fx"))
            .header("content-type", "text/html")
            .body(common::specimen_html());
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().unwrap()
    };
    let created = post(Some(TOKEN));
    assert_eq!(created.status().as_u16(), 201);
    check(
        &doc,
        "/api/v1/articles",
        "post",
        201,
        &created.json().unwrap(),
    );
    let refused = post(None);
    assert_eq!(refused.status().as_u16(), 401);
    check(
        &doc,
        "/api/v1/articles",
        "post",
        401,
        &refused.json().unwrap(),
    );
}

#[test]
fn a_wrong_answer_fails_the_check() {
    // The check is not vacuous: a body the schema forbids is caught.
    let server = TestServer::start(None);
    let doc = server.json("/api/v1/openapi.json", 200);
    let result = std::panic::catch_unwind(|| {
        check(&doc, "/api/v1/health", "get", 200, &json!({"status": 3}));
    });
    assert!(result.is_err());
}
