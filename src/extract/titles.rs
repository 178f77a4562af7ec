//! Event titles: a short, readable line from a claim's sentence, saying
//! what happened on the claim's date.

use crate::text::{floor_boundary, on_one_line};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// `NIAMEY, Niger — `: a news dateline; a press release's in title case
/// (`Bamako – `, `Washington, D.C. — `), before a dash that is no hyphen.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let capitals = r"[A-Z][A-Z .'-]{2,}(?:, [A-Z][\p{L} .'-]+)? [—–-] ";
    let title_case = r"[A-Z][\p{Ll}'.-]+(?: [A-Z][\p{Ll}'.-]+){0,2}(?:, [A-Z][\p{L} .'-]+)? [—–] ";
    Regex::new(&format!("^(?:{capitals}|{title_case})")).expect("regex")
});

/// Whether `s` begins as a dateline must, with a capital and one more of
/// its characters (`BAMAKO —`), or a capital and a dash further on
/// (`Bamako – `): most titles do not, and are spared the regex.
fn may_open_with_dateline(s: &str) -> bool {
    match s.as_bytes() {
        [b'A'..=b'Z', b'A'..=b'Z' | b' ' | b'.' | b'\'' | b'-', ..] => true,
        [b'A'..=b'Z', ..] => s.contains(['–', '—']),
        _ => false,
    }
}

/// A label before what is told: a transcript's speaker (`Q:`, `GEN.
/// TOWNSEND:`, `MR PRICE:`) or a bill's subsection (`(b) Reports.—`); not
/// a cable subject's country (`NIGER: …`), which says what it is about.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let subsection = r"\([a-z0-9]{1,4}\)\s+(?:[A-Z][^.—\n]{0,40}\.\s*—\s*)?";
    let titles = "MR|MRS|MS|DR|GEN|ADM|COL|LT|SEN|REP|AMB|SECRETARY|AMBASSADOR|PRESIDENT|SENATOR|CHAIRMAN|GENERAL|ADMIRAL|COLONEL|MINISTER";
    let speaker = format!(r"(?:Q|A|QUESTION|ANSWER|MODERATOR|(?:{titles})\.? [A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?):\s+");
    Regex::new(&format!("^(?:{subsection}|{speaker})")).expect("regex")
});

/// A live report's time of day before what it tells (`12:30 GMT — Gunfire …`).
static TIME_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?\s*[—–-]\s+").expect("regex"));

/// Whether `s` begins as a label must: most titles do not, and are spared the regex.
fn may_open_with_label(s: &str) -> bool {
    matches!(s.as_bytes(), [b'(', ..] | [b'A'..=b'Z', b'A'..=b'Z' | b' ' | b'.' | b'\'' | b'-' | b':', ..])
}

/// `However,`, `After the coup,`: a lead-in clause. An open lead-in's words
/// are bounded after matching (`LEAD_IN_WORDS`): bounds inside the pattern
/// compile one copy of `[^,]` per count.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:however|furthermore|moreover|additionally|first and foremost|in addition|meanwhile|also|as a result|(?<open>despite|following|after|prior to|as of|in|on|since|between|by) (?<rest>[^,]*)),\s+").expect("regex")
});

/// The most characters an open lead-in may run to before its comma.
fn lead_in_length(open: &str) -> usize {
    match open.to_ascii_lowercase().as_str() {
        "despite" => 60,
        "following" | "after" => 80,
        "as of" => 20,
        _ => 40,
    }
}

/// Where a lead-in clause ends, if `s` opens with one.
fn lead_in(s: &str) -> Option<usize> {
    // The lead-ins' first letters, in any case (beyond ASCII, `ſ` is an `s`):
    // most sentences begin otherwise and are spared the regex.
    let first = s.bytes().next()?;
    let opens =
        |b: u8| matches!(b.to_ascii_lowercase(), b'h' | b'f' | b'm' | b'a' | b'i' | b'd' | b'o' | b's' | b'b' | b'p');
    if first.is_ascii() && !opens(first) {
        return None;
    }
    lead_in_by_regex(s)
}

