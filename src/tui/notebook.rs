//! The files behind the browser: the notes file, read when browsing
//! starts, saved after every change (merged with what another annals saved
//! meanwhile) and placed again on every corpus the browser moves to; the
//! folder's `annals.toml`, where corrections go (the folder's watcher then
//! builds the corpus again); and the session's changes, to undo them, kept
//! across those corpora.

use super::state::{Request, State};
use crate::model::{ClaimId, Corpus, EventId, TiSlice};
use crate::notes::{corrections, Change, Correction, Layer, Note, NotesError, NotesFile};
use std::path::{Path, PathBuf};

/// A change of this session, the way to undo it.
enum Undo {
    Notes(Change),
    Correct(Correction),
}

pub struct Notebook {
    /// None: notes are not kept this session (the file could not be read).
    file: Option<NotesFile>,
    /// Where notes go when the folder of the first cannot be written.
    fallback: Option<PathBuf>,
    /// The notes as the browser last had them, saved or not.
    notes: Vec<Note>,
    /// What to say when browsing starts.
    pub notice: Option<String>,
    /// The folder's `annals.toml`, if corrections can be written.
    corrections: Option<PathBuf>,
    history: Vec<Undo>,
}

impl Notebook {
    /// The notes at `path`; those at `fallback` if `path` has none and they
    /// were kept there before (its folder could not be written).
    pub fn open(path: &Path, fallback: Option<PathBuf>) -> Notebook {
        let kept_aside = !path.exists() && fallback.as_ref().is_some_and(|f| f.exists());
        let path = if kept_aside { fallback.clone().unwrap_or_default() } else { path.to_path_buf() };
        match NotesFile::open(&path) {
            Ok(file) => Notebook { notes: file.notes().to_vec(), file: Some(file), fallback, ..Notebook::none() },
            Err(e) => {
                Notebook { notice: Some(format!("notes: {e}; notes are not saved this session")), ..Notebook::none() }
            }
        }
    }

    /// No notes file: notes live only while the browser is open.
    pub fn none() -> Notebook {
        Notebook { file: None, fallback: None, notes: Vec::new(), notice: None, corrections: None, history: Vec::new() }
    }

    /// Corrections written into `annals_toml`.
    pub fn correcting(self, annals_toml: PathBuf) -> Notebook {
        Notebook { corrections: Some(annals_toml), ..self }
    }

    /// After a key: the layer's changes kept to undo, what the key asked
    /// done, the notes saved if they changed.
    pub fn follow(&mut self, state: &mut State, corpus: &Corpus) {
        self.history.extend(state.notes.take_changes().into_iter().map(Undo::Notes));
        for request in std::mem::take(&mut state.requests) {
            state.notice = Some(match request {
                Request::Correct(correction) => self.correct(correction),
                Request::Undo => self.undo(state, corpus),
            });
        }
        // Saving keeps the notes for the next corpus too; a key that changed none copies none.
        if state.notes.unsaved {
            if let Some(said) = self.save(&mut state.notes, corpus, &state.index.claim_event) {
                state.notice = Some(said);
            }
        }
    }

    fn correct(&mut self, correction: Correction) -> String {
        let Some(path) = &self.corrections else {
            return "corrections are kept in a folder's annals.toml: open a folder to make them".to_string();
        };
        let said = match &correction {
            Correction::Reject(_) => "not a claim".to_string(),
            Correction::Redate(r) => format!("dated {}", r.to),
            Correction::Merge(m) => format!("“{}” is now “{}”", m.names.join("”, “"), m.into),
            Correction::Split(s) => format!("“{}” split from “{}”", s.names.join("”, “"), s.entity),
            Correction::Hide(h) => format!("“{}” hidden", h.entity),
        };
        match corrections::add(path, &correction) {
            Ok(()) => {
                self.history.push(Undo::Correct(correction));
                format!("{said}: written in {}; the timeline follows (u undoes)", path.display())
            }
            Err(e) => format!("not written: {e}"),
        }
    }

    fn undo(&mut self, state: &mut State, corpus: &Corpus) -> String {
        match self.history.pop() {
            None => "nothing to undo in this session".to_string(),
            Some(Undo::Notes(change)) => {
                state.notes.put_back(corpus, &state.index.claim_event, change);
                if state.marked_only {
                    state.set_filter(corpus, state.filter);
                }
                "undone".to_string()
            }
            Some(Undo::Correct(correction)) => {
                let path = self.corrections.as_deref().unwrap_or(Path::new(""));
                let done = match &correction {
                    Correction::Reject(_) => "the claim is back".to_string(),
                    Correction::Redate(_) => "the claim has its date again".to_string(),
                    Correction::Merge(m) => format!("“{}” is as it was", m.names.join("”, “")),
                    Correction::Split(s) => format!("“{}” is part of “{}” again", s.names.join("”, “"), s.entity),
                    Correction::Hide(h) => format!("“{}” is back", h.entity),
                };
                match corrections::take_back(path, &correction) {
                    Ok(true) => format!("undone: {done} (annals.toml)"),
                    Ok(false) => "undone already: annals.toml no longer has that correction".to_string(),
                    Err(e) => format!("not undone: {e}"),
                }
            }
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(NotesFile::path)
    }

    /// The notes placed on `corpus`.
    pub fn layer(&self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>) -> Layer {
        let mut layer = Layer::new(corpus, claim_event, self.notes.clone());
        layer.unsaved = self.file.as_ref().is_some_and(|f| f.notes() != self.notes.as_slice());
        layer
    }

    /// Saves the layer's notes; what to tell the user, if anything. The
    /// layer then holds what the file holds (another process's notes too).
    pub fn save(
        &mut self,
        layer: &mut Layer,
        corpus: &Corpus,
        claim_event: &TiSlice<ClaimId, EventId>,
    ) -> Option<String> {
        self.notes = layer.notes().to_vec();
        layer.unsaved = false; // tried once per change, not at every key
        let file = self.file.as_mut()?;
        let mut said = None;
        let saved = match file.save(&self.notes) {
            Err(NotesError::Unwritable { path, why }) if self.fallback.as_deref().is_some_and(|f| f != path) => {
                let aside = self.fallback.take().unwrap_or_default();
                said = Some(format!("cannot write {} ({why}): notes kept in {}", path.display(), aside.display()));
                set_aside(&aside, &self.notes).map(|(f, saved)| {
                    self.file = Some(f);
                    saved
                })
            }
            other => other.map(<[Note]>::to_vec),
        };
        match saved {
            Ok(saved) => {
                layer.saved(corpus, claim_event, saved.clone());
                self.notes = saved;
                said
            }
            Err(e) => Some(format!("notes not saved: {e}")),
        }
    }
}

/// `notes` saved in the notes file at `aside`, with those it holds already.
fn set_aside(aside: &Path, notes: &[Note]) -> Result<(NotesFile, Vec<Note>), NotesError> {
    if let Some(folder) = aside.parent() {
        let _ = std::fs::create_dir_all(folder); // said by the save if it failed
    }
    let mut file = NotesFile::open(aside)?;
    let mut all = file.notes().to_vec();
    for note in notes {
        match all.iter_mut().find(|n| n.id == note.id) {
            Some(there) => *there = note.clone(),
            None => all.push(note.clone()),
        }
    }
    let saved = file.save(&all)?.to_vec();
    Ok((file, saved))
}
