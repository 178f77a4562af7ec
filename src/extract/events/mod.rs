//! Merging claims into events: claims that tell the same happening (nested
//! dates, the same kind, shared actors, similar words) become one event; an
//! event whose claims date it differently is marked as a conflict.

mod filing;
mod kept;

use crate::model::{Claim, EntityId, SourceId, Span};
use chrono::Datelike;
use filing::{first_joined, Asked, Filed, Filing, Filings, Rarity, Seen};
use kept::{from_kept, run_key, to_kept};
pub use kept::{Identities, KeptGroup, KeptRuns, NotKept};
use smallvec::{smallvec, SmallVec};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// Words too common to say two sentences tell the same thing: a `match`,
/// not a list searched word by word (every word of every claim asks).
fn is_stopword(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "of"
            | "in"
            | "on"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "at"
            | "as"
            | "its"
            | "his"
            | "her"
            | "their"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "that"
            | "this"
            | "which"
            | "who"
            | "it"
            | "after"
            | "following"
            | "since"
            | "also"
            | "s"
    )
}

/// A claim's comparable content: its content words, folded, one per line.
/// `pipeline::numbering` numbers them as it reads them, from the two steps
/// below, so that comparing two claims compares two sorted lists of integers.
#[cfg(test)]
pub fn content_words(sentence: &str) -> String {
    let mut out = String::new();
    for word in written_words(sentence) {
        if fold_content_word(word, &mut out) {
            out.push('\n');
        }
    }
    out
}

/// The words of a sentence that may be content words, as written: runs of
/// letters and digits of more than two bytes, not all digits.
pub fn written_words(sentence: &str) -> impl Iterator<Item = &str> {
    crate::text::alphanumeric_runs(sentence).filter(|w| w.len() > 2 && !w.bytes().all(|b| b.is_ascii_digit()))
}

/// A word of [`written_words`] folded onto the end of `out`; false, and
/// `out` left as it was, for a stop word.
pub fn fold_content_word(word: &str, out: &mut String) -> bool {
    let start = out.len();
    if word.is_ascii() {
        // A run of ASCII letters and digits folds to its lower case.
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        crate::text::fold_into(word, out);
    }
    if is_stopword(&out[start..]) {
        out.truncate(start);
        return false;
    }
    true
}

/// Shared over all, of two sorted lists without repeats (words or actors).
fn jaccard_sorted<T: Ord>(a: &[T], b: &[T]) -> f64 {
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

/// What merging needs to know of a claim.
pub struct ClaimView<'a> {
    pub claim: &'a Claim,
    pub words: &'a [u32],
}

/// The claims of one event, as `merge` found them: indices into its views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Most events are told once or twice: inline, not on the heap.
    pub claims: SmallVec<[usize; 2]>,
    /// The claim whose date the event takes: the narrowest of those that agree.
    pub dated_by: usize,
    pub conflict: bool,
}

/// What a comparison with a group reads first, packed apart from the rest
/// of it: a claim is compared with hundreds of groups, and most are ruled
/// out by these alone, without the cache misses of the group's own lists.
struct Hot<'a> {
    /// The date of the group's claim `dated_by`.
    span: Span,
    /// The first claim's words: what later claims are compared with.
    words: Words<'a>,
    /// One bit for each source and for each sentence the group is told in
    /// ([`bit`]): a clear bit answers "not told there" without reading the
    /// group's own lists (at a gigabyte, a cache miss for most comparisons).
    sources: u64,
    sentences: u64,
}

impl<'a> Hot<'a> {
    fn new(span: Span, words: &'a [u32], (source, sentence): (SourceId, usize)) -> Self {
        let mut hot = Hot { span, words: Words::new(words), sources: 0, sentences: 0 };
        hot.tell(source, sentence);
        hot
    }

    fn tell(&mut self, source: SourceId, sentence: usize) {
        self.sources |= bit(source.index());
        self.sentences |= sentence_bit(source, sentence);
    }

    fn maybe_in_source(&self, source: SourceId) -> bool {
        self.sources & bit(source.index()) != 0
    }

