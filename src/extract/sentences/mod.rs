//! The sentence segmenter. Lines are units unless the text is hard-wrapped;
//! within a unit, a full stop ends a sentence unless it ends an abbreviation
//! or an initial; footnote marks (`1961[34] Both`, a PDF's `day.1 In`) and
//! paragraph anchors (`¶5 .`) end sentences too. Units lose their portion marks (`( S )`),
//! footnote marks and bullets at either end. A unit is never longer than
//! [`MAX_SENTENCE`] bytes: an over-long run is cut at clause punctuation, a
//! line break or a space, so that what is done per sentence stays bounded.

use regex::Regex;
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s+|\[\d{1,4}\]|\(\s*(?:[A-Z]{1,4}(?:\s*//\s*[A-Z]{1,6})?)\s*\)|[•·▪►■◦‣]|¶\s*\d*\s*\.?)+")
        .expect("regex")
});
static TRAILING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:\s+|\[\d{1,4}\]|¶\s*\d*\s*\.?)+$").expect("regex"));
static FOOTNOTE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}.,)\x22”’](?:\[\d{1,4}\])+\s+[\p{Lu}\[\x22“(]").expect("regex"));

/// Searchers built once: a search built for each block cost more than it found.
static ELLIPSIS: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("…"));
static PILCROW: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("¶"));

/// The longest sentence, in bytes: a little more than the longest of the
/// gold sets (1 113 bytes, a list of objectives), and bounded so that the
/// work done per sentence (one claim per date, its words, its kind) grows
/// with the text, not with the square of a run-on.
pub const MAX_SENTENCE: usize = 1200;

/// A text's sentences, in order, trimmed, none empty; and the over-long
/// runs that some of them were cut from.
#[derive(Debug, Default)]
pub struct Sentences {
    pub ranges: Vec<Range<usize>>,
    /// In order, not overlapping: a sentence inside one is a piece of a
    /// run that no full stop ended, not a sentence of its writer's.
    pub over_long: Vec<Range<usize>>,
}

impl Sentences {
    /// Whether `sentence` is a piece cut from an over-long run.
    pub fn is_piece(&self, sentence: &Range<usize>) -> bool {
        let at = self.over_long.partition_point(|r| r.end <= sentence.start);
        self.over_long.get(at).is_some_and(|r| r.start <= sentence.start)
    }
}

pub struct Segmenter {
    /// Asked at every full stop: sets, not lists.
    abbreviations: FxHashSet<String>,
    starters: FxHashSet<String>,
}

impl Segmenter {
    pub fn new(abbreviations: &[String], starters: &[String]) -> Self {
        let set = |words: &[String]| words.iter().cloned().collect();
        Segmenter { abbreviations: set(abbreviations), starters: set(starters) }
    }

    /// The sentences of `text`.
    pub fn split(&self, text: &str) -> Sentences {
        let mut out = Sentences::default();
        for block in blocks(text) {
            let mut start = block.start;
            for between in self.breaks(text, block.clone()) {
                push_bounded(text, start..between.start, &mut out);
                start = between.end;
            }
            push_bounded(text, start..block.end, &mut out);
        }
        out
    }

