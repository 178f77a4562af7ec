//! The browser without a terminal: `update` for every action, and views
//! drawn on ratatui's TestBackend, as snapshots.

use crate::common;

use annals::model::{Corpus, EntityId, EventId};
use annals::tui::config::Config;

use annals::tui::layout::TimelineRow;
use annals::tui::palette::Candidates;
use annals::tui::state::{EntitySort, Mode, Pane};
use annals::tui::view::{self, theme::Theme};
use annals::tui::{update, Action, Ctx, State};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::sync::LazyLock;

mod corrections;
mod notes;
mod palette;
mod search;

static CORPUS: LazyLock<Corpus> = LazyLock::new(common::bundled);
static CANDIDATES: LazyLock<Candidates> = LazyLock::new(|| Candidates::new(&CORPUS));

fn ctx() -> Ctx<'static> {
    Ctx { corpus: &CORPUS, candidates: &CANDIDATES, keys: &Config::defaults().keys }
}

fn apply(state: &mut State, actions: &[Action]) {
    for a in actions {
        update(state, &ctx(), *a);
    }
}

/// Actions as the browser runs them: each followed by the files behind it.
fn run(state: &mut State, notebook: &mut annals::tui::notebook::Notebook, actions: &[Action]) {
    for &a in actions {
        apply(state, &[a]);
        notebook.follow(state, &CORPUS);
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Action::Type).collect()
}

/// `/`, `query`, Enter: a search of the focused pane.
fn search_for(state: &mut State, query: &str) {
    apply(state, &[Action::OpenSearch]);
    apply(state, &typed(query));
    apply(state, &[Action::Enter]);
}

/// The state laid out on a `width` × `height` screen (as a resize does), then drawn.
fn draw(state: &mut State, width: u16, height: u16) -> Buffer {
    apply(state, &[Action::Resize(width, height)]);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(state, &CORPUS, &Config::defaults().keys, Theme::colored(), f)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn jump_to_ward() -> State {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("ward"));
    apply(&mut state, &[Action::Enter]);
    state
}

#[test]
fn starts_on_the_first_event() {
    let state = State::new(&CORPUS);
    assert_eq!(state.focus, Pane::Timeline);
    assert_eq!(state.events.len(), CORPUS.events.len());
    assert_eq!(state.shown, Some(CORPUS.events.raw[0].claims[0]));
}

#[test]
fn kinds_are_whole_in_a_wide_timeline_and_abbreviated_in_a_narrow_one() {
    let mut state = State::new(&CORPUS);
    let wide = text(&draw(&mut state, 200, 40));
    assert!(wide.contains(" diplomatic  The United States established"), "{wide}");
    // Dates whole too, in a column as wide as the longest.
    apply(&mut state, &[Action::Bottom]);
    let end = text(&draw(&mut state, 200, 40));
    assert!(end.contains("│FY2016–FY2020 aid"), "{end}");
    apply(&mut state, &[Action::Top]);
    assert!(wide.contains(" agreement   The military agreement"), "{wide}");
    let narrow = text(&draw(&mut state, 100, 40));
    assert!(narrow.contains("1960       dip. The United"), "{narrow}");
    assert!(narrow.contains("1960       agr. The military") && !narrow.contains("agreemen "), "{narrow}");
    // The line under the timeline names the selected event's whole kind.
    assert!(narrow.contains("1960 · diplomatic · The United States"), "{narrow}");
}

#[test]
fn entity_rows_keep_a_space_before_the_count_whatever_the_name() {
    let mut corpus = CORPUS.clone();
    let last = corpus.entity_events.len() - 1;
    let (wide, long) = (EntityId::from(last), EntityId::from(last - 1));
    corpus.entities[wide].name = "北京市人民政府外事办公室".into();
    corpus.entities[long].name = "Ibrahim Boubacar Keïta of the Rally for Mali".into();
    corpus.entity_events[wide] = vec![EventId::default(); 1234];
    corpus.entity_events[long] = vec![EventId::default(); 98765];
    let mut state = State::new(&corpus);
    for width in [100, 120, 160, 200] {
        state.resize(&corpus, ratatui::layout::Rect::new(0, 0, width, 40));
        let mut terminal = Terminal::new(TestBackend::new(width, 40)).unwrap();
        terminal.draw(|f| view::draw(&state, &corpus, &Config::defaults().keys, Theme::colored(), f)).unwrap();
        let screen = text(terminal.backend().buffer());
        let row = |needle: &str| {
            screen.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("{screen}")).to_string()
        };
        assert!(row("☺ 北").contains(" 1234│"), "{screen}");
        assert!(row("☺ Ibrahim").contains(" 98765│"), "{screen}");
    }
}

