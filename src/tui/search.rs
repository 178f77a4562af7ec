//! `/` search: events by words in the timeline (as `#` in the palette),
//! entity names and aliases, or the text of the shown source.

use super::state::{Pane, State};
use crate::model::Corpus;
use crate::text::fold;
use rayon::prelude::*;

/// Hits of `query` in the pane searched: positions in the shown events
/// (timeline) or in the entity list, or byte offsets in the shown source's
/// clean text. In a list, when `query` contains the query of the
/// `previous` hits, only those are looked at again: typing narrows, as in
/// the palette.
pub fn hits(corpus: &Corpus, state: &State, pane: Pane, query: &str, previous: Option<(&str, &[usize])>) -> Vec<usize> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let narrowing = previous
        .map(|(p, hits)| (fold(p.trim()), hits))
        .filter(|(p, _)| !p.is_empty() && q.contains(p.as_str()))
        .map(|(_, hits)| hits);
    // On all cores: a gigabyte has a million titles.
    let matching = |len: usize, matches: &(dyn Fn(usize) -> bool + Sync)| match narrowing {
        Some(hits) => hits.par_iter().copied().filter(|&i| matches(i)).collect(),
        None => (0..len).into_par_iter().filter(|&i| matches(i)).collect(),
    };
    match pane {
        Pane::Timeline => {
            // The events holding the words, in date order, as the timeline is.
            let holding = state.index.event_words(corpus).holding(&q);
            let shown = state.events.iter().enumerate();
            shown.filter(|(_, e)| holding.binary_search(e).is_ok()).map(|(i, _)| i).collect()
        }
        Pane::Entities => {
            // The order alone is shared with the other cores (the state holds an editor, not `Sync`).
            let order = &state.entity_order;
            matching(order.len(), &|i| corpus.entities[order[i]].folded.contains(&q))
        }
        _ => {
            let Some(c) = state.shown else { return Vec::new() };
            let text = &corpus.sources[corpus.claims[c].source].text;
            let pattern = format!("(?i){}", regex::escape(query.trim()));
            regex::Regex::new(&pattern).map(|re| re.find_iter(text).map(|m| m.start()).collect()).unwrap_or_default()
        }
    }
}
