//! The help overlay, generated from the key map.

use super::theme::Theme;
use super::{centered, pane_block};
use crate::tui::keymap::{Scope, BINDINGS};
use crate::tui::state::Pane;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

pub fn draw(theme: Theme, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            let scope = match b.scope {
                Scope::Everywhere => "",
                Scope::In(Pane::Entities) => "entities: ",
                Scope::In(Pane::Timeline) => "timeline: ",
                Scope::In(Pane::Source) => "source: ",
            };
            Line::from(vec![
                Span::styled(format!("{:<14}", b.keys), theme.year()),
                Span::raw(format!("{scope}{}", b.help)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("mouse: click focuses and selects, the wheel scrolls · Esc closes", theme.dim()));
    let rect = centered(area, 78, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(pane_block(Line::raw(" Keys "), true, theme)), rect);
}
