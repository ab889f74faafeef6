//! Prints the entities of a text file as JSON: `cargo run --example
//! entities -- FILE`. For looking at what the resolver does.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: entities FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let tagger = dateline_analyze::ner::Tagger::english();
    for s in tagger.entities(&text) {
        eprintln!("{:?} {:?}", s.kind, &text[s.start..s.end]);
    }
    let a = dateline_analyze::analyze(&text, None);
    println!(
        "{}",
        serde_json::to_string_pretty(&a.entities).unwrap_or_default()
    );
}
