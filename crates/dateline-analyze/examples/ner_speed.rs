//! Throughput of tokenization + sentence splitting + NER on plain text, on
//! the calling thread (one core): `ner_speed FILE [ROUNDS]`. Prints one
//! JSON line: tokens, entities, seconds, tokens/s. Used by bench/ner.py.
//!
//! Rates are per second of this thread's CPU time where Linux tells it
//! (`/proc/thread-self/stat`), so that other processes on a busy machine
//! do not slow the figure; wall-clock rates are given beside them.

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
    let (mut wall, mut cpu, mut tok_cpu) = (0.0, 0.0, 0.0);
    // The fastest round's wall time: on a shared machine the others are
    // slowed by neighbours, so the best round is closest to the code's speed.
    let mut best = f64::INFINITY;
    let mut entities = 0;
    let rounds = rounds.max(1);
    for _ in 0..rounds {
        // Tokenization, sentences and tagging: what `entities` does.
        let (t0, c0) = (Instant::now(), cpu_seconds());
        entities = tagger.entities(&text).len();
        let took = t0.elapsed().as_secs_f64();
        wall += took;
        best = best.min(took);
        cpu += cpu_seconds() - c0;
        let c0 = cpu_seconds();
        let n = tokenize::sentences(&text).len();
        tok_cpu += cpu_seconds() - c0;
        std::hint::black_box(n);
    }
    let all = (tokens * rounds) as f64;
    println!(
        "{{\"tokens\": {tokens}, \"entities\": {entities}, \"rounds\": {rounds}, \"cpu_seconds\": {cpu:.3}, \"tokens_per_cpu_s\": {:.0}, \"tokens_per_wall_s\": {:.0}, \"tokenize_tokens_per_cpu_s\": {:.0}, \"best_round_tokens_per_s\": {:.0}}}",
        all / cpu,
        all / wall,
        all / tok_cpu,
        tokens as f64 / best,
    );
}

/// This thread's user + system CPU time, in seconds (Linux); wall time
/// since the first call elsewhere.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    let ticks = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses.
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            let utime: f64 = f.get(11)?.parse().ok()?;
            let stime: f64 = f.get(12)?.parse().ok()?;
            Some(utime + stime)
        });
    match ticks {
        // The kernel counts in clock ticks, 100 a second on Linux.
        Some(t) => t / 100.0,
        None => start.elapsed().as_secs_f64(),
    }
}
