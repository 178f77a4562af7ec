//! The user's `config.toml`, merged over the defaults embedded from
//! `assets/config.toml`: a built-in theme and any of its colours, and the
//! keys of every mode. A mistake is reported with file, line and column and
//! what was expected; annals then starts with the defaults and says so.

mod colors;
mod keys;

use super::colors::Colors;
use super::keymap::KeyMap;
use crate::assets::corpus_file::{line_column, FileError as ConfigError};
use serde::Deserialize;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::LazyLock;
use toml::Spanned;

/// What the user can change: colours and keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub colors: Colors,
    pub keys: KeyMap,
}

static DEFAULTS: LazyLock<Config> = LazyLock::new(|| {
    let file = "assets/config.toml";
    read(default_text(), file, &KeyMap::default()).expect("the embedded defaults read well, as a test checks")
});

impl Config {
    /// The defaults embedded in the binary.
    pub fn defaults() -> &'static Config {
        &DEFAULTS
    }
}

/// The defaults, as `annals config --default` prints them.
pub fn default_text() -> &'static str {
    crate::assets::embedded("config.toml")
}

/// Where the user's file is: `ANNALS_CONFIG` when set, else the platform's
/// configuration folder (`$XDG_CONFIG_HOME/annals/config.toml` on Linux).
pub fn path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ANNALS_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "annals").map(|d| d.config_dir().join("config.toml"))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<Spanned<String>>,
    #[serde(default)]
    colors: colors::ColorFields,
    #[serde(default)]
    keys: keys::KeyFields,
}

/// Where a mistake is: the file's text and name.
struct At<'a> {
    text: &'a str,
    path: &'a str,
}

impl At<'_> {
    fn error(&self, span: Range<usize>, message: String) -> ConfigError {
        let (line, column) = line_column(self.text, span.start);
        ConfigError { path: self.path.to_string(), line, column, message }
    }
}

/// The configuration `text` (the file at `path`) asks for, over the defaults.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    read(text, path, &Config::defaults().keys)
}

fn read(text: &str, path: &str, default_keys: &KeyMap) -> Result<Config, ConfigError> {
    let at = At { text, path };
    let file: File =
        toml::from_str(text).map_err(|e| at.error(e.span().unwrap_or(0..0), e.message().trim().to_string()))?;
    let colors = colors::read(file.theme.as_ref(), &file.colors, &at)?;
    let keys = keys::read(&file.keys, default_keys, &at)?;
    Ok(Config { colors, keys })
}

/// The user's configuration, or the defaults and why when the file is
/// wrong. No file is no notice.
pub fn load() -> (Config, Option<String>) {
    load_from(path())
}

