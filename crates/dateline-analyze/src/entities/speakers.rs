//! Speakers of quotations, mapped to the entity records: the phrase's
//! own mention ("Deputy Foreign Minister Mikhail Bogdanov", "the
//! diplomat", "the State Department"), or for "he" and "she" the person
//! mentioned last before it.

use dateline_model::{Entity, EntityKind, Span};

/// How far back a pronoun looks for the person it stands for, in bytes:
/// about two paragraphs of wire copy.
const PRONOUN_REACH: usize = 2_000;

/// A speaker resolved to an entity (an index into the entity list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    pub entity: usize,
    /// The phrase is a pronoun, not one of the entity's mentions: the
    /// caller may record it as a new mention.
    pub pronoun: bool,
}

/// Every mention of every entity, sorted, for lookups by position.
pub struct Speakers {
    /// (start, end, entity, kind), by start.
    mentions: Vec<(usize, usize, usize, EntityKind)>,
    /// (end, entity) of the persons' mentions, by end.
    people: Vec<(usize, usize)>,
}

impl Speakers {
    pub fn new(entities: &[Entity]) -> Speakers {
        let mut mentions = Vec::new();
        let mut people = Vec::new();
        for (e, entity) in entities.iter().enumerate() {
            for m in &entity.mentions {
                mentions.push((m.start, m.end, e, entity.kind));
                if entity.kind == EntityKind::Person {
                    people.push((m.end, e));
                }
            }
        }
        mentions.sort_unstable();
        people.sort_unstable();
        Speakers { mentions, people }
    }

    /// The entity the speaker phrase at `span` of `text` names, if any.
    pub fn resolve(&self, text: &str, span: Span) -> Option<Speaker> {
        if let Some(entity) = self.named_in(span) {
            return Some(Speaker {
                entity,
                pronoun: false,
            });
        }
        if !matches!(span.of(text), "he" | "He" | "she" | "She") {
            return None;
        }
        // The person mentioned last before the pronoun, if near enough.
        let i = self.people.partition_point(|&(end, _)| end <= span.start);
        let &(end, entity) = self.people.get(i.checked_sub(1)?)?;
        (span.start - end <= PRONOUN_REACH).then_some(Speaker {
            entity,
            pronoun: true,
        })
    }

    /// The entity of a mention inside the phrase. A phrase may hold
    /// several ("US President Barack Obama", "a spokesman for Russia's
    /// Foreign Ministry"): a person before an organization before the
    /// rest, and the last of equals, since the head of an English noun
    /// phrase comes last.
    fn named_in(&self, span: Span) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.0 < span.start);
        let rank = |k: EntityKind| match k {
            EntityKind::Person => 2,
            EntityKind::Organization => 1,
            _ => 0,
        };
        self.mentions[from..]
            .iter()
            .take_while(|m| m.0 < span.end)
            .filter(|m| m.1 <= span.end)
            .max_by_key(|m| (rank(m.3), m.0))
            .map(|m| m.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Mention, MentionForm};

    fn entity(kind: EntityKind, text: &str, names: &[&str]) -> Entity {
        let mentions = names
            .iter()
            .flat_map(|n| text.match_indices(n))
            .map(|(start, n)| Mention {
                start,
                end: start + n.len(),
                text: n.to_string(),
                form: MentionForm::Name,
            })
            .collect();
        Entity {
            id: String::new(),
            name: names[0].to_string(),
            kind,
            aliases: vec![],
            titles: vec![],
            mentions,
        }
    }

    fn span(text: &str, phrase: &str) -> Span {
        let s = text.find(phrase).unwrap();
        Span::new(s, s + phrase.len())
    }

    #[test]
    fn the_person_in_the_phrase_wins() {
        let t = "US President Barack Obama said so. A spokesman for the State Department said.";
        let es = [
            entity(EntityKind::Location, t, &["US"]),
            entity(EntityKind::Person, t, &["Barack Obama"]),
            entity(EntityKind::Organization, t, &["State Department"]),
        ];
        let s = Speakers::new(&es);
        let got = s.resolve(t, span(t, "US President Barack Obama"));
        assert_eq!(got.map(|g| (g.entity, g.pronoun)), Some((1, false)));
        let got = s.resolve(t, span(t, "A spokesman for the State Department"));
        assert_eq!(got.map(|g| g.entity), Some(2));
    }

    #[test]
    fn a_pronoun_is_the_last_person_before_it() {
        let t = "Smith met Jones in Paris. He said no.";
        let es = [
            entity(EntityKind::Person, t, &["Smith"]),
            entity(EntityKind::Person, t, &["Jones"]),
            entity(EntityKind::Location, t, &["Paris"]),
        ];
        let s = Speakers::new(&es);
        let got = s.resolve(t, span(t, "He"));
        assert_eq!(got.map(|g| (g.entity, g.pronoun)), Some((1, true)));
        assert_eq!(s.resolve(t, span(t, "no")), None);
    }

    #[test]
    fn a_pronoun_far_from_any_person_stays_unresolved() {
        let t = format!("Smith came.{} He said no.", " Filler.".repeat(400));
        let es = [entity(EntityKind::Person, &t, &["Smith"])];
        assert_eq!(Speakers::new(&es).resolve(&t, span(&t, "He")), None);
    }
}
