//! The user's colours reach the screen; NO_COLOR (a plain theme) still wins.

use crate::common;

use annals::tui::config;
use annals::tui::config::Config;
use annals::tui::view::{self, theme::Theme};
use annals::tui::State;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::Terminal;

/// The colour of the focused pane's top-left corner (the timeline's, at 80 columns).
fn focus_corner(theme: Theme) -> Color {
    let corpus = common::bundled();
    let mut state = State::new(&corpus);
    state.resize(&corpus, Rect::new(0, 0, 80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| view::draw(&state, &corpus, &Config::defaults().keys, theme, f)).unwrap();
    let corner = state.areas.timeline;
    terminal.backend().buffer()[(corner.x, corner.y)].fg
}

#[test]
fn a_configured_colour_is_drawn_and_no_color_wins() {
    let colors = config::parse("theme = \"light\"\n[colors]\nfocus = \"#ff0000\"\n", "config.toml").unwrap().colors;
    let colors: &'static _ = Box::leak(Box::new(colors));
    assert_eq!(focus_corner(Theme { color: true, colors }), Color::Rgb(255, 0, 0));
    assert_eq!(focus_corner(Theme::colored()), Color::LightYellow, "the default theme");
    assert_eq!(focus_corner(Theme { color: false, colors }), Color::Reset, "NO_COLOR: no colour at all");
}
