//! What a document says about itself: title, kind and publication date, and
//! where each came from. A manifest entry wins; otherwise the text is read;
//! a document with no date gets none.

use super::timex::{Meaning, Tagger, Timex};
use crate::assets::SourceMeta;
use crate::model::{DateValue, SourceKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub kind: SourceKind,
    pub publisher: Option<String>,
    pub published: Option<DateValue>,
    pub published_basis: Option<String>,
}

/// A kind of line that dates a document, and the first two letters
/// (lower-cased) such a line begins with after spaces and tabs: one look at
/// each line's start spares most documents the search, which cannot skip
/// ahead (the patterns are anchored to line starts). None of these letters
/// has a non-ASCII case variant (as `k` and `s` do). No letters: anywhere.
struct DateLine {
    openings: &'static [&'static [u8; 2]],
    pattern: Regex,
    /// The most characters of the date the line gives (group 1). Checked
    /// after matching: a bounded repetition of `[^\n]` compiles to one copy
    /// of that Unicode class per count.
    most: usize,
}

/// The lines that date a document, most telling first.
static DATE_LINES: LazyLock<Vec<DateLine>> = LazyLock::new(|| {
    let line = |openings, most, p: &str| DateLine { openings, pattern: Regex::new(p).expect("metadata regex"), most };
    vec![
        line(
            &[b"po", b"pu"],
            60,
            r"(?im)^[ \t]*(?:Posted|Published)(?: on)?[ :]+([^\n]{6}[^\n]*?)(?:\s+by\s+[^\n]*)?[ \t]*$",
        ),
        line(
            &[b"pa", b"la", b"mo", b"up"],
            40,
            r"(?im)^[ \t]*(?:Page )?(?:last )?(?:modified|updated)(?: on)?[ :]+([^\n]{6}[^\n]*)$",
        ),
        line(&[b"by"], 40, r"(?im)^[ \t]*By ([^\n|,]{3}[^\n|,]*)[|,·—–-]\s*([^\n]{6}[^\n]*)$"),
        // An e-mail's `Sent:` or `Date:`: the first is the thread's latest message.
        line(&[b"cr", b"da", b"se"], 40, r"(?im)^[ \t]*(?:Created|Date|Dated|Sent)[ \t]*:[ \t]*([^\n]{6}[^\n]*)$"),
        // A date-time group anywhere: no line start to look at.
        line(&[], usize::MAX, r"(?m)\b(\d{6}Z\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+\d{2})\b"),
    ]
});

impl DateLine {
    /// The first line of this kind in `text` and the date it gives.
    fn find<'t>(&self, text: &'t str) -> Option<(&'t str, &'t str)> {
        let short = |s: &str, most: usize| s.chars().nth(most).is_none();
        self.pattern.captures_iter(text).find_map(|caps| {
            let (whole, date) = (caps.get(0)?.as_str(), caps.get(caps.len() - 1)?.as_str());
            // A byline's name (group 1) has at most 60 characters.
            let name_fits = caps.len() < 3 || short(&caps[1], 60);
            (short(date, self.most) && name_fits).then_some((whole, date))
        })
    }
}

/// Which of [`DATE_LINES`] may match `text`, by the way its lines begin.
fn date_lines_that_may_match(text: &str) -> Vec<bool> {
    let mut may: Vec<bool> = DATE_LINES.iter().map(|line| line.openings.is_empty()).collect();
    for line in text.split('\n') {
        let b = line.trim_start_matches([' ', '\t']).as_bytes();
        if let [first, second, ..] = b {
            let opening = [first.to_ascii_lowercase(), second.to_ascii_lowercase()];
            for (may, line) in may.iter_mut().zip(DATE_LINES.iter()) {
                *may |= line.openings.contains(&&opening);
            }
        }
    }
    may
}

