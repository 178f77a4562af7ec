//! One document on its own: its metadata, sentences, dates, entity
//! mentions and claims, before corpus-wide assembly gives them ids.

use super::cache::Recipe;
use super::Pipeline;
use crate::extract::claims;
use crate::extract::entities::{DateContext, DocMention};
use crate::extract::sentences::Sentences;
use crate::extract::{metadata, timex};
use crate::ingest::Loaded;
use crate::model::*;
use std::ops::Range;

/// One document after extraction, before corpus-wide assembly (and as
/// the cache keeps it).
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Extracted {
    pub source: Source,
    /// What rebuilds the source's text from its file, when the cache keeps it.
    pub recipe: Option<Recipe>,
    pub mentions: Vec<DocMention>,
    pub claims: Vec<Claim>,
}

/// Dates known in a document, to tell namesakes apart: the document's
/// dated expressions, read where they are (a copy of each was a list as
/// long as the claims).
struct DocDates<'a> {
    sentences: &'a [Range<usize>],
    dated: &'a [(Range<usize>, DateValue, Resolution)],
}

impl DateContext for DocDates<'_> {
    fn date_at(&self, offset: usize) -> Option<DateValue> {
        // Both lists are in text order: binary searches, not scans.
        let at = self.sentences.partition_point(|s| s.end <= offset);
        if let Some(s) = self.sentences.get(at).filter(|s| s.start <= offset) {
            let first = self.dated.partition_point(|(r, _, _)| r.start < s.start);
            if let Some((_, d, _)) = self.dated.get(first).filter(|(r, _, _)| r.start < s.end) {
                return Some(d.clone());
            }
        }
        let before = self.dated.partition_point(|(r, _, _)| r.start < offset);
        before.checked_sub(1).map(|i| self.dated[i].1.clone())
    }
}

/// Where a document says who wrote it and when (a header, front matter, a
/// byline), in bytes of clean text: a line there that only dates
/// something dates the document; further on, a line `2012` is a heading.
const DOCUMENT_HEAD: usize = 3000;

/// A front matter's title (`title: "Timeline: Mali since 2012"`): a heading.
fn is_title_field(line: &str) -> bool {
    let key = line.split_once(':').map_or("", |(key, _)| key.trim_end());
    ["title", "subtitle", "headline"].iter().any(|t| key.eq_ignore_ascii_case(t))
}

impl Pipeline {
    /// One document, on its own; its claims get their source id when assembled.
    pub(super) fn extract(&self, loaded: Loaded) -> Extracted {
        let Loaded { input, encoding, cleaned, mut map, mut warnings, .. } = loaded;
        warnings.extend(cleaned.warnings());
        // Built by appending, these hold up to twice their length; a corpus keeps them all.
        let mut text = cleaned.text;
        text.shrink_to_fit();
        map.outer.shrink_to_fit();
        map.inner.iter_mut().for_each(OffsetMap::shrink_to_fit);
        // The file's bytes are read for the cache's recipe now and let go:
        // held through extraction, they were a copy of the text at its peak.
        let recipe = self.cache.is_some().then(|| Recipe::of(&text, &map, &input.bytes));
        let (id, raw_len) = (input.id(), input.bytes.len());
        let manifest = self.assets.source_meta(&input.path, input.file_name());
        let crate::ingest::Input { path, bytes } = input;
        drop(bytes);
        // The title and date of the document are read from its body: an
        // infobox's values tell of its subject (front matter fields are read apart).
        let meta = metadata::infer(
            &text[cleaned.body_start..],
            &cleaned.front_matter,
            cleaned.html_title.as_deref(),
            &id,
            manifest,
            &self.tagger,
        );
        let sentences = self.segmenter.split(&text);
        let timexes = self.tagger.find(&text);
        let layout = timex::Layout { text: &text, sentences: &sentences.ranges, headings: &cleaned.headings };
        let resolved = timex::resolve(&timexes, meta.published.as_ref(), &layout);
        let unresolved = resolved.iter().filter(|r| r.is_none()).count();
        if unresolved > 0 {
            warnings.push(format!("{unresolved} relative date(s) left unresolved (no document date or context)"));
        }
        let blobs = crate::text::blobs(&text);
        let dated: Vec<(Range<usize>, DateValue, Resolution)> = (timexes.iter().zip(resolved))
            .filter(|(t, _)| !crate::text::in_blob(&blobs, &t.range))
            .filter_map(|(t, r)| r.map(|(v, how)| (t.range.clone(), v, how)))
            .collect();
        drop(timexes); // before the resolver's lists, a document's peak
        let dates = DocDates { sentences: &sentences.ranges, dated: &dated };
        let mut mentions = self.resolver.resolve(&text, &sentences.ranges, &cleaned.hints, cleaned.body_start, &dates);
        mentions.retain(|m| !crate::text::in_blob(&blobs, &m.range()));
        let source = Source {
            id,
            title: meta.title,
            kind: meta.kind,
            publisher: meta.publisher,
            url: manifest.and_then(|m| m.url.clone()),
            reliability: manifest.and_then(|m| m.reliability()),
            published: meta.published,
            published_basis: meta.published_basis,
            encoding: encoding.into(),
            repairs: cleaned.repairs,
            warnings,
            path,
            raw_len,
            body_start: cleaned.body_start,
            text,
            map,
            rejected: Vec::new(),
        };
        let marks = Marks::new(&source.text, &cleaned.front_matter, &cleaned.headings, &cleaned.notes);
        let claims = self.claims(&source, &sentences, &dated, &marks);
        Extracted { source, recipe, mentions, claims }
    }

