//! Searching with `/`: hits counted and marked where they stand in each
//! pane, kept across sorts and filters, and undone by Esc.

use super::*;

#[test]
fn search_in_the_timeline_counts_hits_and_n_moves() {
    let mut state = State::new(&CORPUS);
    search_for(&mut state, "diplomatic");
    let hits = state.search.as_ref().unwrap().hits.clone();
    assert!(hits.len() >= 3, "{hits:?}");
    assert_eq!(state.timeline.selected, hits[0]);
    apply(&mut state, &[Action::NextInSource]);
    assert_eq!(state.timeline.selected, hits[1]);
    apply(&mut state, &[Action::Back]);
    assert!(state.search.is_none());
}

#[test]
fn search_in_the_entities_finds_names_and_aliases_and_survives_a_sort() {
    let mut state = State::new(&CORPUS);
    let name = |state: &State| CORPUS.entities[state.selected_entity().unwrap()].name.clone();
    apply(&mut state, &[Action::FocusPrev]);
    search_for(&mut state, "keita");
    assert_eq!(state.search.as_ref().unwrap().hits.len(), 2);
    let first = name(&state);
    apply(&mut state, &[Action::NextInSource]);
    let second = name(&state);
    let mut both = [first.as_str(), second.as_str()];
    both.sort();
    assert_eq!(both, ["Ibrahim Boubacar Keïta", "Modibo Keïta"]);
    // Sorted by name, the hits are found again and the selection stays.
    apply(&mut state, &[Action::CycleSort]);
    assert_eq!(name(&state), second);
    let search = state.search.as_ref().unwrap();
    assert_eq!(search.hits.len(), 2);
    assert_eq!(search.hits[search.current], state.entities.selected);
    apply(&mut state, &[Action::NextInSource]);
    assert_eq!(name(&state), first);
    // An alias finds its entity.
    apply(&mut state, &[Action::Back, Action::OpenSearch]);
    apply(&mut state, &typed("aqim"));
    assert_eq!(name(&state), "Al-Qaeda in the Islamic Maghreb");
    assert!(text(&draw(&mut state, 120, 40)).contains("/aqim▏  1/1 hits"));
}

/// The text of the cells drawn in the search-hit style.
fn styled_hits(buffer: &Buffer) -> String {
    let area = buffer.area;
    let cells = (0..area.height).flat_map(|y| (0..area.width).map(move |x| (x, y)));
    let matched = Theme::colored().matched();
    let hit =
        |xy: (u16, u16)| buffer[xy].fg == matched.fg.unwrap() && buffer[xy].modifier.contains(matched.add_modifier);
    cells.filter(|&xy| hit(xy)).map(|xy| buffer[xy].symbol().to_string()).collect()
}

#[test]
fn search_hits_are_marked_in_the_rows_that_hold_them() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenSearch]);
    apply(&mut state, &typed("Compact"));
    // Both titles with `compact`, the one it was cut from shown from a few words before it.
    let screen = draw(&mut state, 160, 40);
    assert_eq!(styled_hits(&screen), "compactcompact");
    assert!(text(&screen).contains("…signed a 5-year compact"), "{}", text(&screen));
    apply(&mut state, &[Action::Back, Action::FocusPrev, Action::OpenSearch]);
    apply(&mut state, &typed("keita"));
    assert_eq!(styled_hits(&draw(&mut state, 160, 60)), "KeïtaKeïta");
}

#[test]
fn a_timeline_search_is_found_again_when_the_timeline_is_filtered() {
    let mut state = State::new(&CORPUS);
    search_for(&mut state, "relations");
    let before = state.search.as_ref().unwrap().hits.len();
    let mali = CORPUS.entities.position(|e| e.name == "Mali").unwrap();
    state.set_filter(&CORPUS, Some(mali));
    let search = state.search.as_ref().unwrap();
    assert!(!search.hits.is_empty() && search.hits.len() < before, "{} of {before}", search.hits.len());
    // Events found by words: in the title, or in what the event's claims tell.
    for &hit in &search.hits {
        let event = &CORPUS.events[state.events[hit]];
        let told = event.claims.iter().map(|&c| CORPUS.claim_text(&CORPUS.claims[c]));
        let text = std::iter::once(event.title.as_str()).chain(told).collect::<Vec<_>>().join(" ");
        assert!(text.to_lowercase().contains("relations"), "{text}");
    }
}

#[test]
fn search_in_the_source_moves_to_each_hit() {
    let mut state = jump_to_ward();
    apply(&mut state, &[Action::FocusNext, Action::OpenSearch]);
    apply(&mut state, &typed("Algeria"));
    apply(&mut state, &[Action::Enter]);
    let hits = state.search.as_ref().unwrap().hits.clone();
    assert!(hits.len() >= 5, "{hits:?}");
    let buffer = draw(&mut state, 120, 40);
    assert!(text(&buffer).contains("Algeria"));
    apply(&mut state, &[Action::NextInSource, Action::NextInSource]);
    assert_eq!(state.search.as_ref().unwrap().current, 2);
    let screen = text(&draw(&mut state, 120, 40));
    let source = &CORPUS.sources[CORPUS.claims[state.shown.unwrap()].source].text;
    let hit = hits[2];
    let line_text: String = source[hit..].chars().take(7).collect();
    assert!(screen.contains(&line_text), "the third hit is on screen");
}

/// Esc while a search is typed cancels it: the selection is as before it.
#[test]
fn a_cancelled_search_restores_the_selection() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Down(3)]);
    let before = (state.timeline.selected, state.shown);
    apply(&mut state, &[Action::OpenSearch]);
    apply(&mut state, &typed("compact"));
    assert_ne!(state.timeline.selected, before.0, "the search moved to its first hit");
    apply(&mut state, &[Action::Back]);
    assert!(state.search.is_none());
    assert_eq!((state.timeline.selected, state.shown), before);
}

#[test]
fn a_timeline_search_finds_events_by_the_words_they_begin() {
    let mut state = State::new(&CORPUS);
    search_for(&mut state, "keit cou");
    let hits = state.search.as_ref().unwrap().hits.clone();
    let holding = annals::tui::event_words::EventWords::new(&CORPUS).holding("keit cou");
    let found: Vec<_> = hits.iter().map(|&i| state.events[i]).collect();
    assert_eq!(found, holding, "the same events as `#keit cou`");
    assert!(!found.is_empty());
    search_for(&mut state, "eit");
    assert!(state.search.as_ref().unwrap().hits.is_empty(), "a word is found from its start");
}
