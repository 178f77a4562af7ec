//! Entities of one document: gazetteer hits, short forms resolved by titles,
//! full mentions and terms of office, and discovered names, made into one
//! list of mentions without overlaps.

mod persons;
mod repeats;

use super::discover::{Discoverer, Found, Why};
use super::gazetteer::Matcher;
use super::qualified::{same_bodies, Qualified, Qualifiers};
use super::spans::Spans;
use crate::assets::{Gazetteer, Rules};
use crate::model::{DateValue, EntityKind};
use crate::seeded;
use crate::text::{fold, is_word_char};
use indexmap::IndexSet;
use itertools::Itertools;
use persons::{DocPerson, FullNames, KnownPerson};
use repeats::repeated_mentions;
use rustc_hash::FxBuildHasher;
use std::ops::Range;
use std::sync::Arc;

/// Which entity a mention names: a gazetteer entry, or a discovered name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum EntityKey {
    Known(usize),
    /// Shared: a name mentioned a million times is one string.
    Found {
        folded: Arc<str>,
        kind: EntityKind,
    },
}

/// A discovered entity's name, shared by its mentions.
pub type Name = Arc<String>;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocMention {
    /// Where it stands ([`DocMention::range`]): in 32 bits, as a document
    /// is under 4 GiB, a text of names holds millions of mentions.
    range: Range<u32>,
    pub key: EntityKey,
    /// The name to give a discovered entity (shared, as the key's; behind
    /// one pointer, not two: a text of names holds millions of mentions).
    pub name: Option<Name>,
    /// The rule that found it; `None` for the gazetteer.
    pub why: Option<Why>,
}

impl DocMention {
    pub fn new(range: Range<usize>, key: EntityKey, name: Option<Name>, why: Option<Why>) -> Self {
        let at = |n: usize| u32::try_from(n).expect("documents are under 4 GiB (ingest reads no file over 1 GiB)");
        DocMention { range: at(range.start)..at(range.end), key, name, why }
    }

    /// Where it stands in the document's clean text.
    pub fn range(&self) -> Range<usize> {
        self.range.start as usize..self.range.end as usize
    }
}

/// Resolves a document's entities; built once per pipeline.
pub struct Resolver {
    matcher: Matcher,
    gazetteer: Gazetteer,
    discoverer: Discoverer,
    qualifiers: Qualifiers,
    /// The names of each gazetteer entry that is a body, taken apart once.
    known_bodies: Vec<Vec<Qualified>>,
    /// The gazetteer's people, folded once: what a discovered name is compared with.
    known_people: Vec<KnownPerson>,
    /// Person titles by their last byte: only those are compared with the
    /// text before a short form.
    titles_by_last_byte: Vec<Vec<String>>,
}

/// The gazetteer entries the document names for certain, in the order it
/// first does: a lone surname that fits two of its people is the one named
/// first (iterating a hash set here made the answer change from run to run).
type Strong = IndexSet<usize, FxBuildHasher>;

/// The entity a body's names go to, and the name to give it when discovered.
type Body = (EntityKey, Option<Name>);

/// What is known about dates around a position, to pick among namesakes.
pub trait DateContext {
    fn date_at(&self, offset: usize) -> Option<DateValue>;
}

impl Resolver {
    pub fn new(gazetteer: &Gazetteer, rules: &Rules) -> Self {
        let known_people = (gazetteer.entities.iter().enumerate())
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .map(|(entry, e)| KnownPerson::new(entry, e))
            .collect();
        let qualifiers = Qualifiers::new(gazetteer);
        let mut titles_by_last_byte = vec![Vec::new(); 256];
        for title in &rules.person_titles {
            if let Some(&last) = title.as_bytes().last() {
                titles_by_last_byte[usize::from(last)].push(title.clone());
            }
        }
        Resolver {
            titles_by_last_byte,
            matcher: Matcher::new(gazetteer),
            gazetteer: gazetteer.clone(),
            discoverer: Discoverer::new(rules, gazetteer),
            known_bodies: (gazetteer.entities.iter())
                .map(|e| match is_body(e.kind) {
                    true => std::iter::once(&e.name).chain(&e.aliases).filter_map(|n| qualifiers.split(n)).collect(),
                    false => Vec::new(),
                })
                .collect(),
            qualifiers,
            known_people,
        }
    }

