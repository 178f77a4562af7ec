//! Where a date can begin, and a pattern's matches there. Every pattern
//! begins at an ASCII word boundary with a run of digits or one of a few
//! words, so one pass over the text lists those places, and each pattern
//! is tried there only, anchored, instead of searching the whole text:
//! twenty-one searches became one scan.

use super::patterns::Compiled;
use regex_automata::{Anchored, Input, Match};

/// The kinds of word a pattern may begin with, as bits: a pattern names
/// those it begins with, a place those it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Opening(u16);

impl Opening {
    /// One or two digits: a day (`5 June`, `05/06/2019`).
    pub const DAY: Opening = Opening(1);
    /// Four digits: a year.
    pub const YEAR: Opening = Opening(1 << 1);
    /// Six digits: a date-time group (`141609Z`).
    pub const GROUP: Opening = Opening(1 << 2);
    /// A month's name or abbreviation.
    pub const MONTH: Opening = Opening(1 << 3);
    /// `early`, `mid`, `late`, `the end of`, `beginning of`.
    pub const PART: Opening = Opening(1 << 4);
    /// `between`, `from`.
    pub const SPAN: Opening = Opening(1 << 5);
    /// `FY`, `fiscal`.
    pub const FISCAL: Opening = Opening(1 << 6);
    /// `last`, `next`, `this`, `previous`, `coming`, `yesterday`.
    pub const RELATIVE: Opening = Opening(1 << 7);
    /// `day`, `date`, `month`.
    pub const NARRATIVE: Opening = Opening(1 << 8);
    /// `on`, `last` (before a weekday).
    pub const WEEKDAY: Opening = Opening(1 << 9);

    const NONE: Opening = Opening(0);
    /// How many kinds there are: the bits up to the last kind's.
    const KINDS: usize = Opening::WEEKDAY.0.trailing_zeros() as usize + 1;

    pub const fn or(self, other: Opening) -> Opening {
        Opening(self.0 | other.0)
    }
}

/// The places a date may begin, listed apart by what may begin there:
/// a pattern reads only the places of its opening word (read in one list,
/// each of the twenty-one patterns passed over every place of the others).
#[derive(Default)]
pub(super) struct Places {
    by_opening: [Vec<u32>; Opening::KINDS],
}

impl Places {
    /// The places of `opening`, one kind of word (as a pattern's is).
    fn of(&self, opening: Opening) -> &[u32] {
        debug_assert_eq!(opening.0.count_ones(), 1, "a pattern begins with one kind of word");
        &self.by_opening[opening.0.trailing_zeros() as usize]
    }
}

/// What a byte is to [`starts`]: ASCII digits, letters, other word
/// characters (`_`), and the rest.
static CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            b'_' => UNDERSCORE,
            _ => OTHER,
        };
        b += 1;
    }
    table
};
const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const UNDERSCORE: u8 = 3;

/// Every place in `text` where a pattern may begin: a superset of where
/// one matches (the patterns decide).
pub(super) fn starts(text: &str) -> Places {
    let mut places = Places::default();
    each_place(text, |at, opening| {
        let at = u32::try_from(at).expect("texts are under 4 GiB (ingest reads no file over 1 GiB)");
        let mut kinds = opening.0;
        while kinds != 0 {
            places.by_opening[kinds.trailing_zeros() as usize].push(at);
            kinds &= kinds - 1;
        }
    });
    places
}

/// Every place in `text` where a pattern may begin, in order, with what
/// may begin there. Bytes are read through a table: this runs over whole
/// corpora.
fn each_place(text: &str, mut found: impl FnMut(usize, Opening)) {
    let bytes = text.as_bytes();
    let class_at = |at: usize| CLASS[usize::from(bytes[at])];
    let mut at = 0;
    while at < bytes.len() {
        let class = class_at(at);
        if class == OTHER {
            at += 1;
            continue;
        }
        // A word, after a boundary: what its first digits or letters open.
        let from = at;
        at += 1;
        while at < bytes.len() && class_at(at) == class {
            at += 1;
        }
        let opening = match class {
            DIGIT => by_digits(at - from),
            LETTER => by_word(&bytes[from..], at - from),
            _ => Opening::NONE,
        };
        if opening != Opening::NONE {
            found(from, opening);
        }
        // The rest of the word stands after no boundary.
        while at < bytes.len() && class_at(at) != OTHER {
            at += 1;
        }
    }
}

/// Where the patterns are tried.
pub(super) enum Tried<'s> {
    /// Anchored, at each place a date may begin that a pattern may begin with.
    At(&'s Places),
    /// Searched for in the whole text: what `At` must find the same as.
    #[cfg(test)]
    Anywhere,
}

