//! Pages given as plain text, as a browser's "copy all" leaves them:
//! banner and menu lines, section, headline, credit, time stamp, the story,
//! then newsletter and footer lines.
//!
//! Paragraphs are the blank-line separated chunks. The story is the run of
//! prose paragraphs that starts at the dateline (or at the first long
//! paragraph) and ends at the first line that is not prose; the headline is
//! the nearest many-word line above it, the section a short line above that.

use crate::{agencies, dateline, edges};
use dateline_model::BlockKind;

/// What a text page yields before dates and dateline are settled.
#[derive(Debug, Default)]
pub struct TextPage {
    pub title: Option<String>,
    pub section: Option<String>,
    pub source: Option<String>,
    pub blocks: Vec<(BlockKind, String)>,
    /// The paragraphs above the story (where dates and credits are).
    pub head: String,
}

pub fn read(text: &str) -> TextPage {
    let paragraphs: Vec<String> = text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim_matches(|c: char| c.is_whitespace()).to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let start = paragraphs
        .iter()
        .position(|p| dateline::find(p).is_some())
        .or_else(|| paragraphs.iter().position(|p| is_long_prose(p)));
    let Some(start) = start else {
        // No story shape: the whole text is the body.
        return TextPage {
            blocks: paragraphs
                .into_iter()
                .map(|p| (BlockKind::Paragraph, p))
                .collect(),
            ..TextPage::default()
        };
    };
    let end = start
        + 1
        + paragraphs[start + 1..]
            .iter()
            .take_while(|p| is_prose(p) && !edges::is_closing_line(p))
            .count();
    let head = &paragraphs[..start];
    let title_at = head.iter().rposition(|p| is_headline(p));
    let title = title_at.map(|i| head[i].clone());
    let section = title_at.and_then(|t| head[..t].iter().rev().find(|p| is_label(p)).cloned());
    let source = title_at
        .map_or(head, |t| &head[t + 1..])
        .iter()
        .find_map(|p| agencies::canonical(p))
        .map(str::to_string);
    TextPage {
        title,
        section,
        source,
        blocks: paragraphs[start..end]
            .iter()
            .map(|p| (BlockKind::Paragraph, p.clone()))
            .collect(),
        head: head.join("\n\n"),
    }
}

fn words(p: &str) -> usize {
    p.split_whitespace().count()
}

fn is_long_prose(p: &str) -> bool {
    words(p) >= 25 && p.contains(['.', '!', '?'])
}

/// A story paragraph: a sentence, however short.
fn is_prose(p: &str) -> bool {
    let last = p.trim_end().chars().last().unwrap_or(' ');
    is_long_prose(p) || (words(p) >= 3 && ".!?\"'”’»)".contains(last))
}

/// A headline: several words, no sentence end, not a time stamp.
fn is_headline(p: &str) -> bool {
    let w = words(p);
    (4..=30).contains(&w)
        && !p.contains('\n')
        && !p.ends_with(['.', '!'])
        && !edges::is_date_line(p)
}

/// A section or menu label: one to four capitalised words.
fn is_label(p: &str) -> bool {
    let w = words(p);
    (1..=4).contains(&w)
        && !p.contains('\n')
        && p.split_whitespace().all(|x| {
            x.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        && agencies::canonical(p).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_shape() {
        let page = "Menu line\n\nWorld\n\nStorm Hits the Northern Coast Overnight\n\nReuters\n\n\
            LONDON (Reuters) - A storm hit the coast overnight, cutting power to thousands of homes and \
            closing roads across the region, officials said on Tuesday morning.\n\n\
            More rain is expected.\n\nSign up for our newsletter\n\nCopyright 2020";
        let t = read(page);
        assert_eq!(
            t.title.as_deref(),
            Some("Storm Hits the Northern Coast Overnight")
        );
        assert_eq!(t.section.as_deref(), Some("World"));
        assert_eq!(t.source.as_deref(), Some("Reuters"));
        assert_eq!(t.blocks.len(), 2);
    }

    #[test]
    fn shapeless_text_is_all_body() {
        let t = read("one\n\ntwo");
        assert_eq!(t.blocks.len(), 2);
        assert!(t.title.is_none());
    }
}
