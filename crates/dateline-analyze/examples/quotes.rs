//! Quotations of text files, one JSON line per file: `{"file": …,
//! "quotes": [Quote, …], "entities": [Entity, …]}` with byte offsets into
//! the file's text, from the whole analysis (speakers resolved to the
//! entities). The driver of `bench/quotes.py`; also handy to read what the
//! finder does.
//!
//! ```sh
//! cargo run --release -p dateline-analyze --example quotes -- a.txt b.txt
//! ```

use std::io::Write;

fn main() {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let a = dateline_analyze::analyze(&text, None);
        let line = serde_json::json!({ "file": path, "quotes": a.quotes, "entities": a.entities });
        if writeln!(out, "{line}").is_err() {
            std::process::exit(1);
        }
    }
    if out.flush().is_err() || failed {
        std::process::exit(1);
    }
}
