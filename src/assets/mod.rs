//! Curated data: the gazetteer, the event-kind lexicon and the rules of
//! discovery, and the manifest of bundled sources. Embedded in the binary
//! from `assets/`; nothing curated is written in Rust. A corpus folder's
//! own `annals.toml` is merged over them.

pub mod corpus_file;

pub use corpus_file::{CorpusFile, FileError, Reliability, SourceMeta};

use crate::model::EntityKind;
use include_dir::{include_dir, Dir};
use serde::Deserialize;

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets");
static SEEDS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// Feeds every embedded asset, path and bytes, to `digest`: what was made
/// with them holds while they are unchanged.
pub fn digest(digest: &mut impl FnMut(&[u8])) {
    fn walk(dir: &Dir<'_>, digest: &mut impl FnMut(&[u8])) {
        for entry in dir.entries() {
            match entry {
                include_dir::DirEntry::Dir(d) => walk(d, digest),
                include_dir::DirEntry::File(f) => {
                    digest(f.path().to_string_lossy().as_bytes());
                    digest(f.contents());
                }
            }
        }
    }
    walk(&ASSETS, digest);
}

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
    pub dating_words: Vec<String>,
    pub closing_sections: Vec<String>,
    pub function_words: Vec<String>,
    pub person_roles: Vec<String>,
    pub place_heads: Vec<String>,
    pub place_cues: Vec<String>,
    pub strong_place_cues: Vec<String>,
    pub place_nouns: Vec<String>,
    pub place_nouns_after: Vec<String>,
    pub compass_words: Vec<String>,
    pub region_names: Vec<String>,
    pub strong_particles: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Lexicon {
    #[serde(rename = "kind")]
    pub kinds: Vec<EventKindRule>,
    pub rules: Rules,
}

#[derive(Debug, Clone)]
pub struct Assets {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    /// The bundled manifest, then each user file merged over it.
    pub manifest: CorpusFile,
}

pub(crate) fn embedded(name: &str) -> &'static str {
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
            manifest: CorpusFile::parse(embedded("manifest.toml"), "assets/manifest.toml")
                .unwrap_or_else(|e| panic!("{e}")),
        }
    }

    /// A corpus file merged over these assets: its entities and aliases join
    /// the gazetteer; its sources, merges and splits follow the ones before.
    /// On an error nothing of the file is kept.
    pub fn merge(&mut self, file: CorpusFile) -> Result<(), FileError> {
        // The file's own entities first, so its aliases may name them.
        let known = self.gazetteer.entities.len();
        self.gazetteer.entities.extend(file.entities.iter().cloned());
        if let Err(e) = file.check_aliases(&self.gazetteer) {
            self.gazetteer.entities.truncate(known);
            return Err(e);
        }
        for rule in &file.aliases {
            if let Some(i) = self.gazetteer.find(rule.entity.get_ref()) {
                self.gazetteer.entities[i].aliases.extend(rule.aliases.iter().cloned());
            }
        }
        let m = &mut self.manifest;
        m.corpus.extend(file.corpus);
        m.sources.extend(file.sources);
        m.merges.extend(file.merges);
        m.splits.extend(file.splits);
        m.hides.extend(file.hides);
        m.rejects.extend(file.rejects);
        m.redates.extend(file.redates);
        Ok(())
    }

    /// What the manifests say of the document at `path`; later files win.
    pub fn source_meta(&self, path: &str, file_name: &str) -> Option<&SourceMeta> {
        self.manifest.sources.iter().rev().find(|s| s.describes(path, file_name))
    }
}

impl Gazetteer {
    /// The entry with this id, name or alias (accents and case folded).
    pub fn find(&self, name: &str) -> Option<usize> {
        let wanted = crate::text::fold(name);
        let named = |e: &GazetteerEntry| {
            e.id.as_deref() == Some(name)
                || crate::text::fold(&e.name) == wanted
                || e.aliases.iter().any(|a| crate::text::fold(a) == wanted)
        };
        self.entities.iter().position(named)
    }
}

/// The bundled documents, as (file name, bytes), in name order.
pub fn bundled_seeds() -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<_> =
        SEEDS.files().filter_map(|f| Some((f.path().file_name()?.to_str()?, f.contents()))).collect();
    files.sort_by_key(|(name, _)| *name);
    files
}