    pub fn resolve(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        hints: &[crate::ingest::clean::Hint],
        fields_end: usize,
        dates: &dyn DateContext,
    ) -> Vec<DocMention> {
        let (mentions, strong) = self.known(text, hints, dates);
        let found = self.discoverer.find(text, sentences, hints, fields_end);
        self.add_found(text, found, mentions, &strong, dates)
    }

    /// The gazetteer's entries named in `text`, and those named in full
    /// (strong). What it reads them from is gone when it returns: a
    /// document of names holds millions.
    fn known(&self, text: &str, hints: &[crate::ingest::clean::Hint], dates: &dyn DateContext) -> (Spans, Strong) {
        let marked: Vec<Range<usize>> = hints.iter().map(|h| h.clean.clone()).collect();
        let mut hits = self.matcher.find(text, &marked);
        hits.retain(|h| !cable_address(text, &h.range));
        // Hits come in text order and never overlap (leftmost-longest): the
        // hits of one range stand together, and a range is taken by its first
        // full name, else its short forms are the entries it may name (a
        // slice of one list, as a list each grew, and most grew twice).
        let mut known: Vec<(Range<usize>, usize)> = Vec::new();
        let mut strong = Strong::default();
        let mut entries: Vec<usize> = Vec::new();
        let mut shorts: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        for same_range in hits.chunk_by(|a, b| a.range == b.range) {
            if let Some(h) = same_range.iter().find(|h| !h.short) {
                known.push((h.range.clone(), h.entry));
                strong.insert(h.entry);
            } else {
                let from = entries.len();
                entries.extend(same_range.iter().map(|h| h.entry));
                shorts.push((same_range[0].range.clone(), from..entries.len()));
            }
        }
        let mut picked = vec![false; shorts.len()];
        for titled_pass in [true, false] {
            for (n, (range, of_range)) in shorts.iter().enumerate() {
                if picked[n] || self.titled(text, range.start) != titled_pass {
                    continue;
                }
                let candidates = &entries[of_range.clone()];
                if let Some(e) = self.pick(candidates, &strong, titled_pass, || dates.date_at(range.start)) {
                    strong.insert(e);
                    picked[n] = true;
                    known.push((range.clone(), e));
                }
            }
        }
        let mentions =
            (known.into_iter()).map(|(range, e)| DocMention::new(range, EntityKey::Known(e), None, None)).collect();
        (mentions, strong)
    }

    /// Whether a title (`President`, `General`) stands right before `at`.
    fn titled(&self, text: &str, at: usize) -> bool {
        let before = text[..at].trim_end();
        let Some(&last) = before.as_bytes().last() else { return false };
        self.titles_by_last_byte[usize::from(last)]
            .iter()
            .any(|t| before.ends_with(t.as_str()) && !before[..before.len() - t.len()].ends_with(is_word_char))
    }

    fn in_term(&self, entry: usize, date: Option<&DateValue>) -> bool {
        let terms = &self.matcher.terms[entry];
        match date {
            Some(d) if !terms.is_empty() => terms.iter().any(|t| t.start <= d.end && d.start <= t.end),
            _ => true,
        }
    }

    /// The one entry a short form names here, if it can be told; `date`
    /// is asked only of entries with terms of office.
    fn pick(
        &self,
        candidates: &[usize],
        strong: &Strong,
        titled: bool,
        date: impl FnOnce() -> Option<DateValue>,
    ) -> Option<usize> {
        let termed = candidates.iter().any(|&e| !self.matcher.terms[e].is_empty());
        let date = if termed { date() } else { None };
        let fitting: Vec<usize> = candidates.iter().copied().filter(|e| self.in_term(*e, date.as_ref())).collect();
        let strong_fitting: Vec<usize> = fitting.iter().copied().filter(|e| strong.contains(e)).collect();
        match (strong_fitting.as_slice(), fitting.as_slice()) {
            ([one], _) => Some(*one),
            ([], [one]) if titled => Some(*one),
            _ => None,
        }
    }

