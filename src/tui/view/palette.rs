//! The palette overlay: the query, and the matching rows with the matched
//! characters highlighted (computed for the visible rows only).

use super::theme::{inert, Theme};
use super::{columns, fit, lead_in, pane_block};
use crate::model::Corpus;
use crate::text::one_line;
use crate::tui::event_words::{first_hit, Wanted};
use crate::tui::palette::highlights;
use crate::tui::state::{State, Target};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

/// Draws the palette in `rect`.
pub fn draw(state: &State, corpus: &Corpus, theme: Theme, frame: &mut Frame, rect: Rect) {
    let Some(p) = state.palette() else {
        return;
    };
    let rows = rect.height.saturating_sub(3) as usize;
    let width = rect.width.saturating_sub(4) as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", theme.year()),
        Span::raw(inert(&p.query)),
        Span::styled("▏", theme.dim()),
        Span::styled(format!("  {}", count(p.matches(), p.pending)), theme.dim()),
    ])];
    for (i, target) in p.matches().ranked.iter().enumerate().skip(p.cursor.offset).take(rows) {
        let (prefix, text, detail) = describe(corpus, *target, theme, &p.query);
        let text = fit(&inert(&text), width.saturating_sub(prefix.width() + columns(&detail) + 2));
        let hits = highlights(&text, &p.query);
        let mut spans = vec![prefix];
        for (n, ch) in text.chars().enumerate() {
            let style = if hits.contains(&n) { theme.matched() } else { Default::default() };
            spans.push(Span::styled(ch.to_string(), style));
        }
        spans.push(Span::styled(format!("  {detail}"), theme.dim()));
        let mut line = Line::from(spans);
        if i == p.cursor.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    let title = Line::raw(" Jump to: actor · #event · @source ");
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(pane_block(title, true, theme)), rect);
}

fn describe(corpus: &Corpus, target: Target, theme: Theme, query: &str) -> (Span<'static>, String, String) {
    match target {
        Target::Entity(e) => {
            let entity = &corpus.entities[e];
            let glyph = Span::styled(format!("{} ", Theme::glyph(entity.kind)), theme.kind(entity.kind));
            let events = corpus.entity_events[e].len();
            let noun = if events == 1 { "event" } else { "events" };
            let detail = format!("{} · {events} {noun}", entity.kind.as_str());
            (glyph, entity.name.clone(), detail)
        }
        Target::Event(e) => {
            let event = &corpus.events[e];
            let date = event.date.display();
            let words = query.trim_start_matches('#');
            // A claim that holds a word the title lacks is shown from a few words before it
            // (of the first claims: drawn each frame, and an event can gather thousands).
            let wanted = Wanted::new(words, &event.title);
            let claims = event.claims.iter().take(if wanted.is_empty() { 0 } else { CLAIMS_LOOKED_AT });
            let in_claim = claims
                .map(|&c| corpus.claim_text(&corpus.claims[c]))
                .find_map(|claim| wanted.first_in(claim).map(|at| (claim, at)));
            let text = match in_claim {
                Some((claim, at)) => match lead_in(claim, at, 3) {
                    0 => format!("{date} {}", one_line(claim)),
                    from => format!("{date} …{}", one_line(&claim[from..])),
                },
                // A whole title may hold the words past what a row shows.
                None => match first_hit(&event.title, words, "") {
                    Some(at) if at > TITLE_SHOWN => {
                        format!("{date} …{}", event.title[lead_in(&event.title, at, 3)..].trim_start())
                    }
                    _ => format!("{date} {}", event.title),
                },
            };
            (Span::styled("# ", theme.year()), text, event.kind.to_string())
        }
        Target::Source(s) => {
            let source = &corpus.sources[s];
            (Span::styled("@ ", theme.year()), source.title.clone(), source.kind.as_str().to_string())
        }
    }
}

/// How many of an event's claims a row looks in for the words typed.
const CLAIMS_LOOKED_AT: usize = 100;

/// How much of a title a palette row shows for certain (it is 72 columns
/// wide, less the date and the kind).
const TITLE_SHOWN: usize = 30;

/// `12 matches`, or `best 1000 of 48213 matches` when not all are ranked;
/// `scoring…` while the query's own matches are being found.
fn count(m: &crate::tui::palette::Matches, pending: bool) -> String {
    let matches = |n: usize| if n == 1 { "1 match".to_string() } else { format!("{n} matches") };
    if pending {
        format!("scoring… (showing the {} of {:?})", matches(m.total), m.typed)
    } else if m.ranked.len() < m.total {
        // Events come in order (title hits, then by date); the others by score.
        let which = if m.mode == '#' { "first" } else { "best" };
        format!("{which} {} of {}", m.ranked.len(), matches(m.total))
    } else {
        matches(m.total)
    }
}
