//! Matching the gazetteer: every alias, demonym and short form of every
//! known entity, found on word boundaries, leftmost-longest, in one pass
//! over the words of an accent- and apostrophe-folded copy of the text.

use crate::assets::{Gazetteer, GazetteerEntry};
use crate::model::DateValue;
use crate::text::{fold_char, is_word_char, word_end, word_spans};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Text folded for matching, with the way back to the clean text.
pub struct Folded {
    pub text: String,
    /// Where the clean offset stops being the folded one plus the last
    /// difference: (folded, clean) offsets, in order, from (0, 0). Most
    /// text folds to itself, so a few of these stand for a map of every
    /// byte, which was four bytes of fresh memory per byte of text.
    steps: Vec<(u32, u32)>,
}

impl Folded {
    /// Accents and typographic apostrophes folded; an apostrophe inside a
    /// word is dropped (`Q'Aida` = `Qa'ida` = `Qaida`) unless it marks a
    /// possessive (`Mali's`), so that the word boundary stays.
    pub fn new(clean: &str) -> Self {
        let mut folded = Folded { text: String::with_capacity(clean.len()), steps: vec![(0, 0)] };
        let mut prev_letter = false;
        let mut at = 0;
        while at < clean.len() {
            folded.step(at);
            // Runs of ASCII other than apostrophes and line breaks fold to themselves: copied whole.
            let run = plain_run(&clean.as_bytes()[at..]);
            if run > 0 {
                folded.text.push_str(&clean[at..at + run]);
                prev_letter = clean.as_bytes()[at + run - 1].is_ascii_alphabetic();
                at += run;
                continue;
            }
            let c = clean[at..].chars().next().expect("at a character boundary");
            // A word hyphenated at a line's end is read whole (`Opportuni-\nty`).
            if c == '\n' {
                if let Some(goes_on) = crate::text::hyphenated_word_goes_on(clean, at) {
                    folded.text.pop();
                    while folded.steps.last().is_some_and(|&(f, _)| f as usize > folded.text.len()) {
                        folded.steps.pop();
                    }
                    at = goes_on;
                    continue;
                }
            }
            // A line break inside a paragraph is read as a space, byte for
            // byte: a name broken over two lines of hard-wrapped text
            // (`Al\nQaeda`) is found; a blank line still ends any name.
            let f = if c == '\n' && lone_line_break(clean.as_bytes(), at) { ' ' } else { fold_char(c) };
            let next = at + c.len_utf8();
            if f == '\'' && prev_letter {
                let rest = &clean[next..];
                let next_letter = rest.chars().next().is_some_and(char::is_alphabetic);
                let possessive = rest.starts_with(['s', 'S']) && !rest[1..].starts_with(|c: char| c.is_alphanumeric());
                if next_letter && !possessive {
                    at = next;
                    continue;
                }
            }
            prev_letter = f.is_alphabetic();
            folded.text.push(f);
            at = next;
        }
        folded.step(clean.len());
        folded
    }

    /// Notes that the end of the folded text so far stands for `clean`.
    fn step(&mut self, clean: usize) {
        let (folded, clean) = (self.text.len() as u32, clean as u32);
        let (last_folded, last_clean) = *self.steps.last().expect("steps start at (0, 0)");
        if i64::from(clean) - i64::from(folded) != i64::from(last_clean) - i64::from(last_folded) {
            self.steps.push((folded, clean));
        }
    }

    /// The clean offset of a folded one (on a folded char boundary).
    fn clean_at(&self, folded: usize) -> usize {
        self.clean_in(folded, self.step_of(folded))
    }

    /// The step `folded` is in: the last that starts at or before it.
    fn step_of(&self, folded: usize) -> usize {
        self.steps.partition_point(|&(f, _)| f as usize <= folded) - 1
    }

    /// The step `folded` is in, walked to from `step`, one at or before it.
    #[inline]
    fn step_from(&self, folded: usize, mut step: usize) -> usize {
        while self.steps.get(step + 1).is_some_and(|&(f, _)| f as usize <= folded) {
            step += 1;
        }
        step
    }

    /// The clean offset of `folded`, in step `step`.
    #[inline]
    fn clean_in(&self, folded: usize, step: usize) -> usize {
        let (f, c) = self.steps[step];
        c as usize + (folded - f as usize)
    }