    fn add_found(
        &self,
        text: &str,
        found: Vec<Found>,
        mut mentions: Spans,
        strong: &Strong,
        dates: &dyn DateContext,
    ) -> Vec<DocMention> {
        // Full names before lone surnames, so `Poudiougou` finds `Gabriel Poudiougou` wherever it stands.
        let mut found = in_rule_order(found);
        // The full names of the document by their middle words (`Baré` of
        // `Ibrahim Baré Maïnassara`), those a later rule found included.
        let full_names = FullNames::new(found.iter().filter(|f| f.kind == EntityKind::Person).map(|f| f.name.as_str()));
        let mut persons: Vec<DocPerson> = strong
            .iter()
            .filter(|e| self.gazetteer.entities[**e].kind == EntityKind::Person)
            .map(|e| DocPerson::new(Arc::new(self.gazetteer.entities[*e].name.clone()), EntityKey::Known(*e)))
            .collect();
        for f in found.iter_mut().filter(|f| f.why == Why::Pattern) {
            after_known_name(text, f, &mentions);
        }
        let mut bodies = self.bodies(&found, strong).into_iter();
        let mut extra = Spans::default();
        // The forms named so far, made when the first lone acronym comes
        // (they come last): an acronym the document defines is that name's.
        let mut forms: Option<seeded::Set<&str>> = None;
        for f in found {
            let body = bodies.next().flatten();
            if named_already(text, &f, &full_names, &persons, &extra, &mut forms) {
                continue;
            }
            match self.against_known(text, &f, &mentions, &extra) {
                Standing::Loses => continue,
                Standing::Replaces => mentions.remove_within(&f.range),
                Standing::Beside => {}
            }
            let spelled_out = (f.why == Why::Acronym).then(|| self.spelled_out_known(text, &f, &mentions)).flatten();
            let (key, name) = match (spelled_out, body) {
                (Some(entry), _) => (EntityKey::Known(entry), None),
                (None, Some(body)) => body,
                (None, None) => {
                    let (key, name) = self.key_and_name(&f, &mut persons, &full_names, dates);
                    (key, Some(name))
                }
            };
            extra.insert(DocMention::new(f.range.clone(), key, name, Some(f.why)));
        }
        // The document's names, persons and bodies are let go before the
        // list of all mentions is made: in a text of names, its peak.
        drop((bodies, full_names, persons, forms));
        let repeats = repeated_mentions(text, &extra, &mentions);
        // By start and end, the known first, then the found, then their
        // repeats: three runs in that order merged, not sorted again (in a
        // text of names, sorting them was a twentieth of its time), and no
        // tree of them all, which was the peak of a document's memory;
        // sized once, as growing it twice was.
        let by_place = |a: &DocMention, b: &DocMention| (a.range.start, a.range.end) <= (b.range.start, b.range.end);
        let mut all = Vec::with_capacity(mentions.len() + extra.len() + repeats.len());
        all.extend(mentions.into_sorted().merge_by(extra.into_sorted(), by_place).merge_by(repeats, by_place));
        all
    }

    /// How a found name stands against the names already taken where it is.
    fn against_known(&self, text: &str, f: &Found, mentions: &Spans, extra: &Spans) -> Standing {
        // A byline's name is a person's whole (`John Irish` holds no Ireland).
        let longer_name = matches!(
            f.why,
            Why::Acronym | Why::Pattern | Why::Compass | Why::PlaceNoun | Why::Accord | Why::Byline | Why::Listed
        );
        // A titled name holds no other person's surname (`Colonel
        // Abdoulaye Maïga` where `Maïga` is Choguel Kokalla Maïga's).
        let titled_full_name = f.why == Why::Title && f.name.contains(' ');
        let a_known_person = |m: &DocMention| matches!(m.key, EntityKey::Known(e) if self.gazetteer.entities[e].kind == EntityKind::Person);
        let surname_in_title = |m: &DocMention| titled_full_name && a_known_person(m) && !text[m.range()].contains(' ');
        let blocks = |m: &DocMention| {
            !((longer_name || surname_in_title(m))
                && contains(&f.range, &m.range())
                && f.range != m.range()
                && matches!(m.key, EntityKey::Known(_)))
        };
        let blocked = mentions.overlapping(&f.range).any(blocks) || extra.overlapping(&f.range).any(blocks);
        // `ECOWAS and the African Union`: a coordination of names, not one
        // (`UN Mission in Ivory Coast` is one, and so is `African Union
        // Peace and Security Council`, where no name ends before `and`).
        let coordination = f.why == Why::Pattern
            && mentions.within(&f.range).nth(1).is_some()
            && mentions.within(&f.range).any(|m| joined_after(&text[m.range().end..f.range.end]));
        match (blocked || coordination, longer_name || titled_full_name) {
            (true, _) => Standing::Loses,
            (false, true) => Standing::Replaces,
            (false, false) => Standing::Beside,
        }
    }

