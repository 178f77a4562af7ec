//! Spans of days whose year the text leaves to its context: `between 1
//! April and 31 May`, `from 5 to 9 June`, `from June 5 to July 2`, `May
//! 11-12`, `3–4 March`.

use super::groups::Groups;
use super::patterns::Pattern;
use super::{month_number, num, plausible_month_word, Meaning, Tagger};
use crate::model::DateValue;

impl Tagger {
    /// The days a span's groups name, as (month, day) each, or `None` when
    /// they name no real span (`May 12-11`, `from March 3 to 40 percent`).
    /// `end` is where the match ends in `text`.
    pub(super) fn day_span(&self, pattern: Pattern, caps: &Groups, text: &str, end: usize) -> Option<Meaning> {
        use Pattern::*;
        let (first_day, first_month, last_day, last_month) = match pattern {
            DaySpan => (1, 2, 3, 4),
            MonthDaySpan => (2, 1, 4, 3),
            DayDash => (1, 0, 2, 3),
            _ => (2, 1, 3, 0),
        };
        let month_text = |i: usize| caps.get(i).filter(|_| i > 0).map(|m| m.as_str());
        let (first_month_text, last_month_text) = (month_text(first_month), month_text(last_month));
        let last = (month_number(last_month_text.or(first_month_text)?)?, num(caps, last_day)?);
        let first = (first_month_text.map_or(Some(last.0), month_number)?, num(caps, first_day)?);
        let months_plausible = [first_month_text, last_month_text].into_iter().flatten().all(plausible_month_word);
        let real = |(m, d): (u32, u32)| DateValue::day(2000, m, d).is_some();
        if !months_plausible
            || !real(first)
            || !real(last)
            || (first.0 == last.0 && first.1 >= last.1)
            || self.is_count(&text[end..])
        {
            return None;
        }
        Some(Meaning::Days { first, last })
    }
}