/// [`lead_in`], asked of the regex alone.
fn lead_in_by_regex(s: &str) -> Option<usize> {
    let caps = LEAD_IN.captures(s)?;
    if let (Some(open), Some(rest)) = (caps.name("open"), caps.name("rest")) {
        if rest.as_str().chars().nth(lead_in_length(open.as_str())).is_some() {
            return None;
        }
    }
    let end = caps.get(0)?.end();
    let year = year_after_comma(&s[end..]);
    // `In the wake of the August 18, 2020, coup,`: a date after `the` tells
    // which noun after it, and the lead-in goes on to that noun's comma.
    let the_date = caps.name("rest").is_some_and(|rest| rest.as_str().rsplit(' ').nth(2) == Some("the"));
    let noun = if year > 0 && the_date { noun_and_comma(&s[end + year..]) } else { 0 };
    Some(end + year + noun)
}

/// The few words and the comma that `rest` opens with (`coup, `), and the
/// space after: the noun a date before it told of.
fn noun_and_comma(rest: &str) -> usize {
    let Some(comma) = rest.find(',').filter(|&at| at <= 30) else {
        return 0;
    };
    let words = &rest[..comma];
    if words.split(' ').count() > 3 || !words.starts_with(|c: char| c.is_lowercase()) {
        return 0;
    }
    comma + 1 + rest[comma + 1..].len() - rest[comma + 1..].trim_start().len()
}

/// The length of the year, its comma and spaces that `rest` opens with: a
/// lead-in cut at a date's own comma (`On August 18,` / `2020, soldiers …`)
/// goes on through the date.
fn year_after_comma(rest: &str) -> usize {
    let b = rest.as_bytes();
    if b.len() > 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b',' && b[5].is_ascii_whitespace() {
        5 + rest[5..].len() - rest[5..].trim_start().len()
    } else {
        0
    }
}

/// A short, readable title from a claim's sentence: lead-in clauses and the
/// date itself dropped, cut at a clause boundary; whole (views fit it).
pub fn title(sentence: &str, date_text: &str) -> String {
    let s = tidied(sentence);
    // Where the title begins in `s`: what opens it is passed over, not copied off.
    let mut from = 0;
    // A dateline opens a sentence: `Mali – a landlocked country – …` has none.
    if let Some(m) = may_open_with_dateline(&s).then(|| DATELINE.find(&s)).flatten() {
        from = if s[m.end()..].starts_with(char::is_lowercase) { 0 } else { m.end() };
    }
    if let Some(m) = may_open_with_label(&s[from..]).then(|| LABEL.find(&s[from..])).flatten() {
        from += m.end();
    }
    if let Some(m) = s[from..].starts_with(|c: char| c.is_ascii_digit()).then(|| TIME_STAMP.find(&s[from..])).flatten()
    {
        from += m.end();
    }
    let date = tidied(date_text);
    let mut stripped = false;
    // `on 5 March 1990 …` opens a clause of a run-on as `On` opens a sentence.
    for prep in ["On ", "In ", "By ", "Since ", ""] {
        let opens = crate::text::strip_prefix_ignore_ascii_case(&s[from..], prep);
        let rest = opens.and_then(|after| after.strip_prefix(&*date));
        if let Some(rest) = rest.filter(|_| !date.is_empty()) {
            from = s.len() - after_separator(rest).len();
            stripped = true;
            break;
        }
    }
    if !stripped {
        if let Some(end) = lead_in(&s[from..]) {
            if end < s[from..].len() / 2 + 20 {
                from += end;
            }
        }
    }
    let mut s = match s {
        Cow::Borrowed(s) => Cow::Borrowed(&s[from..]),
        Cow::Owned(mut s) => {
            s.drain(..from);
            Cow::Owned(s)
        }
    };
    // A table's row: the cell that tells what happened, if one reads as a
    // sentence (four words or more), not the row's other columns (its source).
    let telling = s.contains(" · ").then(|| s.split(" · ").max_by_key(|c| c.trim().len())).flatten();
    if let Some(cell) = telling.filter(|c| c.split_whitespace().nth(3).is_some()) {
        s = Cow::Owned(cell.trim().to_string());
    }
    drop_dated_phrase(&mut s, &date);
    let s = cut_clauses(&s).trim_end_matches(['.', ',', ';', ':', ' ']).trim();
    let mut chars = s.chars();
    let mut capitalised = String::with_capacity(s.len() + 2);
    capitalised.extend(chars.next().into_iter().flat_map(char::to_uppercase));
    capitalised.push_str(chars.as_str());
    capitalised
}

