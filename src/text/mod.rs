//! Small text helpers shared by extraction, export and the browser.

use std::borrow::Cow;
use unicode_normalization::char::decompose_canonical;

/// The base letter of a character without its accents (`é` → `e`, `ï` → `i`);
/// typographic apostrophes and dashes become their ASCII forms. Characters
/// with no such base are returned as they are.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{201C}' | '\u{201D}' => '"',
        c if c.is_ascii() => c,
        // The accented Latin letters of names, looked up rather than decomposed.
        c if LATIN.contains(&(c as u32)) => LATIN_BASES[(c as u32 - LATIN.start) as usize],
        c => base_of(c),
    }
}

/// Latin-1 Supplement and Latin Extended-A: where most accented letters are.
const LATIN: std::ops::Range<u32> = 0xC0..0x180;
static LATIN_BASES: std::sync::LazyLock<Vec<char>> =
    std::sync::LazyLock::new(|| LATIN.filter_map(char::from_u32).map(base_of).collect());

/// The first character of `c`'s canonical decomposition.
fn base_of(c: char) -> char {
    let mut base = c;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base
}

/// One character folded and in lower case, as one character: text folded
/// this way keeps its character positions (for highlighting).
pub fn fold_lower(c: char) -> char {
    fold_char(c).to_lowercase().next().unwrap_or(c)
}

/// `s` without `prefix`, its ASCII letters compared in any case (`RE:`,
/// `Retrieved `).
pub fn strip_prefix_ignore_ascii_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Accent-folded, lowercased copy of `s`, for matching typed queries
/// (`toure` finds Touré, `cote d'ivoire` Côte d'Ivoire).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out` (no string of its own to allocate).
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        return push_ascii_folded(s, out); // most words, most clauses
    }
    out.reserve(s.len());
    // Runs of ASCII lowered in place, a copy at a time; only the accented
    // letters between them decoded and folded one by one (names such as
    // `Tiébilé Maïga` put one in many clauses).
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        push_ascii_folded(&rest[..ascii], out);
        let mut chars = rest[ascii..].chars();
        if let Some(c) = chars.next() {
            match fold_char(c) {
                f if f.is_ascii() => out.push(f.to_ascii_lowercase()),
                f => out.extend(f.to_lowercase()),
            }
        }
        rest = chars.as_str();
    }
}

/// ASCII `s` folded onto `out`: only case and the backquote change.
#[inline(always)]
fn push_ascii_folded(s: &str, out: &mut String) {
    let start = out.len();
    out.push_str(s);
    out[start..].make_ascii_lowercase();
    // Every byte looked at, without an early exit the compiler cannot
    // widen: most are words, where a search's setup cost more.
    let mut quoted = false;
    for &b in s.as_bytes() {
        quoted |= b == b'`';
    }
    if quoted {
        let quoted = out[start..].replace('`', "'");
        out.truncate(start);
        out.push_str(&quoted);
    }
}

/// The last part of a path as annals names files (`/` or `\\` between parts).
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A stable id from a name: `Amadou Toumani Touré` → `amadou-toumani-toure`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in fold(name).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c == '\'' || c == '.' {
            continue;
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A character that belongs to a word (for word-boundary checks).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Which bytes are ASCII letters and digits, looked up: the word scans
/// read every byte of a corpus.
pub static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Which bytes are ASCII word characters: letters, digits and `_`.
static ASCII_WORD: [bool; 256] = {
    let mut table = ASCII_ALNUM;
    table[b'_' as usize] = true;
    table
};

/// How many ASCII letters and digits `bytes` begins with.
#[inline]
pub fn ascii_alphanumeric_len(bytes: &[u8]) -> usize {
    ascii_run_len(bytes, &ASCII_ALNUM)
}

/// Each of eight bytes read as one word: 1 in each, and each one's high bit.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGHS: u64 = ONES * 0x80;

/// The high bit of each of eight bytes under 128 (`low`) that is at least
/// `lo`: adding `128 - lo` sets it there, and carries into no other byte.
#[inline(always)]
pub(crate) fn at_least(low: u64, lo: u8) -> u64 {
    low + ONES * u64::from(0x80 - lo)
}

/// The high bit of each byte of `eight` that `table` (ASCII letters and
/// digits, and `_` if it says so) leaves out, all eight bytes at once.
#[inline(always)]
fn outside(eight: u64, table: &[bool; 256]) -> u64 {
    let low = eight & !HIGHS;
    let within = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1);
    let mut inside = within(low | (ONES * 0x20), b'a', b'z') | within(low, b'0', b'9');
    if table[usize::from(b'_')] {
        inside |= within(low, b'_', b'_');
    }
    (!inside | eight) & HIGHS
}

