//! Publication and update times: from JSON-LD, meta tags, `<time>`, markup,
//! visible text and the URL, with real time zones.
//!
//! Every source yields candidates; each candidate carries how it was found
//! and a tier (how much that kind of source is worth trusting). The best
//! tier wins, so a page's own JSON-LD beats a date read from its text, and
//! the text beats the URL. Times keep the precision the page gave: a zone
//! is attached only when the page states one (next to the time, or once for
//! the whole page, as in "Updated 4:20 p.m. Moscow Time"), and a named zone
//! is resolved to the offset it had on that very day.
//!
//! ## Day/month order of numeric dates
//!
//! "08/10/2014" is 8 October or August 10. In order, the first that applies
//! decides: a part over 12 (it must be the day); the dateline's month and
//! day ([`DateHints::dateline_month_day`]); another date of the same page
//! (its URL or metadata) that matches exactly one reading; another numeric
//! date on the page whose order is certain; a dot separator (`08.10.2014` is
//! European everywhere); the language (`en`/`en-US` month first, every other
//! language and regional English day first); and otherwise day first, the
//! order most of the world writes.

mod jsonld;
mod machine;
mod markup;
mod meta;
mod text;
mod url;
mod words;
mod zone;

use crate::dom::Dom;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use dateline_model::{DateField, DateMethod, DateSource, PageTime};
use machine::Machine;
use markup::{ElemKind, Page};
use text::{DatePart, Hit};
use words::Label;
use zone::Zone;

/// What the rest of the page tells the date finder.
#[derive(Debug, Clone, Default)]
pub struct DateHints<'a> {
    pub url: Option<&'a str>,
    /// The page's language, to read month names and day/month order.
    pub language: Option<&'a str>,
    /// Month and day from the article's dateline ("October 8" → (10, 8)),
    /// which settles day/month order of numeric dates.
    pub dateline_month_day: Option<(u32, u32)>,
    /// "Today", for rejecting dates in the future. `None` reads the clock;
    /// tests and re-runs over old crawls set it.
    pub today: Option<NaiveDate>,
}

/// The dates found, each with how it was found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoundDates {
    pub published: Option<(PageTime, DateSource)>,
    pub updated: Option<(PageTime, DateSource)>,
}

/// Nothing on the web was published before this.
const MIN_YEAR: i32 = 1995;

/// How much of the text around the headline is read for dates: bylines sit
/// just above or below it, and reading further only finds dates that the
/// story talks about.
const BEFORE_HEADLINE: usize = 600;
const AFTER_HEADLINE: usize = 2500;
/// How much of a plain-text page is read: its top, where the byline is.
const TEXT_SCAN: usize = 6000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    DayFirst,
    MonthFirst,
}

/// Settles what the scanners leave open: day/month order, zones, plausibility.
struct Resolver {
    hint: Option<(u32, u32)>,
    evidence: Vec<NaiveDate>,
    page_order: Option<Order>,
    lang_order: Option<Order>,
    page_zone: Option<Zone>,
    min: NaiveDate,
    max: NaiveDate,
}

fn lang_order(lang: &str) -> Option<Order> {
    let l = lang.trim().to_ascii_lowercase().replace('_', "-");
    if l.is_empty() {
        return None;
    }
    if l == "en" || l.starts_with("en-us") || l == "en-ph" {
        Some(Order::MonthFirst)
    } else {
        Some(Order::DayFirst)
    }
}

