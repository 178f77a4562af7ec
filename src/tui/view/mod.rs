//! Drawing: `draw(state, corpus, keys, theme, frame)` draws the panes, one file each,
//! where [`super::layout`] put them. Views only read the state and the corpus.

mod detail;
pub use detail::rows as detail_rows;
mod entities;
mod header;
mod help;
pub use help::lines as help_lines;
pub mod loading;
mod note;
mod notes;
mod palette;
mod prompt;
mod source;
mod status;
pub mod theme;
mod timeline;

use super::action::Action;
use super::keymap::{KeyMap, Scope};
pub use super::layout::centered;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::state::{Mode, Pane, State};
use crate::model::Corpus;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;
use theme::Theme;

/// Draws the state as [`State::settle`] laid it out: reads, changes nothing.
pub fn draw(state: &State, corpus: &Corpus, keys: &KeyMap, theme: Theme, frame: &mut Frame) {
    let a = &state.areas;
    if a.too_small {
        return too_small(keys, frame, frame.area());
    }
    header::draw(state, corpus, theme, frame, a.header);
    if a.entities.width > 0 {
        entities::draw(state, corpus, theme, frame);
    }
    timeline::draw(state, corpus, theme, frame, a.timeline);
    source::draw(state, corpus, theme, frame);
    detail::draw(state, corpus, theme, frame, a.detail);
    status::draw(state, corpus, keys, theme, frame, a.status);
    match state.mode {
        Mode::Palette(_) => palette::draw(state, corpus, theme, frame, a.palette()),
        Mode::Help { scroll } => help::draw(scroll, keys, theme, frame, a.screen),
        Mode::Note(ref editor) => note::draw(editor, theme, frame, a.screen),
        Mode::Notes { selected } => notes::draw(state, corpus, selected, theme, frame, a.screen),
        Mode::Prompt(ref prompt) => prompt::draw(prompt, corpus, theme, frame, a.screen),
        Mode::Browse | Mode::Search | Mode::Passage(_) => {}
    }
}

fn too_small(keys: &KeyMap, frame: &mut Frame, area: Rect) {
    let quit = keys.key_of(Action::Quit, Scope::Browse).or_else(|| keys.key_of(Action::Quit, Scope::Always));
    let text = vec![
        Line::styled("terminal too small", Style::new().add_modifier(Modifier::BOLD)),
        Line::raw(format!("annals needs {MIN_WIDTH}×{MIN_HEIGHT}; this is {}×{}", area.width, area.height)),
        Line::raw(quit.map_or_else(String::new, |key| format!("{key} quits"))),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A pane's frame, highlighted when focused.
pub fn pane_block(title: Line<'static>, focused: bool, theme: Theme) -> Block<'static> {
    Block::default().borders(Borders::ALL).border_style(theme.border(focused)).title(title)
}

/// `s` in at most `columns` terminal columns, cut at a word with `…`:
/// wide characters take two, combining ones none.
pub fn fit(s: &str, columns: usize) -> String {
    crate::text::shorten_by(s, columns, |c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
}

/// `s` in at most `rows` lines of `width` columns, broken between words;
/// the last line ends with `…` when the rest does not fit.
pub fn wrapped(s: &str, width: usize, rows: usize) -> Vec<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut lines: Vec<String> = Vec::new();
    for (n, word) in words.iter().enumerate() {
        let fits = lines.last().is_some_and(|line| columns(line) + 1 + columns(word) <= width);
        if fits {
            let line = lines.last_mut().expect("a line");
            line.push(' ');
            line.push_str(word);
        } else if lines.len() == rows {
            let last = lines.pop().unwrap_or_default();
            lines.push(fit(&format!("{last} {}", words[n..].join(" ")), width));
            break;
        } else {
            lines.push(fit(word, width));
        }
    }
    lines
}

/// What a search of a pane looks for, folded: the query as it is typed
/// (entity names), or its words, each the beginning of a word (timeline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    Text(String),
    Words(String),
}

impl Query {
    fn is_empty(&self) -> bool {
        match self {
            Query::Text(q) | Query::Words(q) => q.is_empty(),
        }
    }

    /// Where it matches `text`, as byte ranges of `text`, in order.
    fn ranges(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        match self {
            _ if self.is_empty() => Vec::new(),
            Query::Text(q) => folded_matches(text, q).collect(),
            Query::Words(q) => crate::tui::event_words::hit_ranges(text, q),
        }
    }
}

/// The query of a search of `pane`, or an empty one.
pub fn searched(state: &State, pane: Pane) -> Query {
    let folded =
        state.search.as_ref().filter(|s| s.pane == pane).map_or(String::new(), |s| crate::text::fold(s.query.trim()));
    if pane == Pane::Timeline {
        Query::Words(folded)
    } else {
        Query::Text(folded)
    }
}

/// `text` in spans, where `query` matches styled `hit`: a search's hits
/// seen in the rows that hold them.
pub fn with_hits(text: String, query: &Query, hit: Style) -> Vec<Span<'static>> {
    let (mut spans, mut done) = (Vec::new(), 0);
    for std::ops::Range { start, end } in query.ranges(&text) {
        spans.push(Span::raw(text[done..start].to_string()));
        spans.push(Span::styled(text[start..end].to_string(), hit));
        done = end;
    }
    spans.push(Span::raw(text[done..].to_string()));
    spans.retain(|s| !s.content.is_empty());
    spans
}

/// `text` fitted to `columns`; when that would cut off where `query`
/// first matches, shown from a few words before it, after `…`.
pub fn fit_showing(text: &str, query: &Query, columns: usize) -> String {
    let fitted = fit(text, columns);
    let shows = |shown: &str| !query.ranges(shown).is_empty();
    if query.is_empty() || shows(&fitted) {
        return fitted;
    }
    let Some(at) = query.ranges(text).first().map(|r| r.start) else {
        return fitted;
    };
    // As many words of lead-in as leave the hit in sight, up to three.
    let from_words_before = |words| fit(&format!("…{}", text[lead_in(text, at, words)..].trim_start()), columns);
    (1..=3).rev().map(from_words_before).find(|shown| shows(shown)).unwrap_or_else(|| from_words_before(0))
}

/// Where `query` (folded, not empty) occurs in `text`, as byte ranges of
/// `text`: folded a character for a character, so that positions carry over.
fn folded_matches<'a>(text: &'a str, query: &'a str) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let folded: String = text.chars().map(crate::text::fold_lower).collect();
    // Byte offsets in the fold, as character counts, as byte offsets in `text`.
    let to_text = move |at: usize, folded: &str| {
        text.char_indices().nth(folded[..at].chars().count()).map_or(text.len(), |(i, _)| i)
    };
    let ranges: Vec<_> = folded.match_indices(query).map(|(at, found)| (at, at + found.len())).collect();
    ranges.into_iter().map(move |(start, end)| to_text(start, &folded)..to_text(end, &folded))
}

