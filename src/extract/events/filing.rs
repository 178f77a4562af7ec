//! How merging finds the groups a claim could join: groups filed by the
//! rarest tokens of their claims, each key keeping its latest few.

use crate::model::{EntityId, SourceId, Span};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::collections::VecDeque;
use std::ops::RangeInclusive;

/// What a group is filed under. A claim can only join a group that shares
/// its source, or is at least half alike in actors or in words; two sets
/// alike by half share one of their rarest ⌊n/2⌋+1 members (prefix
/// filtering), so those members are the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Token {
    Source(u32),
    Actor(u32),
    Word(u32),
}

impl Token {
    // Ids as 32 bits keep the index small: a corpus has fewer than 4 G
    // sources or entities long before memory runs out.
    pub fn source(id: SourceId) -> Self {
        Token::Source(id.index() as u32)
    }

    pub fn actor(id: EntityId) -> Self {
        Token::Actor(id.index() as u32)
    }
}

/// What a group is filed under: its years, and the tokens it is filed by (sorted).
pub struct Filing {
    years: RangeInclusive<i32>,
    tokens: Vec<Token>,
}

impl Filing {
    pub fn new(years: RangeInclusive<i32>) -> Self {
        // Most groups are filed by their source, a few actors and words:
        // made room for once, not grown three times.
        Filing { years, tokens: Vec::with_capacity(8) }
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }
}

/// What a claim is looked up by (and a group it starts filed by): its
/// source and rarest actors, and apart, its rarest words.
#[derive(Default)]
pub struct Asked {
    related: Vec<Token>,
    worded: Vec<Token>,
    rare: Vec<(u32, u64, usize)>,
}

impl Asked {
    /// Asks by `source` and the rarest of `actors` (sorted, once each),
    /// for a claim of a kind that tells. One that tells nothing joins only
    /// a group alike by half in words, which its words find: it asks by
    /// nothing else, and its groups are filed by nothing else (a run-on of
    /// such clauses read sixty of its source's groups for each).
    pub fn ask(&mut self, telling: bool, source: SourceId, rarity: &Rarity, actors: &[EntityId]) {
        self.related.clear();
        if !telling {
            return;
        }
        self.related.push(Token::source(source));
        rarity.prefix(actors, &mut self.rare);
        self.related.extend(self.rare.iter().map(|&(_, _, a)| Token::actor(EntityId::from(a))));
    }

    /// Asks by the rarest of `words` too.
    pub fn ask_words(&mut self, rarity: &Rarity, words: &[u32]) {
        rarity.prefix(words, &mut self.rare);
        self.worded.clear();
        self.worded.extend(self.rare.iter().map(|&(_, _, w)| Token::Word(w as u32)));
    }
}

/// The groups of a run, filed by their sources and actors, and apart by
/// their words (what is ruled out differs).
#[derive(Default)]
pub struct Filings {
    by_relation: Index<Filed>,
    by_words: Index<Filed>,
}

impl Filings {
    /// A new group, filed by what its first claim `asked`.
    pub fn file(&mut self, group: Filed, filing: &mut Filing, asked: &Asked) {
        self.by_relation.file(group, filing, asked.related.iter().copied());
        self.by_words.file(group, filing, asked.worded.iter().copied());
    }

    /// A group a claim joined, filed by that claim's source and actors: a
    /// group is looked up by every source that tells it, and by its actors.
    pub fn refile(&mut self, group: Filed, filing: &mut Filing, asked: &Asked) {
        self.by_relation.file(group, filing, asked.related.iter().copied());
    }

    /// The first group made that a claim that `asked`, with `words` words,
    /// dated `date`, of a kind that tells or not, could join (see
    /// [`Filed`]) and `joins`. A loop, not a chain of iterators: a run-on's
    /// claim reads 150 filings, and the chain's steps each cost a call.
    #[allow(clippy::too_many_arguments)] // what a claim is asked by, and its answer
    pub fn first_joined(
        &self,
        year: i32,
        asked: &Asked,
        words: u32,
        date: Span,
        telling: bool,
        seen: &mut Seen,
        mut joins: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        seen.claim += 1;
        let mut first = None;
        self.by_relation.each_filed(year, &asked.related, |filed| {
            if filed.may_join_related(words, date, telling) {
                seen.consider(filed.group as usize, &mut first, &mut joins);
            }
        });
        self.by_words.each_filed(year, &asked.worded, |filed| {
            if filed.may_join_by_words(words, date) {
                seen.consider(filed.group as usize, &mut first, &mut joins);
            }
        });
        first
    }
}

/// How many groups of one token and year a claim is compared with at most:
/// the latest, nearest in date. Lists grow with the corpus (every event of a
/// year naming Mali); bounding them keeps merging linear. The events of the
/// bundled corpus, and of 10 MB and 100 MB synthetic ones, are the same
/// with the bound as without it.
pub const RECENT: usize = 64;

