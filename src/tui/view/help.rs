//! The help overlay, generated from the key map; it scrolls when the
//! terminal is shorter than it.

use super::theme::Theme;
use super::{centered, columns, pane_block};
use crate::tui::keymap::{KeyMap, Scope};
use crate::tui::state::Pane;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

/// How many lines the help has: one a row of the key map, a blank one, the notes.
pub fn lines(keys: &KeyMap) -> usize {
    keys.rows().len() + 1 + NOTES.len()
}

const NOTES: [&str; 2] = [
    "timeline rows: date · kind (agr. is agreement when narrow) · title · sources",
    "mouse: click focuses and selects, the wheel scrolls, a drag in the source chooses a passage",
];

pub fn draw(scroll: usize, keys: &KeyMap, theme: Theme, frame: &mut Frame, area: Rect) {
    let rows = keys.rows();
    let width = rows.iter().map(|r| columns(&r.keys.join(" "))).max().unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|r| {
            let scope = match r.scope {
                Scope::Browse | Scope::Always => "",
                Scope::In(Pane::Entities) => "entities: ",
                Scope::In(Pane::Timeline) => "timeline: ",
                Scope::In(Pane::Source) => "source: ",
                Scope::Palette => "palette: ",
                Scope::Search => "typing a search: ",
                Scope::Help => "help: ",
                Scope::Note => "writing a note: ",
                Scope::Notes => "the list of notes: ",
                Scope::Prompt => "typing a date or a name: ",
                Scope::Passage => "choosing a passage: ",
            };
            Line::from(vec![
                Span::styled(format!("{:<width$} ", r.keys.join(" ")), theme.year()),
                Span::raw(format!("{scope}{}", r.desc)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.extend(NOTES.iter().map(|n| Line::styled(*n, theme.dim())));
    let rect = centered(area, 78, lines.len() as u16 + 2);
    let shown = usize::from(rect.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    let title = if shown >= lines.len() {
        " Keys ".to_string()
    } else {
        format!(" Keys {}–{} of {} ", scroll + 1, (scroll + shown).min(lines.len()), lines.len())
    };
    frame.render_widget(Clear, rect);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(visible).block(pane_block(Line::raw(title), true, theme)), rect);
}
