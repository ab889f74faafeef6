//! The search page, and the section and source pages that are searches
//! with one filter fixed: hits, facets that narrow the search, the
//! timeline as a chart, a link to the next page.

use super::chart::{self, Bar};
use super::format::{self, day};
use super::layout;
use crate::params::Params;
use crate::{ApiError, App};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use dateline_store::{FacetCount, Facets, Hit, Interval, SearchPage, Snippet, Sort, Timeline};
use maud::{html, Markup};

/// Hits per page.
const PAGE: usize = 20;
/// Values per facet.
const FACETS: usize = 8;

pub async fn search(State(app): State<App>, RawQuery(query): RawQuery) -> Response {
    let params = match Params::parse(query.as_deref()) {
        Ok(p) => p,
        Err(e) => return e.page(),
    };
    let q = params.one("q").ok().flatten().unwrap_or("").to_string();
    let title = if q.is_empty() {
        "Search".to_string()
    } else {
        format!("Search: {q}")
    };
    listing(app, &title, None, params).await
}

pub async fn section(
    State(app): State<App>,
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    fixed(app, "section", "Section", name, query).await
}

pub async fn source(
    State(app): State<App>,
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    fixed(app, "source", "Source", name, query).await
}

/// A listing with one filter that its links keep and never offer to drop.
async fn fixed(
    app: App,
    field: &'static str,
    what: &str,
    name: String,
    query: Option<String>,
) -> Response {
    let params = match Params::parse(query.as_deref()) {
        Ok(p) => p.without(field, None).with(field, &name),
        Err(e) => return e.page(),
    };
    listing(app, &format!("{what}: {name}"), Some(field), params).await
}

async fn listing(app: App, title: &str, fixed: Option<&'static str>, params: Params) -> Response {
    let mut request = match params.search(PAGE) {
        Ok(r) => r,
        Err(e) => return error_page(title, &params, e),
    };
    let has_query = !params.one("q").ok().flatten().unwrap_or("").is_empty();
    if params.one("sort").ok().flatten().is_none() && !has_query {
        request.sort = Sort::Newest;
    }
    request.facets = FACETS;
    request.timeline = Some(request.timeline.unwrap_or(Interval::Month));
    request.snippets = has_query;
    let page = match app.with_store(move |s| Ok(s.search(&request)?)).await {
        Ok(page) => page,
        Err(e) => return error_page(title, &params, e),
    };
    layout::page(title, render(title, fixed, &params, &page)).into_response()
}

/// A bad search is answered with its reason and the form to fix it, with
/// the status the API would give.
fn error_page(title: &str, params: &Params, e: ApiError) -> Response {
    let status = e.status;
    let body = layout::page(
        title,
        html! {
            h1 { (title) }
            (search_form(params))
            p role="alert" class="error" { (e.message) }
        },
    );
    (status, body).into_response()
}

fn render(title: &str, fixed: Option<&str>, params: &Params, page: &SearchPage) -> Markup {
    html! {
        h1 { (title) }
        (search_form(params))
        (active_filters(fixed, params))
        p class="count" { (page.total) " " (if page.total == 1 { "article" } else { "articles" }) }
        div class="results" {
            section class="hits" aria-label="Articles" {
                @if page.hits.is_empty() { p { "Nothing matches." } }
                ol class="hits" { @for hit in &page.hits { li { (hit_item(hit)) } } }
                @if let Some(cursor) = &page.next_cursor {
                    nav aria-label="Pages" {
                        a rel="next" href={ "?" (params.without("cursor", None).with("cursor", cursor).to_query()) } { "Next page" }
                    }
                }
            }
            @if let Some(facets) = &page.facets { (facet_panel(fixed, params, facets)) }
        }
        @if let Some(timeline) = &page.timeline { (timeline_chart(timeline)) }
    }
}

/// The search box with the current query, and the filters as hidden
/// fields so that a new query keeps them.
fn search_form(params: &Params) -> Markup {
    let q = params.one("q").ok().flatten().unwrap_or("");
    html! {
        form class="search" action="" method="get" {
            label for="page-q" { "Words" }
            input type="search" id="page-q" name="q" value=(q);
            @for (k, v) in params.pairs() {
                @if !matches!(k.as_str(), "q" | "cursor") {
                    input type="hidden" name=(k) value=(v);
                }
            }
            button type="submit" { "Search" }
        }
    }
}

