//! The status bar: filter, position, search, and the keys of the focused pane.

use super::theme::Theme;
use crate::model::Corpus;
use crate::tui::keymap;
use crate::tui::state::State;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    if let Some(notice) = &state.notice {
        spans.push(Span::styled(format!(" {notice} "), theme.conflict()));
        spans.push(Span::raw(" "));
    }
    if let Some(e) = state.filter {
        spans.push(Span::styled(
            format!(" filter: {} ", super::theme::inert(&corpus.entities[e].name)),
            theme.selected(),
        ));
        spans.push(Span::raw(" "));
    }
    let position = if state.events.is_empty() {
        "0/0".to_string()
    } else {
        format!("{}/{}", state.timeline.selected + 1, state.events.len())
    };
    spans.push(Span::styled(position, Style::new().add_modifier(Modifier::BOLD)));
    if let Some(s) = &state.search {
        let cursor = if s.editing { "▏" } else { "" };
        let count =
            if s.hits.is_empty() { "no hits".to_string() } else { format!("{}/{} hits", s.current + 1, s.hits.len()) };
        spans.push(Span::raw(format!("  /{}{cursor}  {count}", super::theme::inert(&s.query))));
    }
    spans.push(Span::styled(format!("   {}", keymap::hints(state.focus)), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
