//! The flow of DESIGN.md: load, extract, assemble, merge, index. Builds an
//! immutable [`Corpus`] from inputs; failures are reported, never fatal.

use crate::assets::Assets;
use crate::extract::claims::{self, KindClassifier};
use crate::extract::curation::Curation;
use crate::extract::entities::{DateContext, DocMention, EntityKey, Resolver};
use crate::extract::events::{self, ClaimView};
use crate::extract::metadata;
use crate::extract::sentences::Segmenter;
use crate::extract::timex::{self, Tagger};
use crate::ingest::{self, Failure, Input, Loaded};
use crate::model::*;
use crate::text::{fold, slug};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Everything compiled from the assets once, reused for every document.
pub struct Pipeline {
    pub assets: Assets,
    resolver: Resolver,
    tagger: Tagger,
    segmenter: Segmenter,
    classifier: KindClassifier,
    curation: Curation,
}

/// One document after extraction, before corpus-wide assembly.
struct Extracted {
    source: Source,
    mentions: Vec<DocMention>,
    claims: Vec<Claim>,
}

/// Dates known in a document, to tell namesakes apart.
struct DocDates {
    sentences: Vec<Range<usize>>,
    points: Vec<(usize, DateValue)>,
}

impl DateContext for DocDates {
    fn date_at(&self, offset: usize) -> Option<DateValue> {
        // Both lists are in text order: binary searches, not scans.
        let at = self.sentences.partition_point(|s| s.end <= offset);
        if let Some(s) = self.sentences.get(at).filter(|s| s.start <= offset) {
            let first = self.points.partition_point(|(p, _)| *p < s.start);
            if let Some((_, d)) = self.points.get(first).filter(|(p, _)| *p < s.end) {
                return Some(d.clone());
            }
        }
        let before = self.points.partition_point(|(p, _)| *p < offset);
        before.checked_sub(1).map(|i| self.points[i].1.clone())
    }
}

impl Pipeline {
    pub fn new(assets: Assets) -> Self {
        let rules = &assets.lexicon.rules;
        Pipeline {
            resolver: Resolver::new(&assets.gazetteer, rules),
            tagger: Tagger::new(&rules.count_nouns),
            segmenter: Segmenter::new(&rules.abbreviations, &rules.sentence_starters),
            classifier: KindClassifier::new(&assets.lexicon.kinds),
            curation: Curation::new(&assets.manifest.merges, &assets.manifest.splits, &assets.gazetteer),
            assets,
        }
    }

    pub fn bundled() -> Self {
        Pipeline::new(Assets::bundled())
    }

    /// Builds the corpus from inputs; inputs that cannot be loaded join
    /// `failures`. Documents are read on all cores; the result is the same,
    /// byte for byte, whatever the number of threads.
    pub fn build(&self, name: &str, inputs: Vec<Input>, failures: Vec<Failure>) -> (Corpus, Vec<Failure>) {
        self.build_counting(name, inputs, failures, &AtomicUsize::new(0))
    }

