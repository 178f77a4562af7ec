//! Decoded text to clean text in one pass: HTML tags and entities, Markdown
//! syntax, YAML front matter, the cable's `[PER Name  ]` markup, mojibake,
//! and control, bidi and zero-width characters. Every output run is recorded
//! in an [`OffsetMap`] back to the decoded text.

use super::furniture;
use super::infobox;
use super::markup::{self, Tag};
use super::mojibake;
use crate::model::OffsetMap;
use std::ops::Range;

/// The label of a cable's inline entity markup: a hint, not a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintLabel {
    Person,
    Organization,
    Location,
    Misc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub clean: Range<usize>,
    pub label: HintLabel,
}

#[derive(Debug, Default)]
pub struct Cleaned {
    pub text: String,
    pub map: OffsetMap,
    pub hints: Vec<Hint>,
    /// `key: value` lines of a YAML front matter block.
    pub front_matter: Vec<(String, String)>,
    /// Where each Markdown heading's words begin in `text` (`## 2012`), in order.
    pub headings: Vec<usize>,
    /// Where each Markdown footnote's own text begins (`[^1]: The source.`), in order.
    pub notes: Vec<usize>,
    /// Where the body begins in `text`: before, the front matter's values.
    pub body_start: usize,
    /// The `<title>` of an HTML document.
    pub html_title: Option<String>,
    pub repairs: usize,
    /// Terminal escape sequences replaced by a visible `␛`.
    pub escapes: usize,
    /// Control, bidi and zero-width characters removed.
    pub invisible: usize,
}

impl Cleaned {
    /// What a reader should know about what cleaning took out.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.escapes > 0 {
            out.push(format!("{} terminal escape sequence(s) shown as \u{241B}", self.escapes));
        }
        if self.invisible > 0 {
            out.push(format!("{} control or invisible character(s) removed (C0/C1, bidi, zero-width)", self.invisible));
        }
        out
    }
}

/// Which syntaxes the text is read with.
#[derive(Debug, Clone, Copy, Default)]
pub struct Syntax {
    /// HTML: line breaks are spaces except in `<pre>`; block tags break lines.
    pub html: bool,
}

/// A stretch of input ahead that is dropped when reached, possibly closing
/// a cable hint (`  ]`) or a Markdown link (`](url)`).
#[derive(Debug, Clone)]
struct Pending {
    drop: Range<usize>,
    hint: Option<(HintLabel, usize)>,
}

struct Cleaner<'a> {
    s: &'a str,
    i: usize,
    out: Cleaned,
    pending: Vec<Pending>,
    mojibake: bool,
    html: bool,
    in_pre: bool,
    /// In a row of a pipe table: its inner pipes separate cells.
    table_row: bool,
    /// A page's furniture ahead, dropped when reached, in order (see [`furniture`]).
    furniture: std::collections::VecDeque<Range<usize>>,
}

pub fn clean(s: &str, syntax: Syntax) -> Cleaned {
    let mut c = Cleaner {
        s,
        i: 0,
        out: Cleaned::default(),
        pending: Vec::new(),
        mojibake: mojibake::detect(s),
        html: syntax.html,
        in_pre: false,
        table_row: false,
        furniture: if syntax.html { Default::default() } else { furniture::drops(s).into() },
    };
    if let Some(front) = markup::front_matter(s) {
        c.out.front_matter = front.fields;
        c.infobox(front.block);
        c.out.body_start = c.out.text.len();
        c.i = front.end;
    }
    if c.html {
        c.out.html_title = markup::html_title(s);
        // Read as a front matter's `date:` is (see `metadata::infer`).
        c.out.front_matter.extend(markup::html_date(s).map(|d| ("date".to_string(), d)));
    }
    c.line_start();
    c.run();
    c.out
}

/// Bytes that may start something other than plain text, looked up: runs
/// of plain text are most of every document.
static SPECIAL: [bool; 256] = {
    let mut table = [true; 256];
    let mut b = 0x20;
    while b < 0x7F {
        table[b] = matches!(b as u8, b'<' | b'&' | b'[' | b'!' | b'*' | b'_' | b'`' | b'{' | b'\\' | b'|');
        b += 1;
    }
    table
};

