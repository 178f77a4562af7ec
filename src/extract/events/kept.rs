//! Merged runs kept (in the pipeline's cache) and read back: a run's
//! merging depends on its claims alone, so it is named by a hash of them.

use super::{ClaimView, Merged};
use chrono::Datelike;

/// What a claim's words, actors and sources are, as hashes of their text
/// (by number): numbers shift when a document is added elsewhere, these
/// do not. Ties of rarity are broken by them, and a run's key is made of them.
#[derive(Default)]
pub struct Identities {
    pub words: Vec<u64>,
    pub actors: Vec<u64>,
    pub sources: Vec<u64>,
}

/// A group of a merged run, by places in the run: what is kept of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptGroup {
    pub claims: Vec<u32>,
    pub dated_by: u32,
    pub conflict: bool,
}

/// Where merged runs are kept (the pipeline's cache), by a key of their
/// claims: a run whose claims are the same merges the same, so one
/// document changed in a large corpus re-merges only the runs it touches.
pub trait KeptRuns: Sync {
    /// Whether a run of this many claims is worth an entry of its own.
    fn worth_keeping(&self, claims: usize) -> bool;
    fn get(&self, key: u128) -> Option<Vec<KeptGroup>>;
    fn put(&self, key: u128, groups: &[KeptGroup]);
}

/// Nowhere: every run is merged.
pub struct NotKept;

impl KeptRuns for NotKept {
    fn worth_keeping(&self, _: usize) -> bool {
        false
    }

    fn get(&self, _: u128) -> Option<Vec<KeptGroup>> {
        None
    }

    fn put(&self, _: u128, _: &[KeptGroup]) {}
}

