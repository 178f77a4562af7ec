//! Where everything stands on a screen of a given size: the panes, which of
//! them exist at that width, and the rows each shows. Worked out in
//! [`super::settle`] after every change, read by drawing and by the mouse.

use super::state::Pane;
use ratatui::layout::{Constraint, Layout, Rect};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Below this the browser says so instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;
/// From this width of the source area (a terminal of about 160 columns)
/// two sources stand left and right, each about forty columns wide.
const SIDE_BY_SIDE_FROM: u16 = 76;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    pub screen: Rect,
    /// Smaller than [`MIN_WIDTH`] × [`MIN_HEIGHT`]: nothing else is laid out.
    pub too_small: bool,
    pub header: Rect,
    /// The sidebar, empty when the terminal is too narrow for it.
    pub entities: Rect,
    pub entity_list: Rect,
    /// The selected entity's card, empty when the sidebar is too short for it.
    pub card: Rect,
    pub timeline: Rect,
    pub source: Rect,
    /// The second source side by side, empty when there is none.
    pub source_right: Rect,
    pub detail: Rect,
    pub status: Rect,
    /// The rows of the timeline pane, top to bottom.
    pub timeline_rows: Vec<TimelineRow>,
    /// The first line each source pane shows (left or top, right or bottom).
    pub source_tops: [usize; 2],
}

/// A row of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    /// The separator before a year's events.
    Year(i32),
    /// The event at this position of the timeline.
    Event(usize),
}

impl Areas {
    /// The panes of `screen`, with two sources when `side_by_side`, and the
    /// selected event's line in `detail_rows` rows.
    pub fn of(screen: Rect, side_by_side: bool, detail_rows: u16) -> Self {
        if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
            return Areas { screen, too_small: true, ..Areas::default() };
        }
        let [header, body, detail, status] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(5),
            Constraint::Length(detail_rows),
            Constraint::Length(1),
        ])
        .areas(screen);
        // Narrow terminals collapse the sidebar; wide ones give the source more room.
        let sidebar = match screen.width {
            150.. => 30,
            100.. => 24,
            _ => 0,
        };
        let [entities, main] = Layout::horizontal([Constraint::Length(sidebar), Constraint::Min(10)]).areas(body);
        let card_height = if entities.width > 0 && entities.height > 24 { 9 } else { 0 };
        let [entity_list, card] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(card_height)]).areas(entities);
        let [timeline, sources] =
            Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)]).areas(main);
        let (source, source_right) = if !side_by_side {
            (sources, Rect::default())
        } else if sources.width >= SIDE_BY_SIDE_FROM {
            // Left and right where each pane keeps a readable measure; stacked where not.
            let [left, right] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(sources);
            (left, right)
        } else {
            let [top, bottom] = Layout::vertical([Constraint::Percentage(50); 2]).areas(sources);
            (top, bottom)
        };
        let (entity_list, card) = if entities.width > 0 { (entity_list, card) } else { Default::default() };
        Areas {
            screen,
            too_small: false,
            header,
            entities,
            entity_list,
            card,
            timeline,
            source,
            source_right,
            detail,
            status,
            timeline_rows: Vec::new(),
            source_tops: [0; 2],
        }
    }

    /// Whether `pane` is on this screen (every pane is on a screen too
    /// small to draw: the focus stays where it was put).
    pub fn shows(&self, pane: Pane) -> bool {
        pane != Pane::Entities || self.entities.width > 0 || self.too_small
    }

    /// The palette's overlay.
    pub fn palette(&self) -> Rect {
        centered(self.screen, 72, self.screen.height.saturating_sub(4).min(22))
    }
}

/// How many rows a bordered pane of `area` shows.
pub fn inner_rows(area: Rect) -> usize {
    area.height.saturating_sub(2) as usize
}

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height.saturating_sub(2));
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// Word-wraps `text` to `width` columns: byte ranges of the lines, without
/// their line breaks.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for paragraph in text.split_inclusive('\n') {
        let body = paragraph.trim_end_matches('\n');
        wrap_paragraph(body, at, width.max(1), &mut out);
        at += paragraph.len();
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

fn wrap_paragraph(body: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    let mut start = 0;
    let mut col = 0;
    let mut last_space: Option<usize> = None;
    for (i, c) in body.char_indices() {
        let w = c.width().unwrap_or(1);
        if col + w > width && i > start {
            let cut = last_space.filter(|&s| s > start).unwrap_or(i);
            out.push(base + start..base + cut);
            start = if last_space == Some(cut) { cut + 1 } else { cut };
            col = body[start..i].chars().map(|c| c.width().unwrap_or(1)).sum();
            last_space = None;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        col += w;
    }
    out.push(base + start..base + body.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_keeps_every_byte_reachable() {
        let text = "one two three four\nfive";
        let lines: Vec<&str> = wrap(text, 9).into_iter().map(|r| &text[r]).collect();
        assert_eq!(lines, ["one two", "three", "four", "five"]);
        let long = "abcdefghijkl";
        let lines: Vec<&str> = wrap(long, 5).into_iter().map(|r| &long[r]).collect();
        assert_eq!(lines, ["abcde", "fghij", "kl"]);
    }

    #[test]
    fn the_sidebar_and_the_card_exist_only_where_they_fit() {
        let at = |w, h| Areas::of(Rect::new(0, 0, w, h), false, 1);
        assert!(at(59, 40).too_small && at(80, 14).too_small);
        assert_eq!(at(99, 40).entities.width, 0);
        assert_eq!((at(100, 40).entities.width, at(150, 40).entities.width), (24, 30));
        assert_eq!(at(120, 24).card.height, 0, "a short sidebar has no card");
        assert_eq!(at(120, 40).card.height, 9);
        let side = Areas::of(Rect::new(0, 0, 200, 40), true, 1);
        assert_eq!(side.source.y, side.source_right.y, "left and right on a wide screen");
        let stacked = Areas::of(Rect::new(0, 0, 120, 40), true, 1);
        assert_eq!(stacked.source.x, stacked.source_right.x, "stacked on a narrow one");
    }
}
