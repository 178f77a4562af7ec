//! The notes file: the analyst's notes and marks as a W3C Web Annotation
//! collection (JSON-LD), saved so that it is never half written and never
//! overwrites what another process or a person saved meanwhile.
//!
//! A save writes a temporary file beside the notes file, syncs it and
//! renames it into place: a reader, or annals killed mid-save, sees the old
//! file or the new one. Before it, the file on disk is read again: if it
//! changed since it was loaded, the two sets of changes are merged note by
//! note (added, edited or removed on one side only), and a note changed on
//! both sides in different ways refuses the save, saying which.

use super::anchor::Anchor;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::xxh3_64;

/// What a note does, in the words of the W3C model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Motivation {
    /// A note with words of its own.
    Commenting,
    /// A mark: the passage matters.
    Highlighting,
}

impl Motivation {
    /// The W3C model's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Motivation::Commenting => "commenting",
            Motivation::Highlighting => "highlighting",
        }
    }
}

/// One note or mark on a passage of a source.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Unique in its file, kept across saves (`urn:annals:note:…`).
    pub id: String,
    pub motivation: Motivation,
    /// The note's words; none for a mark.
    pub body: Option<String>,
    /// The source's path, as annals names it.
    pub source: String,
    pub anchor: Anchor,
    /// On a claim: its date as written in the passage, which tells the
    /// passage's claims apart (a W3C `refinedBy` of the quote).
    pub date: Option<String>,
    /// The passage's byte span in the source file when the note was written.
    pub bytes: std::ops::Range<usize>,
    /// When it was written and last changed (RFC 3339).
    pub created: String,
    pub modified: String,
}

/// Why the notes could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    #[error("cannot read {path}: {why}")]
    Unreadable { path: PathBuf, why: String },
    #[error("{path} is not a notes file annals can read ({why}); it was left as it is")]
    Damaged { path: PathBuf, why: String },
    #[error("cannot save {path}: {why}")]
    Unwritable { path: PathBuf, why: String },
    #[error(
        "{path} was changed meanwhile by another program, and so were these notes here: {}; nothing was saved",
        ids.join(", ")
    )]
    Conflict { path: PathBuf, ids: Vec<String> },
}

/// A notes file, and its notes as they were when last read or saved: what
/// a save compares the file on disk with.
#[derive(Debug)]
pub struct NotesFile {
    path: PathBuf,
    base: Vec<Note>,
    /// The digest of the file's bytes then (none: there was no file).
    digest: Option<u64>,
}

impl NotesFile {
    /// Reads the notes at `path`; a file that is not there holds none.
    pub fn open(path: &Path) -> Result<NotesFile, NotesError> {
        sweep(path);
        let (base, digest) = read(path)?;
        Ok(NotesFile { path: path.to_path_buf(), base, digest })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The notes as last read or saved.
    pub fn notes(&self) -> &[Note] {
        &self.base
    }

    /// Saves `notes` (the notes read, as changed here), merged with what was
    /// saved meanwhile at the same path: the notes now in the file.
    pub fn save(&mut self, notes: &[Note]) -> Result<&[Note], NotesError> {
        let _turn = take_turn(&self.path)?;
        let (on_disk, digest) = read(&self.path)?;
        let merged = if digest == self.digest { notes.to_vec() } else { self.merge(notes, &on_disk)? };
        write(&self.path, &merged)?;
        self.digest = Some(xxh3_64(&encode(&merged)));
        self.base = merged;
        Ok(&self.base)
    }

    /// Three ways, note by note: what changed here, what changed there.
    fn merge(&self, ours: &[Note], theirs: &[Note]) -> Result<Vec<Note>, NotesError> {
        let by_id =
            |notes: &[Note]| -> BTreeMap<String, Note> { notes.iter().map(|n| (n.id.clone(), n.clone())).collect() };
        let (base, ours_by, theirs_by) = (by_id(&self.base), by_id(ours), by_id(theirs));
        let mut merged = Vec::new();
        let mut conflicts = Vec::new();
        // In the order of ours, then what only they have.
        let ids =
            ours.iter().map(|n| &n.id).chain(theirs.iter().map(|n| &n.id).filter(|id| !ours_by.contains_key(*id)));
        for id in ids {
            let (was, mine, their) = (base.get(id), ours_by.get(id), theirs_by.get(id));
            let chosen = match (mine == was, their == was) {
                (true, _) => their,
                (false, true) => mine,
                (false, false) if mine == their => mine,
                (false, false) => {
                    conflicts.push(id.clone());
                    None
                }
            };
            merged.extend(chosen.cloned());
        }
        if conflicts.is_empty() {
            Ok(merged)
        } else {
            Err(NotesError::Conflict { path: self.path.clone(), ids: conflicts })
        }
    }
}

/// Held while the file is read again, merged and replaced (a lock on a
/// hidden file beside it, let go when dropped): two annals saving at once
/// take turns, and neither loses what the other saved.
pub(super) fn take_turn(path: &Path) -> Result<std::fs::File, NotesError> {
    let unwritable = |e: std::io::Error| NotesError::Unwritable { path: path.to_path_buf(), why: e.to_string() };
    let name = path.file_name().map_or("annals-notes".into(), |n| n.to_string_lossy().into_owned());
    let lock = path.with_file_name(format!(".{name}.lock"));
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(lock).map_err(unwritable)?;
    fs4::FileExt::lock(&file).map_err(unwritable)?;
    Ok(file)
}

/// The notes at `path` and the digest of its bytes; none if there is no file.
fn read(path: &Path) -> Result<(Vec<Note>, Option<u64>), NotesError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        // No file, or no folder: no notes yet (saving says why it cannot).
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
            return Ok((Vec::new(), None));
        }
        Err(e) => return Err(NotesError::Unreadable { path: path.to_path_buf(), why: e.to_string() }),
    };
    let damaged = |why: String| NotesError::Damaged { path: path.to_path_buf(), why };
    let collection: Collection = serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
    let notes = collection.items.into_iter().map(Item::into_note).collect::<Result<_, _>>().map_err(damaged)?;
    Ok((notes, Some(xxh3_64(&bytes))))
}

