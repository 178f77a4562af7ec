//! Dates told by the last date the narrative named: `the following day`,
//! `that night`, `that month`, `the previous year`, `ten years later`, `on
//! the 4th`; and by the document's own date: `two weeks ago`.
//! Found here by the words around a unit word (`day`, `month`, `year`) or
//! an ordinal; what they stand for is worked out in [`super::resolve`].

use super::{Meaning, AMOUNT_WORDS};
use std::ops::Range;

/// How far back the words before a unit word are read, in bytes: enough
/// for `later that same` or `about twenty-five`.
const REACH: usize = 32;

/// The expression around the unit word at `word` (`day`, `date`, `week`,
/// `month`, `year` or a plural), and what it means, if it is one.
pub(super) fn around_unit(text: &str, word: Range<usize>) -> Option<(Range<usize>, Meaning)> {
    let unit = &text[word.clone()];
    let later = counted_from(text, word.end);
    // A plural is only counted (`ten years later`): most (`for 40 years`)
    // are passed over without reading the words before them.
    if unit.ends_with('s') && later.is_none() {
        return None;
    }
    let before = Before::read(text, word.start);
    let said = match unit {
        "date" => same_day(&before, &word, true).map(|r| (r, Meaning::NarrativeDayOffset(0))),
        // `that night`, `the next morning`: a part of a day dates its day.
        "day" | "morning" | "afternoon" | "evening" | "night" => {
            narrative_day(text, &before, word.clone()).map(|(r, n)| (r, Meaning::NarrativeDayOffset(n)))
        }
        "month" => narrative_month(&before, &word)
            .map(|r| (r, Meaning::NarrativeMonth))
            .or_else(|| next_or_previous(&before, &word).map(|(r, n)| (r, Meaning::NarrativeMonthOffset(n)))),
        "year" => (narrative_month(&before, &word).map(|r| (r, 0)))
            .or_else(|| next_or_previous(&before, &word))
            .map(|(r, n)| (r, Meaning::NarrativeYearOffset(n))),
        _ => None,
    };
    said.or_else(|| counted(unit, &before, later?))
}

/// What a count of units is counted from, told by the word after it.
#[derive(Clone, Copy)]
enum Origin {
    /// `later` (1) or `earlier` (-1): the narrative's last date.
    Narrative(i32),
    /// `ago`: back from the document's date (`two days ago` in a story of
    /// 14 March is 12 March).
    Document,
}

/// `later`, `earlier` or `ago` right after `at`, and where it ends.
fn counted_from(text: &str, at: usize) -> Option<(usize, Origin)> {
    let after = &text[at..];
    let gap = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
    let next = after[gap..].split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    let from = match next.to_ascii_lowercase().as_str() {
        "later" => Origin::Narrative(1),
        "earlier" => Origin::Narrative(-1),
        "ago" => Origin::Document,
        _ => return None,
    };
    Some((at + gap + next.len(), from))
}

