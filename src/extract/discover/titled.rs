//! People named after their title (`President Ibrahim Boubacar Keïta`,
//! `Deputy Chief of Mission--Andrew Young`), read past the office the
//! title holds (`Secretary of Homeland Security Janet Napolitano`).

use super::bylines::title_case;
use super::names::{is_capitalised, person_name, words};
use super::{split_glued, Discoverer, Found, Why, LATIN_LETTERS};
use crate::model::EntityKind;
use aho_corasick::{Anchored, Input};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// After a title: `of Defense`, `to Mali,`, an acronym (`Foreign Minister
/// (FM) Mindaoudou`) and the space before the name, or a dash as a list
/// of officials sets it (`Deputy Chief of Mission--Andrew Young`). A word
/// may hold single hyphens (`Inter-Arme`), not a double one.
static AFTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"^(?:\s+of\s+(?:the\s+)?[A-Z][L](?:\s+(?:and|&)\s+[A-Z][L])?)?(?:\s+(?:to|of|for)\s+[A-Z][L](?:\s+[A-Z][L])?\s*,)?(?:\s+\([A-Z]{2,6}\))?(?:[ \t]*(?:--|—|–)[ \t]*|\s+)";
    let word = format!("[{LATIN_LETTERS}]+(?:-[{LATIN_LETTERS}]+)*");
    Regex::new(&pattern.replace("[L]", &word)).expect("regex")
});

/// The words a portfolio's name ends with in an office's title (`of
/// Foreign Affairs`, `of Defense`, `of State`): a name may follow them.
const PORTFOLIO_ENDS: &[&str] =
    &["Affairs", "Defense", "Defence", "State", "Security", "Justice", "Interior", "Finance", "Health", "Staff"];

/// A transcript's speaker's label: up to three words of a title, a name
/// in capitals (its words of two letters or more), `.` or `:`.
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}";
    Regex::new(&format!(r"^[ \t]*((?:[A-Za-z]+\.? ){{1,3}}?)({name})[.:][ \t]")).expect("regex")
});

