//! Article JSON as `ingest` reads it: one object, an array of them, or
//! JSON Lines, from a file (optionally gzip-compressed) or stdin.
//!
//! JSON Lines are streamed, so an export of any size is read in constant
//! memory; a single document (object or array) is read whole, so it is
//! capped. Each article is parsed by a worker, not here: the reader only
//! splits the input into records.

use dateline_model::Article;
use dateline_store::{ExportMeta, Incoming};
use flate2::read::MultiGzDecoder;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The largest JSON document (not JSON Lines) read whole. An export
/// bigger than this is written as JSON Lines anyway.
const MAX_DOCUMENT_BYTES: u64 = 2 << 30;

/// Whether a file name says it holds article JSON.
pub fn is_json_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".json", ".jsonl", ".ndjson"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// One article object and where it came from ("a.jsonl line 3").
pub struct Record {
    pub origin: String,
    value: Value,
}

impl Record {
    /// The article to store, and whether it comes from `archive export`
    /// (then it keeps its storage time and is stored as it was).
    pub fn parse(self) -> Result<(Incoming, bool), String> {
        let origin = self.origin;
        let Value::Object(mut object) = self.value else {
            return Err(format!("{origin}: not an article object"));
        };
        let meta =
            match object.remove("archive") {
                None => None,
                Some(v) => Some(serde_json::from_value::<ExportMeta>(v).map_err(|e| {
                    format!("{origin}: its `archive` member is not an export's: {e}")
                })?),
            };
        let article: Article = serde_json::from_value(Value::Object(object))
            .map_err(|e| format!("{origin}: not an article: {e}"))?;
        let restored = meta.is_some();
        let incoming = Incoming {
            article,
            fetched: meta.as_ref().and_then(|m| m.fetched),
            stored_at: meta.map(|m| m.stored_at),
        };
        Ok((incoming, restored))
    }
}

/// The records of one input, in order.
pub struct JsonInput {
    name: String,
    max_line: u64,
    state: State,
}

enum State {
    /// Not yet known whether the input is JSON Lines or one document.
    Start(BufReader<Box<dyn Read + Send>>),
    Lines {
        reader: BufReader<Box<dyn Read + Send>>,
        line: usize,
    },
    Items(std::iter::Enumerate<std::vec::IntoIter<Value>>),
    Done,
}

impl JsonInput {
    pub fn open(path: &Path, max_line: u64) -> Result<JsonInput, String> {
        let name = path.display().to_string();
        let file = File::open(path).map_err(|e| format!("{name}: {e}"))?;
        let gz = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        let read: Box<dyn Read + Send> = if gz {
            Box::new(MultiGzDecoder::new(BufReader::new(file)))
        } else {
            Box::new(file)
        };
        Ok(JsonInput::new(name, read, max_line))
    }

    pub fn stdin(max_line: u64) -> JsonInput {
        JsonInput::new("stdin".into(), Box::new(io::stdin()), max_line)
    }

    fn new(name: String, read: Box<dyn Read + Send>, max_line: u64) -> JsonInput {
        JsonInput {
            name,
            max_line,
            state: State::Start(BufReader::with_capacity(1 << 16, read)),
        }
    }

    fn fail(&mut self, msg: String) -> Option<Result<Record, String>> {
        self.state = State::Done;
        Some(Err(msg))
    }

    /// Reads the first line and decides: a line that is an object by
    /// itself starts JSON Lines; anything else is the start of a document.
    fn start(
        &mut self,
        mut reader: BufReader<Box<dyn Read + Send>>,
    ) -> Option<Result<Record, String>> {
        let mut first = Vec::new();
        loop {
            first.clear();
            match read_line(&mut reader, self.max_line, &mut first) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return self.fail(format!("{} line 1: {e}", self.name)),
            }
            if !first.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        let text = strip_bom(&first);
        if let Ok(value @ Value::Object(_)) = serde_json::from_slice::<Value>(text) {
            self.state = State::Lines { reader, line: 1 };
            return Some(Ok(Record {
                origin: format!("{} line 1", self.name),
                value,
            }));
        }
        let mut whole = first;
        if let Err(e) = reader
            .take(MAX_DOCUMENT_BYTES)
            .read_to_end(&mut whole)
            .map_err(|e| e.to_string())
        {
            return self.fail(format!("{}: {e}", self.name));
        }
        if whole.len() as u64 >= MAX_DOCUMENT_BYTES {
            return self.fail(format!(
                "{}: a JSON document over {} GiB; write it as JSON Lines",
                self.name,
                MAX_DOCUMENT_BYTES >> 30
            ));
        }
        match serde_json::from_slice::<Value>(strip_bom(&whole)) {
            Ok(Value::Array(items)) => {
                self.state = State::Items(items.into_iter().enumerate());
                self.next()
            }
            Ok(value @ Value::Object(_)) => {
                self.state = State::Done;
                Some(Ok(Record {
                    origin: self.name.clone(),
                    value,
                }))
            }
            Ok(_) => self.fail(format!(
                "{}: neither an article object, an array of them, nor JSON Lines",
                self.name
            )),
            Err(e) => self.fail(format!("{}: not JSON: {e}", self.name)),
        }
    }
}

impl Iterator for JsonInput {
    type Item = Result<Record, String>;