    /// The gazetteer's body whose acronym follows a found name in brackets
    /// (`Jama’at Nusrat al-Islam wal Muslimeen (JNIM)`, where the gazetteer
    /// spells it `Jama'at Nasr al-Islam wal Muslimin`): a name is spelled
    /// out many ways, its acronym one.
    fn spelled_out_known(&self, text: &str, f: &Found, known: &Spans) -> Option<usize> {
        let bracket = text[f.range.end..].trim_start().strip_prefix('(')?;
        let at = text.len() - bracket.trim_start().len();
        let rest = at..text.len();
        let m = known.within(&rest).next().filter(|m| m.range().start == at)?;
        let closed = text[m.range().end..].trim_start().starts_with(')');
        let EntityKey::Known(entry) = m.key else { return None };
        let named_body = |kind| matches!(kind, EntityKind::Organization | EntityKind::Group | EntityKind::Program);
        (closed && named_body(f.kind) && named_body(self.gazetteer.entities[entry].kind)).then_some(entry)
    }

    /// The key of a found name that is no body's, and the name its entity
    /// is given: a person's is the document's or the gazetteer's fuller one.
    fn key_and_name(
        &self,
        f: &Found,
        persons: &mut Vec<DocPerson>,
        full_names: &FullNames,
        dates: &dyn DateContext,
    ) -> (EntityKey, Name) {
        let key = match f.kind {
            EntityKind::Person => self.person_key(f, persons, full_names, dates),
            kind => EntityKey::Found { folded: fold(&f.name).into(), kind },
        };
        let name = match persons.iter().find(|p| p.key == key) {
            Some(known) => known.name.clone(),
            None if full_names.names.contains_key(&key) => full_names.names[&key].clone(),
            None if f.kind == EntityKind::Person => {
                let name: Name = Arc::new(f.name.clone());
                persons.push(DocPerson::new(name.clone(), key.clone()));
                name
            }
            None => Arc::new(f.name.clone()),
        };
        (key, name)
    }

    /// The body each organisation or group of `found` belongs to, when its
    /// name says which (see [`super::qualified`]): its key and name.
    fn bodies(&self, found: &[Found], strong: &Strong) -> Vec<Option<Body>> {
        let mut order: Vec<usize> = (0..found.len()).filter(|&i| is_body(found[i].kind)).collect();
        order.sort_by_key(|&i| found[i].range.start);
        // Each name taken apart once, however often it stands: an index into `discovered`.
        let mut discovered: Vec<(Qualified, Body)> = Vec::new();
        let mut seen: seeded::Map<&str, Option<usize>> = seeded::Map::default();
        let mut split: Vec<Option<usize>> = vec![None; found.len()];
        for i in order {
            let f = &found[i];
            split[i] = *seen.entry(f.name.as_str()).or_insert_with(|| {
                let q = self.qualifiers.split(&f.name)?;
                let key = EntityKey::Found { folded: fold(&f.name).into(), kind: f.kind };
                discovered.push((q, (key, Some(Arc::new(f.name.clone())))));
                Some(discovered.len() - 1)
            });
        }
        if discovered.is_empty() {
            return vec![None; found.len()];
        }
        // The gazetteer's names first (they give a body its key), borrowed.
        let known =
            strong.iter().flat_map(|&e| self.known_bodies[e].iter().map(move |q| (q, (EntityKey::Known(e), None))));
        let names: Vec<(&Qualified, Body)> = known.chain(discovered.iter().map(|(q, b)| (q, b.clone()))).collect();
        let bodies = same_bodies(&names);
        (split.into_iter())
            .map(|at| {
                let q = &discovered[at?].0;
                match q.country {
                    Some(country) if q.is_government() => Some((EntityKey::Known(country), None)),
                    _ => bodies.get(&(q.core.as_str(), q.country)).cloned(),
                }
            })
            .collect()
    }
}

/// Where a found name stands against the names taken where it is.
enum Standing {
    /// A name already taken there wins, or it joins two names.
    Loses,
    /// It is the longer name: the known names inside it go.
    Replaces,
    /// It stands beside them.
    Beside,
}

