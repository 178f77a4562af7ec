//! The fuzzy palette: actors by default, `#` events, `@` sources. Queries
//! and candidates are accent-folded (`toure` finds Touré); candidates are
//! prepared once, scored once per keystroke.

use super::state::Target;
use crate::model::Corpus;
use crate::text::fold;
use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

/// Folded candidate strings, built once per corpus.
pub struct Candidates {
    events: Vec<String>,
    sources: Vec<String>,
}

impl Candidates {
    pub fn new(corpus: &Corpus) -> Self {
        let event = |e: &crate::model::Event| {
            let text = e.claims.first().map_or("", |&c| corpus.claim_text(&corpus.claims[c]));
            fold(&format!("{} {} {} {text}", e.date.value, e.kind, e.title))
        };
        let source = |s: &crate::model::Source| fold(&format!("{} {} {}", s.title, s.kind.as_str(), s.path));
        Candidates {
            events: corpus.events.iter().map(event).collect(),
            sources: corpus.sources.iter().map(source).collect(),
        }
    }
}

/// The rows for a query, best first: by score, then (actors) by how often mentioned.
pub fn filter(corpus: &Corpus, candidates: &Candidates, query: &str) -> Vec<Target> {
    let matcher = SkimMatcherV2::default();
    let (mode, rest) = match query.chars().next() {
        Some('#') => ('#', &query[1..]),
        Some('@') => ('@', &query[1..]),
        _ => ('a', query),
    };
    let q = fold(rest.trim());
    let score = |text: &str| {
        if q.is_empty() {
            Some(0)
        } else {
            matcher.fuzzy_match(text, &q)
        }
    };
    // Scored on every core: a keystroke over 100 k actors stays within a frame.
    let mut scored: Vec<(i64, usize, Target)> = match mode {
        '#' => candidates
            .events
            .par_iter()
            .enumerate()
            .filter_map(|(i, t)| Some((score(t)?, 0, Target::Event(i))))
            .collect(),
        '@' => candidates
            .sources
            .par_iter()
            .enumerate()
            .filter_map(|(i, t)| Some((score(t)?, 0, Target::Source(i))))
            .collect(),
        _ => corpus
            .entities
            .par_iter()
            .enumerate()
            .filter_map(|(i, e)| Some((score(&e.folded)?, e.mentions.len(), Target::Entity(i))))
            .collect(),
    };
    scored.par_sort_unstable_by_key(|(s, n, t)| (std::cmp::Reverse(*s), std::cmp::Reverse(*n), sort_key(t)));
    scored.into_iter().map(|(_, _, t)| t).collect()
}

fn sort_key(t: &Target) -> usize {
    match t {
        Target::Entity(i) | Target::Event(i) | Target::Source(i) => *i,
    }
}

/// Which characters of `text` the query matches, as char indices, for highlighting.
pub fn highlights(text: &str, query: &str) -> Vec<usize> {
    let q = fold(query.trim_start_matches(['#', '@']).trim());
    if q.is_empty() {
        return Vec::new();
    }
    let folded: String = text.chars().map(|c| crate::text::fold_char(c).to_lowercase().next().unwrap_or(c)).collect();
    SkimMatcherV2::default().fuzzy_indices(&folded, &q).map(|(_, idx)| idx).unwrap_or_default()
}
