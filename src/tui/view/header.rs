//! The header: corpus name, counts, date span, and events per year with
//! the selected event's year marked.

use super::theme::Theme;
use crate::model::Corpus;
use crate::text::count;
use crate::tui::state::{Reading, State};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn draw(state: &State, c: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let span = state.index.date_span.as_ref().map_or(String::new(), |(a, b)| format!(" · {a}–{b}"));
    let mut title = Line::from(Span::styled(
        format!(" {} ", super::theme::inert(&c.name)),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    // First, so that a narrow terminal still says the corpus is not all there.
    if let Some(reading) = state.reading {
        title.push_span(Span::styled(format!(" {} ", reading_status(reading, c.sources.len())), theme.conflict()));
        title.push_span(Span::raw(" "));
    }
    title.push_span(Span::raw(format!(
        "· {} · {} · {}{span}",
        count(c.sources.len(), "source"),
        count(c.events.len(), "event"),
        count(c.entities.len(), "entity")
    )));
    let selected_year = state.selected_event().map(|e| c.events[e].date.year_of());
    let width = area.width.saturating_sub(12) as usize;
    let histogram = histogram(&state.index.years, selected_year, width, theme);
    frame.render_widget(Paragraph::new(vec![title, histogram]), area);
}

/// What a preview is, and how far the whole corpus is read.
fn reading_status(reading: Reading, shown: usize) -> String {
    let Reading { done, total, ready } = reading;
    if ready {
        return format!("preview: all {total} documents read, shown when you stop typing");
    }
    if done >= total {
        return format!("preview of {shown}: all {total} documents read, building the timeline…");
    }
    format!("preview of {shown}: reading {done} of {total} documents ({} %)", done * 100 / total.max(1))
}

/// One column per year (or per group of years when they do not fit).
fn histogram(years: &[(i32, usize)], selected: Option<i32>, width: usize, theme: Theme) -> Line<'static> {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Line::default();
    };
    let span = (last.0 - first.0 + 1) as usize;
    let per_column = span.div_ceil(width.max(1)).max(1);
    let columns = span.div_ceil(per_column);
    let mut counts = vec![0usize; columns];
    for (y, n) in years {
        counts[((y - first.0) as usize) / per_column] += n;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let mut spans = vec![Span::styled(format!(" {} ", first.0), theme.dim())];
    for (i, n) in counts.iter().enumerate() {
        let bar = if *n == 0 { ' ' } else { BARS[(n * 7).div_ceil(max).min(7)] };
        let year = first.0 + (i * per_column) as i32;
        let here = selected.is_some_and(|s| s >= year && s < year + per_column as i32);
        let style = if here { theme.conflict().add_modifier(Modifier::REVERSED) } else { theme.year() };
        spans.push(Span::styled(if here && *n == 0 { "▏".to_string() } else { bar.to_string() }, style));
    }
    spans.push(Span::styled(format!(" {}", last.0), theme.dim()));
    Line::from(spans)
}
