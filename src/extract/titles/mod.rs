//! Event titles: a short, readable line from a claim's sentence, saying
//! what happened on the claim's date.

mod cuts;

use crate::text::{floor_boundary, on_one_line};
use cuts::cut_clauses;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// `NIAMEY, Niger — `: a news dateline; a press release's in title case
/// (`Bamako – `, `Washington, D.C. — `), before a dash that is no hyphen;
/// either with its day and a wire's name (`BAMAKO, March 3, 2015 — `,
/// `BAMAKO, 3 March (Reuters) - `).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // French too: `Bamako, le 15 mars 2013 – `, `le 1er juillet`.
    let month = r"(?:[A-Z][a-z]{2,8}|[a-zéû]{3,9})\.?";
    let day = format!(
        r"(?:, (?:le )?(?:{month} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}}(?:er)? {month}(?: \d{{4}})?))?(?: \([A-Z][\p{{L}}. ]+\))?"
    );
    let place = r"(?:, [A-Z][\p{L} .'-]+)?";
    let capitals = format!(r"[A-Z][A-Z .'-]{{2,}}{place}{day} [—–-] ");
    let title_case = format!(r"[A-Z][\p{{Ll}}'.-]+(?: [A-Z][\p{{Ll}}'.-]+){{0,2}}{place}{day} [—–] ");
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

/// A paper's citation of its sources in parentheses (`(Warner 2014, p.
/// 12)`, `(see Bøås and Torheim 2013)`, `(Powelson 2013; Lecocq et al.
/// 2013)`): what is told is the sentence without it.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    let author = r"[A-Z][\p{L}'’-]+(?:,? (?:and|&) [A-Z][\p{L}'’-]+| et al\.?)?";
    let work = format!(r"{author},? (?:\d{{4}}[a-z]?|n\.d\.)(?:, pp?\. ?\d+(?:[–-]\d+)?)?");
    let cited = format!(r"(?:see(?: also)? |cf\. |e\.g\.,? )?{work}");
    Regex::new(&format!(r" ?\({cited}(?:; {cited})*\)")).expect("regex")
});

/// A wiki's marks of its references, as a copy of its page reads them:
/// `[6]`, `[4][5]`, `[a]`, `[note 1]`, `[citation needed]`.
static REFERENCE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed)\]").expect("regex"));

/// `s` without its citations (see [`CITATION`]) and reference marks; a
/// month and its year in parentheses (`(April 2013)`) is no citation.
fn without_citations(s: &mut Cow<'_, str>) {
    if s.contains('[') && REFERENCE_MARK.is_match(s) {
        *s = Cow::Owned(REFERENCE_MARK.replace_all(s, "").into_owned());
    }
    if !s.contains('(') {
        return;
    }
    let month = |m: &regex::Match| {
        let first = m.as_str().trim_start_matches([' ', '(']).split(' ').next().unwrap_or("");
        crate::extract::timex::is_month_name(first)
    };
    let cited: Vec<Range<usize>> = CITATION.find_iter(s).filter(|m| !month(m)).map(|m| m.range()).collect();
    for range in cited.into_iter().rev() {
        s.to_mut().replace_range(range, "");
    }
}

/// A live report's time of day before what it tells (`12:30 GMT — Gunfire …`).
static TIME_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?\s*[—–-]\s+").expect("regex"));

/// An editor's label before what is told (`UPDATE: `, `Editor's note: `,
/// `Quick update: `): its length, or 0.
fn editorial_label(s: &str) -> usize {
    let Some((label, _)) = s[..floor_boundary(s, 20)].split_once(": ") else {
        return 0;
    };
    const LABELS: &str = "update|quick update|latest update|latest|editor's note|editor’s note|note|breaking|\
                          breaking news|correction|background|summary";
    let labelled = LABELS.split('|').any(|l| l.eq_ignore_ascii_case(label));
    if labelled {
        label.len() + 2
    } else {
        0
    }
}

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
    from += editorial_label(&s[from..]);
    if let Some(m) = s[from..].starts_with(|c: char| c.is_ascii_digit()).then(|| TIME_STAMP.find(&s[from..])).flatten()
    {
        from += m.end();
    }
    let date = tidied(date_text);
    let mut stripped = false;
    // `on 5 March 1990 …` opens a clause of a run-on as `On` opens a sentence.
    for prep in ["On ", "In ", "By ", "Since ", "Le ", "En ", "Depuis le ", "Depuis ", ""] {
        let opens = crate::text::strip_prefix_ignore_ascii_case(&s[from..], prep);
        let rest = opens.and_then(|after| after.strip_prefix(&*date));
        if let Some(rest) = rest.filter(|_| !date.is_empty()) {
            from = s.len() - after_separator(rest).len();
            stripped = true;
            break;
        }
    }
    // A chronology's line of several dates (`July 28 and August 11: …`):
    // the title tells what follows them.
    if let Some(end) = dates_head(&s[from..]) {
        from += end;
        stripped = true;
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
    without_citations(&mut s);
    drop_dated_phrase(&mut s, &date);
    // A date left standing is what the title tells: its clause is not cut off.
    let dated_to = s.find(&*date).filter(|_| !date.is_empty()).map_or(0, |at| at + date.len());
    let s = cut_clauses(&s, dated_to).trim_end_matches(['.', ',', ';', ':', ' ']).trim();
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
            if (after.is_empty() || after.starts_with([',', '.', ';'])) && !one_word_aside(&s[..at], after) {
                let s = s.to_mut();
                s.replace_range(at..at + with_len, "");
                // `noted that on January 9, ECOWAS`: no comma after a joining word.
                let joined = s[..at].rsplit(' ').next().is_some_and(|w| JOINING_WORDS.contains(&w));
                if joined && s[at..].starts_with(',') {
                    s.remove(at);
                }
                close_aside(s, at);
                return;
            }
        }
    }
    // `said Monday it had`, `an attempt last week by`: a date in words
    // alone, without a figure, reads as well without it wherever it stands.
    let bare = !date.contains(|c: char| c.is_ascii_digit())
        && !date.split(' ').any(|w| crate::extract::timex::is_month_name(w.trim_end_matches(',')));
    let standing_alone = |&at: &usize| {
        let after = &s[at + date.len()..];
        s[..at].ends_with(' ') && (after.is_empty() || after.starts_with([' ', ',', '.', ';']))
    };
    if let Some(at) = dated_at.iter().copied().find(standing_alone).filter(|_| bare) {
        // With its preposition or what says when in it (`on Monday that`,
        // `earlier this month`), not a verb's `in` (`sworn in Wednesday`);
        // a clause it opened keeps no comma.
        let mut from = at - 1;
        let word = s[..from].rsplit(' ').next().unwrap_or("");
        let preposition = word != "in" && DATE_PREPOSITIONS.iter().any(|p| p.trim_end() == word);
        if preposition
            || matches!(word, "earlier" | "later" | "early" | "late" | "Earlier" | "Later" | "Early" | "Late")
        {
            from = (from - word.len()).saturating_sub(1);
        }
        let s = s.to_mut();
        s.replace_range(from..at + date.len(), "");
        if from == 0 {
            let told = s.trim_start_matches([',', ' ']).len();
            s.drain(..s.len() - told);
        }
    }
}