    /// One claim per date value of each sentence; actors are added once
    /// entities have corpus ids. A line near the top that only dates the
    /// document (`R 141609Z JAN 08`) is one claim, of its most precise date,
    /// of kind `publication`, as is the line the document's date was read from.
    /// Of the front matter's values, only a top-level field dates the
    /// document: an infobox's `date:` dates its subject. A heading, a
    /// `title:` field and a footnote tell no happening (see [`Marks`]).
    fn claims(
        &self,
        source: &Source,
        sentences: &Sentences,
        dated: &[(Range<usize>, DateValue, Resolution)],
        marks: &Marks,
    ) -> Vec<Claim> {
        let (fields, headings) = (marks.fields, marks.headings);
        // At most one claim per date: grown, a run-on's claims were copied and copied again.
        let mut out = Vec::with_capacity(dated.len());
        let rules = &self.assets.lexicon.rules;
        let dating_words = &rules.dating_words;
        let lists = claims::lists_start(&source.text, &rules.closing_sections);
        let dateline = source.published_basis.as_deref().and_then(|b| b.strip_prefix(metadata::DATELINE_BASIS));
        for sentence in sentences.ranges.iter().take_while(|s| s.start < lists) {
            let here = dates_within(&source.text, dated, sentence);
            if here.is_empty() {
                continue;
            }
            let text = &source.text[sentence.clone()];
            let local = |r: &Range<usize>| r.start - sentence.start..r.end - sentence.start;
            let claim = |(range, value, how): &(Range<usize>, DateValue, Resolution), kind: &str| Claim {
                source: SourceId::default(), // numbered when the corpus is assembled
                sentence: sentence.clone(),
                date: value.clone(),
                date_clean: range.clone(),
                resolved: *how,
                actors: Actors::new(),
                kind: kind.into(),
            };
            let ranges: Vec<Range<usize>> = here.iter().map(|(r, _, _)| local(r)).collect();
            let field = |key: &str| fields.iter().any(|(k, _)| k.eq_ignore_ascii_case(key));
            let of_subject = sentence.start < source.body_start && !text.split_once(':').is_some_and(|(k, _)| field(k));
            let marked_heading = headings.binary_search(&sentence.start).is_ok() || is_title_field(text);
            let narrowest = here.iter().min_by_key(|(_, v, _)| v.span_days()).expect("a date");
            // A line that only dates near the top dates the document, unless
            // the document's date is another (`## 2012` below `date: 2023-08-15`),
            // it is a table's row of years (`FY2019   FY2020   FY2021`) or a
            // year alone (a timeline's heading `2012`).
            let of_document = narrowest.1.precision <= Precision::Month
                && source.published.as_ref().is_none_or(|p| narrowest.1.start <= p.end && p.start <= narrowest.1.end);
            if sentence.start < DOCUMENT_HEAD
                && here.len() <= 2
                && !of_subject
                && of_document
                && claims::only_dates(text, &ranges, dating_words)
            {
                out.push(claim(narrowest, "publication"));
                continue;
            }
            // The line the document's own date was read from dates the document.
            let dates_document = || source.published_basis.as_deref().is_some_and(|b| b.contains(text.trim()));
            // So does a dateline opening the first sentence (`BAMAKO, March 3, 2015 — On 1 March …`).
            let in_dateline = self.dateline_in(source, dateline, sentence);
            // A heading `2012`, or `December 27.` cut off its sentence by a line break, tells nothing;
            // nor does a heading that names a period (`The First Tuareg Rebellion of 1985–1995`).
            let heading = marked_heading || claims::is_heading(&source.text, sentence.clone());
            // A footnote cites a source: its dates are the source's (`[^2]: Press statement, September 6, 2013.`).
            if marks.in_note(sentence.start) {
                continue;
            }
            // A question asks whether it happened (`Q: Was the strike on April 12 …?`).
            let asked = text.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with('?');
            // Nor does a line that only dates another message or page (a
            // quoted mail's `Sent: Monday, February 7, 2022 5:40 PM`).
            let dates_another = || !of_subject && !dates_document() && claims::only_dates(text, &ranges, dating_words);
            let told_nothing = claims::only_dates(text, &ranges, claims::DATE_PREPOSITIONS)
                || dates_another()
                || claims::is_copyright(text)
                || claims::is_access_note(text)
                || claims::is_citation(text, &ranges)
                || asked;
            if told_nothing || (heading && !dates_document()) {
                continue;
            }
            if sentences.is_piece(sentence) {
                self.clause_claims(text, sentence.start, &here, claim, &mut out);
                continue;
            }
            let told = Told { text, start: sentence.start, dates_document: dates_document(), in_dateline };
            self.sentence_claims(source, &told, &here, claim, &mut out);
        }
        close_to_whole_pieces(source, &mut out);
        out
    }

