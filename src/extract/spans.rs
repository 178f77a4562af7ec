//! A document's mentions indexed by where they start, so that asking what
//! overlaps a range costs a lookup, not a scan of every mention: documents
//! with a hundred thousand names stay linear.

use super::entities::DocMention;
use std::ops::Range;

/// A mention's place: (start, end, insertion order), in 32 bits each.
type Place = (u32, u32, u32);

/// How many bytes of text one page of places covers, as a power of two.
const PAGE_BITS: u32 = 10;

/// Mentions in the order given, and their places sorted in pages by the
/// text they start in: a query reads the page or two around its range, and
/// an insertion shifts one page. (A tree of the places was walked at about
/// 700 instructions a query; a document of capitalised words asks millions.)
#[derive(Debug, Default)]
pub struct Spans {
    /// By insertion; `None` once removed.
    given: Vec<Option<DocMention>>,
    /// Page `p` holds the places starting in bytes `p << PAGE_BITS` on, sorted.
    pages: Vec<Vec<Place>>,
    /// The longest range held: no range starting further back can reach a query.
    longest: usize,
}

impl FromIterator<DocMention> for Spans {
    fn from_iter<I: IntoIterator<Item = DocMention>>(mentions: I) -> Self {
        let mut spans = Spans { given: mentions.into_iter().map(Some).collect(), ..Spans::default() };
        for (i, m) in spans.given.iter().flatten().enumerate() {
            spans.longest = spans.longest.max(m.range().len());
            let page = page_of(m.range().start);
            if spans.pages.len() <= page {
                spans.pages.resize_with(page + 1, Vec::new);
            }
            spans.pages[page].push(key(&m.range(), i));
        }
        spans.pages.iter_mut().for_each(|page| page.sort_unstable());
        spans
    }
}

impl Spans {
    pub fn insert(&mut self, m: DocMention) {
        self.longest = self.longest.max(m.range().len());
        let place = key(&m.range(), self.given.len());
        let page = page_of(m.range().start);
        if self.pages.len() <= page {
            self.pages.resize_with(page + 1, Vec::new);
        }
        let page = &mut self.pages[page];
        page.insert(page.partition_point(|p| *p < place), place);
        self.given.push(Some(m));
    }

    fn at(&self, place: &Place) -> &DocMention {
        self.given[place.2 as usize].as_ref().expect("a place holds a mention")
    }

    /// The places starting in `from..to`, in order.
    fn starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Place> {
        let pages = match to > from {
            true => {
                &self.pages
                    [page_of(from).min(self.pages.len())..page_of(to - 1).saturating_add(1).min(self.pages.len())]
            }
            false => &[][..],
        };
        pages.iter().flat_map(move |page| {
            let first = page.partition_point(|p| (p.0 as usize) < from);
            page[first..].iter().take_while(move |p| (p.0 as usize) < to)
        })
    }

    /// The mentions sharing at least one byte with `r`.
    pub fn overlapping<'a>(&'a self, r: &'a Range<usize>) -> impl Iterator<Item = &'a DocMention> {
        let from = r.start.saturating_sub(self.longest);
        // Told by the places, which hold the ranges: only mentions that
        // overlap are read (each read is a cache miss in a text of names).
        let near = self.starting_in(from, r.end.max(from));
        near.filter(move |p| (p.0 as usize) < r.end && r.start < p.1 as usize).map(|p| self.at(p))
    }

    /// The places of the mentions lying inside `r`, in order.
    fn places_within(&self, r: &Range<usize>) -> impl Iterator<Item = &Place> {
        let last = r.end;
        self.starting_in(r.start, r.end.saturating_add(1)).filter(move |p| p.1 as usize <= last)
    }

    /// The mentions lying inside `r`, by start, then end, then insertion.
    pub fn within<'a>(&'a self, r: &'a Range<usize>) -> impl Iterator<Item = &'a DocMention> {
        self.places_within(r).map(|p| self.at(p))
    }

    pub fn remove_within(&mut self, r: &Range<usize>) {
        let gone: Vec<Place> = self.places_within(r).copied().collect();
        for place in gone {
            let page = &mut self.pages[page_of(place.0 as usize)];
            if let Ok(at) = page.binary_search(&place) {
                page.remove(at);
            }
            self.given[place.2 as usize] = None;
        }
    }

    /// The mentions in the order they were inserted.
    pub fn in_insertion_order(&self) -> impl Iterator<Item = &DocMention> {
        self.given.iter().flatten()
    }

    pub fn len(&self) -> usize {
        self.pages.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.iter().all(Vec::is_empty)
    }

    /// By start, then end, then insertion.
    pub fn into_sorted(mut self) -> impl Iterator<Item = DocMention> {
        let pages = std::mem::take(&mut self.pages);
        pages.into_iter().flatten().map(move |p| self.given[p.2 as usize].take().expect("a place holds a mention"))
    }

    /// Where the mentions are, in no order.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.in_insertion_order().map(DocMention::range)
    }
}

fn page_of(start: usize) -> usize {
    start >> PAGE_BITS
}

fn key(range: &Range<usize>, inserted: usize) -> Place {
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

    /// Whether byte `at` is marked.
    pub fn holds(&self, at: usize) -> bool {
        self.0[at / 64] & (1 << (at % 64)) != 0
    }

    pub fn meets(&self, r: &Range<usize>) -> bool {
        words_of(r).any(|(word, bits)| self.0[word] & bits != 0)
    }

    pub fn mark(&mut self, r: &Range<usize>) {
        words_of(r).for_each(|(word, bits)| self.0[word] |= bits);
    }
}