    /// The clean range of a folded range (both ends on folded char boundaries).
    pub fn clean_range(&self, r: Range<usize>) -> Range<usize> {
        self.clean_at(r.start)..self.clean_at(r.end)
    }

    /// [`Self::clean_range`] for ranges asked in order of their starts:
    /// `step`, where the last one started, is walked on from, not searched
    /// for again (a text of accented names has a step every few words).
    fn clean_range_from(&self, r: Range<usize>, step: &mut usize) -> Range<usize> {
        if self.steps.get(*step).is_none_or(|&(f, _)| f as usize > r.start) {
            *step = self.step_of(r.start);
        }
        *step = self.step_from(r.start, *step);
        self.clean_in(r.start, *step)..self.clean_in(r.end, self.step_from(r.end, *step))
    }
}

/// Whether `b` folds to itself wherever it stands: ASCII, not an apostrophe, not a line break.
fn is_plain(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\'' | b'`' | b'\n')
}

/// The length of the run of plain bytes `bytes` begins with, read eight
/// at a time (the folded copy is of whole corpora, and most of it is plain).
fn plain_run(bytes: &[u8]) -> usize {
    use crate::text::{HIGHS, ONES};
    // Whether a byte of `w` is zero (the classic test: exact, no false alarms).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS != 0;
    let mut at = 0;
    while let Some(eight) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let any = |b: u8| has_zero(w ^ (ONES * u64::from(b)));
        if w & HIGHS != 0 || any(b'\'') || any(b'`') || any(b'\n') {
            break;
        }
        at += 8;
    }
    at + bytes[at..].iter().take_while(|&&b| is_plain(b)).count()
}

/// How a pattern may match.
#[derive(Debug, Clone)]
struct PatternInfo {
    entry: usize,
    /// All capitals (`US`, `ATT`): only that exact spelling counts.
    exact: bool,
    /// Which words of the pattern must be capitalised in the text.
    capitals: Vec<bool>,
    short: bool,
}

/// A known entity's mention candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Range in the clean text.
    pub range: Range<usize>,
    pub entry: usize,
    /// Matched a short form: valid only after a title or where the entity
    /// is named in full in the same document.
    pub short: bool,
}

pub struct Matcher {
    /// Patterns by a hash of their first word, ASCII lower-cased. A match
    /// begins where a word does and that word is the pattern's first, so
    /// words are looked up: nothing to compile at start-up, and a search
    /// hashes each word as it reads it.
    by_first_word: FxHashMap<u64, Vec<usize>>,
    /// The same hashes' top 16 bits, as a bit set: most words are ruled
    /// out without a lookup.
    first_word_bits: Box<[u64; 1024]>,
    /// The lower-case ASCII letters a pattern may begin with in the text
    /// (`al-Qaeda`): a word beginning with any other is no match, as a
    /// capitalised first word must be capitalised, and is not hashed.
    lower_starts: [bool; 128],
    /// Patterns beginning with a character that is not a word character
    /// (none in the bundled gazetteer), searched for as they are.
    odd: Option<(AhoCorasick, Vec<usize>)>,
    patterns: Vec<PatternInfo>,
    folded_patterns: Vec<String>,
    pub terms: Vec<Vec<DateValue>>,
}

/// Folded surface forms, matched without regard to ASCII case, every
/// match reported (overlapping): `find` picks among them.
fn automaton<'a>(folded_patterns: impl IntoIterator<Item = &'a String>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(folded_patterns)
        .expect("gazetteer patterns build an automaton")
}

/// A hash of a word's bytes, the same for words equal but for ASCII case,
/// eight bytes at a time (a byte at a time, it was a fifth of the matcher).
/// Each byte's `0x20` bit is set, lowering ASCII letters; other bytes that
/// differ only there hash alike, which costs a comparison, not a match.
fn word_hash(word: &str) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mix = |hash: u64, eight: u64| (hash.rotate_left(5) ^ eight).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut chunks = word.as_bytes().chunks_exact(8);
    let mut hash = word.len() as u64;
    for chunk in chunks.by_ref() {
        hash = mix(hash, u64::from_le_bytes(chunk.try_into().expect("eight bytes")) | LOWER);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        hash = mix(hash, u64::from_le_bytes(last) | (LOWER >> (8 * (8 - tail.len()))));
    }
    hash
}