/// Writes `notes` to `path` whole: a temporary file beside it, synced, renamed.
fn write(path: &Path, notes: &[Note]) -> Result<(), NotesError> {
    replace(path, &encode(notes))
}

/// Replaces the file at `path` with `bytes`, whole or not at all: a
/// temporary file beside it, synced, renamed into its place.
pub(super) fn replace(path: &Path, bytes: &[u8]) -> Result<(), NotesError> {
    let unwritable = |e: std::io::Error| NotesError::Unwritable { path: path.to_path_buf(), why: e.to_string() };
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temporary = (tempfile::Builder::new().prefix(&temporary_prefix(path)).suffix(TEMPORARY_SUFFIX))
        .tempfile_in(folder)
        .map_err(unwritable)?;
    temporary.write_all(bytes).map_err(unwritable)?;
    // As the file it replaces, or as a new file is made (the temporary one is the owner's alone).
    let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok().or_else(default_permissions);
    if let Some(permissions) = permissions {
        temporary.as_file().set_permissions(permissions).map_err(unwritable)?;
    }
    temporary.as_file().sync_all().map_err(unwritable)?;
    temporary.persist(path).map_err(|e| unwritable(e.error))?;
    Ok(())
}

/// The temporary files `replace` makes beside `path` are named
/// `.{name}.{random}.tmp`: a kill while saving leaves one behind.
fn temporary_prefix(path: &Path) -> String {
    format!(".{}.", path.file_name().map_or("annals".into(), |n| n.to_string_lossy()))
}

const TEMPORARY_SUFFIX: &str = ".tmp";

/// How old a temporary file beside the notes must be to be taken for one a
/// killed save left behind (a save takes milliseconds).
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the temporary files of saves of `path` that were killed: those
/// named as [`replace`] names them, older than [`STALE`]. Best effort: a
/// file that cannot be removed is left.
pub(super) fn sweep(path: &Path) {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let prefix = temporary_prefix(path);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(&prefix) && name.ends_with(TEMPORARY_SUFFIX);
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE));
        if ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

fn encode(notes: &[Note]) -> Vec<u8> {
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld".into(),
        kind: "AnnotationCollection".into(),
        label: "annals notes".into(),
        total: notes.len(),
        items: notes.iter().map(Item::of).collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&collection).expect("notes are plain data");
    bytes.push(b'\n');
    bytes
}

#[derive(Serialize, Deserialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: String,
    #[serde(rename = "type")]
    kind: String,
    label: String,
    total: usize,
    items: Vec<Item>,
}