#[test]
fn focus_cycles_both_ways() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::FocusNext]);
    assert_eq!(state.focus, Pane::Source);
    apply(&mut state, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(state.focus, Pane::Timeline);
    apply(&mut state, &[Action::FocusPrev]);
    assert_eq!(state.focus, Pane::Entities);
}

#[test]
fn moving_in_the_timeline_shows_each_event() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Down(1), Action::Down(1)]);
    assert_eq!(state.timeline.selected, 2);
    assert_eq!(state.shown, Some(CORPUS.events.raw[2].claims[0]));
    apply(&mut state, &[Action::Up(1)]);
    assert_eq!(state.timeline.selected, 1);
    apply(&mut state, &[Action::Bottom]);
    assert_eq!(state.timeline.selected, CORPUS.events.len() - 1);
    apply(&mut state, &[Action::Top]);
    assert_eq!(state.timeline.selected, 0);
    apply(&mut state, &[Action::PageDown]);
    assert!(state.timeline.selected > 0);
    apply(&mut state, &[Action::PageUp]);
    assert_eq!(state.timeline.selected, 0);
}

#[test]
fn enter_on_an_entity_filters_and_esc_clears() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::FocusPrev]);
    let entity = state.selected_entity().unwrap();
    apply(&mut state, &[Action::Enter]);
    assert_eq!(state.filter, Some(entity));
    assert_eq!(state.events, CORPUS.entity_events[entity]);
    assert_eq!(state.focus, Pane::Timeline);
    apply(&mut state, &[Action::Back]);
    assert_eq!(state.filter, None);
    assert_eq!(state.events.len(), CORPUS.events.len());
}

#[test]
fn enter_on_an_event_focuses_its_claim_and_back() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Down(1), Action::Enter]);
    assert_eq!(state.focus, Pane::Source);
    let claim = state.shown.unwrap();
    apply(&mut state, &[Action::NextInSource, Action::Enter]);
    let moved = state.shown.unwrap();
    assert_ne!(claim, moved);
    assert_eq!(state.focus, Pane::Timeline);
    assert_eq!(state.selected_event(), Some(state.index.claim_event[moved]));
}

#[test]
fn palette_finds_accented_names_and_jumps() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("toure"));
    let p = state.palette().unwrap();
    let first = match p.matches().ranked[0] {
        annals::tui::state::Target::Entity(e) => &CORPUS.entities[e].name,
        other => panic!("{other:?}"),
    };
    assert_eq!(first, "Amadou Toumani Touré");
    apply(&mut state, &[Action::Backspace, Action::Backspace, Action::Backspace, Action::Backspace, Action::Backspace]);
    assert_eq!(state.palette().unwrap().matches().total, CORPUS.entities.len());
    apply(&mut state, &[Action::Back]);
    assert!(state.palette().is_none());
}

#[test]
fn palette_jump_filters_to_the_actor_and_history_returns() {
    let mut state = jump_to_ward();
    let ward = CORPUS.entities.position(|e| e.name == "William E. Ward").unwrap();
    assert_eq!(state.filter, Some(ward));
    let event = &CORPUS.events[state.selected_event().unwrap()];
    assert_eq!(event.date.value, "2009-11-27");
    apply(&mut state, &[Action::HistoryBack]);
    assert_eq!(state.filter, None);
    apply(&mut state, &[Action::HistoryForward]);
    assert_eq!(state.filter, Some(ward));
}

