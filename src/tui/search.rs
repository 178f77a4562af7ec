//! `/` search: timeline titles, or the text of the shown source.

use super::state::Pane;
use crate::model::{ClaimId, Corpus, EventId};
use crate::text::fold;

/// Hits of `query`: positions in `events` (timeline) or byte offsets in the
/// shown source's clean text.
pub fn hits(corpus: &Corpus, shown: Option<ClaimId>, events: &[EventId], pane: Pane, query: &str) -> Vec<usize> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    match pane {
        Pane::Timeline => events
            .iter()
            .enumerate()
            .filter(|(_, &e)| fold(&corpus.events[e].title).contains(&q))
            .map(|(i, _)| i)
            .collect(),
        _ => {
            let Some(c) = shown else { return Vec::new() };
            let text = &corpus.sources[corpus.claims[c].source].text;
            let pattern = format!("(?i){}", regex::escape(query.trim()));
            regex::Regex::new(&pattern).map(|re| re.find_iter(text).map(|m| m.start()).collect()).unwrap_or_default()
        }
    }
}
