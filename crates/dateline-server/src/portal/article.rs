//! The article page: clean text with its quotations and entities marked,
//! where it comes from, its times in the page's zone and in UTC, its
//! revisions, and the other sites that published the same report.

use super::annotate::{self, kind_class};
use super::format::{self, day, page_time};
use super::layout;
use crate::api::parse_id;
use crate::{ApiError, App};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use dateline_model::Article;
use dateline_store::{ArticleId, StoredArticle};
use maud::{html, Markup};
use std::collections::BTreeMap;

pub async fn current(State(app): State<App>, Path(id): Path<String>) -> Response {
    let id: ArticleId = match parse_id("article", &id) {
        Ok(id) => id,
        Err(e) => return e.page(),
    };
    match app
        .with_store(move |s| crate::api::articles::stored(s, id))
        .await
    {
        Ok(stored) => {
            let title = stored
                .article
                .title
                .clone()
                .unwrap_or_else(|| "(untitled)".into());
            let body = html! {
                (article_view(&stored.article, &stored.entity_ids, None))
                (history(&stored))
                (copies(&stored))
            };
            layout::page(&title, body).into_response()
        }
        Err(e) => e.page(),
    }
}

/// An earlier revision, as it was stored (entities not linked: the
/// archive's entity ids belong to the current revision).
pub async fn revision(
    State(app): State<App>,
    Path((id, number)): Path<(String, String)>,
) -> Response {
    let parsed = parse_id::<ArticleId>("article", &id)
        .and_then(|id| Ok((id, parse_id::<u32>("revision", &number)?)));
    let (id, number) = match parsed {
        Ok(p) => p,
        Err(e) => return e.page(),
    };
    let found = app
        .with_store(move |s| {
            let stored = crate::api::articles::stored(s, id)?;
            let article = s.revision(id, number)?.ok_or_else(|| {
                ApiError::not_found(format!("article {id} has no revision {number}"))
            })?;
            Ok((stored, article))
        })
        .await;
    match found {
        Ok((stored, article)) => {
            let title = format!(
                "{} (revision {number})",
                article.title.as_deref().unwrap_or("(untitled)")
            );
            let ids = if number == stored.revision {
                stored.entity_ids.clone()
            } else {
                BTreeMap::new()
            };
            let body = html! {
                p class="notice" {
                    "Revision " (number) " of " (stored.revisions.len()) ". "
                    a href={ "/articles/" (id) } { "The current version" }
                }
                (article_view(&article, &ids, Some(number)))
                (history(&stored))
            };
            layout::page(&title, body).into_response()
        }
        Err(e) => e.page(),
    }
}

fn article_view(
    article: &Article,
    entity_ids: &BTreeMap<String, dateline_store::EntityId>,
    revision: Option<u32>,
) -> Markup {
    let lang = article.language.as_deref().filter(|l| is_language_tag(l));
    html! {
        article class="story" lang=[lang] {
            header {
                h1 { (article.title.as_deref().unwrap_or("(untitled)")) }
                dl class="facts" {
                    @if let Some(source) = &article.source {
                        dt { "Source" } dd { a href=(format::path("/sources", source)) { (source) } }
                    }
                    @if let Some(section) = &article.section {
                        dt { "Section" } dd { a href=(format::path("/sections", section)) { (section) } }
                    }
                    @if let Some(site) = &article.site_name { dt { "Site" } dd { (site) } }
                    @if !article.authors.is_empty() {
                        dt { "By" } dd { @for (i, a) in article.authors.iter().enumerate() { @if i > 0 { ", " } (a) } }
                    }
                    @if let Some(dateline) = &article.dateline {
                        dt { "Dateline" } dd class="dateline" { (dateline.text) }
                    }
                    @if let Some(t) = &article.published { dt { "Published" } dd { (page_time(t)) } }
                    @if let Some(t) = &article.updated { dt { "Updated" } dd { (page_time(t)) } }
                    @if let Some(url) = article.canonical_url.as_ref().or(article.url.as_ref()) {
                        dt { "Original" } dd { (format::external(url, url)) }
                    }
                    @if let Some(r) = revision { dt { "Revision" } dd { (r) } }
                }
            }
            div class="text" { (annotate::body(article, entity_ids)) }
            (entity_list(article, entity_ids))
            (quote_list(article, entity_ids))
        }
    }
}

