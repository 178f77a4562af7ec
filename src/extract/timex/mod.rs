//! The temporal tagger: finds date expressions in clean text and says what
//! they stand for. Absolute expressions carry their value; relative ones
//! (`On November 27`, `in January`, `last year`) are resolved afterwards,
//! against the document's date or the narrative (see [`resolve`]).

mod citations;
mod day_spans;
mod groups;
mod meanings;
mod months;
mod narrative;
mod patterns;
mod plausible;
mod resolve;
mod starts;

pub use months::{is_month_name, month_number, MONTH_NAMES};
pub use patterns::compile_patterns;
pub use resolve::{resolve, Layout};

use crate::extract::spans::Marked;
use crate::model::DateValue;
use chrono::Weekday;
use groups::Groups;
use meanings::{bare_month, day_range, numeric_day, weekday, year};
use months::is_french_month;
use patterns::{after_decl, cue_before, patterns, Pattern};
use plausible::{in_url_or_file, in_web_address, AMOUNT_WORDS};
use regex_automata::{Anchored, Input};
use starts::{Matches, Tried};
use std::cell::RefCell;
use std::ops::Range;

thread_local! {
    /// The patterns' scratch spaces, in their order (see [`Tagger::find_in`]).
    static SCRATCH: RefCell<Vec<regex_automata::meta::Cache>> = const { RefCell::new(Vec::new()) };
}

/// What an expression says, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    Absolute(DateValue),
    /// `November 27`: a day without its year; `Thursday, January 25`,
    /// with the weekday that pins it.
    MonthDay {
        month: u32,
        day: u32,
        weekday: Option<Weekday>,
    },
    /// `in January`: a month without its year.
    Month {
        month: u32,
    },
    /// `last year` (-1), `this year` (0), `next year` (1).
    YearOffset(i32),
    MonthOffset(i32),
    /// `last week` (-1), `this week` (0), `next week` (1): Monday to
    /// Sunday of a week counted from the document's.
    WeekOffset(i32),
    /// `over the weekend`, `last weekend` (-1): the Saturday and Sunday
    /// last ended by the document's day; `this weekend`, `the coming
    /// weekend` (0): its week's; `next weekend` (1): the next week's.
    WeekendOffset(i32),
    DayOffset(i64),
    /// `the same date` (0), `the next day` (1): days after the day the
    /// narrative last named.
    NarrativeDayOffset(i64),
    /// `that month`, `the same month`: the month the narrative last named.
    NarrativeMonth,
    /// `the following month` (1), `two months earlier` (-2): months after
    /// the month the narrative last named.
    NarrativeMonthOffset(i32),
    /// `that year` (0), `ten years later` (10), `the previous year` (-1):
    /// years after the year the narrative last named.
    NarrativeYearOffset(i32),
    /// `on the 4th`: that day of the month the narrative last named.
    NarrativeMonthDay(u32),
    /// `last March` (`ahead` false), `next June` (true): the nearest such
    /// month before or after the document's.
    NamedMonth {
        month: u32,
        ahead: bool,
    },
    /// `in June and July`: months without their year.
    Months {
        first: u32,
        last: u32,
    },
    /// `between 1 April and 31 May`: days without their year, as (month, day).
    Days {
        first: (u32, u32),
        last: (u32, u32),
    },
    /// `on Friday`: the latest such weekday on or before the document date;
    /// `next Friday` (`ahead`): the first after it.
    Weekday {
        day: Weekday,
        ahead: bool,
    },
    /// `since 2020`: from that year to the document's, or the year alone
    /// when the document is not dated later.
    SinceYear(i32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte range in the text that was tagged.
    pub range: Range<usize>,
    pub meaning: Meaning,
    /// Written with a determiner (`the June 20 accord`): it refers back to
    /// something the narrative already dated.
    pub anaphoric: bool,
}

