//! `/` search: timeline titles, or the text of the shown source.

use super::state::{Pane, State};
use crate::model::Corpus;
use crate::text::fold;

/// Hits of `query` in the pane searched: positions in the shown events
/// (timeline) or byte offsets in the shown source's clean text.
pub fn hits(corpus: &Corpus, state: &State, pane: Pane, query: &str) -> Vec<usize> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    match pane {
        Pane::Timeline => state
            .events
            .iter()
            .enumerate()
            .filter(|(_, &e)| state.index.folded_title(corpus, e).contains(&q))
            .map(|(i, _)| i)
            .collect(),
        _ => {
            let Some(c) = state.shown else { return Vec::new() };
            let text = &corpus.sources[corpus.claims[c].source].text;
            let pattern = format!("(?i){}", regex::escape(query.trim()));
            regex::Regex::new(&pattern).map(|re| re.find_iter(text).map(|m| m.start()).collect()).unwrap_or_default()
        }
    }
}