#[test]
fn palette_searches_events_and_sources() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("#tessalit"));
    apply(&mut state, &[Action::Enter]);
    assert_eq!(CORPUS.events[state.selected_event().unwrap()].date.value, "2009-12-15");
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("@cable"));
    apply(&mut state, &[Action::Enter]);
    assert_eq!(state.focus, Pane::Source);
    assert!(CORPUS.sources[CORPUS.claims[state.shown.unwrap()].source].id.starts_with("004"));
}

#[test]
fn an_event_found_by_its_claim_shows_where() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("#bouteflika"));
    let screen = text(&draw(&mut state, 120, 40));
    // The name is past what the row shows of the title: the row shows it from a few words before.
    assert!(screen.contains("# 2009-11-28 …to see President Bouteflika and"), "{screen}");
    apply(&mut state, &[Action::Backspace; 10]);
    apply(&mut state, &typed("tabaski"));
    let screen = text(&draw(&mut state, 120, 40));
    assert!(screen.contains("# 2009-11-28 ATT said that, after Tabaski"), "{screen}");
}

#[test]
fn brackets_walk_the_claims_of_an_event() {
    let mut state = State::new(&CORPUS);
    let event = CORPUS.events.position(|e| e.claims.len() >= 2).unwrap();
    state.select_event(&CORPUS, event);
    state.show_selected_event(&CORPUS);
    let claims = &CORPUS.events[event].claims;
    apply(&mut state, &[Action::NextClaim]);
    assert_eq!(state.shown, Some(claims[1]));
    apply(&mut state, &[Action::PrevClaim]);
    assert_eq!(state.shown, Some(claims[0]));
}

#[test]
fn side_by_side_shows_another_source_and_toggles() {
    let mut state = State::new(&CORPUS);
    let event = CORPUS.events.position(|e| {
        let first = CORPUS.claims[e.claims[0]].source;
        e.claims.iter().any(|c| CORPUS.claims[*c].source != first)
    });
    state.select_event(&CORPUS, event.unwrap());
    state.show_selected_event(&CORPUS);
    apply(&mut state, &[Action::SideBySide]);
    let (left, right) = (state.shown.unwrap(), state.side.unwrap());
    assert_ne!(CORPUS.claims[left].source, CORPUS.claims[right].source);
    // From about 160 columns the two stand left and right; narrower, one above the other.
    draw(&mut state, 200, 40);
    let (top, right) = (state.areas.source, state.areas.source_right);
    assert!(right.x > top.x && right.y == top.y, "left and right: {top:?} {right:?}");
    draw(&mut state, 120, 40);
    let (top, bottom) = (state.areas.source, state.areas.source_right);
    assert!(bottom.y > top.y && bottom.x == top.x, "stacked: {top:?} {bottom:?}");
    apply(&mut state, &[Action::SideBySide]);
    assert!(state.side.is_none());
    // An event told by one source has nothing to set beside it: said, not shown twice.
    let single = CORPUS.events.position(|e| {
        let first = CORPUS.claims[e.claims[0]].source;
        e.claims.iter().all(|c| CORPUS.claims[*c].source == first)
    });
    state.select_event(&CORPUS, single.unwrap());
    state.show_selected_event(&CORPUS);
    apply(&mut state, &[Action::SideBySide]);
    assert!(state.side.is_none());
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("told by one source")), "{:?}", state.notice);
    let status = text(&draw(&mut state, 200, 40)).lines().last().unwrap().to_string();
    assert!(!status.contains("side by side"), "no hint for what does not apply: {status}");
}