fn num<T: std::str::FromStr>(caps: &Groups, i: usize) -> Option<T> {
    let text = caps.get(i)?.as_str();
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

fn two_or_four_digit_year(text: &str, century_of: i32) -> Option<i32> {
    let n: i32 = text.parse().ok()?;
    Some(if text.len() == 2 { century_of / 100 * 100 + n } else { n })
}

/// The tagger: finds expressions; `count_nouns` from the lexicon tell
/// counts from years (`2,400 troops`, `1500 soldiers`).
pub struct Tagger {
    count_nouns: Vec<String>,
}

impl Tagger {
    pub fn new(count_nouns: &[String]) -> Self {
        Tagger { count_nouns: count_nouns.to_vec() }
    }

    /// Every date expression in `text`, in order, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Timex> {
        self.find_in(text, &Tried::At(&starts::starts(text)))
    }

    fn find_in(&self, text: &str, tried: &Tried) -> Vec<Timex> {
        // Found ranges lie inside their match, so they never overlap: a
        // match is passed over where it meets the bytes of one.
        let mut found: Vec<Timex> = Vec::new();
        let mut taken = Marked::new(text.len());
        // Each pattern's scratch space is its thread's, kept from document to
        // document: made afresh for each, its lazy DFA was built again each
        // time (511 documents took 40 % longer); asked of the regex's pool at
        // every place, it cost a third of a search.
        SCRATCH.with_borrow_mut(|scratch| {
            if scratch.is_empty() {
                scratch.extend(patterns().iter().map(|compiled| compiled.regex.create_cache()));
            }
            for (compiled, cache) in patterns().iter().zip(scratch.iter_mut()) {
                self.find_pattern(text, Matches::new(compiled, tried, cache), &mut taken, &mut found);
            }
        });
        found.sort_unstable_by_key(|t| t.range.start);
        // `Thursday, January 10, 2008` is one expression: the weekday
        // named no date of its own (see `narrative::weekday_dates`).
        // A weekday that is a date of its own (`Saturday from 2014 to 2022`)
        // stays one: the dates still do not overlap.
        for i in 0..found.len() {
            let previous_end = i.checked_sub(1).map_or(0, |p| found[p].range.end);
            let t = &mut found[i];
            if !matches!(t.meaning, Meaning::Absolute(_) | Meaning::MonthDay { .. }) {
                continue;
            }
            if let Some((at, day)) =
                narrative::weekday_before(text, t.range.start).filter(|&(at, _)| at >= previous_end)
            {
                t.range.start = at;
                if let Meaning::MonthDay { weekday, .. } = &mut t.meaning {
                    *weekday = Some(day);
                }
            }
        }
        // `Three days later, on March 18`: the date says what the count would.
        let said_again = |t: &Timex, next: &Timex| {
            use Meaning::*;
            let counted = matches!(
                t.meaning,
                YearOffset(_)
                    | MonthOffset(_)
                    | WeekOffset(_)
                    | WeekendOffset(_)
                    | DayOffset(_)
                    | Weekday { .. }
                    | NarrativeDayOffset(_)
                    | NarrativeMonth
                    | NarrativeMonthOffset(_)
                    | NarrativeYearOffset(_)
                    | NarrativeMonthDay(_)
            );
            let written = matches!(next.meaning, Meaning::Absolute(_) | Meaning::MonthDay { .. });
            let apart = t.range.end <= next.range.start;
            counted && written && apart && narrative::in_apposition(&text[t.range.end..next.range.start])
        };
        let dropped: Vec<bool> = found.windows(2).map(|w| said_again(&w[0], &w[1])).collect();
        let mut dropped = dropped.into_iter();
        found.retain(|_| !dropped.next().unwrap_or(false));
        found
    }

    /// The dates of one pattern's `matches` that meet none in `taken`.
    fn find_pattern(&self, text: &str, mut matches: Matches, taken: &mut Marked, found: &mut Vec<Timex>) {
        let compiled = matches.compiled();
        let pattern = compiled.pattern;
        // The groups made once per pattern, and only for a pattern that
        // needs them: most dates are read without (see `Groups::read`).
        let mut caps = None;
        let (mut at, mut last_end) = (0, 0);
        // A place inside a date found already would only give a date that
        // meets it: not tried (a run-on's dates were each tried by a dozen
        // patterns). Its match would also have moved `at` past its end;
        // the patterns that run on past a date come before those that find
        // one inside it, so no date is lost (the tests compare with a
        // search that still looks inside dates).
        while let Some(m) = matches.first_from(text, at, taken) {
            let Some(start) = cue_before(pattern, text, m.start(), last_end) else {
                // Not a date here; the words after the match may be.
                at = m.start() + 1;
                continue;
            };
            (at, last_end) = (m.end().max(m.start() + 1), m.end());
            if taken.meets(&(start..m.end())) {
                continue;
            }
            // A match's groups cost ten times the match: they are found
            // only for a match that overlaps no date found already.
            let groups = Groups::read(pattern, text, m.range()).unwrap_or_else(|| {
                let input = Input::new(text).span(m.range()).anchored(Anchored::Yes);
                let caps = caps.get_or_insert_with(|| compiled.regex.create_captures());
                compiled.regex.search_captures(&input, caps);
                Groups::new(text, caps)
            });
            if let Some(t) = self.interpret(pattern, &groups, text) {
                taken.mark(&t.range);
                found.push(t);
            }
        }
    }

    fn interpret(&self, pattern: Pattern, caps: &Groups, text: &str) -> Option<Timex> {
        use Pattern::*;
        let whole = caps.get(0)?;
        let mut range = whole.range();
        let absolute = |v: Option<DateValue>| v.map(Meaning::Absolute);
        let meaning = match pattern {
            // A web address's `/2022/11/10/` dates no claim.
            IsoDays | Iso if in_web_address(text, range.clone()) => None,
            IsoDays => absolute(DateValue::days_of_month(num(caps, 1)?, num(caps, 2)?, num(caps, 3)?, num(caps, 4)?)),
            Iso => absolute(DateValue::day(num(caps, 1)?, num(caps, 2)?, num(caps, 3)?)),
            Numeric if after_decl(&text[..range.start]) => None,
            Numeric => absolute(numeric_day(caps)),
            // Not in a name (`the 9/11 Commission`), nor the start of a longer date (`9/11/2001` is read whole).
            Attacks => {
                let after = &text[range.end..];
                let named = after.strip_prefix(' ').is_some_and(|rest| rest.starts_with(char::is_uppercase));
                (!named && !after.starts_with(['/', '-'])).then(|| absolute(DateValue::day(2001, 9, 11))).flatten()
            }
            Dtg => {
                let year = 2000 + num::<i32>(caps, 3)?;
                absolute(DateValue::day(year, month_number(&caps[2])?, num(caps, 1)?))
            }
            DayMonthYear => absolute(DateValue::day(num(caps, 3)?, month_number(&caps[2])?, num(caps, 1)?)),
            MonthDayYear if is_french_month(&caps[1]) => None,
            MonthDayYear => absolute(DateValue::day(num(caps, 3)?, month_number(&caps[1])?, num(caps, 2)?)),
            DayRange => absolute(day_range(caps, text)),
            // `early March 2012`, `the end of May 2019`: the guideline dates a
            // part of a month by its month (which part is left to the text).
            PartOfMonth => absolute(DateValue::month(num(caps, 3)?, month_number(&caps[2])?)),
            MonthYear => {
                let month = &caps[1];
                if !plausible_month_word(month) {
                    return None;
                }
                absolute(DateValue::month(num(caps, 2)?, month_number(month)?))
            }
            MonthDayRange | MonthSpan | MonthDash | Between | FiscalYear | YearRange | PartOfYear | PartOfDecade
            | Decade => self.range_meaning(pattern, caps, text, range.clone()),
            DaySpan | MonthDaySpan | DayDash | MonthDayDash => self.day_span(pattern, caps, text, range.end),
            MonthDay | DayMonth => self.month_day(matches!(pattern, MonthDay), caps, text, range.end),
            BareMonth => {
                let (at, meaning) = bare_month(caps, text)?;
                range = at;
                Some(meaning)
            }
            // `the next year` is the narrative's (below), `next year` the document's.
            Relative if caps.get(3).is_none() && last_word_is(&text[..range.start], "the") => return None,
            Relative => relative(caps),
            NarrativeUnit => {
                let (at, meaning) = narrative::around_unit(text, whole.range())?;
                range = at;
                Some(meaning)
            }
            OrdinalDay => {
                let (at, day) = narrative::ordinal_day(text, whole.range())?;
                range = at;
                Some(Meaning::NarrativeMonthDay(day))
            }
            Weekday => {
                let (at, meaning) = weekday(caps, text)?;
                range = at;
                Some(meaning)
            }
            Year if !self.plausible_year(text, range.clone()) => None,
            Year => {
                let (start, meaning) = year(caps, text, range.start)?;
                range.start = start;
                Some(meaning)
            }
        }?;
        let before = text[..range.start].trim_end();
        let anaphoric = before.ends_with(" the") || before.ends_with(" The") || before == "the";
        Some(Timex { range, meaning, anaphoric })
    }

    /// `March 3`, `3 March` (`month_first` says which): a day of a month
    /// whose year the text around it tells, unless the number counts
    /// something (`March 3 votes`) or the word is no month here.
    fn month_day(&self, month_first: bool, caps: &Groups, text: &str, end: usize) -> Option<Meaning> {
        let (m, d) = if month_first { (1, 2) } else { (2, 1) };
        let month_text = &caps[m];
        let french_order = month_first && is_french_month(month_text);
        if !plausible_month_word(month_text) || french_order || self.is_count(&text[end..]) {
            return None;
        }
        let day: u32 = num(caps, d)?;
        let month = month_number(month_text)?;
        DateValue::day(2000, month, day)?; // a real day of that month in a leap year
        Some(Meaning::MonthDay { month, day, weekday: None })
    }

    /// Ranges, fiscal years, parts of years and decades.
    fn range_meaning(&self, pattern: Pattern, caps: &Groups, text: &str, range: Range<usize>) -> Option<Meaning> {
        use Pattern::*;
        let absolute = |v: Option<DateValue>| v.map(Meaning::Absolute);
        match pattern {
            MonthDayRange => {
                let (first_day, last_day): (u32, u32) = (num(caps, 2)?, num(caps, 3)?);
                if !plausible_month_word(&caps[1]) || first_day >= last_day {
                    return None;
                }
                absolute(DateValue::days_of_month(num(caps, 4)?, month_number(&caps[1])?, first_day, last_day))
            }
            MonthSpan | MonthDash => {
                let (first_word, last, year) = (&caps[1], month_number(&caps[3])?, num::<i32>(caps, 4)?);
                let first = month_number(first_word)?;
                if !plausible_month_word(first_word) {
                    return None;
                }
                // `November to February 2019`: the first month is of the year before.
                let first_year = match caps.get(2) {
                    Some(_) => num(caps, 2)?,
                    None if first <= last => year,
                    None => year - 1,
                };
                let (from, to) = (DateValue::month(first_year, first)?, DateValue::month(year, last)?);
                absolute(
                    (from.start < to.start && year - first_year <= 100).then(|| DateValue::range(&from, &to)).flatten(),
                )
            }
            Between => {
                let from = num(caps, 1).or_else(|| num(caps, 2))?;
                absolute(DateValue::range(&DateValue::year(from)?, &DateValue::year(num(caps, 3)?)?))
            }
            FiscalYear => {
                let first = two_or_four_digit_year(&caps[1], 2000)?;
                match caps.get(2) {
                    None => absolute(DateValue::fiscal_year(first)),
                    Some(second) => {
                        let last = two_or_four_digit_year(second.as_str(), first)?;
                        absolute(DateValue::range(&DateValue::fiscal_year(first)?, &DateValue::fiscal_year(last)?))
                    }
                }
            }
            YearRange => {
                let first: i32 = num(caps, 1)?;
                let last = two_or_four_digit_year(&caps[2], first)?;
                // `2019/20` is a season; `2014/01/05` or a path's `/2019/2021` is none.
                let slash = text[range.clone()].contains('/');
                let season = !slash || (last == first + 1 && !in_url_or_file(text, range.clone()));
                if last <= first || last - first > 100 || !season || self.is_amount(text, range.clone()) {
                    return None;
                }
                absolute(DateValue::range(&DateValue::year(first)?, &DateValue::year(last)?))
            }
            // Likewise a part of a year by its year.
            PartOfYear => absolute(DateValue::year(num(caps, 2)?)),
            PartOfDecade => {
                let start: i32 = num(caps, 2)?;
                let (a, b) = match caps[1].to_ascii_lowercase().as_str() {
                    "early" => (0, 3),
                    "mid" => (4, 6),
                    _ => (7, 9),
                };
                absolute(DateValue::range(&DateValue::year(start + a)?, &DateValue::year(start + b)?))
            }
            Decade => {
                let start: i32 = num(caps, 1)?;
                absolute(DateValue::range(&DateValue::year(start)?, &DateValue::year(start + 9)?))
            }
            _ => None,
        }
    }
}