    fn maybe_told(&self, source: SourceId, sentence: usize) -> bool {
        self.sentences & sentence_bit(source, sentence) != 0
    }
}

/// The bit of a sentence (its source and where it starts).
fn sentence_bit(source: SourceId, sentence: usize) -> u64 {
    bit(source.index() ^ sentence.rotate_left(17))
}

/// One of 64 bits for a number, spread by a multiplicative hash.
fn bit(n: usize) -> u64 {
    1 << ((n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// A claim's words (sorted ids) with what bounds, in a few instructions,
/// how many it can share with another's: which of 128 bits they set (a
/// word's id mod 128), and how many of them set a bit another set first.
/// Not 64 bits: the eighty words of a long sentence set most of 64, and
/// the bound then rules nothing out.
#[derive(Clone, Copy)]
struct Words<'a> {
    ids: &'a [u32],
    signature: u128,
    collided: usize,
}

impl<'a> Words<'a> {
    fn new(ids: &'a [u32]) -> Self {
        let signature = ids.iter().fold(0u128, |bits, &w| bits | 1 << (w % 128));
        Words { ids, signature, collided: ids.len() - signature.count_ones() as usize }
    }

    /// At least as many words as the two share: each shared word sets a
    /// bit in both signatures, and a bit stands for more than one word
    /// only where words collided.
    fn shared_at_most(&self, other: &Words) -> usize {
        let bits = (self.signature & other.signature).count_ones() as usize;
        (bits + self.collided.min(other.collided)).min(self.ids.len()).min(other.ids.len())
    }

    /// At least how alike the two are (shared over the union): the bound
    /// [`words_alike`] rules pairs out by.
    fn shared_at_most_share(&self, other: &Words) -> f64 {
        let shared_at_most = self.shared_at_most(other);
        let union_at_least = self.ids.len() + other.ids.len() - shared_at_most;
        if union_at_least == 0 {
            return 0.0;
        }
        shared_at_most as f64 / union_at_least as f64
    }
}

/// A group of claims being built into an event. It borrows what it can
/// from its claims: at a gigabyte there are a million groups.
struct Group<'a> {
    claims: SmallVec<[usize; 2]>,
    dated_by: usize,
    kind: &'a str,
    actors: Actors,
    told: Told,
    conflict: bool,
    /// What the index files it under.
    filing: Filing,
}

/// Where a group's claims are told: (source, sentence start), once each.
/// Most groups are told a few times, in a short sorted list; a fact that
/// a corpus repeats is told tens of thousands of times, and every claim of
/// its date asks whether it is told there: a hash set then (seeded: the
/// places are the document's), with its few sources apart (as a tree,
/// each question was a walk of cache misses).
enum Told {
    Few(SmallVec<[(SourceId, usize); 1]>),
    Many { told: crate::seeded::Set<(SourceId, usize)>, sources: SmallVec<[SourceId; 2]> },
}

impl Told {
    /// Beyond this many, a set.
    const FEW: usize = 64;

    fn in_source(&self, source: SourceId) -> bool {
        match self {
            Told::Few(list) => {
                let at = list.partition_point(|&(s, _)| s < source);
                list.get(at).is_some_and(|&(s, _)| s == source)
            }
            Told::Many { sources, .. } => sources.binary_search(&source).is_ok(),
        }
    }

    fn contains(&self, told: (SourceId, usize)) -> bool {
        match self {
            Told::Few(list) => list.binary_search(&told).is_ok(),
            Told::Many { told: set, .. } => set.contains(&told),
        }
    }

    fn add(&mut self, told: (SourceId, usize)) {
        match self {
            Told::Few(list) if list.len() < Self::FEW => {
                if let Err(at) = list.binary_search(&told) {
                    list.insert(at, told);
                }
            }
            Told::Few(list) => {
                let mut sources: SmallVec<[SourceId; 2]> = list.iter().map(|&(s, _)| s).collect();
                sources.dedup(); // the list is sorted
                let mut many = Told::Many { told: list.drain(..).collect(), sources };
                many.add(told);
                *self = many;
            }
            Told::Many { told: set, sources } => {
                if set.insert(told) {
                    if let Err(at) = sources.binary_search(&told.0) {
                        sources.insert(at, told.0);
                    }
                }
            }
        }
    }
}

/// A group's actors, sorted, once each. A happening names few; but one
/// source can tell a day's happenings in thousands of clauses that all
/// join one group, and keeping (and refiling by) all their actors would
/// cost more at every clause.
enum Actors {
    Few(crate::model::Actors),
    /// More than twice as many as any claim of the kind names: no claim
    /// can then be half alike with them (its share is at most its own
    /// count over the group's), so they are no longer kept.
    TooMany,
}

impl Actors {
    fn as_slice(&self) -> &[EntityId] {
        match self {
            Actors::Few(list) => list,
            Actors::TooMany => &[],
        }
    }

    /// Adds a claim's actors (sorted, once each); whether the list changed.
    fn join(&mut self, actors: &[EntityId], most_in_a_claim: usize) -> bool {
        let Actors::Few(list) = self else { return false };
        let before = list.len();
        for &a in actors {
            if let Err(at) = list.binary_search(&a) {
                list.insert(at, a);
            }
        }
        if list.len() > 2 * most_in_a_claim {
            *self = Actors::TooMany;
            return false;
        }
        list.len() != before
    }
}

/// Groups claims (given in date order) into events. Claims of one kind are
/// only ever compared with each other, and with groups of their own year:
/// a kind's claims fall into runs of years that no group spans
/// ([`independent_runs`]), merged in parallel, or read from `kept`. The
/// groups come back by kind, then in the order they were made. The result
/// borrows nothing, so the views and their words can go before events are
/// built.
pub fn merge(views: &[ClaimView<'_>], identities: &Identities, kept: &dyn KeptRuns) -> Vec<Merged> {
    // A dozen kinds: a list searched, not a tree (millions of claims ask).
    let mut by_kind: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, v) in views.iter().enumerate() {
        let kind = v.claim.kind.as_str();
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, claims)) => claims.push(i),
            None => by_kind.push((kind, vec![i])),
        }
    }
    by_kind.sort_unstable_by_key(|&(kind, _)| kind);
    let kinds: Vec<Vec<usize>> = by_kind.into_iter().map(|(_, claims)| claims).collect();
    let runs: Vec<&[usize]> = kinds.iter().flat_map(|claims| independent_runs(views, claims)).collect();
    let sizes: Vec<usize> = runs.iter().map(|run| run.len()).collect();
    let parts = largest_first(&sizes, |r| {
        let run = runs[r];
        let key = kept.worth_keeping(run.len()).then(|| run_key(views, identities, run));
        if let Some(merged) = key.and_then(|key| kept.get(key)).and_then(|groups| from_kept(&groups, run)) {
            return merged;
        }
        let merged = merge_run(views, identities, run);
        if let Some(key) = key {
            kept.put(key, &to_kept(&merged, run));
        }
        merged
    });
    let mut merged = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    parts.into_iter().for_each(|part| merged.extend(part));
    merged
}