impl Resolver {
    fn new(hints: &DateHints, page_lang: Option<&str>) -> Self {
        let today = hints
            .today
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        Resolver {
            hint: hints.dateline_month_day,
            evidence: Vec::new(),
            page_order: None,
            lang_order: hints.language.or(page_lang).and_then(lang_order),
            page_zone: None,
            min: NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).expect("valid"),
            // A page dated tomorrow is one in a zone ahead of ours.
            max: today.succ_opt().unwrap_or(today),
        }
    }

    /// Learns the page's numeric order from dates where only one reading
    /// is possible.
    fn learn_order(&mut self, hits: &[Hit]) {
        let mut seen = None;
        for h in hits {
            if let Some(DatePart::Numeric { a, b, .. }) = h.date {
                let o = if a > 12 {
                    Order::DayFirst
                } else if b > 12 {
                    Order::MonthFirst
                } else {
                    continue;
                };
                match seen {
                    None => seen = Some(o),
                    Some(s) if s != o => return,
                    _ => {}
                }
            }
        }
        if seen.is_some() {
            self.page_order = seen;
        }
    }

    fn numeric(&self, a: u32, b: u32, year: i32, sep: char) -> Option<NaiveDate> {
        let day_first = NaiveDate::from_ymd_opt(year, b, a);
        let month_first = NaiveDate::from_ymd_opt(year, a, b);
        let order = match (day_first, month_first) {
            (None, None) => return None,
            (Some(d), None) => return Some(d),
            (None, Some(d)) => return Some(d),
            (Some(_), Some(_)) if a == b => Order::DayFirst,
            (Some(dm), Some(md)) => {
                if let Some((m, d)) = self.hint {
                    if (a, b) == (m, d) {
                        Order::MonthFirst
                    } else if (b, a) == (m, d) {
                        Order::DayFirst
                    } else {
                        self.fallback_order(dm, md, sep)
                    }
                } else {
                    self.fallback_order(dm, md, sep)
                }
            }
        };
        match order {
            Order::DayFirst => day_first,
            Order::MonthFirst => month_first,
        }
    }

    fn fallback_order(&self, dm: NaiveDate, md: NaiveDate, sep: char) -> Order {
        let dm_seen = self.evidence.contains(&dm);
        let md_seen = self.evidence.contains(&md);
        if dm_seen != md_seen {
            return if dm_seen {
                Order::DayFirst
            } else {
                Order::MonthFirst
            };
        }
        if let Some(o) = self.page_order {
            return o;
        }
        if sep == '.' {
            return Order::DayFirst;
        }
        self.lang_order.unwrap_or(Order::DayFirst)
    }

    fn date(&self, d: DatePart) -> Option<NaiveDate> {
        match d {
            DatePart::Ymd(d) => Some(d),
            DatePart::Numeric { a, b, year, sep } => self.numeric(a, b, year, sep),
        }
    }

    /// A day and maybe a time, with the zone written next to it or, for
    /// visible text, the one the page names for all its times.
    fn page_time(
        &self,
        date: NaiveDate,
        time: Option<NaiveTime>,
        zone: Option<Zone>,
        use_page_zone: bool,
    ) -> PageTime {
        let Some(time) = time else {
            return PageTime::Date(date);
        };
        let local = NaiveDateTime::new(date, time);
        let zone = zone.or(if use_page_zone { self.page_zone } else { None });
        match zone.and_then(|z| z.offset_at(&local)) {
            Some(offset) => match local.and_local_timezone(offset).single() {
                Some(t) => PageTime::Zoned(t),
                None => PageTime::Local(local),
            },
            None => PageTime::Local(local),
        }
    }

    fn hit(&self, h: &Hit, use_page_zone: bool) -> Option<PageTime> {
        let date = self.date(h.date?)?;
        Some(self.page_time(date, h.time, h.zone, use_page_zone))
    }

    /// A machine-readable value; human text in it is read like page text,
    /// but without the page's zone, which was stated for what people read.
    fn machine(&self, s: &str) -> Option<PageTime> {
        match machine::parse(s)? {
            Machine::Exact(t) => Some(t),
            Machine::Text(h) => self.hit(&h, false),
        }
    }

    fn plausible(&self, t: &PageTime) -> bool {
        let d = t.date();
        d >= self.min && d <= self.max
    }
}

/// Tiers, best first. Gaps leave room without renumbering.
mod tier {
    pub const JSONLD_ARTICLE: u8 = 0;
    /// `dateCreated`: when the draft was started, often days before
    /// publication; only when the article states nothing better.
    pub const JSONLD_ARTICLE_CREATED: u8 = 5;
    pub const META_STRONG: u8 = 10;
    pub const TIME_LABELED: u8 = 20;
    pub const JSONLD_PAGE: u8 = 30;
    pub const META_WEAK: u8 = 40;
    pub const MARKUP_LABELED: u8 = 50;
    pub const TEXT_LABELED: u8 = 55;
    pub const TIME: u8 = 60;
    pub const MARKUP: u8 = 65;
    pub const TEXT_BYLINE: u8 = 70;
    pub const JSONLD_OTHER: u8 = 80;
    pub const TEXT_PROSE: u8 = 90;
    pub const URL: u8 = 100;
    pub const BOILERPLATE_LABELED: u8 = 105;
    pub const TEXT_FAR: u8 = 110;
    pub const TEXT_FAR_PROSE: u8 = 115;
    /// A date key in a page's embedded JSON state: a last resort.
    pub const SCRIPT_JSON: u8 = 118;
    pub const WEAKEST: u8 = 120;
}

