//! The date model of ARCHITECTURE.md: a calendar interval with a precision.

use chrono::{Datelike, NaiveDate};
use compact_str::{format_compact, CompactString};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How finely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Month,
    Year,
    /// A U.S. fiscal year: FY2014 = 2013-10-01..2014-09-30.
    FiscalYear,
    Range,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::FiscalYear => "fiscal-year",
            Precision::Range => "range",
        }
    }
}

/// A date as an interval of days (both ends inclusive) with its precision and
/// its ISO 8601 spelling (`2021-05-24`, `2012-03`, `1960`, `FY2014`, `2016/2020`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    #[serde(with = "day_number")]
    pub start: NaiveDate,
    #[serde(with = "day_number")]
    pub end: NaiveDate,
    pub precision: Precision,
    /// Inline, not on the heap: a corpus holds millions of dates.
    pub value: CompactString,
}

/// A day as its number from the common era's first, for the cache: read
/// back as a number, not parsed from text as chrono's own form is.
mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &NaiveDate, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_i32(day.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(input)?;
        NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| serde::de::Error::custom("a day out of range"))
    }
}

/// The days a date covers, first and last (inclusive): all that comparing
/// two dates needs, in 8 bytes (merging compares millions of pairs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Span {
    /// Whether one lies inside the other.
    pub fn compatible(self, other: Span) -> bool {
        self.contains(other) || other.contains(self)
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn days(self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn year(self) -> i32 {
        self.start.year()
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `2019-06-05`, `2019-06`, `2019`: a year and its month and day as ISO
/// writes them. Written by hand for years of four digits: `format!` took a
/// thousand instructions, a tenth of tagging a date.
fn spelled(year: i32, parts: &[u32]) -> CompactString {
    let four_digits = u32::try_from(year).ok().filter(|y| *y <= 9999);
    let (Some(year), true) = (four_digits, parts.iter().all(|p| *p <= 99)) else {
        let mut out = format_compact!("{year:04}");
        parts.iter().for_each(|p| out.push_str(&format_compact!("-{p:02}")));
        return out;
    };
    // Digits into a buffer, made a string once: pushing characters one by
    // one cost six hundred instructions a date.
    let mut bytes = [0u8; 10];
    let mut len = 0;
    let mut push = |byte: u8| {
        bytes[len] = byte;
        len += 1;
    };
    let digit = |n: u32| b'0' + (n % 10) as u8;
    [year / 1000, year / 100, year / 10, year].into_iter().for_each(|n| push(digit(n)));
    for &part in parts.iter().take(2) {
        [b'-', digit(part / 10), digit(part)].into_iter().for_each(&mut push);
    }
    CompactString::from_utf8(&bytes[..len]).expect("ASCII digits")
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

impl DateValue {
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        let d = ymd(year, month, day)?;
        Some(DateValue { start: d, end: d, precision: Precision::Day, value: spelled(year, &[month, day]) })
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(DateValue {
            start: ymd(year, month, 1)?,
            end: last_day_of_month(year, month)?,
            precision: Precision::Month,
            value: spelled(year, &[month]),
        })
    }

    pub fn year(year: i32) -> Option<Self> {
        Some(DateValue {
            start: ymd(year, 1, 1)?,
            end: ymd(year, 12, 31)?,
            precision: Precision::Year,
            value: spelled(year, &[]),
        })
    }

    pub fn fiscal_year(year: i32) -> Option<Self> {
        Some(DateValue {
            start: ymd(year - 1, 10, 1)?,
            end: ymd(year, 9, 30)?,
            precision: Precision::FiscalYear,
            value: format_compact!("FY{year:04}"),
        })
    }

    /// The interval from the start of `from` to the end of `to`; `None` when
    /// `to` ends before `from` starts.
    pub fn range(from: &DateValue, to: &DateValue) -> Option<Self> {
        if to.end < from.start {
            return None;
        }
        Some(DateValue {
            start: from.start,
            end: to.end,
            precision: Precision::Range,
            value: format_compact!("{}/{}", from.value, to.value),
        })
    }

    /// Days `first..=last` of a month, as a range (`early March 2012`).
    pub fn days_of_month(year: i32, month: u32, first: u32, last: u32) -> Option<Self> {
        let last = last.min(last_day_of_month(year, month)?.day());
        Self::range(&Self::day(year, month, first)?, &Self::day(year, month, last)?)
    }

    pub fn year_of(&self) -> i32 {
        self.span().year()
    }

    /// The days it covers, without the spelling.
    pub fn span(&self) -> Span {
        Span { start: self.start, end: self.end }
    }

    /// Whether one interval lies inside the other: `1960` and `1960-09-24`
    /// are compatible, `2 June` and `3 June` are not.
    pub fn compatible(&self, other: &DateValue) -> bool {
        self.span().compatible(other.span())
    }

    /// Length in days; finer dates are shorter.
    pub fn span_days(&self) -> i64 {
        self.span().days()
    }

    /// Parses the ISO spelling this type writes (`2021-05-24`, `2012-03`,
    /// `1960`, `FY2014`, `2016/2020`).
    pub fn parse(text: &str) -> Option<Self> {
        if let Some((a, b)) = text.split_once('/') {
            return Self::range(&Self::parse(a)?, &Self::parse(b)?);
        }
        if let Some(fy) = text.strip_prefix("FY") {
            return Self::fiscal_year(fy.parse().ok()?);
        }
        let parts: Vec<&str> = text.split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
        let year = parts.first()?.parse::<i32>().ok()?;
        match parts.len() {
            1 => Self::year(year),
            2 => Self::month(year, num(1)?),
            3 => Self::day(year, num(1)?, num(2)?),
            _ => None,
        }
    }

    /// How a reader sees it: `1960`, `2012-03`, `2021-05-24`, `FY2014`, `2016–2020`.
    pub fn display(&self) -> String {
        self.value.replace('/', "–")
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Spelled by hand, a date reads as `format!` writes it.
        #[test]
        fn dates_are_spelled_as_format_writes_them(year in -20_000i32..20_000, month in 0u32..130, day in 0u32..130) {
            proptest::prop_assert_eq!(spelled(year, &[]), format!("{year:04}"));
            proptest::prop_assert_eq!(spelled(year, &[month]), format!("{year:04}-{month:02}"));
            proptest::prop_assert_eq!(spelled(year, &[month, day]), format!("{year:04}-{month:02}-{day:02}"));
        }
    }

    #[test]
    fn fiscal_year_runs_october_to_september() {
        let fy = DateValue::fiscal_year(2014).unwrap();
        assert_eq!(fy.start.to_string(), "2013-10-01");
        assert_eq!(fy.end.to_string(), "2014-09-30");
        assert_eq!(fy.value, "FY2014");
    }

    #[test]
    fn compatibility_is_nesting() {
        let y = DateValue::year(1960).unwrap();
        let d = DateValue::day(1960, 9, 24).unwrap();
        assert!(y.compatible(&d) && d.compatible(&y));
        let a = DateValue::day(2015, 6, 2).unwrap();
        let b = DateValue::day(2015, 6, 3).unwrap();
        assert!(!a.compatible(&b));
    }

    #[test]
    fn parse_round_trips() {
        for v in ["2021-05-24", "2012-03", "1960", "FY2014", "2016/2020", "FY2016/FY2020"] {
            assert_eq!(DateValue::parse(v).unwrap().value, v);
        }
        assert!(DateValue::parse("2021-02-30").is_none());
        assert!(DateValue::parse("2020/2016").is_none());
    }
}
