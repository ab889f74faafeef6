//! Prints the time expressions of a text file (or stdin) as TSV:
//! start, end, type, value, mod, text. `--dct YYYY-MM-DD` sets the reference.
//!
//! ```sh
//! cargo run -p dateline-timex --example timex -- --dct 2014-10-08 tests/fixtures/ria-novosti-2014-10-08.txt
//! ```

use std::io::Read;

use chrono::NaiveDate;
use dateline_timex::{find, Reference};

fn main() {
    let mut reference = None;
    let mut path = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        if a == "--dct" {
            let d = it
                .next()
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
            match d {
                Some(d) => reference = Some(Reference::day(d)),
                None => {
                    eprintln!("timex: --dct needs YYYY-MM-DD");
                    std::process::exit(2);
                }
            }
        } else {
            path = Some(a);
        }
    }
    let mut text = String::new();
    let read = match &path {
        Some(p) => std::fs::read_to_string(p).map(|t| text = t),
        None => std::io::stdin().read_to_string(&mut text).map(|_| ()),
    };
    if let Err(e) = read {
        eprintln!("timex: {e}");
        std::process::exit(1);
    }
    for t in find(&text, reference) {
        println!(
            "{}\t{}\t{:?}\t{}\t{}\t{}",
            t.start,
            t.end,
            t.kind,
            t.value,
            t.modifier.as_deref().unwrap_or("-"),
            t.text
        );
    }
}