/// Whether `f` is a name the document has already given another way:
/// `al-Baghdadi` after `Abu Bakr al-Baghdadi` is the person's, and a lone
/// acronym a found name already spelled (`forms`, made on the first ask)
/// is that name's.
fn named_already<'t>(
    text: &'t str,
    f: &Found,
    full_names: &FullNames,
    persons: &[DocPerson],
    extra: &Spans,
    forms: &mut Option<seeded::Set<&'t str>>,
) -> bool {
    match f.why {
        Why::Article => {
            let name = fold(&f.name);
            let last = name.split_whitespace().last().unwrap_or("");
            full_names.by_middle.contains_key(last) || persons.iter().any(|p| p.last_word() == Some(last))
        }
        Why::LoneAcronym => {
            let forms = forms.get_or_insert_with(|| extra.ranges().map(|r| &text[r]).collect());
            forms.contains(&text[f.range.clone()])
        }
        _ => false,
    }
}

/// `found` in the order rules win overlaps in: by rule, full names before
/// lone words, then by place (a stable sort by those keys). Counted into
/// bins by rule and full name, each bin then sorted by place: most rules
/// find names in order, so each bin is one run, and this is linear (a sort
/// of them all was a tenth of adding a run-on's found names).
fn in_rule_order(mut found: Vec<Found>) -> Vec<Found> {
    let bins: Vec<usize> = found.iter().map(|f| 2 * f.why as usize + usize::from(!f.name.contains(' '))).collect();
    // Where each bin starts in the order, and after the last, the end.
    let mut starts = vec![0; bins.iter().max().map_or(0, |&last| last + 1) + 1];
    for &bin in &bins {
        starts[bin + 1] += 1;
    }
    for bin in 1..starts.len() {
        starts[bin] += starts[bin - 1];
    }
    let (mut order, mut next) = (vec![0; found.len()], starts.clone());
    for (i, &bin) in bins.iter().enumerate() {
        order[next[bin]] = i;
        next[bin] += 1;
    }
    for bin in starts.windows(2) {
        order[bin[0]..bin[1]].sort_by_key(|&i| found[i].range.start);
    }
    let taken = |f: &mut Found| std::mem::replace(f, Found { range: 0..0, name: String::new(), ..*f });
    order.into_iter().map(|i| taken(&mut found[i])).collect()
}

/// `s` without its full stops (`j. smith` → `j smith`), borrowed when it has none.
/// `Department of State Pan Sahel Initiative`: a known name of the form
/// `X of Y` opening a longer one is the known body, then the name proper.
fn after_known_name(text: &str, f: &mut Found, known: &Spans) {
    let Some(m) = known.within(&f.range).next() else { return };
    let rest = text[m.range().end..f.range.end].trim_start();
    let opens = m.range().start == f.range.start && text[m.range()].contains(" of ");
    if opens && rest.split(' ').count() >= 2 {
        f.range.start = f.range.end - rest.len();
        f.name = rest.to_string();
    }
}

/// Whether `after`, the text after a name, goes on with `and` or `&`
/// (`ECOWAS and the African Union`).
fn joined_after(after: &str) -> bool {
    let next = after.trim_start();
    next.len() < after.len() && (next.starts_with("and ") || next.starts_with("& "))
}

/// `BAMAKO 000054`, `REF: NIAMEY 27` (a cable's number), `PARIS FOR AF
/// WATCHER` (a routing line): a city in capitals that refers to a cable
/// names no place. In an address line (`TO RUEHC/SECSTATE WASHDC 1084`) it does.
fn cable_address(text: &str, range: &Range<usize>) -> bool {
    // What follows first, by bytes: asked of every name the gazetteer finds.
    let after = &text.as_bytes()[range.end..];
    let numbered = after.first() == Some(&b' ') && after.get(1).is_some_and(u8::is_ascii_digit);
    if !(numbered || after.starts_with(b" FOR ")) {
        return false;
    }
    let name = &text[range.clone()];
    if !name.chars().any(char::is_uppercase) || name.chars().any(char::is_lowercase) {
        return false; // not in capitals
    }
    let before = &text[crate::text::floor_boundary(text, range.start.saturating_sub(80))..range.start];
    let line = before.rsplit('\n').next().unwrap_or("");
    let token = line.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let address = token.contains('/') || ["FM ", "TO ", "INFO "].iter().any(|a| line.starts_with(a));
    !address
}

/// The kinds of entity that a country can qualify (`Nigerien Army`).
fn is_body(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Organization | EntityKind::Group)
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

#[cfg(test)]
mod tests;
