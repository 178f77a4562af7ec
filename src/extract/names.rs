//! Reading names in running text: titled people (`General William E. Ward`),
//! runs of capitalised words, and acronym definitions.

use crate::text::ASCII_ALNUM;
use std::ops::Range;

/// A word of the text and where it is.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub range: (usize, usize),
}

impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        self.text
    }
}

/// Words of `text` from `from` on: runs of letters, digits, apostrophes,
/// hyphens and inner dots (`U.S.`, `al-Qadhafi`, `Q'Aida`), and single
/// punctuation marks as words of their own.
pub fn words(text: &str, from: usize) -> impl Iterator<Item = Word<'_>> + '_ {
    Words { text, at: from }
}

struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    // Inlined into the loops that read a sentence's words (each of a
    // corpus's words is read here): a call a word cost 35 M instructions
    // per 10 MB.
    #[inline(always)]
    fn next(&mut self) -> Option<Word<'a>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut at = self.at;
        // Most text is ASCII words between single spaces: read as bytes,
        // the rest as characters.
        while bytes.get(at).is_some_and(|&b| matches!(b, b' ' | b'\t'..=b'\r')) {
            at += 1;
        }
        if !bytes.get(at)?.is_ascii() {
            at += whitespace_len(&text[at..]);
        }
        let rest = &text[at..];
        let len = match *rest.as_bytes().first()? {
            b if ASCII_ALNUM[usize::from(b)] => {
                let run = ascii_alnum_run(rest.as_bytes());
                match rest.as_bytes().get(run) {
                    Some(&b) if !b.is_ascii() || matches!(b, b'\'' | b'-' | b'.') => word_len(rest),
                    _ => run,
                }
            }
            b if b.is_ascii() => 1,
            _ => match rest.chars().next()? {
                c if c.is_alphanumeric() => word_len(rest),
                c => c.len_utf8(),
            },
        };
        self.at = at + len;
        Some(Word { text: &rest[..len], range: (at, at + len) })
    }
}

/// How many ASCII letters and digits `bytes` begins with.
#[inline]
fn ascii_alnum_run(bytes: &[u8]) -> usize {
    let run = crate::text::ascii_alphanumeric_len(bytes);
    #[cfg(test)]
    WORD_BYTES_READ.with(|read| read.set(read.get() + run));
    run
}

