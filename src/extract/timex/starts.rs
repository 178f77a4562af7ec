//! Where a date can begin, and a pattern's matches there. Every pattern
//! begins at an ASCII word boundary with a run of digits or one of a few
//! words, so one pass over the text lists those places, and each pattern
//! is tried there only, anchored, instead of searching the whole text:
//! twenty-one searches became one scan.

use super::patterns::Compiled;
use crate::extract::spans::Marked;
use regex_automata::meta::Cache;
use regex_automata::{Anchored, Input, Match};

/// The kinds of word a pattern may begin with, as bits: a pattern names
/// those it begins with, a place those it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Opening(u16);

impl Opening {
    /// One or two digits: a day (`5 June`).
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
    /// `day`, `date`, `month`, `year`, their plurals, and the parts of a
    /// day (`morning`, `night`).
    pub const NARRATIVE: Opening = Opening(1 << 8);
    /// `on`, `last`, then white space and a weekday's capital.
    pub const WEEKDAY: Opening = Opening(1 << 9);
    /// A day, then `-`, `/` or `.` (`05/06/2019`).
    pub const DAY_SEPARATED: Opening = Opening(1 << 10);
    /// A year, then a dash, after white space or not (`2012-05-03`, `2012 – 13`),
    /// or a slash (`2019/20`).
    pub const YEAR_DASH: Opening = Opening(1 << 11);
    /// A year ending in 0, then `'` or `s` (`1990s`).
    pub const DECADE: Opening = Opening(1 << 12);
    /// A month, then white space and one or two digits (`June 5`).
    pub const MONTH_DAY: Opening = Opening(1 << 13);
    /// A month, then white space and four digits or `of` (`June 2019`).
    pub const MONTH_YEAR: Opening = Opening(1 << 14);
    /// A day, then a dash or a slash, after white space or not (`11-12 May`,
    /// `3 – 4 March`, `2/3 March`).
    pub const DAY_DASH: Opening = Opening(1 << 15);

    const NONE: Opening = Opening(0);
    /// How many kinds there are: as many as bits.
    const KINDS: usize = u16::BITS as usize;

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
            DIGIT => by_digits(&bytes[from..at], &text[at..]),
            LETTER => by_word(&bytes[from..], at - from, &text[at..]),
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
    /// Searched for in the whole text, inside dates found already too:
    /// what `At` must find the same as.
    #[cfg(test)]
    Anywhere,
}

/// One pattern's matches, each the first from a place on, found with the
/// pattern's `cache` (its scratch space).
pub(super) struct Matches<'p, 's, 'c> {
    compiled: &'p Compiled,
    tried: &'s Tried<'s>,
    cache: &'c mut Cache,
    /// The first of the places not yet tried.
    next_start: usize,
}

impl<'p, 's, 'c> Matches<'p, 's, 'c> {
    pub fn new(compiled: &'p Compiled, tried: &'s Tried<'s>, cache: &'c mut Cache) -> Self {
        Matches { compiled, tried, cache, next_start: 0 }
    }

    pub fn compiled(&self) -> &'p Compiled {
        self.compiled
    }

    /// The first match from `at` on: at the first place from `at` where the
    /// pattern may begin and does, but not inside a date of `taken`.
    pub fn first_from(&mut self, text: &str, at: usize, taken: &Marked) -> Option<Match> {
        let Compiled { opening, regex, .. } = self.compiled;
        match self.tried {
            Tried::At(places) => {
                let places = places.of(*opening);
                let untried = &places[self.next_start..];
                let tried = untried.iter().enumerate().filter(|(_, &p)| p as usize >= at && !taken.holds(p as usize));
                for (k, &start) in tried {
                    let input = Input::new(text).range(start as usize..).anchored(Anchored::Yes);
                    let found = regex.search_with(self.cache, &input);
                    if found.is_some() {
                        self.next_start += k + 1;
                        return found;
                    }
                }
                self.next_start = places.len();
                None
            }
            // Every match, even inside a date found already: what skipping
            // those must find the same as.
            #[cfg(test)]
            Tried::Anywhere => regex.search_with(self.cache, &Input::new(text).range(at..)),
        }
    }
}

