//! The palette overlay: the query, and the matching rows with the matched
//! characters highlighted (computed for the visible rows only).

use super::theme::{inert, Theme};
use super::{columns, find_folded, fit, lead_in, pane_block};
use crate::model::Corpus;
use crate::text::{fold, one_line};
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
            let titled = format!("{date} {}", event.title);
            let claim = event.claims.first().map_or("", |&c| corpus.claim_text(&corpus.claims[c]));
            let text = match where_matched(&titled, claim, query) {
                Some(0) => format!("{date} {}", one_line(claim)),
                Some(at) => format!("{date} …{}", one_line(&claim[at..])),
                // A whole title may hold the match past what a row shows.
                None => match find_folded(&event.title, &fold(query.trim_start_matches('#').trim())) {
                    Some(at) if at > TITLE_SHOWN => {
                        format!("{date} …{}", event.title[lead_in(&event.title, at, 3)..].trim_start())
                    }
                    _ => titled,
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

/// How much of a title a palette row shows for certain (it is 72 columns
/// wide, less the date and the kind).
const TITLE_SHOWN: usize = 30;

/// Where in an event's first claim to show it from, when the query is
/// there and the title does not show it (`#bouteflika`, a name the title
/// was cut before): a few words before the match. A word as typed is
/// looked for first, then the query's letters in order.
fn where_matched(title: &str, claim: &str, query: &str) -> Option<usize> {
    let q = fold(query.trim_start_matches('#').trim());
    if q.is_empty() || fold(title).contains(&q) {
        return None;
    }
    let at = match find_folded(claim, &q) {
        Some(at) => at,
        None if !highlights(title, query).is_empty() => return None,
        None => claim.char_indices().nth(*highlights(claim, query).first()?)?.0,
    };
    Some(lead_in(claim, at, 3))
}

/// `12 matches`, or `best 1000 of 48213 matches` when not all are ranked;
/// `scoring…` while the query's own matches are being found.
fn count(m: &crate::tui::palette::Matches, pending: bool) -> String {
    if pending {
        format!("scoring… (showing the {} matches of {:?})", m.total, m.typed)
    } else if m.ranked.len() < m.total {
        format!("best {} of {} matches", m.ranked.len(), m.total)
    } else {
        format!("{} matches", m.total)
    }
}

#[cfg(test)]
mod tests {
    use super::where_matched;

    #[test]
    fn a_claim_is_shown_from_three_words_before_the_match() {
        let claim = "One two three four five Algéria met.";
        assert_eq!(
            where_matched("2009 Talks", claim, "#algeria").map(|at| &claim[at..]),
            Some(" three four five Algéria met.")
        );
        assert_eq!(where_matched("2009 Talks", "Mali and Algeria met.", "#algeria"), Some(0));
        assert_eq!(where_matched("2009 Talks in Algeria", claim, "#algeria"), None, "the title shows it");
        assert_eq!(where_matched("2009 Talks", claim, "#"), None);
        assert_eq!(where_matched("2009 Talks", claim, "#zebra"), None, "nowhere");
    }
}
