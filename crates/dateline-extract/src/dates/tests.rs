//! Whole-page tests: the specimen, each source, and the choice between them.

use super::*;
use crate::dom::Document;
use chrono::Datelike;

const SPECIMEN_HTML: &[u8] =
    include_bytes!("../../../../tests/fixtures/ria-novosti-2014-10-08.html");
const SPECIMEN_TXT: &str = include_str!("../../../../tests/fixtures/ria-novosti-2014-10-08.txt");

fn today() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 1, 1)
}

fn hints() -> DateHints<'static> {
    DateHints {
        today: today(),
        ..DateHints::default()
    }
}

fn specimen_html() -> String {
    let decoded = crate::decode::decode(SPECIMEN_HTML, None);
    assert_eq!(decoded.encoding, encoding_rs::WINDOWS_1252);
    decoded.text.into_owned()
}

fn html_with(s: &str, h: &DateHints) -> FoundDates {
    let prepared = crate::prepare_html(s);
    let doc = Document::parse(&prepared.html);
    from_html(&Dom::new(&doc), &prepared.scripts, h)
}

fn html(s: &str) -> FoundDates {
    html_with(s, &hints())
}

fn published(f: &FoundDates) -> String {
    f.published
        .as_ref()
        .map(|(t, _)| t.to_string())
        .unwrap_or_default()
}

fn updated(f: &FoundDates) -> String {
    f.updated
        .as_ref()
        .map(|(t, _)| t.to_string())
        .unwrap_or_default()
}

fn check_specimen(f: &FoundDates) {
    let (p, ps) = f.published.as_ref().expect("published");
    assert_eq!(p.to_string(), "2014-10-08T15:01:00+04:00");
    assert_eq!(ps.method, DateMethod::Text);
    assert_eq!(ps.field, DateField::Published);
    assert_eq!(ps.raw, "15:01 08/10/2014");
    let (u, us) = f.updated.as_ref().expect("updated");
    assert_eq!(u.to_string(), "2014-10-08T16:20:00+04:00");
    assert_eq!(us.method, DateMethod::Text);
    assert_eq!(us.field, DateField::Updated);
    assert_eq!(us.raw, "Updated 4:20 p.m. Moscow Time");
}

#[test]
fn specimen_html_with_dateline_hint() {
    let h = DateHints {
        dateline_month_day: Some((10, 8)),
        language: Some("en"),
        ..hints()
    };
    let f = html_with(&specimen_html(), &h);
    check_specimen(&f);
    assert_eq!(f.published.as_ref().unwrap().1.detail, "p.stamp text");
}

#[test]
fn specimen_text_with_dateline_hint() {
    let h = DateHints {
        dateline_month_day: Some((10, 8)),
        language: Some("en"),
        ..hints()
    };
    check_specimen(&from_text(SPECIMEN_TXT, &h));
}

#[test]
fn specimen_without_hints_reads_day_first() {
    // No language, no dateline: day first, the order most of the world writes.
    let f = from_text(SPECIMEN_TXT, &hints());
    assert_eq!(published(&f), "2014-10-08T15:01:00+04:00");
    // The HTML page says nothing about its language either.
    let f = html(&specimen_html());
    assert_eq!(published(&f), "2014-10-08T15:01:00+04:00");
}

#[test]
fn specimen_in_english_without_dateline_reads_us_order() {
    // "en" with nothing else to go by: month first, 10 August. Moscow was
    // UTC+4 then too. This is why the dateline hint matters.
    let h = DateHints {
        language: Some("en"),
        ..hints()
    };
    let f = from_text(SPECIMEN_TXT, &h);
    assert_eq!(published(&f), "2014-08-10T15:01:00+04:00");
    assert_eq!(updated(&f), "2014-08-10T16:20:00+04:00");
}