/// Where a hash falls in [`Matcher::first_word_bits`].
fn bit_of(hash: u64) -> (usize, u64) {
    let top = (hash >> 48) as usize;
    (top / 64, 1 << (top % 64))
}

fn plurals(demonym: &str) -> Option<String> {
    let ends = demonym.ends_with('n') || demonym.ends_with('i');
    ends.then(|| format!("{demonym}s"))
}

impl Matcher {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut folded_patterns = Vec::new();
        let mut patterns = Vec::new();
        for (index, entry) in gazetteer.entities.iter().enumerate() {
            for (surface, short) in surfaces(entry) {
                let folded: String = Folded::new(&surface).text;
                if folded.trim().is_empty() {
                    continue;
                }
                let exact = surface.len() <= 6 && !surface.chars().any(char::is_lowercase);
                let capitals = folded.split(' ').map(|w| w.starts_with(char::is_uppercase)).collect();
                patterns.push(PatternInfo { entry: index, exact, capitals, short });
                folded_patterns.push(folded);
            }
        }
        let mut by_first_word: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut first_word_bits = Box::new([0u64; 1024]);
        let mut odd = Vec::new();
        let mut lower_starts = [false; 128];
        for (n, pattern) in folded_patterns.iter().enumerate() {
            let first_word = &pattern[..word_end(pattern, 0)];
            if first_word.is_empty() {
                odd.push(n);
                continue;
            }
            let first = first_word.as_bytes()[0].to_ascii_lowercase();
            if !patterns[n].capitals[0] && first.is_ascii() {
                lower_starts[usize::from(first)] = true;
            }
            let hash = word_hash(first_word);
            let (word, bit) = bit_of(hash);
            first_word_bits[word] |= bit;
            by_first_word.entry(hash).or_default().push(n);
        }
        // Longest first, so a word's candidates come out in the order `find`
        // sorts them in, and its sort merges runs instead of sorting.
        for list in by_first_word.values_mut() {
            list.sort_by_key(|&n| std::cmp::Reverse(folded_patterns[n].len()));
        }
        let odd = (!odd.is_empty()).then(|| (automaton(odd.iter().map(|&n| &folded_patterns[n])), odd));
        let terms =
            gazetteer.entities.iter().map(|e| e.terms.iter().filter_map(|t| DateValue::parse(t)).collect()).collect();
        Matcher { by_first_word, first_word_bits, lower_starts, odd, patterns, folded_patterns, terms }
    }

    /// Every pattern that occurs in `text`, ASCII case aside, beginning
    /// where a word begins (or anywhere, for the odd ones): (range, pattern).
    fn occurrences(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for word in word_spans(text) {
            let first = bytes[word.start];
            if first.is_ascii_lowercase() && !self.lower_starts[usize::from(first)] {
                continue;
            }
            let hash = word_hash(&text[word.clone()]);
            let (slot, bit) = bit_of(hash);
            if self.first_word_bits[slot] & bit == 0 {
                continue;
            }
            // Equal hashes are not equal words: each pattern is compared,
            // its last byte first. Most patterns of a first word differ from
            // the text in a later word (`United Nations`, `United States`),
            // and the whole comparison is a call.
            for &n in self.by_first_word.get(&hash).into_iter().flatten() {
                let pattern = self.folded_patterns[n].as_bytes();
                let Some(here) = bytes[word.start..].get(..pattern.len()) else { continue };
                let last = pattern.len() - 1;
                if here[last].eq_ignore_ascii_case(&pattern[last]) && here.eq_ignore_ascii_case(pattern) {
                    found.push((word.start..word.start + pattern.len(), n));
                }
            }
        }
        if let Some((automaton, ids)) = &self.odd {
            found.extend(automaton.find_overlapping_iter(text).map(|m| (m.range(), ids[m.pattern().as_usize()])));
        }
        found
    }

    /// Every candidate in `clean`, leftmost-longest, on word boundaries.
    /// Several entries may share one range (a short form like `Keita`).
    /// A match may not cross the edge of a `marked` name (the cable's
    /// markup says where names end).
    pub fn find(&self, clean: &str, marked: &[Range<usize>]) -> Vec<Hit> {
        let folded = Folded::new(clean);
        let text = folded.text.as_str();
        let mut marked = marked.to_vec();
        marked.sort_by_key(|m| m.start);
        let longest = marked.iter().map(|m| m.len()).max().unwrap_or(0);
        let crosses = |r: &Range<usize>| {
            // Only marks starting within `longest` before `r` can overlap it.
            let from = marked.partition_point(|m| m.start + longest < r.start);
            marked[from..].iter().take_while(|m| m.start < r.end).any(|m| {
                let overlap = r.start < m.end;
                let nested = (m.start <= r.start && r.end <= m.end) || (r.start <= m.start && m.end <= r.end);
                overlap && !nested
            })
        };
        let mut candidates: Vec<(Range<usize>, usize)> = self
            .occurrences(text)
            .into_iter()
            .filter(|(r, p)| self.accepts(text, r.clone(), *p))
            .filter(|(r, _)| marked.is_empty() || !crosses(&folded.clean_range(r.clone())))
            .collect();
        candidates.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut hits: Vec<Hit> = Vec::new();
        let mut step = 0;
        let mut taken_until = 0;
        let mut last: Option<Range<usize>> = None;
        for (r, p) in candidates {
            let same_as_last = last.as_ref() == Some(&r);
            if r.start < taken_until && !same_as_last {
                continue;
            }
            let info = &self.patterns[p];
            let range = folded.clean_range_from(r.clone(), &mut step);
            // Candidates come sorted, so a duplicate can only be among the last hits.
            if !hits.iter().rev().take_while(|h| h.range == range).any(|h| h.entry == info.entry) {
                hits.push(Hit { range, entry: info.entry, short: info.short });
            }
            taken_until = r.end;
            last = Some(r);
        }
        hits
    }

    fn accepts(&self, text: &str, r: Range<usize>, pattern: usize) -> bool {
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        let pattern_text = &self.folded_patterns[pattern];
        let ends_with_dot = pattern_text.ends_with('.');
        if before.is_some_and(is_word_char) || (!ends_with_dot && after.is_some_and(is_word_char)) {
            return false;
        }
        let info = &self.patterns[pattern];
        if info.exact {
            return text[r.clone()] == *pattern_text && !in_code(text, r);
        }
        let found = &text[r];
        if memchr::memchr_iter(b' ', found.as_bytes()).count() + 1 != info.capitals.len() {
            return false;
        }
        let all_caps = !found.chars().any(char::is_lowercase);
        // Each word's start found as the spaces were counted above.
        let word_starts = std::iter::once(0).chain(memchr::memchr_iter(b' ', found.as_bytes()).map(|at| at + 1));
        let capitalised =
            || word_starts.zip(&info.capitals).all(|(at, &cap)| !cap || found[at..].starts_with(char::is_uppercase));
        found.chars().any(char::is_uppercase) && (all_caps || capitalised())
    }
}

