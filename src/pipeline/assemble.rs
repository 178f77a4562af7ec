//! Corpus-wide assembly, a document at a time in corpus order: entity ids,
//! mentions and actors; then names, aliases and events once all are in.

use super::correct::correct;
use super::document::Extracted;
use crate::assets::Assets;
use crate::extract::curation::Curation;
use crate::extract::entities::{DocMention, EntityKey};
use crate::extract::events::{self, ClaimView, Identities, KeptRuns, NotKept};
use crate::extract::titles;
use crate::model::*;
use crate::seeded;
use crate::text::{fold, one_line, slug};
use compact_str::CompactString;
use rayon::prelude::*;
use std::ops::Range;

/// Builds the corpus from extracted documents given in corpus order.
pub(super) struct Assembler<'a> {
    corpus: Corpus,
    /// Asked for every mention of every document, on one thread: hashed fast.
    ids: seeded::Map<EntityKey, EntityId>,
    assets: &'a Assets,
    /// The analyst's merges, splits and hidden entities: applied here, not
    /// when extracted, so that one added leaves the cached extractions good.
    curation: Curation,
}

impl<'a> Assembler<'a> {
    pub fn new(name: &str, assets: &'a Assets) -> Self {
        let m = &assets.manifest;
        Assembler {
            corpus: Corpus { name: name.to_string(), ..Corpus::default() },
            ids: seeded::Map::default(),
            assets,
            curation: Curation::new(&m.merges, &m.splits, &m.hides, &assets.gazetteer),
        }
    }

    /// The next source: its mentions get entity ids, its claims actors; the
    /// document's own lists are then let go.
    pub fn add(&mut self, doc: Extracted) {
        let Extracted { mut source, mut mentions, mut claims, .. } = doc;
        correct(&mut claims, &mut source, &self.assets.manifest);
        self.curation.apply_all(&mut mentions, &source.text, &self.assets.gazetteer);
        let corpus = &mut self.corpus;
        let source_id = corpus.sources.next_key();
        let mut numbered = Vec::with_capacity(mentions.len());
        for m in &mentions {
            let entity = match self.ids.get(&m.key) {
                Some(&id) => id,
                None => {
                    let id = corpus.entities.push_and_get_key(new_entity(m, self.assets));
                    self.ids.insert(m.key.clone(), id);
                    id
                }
            };
            corpus.entities[entity].mentions.push(Mention::new(source_id, m.range()));
            numbered.push((m.range(), entity));
        }
        for claim in &mut claims {
            claim.source = source_id;
            claim.actors = actors(&numbered, &claim.sentence, &corpus.entities);
        }
        corpus.sources.push(source);
        if corpus.claims.is_empty() {
            // The first document's claims kept where they are, not copied.
            claims.shrink_to_fit();
            corpus.claims = claims.into();
        } else {
            corpus.claims.extend(claims);
        }
    }

    /// How many sources are in.
    pub fn len(&self) -> usize {
        self.corpus.sources.len()
    }

    /// The sources in so far, to be finished as if they were all: a
    /// preview. The whole corpus will have the same sources and entities
    /// first, with the same ids; claims are put in date order when either
    /// is finished, and found again by where they are (`tui/place.rs`).
    pub fn preview(&self) -> Preview {
        Preview(self.corpus.clone())
    }

    /// Names and aliases, then events, once every source is in; runs of
    /// claims merged before are read from `kept`.
    pub fn finish(mut self, mut clock: Clock, kept: &dyn KeptRuns) -> Corpus {
        finish_entities(&mut self.corpus);
        clock.lap("name entities");
        build_events(&mut self.corpus, &mut clock, kept);
        self.corpus
    }
}

/// A copy of the corpus so far, to be finished on another thread.
pub(super) struct Preview(Corpus);

impl Preview {
    pub fn finish(mut self) -> Corpus {
        finish_entities(&mut self.0);
        build_events(&mut self.0, &mut Clock(None), &NotKept);
        self.0
    }
}

