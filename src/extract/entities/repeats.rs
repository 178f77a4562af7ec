//! Later mentions of a document's discovered names: wherever a name, or a
//! person's surname, stands alone outside every mention so far.

use super::{DocMention, EntityKey};
use crate::extract::spans::{Marked, Spans};
use crate::model::EntityKind;
use crate::seeded;

/// Later mentions of discovered names: a person's surname, an
/// organisation's name or acronym, wherever they stand alone. Earlier names
/// win overlaps; all forms are searched in one pass over the text. In text
/// order, made one by one: held whole beside the other mentions while all
/// are merged, they were the peak of a document of names.
pub(super) fn repeated_mentions(text: &str, found: &Spans, taken: &Spans) -> impl ExactSizeIterator<Item = DocMention> {
    // A form is searched for once, for the first name that has it: where a
    // later name's same form stands, the first's mention is there already.
    let mut seen: seeded::Set<&str> = seeded::Set::default();
    let mut forms: Vec<(&str, &DocMention)> = Vec::new();
    for m in found.in_insertion_order() {
        let name = &text[m.range()];
        let person = matches!(m.key, EntityKey::Found { kind: EntityKind::Person, .. });
        let last = name.rsplit(' ').next().filter(|l| person && l.len() > 3 && name.contains(' '));
        forms.extend([Some(name), last].into_iter().flatten().filter(|n| seen.insert(n)).map(|n| (n, m)));
    }
    let names: Vec<&str> = forms.iter().map(|(form, _)| *form).collect();
    let kept = if names.is_empty() { Vec::new() } else { standing_alone_unnamed(text, &names, found, taken) };
    let forms: Vec<(usize, DocMention)> = forms.into_iter().map(|(form, m)| (form.len(), m.clone())).collect();
    kept.into_iter().map(move |(at, n)| {
        let (len, m) = &forms[n];
        DocMention::new(at..at + len, m.key.clone(), m.name.clone(), m.why)
    })
}

/// Where each form stands alone outside every mention so far, as (start,
/// form), in text order: earlier forms win, so places are chosen in the
/// forms' order, then sorted.
fn standing_alone_unnamed(text: &str, names: &[&str], found: &Spans, taken: &Spans) -> Vec<(usize, usize)> {
    let places = crate::extract::occurrences::standing_alone(text, names);
    // The bytes of every mention so far, a bit each: asked for every place
    // of every form, a bit is a cache hit where a search of sorted ranges
    // was several misses.
    let mut named = Marked::new(text.len());
    taken.ranges().chain(found.ranges()).for_each(|r| named.mark(&r));
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for (n, (form, starts)) in names.iter().zip(places).enumerate() {
        for at in starts {
            let r = at..at + form.len();
            if !named.meets(&r) {
                named.mark(&r);
                kept.push((at, n));
            }
        }
    }
    kept.sort_unstable(); // no two overlap: each start is another
    kept
}