    /// As [`Pipeline::build`], adding one to `done` as each document is read,
    /// for a progress display on another thread.
    pub fn build_counting(
        &self,
        name: &str,
        inputs: Vec<Input>,
        mut failures: Vec<Failure>,
        done: &AtomicUsize,
    ) -> (Corpus, Vec<Failure>) {
        use rayon::prelude::*;
        let mut clock = Clock::start();
        let results: Vec<Result<Extracted, Failure>> = inputs
            .into_par_iter()
            .map(|input| {
                let result = ingest::load(input).map(|loaded| self.extract(loaded));
                done.fetch_add(1, Ordering::Relaxed);
                result
            })
            .collect();
        let mut extracted = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(mut doc) => {
                    let id = extracted.len();
                    doc.claims.iter_mut().for_each(|c| c.source = id);
                    extracted.push(doc);
                }
                Err(f) => failures.push(f),
            }
        }
        clock.lap("read and extract documents");
        (assemble(name, extracted, &self.assets, clock), failures)
    }

    /// One document, on its own; its claims get their source id in [`Pipeline::build`].
    fn extract(&self, loaded: Loaded) -> Extracted {
        let Loaded { input, encoding, cleaned, map, mut warnings, .. } = loaded;
        warnings.extend(cleaned.warnings());
        let text = cleaned.text;
        let manifest = self.assets.source_meta(&input.path, input.file_name());
        let meta = metadata::infer(
            &text,
            &cleaned.front_matter,
            cleaned.html_title.as_deref(),
            &input.id(),
            manifest,
            &self.tagger,
        );
        let sentences = self.segmenter.split(&text);
        let timexes = self.tagger.find(&text);
        let resolved = timex::resolve(&timexes, meta.published.as_ref());
        let unresolved = resolved.iter().filter(|r| r.is_none()).count();
        if unresolved > 0 {
            warnings.push(format!("{unresolved} relative date(s) left unresolved (no document date or context)"));
        }
        let dated: Vec<(Range<usize>, DateValue, Resolution)> =
            timexes.iter().zip(resolved).filter_map(|(t, r)| r.map(|(v, how)| (t.range.clone(), v, how))).collect();
        let dates = DocDates {
            sentences: sentences.clone(),
            points: dated.iter().map(|(r, v, _)| (r.start, v.clone())).collect(),
        };
        let mut mentions = self.resolver.resolve(&text, &sentences, &cleaned.hints, &dates);
        self.curation.apply_all(&mut mentions, &text, &self.assets.gazetteer);
        let source = Source {
            id: input.id(),
            title: meta.title,
            kind: meta.kind,
            publisher: meta.publisher,
            url: manifest.and_then(|m| m.url.clone()),
            reliability: manifest.and_then(|m| m.reliability()),
            published: meta.published,
            published_basis: meta.published_basis,
            encoding,
            repairs: cleaned.repairs,
            warnings,
            sentences,
            path: input.path,
            raw: input.bytes,
            text,
            map,
        };
        let claims = self.claims(&source, &dated);
        Extracted { source, mentions, claims }
    }

    /// One claim per date of each sentence; actors are added once entities have corpus ids.
    fn claims(&self, source: &Source, dated: &[(Range<usize>, DateValue, Resolution)]) -> Vec<Claim> {
        let mut out = Vec::new();
        for sentence in &source.sentences {
            let inside = |r: &Range<usize>| r.end <= sentence.end;
            let first = dated.partition_point(|(r, _, _)| r.start < sentence.start);
            let text = &source.text[sentence.clone()];
            // The line the document's own date was read from dates the document.
            let dates_document = source.published_basis.as_deref().is_some_and(|b| b.contains(text.trim()));
            let in_sentence = dated[first..].iter().take_while(|(r, _, _)| r.start < sentence.end);
            for (range, value, how) in in_sentence.filter(|(r, _, _)| inside(r)) {
                let kind = if dates_document && source.published.as_ref() == Some(value) {
                    "publication".to_string()
                } else {
                    self.classifier.classify(text, range.start - sentence.start..range.end - sentence.start)
                };
                out.push(Claim {
                    source: 0,
                    sentence: sentence.clone(),
                    span: source.raw_span(sentence.clone()),
                    date: value.clone(),
                    date_clean: range.clone(),
                    date_span: source.raw_span(range.clone()),
                    resolved: *how,
                    actors: Vec::new(),
                    kind,
                });
            }
        }
        out
    }
}

/// Corpus-wide assembly: entity ids, actors, events, indexes.
fn assemble(name: &str, docs: Vec<Extracted>, assets: &Assets, mut clock: Clock) -> Corpus {
    let mut corpus = Corpus { name: name.to_string(), ..Corpus::default() };
    let mut ids: HashMap<EntityKey, EntityId> = HashMap::new();
    let mut doc_mentions = Vec::new();
    for (source_id, doc) in docs.into_iter().enumerate() {
        let Extracted { source, mentions, claims } = doc;
        for m in &mentions {
            let entity = *ids.entry(m.key.clone()).or_insert_with(|| {
                corpus.entities.push(new_entity(m, assets));
                corpus.entities.len() - 1
            });
            let raw = source.raw_span(m.range.clone());
            corpus.entities[entity].mentions.push(Mention { source: source_id, clean: m.range.clone(), raw });
        }
        doc_mentions.push(mentions.iter().map(|m| (m.range.clone(), ids[&m.key])).collect::<Vec<_>>());
        corpus.sources.push(source);
        corpus.claims.extend(claims);
    }
    for claim in &mut corpus.claims {
        claim.actors = actors(&doc_mentions[claim.source], &claim.sentence, &corpus.entities);
    }
    clock.lap("number entities and actors");
    finish_entities(&mut corpus);
    clock.lap("name entities");
    build_events(&mut corpus);
    clock.lap("merge events");
    corpus
}

/// Phase times on standard error when `ANNALS_TIMINGS` is set: for profiling
/// and the benchmark notes, silent otherwise.
struct Clock(Option<std::time::Instant>);

