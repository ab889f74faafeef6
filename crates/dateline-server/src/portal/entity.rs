//! The entity page: names, titles, mentions over time as a chart, its
//! quotations, its articles, the entities it appears with.

use super::chart::{self, Bar};
use super::format::day;
use super::layout;
use super::search::{hit_item, interval_name};
use crate::api::entities::{detail, EntityDetail};
use crate::api::parse_id;
use crate::params::Params;
use crate::App;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use dateline_store::{EntityId, EntityQuery, Interval};
use maud::{html, Markup};

pub async fn one(
    State(app): State<App>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let parsed = parse_id::<EntityId>("entity", &id).and_then(|id| {
        let p = Params::parse(query.as_deref())?;
        Ok((id, p.interval("interval")?.unwrap_or(Interval::Month)))
    });
    let (id, interval) = match parsed {
        Ok(p) => p,
        Err(e) => return e.page(),
    };
    match app.with_store(move |s| detail(s, id, interval, 20)).await {
        Ok(d) => layout::page(&d.entity.name.clone(), render(&d, interval)).into_response(),
        Err(e) => e.page(),
    }
}

/// Entities by name: the way in when the name is known but not the id.
pub async fn list(State(app): State<App>, RawQuery(query): RawQuery) -> Response {
    let found = Params::parse(query.as_deref()).and_then(|p| {
        Ok(EntityQuery {
            name: p.one("q")?.map(str::to_string),
            kind: p.kind("kind")?,
            limit: 50,
            offset: 0,
        })
    });
    let query = match found {
        Ok(q) => q,
        Err(e) => return e.page(),
    };
    let name = query.name.clone().unwrap_or_default();
    match app.with_store(move |s| Ok(s.entities(&query)?)).await {
        Ok(entities) => layout::page(
            "Entities",
            html! {
                h1 { "Entities" }
                form class="search" action="/entities" method="get" {
                    label for="entity-q" { "Name" }
                    input type="search" id="entity-q" name="q" value=(name);
                    button type="submit" { "Find" }
                }
                @if entities.is_empty() { p { "No entity by that name." } }
                ul class="entity-list" {
                    @for e in &entities {
                        li { (super::annotate::entity(Some(e.id), e.kind, &e.name, None))
                             " " span class="n" { (e.articles) " articles" } }
                    }
                }
            },
        )
        .into_response(),
        Err(e) => e.page(),
    }
}

fn render(d: &EntityDetail, interval: Interval) -> Markup {
    let e = &d.entity;
    let bars: Vec<Bar> = d
        .mentions_over_time
        .iter()
        .map(|b| Bar {
            label: b.start.to_string(),
            value: b.mentions as f64,
            detail: format!("{} mentions in {} articles", b.mentions, b.articles),
        })
        .collect();
    html! {
        h1 { (e.name) }
        dl class="facts" {
            dt { "Kind" } dd { (super::annotate::kind_class(e.kind)) }
            @if !e.aliases.is_empty() { dt { "Also called" } dd { (e.aliases.join(", ")) } }
            @if !e.titles.is_empty() {
                dt { "Titles" }
                dd { @for (i, t) in e.titles.iter().enumerate() { @if i > 0 { ", " } (t.title) " (" (t.articles) ")" } }
            }
            dt { "Mentioned" } dd { (e.mentions) " times in " (e.articles) " articles" }
            @if let (Some(first), Some(last)) = (&e.first_seen, &e.last_seen) {
                dt { "Seen" } dd { "from " (day(first)) " to " (day(last)) }
            }
        }
        p { a href={ "/search?" (crate::portal::format::query(&[("entity", &e.id.to_string())])) } { "Search its articles" } }
        @if !bars.is_empty() {
            section aria-labelledby="mentions-h" {
                h2 id="mentions-h" { "Mentions per " (interval_name(interval)) }
                (chart::bars(&format!("Mentions of {} per {}", e.name, interval_name(interval)), &bars))
            }
        }
        @if !d.quotes.is_empty() {
            section class="quotes" aria-labelledby="quotes-h" {
                h2 id="quotes-h" { "Quotations" }
                ul {
                    @for q in &d.quotes {
                        li {
                            q { (q.text) }
                            " — " a href={ "/articles/" (q.article) } { (q.title.as_deref().unwrap_or("(untitled)")) }
                            @if let Some(source) = &q.source { ", " (source) }
                            ", " (day(&q.date))
                        }
                    }
                }
            }
        }
        @if !d.co_mentioned.is_empty() {
            section aria-labelledby="co-h" {
                h2 id="co-h" { "Mentioned with" }
                ul class="entity-list" {
                    @for c in &d.co_mentioned {
                        li { (super::annotate::entity(Some(c.id), c.kind, &c.name, None)) " " span class="n" { (c.count) } }
                    }
                }
            }
        }
        section aria-labelledby="articles-h" {
            h2 id="articles-h" { "Latest articles" }
            ol class="hits" { @for hit in &d.latest_articles { li { (hit_item(hit)) } } }
        }
    }
}
