//! A match's capture groups as text. The tagger's patterns are built with
//! regex-automata's `meta` engine, which can leave out literal prefilters,
//! and which gives a match's groups as spans. The groups of the commonest
//! dates are read from the match by hand instead: the engine's backtracker
//! took about 4 000 instructions a match, more than the rest of the tagger.

use super::patterns::Pattern;
use regex_automata::util::captures::Captures;
use std::ops::{Index, Range};

/// The most groups a pattern has, with the whole match (group 0).
const GROUPS: usize = 6;

/// The groups of one match in `text`.
pub struct Groups<'t, 'c> {
    text: &'t str,
    spans: Spans<'c>,
}

/// Where the groups are: as the engine found them, or as read by hand.
enum Spans<'c> {
    Captured(&'c Captures),
    Read([Option<(usize, usize)>; GROUPS]),
}

/// One group of a match: where it is and what it says.
#[derive(Debug, Clone, Copy)]
pub struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

impl<'t, 'c> Groups<'t, 'c> {
    pub fn new(text: &'t str, caps: &'c Captures) -> Self {
        Groups { text, spans: Spans::Captured(caps) }
    }

    /// The groups of `pattern`'s match at `range`, read from its text,
    /// for the patterns whose groups stand where their words do: `None`
    /// for the others.
    pub fn read(pattern: Pattern, text: &'t str, range: Range<usize>) -> Option<Self> {
        let (start, end) = (range.start, range.end);
        let (matched, bytes) = (&text[range.clone()], &text.as_bytes()[range]);
        let mut spans = [None; GROUPS];
        spans[0] = Some((start, end));
        match pattern {
            // `2019`
            Pattern::Year => spans[1] = Some((start, end)),
            // `2019-06-05`
            Pattern::Iso => {
                spans[1] = Some((start, start + 4));
                spans[2] = Some((start + 5, start + 7));
                spans[3] = Some((start + 8, start + 10));
            }
            // `5 June 2019`, `5th of June, 2019`: day, month, year.
            Pattern::DayMonthYear => {
                let day = alphanumeric_run(bytes, 0);
                let at = after_of(matched, skip_space(matched, day));
                spans[1] = Some((start, start + day));
                spans[2] = Some((start + at, start + month_end(matched, at)));
                spans[3] = Some((end - 4, end));
            }
            // `June 5, 2019`: month, day, year.
            Pattern::MonthDayYear => {
                let month = month_end(matched, 0);
                let at = skip_space(matched, month);
                spans[1] = Some((start, start + month));
                spans[2] = Some((start + at, start + alphanumeric_run(bytes, at)));
                spans[3] = Some((end - 4, end));
            }
            // `June 2019`, `June, 2019`, `June of 2019`: month, year.
            Pattern::MonthYear => {
                spans[1] = Some((start, start + month_end(matched, 0)));
                spans[2] = Some((end - 4, end));
            }
            // `June 5`: month, day.
            Pattern::MonthDay => {
                let month = month_end(matched, 0);
                spans[1] = Some((start, start + month));
                spans[2] = Some((start + skip_space(matched, month), end));
            }
            // `5 June`, `5th of June`: day, month.
            Pattern::DayMonth => {
                let day = alphanumeric_run(bytes, 0);
                spans[1] = Some((start, start + day));
                spans[2] = Some((start + after_of(matched, skip_space(matched, day)), end));
            }
            _ => return None,
        }
        Some(Groups { text, spans: Spans::Read(spans) })
    }

    /// Group `i`, when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Group<'t>> {
        let (start, end) = match &self.spans {
            Spans::Captured(caps) => caps.get_group(i).map(|s| (s.start, s.end))?,
            Spans::Read(spans) => (*spans.get(i)?)?,
        };
        Some(Group { text: self.text, start, end })
    }
}

/// Where the run of ASCII letters and digits from `at` ends.
fn alphanumeric_run(bytes: &[u8], at: usize) -> usize {
    at + crate::text::ascii_alphanumeric_len(&bytes[at..])
}

/// Where the white space from `at` ends (the patterns' `\s`, Unicode's).
fn skip_space(text: &str, at: usize) -> usize {
    text[at..].char_indices().find(|(_, c)| !c.is_whitespace()).map_or(text.len(), |(k, _)| at + k)
}

/// Past the `of` and its white space at `at` (`5th of June`), if one stands there.
fn after_of(text: &str, at: usize) -> usize {
    if !text[at..].starts_with("of") {
        return at;
    }
    let past = skip_space(text, at + 2);
    if past > at + 2 {
        past
    } else {
        at
    }
}

/// Where a month's name from `at` ends: its letters, and the full stop of
/// an abbreviation (`Sept.`), which only a month's group can hold there.
fn month_end(text: &str, at: usize) -> usize {
    // Letters as bytes, but for an accented one (`février`, `août`).
    let bytes = text.as_bytes();
    let mut letters = at;
    loop {
        letters += bytes[letters..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        match text[letters..].chars().next() {
            Some(c) if !c.is_ascii() && c.is_alphabetic() => letters += c.len_utf8(),
            _ => break,
        }
    }
    letters + usize::from(bytes.get(letters) == Some(&b'.'))
}

/// The text of group `i`, which must have taken part in the match.
impl Index<usize> for Groups<'_, '_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).map(|g| g.as_str()).unwrap_or_else(|| panic!("group {i} took no part in the match"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::patterns::patterns;
    use regex_automata::{Anchored, Input};

    proptest::proptest! {
        /// Read by hand, a match's groups are where the engine puts them
        /// (dates made of pieces in the patterns' order, often not dates).
        #[test]
        fn groups_read_by_hand_are_the_engines(parts in proptest::collection::vec(
            (
                proptest::sample::select(vec!["5", "05", "31st", "2nd", "2019", "", "x", "2019-06-05", "2019-6-05"]),
                proptest::sample::select(vec![" ", "  ", "\u{a0}", "\u{2003}", "\n", "\t", "\u{b}", " of ", " Of ", "", ","]),
                proptest::sample::select(vec!["June", "Sept.", "Sept", "Jan.", "may", "MAY", "Mayday", "jUNE", "", "of", "août", "février", "mars"]),
                proptest::sample::select(vec![" ", ", ", ",", "\u{a0}", ". ", ""]),
                proptest::sample::select(vec!["2019", "1870", "31", "5 ", "5th", "20199", "é", "of 2019"]),
            ),
            0..6,
        )) {
            let text: String = parts.iter().map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e} ")).collect();
            let mut read_any = false;
            for compiled in patterns() {
                for m in compiled.regex.find_iter(&text) {
                    let Some(read) = Groups::read(compiled.pattern, &text, m.range()) else { break };
                    read_any = true;
                    let mut caps = compiled.regex.create_captures();
                    let input = Input::new(&text).span(m.range()).anchored(Anchored::Yes);
                    compiled.regex.search_captures(&input, &mut caps);
                    let engines = Groups::new(&text, &caps);
                    for i in 0..GROUPS {
                        let (a, b) = (read.get(i).map(|g| g.range()), engines.get(i).map(|g| g.range()));
                        proptest::prop_assert_eq!(a, b, "{:?} group {} of {:?}", compiled.pattern, i, &text[m.range()]);
                    }
                }
            }
            proptest::prop_assume!(read_any);
        }
    }
}