    /// Where sentences end and the next ones start inside `block`: most
    /// often at once, but a note's number between them is neither's.
    fn breaks(&self, text: &str, block: Range<usize>) -> Vec<Range<usize>> {
        let s = &text[block.clone()];
        let mut cuts = Vec::new();
        // Marks found by their bytes, not by decoding every character; the
        // cuts are sorted below.
        let bytes = s.as_bytes();
        let marks = memchr::memchr3_iter(b'.', b'!', b'?', bytes).chain(ELLIPSIS.find_iter(bytes));
        for i in marks {
            let c = s[i..].chars().next().expect("a mark begins here");
            let after_marks = i
                + c.len_utf8()
                + s[i + c.len_utf8()..]
                    .chars()
                    .take_while(|c| "\"”’')]".contains(*c))
                    .map(char::len_utf8)
                    .sum::<usize>();
            let note = if ends_a_word_or_year(&s[..i]) { note_number(&s[after_marks..]) } else { 0 };
            let rest = &s[after_marks + note..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r']).len();
            let glued = gap == 0 && note == 0 && c == '.' && glued(&s[..i], rest);
            if (gap == 0 && !glued) || !starts_sentence(&rest[gap..]) || (note > 0 && !starts_with_a_word(&rest[gap..]))
            {
                continue;
            }
            if c == '.' && !self.ends_sentence(&s[..i + 1], &rest[gap..]) {
                continue;
            }
            let next = block.start + after_marks + note + gap;
            cuts.push(if note > 0 { block.start + after_marks..next } else { next..next });
        }
        cuts.extend(PILCROW.find_iter(bytes).filter(|&i| i > 0).map(|i| block.start + i..block.start + i));
        // Most blocks have no footnote mark: its bracket is looked for first.
        // (A match begins with the character before it, of at most 4 bytes.)
        let footnotes =
            memchr::memchr(b'[', bytes).map_or("", |at| &s[crate::text::floor_boundary(s, at.saturating_sub(4))..]);
        let footnotes_at = block.start + (s.len() - footnotes.len());
        for m in FOOTNOTE_BREAK.find_iter(footnotes) {
            let at = footnotes_at + m.as_str().rfind(char::is_whitespace).map_or(m.end(), |w| m.start() + w + 1);
            cuts.push(at..at);
        }
        cuts.sort_unstable_by_key(|between| between.start);
        cuts.dedup_by_key(|between| between.start);
        cuts
    }

    /// Whether the full stop ending `before` ends a sentence, given the next word.
    fn ends_sentence(&self, before: &str, next: &str) -> bool {
        let mut tokens = before.rsplit(char::is_whitespace);
        let mut token = tokens.next().unwrap_or("");
        // Tokenised text spaces its full stops (`General William E . Ward`).
        let spaced = token == ".";
        if spaced {
            token = tokens.next().unwrap_or("");
        }
        let token = token.trim_start_matches(['(', '"', '“', '[']);
        let letters = token.trim_end_matches('.');
        let initial = letters.chars().count() == 1 && letters.chars().all(char::is_uppercase);
        if spaced {
            return !initial;
        }
        let abbreviation = self.abbreviations.contains(token);
        if !initial && !abbreviation {
            return true;
        }
        // `in the U.S. The next …`: an abbreviation can end a sentence too.
        let next_word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        abbreviation && token.chars().filter(|&c| c == '.').count() > 1 && self.starters.contains(next_word)
    }
}

/// The length of a note's number set right after a sentence's end mark, as
/// text taken from a PDF leaves it (`the following day.1 In May …`): one
/// to three digits, then a space. Else 0.
fn note_number(rest: &str) -> usize {
    let digits = rest.bytes().take(4).take_while(u8::is_ascii_digit).count();
    let spaced = matches!(rest.as_bytes().get(digits), Some(b' ' | b'\t'));
    if (1..=3).contains(&digits) && spaced {
        digits
    } else {
        0
    }
}

/// Whether `before` ends with a letter, a closing quote or bracket, or a
/// year: what a note's number may follow (`day.1`, `2012.4`), where a
/// decimal's digits may not (`2.5 Million`).
fn ends_a_word_or_year(before: &str) -> bool {
    let bytes = before.as_bytes();
    let digits = bytes.iter().rev().take(5).take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        let year = &before[before.len() - digits..];
        let whole = bytes.len() == digits || !matches!(bytes[bytes.len() - digits - 1], b'.' | b',');
        return digits == 4 && (year.starts_with("19") || year.starts_with("20")) && whole;
    }
    before.chars().next_back().is_some_and(|c| c.is_alphabetic() || "\"”’')]".contains(c))
}

/// Whether `rest` begins with a capitalised word (what follows a note's
/// number: not a number, which would make the two a decimal).
fn starts_with_a_word(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_uppercase)
}

