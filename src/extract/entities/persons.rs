//! The people of one document: the full names it gives, and which known
//! or earlier person a name found later is (`Poudiougou` is the
//! document's `Gabriel Poudiougou`).

use super::{DateContext, EntityKey, Name, Resolver};
use crate::extract::discover::Found;
use crate::model::EntityKind;
use crate::seeded;
use crate::text::fold;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

/// A gazetteer's person, folded once: what a discovered name is compared with.
pub(super) struct KnownPerson {
    entry: usize,
    /// The first three bytes of the folded name (`None` when shorter or cut inside a letter).
    first: Option<String>,
    short: Vec<String>,
}

impl KnownPerson {
    pub(super) fn new(entry: usize, person: &crate::assets::GazetteerEntry) -> Self {
        KnownPerson {
            entry,
            first: fold(&person.name).get(..3).map(str::to_string),
            short: person.short.iter().map(|s| fold(s)).collect(),
        }
    }
}

/// A person named in the document, folded once for comparisons.
pub(super) struct DocPerson {
    pub(super) name: Name,
    /// Folded, without dots.
    folded: String,
    /// Where the last word of `folded` is: every person's mention is
    /// compared with every person of the document by it, and finding it
    /// each time was most of that.
    last: Range<usize>,
    pub(super) key: EntityKey,
}

impl DocPerson {
    pub(super) fn new(name: Name, key: EntityKey) -> Self {
        let folded = without_full_stops(&fold(&name)).into_owned();
        let words_end = folded.trim_end().len();
        let space = folded[..words_end].char_indices().rfind(|&(_, c)| c.is_whitespace());
        let last = space.map_or(0, |(at, c)| at + c.len_utf8())..words_end;
        DocPerson { folded, last, name, key }
    }

    /// The last word of the folded name, if it has one.
    pub(super) fn last_word(&self) -> Option<&str> {
        Some(&self.folded[self.last.clone()]).filter(|word| !word.is_empty())
    }
}

/// The full names of a document's people (discovered), by key and by the
/// words after their first: a lone word names the one person it is a
/// middle or last word of (`None` where two have it).
pub(super) struct FullNames {
    pub(super) names: seeded::Map<EntityKey, Name>,
    pub(super) by_middle: seeded::Map<String, Option<EntityKey>>,
}

impl FullNames {
    pub(super) fn new<'a>(names: impl Iterator<Item = &'a str>) -> Self {
        let mut full = FullNames { names: seeded::Map::default(), by_middle: seeded::Map::default() };
        let mut seen: seeded::Set<&str> = seeded::Set::default();
        for name in names.filter(|n| n.contains(' ') && seen.insert(n)) {
            let folded = fold(name);
            let key = EntityKey::Found { folded: folded.as_str().into(), kind: EntityKind::Person };
            if full.names.contains_key(&key) {
                continue;
            }
            for word in without_full_stops(&folded).split_whitespace().skip(1) {
                match full.by_middle.get_mut(word) {
                    Some(entry) if entry.as_ref() != Some(&key) => *entry = None,
                    Some(_) => {}
                    None => {
                        full.by_middle.insert(word.to_string(), Some(key.clone()));
                    }
                }
            }
            full.names.insert(key, Arc::new(name.to_string()));
        }
        full
    }
}

impl Resolver {
    /// A discovered person is a known one when the names agree (`Mousa
    /// Traore` is Moussa Traoré in 1972; `Poudiougou` is the document's
    /// `Gabriel Poudiougou`; `William E` is William E. Ward; `President
    /// Baré` is the one person of the document with `Baré` after a first name).
    pub(super) fn person_key(
        &self,
        f: &Found,
        persons: &[DocPerson],
        full_names: &FullNames,
        dates: &dyn DateContext,
    ) -> EntityKey {
        let folded = fold(&f.name);
        let name = without_full_stops(&folded);
        let tokens: Vec<&str> = name.split_whitespace().collect();
        let last = tokens.last().copied().unwrap_or("");
        for other in persons {
            let same_last = other.last_word() == Some(last);
            let prefix = tokens.len() >= 2 && other.folded.starts_with(&*name) && other.folded.len() > name.len();
            if (tokens.len() == 1 && same_last) || prefix {
                return other.key.clone();
            }
        }
        if let [word] = tokens[..] {
            if let Some(Some(key)) = full_names.by_middle.get(word) {
                return key.clone();
            }
        }
        if tokens.len() >= 2 {
            // Asked only of a name that agrees with a known person's.
            let mut date = None;
            let first = name.get(..3);
            for known in &self.known_people {
                let agrees = known.first.as_deref() == first && known.short.iter().any(|s| s == last);
                if agrees
                    && self.in_term(known.entry, date.get_or_insert_with(|| dates.date_at(f.range.start)).as_ref())
                {
                    return EntityKey::Known(known.entry);
                }
            }
        }
        EntityKey::Found { folded: folded.as_str().into(), kind: EntityKind::Person }
    }
}

fn without_full_stops(s: &str) -> Cow<'_, str> {
    if s.contains('.') {
        Cow::Owned(s.replace('.', ""))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The last word kept is the one splitting at white space gives.
        #[test]
        fn a_persons_last_word_is_the_last_of_its_words(name in "[aÉ. \u{a0}\u{2003}\n]{0,10}") {
            let key = EntityKey::Found { folded: "x".into(), kind: EntityKind::Person };
            let person = DocPerson::new(Arc::new(name.clone()), key);
            proptest::prop_assert_eq!(person.last_word(), person.folded.split_whitespace().next_back());
        }
    }
}
