//! Whether a number is a date: amounts and counts (`2,000 troops`, `about
//! 1500`), names (`Vision 2030`), references (`BAMAKO 217`) and addresses
//! (`/2022/11/10/`) are not.

use super::citations;
use super::months::month_number;
use super::patterns::after_decl;
use super::Tagger;
use std::ops::Range;

/// `In about 1325, Mansa Musa …`, `founded in around 1100 by traders`:
/// after a date's preposition (`preposition`, the word before the amount
/// word), a number is an approximate year, unless a word goes on that it
/// counts (`in about 1500 villages`).
fn approximate_year(preposition: &str, after: &str) -> bool {
    let dated =
        matches!(preposition, "in" | "In" | "from" | "From" | "since" | "Since" | "until" | "Until" | "by" | "By");
    let next = after.split_whitespace().next().unwrap_or("");
    let counted = next.starts_with(char::is_lowercase)
        && !matches!(
            next.trim_end_matches(|c: char| c.is_ascii_punctuation()),
            "by" | "and" | "when" | "until" | "to" | "the"
        );
    dated && !after.starts_with(char::is_alphanumeric) && !counted
}

/// Words whose following number is a count or amount, not a year.
pub(super) const AMOUNT_WORDS: &[&str] = &[
    "approximately",
    "about",
    "nearly",
    "almost",
    "some",
    "roughly",
    "around",
    "over",
    "under",
    "than",
    "total",
    "number",
    "ranked",
    "ranking",
    "No.",
    "no.",
    "page",
    "pp.",
    "p.",
    "Section",
];
/// Capitalised words that may stand right before a year.
const YEAR_PRECEDERS: &[&str] = &[
    "In",
    "By",
    "Since",
    "Until",
    "Of",
    "As",
    "Before",
    "After",
    "During",
    "From",
    "Between",
    "And",
    "Or",
    "Through",
    "Summer",
    "Spring",
    "Autumn",
    "Fall",
    "Winter",
    "Early",
    "Late",
    "Mid",
    "Circa",
    "FY",
    "Posted",
    "Updated",
    "Published",
    "The",
    "On",
    "Year",
];