/// Whether the last word of `before` is `word`, in any case.
fn last_word_is(before: &str, word: &str) -> bool {
    before.trim_end().rsplit(char::is_whitespace).next().is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// `may` and `march` are also verbs: as months they are capitalised.
fn plausible_month_word(word: &str) -> bool {
    !(word.eq_ignore_ascii_case("may") || word.eq_ignore_ascii_case("march"))
        || word.starts_with(|c: char| c.is_uppercase())
}

fn relative(caps: &Groups) -> Option<Meaning> {
    if caps.get(3).is_some() {
        return Some(Meaning::DayOffset(-1));
    }
    if caps.get(4).is_some() {
        return Some(Meaning::WeekendOffset(-1)); // `over the weekend`
    }
    let offset = match caps[1].to_ascii_lowercase().as_str() {
        "last" | "previous" => -1,
        "this" => 0,
        _ => 1,
    };
    match caps[2].to_ascii_lowercase().as_str() {
        "year" => Some(Meaning::YearOffset(offset)),
        "week" => Some(Meaning::WeekOffset(offset)),
        "weekend" if caps[1].eq_ignore_ascii_case("coming") => Some(Meaning::WeekendOffset(0)),
        "weekend" => Some(Meaning::WeekendOffset(offset)),
        _ => Some(Meaning::MonthOffset(offset)),
    }
}

#[cfg(test)]
mod tests;
