//! The notes placed on a corpus: each note's passage found again in its
//! source's text as it is now, the claim it is on, and so the event. What
//! the browser shows and changes; the notes file keeps it.

use super::anchor::{Anchor, Placement};
use super::store::{Motivation, Note};
use crate::model::{ClaimId, Corpus, EventId, SourceId, TiSlice};
use rustc_hash::FxHashMap;

/// Where a note stands in the corpus now.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Its source, if a source of the corpus has its path.
    pub source: Option<SourceId>,
    pub placement: Placement,
    /// The claim it is on: told in its passage, with its date if it names one.
    pub claim: Option<ClaimId>,
    /// That claim's event.
    pub event: Option<EventId>,
}

impl Placed {
    /// Found again only approximately or elsewhere: for the user to confirm.
    pub fn moved(&self) -> bool {
        matches!(self.placement, Placement::Moved { .. })
    }

    /// Its passage's byte span in its file now, if it is anywhere.
    pub fn bytes(&self, corpus: &Corpus) -> Option<std::ops::Range<usize>> {
        self.source.zip(self.placement.range()).map(|(s, r)| corpus.sources[s].raw_span(r))
    }
}

/// The notes and marks of a corpus, placed.
#[derive(Debug, Clone, Default)]
pub struct Layer {
    notes: Vec<Note>,
    placed: Vec<Placed>,
    /// The notes (indices) on each event, in the order written.
    by_event: FxHashMap<EventId, Vec<usize>>,
    /// Changed here since it was last saved.
    pub unsaved: bool,
    /// Each change made here, the last one last, as what it changed was
    /// before (by id; none: the note was new): what undo puts back. Only
    /// those notes: another process's, merged in meanwhile, stay.
    undo: Vec<Change>,
}

impl Layer {
    /// `notes` placed on `corpus`, whose claims belong to the events `claim_event` says.
    pub fn new(corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>, notes: Vec<Note>) -> Layer {
        let mut layer = Layer { notes, ..Layer::default() };
        layer.place(corpus, claim_event);
        layer
    }

    fn place(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>) {
        self.placed.clear();
        self.by_event.clear();
        if self.notes.is_empty() {
            return;
        }
        let sources = sources_of(corpus, &self.notes);
        let mut claims_of: FxHashMap<SourceId, Vec<ClaimId>> = FxHashMap::default();
        for source in sources.iter().flatten() {
            claims_of.entry(*source).or_default();
        }
        for (id, claim) in corpus.claims.iter_enumerated() {
            if let Some(list) = claims_of.get_mut(&claim.source) {
                list.push(id);
            }
        }
        for (i, (note, source)) in self.notes.iter().zip(sources).enumerate() {
            let placement = source.map_or(Placement::Orphan, |s| note.anchor.place(&corpus.sources[s].text));
            let claim = source
                .zip(placement.range())
                .and_then(|(s, range)| claim_in(corpus, &claims_of[&s], range, note.date.as_deref()));
            let event = claim.map(|c| claim_event[c]);
            if let Some(event) = event {
                self.by_event.entry(event).or_default().push(i);
            }
            self.placed.push(Placed { source, placement, claim, event });
        }
    }

    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// The notes on `event`, with where they stand.
    pub fn of_event(&self, event: EventId) -> impl Iterator<Item = (&Note, &Placed)> {
        let at = self.by_event.get(&event).map_or(&[][..], Vec::as_slice);
        at.iter().map(|&i| (&self.notes[i], &self.placed[i]))
    }

    pub fn is_marked(&self, event: EventId) -> bool {
        self.of_event(event).any(|(n, _)| n.motivation == Motivation::Highlighting)
    }

    /// Whether the analyst wrote about `event`.
    pub fn is_noted(&self, event: EventId) -> bool {
        self.of_event(event).any(|(n, _)| n.motivation == Motivation::Commenting)
    }

    /// The notes no passage of the corpus holds any more.
    pub fn orphans(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().zip(&self.placed).filter(|(_, p)| p.claim.is_none()).map(|(n, _)| n)
    }

    /// The notes an export of `events` carries: those on its events (in
    /// their order), then those attached to nothing.
    pub fn kept(&self, events: &[EventId]) -> Vec<(&Note, &Placed)> {
        let mut kept: Vec<(&Note, &Placed)> = events.iter().flat_map(|&e| self.of_event(e)).collect();
        kept.extend(self.notes.iter().zip(&self.placed).filter(|(_, p)| p.event.is_none()));
        kept
    }