impl Cleaner<'_> {
    /// The front matter's readable values, each a paragraph of its own,
    /// after the key that names it: `date: 4 October 2017`.
    fn infobox(&mut self, block: Range<usize>) {
        // `values` gives keys and lines in the block's order, as the map
        // from raw bytes to text reads them.
        for value in infobox::values(self.s, block) {
            if let Some(key) = value.key {
                self.copy(key.clone());
                self.replace(key.end..key.end + 1, ": ");
            }
            let mut last: Option<Range<usize>> = None;
            for line in value.lines {
                if let Some(before) = last {
                    self.replace(before.end..line.start, if value.literal { "\n\n" } else { " " });
                }
                self.copy(line.clone());
                last = Some(line);
            }
            if let Some(last) = last {
                // The paragraph break stands for the line's end: mapped to no
                // bytes, it would swallow the break into the value's raw span.
                let line_end = self.s[last.end..].find('\n').map_or(self.s.len(), |i| last.end + i + 1);
                self.replace(last.end..line_end, "\n\n");
            }
        }
    }

    fn copy(&mut self, r: Range<usize>) {
        self.out.map.push(r.clone(), r.len());
        self.out.text.push_str(&self.s[r]);
    }

    fn replace(&mut self, r: Range<usize>, with: &str) {
        self.out.map.push(r, with.len());
        self.out.text.push_str(with);
    }

    fn next_pending(&self) -> usize {
        self.pending.iter().map(|p| p.drop.start).min().unwrap_or(self.s.len())
    }

    /// Where the next furniture to drop begins; furniture that markup read
    /// past is let be.
    fn next_furniture(&mut self) -> usize {
        while self.furniture.front().is_some_and(|f| f.start < self.i) {
            self.furniture.pop_front();
        }
        self.furniture.front().map_or(self.s.len(), |f| f.start)
    }

    fn run(&mut self) {
        let bytes = self.s.as_bytes();
        while self.i < bytes.len() {
            let furniture = self.next_furniture();
            if furniture == self.i {
                self.i = self.furniture.pop_front().expect("furniture at i").end;
                continue;
            }
            let limit = self.next_pending().min(furniture);
            if self.i == limit {
                self.close_pending();
                continue;
            }
            let start = self.i;
            // A pending drop may begin behind `i`: then no plain text is read here.
            let plain = bytes[start..limit.max(start)].iter().take_while(|&&b| !SPECIAL[usize::from(b)]).count();
            self.i += plain;
            if self.i > start {
                self.copy(start..self.i);
                continue;
            }
            self.special();
        }
    }

    fn close_pending(&mut self) {
        let at = self.pending.iter().position(|p| p.drop.start == self.i).expect("pending at i");
        let p = self.pending.remove(at);
        if let Some((label, start)) = p.hint {
            let end = self.out.text.trim_end().len().max(start);
            if end > start {
                self.out.hints.push(Hint { clean: start..end, label });
            }
        }
        self.i = p.drop.end;
    }

    fn special(&mut self) {
        let rest = &self.s[self.i..];
        let c = rest.chars().next().expect("not at end");
        let handled = match c {
            '<' => self.tag(rest),
            '&' => self.entity(rest),
            '[' => self.bracket(rest),
            '!' => {
                rest.starts_with("![") && {
                    self.i += 1;
                    true
                }
            }
            '*' | '_' | '`' => self.emphasis(c),
            '{' => self.skip_match(markup::attributes(rest)),
            '\\' => self.escape(rest),
            '|' => self.table_pipe(rest),
            _ => false,
        };
        if !handled {
            self.character(c);
        }
    }

    fn skip_match(&mut self, len: Option<usize>) -> bool {
        match len {
            Some(n) => {
                self.i += n;
                true
            }
            None => false,
        }
    }

    fn tag(&mut self, rest: &str) -> bool {
        let Some(tag) = markup::tag(rest) else {
            return false;
        };
        let r = self.i..self.i + tag.byte_len();
        match tag {
            Tag::Skip { .. } => self.i = r.end,
            Tag::Block { name, closing, .. } => {
                if name == "pre" {
                    self.in_pre = !closing;
                }
                self.i = r.end;
                let at_line_start = self.out.text.is_empty() || self.out.text.ends_with('\n');
                if !at_line_start {
                    self.replace(r, "\n");
                }
            }
            Tag::Inline { .. } => self.i = r.end,
        }
        true
    }

    fn entity(&mut self, rest: &str) -> bool {
        let Some((len, decoded)) = markup::entity(rest) else {
            return false;
        };
        let r = self.i..self.i + len;
        self.i = r.end;
        let text: String = decoded.chars().filter_map(visible).collect();
        self.replace(r, &text);
        true
    }

    /// Markdown's backslash: `\$400` is `$400`, a backslash ending a line
    /// breaks it; the escaped character is text, whatever it would mark.
    fn escape(&mut self, rest: &str) -> bool {
        match rest.as_bytes().get(1) {
            Some(b) if b.is_ascii_punctuation() => {
                self.copy(self.i + 1..self.i + 2);
                self.i += 2;
                true
            }
            Some(b'\n') | Some(b'\r') => {
                self.i += 1;
                true
            }
            _ => false,
        }
    }

    fn bracket(&mut self, rest: &str) -> bool {
        // A link or image with no text (`[](/sites/x.jpg)`) shows nothing.
        if let Some(end) = markup::empty_link(rest) {
            self.i += end;
            return true;
        }
        // `ref[^1]`, `[^1]: The source.`: the marks are not text.
        let line_start = self.s[..self.i].ends_with('\n') || self.i == 0;
        if let Some(end) = markup::footnote_mark(rest, line_start) {
            if line_start && rest[..end].contains("]:") {
                self.out.notes.push(self.out.text.len());
            }
            self.i += end;
            return true;
        }
        if let Some((open, close, label)) = markup::cable_hint(rest) {
            let base = self.i;
            self.pending
                .push(Pending { drop: base + close.start..base + close.end, hint: Some((label, self.out.text.len())) });
            self.i += open;
            return true;
        }
        if let Some((text_end, link_end)) = markup::link(rest) {
            let base = self.i;
            self.pending.push(Pending { drop: base + text_end..base + link_end, hint: None });
            self.i += 1;
            return true;
        }
        false
    }

    fn emphasis(&mut self, c: char) -> bool {
        let prev = self.s[..self.i].chars().next_back();
        let rest = &self.s[self.i + 1..];
        let next = rest.chars().next();
        let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
        if c == '`' || rest.starts_with(c) {
            self.i += if c == '`' { 1 } else { 2 };
            return true;
        }
        // `*word*` and `_word_` flank a word; `a*b`, `snake_case`, ` * ` do not.
        let flanking = (!alnum(prev) && !space(next)) || (!space(prev) && !alnum(next));
        let inside_word = alnum(prev) && alnum(next);
        if flanking && !inside_word {
            self.i += 1;
            return true;
        }
        false
    }

    fn character(&mut self, c: char) {
        let r = self.i..self.i + c.len_utf8();
        self.i = r.end;
        match c {
            '\n' => {
                if self.html && !self.in_pre {
                    self.replace(r, " ");
                } else {
                    self.copy(r);
                    self.line_start();
                }
            }
            '\r' if self.s[self.i..].starts_with('\n') => {}
            '\r' => {
                self.replace(r, "\n");
                self.line_start();
            }
            '\u{1B}' | '\u{9B}' => {
                let len = markup::escape_sequence(&self.s[r.start..]);
                self.i = r.start + len;
                self.out.escapes += 1;
                self.replace(r.start..self.i, "\u{241B}");
            }
            c if self.mojibake => match mojibake::repair(c, &self.s[..r.start], &self.s[r.end..]) {
                Some(fixed) => {
                    self.out.repairs += 1;
                    self.replace(r, fixed.encode_utf8(&mut [0; 4]));
                }
                None => self.visible_char(r, c),
            },
            c => self.visible_char(r, c),
        }
    }

    fn visible_char(&mut self, r: Range<usize>, c: char) {
        if let Some(letters) = ligature(c) {
            // Three letters for its three bytes would map byte for byte, into
            // the character: the third stands for no byte of its own.
            let (two, rest) = letters.split_at(2);
            self.replace(r.clone(), two);
            if !rest.is_empty() {
                self.replace(r.end..r.end, rest);
            }
            return;
        }
        match visible(c) {
            Some(v) if v == c => self.copy(r),
            Some(v) => self.replace(r, v.encode_utf8(&mut [0; 4])),
            None => self.out.invisible += 1,
        }
    }

    /// Markdown constructs that only count at the start of a line.
    fn line_start(&mut self) {
        self.table_row = false;
        if self.html {
            return;
        }
        while let Some(len) = markup::table_delimiter(&self.s[self.i..]) {
            self.i += len;
        }
        if let Some(len) = markup::table_row(&self.s[self.i..]) {
            self.table_row = true;
            self.i += len;
        } else if let Some(len) = markup::line_marker(&self.s[self.i..]) {
            if self.s[self.i..self.i + len].trim_start().starts_with('#') {
                self.out.headings.push(self.out.text.len());
            }
            self.i += len;
        }
    }

    /// A pipe between two cells of a table row reads as ` · `; the pipe
    /// closing the row, as nothing.
    fn table_pipe(&mut self, rest: &str) -> bool {
        if !self.table_row {
            return false;
        }
        let after = rest[1..].trim_start_matches([' ', '\t']);
        let end = self.i + rest.len() - after.len();
        if after.is_empty() || after.starts_with(['\n', '\r']) {
            self.i = end;
            return true;
        }
        let separator = if self.out.text.ends_with(' ') { "· " } else { " · " };
        self.replace(self.i..end, separator);
        self.i = end;
        true
    }
}

/// What a character becomes in clean text: controls, bidi and zero-width
/// characters vanish, odd spaces become spaces, the rest stays.
/// The letters of a typographic ligature, as text taken from a PDF keeps
/// them (`Oﬃce`, `ﬁnanced`): names and words are read in their letters.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

pub fn visible(c: char) -> Option<char> {
    match c {
        '\n' => Some('\n'),
        '\t' => Some(' '),
        '\u{2028}' | '\u{2029}' => Some('\n'),
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(' '),
        c if c.is_control() => None,
        '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => None,
        '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}' => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests;
