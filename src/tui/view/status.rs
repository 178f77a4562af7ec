//! The status bar: filter, position, search, and the keys of the focused pane.

use super::theme::Theme;
use crate::model::Corpus;
use crate::tui::keymap::{self, KeyMap};
use crate::tui::state::{Mode, State};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(state: &State, corpus: &Corpus, keys: &KeyMap, theme: Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    if let Some(notice) = &state.notice {
        spans.push(Span::styled(format!(" {} ", super::theme::inert(notice)), theme.conflict()));
        spans.push(Span::raw(" "));
    }
    if let Some(e) = state.filter {
        spans.push(Span::styled(
            format!(" filter: {} ", super::theme::inert(&corpus.entities[e].name)),
            theme.selected(),
        ));
        spans.push(Span::raw(" "));
    }
    let position = if state.events.is_empty() {
        "0/0".to_string()
    } else {
        format!("{}/{}", state.timeline.selected + 1, state.events.len())
    };
    spans.push(Span::styled(position, Style::new().add_modifier(Modifier::BOLD)));
    if let Some(s) = &state.search {
        let cursor = if matches!(state.mode, Mode::Search) { "▏" } else { "" };
        let count =
            if s.hits.is_empty() { "no hits".to_string() } else { format!("{}/{} hits", s.current + 1, s.hits.len()) };
        spans.push(Span::raw(format!("  /{}{cursor}  {count}", super::theme::inert(&s.query))));
    }
    if !state.chord.is_empty() {
        let typed: Vec<String> = state.chord.iter().map(ToString::to_string).collect();
        spans.push(Span::styled(format!("  {}…", typed.join(" ")), theme.selected()));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let hints = keys.hints(state.mode.scope(), state.focus, context(state, corpus));
    let hints = fitted(hints, usize::from(area.width).saturating_sub(used + 3));
    spans.push(Span::styled(format!("   {hints}"), theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// What the hints depend on besides the focused pane.
fn context(state: &State, corpus: &Corpus) -> keymap::Context {
    let closes = if state.search.is_some() {
        "close the search"
    } else if state.side.is_some() {
        "close the side pane"
    } else {
        "clear the filter"
    };
    let closable = state.search.is_some() || state.side.is_some() || state.filter.is_some();
    let event = state.selected_event();
    let several_claims = event.is_some_and(|e| corpus.events[e].claims.len() > 1);
    let several_sources = event.is_some_and(|e| state.index.event_sources[e] > 1);
    keymap::Context { closable, closes, several_claims, several_sources }
}

/// As many hints as fit in `width` columns, each whole, in their order,
/// keeping the last two (help and quit) before any other.
fn fitted(hints: Vec<String>, width: usize) -> String {
    const GAP: usize = 3; // " · "
    let size = |h: &String| unicode_width::UnicodeWidthStr::width(h.as_str()) + GAP;
    let split = hints.len().saturating_sub(2);
    let (others, kept) = hints.split_at(split);
    let mut room = width.saturating_add(GAP);
    let mut tail: Vec<&String> = Vec::new();
    for h in kept {
        if size(h) <= room {
            room -= size(h);
            tail.push(h);
        }
    }
    let mut shown: Vec<&String> = Vec::new();
    for h in others {
        if size(h) <= room {
            room -= size(h);
            shown.push(h);
        }
    }
    shown.extend(tail);
    shown.iter().map(|h| h.as_str()).collect::<Vec<_>>().join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_are_whole_and_keep_help_and_quit() {
        let hints: Vec<String> =
            ["Enter show the claim", "Ctrl-p jump to an actor", "? help", "q quit"].map(String::from).into();
        assert_eq!(fitted(hints.clone(), 200), "Enter show the claim · Ctrl-p jump to an actor · ? help · q quit");
        assert_eq!(fitted(hints.clone(), 40), "Enter show the claim · ? help · q quit");
        assert_eq!(fitted(hints.clone(), 17), "? help · q quit");
        assert_eq!(fitted(hints.clone(), 8), "? help");
        assert_eq!(fitted(hints, 3), "");
    }
}
