//! The list of the analyst's marks and notes, over the middle of the
//! screen: those whose passage is gone first, then those that moved, then
//! the others in timeline order.

use super::theme::{inert, Theme};
use super::{fit, pane_block};
use crate::model::Corpus;
use crate::notes::{Motivation, Placement};
use crate::tui::layout::centered;
use crate::tui::state::State;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

pub fn draw(state: &State, corpus: &Corpus, selected: usize, theme: Theme, frame: &mut Frame, screen: Rect) {
    let listed = state.notes.listed();
    let area = centered(screen, 100, screen.height.saturating_sub(4).min(listed.len() as u16 + 2).max(3));
    let width = usize::from(area.width).saturating_sub(2);
    let rows = usize::from(area.height).saturating_sub(2).max(1);
    let first = selected.saturating_sub(rows - 1);
    let lines: Vec<Line> = (listed.iter().enumerate().skip(first).take(rows))
        .map(|(at, &i)| {
            let (note, placed) = (&state.notes.notes()[i], &state.notes.placed()[i]);
            let (status, style) = match placed.placement {
                Placement::Orphan => ("gone  ", theme.conflict()),
                Placement::Moved { .. } => ("moved ", theme.year()),
                Placement::Anchored(_) => ("      ", theme.dim()),
            };
            let kind = if note.motivation == Motivation::Highlighting { "★ " } else { "✎ " };
            let about = match placed.event {
                Some(e) => format!("{} {}", corpus.events[e].date.display(), corpus.events[e].title),
                None => format!("“{}”", note.anchor.exact),
            };
            let body = note.body.as_deref().map_or(String::new(), |b| format!(" — {}", b.replace('\n', " / ")));
            let text = fit(&inert(&format!("{about}{body}")), width.saturating_sub(8));
            let line = Line::from(vec![Span::styled(status, style), Span::raw(kind), Span::raw(text)]);
            if at == selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    let title = Line::raw(format!(" Marks and notes {} ", listed.len()));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(pane_block(title, true, theme)), area);
}
