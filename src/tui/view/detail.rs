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
    let Some(e) = state.selected_event() else {
        return;
    };
    let event = &corpus.events[e];
    let sources = count(state.index.event_sources[e] as usize, "source");
    let conflict = if event.conflict { " · ≠ dated differently" } else { "" };
    let yours = event.claims.iter().any(|&c| corpus.claims[c].resolved == Resolution::User);
    let yours = if yours { " · dated by you (annals.toml)" } else { "" };
    let tail = format!(" · {sources}{conflict}{yours}");
    let head = format!(" {} · {} · ", event.date.display(), event.kind);
    let room = usize::from(area.width).saturating_sub(super::columns(&head) + super::columns(&tail));
    let line = Line::from(vec![
        Span::styled(head, theme.dim()),
        Span::raw(fit(&inert(&event.title), room)),
        Span::styled(tail, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