/// `financial aid.The Malian authorities`: two sentences of a page whose
/// paragraphs were joined without a space. A word of two letters or more
/// ending in a small letter, then a capitalised word; not in a web address
/// or a file's name (`www.Mali`, `news.bbc.Africa`).
fn glued(before: &str, rest: &str) -> bool {
    let mut next = rest.chars();
    let capitalised = next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase);
    if !capitalised {
        return false;
    }
    let token = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = token.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let in_address = token.contains(['/', '@', '.', '\\']) || token.starts_with("www");
    word.chars().nth(1).is_some() && word.ends_with(char::is_lowercase) && !in_address
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([¶".contains(c))
}

/// Pushes `r`, cut into pieces of at most [`MAX_SENTENCE`] bytes where it is longer.
fn push_bounded(text: &str, mut r: Range<usize>, out: &mut Sentences) {
    if r.len() > MAX_SENTENCE {
        out.over_long.push(r.clone());
    }
    while r.len() > MAX_SENTENCE {
        let cut = bounded_cut(&text[r.clone()]);
        push_trimmed(text, r.start..r.start + cut, &mut out.ranges);
        r.start += cut;
    }
    push_trimmed(text, r, &mut out.ranges);
}

/// Where to end the first piece of an over-long `run`: after the last clause
/// mark (`;`, then `,` or `:`), else line break, else space, in the second
/// half of the longest piece; else at the last character boundary that fits.
fn bounded_cut(run: &str) -> usize {
    let end = crate::text::floor_boundary(run, MAX_SENTENCE);
    let window = &run.as_bytes()[MAX_SENTENCE / 2..end];
    let after_last = |marks: &[u8]| window.iter().rposition(|b| marks.contains(b)).map(|i| MAX_SENTENCE / 2 + i + 1);
    after_last(b";")
        .or_else(|| after_last(b",:"))
        .or_else(|| after_last(b"\n"))
        .or_else(|| after_last(b" \t"))
        .unwrap_or(end)
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = if may_lead(s) { LEADING.find(s).map_or(0, |m| m.end()) } else { 0 };
    let rest = &s[lead..];
    let trail = if may_trail(rest) { TRAILING.find(rest).map_or(s.len(), |m| lead + m.start()) } else { s.len() };
    if trail > lead && s[lead..trail].chars().any(char::is_alphanumeric) {
        out.push(r.start + lead..r.start + trail);
    }
}

/// Whether [`LEADING`] may match `s`: most sentences begin with a letter,
/// and are spared the search.
fn may_lead(s: &str) -> bool {
    s.as_bytes().first().is_some_and(|&b| !b.is_ascii() || matches!(b, b' ' | b'\t'..=b'\r' | b'[' | b'('))
}

/// Whether [`TRAILING`] may match `s`: a full stop or a digit ends a
/// match only after a `¶`.
fn may_trail(s: &str) -> bool {
    s.as_bytes().last().is_some_and(|&b| {
        !b.is_ascii()
            || matches!(b, b' ' | b'\t'..=b'\r' | b']')
            || (matches!(b, b'.' | b'0'..=b'9') && s.contains('¶'))
    })
}

/// Lines, or paragraphs where the text is hard-wrapped: all of it, or a
/// paragraph of its own (a cable's body below a header of short lines).
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push(Line::new(text, at..at + content.len()));
        at += line.len();
    }
    let whole = hard_wrapped(&lines);
    let wrapped = |p: &[Line]| (whole || wrapped_paragraph(text, p)) && filled_to_width(text, p);
    let joined = |p: &[Line]| p[0].range.start..p[p.len() - 1].range.end;
    let mut out = Vec::new();
    for paragraph in lines.split(|l| l.blank).filter(|p| !p.is_empty()) {
        if let Some((heading, body)) = paragraph.split_first().filter(|(h, b)| heads(text, h, b) && wrapped(b)) {
            out.push(heading.range.clone());
            out.push(joined(body));
        } else if wrapped(paragraph) {
            out.push(joined(paragraph));
        } else {
            join_broken_names(text, paragraph, &mut out);
        }
    }
    out
}

/// Whether `line` is a heading set right above the wrapped lines of its
/// section (`Background` / `Mali gained independence …`), as text taken
/// from a PDF leaves it: short beside them, and no sentence's end or part.
fn heads(text: &str, line: &Line, body: &[Line]) -> bool {
    let width = body.iter().map(|l| l.chars).max().unwrap_or(0);
    let words = text[line.range.clone()].trim();
    body.len() >= 3 && line.chars * 2 <= width && !words.ends_with(['.', ',', ';', '-', '!', '?'])
}

/// A line of text, read once for what deciding whether it is wrapped asks.
struct Line {
    range: Range<usize>,
    /// Its characters, counted up to [`LONG_LINE`]: a longer line is long,
    /// however long (a line of a megabyte is not counted through).
    chars: usize,
    /// Of moderate length, trimmed, and without an end mark.
    runs_on: bool,
    blank: bool,
}

const LONG_LINE: usize = 101;

/// Spaces that set columns apart; justified text puts two or three between words.
const COLUMN_GAP: &str = "        ";

impl Line {
    fn new(text: &str, range: Range<usize>) -> Self {
        let line = &text[range.clone()];
        let chars = line.chars().take(LONG_LINE).count();
        let trimmed = line.trim();
        // Moderate in its words, not in the indent before them; and no row
        // of columns (a cover's `Security Council          Distr.: General`).
        let moderate = (40..=100).contains(&trimmed.chars().take(LONG_LINE).count());
        let columns = trimmed.contains(COLUMN_GAP);
        let runs_on = moderate && !columns && !trimmed.ends_with(['.', '!', '?', ':', '"', '”']);
        Line { range, chars, runs_on, blank: trimmed.is_empty() }
    }
}