/// Side by side, the right source pane takes the focus after the left one
/// (Tab, or a click in it), and `]` then steps the right side's claim.
#[test]
fn the_right_source_pane_takes_the_focus() {
    let mut state = State::new(&CORPUS);
    let event = CORPUS.events.position(|e| {
        let sources: std::collections::BTreeSet<_> = e.claims.iter().map(|c| CORPUS.claims[*c].source).collect();
        sources.len() > 1 && e.claims.len() > 2
    });
    state.select_event(&CORPUS, event.unwrap());
    state.show_selected_event(&CORPUS);
    apply(&mut state, &[Action::SideBySide]);
    draw(&mut state, 200, 40);
    state.focus = Pane::Timeline;
    apply(&mut state, &[Action::FocusNext]);
    assert!(state.focus == Pane::Source && !state.right_focused, "the left first");
    apply(&mut state, &[Action::FocusNext]);
    assert!(state.focus == Pane::Source && state.right_focused, "then the right");
    let (left, right) = (state.shown, state.side);
    apply(&mut state, &[Action::NextClaim]);
    assert!(state.shown == left && state.side != right, "] steps the right side");
    apply(&mut state, &[Action::FocusNext]);
    assert!(state.focus == Pane::Entities && !state.right_focused);
    apply(&mut state, &[Action::FocusPrev]);
    assert!(state.focus == Pane::Source && state.right_focused, "back to the right");
    let left_pane = state.areas.source;
    apply(&mut state, &[Action::Click(left_pane.x + 2, left_pane.y + 2)]);
    assert!(state.focus == Pane::Source && !state.right_focused, "a click in the left");
    let right_pane = state.areas.source_right;
    apply(&mut state, &[Action::Click(right_pane.x + 2, right_pane.y + 2)]);
    assert!(state.right_focused, "a click in the right");
    // Choosing a passage on the left, then dragging over the right: the right's passage, and focus.
    apply(&mut state, &[Action::Click(left_pane.x + 2, left_pane.y + 2), Action::Select]);
    let (x, y) = (right_pane.x + 2, right_pane.y + 2);
    apply(&mut state, &[Action::Click(x, y), Action::Drag(x + 10, y)]);
    assert!(matches!(&state.mode, Mode::Passage(p) if p.slot == 1), "{:?}", state.mode);
    assert!(state.right_focused);
}

#[test]
fn sort_help_and_quit() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::CycleSort]);
    assert_eq!(state.entity_sort, EntitySort::Name);
    apply(&mut state, &[Action::ToggleHelp]);
    assert!(matches!(state.mode, Mode::Help { .. }));
    let q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    let keys = &Config::defaults().keys;
    let action = annals::tui::translate(q.clone(), keys, &mut state).unwrap();
    apply(&mut state, &[action]);
    assert!(matches!(state.mode, Mode::Browse) && !state.quit, "q closes help first");
    let action = annals::tui::translate(q, keys, &mut state).unwrap();
    apply(&mut state, &[action]);
    assert!(state.quit);
}

#[test]
fn clicks_select_rows() {
    let mut state = State::new(&CORPUS);
    draw(&mut state, 120, 40);
    let area = state.areas.timeline;
    let row = state.areas.timeline_rows.iter().position(|r| *r == TimelineRow::Event(3)).unwrap();
    apply(&mut state, &[Action::Click(area.x + 3, area.y + 1 + row as u16)]);
    assert_eq!(state.timeline.selected, 3);
}

#[test]
fn snapshot_first_screen() {
    insta::assert_snapshot!("first_screen", text(&draw(&mut State::new(&CORPUS), 120, 40)));
}

#[test]
fn snapshot_filtered_to_ward() {
    insta::assert_snapshot!("filtered_ward", text(&draw(&mut jump_to_ward(), 120, 40)));
}

#[test]
fn snapshot_palette() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("mali"));
    insta::assert_snapshot!("palette_mali", text(&draw(&mut state, 120, 40)));
}

#[test]
fn snapshot_side_by_side() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::SideBySide]);
    insta::assert_snapshot!("side_by_side", text(&draw(&mut state, 120, 40)));
}

#[test]
fn snapshot_help() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::ToggleHelp]);
    insta::assert_snapshot!("help", text(&draw(&mut state, 120, 40)));
}

/// At 80×24 the help is taller than the screen: it scrolls, says where it
/// is, and its last line (quit) can be reached.
#[test]
fn help_scrolls_on_a_small_terminal() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::ToggleHelp]);
    let top = text(&draw(&mut state, 80, 24));
    assert!(top.contains("Keys 1–20 of"), "{top}");
    assert!(!top.contains("help: close"), "{top}");
    apply(&mut state, &[Action::Bottom]);
    let bottom = text(&draw(&mut state, 80, 24));
    assert!(bottom.contains("Ctrl-c") && bottom.contains("help: close"), "{bottom}");
    apply(&mut state, &[Action::Up(100)]);
    assert_eq!(text(&draw(&mut state, 80, 24)), top);
    apply(&mut state, &[Action::Back]);
    assert!(matches!(state.mode, Mode::Browse));
}