/// A note as the W3C model writes it.
#[derive(Serialize, Deserialize)]
struct Item {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    motivation: Motivation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<Body>,
    target: Target,
    created: String,
    modified: String,
}

#[derive(Serialize, Deserialize)]
struct Body {
    #[serde(rename = "type")]
    kind: String,
    value: String,
    format: String,
}

#[derive(Serialize, Deserialize)]
struct Target {
    #[serde(rename = "annals:path")]
    path: String,
    /// The xxh3 of the source's clean text the quote was taken from, in hex.
    #[serde(rename = "annals:textDigest")]
    text_digest: String,
    selector: Vec<Selector>,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
#[allow(clippy::enum_variant_names)] // the W3C model's names
enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
        #[serde(rename = "refinedBy", default, skip_serializing_if = "Option::is_none")]
        refined_by: Option<Refinement>,
    },
    /// In bytes of the clean text (`annals:unit`), not the model's characters.
    TextPositionSelector {
        start: usize,
        end: usize,
        #[serde(rename = "annals:unit")]
        unit: String,
    },
    DataPositionSelector {
        start: usize,
        end: usize,
    },
}

/// Words within the quote: the claim's date.
#[derive(Serialize, Deserialize)]
struct Refinement {
    #[serde(rename = "type")]
    kind: String,
    exact: String,
}

impl Item {
    fn of(note: &Note) -> Item {
        let a = &note.anchor;
        let body = note.body.as_ref().map(|value| Body {
            kind: "TextualBody".into(),
            value: value.clone(),
            format: "text/plain".into(),
        });
        let selector = vec![
            Selector::TextQuoteSelector {
                exact: a.exact.clone(),
                prefix: a.prefix.clone(),
                suffix: a.suffix.clone(),
                refined_by: note.date.clone().map(|exact| Refinement { kind: "TextQuoteSelector".into(), exact }),
            },
            Selector::TextPositionSelector { start: a.start, end: a.start + a.exact.len(), unit: "utf-8 byte".into() },
            Selector::DataPositionSelector { start: note.bytes.start, end: note.bytes.end },
        ];
        Item {
            id: note.id.clone(),
            kind: "Annotation".into(),
            motivation: note.motivation,
            body,
            target: Target { path: note.source.clone(), text_digest: format!("{:016x}", a.digest), selector },
            created: note.created.clone(),
            modified: note.modified.clone(),
        }
    }