/// Runs of `of_kind` (in date order) that share no group: a run ends
/// before a year that no claim of it is filed under. A claim is compared
/// only with groups filed under its year, and a group only under the years
/// of its first claim, so a run merges alone as it would among the rest.
/// Most claims date a day, a month or a year: a run is a year.
fn independent_runs<'a>(views: &[ClaimView<'_>], of_kind: &'a [usize]) -> impl Iterator<Item = &'a [usize]> {
    let mut filed_until = i32::MIN;
    let mut start = 0;
    let mut ends = Vec::new();
    for (at, &i) in of_kind.iter().enumerate() {
        let (first, years) = filing_years(views[i].claim);
        if first > filed_until && at > start {
            ends.push(at);
            start = at;
        }
        filed_until = filed_until.max(*years.end());
    }
    ends.push(of_kind.len());
    let mut from = 0;
    ends.into_iter().map(move |end| {
        let run = &of_kind[from..end];
        from = end;
        run
    })
}

/// The year a claim is compared in, and the years a group it starts is
/// filed under (a century at most).
fn filing_years(claim: &Claim) -> (i32, std::ops::RangeInclusive<i32>) {
    let first = claim.date.year_of();
    (first, first..=claim.date.end.year().min(first + 100))
}

/// Counted over the claims of a run: what merging it reads depends on
/// nothing else, so a run that is the same merges the same.
struct Counts<'a> {
    words: Rarity<'a>,
    actors: Rarity<'a>,
    most_actors: usize,
}

