//! A document's mentions indexed by where they start, so that asking what
//! overlaps a range costs a lookup, not a scan of every mention: documents
//! with a hundred thousand names stay linear.

use super::entities::DocMention;
use std::collections::BTreeMap;
use std::ops::Range;

/// Mentions keyed by (start, end, insertion order), as 32-bit numbers (a
/// text is under 4 GiB): a document of capitalised words holds millions.
#[derive(Debug, Default)]
pub struct Spans {
    map: BTreeMap<(u32, u32, u32), DocMention>,
    /// The longest range held: no range starting further back can reach a query.
    longest: usize,
    inserted: usize,
}

/// Mentions given at once are built into the tree in one go: its nodes
/// full, where inserting one by one, in order, leaves them half empty (a
/// tenth of the peak memory of a document of capitalised words).
impl FromIterator<DocMention> for Spans {
    fn from_iter<I: IntoIterator<Item = DocMention>>(mentions: I) -> Self {
        let mut longest = 0;
        let map: BTreeMap<_, _> = (mentions.into_iter().enumerate())
            .map(|(i, m)| {
                longest = longest.max(m.range.len());
                ((narrow(m.range.start), narrow(m.range.end), narrow(i)), m)
            })
            .collect();
        let inserted = map.len();
        Spans { map, longest, inserted }
    }
}

impl Spans {
    pub fn insert(&mut self, m: DocMention) {
        self.longest = self.longest.max(m.range.len());
        self.map.insert((narrow(m.range.start), narrow(m.range.end), narrow(self.inserted)), m);
        self.inserted += 1;
    }

    fn starting_near(&self, r: &Range<usize>) -> impl Iterator<Item = &DocMention> {
        let from = r.start.saturating_sub(self.longest);
        self.map.range((narrow(from), 0, 0)..(narrow(r.end.max(from)), 0, 0)).map(|(_, m)| m)
    }

    /// The mentions sharing at least one byte with `r`.
    pub fn overlapping<'a>(&'a self, r: &'a Range<usize>) -> impl Iterator<Item = &'a DocMention> {
        self.starting_near(r).filter(move |m| m.range.start < r.end && r.start < m.range.end)
    }

    /// The mentions lying inside `r`.
    pub fn within<'a>(&'a self, r: &'a Range<usize>) -> impl Iterator<Item = &'a DocMention> {
        let (start, end) = (narrow(r.start), narrow(r.end + 1));
        self.map.range((start, 0, 0)..(end, 0, 0)).map(|(_, m)| m).filter(move |m| m.range.end <= r.end)
    }

    pub fn remove_within(&mut self, r: &Range<usize>) {
        let keys: Vec<_> =
            self.map.range((narrow(r.start), 0, 0)..(narrow(r.end + 1), 0, 0)).map(|(k, _)| *k).collect();
        keys.into_iter().filter(|k| k.1 as usize <= r.end).for_each(|k| {
            self.map.remove(&k);
        });
    }

    /// The mentions in the order they were inserted.
    pub fn in_insertion_order(&self) -> Vec<&DocMention> {
        let mut all: Vec<_> = self.map.iter().collect();
        all.sort_by_key(|(k, _)| k.2);
        all.into_iter().map(|(_, m)| m).collect()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// By start, then end, then insertion.
    pub fn into_sorted(self) -> impl Iterator<Item = DocMention> {
        self.map.into_values()
    }

    /// The bytes these mentions cover, for asking often whether a range
    /// meets any of them.
    pub fn covered(&self) -> Covered {
        let mut merged: Vec<Range<usize>> = Vec::new();
        // In order of start: each range joins the last when they overlap.
        for m in self.map.values() {
            match merged.last_mut() {
                Some(last) if m.range.start < last.end => last.end = last.end.max(m.range.end),
                _ => merged.push(m.range.clone()),
            }
        }
        Covered(merged)
    }
}

/// An offset as a key: texts are under 4 GiB (ingest reads no file over 1
/// GiB), and a query past the end asks for everything after it.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Bytes covered, as sorted disjoint ranges: whether a range meets them is
/// one binary search in a flat list (three tree searches were a tenth of
/// the time of a document whose names are many).
#[derive(Debug, Default)]
pub struct Covered(Vec<Range<usize>>);

impl Covered {
    /// Whether `r` shares a byte with what is covered.
    pub fn meets(&self, r: &Range<usize>) -> bool {
        let at = self.0.partition_point(|c| c.end <= r.start);
        self.0.get(at).is_some_and(|c| c.start < r.end)
    }
}

/// Bytes marked a range at a time, a bit each, for asking whether a range
/// meets any marked so far: no tree of what was marked.
pub struct Marked(Vec<u64>);

impl Marked {
    /// Nothing marked in a text of `len` bytes.
    pub fn new(len: usize) -> Self {
        Marked(vec![0; len.div_ceil(64)])
    }

    pub fn meets(&self, r: &Range<usize>) -> bool {
        r.clone().any(|at| self.0[at / 64] & (1 << (at % 64)) != 0)
    }

    pub fn mark(&mut self, r: &Range<usize>) {
        r.clone().for_each(|at| self.0[at / 64] |= 1 << (at % 64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::EntityKey;

    fn m(r: Range<usize>) -> DocMention {
        DocMention { range: r, key: EntityKey::Known(0), name: None, why: None }
    }

    #[test]
    fn lookups_match_a_scan() {
        let ranges = [0..5, 3..20, 10..12, 12..14, 30..31, 40..60];
        let mut spans: Spans = ranges.iter().cloned().map(m).collect();
        for start in 0..65 {
            for end in start..66 {
                let q = start..end;
                let scan: Vec<_> = ranges.iter().filter(|r| r.start < q.end && q.start < r.end).cloned().collect();
                let mut got: Vec<_> = spans.overlapping(&q).map(|m| m.range.clone()).collect();
                got.sort_by_key(|r| (r.start, r.end));
                assert_eq!(got, scan, "overlapping {q:?}");
                assert_eq!(spans.covered().meets(&q), !scan.is_empty(), "meets {q:?}");
                let inside: Vec<_> = ranges.iter().filter(|r| q.start <= r.start && r.end <= q.end).cloned().collect();
                assert_eq!(spans.within(&q).map(|m| m.range.clone()).collect::<Vec<_>>(), inside, "within {q:?}");
            }
        }
        let mut marked = Marked::new(66);
        ranges.iter().for_each(|r| marked.mark(r));
        for start in 0..65 {
            let q = start..start + 1;
            assert_eq!(marked.meets(&q), spans.covered().meets(&q), "marked {q:?}");
        }
        spans.remove_within(&(2..15));
        let left: Vec<_> = spans.into_sorted().map(|m| m.range).collect();
        assert_eq!(left, [0..5, 3..20, 30..31, 40..60]);
    }
}
