//! A passage of the source chosen for a note: `v` starts with the shown
//! claim's sentence, keys move either end a word (or the end a line) at a
//! time; or the mouse drags over it. `a` then writes the note on it.

use super::action::Action;
use super::editor::Editor;
use super::state::{Mode, Pane, State};
use crate::model::{ClaimId, Corpus, SourceId};
use crate::notes::Writing;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// A passage being chosen in source pane `slot`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub slot: usize,
    pub source: SourceId,
    pub range: Range<usize>,
}

/// `v`: starts choosing a passage, from the shown claim's sentence.
pub fn start(state: &mut State, corpus: &Corpus) {
    let slot = state.focused_slot();
    let Some(claim) = state.shown_in(slot).filter(|_| state.focus == Pane::Source) else {
        state.notice = Some("a passage is chosen in the source pane (Tab to it)".into());
        return;
    };
    let c = &corpus.claims[claim];
    state.mode = Mode::Passage(Passage { slot, source: c.source, range: c.sentence.clone() });
}

/// Keys while a passage is chosen.
pub fn choosing(state: &mut State, corpus: &Corpus, action: Action) {
    let Mode::Passage(passage) = &mut state.mode else { return };
    let text = &corpus.sources[passage.source].text;
    let Range { start, end } = passage.range.clone();
    match action {
        Action::EndNextWord => passage.range.end = next_word_end(text, end),
        Action::EndPrevWord => passage.range.end = prev_word_end(text, end).max(next_word_end(text, start)),
        Action::StartNextWord => passage.range.start = next_word_start(text, start).min(prev_word_start(text, end)),
        Action::StartPrevWord => passage.range.start = prev_word_start(text, start),
        Action::Down(_) | Action::Up(_) => {
            let lines = &state.layouts[passage.slot].lines;
            let at = lines.partition_point(|l| l.end < end);
            let moved = match action {
                Action::Down(_) => lines.get(at + 1).map(|l| l.end),
                _ => at.checked_sub(1).and_then(|i| lines.get(i)).map(|l| l.end).filter(|&e| e > start),
            };
            passage.range.end = moved.unwrap_or(end);
        }
        Action::Annotate | Action::Enter => write(state, corpus),
        Action::Back => state.mode = Mode::Browse,
        Action::Drag(x, y) => drag(state, corpus, x, y),
        Action::Click(x, y) => {
            state.mode = Mode::Browse;
            press(state, corpus, x, y);
        }
        _ => {}
    }
    follow(state);
}

/// Scrolls the passage's pane so that the end just moved stays in sight.
fn follow(state: &mut State) {
    let Mode::Passage(passage) = &state.mode else { return };
    let area = if passage.slot == 0 { state.areas.source } else { state.areas.source_right };
    let height = usize::from(area.height.saturating_sub(2)).max(1);
    let lines = &state.layouts[passage.slot].lines;
    let line = lines.partition_point(|l| l.end < passage.range.end);
    let top = state.areas.source_tops[passage.slot];
    if line < top {
        state.source_scroll = Some(line);
    } else if line >= top + height {
        state.source_scroll = Some(line + 1 - height);
    }
}

/// The editor on a new note about the passage being chosen, if it tells a claim.
fn write(state: &mut State, corpus: &Corpus) {
    let Mode::Passage(passage) = &state.mode else { return };
    let Some(claim) = claim_in(state, corpus, passage) else {
        state.notice = Some("a note goes on a passage of a claim (the underlined sentences)".into());
        return;
    };
    let text = &corpus.sources[passage.source].text[passage.range.clone()];
    let about = format!("“{}”", crate::text::one_line(text));
    let writing = Writing::Passage(claim, passage.range.clone());
    state.mode = Mode::Note(Box::new(Editor::open(writing, about, "")));
}

/// The claim the passage is about: the shown one if the passage holds
/// some of its sentence, else the first whose sentence it overlaps.
fn claim_in(state: &State, corpus: &Corpus, passage: &Passage) -> Option<ClaimId> {
    let overlaps = |c: &ClaimId| {
        let sentence = &corpus.claims[*c].sentence;
        sentence.start < passage.range.end && passage.range.start < sentence.end
    };
    state
        .shown_in(passage.slot)
        .filter(overlaps)
        .or_else(|| state.index.claims[passage.source].iter().copied().find(overlaps))
}

/// A click in the source pane: where a drag would start from.
pub fn press(state: &mut State, corpus: &Corpus, x: u16, y: u16) {
    state.pressed_at = byte_at(state, corpus, x, y);
}

