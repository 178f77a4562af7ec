use super::*;
use crate::model::DateValue;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn sorted_words() -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::btree_set(0u32..400, 0..40).prop_map(|set| set.into_iter().collect())
}

#[test]
fn largest_first_starts_with_the_longest_and_answers_in_order() {
    let sizes = [1, 3, 0, 2];
    let started = Mutex::new(Vec::new());
    let one_core = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let answers = one_core.install(|| {
        largest_first(&sizes, |i| {
            started.lock().expect("not poisoned").push(sizes[i]);
            i * 10
        })
    });
    assert_eq!(answers, [0, 10, 20, 30]);
    assert_eq!(started.into_inner().expect("not poisoned"), [3, 2, 1, 0]);
}

/// A claim of `kind` in `source`, dated from `year` over `years` more,
/// at `day` (of the year) when it spans none.
pub(super) fn claim(
    kind: &str,
    source: usize,
    sentence: usize,
    year: i32,
    years: i32,
    day: u32,
    actors: &[usize],
) -> Claim {
    let date = match years {
        0 if day.is_multiple_of(3) => DateValue::year(year),
        0 => DateValue::day(year, 1 + day % 12, 1 + day % 28),
        _ => DateValue::range(&DateValue::year(year).expect("a year"), &DateValue::year(year + years).expect("a year")),
    };
    Claim {
        source: SourceId::from(source),
        sentence: sentence * 100..sentence * 100 + 50,
        date: date.expect("a date"),
        date_clean: sentence * 100..sentence * 100 + 4,
        resolved: crate::model::Resolution::Absolute,
        actors: actors.iter().map(|&a| EntityId::from(a)).collect(),
        kind: kind.into(),
    }
}

#[test]
fn a_claim_over_several_years_keeps_them_in_one_run() {
    let claims = [
        claim("meeting", 0, 0, 2001, 0, 5, &[]),
        claim("meeting", 0, 1, 2002, 2, 0, &[]),
        claim("meeting", 0, 2, 2003, 0, 5, &[]),
        claim("meeting", 0, 3, 2004, 0, 5, &[]),
        claim("meeting", 0, 4, 2005, 0, 5, &[]),
    ];
    let views: Vec<ClaimView> = claims.iter().map(|claim| ClaimView { claim, words: &[] }).collect();
    let runs: Vec<&[usize]> = independent_runs(&views, &[0, 1, 2, 3, 4]).collect();
    assert_eq!(runs, [&[0][..], &[1, 2, 3], &[4]]);
}

/// Claims alike just enough: by half in words (unrelated, the same
/// day), by 0.6 with two dates (one source, one year). The index rules
/// groups out by word counts; these are on the bounds it must keep.
#[test]
fn claims_alike_just_enough_are_merged() {
    let merged = |claims: &[Claim], words: [&[u32]; 2]| {
        let views: Vec<ClaimView> = claims.iter().zip(words).map(|(claim, words)| ClaimView { claim, words }).collect();
        merge(&views, &Identities::default(), &NotKept)
    };
    let day = |source, sentence, day| claim("meeting", source, sentence, 2001, 0, day, &[]);
    let by_half = merged(&[day(0, 0, 4), day(1, 1, 4)], [&[1, 2], &[1, 2, 3, 4]]);
    assert_eq!(by_half, [Merged { claims: smallvec![0, 1], dated_by: 0, conflict: false }]);
    let two_dates = merged(&[day(0, 0, 4), day(0, 1, 5)], [&[1, 2, 3], &[1, 2, 3, 4, 5]]);
    assert_eq!(two_dates, [Merged { claims: smallvec![0, 1], dated_by: 0, conflict: true }]);
}

/// What a property test draws for a claim: kind, source, year, years more,
/// day, actors, words.
type Drawn = (usize, usize, i32, i32, u32, BTreeSet<usize>, BTreeSet<u32>);

/// The drawn claims (of `kinds`, `per_sentence` to a sentence) with their
/// words, in date order as merging takes them.
fn drawn_claims(drawn: &[Drawn], kinds: [&str; 2], per_sentence: usize) -> Vec<(Claim, Vec<u32>)> {
    let mut claims: Vec<(Claim, Vec<u32>)> = (drawn.iter().enumerate())
        .map(|(n, (kind, source, year, years, day, actors, words))| {
            let actors: Vec<usize> = actors.iter().copied().collect();
            let claim = claim(kinds[*kind], *source, n / per_sentence, *year, *years, *day, &actors);
            (claim, words.iter().copied().collect())
        })
        .collect();
    claims.sort_by_key(|(c, _)| (c.date.start, c.date.end, c.source, c.sentence.start));
    claims
}

