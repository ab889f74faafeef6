//! An article's text as HTML, its quotations and entity mentions marked
//! and linked. Every piece of text goes through maud's escaping; the
//! offsets only decide where the (fixed) elements open and close, so no
//! annotation, however wrong, can make page text into markup.

use dateline_model::{Article, BlockKind, EntityKind};
use dateline_store::EntityId;
use maud::{html, Markup};
use std::collections::BTreeMap;
use std::ops::Range;

/// Where the text names an entity.
struct MentionMark {
    range: Range<usize>,
    /// The archive's entity, when the article's entity was stored as one.
    entity: Option<EntityId>,
    kind: EntityKind,
    name: String,
}

/// Where the text quotes someone.
struct QuoteMark {
    range: Range<usize>,
    speaker: Option<String>,
}

/// The body, block by block, annotated. `entity_ids` maps the article's
/// own entity ids to the archive's.
pub fn body(article: &Article, entity_ids: &BTreeMap<String, EntityId>) -> Markup {
    let text = article.text.as_str();
    let mut mentions = Vec::new();
    let mut quotes = Vec::new();
    if let Some(analysis) = &article.analysis {
        for entity in &analysis.entities {
            for m in &entity.mentions {
                mentions.push(MentionMark {
                    range: m.start..m.end,
                    entity: entity_ids.get(&entity.id).copied(),
                    kind: entity.kind,
                    name: entity.name.clone(),
                });
            }
        }
        for q in &analysis.quotes {
            quotes.push(QuoteMark {
                range: q.start..q.end,
                speaker: q.speaker_text.clone().or_else(|| {
                    let id = q.speaker.as_deref()?;
                    analysis
                        .entities
                        .iter()
                        .find(|e| e.id == id)
                        .map(|e| e.name.clone())
                }),
            });
        }
    }
    // Outer quotations first, so a quotation nested in another is part
    // of the outer one's mark rather than cutting it.
    quotes.sort_by_key(|q| (q.range.start, std::cmp::Reverse(q.range.end)));
    mentions.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));

    // An article stored without blocks is one paragraph (none if empty).
    let blocks: Vec<(BlockKind, Range<usize>)> = if text.trim().is_empty() {
        vec![]
    } else if article.blocks.is_empty() {
        vec![(BlockKind::Paragraph, 0..text.len())]
    } else {
        article
            .blocks
            .iter()
            .map(|b| (b.kind, b.start..b.end))
            .collect()
    };
    html! {
        @for (kind, range) in &blocks {
            @let inner = annotate(text, range.clone(), &quotes, &mentions);
            @match kind {
                BlockKind::Heading => h2 { (inner) },
                BlockKind::ListItem => p class="list-item" { (inner) },
                BlockKind::Quote => blockquote { p { (inner) } },
                BlockKind::Preformatted => pre { (inner) },
                BlockKind::TableRow => p class="table-row" { (inner) },
                BlockKind::Paragraph => p { (inner) },
            }
        }
    }
}

