//! Rendering articles in the output formats, and framing them in a stream.
//!
//! Rendering one article is done on the worker threads ([`render`]); the
//! single writer only frames the rendered bytes ([`Writer`]), so a big
//! batch's serialisation runs in parallel too.

use clap::ValueEnum;
use dateline_model::{Article, BlockKind};
use std::io::{self, Write};

/// The output formats of `dateline extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document: the article object for one page, an array of
    /// them for more.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// The title, a blank line, then the text.
    Text,
    /// A Markdown document: title, metadata, then the body's blocks.
    Markdown,
}

/// One article, ready to be framed: no leading or trailing separator.
pub fn render(article: &Article, format: Format, pretty_json: bool) -> Vec<u8> {
    match format {
        Format::Json if pretty_json => {
            serde_json::to_vec_pretty(article).expect("an Article always serialises")
        }
        Format::Json | Format::Jsonl => {
            serde_json::to_vec(article).expect("an Article always serialises")
        }
        Format::Text => text(article).into_bytes(),
        Format::Markdown => markdown(article).into_bytes(),
    }
}

fn text(a: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = a.title.as_deref().filter(|t| !t.is_empty()) {
        out.push_str(&one_line(title));
        out.push('\n');
        if !a.text.is_empty() {
            out.push('\n');
        }
    }
    if !a.text.is_empty() {
        out.push_str(&a.text);
        out.push('\n');
    }
    out
}

fn markdown(a: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = a.title.as_deref().filter(|t| !t.is_empty()) {
        out.push_str("# ");
        out.push_str(&one_line(title));
        out.push_str("\n\n");
    }
    let mut meta = Vec::new();
    if let Some(source) = &a.source {
        meta.push(format!("**Source:** {}", one_line(source)));
    }
    if let Some(published) = &a.published {
        meta.push(format!("**Published:** {published}"));
    }
    if let Some(url) = &a.url {
        meta.push(format!("**URL:** <{url}>"));
    }
    if !meta.is_empty() {
        // A trailing backslash is CommonMark's hard line break.
        out.push_str(&meta.join("\\\n"));
        out.push_str("\n\n");
    }
    if a.blocks.is_empty() {
        if !a.text.is_empty() {
            out.push_str(&a.text);
            out.push('\n');
        }
        return out;
    }
    let mut prev: Option<BlockKind> = None;
    for (block, content) in a.block_texts() {
        let kind = block.kind;
        // Runs of list items and table rows stay together: a blank line
        // would split one list into many and break a table.
        let tight = prev == Some(kind) && matches!(kind, BlockKind::ListItem | BlockKind::TableRow);
        if prev.is_some() {
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        match kind {
            BlockKind::Paragraph => out.push_str(content),
            BlockKind::Heading => {
                out.push_str("## ");
                out.push_str(&one_line(content));
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&content.replace('\n', "\n  "));
            }
            BlockKind::Quote => {
                let quoted: Vec<String> = content
                    .lines()
                    .map(|l| {
                        if l.is_empty() {
                            ">".into()
                        } else {
                            format!("> {l}")
                        }
                    })
                    .collect();
                out.push_str(&quoted.join("\n"));
            }
            BlockKind::Preformatted => {
                // A fence longer than any backtick run inside cannot be
                // closed early by the content.
                let fence = "`".repeat(longest_run(content, '`').max(2) + 1);
                out.push_str(&format!("{fence}\n{content}\n{fence}"));
            }
            BlockKind::TableRow => {
                out.push_str(&format!("| {} |", one_line(content)));
                if !tight {
                    // GFM tables need a delimiter row after the first.
                    let table_columns = content.split(" | ").count();
                    out.push_str(&format!("\n| {} |", vec!["---"; table_columns].join(" | ")));
                }
            }
        }
        prev = Some(kind);
    }
    out.push('\n');
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for ch in s.chars() {
        cur = if ch == c { cur + 1 } else { 0 };
        best = best.max(cur);
    }
    best
}