/// The mouse dragged to (x, y) from where it was pressed: the passage
/// between, in whole words, chosen.
pub fn drag(state: &mut State, corpus: &Corpus, x: u16, y: u16) {
    let (Some((slot, from)), Some((to_slot, to))) = (state.pressed_at, byte_at(state, corpus, x, y)) else { return };
    let Some(claim) = state.shown_in(slot).filter(|_| to_slot == slot) else { return };
    let source = corpus.claims[claim].source;
    let text = &corpus.sources[source].text;
    let (low, high) = (from.min(to), from.max(to));
    if !text.is_char_boundary(low) || !text.is_char_boundary(high) {
        return; // pressed on another text than the one shown now
    }
    let range = word_start_at(text, low)..word_end_at(text, high);
    if range.start < range.end {
        (state.focus, state.right_focused) = (Pane::Source, slot == 1);
        state.mode = Mode::Passage(Passage { slot, source, range });
    }
}

/// The source pane and the byte of its text under the cell (x, y), if any.
fn byte_at(state: &State, corpus: &Corpus, x: u16, y: u16) -> Option<(usize, usize)> {
    let inside = |r: &ratatui::layout::Rect| x > r.x && x + 1 < r.x + r.width && y > r.y && y + 1 < r.y + r.height;
    let areas = [state.areas.source, state.areas.source_right];
    let slot = areas.iter().position(inside)?;
    let text = &corpus.sources[corpus.claims[state.shown_in(slot)?].source].text;
    let row = state.areas.source_tops[slot] + usize::from(y - areas[slot].y - 1);
    let line = state.layouts[slot].lines.get(row)?.clone();
    let column = usize::from(x - areas[slot].x - 1);
    let mut width = 0;
    for (at, c) in text[line.clone()].char_indices() {
        width += c.width().unwrap_or(1).max(1);
        if width > column {
            return Some((slot, line.start + at));
        }
    }
    Some((slot, line.end))
}

/// The start of the word at `at`, or of the next one if `at` is a space.
fn word_start_at(text: &str, at: usize) -> usize {
    match text[at..].chars().next() {
        Some(c) if !c.is_whitespace() => prev_word_start(text, at + c.len_utf8()),
        _ => at + (text[at..].len() - text[at..].trim_start().len()),
    }
}

/// The end of the word at `at`, or of the one before if `at` is a space.
fn word_end_at(text: &str, at: usize) -> usize {
    match text[at..].chars().next() {
        Some(c) if !c.is_whitespace() => next_word_end(text, at),
        _ => text[..at].trim_end().len(),
    }
}

/// The end of the word after `at` (or at it).
fn next_word_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let word = rest.len() - rest.trim_start().len();
    let after = &rest[word..];
    at + word + after.find(char::is_whitespace).unwrap_or(after.len())
}

/// The end of the word before the one that ends at `at`.
fn prev_word_end(text: &str, at: usize) -> usize {
    let before = text[..at].trim_end();
    before.trim_end_matches(|c: char| !c.is_whitespace()).trim_end().len()
}

/// The start of the word after the one at `at`.
fn next_word_start(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
    at + word + (rest[word..].len() - rest[word..].trim_start().len())
}

/// The start of the word before `at` (or of the word `at` is inside).
fn prev_word_start(text: &str, at: usize) -> usize {
    text[..at].trim_end().trim_end_matches(|c: char| !c.is_whitespace()).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_move_a_word_at_a_time() {
        let text = "On 12 March  Mali signed, then left.";
        assert_eq!(&text[..next_word_end(text, 0)], "On");
        assert_eq!(&text[..next_word_end(text, 2)], "On 12");
        assert_eq!(&text[..prev_word_end(text, 16)], "On 12 March");
        assert_eq!(&text[next_word_start(text, 0)..], "12 March  Mali signed, then left.");
        assert_eq!(&text[next_word_start(text, 6)..], "Mali signed, then left.");
        assert_eq!(&text[prev_word_start(text, 13)..], "March  Mali signed, then left.");
        assert_eq!(&text[prev_word_start(text, 14)..], "Mali signed, then left.");
        assert_eq!(next_word_end(text, text.len()), text.len());
        assert_eq!((prev_word_end(text, 2), prev_word_start(text, 0)), (0, 0));
    }

    #[test]
    fn a_drag_takes_whole_words() {
        let text = "ab  cd ef";
        assert_eq!((word_start_at(text, 1), word_end_at(text, 5)), (0, 6));
        assert_eq!((word_start_at(text, 2), word_end_at(text, 3)), (4, 2));
        assert_eq!(word_end_at(text, text.len()), text.len());
    }

    #[test]
    fn words_of_any_script_are_whole() {
        let text = "Keïta · 凯塔 met";
        let ends: Vec<&str> = std::iter::successors(Some(0), |&at| Some(next_word_end(text, at)).filter(|&e| e > at))
            .map(|e| &text[..e])
            .collect();
        assert_eq!(ends, ["", "Keïta", "Keïta ·", "Keïta · 凯塔", "Keïta · 凯塔 met"]);
    }
}
