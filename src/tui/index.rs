//! Lookups derived once from a corpus for the browser: positions, never
//! text (which entities a source names, which event a claim is in, …).

use super::event_words::EventWords;
use crate::model::{ClaimId, Corpus, EntityId, EventId, SourceId, TiVec};
use chrono::Datelike;
use rayon::prelude::*;
use std::sync::{Arc, OnceLock};

/// Lookups derived once from the corpus: positions, never text.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per source: the entities it names, by id (the source pane finds
    /// their mentions there), and its claims, by position.
    pub source_entities: TiVec<SourceId, Vec<u32>>,
    /// Per entity: how many sources name it (the card's count, not redone each frame).
    pub entity_sources: TiVec<EntityId, u32>,
    pub claims: TiVec<SourceId, Vec<ClaimId>>,
    /// Events per year, in year order.
    pub years: Vec<(i32, usize)>,
    /// The corpus's first and last dates, as shown.
    pub date_span: Option<(String, String)>,
    /// For each claim, its event.
    pub claim_event: TiVec<ClaimId, EventId>,
    /// For each event, how many sources tell it (counted once: one event can
    /// gather thousands of claims).
    pub event_sources: TiVec<EventId, u32>,
    /// The longest event kind, in characters: the timeline's kind column.
    pub kind_width: usize,
    /// The longest event date as shown (`2009-11-01–2009-11-10`): the date column.
    pub date_width: usize,
    /// The events' words, for `/` in the timeline: built on the first
    /// search, and shared with the palette's `#` (see [`Candidates`](super::palette::Candidates)).
    pub event_words: Arc<OnceLock<EventWords>>,
}

/// A mention as the source pane colours it, in 8 bytes (one large source
/// can hold millions): where it starts in the clean text, how long it is
/// (a name is never 64 KiB; a longer one is coloured in part), its kind.
#[derive(Debug, Clone, Copy)]
pub struct Marked {
    start: u32,
    len: u16,
    pub kind: crate::model::EntityKind,
}

impl Marked {
    fn new(clean: std::ops::Range<usize>, kind: crate::model::EntityKind) -> Self {
        let len = u16::try_from(clean.len()).unwrap_or(u16::MAX);
        Marked { start: clean.start as u32, len, kind }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

const _: () = assert!(std::mem::size_of::<Marked>() == 8);

impl Index {
    pub(super) fn new(corpus: &Corpus) -> Self {
        let mut source_entities: TiVec<SourceId, Vec<u32>> = vec![Vec::new(); corpus.sources.len()].into();
        let mut entity_sources = TiVec::with_capacity(corpus.entities.len());
        for (e, entity) in corpus.entities.iter_enumerated() {
            let mut named_in = 0;
            for s in entity.sources() {
                source_entities[s].push(e.index() as u32);
                named_in += 1;
            }
            entity_sources.push(named_in);
        }
        source_entities.iter_mut().for_each(Vec::shrink_to_fit);
        // Claims are stored in date order: each source's are put in the
        // order it tells them, by places read once, in the claims' order.
        let mut placed: TiVec<SourceId, Vec<(usize, usize, ClaimId)>> = vec![Vec::new(); corpus.sources.len()].into();
        for (i, c) in corpus.claims.iter_enumerated() {
            placed[c.source].push((c.sentence.start, c.date_clean.start, i));
        }
        let claims: TiVec<SourceId, Vec<ClaimId>> = (placed.into_iter())
            .map(|mut places| {
                places.sort_unstable();
                places.into_iter().map(|(_, _, i)| i).collect()
            })
            .collect();
        let mut years: Vec<(i32, usize)> = Vec::new();
        let (mut kind_width, mut date_width) = (0, 0);
        for e in &corpus.events {
            kind_width = kind_width.max(e.kind.chars().count());
            date_width = date_width.max(e.date.display().chars().count());
            let y = e.date.year_of();
            match years.last_mut() {
                Some((last, n)) if *last == y => *n += 1,
                _ => years.push((y, 1)),
            }
        }
        let claim_event = corpus.claim_events();
        let event_sources = corpus
            .events
            .raw
            .par_iter()
            .map(|e| {
                let mut sources: Vec<SourceId> = e.claims.iter().map(|&c| corpus.claims[c].source).collect();
                sources.sort_unstable();
                sources.dedup();
                sources.len() as u32
            })
            .collect::<Vec<u32>>()
            .into();
        // Years: `1960–2017`, not `1960–2017-05-05`.
        let date_span = corpus.date_span().map(|(a, b)| (a.year_of().to_string(), b.end.year().to_string()));
        Index {
            source_entities,
            entity_sources,
            claims,
            years,
            date_span,
            claim_event,
            event_sources,
            kind_width,
            date_width,
            event_words: Arc::default(),
        }
    }

    /// The mentions in `source`, in order, gathered from the entities it
    /// names (each entity's mentions are in source order): a gigabyte has
    /// tens of millions, and only the sources shown need them.
    pub fn marks(&self, corpus: &Corpus, source: SourceId) -> Vec<Marked> {
        let mut marks = Vec::new();
        for &e in &self.source_entities[source] {
            let entity = &corpus.entities[EntityId::from(e as usize)];
            let from = entity.mentions.partition_point(|m| m.source() < source);
            let here = entity.mentions[from..].iter().take_while(|m| m.source() == source);
            marks.extend(here.map(|m| Marked::new(m.clean(), entity.kind)));
        }
        // Stable: mentions at one place keep the order of their entities.
        marks.sort_by_key(|m| m.start);
        marks
    }

    /// The index of the events' words.
    pub fn event_words(&self, corpus: &Corpus) -> &EventWords {
        self.event_words.get_or_init(|| EventWords::new(corpus))
    }
}
