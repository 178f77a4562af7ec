//! `/` search: timeline titles, or the text of the shown source.

use super::state::{Pane, State};
use crate::model::Corpus;
use crate::text::fold;
use rayon::prelude::*;

/// Hits of `query` in the pane searched: positions in the shown events
/// (timeline) or byte offsets in the shown source's clean text. In the
/// timeline, when `query` contains the query of the `previous` hits, only
/// those are looked at again: typing narrows, as in the palette.
pub fn hits(corpus: &Corpus, state: &State, pane: Pane, query: &str, previous: Option<(&str, &[usize])>) -> Vec<usize> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    match pane {
        Pane::Timeline => {
            // On all cores: a gigabyte has a million titles.
            let titled = |&i: &usize| state.index.folded_title(corpus, state.events[i]).contains(&q);
            let narrowing = previous
                .map(|(p, hits)| (fold(p.trim()), hits))
                .filter(|(p, _)| !p.is_empty() && q.contains(p.as_str()));
            match narrowing {
                Some((_, hits)) => hits.par_iter().copied().filter(titled).collect(),
                None => (0..state.events.len()).into_par_iter().filter(titled).collect(),
            }
        }
        _ => {
            let Some(c) = state.shown else { return Vec::new() };
            let text = &corpus.sources[corpus.claims[c].source].text;
            let pattern = format!("(?i){}", regex::escape(query.trim()));
            regex::Regex::new(&pattern).map(|re| re.find_iter(text).map(|m| m.start()).collect()).unwrap_or_default()
        }
    }
}
