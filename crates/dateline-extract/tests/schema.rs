//! The published JSON schema describes what extraction really writes.

use dateline_model::{InputRef, RawPage};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

#[test]
fn real_output_matches_schema() {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(format!("{ROOT}/schema/article.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for name in ["ria-novosti-2014-10-08.html", "ria-novosti-2014-10-08.txt"] {
        let path = format!("{ROOT}/tests/fixtures/{name}");
        let mut page = RawPage::new(
            InputRef::File { path: path.clone() },
            std::fs::read(&path).unwrap(),
        );
        page.url = Some("https://www.globalsecurity.org/x.htm".into());
        let article = dateline_extract::extract(&page, &Default::default()).unwrap();
        let json = serde_json::to_value(&article).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");

        // Analysed, with entities, quotes and times.
        let mut analysed = article.clone();
        dateline_analyze::analyze_article(&mut analysed);
        let json = serde_json::to_value(&analysed).unwrap();
        assert!(!json["entities"].as_array().unwrap().is_empty());
        assert!(!json["times"].as_array().unwrap().is_empty());
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name} analysed: {errors:#?}");
        // Not vacuous for entities either: an unknown kind fails.
        let mut bad = json.clone();
        bad["entities"][0]["kind"] = "planet".into();
        assert!(
            !validator.is_valid(&bad),
            "{name}: a bad entity kind passes"
        );
    }
    // And the schema is not vacuous: a wrong version and a bad time fail.
    let mut bad = serde_json::to_value(dateline_model::Article::new(InputRef::Stdin)).unwrap();
    assert!(validator.is_valid(&bad));
    bad["schema_version"] = 2.into();
    assert!(!validator.is_valid(&bad));
    bad["schema_version"] = 1.into();
    bad["published"] = "08/10/2014".into();
    assert!(!validator.is_valid(&bad));
}
