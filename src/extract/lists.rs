//! Name lists drawn from open data (`assets/names/`, made by
//! `assets/tools/build_names.py`; sources and licences in `assets/README.md`):
//! given names and places, one folded name per line, sorted.

use std::sync::LazyLock;

/// A sorted list of folded names, one per line, searched in place: a
/// binary search over the text's bytes, nothing built at start-up.
pub struct NameList {
    text: &'static str,
}

impl NameList {
    fn new(text: &'static str) -> Self {
        NameList { text }
    }

    /// Whether `folded` (see [`crate::text::fold`]) is on the list.
    pub fn contains(&self, folded: &str) -> bool {
        let text = self.text.as_bytes();
        // `lo` is always the start of a line, `hi` the end of the text or
        // of a line's newline: the lines in between are still to search.
        let (mut lo, mut hi) = (0, text.len());
        while lo < hi {
            let middle = lo + (hi - lo) / 2;
            let start = memchr::memrchr(b'\n', &text[lo..middle]).map_or(lo, |at| lo + at + 1);
            let end = memchr::memchr(b'\n', &text[start..hi]).map_or(hi, |at| start + at);
            match text[start..end].cmp(folded.as_bytes()) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }

    fn names(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines()
    }

    pub fn len(&self) -> usize {
        self.names().count()
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
    }
}