impl<'a> Counts<'a> {
    fn of(views: &[ClaimView<'_>], identities: &'a Identities, run: &[usize]) -> Self {
        Counts {
            words: Rarity::count(run.iter().map(|&i| views[i].words), &identities.words),
            actors: Rarity::count(run.iter().map(|&i| views[i].claim.actors.as_slice()), &identities.actors),
            most_actors: run.iter().map(|&i| views[i].claim.actors.len()).max().unwrap_or(0),
        }
    }
}

/// `work` done for each of `sizes` on every core, each core taking the
/// largest left when it is free; the results in the given order. A large
/// run started last would keep one core busy alone at the end (at a
/// gigabyte, kinds merged whole in name order took 18.6 s on two cores,
/// when their shares were 14.1 s each).
fn largest_first<T: Send>(sizes: &[usize], work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<T>>> = sizes.iter().map(|_| Mutex::new(None)).collect();
    rayon::scope(|scope| {
        for _ in 0..rayon::current_num_threads().min(sizes.len()) {
            scope.spawn(|_| {
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = work(i);
                    *results[i].lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
                }
            });
        }
    });
    let done = |r: Mutex<Option<T>>| r.into_inner().unwrap_or_else(PoisonError::into_inner).expect("every run done");
    results.into_iter().map(done).collect()
}