static DECL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"DECL:\s*(\d{1,2})/(\d{1,2})/(\d{4})").expect("regex"));
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:SUBJ(?:ECT)?:[ \t]*(\S[^\n]*)|Cable title:\s*\n\s*(\S[^\n]*))").expect("regex")
});
/// A cable's reference in its header: its post and number (`BAMAKO 00011`).
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b([A-Z]{3,})[ \t]+(0\d{3,6})\b").expect("regex"));
/// Words of a cable's banner that a reference's post never is.
const BANNER_WORDS: [&str; 6] = ["UNCLAS", "SECRET", "CONFIDENTIAL", "SECTION", "SENSITIVE", "NOFORN"];
static CABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)\b(?:SUBJECT:|Classified By:|E\.O\. \d{5}|SIPDIS|TAGS:)").expect("regex"));

/// The first absolute day, month or year in a short piece of text.
fn first_date(tagger: &Tagger, s: &str) -> Option<DateValue> {
    tagger.find(s).into_iter().find_map(|t| match t.meaning {
        Meaning::Absolute(v) => Some(v),
        _ => None,
    })
}

pub fn infer(
    text: &str,
    front_matter: &[(String, String)],
    html_title: Option<&str>,
    file_id: &str,
    manifest: Option<&SourceMeta>,
    tagger: &Tagger,
) -> Metadata {
    let field = |k: &str| front_matter.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let title = manifest
        .and_then(|m| m.title.clone())
        .or_else(|| field("title"))
        .or_else(|| email_subject(text))
        .or_else(|| cable_subject(text))
        .or_else(|| cable_reference(text))
        .or_else(|| html_title.map(str::to_string))
        .or_else(|| title_line(text))
        .unwrap_or_else(|| file_id.replace(['_', '-'], " "));
    let kind = manifest
        .and_then(|m| m.kind)
        .or_else(|| field("kind").or_else(|| field("type")).and_then(kind_from_word))
        .unwrap_or_else(|| guess_kind(text, front_matter));
    let publisher =
        manifest.and_then(|m| m.publisher.clone()).or_else(|| field("publisher").or_else(|| field("source")));
    let (published, published_basis) = match manifest.and_then(|m| m.published_date().map(|p| (p, m))) {
        Some((p, m)) => {
            let note = m.published_note.clone().map_or("manifest".to_string(), |n| format!("manifest: {n}"));
            (Some(p), Some(note))
        }
        None => date_from_text(text, front_matter, tagger).map_or((None, None), |(d, b)| (Some(d), Some(b))),
    };
    Metadata { title, kind, publisher, published, published_basis }
}

fn date_from_text(text: &str, front_matter: &[(String, String)], tagger: &Tagger) -> Option<(DateValue, String)> {
    for key in ["date", "published", "created", "updated"] {
        if let Some((_, v)) = front_matter.iter().find(|(k, _)| k == key) {
            if let Some(d) = first_date(tagger, v) {
                return Some((d, format!("front matter: {key}: {v}")));
            }
        }
    }
    let may = date_lines_that_may_match(text);
    for line in DATE_LINES.iter().zip(may).filter(|(_, may)| *may).map(|(line, _)| line) {
        if let Some((whole, date)) = line.find(text) {
            if let Some(d) = first_date(tagger, date) {
                return Some((d, format!("text: {}", whole.trim())));
            }
        }
    }
    if let Some((d, line)) = dateline(text, tagger) {
        return Some((d, format!("{DATELINE_BASIS}{line}")));
    }
    let caps = DECL.captures(text).filter(|_| CABLE.is_match(text))?;
    let (m, d, y): (u32, u32, i32) = (caps[1].parse().ok()?, caps[2].parse().ok()?, caps[3].parse().ok()?);
    let date = DateValue::day(y - 10, m, d)?;
    Some((date, format!("text: {} minus ten years (declassification date)", &caps[0])))
}

/// How a document's date read from a dateline is recorded, before the
/// dateline itself (`text: dateline Bamako, February 10, 2020`).
pub const DATELINE_BASIS: &str = "text: dateline ";

