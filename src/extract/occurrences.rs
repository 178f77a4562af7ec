//! Where names stand alone in a text: every occurrence of each form that
//! is neither preceded nor followed by a word character.

use crate::text::{is_word_char, word_end};
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

/// For each form, where it stands alone in `text`, in text order; the
/// occurrences of one form do not overlap (as with `str::match_indices`).
///
/// A form that begins with a word character and cannot overlap itself
/// (almost every name) can only stand alone where a word begins and is its
/// first word, so those are looked up at word starts in one pass, with no
/// automaton to build per document. Any other form is searched for alone.
pub fn standing_alone(text: &str, forms: &[&str]) -> Vec<Vec<usize>> {
    let mut places = vec![Vec::new(); forms.len()];
    let mut by_first_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut first_bytes = [false; 256];
    for (n, form) in forms.iter().enumerate() {
        if form.is_empty() {
            continue;
        }
        if form.starts_with(is_word_char) && !overlaps_itself(form) {
            let first_word = &form[..word_end(form, 0)];
            by_first_word.entry(first_word).or_default().push(n);
            first_bytes[form.as_bytes()[0] as usize] = true;
        } else {
            places[n] = text.match_indices(form).map(|(at, _)| at).filter(|&at| alone(text, at, form.len())).collect();
        }
    }
    if by_first_word.is_empty() {
        return places;
    }
    if by_first_word.values().any(|c| c.len() > CROWDED) {
        return all_at_once(text, forms, by_first_word, places);
    }
    // Not `text::word_spans`: only a byte that begins a form can begin a
    // match, so the other words are stepped over, not read (a third of the
    // instructions here).
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // A form's first byte is ASCII or starts a character: `at` is a boundary.
        if !first_bytes[bytes[at] as usize] || text[..at].ends_with(is_word_char) {
            at += 1;
            continue;
        }
        let end = word_end(text, at);
        if let Some(candidates) = by_first_word.get(&text[at..end]) {
            for &n in candidates {
                if text[at..].starts_with(forms[n]) && alone(text, at, forms[n].len()) {
                    places[n].push(at);
                }
            }
        }
        at = end.max(at + 1);
    }
    places
}

/// More forms than this sharing a first word are searched for by one
/// automaton: checking each at every start of that word would cost their
/// number at every word of a text that repeats it (a run of capitalised
/// words makes hundreds of such names).
const CROWDED: usize = 16;

/// As the pass over word starts finds them, by an automaton of the forms
/// (whose build costs more than that pass on a document of a few names):
/// all forms that start at one place are prefixes of one text, so there
/// are no more of them than the longest form has bytes.
fn all_at_once(
    text: &str,
    forms: &[&str],
    by_first_word: FxHashMap<&str, Vec<usize>>,
    mut places: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    let searched: Vec<usize> = by_first_word.into_values().flatten().collect();
    let Ok(automaton) = AhoCorasick::new(searched.iter().map(|&n| forms[n])) else {
        return places;
    };
    for m in automaton.find_overlapping_iter(text) {
        let n = searched[m.pattern().as_usize()];
        if alone(text, m.start(), m.len()) {
            places[n].push(m.start());
        }
    }
    places
}

/// Whether `text[at..at + len]` has no word character on either side.
fn alone(text: &str, at: usize, len: usize) -> bool {
    !text[..at].ends_with(is_word_char) && !text[at + len..].starts_with(is_word_char)
}

/// Whether two occurrences of `form` can overlap (`Ba Ba` in `Ba Ba Ba`):
/// some proper suffix of it is also a prefix.
fn overlaps_itself(form: &str) -> bool {
    let b = form.as_bytes();
    (1..b.len()).any(|k| form.is_char_boundary(k) && b[k..] == b[..b.len() - k])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain way: each form searched for on its own.
    fn one_by_one(text: &str, forms: &[&str]) -> Vec<Vec<usize>> {
        let each = |f: &&str| {
            if f.is_empty() {
                return Vec::new();
            }
            text.match_indices(*f).map(|(at, _)| at).filter(|&at| alone(text, at, f.len())).collect()
        };
        forms.iter().map(each).collect()
    }

    #[test]
    fn names_stand_alone_between_non_word_characters() {
        let text = "Traoré met Dioncounda Traoré; Traorés and ATraoré did not. Ba Ba Ba, _ECOWAS ECOWAS.";
        let forms = ["Traoré", "Dioncounda Traoré", "Ba Ba", "ECOWAS", "(AU)"];
        let places = standing_alone(text, &forms);
        assert_eq!(places[0], [0, 23]);
        assert_eq!(places[1], [12]);
        assert_eq!(places[2], [63]);
        assert_eq!(places[3], [81]);
        assert_eq!(places, one_by_one(text, &forms));
    }

    proptest! {
        #[test]
        fn finds_what_a_search_for_each_form_finds(
            text in "[ABaé_ .’-]{0,60}",
            forms in proptest::collection::vec("[ABaé_ .’-]{0,5}", 0..6),
        ) {
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            prop_assert_eq!(standing_alone(&text, &forms), one_by_one(&text, &forms));
        }

        /// Crowded forms, searched by the automaton, are found as one by one.
        #[test]
        fn crowded_forms_are_found_as_one_by_one(
            text in "(Ab|Ba|é|_| |\\.){0,80}",
            seconds in proptest::collection::vec("[ABaé_ .]{0,4}", CROWDED + 1..CROWDED + 8),
        ) {
            let forms: Vec<String> = seconds.iter().map(|s| format!("Ab {s}")).chain(["Ab".to_string()]).collect();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            prop_assert_eq!(standing_alone(&text, &forms), one_by_one(&text, &forms));
        }
    }
}