impl Tagger {
    /// A number that counts or measures (`$2,000`, `2000 troops`, `about 1500`).
    pub(super) fn is_amount(&self, text: &str, r: Range<usize>) -> bool {
        let before = &text[..r.start];
        let after = &text[r.end..];
        // A sign or a currency before it; not a heading's dashes (`--2012--`).
        let signed = before.ends_with(['$', '€', '£', '#', '+', '-', '–']) && !before.ends_with("--");
        if signed || after.starts_with(['%', '+']) {
            return true;
        }
        if after.starts_with([',', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        if before.ends_with([',', '.']) && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let mut words_before = before.split_whitespace().rev();
        let prev_word = words_before.next().unwrap_or("");
        if AMOUNT_WORDS.contains(&prev_word) {
            return !approximate_year(words_before.next().unwrap_or(""), after);
        }
        self.is_count(after)
    }

    /// The number before `after` counts something (`2000 troops`).
    pub(super) fn is_count(&self, after: &str) -> bool {
        let next_word = after.split_whitespace().next().unwrap_or("");
        let next_word = next_word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        self.count_nouns.iter().any(|n| n == next_word)
            || ["million", "billion", "thousand", "percent", "per"].contains(&next_word)
    }

    pub(super) fn plausible_year(&self, text: &str, r: Range<usize>) -> bool {
        if self.is_amount(text, r.clone()) || in_url_or_file(text, r.clone()) {
            return false;
        }
        let before = &text[..r.start];
        let after = &text[r.end..];
        if before.ends_with('[') && after.starts_with(']') {
            return false; // a footnote mark
        }
        if after.starts_with("]]") {
            return false; // a wiki link's or image's caption left in the text (`submachine gun, 1988]]`)
        }
        if after_decl(before) || among_numbers(text, r.clone()) {
            return false;
        }
        if is_cable_reference(after) {
            return false;
        }
        // `Vision 2030`, `Boeing 2707`, `(Huntington 1957`: a name, unless
        // it begins the sentence.
        let trimmed = before.trim_end_matches(' ');
        let prev_word = trimmed.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let word = prev_word.trim_start_matches(['(', '[', '"', '“']);
        let month_before = word.len() >= 3 && month_number(word).is_some();
        if YEAR_PRECEDERS.contains(&word) || month_before || part_of_year(word) {
            return true;
        }
        if citations::is_citation(before, after) {
            return false;
        }
        let at_sentence_start = trimmed.len() == prev_word.len()
            || trimmed[..trimmed.len() - prev_word.len()].trim_end().ends_with(['.', '\n', ':', '!', '?']);
        // A cable's origin and its number (`STATE 1087`, `BAMAKO 217`), even where a sentence begins.
        let reference = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        !word.starts_with(char::is_uppercase) || (at_sentence_start && !reference)
    }
}

/// `Q3 2019`, `H1 2020`: a quarter or a half of the year after it, dated,
/// as `early 2015` is, by its year.
pub(super) fn part_of_year(word: &str) -> bool {
    matches!(word, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2")
}

/// `1623` above `0`: a number alone on its line beside another such line
/// is a page's counters (views, comments) or a column of figures, not a
/// year heading. Reads a few bytes around it at most, however long its lines.
fn among_numbers(text: &str, r: Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    let Some(line) = alone_on_line(bytes, &r, NUMBER_LINE, blank) else { return false };
    bare_number(bytes[..line.start].iter().rev()) || bare_number(bytes[line.end..].iter())
}

/// Where the line that `r` stands alone on starts and ends, when only
/// bytes that `blank` lets through lie between them (or the text's ends),
/// read no further than `reach` bytes either side.
pub(super) fn alone_on_line(
    bytes: &[u8],
    r: &Range<usize>,
    reach: usize,
    blank: impl Fn(&u8) -> bool,
) -> Option<Range<usize>> {
    let start = match bytes[..r.start].iter().rev().take(reach).position(|b| !blank(b)) {
        None if r.start <= reach => 0,
        Some(n) if bytes[r.start - n - 1] == b'\n' => r.start - n,
        _ => return None,
    };
    let end = match bytes[r.end..].iter().take(reach).position(|b| !blank(b)) {
        None if bytes.len() - r.end <= reach => bytes.len(),
        Some(n) if bytes[r.end + n] == b'\n' => r.end + n,
        _ => return None,
    };
    Some(start..end)
}

/// The longest line [`among_numbers`] reads as a number alone.
const NUMBER_LINE: usize = 16;

/// Whether the nearest line with something on it, read from `bytes` on
/// (either way), is a short number alone (`0`, `1,204`).
fn bare_number<'a>(bytes: impl Iterator<Item = &'a u8>) -> bool {
    let line: Vec<u8> = (bytes.skip_while(|b| b.is_ascii_whitespace()))
        .take_while(|&&b| b != b'\n')
        .take(NUMBER_LINE + 1)
        .copied()
        .collect();
    let line = line.trim_ascii();
    !line.is_empty() && line.len() <= NUMBER_LINE && line.iter().all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
}

/// `2008 BAMAKO 217`: a cable reference, not a date.
fn is_cable_reference(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let office = words.next().unwrap_or("");
    let number = words.next().unwrap_or("");
    office.len() >= 3
        && office.chars().all(|c| c.is_ascii_uppercase())
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
}

/// `/2022/11/10/` inside a longer token: a web address's path, not a date
/// (`2022/11/10` alone is one).
pub(super) fn in_web_address(text: &str, r: Range<usize>) -> bool {
    let token = token_around(text, r.clone()).trim_matches(|c: char| c.is_ascii_punctuation());
    text[r.clone()].contains('/') && token.len() != r.len()
}

/// The text between the white space around `r`, at most [`TOKEN_REACH`]
/// bytes either side: in a token of a megabyte (`2014/01/05/2014/…`), each
/// date read the whole token, and the document took the square of its size.
fn token_around(text: &str, r: Range<usize>) -> &str {
    let from = crate::text::floor_boundary(text, r.start.saturating_sub(TOKEN_REACH));
    let to = crate::text::ceil_boundary(text, r.end + TOKEN_REACH);
    // After the last white space before, however many bytes it takes (`\u{a0}`).
    let start = from + text[from..r.start].trim_end_matches(|c: char| !c.is_whitespace()).len();
    let end = text[r.end..to].find(char::is_whitespace).map_or(to, |i| r.end + i);
    &text[start..end]
}

/// How far either side of a date its token is read: longer than any web
/// address's marks are from its dates.
const TOKEN_REACH: usize = 256;

pub(super) fn in_url_or_file(text: &str, r: Range<usize>) -> bool {
    let token = token_around(text, r);
    const MARKS: &[&str] =
        &["://", "www.", ".htm", ".pdf", ".jpg", ".png", ".txt", ".php", ".asp", "_", "=", "@", ".gov", ".org", ".com"];
    MARKS.iter().any(|m| token.contains(m))
        || token.split('/').count() > 2
        || token.contains('/') && token.chars().any(|c| c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_read_only_so_far_around_its_date() {
        let text = "2014/01/05/".repeat(10_000);
        let at = text.len() / 2 - text.len() / 2 % 11;
        let token = token_around(&text, at..at + 10);
        assert!(token.len() <= 2 * TOKEN_REACH + 10, "{} bytes", token.len());
        assert!(in_web_address(&text, at..at + 10), "a date inside a longer token still is");
        assert_eq!(token_around("see (2014/01/05), then", 5..15), "(2014/01/05),");
    }

    #[test]
    fn a_number_alone_beside_another_is_no_year() {
        let year = |text: &str| {
            let at = text.find("1623").expect("the number");
            !among_numbers(text, at..at + 4)
        };
        for counters in ["News\n\n1623\n0\n\nThe council met.", "0\n 1623 \n", "12\n\n1623", "1623\n1,204 views\n"] {
            let expected = counters.contains("views");
            assert_eq!(year(counters), expected, "{counters:?}");
        }
        for heading in ["1623\nThe Dutch arrived.", "History\n\n1623\n\nThe fort was built.", "In 1623\n0"] {
            assert!(year(heading), "{heading:?}");
        }
        // However long the lines around it, a few bytes are read.
        let long = format!("{}\n1623\n{}", "7".repeat(100_000), "8".repeat(100_000));
        assert!(year(&long), "a long line of digits is no counter");
    }
}
