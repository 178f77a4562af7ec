//! The user's configuration: its colours reach the screen (NO_COLOR still
//! wins), and the defaults `annals config --default` prints read back.

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

/// `annals config --default`, saved as the user's file, reads back without
/// a mistake; a mistake in it is reported with file:line:column and exit 1.
#[test]
fn the_printed_defaults_round_trip_through_annals_config() {
    let annals = |config: &std::path::Path, args: &[&str]| {
        crate::common::annals_bin().args(args).env("ANNALS_CONFIG", config).output().expect("annals runs")
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let printed = annals(&path, &["config", "--default"]);
    assert!(printed.status.success());
    assert_eq!(
        config::parse(std::str::from_utf8(&printed.stdout).unwrap(), "stdout").unwrap(),
        *config::Config::defaults()
    );
    let none_yet = annals(&path, &["config"]);
    assert!(String::from_utf8_lossy(&none_yet.stdout).contains("none yet, the defaults are used"));
    std::fs::write(&path, &printed.stdout).unwrap();
    let read = annals(&path, &["config"]);
    assert!(read.status.success() && String::from_utf8_lossy(&read.stdout).contains("read, no mistakes"));
    let text = String::from_utf8(printed.stdout)
        .unwrap()
        .replace("{ on = \"q\", run = \"quit\"", "{ on = \"j\", run = \"quit\"");
    std::fs::write(&path, text).unwrap();
    let twice = annals(&path, &["config"]);
    let said = String::from_utf8_lossy(&twice.stdout);
    assert_eq!(twice.status.code(), Some(1));
    assert!(said.contains("config.toml:") && said.contains("`j` is bound twice in `browse`"), "{said}");
}

#[test]
fn search_hits_and_the_claim_date_take_their_own_colours() {
    let text = "[colors]\nmatched = \"#00ff00\"\ndate = \"lightred\"\n";
    let colors: &'static _ = Box::leak(Box::new(config::parse(text, "config.toml").unwrap().colors));
    let theme = Theme { color: true, colors };
    assert_eq!(theme.matched().fg, Some(Color::Rgb(0, 255, 0)));
    assert_eq!(theme.claim_date().fg, Some(Color::LightRed));
    assert_eq!(theme.claim_date().bg, theme.claim().bg, "on the claim's background");
    assert_eq!(theme.border(true).fg, Some(Color::LightYellow), "focus kept");
}
