//! PolNeAR (Newell, Margolin & Ruths, LREC 2018): news texts with their
//! attributions in brat standoff, as `dateline train quotes` reads them.
//!
//! A split is a folder with `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`;
//! of an article annotated twice, the alphabetically first file is read.
//! Only the `Content` spans are kept, as byte spans of the text (brat
//! counts characters).

use dateline_model::Span;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One article and the contents of its attributions.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    pub text: String,
    /// Every piece of every attribution's content, as byte spans.
    pub contents: Vec<Span>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}, line {line}: {what}")]
    Format {
        path: PathBuf,
        line: usize,
        what: String,
    },
}

/// The articles of a split folder (`…/polnear/train`), in name order.
pub fn read_split(dir: &Path) -> Result<Vec<Article>, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in std::fs::read_dir(&ann_dir).map_err(io(&ann_dir))? {
        let path = entry.map_err(io(&ann_dir))?.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "ann") {
            continue;
        }
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        let slot = anns
            .entry(article.to_string())
            .or_insert_with(|| path.clone());
        if path < *slot {
            *slot = path;
        }
    }
    let mut out = Vec::new();
    for (article, ann) in anns {
        let path = text_dir.join(format!("{article}.txt"));
        if !path.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        let standoff = std::fs::read_to_string(&ann).map_err(io(&ann))?;
        let contents = contents(&text, &standoff).map_err(|(line, what)| Error::Format {
            path: ann.clone(),
            line,
            what,
        })?;
        out.push(Article {
            path,
            text,
            contents,
        });
    }
    Ok(out)
}

/// The `Content` spans of a brat file, as byte spans of `text`.
fn contents(text: &str, standoff: &str) -> Result<Vec<Span>, (usize, String)> {
    // Character offset → byte offset, for every character and the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut out = Vec::new();
    for (n, line) in standoff.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(id), Some(annotation)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let Some(ranges) = annotation.strip_prefix("Content ") else {
            continue;
        };
        for piece in ranges.split(';') {
            let mut ends = piece.split(' ').map(|x| x.parse::<usize>());
            let (Some(Ok(a)), Some(Ok(b))) = (ends.next(), ends.next()) else {
                return Err((n + 1, format!("bad span {piece:?}")));
            };
            match (bytes.get(a), bytes.get(b)) {
                (Some(&s), Some(&e)) if s <= e => out.push(Span::new(s, e)),
                _ => return Err((n + 1, format!("span {a}..{b} outside the text"))),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_pieces_become_byte_spans() {
        let text = "“Hé,” she said. ''Go.''";
        let ann = "T1\tContent 0 5;16 23\t“Hé,” ''Go.''\nT2\tCue 10 14\tsaid\nE1\tAttribution:T2 Content:T1\n";
        let spans = contents(text, ann).unwrap();
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].of(text), "“Hé,”");
        assert_eq!(spans[1].of(text), "''Go.''");
    }

    #[test]
    fn bad_offsets_name_their_line() {
        let err = contents("short", "T1\tContent 0 99\tx\n").unwrap_err();
        assert_eq!(err.0, 1);
        let err = contents("short", "# note\nT1\tContent x y\tx\n").unwrap_err();
        assert_eq!(err.0, 2);
    }
}