/// A line near the top that is only a date (`March 3, 2021`), under a
/// title; or that ends with a day after a dash, a bar or a comma
/// (`Department Press Briefing – March 14, 2022`, `Congressional Research
/// Service, updated March 3, 2022`). Further down a cover of short lines
/// (a hearing's, a report's), a line that is only a day.
fn dateline(text: &str, tagger: &Tagger) -> Option<(DateValue, String)> {
    const TOP: usize = 6;
    const COVER: usize = 16;
    for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).take(COVER).enumerate() {
        let line = line.trim();
        let short = line.chars().nth(120).is_none();
        if i >= TOP && !short {
            return None; // the body has begun
        }
        // A short line's dates, found once for both of its readings.
        let found = if short { tagger.find(line) } else { Vec::new() };
        if i >= TOP {
            match found.as_slice() {
                [t] if t.range == (0..line.len()) => match &t.meaning {
                    Meaning::Absolute(d) if d.precision == crate::model::Precision::Day => {
                        return Some((d.clone(), line.to_string()))
                    }
                    _ => continue,
                },
                _ => continue,
            }
        }
        if let Some(day) = day_ending(line, &found) {
            return Some((day, line.to_string()));
        }
        if let Some((day, head)) = press_dateline(line, tagger) {
            return Some((day, head.to_string()));
        }
        if line.len() > 40 || i == 0 {
            continue;
        }
        if let [t] = found.as_slice() {
            let rest =
                line[..t.range.start].len() + line[t.range.end..].trim_matches(|c: char| !c.is_alphanumeric()).len();
            if let (Meaning::Absolute(d), true) = (&t.meaning, rest <= 12 && !cut_mid_sentence(line, &t.range)) {
                if d.precision <= crate::model::Precision::Month {
                    return Some((d.clone(), line.to_string()));
                }
            }
        }
    }
    None
}

/// Whether a short line is running text that a line break cut, not a
/// dateline (`On 12 March 2014 the Presi-`, `On 12 March 2014 the`): its
/// last word broken by a hyphen or one that no phrase ends with, or a
/// preposition opening a sentence that goes on past the date.
fn cut_mid_sentence(line: &str, date: &Range<usize>) -> bool {
    const GOES_ON: [&str; 17] = [
        "the", "a", "an", "of", "on", "in", "at", "to", "and", "by", "for", "with", "from", "since", "until", "after",
        "during",
    ];
    let goes_on = |word: &str| GOES_ON.iter().any(|w| word.eq_ignore_ascii_case(w));
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let broken = last.len() > 1 && last.ends_with('-');
    let after = line[date.end..].trim_matches(|c: char| !c.is_alphanumeric());
    broken || goes_on(last) || (goes_on(line[..date.start].trim()) && !after.is_empty())
}

/// The day a short line ends with, after a separator or `updated`, of the
/// dates `found` in it; after `updated`, `dated`, `published` or
/// `released` (`Commentary by … — Published January 14, 2021`), with a full stop too
/// (`Notes for the desk, updated 4 February 2024.`: a sentence's own date
/// after a comma is no dateline).
fn day_ending(line: &str, found: &[Timex]) -> Option<DateValue> {
    let stopped = line.strip_suffix('.').unwrap_or(line);
    let last = found.last().filter(|t| t.range.end == line.len() || t.range.end == stopped.len())?;
    let before = line[..last.range.start].trim_end();
    let said = ["updated", "dated", "published", "released"]
        .iter()
        .any(|w| before.len() > w.len() && before.to_lowercase().ends_with(w));
    let separated = said || (last.range.end == line.len() && before.ends_with(['–', '—', '-', '|', ',']));
    match &last.meaning {
        Meaning::Absolute(d) if separated && d.precision == crate::model::Precision::Day => Some(d.clone()),
        _ => None,
    }
}

