//! The timeline: one row per event with its date at its own precision, its
//! kind, a short title, how many sources tell it and a conflict mark; year
//! separators between years. Only the visible rows are built.

use super::theme::{inert, Theme};
use super::{columns, fit, fit_showing, pane_block, searched, with_hits};
use crate::model::Corpus;
use crate::tui::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// From this inner width the kind column holds whole kinds.
const WHOLE_KINDS_FROM: usize = 60;
/// The kind column below that width: `coup`, `aid`, `agr.`, `dip.`.
const SHORT_KIND: usize = 4;

pub fn draw(state: &mut State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let height = area.height.saturating_sub(2) as usize;
    follow(state, corpus, height);
    let width = area.width.saturating_sub(2) as usize;
    // Whole kinds (`agreement`, `publication`) where titles keep room; abbreviated (`agr.`) where not.
    let kind_width = if width >= WHOLE_KINDS_FROM { state.index.kind_width.clamp(8, 12) } else { SHORT_KIND };
    // Whole dates (`FY2016–FY2020`, `2009-11-01–2009-11-10`) where there is room, cut where not.
    let date_width = if width >= WHOLE_KINDS_FROM { state.index.date_width.clamp(10, 21) } else { 10 };
    let query = searched(state, Pane::Timeline);
    let mut lines = Vec::with_capacity(height);
    let mut rows = Vec::with_capacity(height);
    let mut year = None;
    for pos in state.timeline.offset..state.events.len() {
        if lines.len() >= height {
            break;
        }
        let event = &corpus.events[state.events[pos]];
        let y = event.date.year_of();
        if year != Some(y) {
            year = Some(y);
            lines.push(Line::styled(format!("── {y} {}", "─".repeat(width.saturating_sub(8))), theme.year()));
            rows.push(None);
            if lines.len() >= height {
                break;
            }
        }
        let sources = state.index.event_sources[state.events[pos]];
        let mark = if event.conflict { "≠" } else { " " };
        let date = fit(&event.date.display(), date_width);
        let kind = short_kind(&event.kind, kind_width);
        let title_width = width.saturating_sub(date_width + 1 + kind_width + 1 + 4);
        let mut spans = vec![
            Span::raw(format!("{date:<date_width$} ")),
            Span::styled(format!("{kind:<kind_width$} "), theme.kind_label(&event.kind)),
        ];
        let title = padded(fit_showing(&inert(&event.title), &query, title_width), title_width);
        spans.extend(with_hits(title, &query, theme.matched()));
        spans.push(Span::styled(format!("{sources:>2}"), theme.dim()));
        spans.push(Span::styled(format!("{mark} "), theme.conflict()));
        let mut line = Line::from(spans);
        if pos == state.timeline.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
        rows.push(Some(pos));
    }
    state.areas.timeline_rows = rows;
    let filter = state.filter.map_or(String::new(), |e| format!(" · {}", inert(&corpus.entities[e].name)));
    let title = Line::raw(format!(" Timeline {}{filter} ", state.events.len()));
    frame.render_widget(Paragraph::new(lines).block(pane_block(title, state.focus == Pane::Timeline, theme)), area);
    if state.events.is_empty() {
        let hint = Line::styled(" no events (Esc clears the filter)", theme.dim());
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

/// Scrolls so the selection is visible, counting the year separators.
fn follow(state: &mut State, corpus: &Corpus, height: usize) {
    if state.events.is_empty() {
        state.timeline = Default::default();
        return;
    }
    let cursor = &mut state.timeline;
    if cursor.selected < cursor.offset {
        cursor.offset = cursor.selected;
    }
    // Without separators the selection would need this much; with them, a little more.
    cursor.offset = cursor.offset.max((cursor.selected + 1).saturating_sub(height.max(1)));
    let year = |pos: usize| corpus.events[state.events[pos]].date.year_of();
    loop {
        let mut rows = 0;
        let mut last_year = None;
        for pos in cursor.offset..=cursor.selected.min(state.events.len().saturating_sub(1)) {
            if last_year != Some(year(pos)) {
                rows += 1;
                last_year = Some(year(pos));
            }
            rows += 1;
        }
        if rows <= height.max(1) || cursor.offset >= cursor.selected {
            break;
        }
        cursor.offset += 1;
    }
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
