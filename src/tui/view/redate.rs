//! A claim's new date being typed: a small box over the middle of the
//! screen, with the claim's words and why a date was not taken.

use super::theme::{inert, Theme};
use super::{fit, pane_block};
use crate::model::Corpus;
use crate::tui::correct::DateInput;
use crate::tui::layout::centered;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

pub fn draw(input: &DateInput, corpus: &Corpus, theme: Theme, frame: &mut Frame, screen: Rect) {
    let area = centered(screen, 72, 5);
    let room = usize::from(area.width).saturating_sub(4);
    let block = pane_block(Line::raw(format!(" Date · was {} ", input.was)), true, theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let claim = &corpus.claims[input.claim];
    let words = corpus.claim_text(claim).split_whitespace().collect::<Vec<_>>().join(" ");
    let said = match &input.problem {
        Some(problem) => Span::styled(fit(problem, room), theme.conflict()),
        None => Span::styled(fit("2009-11-30 · 2012-03 · 1960 · FY2014 · 2016/2020", room), theme.dim()),
    };
    let lines = vec![
        Line::styled(fit(&inert(&words), room), theme.dim()),
        Line::from(vec![
            Span::raw(fit(&inert(&input.typed), room.saturating_sub(1))),
            Span::styled("▏", theme.selected()),
        ]),
        Line::from(said),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