/// A press release's dateline opening its first paragraph: a place (a city,
/// and its country), its day, a dash or a wire's name between slashes
/// (`Bamako, February 10, 2020 – The United States …`, `BAMAKO, Mali,
/// August 1, 2023/APO Group/ -- The …`, `BAMAKO, August 13, 2013 (AFP) -
/// Key events …`); the day and the words before the dash or the slash.
pub fn press_dateline<'l>(line: &'l str, tagger: &Tagger) -> Option<(DateValue, &'l str)> {
    // Looked for in the line's first bytes only: a first line may be a whole document.
    let start = &line[..crate::text::floor_boundary(line, 72)];
    let dash = [" – ", " — ", " - "].iter().filter_map(|dash| start.find(dash)).min();
    // A wire's slash follows the date's year (`2023/APO`, `2023-/African`), not a day's digits (`12/03/2020`).
    let slash = start.match_indices('/').map(|(at, _)| at).find(|&at| {
        let wire = start[at + 1..].starts_with(char::is_uppercase);
        wire && start[..at].ends_with(|c: char| c.is_ascii_digit() || c == '-')
    });
    let head_end = dash.into_iter().chain(slash).min().filter(|&at| at <= 64)?;
    let head = line[..head_end].trim_end_matches(['-', ' ']);
    // A wire's name after the day (`BAMAKO, August 13, 2013 (AFP) - `).
    let dated = match head.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) {
        Some((dated, wire)) if wire.starts_with(char::is_uppercase) && wire.split_whitespace().count() <= 3 => dated,
        _ => head,
    };
    // The place: a city, or a city and its country (`BAMAKO, Mali`); the
    // day may hold a comma of its own (`February 10, 2020`).
    let a_place = |p: &str| p.starts_with(char::is_uppercase) && p.split_whitespace().count() <= 3;
    let commas = dated.match_indices(", ").map(|(at, _)| at).take(2);
    commas.filter(|&at| dated[..at].split(", ").all(a_place)).find_map(|at| {
        let date = &dated[at + 2..];
        let date = date.strip_prefix("le ").unwrap_or(date); // `Bamako, le 15 mars 2013 – `
        match tagger.find(date).as_slice() {
            [t] if t.range == (0..date.len()) => match &t.meaning {
                Meaning::Absolute(d) if d.precision == crate::model::Precision::Day => Some((d.clone(), head)),
                _ => None,
            },
            _ => None,
        }
    })
}

/// A cable's subject: its `SUBJECT:` line, or the line after an archive
/// page's `Cable title:` label.
fn cable_subject(text: &str) -> Option<String> {
    let head = &text[..crate::text::floor_boundary(text, 6000)];
    // Most documents have neither label: looked for as plain text first.
    let finder = |label: &str| memchr::memmem::find(head.as_bytes(), label.as_bytes());
    finder("SUBJ").or_else(|| finder("Cable title:"))?;
    let subject = SUBJECT.captures(head)?;
    let line = subject.get(1).or_else(|| subject.get(2))?.as_str().trim();
    (!line.is_empty()).then(|| crate::text::shorten(line, 100))
}

/// How far an e-mail's header is read for its blank line.
const HEADER_REACH: usize = 16_384;

/// Where a message's header lies, when the text opens with one: from its
/// `From:` line to the blank line that ends it.
pub fn email_header(text: &str) -> Option<Range<usize>> {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with("From:") {
        return None;
    }
    let reach = &text[start..crate::text::floor_boundary(text, start + HEADER_REACH)];
    let lines = reach.split_inclusive('\n').take_while(|l| !l.trim().is_empty());
    Some(start..start + lines.map(str::len).sum::<usize>())
}

