//! Name lists drawn from open data (`assets/names/`, made by
//! `assets/tools/build_names.py`; sources and licences in `assets/README.md`):
//! given names and places, one folded name per line, sorted.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A list of folded names, one per line, held as a set of slices of the
/// embedded text (nothing copied). A lookup is a hash: a binary search
/// over the lines cost some 900 instructions, and most lookups miss.
pub struct NameList {
    names: FxHashSet<&'static str>,
}

impl NameList {
    fn new(text: &'static str) -> Self {
        NameList { names: text.lines().filter(|line| !line.is_empty()).collect() }
    }

    /// Whether `folded` (see [`crate::text::fold`]) is on the list.
    pub fn contains(&self, folded: &str) -> bool {
        self.names.contains(folded)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The files of given names: U.S. Social Security Administration (public
/// domain), and West African and Maghrebi names that list lacks (written
/// for annals): the documents' people are mostly of the region.
const GIVEN_NAME_FILES: [&str; 2] = ["names/given_names.txt", "names/given_names_west_africa.txt"];

/// Given names, of all [`GIVEN_NAME_FILES`].
pub static GIVEN_NAMES: LazyLock<NameList> = LazyLock::new(|| {
    let names = GIVEN_NAME_FILES.iter().flat_map(|file| crate::assets::embedded(file).lines());
    NameList { names: names.filter(|line| !line.is_empty()).collect() }
});

/// Cities and first-level regions (GeoNames, CC BY 4.0; ISO 3166-2 from
/// Debian's iso-codes, LGPL-2.1).
pub static PLACES: LazyLock<NameList> = LazyLock::new(|| NameList::new(crate::assets::embedded("names/places.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hold_folded_names() {
        assert!(GIVEN_NAMES.contains("jeremiah") && GIVEN_NAMES.contains("amina") && GIVEN_NAMES.contains("seydou"));
        assert!(!GIVEN_NAMES.contains("however") && !GIVEN_NAMES.contains("will"));
        assert!(PLACES.contains("tillaberi") && PLACES.contains("mogadishu") && PLACES.contains("africa"));
        assert!(!PLACES.contains("reading") && !PLACES.contains("mobile"));
        assert!(GIVEN_NAMES.len() > 10_000 && PLACES.len() > 10_000);
    }

    #[test]
    fn lists_are_sorted_without_blank_lines_and_every_name_is_found() {
        let files =
            GIVEN_NAME_FILES.map(|file| (file, &*GIVEN_NAMES)).into_iter().chain([("names/places.txt", &*PLACES)]);
        for (file, list) in files {
            let names: Vec<&str> = crate::assets::embedded(file).lines().collect();
            assert!(names.iter().all(|n| !n.is_empty() && !n.ends_with('\r')));
            assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, each name once");
            assert!(names.iter().all(|n| list.contains(n) && *n == crate::text::fold(n)), "folded, and found");
            for absent in ["", "zzzzzz", "aa", "\u{10ffff}"] {
                assert!(!list.contains(absent));
            }
        }
        let given: usize = GIVEN_NAME_FILES.iter().map(|f| crate::assets::embedded(f).lines().count()).sum();
        assert_eq!(GIVEN_NAMES.len(), given, "no name in both files");
        assert_eq!(PLACES.len(), crate::assets::embedded("names/places.txt").lines().count());
        let small = NameList::new("amina\nbamako\nzinder\n");
        assert!(small.contains("amina") && small.contains("bamako") && small.contains("zinder"));
        assert!(!small.contains("bam") && !small.contains("zinderx") && !small.contains("a"));
        assert_eq!(small.len(), 3);
        let empty = NameList::new("");
        assert!(empty.is_empty() && !empty.contains(""));
        assert_eq!(empty.len(), 0);
    }
}