/// The words that hold `r`'s bits, and its bits in each: a name's bytes
/// are asked a word at a time, not a bit at a time.
fn words_of(r: &Range<usize>) -> impl Iterator<Item = (usize, u64)> {
    let (start, end) = (r.start, r.end);
    (start / 64..end.div_ceil(64)).map(move |word| {
        let (from, to) = (start.max(word * 64) - word * 64, end.min(word * 64 + 64) - word * 64);
        let below_to = if to == 64 { u64::MAX } else { (1 << to) - 1 };
        (word, below_to & !((1u64 << from) - 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::EntityKey;
    use proptest::prelude::*;

    fn m(r: Range<usize>) -> DocMention {
        DocMention::new(r, EntityKey::Known(0), None, None)
    }

    #[test]
    fn lookups_match_a_scan() {
        let ranges = [0..5, 3..20, 10..12, 12..14, 30..31, 40..60];
        let mut spans: Spans = ranges.iter().cloned().map(m).collect();
        for start in 0..65 {
            for end in start..66 {
                let q = start..end;
                let scan: Vec<_> = ranges.iter().filter(|r| r.start < q.end && q.start < r.end).cloned().collect();
                let mut got: Vec<_> = spans.overlapping(&q).map(DocMention::range).collect();
                got.sort_by_key(|r| (r.start, r.end));
                assert_eq!(got, scan, "overlapping {q:?}");
                let inside: Vec<_> = ranges.iter().filter(|r| q.start <= r.start && r.end <= q.end).cloned().collect();
                assert_eq!(spans.within(&q).map(DocMention::range).collect::<Vec<_>>(), inside, "within {q:?}");
            }
        }
        let mut marked = Marked::new(66);
        spans.ranges().for_each(|r| marked.mark(&r));
        for start in 0..65 {
            for end in start + 1..66 {
                let q = start..end;
                let scan = ranges.iter().any(|r| r.start < q.end && q.start < r.end);
                assert_eq!(marked.meets(&q), scan, "marked {q:?}");
            }
        }
        spans.insert(m(1..2));
        spans.remove_within(&(2..15));
        let given: Vec<_> = spans.in_insertion_order().map(DocMention::range).collect();
        assert_eq!(given, [0..5, 3..20, 30..31, 40..60, 1..2]);
        assert_eq!(spans.len(), 5);
        let left: Vec<_> = spans.into_sorted().map(|m| m.range()).collect();
        assert_eq!(left, [0..5, 1..2, 3..20, 30..31, 40..60]);
    }

    /// Up to `count` ranges of up to 300 bytes, spread over many pages.
    fn ranges(count: usize) -> impl Strategy<Value = Vec<Range<usize>>> {
        proptest::collection::vec((0usize..5000, 0usize..300), 0..count)
            .prop_map(|v| v.into_iter().map(|(s, l)| s..s + l).collect())
    }

    proptest! {
        /// Given, inserted and removed across pages, the mentions are found
        /// as a scan of a plain list finds them, in order.
        #[test]
        fn pages_answer_as_a_list_does(given in ranges(60), inserted in ranges(30), removed in ranges(4), queries in ranges(20)) {
            let mut spans: Spans = given.iter().cloned().map(m).collect();
            let mut list: Vec<(Range<usize>, usize)> = given.iter().cloned().zip(0..).collect();
            for (k, r) in inserted.iter().enumerate() {
                spans.insert(m(r.clone()));
                list.push((r.clone(), given.len() + k));
                if let Some(gone) = removed.get(k) {
                    spans.remove_within(gone);
                    list.retain(|(r, _)| !(gone.start <= r.start && r.end <= gone.end));
                }
            }
            list.sort_by_key(|(r, i)| (r.start, r.end, *i));
            for q in &queries {
                let mut overlapping: Vec<_> = spans.overlapping(q).map(DocMention::range).collect();
                overlapping.sort_by_key(|r| (r.start, r.end));
                let scan: Vec<_> = list.iter().map(|(r, _)| r.clone()).filter(|r| r.start < q.end && q.start < r.end).collect();
                prop_assert_eq!(overlapping, scan);
                let within: Vec<_> = spans.within(q).map(DocMention::range).collect();
                let scan: Vec<_> = list.iter().map(|(r, _)| r.clone()).filter(|r| q.start <= r.start && r.end <= q.end).collect();
                prop_assert_eq!(within, scan);
            }
            prop_assert_eq!(spans.len(), list.len());
            let sorted: Vec<_> = spans.into_sorted().map(|m| m.range()).collect();
            prop_assert_eq!(sorted, list.into_iter().map(|(r, _)| r).collect::<Vec<_>>());
        }

        /// Marked a word at a time, ranges across words meet as a list of
        /// marked bytes says.
        #[test]
        fn marked_ranges_meet_as_bytes_do(
            marks in proptest::collection::vec((0usize..300, 0usize..140), 0..12),
            asked in proptest::collection::vec((0usize..300, 1usize..140), 1..40),
        ) {
            let len = 440;
            let (mut marked, mut bytes) = (Marked::new(len), vec![false; len]);
            for (start, n) in marks {
                marked.mark(&(start..start + n));
                bytes[start..start + n].iter_mut().for_each(|b| *b = true);
            }
            for (start, n) in asked {
                let r = start..start + n;
                prop_assert_eq!(marked.meets(&r), bytes[r.clone()].contains(&true), "{:?}", r);
            }
        }
    }
}