    /// Marks `event` by its first claim, or takes its marks away; whether it is marked now.
    pub fn toggle_mark(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>, event: EventId) -> bool {
        let marks: Vec<String> = (self.of_event(event))
            .filter(|(n, _)| n.motivation == Motivation::Highlighting)
            .map(|(n, _)| n.id.clone())
            .collect();
        let marked = marks.is_empty();
        let before = self.notes.clone();
        if marked {
            let claim = corpus.events[event].claims[0];
            self.notes.push(note_on_claim(corpus, claim, Motivation::Highlighting, None));
        } else {
            self.notes.retain(|n| !marks.contains(&n.id));
        }
        self.record(&before);
        self.changed(corpus, claim_event);
        marked
    }

    /// Writes `body` as a new note on `claim`, or as the words of the note `id`
    /// (an empty body removes it).
    pub fn write(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>, on: Writing, body: String) {
        let empty = body.trim().is_empty();
        let before = self.notes.clone();
        match on {
            Writing::New(_) | Writing::Passage(..) if empty => return,
            Writing::New(claim) => self.notes.push(note_on_claim(corpus, claim, Motivation::Commenting, Some(body))),
            Writing::Passage(claim, passage) => self.notes.push(note_on_passage(corpus, claim, passage, body)),
            Writing::Edit(id) if empty => self.notes.retain(|n| n.id != id),
            Writing::Edit(id) => {
                let Some(note) = self.notes.iter_mut().find(|n| n.id == id) else { return };
                if note.body.as_deref() == Some(body.as_str()) {
                    return;
                }
                note.body = Some(body);
                note.modified = now();
            }
        }
        self.record(&before);
        self.changed(corpus, claim_event);
    }

    /// The notes in the order a list shows them: those that lost their
    /// passage, then those that moved, then the others by event.
    pub fn listed(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.notes.len()).collect();
        let rank = |p: &Placed| match p.placement {
            Placement::Orphan => 0,
            Placement::Moved { .. } => 1,
            Placement::Anchored(_) => 2,
        };
        order.sort_by_key(|&i| (rank(&self.placed[i]), self.placed[i].event, i));
        order
    }

    /// Takes the place where note `i` was found again as its own: its
    /// passage and context as they read now. Whether it had moved.
    pub fn confirm(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>, i: usize) -> bool {
        let Some(placed) = self.placed.get(i).filter(|p| p.moved()) else { return false };
        let (Some(source), Some(range)) = (placed.source, placed.placement.range()) else { return false };
        let source = &corpus.sources[source];
        let before = self.notes.clone();
        let note = &mut self.notes[i];
        note.anchor = Anchor::new(&source.text, range.clone());
        note.source = source.path.clone();
        note.bytes = source.raw_span(range);
        note.modified = now();
        self.record(&before);
        self.changed(corpus, claim_event);
        true
    }

    /// Undoes the last change made here (a mark, a note, a confirmation);
    /// whether there was one.
    pub fn undo(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>) -> bool {
        let Some(change) = self.undo.pop() else { return false };
        self.put_back(corpus, claim_event, change);
        true
    }

    /// The changes made here since last asked, oldest first: a browser
    /// keeps them across corpora to undo them (see [`Layer::put_back`]).
    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.undo)
    }

    /// Puts back what `change` changed (the notes it touched, as they were).
    pub fn put_back(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>, change: Change) {
        for (id, before) in change {
            let at = self.notes.iter().position(|n| n.id == id);
            match (at, before) {
                (Some(at), Some(note)) => self.notes[at] = note,
                (None, Some(note)) => self.notes.push(note),
                (Some(at), None) => drop(self.notes.remove(at)),
                (None, None) => {}
            }
        }
        self.changed(corpus, claim_event);
    }

    /// Remembers what the change from `before` touched, for undo.
    fn record(&mut self, before: &[Note]) {
        let was = |id: &str| before.iter().find(|n| n.id == id);
        let mut change: Change = (self.notes.iter())
            .filter(|n| was(&n.id) != Some(*n))
            .map(|n| (n.id.clone(), was(&n.id).cloned()))
            .collect();
        let gone = before.iter().filter(|b| !self.notes.iter().any(|n| n.id == b.id));
        change.extend(gone.map(|b| (b.id.clone(), Some(b.clone()))));
        if !change.is_empty() {
            self.undo.push(change);
        }
    }

    /// The notes as saved (merged with another process's): placed again.
    pub fn saved(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>, notes: Vec<Note>) {
        self.unsaved = false;
        // Most saves merge nothing in: the notes are placed already.
        if notes != self.notes {
            self.notes = notes;
            self.place(corpus, claim_event);
        }
    }

    fn changed(&mut self, corpus: &Corpus, claim_event: &TiSlice<ClaimId, EventId>) {
        self.unsaved = true;
        self.place(corpus, claim_event);
    }
}

