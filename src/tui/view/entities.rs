//! The entity sidebar: every entity with its kind glyph and event count,
//! and a card for the selected one.

use super::theme::{inert, Theme};
use super::{columns, fit, fit_showing, pane_block, searched, with_hits, wrapped};
use crate::model::Corpus;
use crate::text::count;
use crate::tui::state::{EntitySort, Pane, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame) {
    let (list_area, card_area) = (state.areas.entity_list, state.areas.card);
    let rows = list_area.height.saturating_sub(2) as usize;
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
    if card_area.height > 0 {
        card(state, corpus, theme, frame, card_area);
    }
}

/// Kind, aliases, first and last dated event, and sources of the selected
/// entity, a line each, fitted to the card: what does not fit is counted
/// (`… 12 more`), never cut off at the bottom.
fn card(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(e) = state.selected_entity() else {
        return;
    };
    let entity = &corpus.entities[e];
    let events = &corpus.entity_events[e];
    let width = usize::from(area.width.saturating_sub(2));
    let rows = usize::from(area.height.saturating_sub(2));
    // Why it is an entity: a user who sees a wrong one sees which rule made it.
    let kind = format!("{} {}", Theme::glyph(entity.kind), entity.kind.as_str());
    let mut lines = vec![Line::from(vec![
        Span::styled(kind.clone(), theme.kind(entity.kind)),
        Span::styled(fit(&format!(" ({})", entity.found_by), width.saturating_sub(columns(&kind))), theme.dim()),
    ])];
    // The card shows a few hundred characters: an entity may have thousands of aliases.
    let aliases = distinct_aliases(&entity.name, &entity.aliases, width * 3);
    if !aliases.is_empty() {
        let aka = format!("aka {}", inert(&joined(aliases.into_iter(), ", ", width * 3)));
        lines.extend(wrapped(&aka, width, 2).into_iter().map(Line::raw));
    }
    let first_last = match (events.first(), events.last()) {
        (Some(a), Some(b)) => {
            let (first, last) = (corpus.events[*a].date.display(), corpus.events[*b].date.display());
            let span = if first == last { first } else { format!("{first} … {last}") };
            format!("{}: {span}", count(events.len(), "event"))
        }
        _ => "no dated event".to_string(),
    };
    // On two lines where one is too narrow: `7 events: 1235 …` / `2024-02-04`.
    lines.extend(wrapped(&first_last, width, 2).into_iter().map(Line::raw));
    // At a gigabyte one entity is named in 50 000 sources: counted once, and only those shown are listed.
    let sources = state.index.entity_sources[e] as usize;
    let (mentions, sources_line) =
        (count(entity.mentions.len(), "mention"), format!("in {}", count(sources, "source")));
    if columns(&mentions) + 1 + columns(&sources_line) <= width {
        lines.push(Line::raw(format!("{mentions} {sources_line}")));
    } else {
        lines.extend([Line::raw(fit(&mentions, width)), Line::raw(fit(&sources_line, width))]);
    }
    let room = rows.saturating_sub(lines.len());
    let shown = if sources > room { room.saturating_sub(1) } else { sources };
    for s in entity.sources().take(shown) {
        // Titles, which say what a document is, where ids are file names.
        lines.push(Line::styled(fit(&format!("· {}", inert(&corpus.sources[s].title)), width), theme.dim()));
    }
    if shown < sources && room > 0 {
        lines.push(Line::styled(format!("· … {} more", sources - shown), theme.dim()));
    }
    let title = fit(&inert(&entity.name), width.saturating_sub(2));
    let block = pane_block(Line::raw(format!(" {title} ")), false, theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The aliases that are not the name or another alias in other case
/// (`MALIAN` beside `Malian`), the spelling not in capitals kept; once they
/// fill `room` bytes, no more are read.
fn distinct_aliases<'a>(name: &str, aliases: &'a [String], room: usize) -> Vec<&'a str> {
    let shouted = |s: &str| !s.chars().any(char::is_lowercase);
    let mut seen = vec![name.to_lowercase()];
    let mut out: Vec<&str> = Vec::new();
    let mut filled = 0;
    for alias in aliases {
        if filled >= room {
            break;
        }
        filled += alias.len();
        let lower = alias.to_lowercase();
        match seen.iter().position(|s| *s == lower) {
            None => {
                seen.push(lower);
                out.push(alias);
            }
            // `seen` is the name, then `out`, in order.
            Some(at) if at > 0 && shouted(out[at - 1]) && !shouted(alias) => out[at - 1] = alias,
            Some(_) => {}
        }
    }
    out
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
    use super::{distinct_aliases, joined};

    #[test]
    fn aliases_in_other_case_are_one() {
        let aliases = ["MALI", "MALIAN", "Malian", "Republic of Mali", "mali", "République du Mali"].map(String::from);
        assert_eq!(distinct_aliases("Mali", &aliases, 1000), ["Malian", "Republic of Mali", "République du Mali"]);
    }

    #[test]
    fn joins_only_what_could_be_shown() {
        let names = ["alpha", "beta", "gamma", "delta"];
        assert_eq!(joined(names.iter().copied(), ", ", 100), "alpha, beta, gamma, delta");
        assert_eq!(joined(names.iter().copied(), ", ", 11), "alpha, beta");
        assert_eq!(joined(names.iter().copied(), "; ", 12), "alpha; beta; gamma");
        assert_eq!(joined(std::iter::empty(), ", ", 10), "");
    }
}