/// How many bytes of `table` (one of [`ASCII_ALNUM`] and `ASCII_WORD`)
/// `bytes` begins with, read eight at a time while eight are left. Most
/// words end within their first eight bytes, so the loop mostly runs once,
/// and its end is rarely mispredicted, as a byte-by-byte loop's was at the
/// end of every word (3 % of the pipeline's time, though it takes more
/// instructions).
#[inline(always)]
fn ascii_run_len(bytes: &[u8], table: &[bool; 256]) -> usize {
    let mut at = 0;
    while let Some(eight) = bytes.get(at..at + 8) {
        let outside = outside(u64::from_le_bytes(eight.try_into().expect("eight bytes")), table);
        if outside != 0 {
            return at + (outside.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..].iter().position(|&b| !table[usize::from(b)]).unwrap_or(bytes.len() - at)
}

/// Characters of a kind: ASCII ones looked up in `ascii`, others asked of `other`.
struct Kind {
    ascii: &'static [bool; 256],
    other: fn(char) -> bool,
}

const WORD: Kind = Kind { ascii: &ASCII_WORD, other: is_word_char };
const ALPHANUMERIC: Kind = Kind { ascii: &ASCII_ALNUM, other: char::is_alphanumeric };

/// Where the run of word characters starting at byte `from` ends (ASCII
/// is read without decoding, eight bytes at a time: this runs over whole
/// corpora).
pub fn word_end(text: &str, from: usize) -> usize {
    run_end(text, from, &WORD)
}

/// The words of `text`: its runs of word characters, as byte ranges, in order.
#[inline]
pub fn word_spans(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    runs(text, &WORD)
}

/// The runs of letters and digits of `text` (what is left of it split at
/// every other character), in order.
pub fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> + '_ {
    runs(text, &ALPHANUMERIC).map(|r| &text[r])
}

// Inlined where it is read (the words of whole corpora): left to itself,
// the compiler inlined it or not as unrelated code changed.
#[inline]
fn run_end(text: &str, from: usize, kind: &Kind) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        at += ascii_run_len(&bytes[at..], kind.ascii);
        match bytes.get(at) {
            Some(b) if !b.is_ascii() => match text[at..].chars().next() {
                Some(c) if (kind.other)(c) => at += c.len_utf8(),
                _ => return at,
            },
            _ => return at,
        }
    }
}

fn runs<'t>(text: &'t str, kind: &'static Kind) -> Runs<'t> {
    Runs { text, kind, at: 0 }
}

/// The runs of a kind of character in a text, as byte ranges, in order.
struct Runs<'t> {
    text: &'t str,
    kind: &'static Kind,
    /// Where the next run is sought from.
    at: usize,
}

impl Iterator for Runs<'_> {
    type Item = std::ops::Range<usize>;

    // Always inlined: the words of whole corpora are read through it, and
    // left to itself the compiler inlined it into the gazetteer's scan or
    // not as unrelated code changed (100 M instructions on 10 MB).
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        while self.at < text.len() {
            let b = bytes[self.at];
            // Not of the kind: ASCII is stepped over without decoding.
            if b.is_ascii() && !self.kind.ascii[usize::from(b)] {
                self.at += 1;
                continue;
            }
            let end = run_end(text, self.at, self.kind);
            if end > self.at {
                let run = self.at..end;
                self.at = end;
                return Some(run);
            }
            self.at += text[self.at..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// The longest run of printable ASCII without a space that can be prose:
/// longer ones are encoded data, URLs or hashes (a base64 blob spells `UK`
/// and `EU` between its slashes), where no name or date is read.
pub const LONGEST_TOKEN: usize = 64;

/// The runs of printable ASCII without white space longer than [`LONGEST_TOKEN`], in order.
pub fn blobs(text: &str) -> Vec<std::ops::Range<usize>> {
    // Such a run covers one of every `LONGEST_TOKEN + 1` offsets: only
    // those are looked at, and the runs through them read out. Each byte
    // is read at most twice.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut read_to = 0;
    let mut probe = LONGEST_TOKEN;
    while probe < bytes.len() {
        if probe >= read_to && bytes[probe].is_ascii_graphic() {
            let start = bytes[..probe].iter().rposition(|b| !b.is_ascii_graphic()).map_or(0, |at| at + 1);
            let end = bytes[probe..].iter().position(|b| !b.is_ascii_graphic()).map_or(bytes.len(), |at| probe + at);
            if end - start > LONGEST_TOKEN {
                out.push(start..end);
            }
            read_to = end;
        }
        probe += LONGEST_TOKEN + 1;
    }
    out
}

/// Whether `r` lies inside one of `blobs` (sorted, as [`blobs`] gives them).
pub fn in_blob(blobs: &[std::ops::Range<usize>], r: &std::ops::Range<usize>) -> bool {
    let at = blobs.partition_point(|b| b.end <= r.start);
    blobs.get(at).is_some_and(|b| b.start <= r.start && r.end <= b.end)
}

/// `10M`, `1G`, `500K` or a number of bytes.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let scale = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1 << 10,
        "M" | "MB" => 1 << 20,
        "G" | "GB" => 1 << 30,
        _ => return Err(format!("`{text}`: expected a size such as 500K, 10M or 1G")),
    };
    digits
        .parse::<usize>()
        .map(|n| n.saturating_mul(scale))
        .map_err(|_| format!("`{text}`: expected a size such as 500K, 10M or 1G"))
}