/// The date with its preposition, at the end of `s` or of a clause (` in
/// 1992,` goes; `in 2020 and 2021` stays whole). The date is sought once,
/// and each preposition looked for before its places.
fn drop_dated_phrase(s: &mut Cow<'_, str>, date: &str) {
    // `Independence: September 22, 1960.`: the field's label is what the date tells of.
    let end = s.trim_end_matches(['.', ' ']);
    let label = end.strip_suffix(date).filter(|_| !date.is_empty()).and_then(|l| l.trim_end().strip_suffix(':'));
    if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
        *s = Cow::Owned(label.to_string());
        return;
    }
    let dated_at = places_of(s, date);
    for prep in DATE_PREPOSITIONS {
        let with_len = 1 + prep.len() + date.len();
        let opens = |at: usize| s.as_bytes()[at] == b' ' && s.as_bytes()[at + 1..].starts_with(prep.as_bytes());
        let first = dated_at.iter().filter_map(|&d| d.checked_sub(1 + prep.len())).find(|&at| opens(at));
        if let Some(at) = first {
            let after = &s[at + with_len..];
            if after.is_empty() || after.starts_with([',', '.', ';']) {
                let s = s.to_mut();
                s.replace_range(at..at + with_len, "");
                // `there, on 9 May, to halt`: one comma left, not two; `noted
                // that on January 9, ECOWAS`: none after a joining word.
                let joined = s[..at].rsplit(' ').next().is_some_and(|w| JOINING_WORDS.contains(&w));
                if (s[..at].ends_with(',') || joined) && s[at..].starts_with(',') {
                    s.remove(at);
                }
                return;
            }
        }
    }
}

/// Words that a dated phrase opening a clause may follow (`said that on
/// May 5, the`): its comma goes with it.
const JOINING_WORDS: [&str; 9] = ["that", "and", "but", "while", "when", "because", "so", "then", "where"];

/// What [`drop_dated_phrase`] drops before a date, in order.
const DATE_PREPOSITIONS: [&str; 9] = ["on or about ", "as of ", "in ", "on ", "since ", "by ", "for ", "of ", "from "];

/// Where `date` stands in `s`, every place, overlapping or not (none for no date).
fn places_of(s: &str, date: &str) -> Vec<usize> {
    let mut places = Vec::new();
    // Most titles no longer hold their date: a test whether it is there
    // costs a fraction of setting up a search for where.
    if date.is_empty() || !s.contains(date) {
        return places;
    }
    let mut from = 0;
    while let Some(at) = s.get(from..).and_then(|rest| rest.find(date)) {
        places.push(from + at);
        from += at + s[from + at..].chars().next().map_or(1, char::len_utf8);
    }
    places
}

/// What follows a date that opens a line of a chronology or a table's row
/// (`12 March 2014: The…`, `2015 – France…`, `2015 · France…`): the text
/// after the separator.
fn after_separator(rest: &str) -> &str {
    let separators = [',', ' ', ':', ';', '·', '—', '–'];
    let rest = rest.trim_start_matches(separators);
    rest.strip_prefix("- ").map_or(rest, |r| r.trim_start_matches(separators))
}

/// Words that open a clause of their own inside a sentence.
const CLAUSE_OPENERS: [&str; 13] = [
    " since ",
    " when ",
    " after ",
    " before ",
    " following ",
    " until ",
    " while ",
    " because ",
    " where ",
    " which ",
    " who ",
    ", and ",
    "; ",
];

/// What may stand between two dates that one clause tells together
/// (`2020 and 2021`, `FY 2014, FY 2015`, `in 2012 or in 2013`).
const LIST_WORDS: [&str; 12] = ["", "and", "or", "to", "through", "until", "till", "in", "of", "&", "-", "–"];

/// Whether `between`, the text between two dates of a sentence, only lists
/// them: then the clause of the first tells the second too.
pub fn lists_dates(between: &str) -> bool {
    between.split(|c: char| c.is_whitespace() || c == ',').all(|w| LIST_WORDS.contains(&w))
}

/// How far either side of its date a title reads, in bytes: a title is cut
/// at a clause long before, and the many claims of a run-on sentence would
/// each read it whole.
const TITLE_REACH: usize = 400;

