//! One test per expression family, against the specimen's reference date
//! (2014-10-08, a Wednesday) unless said otherwise.

use chrono::NaiveDate;
use dateline_timex::{find, Reference, TimeKind};

fn dct() -> Reference {
    Reference::day(NaiveDate::from_ymd_opt(2014, 10, 8).unwrap())
}

/// (text, type, value) of every expression in `text`.
fn tag(text: &str) -> Vec<(String, TimeKind, String)> {
    find(text, Some(dct()))
        .into_iter()
        .map(|t| (t.text, t.kind, t.value))
        .collect()
}

/// The one expression in `text`: (extent, value).
fn one(text: &str) -> (String, String) {
    let mut all = tag(text);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    let (t, _, v) = all.remove(0);
    (t, v)
}

fn check(cases: &[(&str, &str, &str)]) {
    for (sentence, extent, value) in cases {
        assert_eq!(
            one(sentence),
            (extent.to_string(), value.to_string()),
            "{sentence:?}"
        );
    }
}

#[test]
fn explicit_dates() {
    check(&[
        (
            "It opened on October 8, 2014.",
            "October 8, 2014",
            "2014-10-08",
        ),
        ("It opened on 8 October.", "8 October", "2014-10-08"),
        ("It opened Oct. 8 in Moscow.", "Oct. 8", "2014-10-08"),
        ("Filed 2014-10-08 in Moscow.", "2014-10-08", "2014-10-08"),
        ("Filed 10/08/2014 in Moscow.", "10/08/2014", "2014-10-08"),
        ("Filed 08/10/2014 in Moscow.", "08/10/2014", "2014-10-08"),
        (
            "He was born on the 3rd of March, 1990.",
            "the 3rd of March, 1990",
            "1990-03-03",
        ),
        (
            "Talks began Monday, Oct. 6.",
            "Monday, Oct. 6",
            "2014-10-06",
        ),
        ("The vote was held on Sept. 30.", "Sept. 30", "2014-09-30"),
        // within three months the reference year holds even in a past clause
        // (reported plans: "said the vote would be held on Dec. 12")
        ("The vote was held on Dec. 12.", "Dec. 12", "2014-12-12"),
        ("The vote will be held on Dec. 12.", "Dec. 12", "2014-12-12"),
    ]);
}

#[test]
fn months_and_years() {
    check(&[
        ("In June 2014, the group attacked.", "June 2014", "2014-06"),
        (
            "In September, Obama unveiled a plan.",
            "September",
            "2014-09",
        ),
        ("Elections will be held in February.", "February", "2015-02"),
        ("It has fought since 2012.", "2012", "2012"),
        ("Prices rose in early 2013.", "early 2013", "2013"),
        ("Sales fell in fiscal 1989.", "fiscal 1989", "1989"),
        ("He left last June.", "last June", "2014-06"),
        ("He left in June last year.", "June last year", "2013-06"),
        ("They met in late February.", "late February", "2014-02"),
        (
            "Growth slowed in the first half of 2014.",
            "the first half of 2014",
            "2014-H1",
        ),
    ]);
    // "May" the modal is no month; "in May" is
    assert!(tag("Prices May rise, he said.").is_empty());
    assert_eq!(one("It happened in May.").1, "2014-05");
    // ranges are two expressions
    let r = tag("between 2010 and 2012");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].2.as_str(), r[1].2.as_str()), ("2010", "2012"));
}

#[test]
fn decades_centuries_quarters_seasons() {
    check(&[
        ("It was popular in the 1990s.", "the 1990s", "199"),
        ("It was popular in the '90s.", "the '90s", "199"),
        ("Built in the 20th century.", "the 20th century", "19"),
        (
            "Profit rose in the third quarter.",
            "the third quarter",
            "2014-Q3",
        ),
        ("Third-quarter profit rose.", "Third-quarter", "2014-Q3"),
        (
            "Profit rose in the first quarter of 2013.",
            "the first quarter of 2013",
            "2013-Q1",
        ),
        (
            "Profit fell in the latest quarter.",
            "the latest quarter",
            "2014-Q3",
        ),
        ("They met last summer.", "last summer", "2014-SU"),
        ("They will meet in the spring.", "the spring", "2015-SP"),
        (
            "Talks resume in the summer of 2015.",
            "the summer of 2015",
            "2015-SU",
        ),
    ]);
    // "fall" the verb is no season
    assert!(tag("Prices could fall sharply.").is_empty());
}

