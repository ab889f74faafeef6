//! Arbitrary text through the whole analysis (tokens, NER, entity records,
//! quotations, time expressions): `analyze` must never panic or hang, and
//! every annotation must point at its own text in the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = dateline_analyze::analyze(&text, None);
    let at = |start: usize, end: usize| text.get(start..end);
    for e in &a.entities {
        assert!(!e.mentions.is_empty(), "{} has no mentions", e.id);
        for m in &e.mentions {
            assert_eq!(at(m.start, m.end), Some(m.text.as_str()), "mention of {}", e.id);
        }
    }
    for q in &a.quotes {
        assert_eq!(at(q.start, q.end), Some(q.text.as_str()), "quote");
        for span in [q.cue_span, q.speaker_span].into_iter().flatten() {
            assert!(at(span.start, span.end).is_some(), "quote span {span:?}");
        }
        if let Some(id) = &q.speaker {
            assert!(a.entities.iter().any(|e| &e.id == id), "speaker {id} is no entity");
        }
    }
    for t in &a.times {
        assert_eq!(at(t.start, t.end), Some(t.text.as_str()), "time");
    }
    serde_json::to_string(&a).expect("the analysis serialises");
});
