//! Name lists drawn from open data (`assets/names/`, made by
//! `assets/tools/build_names.py`; sources and licences in `assets/README.md`):
//! given names and places, one folded name per line, sorted.

use std::sync::LazyLock;

/// A sorted list of folded names, one per line, searched in place: a
/// binary search over the lines of the embedded text, whose starts are
/// found once (a scan of a few hundred kilobytes, nothing parsed).
pub struct NameList {
    text: &'static str,
    /// Where each line starts, and the end of the text after the last.
    starts: Vec<u32>,
}

impl NameList {
    fn new(text: &'static str) -> Self {
        let text = text.trim_end_matches('\n');
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at as u32 + 1);
        let mut starts: Vec<u32> = std::iter::once(0).chain(newlines).collect();
        starts.push(text.len() as u32 + 1);
        if text.is_empty() {
            starts.clear();
        }
        NameList { text, starts }
    }

    /// Whether `folded` (see [`crate::text::fold`]) is on the list.
    pub fn contains(&self, folded: &str) -> bool {
        let line = |i: usize| &self.text.as_bytes()[self.starts[i] as usize..self.starts[i + 1] as usize - 1];
        let (mut lo, mut hi) = (0, self.starts.len().saturating_sub(1));
        while lo < hi {
            let middle = lo + (hi - lo) / 2;
            match line(middle).cmp(folded.as_bytes()) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = middle + 1,
                std::cmp::Ordering::Greater => hi = middle,
            }
        }
        false
    }

    #[cfg(test)]
    fn names(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines()
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Given names (U.S. Social Security Administration, public domain).
pub static GIVEN_NAMES: LazyLock<NameList> =
    LazyLock::new(|| NameList::new(crate::assets::embedded("names/given_names.txt")));

/// Cities and first-level regions (GeoNames, CC BY 4.0; ISO 3166-2 from
/// Debian's iso-codes, LGPL-2.1).
pub static PLACES: LazyLock<NameList> = LazyLock::new(|| NameList::new(crate::assets::embedded("names/places.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_folded_names() {
        assert!(GIVEN_NAMES.contains("jeremiah") && GIVEN_NAMES.contains("amina"));
        assert!(!GIVEN_NAMES.contains("however") && !GIVEN_NAMES.contains("will"));
        assert!(PLACES.contains("tillaberi") && PLACES.contains("mogadishu") && PLACES.contains("africa"));
        assert!(!PLACES.contains("reading") && !PLACES.contains("mobile"));
        assert!(GIVEN_NAMES.len() > 10_000 && PLACES.len() > 10_000);
    }

    #[test]
    fn lists_are_sorted_without_blank_lines_so_a_binary_search_finds_every_name() {
        for list in [&*GIVEN_NAMES, &*PLACES] {
            let names: Vec<&str> = list.names().collect();
            assert!(names.iter().all(|n| !n.is_empty() && !n.ends_with('\r')));
            assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, each name once");
            assert!(names.iter().all(|n| list.contains(n)));
            for absent in ["", "zzzzzz", "aa", "\u{10ffff}"] {
                assert!(!list.contains(absent));
            }
        }
        let small = NameList::new("amina\nbamako\nzinder\n");
        assert!(small.contains("amina") && small.contains("bamako") && small.contains("zinder"));
        assert!(!small.contains("bam") && !small.contains("zinderx") && !small.contains("a"));
        assert_eq!(small.len(), 3);
        let empty = NameList::new("");
        assert!(empty.is_empty() && !empty.contains(""));
        assert_eq!(empty.len(), 0);
    }
}