#[test]
fn weekdays() {
    check(&[
        ("Bogdanov said Wednesday.", "Wednesday", "2014-10-08"),
        ("Bogdanov said on Monday.", "Monday", "2014-10-06"),
        ("The talks resumed Friday.", "Friday", "2014-10-03"),
        ("The ministers will meet Friday.", "Friday", "2014-10-10"),
        ("They met last Wednesday.", "last Wednesday", "2014-10-01"),
        ("They meet next Monday.", "next Monday", "2014-10-13"),
    ]);
    assert_eq!(
        tag("He spoke Friday morning."),
        [(
            "Friday morning".into(),
            TimeKind::Date,
            "2014-10-03TMO".into()
        )]
    );
}

#[test]
fn relative_expressions() {
    check(&[
        ("Prices fell last week.", "last week", "2014-W40"),
        ("It happened two days ago.", "two days ago", "2014-10-06"),
        ("It happened a year ago.", "a year ago", "2013"),
        ("They meet next month.", "next month", "2014-11"),
        ("He arrived yesterday.", "yesterday", "2014-10-07"),
        ("He arrives tomorrow.", "tomorrow", "2014-10-09"),
        ("Sales rose this year.", "this year", "2014"),
        ("Sales rose earlier this year.", "earlier this year", "2014"),
        ("Sales fell last year.", "last year", "2013"),
        (
            "It ends at the end of the month.",
            "the end of the month",
            "2014-10",
        ),
        ("They left this weekend.", "this weekend", "2014-W40-WE"),
        ("Years ago, he left.", "Years ago", "PAST_REF"),
    ]);
}

#[test]
fn durations() {
    check(&[
        ("It lasted three months.", "three months", "P3M"),
        ("He was held for 48 hours.", "48 hours", "PT48H"),
        ("a two-year deal", "two-year", "P2Y"),
        (
            "Prices rose over the past three years.",
            "the past three years",
            "P3Y",
        ),
        (
            "Sales rose in the first nine months.",
            "the first nine months",
            "P9M",
        ),
        ("They fought for a long time.", "a long time", "PXY"),
        ("It took several years.", "several years", "PXY"),
        (
            "They talked for more than four hours.",
            "more than four hours",
            "PT4H",
        ),
        (
            "It took two and a half years.",
            "two and a half years",
            "P2.5Y",
        ),
        ("It has grown in recent months.", "recent months", "PXM"),
        ("They waited for years.", "years", "PXY"),
        ("It lasted twenty-four hours.", "twenty-four hours", "PT24H"),
    ]);
    let m = find("They talked for more than four hours.", Some(dct()));
    assert_eq!(m[0].modifier.as_deref(), Some("MORE_THAN"));
}

#[test]
fn sets() {
    let cases = [
        ("They meet every week.", "every week", "P1W"),
        ("The report is published annually.", "annually", "P1Y"),
        ("He runs every Monday.", "every Monday", "XXXX-WXX-1"),
        ("He runs twice a day.", "a day", "P1D"),
        ("The market is closed on Sundays.", "Sundays", "XXXX-WXX-7"),
    ];
    for (sentence, extent, value) in cases {
        assert_eq!(
            tag(sentence),
            [(extent.into(), TimeKind::Set, value.into())],
            "{sentence}"
        );
    }
}

#[test]
fn times_of_day() {
    let cases = [
        (
            "Updated 4:20 p.m. Moscow Time",
            "4:20 p.m. Moscow Time",
            "2014-10-08T16:20",
        ),
        (
            "The blast came at 10 a.m. EST.",
            "10 a.m. EST",
            "2014-10-08T10:00",
        ),
        ("The blast came at 15:01.", "15:01", "2014-10-08T15:01"),
        ("They met at noon.", "noon", "2014-10-08T12:00"),
        ("They met this morning.", "this morning", "2014-10-08TMO"),
        ("They met last night.", "last night", "2014-10-07TNI"),
        (
            "He spoke at 9 p.m. yesterday.",
            "9 p.m. yesterday",
            "2014-10-07T21:00",
        ),
        ("He arrives at 3pm.", "3pm", "2014-10-08T15:00"),
    ];
    for (sentence, extent, value) in cases {
        assert_eq!(
            tag(sentence),
            [(extent.into(), TimeKind::Time, value.into())],
            "{sentence}"
        );
    }
    // a ratio or score is no clock time
    assert!(tag("They won 3:1 in a 2.5 match.").is_empty());
}