#[test]
fn the_hint_beats_the_language() {
    let h = DateHints {
        language: Some("en-US"),
        dateline_month_day: Some((10, 8)),
        ..hints()
    };
    assert_eq!(
        published(&from_text("15:01 08/10/2014", &h)),
        "2014-10-08T15:01:00"
    );
    let h = DateHints {
        language: Some("de"),
        dateline_month_day: Some((8, 10)),
        ..hints()
    };
    assert_eq!(published(&from_text("08.10.2014", &h)), "2014-08-10");
}

#[test]
fn order_from_other_evidence() {
    // An impossible month settles it whatever the language says.
    let h = DateHints {
        language: Some("en"),
        ..hints()
    };
    assert_eq!(published(&from_text("Posted 25/10/2014", &h)), "2014-10-25");
    // Another numeric date on the page whose order is certain.
    assert_eq!(
        published(&from_text("Posted 08/10/2014\nComment of 25/10/2014", &h)),
        "2014-10-08"
    );
    // The URL's date matches one reading.
    let h = DateHints {
        language: Some("en"),
        url: Some("https://x.org/2014/10/08/story"),
        ..hints()
    };
    assert_eq!(
        published(&from_text("Posted 08/10/2014 10:00", &h)),
        "2014-10-08T10:00:00"
    );
    // Dots are European.
    let h = DateHints {
        language: Some("en"),
        ..hints()
    };
    assert_eq!(published(&from_text("08.10.2014", &h)), "2014-10-08");
}

#[test]
fn no_zone_is_invented() {
    assert_eq!(
        published(&from_text("Posted October 8, 2014 3:01 pm", &hints())),
        "2014-10-08T15:01:00"
    );
    assert_eq!(
        published(&from_text("Posted October 8, 2014", &hints())),
        "2014-10-08"
    );
    let f = html(r#"<meta property="article:published_time" content="2014-10-08T15:01:00">"#);
    assert_eq!(published(&f), "2014-10-08T15:01:00");
}

#[test]
fn a_zone_named_once_applies_to_bare_times() {
    let f = from_text(
        "All times Eastern Time\nPublished October 8, 2014 3:01 pm\n",
        &hints(),
    );
    assert_eq!(published(&f), "2014-10-08T15:01:00-04:00");
    // In winter the same clock is UTC-5.
    let f = from_text("Published 8 January 2015 3:01 pm ET", &hints());
    assert_eq!(published(&f), "2015-01-08T15:01:00-05:00");
    // Moscow after the 2014 change.
    let f = from_text("27.10.2014 15:01 (MSK)", &hints());
    assert_eq!(published(&f), "2014-10-27T15:01:00+03:00");
}

#[test]
fn json_ld_beats_meta_and_text() {
    let f = html(
        r#"<html><head>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","datePublished":"2014-10-01"},
          {"@type":"NewsArticle","datePublished":"2014-10-08T15:01:00+04:00","dateModified":"2014-10-08T16:20:00+04:00"}]}</script>
        <meta property="article:published_time" content="2014-10-07T00:00:00Z">
        </head><body><h1>T</h1><p>Posted 9 October 2014</p></body></html>"#,
    );
    assert_eq!(published(&f), "2014-10-08T15:01:00+04:00");
    let (_, s) = f.published.as_ref().unwrap();
    assert_eq!(s.method, DateMethod::JsonLd);
    assert_eq!(s.detail, "json-ld NewsArticle.datePublished");
    assert_eq!(updated(&f), "2014-10-08T16:20:00+04:00");
}

