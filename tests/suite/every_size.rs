//! Every screen drawn at every terminal size from 1×1 to 40×40, then a
//! sample up to 300×100: no panic, whatever the size.

use crate::common;

use annals::model::Corpus;
use annals::tui::config::Config;
use annals::tui::palette::Candidates;
use annals::tui::view::{self, theme::Theme};
use annals::tui::{update, Action, Ctx, State};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn screens(corpus: &Corpus, candidates: &Candidates) -> Vec<State> {
    let ctx = Ctx { corpus, candidates, keys: &Config::defaults().keys };
    let with = |actions: &[Action]| {
        let mut s = State::new(corpus);
        for a in actions {
            update(&mut s, &ctx, *a);
        }
        s
    };
    vec![
        with(&[]),
        with(&[Action::OpenPalette, Action::Type('w'), Action::Type('a'), Action::Enter]),
        with(&[Action::OpenPalette, Action::Type('m')]),
        with(&[Action::SideBySide]),
        with(&[Action::ToggleHelp]),
        with(&[Action::FocusNext, Action::OpenSearch, Action::Type('M')]),
    ]
}

#[test]
fn every_size_draws_without_panic() {
    let corpus = common::bundled();
    let candidates = Candidates::new(&corpus);
    let mut sizes: Vec<(u16, u16)> = (1..=40).flat_map(|w| (1..=40).map(move |h| (w, h))).collect();
    sizes.extend([
        (41, 15),
        (59, 14),
        (60, 15),
        (61, 16),
        (80, 24),
        (99, 30),
        (100, 30),
        (120, 40),
        (149, 50),
        (150, 50),
        (200, 60),
        (250, 80),
        (300, 100),
    ]);
    for mut state in screens(&corpus, &candidates) {
        for &(w, h) in &sizes {
            state.resize(&corpus, ratatui::layout::Rect::new(0, 0, w, h));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| view::draw(&state, &corpus, &Config::defaults().keys, Theme::plain(), f)).unwrap();
        }
    }
}