/// One block's text: runs of plain text, quotations holding mentions.
fn annotate(
    text: &str,
    block: Range<usize>,
    quotes: &[QuoteMark],
    mentions: &[MentionMark],
) -> Markup {
    let Some(block_text) = text.get(block.clone()) else {
        return html! {};
    };
    // Every place an annotation opens or closes, inside the block and on
    // a character boundary (a bad offset is ignored, never trusted).
    let mut cuts = vec![block.start, block.end];
    let ranges = quotes
        .iter()
        .map(|q| &q.range)
        .chain(mentions.iter().map(|m| &m.range));
    for r in ranges {
        for at in [r.start, r.end] {
            if at > block.start && at < block.end && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    debug_assert!(!block_text.is_empty() || cuts.len() <= 2);

    // Consecutive pieces under the same (outermost) quotation form one mark.
    let mut runs: Vec<(Option<usize>, Vec<Range<usize>>)> = Vec::new();
    for w in cuts.windows(2) {
        let piece = w[0]..w[1];
        let quote = quotes.iter().position(|q| covers(&q.range, &piece));
        match runs.last_mut() {
            Some((q, pieces)) if *q == quote => pieces.push(piece),
            _ => runs.push((quote, vec![piece])),
        }
    }
    html! {
        @for (quote, pieces) in &runs {
            @match quote {
                Some(i) => {
                    @let speaker = quotes[*i].speaker.as_deref();
                    mark class="quote" title=[speaker.map(|s| format!("Quotation: {s}"))] {
                        (pieces_markup(text, pieces, mentions))
                    }
                }
                None => (pieces_markup(text, pieces, mentions)),
            }
        }
    }
}

fn pieces_markup(text: &str, pieces: &[Range<usize>], mentions: &[MentionMark]) -> Markup {
    html! {
        @for piece in pieces {
            @let words = &text[piece.clone()];
            @match mentions.iter().find(|m| covers(&m.range, piece)) {
                Some(m) => (entity(m.entity, m.kind, words, Some(&m.name))),
                None => (words),
            }
        }
    }
}

fn covers(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer.start < outer.end
}

/// An entity as every page shows it: a link to its page when the archive
/// knows it, marked by kind either way; `title` names it on hover.
pub fn entity(id: Option<EntityId>, kind: EntityKind, label: &str, title: Option<&str>) -> Markup {
    html! {
        @match id {
            Some(id) => a class={ "entity " (kind_class(kind)) } href={ "/entities/" (id) } title=[title] { (label) },
            None => span class={ "entity " (kind_class(kind)) } { (label) },
        }
    }
}

pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "location",
        _ => "misc",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Analysis, Entity, InputRef, Mention, MentionForm, Quote, QuoteKind};

    fn article(text: &str) -> Article {
        let mut a = Article::new(InputRef::Stdin);
        a.set_body([(BlockKind::Paragraph, text.to_string())]);
        a
    }

    fn mention(text: &str, word: &str) -> Mention {
        let start = text.find(word).unwrap();
        Mention {
            start,
            end: start + word.len(),
            text: word.into(),
            form: MentionForm::Name,
        }
    }

    #[test]
    fn quotes_hold_linked_mentions_and_text_stays_escaped() {
        let text = "Bogdanov said \"<b>IS</b> & Obama\" today.";
        let mut a = article(text);
        let start = text.find('"').unwrap();
        a.analysis = Some(Analysis {
            entities: vec![Entity {
                id: "e1".into(),
                name: "Barack Obama".into(),
                kind: EntityKind::Person,
                aliases: vec![],
                titles: vec![],
                mentions: vec![mention(text, "Obama")],
            }],
            quotes: vec![Quote {
                start,
                end: text.rfind('"').unwrap() + 1,
                text: String::new(),
                kind: QuoteKind::Direct,
                cue: None,
                cue_span: None,
                speaker: None,
                speaker_text: Some("Bogdanov".into()),
                speaker_span: None,
            }],
            times: vec![],
        });
        let ids = BTreeMap::from([("e1".to_string(), EntityId(7))]);
        let html = body(&a, &ids).into_string();
        assert_eq!(
            html,
            "<p>Bogdanov said <mark class=\"quote\" title=\"Quotation: Bogdanov\">&quot;&lt;b&gt;IS&lt;/b&gt; &amp; \
             <a class=\"entity person\" href=\"/entities/7\" title=\"Barack Obama\">Obama</a>&quot;</mark> today.</p>"
        );
    }

    #[test]
    fn offsets_off_the_text_or_inside_a_character_are_ignored() {
        let text = "Москва сегодня";
        let mut a = article(text);
        a.analysis = Some(Analysis {
            entities: vec![Entity {
                id: "e1".into(),
                name: "Москва".into(),
                kind: EntityKind::Location,
                aliases: vec![],
                titles: vec![],
                mentions: vec![
                    Mention {
                        start: 1,
                        end: 3,
                        text: String::new(),
                        form: MentionForm::Name,
                    },
                    Mention {
                        start: 5,
                        end: 900,
                        text: String::new(),
                        form: MentionForm::Name,
                    },
                ],
            }],
            quotes: vec![],
            times: vec![],
        });
        let html = body(&a, &BTreeMap::new()).into_string();
        assert!(html.contains("Москва"), "{html}");
        assert!(html.starts_with("<p>") && html.ends_with("</p>"), "{html}");
    }

    proptest::proptest! {
        /// Whatever the offsets, the text comes out whole, in order and as
        /// text: parsed back, each paragraph reads exactly as its block.
        #[test]
        fn any_offsets_keep_the_text_whole(
            text in "[a-zA-Zа-я<>&\"' ]{1,60}",
            spans in proptest::collection::vec((0usize..130, 0usize..130), 0..8),
        ) {
            let mut a = article(&text);
            let mentions = spans
                .iter()
                .map(|&(s, e)| Mention { start: s.min(e), end: s.max(e), text: String::new(), form: MentionForm::Name })
                .collect();
            let quotes = spans
                .iter()
                .rev()
                .map(|&(s, e)| Quote {
                    start: s.min(e) / 2,
                    end: s.max(e),
                    text: String::new(),
                    kind: QuoteKind::Direct,
                    cue: None,
                    cue_span: None,
                    speaker: Some("e1".into()),
                    speaker_text: None,
                    speaker_span: None,
                })
                .collect();
            a.analysis = Some(Analysis {
                entities: vec![Entity {
                    id: "e1".into(),
                    name: "<b>x</b>".into(),
                    kind: EntityKind::Person,
                    aliases: vec![],
                    titles: vec![],
                    mentions,
                }],
                quotes,
                times: vec![],
            });
            let ids = BTreeMap::from([("e1".to_string(), EntityId(1))]);
            let html = body(&a, &ids).into_string();
            let doc = scraper::Html::parse_fragment(&html);
            let p = scraper::Selector::parse("p").unwrap();
            let paragraphs: Vec<String> = doc.select(&p).map(|p| p.text().collect()).collect();
            let expected: Vec<&str> = a.block_texts().map(|(_, t)| t).collect();
            proptest::prop_assert_eq!(paragraphs, expected);
            let tags = scraper::Selector::parse("b, script").unwrap();
            proptest::prop_assert_eq!(doc.select(&tags).count(), 0);
        }
    }
}
