//! The palette: narrowing as typed, ranking, counting, scoring off the
//! interface's thread.

use super::*;

/// Many entities with repeated names, so that more match than are ranked.
static CROWD: LazyLock<Corpus> = LazyLock::new(|| {
    let first = ["Amadou", "Ibrahim", "Assimi", "Moussa", "Modibo", "Alpha", "Oumar"];
    let last = ["Touré", "Keïta", "Goïta", "Traoré", "Konaré", "Maïga", "Diarra"];
    let entities = (0..3000)
        .map(|i| {
            let name = format!("{} {} {}", first[i % 7], last[(i / 7) % 7], i % 97);
            annals::model::Entity {
                id: format!("e{i}"),
                folded: annals::text::fold(&name),
                name,
                kind: annals::model::EntityKind::Person,
                aliases: Vec::new(),
                mentions: Vec::new(),
                found_by: "gazetteer".into(),
            }
        })
        .collect();
    Corpus { entities, ..Corpus::default() }
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Narrowing keystroke by keystroke finds what scoring everything finds,
    /// in the same order, and Backspace gives back the earlier matches.
    #[test]
    fn narrowing_equals_filtering_from_scratch(query in "[#@]?[aeikmotu 1]{1,7}") {
        use annals::tui::palette::{filter, narrow};
        for corpus in [&*CORPUS, &*CROWD] {
            let candidates = Candidates::new(corpus);
            let mut previous = filter(corpus, &candidates, "");
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let narrowed = narrow(corpus, &candidates, Some(&previous), &typed);
                let scratch = filter(corpus, &candidates, &typed);
                proptest::prop_assert_eq!(&narrowed.ranked, &scratch.ranked, "{}", typed);
                proptest::prop_assert_eq!(narrowed.total, scratch.total);
                if !typed.starts_with(['#', '@']) {
                    // The byte prefilter never turns away what the matcher takes.
                    use fuzzy_matcher::FuzzyMatcher;
                    let skim = fuzzy_matcher::skim::SkimMatcherV2::default();
                    let q = annals::text::fold(typed.trim());
                    let matched = |e: &annals::model::Entity| e.folded.split(" | ").any(|name| skim.fuzzy_match(name, &q).is_some());
                    let plain = corpus.entities.iter().filter(|e| q.is_empty() || matched(e));
                    proptest::prop_assert_eq!(scratch.total, plain.count());
                }
                previous = narrowed;
            }
        }
        // `/` in the timeline narrows too: each key's hits are those a
        // search from scratch finds, with Backspace as well.
        let mut state = State::new(&CORPUS);
        apply(&mut state, &[Action::OpenSearch]);
        let mut typed_so_far = String::new();
        for c in query.chars().chain(['\u{8}']).chain(query.chars().rev().take(1)) {
            if c == '\u{8}' {
                typed_so_far.pop();
                apply(&mut state, &[Action::Backspace]);
            } else {
                typed_so_far.push(c);
                apply(&mut state, &[Action::Type(c)]);
            }
            let scratch = annals::tui::search::hits(&CORPUS, &state, Pane::Timeline, &typed_so_far, None);
            proptest::prop_assert_eq!(&state.search.as_ref().unwrap().hits, &scratch, "{}", typed_so_far);
        }
        let mut state = State::new(&CORPUS);
        apply(&mut state, &[Action::OpenPalette]);
        let opened = state.palette().unwrap().matches().ranked.clone();
        apply(&mut state, &typed(&query));
        apply(&mut state, &vec![Action::Backspace; query.chars().count()]);
        proptest::prop_assert_eq!(&state.palette().unwrap().matches().ranked, &opened);
    }
}

#[test]
fn a_crowd_is_counted_but_only_the_best_are_ranked() {
    let candidates = Candidates::new(&CROWD);
    let all = annals::tui::palette::filter(&CROWD, &candidates, "");
    assert_eq!(all.total, 3000);
    assert_eq!(all.ranked.len(), annals::tui::palette::RANKED);
    let keita = annals::tui::palette::filter(&CROWD, &candidates, "keita");
    assert!(keita.total < 3000 && keita.total >= 3000 / 7, "{}", keita.total);
}

