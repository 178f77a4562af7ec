//! Resolution: relative expressions get their year from the document's
//! date or from the narrative around them.

use super::plausible::alone_on_line;
use super::{Meaning, Timex};
use crate::model::{DateValue, Precision, Resolution};
use chrono::{Datelike, Duration, NaiveDate};
use std::ops::Range;

/// Where a document's expressions stand: its text, its sentences and where
/// its Markdown headings begin, each in order.
pub struct Layout<'a> {
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
    pub headings: &'a [usize],
}

/// Resolves every expression of one document, in order. Relative ones take
/// their year from an absolute date before them in their sentence (`2015:
/// the accord is signed on 20 June`), else from the year heading they stand
/// under (`## 2012` above `- **March 22** — …`), else from the document's
/// date (the nearest such date to it), or, when the document has none,
/// from the narrative: the year of its latest absolute date before them.
/// An expression that refers back (`the June 20 accord`) takes the year of
/// the latest date of its month. What cannot be resolved is `None`: never
/// guessed.
pub fn resolve(
    timexes: &[Timex],
    doc_date: Option<&DateValue>,
    layout: &Layout,
) -> Vec<Option<(DateValue, Resolution)>> {
    let sentences = layout.sentences;
    let mut out = Vec::with_capacity(timexes.len());
    // The year heading in force, until the next heading of any kind.
    let mut heading_year: Option<i32> = None;
    let mut headings = layout.headings.iter().peekable();
    let mut narrative: Vec<&DateValue> = Vec::new();
    // The sentence each expression stands in, read forward once; and the
    // sentence of the narrative's last absolute date.
    let mut sentence = 0;
    let mut last_absolute_in: Option<usize> = None;
    let mut last = LastNamed::default();
    for t in timexes {
        while sentences.get(sentence).is_some_and(|s| s.end <= t.range.start) {
            sentence += 1;
        }
        let in_sentence = sentences.get(sentence).is_some_and(|s| s.start <= t.range.start);
        let same_sentence = in_sentence && last_absolute_in == Some(sentence);
        while headings.next_if(|&&h| h <= t.range.start).is_some() {
            heading_year = None;
        }
        if let Meaning::Absolute(v) = &t.meaning {
            if let Some(year) = year_heading(layout.text, &t.range, v) {
                heading_year = Some(year);
            }
        }
        let context = Context { narrative: &narrative, same_sentence, heading_year, doc_date };
        use Meaning::*;
        let resolved = match &t.meaning {
            Absolute(v) => Some((v.clone(), Resolution::Absolute)),
            MonthDay { .. } | Month { .. } | NamedMonth { .. } | Months { .. } | Days { .. } => yearless(t, &context),
            SinceYear(year) => since(*year, doc_date),
            NarrativeDayOffset(_)
            | NarrativeMonth
            | NarrativeMonthOffset(_)
            | NarrativeMonthDay(_)
            | NarrativeYearOffset(_) => last.counted(&t.meaning).map(|v| (v, Resolution::Context)),
            other => doc_date.and_then(|d| offset(other, d)).map(|v| (v, Resolution::DocumentDate)),
        };
        if let Meaning::Absolute(v) = &t.meaning {
            narrative.push(v);
            last_absolute_in = in_sentence.then_some(sentence);
        }
        if let Some((v, _)) = &resolved {
            last.named(v);
        }
        out.push(resolved);
    }
    out
}

/// A date without its year (`March 3`, `in June`, `3–5 May`): the year the
/// context gives it, or the document's month before or after it (`last March`).
fn yearless(t: &Timex, context: &Context) -> Option<(DateValue, Resolution)> {
    match &t.meaning {
        Meaning::MonthDay { month, day, weekday } => {
            // `Thursday, January 25`: its weekday pins its year.
            let on_weekday = |v: &DateValue| weekday.is_none_or(|w| v.start.weekday() == w);
            let pick = |y: i32| DateValue::day(y, *month, *day).filter(on_weekday);
            by_context(t, context, *month, pick)
        }
        Meaning::Month { month } => by_context(t, context, *month, |y| DateValue::month(y, *month)),
        Meaning::NamedMonth { month, ahead } => match context.doc_date.filter(|d| d.precision <= Precision::Month) {
            Some(d) => named_month(d.start, *month, *ahead).map(|v| (v, Resolution::DocumentDate)),
            None => by_context(t, context, *month, |y| DateValue::month(y, *month)),
        },
        Meaning::Months { first, last } => {
            let pick = |y: i32| DateValue::range(&DateValue::month(y, *first)?, &DateValue::month(y, *last)?);
            by_context(t, context, *first, pick)
        }
        Meaning::Days { first, last } => {
            // `from 20 December to 5 January` ends in the next year.
            let next = u32::from(last < first);
            let pick = |y: i32| {
                let from = DateValue::day(y, first.0, first.1)?;
                DateValue::range(&from, &DateValue::day(y + next as i32, last.0, last.1)?)
            };
            by_context(t, context, first.0, pick)
        }
        _ => None, // not a date without its year
    }
}

