//! The timeline: one row per event with its date at its own precision, its
//! kind, a short title, how many sources tell it and a conflict mark; year
//! separators between years, in the rows [`crate::tui::layout`] gave it.

use super::theme::{inert, Theme};
use super::{columns, fit, fit_showing, pane_block, searched, with_hits};
use crate::model::Corpus;
use crate::tui::layout::TimelineRow;
use crate::tui::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// From this inner width the kind column holds whole kinds.
const WHOLE_KINDS_FROM: usize = 60;
/// The kind column below that width: `coup`, `aid`, `agr.`, `dip.`.
const SHORT_KIND: usize = 4;

pub fn draw(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(2) as usize;
    // Whole kinds (`agreement`, `publication`) where titles keep room; abbreviated (`agr.`) where not.
    let kind_width = if width >= WHOLE_KINDS_FROM { state.index.kind_width.clamp(8, 12) } else { SHORT_KIND };
    // Whole dates (`FY2016–FY2020`, `2009-11-01–2009-11-10`) where there is room, cut where not.
    let date_width = if width >= WHOLE_KINDS_FROM { state.index.date_width.clamp(10, 21) } else { 10 };
    let query = searched(state, Pane::Timeline);
    let row = |pos: usize| {
        let event = &corpus.events[state.events[pos]];
        let sources = state.index.event_sources[state.events[pos]];
        let mark = if event.conflict { "≠" } else { " " };
        let date = fit(&event.date.display(), date_width);
        let kind = short_kind(&event.kind, kind_width);
        let title_width = width.saturating_sub(date_width + 1 + kind_width + 1 + 4 + 2);
        let mut spans = vec![
            Span::raw(format!("{date:<date_width$} ")),
            Span::styled(format!("{kind:<kind_width$} "), theme.kind_label(&event.kind)),
        ];
        let title = padded(fit_showing(&inert(&event.title), &query, title_width), title_width);
        spans.extend(with_hits(title, &query, theme.matched()));
        spans.push(Span::styled(format!("{sources:>2}"), theme.dim()));
        spans.push(Span::styled(format!("{mark} "), theme.conflict()));
        // The analyst's own: a mark, a note.
        let id = state.events[pos];
        let flag = if state.notes.is_marked(id) { "★" } else { " " };
        let noted = if state.notes.is_noted(id) { "✎" } else { " " };
        spans.push(Span::styled(format!("{flag}{noted}"), theme.year()));
        let line = Line::from(spans);
        if pos == state.timeline.selected {
            line.style(theme.selected())
        } else {
            line
        }
    };
    let lines: Vec<Line> = (state.areas.timeline_rows.iter())
        .map(|r| match *r {
            TimelineRow::Year(y) => {
                Line::styled(format!("── {y} {}", "─".repeat(width.saturating_sub(8))), theme.year())
            }
            TimelineRow::Event(pos) => row(pos),
        })
        .collect();
    let filter = state.filter.map_or(String::new(), |e| format!(" · {}", inert(&corpus.entities[e].name)));
    let marked = if state.marked_only { " · marked" } else { "" };
    let title = Line::raw(format!(" Timeline {}{filter}{marked} ", state.events.len()));
    frame.render_widget(Paragraph::new(lines).block(pane_block(title, state.focus == Pane::Timeline, theme)), area);
    if state.events.is_empty() {
        let hint =
            if state.marked_only { " no marked events (M shows all)" } else { " no events (Esc clears the filter)" };
        let hint = Line::styled(hint, theme.dim());
        let inner = Rect { x: area.x + 1, y: area.y + 1, width: area.width.saturating_sub(2), height: 1 };
        frame.render_widget(Paragraph::new(hint), inner);
    }
}

/// `kind` in `width` columns: whole when it fits, else its first letters
/// and a full stop, as abbreviations are written (`agreement` → `agr.`).
fn short_kind(kind: &str, width: usize) -> String {
    let kind = inert(kind);
    if kind.chars().count() <= width {
        return kind;
    }
    let mut short: String = kind.chars().take(width.saturating_sub(1)).collect();
    short.push('.');
    short
}

/// `s` and spaces to fill `width` columns.
fn padded(mut s: String, width: usize) -> String {
    let pad = width.saturating_sub(columns(&s));
    s.extend(std::iter::repeat_n(' ', pad));
    s
}

#[cfg(test)]
mod tests {
    use super::short_kind;

    #[test]
    fn a_kind_too_long_for_its_column_is_abbreviated_not_cut() {
        assert_eq!(short_kind("agreement", 4), "agr.");
        assert_eq!(short_kind("publication", 4), "pub.");
        assert_eq!(short_kind("coup", 4), "coup");
        assert_eq!(short_kind("aid", 4), "aid");
        assert_eq!(short_kind("agreement", 12), "agreement");
        assert_eq!(short_kind("rüstung\u{1b}x", 4), "rüs.", "counted in characters, shown inertly");
    }
}
