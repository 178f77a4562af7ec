//! The browser's state: indices into the corpus (selection, filter, scroll),
//! never copies of its text.

pub use super::index::{Index, Marked};
use super::key::Key;
use super::keymap::Scope;
use super::layout::Areas;
use super::palette::Matches;
use crate::model::{ClaimId, Corpus, EntityId, EventId, SourceId};
use ratatui::layout::Rect;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Entities,
    Timeline,
    Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntitySort {
    Count,
    Name,
    Kind,
}

/// A selection in a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn move_by(&mut self, delta: isize, len: usize) {
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len.saturating_sub(1) as isize) as usize;
    }

    /// Keeps the selection inside a window of `height` rows.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// What a palette row jumps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entity(EntityId),
    Event(EventId),
    Source(SourceId),
}

/// What a key asks of the files behind the browser, done after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A correction of a claim, written into the folder's `annals.toml`.
    Correct(crate::notes::Correction),
    /// The last change of the session (a mark, a note, a correction) undone.
    Undo,
}

/// What keys do now. One mode at a time; each has its keys in the key map.
#[derive(Debug, Clone)]
pub enum Mode {
    Browse,
    /// The palette is open, its query being typed.
    Palette(Palette),
    /// A search of the focused pane is being typed (see [`State::search`]).
    Search,
    /// The help is open, scrolled to its line `scroll`.
    Help {
        scroll: usize,
    },
    /// A note is being written.
    Note(Box<super::editor::Editor>),
    /// The marks and notes are listed, the one at `selected` chosen.
    Notes {
        selected: usize,
    },
    /// A claim's new date or an entity's new name is being typed.
    Prompt(super::correct::Prompt),
    /// A passage of the source is being chosen for a note.
    Passage(super::passage::Passage),
}

impl Mode {
    /// The key map's scope of this mode.
    pub fn scope(&self) -> Scope {
        match self {
            Mode::Browse => Scope::Browse,
            Mode::Palette(_) => Scope::Palette,
            Mode::Search => Scope::Search,
            Mode::Help { .. } => Scope::Help,
            Mode::Note(_) => Scope::Note,
            Mode::Notes { .. } => Scope::Notes,
            Mode::Prompt(_) => Scope::Prompt,
            Mode::Passage(_) => Scope::Passage,
        }
    }
}

impl State {
    pub fn palette(&self) -> Option<&Palette> {
        match &self.mode {
            Mode::Palette(p) => Some(p),
            _ => None,
        }
    }

    pub fn palette_mut(&mut self) -> Option<&mut Palette> {
        match &mut self.mode {
            Mode::Palette(p) => Some(p),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub query: String,
    /// Matches of the query and of queries it extends, shortest first (the
    /// empty query always): the last is shown, Backspace goes back to one,
    /// and a longer query narrows the last.
    pub known: Vec<Arc<Matches>>,
    /// The query's own matches are still being scored on the scorer's thread.
    pub pending: bool,
    pub cursor: Cursor,
}

impl Palette {
    pub fn opened(all: Matches) -> Self {
        Palette { known: vec![Arc::new(all)], ..Palette::default() }
    }

    /// The matches shown: the query's, or while those are scored, the
    /// closest shorter query's.
    pub fn matches(&self) -> &Matches {
        self.known.last().map_or(&NO_MATCHES, |m| m)
    }

    /// Keeps only the matches of queries the current one extends.
    pub fn forget_longer(&mut self) {
        let query = &self.query;
        self.known.retain(|m| query.starts_with(&m.typed));
    }

    /// Takes matches scored elsewhere, if they still belong to the query.
    pub fn learn(&mut self, matches: Matches) {
        let longer = self.known.last().is_none_or(|m| m.typed.len() < matches.typed.len());
        if self.query.starts_with(&matches.typed) && longer {
            self.pending = self.query != matches.typed;
            self.known.push(Arc::new(matches));
            self.cursor = Cursor::default();
        }
    }
}

static NO_MATCHES: Matches =
    Matches { typed: String::new(), mode: 'a', query: String::new(), pool: Vec::new(), ranked: Vec::new(), total: 0 };

#[derive(Debug, Clone)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    /// Timeline: positions in the shown events; source: byte offsets in the clean text.
    pub hits: Vec<usize>,
    pub current: usize,
    /// What was selected when the search was opened: Esc while typing goes back to it.
    pub before: Selection,
}

/// The selected event, entity and claim shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    pub event: usize,
    pub entity: usize,
    pub shown: Option<ClaimId>,
}

