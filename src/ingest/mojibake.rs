//! Windows-1252 punctuation misread as Mac Central European (`Maliís`,
//! `ďMalians …Ē`). Repaired only where the document shows the pattern
//! often enough, and only in positions where punctuation belongs, so that
//! real accented words (Touré, Goïta, Côte d'Ivoire) are left alone.

use crate::text::{ceil_boundary, floor_boundary};
use regex_automata::meta::Regex;
use regex_automata::Input;
use std::ops::Range;
use std::sync::LazyLock;

static TELLTALE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Ll}í(?:s|t|ll|re|ve|d|m)\b|\bď\p{L}|\p{L}[.,!?]?Ē").expect("valid regex"));
/// A tell-tale holds a tell-tale letter and is at most this many bytes long.
const LONGEST: usize = 8;

/// Whether a text carries this mojibake: two tell-tales or more, in a text
/// that is otherwise mostly ASCII or made mostly of tell-tales (a Czech
/// text legitimately has `ď`).
pub fn detect(text: &str) -> bool {
    if !has_telltale_letter(text) {
        return false;
    }
    // Characters outside ASCII, counted by their lead bytes.
    let non_ascii = super::decode::count(text.as_bytes(), |b| b >= 0xC0);
    if non_ascii * 20 < text.len() {
        // Two tell-tales settle it: no need to count them all.
        return telltales(text).nth(1).is_some();
    }
    let hits = telltales(text).count();
    hits >= 2 && hits * 4 >= non_ascii
}

/// Where `text` has an `í`, `ď` or `Ē`, found by their UTF-8 lead bytes
/// (a search for the characters decodes every one).
fn telltale_letters(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xC3, 0xC4, bytes)
        .filter(|&at| matches!((bytes[at], bytes.get(at + 1)), (0xC3, Some(0xAD)) | (0xC4, Some(0x8F | 0x92))))
}

fn has_telltale_letter(text: &str) -> bool {
    telltale_letters(text).next().is_some()
}

/// The tell-tales of `text`, in order, as a search of the whole text finds
/// them: each sought only around a tell-tale letter, as the pattern's
/// Unicode classes are searched slowly.
fn telltales(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut letters = telltale_letters(text);
    let mut from = 0;
    std::iter::from_fn(move || {
        for at in letters.by_ref() {
            // The first tell-tale from `from` that may hold this letter; one
            // beginning after it is the next letter's to find whole.
            let start = floor_boundary(text, at.saturating_sub(LONGEST)).max(from);
            let end = ceil_boundary(text, at + 2 * LONGEST);
            let found = TELLTALE.search(&Input::new(text).range(start..end.max(start)));
            if let Some(m) = found.filter(|m| m.start() <= at) {
                from = m.end();
                return Some(m.range());
            }
        }
        None
    })
}

/// The repair for `c` at this position, if it is mojibake here;
/// `before` and `after` are the text on either side of `c`.
pub fn repair(c: char, before: &str, after: &str) -> Option<char> {
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
    let space_or_none = |x: Option<char>| x.is_none_or(char::is_whitespace);
    match c {
        'í' if letter(prev) => {
            let rest: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            let contraction = matches!(rest.as_str(), "" | "s" | "t" | "ll" | "re" | "ve" | "d" | "m");
            let word_start = before.trim_end_matches(char::is_alphabetic).len();
            (contraction || elision(&before[word_start..])).then_some('\u{2019}')
        }
        'ď' if !letter(prev) && next.is_some_and(char::is_alphanumeric) => Some('\u{201C}'),
        'Ď' if !letter(prev) && letter(next) => Some('\u{2018}'),
        'Ē' if !space_or_none(prev) && !letter(next) => Some('\u{201D}'),
        'Ė' if space_or_none(prev) || prev.is_some_and(|p| p.is_ascii_digit()) => Some('\u{2013}'),
        'ó' if space_or_none(prev) && space_or_none(next) => Some('\u{2014}'),
        'Ö' if !space_or_none(prev) && space_or_none(next) => Some('\u{2026}'),
        'ē' if space_or_none(prev) && space_or_none(next) => Some('\u{2022}'),
        _ => None,
    }
}

/// A French elision (`díetat`, `líAfrique`) also takes an apostrophe.
fn elision(word_before: &str) -> bool {
    matches!(word_before, "d" | "l" | "D" | "L" | "qu" | "j" | "n" | "s")
}

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&TELLTALE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_only_with_repeated_tell_tales() {
        assert!(detect("Maliís transition and the countryís future"));
        assert!(!detect("Maliís transition"));
        assert!(!detect("Amadou Toumani Touré met Assimi Goïta in Côte d'Ivoire."));
        assert!(has_telltale_letter("Maliís") && has_telltale_letter("ďMalians") && has_telltale_letter("…Ē"));
        assert!(!has_telltale_letter("Touré, Goïta, Côte d'Ivoire, Đorđe"));
    }

    proptest::proptest! {
        /// Sought around their letters, the tell-tales are those a search
        /// of the whole text finds.
        #[test]
        fn telltales_are_found_around_their_letters(parts in proptest::collection::vec(
            proptest::sample::select(vec!["a", "í", "s", "ll", "ď", "Ē", "Ď", ".", "é", "ŀ", " ", "\n", "ﬀ", "T"]),
            0..40,
        )) {
            let text = parts.concat();
            let searched: Vec<_> = TELLTALE.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(telltales(&text).collect::<Vec<_>>(), searched);
        }
    }

    #[test]
    fn repairs_in_punctuation_positions_only() {
        assert_eq!(repair('í', "Mali", "s civilian"), Some('\u{2019}'));
        assert_eq!(repair('í', "coup d", "etat in"), Some('\u{2019}'));
        assert_eq!(repair('í', "Mart", "n Luther"), None);
        assert_eq!(repair('ď', "goal: ", "Malians"), Some('\u{201C}'));
        assert_eq!(repair('Ē', "future", " through"), Some('\u{201D}'));
    }
}
