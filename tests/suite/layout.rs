//! What depends on the screen is worked out before drawing, and drawing
//! only reads: focus cycles through the panes on the screen at every width,
//! and a frame leaves the state as it found it.

use crate::common;

use annals::model::Corpus;
use annals::tui::config::Config;
use annals::tui::palette::Candidates;
use annals::tui::state::Pane;
use annals::tui::view::{self, theme::Theme};
use annals::tui::{update, Action, Ctx, State};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::sync::LazyLock;

static CORPUS: LazyLock<Corpus> = LazyLock::new(common::bundled);
static CANDIDATES: LazyLock<Candidates> = LazyLock::new(|| Candidates::new(&CORPUS));

fn apply(state: &mut State, actions: &[Action]) {
    let ctx = Ctx { corpus: &CORPUS, candidates: &CANDIDATES, keys: &Config::defaults().keys };
    for a in actions {
        update(state, &ctx, *a);
    }
}

#[test]
fn tab_and_shift_tab_cycle_through_exactly_the_panes_on_the_screen() {
    for width in 40..=300 {
        let mut state = State::new(&CORPUS);
        apply(&mut state, &[Action::Resize(width, 40)]);
        let expected: Vec<Pane> = if width < 60 {
            vec![Pane::Timeline, Pane::Source, Pane::Entities] // too small to draw: the focus moves all the same
        } else if width < 100 {
            vec![Pane::Timeline, Pane::Source]
        } else {
            vec![Pane::Timeline, Pane::Source, Pane::Entities]
        };
        let mut forward = Vec::new();
        for _ in 0..expected.len() {
            forward.push(state.focus);
            apply(&mut state, &[Action::FocusNext]);
        }
        assert_eq!(forward, expected, "Tab at {width} columns");
        assert_eq!(state.focus, Pane::Timeline, "back where it started at {width} columns");
        let mut backward = Vec::new();
        for _ in 0..expected.len() {
            apply(&mut state, &[Action::FocusPrev]);
            backward.push(state.focus);
        }
        let mut reversed = expected.clone();
        reversed.reverse();
        assert_eq!(backward, reversed, "Shift-Tab at {width} columns");
    }
}

#[test]
fn a_focused_sidebar_that_the_screen_narrows_away_hands_the_focus_to_the_timeline() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Resize(120, 40), Action::FocusPrev]);
    assert_eq!(state.focus, Pane::Entities);
    apply(&mut state, &[Action::Resize(90, 40)]);
    assert_eq!(state.focus, Pane::Timeline);
}

#[test]
fn drawing_leaves_the_state_as_it_found_it() {
    let screens: [&[Action]; 5] = [
        &[],
        &[Action::Bottom],
        &[Action::SideBySide, Action::FocusNext, Action::Down(40)],
        &[Action::OpenPalette, Action::Type('m')],
        &[Action::FocusNext, Action::OpenSearch, Action::Type('M'), Action::Enter],
    ];
    for actions in screens {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let mut state = State::new(&CORPUS);
            apply(&mut state, &[Action::Resize(w, h)]);
            apply(&mut state, actions);
            let before = format!("{state:?}");
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| view::draw(&state, &CORPUS, &Config::defaults().keys, Theme::colored(), f)).unwrap();
            assert_eq!(format!("{state:?}"), before, "{actions:?} at {w}×{h}");
        }
    }
}