/// Groups of one kind by (year, token): the latest [`RECENT`] filed under
/// each key, read as one run (walked as a chain of links, one cache miss
/// each, they took most of merging at a gigabyte). Most keys (a rare word in
/// a year) hold one group, which stands in the map itself. An entry is a
/// group's number, or what rules the group out without reading it
/// ([`Filed`]).
pub struct Index<E> {
    latest: FxHashMap<(i32, Token), Slot<E>>,
    /// The groups of keys that hold several, oldest first (a ring: the
    /// oldest is let go of in place, not by moving the rest).
    shared: Vec<VecDeque<E>>,
}

/// A key's one group, or which of `shared` holds its groups.
enum Slot<E> {
    One(E),
    Shared(u32),
}

impl<E> Default for Index<E> {
    fn default() -> Self {
        Index { latest: FxHashMap::default(), shared: Vec::new() }
    }
}

impl<E: Copy> Index<E> {
    /// Files `entry` (of the group whose filing is `filing`) by those of
    /// `tokens` it is not filed by yet, under each of its years.
    pub fn file(&mut self, entry: E, filing: &mut Filing, tokens: impl IntoIterator<Item = Token>) {
        for token in tokens {
            // Sorted: a fact told in thousands of sources is filed by each.
            if let Err(at) = filing.tokens.binary_search(&token) {
                filing.tokens.insert(at, token);
                for year in filing.years.clone() {
                    self.add((year, token), entry);
                }
            }
        }
    }

    fn add(&mut self, key: (i32, Token), entry: E) {
        let slot = match self.latest.entry(key) {
            Entry::Vacant(vacant) => {
                vacant.insert(Slot::One(entry));
                return;
            }
            Entry::Occupied(occupied) => occupied.into_mut(),
        };
        match *slot {
            Slot::One(first) => {
                self.shared.push(VecDeque::from([first, entry]));
                *slot = Slot::Shared((self.shared.len() - 1) as u32);
            }
            Slot::Shared(at) => {
                let groups = &mut self.shared[at as usize];
                if groups.len() == RECENT {
                    groups.pop_front();
                }
                groups.push_back(entry);
            }
        }
    }

    /// The groups the claim could join: of each token's filings the latest
    /// [`RECENT`], the groups nearest in date, in no order and with repeats
    /// (sorting them took a sixth of merging), read where they are filed
    /// (copying them out took a tenth).
    #[inline]
    pub fn each_filed(&self, year: i32, tokens: &[Token], mut each: impl FnMut(&E)) {
        for &token in tokens {
            match self.latest.get(&(year, token)) {
                None => {}
                Some(Slot::One(entry)) => each(entry),
                Some(Slot::Shared(at)) => {
                    let (older, newer) = self.shared[*at as usize].as_slices();
                    older.iter().for_each(&mut each);
                    newer.iter().for_each(&mut each);
                }
            }
        }
    }
}

/// A group as its index holds it: with its date and how many words it
/// has, which rule out most of the groups a claim's tokens find without
/// reading them (at a gigabyte, a cache miss each).
#[derive(Clone, Copy)]
pub struct Filed {
    pub group: u32,
    pub words: u32,
    /// The group's date when it was filed. A group's date only narrows,
    /// within it: a claim that does not meet it is never nested with the group.
    pub date: Span,
}

impl Filed {
    /// Whether a claim with `words` words dated `date` could join the group
    /// by words alone: their dates nested (so meeting), their words alike
    /// by half (so their counts within twice of each other). A group the
    /// claim is related to (a shared source, alike actors) is filed by
    /// those too, and found there.
    pub fn may_join_by_words(&self, words: u32, date: Span) -> bool {
        self.meets(date) && self.alike_counts(words, 1, 2)
    }

    /// Whether a related claim could join: its date nested with the
    /// group's, or one more date of the group's happening (words alike by
    /// 0.6: their counts within 5/3 of each other; only kinds that tell).
    pub fn may_join_related(&self, words: u32, date: Span, telling: bool) -> bool {
        self.meets(date) || (telling && self.alike_counts(words, 3, 5))
    }

    fn meets(&self, date: Span) -> bool {
        date.start <= self.date.end && self.date.start <= date.end
    }

    /// Whether the smaller count is at least `part / whole` of the larger:
    /// no two lists are more alike (shared over union) than that.
    fn alike_counts(&self, words: u32, part: u64, whole: u64) -> bool {
        let (few, many) = (self.words.min(words) as u64, self.words.max(words) as u64);
        whole * few >= part * many
    }
}

/// Numbered densely from 0, as words and entities are: what [`Rarity`]
/// counts by.
pub trait Dense: Copy {
    fn dense(self) -> usize;
}

impl Dense for u32 {
    fn dense(self) -> usize {
        self as usize
    }
}

impl Dense for EntityId {
    fn dense(self) -> usize {
        self.index()
    }
}

/// Orders tokens rarest first, the order prefix filtering needs. Counted
/// in a list by the token's number: a lookup for every word of every
/// claim, twice, is most of what filing costs. Ties go by a hash of the
/// token's text (`ties`, by number), not by its number: numbers shift when
/// a document is added elsewhere, and a run's merging must not.
pub struct Rarity<'a> {
    counts: Vec<u32>,
    ties: &'a [u64],
}