/// Whether `r` is a piece of a code joined by hyphens that holds a digit
/// (`CAR` of a sanctions programme's `[CAR-EO13667]`), not a name (`AU-led`).
fn in_code(text: &str, r: Range<usize>) -> bool {
    // Read a few bytes either side, not to the code's ends: `CAR-CAR-…`
    // over a megabyte would be read whole for each of its names.
    const REACH: usize = 16;
    let code = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    let digit_in =
        |piece: &mut dyn Iterator<Item = &u8>| piece.take(REACH).take_while(|b| code(b)).any(u8::is_ascii_digit);
    let (before, after) = (&text.as_bytes()[..r.start], &text.as_bytes()[r.end..]);
    (after.first() == Some(&b'-') && digit_in(&mut after[1..].iter()))
        || (before.last() == Some(&b'-') && digit_in(&mut before[..before.len() - 1].iter().rev()))
}

/// Whether the line break at `at` has a line on either side (no blank line).
fn lone_line_break(bytes: &[u8], at: usize) -> bool {
    at > 0 && bytes[at - 1] != b'\n' && bytes.get(at + 1).is_some_and(|&b| b != b'\n')
}

/// All the spellings of an entry: name, aliases (each also without the
/// `the` of `of the`: `Democratic Republic of Congo`), demonyms and their
/// plurals, and (flagged) short forms.
fn surfaces(entry: &GazetteerEntry) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for name in std::iter::once(&entry.name).chain(&entry.aliases) {
        out.push((name.clone(), false));
        if name.contains(" of the ") {
            out.push((name.replacen(" of the ", " of ", 1), false));
        }
    }
    for d in &entry.demonyms {
        out.push((d.clone(), false));
        out.extend(plurals(d).map(|p| (p, false)));
    }
    out.extend(entry.short.iter().map(|s| (s.clone(), true)));
    out
}

