//! `update(state, action)`: every change of the browser's state.

use super::action::Action;
use super::annotate as notes;
use super::correct;
use super::keymap::KeyMap;
use super::layout::TimelineRow;
use super::palette::{self, Candidates};
use super::passage;
use super::state::{EntitySort, Mode, Palette, Pane, Search, State, Target};
use crate::model::Corpus;
use ratatui::layout::Rect;

/// The context `update` needs besides the state.
pub struct Ctx<'a> {
    pub corpus: &'a Corpus,
    pub candidates: &'a Candidates,
    pub keys: &'a KeyMap,
}

pub fn update(state: &mut State, ctx: &Ctx, action: Action) {
    if let Action::Resize(width, height) = action {
        return state.resize(ctx.corpus, Rect::new(0, 0, width, height));
    }
    state.notice = None;
    if action == Action::Quit {
        // Nothing typed is lost: a note being written is kept.
        if matches!(&state.mode, Mode::Note(editor) if editor.changed()) {
            notes::keep(state, ctx.corpus);
        }
        state.quit = true;
        return;
    }
    match state.mode {
        Mode::Browse => browse(state, ctx, action),
        Mode::Palette(_) => palette_update(state, ctx, action),
        Mode::Search => search_update(state, ctx.corpus, action),
        Mode::Help { .. } => help_update(state, ctx, action),
        Mode::Note(_) => notes::editing(state, ctx.corpus, action),
        Mode::Notes { .. } => notes::listing(state, ctx.corpus, action),
        Mode::Prompt(_) => correct::prompting(state, ctx.corpus, action),
        Mode::Passage(_) => passage::choosing(state, ctx.corpus, action),
    }
    state.settle(ctx.corpus);
}

/// Keys while the help is open: moving keys scroll it (at 80×24 it is
/// taller than the screen), the closing keys close it.
fn help_update(state: &mut State, ctx: &Ctx, action: Action) {
    let last = super::view::help_lines(ctx.keys) - 1;
    let Mode::Help { scroll } = &mut state.mode else {
        return;
    };
    match action {
        Action::Down(n) => *scroll = (*scroll + n).min(last),
        Action::Up(n) => *scroll = scroll.saturating_sub(n),
        Action::PageDown => *scroll = (*scroll + 10).min(last),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = last,
        Action::Back | Action::ToggleHelp | Action::Enter => state.mode = Mode::Browse,
        _ => {}
    }
}