#[test]
fn a_query_matches_within_one_name_not_across_an_entitys_names() {
    let entity = |name: &str, aliases: &[&str]| {
        let forms: Vec<&str> = std::iter::once(name).chain(aliases.iter().copied()).collect();
        annals::model::Entity {
            id: annals::text::slug(name),
            folded: annals::text::fold(&forms.join(" | ")),
            name: name.to_string(),
            kind: annals::model::EntityKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: Vec::new(),
            found_by: "gazetteer".into(),
        }
    };
    let entities = vec![
        entity("Sadio Camara", &["CAMARA, Sadio", "CAMARA, Sadio Cheick", "Camara"]),
        entity("Alou Boi Diarra", &["DIARRA, Alou Boi"]),
    ];
    let corpus = Corpus { entities: entities.into(), ..Corpus::default() };
    let candidates = Candidates::new(&corpus);
    let found = annals::tui::palette::filter(&corpus, &candidates, "diarra");
    assert_eq!(found.total, 1, "`d`, `i`, `a` of one name and `rra` of the next are no match");
    let found = annals::tui::palette::filter(&corpus, &candidates, "cheick");
    assert_eq!(found.total, 1, "an alias alone matches");
}

#[test]
fn the_scorer_answers_the_newest_query_off_the_ui_thread() {
    use annals::tui::palette::{filter, SCORED_AT_ONCE};
    use annals::tui::scorer::Scorer;
    let candidates = Candidates::new(&CROWD);
    let expected = filter(&CROWD, &candidates, "keita");
    std::thread::scope(|scope| {
        let scorer = Scorer::start(scope, &CROWD, &candidates);
        for query in ["k", "ke", "kei", "keit", "keita"] {
            scorer.ask(query, None);
        }
        let started = std::time::Instant::now();
        let mut answers = Vec::new();
        while !answers.iter().any(|m: &annals::tui::palette::Matches| m.typed == "keita") {
            assert!(started.elapsed() < std::time::Duration::from_secs(10), "no answer: {answers:?}");
            std::thread::sleep(std::time::Duration::from_millis(5));
            answers.extend(scorer.take());
        }
        let last = answers.last().unwrap();
        assert_eq!((&last.ranked, last.total), (&expected.ranked, expected.total));
        assert!(answers.len() <= 5, "queries typed while one is scored are coalesced");
    });
    // A palette takes an answer only while it still fits what is typed.
    let mut palette = annals::tui::state::Palette::opened(filter(&CROWD, &candidates, ""));
    palette.query = "mo".into();
    palette.pending = true;
    palette.learn(filter(&CROWD, &candidates, "ke"));
    assert_eq!(palette.matches().typed, "", "an answer to another query is dropped");
    palette.learn(filter(&CROWD, &candidates, "m"));
    assert!(palette.pending, "a shorter query's answer is shown while the query's own is awaited");
    palette.learn(filter(&CROWD, &candidates, "mo"));
    assert!(!palette.pending && palette.matches().typed == "mo");
    assert!(CROWD.entities.len() < SCORED_AT_ONCE, "the crowd itself is scored at once in update");
}

/// The palette ranks as one fresh matcher per name would, every time:
/// fuzzy-matcher's fast path let a name's score depend on the names its
/// thread scored before, so equal matches swapped places between runs.
#[test]
fn palette_ranking_is_the_same_every_time() {
    use annals::model::EntityId;
    use annals::tui::palette::filter;
    use annals::tui::state::Target;
    use fuzzy_matcher::FuzzyMatcher;
    // One thread scores the names in order, so each follows the same one every run.
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let queries = ["ooo", "oo", "mali", "a e", "ioa", "nrt", "un", "ma", "ti", "or", "ent", "aoi", "ee", "rn", "ali"];
    for query in queries {
        let q = annals::text::fold(query);
        let mut expected: Vec<(i64, usize, EntityId)> = CORPUS
            .entities
            .iter_enumerated()
            .filter_map(|(i, e)| {
                // Each of its names on a fresh matcher, the best of them.
                let fresh = || fuzzy_matcher::skim::SkimMatcherV2::default();
                let best = e.folded.split(" | ").filter_map(|name| fresh().fuzzy_match(name, &q)).max();
                best.map(|s| (s, e.mentions.len(), i))
            })
            .collect();
        // Entities in events first (`entities_without_events_come_last`).
        let eventless = |i: EntityId| CORPUS.entity_events[i].is_empty();
        expected.sort_by_key(|&(s, n, i)| (eventless(i), std::cmp::Reverse(s), std::cmp::Reverse(n), i));
        let expected: Vec<Target> = expected.into_iter().map(|(_, _, i)| Target::Entity(i)).collect();
        assert_eq!(one.install(|| filter(&CORPUS, &CANDIDATES, query)).ranked, expected, "{query}");
        for _ in 0..20 {
            assert_eq!(filter(&CORPUS, &CANDIDATES, query).ranked, expected, "{query}");
        }
    }
}