/// Merges a run of claims of one kind (indices into `views`, in date
/// order). A claim is compared only with groups of its year that share a
/// token with it, so this stays near linear as the corpus grows.
fn merge_run(views: &[ClaimView<'_>], identities: &Identities, run: &[usize]) -> Vec<Merged> {
    merge_run_as::<false>(views, identities, run)
}

/// [`merge_run`], or with `EVERY_GROUP` (for tests) comparing each claim
/// with every group of its year: the index must find the same.
fn merge_run_as<const EVERY_GROUP: bool>(
    views: &[ClaimView<'_>],
    identities: &Identities,
    run: &[usize],
) -> Vec<Merged> {
    let counts = Counts::of(views, identities, run);
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut hot: Vec<Hot<'_>> = Vec::new();
    let (mut filings, mut asked) = (Filings::default(), Asked::default());
    let mut seen = Seen::default();
    for &i in run {
        let v = &views[i];
        let claim = v.claim;
        let mut actors = claim.actors.clone();
        actors.sort_unstable();
        actors.dedup();
        let telling = claim.kind != "other";
        asked.ask(telling, claim.source, &counts.actors, &actors);
        asked.ask_words(&counts.words, v.words);
        let span = claim.date.span();
        let words = Words::new(v.words);
        let year = claim.date.year_of();
        let judge = |g: usize| same_happening(&hot[g], &groups[g], v, words, span, &actors);
        let target = if EVERY_GROUP {
            let of_year = (0..groups.len()).filter(|&g| groups[g].filing.covers(year));
            first_joined(of_year.map(|g| g as u32), &mut seen, judge)
        } else {
            filings.first_joined(year, &asked, v.words.len() as u32, span, telling, &mut seen, judge)
        };
        match target {
            Some(at) => {
                let g = &mut groups[at];
                if !hot[at].span.compatible(span) {
                    g.conflict = true;
                } else if span.days() < hot[at].span.days() {
                    hot[at].span = span;
                    g.dated_by = i;
                }
                g.claims.push(i);
                g.told.add((claim.source, claim.sentence.start));
                hot[at].tell(claim.source, claim.sentence.start);
                let more_actors = g.actors.join(&actors, counts.most_actors);
                asked.ask(telling, claim.source, &counts.actors, if more_actors { g.actors.as_slice() } else { &[] });
                let filed = Filed { group: at as u32, words: hot[at].words.ids.len() as u32, date: hot[at].span };
                filings.refile(filed, &mut g.filing, &asked);
            }
            None => {
                let mut g = Group {
                    claims: smallvec![i],
                    dated_by: i,
                    kind: &claim.kind,
                    actors: Actors::Few(actors),
                    told: Told::Few(smallvec![(claim.source, claim.sentence.start)]),
                    conflict: false,
                    filing: Filing::new(filing_years(claim).1),
                };
                let group = u32::try_from(groups.len()).expect("fewer than 4 G groups in a run");
                filings.file(Filed { group, words: v.words.len() as u32, date: span }, &mut g.filing, &asked);
                groups.push(g);
                hot.push(Hot::new(span, v.words, (claim.source, claim.sentence.start)));
            }
        }
    }
    groups.into_iter().map(|g| Merged { claims: g.claims, dated_by: g.dated_by, conflict: g.conflict }).collect()
}

/// Whether the claim tells the happening of the group. The cheap tests
/// come first (the packed date, then the word counts), the group's own
/// lists last; the order changes no answer, only what is read. `date` is
/// the claim's, taken once for all its candidates.
fn same_happening(hot: &Hot, g: &Group, v: &ClaimView, words: Words, date: Span, actors: &[EntityId]) -> bool {
    let claim = v.claim;
    // `merge` only compares claims with groups of their own kind; `other` says too little.
    debug_assert_eq!(g.kind, claim.kind);
    // Two dates of one sentence are two happenings: asked first, as such
    // claims share all their words (a long sentence's make the costliest
    // comparisons).
    let (source, sentence) = (claim.source, claim.sentence.start);
    if hot.maybe_told(source, sentence) && g.told.contains((source, sentence)) {
        return false;
    }
    let telling = claim.kind != "other";
    let same_source = || hot.maybe_in_source(source) && g.told.in_source(source);
    let actors_alike = || !actors.is_empty() && jaccard_sorted(g.actors.as_slice(), actors) >= 0.5;
    // A source that repeats itself needs no shared actors.
    let related = || same_source() || actors_alike();
    if hot.span.compatible(date) {
        if !telling {
            return words_alike(&hot.words, &words, 0.5).is_some();
        }
        // Alike by half, it joins; by a tenth, if related; less, if the
        // same source tells both. So a claim of the group's source joins
        // whatever its words, and the others are asked the cheapest first:
        // the words' bound (the packed group alone), then the actors, and
        // only then the words themselves (a read of the group's list).
        // A period (`since 2013`) and a month or a day inside it are two
        // happenings, whoever tells them: only their words may join them.
        let period = |s: Span| s.days() > 366;
        if same_source() && period(hot.span) == period(date) {
            return true;
        }
        if words.shared_at_most_share(&hot.words) < 0.5 {
            return actors_alike() && words_alike(&hot.words, &words, 0.1).is_some();
        }
        match words_alike(&hot.words, &words, 0.1) {
            Some(w) => w >= 0.5 || actors_alike(),
            None => false,
        }
    } else {
        // Two dates for one happening: the same actors and words, the same year.
        telling && hot.span.year() == date.year() && words_alike(&hot.words, &words, 0.6).is_some() && related()
    }
}

/// How alike the group's words and the claim's are, when at least `least`.
/// The signatures bound how many they share, and the bound rules most
/// pairs out without reading either list.
fn words_alike(group: &Words, claim: &Words, least: f64) -> Option<f64> {
    // Rounding is monotone, so the bound is never below the exact quotient.
    if group.shared_at_most_share(claim) < least {
        return None;
    }
    Some(jaccard_sorted(group.ids, claim.ids)).filter(|&w| w >= least)
}

#[cfg(test)]
mod tests;