    /// Where the dateline that opens `sentence` near the top ends: the one
    /// the document's date was read from (`dateline`), or a wire's of the
    /// story's day where its date was read from another line (`08/13/2013
    /// 10:02 GMT` above `BAMAKO, August 13, 2013 (AFP) - Key events …`).
    /// Its day is the story's publication, not the sentence's.
    fn dateline_in(&self, source: &Source, dateline: Option<&str>, sentence: &Range<usize>) -> Option<usize> {
        let near_top = sentence.start < DOCUMENT_HEAD && sentence.start >= source.body_start;
        if !near_top {
            return None;
        }
        let text = &source.text[sentence.clone()];
        if let Some(line) = dateline.filter(|line| text.starts_with(line)) {
            return Some(sentence.start + line.len());
        }
        let (day, head) = metadata::press_dateline(text, &self.tagger)?;
        (source.published.as_ref() == Some(&day)).then(|| sentence.start + head.len())
    }

    /// One claim per date value of a writer's sentence (`told`), with its
    /// clause's kind or else the sentence's, onto `out`.
    fn sentence_claims<'d>(
        &self,
        source: &Source,
        told: &Told,
        here: &[&'d (Range<usize>, DateValue, Resolution)],
        claim: impl Fn(&'d (Range<usize>, DateValue, Resolution), &str) -> Claim,
        out: &mut Vec<Claim>,
    ) {
        let text = told.text;
        // The same date twice tells one happening.
        let mut values: Vec<&DateValue> = Vec::new();
        let mut sentence_kind = None;
        for &dated in here {
            let (range, value, _) = dated;
            if values.contains(&value) {
                continue;
            }
            values.push(value);
            let published = source.published.as_ref() == Some(value);
            // A dateline's day is told by the dateline alone, not by the sentence it opens.
            if let Some(end) = told.in_dateline.filter(|&end| published && range.end <= end) {
                let mut c = claim(dated, "publication");
                c.sentence = told.start..end;
                out.push(c);
                continue;
            }
            let kind = if told.dates_document && published {
                "publication"
            } else {
                let local = range.start - told.start..range.end - told.start;
                let in_clause = self.classifier.in_clause(text, local);
                in_clause.unwrap_or_else(|| *sentence_kind.get_or_insert_with(|| self.classifier.in_sentence(text)))
            };
            out.push(claim(dated, kind));
        }
    }

    /// The claims of a piece cut from an over-long run (`text`, at `start`
    /// in the document): no writer's sentence, so each date's claim is the
    /// clause around it, with that clause's kind, once per date value, onto `out`.
    fn clause_claims<'d>(
        &self,
        text: &str,
        start: usize,
        here: &[&'d (Range<usize>, DateValue, Resolution)],
        claim: impl Fn(&'d (Range<usize>, DateValue, Resolution), &str) -> Claim,
        out: &mut Vec<Claim>,
    ) {
        let mut told: Vec<(Range<usize>, &DateValue)> = Vec::new();
        for &dated in here {
            let (range, value, _) = dated;
            let date = range.start - start..range.end - start;
            let clause = claims::clause_range(text, date.clone());
            let in_clause = date.start - clause.start..date.end - clause.start;
            if claims::only_dates(&text[clause.clone()], std::slice::from_ref(&in_clause), claims::DATE_PREPOSITIONS) {
                continue; // `on 19 December`, where the text stops
            }
            // Clauses come in order: only the last one's dates can repeat.
            told.retain(|(c, _)| *c == clause);
            if told.iter().any(|(_, v)| *v == value) {
                continue;
            }
            let mut c = claim(dated, self.classifier.in_sentence(&text[clause.clone()]));
            c.sentence = start + clause.start..start + clause.end;
            out.push(c);
            told.push((clause, value));
        }
    }
}

/// A writer's sentence that tells something, as its claims need it.
struct Told<'t> {
    text: &'t str,
    /// Where it starts in the document.
    start: usize,
    /// Whether the document's own date was read from it.
    dates_document: bool,
    /// Where the dateline it opens with ends, if it does.
    in_dateline: Option<usize>,
}

/// The dates of `dated` (in text order) that lie wholly in `sentence` and
/// do not identify someone (a designation list's `DOB 01 Jan 1968`).
fn dates_within<'d>(
    text: &str,
    dated: &'d [(Range<usize>, DateValue, Resolution)],
    sentence: &Range<usize>,
) -> Vec<&'d (Range<usize>, DateValue, Resolution)> {
    let first = dated.partition_point(|(r, _, _)| r.start < sentence.start);
    (dated[first..].iter())
        .take_while(|(r, _, _)| r.start < sentence.end)
        .filter(|(r, _, _)| r.end <= sentence.end && !claims::is_identifying(&text[sentence.start..r.start]))
        .collect()
}

