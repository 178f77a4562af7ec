//! Where names stand alone in a text: every occurrence of each form that
//! is neither preceded nor followed by a word character.

use crate::seeded;
use crate::text::{is_word_char, word_end};
use aho_corasick::AhoCorasick;

/// For each form, where it stands alone in `text`, in text order; of two
/// such places of one form that overlap (`Ba Ba` in `Ba Ba Ba`), the first.
///
/// A form that begins with a word character (almost every name) can only
/// stand alone where a word begins and is its first word, so those are
/// looked up at word starts in one pass, with no automaton to build per
/// document. Any other form is searched for alone. (A form that can overlap
/// itself was once searched for alone too: a text of a few capitalised words
/// repeated makes thousands of such names, and the time grew with the
/// square of its length.)
pub fn standing_alone(text: &str, forms: &[&str]) -> Vec<Vec<usize>> {
    let mut places = Places { at: vec![Vec::new(); forms.len()], free_from: vec![0; forms.len()] };
    let mut by_first_word: seeded::Map<&str, Vec<usize>> = seeded::Map::default();
    let mut first_bytes = [false; 256];
    for (n, form) in forms.iter().enumerate() {
        if form.is_empty() {
            continue;
        }
        if form.starts_with(is_word_char) {
            let first_word = &form[..word_end(form, 0)];
            by_first_word.entry(first_word).or_default().push(n);
            first_bytes[form.as_bytes()[0] as usize] = true;
        } else {
            // Every place, overlapping ones too: the first that stands alone counts.
            let mut from = 0;
            while let Some(found) = text[from..].find(form) {
                let at = from + found;
                if alone(text, at, form.len()) {
                    places.add(n, at, form.len());
                }
                from = at + text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if by_first_word.is_empty() {
        return places.at;
    }
    if by_first_word.values().any(|c| c.len() > CROWDED) {
        return all_at_once(text, forms, by_first_word, places);
    }
    // Not `text::word_spans`: only a byte that begins a form can begin a
    // match, so the other words are stepped over, not read (a third of the
    // instructions here). Where every form begins with a capital or a
    // character beyond ASCII (names do), eight bytes at a time.
    let capitals_only = (0..=255u8).all(|b| !first_bytes[usize::from(b)] || b.is_ascii_uppercase() || !b.is_ascii());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if capitals_only {
            at = next_capital_or_wide(bytes, at);
            if at == bytes.len() {
                break;
            }
        }
        // A form's first byte is ASCII or starts a character: `at` is a boundary.
        if !first_bytes[bytes[at] as usize] || text[..at].ends_with(is_word_char) {
            at += 1;
            continue;
        }
        let end = word_end(text, at);
        if let Some(candidates) = by_first_word.get(&text[at..end]) {
            for &n in candidates {
                if text[at..].starts_with(forms[n]) && alone(text, at, forms[n].len()) {
                    places.add(n, at, forms[n].len());
                }
            }
        }
        at = end.max(at + 1);
    }
    places.at
}

/// Where the first ASCII capital or byte beyond ASCII from `at` on is (or
/// the end), read eight bytes at a time.
fn next_capital_or_wide(bytes: &[u8], mut at: usize) -> usize {
    use crate::text::{at_least, HIGHS};
    while let Some(eight) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let low = w & !HIGHS;
        let capitals = at_least(low, b'A') & !at_least(low, b'Z' + 1);
        let found = (capitals | w) & HIGHS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..].iter().position(|&b| b.is_ascii_uppercase() || !b.is_ascii()).unwrap_or(bytes.len() - at)
}

/// Each form's places so far, and where its next may begin.
struct Places {
    at: Vec<Vec<usize>>,
    free_from: Vec<usize>,
}

impl Places {
    /// Adds a place of form `n` (places of one form come in text order),
    /// unless it overlaps the last one kept.
    fn add(&mut self, n: usize, at: usize, len: usize) {
        if at >= self.free_from[n] {
            self.at[n].push(at);
            self.free_from[n] = at + len;
        }
    }
}

/// More forms than this sharing a first word are searched for by one
/// automaton: checking each at every start of that word would cost their
/// number at every word of a text that repeats it (a run of capitalised
/// words makes hundreds of such names).
const CROWDED: usize = 16;

/// The most bytes of forms that [`all_at_once`] makes a DFA of: its
/// table, some hundreds of bytes per byte of form, stays near ten
/// megabytes.
const DFA_FORM_BYTES: usize = 32 * 1024;

/// As the pass over word starts finds them, by an automaton of the forms
/// (whose build costs more than that pass on a document of a few names):
/// all forms that start at one place are prefixes of one text, so there
/// are no more of them than the longest form has bytes.
fn all_at_once(
    text: &str,
    forms: &[&str],
    by_first_word: seeded::Map<&str, Vec<usize>>,
    mut places: Places,
) -> Vec<Vec<usize>> {
    // In the forms' order, not the map's (seeded: it differs from run to run).
    let mut searched: Vec<usize> = by_first_word.into_values().flatten().collect();
    searched.sort_unstable();
    // A DFA reads a byte in a third fewer instructions than the default
    // automaton, but its build grows with the forms' bytes (the names of
    // 10 MB of capitalised words took 3.7 G instructions): one where the
    // forms are few beside the text they are sought in, and small.
    let form_bytes: usize = searched.iter().map(|&n| forms[n].len()).sum();
    let dfa = form_bytes <= DFA_FORM_BYTES && form_bytes * 256 <= text.len();
    let kind = dfa.then_some(aho_corasick::AhoCorasickKind::DFA);
    let Ok(automaton) = AhoCorasick::builder().kind(kind).build(searched.iter().map(|&n| forms[n])) else {
        return places.at;
    };
    // Matches come by where they end: one form's, in text order.
    for m in automaton.find_overlapping_iter(text) {
        let n = searched[m.pattern().as_usize()];
        if alone(text, m.start(), m.len()) {
            places.add(n, m.start(), m.len());
        }
    }
    places.at
}

/// Whether `text[at..at + len]` has no word character on either side.
fn alone(text: &str, at: usize, len: usize) -> bool {
    !text[..at].ends_with(is_word_char) && !text[at + len..].starts_with(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain way: each form tried at every place, the first of two
    /// that overlap kept.
    fn one_by_one(text: &str, forms: &[&str]) -> Vec<Vec<usize>> {
        let each = |f: &&str| {
            let mut kept: Vec<usize> = Vec::new();
            for at in (0..text.len()).filter(|&at| text.is_char_boundary(at) && !f.is_empty()) {
                let free = kept.last().is_none_or(|&last| at >= last + f.len());
                if free && text[at..].starts_with(*f) && alone(text, at, f.len()) {
                    kept.push(at);
                }
            }
            kept
        };
        forms.iter().map(each).collect()
    }

    #[test]
    fn a_capital_or_a_wide_byte_is_found_at_every_place_of_eight() {
        for b in 0..=255u8 {
            for place in 0..20 {
                let mut bytes = vec![b'z'; 20];
                bytes[place] = b;
                let expected = if b.is_ascii_uppercase() || !b.is_ascii() { place } else { 20 };
                assert_eq!(next_capital_or_wide(&bytes, 0), expected, "byte {b:#x} at {place}");
                assert_eq!(next_capital_or_wide(&bytes, place.min(3)), expected.max(place.min(3)));
            }
        }
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// In a text long beside them, crowded forms are searched by a
        /// DFA: found as one by one too.
        #[test]
        fn crowded_forms_in_a_long_text_are_found_as_one_by_one(
            piece in "(Ab|Ba|é|_| |\\.){0,80}",
            seconds in proptest::collection::vec("[ABaé_ .]{0,4}", CROWDED + 1..CROWDED + 8),
        ) {
            let forms: Vec<String> = seconds.iter().map(|s| format!("Ab {s}")).chain(["Ab".to_string()]).collect();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            let form_bytes: usize = forms.iter().map(|f| f.len()).sum();
            let text = format!("{piece}Ab ").repeat(256 * form_bytes / (piece.len() + 3) + 1);
            prop_assert!(form_bytes * 256 <= text.len());
            prop_assert_eq!(standing_alone(&text, &forms), one_by_one(&text, &forms));
        }
    }
}
