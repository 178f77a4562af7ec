//! The screen shown while a large corpus loads: how many documents are read,
//! how long it has taken, and then that the timeline is being assembled.

use super::theme::Theme;
use super::{centered, pane_block};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Gauge, Paragraph};
use ratatui::Frame;
use std::time::Duration;

/// How far loading has come.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub elapsed: Duration,
}

pub fn draw(progress: Progress, theme: Theme, frame: &mut Frame) {
    let area = centered(frame.area(), 64, 5);
    if area.width < 12 || area.height < 3 {
        // Too small for a gauge: the count alone.
        let line = format!("{}/{}", progress.done.min(progress.total), progress.total);
        frame.render_widget(Paragraph::new(line), frame.area());
        return;
    }
    let block = pane_block(Line::from(" annals — loading "), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Progress { done, total, elapsed } = progress;
    let done = done.min(total);
    let (label, ratio) = if done < total {
        (format!("reading {done} of {total} documents"), done as f64 / total.max(1) as f64)
    } else {
        (format!("{total} documents read; building the timeline…"), 1.0)
    };
    let [gauge_area, label_area, hint_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    let style = if theme.color { Style::new().fg(Color::Cyan).bg(Color::Black) } else { Style::new() };
    frame.render_widget(Gauge::default().gauge_style(style).ratio(ratio).use_unicode(true), gauge_area);
    frame.render_widget(Paragraph::new(format!("{label} · {:.0} s", elapsed.as_secs_f64())), label_area);
    frame.render_widget(Paragraph::new("q or Ctrl-c cancels").style(theme.dim()), hint_area);
}