/// An e-mail's subject, when the text opens with a message's header, without its `RE:` and `FW:`.
fn email_subject(text: &str) -> Option<String> {
    let header = &text[email_header(text)?];
    let mut subject = header.lines().find_map(|l| l.trim().strip_prefix("Subject:"))?.trim();
    while let Some(rest) =
        ["RE:", "FW:", "FWD:", "AW:"].iter().find_map(|p| crate::text::strip_prefix_ignore_ascii_case(subject, p))
    {
        subject = rest.trim_start();
    }
    (!subject.is_empty()).then(|| crate::text::shorten(subject, 100))
}

/// A cable with no subject is known by its reference (`Cable BAMAKO
/// 00011`), not by its classification banner.
fn cable_reference(text: &str) -> Option<String> {
    let head = &text[..crate::text::floor_boundary(text, 2000)];
    if !CABLE.is_match(head) {
        return None;
    }
    let reference = REFERENCE.captures_iter(head).find(|c| !BANNER_WORDS.contains(&&c[1]))?;
    Some(format!("Cable {} {}", &reference[1], &reference[2]))
}

/// The first line near the top that reads as a title: two words or more
/// with letters, not a label (`Cable title:`, a table header's `Identifier`,
/// a field and its one word of value: a UN cover's `Original: English`),
/// a byline (`By`, `By Jane Doe`), a line of site links (`About | …`) or a
/// line that only dates the document.
fn title_line(text: &str) -> Option<String> {
    // A title stands before the body: the search stops at its first paragraph.
    let short = |l: &&str| l.chars().count() <= 120;
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).take_while(short).take(20).collect();
    // The line after a lone `By` is the byline's name; a publisher above a
    // release's label (`U.S. Embassy Bamako` / `Press Release`) and the
    // label are a letterhead.
    let after_by = |i: usize| i > 0 && lines[i - 1].eq_ignore_ascii_case("by");
    let label = |l: &str| RELEASE_LABELS.iter().any(|r| l.eq_ignore_ascii_case(r));
    let letterhead = match lines.as_slice() {
        [publisher, next, ..] if is_publisher(publisher) && label(next) => {
            1 + lines[1..].iter().take_while(|l| label(l)).count()
        }
        _ => 0,
    };
    let mut candidates = lines.iter().enumerate().filter(|&(i, _)| i >= letterhead && !after_by(i)).map(|(_, l)| l);
    let reads_as_title = |l: &&&str| {
        let words: Vec<&str> = l.split_whitespace().collect();
        let lettered = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
        lettered >= 2
            && l.chars().count() <= 120
            && !l.ends_with(':')
            && !(words.len() == 2 && words[0].ends_with(':'))
            && !words[0].eq_ignore_ascii_case("by")
            && l.matches(" | ").count() < 2
            && !laid_out(l)
            && !is_page_number(&words)
    };
    let first = lines.iter().find(|l| l.chars().any(char::is_alphabetic));
    candidates.find(reads_as_title).or(first).map(|l| crate::text::shorten(&crate::text::one_line(l), 100))
}

/// The labels of a release's letterhead, under its publisher's name.
const RELEASE_LABELS: [&str; 6] =
    ["Press Release", "News Release", "For Immediate Release", "Media Advisory", "Press Statement", "Media Note"];

