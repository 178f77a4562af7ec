//! What a match of some of the date patterns means, where reading it takes
//! more than its groups: the order of a numeric date's fields, a range of
//! days, a month named alone, a weekday, a year and the word before it.

use super::groups::Groups;
use super::months::month_number;
use super::plausible::part_of_year;
use super::{last_word_is, narrative, num, Meaning};
use crate::model::DateValue;
use std::ops::Range;

/// `3/4/2012`, `04.03.2012`: slashes are American (month first) unless
/// that cannot be; dashes and dots day first.
pub(super) fn numeric_day(caps: &Groups) -> Option<DateValue> {
    let (a, b, year): (u32, u32, i32) = (num(caps, 1)?, num(caps, 3)?, num(caps, 4)?);
    let month_first = if &caps[2] == "/" { a <= 12 } else { b > 12 };
    let (m, d) = if month_first { (a, b) } else { (b, a) };
    DateValue::day(year, m, d)
}

/// `3–5 March 2012`, `30 April – 2 May 2012`: `3 and 4 March` spans both
/// days; `5 May and 2 June` is two dates.
pub(super) fn day_range(caps: &Groups, text: &str) -> Option<DateValue> {
    let (y, last_month) = (num(caps, 5)?, month_number(&caps[4])?);
    let first_month = caps.get(2).map_or(Some(last_month), |m| month_number(m.as_str()))?;
    let (first_day, last_day) = (num(caps, 1)?, num(caps, 3)?);
    let between = caps.get(2).or_else(|| caps.get(1))?.end()..caps.get(3)?.range().start;
    if text[between].trim() == "and" && (caps.get(2).is_some() || first_day >= last_day) {
        return None;
    }
    if first_month == last_month {
        return DateValue::days_of_month(y, last_month, first_day, last_day);
    }
    let first = DateValue::day(y, first_month, first_day)?;
    let last = DateValue::day(y, last_month, last_day)?;
    (first.start < last.start).then(|| DateValue::range(&first, &last)).flatten()
}

/// `in March`, `March–April`, `last March`: a month, or two, of a year
/// the text around it tells; where it stands (a cue before it included).
pub(super) fn bare_month(caps: &Groups, text: &str) -> Option<(Range<usize>, Meaning)> {
    let m = caps.get(1)?;
    let after = text[m.end()..].trim_start();
    if &caps[1] == "May" && !after.starts_with(|c: char| c.is_ascii_punctuation()) {
        return None;
    }
    let month = month_number(m.as_str())?;
    if let Some(last) = caps.get(2) {
        return Some((
            m.range().start..last.end(),
            Meaning::Months { first: month, last: month_number(last.as_str())? },
        ));
    }
    let mut range = m.range();
    // `last March`, `next June`: the one before or after the document's month.
    let before = &text[..range.start];
    match ["last", "next"].into_iter().find(|cue| last_word_is(before, cue)) {
        Some(cue) => {
            range.start = before.trim_end().len() - cue.len();
            Some((range, Meaning::NamedMonth { month, ahead: cue == "next" }))
        }
        None => Some((range, Meaning::Month { month })),
    }
}

/// `on Tuesday`, `next Friday`: a weekday that dates something (see
/// [`narrative::weekday_dates`]), and where it stands.
pub(super) fn weekday(caps: &Groups, text: &str) -> Option<(Range<usize>, Meaning)> {
    let whole = caps.get(0)?;
    let m = caps.get(1)?;
    let (before, after) = (&text[..whole.range().start], &text[m.range().end..]);
    let bare = m.range() == whole.range();
    if !narrative::weekday_dates(before, after, bare) {
        return None;
    }
    let range = if whole.as_str().starts_with(['O', 'o']) { m.range() } else { whole.range() };
    let ahead = whole.as_str().starts_with(['N', 'n']) || narrative::told_ahead(before);
    Some((range, Meaning::Weekday { day: m.as_str().parse().ok()?, ahead }))
}

/// A year, and where its expression starts: `since 2020` and `Q3 2019`
/// take the word before, read here rather than by a pattern of its own
/// (one pass fewer).
pub(super) fn year(caps: &Groups, text: &str, start: usize) -> Option<(usize, Meaning)> {
    let before = &text[..start];
    let word_end = before.trim_end().len();
    let spaced = word_end < before.len();
    let word = before[..word_end].rsplit(char::is_whitespace).next().filter(|_| spaced).unwrap_or("");
    let word_start = word_end - word.len();
    if word.eq_ignore_ascii_case("since") {
        return Some((word_start, Meaning::SinceYear(num(caps, 1)?)));
    }
    let start = if part_of_year(word) { word_start } else { start };
    Some((start, Meaning::Absolute(DateValue::year(num(caps, 1)?)?)))
}