#[test]
fn meta_tags() {
    let f = html(
        r#"<head><meta property="og:updated_time" content="2015-01-02T10:00:00+01:00">
        <meta property="article:published_time" content="2014-12-30T09:00:00+01:00"></head>"#,
    );
    assert_eq!(published(&f), "2014-12-30T09:00:00+01:00");
    assert_eq!(
        f.published.as_ref().unwrap().1.detail,
        "meta[property=article:published_time]"
    );
    assert_eq!(updated(&f), "2015-01-02T10:00:00+01:00");
    let f = html(r#"<meta name="DC.date.issued" content="2014-10-08">"#);
    assert_eq!(published(&f), "2014-10-08");
    let f = html(r#"<span itemprop="datePublished" content="2014-10-08T15:01:00Z">Oct 8</span>"#);
    assert_eq!(
        f.published.as_ref().unwrap().1.detail,
        "span[itemprop=datePublished]"
    );
    // An update before the publication is no update.
    let f = html(
        r#"<meta property="article:published_time" content="2014-12-30">
        <meta property="article:modified_time" content="2014-12-01">"#,
    );
    assert!(f.updated.is_none());
}

#[test]
fn time_elements_prefer_the_article_and_skip_boilerplate() {
    let f = html(
        r#"<body><aside class="sidebar"><time datetime="2013-01-01">old</time></aside>
        <article><h1>T</h1><time class="entry-date published" datetime="2014-10-08T15:01:00+04:00">8 Oct</time>
        <time class="updated" datetime="2014-10-09T10:00:00+04:00">9 Oct</time></article>
        <div class="comments"><time datetime="2014-10-07">c</time></div></body>"#,
    );
    assert_eq!(published(&f), "2014-10-08T15:01:00+04:00");
    assert_eq!(
        f.published.as_ref().unwrap().1.method,
        DateMethod::TimeElement
    );
    assert_eq!(updated(&f), "2014-10-09T10:00:00+04:00");
}

#[test]
fn markup_cues() {
    let f = html(
        r#"<body><h1>Titel</h1><div class="post-meta">von Anna · <span class="post-date">12. März 2015</span></div>
        <p>Am 1. Januar 2015 geschah etwas.</p></body>"#,
    );
    assert_eq!(published(&f), "2015-03-12");
    let (_, s) = f.published.as_ref().unwrap();
    assert_eq!(s.method, DateMethod::Markup);
    assert_eq!(s.raw, "12. März 2015");
}

#[test]
fn text_labels_and_url_fallback() {
    let f = html(
        r#"<body><h1>Titel</h1><p>Aktualisiert: 10.03.2015, 12:00 Uhr<br>Veröffentlicht am 09.03.2015 um 08:15 Uhr</p></body>"#,
    );
    assert_eq!(published(&f), "2015-03-09T08:15:00");
    assert_eq!(updated(&f), "2015-03-10T12:00:00");
    let h = DateHints {
        url: Some("https://x.org/news/2016/02/03/story.html"),
        ..hints()
    };
    let f = html_with("<h1>No date here</h1>", &h);
    assert_eq!(published(&f), "2016-02-03");
    assert_eq!(f.published.as_ref().unwrap().1.method, DateMethod::Url);
}

#[test]
fn implausible_dates_are_rejected() {
    assert!(from_text("Posted 8 October 1994", &hints())
        .published
        .is_none());
    assert!(from_text("Posted 8 October 2030", &hints())
        .published
        .is_none());
    let f = html(r#"<meta property="article:published_time" content="2030-01-01">"#);
    assert!(f.published.is_none());
}

#[test]
fn empty_and_dateless_pages() {
    assert_eq!(html(""), FoundDates::default());
    assert_eq!(from_text("", &hints()), FoundDates::default());
    assert_eq!(
        from_text("Nothing dated here at 4.20 euros.", &hints()),
        FoundDates::default()
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Date-shaped noise: digits, separators, month names, zone words,
    /// labels, in any order, so that the matchers' edge cases are reached.
    fn datey() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "08",
            "8",
            "2014",
            "14",
            "10",
            "31",
            "13",
            "/",
            ".",
            "-",
            ":",
            " ",
            "\n",
            "+",
            "04:00",
            "T",
            "Z",
            "p.m.",
            "am",
            "Uhr",
            "h",
            "October",
            "Oktober",
            "октября",
            "de",
            "of",
            "th",
            "Updated",
            "Veröffentlicht",
            "Moscow",
            "Time",
            "(",
            ")",
            "MSK",
            "EDT",
            "GMT",
            "年",
            "月",
            "日",
            "نيسان",
            "/",
            ",",
            "é",
            "İ",
            "\u{307}",
            "0400",
            "1412766060",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn text_parser_never_panics_on_any_string(s in any::<String>()) {
            let _ = from_text(&s, &hints());
            let _ = machine::parse(&s);
        }

        #[test]
        fn text_parser_never_panics_on_date_shaped_noise(s in datey()) {
            let f = from_text(&s, &hints());
            // Whatever is found is plausible and carries its raw text.
            if let Some((t, src)) = &f.published {
                prop_assert!(t.date().year() >= MIN_YEAR);
                prop_assert!(!src.raw.is_empty());
            }
            let _ = machine::parse(&s);
            let _ = html(&s);
        }
    }

    /// A large date-dense input is scanned without blowing up (a quadratic
    /// scanner made this take minutes; no timing is asserted — a regression
    /// shows as a test that does not finish).
    #[test]
    fn scanning_dense_input_finishes() {
        let unit = "Updated 08/10/2014 15:01 Moscow Time, 8. Oktober 2014 um 4.20pm EDT | ";
        let text = unit.repeat(4_000);
        assert!(text::scan(&text).hits.len() >= 4_000);
    }

    /// The work per page is bounded whatever the page's size: only a window
    /// of text is read for dates.
    #[test]
    fn plain_text_reads_a_bounded_prefix() {
        let mut s = "x ".repeat(TEXT_SCAN);
        s.push_str("Posted 8 October 2014");
        assert!(from_text(&s, &hints()).published.is_none());
    }
}

#[test]
fn json_ld_outvoted_by_meta_and_byline() {
    let page = |byline: &str| {
        format!(
            r#"<head><script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2023-11-03T10:25:56+00:00"}}</script>
            <meta property="article:published_time" content="2023-11-06T14:25:00+00:00"></head>
            <body><h1>Title</h1><p class="byline">{byline}</p></body>"#
        )
    };
    // The meta tag and the byline agree on another day: they win.
    let f = html(&page("6 November 2023"));
    assert_eq!(published(&f), "2023-11-06T14:25:00+00:00");
    // The byline sides with JSON-LD: JSON-LD stays.
    let f = html(&page("3 November 2023"));
    assert_eq!(published(&f), "2023-11-03T10:25:56+00:00");
    // The meta tag alone does not outvote it.
    let f = html(&page("Staff writer"));
    assert_eq!(published(&f), "2023-11-03T10:25:56+00:00");
}

#[test]
fn wiki_pages_are_dated_by_their_last_edit() {
    let f = html(
        r#"<head><meta name="generator" content="MediaWiki 1.35.0"></head><body><h1>Stammtisch</h1>
        <p>Nächstes Treffen: 5. Februar 2020</p>
        <footer><ul><li id="footer-info-lastmod"> Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></footer></body>"#,
    );
    assert_eq!(published(&f), "");
    assert_eq!(updated(&f), "2020-01-29T13:22:00");
}

#[test]
fn pubdate_on_every_list_item_labels_nothing() {
    let items: String = ["2019-09-22", "2019-09-20", "2019-09-19"]
        .iter()
        .map(|d| format!(r#"<li><time pubdate datetime="{d}T07:30:29Z">x</time></li>"#))
        .collect();
    let f = html(&format!(
        r#"<body><h1>Title</h1><p class="x"><time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p><ul class="list">{items}</ul></body>"#
    ));
    assert_eq!(published(&f), "2019-06-28T13:49:45+00:00");
    // One labelled date is the page's.
    let f = html(
        r#"<body><h1>Title</h1><time datetime="2019-06-28T13:49:45Z">a</time><time pubdate datetime="2019-09-22T07:30:29Z">b</time></body>"#,
    );
    assert_eq!(published(&f), "2019-09-22T07:30:29+00:00");
}

#[test]
fn publish_in_a_class_labels_the_date() {
    let f = html(
        r#"<body><h1>Title</h1><time datetime="2018-03-12T19:30:12+00:00">x</time>
        <span class="PublishDate_date">29. Januar 2019</span></body>"#,
    );
    assert_eq!(published(&f), "2019-01-29");
}