impl Discoverer {
    /// Where the name after a title starting at `from` begins, if one may.
    fn after_title(&self, text: &str, title_end: usize) -> Option<usize> {
        if text[title_end..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let m = AFTER_TITLE.find(&text[title_end..])?;
        // A title ending a heading names no one below it (`Report of the
        // Secretary-General` above `I. Introduction`).
        let gap = &m.as_str()[m.as_str().trim_end().len()..];
        (gap.matches('\n').count() < 2).then_some(title_end + m.end())
    }

    /// Titles beginning a word, in order, none overlapping: the automaton
    /// is asked only where a word begins with a title's first byte, not
    /// run over every byte.
    pub(super) fn titles_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = aho_corasick::Match> + 't {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(offset) = bytes[at..].iter().position(|&b| self.title_first_bytes[usize::from(b)]) {
                // A title's first byte begins a character: `start` is a boundary.
                let start = at + offset;
                at = start + 1;
                let pair = usize::from(bytes[start]) << 8 | usize::from(bytes.get(at).copied().unwrap_or(0));
                let opens = self.title_first_pairs[pair / 64] & (1 << (pair % 64)) != 0;
                if !opens || text[..start].ends_with(char::is_alphanumeric) {
                    continue;
                }
                let input = Input::new(text).span(start..text.len()).anchored(Anchored::Yes);
                if let Some(m) = self.titles.find(input) {
                    at = m.end();
                    return Some(m);
                }
            }
            None
        })
    }

    pub(super) fn titled(&self, text: &str, sentences: &[Range<usize>], out: &mut Vec<Found>) {
        let (mut row_ends, mut read) = (FxHashMap::default(), Vec::new());
        let mut last_end = None;
        for m in self.titles_in(text) {
            let Some(after) = self.after_title(text, m.end()) else {
                continue;
            };
            let from = self.row_end(text, after, &mut row_ends, &mut read);
            let from =
                if text[m.end()..after].trim_start().starts_with("of") { self.past_office(text, from) } else { from };
            // The titles of one row lead to one name: it is read once.
            if last_end.replace(from) == Some(from) {
                continue;
            }
            let particles = &self.rules.name_particles;
            // A name ends with its sentence: a list's next line is another's.
            let at = sentences.partition_point(|s| s.end <= from);
            let end = sentences.get(at).filter(|s| s.start <= from).map_or(text.len(), |s| s.end);
            let Some(range) = person_name(&text[..end], from, particles, &|w| self.not_name(w)) else {
                continue;
            };
            let name = split_glued(&text[range.clone()]);
            let range = range.end - name.len()..range.end;
            // `Chief of Staff of the Air Force`, `Director of the Directorate`: no
            // person; nor is the office addressed in `Mr. Chairman`, `Madam Speaker`.
            let office = self.sets.person_titles.contains(name);
            // A headline in title case names no one: `President Resigns After Coup`.
            let headline = name.split(' ').skip(1).any(|w| self.sets.function_words.contains(w));
            if self.not_name(name)
                || office
                || headline
                || name.chars().count() < 2
                || self.ends_with_organization_head(name)
            {
                continue;
            }
            out.push(Found { range, name: name.to_string(), kind: EntityKind::Person, why: Why::Title });
        }
    }

    /// A transcript's speakers (`Senator FLAKE.`, `MR PRICE:`): a title
    /// opening a line, a name in capitals, a full stop or a colon. The
    /// name is the person's in title case, as the rest of the text spells it.
    pub(super) fn speakers(&self, text: &str, out: &mut Vec<Found>) {
        for start in crate::text::line_starts(text) {
            // Most lines hold no two capitals before a `.` or `:` and a
            // space (`FLAKE. `): those marks found by a search, the regex spared.
            let head = &text[start..crate::text::floor_boundary(text, start + 80)];
            let h = head.as_bytes();
            let labelled = memchr::memchr2_iter(b'.', b':', h).any(|at| {
                at >= 2
                    && h[at - 1].is_ascii_uppercase()
                    && h[at - 2].is_ascii_uppercase()
                    && matches!(h.get(at + 1), Some(b' ' | b'\t'))
            });
            let Some(caps) = labelled.then(|| SPEAKER.captures(head)).flatten() else {
                continue;
            };
            let title = title_case(caps[1].trim_end());
            let name = title_case(&caps[2]);
            let office = self.sets.person_titles.contains(name.as_str());
            if !self.sets.person_titles.contains(title.as_str()) || office || self.not_name(&name) {
                continue;
            }
            let at = caps.get(2).expect("a name").range();
            let range = start + at.start..start + at.end;
            out.push(Found { range, name, kind: EntityKind::Person, why: Why::Title });
        }
    }

    /// Where the name begins after an office of several words (`Minister of
    /// Foreign Affairs Abdoulaye Diop`, `Assistant Secretary of State for
    /// African Affairs Tibor Nagy`): at the first given name among the next
    /// capitalised words and the words that join them; else after the
    /// word that ends the office's portfolio, where two or three
    /// capitalised words follow it and end the run (`Deputy Assistant
    /// Secretary of Defense for African Affairs Chidi Blyden said`); else at `from`.
    fn past_office(&self, text: &str, from: usize) -> usize {
        let mut capitalised = 0;
        // After the office's last portfolio word: where a name may begin,
        // and how many capitalised words have followed it.
        let mut after_portfolio: Option<(usize, usize)> = None;
        for w in words(text, from).take(12) {
            if matches!(w.text, "for" | "of" | "the" | "and" | "&") {
                if after_portfolio.is_some_and(|(_, n)| n > 0) {
                    break; // the name's words end before a joining word
                }
                continue;
            }
            if !is_capitalised(w.text) || capitalised == 7 {
                break;
            }
            if self.context.is_given_name(w.text) && capitalised < 4 {
                return w.range.0;
            }
            capitalised += 1;
            after_portfolio = match after_portfolio {
                _ if PORTFOLIO_ENDS.contains(&w.text) => Some((w.range.1, 0)),
                Some((at, n)) => Some((at, n + 1)),
                None => None,
            };
        }
        match after_portfolio {
            Some((at, 2..=3)) => at + (text[at..].len() - text[at..].trim_start().len()),
            _ => from,
        }
    }

    /// Where a row of titles read from `from` ends (`Director Colonel Frank
    /// Childress`, `Advisor Dr. Raymond L. Brown`): only a title right here
    /// is asked (searching on would read to the next one, however far).
    /// Each place is read once, its end kept in `ends`: every title of a
    /// row (`Minister Minister …`) leads to the same end, and reading the
    /// rest of the row again from each was its square. `read` is a buffer
    /// for the places read, one for all of a document's titles.
    pub(super) fn row_end(
        &self,
        text: &str,
        from: usize,
        ends: &mut FxHashMap<usize, usize>,
        read: &mut Vec<usize>,
    ) -> usize {
        read.clear();
        let mut at = from;
        let end = loop {
            if let Some(&end) = ends.get(&at) {
                break end;
            }
            read.push(at);
            #[cfg(test)]
            super::tests::ROW_PLACES_READ.with(|read| read.set(read.get() + 1));
            let Some(next) = self.titles.find(Input::new(&text[at..]).anchored(Anchored::Yes)) else {
                break at;
            };
            match self.after_title(text, at + next.end()) {
                Some(after) => at = after,
                None => break at,
            }
        };
        read.iter().for_each(|&at| {
            ends.insert(at, end);
        });
        end
    }

    /// Whether `name` ends with an organisation's head (`Bank` of `Xbank`
    /// too): a head of one word is a suffix of the last word, looked up,
    /// those no longer than the longest head only (a word of a megabyte
    /// has a megabyte of suffixes).
    pub(super) fn ends_with_organization_head(&self, name: &str) -> bool {
        let last = &name[name.rfind(' ').map_or(0, |space| space + 1)..];
        let shortest = last.len().saturating_sub(self.sets.longest_organization_head);
        let mut suffixes = last.char_indices().filter(|&(at, _)| at >= shortest);
        suffixes.any(|(at, _)| self.sets.organization_heads.contains(&last[at..]))
            || self.sets.organization_head_phrases.iter().any(|h| name.ends_with(h.as_str()))
    }
}

/// Compiles this module's pattern now rather than on first use.
pub(super) fn compile_patterns() {
    LazyLock::force(&AFTER_TITLE);
    LazyLock::force(&SPEAKER);
}
