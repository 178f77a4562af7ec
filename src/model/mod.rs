//! The corpus model: sources, entities, claims and events. Built once by the
//! pipeline, then read-only; it knows nothing of terminals or parsing.

pub mod date;
pub mod offsets;
mod reliability;
mod verify;

pub use date::{DateValue, Precision, Span};
pub use offsets::{ChainedMap, OffsetMap};
pub use reliability::Reliability;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use typed_index_collections::{TiSlice, TiVec};

/// Declares index types into the corpus's lists, one type a list, so an
/// entity's index cannot be used as an event's. In 32 bits: millions of
/// claims and events hold them, and an actor list keeps four inline.
macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(u32);

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                $name(u32::try_from(index).expect("fewer than 4 G items in a list"))
            }
        }

        impl From<$name> for usize {
            fn from(id: $name) -> usize {
                id.0 as usize
            }
        }

        impl $name {
            /// Its place in its list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

ids! {
    /// A source of [`Corpus::sources`].
    SourceId,
    /// An entity of [`Corpus::entities`].
    EntityId,
    /// A claim of [`Corpus::claims`].
    ClaimId,
    /// An event of [`Corpus::events`].
    EventId,
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    WebPage,
    BlogPost,
    Encyclopedia,
    Analysis,
    Cable,
    News,
    FactSheet,
    Other,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::WebPage => "web-page",
            SourceKind::BlogPost => "blog-post",
            SourceKind::Encyclopedia => "encyclopedia",
            SourceKind::Analysis => "analysis",
            SourceKind::Cable => "cable",
            SourceKind::News => "news",
            SourceKind::FactSheet => "fact-sheet",
            SourceKind::Other => "other",
        }
    }
}

/// What kind of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    Place,
    Group,
    Program,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Program => "program",
        }
    }
}

/// One loaded document: its bytes as stored, and the clean text that
/// analysis and display use, with the map between the two.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    /// The file name without its extension.
    pub id: String,
    /// The path as given or as bundled (`seeds/000_….txt`).
    pub path: String,
    pub title: String,
    pub kind: SourceKind,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// The Admiralty grade a person gave it (`annals.toml`).
    pub reliability: Option<Reliability>,
    pub published: Option<DateValue>,
    /// Where `published` came from: `manifest`, `text: Posted on …`, ….
    pub published_basis: Option<String>,
    /// The file's size; its bytes are not kept (spans point into the file).
    pub raw_len: usize,
    pub encoding: CompactString,
    /// The clean text: markup removed, mojibake repaired, controls gone.
    /// Not serialised with the source: a document's cache entry keeps what
    /// rebuilds it from the file (`pipeline::cache::text`), the merged
    /// corpus's keeps it beside the source.
    #[serde(skip)]
    pub text: String,
    /// Where the body begins in `text`: before it, the values of a front
    /// matter (an infobox), which tell of the document's subject.
    pub body_start: usize,
    pub map: ChainedMap,
    /// Characters repaired from mojibake.
    pub repairs: usize,
    pub warnings: Vec<String>,
    /// Sentences whose claims the analyst rejected (`[[reject]]`): they
    /// tell nothing, but are shown greyed where they stand.
    #[serde(default)]
    pub rejected: Vec<Range<usize>>,
}

impl Source {
    /// The raw byte span of a clean range.
    pub fn raw_span(&self, clean: Range<usize>) -> Range<usize> {
        self.map.range(clean)
    }

    /// The clean text that a raw byte span stands for.
    pub fn clean_of_raw(&self, raw: Range<usize>) -> &str {
        let r = self.map.clean_range(raw);
        self.text.get(r).unwrap_or("")
    }
}

/// Where an entity is named: a range of its source's clean text, whose
/// raw bytes the source's map gives. Held as 32-bit offsets (ingest reads
/// no file over 1 GiB): a large corpus has tens of millions of mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    source: u32,
    clean: [u32; 2],
}

impl Mention {
    pub fn new(source: SourceId, clean: Range<usize>) -> Self {
        let narrow = |n: usize| u32::try_from(n).expect("texts are under 4 GiB (ingest reads no file over 1 GiB)");
        Mention { source: narrow(source.index()), clean: [narrow(clean.start), narrow(clean.end)] }
    }

    pub fn source(&self) -> SourceId {
        SourceId::from(self.source as usize)
    }

    /// The range in the source's clean text.
    pub fn clean(&self) -> Range<usize> {
        self.clean[0] as usize..self.clean[1] as usize
    }

    /// The byte span in the source file (`source` is the mention's own).
    pub fn raw(&self, source: &Source) -> Range<usize> {
        source.raw_span(self.clean())
    }
}