proptest! {
    /// Merged run by run, the events are those of each kind merged whole.
    #[test]
    fn runs_of_years_merge_as_their_kind_does(
        drawn in proptest::collection::vec(
            (0usize..2, 0usize..3, 2000i32..2006, prop::sample::select(vec![0, 0, 0, 0, 1, 3]), 0u32..400,
             proptest::collection::btree_set(0usize..6, 0..3), proptest::collection::btree_set(0u32..30, 1..8)),
            1..120,
        ),
    ) {
        let claims = drawn_claims(&drawn, ["meeting", "visit"], 2);
        let views: Vec<ClaimView> = claims.iter().map(|(claim, words)| ClaimView { claim, words }).collect();
        let mut whole = Vec::new();
        for kind in ["meeting", "visit"] {
            let of_kind: Vec<usize> = (0..views.len()).filter(|&i| views[i].claim.kind == kind).collect();
            whole.extend(merge_run(&views, &Identities::default(), &of_kind));
        }
        prop_assert_eq!(merge(&views, &Identities::default(), &NotKept), whole);
    }

    /// The index finds every group a claim could join: merging with it
    /// gives the events of comparing each claim with every group of its
    /// year (fewer claims than a key keeps groups, so none is let go).
    #[test]
    fn the_index_finds_what_comparing_with_every_group_does(
        drawn in proptest::collection::vec(
            (0usize..2, 0usize..3, 2000i32..2004, prop::sample::select(vec![0, 0, 0, 1, 2]), 0u32..60,
             proptest::collection::btree_set(0usize..6, 0..4), proptest::collection::btree_set(0u32..6, 0..6)),
            1..filing::RECENT,
        ),
    ) {
        let claims = drawn_claims(&drawn, ["meeting", "other"], 3);
        let views: Vec<ClaimView> = claims.iter().map(|(claim, words)| ClaimView { claim, words }).collect();
        for kind in ["meeting", "other"] {
            let of_kind: Vec<usize> = (0..views.len()).filter(|&i| views[i].claim.kind == kind).collect();
            let ids = Identities::default();
            prop_assert_eq!(merge_run(&views, &ids, &of_kind), merge_run_as::<true>(&views, &ids, &of_kind));
        }
    }

    /// Short or long, a group's list of where it is told answers as a set does.
    #[test]
    fn told_answers_as_a_set_does(adds in proptest::collection::vec((0usize..6, 0usize..300), 1..200)) {
        let adds: Vec<(SourceId, usize)> = adds.into_iter().map(|(s, n)| (s.into(), n)).collect();
        let mut told = Told::Few(smallvec![adds[0]]);
        let mut set: BTreeSet<(SourceId, usize)> = [adds[0]].into();
        for &t in &adds[1..] {
            told.add(t);
            set.insert(t);
        }
        for source in (0..7).map(SourceId::from) {
            prop_assert_eq!(told.in_source(source), set.iter().any(|&(s, _)| s == source));
            for sentence in 0..300 {
                prop_assert_eq!(told.contains((source, sentence)), set.contains(&(source, sentence)));
            }
        }
    }

    /// A group's actors are let go of only when no claim of the kind
    /// could be half alike with them; until then they are the sorted
    /// union of its claims' actors.
    #[test]
    fn actors_are_kept_while_a_claim_could_match_them(
        claims in proptest::collection::vec(proptest::collection::btree_set(0usize..30, 0..5), 1..40),
        probe in proptest::collection::btree_set(0usize..30, 0..5),
    ) {
        let ids = |set: &BTreeSet<usize>| set.iter().map(|&a| EntityId::from(a)).collect::<Vec<_>>();
        let most = claims.iter().chain([&probe]).map(BTreeSet::len).max().unwrap_or(0);
        let mut actors = Actors::Few(ids(&claims[0]).into());
        let mut union = claims[0].clone();
        for claim in &claims[1..] {
            let before = actors.as_slice().to_vec();
            let changed = actors.join(&ids(claim), most);
            union.extend(claim);
            match &actors {
                Actors::Few(list) => {
                    prop_assert_eq!(list.to_vec(), ids(&union));
                    prop_assert_eq!(changed, list.as_slice() != before.as_slice());
                }
                Actors::TooMany => prop_assert!(union.len() > 2 * most),
            }
        }
        if let Actors::TooMany = actors {
            prop_assert!(jaccard_sorted(&ids(&union), &ids(&probe)) < 0.5);
        }
    }

    /// The signature and length bound only spare work: whatever it
    /// rules out is less alike than asked, whatever it keeps is exact.
    #[test]
    fn words_alike_answers_as_the_exact_measure_does(
        group in sorted_words(),
        claim in sorted_words(),
        least in prop::sample::select(vec![0.1, 0.5, 0.6]),
    ) {
        let exact = jaccard_sorted(&group, &claim);
        prop_assert_eq!(words_alike(&Words::new(&group), &Words::new(&claim), least), Some(exact).filter(|&w| w >= least));
    }
}

proptest! {
    /// Content words as their definition reads: each run of letters and
    /// digits longer than two bytes and not all digits, folded, unless a
    /// stopword, on a line of its own.
    #[test]
    fn content_words_are_the_folded_runs_that_are_not_stopwords(
        parts in proptest::collection::vec(
            prop::sample::select(vec!["The", "MALI", "coup", "Élection", "ßx", "İx", "2012", "a1", "of", " ", "-", "`", "é"]),
            0..12,
        ),
    ) {
        let text = parts.concat();
        let expected: String = crate::text::alphanumeric_runs(&text)
            .filter(|w| w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit()))
            .map(crate::text::fold)
            .filter(|w| !is_stopword(w))
            .map(|w| w + "\n")
            .collect();
        prop_assert_eq!(content_words(&text), expected);
    }
}