fn browse(state: &mut State, ctx: &Ctx, action: Action) {
    let corpus = ctx.corpus;
    match action {
        Action::FocusNext => step_focus(state, true),
        Action::FocusPrev => step_focus(state, false),
        Action::Down(n) => move_by(state, corpus, n as isize),
        Action::Up(n) => move_by(state, corpus, -(n as isize)),
        Action::PageDown => move_by(state, corpus, page(state) as isize),
        Action::PageUp => move_by(state, corpus, -(page(state) as isize)),
        Action::Top => move_by(state, corpus, isize::MIN / 2),
        Action::Bottom => move_by(state, corpus, isize::MAX / 2),
        Action::Enter => enter(state, corpus),
        Action::Back => back(state, corpus),
        Action::OpenPalette => {
            state.mode = Mode::Palette(Palette::opened(palette::filter(corpus, ctx.candidates, "")));
        }
        Action::PrevClaim => step_claim(state, corpus, -1),
        Action::NextClaim => step_claim(state, corpus, 1),
        Action::NextInSource => next_in_source(state, corpus, 1),
        Action::PrevInSource => next_in_source(state, corpus, -1),
        Action::SideBySide => side_by_side(state, corpus),
        Action::CycleSort => {
            state.entity_sort = match state.entity_sort {
                EntitySort::Count => EntitySort::Name,
                EntitySort::Name => EntitySort::Kind,
                EntitySort::Kind => EntitySort::Count,
            };
            state.sort_entities(corpus);
        }
        Action::OpenSearch => {
            let pane = state.focus;
            let before = state.selection();
            state.search = Some(Search { pane, query: String::new(), hits: Vec::new(), current: 0, before });
            state.mode = Mode::Search;
        }
        Action::HistoryBack => travel(state, corpus, true),
        Action::HistoryForward => travel(state, corpus, false),
        Action::ToggleHelp => state.mode = Mode::Help { scroll: 0 },
        Action::Mark => notes::mark(state, corpus),
        Action::MarkedOnly => notes::marked_only(state, corpus),
        Action::Annotate => notes::open_editor(state, corpus),
        Action::ListNotes => notes::open_list(state),
        Action::Undo => notes::undo(state),
        Action::Reject => correct::reject(state, corpus),
        Action::Redate => correct::open_redate(state, corpus),
        Action::Rename => correct::open_rename(state, corpus),
        Action::Split => correct::open_split(state, corpus),
        Action::Hide => correct::hide(state, corpus),
        Action::Select => passage::start(state, corpus),
        Action::Click(x, y) => click(state, corpus, x, y),
        Action::Drag(x, y) => passage::drag(state, corpus, x, y),
        Action::Scroll(delta, x, y) => {
            if let Some(pane) = pane_at(state, x, y) {
                state.focus = pane;
                move_by(state, corpus, delta as isize);
            }
        }
        Action::Type(_)
        | Action::EndNextWord
        | Action::EndPrevWord
        | Action::StartNextWord
        | Action::StartPrevWord
        | Action::Backspace
        | Action::Save
        | Action::Edit(_)
        | Action::Confirm
        | Action::Resize(..)
        | Action::Quit => {}
    }
}

/// Focuses the pane after the focused one (before it, when not
/// `forward`), among those on the screen; side by side, the right source
/// pane comes after the left one.
fn step_focus(state: &mut State, forward: bool) {
    let order = [Pane::Entities, Pane::Timeline, Pane::Source];
    let mut stops: Vec<(Pane, bool)> =
        order.into_iter().filter(|&p| state.areas.shows(p)).map(|p| (p, false)).collect();
    if state.side.is_some() && state.areas.shows(Pane::Source) {
        stops.push((Pane::Source, true));
    }
    let now = (state.focus, state.focus == Pane::Source && state.focused_slot() == 1);
    let at = stops.iter().position(|&stop| stop == now).unwrap_or(0);
    let steps = if forward { 1 } else { stops.len() - 1 };
    (state.focus, state.right_focused) = stops[(at + steps) % stops.len()];
}

fn page(state: &State) -> usize {
    let area = match state.focus {
        Pane::Entities => state.areas.entities,
        Pane::Timeline => state.areas.timeline,
        Pane::Source => state.areas.source,
    };
    (area.height as usize).saturating_sub(3).max(1)
}

fn move_by(state: &mut State, corpus: &Corpus, delta: isize) {
    match state.focus {
        Pane::Entities => state.entities.move_by(delta, state.entity_order.len()),
        Pane::Timeline => {
            let before = state.timeline.selected;
            state.timeline.move_by(delta, state.events.len());
            if state.timeline.selected != before {
                state.show_selected_event(corpus);
            }
        }
        Pane::Source => {
            let top = state.source_scroll.unwrap_or(state.source_top()) as isize;
            state.source_scroll = Some((top + delta).max(0) as usize);
        }
    }
}

fn enter(state: &mut State, corpus: &Corpus) {
    match state.focus {
        Pane::Entities => {
            if let Some(e) = state.selected_entity() {
                state.remember();
                state.set_filter(corpus, Some(e));
                state.focus = Pane::Timeline;
            }
        }
        Pane::Timeline => {
            state.remember();
            state.show_selected_event(corpus);
            state.focus = Pane::Source;
        }
        Pane::Source => {
            if let Some(c) = state.shown {
                state.remember();
                let event = state.index.claim_event[c];
                state.select_event(corpus, event);
                state.shown = Some(c);
                state.focus = Pane::Timeline;
            }
        }
    }
}

