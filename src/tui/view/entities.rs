//! The entity sidebar: every entity with its kind glyph and event count,
//! and a card for the selected one.

use super::theme::{inert, Theme};
use super::{columns, fit, fit_showing, pane_block, searched, with_hits};
use crate::model::Corpus;
use crate::tui::state::{EntitySort, Pane, State};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

pub fn draw(state: &mut State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let card_height = if area.height > 24 { 9 } else { 0 };
    let [list_area, card_area] = Layout::vertical([Constraint::Min(3), Constraint::Length(card_height)]).areas(area);
    let rows = list_area.height.saturating_sub(2) as usize;
    state.entities.follow(rows);
    let width = list_area.width.saturating_sub(2) as usize;
    let query = searched(state, Pane::Entities);
    let lines: Vec<Line> = state
        .entity_order
        .iter()
        .enumerate()
        .skip(state.entities.offset)
        .take(rows)
        .map(|(i, &e)| {
            let entity = &corpus.entities[e];
            // Glyph and space, the name, at least one space, the count.
            let count = corpus.entity_events[e].len().to_string();
            let name = fit_showing(&inert(&entity.name), &query, width.saturating_sub(2 + 1 + count.len()));
            let pad = width.saturating_sub(2 + columns(&name) + count.len());
            let mut spans = vec![Span::styled(format!("{} ", Theme::glyph(entity.kind)), theme.kind(entity.kind))];
            spans.extend(with_hits(name, &query, theme.matched()));
            spans.push(Span::styled(format!("{}{count}", " ".repeat(pad)), theme.dim()));
            let mut line = Line::from(spans);
            if i == state.entities.selected {
                line = line.style(theme.selected());
            }
            line
        })
        .collect();
    let sort = match state.entity_sort {
        EntitySort::Count => "count",
        EntitySort::Name => "name",
        EntitySort::Kind => "kind",
    };
    let title = Line::raw(format!(" Entities {} ↓{sort} ", corpus.entities.len()));
    let block = pane_block(title, state.focus == Pane::Entities, theme);
    frame.render_widget(Paragraph::new(lines).block(block), list_area);
    if card_height > 0 {
        card(state, corpus, theme, frame, card_area);
    }
}

/// Kind, aliases, first and last dated event, and sources of the selected entity.
fn card(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(e) = state.selected_entity() else {
        return;
    };
    let entity = &corpus.entities[e];
    let events = &corpus.entity_events[e];
    // The card shows a few hundred characters: at a gigabyte one entity is
    // named in 50 000 sources, and joining them all cost 20 ms a frame.
    let room = area.width as usize * area.height as usize;
    // Titles, which say what a document is, where ids are file names; they may hold commas.
    let sources = joined(entity.sources().map(|s| corpus.sources[s].title.as_str()), "; ", room);
    let aliases = joined(entity.aliases.iter().map(String::as_str), ", ", room);
    let first_last = match (events.first(), events.last()) {
        (Some(a), Some(b)) => format!("{} … {}", corpus.events[*a].date.display(), corpus.events[*b].date.display()),
        _ => "no dated event".to_string(),
    };
    let lines = vec![
        Line::from(Span::styled(
            format!("{} {}", Theme::glyph(entity.kind), entity.kind.as_str()),
            theme.kind(entity.kind),
        )),
        Line::raw(format!("aka {}", inert(&aliases))),
        Line::raw(format!("events {first_last}")),
        Line::raw(format!("{} mentions in {}", entity.mentions.len(), inert(&sources))),
    ];
    let block = pane_block(Line::raw(format!(" {} ", fit(&inert(&entity.name), 30))), false, theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }).block(block), area);
}

/// `items` joined by commas, stopping once `room` characters are filled:
/// what lies beyond could not be shown.
fn joined<'a>(items: impl Iterator<Item = &'a str>, separator: &str, room: usize) -> String {
    let mut out = String::new();
    for item in items {
        if out.len() >= room {
            break;
        }
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::joined;

    #[test]
    fn joins_only_what_could_be_shown() {
        let names = ["alpha", "beta", "gamma", "delta"];
        assert_eq!(joined(names.iter().copied(), ", ", 100), "alpha, beta, gamma, delta");
        assert_eq!(joined(names.iter().copied(), ", ", 11), "alpha, beta");
        assert_eq!(joined(names.iter().copied(), "; ", 12), "alpha; beta; gamma");
        assert_eq!(joined(std::iter::empty(), ", ", 10), "");
    }
}