fn active_filters(fixed: Option<&str>, params: &Params) -> Markup {
    let names = [
        "entity", "source", "section", "site", "lang", "since", "until",
    ];
    let active: Vec<(&str, &str)> = params
        .pairs()
        .iter()
        .filter(|(k, v)| names.contains(&k.as_str()) && Some(k.as_str()) != fixed && !v.is_empty())
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    html! {
        @if !active.is_empty() {
            ul class="filters" aria-label="Filters" {
                @for (k, v) in &active {
                    li { (k) ": " (v) " "
                        a href={ "?" (params.without(k, Some(v)).without("cursor", None).to_query()) }
                          aria-label={ "Remove filter " (k) " " (v) } { "×" } }
                }
            }
        }
    }
}

pub fn hit_item(hit: &Hit) -> Markup {
    html! {
        article class="hit" {
            h3 { a href={ "/articles/" (hit.id) } { (hit.title.as_deref().unwrap_or("(untitled)")) } }
            p class="meta" {
                @if let Some(source) = &hit.source { a href=(format::path("/sources", source)) { (source) } " · " }
                @if let Some(section) = &hit.section { a href=(format::path("/sections", section)) { (section) } " · " }
                @if let Some(site) = &hit.site { (site) " · " }
                (day(&hit.date))
                @if hit.revisions > 1 { " · " (hit.revisions) " revisions" }
            }
            @if let Some(snippet) = &hit.snippet { p class="snippet" { (snippet_markup(snippet)) } }
            @else if let Some(dateline) = &hit.dateline { p class="snippet" { (dateline) } }
        }
    }
}

/// A snippet with its highlighted words in `mark`; bad or overlapping
/// spans are skipped.
fn snippet_markup(snippet: &Snippet) -> Markup {
    let text = snippet.text.as_str();
    let mut spans: Vec<_> = snippet
        .highlights
        .iter()
        .filter(|s| s.start < s.end && text.get(s.start..s.end).is_some())
        .collect();
    spans.sort_by_key(|s| s.start);
    // (plain text before, marked words) pairs, then the rest.
    let mut pieces = Vec::new();
    let mut at = 0;
    for span in spans {
        if span.start >= at {
            pieces.push((&text[at..span.start], &text[span.start..span.end]));
            at = span.end;
        }
    }
    html! {
        "…" @for (plain, marked) in pieces { (plain) mark { (marked) } } (&text[at..]) "…"
    }
}

fn facet_panel(fixed: Option<&str>, params: &Params, facets: &Facets) -> Markup {
    let base = params.without("cursor", None);
    let group = |name: &'static str, label: &'static str, values: &[FacetCount]| -> Markup {
        html! {
            @if fixed != Some(name) && !values.is_empty() {
                h3 { (label) }
                ul { @for v in values {
                    li { a href={ "?" (base.without(name, Some(&v.value)).with(name, &v.value).to_query()) } { (v.value) } " " span class="n" { (v.count) } }
                } }
            }
        }
    };
    html! {
        aside class="facets" aria-label="Narrow the search" {
            h2 { "Narrow" }
            (group("source", "Sources", &facets.sources))
            (group("section", "Sections", &facets.sections))
            @if !facets.entities.is_empty() {
                h3 { "Entities" }
                ul { @for e in &facets.entities {
                    li { a href={ "?" (base.with("entity", &e.id.to_string()).to_query()) } { (e.name) } " " span class="n" { (e.count) } }
                } }
            }
            (group("lang", "Languages", &facets.languages))
            (group("site", "Sites", &facets.sites))
        }
    }
}

fn timeline_chart(timeline: &Timeline) -> Markup {
    let label = |d: &chrono::NaiveDate| match timeline.interval {
        Interval::Month => d.format("%Y-%m").to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    };
    let bars: Vec<Bar> = timeline
        .buckets
        .iter()
        .map(|b| Bar {
            label: label(&b.start),
            value: b.count as f64,
            detail: format!(
                "{} of {} articles ({:.1} %)",
                b.count,
                b.total,
                b.share * 100.0
            ),
        })
        .collect();
    html! {
        @if !bars.is_empty() {
            section class="timeline" aria-labelledby="timeline-h" {
                h2 id="timeline-h" { "Over time" }
                (chart::bars(&format!("Matching articles per {}", interval_name(timeline.interval)), &bars))
            }
        }
    }
}

pub fn interval_name(interval: Interval) -> &'static str {
    match interval {
        Interval::Day => "day",
        Interval::Week => "week",
        Interval::Month => "month",
    }
}