/// `n` and the noun, plural unless `n` is one (`1 mention`, `3 sources`, `2 entities`).
pub fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// The largest character boundary of `s` at or before `at` (its length past the end).
pub fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where each line of `text` begins: 0, and after each line break.
pub fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1))
}

/// The first character boundary of `s` at or after `at` (at most its length).
pub fn ceil_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Where the word that the line break at `newline` cut after its hyphen
/// goes on, if it does: a letter and the hyphen before the break, a
/// lower-case letter after it and the next line's indent (`sanc-\n  tions`;
/// not `Franco-\nAfrican`, `mid-\n2023`).
pub fn hyphenated_word_goes_on(text: &str, newline: usize) -> Option<usize> {
    let cut = text[..newline].strip_suffix('-')?.ends_with(char::is_alphabetic);
    let next = text[newline + 1..].trim_start_matches([' ', '\t']);
    (cut && next.starts_with(char::is_lowercase)).then(|| text.len() - next.len())
}

/// `s` with each word a line break cut after its hyphen joined up again
/// (see [`hyphenated_word_goes_on`]), its hyphen kept (`sanc-tions`, as
/// `long-\nterm` needs) or not (`Opportunity Act`, in a name).
pub fn join_hyphenated(s: &str, keep_hyphen: bool) -> Cow<'_, str> {
    if !s.contains("-\n") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for (hyphen, _) in s.match_indices("-\n") {
        if let Some(next) = hyphenated_word_goes_on(s, hyphen + 1) {
            out.push_str(&s[from..if keep_hyphen { hyphen + 1 } else { hyphen }]);
            from = next;
        }
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// `s` on one line: each run of white space one space, none at the ends.
pub fn one_line(s: &str) -> String {
    on_one_line(s).into_owned()
}

/// [`one_line`], borrowed where `s` is on one line already (most are).
pub fn on_one_line(s: &str) -> Cow<'_, str> {
    if is_one_line(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `s` is on one line already: no white space at its ends, single
/// spaces between its words. Most are: read as bytes, without decoding.
fn is_one_line(s: &str) -> bool {
    is_one_line_unless(s, |_, _| false)
}

/// The bytes [`is_one_line_unless`] looks at: white space, the lead bytes
/// of Unicode's other white space (U+0085 to U+3000), and ASCII punctuation.
static LOOKED_AT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] =
            matches!(b as u8, b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3) || (b as u8).is_ascii_punctuation();
        b += 1;
    }
    table
};

/// [`is_one_line`], and no two bytes in a row that `also` rejects (what a
/// caller would change besides), told in the same pass. `also` is asked
/// only of pairs that open with a space or an ASCII punctuation mark: the
/// letters between are passed over by a table.
pub fn is_one_line_unless(s: &str, also: impl Fn(u8, u8) -> bool) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    for (at, &b) in bytes.iter().enumerate().filter(|&(_, &b)| LOOKED_AT[usize::from(b)]) {
        let next = bytes.get(at + 1).copied();
        let off_line = match b {
            b' ' => next == Some(b' '),
            b'\t'..=b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[at..].starts_with(char::is_whitespace),
            _ => false,
        };
        if off_line || next.is_some_and(|next| also(b, next)) {
            return false;
        }
    }
    true
}

/// Shortens `s` to at most `max` characters at a word boundary, with `…`.
pub fn shorten(s: &str, max: usize) -> String {
    shorten_by(s, max, |_| 1)
}

/// Shortens `s` to at most `max`, each character measured by `size` (a
/// terminal's columns, say), at a word boundary, with `…` (of size one).
pub fn shorten_by(s: &str, max: usize, size: impl Fn(char) -> usize) -> String {
    if s.chars().map(&size).sum::<usize>() <= max {
        return s.to_string();
    }
    let mut room = max.saturating_sub(1);
    let cut: String = s.chars().take_while(|&c| room.checked_sub(size(c)).map(|left| room = left).is_some()).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ', '-']))
}

#[cfg(test)]
mod tests;