/// A pattern's digits run to a non-digit: a day has one or two, a year
/// four, a date-time group six before its `Z`. What comes `after` them
/// rules patterns out, each a search saved (`2012-05` may open an ISO
/// date, `2012 in` only a year).
fn by_digits(digits: &[u8], after: &str) -> Opening {
    let next = after.as_bytes().first().copied();
    match digits.len() {
        1 | 2 if matches!(next, Some(b'-' | b'/')) => Opening::DAY.or(Opening::DAY_SEPARATED).or(Opening::DAY_DASH),
        1 | 2 if matches!(next, Some(b'.')) => Opening::DAY.or(Opening::DAY_SEPARATED),
        1 | 2 if after.trim_start().starts_with(['-', '–', '/']) => Opening::DAY.or(Opening::DAY_DASH),
        1 | 2 => Opening::DAY,
        4 => {
            let mut year = Opening::YEAR;
            if after.trim_start().starts_with(['-', '–', '—']) || after.starts_with('/') {
                year = year.or(Opening::YEAR_DASH);
            }
            if digits[3] == b'0' && matches!(next, Some(b'\'' | b's')) {
                year = year.or(Opening::DECADE);
            }
            year
        }
        6 => Opening::GROUP,
        _ => Opening::NONE,
    }
}

/// What the word of `run` letters at the start of `rest` may open, read
/// without regard to case (the patterns ask for theirs), and with what
/// comes `after` it.
fn by_word(rest: &[u8], run: usize, after: &str) -> Opening {
    const LONGEST: usize = 9; // `september`, `yesterday`, `beginning`

    // `février`, `décembre`, `août`: their letters run on past an accent.
    if let Some(month) = accented_month(rest, run) {
        return Opening::MONTH.or(after_month(&after[month - run..]));
    }
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
        | b"nov" | b"november" | b"dec" | b"december" => Opening::MONTH.or(after_month(after)),
        b"janvier" | b"fevrier" | b"mars" | b"avril" | b"mai" | b"juin" | b"juillet" | b"aout" | b"septembre"
        | b"octobre" | b"novembre" | b"decembre" => Opening::MONTH.or(after_month(after)),
        b"early" | b"mid" | b"late" | b"end" | b"beginning" => Opening::PART,
        // `the end of`, `the beginning of`: not at every `the`.
        b"the" if followed_by_part(&rest[run..]) => Opening::PART,
        b"between" | b"from" => before_span(after),
        b"fy" | b"fiscal" => Opening::FISCAL,
        b"last" | b"next" => Opening::RELATIVE.or(before_weekday(after)),
        b"this" | b"previous" | b"coming" | b"yesterday" => Opening::RELATIVE,
        // `over the weekend`: not at every `over`.
        b"over" if after.get(..12).is_some_and(|s| s.eq_ignore_ascii_case(" the weekend")) => Opening::RELATIVE,
        b"day" | b"days" | b"date" | b"week" | b"weeks" | b"month" | b"months" | b"year" | b"years" | b"morning"
        | b"afternoon" | b"evening" | b"night" => Opening::NARRATIVE,
        b"on" => before_weekday(after),
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday" => Opening::WEEKDAY,
        _ => Opening::NONE,
    }
}

/// The length in bytes of a French month's accented name at the start of
/// `rest`, whose first `run` bytes are ASCII letters.
fn accented_month(rest: &[u8], run: usize) -> Option<usize> {
    // `é` and `û` begin with this byte: most words are followed by another.
    if rest.get(run) != Some(&0xC3) {
        return None;
    }
    const ACCENTED: [&[u8]; 3] = ["février".as_bytes(), "décembre".as_bytes(), "août".as_bytes()];
    let name = ACCENTED.iter().find(|name| {
        let ascii = name.iter().take_while(|b| b.is_ascii()).count();
        ascii == run && rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name)
    })?;
    Some(name.len())
}

/// What a month's name opens besides a bare month, by what comes `after`
/// it: a day's one or two digits, or a year's four (or `of`), after an
/// abbreviation's full stop, a comma, and white space.
fn after_month(after: &str) -> Opening {
    let after = after.strip_prefix('.').unwrap_or(after);
    let after = after.strip_prefix(',').unwrap_or(after);
    if !after.starts_with(char::is_whitespace) {
        return Opening::NONE;
    }
    let next = after.trim_start();
    match next.bytes().take_while(u8::is_ascii_digit).count() {
        1 | 2 => Opening::MONTH_DAY,
        4 => Opening::MONTH_YEAR,
        _ if next.starts_with("of") => Opening::MONTH_YEAR,
        _ => Opening::NONE,
    }
}

/// A span after `between` or `from`: white space, then digits or a
/// month's first three letters (`from the`, `from Bamako` open none).
fn before_span(after: &str) -> Opening {
    if !after.starts_with(char::is_whitespace) {
        return Opening::NONE;
    }
    let next = after.trim_start().as_bytes();
    let month = next.get(..3).is_some_and(|head| {
        let head = [head[0].to_ascii_lowercase(), head[1].to_ascii_lowercase(), head[2].to_ascii_lowercase()];
        matches!(
            &head,
            b"jan" | b"feb" | b"mar" | b"apr" | b"may" | b"jun" | b"jul" | b"aug" | b"sep" | b"oct" | b"nov" | b"dec"
        )
    });
    if month || next.first().is_some_and(u8::is_ascii_digit) {
        Opening::SPAN
    } else {
        Opening::NONE
    }
}

