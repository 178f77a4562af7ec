//! A corpus that takes a while is browsed in part: the preview is the
//! corpus of the documents read first, and the whole corpus extends it, so
//! the browser keeps its place when it moves on to the whole (its claims
//! found again by where they are: each corpus numbers them in date order).

use crate::common;

use annals::ingest::Input;
use annals::model::{ClaimId, Corpus, SourceId};
use annals::pipeline::Watch;
use annals::tui::config::Config;
use annals::tui::palette::Candidates;
use annals::tui::state::Pane;
use annals::tui::{update, Action, Ctx, State};
use std::collections::HashSet;
use std::ops::Range;
use std::time::Duration;

fn json(corpus: &Corpus) -> String {
    let mut out = Vec::new();
    let events: Vec<_> = corpus.events.keys().collect();
    annals::export::json::write(corpus, &events, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// 600 documents, the bundled ones first: many chunks of work.
fn inputs() -> Vec<Input> {
    let mut inputs = annals::ingest::bundled_inputs();
    inputs.extend(annals::synth::corpus(1_190_000, 2_000, 11));
    inputs
}

/// Where a claim is: its source, sentence and date. A finished corpus
/// keeps its claims in date order, so the whole corpus numbers them anew;
/// the browser finds them again by this.
fn place(corpus: &Corpus, claim: ClaimId) -> (SourceId, Range<usize>, Range<usize>) {
    let c = &corpus.claims[claim];
    (c.source, c.sentence.clone(), c.date_clean.clone())
}

/// The preview asked for at once, and the whole corpus.
fn preview_and_whole() -> (Corpus, Corpus) {
    let (watch, previews) = Watch::with_preview(Duration::ZERO);
    let (whole, _) = common::PIPELINE.build_watched("mixed", inputs(), Vec::new(), &watch);
    let preview = previews.try_recv().expect("a preview of a corpus read in several chunks");
    assert!(previews.try_recv().is_err(), "one preview");
    (preview, whole)
}

#[test]
fn a_preview_is_the_corpus_of_the_documents_read_first() {
    let (preview, whole) = preview_and_whole();
    let shown = preview.sources.len();
    assert!(shown > 0 && shown < whole.sources.len() / 8, "{shown} of {}", whole.sources.len());
    let first: Vec<Input> = inputs().into_iter().take(shown).collect();
    let (built, _) = common::PIPELINE.build("mixed", first, Vec::new());
    assert!(json(&preview) == json(&built), "the preview differs from a corpus of its documents");
    assert_eq!(
        json(&whole),
        json(&common::PIPELINE.build("mixed", inputs(), Vec::new()).0),
        "watching changes nothing"
    );
}

#[test]
fn the_whole_corpus_extends_its_preview() {
    let (preview, whole) = preview_and_whole();
    for (a, b) in preview.sources.iter().zip(&whole.sources) {
        assert_eq!((&a.id, &a.text), (&b.id, &b.text));
    }
    for (a, b) in preview.entities.iter().zip(&whole.entities) {
        assert_eq!((&a.name, a.kind), (&b.name, b.kind));
    }
    let in_whole: HashSet<_> = whole.claims.keys().map(|c| place(&whole, c)).collect();
    assert!(preview.claims.keys().all(|c| in_whole.contains(&place(&preview, c))), "a claim of the preview is lost");
}

#[test]
fn the_browser_keeps_its_place_in_the_whole_corpus() {
    let (preview, whole) = preview_and_whole();
    let candidates = Candidates::new(&preview);
    let ctx = Ctx { corpus: &preview, candidates: &candidates, keys: &Config::defaults().keys };
    let mut state = State::new(&preview);
    // An entity of the preview as filter, a few events down, the source focused.
    for action in [Action::FocusPrev, Action::Down(2), Action::Enter, Action::Down(3), Action::Enter] {
        update(&mut state, &ctx, action);
    }
    let filter = state.filter.expect("Enter on an entity filters by it");
    let (focus, shown) = (state.focus, state.shown.expect("a claim is shown"));
    assert_eq!(focus, Pane::Source);
    // A word of the shown claim searched in its source, and a hit further.
    let word = preview.claim_text(&preview.claims[shown]).split_whitespace().find(|w| w.len() > 4).unwrap().to_string();
    update(&mut state, &ctx, Action::OpenSearch);
    word.chars().for_each(|c| update(&mut state, &ctx, Action::Type(c)));
    update(&mut state, &ctx, Action::Enter);
    let search = state.search.clone().expect("a search");
    assert!(!search.hits.is_empty());
    assert_eq!(state.history.len(), 2, "the filter and the event were jumps");

    let mut moved = State::at(&whole, state.place(&preview));
    let carried = moved.search.clone().expect("the search carries over");
    assert_eq!((carried.query, carried.hits, carried.current), (search.query, search.hits, search.current));
    assert_eq!(moved.history.len(), 2);
    for (before, after) in state.history.iter().zip(&moved.history) {
        assert_eq!(before.filter, after.filter);
        assert_eq!(before.claim.map(|c| place(&preview, c)), after.claim.map(|c| place(&whole, c)));
        let lead = place(&preview, preview.events[before.event.unwrap()].claims[0]);
        let found = whole.events[after.event.unwrap()].claims.iter().any(|&c| place(&whole, c) == lead);
        assert!(found, "the event is found again by its claim");
    }
    let wctx = Ctx { corpus: &whole, candidates: &Candidates::new(&whole), keys: &Config::defaults().keys };
    update(&mut moved, &wctx, Action::Back); // leaves the search
    update(&mut moved, &wctx, Action::HistoryBack);
    assert_eq!(moved.filter, Some(filter), "back to before the event was opened: filtered");
    update(&mut moved, &wctx, Action::HistoryBack);
    assert_eq!(moved.filter, None, "back to before the filter");
    moved = State::at(&whole, state.place(&preview));
    assert_eq!(moved.focus, focus);
    assert_eq!(moved.filter, Some(filter));
    let moved_shown = moved.shown.expect("a claim is shown");
    assert_eq!(place(&whole, moved_shown), place(&preview, shown), "the same claim is shown");
    let event = moved.selected_event().expect("an event is selected");
    assert!(whole.events[event].claims.contains(&moved_shown), "the selected event tells the claim shown");
    assert!(whole.entity_events[filter].contains(&event));
    assert!(moved.events.len() >= state.events.len(), "the whole corpus has at least as many events of the filter");
}
