//! The tagger's patterns, in order of priority, and their compilation.

use super::starts::Opening;
use regex_automata::meta::{Config, Regex};
use regex_automata::Input;
use std::sync::LazyLock;

/// Month names and abbreviations, matched as written in lower, title or
/// upper case (`may`, `May`, `MAY`), not in any case (`mAY`).
const MONTHS: [&str; 12] = [
    r"jan(?:uary|\.)?",
    r"feb(?:ruary|\.)?",
    r"mar(?:ch|\.)?",
    r"apr(?:il|\.)?",
    "may",
    "june?",
    "july?",
    r"aug(?:ust|\.)?",
    r"sep(?:tember|t\.?|\.)?",
    r"oct(?:ober|\.)?",
    r"nov(?:ember|\.)?",
    r"dec(?:ember|\.)?",
];
/// French month names, as Malian and French sources write them (`22 mars
/// 2012`, `juin 2015`), accented or not.
const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "f[ée]vrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "ao[ûu]t",
    "septembre",
    "octobre",
    "novembre",
    "d[ée]cembre",
];
/// `early March`, `the end of 2012`: likewise in three cases.
const PARTS: [&str; 7] = ["early", "mid", "late", "the end of", "end of", "the beginning of", "beginning of"];

/// The lower-case `words` in lower, title and upper case.
fn three_cases<'a>(words: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    words.iter().flat_map(|a| {
        let title = a[..1].to_ascii_uppercase() + &a[1..];
        [a.to_string(), title, a.to_ascii_uppercase()]
    })
}

/// The lower-case `alternatives` in lower, title and upper case, as one group.
fn in_three_cases(alternatives: &[&str]) -> String {
    format!("(?:{})", three_cases(alternatives).collect::<Vec<_>>().join("|"))
}
const MONTH_FULL: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)";
/// `3rd`, and French's `1er`.
const DAY: &str = r"(?:[012]?[1-9]|10|20|3[01])(?:st|nd|rd|th|er)?";
const YEAR: &str = r"(?:1\d\d\d|20\d\d)";

/// The words that open and close a span of months or days (`between …
/// and`, `from … to`).
const SPAN_FROM: &str = "(?:[Bb]etween|[Ff]rom)";
const SPAN_TO: &str = "(?:and|to|until|till|through)";

fn build(pattern: &str) -> Regex {
    // Dates are ASCII: ASCII word boundaries, digits and case folding match
    // them faster and compile in a fraction of the time of Unicode ones.
    let p = pattern
        .replace("{MONTH}", &in_three_cases(&[MONTHS, FRENCH_MONTHS].concat()))
        .replace("{PART}", &in_three_cases(&PARTS))
        .replace("{MONTHFULL}", MONTH_FULL)
        .replace("{DAY}", DAY)
        .replace("{YEAR}", YEAR)
        .replace("{SPAN_FROM}", SPAN_FROM)
        .replace("{SPAN_TO}", SPAN_TO)
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace("(?i:", "(?i-u:")
        .replace("(?i)", "(?i-u)");
    let config = Config::new().auto_prefilter(false);
    Regex::builder().configure(config).build(&p).unwrap_or_else(|e| panic!("timex pattern {pattern}: {e}"))
}

/// Patterns in order of priority; a later match that overlaps an earlier
/// accepted one is dropped.
#[derive(Debug, Clone, Copy)]
pub(super) enum Pattern {
    IsoDays,
    Iso,
    Numeric,
    Attacks,
    Dtg,
    DayMonthYear,
    MonthDayYear,
    DayRange,
    MonthDayRange,
    MonthSpan,
    DaySpan,
    MonthDaySpan,
    DayDash,
    MonthDayDash,
    MonthDash,
    PartOfMonth,
    MonthYear,
    Between,
    FiscalYear,
    YearRange,
    PartOfYear,
    PartOfDecade,
    Decade,
    MonthDay,
    DayMonth,
    BareMonth,
    Relative,
    NarrativeUnit,
    OrdinalDay,
    Weekday,
    Year,
}