#[derive(Debug, Clone)]
struct Cand {
    time: PageTime,
    /// The date the source names; `None` when it just says "a date".
    field: Option<DateField>,
    method: DateMethod,
    tier: u8,
    pos: usize,
    detail: String,
    raw: String,
}

/// Orders times by instant when both are zoned, else by wall clock: a
/// comparison the page's own precision supports.
fn earlier(a: &PageTime, b: &PageTime) -> std::cmp::Ordering {
    match (a, b) {
        (PageTime::Zoned(x), PageTime::Zoned(y)) => x.cmp(y),
        _ => naive(a).cmp(&naive(b)),
    }
}

fn naive(t: &PageTime) -> NaiveDateTime {
    match t {
        PageTime::Date(d) => d.and_time(NaiveTime::MIN),
        PageTime::Local(t) => *t,
        PageTime::Zoned(t) => t.naive_local(),
    }
}

/// The same instant on the page's own clock, if the page shows one.
///
/// Structured data often gives UTC ("2020-02-25T02:25:54Z") while the page
/// shows its readers local time ("February 24, 2020 9:25pm"). When another
/// candidate is that very instant on another clock (same minute, an offset
/// a zone can have), the page has told its offset: the time is re-expressed
/// in it. Nothing is invented: both numbers are on the page.
fn localize(best: &Cand, cands: &[Cand]) -> (PageTime, Option<String>) {
    let PageTime::Zoned(t) = best.time else {
        return (best.time, None);
    };
    if t.offset().local_minus_utc() != 0 {
        return (best.time, None);
    }
    let utc = t.naive_utc();
    let minute = |n: NaiveDateTime| n.and_utc().timestamp().div_euclid(60);
    for c in cands {
        let offset = match c.time {
            PageTime::Zoned(z) if z == t && z.offset().local_minus_utc() != 0 => *z.offset(),
            PageTime::Local(l) => {
                let delta = (minute(l) - minute(utc)) * 60;
                if delta == 0 || delta % 900 != 0 || !(-12 * 3600..=14 * 3600).contains(&delta) {
                    continue;
                }
                match chrono::FixedOffset::east_opt(delta as i32) {
                    Some(o) => o,
                    None => continue,
                }
            }
            _ => continue,
        };
        return (
            PageTime::Zoned(t.with_timezone(&offset)),
            Some(c.detail.clone()),
        );
    }
    (best.time, None)
}

/// Picks published and updated among the candidates.
///
/// `url_day`: the day in the page's address. Publishing systems write the
/// day of first publication there and never change it, while JSON-LD and
/// meta tags get rewritten when a page is re-saved, and UTC stamps fall on
/// another day than the publisher's own. So a candidate that disagrees with
/// the address ranks after it, and one that agrees keeps its rank (and its
/// time of day).
/// When JSON-LD, the strongest source, is outvoted: the page's own
/// publication meta tag names another day, something else on the page
/// (its byline, a `<time>`, another meta tag) names that day too, and
/// nothing but JSON-LD names JSON-LD's day. JSON-LD is often written by
/// another system than the page (a first draft's date, a syndication
/// feed's), while the meta tag and the byline are what readers and
/// crawlers see. Returns the meta tag's index in `cands` (sorted).
fn outvoted_json_ld(cands: &[Cand]) -> Option<usize> {
    let published = |c: &Cand| c.field != Some(DateField::Updated);
    let top = cands.iter().position(published)?;
    if cands[top].method != DateMethod::JsonLd {
        return None;
    }
    // Each candidate's local day, worked out once: `localize` looks
    // through the candidates for an offset.
    let days: Vec<NaiveDate> = cands.iter().map(|c| localize(c, cands).0.date()).collect();
    let meta = (0..cands.len()).find(|&i| {
        let c = &cands[i];
        c.method == DateMethod::Meta
            && c.tier == tier::META_STRONG
            && published(c)
            && days[i] != days[top]
    })?;
    let others = || {
        (0..cands.len()).filter(|&i| {
            let c = &cands[i];
            i != meta
                && c.method != DateMethod::JsonLd
                && published(c)
                && c.tier <= tier::TEXT_BYLINE
        })
    };
    let support = others().any(|i| days[i] == days[meta]);
    let against = others().any(|i| days[i] == days[top]);
    (support && !against).then_some(meta)
}