/// The last few words before a place, each with where it starts in the
/// text, last first.
struct Before<'t> {
    words: [(usize, &'t str); 3],
    len: usize,
}

impl<'t> Before<'t> {
    fn read(text: &'t str, end: usize) -> Self {
        let from = crate::text::floor_boundary(text, end.saturating_sub(REACH));
        let mut before = Before { words: [(0, ""); 3], len: 0 };
        for w in text[from..end].split_whitespace().rev().take(3) {
            before.words[before.len] = (w.as_ptr() as usize - text.as_ptr() as usize, w);
            before.len += 1;
        }
        before
    }

    /// The `i`th word back (1 is the last), where it starts.
    fn nth(&self, i: usize) -> Option<(usize, &'t str)> {
        (1..=self.len).contains(&i).then(|| self.words[i - 1])
    }

    /// Whether the `i`th word back is one of `words`, in any case.
    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.nth(i).is_some_and(|(_, w)| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    }

    fn start_of(&self, i: usize) -> Option<usize> {
        self.nth(i).map(|(at, _)| at)
    }
}

/// `the same date`, `(later) that (same) day`: where it starts.
fn same_day(before: &Before, word: &Range<usize>, date: bool) -> Option<Range<usize>> {
    if before.is(1, &["same"]) && before.is(2, &["the", "that"]) {
        let first = if before.is(3, &["later"]) && before.is(2, &["that"]) { 3 } else { 2 };
        return Some(before.start_of(first)?..word.end);
    }
    let first = that(before).filter(|_| !date)?;
    Some(before.start_of(first)?..word.end)
}

/// `that`, `later that` right before a unit: how many words back it begins.
fn that(before: &Before) -> Option<usize> {
    before.is(1, &["that"]).then(|| if before.is(2, &["later"]) { 2 } else { 1 })
}

/// `the same date`, `(later) that (same) day`, `the following day`, `the
/// day before`: where the expression is around the `day` at `word`, and
/// how many days it lies after the day the narrative last named.
fn narrative_day(text: &str, before: &Before, word: Range<usize>) -> Option<(Range<usize>, i64)> {
    if let Some(r) = same_day(before, &word, false) {
        return Some((r, 0));
    }
    if let Some(said) = next_or_previous(before, &word) {
        return Some((said.0, i64::from(said.1)));
    }
    let after = text[word.end..].trim_start();
    let next = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    if before.is(1, &["the"]) && matches!(next, "before" | "after" | "preceding") {
        let (start, end) = (before.start_of(1)?, word.end + (text[word.end..].len() - after.len()) + next.len());
        // `on March 23, 2012, the day after the coup`: set beside a date,
        // it tells of that date, not of the day after it.
        let beside_a_date =
            text[..start].trim_end().strip_suffix(',').is_some_and(|d| d.ends_with(|c: char| c.is_ascii_digit()));
        return (!beside_a_date).then_some((start..end, if next == "after" { 1 } else { -1 }));
    }
    None
}

/// `that month`, `later that (same) month`, `the same month` (and so of a
/// year): where it starts.
fn narrative_month(before: &Before, word: &Range<usize>) -> Option<Range<usize>> {
    let first = if before.is(3, &["later"]) && before.is(2, &["that"]) {
        3
    } else if let Some(first) = that(before) {
        first
    } else if before.is(1, &["same"]) && before.is(2, &["the"]) {
        2
    } else {
        return None;
    };
    Some(before.start_of(first)?..word.end)
}

/// `the following month`, `the next year`, `the previous day`: one unit
/// after or before the narrative's.
fn next_or_previous(before: &Before, word: &Range<usize>) -> Option<(Range<usize>, i32)> {
    if !(before.is(1, &["following", "next", "previous"]) && before.is(2, &["the"])) {
        return None;
    }
    let offset = if before.is(1, &["previous"]) { -1 } else { 1 };
    Some((before.start_of(2)?..word.end, offset))
}

/// `ten years later`, `a month earlier`, `3 days later`, `two weeks ago`:
/// a counted number of `unit`s after or before the narrative's date, or
/// before the document's, by the word right after the unit (`from`, and
/// where it ends). A week is seven days. An approximate count (`about two
/// years later`, `more than a year ago`) dates nothing.
fn counted(unit: &str, before: &Before, from: (usize, Origin)) -> Option<(Range<usize>, Meaning)> {
    let (end, from) = from;
    let (count_at, count_word) = before.nth(1)?;
    let count = count(count_word)?;
    let approximate = before.nth(2).is_some_and(|(_, w)| AMOUNT_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a)));
    if unit.ends_with('s') != (count > 1) || approximate {
        return None;
    }
    let meaning = match (from, unit.trim_end_matches('s')) {
        (Origin::Narrative(sign), "day") => Meaning::NarrativeDayOffset(i64::from(sign * count)),
        (Origin::Narrative(sign), "week") => Meaning::NarrativeDayOffset(i64::from(7 * sign * count)),
        (Origin::Narrative(sign), "month") => Meaning::NarrativeMonthOffset(sign * count),
        (Origin::Narrative(sign), "year") => Meaning::NarrativeYearOffset(sign * count),
        (Origin::Document, "day") => Meaning::DayOffset(-i64::from(count)),
        (Origin::Document, "week") => Meaning::DayOffset(-7 * i64::from(count)),
        (Origin::Document, "month") => Meaning::MonthOffset(-count),
        (Origin::Document, "year") => Meaning::YearOffset(-count),
        _ => return None,
    };
    Some((count_at..end, meaning))
}

/// A count written in figures (up to 99) or in words, `a` being one.
fn count(word: &str) -> Option<i32> {
    const WORDS: [&str; 12] =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|&n| n > 0);
    }
    let lower = word.to_ascii_lowercase();
    if matches!(lower.as_str(), "a" | "an") {
        return Some(1);
    }
    WORDS.iter().position(|w| *w == lower).map(|i| i as i32 + 1)
}

