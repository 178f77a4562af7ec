//! Where the user is, carried to another corpus of the same files: a
//! preview's whole corpus, or the corpus read again after a file or
//! `annals.toml` changed. Claims and entities are found again by what they
//! are (a claim by its file and where its sentence and date stand, an
//! entity by its name and kind), not by their ids, which a change shifts:
//! a claim rejected leaves its place to the next claim of its file.

use super::index::Index;
use super::state::{EntitySort, Jump, Pane, Search, State};
use crate::model::{ClaimId, Corpus, EntityId, EntityKind, SourceId};
use std::collections::HashMap;

/// What carries over: the selection, the filter, the panes, the search and
/// the history (events are merged anew: they are found by their claims).
#[derive(Debug, Clone)]
pub struct Place {
    /// Back and forward, each event by its first claim.
    history: Vec<Landmark>,
    future: Vec<Landmark>,
    /// A search no longer being typed: its pane, query and current hit.
    search: Option<(Pane, String, usize)>,
    focus: Pane,
    filter: Option<EntityPlace>,
    marked_only: bool,
    entity: Option<EntityPlace>,
    entity_sort: EntitySort,
    shown: Option<ClaimPlace>,
    side: Option<ClaimPlace>,
    right_focused: bool,
    source_scroll: Option<usize>,
}

/// A claim by its file and where its sentence and its date begin.
#[derive(Debug, Clone)]
struct ClaimPlace {
    path: String,
    at: (usize, usize),
}

#[derive(Debug, Clone)]
struct EntityPlace {
    name: String,
    kind: EntityKind,
}

/// A [`Jump`] that holds in another corpus of the same files.
#[derive(Debug, Clone)]
struct Landmark {
    filter: Option<EntityPlace>,
    event_claim: Option<ClaimPlace>,
    claim: Option<ClaimPlace>,
}

impl ClaimPlace {
    fn of(corpus: &Corpus, claim: ClaimId) -> Self {
        let c = &corpus.claims[claim];
        ClaimPlace { path: corpus.sources[c.source].path.clone(), at: (c.sentence.start, c.date_clean.start) }
    }
}

impl EntityPlace {
    fn of(corpus: &Corpus, entity: EntityId) -> Self {
        let e = &corpus.entities[entity];
        EntityPlace { name: e.name.clone(), kind: e.kind }
    }
}

/// Finds places in a corpus: its sources by path, its entities by name.
struct Finder<'a> {
    corpus: &'a Corpus,
    index: &'a Index,
    sources: HashMap<&'a str, SourceId>,
    entities: HashMap<(&'a str, EntityKind), EntityId>,
}

impl<'a> Finder<'a> {
    fn new(corpus: &'a Corpus, index: &'a Index) -> Self {
        let sources = corpus.sources.iter_enumerated().map(|(id, s)| (s.path.as_str(), id)).collect();
        let entities = corpus.entities.iter_enumerated().map(|(id, e)| ((e.name.as_str(), e.kind), id)).collect();
        Finder { corpus, index, sources, entities }
    }

    /// The claim at `place`, else the first after it in its file (the one
    /// before, at the file's end); none when the file is gone or tells nothing.
    fn claim(&self, place: &ClaimPlace) -> Option<ClaimId> {
        let claims = &self.index.claims[*self.sources.get(place.path.as_str())?];
        let at = |c: ClaimId| {
            let claim = &self.corpus.claims[c];
            (claim.sentence.start, claim.date_clean.start)
        };
        let next = claims.partition_point(|&c| at(c) < place.at);
        claims.get(next).or(claims.last()).copied()
    }

    fn entity(&self, place: &EntityPlace) -> Option<EntityId> {
        self.entities.get(&(place.name.as_str(), place.kind)).copied()
    }

    fn jump(&self, landmark: &Landmark) -> Jump {
        let claim = |c: &Option<ClaimPlace>| c.as_ref().and_then(|c| self.claim(c));
        Jump {
            filter: landmark.filter.as_ref().and_then(|e| self.entity(e)),
            event: claim(&landmark.event_claim).map(|c| self.index.claim_event[c]),
            claim: claim(&landmark.claim),
        }
    }
}

impl State {
    /// Where the user is, to be found again in another corpus of the same files.
    pub fn place(&self, corpus: &Corpus) -> Place {
        let claim = |c: Option<ClaimId>| c.map(|c| ClaimPlace::of(corpus, c));
        let entity = |e: Option<EntityId>| e.map(|e| EntityPlace::of(corpus, e));
        let landmarks = |jumps: &[Jump]| {
            (jumps.iter())
                .map(|j| Landmark {
                    filter: entity(j.filter),
                    event_claim: claim(j.event.and_then(|e| corpus.events[e].claims.first().copied())),
                    claim: claim(j.claim),
                })
                .collect()
        };
        Place {
            history: landmarks(&self.history),
            future: landmarks(&self.future),
            search: (self.search.as_ref())
                .filter(|_| !matches!(self.mode, super::state::Mode::Search))
                .map(|s| (s.pane, s.query.clone(), s.current)),
            focus: self.focus,
            filter: entity(self.filter),
            marked_only: self.marked_only,
            entity: entity(self.selected_entity()),
            entity_sort: self.entity_sort,
            shown: claim(self.shown),
            side: claim(self.side),
            right_focused: self.right_focused,
            source_scroll: self.source_scroll,
        }
    }

    /// The browser at `place`, in another corpus of the same files.
    pub fn at(corpus: &Corpus, place: Place) -> Self {
        let mut state = State::new(corpus);
        if state.entity_sort != place.entity_sort {
            state.entity_sort = place.entity_sort;
            state.sort_entities(corpus);
        }
        // Everything found first, while the index is borrowed; then set.
        let (entity, filter, shown, side, history, future) = {
            let find = Finder::new(corpus, &state.index);
            let claim = |c: &Option<ClaimPlace>| c.as_ref().and_then(|c| find.claim(c));
            let entity = |e: &Option<EntityPlace>| e.as_ref().and_then(|e| find.entity(e));
            let jumps = |landmarks: &[Landmark]| landmarks.iter().map(|l| find.jump(l)).collect::<Vec<_>>();
            let (shown, side) = (claim(&place.shown), claim(&place.side));
            (entity(&place.entity), entity(&place.filter), shown, side, jumps(&place.history), jumps(&place.future))
        };
        if let Some(at) = entity.and_then(|e| state.entity_order.iter().position(|&x| x == e)) {
            state.entities.selected = at;
        }
        if filter.is_some() {
            state.set_filter(corpus, filter);
        }
        if let Some(claim) = shown {
            state.select_event(corpus, state.index.claim_event[claim]);
            state.shown = Some(claim);
            state.side = side;
            state.right_focused = place.right_focused && side.is_some();
            state.source_scroll = place.source_scroll;
        }
        state.focus = place.focus;
        (state.history, state.future) = (history, future);
        if let Some((pane, query, current)) = place.search {
            let before = state.selection();
            state.search = Some(Search { pane, query, hits: Vec::new(), current, before });
            state.search_again(corpus, pane);
        }
        // Applied once the notes are placed (see [`State::set_notes`]).
        state.marked_only = place.marked_only;
        state
    }
}
