//! Entity records on short made-up news text: names the tagger splits,
//! companies named with and without their suffix, kinds.

use dateline_analyze::analyze;
use dateline_model::{Entity, EntityKind};

fn entity<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    es.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {es:#?}"))
}

#[test]
fn a_name_particle_joins_a_persons_name() {
    let text = "Sheikh Mohammed bin Rashid Al Maktoum opened the show in Dubai on Monday.";
    let a = analyze(text, None);
    let e = entity(&a.entities, "Mohammed bin Rashid Al Maktoum");
    assert_eq!(e.kind, EntityKind::Person);
    assert_eq!(e.mentions.len(), 1, "{e:?}");
}

#[test]
fn a_company_is_its_name_without_the_suffix() {
    let text =
        "Shares of Volkswagen AG fell 3 percent on Friday after Volkswagen said sales dropped.\n\n\
                The order from Emirates Airline came on Wednesday. Emirates said it was pleased.";
    let a = analyze(text, None);
    for (name, short) in [
        ("Volkswagen AG", "Volkswagen"),
        ("Emirates Airline", "Emirates"),
    ] {
        let e = entity(&a.entities, name);
        assert_eq!(e.kind, EntityKind::Organization, "{e:?}");
        assert!(e.mentions.iter().any(|m| m.text == short), "{e:?}");
        assert!(e.aliases.contains(&short.to_string()), "{e:?}");
    }
}