fn entity_list(article: &Article, ids: &BTreeMap<String, dateline_store::EntityId>) -> Markup {
    let Some(analysis) = &article.analysis else {
        return html! {};
    };
    if analysis.entities.is_empty() {
        return html! {};
    }
    html! {
        section class="entities" aria-labelledby="entities-h" {
            h2 id="entities-h" { "Who and what" }
            ul {
                @for e in &analysis.entities {
                    li class=(kind_class(e.kind)) {
                        (annotate::entity(ids.get(&e.id).copied(), e.kind, &e.name, None))
                        " " span class="n" { (e.mentions.len()) }
                        @if !e.titles.is_empty() { " — " (e.titles.join(", ")) }
                    }
                }
            }
        }
    }
}

fn quote_list(article: &Article, ids: &BTreeMap<String, dateline_store::EntityId>) -> Markup {
    let Some(analysis) = &article.analysis else {
        return html! {};
    };
    if analysis.quotes.is_empty() {
        return html! {};
    }
    // The speaker's entity, when the quotation names one the text holds.
    let speaker_entity = |name: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.name == name || e.id == name)
            .and_then(|e| ids.get(&e.id))
    };
    html! {
        section class="quotes" aria-labelledby="quotes-h" {
            h2 id="quotes-h" { "Who said what" }
            ul {
                @for q in &analysis.quotes {
                    li {
                        @let who = q.speaker_text.as_deref().or(q.speaker.as_deref()).unwrap_or("Unattributed");
                        @match q.speaker.as_deref().and_then(speaker_entity) {
                            Some(id) => a class="speaker" href={ "/entities/" (id) } { (who) },
                            None => span class="speaker" { (who) },
                        }
                        @if let Some(cue) = &q.cue { " " (cue) }
                        ": " q { (q.text) }
                    }
                }
            }
        }
    }
}

fn history(stored: &StoredArticle) -> Markup {
    if stored.revisions.len() < 2 {
        return html! {};
    }
    html! {
        section class="revisions" aria-labelledby="revisions-h" {
            h2 id="revisions-h" { "Revisions" }
            ol {
                @for r in &stored.revisions {
                    li {
                        a href={ "/articles/" (stored.id) "/revisions/" (r.number) } { "Revision " (r.number) }
                        " — stored " (day(&r.stored_at))
                        @if let Some(u) = &r.updated { ", updated " (u) }
                        @if r.current { " (current)" }
                    }
                }
            }
        }
    }
}

fn copies(stored: &StoredArticle) -> Markup {
    let Some(group) = &stored.group else {
        return html! {};
    };
    let others: Vec<_> = group.members.iter().filter(|m| m.id != stored.id).collect();
    if others.is_empty() {
        return html! {};
    }
    html! {
        section class="copies" aria-labelledby="copies-h" {
            h2 id="copies-h" { "Also published by" }
            ul {
                @for m in others {
                    li {
                        a href={ "/articles/" (m.id) } {
                            (m.site.as_deref().or(m.source.as_deref()).unwrap_or("another site"))
                        }
                        " — " (day(&m.date))
                        @if m.first { " (first published)" }
                    }
                }
            }
            @if group.members.iter().any(|m| m.first && m.id == stored.id) {
                p { "This copy was published first." }
            }
        }
    }
}

/// A BCP 47-looking tag (letters, digits, hyphens), so the `lang`
/// attribute never carries anything else.
fn is_language_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