fn new_entity(m: &DocMention, assets: &Assets) -> Entity {
    let (name, kind, id) = match &m.key {
        EntityKey::Known(i) => {
            let e = &assets.gazetteer.entities[*i];
            (e.name.clone(), e.kind, e.id.clone().unwrap_or_else(|| slug(&e.name)))
        }
        EntityKey::Found { kind, .. } => {
            let name = m.name.as_deref().cloned().unwrap_or_default();
            (name.clone(), *kind, slug(&name))
        }
    };
    let found_by = m.why.map_or("gazetteer", |why| why.label()).into();
    Entity { id, name, kind, aliases: Vec::new(), mentions: Vec::new(), folded: String::new(), found_by }
}

/// The actors of a sentence: the people, organisations, countries, groups
/// and programmes it names, in order, once each; places are settings.
fn actors(
    mentions: &[(Range<usize>, EntityId)],
    sentence: &Range<usize>,
    entities: &TiSlice<EntityId, Entity>,
) -> Actors {
    let first = mentions.partition_point(|(r, _)| r.start < sentence.start);
    let mut out = Actors::new();
    for (r, e) in mentions[first..].iter().take_while(|(r, _)| r.start < sentence.end) {
        if r.end <= sentence.end && entities[*e].kind != EntityKind::Place && !out.contains(e) {
            out.push(*e);
        }
    }
    out
}

/// Unique ids, aliases from the surface forms, and folded match keys.
fn finish_entities(corpus: &mut Corpus) {
    let mut used: seeded::Map<String, usize> = seeded::Map::default();
    for entity in &mut corpus.entities {
        let n = used.entry(entity.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            entity.id = format!("{}-{}", entity.id, n);
        }
    }
    // Entities on all cores; a gigabyte names one a million times, in a few
    // spellings: those are told apart before they are copied, and on all
    // cores too, or that one entity would keep one core busy alone.
    let sources = &corpus.sources;
    let surface = |m: &Mention| &sources[m.source()].text[m.clean()];
    corpus.entities.raw.par_iter_mut().for_each(|entity| {
        let surfaces: seeded::Set<&str> = if entity.mentions.len() < 100_000 {
            entity.mentions.iter().map(surface).collect()
        } else {
            let sets = entity.mentions.par_chunks(65_536).map(|chunk| chunk.iter().map(surface).collect());
            sets.reduce(seeded::Set::default, |mut all: seeded::Set<&str>, set| {
                all.extend(set);
                all
            })
        };
        // A form a line break cut after a hyphen is the form whole (`Opportuni-\nty Act`).
        let whole = |form: &str| one_line(&crate::text::join_hyphenated(form, false));
        let mut aliases: Vec<String> = surfaces.into_iter().map(whole).filter(|a| *a != entity.name).collect();
        aliases.sort();
        aliases.dedup();
        entity.folded = fold(
            &std::iter::once(entity.name.as_str())
                .chain(aliases.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(NAMES_APART),
        );
        entity.aliases = aliases;
        entity.mentions.shrink_to_fit();
    });
}

/// The events of the corpus's claims, and each entity's events. The claims
/// are put in date order first: merging reads them in that order, and
/// read in their documents' order each was a cache miss.
fn build_events(corpus: &mut Corpus, clock: &mut Clock, kept: &dyn KeptRuns) {
    // Keys taken once and sorted on every core: at a gigabyte, reading
    // them from the claims at each comparison took 1.4 s on one.
    let mut keyed: Vec<_> = corpus
        .claims
        .raw
        .par_iter()
        .enumerate()
        .map(|(c, claim)| (claim.date.start, claim.date.end, claim.source, claim.sentence.start, ClaimId::from(c)))
        .collect();
    keyed.par_sort_unstable(); // the claim's index last: as a stable sort
    let order: Vec<ClaimId> = keyed.into_iter().map(|k| k.4).collect();
    // Numbered before the claims move: sentences are read in their documents' order.
    let (words, spans, word_hashes) = super::numbering::numbered_words(corpus, &order);
    let mut passing = told_in_passing(&corpus.claims.raw, &corpus.sources);
    put_in_order(&mut corpus.claims.raw, &order);
    put_in_order(&mut passing, &order);
    let hash = |text: &str| xxhash_rust::xxh3::xxh3_64(text.as_bytes());
    let identities = Identities {
        words: word_hashes,
        actors: corpus.entities.iter().map(|e| hash(&e.id)).collect(),
        sources: corpus.sources.iter().map(|s| hash(&s.path)).collect(),
    };
    let views: Vec<ClaimView> = (corpus.claims.iter().zip(&spans))
        .map(|(claim, span)| ClaimView { claim, words: &words[span.clone()] })
        .collect();
    drop(spans);
    clock.lap("order claims and number their words");
    let groups = events::merge(&views, &identities, kept);
    clock.lap("merge claims into events");
    // A gigabyte's views and words take a hundred megabytes: gone before
    // the events take their place.
    drop(views);
    drop(words);
    corpus.events = events_of(corpus, groups, &order, TiSlice::from_ref(&passing));
    let mut entity_events: TiVec<EntityId, Vec<EventId>> = vec![Vec::new(); corpus.entities.len()].into();
    for (i, e) in corpus.events.iter_enumerated() {
        for a in &e.actors {
            entity_events[*a].push(i);
        }
    }
    corpus.entity_events = entity_events;
    clock.lap("title events");
}

/// The events of merged groups of claims, titled, sorted by date and
/// numbered. `order` holds each claim's id from before the claims were put
/// in date order (its place in the documents): it orders events of one
/// date. `passing` says which claims tell their date in passing.
fn events_of(
    corpus: &Corpus,
    groups: Vec<events::Merged>,
    order: &[ClaimId],
    passing: &TiSlice<ClaimId, bool>,
) -> TiVec<EventId, Event> {
    let mut built: TiVec<EventId, Event> = groups
        .into_par_iter()
        .map_init(Vec::new, |marks, g| event(corpus, g, passing, marks))
        .collect::<Vec<Event>>()
        .into();
    // Events of one date in the order their documents first tell them.
    built.raw.par_sort_unstable_by_key(|e| (e.date.start, e.date.end, order[e.claims[0].index()])); // no two events share a claim
    for (i, e) in built.iter_mut().enumerate() {
        e.id = compact_str::format_compact!("e{:04}", i + 1);
    }
    built
}

/// The claims rearranged in place so that the `i`th is the one `order[i]`
/// named: a gigabyte's claims take hundreds of megabytes, not copied.
fn put_in_order<T>(claims: &mut [T], order: &[ClaimId]) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        // Each cycle of the permutation once: its places take their claims in turn.
        let mut at = start;
        while !std::mem::replace(&mut placed[at], true) {
            let from = order[at].index();
            if from == start {
                break;
            }
            claims.swap(at, from);
            at = from;
        }
    }
}