/// `on the 4th`, `through the night of the 12th,`: a day of the month the
/// narrative last named. Only after a preposition and `the`, and before
/// punctuation: `the 1st Marine Infantry Parachute Regiment` is a unit,
/// `the 4th coup` a count. The day and where the expression starts.
pub(super) fn ordinal_day(text: &str, ordinal: Range<usize>) -> Option<(Range<usize>, u32)> {
    const PREPOSITIONS: &[&str] = &["on", "of", "by", "until", "till", "through", "from", "since", "after", "before"];
    let before = Before::read(text, ordinal.start);
    let follows = text[ordinal.end..].trim_start_matches([' ', '\u{a0}']);
    let closes = follows.is_empty() || follows.starts_with([',', '.', ';', ':', ')']);
    if !(closes && before.is(1, &["the"]) && before.is(2, PREPOSITIONS)) {
        return None;
    }
    let digits = &text[ordinal.clone()];
    let day: u32 = digits.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()?;
    (1..=31).contains(&day).then(|| Some((before.start_of(1)?..ordinal.end, day)))?
}

/// The weekday written right before a date at `start` (`Sunday 29 July
/// 2018`, `Thursday, January 10`), and where it begins.
pub(super) fn weekday_before(text: &str, start: usize) -> Option<(usize, chrono::Weekday)> {
    let before = text[..start].trim_end_matches([',', ' ']);
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let weekday = weekday_named(word).filter(|_| before.len() < start)?;
    Some((before.len() - word.len(), weekday))
}

/// A weekday's name, in English (`Monday`) or in French, written with a
/// capital or not (`lundi 7 juin`, `Lundi 7 Juin 2021`).
fn weekday_named(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    let english = matches!(word, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday");
    if english {
        return word.parse().ok();
    }
    let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    let at = french.iter().position(|day| word.eq_ignore_ascii_case(day))?;
    Some([Mon, Tue, Wed, Thu, Fri, Sat, Sun][at])
}

/// Whether the words between two dates set the second beside the first
/// (`, on`, `, in`, ` (`): it says again what the first said.
pub(super) fn in_apposition(between: &str) -> bool {
    let words = between.trim_matches([',', ' ', '(', '—', '–']);
    between.len() <= 8 && between.contains([',', '(', '—', '–']) && matches!(words, "" | "on" | "in")
}

/// Whether the sentence that `before` ends in tells of what is to come
/// before its weekday (`would sign the accord by Friday`, `will vote on
/// Sunday`, `is expected to open Monday`): the weekday is then the next,
/// not the last. Read back to the sentence's start, a few words at most.
pub(super) fn told_ahead(before: &str) -> bool {
    const REACH: usize = 160;
    let near = &before[crate::text::floor_boundary(before, before.len().saturating_sub(REACH))..];
    let sentence = near.rfind(['.', '!', '?', '\n']).map_or(near, |end| &near[end + 1..]);
    let words = || sentence.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty());
    let modal = words().any(|w| matches!(w, "will" | "would" | "shall" | "won't" | "wouldn't") || w.ends_with("'ll"));
    let planned = words()
        .zip(words().skip(1))
        .any(|pair| matches!(pair, ("expected" | "due" | "scheduled" | "set" | "planned" | "plans", "to")));
    modal || planned
}

/// Whether a weekday dates what is told, by the words around it: not
/// when a date follows that says its day (`Sunday 29 July 2018`, `Monday,
/// December 11`); named alone (`said Monday`, `bare`), not a habit
/// (`Friday prayers`, `every Monday`, `Monday through Friday`).
pub(super) fn weekday_dates(before: &str, after: &str, bare: bool) -> bool {
    let next = after.trim_start_matches([',', ' ']);
    let word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // A month's name or abbreviation, capitalised (`Monday marked …` and `Monday may …` are none).
    let month = word.starts_with(char::is_uppercase)
        && super::month_number(word).is_some()
        && (word.len() <= 4 || super::is_month_name(word));
    if next.starts_with(|c: char| c.is_ascii_digit()) || month {
        return false;
    }
    let previous = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let span = |w: &str| matches!(w, "through" | "to" | "until" | "and" | "or");
    let habit = matches!(word, "prayer" | "prayers")
        || span(word)
        || next.starts_with(['-', '–'])
        || span(previous)
        || matches!(previous, "every" | "each" | "Every" | "Each")
        || before.trim_end().ends_with(['-', '–']);
    !(bare && habit)
}
