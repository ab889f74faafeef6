//! The specimen article's time expressions (shared/specimen/README.md,
//! "Time expressions"; the text is the repository's fixture copy).

use chrono::NaiveDate;
use dateline_timex::{find, Reference, TimeExpression, TimeKind};

const SPECIMEN: &str = include_str!("../../../tests/fixtures/ria-novosti-2014-10-08.txt");

fn specimen() -> Vec<TimeExpression> {
    let dct = NaiveDate::from_ymd_opt(2014, 10, 8).unwrap(); // a Wednesday
    find(SPECIMEN, Some(Reference::day(dct)))
}

/// The expression whose text is `text`, after `context` in the specimen.
fn at<'a>(times: &'a [TimeExpression], context: &str, text: &str) -> &'a TimeExpression {
    let from = SPECIMEN.find(context).expect("context in specimen");
    times
        .iter()
        .find(|t| t.start >= from && t.text == text)
        .unwrap_or_else(|| panic!("{text:?} after {context:?} not found in {times:#?}"))
}

#[test]
fn specimen_table() {
    let times = specimen();
    let expect = [
        (
            "Mikhail Bogdanov said",
            "Wednesday",
            TimeKind::Date,
            "2014-10-08",
        ),
        ("since", "2012", TimeKind::Date, "2012"),
        ("In June", "June 2014", TimeKind::Date, "2014-06"),
        ("In September", "September", TimeKind::Date, "2014-09"),
        ("back in", "August", TimeKind::Date, "2014-08"),
        ("coalition is", "currently", TimeKind::Date, "PRESENT_REF"),
    ];
    for (context, text, kind, value) in expect {
        let t = at(&times, context, text);
        assert_eq!((t.kind, t.value.as_str()), (kind, value), "{text}");
        assert_eq!(&SPECIMEN[t.start..t.end], text);
    }
}

#[test]
fn specimen_optional_expressions() {
    let times = specimen();
    // TimeML leaves the preposition out: "for a long time" → "a long time"
    let long = at(&times, "international arena, for", "a long time");
    assert_eq!(
        (long.kind, long.value.as_str()),
        (TimeKind::Duration, "PXY")
    );
    let ago = at(&times, "terrorism", "long ago");
    assert_eq!(ago.value, "PAST_REF");
    // The header's update time, with its zone in the extent
    let updated = at(&times, "Updated", "4:20 p.m. Moscow Time");
    assert_eq!(
        (updated.kind, updated.value.as_str()),
        (TimeKind::Time, "2014-10-08T16:20")
    );
}

#[test]
fn specimen_has_no_spurious_expressions() {
    let texts: Vec<_> = specimen().into_iter().map(|t| t.text).collect();
    assert_eq!(
        texts,
        [
            "15:01 08/10/2014",
            "4:20 p.m. Moscow Time",
            "October 8",
            "long ago",
            "Wednesday",
            "a long time",
            "2012",
            "June 2014",
            "September",
            "August",
            "currently"
        ]
    );
}