/// [`load`] from the file at `path`.
pub fn load_from(path: Option<PathBuf>) -> (Config, Option<String>) {
    let Some(path) = path else {
        return (Config::defaults().clone(), None);
    };
    let shown = path.display().to_string();
    let text = match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::defaults().clone(), None),
        Err(e) => Err(ConfigError { path: shown.clone(), line: 1, column: 1, message: e.to_string() }),
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| ConfigError {
            path: shown.clone(),
            line: 1,
            column: 1,
            message: "not UTF-8 text".into(),
        }),
    };
    match text.and_then(|text| parse(&text, &shown)) {
        Ok(config) => (config, None),
        // What it means first: a narrow status bar cuts the rest.
        Err(e) => (Config::defaults().clone(), Some(format!("config not used, the defaults are: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::key::Key;
    use crate::tui::keymap::{Pressed, Scope};
    use crate::tui::state::Pane;
    use ratatui::style::Color;

    fn error(text: &str) -> String {
        parse(text, "config.toml").expect_err("an error").to_string()
    }

    fn key(name: &str) -> Key {
        name.parse().unwrap()
    }

    #[test]
    fn the_defaults_read_back_as_themselves() {
        let defaults = Config::defaults();
        assert_eq!(defaults.colors, Colors::default_theme());
        assert_eq!(&parse(default_text(), "assets/config.toml").unwrap(), defaults, "--default round-trips");
        assert!(defaults.keys.rows().len() > 30, "every mode's keys");
    }

    #[test]
    fn a_theme_and_a_colour_over_it() {
        let text = "theme = \"light\"\n[colors]\nfocus = \"#ff0000\"\n[colors.events]\nriot = \"9\"\n";
        let colors = parse(text, "c").unwrap().colors;
        assert_eq!(colors.focus, Color::Rgb(255, 0, 0));
        assert_eq!(colors.claim_fg, Color::Black, "the rest from the light theme");
        assert_eq!(colors.event("riot"), Color::Indexed(9));
    }

    #[test]
    fn a_key_overridden_keeps_the_other_defaults() {
        let text = "[keys]\nbrowse = [{ on = \"q\", run = \"help\", desc = \"help again\" }, \
                    { on = \"ctrl-n\", run = \"down\" }, { on = \"s\", run = \"none\" }]\n";
        let keys = parse(text, "c").unwrap().keys;
        let action = |name: &str| keys.action_for(key(name), Scope::Browse, Pane::Timeline);
        assert_eq!(action("q"), Some(Action::ToggleHelp));
        assert_eq!(action("ctrl-n"), Some(Action::Down(1)));
        assert_eq!(action("s"), None, "unbound");
        assert_eq!(action("j"), Some(Action::Down(1)), "a default kept");
        assert_eq!(action("ctrl-c"), Some(Action::Quit), "ctrl-c still quits");
        let rows = keys.rows();
        let down = rows.iter().find(|r| r.desc == "move down").unwrap();
        assert_eq!(down.keys, ["j", "↓", "Ctrl-n"], "a key without desc joins its action's row");
        assert!(!rows.iter().any(|r| r.desc == "quit"), "q no longer quits");
        assert!(!rows.iter().any(|r| r.keys.contains(&"s".to_string())), "an unbound key is not in the help");
        let hints = keys.hints(Scope::Browse, Pane::Timeline, Default::default());
        assert_eq!(hints.last().map(String::as_str), Some("Ctrl-c quit"), "{hints:?}");
    }

    #[test]
    fn a_pane_key_wins_over_a_browse_key() {
        let text = "[keys]\ntimeline = [{ on = \"q\", run = \"sort\", desc = \"sort\" }]\n";
        let keys = parse(text, "c").unwrap().keys;
        assert_eq!(keys.action_for(key("q"), Scope::Browse, Pane::Timeline), Some(Action::CycleSort));
        assert_eq!(keys.action_for(key("q"), Scope::Browse, Pane::Entities), Some(Action::Quit));
        assert_eq!(keys.action_for(key("q"), Scope::Palette, Pane::Timeline), Some(Action::Type('q')));
    }

    #[test]
    fn a_chord_waits_for_its_last_key() {
        let text =
            "[keys]\nbrowse = [{ on = [\"g\", \"g\"], run = \"top\" }, { on = [\"g\", \"e\"], run = \"bottom\" }]\n";
        let keys = parse(text, "c").unwrap().keys;
        let press = |names: &[&str]| {
            let typed: Vec<Key> = names.iter().map(|n| key(n)).collect();
            keys.press(&typed, Scope::Browse, Pane::Timeline)
        };
        assert_eq!(press(&["g"]), Pressed::Wait, "the default `g` gave way to the chords");
        assert_eq!(press(&["g", "g"]), Pressed::Run(Action::Top));
        assert_eq!(press(&["g", "e"]), Pressed::Run(Action::Bottom));
        assert_eq!(press(&["g", "x"]), Pressed::Nothing);
        assert!(keys.rows().iter().any(|r| r.keys == ["Home", "g g"]), "help shows chords");
    }

    #[test]
    fn a_file_with_a_mistake_gives_the_defaults_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(load_from(Some(path.clone())), (Config::defaults().clone(), None), "no file, no notice");
        std::fs::write(&path, "theme = \"light\"\n[colors]\nfocus = 12\n").unwrap();
        let (config, notice) = load_from(Some(path.clone()));
        assert_eq!(&config, Config::defaults());
        let notice = notice.expect("a notice");
        assert!(
            notice.starts_with("config not used, the defaults are: ") && notice.contains("config.toml:3:9"),
            "{notice}"
        );
        std::fs::write(&path, "theme = \"high-contrast\"\n").unwrap();
        assert_eq!(load_from(Some(path)).0.colors, Colors::built_in("high-contrast").unwrap());
    }

    #[test]
    fn colour_mistakes_say_where_and_what_was_expected() {
        assert!(error("[colors]\nfocus = \"blurple\"\n")
            .starts_with("config.toml:2:9: `blurple` is not a colour: expected"));
        assert!(error("theme = \"dusk\"\n").contains("config.toml:1:9: no theme `dusk`: expected one of \"default\""));
        let unknown = error("[colors]\nfocus = \"red\"\nborder = \"red\"\n");
        assert!(unknown.starts_with("config.toml:3:1: unknown field `border`, expected one of"), "{unknown}");
        let syntax = error("theme = \"light\n");
        assert!(syntax.starts_with("config.toml:1:"), "{syntax}");
    }

    #[test]
    fn key_mistakes_say_where_and_what_was_expected() {
        let twice =
            error("[keys]\nbrowse = [\n  { on = \"x\", run = \"top\" },\n  { on = \"x\", run = \"quit\" },\n]\n");
        assert!(twice.starts_with("config.toml:4:10: `x` is bound twice in `browse`"), "{twice}");
        let hidden = error("[keys]\nhelp = [{ on = \"z\", run = \"top\" }, { on = [\"z\", \"z\"], run = \"top\" }]\n");
        assert!(hidden.starts_with("config.toml:2:43: `z` and `z z` overlap in `help`"), "{hidden}");
        let action = error("[keys]\nbrowse = [{ on = \"x\", run = \"explode\" }]\n");
        assert!(
            action.starts_with("config.toml:2:29: no action `explode`: expected one of \"focus-next\""),
            "{action}"
        );
        let name = error("[keys]\nbrowse = [{ on = \"ctrl-hyper\", run = \"top\" }]\n");
        assert!(name.starts_with("config.toml:2:18: `ctrl-hyper` is not a key: expected a character"), "{name}");
        let mode = error("[keys]\nbrowsing = []\n");
        assert!(mode.starts_with("config.toml:2:1: unknown field `browsing`, expected one of `browse`"), "{mode}");
        let shape = error("[keys]\nbrowse = [{ on = 3, run = \"top\" }]\n");
        assert!(shape.starts_with("config.toml:2:18: ") && shape.contains("a key such as \"ctrl-p\""), "{shape}");
        let missing = error("[keys]\nbrowse = [{ on = \"x\" }]\n");
        assert!(missing.starts_with("config.toml:2:") && missing.contains("missing field `run`"), "{missing}");
    }
}
