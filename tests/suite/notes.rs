//! The analyst's notes placed on a corpus built again after its sources
//! changed: each ends anchored, moved or orphaned as a reader would expect,
//! and on the claim (so the event) it was written on.

use crate::common;
use annals::ingest::Input;
use annals::model::{ClaimId, Corpus, EventId, TiVec};
use annals::notes::{Layer, Motivation, Placement, Writing};

const TEXT: &str = "Relations were calm for years.\n\n\
    On 22 March 2012, soldiers overthrew President Amadou Toumani Touré in Bamako.\n\n\
    Aid was suspended on 26 March 2012 and resumed in September 2013.\n";

fn corpus(files: &[(&str, &str)]) -> Corpus {
    common::build(
        files.iter().map(|(path, text)| Input { path: path.to_string(), bytes: text.as_bytes().to_vec() }).collect(),
    )
}

fn claim_events(corpus: &Corpus) -> TiVec<ClaimId, EventId> {
    let mut of: TiVec<ClaimId, EventId> = vec![EventId::default(); corpus.claims.len()].into();
    for (event, e) in corpus.events.iter_enumerated() {
        for &c in &e.claims {
            of[c] = event;
        }
    }
    of
}

/// The claim of `corpus` dated by the words `date`.
fn claim_dated(corpus: &Corpus, date: &str) -> ClaimId {
    let found =
        corpus.claims.iter_enumerated().find(|(_, c)| &corpus.sources[c.source].text[c.date_clean.clone()] == date);
    found.unwrap_or_else(|| panic!("no claim dated {date}")).0
}

/// A note written on the claim dated `date` of `TEXT` (as `cable.txt`), then
/// placed on `files`: where it stands, and the date of the claim it is on.
fn written_then_placed(date: &str, files: &[(&str, &str)]) -> (Placement, Option<String>) {
    let before = corpus(&[("cable.txt", TEXT)]);
    let mut layer = Layer::default();
    layer.write(&before, &claim_events(&before), Writing::New(claim_dated(&before, date)), "check this".into());
    let after = corpus(files);
    let placed = Layer::new(&after, &claim_events(&after), layer.notes().to_vec());
    let p = &placed.placed()[0];
    let claim = p.claim.map(|c| {
        let c = &after.claims[c];
        after.sources[c.source].text[c.date_clean.clone()].to_string()
    });
    (p.placement.clone(), claim)
}

fn anchored(p: &Placement) -> bool {
    matches!(p, Placement::Anchored(_))
}

#[test]
fn a_note_follows_its_passage_through_edits_as_a_reader_would() {
    let inserted = format!("A new paragraph above, added later.\n\n{TEXT}");
    let touched = TEXT.replace("soldiers overthrew", "mutinous soldiers overthrew");
    let rewritten = TEXT.replace(
        "soldiers overthrew President Amadou Toumani Touré in Bamako",
        "the army took power and the constitution was suspended",
    );
    let deleted =
        TEXT.replace("On 22 March 2012, soldiers overthrew President Amadou Toumani Touré in Bamako.\n\n", "");
    let duplicated =
        format!("{TEXT}\nOn 22 March 2012, soldiers overthrew President Amadou Toumani Touré in Bamako.\n");
    let twelve = Some("22 March 2012".to_string());

    let (p, on) = written_then_placed("22 March 2012", &[("cable.txt", TEXT)]);
    assert!(anchored(&p) && on == twelve, "unchanged: {p:?} {on:?}");
    let (p, on) = written_then_placed("22 March 2012", &[("cable.txt", &inserted)]);
    assert!(anchored(&p) && on == twelve, "a paragraph inserted above: the same words, anchored: {p:?}");
    let (p, on) = written_then_placed("22 March 2012", &[("cable.txt", &touched)]);
    assert!(matches!(p, Placement::Moved { .. }) && on == twelve, "touched up inside: moved, to confirm: {p:?}");
    let (p, on) = written_then_placed("22 March 2012", &[("cable.txt", &rewritten)]);
    assert!(p == Placement::Orphan && on.is_none(), "rewritten beyond the threshold: an orphan: {p:?}");
    let (p, on) = written_then_placed("22 March 2012", &[("cable.txt", &deleted)]);
    assert!(p == Placement::Orphan && on.is_none(), "deleted: an orphan, never a wrong place: {p:?}");
    let (p, on) = written_then_placed("22 March 2012", &[("cable.txt", &duplicated)]);
    assert!(anchored(&p) && on == twelve, "duplicated: the copy in its old context: {p:?}");
    let Placement::Anchored(range) = p else { unreachable!() };
    assert!(range.start < TEXT.len(), "the first, whose context is whole");
    let (p, on) = written_then_placed("22 March 2012", &[("renamed.txt", TEXT)]);
    assert!(anchored(&p) && on == twelve, "renamed, unchanged: found by its text: {p:?}");
    let (p, on) = written_then_placed("22 March 2012", &[("other.txt", "Nothing about it.\n")]);
    assert!(p == Placement::Orphan && on.is_none(), "source removed: an orphan: {p:?}");
}

#[test]
fn of_two_dates_in_one_sentence_the_note_stays_on_its_own() {
    for date in ["26 March 2012", "September 2013"] {
        let (p, on) = written_then_placed(date, &[("cable.txt", TEXT)]);
        assert!(anchored(&p), "{p:?}");
        assert_eq!(on.as_deref(), Some(date));
    }
}

#[test]
fn marks_and_notes_are_told_by_event_and_taken_back() {
    let c = corpus(&[("cable.txt", TEXT)]);
    let of = claim_events(&c);
    let event = of[claim_dated(&c, "22 March 2012")];
    let mut layer = Layer::default();
    assert!(layer.toggle_mark(&c, &of, event));
    assert!(layer.is_marked(event) && !layer.is_noted(event) && layer.unsaved);
    layer.write(&c, &of, Writing::New(c.events[event].claims[0]), "Coup d'état: see the cable".into());
    assert!(layer.is_noted(event));
    let id = layer.of_event(event).find(|(n, _)| n.motivation == Motivation::Commenting).unwrap().0.id.clone();
    layer.write(&c, &of, Writing::Edit(id.clone()), "edited".into());
    assert_eq!(layer.notes().iter().find(|n| n.id == id).unwrap().body.as_deref(), Some("edited"));
    layer.write(&c, &of, Writing::Edit(id), "  ".into());
    assert!(!layer.is_noted(event), "an emptied note is removed");
    assert!(!layer.toggle_mark(&c, &of, event));
    assert!(!layer.is_marked(event) && layer.notes().is_empty());
    let other = of[claim_dated(&c, "September 2013")];
    assert_ne!(other, event);
    assert!(!layer.is_marked(other));
}
