//! A claim's new date or an entity's new name being typed: a small box
//! over the middle of the screen, with what it is for and why a value was
//! not taken.

use super::theme::{inert, Theme};
use super::{fit, pane_block};
use crate::model::Corpus;
use crate::tui::correct::{Prompt, Prompted};
use crate::tui::layout::centered;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

pub fn draw(prompt: &Prompt, corpus: &Corpus, theme: Theme, frame: &mut Frame, screen: Rect) {
    let area = centered(screen, 72, 5);
    let room = usize::from(area.width).saturating_sub(4);
    let (title, about, hint) = match prompt.of {
        Prompted::Date(claim) => (
            format!(" Date · was {} ", prompt.was),
            crate::text::one_line(corpus.claim_text(&corpus.claims[claim])),
            "2009-11-30 · 2012-03 · 1960 · FY2014 · 2016/2020".to_string(),
        ),
        Prompted::Name(entity) => (
            format!(" Name · was {} ", fit(&inert(&prompt.was), room.saturating_sub(12))),
            format!("{} of {}", crate::text::count(corpus.entities[entity].mentions.len(), "mention"), prompt.was),
            "a new name renames it; another entity's merges it into that one".to_string(),
        ),
        Prompted::Split(entity) => {
            let entity = &corpus.entities[entity];
            (
                format!(" Split · {} ", fit(&inert(&entity.name), room.saturating_sub(10))),
                format!("written as {}", entity.aliases.join(", ")),
                "the name typed becomes an entity of its own".to_string(),
            )
        }
    };
    let block = pane_block(Line::raw(title), true, theme);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let said = match &prompt.problem {
        Some(problem) => Span::styled(fit(problem, room), theme.conflict()),
        None => Span::styled(fit(&hint, room), theme.dim()),
    };
    let typed = Span::raw(fit(&inert(&prompt.typed), room.saturating_sub(1)));
    let lines = vec![
        Line::styled(fit(&inert(&about), room), theme.dim()),
        Line::from(vec![typed, Span::styled("▏", theme.selected())]),
        Line::from(said),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
