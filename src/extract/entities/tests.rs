//! Mentions' size, the rule order of found names.

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
}