const SOURCES: [(Pattern, Opening, &str); 31] = {
    use Opening as O;
    use Pattern::*;
    [
        // `2021-05-24/25`: two days of a month, as a list of dates gives them.
        (IsoDays, O::YEAR_DASH, r"\b(\d{4})-(\d{2})-(\d{2})/(\d{2})\b"),
        // `2019-06-05`, `2019/06/05`.
        (Iso, O::YEAR_DASH, r"\b(\d{4})[-/](\d{2})[-/](\d{2})\b"),
        (Numeric, O::DAY_SEPARATED, r"\b(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})\b"),
        // `post-9/11`: the attacks, known by their day alone.
        (Attacks, O::DAY_SEPARATED, r"\b9/11\b"),
        (Dtg, O::GROUP, r"\b(\d{2})\d{4}Z\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{2})\b"),
        // `9 – 10 May 2019`, `2/3 March 2016` (a night's two days), `from 5 May
        // to 2 June 2019`: the first month may be left out.
        (
            DayRange,
            O::DAY,
            r"\b({DAY})(?:\s+({MONTH}))?\s*(?:[-–/]|to|until|through|and)\s*({DAY})\s+({MONTH}),?\s+({YEAR})\b",
        ),
        // `March 3-4, 2014`, `March 3 and 4, 2014`.
        (MonthDayRange, O::MONTH_DAY, r"\b({MONTH})\s+({DAY})\s*(?:[-–]|to|through|and)\s*({DAY}),?\s+({YEAR})\b"),
        // `from March to June 2018`, `between June 2018 and March 2019`: the
        // first year may be left out.
        (MonthSpan, O::SPAN, r"\b{SPAN_FROM}\s+({MONTH})(?:,?\s+({YEAR}))?\s+{SPAN_TO}\s+({MONTH}),?\s+({YEAR})\b"),
        // `between 1 April and 31 May`, `from 5 to 9 June`, `from June 5 to
        // July 2`: spans of days whose year the text leaves to its context.
        (DaySpan, O::SPAN, r"\b{SPAN_FROM}\s+({DAY})(?:\s+({MONTH}))?\s+{SPAN_TO}\s+({DAY})\s+({MONTH})\b"),
        (MonthDaySpan, O::SPAN, r"\b{SPAN_FROM}\s+({MONTH})\s+({DAY})\s+{SPAN_TO}\s+(?:({MONTH})\s+)?({DAY})\b"),
        // `11-12 May`, `2/3 March`, `May 11-12`: likewise.
        (DayDash, O::DAY_DASH, r"\b({DAY})\s*[-–/]\s*({DAY})\s+({MONTH})\b"),
        (MonthDayDash, O::MONTH_DAY, r"\b({MONTH})\s+({DAY})\s*[-–]\s*({DAY})\b"),
        // `March–June 2018`, `November 2018 - February 2019`.
        (MonthDash, O::MONTH, r"\b({MONTH})(?:,?\s+({YEAR}))?\s*[-–]\s*({MONTH}),?\s+({YEAR})\b"),
        (DayMonthYear, O::DAY, r"\b({DAY})\s+(?:of\s+)?({MONTH}),?\s+({YEAR})\b"),
        (MonthDayYear, O::MONTH_DAY, r"\b({MONTH})\s+({DAY}),?\s+({YEAR})\b"),
        (PartOfMonth, O::PART, r"\b({PART})[- ]({MONTH}),?\s+({YEAR})\b"),
        (MonthYear, O::MONTH_YEAR, r"\b({MONTH}),?\s+(?:of\s+)?({YEAR})\b"),
        (
            Between,
            O::SPAN,
            r"\b(?:[Bb]etween\s+({YEAR})\s+and|[Ff]rom\s+({YEAR})\s+(?:to|until|till|through))\s+({YEAR})\b",
        ),
        (
            FiscalYear,
            O::FISCAL,
            r"\b(?:FY|[Ff]iscal [Yy]ear)\s?'?(\d{4}|\d{2})(?:\s*[-–/]\s*(?:FY\s?)?(\d{4}|\d{2}))?\b",
        ),
        // `2012-13`, `2012 – 2013`; `2019/20`, a season of two years, with no space.
        (YearRange, O::YEAR_DASH, r"\b({YEAR})(?:\s*[-–—]\s*|/)(\d{4}|\d{2})\b"),
        (PartOfYear, O::PART, r"\b({PART})[- ]({YEAR})\b"),
        (PartOfDecade, O::PART, r"(?i:\b(early|mid|late))[- ](?:the\s+)?(1[6-9]\d0|20\d0)'?s\b"),
        (Decade, O::DECADE, r"\b(1[6-9]\d0|20\d0)'?s\b"),
        (MonthDay, O::MONTH_DAY, r"\b({MONTH})\s+({DAY})\b"),
        (DayMonth, O::DAY, r"\b({DAY})\s+(?:of\s+)?({MONTHFULL})\b"),
        // After a cue word (see [`BARE_MONTH_CUE`]).
        (BareMonth, O::MONTH, r"\b({MONTHFULL})(?:\s+(?:and|to|through|until)\s+({MONTHFULL}))?\b"),
        (
            Relative,
            O::RELATIVE,
            r"\b(?i:(last|next|this|previous|coming)\s+(year|month|weekend|week)|(yesterday)|over\s+the\s+(weekend))\b",
        ),
        // `the same date`, `the next day`, `ten years later`, `two weeks ago`: the words around
        // are read in code, as a pattern that began with `the` would be tried
        // at every `the`.
        (NarrativeUnit, O::NARRATIVE, r"\b(?:days?|date|weeks?|months?|years?|morning|afternoon|evening|night)\b"),
        // `on the 4th`: likewise.
        (OrdinalDay, O::DAY, r"\b(?:[012]?[1-9]|10|20|3[01])(?:st|nd|rd|th)\b"),
        // `on Friday`, `last Monday`, `next Friday`, and news's bare `said Monday`.
        (
            Weekday,
            O::WEEKDAY,
            r"\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        ),
        (Year, O::YEAR, r"\b({YEAR})\b"),
    ]
};

/// A pattern, the words it may begin with, and its regex.
pub(super) struct Compiled {
    pub pattern: Pattern,
    pub opening: Opening,
    pub regex: Regex,
}

/// The patterns, each tried only where a date may begin (see [`super::starts`]):
/// anchored there, they have nothing for a literal prefilter to skip, and
/// without one compile in a third of the time.
static PATTERNS: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    SOURCES.iter().map(|&(pattern, opening, source)| Compiled { pattern, opening, regex: build(source) }).collect()
});

