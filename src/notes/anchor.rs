//! Where a note's passage is in a source's clean text, kept so that it can
//! be found again once the source is edited: the words themselves with some
//! context either side (the W3C TextQuoteSelector), where they were (the
//! TextPositionSelector) and a digest of the text they were taken from.
//!
//! Placing it again goes from the surest to the loosest, as Hypothesis
//! re-anchors annotations of web pages: the same text, the same place; the
//! same words in the same context; the same words elsewhere; words like
//! them between the old context. What is found only the loose ways is
//! `Moved`, for the user to confirm; what is not found is an `Orphan`, kept
//! and never attached to a wrong place.

use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64;

/// Characters of context kept on each side of the words.
pub const CONTEXT: usize = 32;

/// How alike changed words must be to their note's (normalised Levenshtein):
/// below, the passage was rewritten, not touched up.
pub const THRESHOLD: f64 = 0.7;

/// Words longer than this (in bytes) are found again only as they were:
/// comparing them approximately costs the square of their length.
const LONGEST_APPROXIMATE: usize = 1_000;

/// How many places of the old context are weighed, at most, on each side:
/// a context of common words occurs thousands of times in a long text, and
/// each place costs a comparison of the square of the words' length.
const PLACES: usize = 16;

/// How many places of the words themselves are weighed, at most.
const QUOTES: usize = 1_024;

/// A passage of a text, as a note keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Where the words began, in bytes of the text.
    pub start: usize,
    /// The xxh3 of the text they were taken from.
    pub digest: u64,
}

/// Where a note's passage is now.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// The same words in the same context: where the note belongs.
    Anchored(Range<usize>),
    /// Found again, but not as they were (other context, or other words
    /// alike by `similarity`): to be confirmed by the user.
    Moved { range: Range<usize>, similarity: f64 },
    /// Nowhere in the text.
    Orphan,
}

impl Placement {
    /// As the exports name it: `anchored`, `moved` or `orphan`.
    pub fn status(&self) -> &'static str {
        match self {
            Placement::Anchored(_) => "anchored",
            Placement::Moved { .. } => "moved",
            Placement::Orphan => "orphan",
        }
    }

    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Placement::Anchored(r) | Placement::Moved { range: r, .. } => Some(r.clone()),
            Placement::Orphan => None,
        }
    }
}

impl Anchor {
    /// The passage `range` of `text` (byte offsets on character boundaries).
    pub fn new(text: &str, range: Range<usize>) -> Self {
        let before = &text[..range.start];
        let after = &text[range.end..];
        let prefix_start = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
        let suffix_end = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
        Anchor {
            exact: text[range.clone()].to_string(),
            prefix: before[prefix_start..].to_string(),
            suffix: after[..suffix_end].to_string(),
            start: range.start,
            digest: xxh3_64(text.as_bytes()),
        }
    }

    /// Where the passage is in `text`, which may have been edited since.
    pub fn place(&self, text: &str) -> Placement {
        let same = self.start..self.start + self.exact.len();
        if xxh3_64(text.as_bytes()) == self.digest && text.get(same.clone()) == Some(&self.exact) {
            return Placement::Anchored(same);
        }
        if self.exact.is_empty() {
            return Placement::Orphan;
        }
        self.quoted(text).or_else(|| self.alike(text)).unwrap_or(Placement::Orphan)
    }

    /// The words as they were: where their context is whole, else where
    /// most of it is left (ties to the nearest the old place).
    fn quoted(&self, text: &str) -> Option<Placement> {
        let whole = self.prefix.chars().count() + self.suffix.chars().count();
        let (context, at) = text
            .match_indices(self.exact.as_str())
            .take(QUOTES)
            .map(|(at, _)| (self.context_kept(text, at), at))
            .max_by_key(|&(kept, at)| (kept, std::cmp::Reverse(at.abs_diff(self.start))))?;
        let range = at..at + self.exact.len();
        Some(if context == whole { Placement::Anchored(range) } else { Placement::Moved { range, similarity: 1.0 } })
    }