impl<'a> Rarity<'a> {
    pub fn count<'t, T: Dense + 't>(lists: impl Iterator<Item = &'t [T]>, ties: &'a [u64]) -> Self {
        let mut counts: Vec<u32> = Vec::new();
        for t in lists.flatten() {
            let at = t.dense();
            if at >= counts.len() {
                counts.resize(at + 1, 0);
            }
            counts[at] = counts[at].saturating_add(1);
        }
        Rarity { counts, ties }
    }

    /// The rarest ⌊n/2⌋+1 of `items` (all of them when fewer), into `out`
    /// (emptied first) as (count, tie, number), in no order: selected, not
    /// sorted (a long sentence's claims have eighty words).
    pub fn prefix<T: Dense>(&self, items: &[T], out: &mut Vec<(u32, u64, usize)>) {
        out.clear();
        // Each count looked up once, not at every comparison.
        out.extend(items.iter().map(|t| {
            let at = t.dense();
            (self.counts.get(at).copied().unwrap_or(0), self.ties.get(at).copied().unwrap_or(0), at)
        }));
        let keep = out.len() / 2 + 1;
        if keep < out.len() {
            out.select_nth_unstable(keep - 1);
            out.truncate(keep);
        }
    }
}

/// Which groups the current claim has been compared with.
#[derive(Default)]
pub struct Seen {
    /// Per group, the last claim (counted from 1) compared with it.
    by_group: Vec<u32>,
    claim: u32,
}

impl Seen {
    /// Compares the current claim with group `g` unless it was already, or
    /// a group made before it joins: `first` is the first that joins yet.
    #[inline]
    fn consider(&mut self, g: usize, first: &mut Option<usize>, joins: &mut impl FnMut(usize) -> bool) {
        if first.is_some_and(|f| g > f) {
            return;
        }
        if g >= self.by_group.len() {
            self.by_group.resize(g + 1, 0); // a group made since the last claim
        }
        if std::mem::replace(&mut self.by_group[g], self.claim) != self.claim && joins(g) {
            *first = Some(g);
        }
    }
}

/// The first group made of `candidates` (in any order, with repeats) that
/// `joins`: each compared once, and none made after one found.
pub fn first_joined(
    candidates: impl IntoIterator<Item = u32>,
    seen: &mut Seen,
    mut joins: impl FnMut(usize) -> bool,
) -> Option<usize> {
    seen.claim += 1;
    let mut first: Option<usize> = None;
    for g in candidates {
        seen.consider(g as usize, &mut first, &mut joins);
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn candidates(index: &Index<u32>, year: i32, tokens: &[Token]) -> Vec<u32> {
        let mut all = Vec::new();
        index.each_filed(year, tokens, |&g| all.push(g));
        all
    }

    #[test]
    fn a_key_keeps_its_latest_groups() {
        let mut index = Index::default();
        let word = Token::Word(7);
        for group in 0..100 {
            index.file(group, &mut Filing::new(2012..=2013), [word, Token::source(SourceId::from(group as usize % 3))]);
        }
        assert_eq!(candidates(&index, 2013, &[word]), (100 - RECENT as u32..100).collect::<Vec<_>>());
        assert!(candidates(&index, 2014, &[word]).is_empty(), "not filed under 2014");
        let source = [Token::source(SourceId::from(1))];
        assert_eq!(candidates(&index, 2012, &source), (0..100).filter(|g| g % 3 == 1).collect::<Vec<_>>());
    }

    #[test]
    fn a_group_is_filed_by_a_token_once() {
        let (mut index, mut filing) = (Index::default(), Filing::new(2012..=2012));
        index.file(5, &mut filing, [Token::Actor(1), Token::Actor(1)]);
        index.file(5, &mut filing, [Token::Actor(1), Token::Word(2)]);
        assert_eq!(candidates(&index, 2012, &[Token::Actor(1), Token::Word(2)]), [5, 5]);
    }

    proptest! {
        /// Whatever the order and repeats, the answer is the first group
        /// made that joins, as in sorted order, and none is compared twice.
        #[test]
        fn the_first_group_that_joins_is_found_in_any_order(
            claims in proptest::collection::vec(
                (proptest::collection::vec(0u32..40, 0..60), proptest::collection::btree_set(0usize..40, 0..10)),
                1..5,
            ),
        ) {
            let mut seen = Seen::default();
            for (candidates, joining) in claims {
                let mut sorted = candidates.clone();
                sorted.sort_unstable();
                sorted.dedup();
                let expected = sorted.iter().map(|&g| g as usize).find(|g| joining.contains(g));
                let mut compared = Vec::new();
                let found = first_joined(candidates.iter().copied(), &mut seen, |g| {
                    compared.push(g);
                    joining.contains(&g)
                });
                prop_assert_eq!(found, expected);
                let once = compared.len();
                compared.sort_unstable();
                compared.dedup();
                prop_assert_eq!(compared.len(), once, "compared twice");
            }
        }
    }
}
