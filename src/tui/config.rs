//! The user's `config.toml`, merged over the defaults embedded from
//! `assets/config.toml`: a built-in theme and any of its colours. A mistake
//! is reported with file, line and column and what was expected; annals
//! then starts with the defaults and says so.

use super::colors::Colors;
use crate::assets::corpus_file::{line_column, FileError as ConfigError};
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use toml::Spanned;

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
    colors: ColorFields,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColorFields {
    focus: Option<Spanned<String>>,
    dim: Option<Spanned<String>>,
    year: Option<Spanned<String>>,
    conflict: Option<Spanned<String>>,
    claim_bg: Option<Spanned<String>>,
    claim_fg: Option<Spanned<String>>,
    person: Option<Spanned<String>>,
    organization: Option<Spanned<String>>,
    country: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    group: Option<Spanned<String>>,
    program: Option<Spanned<String>>,
    #[serde(default)]
    events: BTreeMap<String, Spanned<String>>,
}

/// The colours `text` (the file at `path`) asks for, over the defaults'.
pub fn parse(text: &str, path: &str) -> Result<Colors, ConfigError> {
    let at = |span: Option<Range<usize>>, message: String| {
        let (line, column) = line_column(text, span.map_or(0, |s| s.start));
        ConfigError { path: path.to_string(), line, column, message }
    };
    let file: File = toml::from_str(text).map_err(|e| at(e.span(), e.message().trim().to_string()))?;
    let mut colors = match &file.theme {
        None => Colors::default_theme(),
        Some(name) => Colors::built_in(name.get_ref()).ok_or_else(|| {
            let expected = Colors::BUILT_IN.map(|t| format!("\"{t}\"")).join(", ");
            at(Some(name.span()), format!("no theme `{}`: expected one of {expected}", name.get_ref()))
        })?,
    };
    let color = |field: &Spanned<String>| {
        field.get_ref().parse::<Color>().map_err(|_| {
            let expected = "expected a colour name such as lightblue, an index 0-255 or \"#rrggbb\"";
            at(Some(field.span()), format!("`{}` is not a colour: {expected}", field.get_ref()))
        })
    };
    let c = &file.colors;
    let fields = [
        (&c.focus, &mut colors.focus),
        (&c.dim, &mut colors.dim),
        (&c.year, &mut colors.year),
        (&c.conflict, &mut colors.conflict),
        (&c.claim_bg, &mut colors.claim_bg),
        (&c.claim_fg, &mut colors.claim_fg),
        (&c.person, &mut colors.person),
        (&c.organization, &mut colors.organization),
        (&c.country, &mut colors.country),
        (&c.place, &mut colors.place),
        (&c.group, &mut colors.group),
        (&c.program, &mut colors.program),
    ];
    for (field, slot) in fields {
        if let Some(field) = field {
            *slot = color(field)?;
        }
    }
    for (kind, field) in &c.events {
        let value = color(field)?;
        if kind == "other" {
            colors.other_event = value;
        } else if let Some((_, slot)) = colors.events.iter_mut().find(|(k, _)| k == kind) {
            *slot = value;
        } else {
            colors.events.push((kind.clone(), value));
        }
    }
    Ok(colors)
}

/// The user's colours, or the defaults and why when the file is wrong. No
/// file is no notice.
pub fn load() -> (Colors, Option<String>) {
    load_from(path())
}

/// [`load`] from the file at `path`.
pub fn load_from(path: Option<PathBuf>) -> (Colors, Option<String>) {
    let Some(path) = path else {
        return (Colors::default_theme(), None);
    };
    let shown = path.display().to_string();
    let text = match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Colors::default_theme(), None),
        Err(e) => Err(ConfigError { path: shown.clone(), line: 1, column: 1, message: e.to_string() }),
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| ConfigError {
            path: shown.clone(),
            line: 1,
            column: 1,
            message: "not UTF-8 text".into(),
        }),
    };
    match text.and_then(|text| parse(&text, &shown)) {
        Ok(colors) => (colors, None),
        // What it means first: a narrow status bar cuts the rest.
        Err(e) => (Colors::default_theme(), Some(format!("config not used, the defaults are: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(text, "config.toml").expect_err("an error").to_string()
    }

    #[test]
    fn the_defaults_read_back_as_the_default_theme() {
        assert_eq!(parse(default_text(), "assets/config.toml").unwrap(), Colors::default_theme());
    }

    #[test]
    fn a_theme_and_a_colour_over_it() {
        let colors =
            parse("theme = \"light\"\n[colors]\nfocus = \"#ff0000\"\n[colors.events]\nriot = \"9\"\n", "c").unwrap();
        assert_eq!(colors.focus, Color::Rgb(255, 0, 0));
        assert_eq!(colors.claim_fg, Color::Black, "the rest from the light theme");
        assert_eq!(colors.event("riot"), Color::Indexed(9));
    }

    #[test]
    fn a_file_with_a_mistake_gives_the_defaults_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(load_from(Some(path.clone())), (Colors::default_theme(), None), "no file, no notice");
        std::fs::write(&path, "theme = \"light\"\n[colors]\nfocus = 12\n").unwrap();
        let (colors, notice) = load_from(Some(path.clone()));
        assert_eq!(colors, Colors::default_theme());
        let notice = notice.expect("a notice");
        assert!(
            notice.starts_with("config not used, the defaults are: ") && notice.contains("config.toml:3:9"),
            "{notice}"
        );
        std::fs::write(&path, "theme = \"high-contrast\"\n").unwrap();
        assert_eq!(load_from(Some(path)), (Colors::built_in("high-contrast").unwrap(), None));
    }

    #[test]
    fn mistakes_say_where_and_what_was_expected() {
        assert!(error("[colors]\nfocus = \"blurple\"\n")
            .starts_with("config.toml:2:9: `blurple` is not a colour: expected"));
        assert!(error("theme = \"dusk\"\n").contains("config.toml:1:9: no theme `dusk`: expected one of \"default\""));
        let unknown = error("[colors]\nfocus = \"red\"\nborder = \"red\"\n");
        assert!(unknown.starts_with("config.toml:3:1: unknown field `border`, expected one of"), "{unknown}");
        let syntax = error("theme = \"light\n");
        assert!(syntax.starts_with("config.toml:1:"), "{syntax}");
    }
}