/// The title of an event told by the claim of `date` (a range in
/// `sentence`). A claim whose sentence is about another, earlier date
/// (`passing`) is titled by the clause that holds its own date, from the
/// word that opens it (`… since France sent a force there, on january,
/// 2013, to halt …`); by the whole sentence if no such word stands before.
/// A word right before the date opens a phrase, not a clause (`until
/// November 24`, `after the 2021 coup`).
pub fn event_title(sentence: &str, date: Range<usize>, date_text: &str, passing: bool) -> String {
    let mut start = floor_boundary(sentence, date.start.saturating_sub(TITLE_REACH));
    let end = floor_boundary(sentence, date.end + TITLE_REACH);
    if start > 0 {
        // From a word's start, to a word's end.
        start = sentence[start..end].find(char::is_whitespace).map_or(start, |at| start + at);
    }
    let end = if end < sentence.len() { sentence[..end].rfind(char::is_whitespace).unwrap_or(end) } else { end };
    let before = &sentence[start..date.start.clamp(start, end)];
    // An opener right before the date opens a phrase (`after 2021`); `, and`
    // and `;` open a clause before a preposition too (`, and on June 7, Goïta
    // was sworn in`).
    // A person's relative clause opens with its verb (`Keïta, who resigned
    // the following day`).
    let named = |at: usize| before[..at].strip_suffix(", who ").and_then(name_ending).is_some();
    let words = |w: &str, at: usize| if matches!(w, ", and " | "; ") || (w == " who " && named(at)) { 0 } else { 1 };
    let clause = |w: &str, at: usize| before[at..].split_whitespace().nth(words(w, at)).is_some();
    let opens = CLAUSE_OPENERS
        .iter()
        .filter(|_| passing)
        .filter_map(|w| before.match_indices(w).map(|(at, _)| at + w.len()).filter(|&at| clause(w, at)).last())
        .max();
    let Some(opens) = opens else {
        return title(&sentence[start..end.max(start)], date_text);
    };
    let clause = &sentence[start + opens..end.max(start)];
    // `…, who resigned`: the person named before is who did it.
    match before[..opens].strip_suffix(", who ").and_then(name_ending) {
        Some(name) => title(&format!("{name} {clause}"), date_text),
        None => title(clause, date_text),
    }
}

/// The name `s` ends with: its last words, each capitalised (two to five).
fn name_ending(s: &str) -> Option<&str> {
    let words = s.rsplit(' ').take(5).take_while(|w| w.starts_with(char::is_uppercase)).count();
    let start = s.rsplitn(words + 1, ' ').nth(words).map_or(0, |rest| rest.len() + 1);
    (words >= 2).then(|| &s[start..])
}

/// `s` on one line, its punctuation closed up: borrowed when it is so
/// already, which one pass over its bytes tells (two passes, one for each,
/// read every event's sentence twice).
fn tidied(s: &str) -> Cow<'_, str> {
    if crate::text::is_one_line_unless(s, spaced) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(close_up_punctuation(&on_one_line(&crate::text::join_hyphenated(s, true))).into_owned())
}

/// Whether two bytes in a row are punctuation set apart by a space: one
/// before a closing mark, or after an opening parenthesis.
fn spaced(before: u8, b: u8) -> bool {
    matches!((before, b), (b' ', b',' | b'.' | b';' | b':' | b')' | b'!' | b'?') | (b'(', b' '))
}

/// `Tarkint , in`, `( November 28 )`: the cable's text is tokenised, with
/// punctuation standing between spaces; a title reads it as prose. Takes
/// text on one line (single spaces).
fn close_up_punctuation(s: &str) -> Cow<'_, str> {
    // Most text is prose, with nothing to close up: looked at as bytes.
    if !s.starts_with(' ') && !s.as_bytes().windows(2).any(|pair| spaced(pair[0], pair[1])) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(close_up_tokens(s))
}

fn close_up_tokens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_opening = false;
    for token in s.split(' ') {
        let closing = matches!(token, "," | "." | ";" | ":" | ")" | "!" | "?");
        if !out.is_empty() && !closing && !after_opening {
            out.push(' ');
        }
        out.push_str(token);
        after_opening = token == "(";
    }
    out
}

/// Where a title is cut, when past its thirtieth byte: at the first place
/// of each, in this order, in what the ones before it left.
const CUTS: [&str; 8] = [", which ", "; ", " -- ", ", who ", ", while ", ", and ", ", but ", " that "];

static CUT_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| AhoCorasick::new(CUTS).expect("cuts build an automaton"));

