//! Organisations named with and without their country: `Ministry of
//! Defense of Niger`, `Nigerien Defense Ministry` and, in the same document,
//! `the Ministry of Defense` are one body; `Government of Niger` is Niger.

use crate::assets::Gazetteer;
use crate::model::EntityKind;
use crate::seeded;
use crate::text::fold;
use rustc_hash::FxHashMap;

/// Words that only join a name's words: left out when names are compared,
/// so that `Interior Ministry` is `Ministry of the Interior`.
const JOINING: &[&str] = &["of", "the", "for", "and", "on", "in"];
/// The longest country name or demonym, in words (`Central African Republic`).
const LONGEST_COUNTRY: usize = 4;

/// A name taken apart: what it names, and the country that qualifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qualified {
    /// The name's other words, folded, in order of the alphabet.
    pub core: String,
    /// The gazetteer's country entry, when the name has one.
    pub country: Option<usize>,
}

impl Qualified {
    /// `Government of Niger`, `U.S. Government`: the country itself.
    pub fn is_government(&self) -> bool {
        self.country.is_some() && self.core == "government"
    }
}

/// The countries of the gazetteer by every folded form that can qualify a name.
pub struct Qualifiers {
    countries: FxHashMap<String, usize>,
}

impl Qualifiers {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut countries = FxHashMap::default();
        for (entry, e) in gazetteer.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Country) {
            for form in std::iter::once(&e.name).chain(&e.aliases).chain(&e.demonyms) {
                countries.entry(fold(form)).or_insert(entry);
            }
        }
        Qualifiers { countries }
    }

    /// `name` without a country before it (`Nigerien`, `Niger's`, `U.S.`)
    /// or after it (`of Niger`, `in Niger`); `None` when no word is left.
    pub fn split(&self, name: &str) -> Option<Qualified> {
        let folded = fold(name);
        let mut words: Vec<&str> = folded.split_whitespace().collect();
        if words.first() == Some(&"the") {
            words.remove(0);
        }
        let mut country = None;
        if let Some((n, entry)) = self.country_at_start(&words) {
            country = Some(entry);
            words.drain(..n);
        } else if let Some((n, entry)) = self.country_at_end(&words) {
            country = Some(entry);
            words.truncate(words.len() - n);
        }
        let mut core: Vec<&str> = words.into_iter().filter(|w| !JOINING.contains(w)).collect();
        if core.is_empty() {
            return None;
        }
        core.sort_unstable();
        Some(Qualified { core: core.join(" "), country })
    }

    /// The longest country at the start, possessive or not: its words and entry.
    fn country_at_start(&self, words: &[&str]) -> Option<(usize, usize)> {
        (1..=LONGEST_COUNTRY.min(words.len().saturating_sub(1))).rev().find_map(|n| {
            let form = words[..n].join(" ");
            let form = form.strip_suffix("'s").unwrap_or(&form);
            self.countries.get(form).map(|&entry| (n, entry))
        })
    }

    /// `of Niger`, `in the Central African Republic`: the words it takes and the entry.
    fn country_at_end(&self, words: &[&str]) -> Option<(usize, usize)> {
        (1..=LONGEST_COUNTRY.min(words.len().saturating_sub(2))).rev().find_map(|n| {
            let entry = *self.countries.get(&words[words.len() - n..].join(" "))?;
            let mut taken = n + 1;
            let mut before = words.len() - n - 1;
            if words[before] == "the" && before > 0 {
                before -= 1;
                taken += 1;
            }
            matches!(words[before], "of" | "in").then_some((taken, entry))
        })
    }
}

/// The body each name of a document belongs to, by its core and country:
/// names with the same core and country are one body, and a name without a
/// country joins the body of its core when only one country has one.
/// Several countries with one core (`Nigerien Army`, `French Army`) leave
/// the bare `Army` a body of its own. The first name of a body gives its key,
/// so the gazetteer's names go first.
pub fn same_bodies<'a, K: Clone>(names: &[(&'a Qualified, K)]) -> seeded::Map<(&'a str, Option<usize>), K> {
    let mut bodies: seeded::Map<(&str, Option<usize>), K> = seeded::Map::default();
    // Per core, its one country, or `None` once a second is seen.
    let mut countries: seeded::Map<&str, Option<usize>> = seeded::Map::default();
    for (q, key) in names.iter().filter(|(q, _)| q.country.is_some()) {
        bodies.entry((q.core.as_str(), q.country)).or_insert_with(|| key.clone());
        let one = countries.entry(&q.core).or_insert(q.country);
        if *one != q.country {
            *one = None;
        }
    }
    for (q, key) in names.iter().filter(|(q, _)| q.country.is_none()) {
        let body = match countries.get(q.core.as_str()) {
            Some(Some(country)) => bodies[&(q.core.as_str(), Some(*country))].clone(),
            _ => key.clone(),
        };
        bodies.entry((q.core.as_str(), None)).or_insert(body);
    }
    bodies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::Assets;

    fn split(name: &str) -> Option<(String, Option<String>)> {
        let assets = Assets::bundled();
        let q = Qualifiers::new(&assets.gazetteer).split(name)?;
        Some((q.core, q.country.map(|e| assets.gazetteer.entities[e].name.clone())))
    }

    #[test]
    fn a_country_before_or_after_a_name_qualifies_it() {
        let niger = Some("Niger".to_string());
        assert_eq!(split("Ministry of Defense of Niger"), Some(("defense ministry".into(), niger.clone())));
        assert_eq!(split("Nigerien Defense Ministry"), Some(("defense ministry".into(), niger.clone())));
        assert_eq!(split("Niger's Ministry of Defense"), Some(("defense ministry".into(), niger.clone())));
        assert_eq!(split("the Ministry of Defense"), Some(("defense ministry".into(), None)));
        assert_eq!(split("Niger Armed Forces"), Some(("armed forces".into(), niger.clone())));
        assert!(split("Government of Niger").is_some_and(|(core, c)| core == "government" && c == niger));
        assert_eq!(split("U.S. Government").map(|(c, _)| c), Some("government".into()));
    }

    #[test]
    fn a_country_alone_or_inside_a_name_does_not() {
        assert_eq!(split("Niger"), Some(("niger".into(), None)));
        assert_eq!(split("Bank of Niger Savings"), Some(("bank niger savings".into(), None)));
    }

    #[test]
    fn one_core_with_two_countries_is_two_bodies() {
        let q = |core: &str, country: Option<usize>| Qualified { core: core.into(), country };
        let (army1, army2, army) = (q("army", Some(1)), q("army", Some(2)), q("army", None));
        let names = [(&army1, 'a'), (&army2, 'b'), (&army, 'c'), (&army1, 'd')];
        let bodies = same_bodies(&names);
        let body = |country| bodies.get(&("army", country)).copied();
        assert_eq!((body(Some(1)), body(Some(2)), body(None)), (Some('a'), Some('b'), Some('c')));
        let (ministry, ministry1) = (q("ministry", None), q("ministry", Some(1)));
        let names = [(&ministry, 'a'), (&ministry1, 'b'), (&ministry, 'c')];
        assert_eq!(same_bodies(&names).get(&("ministry", None)), Some(&'b'));
    }
}
