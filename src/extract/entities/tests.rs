//! Mentions' size, the rule order of found names, a person's last word.

use super::*;

/// A text of names holds millions of mentions, each of them in six
/// words of memory: its place in 32 bits, its name behind one pointer.
#[test]
fn a_mention_takes_six_words() {
    assert_eq!(std::mem::size_of::<DocMention>(), 6 * std::mem::size_of::<usize>());
}

proptest::proptest! {
    /// Counted into bins, names come in the order of a stable sort by
    /// rule, full name and place.
    #[test]
    fn found_names_come_in_rule_order(
        drawn in proptest::collection::vec((0usize..14, proptest::bool::ANY, 0usize..6), 0..60),
    ) {
        use crate::extract::discover::Why::*;
        let rules = [Acronym, Title, Pattern, Byline, Domain, Hint, Compass, PlaceNoun, GivenName, Particle, Apposition, PlaceList, PlaceCue, Signature];
        let found: Vec<Found> = drawn
            .iter()
            .enumerate()
            .map(|(n, &(why, full, at))| Found {
                range: at..at + 1,
                name: if full { format!("A B{n}") } else { format!("B{n}") },
                kind: EntityKind::Person,
                why: rules[why],
            })
            .collect();
        let mut sorted = found.clone();
        sorted.sort_by_cached_key(|f| (f.why, !f.name.contains(' '), f.range.start));
        proptest::prop_assert_eq!(in_rule_order(found), sorted);
    }

    /// The last word kept is the one splitting at white space gives.
    #[test]
    fn a_persons_last_word_is_the_last_of_its_words(name in "[aÉ. \u{a0}\u{2003}\n]{0,10}") {
        let key = EntityKey::Found { folded: "x".into(), kind: EntityKind::Person };
        let person = DocPerson::new(Arc::new(name.clone()), key);
        proptest::prop_assert_eq!(person.last_word(), person.folded.split_whitespace().next_back());
    }
}