/// What the narrative last named, however it was dated: `the same date`
/// is its last day, `that month` its last month (kept as its first day),
/// and `ten years later` is counted from its last date of any precision
/// (its first and last days).
#[derive(Default)]
struct LastNamed {
    day: Option<NaiveDate>,
    month: Option<NaiveDate>,
    date: Option<(NaiveDate, NaiveDate)>,
}

impl LastNamed {
    fn named(&mut self, v: &DateValue) {
        if v.precision == Precision::Day {
            self.day = Some(v.start);
        }
        if v.precision <= Precision::Month {
            self.month = Some(v.start);
        }
        self.date = Some((v.start, v.end));
    }

    /// The date a narrative expression counts to from what was named last.
    fn counted(&self, meaning: &Meaning) -> Option<DateValue> {
        match meaning {
            Meaning::NarrativeDayOffset(n) => self.day.and_then(|d| day_value(d + Duration::days(*n))),
            Meaning::NarrativeMonth => self.month.and_then(|d| DateValue::month(d.year(), d.month())),
            Meaning::NarrativeMonthOffset(n) => self.month.and_then(|d| months_after(d, *n)),
            Meaning::NarrativeMonthDay(day) => self.month.and_then(|d| DateValue::day(d.year(), d.month(), *day)),
            Meaning::NarrativeYearOffset(n) => {
                // Later than a span is counted from its end, earlier from its start.
                let from = |(start, end): (NaiveDate, NaiveDate)| if *n > 0 { end.year() } else { start.year() };
                self.date.and_then(|d| DateValue::year(from(d) + n))
            }
            _ => None, // not counted from the narrative
        }
    }
}

/// What a yearless date may take its year from.
struct Context<'a> {
    /// The absolute dates before it, in order.
    narrative: &'a [&'a DateValue],
    /// Whether the last of them stands in its sentence.
    same_sentence: bool,
    /// The year of the heading it stands under.
    heading_year: Option<i32>,
    doc_date: Option<&'a DateValue>,
}

fn by_context(
    t: &Timex,
    context: &Context,
    month: u32,
    pick: impl Fn(i32) -> Option<DateValue>,
) -> Option<(DateValue, Resolution)> {
    let narrative = context.narrative;
    // `the June 20 accord` refers back to a June the narrative named; any
    // other yearless date is in the year in force where it stands (below).
    // A year that `pick` finds no date in (a weekday that falls on
    // another day that year) gives way to the next way of knowing it.
    let same_month = narrative.iter().rev().find(|d| d.precision <= Precision::Month && d.start.month() == month);
    if let Some(v) = same_month.filter(|_| t.anaphoric).and_then(|d| pick(d.year_of())) {
        return Some((v, Resolution::Context));
    }
    // `2015: the accord is signed on 20 June`: the sentence's own year.
    if let Some(v) = narrative.last().filter(|_| context.same_sentence).and_then(|d| pick(d.year_of())) {
        return Some((v, Resolution::Context));
    }
    if let Some(v) = context.heading_year.and_then(&pick) {
        return Some((v, Resolution::Context));
    }
    if let Some(doc) = context.doc_date.filter(|d| d.precision <= Precision::Month) {
        let anchor = doc.start;
        let best = (doc.year_of() - 1..=doc.year_of() + 1)
            .filter_map(&pick)
            .min_by_key(|v| (v.start - anchor).num_days().abs().min((v.end - anchor).num_days().abs()));
        return best.map(|v| (v, Resolution::DocumentDate));
    }
    // The narrative's latest year that has such a date.
    let mut years = narrative.iter().rev().map(|d| d.year_of()).take(NARRATIVE_YEARS);
    years.find_map(&pick).map(|v| (v, Resolution::Context))
}