#[cfg(test)]
mod tests {
    use super::{automaton, is_plain, plain_run, word_hash, Folded, Matcher};
    use std::ops::Range;

    proptest::proptest! {
        /// Read eight at a time, a plain run ends where a byte by byte reading ends it.
        #[test]
        fn plain_runs_end_where_bytes_say(text in "[a `'\u{0}\u{7f}é’Z\n]{0,40}") {
            let bytes = text.as_bytes();
            for from in 0..bytes.len() {
                let by_bytes = bytes[from..].iter().take_while(|&&b| is_plain(b)).count();
                proptest::prop_assert_eq!(plain_run(&bytes[from..]), by_bytes);
            }
        }

        /// Words equal but for ASCII case hash alike, whatever their length.
        #[test]
        fn words_alike_but_for_case_hash_alike(word in "[a-zA-Z0-9é'.-]{0,20}") {
            proptest::prop_assert_eq!(word_hash(&word), word_hash(&word.to_ascii_lowercase()));
            proptest::prop_assert_eq!(word_hash(&word), word_hash(&word.to_ascii_uppercase()));
        }
    }

    /// What an automaton of every pattern finds and `accepts`, in the order `find` sorts it.
    fn by_automaton(matcher: &Matcher, text: &str) -> Vec<(Range<usize>, usize)> {
        let all = automaton(&matcher.folded_patterns);
        let mut found: Vec<_> = (all.find_overlapping_iter(text).map(|m| (m.range(), m.pattern().as_usize())))
            .filter(|(r, p)| matcher.accepts(text, r.clone(), *p))
            .collect();
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        found
    }

    fn bundled_matcher() -> Matcher {
        Matcher::new(&crate::assets::Assets::bundled().gazetteer)
    }

    /// The names the bundled gazetteer finds in `text`, as written.
    fn names_in(text: &str) -> Vec<&str> {
        bundled_matcher().find(text, &[]).into_iter().map(|h| &text[h.range]).collect()
    }

    #[test]
    fn looking_words_up_finds_what_an_automaton_finds() {
        let matcher = bundled_matcher();
        let mut texts: Vec<String> = crate::assets::bundled_seeds()
            .iter()
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .collect();
        texts.push("Mali's MALI mali Malians AQIM-led U.S.-backed ECOWAS_ (Keita) Keïta_Modibo".into());
        let mut total = 0;
        for text in &texts {
            let text = &Folded::new(text).text;
            let mut ours: Vec<_> =
                matcher.occurrences(text).into_iter().filter(|(r, p)| matcher.accepts(text, r.clone(), *p)).collect();
            ours.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
            assert_eq!(ours, by_automaton(&matcher, text));
            total += ours.len();
        }
        assert!(total > 100, "the seeds name many known entities");
    }

    #[test]
    fn a_name_that_begins_without_a_letter_is_found_too() {
        let gazetteer: crate::assets::Gazetteer = toml::from_str(
            r#"
            [[entity]]
            name = "(Ansar) Group"
            kind = "organization"
            [[entity]]
            name = "Ansar Dine"
            kind = "organization"
            "#,
        )
        .unwrap();
        let matcher = Matcher::new(&gazetteer);
        assert!(matcher.odd.is_some());
        let text = "The (Ansar) Group and Ansar Dine; x(Ansar) Group.";
        let hits: Vec<_> = matcher.find(text, &[]).into_iter().map(|h| (&text[h.range], h.entry)).collect();
        // `x(Ansar) Group` is not on a word boundary.
        assert_eq!(hits, [("(Ansar) Group", 0), ("Ansar Dine", 1)]);
        assert_eq!(by_automaton(&matcher, text).len(), 2);
    }