/// A place to come back to with Ctrl-o.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub filter: Option<EntityId>,
    pub event: Option<EventId>,
    pub claim: Option<ClaimId>,
}

#[derive(Debug, Clone)]
pub struct State {
    pub focus: Pane,
    pub filter: Option<EntityId>,
    /// Only the marked events are shown.
    pub marked_only: bool,
    /// The analyst's notes and marks, placed on the corpus.
    pub notes: crate::notes::Layer,
    /// What the files behind the browser are asked to do (see [`super::notebook`]).
    pub requests: Vec<Request>,
    /// The events shown, in timeline order.
    pub events: Vec<EventId>,
    pub timeline: Cursor,
    pub entity_order: Vec<EntityId>,
    pub entity_sort: EntitySort,
    pub entities: Cursor,
    /// The claim shown in the source pane.
    pub shown: Option<ClaimId>,
    /// Side by side: the claim in the right pane, and whether it has the focus.
    pub side: Option<ClaimId>,
    pub right_focused: bool,
    /// Where the mouse was pressed in a source pane (the pane, a byte of
    /// its text): where a drag chooses a passage from.
    pub pressed_at: Option<(usize, usize)>,
    /// Manual scroll of the source pane (lines); `None` places the claim a third down.
    pub source_scroll: Option<usize>,
    /// What keys do now: browse, type in the palette or a search, read the help.
    pub mode: Mode,
    /// The first keys of a chord, pressed and waiting for the rest.
    pub chord: Vec<Key>,
    /// The last search: its hits stay for `n` and `N` after it is typed.
    pub search: Option<Search>,
    pub history: Vec<Jump>,
    pub future: Vec<Jump>,
    pub quit: bool,
    /// A message for the status bar (files that failed to load), until the next key.
    pub notice: Option<String>,
    /// While a preview is browsed: how far the whole corpus is read.
    pub reading: Option<Reading>,
    /// Where everything stands on the screen (see [`super::settle`]).
    pub areas: Areas,
    pub index: Index,
    /// The source panes' layouts: the top one, and the bottom one side by side.
    pub layouts: [SourceLayout; 2],
}

/// How far the whole corpus is read while its preview is browsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub done: usize,
    pub total: usize,
    /// All read; waiting for the user to finish typing.
    pub ready: bool,
}

/// A source as a pane last laid it out: its lines wrapped to the pane's
/// width, and its mentions.
#[derive(Debug, Clone, Default)]
pub struct SourceLayout {
    pub key: Option<(SourceId, u16)>,
    pub lines: Vec<std::ops::Range<usize>>,
    pub marks: Vec<Marked>,
}

impl State {
    pub fn new(corpus: &Corpus) -> Self {
        let mut state = State {
            focus: Pane::Timeline,
            filter: None,
            marked_only: false,
            notes: crate::notes::Layer::default(),
            requests: Vec::new(),
            events: corpus.events.keys().collect(),
            timeline: Cursor::default(),
            entity_order: Vec::new(),
            entity_sort: EntitySort::Count,
            entities: Cursor::default(),
            shown: None,
            side: None,
            right_focused: false,
            pressed_at: None,
            source_scroll: None,
            mode: Mode::Browse,
            search: None,
            history: Vec::new(),
            future: Vec::new(),
            quit: false,
            chord: Vec::new(),
            notice: None,
            reading: None,
            // No screen yet: laid out on the first resize.
            areas: Areas::of(Rect::default(), false, 1),
            index: Index::new(corpus),
            layouts: Default::default(),
        };
        state.sort_entities(corpus);
        state.show_selected_event(corpus);
        state
    }

    /// Whether keys are text being typed (in the palette or a search).
    pub fn typing(&self) -> bool {
        self.mode.scope().types()
    }

    pub fn selected_event(&self) -> Option<EventId> {
        self.events.get(self.timeline.selected).copied()
    }

    /// Which source pane has the focus when the source does: 1, the right
    /// one, only side by side.
    pub fn focused_slot(&self) -> usize {
        usize::from(self.side.is_some() && self.right_focused)
    }

    /// The claim source pane `slot` shows.
    pub fn shown_in(&self, slot: usize) -> Option<ClaimId> {
        if slot == 0 {
            self.shown
        } else {
            self.side
        }
    }

    pub fn selected_entity(&self) -> Option<EntityId> {
        self.entity_order.get(self.entities.selected).copied()
    }

    /// Shows the first claim of the selected event.
    pub fn show_selected_event(&mut self, corpus: &Corpus) {
        self.shown = self.selected_event().and_then(|e| corpus.events[e].claims.first().copied());
        self.side = None;
        self.source_scroll = None;
    }

