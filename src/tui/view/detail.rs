//! The detail line: the selected event whole (date, kind, title, how many
//! sources tell it), which the timeline's columns cut on a narrow terminal.

use super::fit;
use super::theme::{inert, Theme};
use crate::model::{Corpus, Resolution};
use crate::text::count;
use crate::tui::state::State;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some((head, title, tail)) = parts(state, corpus) else {
        return;
    };
    let (width, head_columns, tail_columns) = (usize::from(area.width), super::columns(&head), super::columns(&tail));
    let lines = if area.height < 2 {
        let room = width.saturating_sub(head_columns + tail_columns);
        vec![Line::from(vec![
            Span::styled(head, theme.dim()),
            Span::raw(fit(&title, room)),
            Span::styled(tail, theme.dim()),
        ])]
    } else {
        // Two rows: the title's first words after the date and kind, the rest before the count.
        let first = first_row(&title, width.saturating_sub(head_columns));
        let rest = fit(title[first..].trim_start(), width.saturating_sub(tail_columns + 1));
        vec![
            Line::from(vec![Span::styled(head, theme.dim()), Span::raw(title[..first].to_string())]),
            Line::from(vec![Span::raw(format!(" {rest}")), Span::styled(tail, theme.dim())]),
        ]
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// How many rows the selected event's line takes at `width`: two when its
/// title does not fit on one (a title is a whole sentence).
pub fn rows(state: &State, corpus: &Corpus, width: u16) -> u16 {
    let Some((head, title, tail)) = parts(state, corpus) else {
        return 1;
    };
    let fits = super::columns(&head) + super::columns(&title) + super::columns(&tail) <= usize::from(width);
    if fits {
        1
    } else {
        2
    }
}

/// The selected event's line: its date and kind, its title (inert), and
/// how many sources tell it.
fn parts(state: &State, corpus: &Corpus) -> Option<(String, String, String)> {
    let e = state.selected_event()?;
    let event = &corpus.events[e];
    let sources = count(state.index.event_sources[e] as usize, "source");
    let conflict = if event.conflict { " · ≠ dated differently" } else { "" };
    let yours = event.claims.iter().any(|&c| corpus.claims[c].resolved == Resolution::User);
    let yours = if yours { " · dated by you (annals.toml)" } else { "" };
    let head = format!(" {} · {} · ", event.date.display(), event.kind);
    Some((head, inert(&event.title), format!(" · {sources}{conflict}{yours}")))
}

/// The bytes of `title`'s first words that fit in `room` columns (at least
/// one character, so that a word wider than the row is cut, not looped on).
fn first_row(title: &str, room: usize) -> usize {
    let mut end = 0;
    let mut used = 0;
    for (at, c) in title.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > room {
            return if end > 0 {
                end
            } else if at > 0 {
                at
            } else {
                c.len_utf8()
            };
        }
        if c == ' ' {
            end = at;
        }
    }
    title.len()
}