/// One pattern's matches, each the first from a place on.
pub(super) struct Matches<'p, 's> {
    compiled: &'p Compiled,
    tried: &'s Tried<'s>,
    /// The first of the places not yet tried.
    next_start: usize,
}

impl<'p, 's> Matches<'p, 's> {
    pub fn new(compiled: &'p Compiled, tried: &'s Tried<'s>) -> Self {
        Matches { compiled, tried, next_start: 0 }
    }

    /// The first match from `at` on: at the first place from `at` where the
    /// pattern may begin and does.
    pub fn first_from(&mut self, text: &str, at: usize) -> Option<Match> {
        let Compiled { opening, regex, .. } = self.compiled;
        match self.tried {
            Tried::At(places) => {
                let places = places.of(*opening);
                let untried = &places[self.next_start..];
                for (k, &start) in untried.iter().enumerate().filter(|(_, &p)| p as usize >= at) {
                    let found = regex.search(&Input::new(text).range(start as usize..).anchored(Anchored::Yes));
                    if found.is_some() {
                        self.next_start += k + 1;
                        return found;
                    }
                }
                self.next_start = places.len();
                None
            }
            #[cfg(test)]
            Tried::Anywhere => regex.search(&Input::new(text).range(at..)),
        }
    }
}

/// A pattern's digits run to a non-digit: a day has one or two, a year
/// four, a date-time group six before its `Z`.
fn by_digits(run: usize) -> Opening {
    match run {
        1 | 2 => Opening::DAY,
        4 => Opening::YEAR,
        6 => Opening::GROUP,
        _ => Opening::NONE,
    }
}

/// What the word of `run` letters at the start of `rest` may open, read
/// without regard to case (the patterns ask for theirs).
fn by_word(rest: &[u8], run: usize) -> Opening {
    const LONGEST: usize = 9; // `september`, `yesterday`, `beginning`
    if !(2..=LONGEST).contains(&run) {
        return Opening::NONE;
    }
    let mut lower = [0u8; LONGEST];
    for (l, b) in lower.iter_mut().zip(&rest[..run]) {
        *l = b.to_ascii_lowercase();
    }
    match &lower[..run] {
        b"jan" | b"january" | b"feb" | b"february" | b"mar" | b"march" | b"apr" | b"april" | b"may" | b"jun"
        | b"june" | b"jul" | b"july" | b"aug" | b"august" | b"sep" | b"sept" | b"september" | b"oct" | b"october"
        | b"nov" | b"november" | b"dec" | b"december" => Opening::MONTH,
        b"early" | b"mid" | b"late" | b"end" | b"beginning" => Opening::PART,
        // `the end of`, `the beginning of`: not at every `the`.
        b"the" if followed_by_part(&rest[run..]) => Opening::PART,
        b"between" | b"from" => Opening::SPAN,
        b"fy" | b"fiscal" => Opening::FISCAL,
        b"last" => Opening::RELATIVE.or(Opening::WEEKDAY),
        b"next" | b"this" | b"previous" | b"coming" | b"yesterday" => Opening::RELATIVE,
        b"day" | b"date" | b"month" => Opening::NARRATIVE,
        b"on" => Opening::WEEKDAY,
        _ => Opening::NONE,
    }
}

fn followed_by_part(after: &[u8]) -> bool {
    let starts = |word: &[u8]| after.get(..word.len()).is_some_and(|a| a.eq_ignore_ascii_case(word));
    starts(b" end of") || starts(b" beginning of")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openings(text: &str) -> Vec<(usize, u16)> {
        let mut found = Vec::new();
        each_place(text, |at, opening| found.push((at, opening.0)));
        found
    }

    #[test]
    fn words_and_digit_runs_open_dates_only_after_a_boundary() {
        assert_eq!(openings("On 5 June 2019"), vec![(0, 512), (3, 1), (5, 8), (10, 2)]);
        assert_eq!(openings("A1 2019x3 FY2016 141609Z"), vec![(3, 2), (10, 64), (17, 4)]);
        assert_eq!(openings("the year, The End of 2012"), vec![(10, 16), (14, 16), (21, 2)]);
        assert_eq!(openings("Mayor septembers 123 12345"), vec![]);
        assert_eq!(openings("é2019 ÉMay"), vec![(2, 2), (9, 8)]);
    }

    #[test]
    fn a_place_is_listed_for_each_kind_it_may_open() {
        let places = starts("since last Monday, 5 June");
        assert_eq!(places.of(Opening::RELATIVE), [6]);
        assert_eq!(places.of(Opening::WEEKDAY), [6], "`last` opens a weekday too");
        assert_eq!(places.of(Opening::DAY), [19]);
        assert_eq!(places.of(Opening::MONTH), [21]);
        assert!(places.of(Opening::YEAR).is_empty());
    }
}