/// The status bar shows only the keys that apply now, each whole, and
/// always help and quit, at every width.
#[test]
fn status_hints_apply_now_and_are_whole() {
    let last_line = |state: &mut State, width: u16| text(&draw(state, width, 30)).lines().last().unwrap().to_string();
    let mut state = State::new(&CORPUS);
    for width in [80, 100, 120, 160, 200] {
        let line = last_line(&mut state, width);
        assert!(line.ends_with("? help · q quit"), "{width}: {line}");
        assert!(!line.contains("Esc"), "nothing to close: {line}");
    }
    state = jump_to_ward();
    assert!(last_line(&mut state, 120).contains("Esc clear the filter"));
    apply(&mut state, &[Action::OpenSearch]);
    let typing = last_line(&mut state, 120);
    assert!(typing.contains("Enter keep the search · Esc cancel it"), "{typing}");
    assert!(!typing.contains("show the claim"), "{typing}");
}

#[test]
fn snapshot_too_small() {
    insta::assert_snapshot!("too_small", text(&draw(&mut State::new(&CORPUS), 50, 12)));
}

#[test]
fn the_highlighted_claim_is_styled() {
    let mut state = jump_to_ward();
    let buffer = draw(&mut state, 120, 40);
    let theme = Theme::colored();
    let area = state.areas.source;
    let claim_bg = theme.claim().bg;
    let highlighted: String = (area.y..area.y + area.height)
        .flat_map(|y| (area.x..area.x + area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].bg == claim_bg.unwrap())
        .map(|(x, y)| buffer[(x, y)].symbol().to_string())
        .collect();
    assert!(highlighted.starts_with("On November 27 the Ambassador"), "{highlighted}");
    let date_cells: String = (area.y..area.y + area.height)
        .flat_map(|y| (area.x..area.x + area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buffer[(x, y)].modifier.contains(ratatui::style::Modifier::UNDERLINED)
                && buffer[(x, y)].bg == claim_bg.unwrap()
        })
        .map(|(x, y)| buffer[(x, y)].symbol().to_string())
        .collect();
    assert!(date_cells.starts_with("November 27"), "{date_cells}");
}

#[test]
fn wheel_scrolls_the_pane_under_the_mouse_and_n_walks_back() {
    let mut state = State::new(&CORPUS);
    draw(&mut state, 120, 40);
    let t = state.areas.timeline;
    apply(&mut state, &[Action::Scroll(3, t.x + 2, t.y + 2)]);
    assert_eq!((state.focus, state.timeline.selected), (Pane::Timeline, 3));
    let s = state.areas.source;
    let top = state.source_top();
    apply(&mut state, &[Action::Scroll(3, s.x + 2, s.y + 2)]);
    assert_eq!((state.focus, state.source_scroll), (Pane::Source, Some(top + 3)));
    let shown = state.shown;
    apply(&mut state, &[Action::NextInSource, Action::PrevInSource]);
    assert_eq!(state.shown, shown);
    apply(&mut state, &[Action::Resize(80, 24)]);
    assert_eq!(state.shown, shown);
}

#[test]
fn the_source_pane_finds_every_mention_of_its_source_in_order() {
    let state = State::new(&CORPUS);
    for source in CORPUS.sources.keys() {
        let mut expected: Vec<(usize, usize)> = CORPUS
            .entities
            .iter()
            .flat_map(|e| &e.mentions)
            .filter(|m| m.source() == source)
            .map(|m| (m.clean().start, m.clean().end))
            .collect();
        expected.sort_by_key(|&(start, _)| start);
        let found: Vec<(usize, usize)> =
            state.index.marks(&CORPUS, source).iter().map(|m| (m.range().start, m.range().end)).collect();
        assert!(!found.is_empty(), "source {source:?} names no one");
        assert_eq!(found, expected, "source {source:?}");
    }
}