/// What stands between an entity's names in its folded key ([`Entity::folded`]).
pub const NAMES_APART: &str = " | ";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entity {
    /// A stable slug of the canonical name (`amadou-toumani-toure`).
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// The other surface forms the corpus uses for it.
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// The name and aliases, accent-folded and lowercased, for matching,
    /// joined by [`NAMES_APART`].
    pub folded: String,
    /// Which rule made it an entity (`gazetteer`, `given name`): a user
    /// who sees a wrong one sees why.
    pub found_by: CompactString,
}

impl Entity {
    /// The sources that name it, in order, once each. Its mentions are in
    /// source order (the corpus is assembled one source after another), so
    /// each source's run is skipped by binary search: the entity card asks
    /// for a few per frame, and one source may name an entity a million times.
    pub fn sources(&self) -> impl Iterator<Item = SourceId> + '_ {
        let mut rest = self.mentions.as_slice();
        std::iter::from_fn(move || {
            let source = rest.first()?.source();
            rest = &rest[rest.partition_point(|m| m.source() == source)..];
            Some(source)
        })
    }
}

/// How a claim's date was fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// The expression carries its own year.
    Absolute,
    /// A relative expression resolved against the document's date.
    DocumentDate,
    /// A relative expression resolved against the narrative around it.
    Context,
    /// Given by the analyst (`[[redate]]` in `annals.toml`).
    User,
}

/// A sentence of a source that dates something.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claim {
    pub source: SourceId,
    /// The sentence, in the clean text ([`Corpus::claim_bytes`] gives its raw bytes).
    pub sentence: Range<usize>,
    pub date: DateValue,
    /// The temporal expression, in the clean text ([`Corpus::date_bytes`] gives its raw bytes).
    pub date_clean: Range<usize>,
    pub resolved: Resolution,
    pub actors: Actors,
    /// Inline, not on the heap, as are an event's id and kind: millions of them.
    pub kind: CompactString,
}

/// A claim's actors: most name a few (up to four kept inline: a run-on of a
/// million clauses allocated a list for each, twice), in as many bytes as a `Vec`.
pub type Actors = smallvec::SmallVec<[EntityId; 4]>;

/// A happening told by one or more claims.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: CompactString,
    pub title: String,
    pub kind: CompactString,
    pub date: DateValue,
    pub actors: Actors,
    /// The claims date it differently.
    pub conflict: bool,
    pub claims: Vec<ClaimId>,
}

/// Everything the pipeline built; immutable once built.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub name: String,
    pub sources: TiVec<SourceId, Source>,
    pub entities: TiVec<EntityId, Entity>,
    /// In date order (then by source and sentence), as merging reads them.
    pub claims: TiVec<ClaimId, Claim>,
    /// Sorted by date, then by where their first claims stand in the
    /// documents (in corpus order).
    pub events: TiVec<EventId, Event>,
    /// For each entity, the events it takes part in.
    pub entity_events: TiVec<EntityId, Vec<EventId>>,
}

impl Corpus {
    /// Which event each claim belongs to.
    pub fn claim_events(&self) -> TiVec<ClaimId, EventId> {
        let mut of: TiVec<ClaimId, EventId> = vec![EventId::default(); self.claims.len()].into();
        for (event, e) in self.events.iter_enumerated() {
            for &c in &e.claims {
                of[c] = event;
            }
        }
        of
    }

    pub fn claim_text(&self, claim: &Claim) -> &str {
        &self.sources[claim.source].text[claim.sentence.clone()]
    }

    pub fn date_text(&self, claim: &Claim) -> &str {
        &self.sources[claim.source].text[claim.date_clean.clone()]
    }

    /// The claim's sentence as a byte span of its file: derived from the
    /// source's map when asked, not stored for each of millions of claims.
    pub fn claim_bytes(&self, claim: &Claim) -> Range<usize> {
        self.sources[claim.source].raw_span(claim.sentence.clone())
    }

    /// The claim's temporal expression as a byte span of its file.
    pub fn date_bytes(&self, claim: &Claim) -> Range<usize> {
        self.sources[claim.source].raw_span(claim.date_clean.clone())
    }

    /// The first and last event dates.
    pub fn date_span(&self) -> Option<(&DateValue, &DateValue)> {
        let first = &self.events.first()?.date;
        let last = self.events.iter().map(|e| &e.date).max_by_key(|d| d.end)?;
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four actors inline, in a `Vec`'s room: most claims name three or
    /// fewer, and a list allocated for each was one more allocation a claim.
    #[test]
    fn an_actor_list_keeps_four_in_a_vec_s_room() {
        assert_eq!(std::mem::size_of::<Actors>(), std::mem::size_of::<Vec<EntityId>>());
        let four: Actors = (0..4).map(EntityId::from).collect();
        assert!(!four.spilled());
    }
}