    /// How many characters of the context stand either side of `at`.
    fn context_kept(&self, text: &str, at: usize) -> usize {
        let before = text[..at].chars().rev().zip(self.prefix.chars().rev()).take_while(|(a, b)| a == b).count();
        let after = text[at + self.exact.len()..].chars().zip(self.suffix.chars()).take_while(|(a, b)| a == b).count();
        before + after
    }

    /// Words alike the note's, where its context says they are: after its
    /// prefix, before its suffix, or between the two.
    fn alike(&self, text: &str) -> Option<Placement> {
        let length = self.exact.len();
        if length > LONGEST_APPROXIMATE {
            return None;
        }
        let prefix = tail(&self.prefix);
        let ends: Vec<usize> = occurrences(text, prefix).map(|at| at + prefix.len()).collect();
        let starts: Vec<usize> = occurrences(text, head(&self.suffix)).collect();
        let mut candidates: Vec<Range<usize>> = Vec::new();
        for &end in &ends {
            // Between the prefix and the next suffix, if near enough; else as long as the words were.
            let next = starts.iter().find(|&&s| s >= end).filter(|&&s| s - end <= length * 2 + 16);
            candidates.push(end..next.copied().unwrap_or_else(|| floor(text, end + length)));
        }
        candidates.extend(starts.iter().map(|&s| ceil(text, s.saturating_sub(length))..s));
        candidates
            .into_iter()
            .filter_map(|r| alike_enough(&self.exact, &text[r.clone()]).map(|similarity| (similarity, r)))
            .max_by(|a, b| {
                a.0.total_cmp(&b.0).then(b.1.start.abs_diff(self.start).cmp(&a.1.start.abs_diff(self.start)))
            })
            .map(|(similarity, range)| Placement::Moved { range, similarity })
    }
}

/// How alike two passages are (normalised Levenshtein over characters, 1
/// when the same), when at least [`THRESHOLD`]. A pair whose lengths alone
/// rule that out is not compared: a comparison costs the product of the
/// two lengths.
pub fn alike_enough(a: &str, b: &str) -> Option<f64> {
    let (a_len, b_len) = (a.chars().count(), b.chars().count());
    let (longest, shortest) = (a_len.max(b_len), a_len.min(b_len));
    if longest == 0 || (shortest as f64) < longest as f64 * THRESHOLD {
        return None;
    }
    let similarity = 1.0 - strsim::levenshtein(a, b) as f64 / longest as f64;
    (similarity >= THRESHOLD).then_some(similarity)
}

/// Where `needle` starts in `text`, the first [`PLACES`] times; nowhere
/// for an empty needle (it would be everywhere).
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let found = (!needle.is_empty()).then(|| text.match_indices(needle).map(|(at, _)| at).take(PLACES));
    found.into_iter().flatten()
}

/// The last characters of a prefix that place it: enough to be told apart, few enough to survive an edit.
fn tail(prefix: &str) -> &str {
    let from = prefix.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
    &prefix[from..]
}

/// The first characters of a suffix, as [`tail`].
fn head(suffix: &str) -> &str {
    let to = suffix.char_indices().nth(16).map_or(suffix.len(), |(i, _)| i);
    &suffix[..to]
}