    fn next(&mut self) -> Option<Self::Item> {
        match std::mem::replace(&mut self.state, State::Done) {
            State::Done => None,
            State::Start(reader) => self.start(reader),
            State::Items(mut items) => {
                let (i, value) = items.next()?;
                self.state = State::Items(items);
                Some(Ok(Record {
                    origin: format!("{} item {}", self.name, i + 1),
                    value,
                }))
            }
            State::Lines { mut reader, line } => {
                let mut buf = Vec::new();
                let mut line = line;
                loop {
                    line += 1;
                    buf.clear();
                    match read_line(&mut reader, self.max_line, &mut buf) {
                        Ok(0) => return None,
                        Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                        Ok(_) => break,
                        // An overlong line is that line's failure; the
                        // reader has skipped past it.
                        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                            self.state = State::Lines { reader, line };
                            return Some(Err(format!("{} line {line}: {e}", self.name)));
                        }
                        Err(e) => return self.fail(format!("{} line {line}: {e}", self.name)),
                    }
                }
                let origin = format!("{} line {line}", self.name);
                self.state = State::Lines { reader, line };
                Some(
                    serde_json::from_slice::<Value>(&buf)
                        .map(|value| Record {
                            origin: origin.clone(),
                            value,
                        })
                        .map_err(|e| format!("{origin}: not JSON: {e}")),
                )
            }
        }
    }
}

/// Reads one line (without caring for its end) of at most `max` bytes.
/// A longer line is skipped to its end and refused as invalid data.
fn read_line(reader: &mut impl BufRead, max: u64, buf: &mut Vec<u8>) -> io::Result<usize> {
    let n = reader.by_ref().take(max + 1).read_until(b'\n', buf)?;
    if buf.len() as u64 > max && buf.last() != Some(&b'\n') {
        let mut skipped = Vec::new();
        loop {
            skipped.clear();
            let m = reader
                .by_ref()
                .take(1 << 20)
                .read_until(b'\n', &mut skipped)?;
            if m == 0 || skipped.last() == Some(&b'\n') {
                break;
            }
        }
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a line longer than {max} bytes"),
        ));
    }
    Ok(n)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
}

/// The origins of an input's records (or their errors), for tests.
#[cfg(test)]
fn records(text: &str) -> Vec<Result<String, String>> {
    let read: Box<dyn Read + Send> = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
    JsonInput::new("in".into(), read, 64)
        .map(|r| r.map(|r| r.origin))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for yes in ["a.json", "b.JSONL", "c.ndjson.gz", "dir/x.jsonl.gz"] {
            assert!(is_json_name(Path::new(yes)), "{yes}");
        }
        for no in ["a.html", "a.json.html", "jsonl", "a.warc.gz"] {
            assert!(!is_json_name(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn lines_arrays_and_objects() {
        assert_eq!(
            records("{\"a\":1}\n\n{\"b\":2}\n"),
            vec![Ok("in line 1".into()), Ok("in line 3".into())]
        );
        assert_eq!(
            records("[\n {\"a\":1},\n {\"b\":2}\n]"),
            vec![Ok("in item 1".into()), Ok("in item 2".into())]
        );
        assert_eq!(records("{\n \"a\": 1\n}\n"), vec![Ok("in".into())]);
        assert_eq!(records("  \n"), vec![]);
    }

    #[test]
    fn bad_lines_fail_alone() {
        let got = records("{\"a\":1}\n{oops\n{\"b\":2}\n");
        assert_eq!(got.len(), 3);
        assert!(got[1]
            .as_ref()
            .unwrap_err()
            .starts_with("in line 2: not JSON"));
        assert_eq!(got[2], Ok("in line 3".into()));

        let long = format!(
            "{{\"a\":1}}\n{{\"x\":\"{}\"}}\n{{\"b\":2}}\n",
            "y".repeat(200)
        );
        let got = records(&long);
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .contains("longer than 64 bytes"),
            "{got:?}"
        );
        assert_eq!(got[2], Ok("in line 3".into()));
    }

    #[test]
    fn a_broken_document_is_one_error() {
        let got = records("[{\"a\":1},");
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().starts_with("in: not JSON"));
        assert!(records("42").pop().unwrap().is_err());
    }

    #[test]
    fn export_members_restore_storage_time() {
        let mut article = Article::new(dateline_model::InputRef::Stdin);
        article.text = "Body.".into();
        let mut value = serde_json::to_value(&article).unwrap();
        value["archive"] =
            serde_json::json!({"id": 7, "revision": 1, "stored_at": "2024-01-02T03:04:05Z"});
        let record = Record {
            origin: "x".into(),
            value,
        };
        let (incoming, restored) = record.parse().expect("parses");
        assert!(restored);
        assert_eq!(
            incoming.stored_at.unwrap().to_rfc3339(),
            "2024-01-02T03:04:05+00:00"
        );
        assert_eq!(incoming.article.text, "Body.");

        let bad = Record {
            origin: "x".into(),
            value: {
                let mut v = serde_json::to_value(&article).unwrap();
                v["archive"] = serde_json::json!({"id": "no"});
                v
            },
        };
        assert!(bad.parse().unwrap_err().contains("`archive` member"));
    }
}
