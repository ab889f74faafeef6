//! Arbitrary text as a search query: `parse` must never panic or hang, an
//! error must point at a real place in the query, and a parsed query must
//! print to canonical syntax that parses back to the same tree.
#![no_main]

use dateline_query::{parse, parse_with, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match parse(input) {
        Err(e) => {
            assert!(e.offset <= input.len(), "offset {e:?}");
            assert!(input.is_char_boundary(e.offset), "char boundary {e:?}");
            assert_eq!(e.column, input[..e.offset].chars().count() + 1);
            assert!(!e.to_string().is_empty());
        }
        Ok(node) => {
            let printed = node.to_string();
            // The printed form may be a few bytes longer than the query (a
            // space before '(', '"' for typographic quotes, a field written
            // per leaf), but never deeper nor with more leaves.
            let limits = Limits {
                max_bytes: usize::MAX,
                ..Limits::default()
            };
            let again = parse_with(&printed, &limits);
            assert_eq!(again.as_ref(), Ok(&node), "printed as {printed:?}");
            assert_eq!(again.map(|n| n.to_string()).as_deref(), Ok(printed.as_str()));
            assert!(node.leaves().count() <= Limits::default().max_leaves);
        }
    }
});
