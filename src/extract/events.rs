//! Merging claims into events: claims that tell the same happening (nested
//! dates, the same kind, shared actors, similar words) become one event; an
//! event whose claims date it differently is marked as a conflict.

use crate::model::{Claim, DateValue, EntityId};
use chrono::Datelike;
use std::collections::{HashMap, HashSet};

/// Words too common to say two sentences tell the same thing.
const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "on",
    "to",
    "for",
    "with",
    "by",
    "from",
    "at",
    "as",
    "its",
    "his",
    "her",
    "their",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "that",
    "this",
    "which",
    "who",
    "it",
    "after",
    "following",
    "since",
    "also",
    "s",
];

/// Content words as numbers, so that comparing two claims compares two
/// sorted lists of integers, not two sets of strings.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    /// A claim's comparable content: its content words, sorted, once each.
    pub fn content_words(&mut self, sentence: &str) -> Vec<u32> {
        let mut out: Vec<u32> = sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2 && !w.chars().all(|c| c.is_ascii_digit()))
            .map(crate::text::fold)
            .filter(|w| !STOPWORDS.contains(&w.as_str()))
            .map(|w| {
                let next = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(next)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Shared over all words, of two sorted lists without repeats.
fn jaccard_sorted(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
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
    pub words: Vec<u32>,
}

/// A group of claims being built into an event.
pub struct Group {
    pub claims: Vec<usize>,
    pub date: DateValue,
    pub kind: String,
    actors: HashSet<EntityId>,
    /// The first claim's words: what later claims are compared with.
    words: Vec<u32>,
    sources: HashSet<usize>,
    sentences: HashSet<(usize, usize)>,
    pub conflict: bool,
}

/// Groups claims (given in date order) into events. Only groups of the same
/// kind and a year in common are compared, so this stays near linear.
pub fn merge(views: &[ClaimView]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_year_kind: HashMap<(i32, &str), Vec<usize>> = HashMap::new();
    for (i, v) in views.iter().enumerate() {
        let actors: HashSet<EntityId> = v.claim.actors.iter().copied().collect();
        let key = (v.claim.date.year_of(), v.claim.kind.as_str());
        let candidates = by_year_kind.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        let target = candidates.iter().copied().find(|&g| same_happening(&groups[g], v, &actors));
        match target {
            Some(g) => {
                let g = &mut groups[g];
                if !g.date.compatible(&v.claim.date) {
                    g.conflict = true;
                } else if v.claim.date.span_days() < g.date.span_days() {
                    g.date = v.claim.date.clone();
                }
                g.claims.push(i);
                g.sources.insert(v.claim.source);
                g.sentences.insert((v.claim.source, v.claim.sentence.start));
                g.actors.extend(actors);
            }
            None => {
                let years = v.claim.date.year_of()..=v.claim.date.end.year().min(v.claim.date.year_of() + 100);
                for year in years {
                    by_year_kind.entry((year, v.claim.kind.as_str())).or_default().push(groups.len());
                }
                groups.push(Group {
                    claims: vec![i],
                    date: v.claim.date.clone(),
                    kind: v.claim.kind.clone(),
                    actors,
                    words: v.words.clone(),
                    sources: HashSet::from([v.claim.source]),
                    sentences: HashSet::from([(v.claim.source, v.claim.sentence.start)]),
                    conflict: false,
                })
            }
        }
    }
    groups
}

fn same_happening(g: &Group, v: &ClaimView, actors: &HashSet<EntityId>) -> bool {
    let claim = v.claim;
    // Two dates of one sentence are two happenings.
    if g.sentences.contains(&(claim.source, claim.sentence.start)) {
        return false;
    }
    // `merge` only compares claims with groups of their own kind; `other` says too little.
    debug_assert_eq!(g.kind, claim.kind);
    let telling = g.kind != "other";
    let words = || jaccard_sorted(&g.words, &v.words);
    let same_source = g.sources.contains(&claim.source);
    // A source that repeats itself needs no shared actors.
    let related = same_source || (!actors.is_empty() && jaccard(&g.actors, actors) >= 0.5);
    if g.date.compatible(&claim.date) {
        if telling && same_source {
            return true;
        }
        let words = words();
        return (telling && related && words >= 0.1) || words >= 0.5;
    }
    // Two dates for one happening: the same actors and words, the same year.
    telling && related && g.date.year_of() == claim.date.year_of() && words() >= 0.6
}