/// `at`, or the character boundary before it, within `text`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at`, or the character boundary after it.
fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TEXT: &str = "In 2012 the junta seized power in Bamako. On 22 March 2012, soldiers led by \
                        Captain Amadou Sanogo overthrew President Amadou Toumani Touré. The United \
                        States suspended aid a week later.";
    const PASSAGE: &str = "Captain Amadou Sanogo overthrew President Amadou Toumani Touré";

    fn anchor() -> Anchor {
        let start = TEXT.find(PASSAGE).unwrap();
        Anchor::new(TEXT, start..start + PASSAGE.len())
    }

    fn placed(text: &str) -> (Placement, Option<&str>) {
        let placement = anchor().place(text);
        let words = placement.range().map(|r| &text[r]);
        (placement, words)
    }

    #[test]
    fn the_same_text_places_it_where_it_was() {
        let (placement, words) = placed(TEXT);
        assert!(matches!(placement, Placement::Anchored(_)));
        assert_eq!(words, Some(PASSAGE));
    }

    #[test]
    fn text_inserted_before_moves_the_place_not_the_words() {
        let edited = format!("A new paragraph, written later.\n\n{TEXT}");
        let (placement, words) = placed(&edited);
        assert!(matches!(placement, Placement::Anchored(_)), "{placement:?}");
        assert_eq!(words, Some(PASSAGE));
    }

    #[test]
    fn words_touched_up_inside_are_found_as_moved() {
        let edited = TEXT.replace("Captain Amadou Sanogo overthrew", "Capt. Amadou Sanogo toppled");
        let (placement, words) = placed(&edited);
        let Placement::Moved { similarity, .. } = placement else { panic!("{placement:?}") };
        assert!((THRESHOLD..1.0).contains(&similarity), "{similarity}");
        assert_eq!(words, Some("Capt. Amadou Sanogo toppled President Amadou Toumani Touré"));
    }

    #[test]
    fn words_rewritten_beyond_the_threshold_are_an_orphan() {
        let edited = TEXT.replace(PASSAGE, "mutinous troops took the presidential palace by surprise");
        assert_eq!(placed(&edited).0, Placement::Orphan);
    }

    #[test]
    fn a_deleted_passage_is_an_orphan() {
        let edited = TEXT.replace(&format!("soldiers led by {PASSAGE}."), "");
        assert_eq!(placed(&edited).0, Placement::Orphan);
        assert_eq!(anchor().place("").range(), None);
    }

    #[test]
    fn a_duplicated_passage_keeps_the_one_in_its_context() {
        let edited = format!("Elsewhere: {PASSAGE}, as the press said. {TEXT}");
        let (placement, _) = placed(&edited);
        let Placement::Anchored(range) = placement else { panic!("{placement:?}") };
        assert_eq!(range.start, edited.rfind(PASSAGE).unwrap(), "the copy with the old context");
    }

    #[test]
    fn the_words_alone_in_another_context_are_moved() {
        let edited = format!("The report says {PASSAGE} that spring.");
        let (placement, words) = placed(&edited);
        assert!(matches!(placement, Placement::Moved { similarity: 1.0, .. }), "{placement:?}");
        assert_eq!(words, Some(PASSAGE));
    }

    #[test]
    fn context_is_counted_in_characters_not_bytes() {
        let text = "é".repeat(40) + "Keïta" + &"ü".repeat(40);
        let start = text.find("Keïta").unwrap();
        let anchor = Anchor::new(&text, start..start + "Keïta".len());
        assert_eq!((anchor.prefix.chars().count(), anchor.suffix.chars().count()), (CONTEXT, CONTEXT));
        assert_eq!(anchor.place(&format!("x{text}")).range().map(|r| r.start), Some(start + 1));
    }

    proptest! {
        /// A passage left as it was is found again, exactly, whatever is
        /// inserted elsewhere (the passage holds a word the rest lacks).
        #[test]
        fn an_unchanged_passage_is_placed_exactly(
            before in "[a-zé ,.]{0,80}",
            after in "[a-zé ,.]{0,80}",
            inserted in "[a-zA-Zé ,.\n]{1,40}",
            at_start in any::<bool>(),
            cut in 0usize..80,
        ) {
            let passage = "Ségou Accord of 1992";
            let text = format!("{before}{passage}{after}");
            let start = before.len();
            let anchor = Anchor::new(&text, start..start + passage.len());
            let edited = if at_start {
                let at = floor(&before, cut.min(before.len()));
                format!("{}{inserted}{}{passage}{after}", &before[..at], &before[at..])
            } else {
                let at = floor(&after, cut.min(after.len()));
                format!("{before}{passage}{}{inserted}{}", &after[..at], &after[at..])
            };
            let new_start = edited.find(passage).unwrap();
            prop_assert_eq!(anchor.place(&edited).range(), Some(new_start..new_start + passage.len()));
        }
    }
}