/// What names a run's claims as merging reads them: their dates, kind,
/// sources and sentences, and their actors and words as sets (of hashes),
/// in the run's order.
pub(super) fn run_key(views: &[ClaimView<'_>], identities: &Identities, run: &[usize]) -> u128 {
    // Summed: a set's hash, whatever the order of its numbers.
    let set = |hashes: &[u64], items: &[usize]| items.iter().fold(0u64, |sum, &i| sum.wrapping_add(hash_of(hashes, i)));
    let (mut bytes, mut numbers) = (Vec::with_capacity(16 + run.len() * 72), Vec::new());
    bytes.extend_from_slice(views[run[0]].claim.kind.as_bytes());
    for &i in run {
        let (claim, words) = (views[i].claim, views[i].words);
        let date = claim.date.span();
        numbers.clear();
        numbers.extend(claim.actors.iter().map(|a| a.index()));
        let actors = set(&identities.actors, &numbers);
        numbers.clear();
        numbers.extend(words.iter().map(|&w| w as usize));
        let words = set(&identities.words, &numbers);
        let told = [
            date.start.num_days_from_ce() as u64,
            date.end.num_days_from_ce() as u64,
            claim.date.year_of() as u64,
            hash_of(&identities.sources, claim.source.index()),
            claim.sentence.start as u64,
            actors,
            claim.actors.len() as u64,
            words,
            views[i].words.len() as u64,
        ];
        told.iter().for_each(|n| bytes.extend_from_slice(&n.to_le_bytes()));
    }
    // Hashed at once: fed number by number, the hasher took most of the time.
    xxhash_rust::xxh3::xxh3_128(&bytes)
}

fn hash_of(hashes: &[u64], i: usize) -> u64 {
    hashes.get(i).copied().unwrap_or(0)
}

/// A run's groups by places in the run.
pub(super) fn to_kept(merged: &[Merged], run: &[usize]) -> Vec<KeptGroup> {
    // The run is in view order: a place is found by search.
    let place = |i: usize| run.binary_search(&i).expect("a claim of the run") as u32;
    let kept = |m: &Merged| KeptGroup {
        claims: m.claims.iter().map(|&i| place(i)).collect(),
        dated_by: place(m.dated_by),
        conflict: m.conflict,
    };
    merged.iter().map(kept).collect()
}

/// A run's groups from what was kept, if it holds each of the run's claims
/// once (else it is not of this run, and the run is merged again).
pub(super) fn from_kept(groups: &[KeptGroup], run: &[usize]) -> Option<Vec<Merged>> {
    let mut placed = vec![false; run.len()];
    let mut merged = Vec::with_capacity(groups.len());
    for g in groups {
        for &at in &g.claims {
            let slot = placed.get_mut(at as usize)?;
            if std::mem::replace(slot, true) {
                return None;
            }
        }
        if !g.claims.contains(&g.dated_by) {
            return None;
        }
        let claims = g.claims.iter().map(|&at| run[at as usize]).collect();
        merged.push(Merged { claims, dated_by: run[g.dated_by as usize], conflict: g.conflict });
    }
    placed.iter().all(|&p| p).then_some(merged)
}

#[cfg(test)]
mod tests {
    use super::super::tests::claim;
    use super::super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    /// Runs kept in memory, counted.
    #[derive(Default)]
    struct InMemory {
        runs: Mutex<std::collections::HashMap<u128, Vec<KeptGroup>>>,
        merged: AtomicUsize,
    }

    impl KeptRuns for InMemory {
        fn worth_keeping(&self, _: usize) -> bool {
            true
        }

        fn get(&self, key: u128) -> Option<Vec<KeptGroup>> {
            self.runs.lock().expect("not poisoned").get(&key).cloned()
        }

        fn put(&self, key: u128, groups: &[KeptGroup]) {
            self.merged.fetch_add(1, Ordering::Relaxed);
            self.runs.lock().expect("not poisoned").insert(key, groups.to_vec());
        }
    }

    /// A run whose claims are unchanged is read back as it was merged; a
    /// claim changed in one year re-merges that year's run only; what was
    /// kept and does not fit the run is merged again.
    #[test]
    fn only_the_runs_a_change_touches_are_merged_again() {
        let hashes = |n: u64| (0..n).map(|i| xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes())).collect();
        let ids = Identities { words: hashes(40), actors: hashes(10), sources: hashes(4) };
        let claims: Vec<Claim> =
            (0..60).map(|n| claim("meeting", n % 3, n, 2000 + (n / 20) as i32, 0, n as u32, &[n % 5])).collect();
        let words: Vec<Vec<u32>> = (0..60u32).map(|n| vec![n % 7, 10 + n % 4, 20 + n % 9]).collect();
        let kept = InMemory::default();
        let build = |claims: &[Claim], kept: &InMemory| {
            let mut order: Vec<usize> = (0..claims.len()).collect();
            order.sort_by_key(|&i| {
                (claims[i].date.start, claims[i].date.end, claims[i].source, claims[i].sentence.start)
            });
            let views: Vec<ClaimView> =
                order.iter().map(|&i| ClaimView { claim: &claims[i], words: &words[i] }).collect();
            (merge(&views, &ids, kept), merge(&views, &ids, &NotKept))
        };
        let (first, fresh) = build(&claims, &kept);
        assert_eq!(first, fresh);
        let runs = kept.merged.load(Ordering::Relaxed);
        assert_eq!(runs, 3, "a run for each year");
        let (again, _) = build(&claims, &kept);
        assert_eq!((again, kept.merged.load(Ordering::Relaxed)), (first, runs), "all read back");
        let mut changed = claims.clone();
        changed[25].actors = smallvec::smallvec![EntityId::from(9)];
        let (after, fresh) = build(&changed, &kept);
        assert_eq!((after, kept.merged.load(Ordering::Relaxed)), (fresh, runs + 1), "one year merged again");
        for groups in kept.runs.lock().expect("not poisoned").values_mut() {
            groups[0].claims.push(0); // a claim twice
        }
        let (damaged, fresh) = build(&claims, &kept);
        assert_eq!((damaged, kept.merged.load(Ordering::Relaxed)), (fresh, runs + 4), "what does not fit is merged");
    }
}