fn back(state: &mut State, corpus: &Corpus) {
    if state.search.take().is_some() {
        return;
    }
    if state.side.take().is_some() {
        state.right_focused = false;
        return;
    }
    if state.filter.is_some() {
        state.remember();
        state.set_filter(corpus, None);
    }
}

/// `[` `]`: the previous or next claim of the selected event.
fn step_claim(state: &mut State, corpus: &Corpus, delta: isize) {
    let Some(event) = state.selected_event() else {
        return;
    };
    let claims = &corpus.events[event].claims;
    let slot = if state.focused_slot() == 1 { &mut state.side } else { &mut state.shown };
    let at = slot.and_then(|c| claims.iter().position(|x| *x == c)).unwrap_or(0) as isize;
    let next = (at + delta).rem_euclid(claims.len() as isize) as usize;
    *slot = Some(claims[next]);
    state.source_scroll = None;
}

/// `n` `N`: the next search hit, or the next claim in the same source.
fn next_in_source(state: &mut State, corpus: &Corpus, delta: isize) {
    if let Some(search) = state.search.as_mut().filter(|s| !s.hits.is_empty()) {
        search.current = (search.current as isize + delta).rem_euclid(search.hits.len() as isize) as usize;
        let hit = search.hits[search.current];
        match search.pane {
            Pane::Timeline => {
                state.timeline.selected = hit;
                state.show_selected_event(corpus);
            }
            Pane::Entities => state.entities.selected = hit,
            _ => state.source_scroll = None,
        }
        return;
    }
    let Some(shown) = state.shown else {
        return;
    };
    let same = &state.index.claims[corpus.claims[shown].source];
    let at = same.iter().position(|&c| c == shown).unwrap_or(0) as isize;
    state.shown = Some(same[(at + delta).rem_euclid(same.len() as isize) as usize]);
    state.source_scroll = None;
}

fn side_by_side(state: &mut State, corpus: &Corpus) {
    if state.side.take().is_some() {
        state.right_focused = false;
        return;
    }
    let Some(event) = state.selected_event() else {
        return;
    };
    let claims = &corpus.events[event].claims;
    let shown = state.shown.unwrap_or(claims[0]);
    let source = corpus.claims[shown].source;
    let Some(&other) = claims.iter().find(|c| corpus.claims[**c].source != source) else {
        state.notice = Some("s · this event is told by one source: there is no other to set beside it".into());
        return;
    };
    state.side = Some(other);
    state.focus = Pane::Source;
}

fn travel(state: &mut State, corpus: &Corpus, backwards: bool) {
    let here = state.here();
    let (from, to) =
        if backwards { (&mut state.history, &mut state.future) } else { (&mut state.future, &mut state.history) };
    let Some(jump) = from.pop() else {
        let end = if backwards {
            "the first place: nothing to go back to"
        } else {
            "the last place: nothing to go forward to"
        };
        state.notice = Some(format!("Ctrl-{} · {end}", if backwards { 'o' } else { 'i' }));
        return;
    };
    to.push(here);
    state.go_to(corpus, jump);
}

fn inside(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}

fn pane_at(state: &State, x: u16, y: u16) -> Option<Pane> {
    let a = &state.areas;
    [
        (a.entities, Pane::Entities),
        (a.timeline, Pane::Timeline),
        (a.source, Pane::Source),
        (a.source_right, Pane::Source),
    ]
    .into_iter()
    .find(|(r, _)| inside(*r, x, y))
    .map(|(_, p)| p)
}