/// A sentence trimmed at a table's ` · ` ends inside what stands for its
/// pipe: each claim's is kept to whole pieces of the map, so that its raw
/// bytes clean to it. (A date is inside one character's piece or none.)
fn close_to_whole_pieces(source: &Source, claims: &mut [Claim]) {
    for c in claims {
        let closed = source.map.closed_within(c.sentence.clone());
        if closed != c.sentence {
            // Without the white space the cut leaves at its edge (`ch 2012 `).
            let s = &source.text[closed.clone()];
            let lead = s.len() - s.trim_start().len();
            c.sentence = closed.start + lead..closed.start + s.trim_end().len().max(lead);
        }
    }
}

/// What the cleaned text marks in a document, for its claims: its front
/// matter's fields, where Markdown headings begin, and its footnotes.
struct Marks<'c> {
    fields: &'c [(String, String)],
    headings: &'c [usize],
    /// Each footnote's text to its line's end: each begins a line of its
    /// own, so finding their ends reads the text at most once.
    notes: Vec<Range<usize>>,
}

impl<'c> Marks<'c> {
    fn new(text: &str, fields: &'c [(String, String)], headings: &'c [usize], notes: &[usize]) -> Self {
        let line_end = |at: usize| memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i);
        Marks { fields, headings, notes: notes.iter().map(|&at| at..line_end(at)).collect() }
    }

    /// Whether `at` lies in a footnote, from where its text begins.
    fn in_note(&self, at: usize) -> bool {
        let before = self.notes.partition_point(|n| n.start <= at);
        before > 0 && at < self.notes[before - 1].end
    }
}
