//! The note being written: a box over the middle of the screen, titled
//! with the event it is about, holding the text area.

use super::theme::{inert, Theme};
use super::{fit, pane_block};
use crate::tui::editor::Editor;
use crate::tui::layout::centered;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Clear;
use ratatui::Frame;

pub fn draw(editor: &Editor, theme: Theme, frame: &mut Frame, screen: Rect) {
    let area = centered(screen, 72, screen.height.saturating_sub(6).clamp(3, 14));
    let room = usize::from(area.width).saturating_sub(12);
    let title = Line::raw(format!(" Note · {} ", fit(&inert(&editor.about), room)));
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut text = editor.text.clone();
    text.set_cursor_line_style(ratatui::style::Style::new());
    text.set_cursor_style(theme.selected().add_modifier(Modifier::REVERSED));
    text.set_placeholder_style(theme.dim());
    frame.render_widget(&text, inner);
}
