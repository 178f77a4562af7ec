//! Which events an export holds: `--actor`, `--from`, `--to`, `--kind`.

use crate::model::{Corpus, DateValue, EntityId, EventId};
use crate::text::fold;
use chrono::NaiveDate;

/// What the user asked for; every part optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub actor: Option<EntityId>,
    /// Events ending before `from` or starting after `to` are left out.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kinds: Vec<String>,
}

impl Filter {
    /// The events kept, in timeline order.
    pub fn events(&self, corpus: &Corpus) -> Vec<EventId> {
        corpus
            .events
            .keys()
            .filter(|&i| {
                let e = &corpus.events[i];
                self.actor.is_none_or(|a| e.actors.contains(&a))
                    && self.from.is_none_or(|from| e.date.end >= from)
                    && self.to.is_none_or(|to| e.date.start <= to)
                    && (self.kinds.is_empty() || self.kinds.iter().any(|k| *k == e.kind))
            })
            .collect()
    }
}

/// The entity a user means by `name`: its id, or its name or an alias with
/// accents and case folded; else a message naming the closest ones.
pub fn find_actor(corpus: &Corpus, name: &str) -> Result<EntityId, String> {
    let wanted = fold(name.trim());
    let exact: Vec<EntityId> = corpus
        .entities
        .keys()
        .filter(|&i| {
            let e = &corpus.entities[i];
            e.id == name || fold(&e.name) == wanted || e.aliases.iter().any(|a| fold(a) == wanted)
        })
        .collect();
    let found = if exact.is_empty() {
        // Every word of the query somewhere in a name (`william ward`).
        let words: Vec<&str> = wanted.split_whitespace().collect();
        corpus.entities.keys().filter(|&i| words.iter().all(|w| corpus.entities[i].folded.contains(w))).collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(match closest(corpus, &wanted).as_slice() {
            [] => format!("no entity named `{name}` in this corpus"),
            near => format!("no entity named `{name}` in this corpus; did you mean {}?", near.join(", ")),
        }),
        many => {
            let shown: Vec<&str> = many.iter().take(8).map(|&i| corpus.entities[i].name.as_str()).collect();
            Err(format!(
                "`{name}` names {} entities: {}; say which (a full name or an id)",
                many.len(),
                shown.join(", ")
            ))
        }
    }
}

/// Up to three names spelled nearly as `wanted` (folded): each word of it
/// close to some word of the entity's name or aliases (`keitaa`, `toure`).
fn closest(corpus: &Corpus, wanted: &str) -> Vec<String> {
    const NEAR: f64 = 0.8;
    let words: Vec<&str> = wanted.split_whitespace().collect();
    let likeness = |e: &crate::model::Entity| {
        let theirs: Vec<&str> = e.folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let best = |w: &str| theirs.iter().map(|t| strsim::normalized_damerau_levenshtein(w, t)).fold(0.0, f64::max);
        words.iter().map(|w| best(w)).fold(f64::INFINITY, f64::min)
    };
    let mut near: Vec<(f64, usize, &str)> = (corpus.entities.iter())
        .map(|e| (likeness(e), e.mentions.len(), e.name.as_str()))
        .filter(|&(l, _, _)| l >= NEAR && !words.is_empty())
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    near.into_iter().take(3).map(|(_, _, name)| name.to_string()).collect()
}

/// A bound of `--from` / `--to`: a date as the model writes it (`2012`,
/// `2012-03`, `2012-03-22`, `FY2014`); `--from` takes its first day,
/// `--to` its last.
pub fn date_bound(text: &str, last_day: bool) -> Result<NaiveDate, String> {
    let d = DateValue::parse(text.trim())
        .ok_or_else(|| format!("`{text}` is not a date: expected 2012, 2012-03, 2012-03-22 or FY2014"))?;
    Ok(if last_day { d.end } else { d.start })
}
