//! A page's furniture in text taken from a PDF: the running header or
//! footer repeated on every page with its page number (`Congressional
//! Research Service      2`), and a page's number alone inside a sentence.
//! Cleaning leaves it out, and a sentence that a page break cut goes on
//! across it (`… The State Department restored` / footer / `assistance
//! after elections …`).

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};
use std::ops::Range;

/// The most characters of a line of furniture.
const LONGEST: usize = 120;
/// How many pages' worth of a line make it furniture.
const PAGES: usize = 3;
/// The fewest bytes between two of its lines: a page's text at least.
const PAGE_BYTES: usize = 400;

/// What cleaning drops of `text` (in order, not overlapping): each line of
/// furniture with its line break, and where the text around it runs on
/// (no end mark before, a small letter after), the blank lines around it
/// too, so that one line break joins the two parts.
pub fn drops(text: &str) -> Vec<Range<usize>> {
    let lines = furniture_lines(text);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(lines.len());
    for (line, alone) in lines {
        let before = text[..line.start].trim_end();
        let after_start = line.end + (text[line.end..].len() - text[line.end..].trim_start().len());
        let runs_on = !before.ends_with(['.', '!', '?', ':', '"', '”', ')'])
            && text[after_start..].starts_with(|c: char| c.is_lowercase());
        // A number alone is a page's only where it cuts a sentence, a blank
        // line either side (`killed` / `12` / `soldiers` wraps a sentence).
        let set_apart = |gap: &str| gap.matches('\n').count() >= 2;
        if alone && !(runs_on && set_apart(&text[before.len()..line.start]) && set_apart(&text[line.end..after_start]))
        {
            continue;
        }
        let drop = if runs_on && !before.is_empty() {
            // From after the line break that ends the text before, to the next text.
            let first_break = before.len() + text[before.len()..].find('\n').map_or(0, |at| at + 1);
            first_break..after_start
        } else {
            line.start..text[line.end..].find('\n').map_or(text.len(), |at| line.end + at + 1)
        };
        match out.last_mut() {
            Some(last) if last.end > drop.start => last.end = last.end.max(drop.end),
            _ => out.push(drop),
        }
    }
    out
}

/// The lines of furniture, in order, each told whether it is a number
/// alone (`12`, `- 12 -`): short lines with letters and a number whose
/// shape (each run of digits one mark, each gap one space) stands on at
/// least [`PAGES`] lines a page apart or more, not all the same (their page
/// numbers differ); and numbers of up to three digits alone on a line.
fn furniture_lines(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut seen: FxHashMap<u64, Shape> = FxHashMap::default();
    let mut alone = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let start = at + (content.len() - content.trim_start().len());
        let range = start..start + trimmed.len();
        if let Some(key) = shape(trimmed) {
            seen.entry(key).or_default().add(range, trimmed);
        } else if page_number_alone(trimmed) {
            alone.push((range, true));
        }
        at += line.len();
    }
    let shaped = seen.into_values().filter(|s| s.is_furniture()).flat_map(|s| s.lines).map(|r| (r, false));
    let mut lines: Vec<(Range<usize>, bool)> = shaped.chain(alone).collect();
    lines.sort_unstable_by_key(|(r, _)| r.start);
    lines
}

/// `12`, `- 12 -`: a page's number of up to three digits, alone.
fn page_number_alone(line: &str) -> bool {
    let number = line.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}

/// Where a shape's lines stand, and what it tells of them.
#[derive(Default)]
struct Shape {
    lines: Vec<Range<usize>>,
    /// The least gap between two of its lines, in bytes.
    closest: usize,
    /// Whether two of its lines differ (in their numbers).
    varies: bool,
    /// Its first line, hashed.
    first: u64,
}

impl Shape {
    fn add(&mut self, range: Range<usize>, line: &str) {
        let mut hasher = FxHasher::default();
        line.hash(&mut hasher);
        match self.lines.last() {
            None => {
                self.closest = usize::MAX;
                self.first = hasher.finish();
            }
            Some(last) => {
                self.closest = self.closest.min(range.start - last.end);
                self.varies |= hasher.finish() != self.first;
            }
        }
        self.lines.push(range);
    }

    fn is_furniture(&self) -> bool {
        self.lines.len() >= PAGES && self.closest >= PAGE_BYTES && self.varies
    }
}

/// A short line's shape, if it has letters and a page's number at one of
/// its ends, hashed: in lower case, each run of digits `#`, each run of
/// white space one space (hashed, not kept: every line of a document may
/// have one).
fn shape(line: &str) -> Option<u64> {
    let short = line.chars().nth(LONGEST).is_none();
    let numbered = line.starts_with(|c: char| c.is_ascii_digit()) || line.ends_with(|c: char| c.is_ascii_digit());
    if !short || !numbered || !line.chars().any(char::is_alphabetic) {
        return None;
    }
    let (mut hasher, mut last) = (FxHasher::default(), None);
    for c in line.chars() {
        let mark = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
        if !(matches!(mark, '#' | ' ') && last == Some(mark)) {
            hasher.write_u32(u32::from(mark));
        }
        last = Some(mark);
    }
    Some(hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize, body: &str) -> String {
        format!("{body}\n\nCongressional Research Service                      {n}\n\n")
    }

    #[test]
    fn a_running_footer_goes_and_a_cut_sentence_joins() {
        let filler = "Mali held elections in 2013, and the talks went on. ".repeat(10);
        let text = page(1, &format!("{filler}The State Department restored"))
            + &page(2, &format!("assistance after elections in August 2013. {filler}"))
            + &page(3, &filler);
        let mut kept = String::new();
        let mut at = 0;
        for d in drops(&text) {
            kept.push_str(&text[at..d.start]);
            at = d.end;
        }
        kept.push_str(&text[at..]);
        assert!(!kept.contains("Congressional Research Service"), "{kept}");
        assert!(kept.contains("The State Department restored\nassistance after"), "{kept}");
        assert!(kept.contains("went on. \n\n\nMali held"), "a paragraph's end stays one: {kept}");
    }

    #[test]
    fn a_page_number_alone_goes_where_it_cuts_a_sentence() {
        let text = "The State Department restored\n\n12\n\nassistance in 2013.\n\n13\n\nThe talks went on.\n2012\n";
        let dropped: Vec<&str> = drops(text).into_iter().map(|d| &text[d]).collect();
        assert_eq!(dropped, ["\n12\n\n"], "only the number inside the sentence");
        assert!(drops("Attacks killed\n12\nsoldiers in 2019.\n").is_empty(), "a wrapped line's number stays");
    }

    #[test]
    fn lines_that_repeat_unchanged_or_close_together_stay() {
        let filler = "Mali held elections in 2013, and the talks went on. ".repeat(10);
        let same = format!("{filler}\nSource: UNHCR, 2023\n").repeat(4);
        assert!(drops(&same).is_empty(), "no page number changes");
        let told: String = (1..6).map(|n| format!("{filler}\nThe threat grows, REF BAMAKO {n}.\n")).collect();
        assert!(drops(&told).is_empty(), "a sentence that repeats is no furniture");
        let close: String = (1..6).map(|n| format!("Table row {n}\n")).collect();
        assert!(drops(&close).is_empty(), "rows of a table are not a page apart");
        let years: String = (2010..2016).map(|y| format!("{y}\n{filler}\n")).collect();
        assert!(drops(&years).is_empty(), "a year alone has no letters");
    }
}
