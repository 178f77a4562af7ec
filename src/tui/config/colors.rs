//! The `theme` and `[colors]` of a configuration, over a built-in theme.

use super::At;
use crate::assets::corpus_file::FileError as ConfigError;
use crate::tui::colors::Colors;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColorFields {
    focus: Option<Spanned<String>>,
    matched: Option<Spanned<String>>,
    dim: Option<Spanned<String>>,
    year: Option<Spanned<String>>,
    conflict: Option<Spanned<String>>,
    claim_bg: Option<Spanned<String>>,
    claim_fg: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    person: Option<Spanned<String>>,
    organization: Option<Spanned<String>>,
    country: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    group: Option<Spanned<String>>,
    program: Option<Spanned<String>>,
    #[serde(default)]
    events: BTreeMap<String, Spanned<String>>,
}

/// The colours of `theme` (the default one if none), with `fields` over them.
pub fn read(theme: Option<&Spanned<String>>, fields: &ColorFields, at: &At) -> Result<Colors, ConfigError> {
    let mut colors = match theme {
        None => Colors::default_theme(),
        Some(name) => Colors::built_in(name.get_ref()).ok_or_else(|| {
            let expected = Colors::BUILT_IN.map(|t| format!("\"{t}\"")).join(", ");
            at.error(name.span(), format!("no theme `{}`: expected one of {expected}", name.get_ref()))
        })?,
    };
    let color = |field: &Spanned<String>| {
        field.get_ref().parse::<Color>().map_err(|_| {
            let expected = "expected a colour name such as lightblue, an index 0-255 or \"#rrggbb\"";
            at.error(field.span(), format!("`{}` is not a colour: {expected}", field.get_ref()))
        })
    };
    let c = fields;
    let slots = [
        (&c.focus, &mut colors.focus),
        (&c.matched, &mut colors.matched),
        (&c.dim, &mut colors.dim),
        (&c.year, &mut colors.year),
        (&c.conflict, &mut colors.conflict),
        (&c.claim_bg, &mut colors.claim_bg),
        (&c.claim_fg, &mut colors.claim_fg),
        (&c.date, &mut colors.date),
        (&c.person, &mut colors.person),
        (&c.organization, &mut colors.organization),
        (&c.country, &mut colors.country),
        (&c.place, &mut colors.place),
        (&c.group, &mut colors.group),
        (&c.program, &mut colors.program),
    ];
    for (field, slot) in slots {
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