/// How many of the narrative's latest dates a yearless date may take its
/// year from, when the latest has no such day (`Thursday, January 25`).
const NARRATIVE_YEARS: usize = 8;

/// The year of a line that is only a year or a month of one, with the
/// marks of a heading (`## 2012`, `== 2013 ==`, `**March 2012**`, `2012:`,
/// a wire's `--2012--`):
/// it heads the dates below it. Read no further than a few bytes either
/// side: a line of a million dates is not read whole for each.
fn year_heading(text: &str, range: &Range<usize>, value: &DateValue) -> Option<i32> {
    const REACH: usize = 12;
    let one_year = matches!(value.precision, Precision::Month | Precision::Year);
    let marks = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'#' | b'=' | b'*' | b'_' | b':' | b'-');
    let alone = || alone_on_line(text.as_bytes(), range, REACH, marks).is_some();
    (one_year && alone()).then(|| value.start.year())
}

fn offset(meaning: &Meaning, doc: &DateValue) -> Option<DateValue> {
    let d = doc.start;
    match meaning {
        Meaning::YearOffset(n) => DateValue::year(d.year() + n),
        Meaning::MonthOffset(n) if doc.precision <= Precision::Month => months_after(d, *n),
        Meaning::DayOffset(n) if doc.precision == Precision::Day => day_value(d + Duration::days(*n)),
        Meaning::WeekendOffset(n) if doc.precision == Precision::Day => {
            // The last weekend is the one before this week's, unless the document is of a Sunday.
            let sunday = d.weekday() == chrono::Weekday::Sun;
            let weeks = if *n < 0 && !sunday { *n } else { (*n).max(0) };
            let saturday = week_of(d, weeks) + Duration::days(5);
            DateValue::range(&day_value(saturday)?, &day_value(saturday + Duration::days(1))?)
        }
        Meaning::WeekOffset(n) if doc.precision == Precision::Day => {
            let monday = week_of(d, *n);
            DateValue::range(&day_value(monday)?, &day_value(monday + Duration::days(6))?)
        }
        Meaning::Weekday { day, ahead: false } if doc.precision == Precision::Day => {
            let back = (7 + d.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
            day_value(d - Duration::days(back as i64))
        }
        Meaning::Weekday { day, ahead: true } if doc.precision == Precision::Day => {
            let on = (7 + day.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
            day_value(d + Duration::days(if on == 0 { 7 } else { on } as i64))
        }
        _ => None,
    }
}

/// The Monday of the week `weeks` after `d`'s.
fn week_of(d: NaiveDate, weeks: i32) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday())) + Duration::weeks(i64::from(weeks))
}

/// `since 2020` in a document of 2023: 2020 to 2023, a state that held
/// until the document was written; undated, or dated no later, the year.
fn since(year: i32, doc_date: Option<&DateValue>) -> Option<(DateValue, Resolution)> {
    let from = DateValue::year(year)?;
    match doc_date.map(DateValue::year_of) {
        Some(now) if now > year => {
            DateValue::range(&from, &DateValue::year(now)?).map(|v| (v, Resolution::DocumentDate))
        }
        _ => Some((from, Resolution::Absolute)),
    }
}

/// `last March` in a document of `d`: the latest March before its month;
/// `next March` (`ahead`), the first after it.
fn named_month(d: NaiveDate, month: u32, ahead: bool) -> Option<DateValue> {
    let year = match (ahead, month > d.month(), month < d.month()) {
        (true, true, _) | (false, _, true) => d.year(),
        (true, false, _) => d.year() + 1,
        (false, _, false) => d.year() - 1,
    };
    DateValue::month(year, month)
}

/// The month `n` months after the month of `d`.
fn months_after(d: NaiveDate, n: i32) -> Option<DateValue> {
    let index = d.year() * 12 + d.month0() as i32 + n;
    DateValue::month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

fn day_value(d: NaiveDate) -> Option<DateValue> {
    DateValue::day(d.year(), d.month(), d.day())
}
