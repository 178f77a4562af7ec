//! The source viewer: the clean text of the shown claim's source, wrapped,
//! with the claim highlighted about a third down the pane, entity mentions
//! coloured by kind and the source's other claims underlined. Side by side,
//! two such panes.

use super::pane_block;
use super::theme::{inert, Theme};
use crate::model::{ClaimId, Corpus};
use crate::notes::Motivation;
use crate::tui::state::{Mode, Pane, State};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use std::ops::Range;

pub fn draw(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame) {
    let focused = state.focus == Pane::Source;
    let right_focused = state.focused_slot() == 1;
    pane(state, corpus, theme, frame, 0, state.shown, focused && !right_focused);
    if state.side.is_some() {
        pane(state, corpus, theme, frame, 1, state.side, focused && right_focused);
    }
}

/// Draws source pane `slot` (0 the left or only one, 1 the right), as
/// [`State::settle`] laid it out.
fn pane(
    state: &State,
    corpus: &Corpus,
    theme: Theme,
    frame: &mut Frame,
    slot: usize,
    claim: Option<ClaimId>,
    focused: bool,
) {
    let area = if slot == 0 { state.areas.source } else { state.areas.source_right };
    let Some(claim_id) = claim else {
        frame.render_widget(
            Paragraph::new("no claim selected").block(pane_block(Line::raw(" Source "), focused, theme)),
            area,
        );
        return;
    };
    let claim = &corpus.claims[claim_id];
    let source = &corpus.sources[claim.source];
    let height = area.height.saturating_sub(2) as usize;
    // Search hits in this source.
    let hits: Vec<Range<usize>> = match &state.search {
        Some(s) if s.pane == Pane::Source && Some(claim_id) == state.shown => {
            s.hits.iter().map(|&h| h..h + s.query.trim().len()).collect()
        }
        _ => Vec::new(),
    };
    let lines = &state.layouts[slot].lines;
    let top = state.areas.source_tops[slot].min(lines.len().saturating_sub(1));
    let visible = &lines[top..(top + height).min(lines.len())];
    let window = visible.first().map_or(0, |l| l.start)..visible.last().map_or(0, |l| l.end);
    let mut marks = marks(state, corpus, claim_id, slot, window.clone(), theme);
    let first_hit = hits.partition_point(|h| h.end <= window.start);
    for h in hits[first_hit..].iter().take_while(|h| h.start < window.end) {
        marks.push((h.clone(), theme.matched().add_modifier(ratatui::style::Modifier::REVERSED)));
    }
    let shown: Vec<Line> = visible.iter().map(|l| styled_line(&source.text, l.clone(), &marks)).collect();
    let date = source.published.as_ref().map_or("undated".to_string(), |d| d.display());
    let grade = source.reliability.map_or(String::new(), |r| format!(" · {r}"));
    let title = Line::raw(format!(" {} · {} · {date}{grade} ", inert(&source.title), source.kind.as_str()));
    frame.render_widget(Paragraph::new(shown).block(pane_block(title, focused, theme)), area);
    notes(state, theme, frame, area, claim_id);
}

/// The analyst's notes on the shown claim, in a box over the foot of the
/// pane (the claim stands a third down, above it).
fn notes(state: &State, theme: Theme, frame: &mut Frame, area: Rect, claim: ClaimId) {
    let event = state.index.claim_event[claim];
    let on_claim = state.notes.of_event(event).filter(|(n, p)| p.claim == Some(claim) && n.body.is_some());
    let mut lines: Vec<Line> = Vec::new();
    let mut moved = false;
    for (note, placed) in on_claim {
        moved |= placed.moved();
        lines.extend(note.body.iter().flat_map(|b| b.split('\n')).map(|l| Line::raw(inert(l))));
    }
    if lines.is_empty() || area.height < 8 {
        return;
    }
    let height = (lines.len() as u16 + 1).min(area.height / 3).max(2);
    let boxed =
        Rect { x: area.x + 1, y: area.y + area.height - height - 1, width: area.width.saturating_sub(2), height };
    let title = match (moved, area.width >= 60) {
        (true, true) => " ✎ note · moved: its passage was edited, check it ",
        (true, false) => " ✎ note · moved ",
        (false, _) => " ✎ note ",
    };
    let block = Block::default().borders(Borders::TOP).border_style(theme.year()).title(title);
    frame.render_widget(Clear, boxed);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), boxed);
}

/// Styled ranges of the shown source inside `window` (the visible bytes),
/// later ones drawn over earlier ones. Found by binary search, so a frame
/// costs the same whatever the size of the source.
fn marks(
    state: &State,
    corpus: &Corpus,
    claim_id: ClaimId,
    slot: usize,
    window: Range<usize>,
    theme: Theme,
) -> Vec<(Range<usize>, Style)> {
    let claim = &corpus.claims[claim_id];
    let mut out: Vec<(Range<usize>, Style)> = Vec::new();
    let rejected = &corpus.sources[claim.source].rejected;
    let first = rejected.partition_point(|r| r.end <= window.start);
    for r in rejected[first..].iter().take_while(|r| r.start < window.end) {
        out.push((r.clone(), theme.rejected()));
    }
    let claims = &state.index.claims[claim.source];
    // Sentences may start before the window; a few steps back catch those.
    let first = claims.partition_point(|&c| corpus.claims[c].sentence.start < window.start).saturating_sub(8);
    for &other in claims[first..].iter().take_while(|&&c| corpus.claims[c].sentence.start < window.end) {
        if corpus.claims[other].sentence != claim.sentence {
            out.push((corpus.claims[other].sentence.clone(), theme.other_claim()));
        }
    }
    // Under the claim's colours: inside the claim, a noted passage is underlined.
    let notes = state.notes.notes().iter().zip(state.notes.placed());
    for (_, placed) in notes.filter(|(n, p)| n.motivation == Motivation::Commenting && p.source == Some(claim.source)) {
        let range = placed.placement.range().filter(|r| r.start < window.end && window.start < r.end);
        out.extend(range.map(|r| (r, theme.noted())));
    }
    out.push((claim.sentence.clone(), theme.claim()));
    let mentions = &state.layouts[slot].marks;
    let first = mentions.partition_point(|m| m.range().end <= window.start);
    for m in mentions[first..].iter().take_while(|m| m.range().start < window.end) {
        let range = m.range();
        let inside = claim.sentence.start <= range.start && range.end <= claim.sentence.end;
        let base = if inside { theme.claim() } else { Style::new() };
        out.push((range, base.patch(theme.kind(m.kind))));
    }
    out.push((claim.date_clean.clone(), theme.claim_date()));
    if let Mode::Passage(p) = &state.mode {
        if p.slot == slot {
            out.push((p.range.clone(), theme.selected()));
        }
    }
    out
}

/// One wrapped line with the styles of the marks that cover each part.
fn styled_line(text: &str, line: Range<usize>, marks: &[(Range<usize>, Style)]) -> Line<'static> {
    let mut cuts: Vec<usize> = vec![line.start, line.end];
    for (r, _) in marks.iter().filter(|(r, _)| r.start < line.end && line.start < r.end) {
        cuts.extend([r.start.max(line.start), r.end.min(line.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span> = cuts
        .windows(2)
        .filter(|w| text.is_char_boundary(w[0]) && text.is_char_boundary(w[1]))
        .map(|w| {
            let style = marks
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(Style::new(), |acc, (_, s)| acc.patch(*s));
            Span::styled(inert(&text[w[0]..w[1]]), style)
        })
        .collect();
    Line::from(spans)
}