#[test]
fn references() {
    check(&[
        (
            "The coalition currently has 60 members.",
            "currently",
            "PRESENT_REF",
        ),
        ("He is now in Moscow.", "now", "PRESENT_REF"),
        ("Russia joined long ago.", "long ago", "PAST_REF"),
        ("Prices recently rose.", "recently", "PAST_REF"),
        ("It will change soon.", "soon", "FUTURE_REF"),
        ("It may change in the future.", "the future", "FUTURE_REF"),
        ("It happened in the past.", "the past", "PAST_REF"),
    ]);
    // conjunctions and other events' times are not references
    assert!(tag("Now that he left, answer as soon as possible.").is_empty());
    // "former" qualifies a title, not a time (TimeBank: 0 of 31 tagged)
    assert!(tag("The former minister spoke.").is_empty());
}

#[test]
fn without_a_reference_values_stay_underspecified() {
    let t: Vec<_> = find("On Wednesday, last week, in September, two days ago", None)
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(t, ["XXXX-WXX-3", "XXXX-WXX", "XXXX-09", "XXXX-XX-XX"]);
}

#[test]
fn numbers_are_not_years() {
    assert!(tag("It cost $2000 and 1999 percent, flight 1990, 3.2014 units.").is_empty());
    assert!(tag("The 12345678901234567890 digits and 2014abc").is_empty());
}

#[test]
fn spoken_years_weekends_and_year_ago_periods() {
    check(&[
        (
            "He was born in nineteen ninety-six.",
            "nineteen ninety-six",
            "1996",
        ),
        (
            "It ends in the year two thousand.",
            "the year two thousand",
            "2000",
        ),
        (
            "They rested over the weekend.",
            "the weekend",
            "2014-W40-WE",
        ),
        (
            "They will rest over the weekend.",
            "the weekend",
            "2014-W41-WE",
        ),
        (
            "Profit beat the year-earlier quarter.",
            "the year-earlier quarter",
            "2013-Q3",
        ),
        (
            "Profit beat the year-earlier level.",
            "year-earlier",
            "2013",
        ),
    ]);
}

#[test]
fn holidays_ranges_and_approximate_extents() {
    check(&[
        ("They met last Christmas.", "last Christmas", "2013-12-25"),
        (
            "They will meet at Thanksgiving.",
            "Thanksgiving",
            "2014-11-27",
        ),
        ("Easter fell early that year.", "Easter", "2014-04-20"),
        (
            "Parties end on New Year's Eve.",
            "New Year's Eve",
            "2014-12-31",
        ),
        ("It takes two to three weeks.", "two to three weeks", "P2W"),
        (
            "Prices hold for the next year or so.",
            "the next year or so",
            "2015",
        ),
        (
            "Sales fell in the last half of 1989.",
            "the last half of 1989",
            "1989-H2",
        ),
        (
            "Sales fell in the 1988 third quarter.",
            "the 1988 third quarter",
            "1988-Q3",
        ),
        (
            "It snowed in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        // TimeBank leaves "about" and "almost" out of the extent
        ("The talks lasted about three days.", "three days", "P3D"),
    ]);
    assert_eq!(
        tag("The fair opens each July."),
        [("each July".into(), TimeKind::Set, "XXXX-07".into())]
    );
}

#[test]
fn a_reference_time_places_hours_ago_on_the_clock() {
    let at = NaiveDate::from_ymd_opt(2014, 10, 8)
        .unwrap()
        .and_hms_opt(1, 20, 0)
        .unwrap();
    let t = find("The blast came two hours ago.", Some(Reference::at(at)));
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].kind, t[0].value.as_str()),
        (TimeKind::Time, "2014-10-07T23:20")
    );
    // without the time of day, the day is what is known
    assert_eq!(
        one("The blast came two hours ago."),
        ("two hours ago".into(), "2014-10-08".into())
    );
}

#[test]
fn ages_and_frequencies_are_not_durations() {
    for text in [
        "The 6-year-old boy smiled.",
        "He is 47 years old.",
        "The 47 year-old man left.",
        "They meet once-a-month.",
        "About three-quarters of voters agreed.",
    ] {
        assert!(tag(text).is_empty(), "{text}: {:?}", tag(text));
    }
}
