//! Merging claims into events: claims that tell the same happening (nested
//! dates, the same kind, shared actors, similar words) become one event; an
//! event whose claims date it differently is marked as a conflict.

use crate::model::{Claim, DateValue, EntityId};
use std::collections::HashSet;

/// Words too common to say two sentences tell the same thing.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "in", "on", "to", "for", "with", "by", "from", "at",
    "as", "its", "his", "her", "their", "was", "were", "is", "are", "be", "been", "has", "have",
    "had", "that", "this", "which", "who", "it", "after", "following", "since", "also", "s",
];

/// A claim's comparable content: its content words.
pub fn content_words(sentence: &str) -> HashSet<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| crate::text::fold(w))
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// What merging needs to know of a claim.
pub struct ClaimView<'a> {
    pub claim: &'a Claim,
    pub words: HashSet<String>,
}

/// A group of claims being built into an event.
pub struct Group {
    pub claims: Vec<usize>,
    pub date: DateValue,
    pub kind: String,
    actors: HashSet<EntityId>,
    words: HashSet<String>,
    pub conflict: bool,
}

/// Groups claims (given in date order) into events.
pub fn merge(views: &[ClaimView]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, v) in views.iter().enumerate() {
        let actors: HashSet<EntityId> = v.claim.actors.iter().copied().collect();
        let target = groups.iter().position(|g| same_happening(g, v, &actors));
        match target {
            Some(g) => {
                let g = &mut groups[g];
                if !g.date.compatible(&v.claim.date) {
                    g.conflict = true;
                } else if v.claim.date.span_days() < g.date.span_days() {
                    g.date = v.claim.date.clone();
                }
                g.claims.push(i);
                g.actors.extend(actors);
                g.words.extend(v.words.iter().cloned());
            }
            None => groups.push(Group {
                claims: vec![i],
                date: v.claim.date.clone(),
                kind: v.claim.kind.clone(),
                actors,
                words: v.words.clone(),
                conflict: false,
            }),
        }
    }
    groups
}

fn same_happening(g: &Group, v: &ClaimView, actors: &HashSet<EntityId>) -> bool {
    let date = &v.claim.date;
    let words = jaccard(&g.words, &v.words);
    let shared_actors = !actors.is_empty() && !g.actors.is_disjoint(actors);
    let actor_overlap = jaccard(&g.actors, actors);
    if g.date.compatible(date) {
        let same_kind = g.kind == v.claim.kind && g.kind != "other";
        return (same_kind && shared_actors && actor_overlap >= 0.5 && words >= 0.12) || words >= 0.5;
    }
    // Two dates for one happening: the same words and actors, the same year.
    g.kind == v.claim.kind && g.date.year_of() == date.year_of() && actor_overlap >= 0.5 && words >= 0.6
}