/// Writes rendered articles with the separators their format needs.
///
/// - `json`, one page: the object. More: `[`, one object per line joined
///   by commas, `]` — still one JSON document.
/// - `jsonl`: one object per line.
/// - `text`: articles separated by a line holding only a form feed (`\f`),
///   which no article text contains and `csplit` can split on.
/// - `markdown`: articles separated by a `---` line (a thematic break).
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    /// `json` for a single page: the bare object, no array.
    single: bool,
    written: usize,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, format: Format, single: bool) -> Self {
        Writer {
            out,
            format,
            single,
            written: 0,
        }
    }

    pub fn article(&mut self, rendered: &[u8]) -> io::Result<()> {
        let first = self.written == 0;
        let (before, after): (&[u8], &[u8]) = match self.format {
            Format::Json if self.single => (b"", b"\n"),
            Format::Json => (if first { b"[\n" } else { b",\n" }, b""),
            Format::Jsonl => (b"", b"\n"),
            Format::Text => (if first { b"" } else { b"\x0c\n" }, b""),
            Format::Markdown => (if first { b"" } else { b"\n---\n\n" }, b""),
        };
        self.out.write_all(before)?;
        self.out.write_all(rendered)?;
        self.out.write_all(after)?;
        self.written += 1;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Closes the document (the JSON array), flushes, and gives the
    /// destination back.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json && !self.single {
            let close: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(close)?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{InputRef, PageTime};

    fn article() -> Article {
        let mut a = Article::new(InputRef::Stdin);
        a.title = Some("Moscow  talks\nend".into());
        a.source = Some("RIA Novosti".into());
        a.published = Some("2014-10-08T15:01:00+04:00".parse::<PageTime>().unwrap());
        a.url = Some("https://ria.example/a".into());
        a.set_body([
            (BlockKind::Paragraph, "First."),
            (BlockKind::Heading, "Details"),
            (BlockKind::ListItem, "one"),
            (BlockKind::ListItem, "two"),
            (BlockKind::Quote, "said\nthis"),
            (BlockKind::Preformatted, "code ``` here"),
            (BlockKind::TableRow, "a | b"),
            (BlockKind::TableRow, "1 | 2"),
        ]);
        a
    }

    #[test]
    fn markdown_renders_each_block_kind() {
        let md = markdown(&article());
        assert_eq!(
            md,
            "# Moscow talks end\n\n\
             **Source:** RIA Novosti\\\n**Published:** 2014-10-08T15:01:00+04:00\\\n**URL:** <https://ria.example/a>\n\n\
             First.\n\n## Details\n\n- one\n- two\n\n> said\n> this\n\n````\ncode ``` here\n````\n\n\
             | a | b |\n| --- | --- |\n| 1 | 2 |\n"
        );
    }

    #[test]
    fn text_is_title_blank_line_text() {
        let a = article();
        let t = text(&a);
        assert!(
            t.starts_with("Moscow talks end\n\nFirst.\n\nDetails\n\none"),
            "{t}"
        );
        let mut untitled = Article::new(InputRef::Stdin);
        untitled.set_body([(BlockKind::Paragraph, "Only text.")]);
        assert_eq!(text(&untitled), "Only text.\n");
    }

    #[test]
    fn framing_per_format() {
        let frame = |format, single, items: &[&[u8]]| {
            let mut w = Writer::new(Vec::new(), format, single);
            for i in items {
                w.article(i).unwrap();
            }
            String::from_utf8(w.finish().unwrap()).unwrap()
        };
        assert_eq!(frame(Format::Json, true, &[b"{}"]), "{}\n");
        assert_eq!(
            frame(Format::Json, false, &[b"{}", b"{}"]),
            "[\n{},\n{}\n]\n"
        );
        assert_eq!(frame(Format::Json, false, &[]), "[]\n");
        assert_eq!(frame(Format::Jsonl, false, &[b"{}", b"{}"]), "{}\n{}\n");
        assert_eq!(
            frame(Format::Text, false, &[b"a\n", b"b\n"]),
            "a\n\x0c\nb\n"
        );
        assert_eq!(
            frame(Format::Markdown, false, &[b"a\n", b"b\n"]),
            "a\n\n---\n\nb\n"
        );
        let json = frame(Format::Json, false, &[b"{\"a\":1}", b"{\"a\":2}"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 2);
    }
}
