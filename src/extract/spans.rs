//! A document's mentions indexed by where they start, so that asking what
//! overlaps a range costs a lookup, not a scan of every mention: documents
//! with a hundred thousand names stay linear.

use super::entities::DocMention;
use std::collections::BTreeSet;
use std::ops::Range;

/// Mentions in the order given, and their places in a tree of 32-bit
/// (start, end, insertion order) keys: a document of capitalised words
/// holds millions, and a tree of bare keys is walked several times faster
/// than one holding the mentions.
#[derive(Debug, Default)]
pub struct Spans {
    /// By insertion; `None` once removed.
    given: Vec<Option<DocMention>>,
    places: BTreeSet<(u32, u32, u32)>,
    /// The longest range held: no range starting further back can reach a query.
    longest: usize,
}

/// Mentions given at once are built into the tree in one go: its nodes
/// full, where inserting one by one, in order, leaves them half empty.
impl FromIterator<DocMention> for Spans {
    fn from_iter<I: IntoIterator<Item = DocMention>>(mentions: I) -> Self {
        let given: Vec<Option<DocMention>> = mentions.into_iter().map(Some).collect();
        let places = given.iter().flatten().enumerate().map(|(i, m)| key(&m.range, i)).collect();
        let longest = given.iter().flatten().map(|m| m.range.len()).max().unwrap_or(0);
        Spans { given, places, longest }
    }
}

impl Spans {
    pub fn insert(&mut self, m: DocMention) {
        self.longest = self.longest.max(m.range.len());
        self.places.insert(key(&m.range, self.given.len()));
        self.given.push(Some(m));
    }

    fn at(&self, place: &(u32, u32, u32)) -> &DocMention {
        self.given[place.2 as usize].as_ref().expect("a place holds a mention")
    }

    fn starting_near(&self, r: &Range<usize>) -> impl Iterator<Item = &DocMention> {
        let from = r.start.saturating_sub(self.longest);
        self.places.range((narrow(from), 0, 0)..(narrow(r.end.max(from)), 0, 0)).map(|p| self.at(p))
    }

    /// The mentions sharing at least one byte with `r`.
    pub fn overlapping<'a>(&'a self, r: &'a Range<usize>) -> impl Iterator<Item = &'a DocMention> {
        self.starting_near(r).filter(move |m| m.range.start < r.end && r.start < m.range.end)
    }

    /// The places of the mentions lying inside `r`.
    fn places_within(&self, r: &Range<usize>) -> impl Iterator<Item = &(u32, u32, u32)> {
        let (start, end, last) = (narrow(r.start), narrow(r.end + 1), r.end);
        self.places.range((start, 0, 0)..(end, 0, 0)).filter(move |p| p.1 as usize <= last)
    }

    /// The mentions lying inside `r`.
    pub fn within<'a>(&'a self, r: &'a Range<usize>) -> impl Iterator<Item = &'a DocMention> {
        self.places_within(r).map(|p| self.at(p))
    }

    pub fn remove_within(&mut self, r: &Range<usize>) {
        let gone: Vec<_> = self.places_within(r).copied().collect();
        for place in gone {
            self.places.remove(&place);
            self.given[place.2 as usize] = None;
        }
    }

    /// The mentions in the order they were inserted.
    pub fn in_insertion_order(&self) -> impl Iterator<Item = &DocMention> {
        self.given.iter().flatten()
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// By start, then end, then insertion.
    pub fn into_sorted(mut self) -> impl Iterator<Item = DocMention> {
        let places = std::mem::take(&mut self.places);
        places.into_iter().map(move |p| self.given[p.2 as usize].take().expect("a place holds a mention"))
    }

    /// Where the mentions are, in no order.
    pub fn ranges(&self) -> impl Iterator<Item = &Range<usize>> {
        self.in_insertion_order().map(|m| &m.range)
    }
}

fn key(range: &Range<usize>, inserted: usize) -> (u32, u32, u32) {
    (narrow(range.start), narrow(range.end), narrow(inserted))
}

/// An offset as a key: texts are under 4 GiB (ingest reads no file over 1
/// GiB), and a query past the end asks for everything after it.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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
                let inside: Vec<_> = ranges.iter().filter(|r| q.start <= r.start && r.end <= q.end).cloned().collect();
                assert_eq!(spans.within(&q).map(|m| m.range.clone()).collect::<Vec<_>>(), inside, "within {q:?}");
            }
        }
        let mut marked = Marked::new(66);
        spans.ranges().for_each(|r| marked.mark(r));
        for start in 0..65 {
            for end in start + 1..66 {
                let q = start..end;
                let scan = ranges.iter().any(|r| r.start < q.end && q.start < r.end);
                assert_eq!(marked.meets(&q), scan, "marked {q:?}");
            }
        }
        spans.insert(m(1..2));
        spans.remove_within(&(2..15));
        let given: Vec<_> = spans.in_insertion_order().map(|m| m.range.clone()).collect();
        assert_eq!(given, [0..5, 3..20, 30..31, 40..60, 1..2]);
        assert_eq!(spans.len(), 5);
        let left: Vec<_> = spans.into_sorted().map(|m| m.range).collect();
        assert_eq!(left, [0..5, 1..2, 3..20, 30..31, 40..60]);
    }
}
