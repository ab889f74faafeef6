//! The analysis of one text: tokens → named entities → entity records →
//! quotations with their speakers, and time expressions against the
//! publication date.

use crate::entities::{self, speakers::Speakers};
use crate::{ner::Tagger, quotes, tokenize};
use dateline_model::{Analysis, Article, Mention, MentionForm, PageTime, Span};
use dateline_timex::Reference;

/// Everything the analysis stage finds in `text`. `published` is the
/// reference for relative times ("Wednesday", "last week"); without it
/// they keep their underspecified values.
pub fn analyze(text: &str, published: Option<PageTime>) -> Analysis {
    let toks = tokenize::tokens(text);
    let sents = tokenize::split_sentences(text, &toks);
    let spans = Tagger::english().entities_in(text, &toks, &sents);
    let mut entities = entities::resolve(text, &toks, &sents, &spans);
    let times = dateline_timex::find(text, published.map(reference));
    let speakers = Speakers::new(&entities);
    let mut pronouns: Vec<(usize, Span)> = Vec::new();
    let quotes = quotes::find_with(text, &toks, &sents, &spans, &mut |span| {
        let s = speakers.resolve(text, span)?;
        if s.pronoun {
            pronouns.push((s.entity, span));
        }
        Some(entities[s.entity].id.clone())
    });
    add_pronouns(text, &mut entities, pronouns);
    Analysis {
        entities,
        quotes,
        times,
    }
}

/// Records the pronouns that name a quotation's speaker as mentions of
/// the entity they were resolved to (once each: a speaker may attribute
/// a direct and a partial quotation).
fn add_pronouns(text: &str, entities: &mut [dateline_model::Entity], pronouns: Vec<(usize, Span)>) {
    for (e, span) in pronouns {
        let mentions = &mut entities[e].mentions;
        if mentions.iter().any(|m| m.start == span.start) {
            continue;
        }
        let at = mentions.partition_point(|m| m.start < span.start);
        mentions.insert(
            at,
            Mention {
                start: span.start,
                end: span.end,
                text: span.of(text).to_string(),
                form: MentionForm::Pronoun,
            },
        );
    }
}

/// Analyses an article's text in place, its `published` time the reference.
pub fn analyze_article(article: &mut Article) {
    article.analysis = Some(analyze(&article.text, article.published));
}

/// The timex reference of a page time: its day, and its wall-clock time
/// where the page gives one (relative clock times read against it).
fn reference(t: PageTime) -> Reference {
    match t {
        PageTime::Date(d) => Reference::day(d),
        PageTime::Local(dt) => Reference::at(dt),
        PageTime::Zoned(dt) => Reference::at(dt.naive_local()),
    }
}
