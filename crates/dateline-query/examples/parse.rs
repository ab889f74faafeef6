//! Shows what a query parses to: `cargo run -p dateline-query --example
//! parse -- 'title:coalition -Syria'` prints the tree and the canonical
//! form, or the error message with a caret under the column.

fn main() {
    let mut status = 0;
    for query in std::env::args().skip(1) {
        match dateline_query::parse(&query) {
            Ok(node) => println!("{query}\n  tree:      {node:?}\n  canonical: {node}"),
            Err(e) => {
                status = 1;
                println!("{query}\n{}^ {e}", " ".repeat(e.column - 1));
            }
        }
    }
    std::process::exit(status);
}