pub(super) fn patterns() -> &'static [Compiled] {
    &PATTERNS
}

/// The words that make a month without a day or year a date (`in May`,
/// `the end of June`, `mid-July`). They are common words: the month is
/// searched for, and the cue read back from it.
static BARE_MONTH_CUE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"\b(?:(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Ff]or|[Dd]uring|[Bb]efore|[Aa]fter|[Tt]hrough|[Ee]arly|[Ll]ate|[Nn]ext|[Ll]ast|[Tt]his|(?:[Tt]he\s+)?(?:end|beginning|middle)\s+of)\s+|[Mm]id-\s*)$",
    )
});
/// How far before its month a cue may begin, in bytes.
const CUE_REACH: usize = 48;

/// Where the cue words that `pattern` needs right before `start` begin, not
/// before `from`; `Some(start)` for a pattern that needs none.
pub(super) fn cue_before(pattern: Pattern, text: &str, start: usize, from: usize) -> Option<usize> {
    if !matches!(pattern, Pattern::BareMonth) {
        return Some(start);
    }
    let from = crate::text::ceil_boundary(text, from.max(start.saturating_sub(CUE_REACH)));
    BARE_MONTH_CUE.find(Input::new(&text[..start]).range(from..)).map(|m| m.start())
}

static DECL: LazyLock<Regex> = LazyLock::new(|| build(r"(?i)(?:DECL|Declassify on)\s*:\s*$"));

/// Whether a classification line's `DECL:` stands right before.
pub(super) fn after_decl(before: &str) -> bool {
    let start = crate::text::ceil_boundary(before, before.len().saturating_sub(32));
    DECL.is_match(&before[start..])
}

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&BARE_MONTH_CUE);
    LazyLock::force(&DECL);
}