fn choose(mut cands: Vec<Cand>, url_day: Option<NaiveDate>) -> FoundDates {
    if let Some(day) = url_day {
        for c in cands.iter_mut() {
            if c.tier < tier::URL && c.field != Some(DateField::Updated) {
                let (t, _) = localize(c, &[]);
                if t.date() != day {
                    // After the URL, in the same order among themselves.
                    c.tier = tier::URL + 1 + c.tier / 2;
                }
            }
        }
    }
    cands.sort_by_key(|c| (c.tier, c.pos));
    let published = outvoted_json_ld(&cands)
        .map(|i| &cands[i])
        .or_else(|| cands.iter().find(|c| c.field != Some(DateField::Updated)));
    let updated = cands
        .iter()
        .filter(|c| c.field == Some(DateField::Updated))
        .find(|c| published.is_none_or(|p| earlier(&c.time, &p.time).is_ge()));
    let source = |c: &Cand, field| {
        let (time, clock) = localize(c, &cands);
        let detail = match clock {
            Some(other) => format!("{} (offset from {other})", c.detail),
            None => c.detail.clone(),
        };
        (
            time,
            DateSource {
                field,
                method: c.method,
                detail,
                raw: c.raw.clone(),
            },
        )
    };
    FoundDates {
        published: published.map(|c| source(c, DateField::Published)),
        updated: updated.map(|c| source(c, DateField::Updated)),
    }
}

/// Candidates from free text: every dated hit, plus labelled bare times
/// ("Updated 4:20 p.m.") on the day of the date just before them.
fn text_cands(
    r: &Resolver,
    text: &str,
    hits: &[Hit],
    base: usize,
    describe: &dyn Fn(usize) -> Option<String>,
    out: &mut Vec<Cand>,
) {
    /// How far back a bare time looks for its day.
    const DAY_REACH: usize = 300;
    let mut last_day: Option<(NaiveDate, usize)> = None;
    for h in hits {
        let (time, tier) = match (h.date, h.time) {
            (Some(_), _) => {
                let Some(t) = r.hit(h, true) else { continue };
                last_day = Some((t.date(), h.end));
                let tier = if h.label.is_some() {
                    tier::TEXT_LABELED
                } else if h.line_len <= 100 {
                    tier::TEXT_BYLINE
                } else {
                    tier::TEXT_PROSE
                };
                (t, tier)
            }
            (None, Some(t)) if h.label.is_some() => {
                let Some((day, end)) = last_day.filter(|(_, end)| h.start - end <= DAY_REACH)
                else {
                    continue;
                };
                let _ = end;
                (r.page_time(day, Some(t), h.zone, true), tier::TEXT_LABELED)
            }
            _ => continue,
        };
        let field = h.label.map(|l| match l {
            Label::Published => DateField::Published,
            Label::Updated => DateField::Updated,
        });
        let what =
            describe(base + h.start).map_or_else(|| "text".to_string(), |d| format!("{d} text"));
        out.push(Cand {
            time,
            field,
            method: DateMethod::Text,
            tier,
            pos: base + h.start,
            detail: what,
            raw: text[h.start..h.end].to_string(),
        });
    }
}

fn url_cand(r: &Resolver, url: Option<&str>, out: &mut Vec<Cand>) -> Option<NaiveDate> {
    let (part, raw) = url::date(url?)?;
    let d = r.date(part)?;
    let t = PageTime::Date(d);
    if !r.plausible(&t) {
        return None;
    }
    out.push(Cand {
        time: t,
        field: Some(DateField::Published),
        method: DateMethod::Url,
        tier: tier::URL,
        pos: usize::MAX,
        detail: "url".to_string(),
        raw,
    });
    Some(d)
}

/// Byte index at or before `i` that starts a character.
fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Dates of an HTML page. `scripts`: script bodies set aside before
/// parsing (see [`crate::prepare_html`]).
pub fn from_html(dom: &Dom, scripts: &[&str], hints: &DateHints) -> FoundDates {
    let (cands, _, url_day) = html_cands(dom, scripts, hints);
    choose(cands, url_day)
}

/// Every candidate the finder weighed, best first, and the text it read:
/// for finding out why a page got the date it got.
#[doc(hidden)]
pub fn explain_html(dom: &Dom, scripts: &[&str], hints: &DateHints) -> String {
    let (mut cands, window, _) = html_cands(dom, scripts, hints);
    cands.sort_by_key(|c| (c.tier, c.pos));
    let mut s = String::new();
    for c in &cands {
        s.push_str(&format!(
            "{:>3} {:<28} {:?}/{:?} {} = {:?}\n",
            c.tier,
            c.time.to_string(),
            c.method,
            c.field,
            c.detail,
            c.raw
        ));
    }
    s.push_str("--- text read ---\n");
    s.push_str(&window);
    s
}