#[test]
fn going_back_with_no_history_says_so() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::HistoryBack]);
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("nothing to go back to")), "{:?}", state.notice);
    apply(&mut state, &[Action::HistoryForward]);
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("nothing to go forward to")), "{:?}", state.notice);
}

/// Entities named in no dated sentence come after those with events, in
/// the palette and in the sidebar's every order.
#[test]
fn entities_without_events_come_last() {
    let events = |e: EntityId| CORPUS.entity_events[e].len();
    assert!(CORPUS.entities.keys().any(|e| events(e) == 0), "the bundled corpus has such entities");
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::OpenPalette]);
    apply(&mut state, &typed("toure"));
    let ranked: Vec<EntityId> = state
        .palette()
        .unwrap()
        .matches()
        .ranked
        .iter()
        .map(|t| match t {
            annals::tui::state::Target::Entity(e) => *e,
            other => panic!("{other:?}"),
        })
        .collect();
    let first_without = ranked.iter().position(|&e| events(e) == 0).unwrap_or(ranked.len());
    assert!(ranked[first_without..].iter().all(|&e| events(e) == 0), "{ranked:?}");
    apply(&mut state, &[Action::Back, Action::FocusNext, Action::FocusNext]);
    for _ in 0..3 {
        apply(&mut state, &[Action::CycleSort]);
        let order = &state.entity_order;
        let first_without = order.iter().position(|&e| events(e) == 0).unwrap();
        assert!(order[first_without..].iter().all(|&e| events(e) == 0), "{:?}", state.entity_sort);
    }
}

/// The entity card fits its pane: counts say `1 mention`, no bare `aka`,
/// sources past the bottom are counted, the name is cut with an ellipsis.
#[test]
fn the_entity_card_fits_and_counts_right() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::FocusNext, Action::FocusNext]);
    let shown = text(&draw(&mut state, 120, 40));
    assert!(shown.contains("163 mentions") && shown.contains("in 5 sources"), "{shown}");
    assert!(shown.contains("· … "), "sources past the card's bottom are counted: {shown}");
    let once = CORPUS.entities.keys().find(|&e| CORPUS.entities[e].mentions.len() == 1).unwrap();
    state.entities.selected = state.entity_order.iter().position(|&e| e == once).unwrap();
    let shown = text(&draw(&mut state, 120, 40));
    assert!(shown.contains("1 mention") && shown.contains("in 1 source") && !shown.contains("1 mentions"), "{shown}");
    assert!(!shown.lines().any(|l| l.contains("│aka ") && l.trim_end().ends_with("aka")), "{shown}");
}

/// The timeline's columns cut titles on a narrow terminal: the detail line
/// above the status bar shows the selected event whole, with its kind and
/// how many sources tell it.
#[test]
fn the_selected_event_is_shown_whole_on_the_detail_line() {
    let mut state = State::new(&CORPUS);
    let event = &CORPUS.events[state.selected_event().unwrap()];
    let screen = text(&draw(&mut state, 200, 24));
    let detail = screen.lines().rev().nth(1).unwrap();
    assert_eq!(detail, format!(" {} · {} · {} · 2 sources", event.date.display(), event.kind, event.title), "{screen}");
    assert!(event.title.chars().count() > 100, "a whole title: {}", event.title);
    let row = screen.lines().find(|l| l.contains("1960 ") && l.contains("diplomat")).unwrap();
    assert!(!row.contains(&event.title), "the row cuts it: {row}");
    // Too long for one row at 100 columns, it takes two, broken between words.
    let screen = text(&draw(&mut state, 100, 30));
    let rows: Vec<&str> = screen.lines().rev().skip(1).take(2).collect();
    let (first, second) = (rows[1].trim_end(), rows[0].trim_end());
    assert!(first.starts_with(&format!(" {} · {} · ", event.date.display(), event.kind)), "{screen}");
    assert!(second.ends_with(" · 2 sources"), "{screen}");
    let told =
        format!("{} {}", first.split(" · ").nth(2).unwrap(), second.trim_start().trim_end_matches(" · 2 sources"));
    assert_eq!(told, event.title, "the two rows hold the title whole");
}