/// The event of a group of claims: its title and kind from the first claim
/// whose sentence is about the claim's own date.
fn event(corpus: &Corpus, g: events::Merged, passing: &TiSlice<ClaimId, bool>, marks: &mut Vec<bool>) -> Event {
    let claims: Vec<ClaimId> = g.claims.into_iter().map(ClaimId::from).collect();
    let actors = first_seen(claims.iter().flat_map(|&c| corpus.claims[c].actors.iter().copied()), marks);
    // Told best by a claim of the event's own date (a year's claim merged
    // into its day's event tells it less); told in passing, last.
    let own_date = &corpus.claims[ClaimId::from(g.dated_by)].date;
    let dated = |c: &ClaimId| corpus.claims[*c].date == *own_date;
    let telling = |c: &&ClaimId| !passing[**c];
    let teller = (claims.iter().filter(telling).find(|c| dated(c)))
        .or_else(|| claims.iter().find(telling))
        .copied()
        .unwrap_or(claims[0]);
    let lead = &corpus.claims[teller];
    let source = &corpus.sources[lead.source];
    let title = if lead.kind == "publication" {
        publication_title(source)
    } else if lead.sentence.start < source.body_start {
        // An infobox line (`date: 4 October 2017`) dates the document's subject.
        source.title.clone()
    } else {
        let date = lead.date_clean.start - lead.sentence.start..lead.date_clean.end - lead.sentence.start;
        titles::event_title(corpus.claim_text(lead), date, corpus.date_text(lead), passing[teller])
    };
    let (kind, date) = (lead.kind.clone(), corpus.claims[ClaimId::from(g.dated_by)].date.clone());
    Event { id: CompactString::default(), title, kind, date, actors, conflict: g.conflict, claims }
}

