//! The CoNLL-2003 format: one token a line (`word POS chunk NER`, space
//! separated), a blank line between sentences, and `-DOCSTART-` lines
//! between documents. NER tags are IOB1: an entity's tokens are `I-TYPE`,
//! and `B-TYPE` opens an entity only right after another of the same type.
//!
//! Reading keeps every line as it was, so writing appends the predicted tag
//! as one more column and changes nothing else.

use std::fmt::Write as _;

/// One token line, kept whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: String,
}

impl Row {
    /// The first column: the token.
    pub fn word(&self) -> &str {
        self.line.split_whitespace().next().unwrap_or("")
    }

    /// The last column: the gold NER tag in a CoNLL-2003 file.
    pub fn last(&self) -> &str {
        self.line.split_whitespace().next_back().unwrap_or("O")
    }
}

/// A `-DOCSTART-` document: its marker line (absent for text before the
/// first marker) and its sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub docstart: Option<String>,
    pub sentences: Vec<Vec<Row>>,
}

/// Reads a CoNLL file. Never fails: every non-blank line is a token line
/// (its first column the word), except `-DOCSTART-` lines.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut sentence: Vec<Row> = Vec::new();
    let mut current = Document::default();
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                current.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            if !sentence.is_empty() {
                current.sentences.push(std::mem::take(&mut sentence));
            }
            let done = std::mem::replace(
                &mut current,
                Document {
                    docstart: Some(line.to_string()),
                    sentences: Vec::new(),
                },
            );
            if done.docstart.is_some() || !done.sentences.is_empty() {
                docs.push(done);
            }
            continue;
        }
        sentence.push(Row {
            line: line.to_string(),
        });
    }
    if !sentence.is_empty() {
        current.sentences.push(sentence);
    }
    if current.docstart.is_some() || !current.sentences.is_empty() {
        docs.push(current);
    }
    docs
}

/// Writes documents back, each line followed by its predicted tag:
/// `tags[d][s][t]` for token `t` of sentence `s` of document `d`; the
/// `-DOCSTART-` line gets `O`. Missing tags are written as `O`.
pub fn write(docs: &[Document], tags: &[Vec<Vec<String>>]) -> String {
    let mut out = String::new();
    for (d, doc) in docs.iter().enumerate() {
        if let Some(line) = &doc.docstart {
            let _ = write!(out, "{line} O\n\n");
        }
        for (s, sentence) in doc.sentences.iter().enumerate() {
            for (t, row) in sentence.iter().enumerate() {
                let tag = tags
                    .get(d)
                    .and_then(|x| x.get(s))
                    .and_then(|x| x.get(t))
                    .map(String::as_str)
                    .unwrap_or("O");
                let _ = writeln!(out, "{} {tag}", row.line);
            }
            out.push('\n');
        }
    }
    out
}

/// A typed chunk: tokens `start..end` of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// The entities of an IOB1 (or IOB2) tag sequence, read the way conlleval
/// reads them: a chunk starts at `B-X`, or at `I-X` when the tag before is
/// not of type X; it ends before `O`, `B-`, or a tag of another type.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, kind) = match tag.split_once('-') {
            Some((p, k)) if matches!(p, "B" | "I" | "E" | "S" | "L" | "U") => (p, k),
            _ => ("O", ""),
        };
        let continues = matches!(prefix, "I" | "E" | "L") && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((start, k)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i,
                    kind: k.to_string(),
                });
            }
            if prefix != "O" {
                open = Some((i, kind));
            }
        }
    }
    if let Some((start, k)) = open {
        out.push(Chunk {
            start,
            end: tags.len(),
            kind: k.to_string(),
        });
    }
    out
}

/// IOB1 tags for `n` tokens holding `chunks` (sorted, not overlapping):
/// `I-X` throughout, `B-X` on the first token of a chunk that directly
/// follows another of the same type.
pub fn iob1(n: usize, chunks: &[Chunk]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); n];
    let mut prev: Option<&Chunk> = None;
    for c in chunks {
        for (i, tag) in tags.iter_mut().enumerate().take(c.end.min(n)).skip(c.start) {
            let touching = prev.is_some_and(|p| p.end == c.start && p.kind == c.kind);
            let b = i == c.start && touching;
            *tag = format!("{}-{}", if b { "B" } else { "I" }, c.kind);
        }
        prev = Some(c);
    }
    tags
}

/// Precision, recall and F1 counts over exact chunk matches.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Entity-level scores, overall and per type, as conlleval computes them.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub overall: Counts,
    pub by_type: std::collections::BTreeMap<String, Counts>,
}

impl Score {
    /// Adds one sentence's gold and predicted tags.
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], predicted: &[T]) {
        let g = chunks(gold);
        let p = chunks(predicted);
        for c in &g {
            self.overall.gold += 1;
            self.by_type.entry(c.kind.clone()).or_default().gold += 1;
        }
        for c in &p {
            self.overall.predicted += 1;
            let e = self.by_type.entry(c.kind.clone()).or_default();
            e.predicted += 1;
            if g.binary_search(c).is_ok() {
                e.correct += 1;
                self.overall.correct += 1;
            }
        }
    }
}