    #[test]
    fn an_acronym_in_a_code_is_no_name() {
        let text = "Gender Male (individual) [CAR-EO13667]; an AU-led force in the CAR; 2013-CAR.";
        let found = names_in(text);
        assert_eq!(found, ["AU", "CAR"]);
    }

    #[test]
    fn a_name_broken_over_two_lines_is_found_but_not_over_a_blank_one() {
        let text = "Insurgents affiliated with Al\nQaeda  and the Islamic State.\n\nUnited\n\nStates";
        let found = names_in(text);
        assert!(found.contains(&"Al\nQaeda"), "{found:?}");
        assert!(!found.iter().any(|f| f.contains("\n\n")), "{found:?}");
    }

    /// Text taken from a PDF hyphenates words at its lines' ends.
    #[test]
    fn a_name_hyphenated_at_a_line_end_is_found_whole() {
        let text =
            "under the African Growth and Opportuni-\n  ty Act, with the Franco-\nAfrican summit and Burkina\nFaso.";
        let found = names_in(text);
        assert!(found.contains(&"African Growth and Opportuni-\n  ty Act"), "{found:?}");
        assert!(found.contains(&"Burkina\nFaso"), "{found:?}");
        let folded = Folded::new(text);
        assert!(folded.text.contains("Opportunity Act") && folded.text.contains("Franco- African"), "{}", folded.text);
        let at = folded.text.find("Act").unwrap();
        assert_eq!(&text[folded.clean_at(at)..folded.clean_at(at) + 3], "Act");
    }

    #[test]
    fn folding_keeps_the_way_back_to_the_clean_text() {
        let clean = "Touré met Q’Aida’s envoy, not Mali's `AQIM`.";
        let folded = Folded::new(clean);
        assert_eq!(folded.text, "Toure met QAida's envoy, not Mali's 'AQIM'.");
        let back = |word: &str| {
            let at = folded.text.find(word).unwrap();
            &clean[folded.clean_range(at..at + word.len())]
        };
        assert_eq!(back("Toure"), "Touré");
        assert_eq!(back("QAida's"), "Q’Aida’s");
        assert_eq!(back("AQIM"), "AQIM");
        assert_eq!(folded.clean_range(folded.text.len()..folded.text.len()), clean.len()..clean.len());
    }

    proptest::proptest! {
        /// The clean text of each folded character, in order, is the whole
        /// clean text, and each begins with what folds to that character.
        #[test]
        fn folded_characters_tile_the_clean_text(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Mali", " ", "é", "Touré", "'", "’", "`", "s", "'s ", "ß", "Ω", "ﬁ", "İ", "😀", "Ǆ", "\u{301}",
        ]), 0..40)) {
            let clean: String = pieces.concat();
            let folded = Folded::new(&clean);
            let mut expected_start = 0;
            for (at, c) in folded.text.char_indices() {
                let range = folded.clean_range(at..at + c.len_utf8());
                proptest::prop_assert_eq!(range.start, expected_start);
                let first = clean[range.clone()].chars().next().expect("not empty");
                proptest::prop_assert_eq!(super::fold_char(first), c, "{:?} in {:?}", range, clean);
                expected_start = range.end;
            }
            proptest::prop_assert_eq!(expected_start, clean.len());
        }

        /// Ranges asked in order of their starts, walked to from the last,
        /// map back as each searched for alone does.
        #[test]
        fn ranges_in_order_map_back_as_each_alone(
            pieces in proptest::collection::vec(proptest::sample::select(vec!["Mali ", "é", "Touré ", "’", "Q'Aida", "ß", "😀"]), 0..40),
            picks in proptest::collection::vec((0usize..200, 0usize..12), 0..20),
        ) {
            let folded = Folded::new(&pieces.concat());
            let bounds: Vec<usize> = folded.text.char_indices().map(|(at, _)| at).chain([folded.text.len()]).collect();
            let mut ranges: Vec<Range<usize>> = picks
                .iter()
                .map(|&(start, len)| {
                    let start = start % bounds.len();
                    bounds[start]..bounds[(start + len).min(bounds.len() - 1)]
                })
                .collect();
            ranges.sort_by_key(|r| r.start);
            let mut step = 0;
            for r in ranges {
                proptest::prop_assert_eq!(folded.clean_range_from(r.clone(), &mut step), folded.clean_range(r));
            }
        }
    }
}