/// Whether a dated phrase between `before` and `after` leaves, taken out,
/// an aside of one word (`the Initiative, launched in November 2002,
/// shaped`): it reads wrong, and stays whole.
fn one_word_aside(before: &str, after: &str) -> bool {
    before.rsplit_once(' ').is_some_and(|(head, word)| {
        head.ends_with(',')
            && !word.is_empty()
            && word.chars().all(char::is_lowercase)
            && !JOINING_WORDS.contains(&word)
            && after.starts_with(',')
    })
}

/// Where a dated aside was taken out at `at` of `s`, its commas: both go
/// (`The army, in 2012, collapsed`: `The army collapsed`), but for the one
/// closing a phrase that opens the sentence (`After the vote, on 9 May,
/// protests began`: `After the vote, protests began`).
fn close_aside(s: &mut String, at: usize) {
    if !(s[..at].ends_with(',') && s[at..].starts_with(',')) {
        return;
    }
    s.remove(at);
    let opening = s[..at - 1].rsplit(',').next().unwrap_or("").trim_start();
    let first = opening.split(' ').next().unwrap_or("");
    // `Three days later, on 18 March, the mission left`: a count of time opens it too.
    let last = opening.rsplit(' ').next().unwrap_or("");
    let opens = OPENING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first))
        || matches!(last, "later" | "earlier" | "ago" | "afterwards" | "then");
    if !opens {
        s.remove(at - 1);
    }
}

/// Words a phrase that opens a sentence before its comma begins with.
const OPENING_WORDS: [&str; 16] = [
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "following",
    "since",
    "with",
    "under",
    "by",
    "for",
    "from",
    "despite",
    "as",
    "between",
];

/// Words that a dated phrase opening a clause may follow (`said that on
/// May 5, the`): its comma goes with it.
const JOINING_WORDS: [&str; 9] = ["that", "and", "but", "while", "when", "because", "so", "then", "where"];

/// What [`drop_dated_phrase`] drops before a date, in order.
const DATE_PREPOSITIONS: [&str; 12] =
    ["on or about ", "as of ", "in ", "on ", "since ", "by ", "for ", "of ", "from ", "le ", "en ", "depuis "];

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

/// Where what a line tells begins after a head of dates and the words
/// that list them, closed by a colon or a dash (`July 28 and August 11: `,
/// `and August 11 – `), if the line opens with one.
fn dates_head(s: &str) -> Option<usize> {
    let reach = &s[..floor_boundary(s, 80)];
    let (head, after) =
        [": ", " – ", " — ", " - "].iter().filter_map(|sep| reach.find(sep).map(|at| (at, at + sep.len()))).min()?;
    let words = s[..head].split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    let dated = |w: &str| {
        let number = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        crate::extract::timex::is_month_name(w.trim_end_matches('.'))
            || (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut told = false;
    for w in words {
        if dated(w) {
            told = true;
        } else if !LIST_WORDS.contains(&w) {
            return None;
        }
    }
    told.then_some(after)
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

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&DATELINE);
    LazyLock::force(&LABEL);
    LazyLock::force(&TIME_STAMP);
    LazyLock::force(&LEAD_IN);
    LazyLock::force(&CITATION);
    LazyLock::force(&REFERENCE_MARK);
    LazyLock::force(&cuts::CUT_FINDER);
}

#[cfg(test)]
mod tests;