/// Where to show `text` from so that up to `words` words lead in to byte
/// `at` (the start, if it has fewer).
pub fn lead_in(text: &str, at: usize, words: usize) -> usize {
    let head = text[..at].trim_end();
    if words == 0 {
        return head.len();
    }
    let before: Vec<&str> = head.rsplitn(words + 1, char::is_whitespace).collect();
    if before.len() <= words {
        0
    } else {
        before[words].len()
    }
}

/// The columns `s` takes in a terminal.
pub fn columns(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_end_with_an_ellipsis_when_the_rest_does_not_fit() {
        assert_eq!(wrapped("aka Government of Mali, MALIAN", 20, 3), ["aka Government of", "Mali, MALIAN"]);
        assert_eq!(wrapped("aka Government of Mali, MALIAN, Malians", 20, 2), ["aka Government of", "Mali, MALIAN…"]);
        assert_eq!(wrapped("", 20, 2), Vec::<String>::new());
    }

    #[test]
    fn hits_are_found_folded_and_styled_where_they_stand() {
        let hit = Style::new().add_modifier(Modifier::UNDERLINED);
        let parts = |text: &str, query: &str| -> Vec<(String, bool)> {
            let spans = with_hits(text.to_string(), &Query::Text(query.to_string()), hit);
            spans.into_iter().map(|s| (s.content.to_string(), s.style == hit)).collect()
        };
        let owned = |parts: &[(&str, bool)]| parts.iter().map(|&(t, h)| (t.to_string(), h)).collect::<Vec<_>>();
        assert_eq!(parts("Touré met TOURE", "toure"), owned(&[("Touré", true), (" met ", false), ("TOURE", true)]));
        assert_eq!(parts("Côte d’Ivoire", "ivoire"), owned(&[("Côte d’", false), ("Ivoire", true)]));
        assert_eq!(parts("nothing here", "keita"), owned(&[("nothing here", false)]));
        assert_eq!(parts("no query", ""), owned(&[("no query", false)]));
    }

    #[test]
    fn a_hit_cut_off_is_shown_from_words_before_it() {
        let title = "The United States established diplomatic relations with Mali";
        let fit_showing = |title, query: &str, columns| fit_showing(title, &Query::Text(query.to_string()), columns);
        assert_eq!(fit_showing(title, "relations", 30), "…diplomatic relations with…");
        assert_eq!(fit_showing(title, "relations", 36), "…established diplomatic relations…");
        assert_eq!(fit_showing(title, "united", 20), "The United States…", "in sight: kept");
        assert_eq!(fit_showing(title, "nowhere", 20), "The United States…");
        assert_eq!(fit_showing(title, "", 20), "The United States…");
        assert_eq!(fit_showing(title, "mali", 8), "…Mali", "no room for words before");
        let words = Query::Words("rel mal".to_string());
        assert_eq!(super::fit_showing(title, &words, 30), "…diplomatic relations with…");
        let parts: Vec<String> = with_hits(title.to_string(), &words, Style::new().add_modifier(Modifier::BOLD))
            .into_iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(parts, ["The United States established diplomatic ", "rel", "ations with ", "Mal", "i"]);
        assert_eq!(&"a b c d e"[lead_in("a b c d e", 8, 3)..], " b c d e", "three words before `e`");
        assert_eq!(lead_in("a b e", 4, 3), 0);
        assert_eq!(lead_in("a b e", 4, 0), 3);
    }
}