/// Whether a short line names a body that publishes (`U.S. Embassy Bamako`,
/// `Office of the Spokesperson`): a body's word in six words or fewer.
fn is_publisher(line: &str) -> bool {
    const BODIES: [&str; 10] = [
        "Embassy",
        "Consulate",
        "Department",
        "Ministry",
        "Office",
        "Command",
        "Agency",
        "Mission",
        "Bureau",
        "Secretariat",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 6 && words.iter().any(|w| BODIES.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

/// A line of columns (a running header `CRISIS GROUP      Report N°299`,
/// a table's row): words set apart by a tab or a wide gap.
fn laid_out(line: &str) -> bool {
    line.contains('\t') || line.contains("   ")
}

/// `Page 2 of 12`, `Page 2`.
fn is_page_number(words: &[&str]) -> bool {
    let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    match words {
        [page, n, rest @ ..] if page.eq_ignore_ascii_case("page") && number(n) => {
            matches!(rest, [] | [_, _]) && rest.last().is_none_or(number)
        }
        _ => false,
    }
}

fn kind_from_word(word: String) -> Option<SourceKind> {
    serde_json::from_value(serde_json::Value::String(word.to_ascii_lowercase().replace([' ', '_'], "-"))).ok()
}

fn guess_kind(text: &str, front_matter: &[(String, String)]) -> SourceKind {
    let head = text.char_indices().nth(3000).map_or(text, |(at, _)| &text[..at]);
    if CABLE.is_match(head) {
        SourceKind::Cable
    } else if head.contains("Posted on") || head.contains("Tag Archives") {
        SourceKind::BlogPost
    } else if head.to_ascii_lowercase().contains("fact sheet") {
        SourceKind::FactSheet
    } else if front_matter.iter().any(|(k, _)| ["infobox", "capital", "born", "wikipedia"].contains(&k.as_str()))
        || head.contains("Wikipedia")
    {
        SourceKind::Encyclopedia
    } else if head.contains("(Reuters)")
        || head.contains("(AP)")
        || head.contains("(AFP)")
        || head.lines().any(|l| l.trim_start().starts_with("By "))
    {
        SourceKind::News
    } else if text.contains("Page last modified") {
        SourceKind::WebPage
    } else {
        SourceKind::Other
    }
}

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&DATE_LINES);
    LazyLock::force(&DECL);
    LazyLock::force(&CABLE);
    LazyLock::force(&SUBJECT);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer_text(text: &str) -> Metadata {
        infer(text, &[], None, "doc", None, &Tagger::new(&[]))
    }

    #[test]
    fn dates_from_text() {
        let m = infer_text("Title\n\nPosted on February 26, 2013 by iajohnson\n\nBody.");
        assert_eq!(m.published.unwrap().value, "2013-02-26");
        let m = infer_text("Body.\n\nPage last modified: 14-09-2021 15:43:31 ZULU");
        assert_eq!(m.published.unwrap().value, "2021-09-14");
        let m = infer_text("S E C R E T SUBJECT: X E.O. 12958: DECL: 11/30/2019 TAGS: PREL");
        assert_eq!(m.published.unwrap().value, "2009-11-30");
        assert_eq!(m.kind, SourceKind::Cable);
        let m = infer_text("Sahel talks resume\nMarch 3, 2021\n\nBAMAKO — Talks resumed.");
        assert_eq!(m.published.unwrap().value, "2021-03-03");
        let m = infer_text("Department Press Briefing – March 14, 2022\n\nMR PRICE: Good afternoon.");
        assert_eq!(m.published.unwrap().value, "2022-03-14");
        let m = infer_text("Security Sector Reform in Mali\nCongressional Research Service, updated March 3, 2022\n");
        assert_eq!(m.published.unwrap().value, "2022-03-03");
        let m = infer_text("# Mali: key dates\n\nNotes for the Sahel desk, updated 4 February 2024.\n\n| Date |\n");
        assert_eq!(m.published.unwrap().value, "2024-02-04");
        let m = infer_text("The Sahel's Crisis\n\nCommentary by Jane Doe — Published January 14, 2021\n\nText.");
        assert_eq!(m.published.unwrap().value, "2021-01-14");
        let m = infer_text("Mali talks\nFighting resumed in Kidal, 5 May 2012.\n");
        assert!(m.published.is_none(), "a sentence's own date after a comma is no dateline");
        let m = infer_text(
            "From: Sarah Kline <sk@example.org>\nSent: Tuesday, February 8, 2022 9:14 AM\nTo: Desk\n\
             Subject: RE: Fwd: Mali follow-up\n\nThanks.\n\nFrom: Mark\nSent: Monday, February 7, 2022 5:40 PM\n",
        );
        assert_eq!(m.published.unwrap().value, "2022-02-08");
        assert_eq!(m.title, "Mali follow-up");
        let m = infer_text("U.S. Embassy Bamako\n\nBamako, February 10, 2020 – The United States is providing aid.");
        assert_eq!(m.published.unwrap().value, "2020-02-10");
        assert_eq!(m.published_basis.as_deref(), Some("text: dateline Bamako, February 10, 2020"));
        let m = infer_text("Mali : chronologie\n\nBamako, le 15 mars 2013 – Le 22 mars 2012, des militaires ont renversé le président.");
        assert_eq!(m.published.unwrap().value, "2013-03-15");
        assert_eq!(m.published_basis.as_deref(), Some("text: dateline Bamako, le 15 mars 2013"));
        // A wire's release: a city and its country, the day, the wire between slashes.
        for (release, basis) in [
            (
                "BAMAKO, Mali, August 01, 2023-/African Media Agency(AMA)/-The Council met.",
                "BAMAKO, Mali, August 01, 2023",
            ),
            ("BAMAKO, Mali, August 1, 2023/APO Group/ -- The Council met.", "BAMAKO, Mali, August 1, 2023"),
        ] {
            let m = infer_text(release);
            assert_eq!(m.published.unwrap().value, "2023-08-01", "{release}");
            assert_eq!(m.published_basis.unwrap(), format!("text: dateline {basis}"));
        }
        let m = infer_text("Mali: a timeline\n\nBAMAKO, August 13, 2013 (AFP) - Key events in Mali since 2012.");
        assert_eq!(m.published_basis.unwrap(), "text: dateline BAMAKO, August 13, 2013 (AFP)");
        // A day written with slashes is no wire's.
        let m = infer_text("Mali talks\n\nBamako, 12/03/2020/ Update - The talks resumed.");
        assert!(m.published.is_none());
        let cover = "THE CRISIS IN MALI\n\nHEARING\nBEFORE THE\nSUBCOMMITTEE ON AFRICA\nOF THE\nCOMMITTEE\nHOUSE\n\n\
                     CONGRESS\n\nFIRST SESSION\n\nFEBRUARY 14, 2013\n\nSerial No. 113-9\n";
        assert_eq!(infer_text(cover).published.unwrap().value, "2013-02-14");
        for undated in [
            "Mali: a timeline, 2012\nThe coup.",
            "Soldiers seized power on 22 March 2012.\nThey left.",
            // Running text cut by line breaks: a narrow column's first lines.
            "Talks\nOn 12 March 2014 the Presi-\ndent of Mali met the ambassador.",
            "Talks\nOn 12 March 2014 the\nPresident of Mali met the ambassador.",
            "Talks\nOn 12 March 2014 President\nKeita met the ambassador.",
            "In Bamako, the talks of February 10, 2020 - a failure - ended.",
            "A\nB\nC\nD\nE\nF\nThe talks of the long rainy season went on through the year and beyond, as the parties had said they would, in Algiers and in Bamako.\nMarch 3, 2021\n",
        ] {
            assert!(infer_text(undated).published.is_none(), "{undated}");
        }
    }

    #[test]
    fn a_date_line_is_searched_for_wherever_it_may_match() {
        let mut texts: Vec<String> = crate::assets::bundled_seeds()
            .iter()
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .collect();
        let lines = ["\t POSTED: May 2, 2013", "  updated on 2 May 2013", "By Ann Lee, May 2, 2013", "\r\nDate: 2013"];
        texts.extend(lines.iter().map(|l| format!("Title\n{l}\n")));
        texts.push("Poſted: May 2, 2013\nLaſt modified: May 2, 2013".into());
        for text in &texts {
            let may = date_lines_that_may_match(text);
            for (line, may) in DATE_LINES.iter().zip(may) {
                assert!(may || !line.pattern.is_match(text), "{} matches {text:?}", line.pattern);
            }
        }
    }

    #[test]
    fn no_date_is_not_guessed() {
        let m = infer_text("Relations have been excellent since 1960.\nIn 2022 Mali expelled troops.");
        assert!(m.published.is_none());
    }

    #[test]
    fn titles_are_never_labels_bylines_or_table_headers() {
        let title = |text: &str| infer_text(text).title;
        assert_eq!(title("By\nJane Doe\n\nMali votes in July\nThe vote was held."), "Mali votes in July");
        assert_eq!(title("By Jane Doe | Reuters\nMali votes in July\n"), "Mali votes in July");
        assert_eq!(
            title("Identifier\nCreated\n08NIAMEY48\nCable title:  \n\nNIGER: AMBASSADOR MEETS GON\n"),
            "NIGER: AMBASSADOR MEETS GON"
        );
        assert_eq!(
            title("10BAMAKO54\nSECRET\nSIPDIS\nSUBJECT: NEW INFORMATION ON A PLANE \n"),
            "NEW INFORMATION ON A PLANE"
        );
        assert_eq!(title("About | Library | Journal | Home\nNiger: In Focus\n"), "Niger: In Focus");
        let cover = "United Nations      S/2023/402\nSecurity Council      Distr.: General\n1 June 2023\n\
                     Original: English\n\n  Situation in Mali\n\n  Report of the Secretary-General\n";
        assert_eq!(title(cover), "Situation in Mali", "a field and its value is no title");
        let banner =
            "S E C R E T SECTION 01 OF 02 BAMAKO 00011 SIPDIS E.O. 12958: DECL: 11/30/2019\n( S ) On May 2 the";
        assert_eq!(title(banner), "Cable BAMAKO 00011", "a cable's banner is no title");
        assert_eq!(title("UNCLAS NIAMEY 000048\nSIPDIS\nE.O. 12958: N/A\nTAGS: PREL\n"), "Cable NIAMEY 000048");
        assert_eq!(title("Mali\n"), "Mali", "a lone word when nothing else reads as a title");
        let report = "CRISIS GROUP       Africa Report N°299\nPage 1 of 12\n\nMALI: ENABLING DIALOGUE\n";
        assert_eq!(title(report), "MALI: ENABLING DIALOGUE", "a running header and a page number are no titles");
        assert_eq!(title("Africa   Report\n"), "Africa Report", "a title is on one line, spaced once");
        let release = "U.S. Embassy Bamako\nPress Release\nFor Immediate Release\nJune 15, 2019\n\n\
                       U.S. Government Donates Medical Equipment\n\nBamako – On June 14, the ambassador left.\n";
        assert_eq!(title(release), "U.S. Government Donates Medical Equipment", "a letterhead is no title");
        let note = "Secretary Blinken's Call with President Goïta\nMEDIA NOTE\nOFFICE OF THE SPOKESPERSON\n";
        assert_eq!(title(note), "Secretary Blinken's Call with President Goïta", "a headline above its label");
        let statement = "Press Statement\nAntony J. Blinken, Secretary of State\nMay 26, 2021\n";
        assert_eq!(title(statement), "Press Statement", "a label with no publisher above is the title");
        let body = "The United States established relations with Mali in 1960, after its independence. ".repeat(3);
        let truncated =
            infer(&format!("{body}\n\nThe United State\n"), &[], None, "fact_sheet_mali", None, &Tagger::new(&[]));
        assert_eq!(truncated.title, "fact sheet mali", "no line after the body's first paragraph is a title");
    }

    #[test]
    fn front_matter_date_and_title() {
        let fm = vec![("title".to_string(), "Mali coup".to_string()), ("date".to_string(), "2020-08-18".to_string())];
        let m = infer("Body", &fm, None, "doc", None, &Tagger::new(&[]));
        assert_eq!(m.title, "Mali coup");
        assert_eq!(m.published.unwrap().value, "2020-08-18");
    }
}