/// Each note's source: the one at its path; else the one of its file name,
/// if only one has it (the folder opened from elsewhere, or moved); else (a
/// file renamed) the one whose text is the text the note was written on.
fn sources_of(corpus: &Corpus, notes: &[Note]) -> Vec<Option<SourceId>> {
    let by_path: FxHashMap<&str, SourceId> =
        corpus.sources.iter_enumerated().map(|(id, s)| (s.path.as_str(), id)).collect();
    let mut by_name: Option<FxHashMap<&str, Option<SourceId>>> = None;
    let mut by_digest: Option<FxHashMap<u64, SourceId>> = None;
    let mut find = |note: &Note| {
        if let Some(&id) = by_path.get(note.source.as_str()) {
            return Some(id);
        }
        let names = by_name.get_or_insert_with(|| {
            let mut names: FxHashMap<&str, Option<SourceId>> = FxHashMap::default();
            for (id, s) in corpus.sources.iter_enumerated() {
                // A name two sources share names neither.
                names.entry(crate::text::file_name(&s.path)).and_modify(|one| *one = None).or_insert(Some(id));
            }
            names
        });
        if let Some(&Some(id)) = names.get(crate::text::file_name(&note.source)) {
            return Some(id);
        }
        let digests = by_digest.get_or_insert_with(|| {
            let digest = |s: &crate::model::Source| xxhash_rust::xxh3::xxh3_64(s.text.as_bytes());
            corpus.sources.iter_enumerated().map(|(id, s)| (digest(s), id)).collect()
        });
        digests.get(&note.anchor.digest).copied()
    };
    notes.iter().map(&mut find).collect()
}

/// One change made to the notes: those it touched, by id, as they were
/// before it (none: the note was new).
pub type Change = Vec<(String, Option<Note>)>;

/// What a note being written is: a new one on a claim, or the words of one written before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Writing {
    New(ClaimId),
    /// A new note on a passage (a range of the source's clean text) that tells the claim.
    Passage(ClaimId, std::ops::Range<usize>),
    Edit(String),
}

/// Of `claims` (of one source), the one told in `range`: its sentence
/// overlapping it, the one whose date reads `date` first, then the one
/// whose sentence is the passage itself.
fn claim_in(corpus: &Corpus, claims: &[ClaimId], range: std::ops::Range<usize>, date: Option<&str>) -> Option<ClaimId> {
    claims
        .iter()
        .copied()
        .filter(|&c| {
            let sentence = &corpus.claims[c].sentence;
            sentence.start < range.end && range.start < sentence.end
        })
        .max_by_key(|&c| {
            let claim = &corpus.claims[c];
            let text = &corpus.sources[claim.source].text;
            let dated = date.is_some_and(|d| text.get(claim.date_clean.clone()) == Some(d));
            // Else the first the sentence tells (claims are stored by date).
            (dated, claim.sentence == range, std::cmp::Reverse((claim.date_clean.start, c)))
        })
}

/// A new note or mark on `claim`'s sentence, with the claim's date.
pub fn note_on_claim(corpus: &Corpus, claim: ClaimId, motivation: Motivation, body: Option<String>) -> Note {
    let c = &corpus.claims[claim];
    let source = &corpus.sources[c.source];
    let at = now();
    Note {
        id: new_id(),
        motivation,
        body,
        source: source.path.clone(),
        anchor: Anchor::new(&source.text, c.sentence.clone()),
        date: source.text.get(c.date_clean.clone()).map(str::to_string),
        bytes: source.raw_span(c.sentence.clone()),
        created: at.clone(),
        modified: at,
    }
}

/// A new note on `passage` of `claim`'s source, with the claim's date
/// when the passage holds it (so it is placed on that claim again).
fn note_on_passage(corpus: &Corpus, claim: ClaimId, passage: std::ops::Range<usize>, body: String) -> Note {
    let c = &corpus.claims[claim];
    let source = &corpus.sources[c.source];
    let holds_date = passage.start <= c.date_clean.start && c.date_clean.end <= passage.end;
    Note {
        anchor: Anchor::new(&source.text, passage.clone()),
        date: source.text.get(c.date_clean.clone()).filter(|_| holds_date).map(str::to_string),
        bytes: source.raw_span(passage),
        ..note_on_claim(corpus, claim, Motivation::Commenting, Some(body))
    }
}

/// The time now, as the W3C model writes it.
fn now() -> String {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let at = chrono::DateTime::from_timestamp(since.as_secs() as i64, 0).unwrap_or_default();
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An id no other note has: the time, the process and a count, hashed.
fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let seed = format!("{nanos}:{}:{}", std::process::id(), COUNT.fetch_add(1, Ordering::Relaxed));
    format!("urn:annals:note:{:016x}", xxhash_rust::xxh3::xxh3_64(seed.as_bytes()))
}