/// A weekday after `on` or `last`: white space, then one of their capitals.
fn before_weekday(after: &str) -> Opening {
    let weekday = after.starts_with(char::is_whitespace) && after.trim_start().starts_with(['M', 'T', 'W', 'F', 'S']);
    if weekday {
        Opening::WEEKDAY
    } else {
        Opening::NONE
    }
}

fn followed_by_part(after: &[u8]) -> bool {
    let starts = |word: &[u8]| after.get(..word.len()).is_some_and(|a| a.eq_ignore_ascii_case(word));
    starts(b" end of") || starts(b" beginning of")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn openings(text: &str) -> Vec<(usize, Opening)> {
        let mut found = Vec::new();
        each_place(text, |at, opening| found.push((at, opening)));
        found
    }

    #[test]
    fn words_and_digit_runs_open_dates_only_after_a_boundary() {
        use Opening as O;
        assert_eq!(openings("On 5 June 2019"), [(3, O::DAY), (5, O::MONTH.or(O::MONTH_YEAR)), (10, O::YEAR)]);
        assert_eq!(openings("A1 2019x3 FY2016 141609Z"), [(3, O::YEAR), (10, O::FISCAL), (17, O::GROUP)]);
        assert_eq!(
            openings("the year, The End of 2012"),
            [(4, O::NARRATIVE), (10, O::PART), (14, O::PART), (21, O::YEAR)]
        );
        assert_eq!(openings("Mayor septembers 123 12345"), []);
        assert_eq!(openings("é2019 ÉMay"), [(2, O::YEAR), (9, O::MONTH)]);
    }

    #[test]
    fn what_follows_a_word_tells_which_patterns_may_match() {
        use Opening as O;
        assert_eq!(openings("on Friday"), [(0, O::WEEKDAY), (3, O::WEEKDAY)]);
        assert_eq!(openings("last\u{a0}Monday"), [(0, O::RELATIVE.or(O::WEEKDAY)), (6, O::WEEKDAY)]);
        assert_eq!(openings("on time"), []);
        assert_eq!(openings("from 5"), [(0, O::SPAN), (5, O::DAY)]);
        assert_eq!(openings("Between Sept"), [(0, O::SPAN), (8, O::MONTH)]);
        assert_eq!(openings("from the"), [], "`from` opens a span only before a number or a month");
        assert_eq!(openings("05/06"), [(0, O::DAY.or(O::DAY_SEPARATED).or(O::DAY_DASH)), (3, O::DAY)]);
        assert_eq!(openings("3 – 4 May"), [(0, O::DAY.or(O::DAY_DASH)), (6, O::DAY), (8, O::MONTH)]);
        assert_eq!(openings("11-12"), [(0, O::DAY.or(O::DAY_SEPARATED).or(O::DAY_DASH)), (3, O::DAY)]);
        assert_eq!(openings("2012-05"), [(0, O::YEAR.or(O::YEAR_DASH)), (5, O::DAY)]);
        assert_eq!(openings("2012 \u{2013}"), [(0, O::YEAR.or(O::YEAR_DASH))]);
        assert_eq!(openings("2019/20"), [(0, O::YEAR.or(O::YEAR_DASH)), (5, O::DAY)]);
        assert_eq!(
            openings("1990s 1990's 1995s"),
            [(0, O::YEAR.or(O::DECADE)), (6, O::YEAR.or(O::DECADE)), (13, O::YEAR)]
        );
        assert_eq!(openings("Sept., 5"), [(0, O::MONTH.or(O::MONTH_DAY)), (7, O::DAY)]);
        assert_eq!(openings("May of 2019"), [(0, O::MONTH.or(O::MONTH_YEAR)), (7, O::YEAR)]);
        assert_eq!(openings("May 123"), [(0, O::MONTH)]);
    }

    #[test]
    fn a_place_is_listed_for_each_kind_it_may_open() {
        let places = starts("since last Monday, 5 June");
        assert_eq!(places.of(Opening::RELATIVE), [6]);
        assert_eq!(places.of(Opening::WEEKDAY), [6, 11], "`last` opens a weekday too, as the weekday does");
        assert_eq!(places.of(Opening::DAY), [19]);
        assert_eq!(places.of(Opening::MONTH), [21]);
        assert!(places.of(Opening::YEAR).is_empty());
    }
}
