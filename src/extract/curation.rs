//! A person's corrections to the entities (`[[merge]]`, `[[split]]` and
//! `[[hide]]` of `annals.toml`), applied to each mention before entities
//! are assembled.

use super::entities::{DocMention, EntityKey};
use crate::assets::corpus_file::{HideRule, MergeRule, SplitRule};
use crate::assets::Gazetteer;
use crate::model::EntityKind;
use crate::text::{fold, one_line};

#[derive(Debug, Default)]
pub struct Curation {
    /// Folded names, and the entity their mentions go to.
    merges: Vec<(Vec<String>, Target)>,
    /// The folded entity name, and the folded surface forms taken from it.
    splits: Vec<(String, Vec<String>)>,
    /// Folded names of entities that are none.
    hidden: Vec<String>,
}

#[derive(Debug)]
enum Target {
    Known(usize),
    Named(String),
}

impl Curation {
    pub fn new(merges: &[MergeRule], splits: &[SplitRule], hides: &[HideRule], gazetteer: &Gazetteer) -> Self {
        let folded = |names: &[String]| names.iter().map(|n| fold(n)).collect::<Vec<_>>();
        Curation {
            merges: merges
                .iter()
                .map(|m| {
                    let target = gazetteer.find(&m.into).map_or_else(|| Target::Named(m.into.clone()), Target::Known);
                    (folded(&m.names), target)
                })
                .collect(),
            splits: splits.iter().map(|s| (fold(&s.entity), folded(&s.names))).collect(),
            hidden: hides.iter().map(|h| fold(&h.entity)).collect(),
        }
    }

    /// Every mention of a document as the person wants it; those of a
    /// hidden entity (named so before or after the other rules) gone.
    pub fn apply_all(&self, mentions: &mut Vec<DocMention>, text: &str, gazetteer: &Gazetteer) {
        if self.merges.is_empty() && self.splits.is_empty() && self.hidden.is_empty() {
            return;
        }
        let name_of = |m: &DocMention| match &m.key {
            EntityKey::Known(i) => (gazetteer.entities[*i].name.clone(), gazetteer.entities[*i].kind),
            EntityKey::Found { kind, .. } => (m.name.as_deref().cloned().unwrap_or_default(), *kind),
        };
        mentions.retain_mut(|m| {
            let (name, kind) = name_of(m);
            let hidden = |name: &str| !self.hidden.is_empty() && self.hidden.contains(&fold(name));
            if hidden(&name) {
                return false;
            }
            self.apply(m, &text[m.range()], &name, kind);
            self.hidden.is_empty() || !hidden(&name_of(m).0)
        });
    }

    /// The mention as the person wants it: `surface` is its text, `name`
    /// the canonical name of the entity it was resolved to.
    fn apply(&self, m: &mut DocMention, surface: &str, name: &str, kind: EntityKind) {
        let (surface_folded, name_folded) = (fold(surface), fold(name));
        for (entity, names) in &self.splits {
            if *entity == name_folded && names.contains(&surface_folded) {
                let surface = one_line(surface);
                m.key = EntityKey::Found { folded: fold(&surface).into(), kind };
                m.name = Some(surface.into());
                return;
            }
        }
        for (names, target) in &self.merges {
            if names.contains(&surface_folded) || names.contains(&name_folded) {
                match target {
                    Target::Known(i) => {
                        m.key = EntityKey::Known(*i);
                        m.name = None;
                    }
                    Target::Named(into) => {
                        m.key = EntityKey::Found { folded: fold(into).into(), kind };
                        m.name = Some(std::sync::Arc::new(into.clone()));
                    }
                }
                return;
            }
        }
    }
}