/// The length of the whitespace `text` begins with (ASCII read as bytes).
fn whitespace_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !matches!(b, b' ' | b'\t'..=b'\r') {
                break;
            }
            at += 1;
        } else {
            match text[at..].chars().next() {
                Some(c) if c.is_whitespace() => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

#[cfg(test)]
thread_local! {
    /// The bytes [`word_len`] has read on this thread: tests hold it linear.
    pub static WORD_BYTES_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The length of the word `rest` begins with (its first character is
/// alphanumeric). Most characters are ASCII letters: read as bytes.
fn word_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut at = 0;
    loop {
        at += ascii_alnum_run(&bytes[at..]);
        let Some(&b) = bytes.get(at) else { break };
        if b == b' ' {
            break;
        }
        let c = match b.is_ascii() {
            true => char::from(b),
            false => rest[at..].chars().next().expect("at a character boundary"),
        };
        let width = c.len_utf8();
        if c.is_alphanumeric() {
            at += width;
            continue;
        }
        // Only these join what follows: most words end at a space, read no further.
        if !matches!(c, '\'' | '’' | '-' | '.') {
            break;
        }
        let next_alnum = rest[at + width..].chars().next().is_some_and(char::is_alphanumeric);
        if matches!(c, '\'' | '’' | '-') && next_alnum {
            at += width;
        } else if c == '.' && (next_alnum || is_initial(&rest[..at])) {
            at += 1;
        } else {
            break;
        }
    }
    at
}

/// `E` of `William E.`, `U.S` of `U.S.`: the dot belongs to the word.
fn is_initial(before_dot: &str) -> bool {
    let last = before_dot.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    let mut letters = 0;
    for c in last.chars().filter(|c| *c != '.') {
        letters += 1;
        if letters > 3 || !c.is_uppercase() {
            return false;
        }
    }
    letters > 0
}

/// An initial standing for a given name: a capital and its full stop (`J.`).
pub fn stands_for_a_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.as_str() == "."
}

#[inline]
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A personal name from `from` on: capitalised words and initials, with
/// particles (`al-`, `bin`, `Ould`) between them; at most five words.
pub fn person_name(
    text: &str,
    from: usize,
    particles: &[String],
    not_name: &dyn Fn(&str) -> bool,
) -> Option<Range<usize>> {
    let mut end = None;
    let mut start = None;
    let mut count = 0;
    let mut pending_particle = false;
    for w in words(text, from) {
        let t = w.text;
        // Asked only where it can change the answer: most words are names.
        // First bytes compared first: most words share none with a particle.
        let opens_as = |p: &String| p.as_bytes().first() == t.as_bytes().first();
        let particle = || {
            particles
                .iter()
                .filter(|p| opens_as(p))
                .any(|p| p == t || (p.ends_with('-') && t.starts_with(p.as_str()) && t.len() > p.len()))
        };
        let hyphen_particle = t.contains('-') && particle() && !particles.iter().any(|p| p == t);
        let name_like = is_capitalised(t)
            && t.chars().any(char::is_lowercase) | (t.trim_end_matches('.').chars().count() == 1)
            && !t.chars().any(|c| c.is_ascii_digit());
        if hyphen_particle || (name_like && !(count == 0 && not_name(t))) {
            start.get_or_insert(w.range.0);
            end = Some(w.range.1);
            count += 1;
            pending_particle = false;
            if count == 5 {
                break;
            }
        } else if count > 0 && !pending_particle && particle() {
            pending_particle = true;
        } else {
            break;
        }
    }
    let (start, end) = (start?, end?);
    let name = text[start..end].trim_end_matches('.');
    Some(start..start + name.len())
}

/// Initials of a name's significant words, splitting hyphens and dotted
/// abbreviations: `Echelons Tactiques Inter-Arme` → `ETIA`, `U.S. Agency` → `USA`.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| is_capitalised(w) || w.chars().all(|c| c.is_uppercase() || c == '.'))
        .flat_map(|w| {
            if w.contains('.') {
                w.chars().filter(|c| c.is_uppercase()).collect::<Vec<_>>()
            } else {
                w.chars().next().into_iter().collect()
            }
        })
        .collect()
}

/// Whether `acronym` is the initials of the last few words of `words`:
/// the start (a word index) of the shortest such tail.
pub fn acronym_tail(words: &[&str], acronym: &str) -> Option<usize> {
    let acronym: String = acronym.trim_end_matches('s').chars().filter(|c| c.is_alphanumeric()).collect();
    if acronym.chars().count() < 2 {
        return None;
    }
    (0..words.len()).rev().find(|&start| {
        is_capitalised(words[start]) && initials(&words[start..].join(" ")).eq_ignore_ascii_case(&acronym)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn particles() -> Vec<String> {
        ["al", "al-", "bin", "ould"].map(String::from).to_vec()
    }

    #[test]
    fn names_after_titles() {
        let t = "General William E. Ward met Libyan leader Muammar al-Qadhafi and Colonel Frank Childress .";
        let name = |from: usize| person_name(t, from, &particles(), &|_| false).map(|r| &t[r]);
        assert_eq!(name(8), Some("William E. Ward"));
        assert_eq!(name(t.find("Muammar").unwrap()), Some("Muammar al-Qadhafi"));
        assert_eq!(name(t.find("Frank").unwrap()), Some("Frank Childress"));
    }

    #[test]
    fn a_trailing_initial_loses_its_dot() {
        let t = "General William E . ( Kip ) Ward";
        assert_eq!(person_name(t, 8, &particles(), &|_| false).map(|r| &t[r]), Some("William E"));
    }

    /// Words read character by character, as they were before bytes were read.
    fn words_by_chars(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            at += text[at..].len() - text[at..].trim_start().len();
            let rest = &text[at..];
            let Some(first) = rest.chars().next() else { return out };
            let mut len = first.len_utf8();
            if first.is_alphanumeric() {
                let mut chars = rest.char_indices().peekable();
                while let Some((i, c)) = chars.next() {
                    let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
                    if c.is_alphanumeric() || ("'’-".contains(c) && next_alnum) {
                        len = i + c.len_utf8();
                    } else if c == '.' && (next_alnum || is_initial(&rest[..i])) {
                        len = i + 1;
                    } else {
                        break;
                    }
                }
            }
            out.push(&rest[..len]);
            at += len;
        }
    }

    proptest::proptest! {
        #[test]
        fn words_read_as_bytes_are_the_words_read_as_characters(text in "[aZ9 .'’\\-éÉ\u{a0}\u{2003},\n\t]{0,40}") {
            let fast: Vec<&str> = words(&text, 0).map(|w| w.text).collect();
            proptest::prop_assert_eq!(fast, words_by_chars(&text));
        }
    }

    #[test]
    fn acronyms() {
        assert_eq!(initials("Echelons Tactiques Inter-Arme"), "ETIA");
        let words = ["in", "the", "Al", "Qa’ida", "in", "the", "Islamic", "Maghreb"];
        assert_eq!(acronym_tail(&words, "AQIM"), Some(2));
        assert_eq!(acronym_tail(&["Echelons", "Tactiques", "Inter-Arme"], "ETIAs"), Some(0));
        assert_eq!(acronym_tail(&["the", "World", "Bank"], "IMF"), None);
    }
}
