//! Names the text itself says are the same: "X, also known as Y",
//! "X (Y)", and the ", or Z" that continues such a list.

use super::{names, Raw};
use dateline_model::EntityKind;

/// What may stand between two names that are the same entity, once
/// brackets are dropped and the spaces collapsed.
const AKA: &[&str] = &[
    ", also known as",
    "also known as",
    ", known as",
    ", also called",
    ", aka",
    ", a.k.a.",
    ", formerly",
    ", formerly known as",
    ", otherwise known as",
];

/// The gap between two names, brackets dropped, lower case, spaces
/// collapsed and a trailing "the" removed; `None` when it is too long to be
/// one of the patterns (so the work per pair stays constant).
fn gap(text: &str, a: &Raw, b: &Raw) -> Option<String> {
    let g = text.get(a.end..b.start)?;
    if g.len() > 40 {
        return None;
    }
    let mut s = String::new();
    for w in g.split(|c: char| c.is_whitespace() || c == '(' || c == ')') {
        if w.is_empty() {
            continue;
        }
        if !s.is_empty() && !w.starts_with(',') {
            s.push(' ');
        }
        s.push_str(&w.to_lowercase());
    }
    let s = s.strip_suffix(" the").unwrap_or(&s);
    let s = if s == "the" { "" } else { s };
    Some(s.to_string())
}

/// Pairs of mention starts to link; the second of each pair is marked as
/// an alias (a name the article introduces as another name's).
pub(crate) fn links(text: &str, raws: &mut [Raw]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The name an "also known as" list is about, while the list goes on.
    let mut head: Option<usize> = None;
    for i in 1..raws.len() {
        let (a, b) = (&raws[i - 1], &raws[i]);
        let Some(g) = gap(text, a, b) else {
            head = None;
            continue;
        };
        // "Springfield (Illinois)" names a place and where it is: a bracket
        // after a place is an alias only when it holds an acronym.
        let b_name = text.get(b.start..b.end).unwrap_or("");
        let bracketed = text
            .get(a.end..b.start)
            .is_some_and(|g| g.trim_end().ends_with('('))
            && text.get(b.end..).is_some_and(|t| t.starts_with(')'))
            && (a.kind != EntityKind::Location || names::is_acronym(b_name));
        if AKA.contains(&g.as_str()) {
            let h = head.unwrap_or(i - 1);
            out.push((raws[h].start, b.start));
            head = Some(h);
            raws[i].alias = true;
        } else if g.is_empty() && bracketed {
            // "X (Y)": the list, if any, goes on past the bracket.
            out.push((a.start, b.start));
            raws[i].alias = true;
        } else if g == ", or" && head.is_some() {
            let h = head.unwrap_or(i - 1);
            out.push((raws[h].start, b.start));
            raws[i].alias = true;
        } else {
            head = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, name: &str, from: usize) -> Raw {
        let start = from + text[from..].find(name).unwrap();
        Raw {
            start,
            end: start + name.len(),
            toks: 0..0,
            kind: EntityKind::Organization,
            alias: false,
        }
    }

    #[test]
    fn also_known_as_and_or_continue_a_list() {
        let t = "The FOO, also known as the Bar Baz (BB), or the Qux Org (QO), said.";
        let mut r = vec![
            raw(t, "FOO", 0),
            raw(t, "Bar Baz", 0),
            raw(t, "BB", 0),
            raw(t, "Qux Org", 0),
            raw(t, "QO", 40),
        ];
        let l = links(t, &mut r);
        let s = |n: &str| t.find(n).unwrap();
        assert!(l.contains(&(s("FOO"), s("Bar Baz"))));
        assert!(l.contains(&(s("Bar Baz"), s("BB"))));
        assert!(l.contains(&(s("FOO"), s("Qux Org"))));
        assert!(r[1].alias && r[3].alias && !r[0].alias);
    }

    #[test]
    fn a_place_in_brackets_is_no_alias() {
        let t = "Springfield (Illinois) said.";
        let mut r = vec![raw(t, "Springfield", 0), raw(t, "Illinois", 0)];
        r[0].kind = EntityKind::Location;
        r[1].kind = EntityKind::Location;
        assert!(links(t, &mut r).is_empty());
    }

    #[test]
    fn a_plain_or_is_no_alias() {
        let t = "Syria, or Iraq, said.";
        let mut r = vec![raw(t, "Syria", 0), raw(t, "Iraq", 0)];
        assert!(links(t, &mut r).is_empty());
    }
}