impl Clock {
    fn start() -> Self {
        Clock(std::env::var_os("ANNALS_TIMINGS").map(|_| std::time::Instant::now()))
    }

    fn lap(&mut self, phase: &str) {
        if let Some(at) = self.0.as_mut() {
            eprintln!("annals: {phase}: {:.3} s", at.elapsed().as_secs_f64());
            *at = std::time::Instant::now();
        }
    }
}

fn new_entity(m: &DocMention, assets: &Assets) -> Entity {
    let (name, kind, id) = match &m.key {
        EntityKey::Known(i) => {
            let e = &assets.gazetteer.entities[*i];
            (e.name.clone(), e.kind, e.id.clone().unwrap_or_else(|| slug(&e.name)))
        }
        EntityKey::Found { kind, .. } => {
            let name = m.name.clone().unwrap_or_default();
            (name.clone(), *kind, slug(&name))
        }
    };
    Entity { id, name, kind, aliases: Vec::new(), mentions: Vec::new(), folded: String::new() }
}

/// The actors of a sentence: the people, organisations, countries, groups
/// and programmes it names, in order, once each; places are settings.
fn actors(mentions: &[(Range<usize>, EntityId)], sentence: &Range<usize>, entities: &[Entity]) -> Vec<EntityId> {
    let first = mentions.partition_point(|(r, _)| r.start < sentence.start);
    let mut out = Vec::new();
    for (r, e) in mentions[first..].iter().take_while(|(r, _)| r.start < sentence.end) {
        if r.end <= sentence.end && entities[*e].kind != EntityKind::Place && !out.contains(e) {
            out.push(*e);
        }
    }
    out
}

/// Unique ids, aliases from the surface forms, and folded match keys.
fn finish_entities(corpus: &mut Corpus) {
    let mut used: HashMap<String, usize> = HashMap::new();
    for entity in &mut corpus.entities {
        let n = used.entry(entity.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            entity.id = format!("{}-{}", entity.id, n);
        }
        let mut aliases: Vec<String> = entity
            .mentions
            .iter()
            .map(|m| corpus.sources[m.source].text[m.clean.clone()].split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|a| *a != entity.name)
            .collect();
        aliases.sort();
        aliases.dedup();
        entity.folded = fold(
            &std::iter::once(entity.name.as_str())
                .chain(aliases.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" | "),
        );
        entity.aliases = aliases;
    }
}

fn build_events(corpus: &mut Corpus) {
    use rayon::prelude::*;
    let mut order: Vec<ClaimId> = (0..corpus.claims.len()).collect();
    order.sort_by_key(|&c| {
        let claim = &corpus.claims[c];
        (claim.date.start, claim.date.end, claim.source, claim.sentence.start)
    });
    let words: Vec<Vec<String>> =
        order.par_iter().map(|&c| events::content_words(corpus.claim_text(&corpus.claims[c]))).collect();
    let mut vocabulary = events::Vocabulary::default();
    let views: Vec<ClaimView> = order
        .iter()
        .zip(words)
        .map(|(&c, words)| ClaimView { claim: &corpus.claims[c], words: vocabulary.intern(words) })
        .collect();
    let groups = events::merge(&views);
    let mut built: Vec<Event> = groups
        .into_par_iter()
        .map(|g| {
            let claims: Vec<ClaimId> = g.claims.iter().map(|&i| order[i]).collect();
            let mut actors: Vec<EntityId> = Vec::new();
            for c in &claims {
                for a in &corpus.claims[*c].actors {
                    if !actors.contains(a) {
                        actors.push(*a);
                    }
                }
            }
            let lead = &corpus.claims[claims[0]];
            let title = if g.kind == "publication" {
                format!("Published: {}", corpus.sources[lead.source].title)
            } else {
                claims::title(corpus.claim_text(lead), corpus.date_text(lead), 70)
            };
            Event { id: String::new(), title, kind: g.kind, date: g.date, actors, conflict: g.conflict, claims }
        })
        .collect();
    built.sort_by_key(|e| (e.date.start, e.date.end, e.claims[0]));
    for (i, e) in built.iter_mut().enumerate() {
        e.id = format!("e{:04}", i + 1);
    }
    corpus.entity_events = vec![Vec::new(); corpus.entities.len()];
    for (i, e) in built.iter().enumerate() {
        for a in &e.actors {
            corpus.entity_events[*a].push(i);
        }
    }
    corpus.events = built;
}
