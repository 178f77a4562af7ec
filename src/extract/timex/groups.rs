//! A match's capture groups as text. The tagger's patterns are built with
//! regex-automata's `meta` engine, which can leave out literal prefilters,
//! and which gives a match's groups as spans.

use regex_automata::util::captures::Captures;
use std::ops::{Index, Range};

/// The groups of one match in `text`.
pub struct Groups<'t, 'c> {
    text: &'t str,
    caps: &'c Captures,
}

/// One group of a match: where it is and what it says.
#[derive(Debug, Clone, Copy)]
pub struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

impl<'t, 'c> Groups<'t, 'c> {
    pub fn new(text: &'t str, caps: &'c Captures) -> Self {
        Groups { text, caps }
    }

    /// Group `i`, when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Group<'t>> {
        let span = self.caps.get_group(i)?;
        Some(Group { text: self.text, start: span.start, end: span.end })
    }
}

/// The text of group `i`, which must have taken part in the match.
impl Index<usize> for Groups<'_, '_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).map(|g| g.as_str()).unwrap_or_else(|| panic!("group {i} took no part in the match"))
    }
}
