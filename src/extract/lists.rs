//! Name lists drawn from open data (`assets/names/`, made by
//! `assets/tools/build_names.py`; sources and licences in `assets/README.md`):
//! given names and places, one folded name per line, sorted.

use std::sync::LazyLock;

/// A sorted list of folded names, searched in place (nothing to build but
/// an index of its lines).
pub struct NameList {
    names: Vec<&'static str>,
}

impl NameList {
    fn new(text: &'static str) -> Self {
        let mut names: Vec<&'static str> = text.lines().filter(|l| !l.is_empty()).collect();
        if !names.is_sorted() {
            names.sort_unstable(); // a hand-edited list still works
        }
        NameList { names }
    }

    /// Whether `folded` (see [`crate::text::fold`]) is on the list.
    pub fn contains(&self, folded: &str) -> bool {
        self.names.binary_search(&folded).is_ok()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
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
}