/// Each of `items` once, in the order first seen, marked in `marks` (by
/// entity, all clear before and after): a day told in thousands of
/// clauses of one source names an actor many times over.
fn first_seen(items: impl Iterator<Item = EntityId>, marks: &mut Vec<bool>) -> Actors {
    let mut list = Actors::new();
    for item in items {
        if item.index() >= marks.len() {
            marks.resize(item.index() + 1, false);
        }
        if !std::mem::replace(&mut marks[item.index()], true) {
            list.push(item);
        }
    }
    list.iter().for_each(|item| marks[item.index()] = false);
    list
}

/// For each claim, whether its sentence is about an earlier date of its
/// own (`In 2022, Mali expelled … after the 2021 coup`), not one it only
/// lists (`the coups of 2020 and 2021`). Asked of the claims in their
/// documents' order, where those of one sentence stand one after another
/// in the order of their dates (sorting them back into it from date order
/// was a tenth of titling a run-on's events).
fn told_in_passing(claims: &[Claim], sources: &TiSlice<SourceId, Source>) -> Vec<bool> {
    let mut passing = vec![false; claims.len()];
    for (second, pair) in claims.windows(2).enumerate().map(|(i, pair)| (i + 1, pair)) {
        let (first, next) = (&pair[0], &pair[1]);
        let same_sentence = first.source == next.source && first.sentence == next.sentence;
        if same_sentence && first.date_clean.end <= next.date_clean.start {
            let between = &sources[first.source].text[first.date_clean.end..next.date_clean.start];
            passing[second] = passing[second - 1] || !titles::lists_dates(between);
        }
    }
    passing
}

/// What a document's dating lines tell: that it was sent, posted or
/// published, named by its title (`“US and Malian Relations” posted`).
fn publication_title(source: &Source) -> String {
    let verb = match source.kind {
        SourceKind::Cable => "sent",
        SourceKind::BlogPost => "posted",
        SourceKind::WebPage | SourceKind::Encyclopedia => "last modified",
        _ => "published",
    };
    let noun = if source.kind == SourceKind::Cable { "Cable " } else { "" };
    format!("{noun}“{}” {verb}", source.title)
}

/// Phase times and resident memory on standard error when `ANNALS_TIMINGS`
/// is set: for profiling and the benchmark notes, silent otherwise.
pub(super) struct Clock(Option<std::time::Instant>);

impl Clock {
    pub fn start() -> Self {
        Clock(std::env::var_os("ANNALS_TIMINGS").map(|_| std::time::Instant::now()))
    }

    pub fn lap(&mut self, phase: &str) {
        if let Some(at) = self.0.as_mut() {
            let resident = std::fs::read_to_string("/proc/self/statm").ok().and_then(|s| {
                s.split_whitespace().nth(1).and_then(|pages| pages.parse::<u64>().ok()).map(|p| (p * 4096) >> 20)
            });
            let resident = resident.map(|mb| format!(", {mb} MB resident")).unwrap_or_default();
            eprintln!("annals: {phase}: {:.3} s{resident}", at.elapsed().as_secs_f64());
            *at = std::time::Instant::now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the permutation, each place takes the item it names.
        #[test]
        fn put_in_order_places_each_as_named(order in Just((0..60).collect::<Vec<usize>>()).prop_shuffle()) {
            let mut items: Vec<usize> = (100..160).collect();
            let order: Vec<ClaimId> = order.into_iter().map(ClaimId::from).collect();
            put_in_order(&mut items, &order);
            prop_assert_eq!(items, order.iter().map(|c| 100 + c.index()).collect::<Vec<_>>());
        }

        /// Short or long, the list is each item once, in the order first seen.
        #[test]
        fn first_seen_keeps_the_first_of_each(items in proptest::collection::vec(0usize..80, 0..300)) {
            let mut expected: Vec<EntityId> = Vec::new();
            for &i in &items {
                if !expected.contains(&EntityId::from(i)) {
                    expected.push(EntityId::from(i));
                }
            }
            let mut marks = Vec::new();
            prop_assert_eq!(first_seen(items.iter().map(|&i| EntityId::from(i)), &mut marks).to_vec(), expected.clone());
            prop_assert_eq!(first_seen(items.into_iter().map(EntityId::from), &mut marks).to_vec(), expected, "marks left clear");
        }
    }
}
