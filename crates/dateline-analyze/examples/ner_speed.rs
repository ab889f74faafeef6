//! Throughput of tokenization + sentence splitting + NER on plain text, on
//! the calling thread (one core): `ner_speed FILE [ROUNDS]`. Prints one
//! JSON line: tokens, entities, seconds, tokens/s. Used by bench/ner.py.

use dateline_analyze::{ner::Tagger, tokenize};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: ner_speed FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let tagger = Tagger::english(); // loading is not part of the figure
    let tokens = tokenize::tokens(&text).len();
    let (mut best, mut best_tok) = (f64::INFINITY, f64::INFINITY);
    let mut entities = 0;
    for _ in 0..rounds.max(1) {
        // Tokenization, sentences and tagging: what `entities` does.
        let t0 = Instant::now();
        entities = tagger.entities(&text).len();
        best = best.min(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        let n = tokenize::sentences(&text).len();
        best_tok = best_tok.min(t0.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    println!(
        "{{\"tokens\": {tokens}, \"entities\": {entities}, \"seconds\": {best:.4}, \"tokens_per_s\": {:.0}, \"tokenize_tokens_per_s\": {:.0}}}",
        tokens as f64 / best,
        tokens as f64 / best_tok
    );
}
