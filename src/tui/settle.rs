//! What depends on the screen, worked out after every change and before
//! drawing, so that drawing only reads: where each pane stands and which
//! exist at this width, where the focus goes when its pane is hidden, the
//! scroll that keeps each selection in sight, the rows of the timeline and
//! the lines of the sources.

use super::layout::{inner_rows, wrap, Areas, TimelineRow};
use super::state::{Pane, State};
use crate::model::{ClaimId, Corpus};
use ratatui::layout::Rect;

impl State {
    /// Lays the state out on a screen of `screen`'s size.
    pub fn resize(&mut self, corpus: &Corpus, screen: Rect) {
        self.areas.screen = screen;
        self.settle(corpus);
    }

    /// Brings everything that depends on the screen up to date.
    pub fn settle(&mut self, corpus: &Corpus) {
        let screen = self.areas.screen;
        // A title too long for one row takes two, where the screen has the rows.
        let detail_rows = if screen.height >= 24 { super::view::detail_rows(self, corpus, screen.width) } else { 1 };
        let mut areas = Areas::of(screen, self.side.is_some(), detail_rows);
        if !areas.shows(Pane::Entities) && self.focus == Pane::Entities {
            self.focus = Pane::Timeline;
        }
        if areas.too_small {
            // Nothing is drawn: every scroll stays where it was.
            self.areas = areas;
            return;
        }
        self.entities.follow(inner_rows(areas.entity_list));
        areas.timeline_rows = self.follow_timeline(corpus, inner_rows(areas.timeline));
        let right = self.focused_slot() == 1;
        let (left_scroll, right_scroll) = if right { (None, self.source_scroll) } else { (self.source_scroll, None) };
        areas.source_tops[0] = self.lay_out_source(corpus, 0, self.shown, areas.source, left_scroll);
        areas.source_tops[1] = self.lay_out_source(corpus, 1, self.side, areas.source_right, right_scroll);
        // A scroll past the end stops at the last page: the next key scrolls back at once.
        if self.source_scroll.is_some() {
            self.source_scroll = Some(areas.source_tops[usize::from(right)]);
        }
        let palette_rows = (areas.palette().height as usize).saturating_sub(3);
        if let Some(p) = self.palette_mut() {
            p.cursor.follow(palette_rows);
        }
        self.areas = areas;
    }

    /// The first line the focused source pane shows.
    pub fn source_top(&self) -> usize {
        self.areas.source_tops[self.focused_slot()]
    }

    /// Scrolls the timeline so that the selection is in sight, counting the
    /// year separators; the rows it then shows.
    fn follow_timeline(&mut self, corpus: &Corpus, height: usize) -> Vec<TimelineRow> {
        if self.events.is_empty() {
            self.timeline = Default::default();
            return Vec::new();
        }
        let year = |pos: usize| corpus.events[self.events[pos]].date.year_of();
        let cursor = &mut self.timeline;
        cursor.offset = cursor.offset.min(cursor.selected);
        // Without separators the selection would need this much; with them, a little more.
        cursor.offset = cursor.offset.max((cursor.selected + 1).saturating_sub(height.max(1)));
        while cursor.offset < cursor.selected {
            let mut rows = 0;
            let mut last_year = None;
            for pos in cursor.offset..=cursor.selected.min(self.events.len() - 1) {
                if last_year != Some(year(pos)) {
                    rows += 1;
                    last_year = Some(year(pos));
                }
                rows += 1;
            }
            if rows <= height.max(1) {
                break;
            }
            cursor.offset += 1;
        }
        let mut rows = Vec::with_capacity(height);
        let mut last_year = None;
        for pos in cursor.offset..self.events.len() {
            if rows.len() >= height {
                break;
            }
            let y = year(pos);
            if last_year != Some(y) {
                last_year = Some(y);
                rows.push(TimelineRow::Year(y));
                if rows.len() >= height {
                    break;
                }
            }
            rows.push(TimelineRow::Event(pos));
        }
        rows
    }

    /// Wraps the source of `claim` to the pane `area` (once per source and
    /// width) and finds its first line shown: `scroll`, or the claim (or the
    /// current search hit) about a third down.
    fn lay_out_source(
        &mut self,
        corpus: &Corpus,
        slot: usize,
        claim: Option<ClaimId>,
        area: Rect,
        scroll: Option<usize>,
    ) -> usize {
        let Some(claim_id) = claim.filter(|_| area.width > 0) else {
            return 0;
        };
        let claim = &corpus.claims[claim_id];
        let width = area.width.saturating_sub(2).max(1);
        let layout = &mut self.layouts[slot];
        if layout.key.map(|(s, _)| s) != Some(claim.source) {
            layout.marks = self.index.marks(corpus, claim.source);
        }
        if layout.key != Some((claim.source, width)) {
            layout.lines = wrap(&corpus.sources[claim.source].text, width as usize);
            layout.key = Some((claim.source, width));
        }
        let hit = match &self.search {
            Some(s) if s.pane == Pane::Source && Some(claim_id) == self.shown => s.hits.get(s.current).copied(),
            _ => None,
        };
        let anchor = hit.unwrap_or(claim.sentence.start);
        let lines = &layout.lines;
        let anchor_line = lines.partition_point(|l| l.end <= anchor).min(lines.len().saturating_sub(1));
        let height = inner_rows(area);
        match scroll {
            Some(top) => top.min(lines.len().saturating_sub(height)),
            None => anchor_line.saturating_sub(height / 3).min(lines.len().saturating_sub(1)),
        }
    }
}