    pub fn sort_entities(&mut self, corpus: &Corpus) {
        let keep = self.selected_entity();
        let mut order: Vec<EntityId> = corpus.entities.keys().collect();
        let count = |e: &EntityId| corpus.entity_events.get(*e).map_or(0, Vec::len);
        // Compared by reference: a key that copied the name would copy it
        // at every comparison, tens of millions of times for a million entities.
        let name = |e: &EntityId| corpus.entities[*e].folded.as_str();
        match self.entity_sort {
            EntitySort::Count => order.sort_by(|a, b| count(b).cmp(&count(a)).then_with(|| name(a).cmp(name(b)))),
            // Entities in no event (named, but never in a dated sentence) after the others.
            EntitySort::Name => order.sort_by(|a, b| (count(a) == 0).cmp(&(count(b) == 0)).then(name(a).cmp(name(b)))),
            EntitySort::Kind => {
                order.sort_by_key(|e| (count(e) == 0, corpus.entities[*e].kind, std::cmp::Reverse(count(e))))
            }
        }
        self.entity_order = order;
        if let Some(pos) = keep.and_then(|k| self.entity_order.iter().position(|e| *e == k)) {
            self.entities.selected = pos;
        }
        self.search_again(corpus, Pane::Entities);
    }

    /// Finds a search of `pane` again in a list that changed (sorted,
    /// filtered, or the whole corpus after a preview): its hits are
    /// positions in the list. The current hit is the first from the
    /// selection on; a source's hits are as they were.
    pub(super) fn search_again(&mut self, corpus: &Corpus, pane: Pane) {
        let Some(search) = self.search.take_if(|s| s.pane == pane) else {
            return;
        };
        let hits = super::search::hits(corpus, self, pane, &search.query, None);
        let current = match pane {
            Pane::Timeline => hits.partition_point(|&h| h < self.timeline.selected),
            Pane::Entities => hits.partition_point(|&h| h < self.entities.selected),
            Pane::Source => search.current,
        };
        let current = current.min(hits.len().saturating_sub(1));
        self.search = Some(Search { hits, current, ..search });
    }

    /// Shows only the events of `entity` (or all; only the marked ones with
    /// [`State::marked_only`]), keeping the selected event when it stays.
    /// The analyst's layer placed on this corpus; the marked events shown again if only they are.
    pub fn set_notes(&mut self, corpus: &Corpus, notes: crate::notes::Layer) {
        self.notes = notes;
        if self.marked_only {
            self.set_filter(corpus, self.filter);
        }
    }

    pub fn set_filter(&mut self, corpus: &Corpus, entity: Option<EntityId>) {
        let keep = self.selected_event();
        self.filter = entity;
        self.events = match entity {
            Some(e) => corpus.entity_events[e].clone(),
            None => corpus.events.keys().collect(),
        };
        if self.marked_only {
            self.events.retain(|&e| self.notes.is_marked(e));
        }
        self.timeline = Cursor::default();
        if let Some(pos) = keep.and_then(|k| self.events.iter().position(|e| *e == k)) {
            self.timeline.selected = pos;
        }
        self.show_selected_event(corpus);
        self.search_again(corpus, Pane::Timeline);
    }

    pub fn selection(&self) -> Selection {
        Selection { event: self.timeline.selected, entity: self.entities.selected, shown: self.shown }
    }

    pub fn here(&self) -> Jump {
        Jump { filter: self.filter, event: self.selected_event(), claim: self.shown }
    }

    /// Remembers where we are before a jump.
    pub fn remember(&mut self) {
        let here = self.here();
        if self.history.last() != Some(&here) {
            self.history.push(here);
        }
        self.future.clear();
    }

    pub fn go_to(&mut self, corpus: &Corpus, jump: Jump) {
        if self.filter != jump.filter {
            self.set_filter(corpus, jump.filter);
        }
        if let Some(pos) = jump.event.and_then(|e| self.events.iter().position(|x| *x == e)) {
            self.timeline.selected = pos;
        }
        self.shown = jump.claim;
        self.side = None;
        self.source_scroll = None;
    }

    /// Selects `event` in the timeline, clearing a filter that hides it.
    pub fn select_event(&mut self, corpus: &Corpus, event: EventId) {
        if !self.events.contains(&event) {
            self.set_filter(corpus, None);
        }
        if let Some(pos) = self.events.iter().position(|e| *e == event) {
            self.timeline.selected = pos;
        }
    }
}
