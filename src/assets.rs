//! Curated data: the gazetteer, the event-kind lexicon and the rules of
//! discovery, and the manifest of bundled sources. Embedded in the binary
//! from `assets/`; nothing curated is written in Rust.

use crate::model::{EntityKind, SourceKind};
use include_dir::{include_dir, Dir};
use serde::Deserialize;
use std::collections::BTreeMap;

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets");
static SEEDS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// A known entity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerEntry {
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Demonyms of a country (`Malian`); their plurals are added.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Short forms that only count within a document that names the entity
    /// in full, or after a title (`President Keita`).
    #[serde(default)]
    pub short: Vec<String>,
    /// Terms of office (`1960/1968`), to tell people of one name apart.
    #[serde(default)]
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Gazetteer {
    #[serde(rename = "entity")]
    pub entities: Vec<GazetteerEntry>,
}

/// One event kind and the words that signal it.
#[derive(Debug, Clone, Deserialize)]
pub struct EventKindRule {
    pub name: String,
    pub label: String,
    pub triggers: Vec<String>,
}

/// Words the extractors read: what titles precede a name, what nouns end an
/// organisation's name, what words are not names.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct Rules {
    pub person_titles: Vec<String>,
    pub organization_heads: Vec<String>,
    pub organization_starts: Vec<String>,
    pub program_heads: Vec<String>,
    pub program_starts: Vec<String>,
    pub group_words: Vec<String>,
    pub name_particles: Vec<String>,
    pub not_names: Vec<String>,
    pub event_nouns: Vec<String>,
    pub count_nouns: Vec<String>,
    pub abbreviations: Vec<String>,
    pub sentence_starters: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Lexicon {
    #[serde(rename = "kind")]
    pub kinds: Vec<EventKindRule>,
    pub rules: Rules,
}

/// Metadata a person gives about a source.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    pub file: String,
    pub title: Option<String>,
    pub kind: Option<SourceKind>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Why `published` is what it is, when it is not in the text.
    pub published_note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
pub struct Manifest {
    #[serde(default)]
    pub corpus: BTreeMap<String, String>,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceMeta>,
}

impl Manifest {
    pub fn source(&self, file_name: &str) -> Option<&SourceMeta> {
        self.sources.iter().find(|s| s.file == file_name)
    }
}

#[derive(Debug, Clone)]
pub struct Assets {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    pub manifest: Manifest,
}

fn embedded(name: &str) -> &'static str {
    ASSETS
        .get_file(name)
        .and_then(|f| f.contents_utf8())
        .unwrap_or_else(|| panic!("assets/{name} is embedded at build time"))
}

fn parse_embedded<T: serde::de::DeserializeOwned>(name: &str) -> T {
    toml::from_str(embedded(name)).unwrap_or_else(|e| panic!("assets/{name}: {e}"))
}

impl Assets {
    /// The bundled assets. They are checked by the test suite, so a parse
    /// error here is a build defect, not bad input.
    pub fn bundled() -> Assets {
        Assets {
            gazetteer: parse_embedded("gazetteer.toml"),
            lexicon: parse_embedded("lexicon.toml"),
            manifest: parse_embedded("manifest.toml"),
        }
    }
}

/// The bundled documents, as (file name, bytes), in name order.
pub fn bundled_seeds() -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<_> =
        SEEDS.files().filter_map(|f| Some((f.path().file_name()?.to_str()?, f.contents()))).collect();
    files.sort_by_key(|(name, _)| *name);
    files
}
