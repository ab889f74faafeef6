//! Datelines of scripts without capitals, where the Latin/Cyrillic reading
//! (a capitalised place) cannot apply:
//!
//! - Chinese: `新华社北京10月8日电（记者 王毅）` — agency, place, date, 电/讯;
//! - Japanese: `【ワシントン共同】`, `【北京＝時事】` — place and agency in
//!   lenticular brackets (or `【パリ＝山田太郎】`: place and reporter);
//! - Arabic: `القاهرة (أ ف ب) -`, `موسكو - (رويترز) -` — the place, the
//!   agency in brackets, a dash. Arabic has no capitals, so a known agency
//!   is what makes the opening a dateline.

use super::{canonical_agency, months, parse_date, Found};
use regex::Regex;
use std::sync::LazyLock;

static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<agency>新华社|新華社|新华网|中新社|中新网|本报|本報)(?P<place>\p{Han}{2,8}?)(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|電|讯|訊)(?:[（(][^（）()]{0,40}[）)])?[\s：:]*",
    )
    .expect("Chinese dateline pattern")
});

static JAPANESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*【(?P<place>[^【】＝=\s]{1,15}?)(?:[＝=]?(?P<agency>共同|時事|ロイター|ＡＦＰ|AFP|ＡＰ|AP|新華社|聯合|タス)|[＝=](?P<reporter>[^【】＝=]{1,20}))】\s*",
    )
    .expect("Japanese dateline pattern")
});

static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    let month = months::pattern();
    Regex::new(&format!(
        r"^\s*(?P<place>\p{{Arabic}}+(?:\s+\p{{Arabic}}+){{0,3}}?)(?:\s*[,،]?\s*(?P<date>\d{{1,2}}\s+{month}(?:\s+\d{{4}})?))?\s*(?:[-–—]\s*)?\((?P<agency>[^()]{{1,30}})\)\s*[-–—:]\s*"
    ))
    .expect("Arabic dateline pattern")
});

/// A Chinese, Japanese or Arabic dateline at the start of `paragraph`.
pub fn find(paragraph: &str) -> Option<Found> {
    let first = paragraph.trim_start().chars().next()?;
    if first == '【' {
        return japanese(paragraph);
    }
    if is_han(first) {
        return chinese(paragraph);
    }
    if ('\u{0600}'..='\u{06FF}').contains(&first) {
        return arabic(paragraph);
    }
    None
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn chinese(paragraph: &str) -> Option<Found> {
    let caps = CHINESE.captures(paragraph)?;
    let number = |name: &str| super::number(caps.name(name)?.as_str());
    let (m, d) = (number("m")?, number("d")?);
    let month_day = ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d));
    let whole = caps.get(0)?;
    Some(Found {
        place: caps.name("place")?.as_str().to_string(),
        month_day,
        year: number("y").map(|y| y as i32),
        agency: canonical_agency(caps.name("agency")?.as_str()),
        text: whole
            .as_str()
            .trim_end_matches([' ', '：', ':'])
            .trim()
            .to_string(),
        len: whole.end(),
    })
}

fn japanese(paragraph: &str) -> Option<Found> {
    let caps = JAPANESE.captures(paragraph)?;
    let whole = caps.get(0)?;
    // The rest is the story, not another bracketed label.
    let rest = &paragraph[whole.end()..];
    if rest.is_empty() || rest.starts_with('【') {
        return None;
    }
    Some(Found {
        place: caps.name("place")?.as_str().to_string(),
        month_day: None,
        year: None,
        agency: caps
            .name("agency")
            .and_then(|a| canonical_agency(a.as_str())),
        text: whole.as_str().trim().to_string(),
        len: whole.end(),
    })
}

fn arabic(paragraph: &str) -> Option<Found> {
    let caps = ARABIC.captures(paragraph)?;
    let agency = canonical_agency(caps.name("agency")?.as_str())?;
    let whole = caps.get(0)?;
    let (month_day, year) = caps
        .name("date")
        .map_or((None, None), |d| parse_date(d.as_str()));
    let text = whole
        .as_str()
        .trim_end()
        .trim_end_matches(['-', '–', '—', ':'])
        .trim()
        .to_string();
    Some(Found {
        place: caps.name("place")?.as_str().trim().to_string(),
        month_day,
        year,
        agency: Some(agency),
        text,
        len: whole.end(),
    })
}