fn html_cands(
    dom: &Dom,
    scripts: &[&str],
    hints: &DateHints,
) -> (Vec<Cand>, String, Option<NaiveDate>) {
    let page = Page::walk(dom, scripts);
    let mut r = Resolver::new(hints, page.lang.as_deref());
    let mut cands = Vec::new();

    // Structured sources first: their dates are also evidence for reading
    // the page's numeric dates.
    for (i, script) in page.jsonld.iter().enumerate() {
        for d in jsonld::dates(script) {
            let Some(t) = r.machine(&d.value) else {
                continue;
            };
            let tier = match d.rank {
                0 if d.key == "dateCreated" => tier::JSONLD_ARTICLE_CREATED,
                0 => tier::JSONLD_ARTICLE,
                1 => tier::JSONLD_PAGE,
                2 => tier::JSONLD_OTHER,
                _ => tier::WEAKEST,
            };
            let field = if d.key == "dateModified" {
                DateField::Updated
            } else {
                DateField::Published
            };
            let detail = if d.type_name.is_empty() {
                format!("json-ld {}", d.key)
            } else {
                format!("json-ld {}.{}", d.type_name, d.key)
            };
            cands.push(Cand {
                time: t,
                field: Some(field),
                method: DateMethod::JsonLd,
                tier,
                pos: i,
                detail,
                raw: d.value,
            });
        }
    }
    for (i, (key, value)) in page.script_dates.iter().enumerate() {
        let Some(t) = r.machine(value) else {
            continue;
        };
        cands.push(Cand {
            time: t,
            field: Some(DateField::Published),
            method: DateMethod::Markup,
            tier: tier::SCRIPT_JSON,
            pos: i,
            detail: format!("script json {key}"),
            raw: value.clone(),
        });
    }
    for m in &page.metas {
        let Some(t) = r.machine(&m.value) else {
            continue;
        };
        let tier = match m.strength {
            meta::STRONG if !m.place.boilerplate => tier::META_STRONG,
            meta::WEAK => tier::META_WEAK,
            _ => tier::WEAKEST,
        };
        cands.push(Cand {
            time: t,
            field: Some(m.field),
            method: DateMethod::Meta,
            tier,
            pos: m.place.pos,
            detail: m.detail.clone(),
            raw: m.value.clone(),
        });
    }
    let url = hints
        .url
        .or(page.canonical.as_deref())
        .or(page.og_url.as_deref());
    let url_day = url_cand(&r, url, &mut cands);
    r.evidence.extend(url_day);
    r.evidence.extend(cands.iter().map(|c| c.time.date()));

    // The text around the headline: bylines, datelines, "Updated …".
    let anchor = page
        .headlines
        .iter()
        .find(|(_, in_article)| *in_article)
        .or(page.headlines.first())
        .map(|(o, _)| *o)
        .or(page.articles.first().copied())
        .unwrap_or(0);
    let from = floor_char(&page.text, anchor.saturating_sub(BEFORE_HEADLINE));
    let to = floor_char(&page.text, anchor + AFTER_HEADLINE);
    let window = &page.text[from..to];
    let scan = text::scan(window);

    // Dates in cued elements, read with the same scanner.
    let mut elem_hits: Vec<(usize, Vec<Hit>)> = Vec::new();
    for (i, e) in page.elems.iter().enumerate() {
        if !e.from_attr {
            elem_hits.push((i, text::scan(&e.value).hits));
        }
    }
    let mut all_numeric: Vec<Hit> = scan.hits.clone();
    for (_, hs) in &elem_hits {
        all_numeric.extend(hs.iter().cloned());
    }
    r.learn_order(&all_numeric);
    r.page_zone = scan.page_zone.or_else(|| {
        elem_hits
            .iter()
            .flat_map(|(_, hs)| hs)
            .find_map(|h| h.zone.filter(|z| z.region().is_some()))
    });

    let describe = |off: usize| page.element_at(dom, off);
    text_cands(&r, window, &scan.hits, from, &describe, &mut cands);

    let mut hits_of = elem_hits.into_iter().peekable();
    // `pubdate` or `itemprop="datePublished"` on every item of a list
    // (comments, other stories) labels the items, not the page.
    let labeled_days: std::collections::HashSet<&str> = page
        .elems
        .iter()
        .filter(|e| e.kind == ElemKind::Time && e.field.is_some() && e.from_attr)
        .map(|e| e.value.get(..10).unwrap_or(&e.value))
        .collect();
    let list_labels = labeled_days.len() >= 3;
    for (i, e) in page.elems.iter().enumerate() {
        let labeled = e.field.is_some() && !(list_labels && e.kind == ElemKind::Time);
        let (method, tier) = match (e.kind, labeled, e.place.in_article) {
            (ElemKind::Time, true, _) => (DateMethod::TimeElement, tier::TIME_LABELED),
            (ElemKind::Time, false, _) => (DateMethod::TimeElement, tier::TIME),
            (ElemKind::Cued, true, _) => (DateMethod::Markup, tier::MARKUP_LABELED),
            (ElemKind::Cued, false, _) => (DateMethod::Markup, tier::MARKUP),
        };
        // Boilerplate is told apart by class names, which can mislead: a
        // date there that says what it is still counts, after the URL.
        let tier = match (e.place.boilerplate, labeled) {
            (false, _) => tier,
            (true, true) => tier::BOILERPLATE_LABELED,
            (true, false) => tier::WEAKEST,
        };
        if e.from_attr {
            let Some(t) = r.machine(&e.value) else {
                continue;
            };
            cands.push(Cand {
                time: t,
                field: e.field,
                method,
                tier,
                pos: e.place.pos,
                detail: e.detail.clone(),
                raw: e.value.clone(),
            });
            continue;
        }
        let hits = match hits_of.peek() {
            Some((j, _)) if *j == i => hits_of.next().map(|(_, h)| h).unwrap_or_default(),
            _ => continue,
        };
        let Some(h) = hits.iter().find(|h| h.date.is_some()) else {
            continue;
        };
        let Some(t) = r.hit(h, true) else { continue };
        // What the text says ("Veröffentlicht: …") overrules a class name
        // ("lastUpdated") that a template gives all its dates.
        let field = h
            .label
            .map(|l| match l {
                Label::Published => DateField::Published,
                Label::Updated => DateField::Updated,
            })
            .or(e.field);
        cands.push(Cand {
            time: t,
            field,
            method,
            tier,
            pos: e.place.pos,
            detail: e.detail.clone(),
            raw: e.value[h.start..h.end].to_string(),
        });
    }

    cands.retain(|c| r.plausible(&c.time));

    // Nothing near the headline: the rest of the text, bylines first (some
    // templates put "Posted on …" under the article).
    if !cands
        .iter()
        .any(|c| c.field != Some(DateField::Updated) && c.tier <= tier::URL)
    {
        const FAR_TEXT: usize = 60_000;
        let end = floor_char(&page.text, to + FAR_TEXT);
        for (start, part) in [(to, &page.text[to..end]), (0, &page.text[..from])] {
            let scan = text::scan(part);
            let mut far = Vec::new();
            text_cands(&r, part, &scan.hits, start, &describe, &mut far);
            for mut c in far {
                c.tier = if c.tier == tier::TEXT_PROSE {
                    tier::TEXT_FAR_PROSE
                } else {
                    tier::TEXT_FAR
                };
                if r.plausible(&c.time) {
                    cands.push(c);
                }
            }
        }
    }
    if page.wiki {
        // A wiki page is its current revision: dates in its content are
        // what the page is about, not when it was written. What dates it
        // is its metadata and its "last edited" line.
        cands.retain(|c| {
            matches!(c.method, DateMethod::JsonLd | DateMethod::Meta)
                || c.field == Some(DateField::Updated)
        });
    }
    (cands, window.to_string(), url_day)
}

/// Dates of a plain-text page (lines as copied from a browser).
pub fn from_text(text: &str, hints: &DateHints) -> FoundDates {
    let mut r = Resolver::new(hints, None);
    let mut cands = Vec::new();
    let url_day = url_cand(&r, hints.url, &mut cands);
    r.evidence.extend(url_day);
    let window = &text[..floor_char(text, TEXT_SCAN)];
    let scan = text::scan(window);
    r.learn_order(&scan.hits);
    r.page_zone = scan.page_zone;
    text_cands(&r, window, &scan.hits, 0, &|_| None, &mut cands);
    cands.retain(|c| r.plausible(&c.time));
    choose(cands, url_day)
}

#[cfg(test)]
mod tests;