/// Cuts `s` at [`CUTS`], all found in one pass (eight searches were a
/// fifth of a title's time). A cut's first place in the whole title is its
/// first in what is left of it, if it fits there; if not, it has none there.
fn cut_clauses(s: &str) -> &str {
    // Every cut holds a comma, a semicolon, ` -- ` or ` that `: a title
    // with none (most) is spared the automaton.
    let may_cut = memchr::memchr2(b',', b';', s.as_bytes()).is_some() || s.contains(" that ") || s.contains(" -- ");
    if !may_cut {
        return s;
    }
    let mut first = [usize::MAX; CUTS.len()];
    for m in CUT_FINDER.find_overlapping_iter(s) {
        let k = m.pattern().as_usize();
        first[k] = first[k].min(m.start());
    }
    let mut len = s.len();
    for (cut, at) in CUTS.iter().zip(first) {
        if at > 30 && at.saturating_add(cut.len()) <= len {
            len = at;
        }
    }
    &s[..len]
}

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&DATELINE);
    LazyLock::force(&LABEL);
    LazyLock::force(&TIME_STAMP);
    LazyLock::force(&LEAD_IN);
    LazyLock::force(&CUT_FINDER);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Told in one pass, a sentence is tidied as the two steps do it.
        #[test]
        fn a_sentence_is_tidied_as_on_one_line_then_closed_up(
            s in prop_oneof!["[a ,.;:)(!?\t\n\r\u{c}\u{85}\u{a0}\u{2003}é]{0,16}", "[a (),.]{0,12}"],
        ) {
            let line = on_one_line(&s);
            let closed_up = close_up_punctuation(&line);
            // Borrowed exactly where both steps would borrow it.
            let borrowed = matches!((&line, &closed_up), (Cow::Borrowed(_), Cow::Borrowed(_)));
            prop_assert_eq!(matches!(tidied(&s), Cow::Borrowed(_)), borrowed);
            prop_assert_eq!(tidied(&s), closed_up.into_owned());
        }
    }

    /// One search per cut, each in what the ones before left.
    fn cut_one_by_one(mut s: String) -> String {
        for cut in CUTS {
            if let Some(at) = s.find(cut) {
                if at > 30 {
                    s.truncate(at);
                }
            }
        }
        s
    }

    #[test]
    fn a_speaker_or_a_subsection_does_not_open_a_title() {
        assert_eq!(title("A: Limited training resumed in 2013.", "2013"), "Limited training resumed");
        assert_eq!(title("GEN. TOWNSEND: On April 12, we struck near Ménaka.", "April 12"), "We struck near Ménaka");
        let bill = "(b) Reports.—Not later than 90 days after enactment, the Secretary shall report on the accord signed on June 20, 2015.";
        assert!(title(bill, "June 20, 2015").starts_with("Not later than 90 days"), "{}", title(bill, "June 20, 2015"));
        assert_eq!(title("A second coup followed in 2021.", "2021"), "A second coup followed");
        assert_eq!(title("MR PRICE: The talks resumed in 2021.", "2021"), "The talks resumed");
        assert!(title("NIGER: AMBASSADOR MEETS FM ON JANUARY 10", "JANUARY 10").starts_with("NIGER: AMBASSADOR"));
    }

    #[test]
    fn a_cut_the_one_before_cut_through_is_not_made() {
        // ` -- ` cuts first, through the space `, who ` needs.
        let s = "The ambassador met the general in Bamako, who -- as planned -- left.";
        let cut = cut_clauses(s);
        assert_eq!(cut, "The ambassador met the general in Bamako, who");
        assert_eq!(cut, cut_one_by_one(s.to_string()));
    }

    /// [`drop_dated_phrase`] as it was written first: each phrase made and sought.
    fn drop_by_search(mut s: String, date: &str) -> String {
        for prep in DATE_PREPOSITIONS.iter().filter(|_| !date.is_empty()) {
            let with = format!(" {prep}{date}");
            if let Some(at) = s.find(&with) {
                let after = &s[at + with.len()..];
                if after.is_empty() || after.starts_with([',', '.', ';']) {
                    s.replace_range(at..at + with.len(), "");
                    if s[..at].ends_with(',') && s[at..].starts_with(',') {
                        s.remove(at);
                    }
                    break;
                }
            }
        }
        s
    }

    proptest! {
        /// The first letters looked at spare the regexes only what they would not match.
        #[test]
        fn lead_ins_and_datelines_are_found_as_by_their_regexes(
            head in prop::sample::select(vec![
                "However", "PRIOR TO", "in", "Since", "ſince", "The", "By", "BAMAKO", "D'ARC", "O.K", "NIAMEY, Niger", "x",
                "Q:", "GEN. TOWNSEND:", "(b) Reports.—", "(a)", "A", "MR PRICE:", "NIGER:", "Bamako",
                "Washington, D.C.", "Ségou", "Le Monde",
            ]),
            middle in prop::sample::select(vec!["", " ", " the coup", " x y"]),
            mark in prop::sample::select(vec![",", " —", " -", " –", ""]),
            tail in prop::sample::select(vec!["", " ", " Mali voted", "x"]),
        ) {
            let s = format!("{head}{middle}{mark}{tail}");
            prop_assert_eq!(lead_in(&s), lead_in_by_regex(&s));
            prop_assert!(may_open_with_dateline(&s) || !DATELINE.is_match(&s));
            prop_assert!(may_open_with_label(&s) || !LABEL.is_match(&s));
        }

        #[test]
        fn a_dated_phrase_is_dropped_as_a_search_for_each_would(
            parts in proptest::collection::vec(
                prop::sample::select(vec![
                    " in 2020", " on May 5", " on or about 2020", " in in", "in ", " by", " ", ",", ".", "é", "20", "2020",
                ]),
                0..12,
            ),
            date in prop::sample::select(vec!["2020", "May 5", "202", "", "é2", "in in"]),
        ) {
            let s = parts.concat();
            let mut dropped = Cow::Borrowed(s.as_str());
            drop_dated_phrase(&mut dropped, date);
            prop_assert_eq!(dropped.into_owned(), drop_by_search(s.clone(), date));
        }

        #[test]
        fn what_has_nothing_to_close_up_is_kept(parts in proptest::collection::vec(
            prop::sample::select(vec!["a", "é", " ", "(", ")", ",", ".", ";", ":", "!", "?", "-"]),
            0..20,
        )) {
            let s = parts.concat();
            prop_assert_eq!(close_up_punctuation(&s), close_up_tokens(&s));
        }

        #[test]
        fn clauses_are_cut_as_one_search_per_cut_would(parts in proptest::collection::vec(
            prop::sample::select(vec![
                "word", "é", " ", ",", ";", "-", "th", "at ", "wh", "ich ", ", which ", "; ", " -- ", ", who ",
                ", while ", ", and ", ", but ", " that ",
            ]),
            0..40,
        )) {
            let s = parts.concat();
            let cut = cut_clauses(&s).to_string();
            prop_assert_eq!(cut, cut_one_by_one(s));
        }

        #[test]
        fn titles_without_commas_are_cut_as_one_search_per_cut_would(
            parts in proptest::collection::vec(prop::sample::select(vec!["word", "é", " ", "-", "th", "at ", "|"]), 0..40),
            cut in prop::sample::select(vec![" -- ", " that "]),
        ) {
            let s = parts.concat().replace('|', cut);
            let cut = cut_clauses(&s).to_string();
            prop_assert_eq!(cut, cut_one_by_one(s));
        }
    }

    #[test]
    fn lead_ins_are_bounded() {
        let after = |words: usize| {
            format!(
                "After {}, the US suspended aid to the government of Mali in that year",
                "x ".repeat(words).trim_end()
            )
        };
        assert!(title(&after(3), "").starts_with("The US suspended"));
        // Past eighty characters it is not a lead-in but the sentence.
        assert!(title(&after(41), "").starts_with("After x x"));
    }

    #[test]
    fn a_lead_in_goes_on_through_its_date() {
        let s = "On August 18, 2020, mutinous soldiers detained Keïta, who resigned the following day.";
        assert!(title(s, "the following day").starts_with("Mutinous soldiers detained Keïta"));
        assert_eq!(lead_in("On August 18, 2020, soldiers"), Some("On August 18, 2020, ".len()));
        assert_eq!(lead_in("In 2012, 2013 and 2014, soldiers"), Some("In 2012, ".len()));
        // A date after `the` tells of the noun after it: the lead-in ends at that noun's comma.
        let s = "In the wake of the August 18, 2020, coup, the U.S. government restricted assistance.";
        assert_eq!(title(s, "August 18, 2020"), "The U.S. government restricted assistance");
        assert_eq!(
            lead_in("After the March 22, 2012, military coup, aid stopped"),
            Some("After the March 22, 2012, military coup, ".len())
        );
        assert_eq!(lead_in("On August 18, 2020, soldiers seized power, and"), Some("On August 18, 2020, ".len()));
    }

    #[test]
    fn a_press_release_dateline_in_title_case_opens_no_title() {
        let s = "Bamako – On June 14, U.S. Ambassador Dennis B. Hankins handed over medical equipment.";
        assert_eq!(title(s, "June 14"), "U.S. Ambassador Dennis B. Hankins handed over medical equipment");
        let s = "Washington, D.C. — The United States welcomed the accord signed in 2015.";
        assert_eq!(title(s, "2015"), "The United States welcomed the accord signed");
        let s = "Mali – a landlocked country – held elections in 2013.";
        assert_eq!(title(s, "2013"), "Mali – a landlocked country – held elections");
        let s = "Mali-Niger talks resumed in 2013.";
        assert_eq!(title(s, "2013"), "Mali-Niger talks resumed");
    }

    #[test]
    fn a_dated_phrase_after_a_joining_word_goes_with_its_comma() {
        let s = "The Secretary noted that on January 9, ECOWAS imposed sanctions on Mali.";
        assert_eq!(title(s, "January 9"), "The Secretary noted that ECOWAS imposed sanctions on Mali");
        let s = "Aid stopped, and in 2013, the mission began.";
        assert_eq!(title(s, "2013"), "Aid stopped, and the mission began");
        let s = "The talks failed in 1992, and the war went on.";
        assert_eq!(title(s, "1992"), "The talks failed, and the war went on");
    }

    #[test]
    fn titles_are_whole() {
        let long = format!("In 2012, Mali {}.", "and the United States met again ".repeat(5));
        let t = title(&long, "2012");
        assert!(!t.ends_with('…') && t.ends_with("met again"), "{t}");
    }

    #[test]
    fn titles_are_short_and_dateless() {
        let t = title("After the 24 May 2021 military coup, the US suspended security assistance that benefits the Malian Security and Defense Forces.", "24 May 2021");
        assert_eq!(t, "The US suspended security assistance");
        let t = title("In 1992, Mali moved from a one-party state to multiparty democracy.", "1992");
        assert_eq!(t, "Mali moved from a one-party state to multiparty democracy");
        let t = title(
            "On November 27 the Ambassador and Commander of the U.S. Africa Command , General William E .",
            "November 27",
        );
        assert!(t.starts_with("The Ambassador and Commander"), "{t}");
        let t =
            title("On November 27 ( S ) Tarkint , in Gao , saw it ; ATT ( the president ) said so .", "November 27");
        assert_eq!(t, "(S) Tarkint, in Gao, saw it; ATT (the president) said so");
        for line in ["12 March 2014: Mali signed.", "12 March 2014 – Mali signed.", "12 March 2014 · Mali signed."] {
            assert_eq!(title(line, "12 March 2014"), "Mali signed", "a chronology's separator goes");
        }
        assert_eq!(title("12 March 2014 - Mali signed.", "12 March 2014"), "Mali signed");
        assert_eq!(title("2015 -Mali signed.", "2015"), "-Mali signed", "a hyphen without a space is no separator");
        assert_eq!(title("Independence: September 22, 1960.", "September 22, 1960"), "Independence", "a field's label");
        assert_eq!(title("Type: Republic.", ""), "Type: Republic");
        let row = "6 April 2012 · The MNLA declares the independence of Azawad · AFP";
        assert_eq!(
            title(row, "6 April 2012"),
            "The MNLA declares the independence of Azawad",
            "a row's other cells go"
        );
        let row = "Coup · 22 March 2012 · Soldiers overthrow President Touré · Reuters";
        assert_eq!(title(row, "22 March 2012"), "Soldiers overthrow President Touré");
        assert_eq!(title("2009 · TSCTP · $5.1 million", "2009"), "TSCTP · $5.1 million", "no cell tells it alone");
        let live = "12:30 GMT — Gunfire was heard at the Kati camp early on Tuesday.";
        assert_eq!(title(live, "Tuesday"), "Gunfire was heard at the Kati camp early", "a time of day goes");
        assert_eq!(title("10.30 am - Troops left Gao on Monday.", "Monday"), "Troops left Gao");
        let t = title("Over 1,000 U.S. soldiers were stationed in Niger as of mid-2023.", "mid-2023");
        assert_eq!(t, "Over 1,000 U.S. soldiers were stationed in Niger");
    }

    #[test]
    fn a_date_told_in_passing_is_titled_by_its_own_clause() {
        let clause_title = |s: &str, date: Range<usize>, text: &str| event_title(s, date, text, true);
        let s = "On february 2013, Senator Coons was leading the first visit to Mali since France sent a force there, on january, 2013, to halt an offensive.";
        let at = s.find("january").unwrap();
        let t = clause_title(s, at..at + "january, 2013".len(), "january, 2013");
        assert_eq!(t, "France sent a force there, to halt an offensive");
        let s = "In 2022, Mali expelled the last French troops after the 2021 coup.";
        let at = s.find("2021").unwrap();
        assert_eq!(clause_title(s, at..at + 4, "2021"), title(s, "2021"), "a phrase, not a clause");
        let s = "On May 2, the director said his agency could not act until November 24, weeks after.";
        let at = s.find("November").unwrap();
        assert_eq!(clause_title(s, at..at + 11, "November 24"), title(s, "November 24"));
        let s = "In 2012 the army took power, and an interim government handed over in 2013.";
        let at = s.find("2013").unwrap();
        assert_eq!(clause_title(s, at..at + 4, "2013"), "An interim government handed over");
        let s = "On May 24, 2021, officers detained officials, and on June 7, Colonel Goïta was sworn in.";
        let at = s.find("June").unwrap();
        assert_eq!(clause_title(s, at..at + 6, "June 7"), "Colonel Goïta was sworn in");
        let s =
            "On August 18, 2020, soldiers detained President Ibrahim Boubacar Keïta, who resigned the following day.";
        let at = s.find("the following").unwrap();
        let t = clause_title(s, at..at + 17, "the following day");
        assert_eq!(t, "President Ibrahim Boubacar Keïta resigned the following day");
        let s = "In 2022 it ended; 2023 was calm.";
        let at = s.find("2023").unwrap();
        assert_eq!(clause_title(s, at..at + 4, "2023"), title(s, "2023"), "no opening word: the sentence");
    }

    #[test]
    fn a_title_reads_a_bounded_stretch_around_its_date() {
        let long = format!("{}In 2012 Mali held elections{}", "Before it all, ".repeat(60), ", and more".repeat(100));
        let at = long.find("2012").unwrap();
        let t = event_title(&long, at..at + 4, "2012", false);
        assert!(t.starts_with("All, Before it all") && t.ends_with("Mali held elections"), "{t}");
        assert!(t.len() < 450, "{}", t.len());
        let short = "In 2012 Mali held elections.";
        assert_eq!(event_title(short, 3..7, "2012", false), title(short, "2012"));
    }

    #[test]
    fn dates_listed_together_share_their_clause() {
        for between in [" and ", ", ", ", and ", " or in ", " to ", "–", " and of "] {
            assert!(lists_dates(between), "{between:?}");
        }
        for between in [", Mali expelled the troops after the ", " with $130 million requested for ", "; "] {
            assert!(!lists_dates(between), "{between:?}");
        }
    }

    #[test]
    fn a_title_is_tidied_of_spaces_inside_parentheses_and_doubled() {
        assert_eq!(tidied("talks ( in Bamako"), "talks (in Bamako");
        assert_eq!(tidied("talks  in Bamako"), "talks in Bamako");
        assert_eq!(tidied("The sanc-\ntions were lifted"), "The sanc-tions were lifted", "a word cut by a line break");
        assert_eq!(tidied("Mali -\nthe army and 2015-\n2016 -\nTalks"), "Mali - the army and 2015- 2016 - Talks");
    }

    #[test]
    fn punctuation_standing_alone_is_closed_up_and_other_text_kept() {
        assert_eq!(close_up_punctuation("General William E ."), "General William E.");
        assert_eq!(close_up_punctuation("( ( x ) ) , y"), "((x)), y");
        assert_eq!(close_up_punctuation("U.S. , A.B .C ( S) 1 - 2"), "U.S., A.B .C (S) 1 - 2");
        assert_eq!(close_up_punctuation(", lead"), ", lead");
        assert_eq!(close_up_punctuation(""), "");
    }
}
