//! Golden test: the specimen page (a RIA Novosti report republished by
//! GlobalSecurity.org) gives exactly the facts its README lists, from the
//! HTML and from the text copy alike.

use dateline_model::{Article, InputRef, RawPage};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
const URL: &str =
    "https://www.globalsecurity.org/security/library/news/2014/10/sec-141008-rianovosti01.htm";

fn extract(name: &str) -> Article {
    let path = format!("{FIXTURES}/{name}");
    let bytes = std::fs::read(&path).expect("specimen fixture");
    let page = RawPage::new(InputRef::File { path }, bytes);
    dateline_extract::extract(&page, &Default::default()).expect("specimen extracts")
}

fn html() -> Article {
    extract("ria-novosti-2014-10-08.html")
}

fn text() -> Article {
    extract("ria-novosti-2014-10-08.txt")
}

const NOT_IN_TEXT: &[&str] = &[
    "UNITED24",
    "charitable donation",
    "Homeland Security",
    "Russia Does Not Need to Be Invited",
    "15:01",
    "Updated",
    "NEWSLETTER",
    "mailing list",
    "Related Stories",
    "Kurdish",
    "Copyright",
    "Site Map",
    "Most Read",
    "Support GlobalSecurity.org",
    "Sign Up",
];

fn check_common(a: &Article) {
    assert_eq!(a.schema_version, 1);
    assert_eq!(
        a.title.as_deref(),
        Some("Russia Does Not Need to Be Invited to Fight Terrorism: Foreign Ministry")
    );
    assert_eq!(a.section.as_deref(), Some("Homeland Security"));
    assert_eq!(a.source.as_deref(), Some("RIA Novosti"));
    assert!(
        a.authors.is_empty(),
        "no byline, yet authors {:?}",
        a.authors
    );
    assert_eq!(a.language.as_deref(), Some("en"));

    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(d.place, "Moscow");
    assert_eq!(d.agency.as_deref(), Some("RIA Novosti"));
    assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2014-10-08"));

    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 7, "paragraphs: {paragraphs:#?}");
    assert_eq!(a.blocks.len(), 7);
    assert!(
        paragraphs[0].starts_with("The United States has been knocking on 'all doors'"),
        "{}",
        paragraphs[0]
    );
    assert!(paragraphs[6].ends_with("according to the State Department."));
    for bad in NOT_IN_TEXT {
        assert!(!a.text.contains(bad), "{bad:?} is in the text");
    }
    for (block, text) in a.block_texts() {
        assert_eq!(
            text,
            paragraphs[a.blocks.iter().position(|b| b == block).unwrap()]
        );
    }
}

fn check_dates(a: &Article) {
    assert_eq!(
        a.published.map(|t| t.to_string()).as_deref(),
        Some("2014-10-08T15:01:00+04:00")
    );
    assert_eq!(
        a.updated.map(|t| t.to_string()).as_deref(),
        Some("2014-10-08T16:20:00+04:00")
    );
    assert_eq!(a.date_sources.len(), 2);
}

#[test]
fn html_body_and_metadata() {
    let a = html();
    check_common(&a);
    assert_eq!(a.site_name.as_deref(), Some("GlobalSecurity.org"));
    assert_eq!(a.canonical_url.as_deref(), Some(URL));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn html_dates() {
    check_dates(&html());
}

#[test]
fn text_body_and_metadata() {
    let a = text();
    check_common(&a);
    assert_eq!(a.site_name, None);
    assert_eq!(a.canonical_url, None);
}

#[test]
fn text_dates() {
    check_dates(&text());
}