/// What `#` should find, read from every event's text: events where every
/// query word begins a word (title, claims, actors), title hits first.
fn found_by_reading(query: &str) -> Vec<annals::model::EventId> {
    use annals::text::fold;
    use annals::tui::event_words::words;
    let folded = fold(query);
    let typed: Vec<&str> = words(&folded).collect();
    let all_begin = |text: &str| {
        let text = fold(text);
        let have: Vec<&str> = words(&text).collect();
        typed.iter().all(|t| have.iter().any(|w| w.starts_with(t)))
    };
    let (mut titled, mut rest) = (Vec::new(), Vec::new());
    for (id, e) in CORPUS.events.iter_enumerated() {
        let mut text = e.title.clone();
        e.claims.iter().for_each(|&c| text = format!("{text} {}", CORPUS.claim_text(&CORPUS.claims[c])));
        e.actors.iter().for_each(|&a| text = format!("{text} {}", CORPUS.entities[a].folded));
        if all_begin(&e.title) {
            titled.push(id);
        } else if all_begin(&text) {
            rest.push(id);
        }
    }
    titled.extend(rest);
    titled
}

#[test]
fn hash_finds_events_by_the_words_they_begin() {
    use annals::tui::event_words::EventWords;
    let index = EventWords::new(&CORPUS);
    let queries = [
        "keita coup",
        "coup",
        "cou",
        "mali united",
        "touré",
        "TOURE",
        "2012",
        "d'etat",
        "bamako embassy",
        "a",
        "zebra",
        "mli",
        "",
    ];
    for query in queries {
        let found = index.find(query);
        assert_eq!(found.events, found_by_reading(query), "{query:?}");
    }
    assert!(!index.find("keita coup").events.is_empty(), "the bundled corpus tells of Keïta and a coup");
    assert!(index.find("mli").events.is_empty(), "scattered letters are not words");
    assert_eq!(index.find("").events.len(), CORPUS.events.len());
}

#[test]
fn the_palette_counts_events_found_by_words_and_ranks_title_hits_first() {
    use annals::tui::palette::filter;
    use annals::tui::state::Target;
    let matches = filter(&CORPUS, &CANDIDATES, "#coup");
    let expected = found_by_reading("coup");
    assert_eq!(matches.total, expected.len());
    let ranked: Vec<_> = matches
        .ranked
        .iter()
        .map(|t| match t {
            Target::Event(e) => *e,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ranked, expected);
    let first = &CORPUS.events[ranked[0]];
    assert!(annals::text::fold(&first.title).contains("coup"), "a title hit first: {}", first.title);
}

/// Every word of the bundled events' text, folded: what queries are made of.
static EVENT_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut all: Vec<String> = CORPUS
        .events
        .iter()
        .flat_map(|e| {
            annals::tui::event_words::words(&annals::text::fold(&e.title)).map(str::to_string).collect::<Vec<_>>()
        })
        .chain(CORPUS.claims.iter().flat_map(|c| {
            annals::tui::event_words::words(&annals::text::fold(CORPUS.claim_text(c)))
                .map(str::to_string)
                .collect::<Vec<_>>()
        }))
        .collect();
    all.sort();
    all.dedup();
    all
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]
    /// Whatever words (or beginnings of words, or junk) are typed, `#`
    /// finds exactly the events that hold a word beginning with each.
    #[test]
    fn hash_finds_what_reading_every_event_finds(
        picks in proptest::collection::vec((0usize..10_000, 1usize..12), 1..4),
        junk in "[a-zé]{0,3}",
    ) {
        let index = annals::tui::event_words::EventWords::new(&CORPUS);
        let mut query: Vec<String> = picks
            .iter()
            .map(|&(at, len)| EVENT_WORDS[at % EVENT_WORDS.len()].chars().take(len).collect())
            .collect();
        query.push(junk);
        let query = query.join(" ");
        proptest::prop_assert_eq!(index.find(&query).events, found_by_reading(&query));
    }
}