    fn into_note(self) -> Result<Note, String> {
        let (mut quote, mut date) = (None, None);
        let (mut start, mut bytes) = (None, None);
        for s in self.target.selector {
            match s {
                Selector::TextQuoteSelector { exact, prefix, suffix, refined_by } => {
                    quote = Some((exact, prefix, suffix));
                    date = refined_by.map(|r| r.exact);
                }
                Selector::TextPositionSelector { start: at, .. } => start = Some(at),
                Selector::DataPositionSelector { start, end } => bytes = Some(start..end),
            }
        }
        let (exact, prefix, suffix) = quote.ok_or_else(|| format!("note {} has no quote", self.id))?;
        let digest = u64::from_str_radix(&self.target.text_digest, 16).map_err(|e| format!("note {}: {e}", self.id))?;
        Ok(Note {
            anchor: Anchor { exact, prefix, suffix, start: start.unwrap_or(0), digest },
            date,
            bytes: bytes.unwrap_or(0..0),
            id: self.id,
            motivation: self.motivation,
            body: self.body.map(|b| b.value),
            source: self.target.path,
            created: self.created,
            modified: self.modified,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "On 22 March 2012, soldiers overthrew President Touré. Aid was suspended.";

    fn note(id: &str, body: &str) -> Note {
        let start = TEXT.find("soldiers").unwrap();
        Note {
            id: id.into(),
            motivation: Motivation::Commenting,
            body: Some(body.into()),
            source: "seeds/cable.txt".into(),
            anchor: Anchor::new(TEXT, start..start + "soldiers overthrew President Touré".len()),
            date: None,
            bytes: start..start + 34,
            created: "2026-12-04T03:40:00Z".into(),
            modified: "2026-12-04T03:40:00Z".into(),
        }
    }

    fn file() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annals-notes.jsonld");
        (dir, path)
    }

    /// `notes` saved at `path`, then the file opened by two at once.
    fn opened_twice(path: &Path, notes: &[Note]) -> (NotesFile, NotesFile) {
        NotesFile::open(path).unwrap().save(notes).unwrap();
        (NotesFile::open(path).unwrap(), NotesFile::open(path).unwrap())
    }

    #[test]
    fn notes_and_marks_are_read_back_as_saved() {
        let (_dir, path) = file();
        let mut notes = NotesFile::open(&path).unwrap();
        assert!(notes.notes().is_empty(), "no file, no notes");
        let mut mark = note("urn:annals:note:2", "");
        (mark.motivation, mark.body, mark.date) = (Motivation::Highlighting, None, Some("22 March 2012".into()));
        let saved = vec![note("urn:annals:note:1", "Coup d'état:\nsee the cable of 2012 — « Keïta »"), mark];
        notes.save(&saved).unwrap();
        assert_eq!(NotesFile::open(&path).unwrap().notes(), saved);
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(json["type"], "AnnotationCollection");
        assert_eq!(json["items"][0]["target"]["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(json["items"][1]["motivation"], "highlighting");
        assert_eq!(json["items"][1]["target"]["selector"][0]["refinedBy"]["exact"], "22 March 2012");
    }

    #[test]
    fn changes_saved_meanwhile_elsewhere_are_merged() {
        let (_dir, path) = file();
        let (mut here, mut there) = opened_twice(&path, &[note("a", "first"), note("b", "second")]);
        there.save(&[note("a", "first, edited there"), note("b", "second"), note("c", "added there")]).unwrap();
        let saved = here.save(&[note("a", "first"), note("d", "added here")]).unwrap().to_vec();
        let ids: Vec<&str> = saved.iter().map(|n| n.id.as_str()).collect();
        // Their edit of `a`, our removal of `b`, and every addition.
        assert_eq!(ids, ["a", "d", "c"]);
        assert_eq!(saved[0].body.as_deref(), Some("first, edited there"));
        assert_eq!(NotesFile::open(&path).unwrap().notes(), saved);
    }

    #[test]
    fn a_note_removed_here_and_edited_there_refuses_the_save() {
        let (_dir, path) = file();
        let (mut here, mut there) = opened_twice(&path, &[note("a", "first")]);
        there.save(&[note("a", "edited there")]).unwrap();
        assert!(matches!(here.save(&[]), Err(NotesError::Conflict { .. })));
    }

    #[test]
    fn a_note_changed_on_both_sides_refuses_the_save() {
        let (_dir, path) = file();
        let (mut here, mut there) = opened_twice(&path, &[note("a", "first")]);
        there.save(&[note("a", "theirs")]).unwrap();
        let refused = here.save(&[note("a", "mine")]).unwrap_err();
        assert!(matches!(&refused, NotesError::Conflict { ids, .. } if ids == &["a"]), "{refused}");
        assert!(refused.to_string().contains("changed meanwhile"));
        assert_eq!(NotesFile::open(&path).unwrap().notes()[0].body.as_deref(), Some("theirs"), "not overwritten");
    }

    #[test]
    fn a_damaged_file_is_said_and_left_alone() {
        let (_dir, path) = file();
        std::fs::write(&path, "{ not json").unwrap();
        let error = NotesFile::open(&path).unwrap_err();
        assert!(error.to_string().contains("not a notes file"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_said() {
        let (dir, _) = file();
        let blocker = dir.path().join("a-file");
        std::fs::write(&blocker, "").unwrap();
        let mut notes = NotesFile::open(&blocker.join("annals-notes.jsonld")).unwrap();
        let error = notes.save(&[note("a", "x")]).unwrap_err();
        assert!(matches!(error, NotesError::Unwritable { .. }), "{error}");
    }

    #[test]
    fn temporary_files_a_killed_save_left_are_swept_when_the_notes_are_opened() {
        let (dir, path) = file();
        let old = dir.path().join(".annals-notes.jsonld.aB3x9Q.tmp");
        let fresh = dir.path().join(".annals-notes.jsonld.Zz81kq.tmp");
        let other = dir.path().join(".annals-notes.jsonld.notes.txt");
        for f in [&old, &fresh, &other] {
            std::fs::write(f, "{").unwrap();
        }
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for f in [&old, &other] {
            std::fs::File::options().write(true).open(f).unwrap().set_modified(an_hour_ago).unwrap();
        }
        NotesFile::open(&path).unwrap();
        assert!(!old.exists(), "an hour old: a killed save's");
        assert!(fresh.exists(), "perhaps another annals saving now");
        assert!(other.exists(), "not named as annals names its temporary files");
    }
}
