//! The source viewer: the clean text of the shown claim's source, wrapped,
//! with the claim highlighted about a third down the pane, entity mentions
//! coloured by kind and the source's other claims underlined. Side by side,
//! two such panes.

use super::pane_block;
use super::theme::{inert, Theme};
use crate::model::{ClaimId, Corpus};
use crate::tui::state::{Pane, State};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// From this width of the source area (a terminal of about 160 columns)
/// two sources stand left and right, each about forty columns wide.
const SIDE_BY_SIDE_FROM: u16 = 76;

pub fn draw(state: &mut State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    match state.side {
        None => {
            state.areas.source = area;
            state.areas.source_right = Rect::default();
            let focused = state.focus == Pane::Source;
            let top = pane(state, corpus, theme, frame, area, state.shown, focused, state.source_scroll, 0);
            state.areas.source_top = top;
        }
        Some(right) => {
            // Left and right where each pane keeps a readable measure; stacked where not.
            let halves = [Constraint::Percentage(50), Constraint::Percentage(50)];
            let [left_area, right_area] = if area.width >= SIDE_BY_SIDE_FROM {
                Layout::horizontal(halves).areas(area)
            } else {
                Layout::vertical(halves).areas(area)
            };
            state.areas.source = left_area;
            state.areas.source_right = right_area;
            let focused = state.focus == Pane::Source;
            let (left_scroll, right_scroll) =
                if state.right_focused { (None, state.source_scroll) } else { (state.source_scroll, None) };
            let left_focused = focused && !state.right_focused;
            let top = pane(state, corpus, theme, frame, left_area, state.shown, left_focused, left_scroll, 0);
            let right_focused = focused && state.right_focused;
            let right_top = pane(state, corpus, theme, frame, right_area, Some(right), right_focused, right_scroll, 1);
            state.areas.source_top = if state.right_focused { right_top } else { top };
        }
    }
}

/// Draws one source pane, laid out in `state.layouts[slot]`; returns the
/// first line shown.
#[allow(clippy::too_many_arguments)]
fn pane(
    state: &mut State,
    corpus: &Corpus,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
    claim: Option<ClaimId>,
    focused: bool,
    scroll: Option<usize>,
    slot: usize,
) -> usize {
    let Some(claim_id) = claim else {
        frame.render_widget(
            Paragraph::new("no claim selected").block(pane_block(Line::raw(" Source "), focused, theme)),
            area,
        );
        return 0;
    };
    let claim = &corpus.claims[claim_id];
    let source = &corpus.sources[claim.source];
    let width = area.width.saturating_sub(2).max(1);
    let height = area.height.saturating_sub(2) as usize;
    let layout = &mut state.layouts[slot];
    if layout.key.map(|(s, _)| s) != Some(claim.source) {
        layout.marks = state.index.marks(corpus, claim.source);
    }
    if layout.key != Some((claim.source, width)) {
        layout.lines = wrap(&source.text, width as usize);
        layout.key = Some((claim.source, width));
    }
    // Search hits in this source, and the one to show (else the claim).
    let hits: Vec<Range<usize>> = match &state.search {
        Some(s) if s.pane == Pane::Source && Some(claim_id) == state.shown => {
            s.hits.iter().map(|&h| h..h + s.query.trim().len()).collect()
        }
        _ => Vec::new(),
    };
    let current = state.search.as_ref().and_then(|s| hits.get(s.current)).map(|h| h.start);
    let anchor = current.unwrap_or(claim.sentence.start);
    let lines = &state.layouts[slot].lines;
    let anchor_line = lines.partition_point(|l| l.end <= anchor).min(lines.len().saturating_sub(1));
    let top = scroll.unwrap_or(anchor_line.saturating_sub(height / 3)).min(lines.len().saturating_sub(1));
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
    top
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
    let claims = &state.index.claims[claim.source];
    // Sentences may start before the window; a few steps back catch those.
    let first = claims.partition_point(|&c| corpus.claims[c].sentence.start < window.start).saturating_sub(8);
    for &other in claims[first..].iter().take_while(|&&c| corpus.claims[c].sentence.start < window.end) {
        if corpus.claims[other].sentence != claim.sentence {
            out.push((corpus.claims[other].sentence.clone(), theme.other_claim()));
        }
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
    use super::wrap;

    #[test]
    fn wraps_at_words_and_keeps_every_byte_reachable() {
        let text = "one two three four\nfive";
        let lines: Vec<&str> = wrap(text, 9).into_iter().map(|r| &text[r]).collect();
        assert_eq!(lines, ["one two", "three", "four", "five"]);
        let long = "abcdefghijkl";
        let lines: Vec<&str> = wrap(long, 5).into_iter().map(|r| &long[r]).collect();
        assert_eq!(lines, ["abcde", "fghij", "kl"]);
    }
}