fn click(state: &mut State, corpus: &Corpus, x: u16, y: u16) {
    state.pressed_at = None; // a drag starts where its own press was
    let Some(pane) = pane_at(state, x, y) else {
        return;
    };
    state.focus = pane;
    let row = |area: ratatui::layout::Rect, offset: usize| offset + (y.saturating_sub(area.y + 1)) as usize;
    match pane {
        Pane::Entities => {
            let r = row(state.areas.entities, state.entities.offset);
            if r < state.entity_order.len() {
                state.entities.selected = r;
            }
        }
        Pane::Timeline => {
            let r = y.saturating_sub(state.areas.timeline.y + 1) as usize;
            if let Some(TimelineRow::Event(pos)) = state.areas.timeline_rows.get(r).copied() {
                state.timeline.selected = pos;
                state.show_selected_event(corpus);
            }
        }
        Pane::Source => {
            state.right_focused = state.side.is_some() && inside(state.areas.source_right, x, y);
            passage::press(state, corpus, x, y);
        }
    }
}

fn palette_update(state: &mut State, ctx: &Ctx, action: Action) {
    let Some(p) = state.palette_mut() else {
        return;
    };
    match action {
        Action::Type(_) | Action::Backspace => {
            match action {
                Action::Type(c) => p.query.push(c),
                _ => drop(p.query.pop()),
            }
            p.forget_longer();
            p.cursor = Default::default();
            p.pending = p.matches().typed != p.query;
            // A small corpus is scored here and now; a large one by the scorer.
            if p.pending && ctx.candidates.count(ctx.corpus, &p.query) <= palette::SCORED_AT_ONCE {
                let matches = palette::narrow(ctx.corpus, ctx.candidates, Some(p.matches()), &p.query);
                p.learn(matches);
            }
        }
        Action::Down(_) | Action::FocusNext => p.cursor.move_by(1, p.matches().ranked.len()),
        Action::Up(_) | Action::FocusPrev => p.cursor.move_by(-1, p.matches().ranked.len()),
        Action::Back | Action::OpenPalette => state.mode = Mode::Browse,
        Action::Enter => {
            let target = p.matches().ranked.get(p.cursor.selected).copied();
            state.mode = Mode::Browse;
            if let Some(t) = target {
                jump_to(state, ctx.corpus, t);
            }
        }
        _ => {}
    }
}

fn jump_to(state: &mut State, corpus: &Corpus, target: Target) {
    state.remember();
    match target {
        Target::Entity(e) => {
            state.set_filter(corpus, Some(e));
            if let Some(pos) = state.entity_order.iter().position(|x| *x == e) {
                state.entities.selected = pos;
            }
            state.focus = Pane::Timeline;
        }
        Target::Event(e) => {
            state.select_event(corpus, e);
            state.show_selected_event(corpus);
            state.focus = Pane::Timeline;
        }
        Target::Source(s) => {
            if let Some(&c) = state.index.claims[s].first() {
                state.select_event(corpus, state.index.claim_event[c]);
                state.shown = Some(c);
                state.source_scroll = None;
            }
            state.focus = Pane::Source;
        }
    }
}

fn search_update(state: &mut State, corpus: &Corpus, action: Action) {
    let Some(search) = state.search.as_mut() else {
        return;
    };
    let previous = (search.query.clone(), std::mem::take(&mut search.hits));
    match action {
        Action::Type(c) => search.query.push(c),
        Action::Backspace => {
            search.query.pop();
        }
        Action::Back => {
            // Cancelled: back to what was selected before it.
            let before = search.before;
            state.search = None;
            state.mode = Mode::Browse;
            (state.timeline.selected, state.entities.selected, state.shown) =
                (before.event, before.entity, before.shown);
            state.source_scroll = None;
            return;
        }
        Action::Enter => state.mode = Mode::Browse,
        _ => {}
    }
    let Some((pane, query)) = state.search.as_ref().map(|s| (s.pane, s.query.clone())) else {
        return;
    };
    let hits = super::search::hits(corpus, state, pane, &query, Some((&previous.0, &previous.1)));
    if let Some(search) = state.search.as_mut() {
        search.hits = hits;
        search.current = 0;
        match (search.pane, search.hits.first()) {
            (Pane::Timeline, Some(&first)) => {
                state.timeline.selected = first;
                state.show_selected_event(corpus);
            }
            (Pane::Entities, Some(&first)) => state.entities.selected = first,
            _ => {}
        }
    }
}