/// Lines joined where a line ends with a name's initial (`General William
/// E .`) and the next goes on with the name (`( " Kip " ) Ward met …`),
/// where a line runs on and the next goes on in lower case (`…, Abdoulaye
/// Diop, requested` / `before the Council …`), or where a line break cuts
/// a date (`… the March 22,` / `2012 coup.`).
fn join_broken_names(text: &str, lines: &[Line], out: &mut Vec<Range<usize>>) {
    let first = out.len();
    let mut ran_on = false;
    for line in lines {
        let next = &text[line.range.clone()];
        match out[first..].last_mut() {
            Some(last) if ends_with_initial(&text[last.clone()]) && goes_on_with_a_name(next) => {
                last.end = line.range.end;
            }
            Some(last) if ran_on && next.trim_start().starts_with(char::is_lowercase) => last.end = line.range.end,
            Some(last) if date_goes_on(&text[last.clone()], next) => last.end = line.range.end,
            _ => out.push(line.range.clone()),
        }
        ran_on = line.runs_on;
    }
}

/// Whether `word` is a month's name that a date may go on from: `Sept.`
/// and `Jan.` do, `March.` and `May.` end a sentence.
fn month_goes_on(word: &str) -> bool {
    let abbreviated =
        |short: &str| (short.len() == 3 && !short.eq_ignore_ascii_case("may")) || short.eq_ignore_ascii_case("sept");
    word.strip_suffix('.').is_none_or(abbreviated) && crate::extract::timex::is_month_name(word.trim_end_matches('.'))
}

/// Whether a line ends inside a date that the next goes on with: a month
/// and then its day or year (`March` / `22, 2012`), or a month and a day
/// and then the year (`March 22,` / `2012`, `22 March` / `2012`).
fn date_goes_on(line: &str, next: &str) -> bool {
    let month = |w: &str| month_goes_on(w.trim_end_matches(','));
    let day = |w: &str| {
        let day = w.trim_end_matches(',');
        (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit())
    };
    let digits = next.trim_start().bytes().take_while(u8::is_ascii_digit).count();
    let next_char = next.trim_start().as_bytes().get(digits);
    if next_char.is_some_and(u8::is_ascii_alphanumeric) {
        return false; // `2012th`, `12a`: no day or year
    }
    let mut words = line.trim_end().rsplit(char::is_whitespace);
    let (last, before) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    (month(last) && matches!(digits, 1 | 2 | 4))
        || (digits == 4 && ((day(last) && month(before)) || (month(last) && day(before))))
}

fn ends_with_initial(line: &str) -> bool {
    let Some(before_stop) = line.trim_end().strip_suffix('.') else {
        return false;
    };
    let token = before_stop.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

fn goes_on_with_a_name(line: &str) -> bool {
    line.trim_start().starts_with(|c: char| c.is_uppercase() || "(\"“".contains(c))
}

/// Most lines of similar, moderate length that run on without punctuation.
fn hard_wrapped(lines: &[Line]) -> bool {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.chars).filter(|&n| n > 0).collect();
    if lengths.len() < 6 {
        return false;
    }
    let wrapped = lines.iter().filter(|l| l.runs_on).count();
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    (45..=100).contains(&median) && wrapped * 2 > lengths.len()
}

/// A paragraph of lines that run on: three lines or more (a title and its
/// subtitle are two), most before its last of moderate length without an
/// end mark, and no line after the first a list's item.
fn wrapped_paragraph(text: &str, lines: &[Line]) -> bool {
    let Some((_, before_last)) = lines.split_last().filter(|(_, before)| before.len() >= 2) else {
        return false;
    };
    let item = |l: &Line| text[l.range.clone()].trim_start().starts_with(['-', '*', '•', '|', '#']);
    before_last.iter().filter(|l| l.runs_on).count() * 2 > before_last.len() && !lines[1..].iter().any(item)
}

/// Whether a paragraph's lines end where a width made them: few had room
/// for the next line's first word. A header's lines end where their
/// phrases do (`STATEMENT OF …` / `BEFORE THE SENATE …` / `JUNE 29, 2016`).
fn filled_to_width(text: &str, lines: &[Line]) -> bool {
    let Some((_, before_last)) = lines.split_last() else {
        return true;
    };
    let width = before_last.iter().map(|l| l.chars).max().unwrap_or(0);
    let first_word = |l: &Line| text[l.range.clone()].split_whitespace().next().map_or(0, |w| w.chars().count());
    let had_room = lines.windows(2).filter(|w| w[0].chars + 1 + first_word(&w[1]) + WRAP_SLACK <= width).count();
    had_room * 4 < before_last.len()
}

/// How far short of the widest line a wrapped line may stop and still have
/// had no room for the next word: editors wrap at a width no line reaches.
const WRAP_SLACK: usize = 6;

/// Compiles this module's patterns now rather than on first use (see
/// `Pipeline::new`).
pub fn compile_patterns() {
    LazyLock::force(&LEADING);
    LazyLock::force(&TRAILING);
    LazyLock::force(&FOOTNOTE_BREAK);
}

#[cfg(test)]
mod tests;
