//! Where the analyst's notes of a corpus are kept: `annals-notes.jsonld` in
//! the first folder opened (a file's own folder), in the data folder for
//! the bundled corpus; notes of a folder that cannot be written go to the
//! data folder. The browser saves them there; the exports read them.

use annals::model::Corpus;
use annals::notes::Layer;
use annals::tui::notebook::Notebook;
use std::path::{Path, PathBuf};

const NOTES_FILE: &str = "annals-notes.jsonld";

/// The notes file of a corpus opened from `paths`, and where its notes go
/// when that file's folder cannot be written.
fn places(paths: &[PathBuf]) -> Option<(PathBuf, Option<PathBuf>)> {
    let data = data_dir();
    let Some(first) = paths.first() else {
        return data.map(|d| (d.join(NOTES_FILE), None));
    };
    let folder = if first.is_dir() { first.clone() } else { first.parent().map(PathBuf::from).unwrap_or_default() };
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    let aside = data.map(|d| {
        let name = folder.file_name().map_or("notes".into(), |n| n.to_string_lossy().into_owned());
        let hash = xxhash_rust::xxh3::xxh3_64(folder.as_os_str().as_encoded_bytes());
        d.join("notes").join(format!("{name}-{hash:016x}.jsonld"))
    });
    Some((folder.join(NOTES_FILE), aside))
}

/// The browser's notes file for `paths`, and the `annals.toml` its
/// corrections go to when the first path is a folder (the one read with it).
pub fn notebook(paths: &[PathBuf]) -> Notebook {
    let notebook = places(paths).map_or_else(Notebook::none, |(file, aside)| Notebook::open(&file, aside));
    match paths.first().filter(|p| p.is_dir()) {
        Some(folder) => notebook.correcting(folder.join(annals::assets::corpus_file::FILE_NAME)),
        None => notebook,
    }
}

/// The notes of `paths` placed on `corpus`, for an export (read, never written).
pub fn layer(paths: &[PathBuf], corpus: &Corpus) -> Layer {
    let mut notebook = notebook(paths);
    if let Some(notice) = notebook.notice.take() {
        eprintln!("annals: {notice}");
    }
    notebook.layer(corpus, &corpus.claim_events())
}

/// Where annals keeps what is the user's own and not a cache:
/// `ANNALS_DATA_DIR` when set, else the platform's data folder.
fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ANNALS_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "annals").map(|d| d.data_dir().to_path_buf())
}

/// Whether a change is annals's own notes being saved, not a document.
pub fn is_notes_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(NOTES_FILE) || n.starts_with(".annals-notes"))
}
