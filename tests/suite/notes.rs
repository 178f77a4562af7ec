//! The analyst's notes placed on a corpus built again after its sources
//! changed: each ends anchored, moved or orphaned as a reader would expect,
//! and on the claim (so the event) it was written on.

use crate::common;
use annals::ingest::Input;
use annals::model::{ClaimId, Corpus};
use annals::notes::{Anchor, Layer, Motivation, Note, NotesFile, Placement, Writing};

const TEXT: &str = "Relations were calm for years.\n\n\
    On 22 March 2012, soldiers overthrew President Amadou Toumani Touré in Bamako.\n\n\
    Aid was suspended on 26 March 2012 and resumed in September 2013.\n";

fn corpus(files: &[(&str, &str)]) -> Corpus {
    common::build(
        files.iter().map(|(path, text)| Input { path: path.to_string(), bytes: text.as_bytes().to_vec() }).collect(),
    )
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
    layer.write(&before, &before.claim_events(), Writing::New(claim_dated(&before, date)), "check this".into());
    let after = corpus(files);
    let placed = Layer::new(&after, &after.claim_events(), layer.notes().to_vec());
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
    let (p, on) = written_then_placed("22 March 2012", &[("elsewhere/cable.txt", &inserted)]);
    assert!(anchored(&p) && on == twelve, "the folder opened from elsewhere, then edited: by its name: {p:?}");
    let (p, _) = written_then_placed("22 March 2012", &[("a/cable.txt", &inserted), ("b/cable.txt", "Other.\n")]);
    assert_eq!(p, Placement::Orphan, "a name two files share names neither, and the text changed");
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

/// A note that names no date stands on the first claim its sentence
/// tells, not on the earliest dated one (claims are stored by date).
#[test]
fn a_note_without_a_date_stands_on_the_first_claim_of_its_sentence() {
    let text = "Aid resumed in September 2013, after it was suspended on 26 March 2012.\n";
    let corpus = corpus(&[("cable.txt", text)]);
    let mut layer = Layer::default();
    let on = Writing::New(claim_dated(&corpus, "26 March 2012"));
    layer.write(&corpus, &corpus.claim_events(), on, "check this".into());
    let mut notes = layer.notes().to_vec();
    notes[0].date = None;
    let placed = Layer::new(&corpus, &corpus.claim_events(), notes);
    let claim = &corpus.claims[placed.placed()[0].claim.expect("placed on a claim")];
    assert_eq!(&corpus.sources[claim.source].text[claim.date_clean.clone()], "September 2013");
}

#[test]
fn marks_and_notes_are_told_by_event_and_taken_back() {
    let c = corpus(&[("cable.txt", TEXT)]);
    let of = c.claim_events();
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

/// Version `v` of a notes file: `1 + v % 7` notes, each saying `v`, long
/// enough that a save takes a while to write.
fn version(v: usize, writer: &str) -> Vec<Note> {
    let text = "On 22 March 2012, soldiers overthrew President Amadou Toumani Touré in Bamako.";
    (0..1 + v % 7)
        .map(|i| Note {
            id: format!("urn:annals:note:{writer}-{i}"),
            motivation: Motivation::Commenting,
            body: Some(format!("version {v} · {}", "é".repeat(4000))),
            source: "cable.txt".into(),
            anchor: Anchor::new(text, 18..26),
            date: Some("22 March 2012".into()),
            bytes: 18..26,
            created: "2026-12-04T05:00:00Z".into(),
            modified: "2026-12-04T05:00:00Z".into(),
        })
        .collect()
}

/// Runs this test binary's `test` alone, as another process, with `env`.
fn child(test: &str, env: &[(&str, &str)]) -> std::process::Child {
    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command.args(["--exact", test, "--ignored", "--test-threads", "1"]);
    command.envs(env.iter().copied()).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    command.spawn().unwrap()
}

/// Not a test on its own: the child of the two tests below. Saves versions of
/// the notes file at `ANNALS_TEST_NOTES` as `ANNALS_TEST_WRITER`, merging with
/// what others saved; forever, or `ANNALS_TEST_SAVES` times.
#[test]
#[ignore]
fn child_saving_notes() {
    let Some(path) = std::env::var_os("ANNALS_TEST_NOTES") else { return };
    let writer = std::env::var("ANNALS_TEST_WRITER").unwrap_or_default();
    let saves: usize = std::env::var("ANNALS_TEST_SAVES").ok().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let mut file = NotesFile::open(std::path::Path::new(&path)).unwrap();
    for v in 0..saves {
        // Our notes of this version, whatever the others added.
        let mut notes: Vec<Note> =
            file.notes().iter().filter(|n| !n.id.contains(&format!(":{writer}-"))).cloned().collect();
        notes.extend(version(v, &writer));
        file.save(&notes).unwrap();
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annals-notes.jsonld");
    let mut seen = std::collections::BTreeSet::new();
    for round in 0..50u64 {
        let mut saving = child("notes::child_saving_notes", &[("ANNALS_TEST_NOTES", path.to_str().unwrap())]);
        // Killed a little later each round: at every stage of a save.
        std::thread::sleep(std::time::Duration::from_millis(20 + round * 7 % 90));
        saving.kill().unwrap();
        saving.wait().unwrap();
        let Ok(file) = NotesFile::open(&path) else { panic!("round {round}: the file is damaged") };
        let notes = file.notes();
        if notes.is_empty() {
            assert!(!path.exists(), "round {round}: a file with no notes");
            continue;
        }
        let v: usize =
            notes[0].body.as_deref().unwrap()["version ".len()..].split(' ').next().unwrap().parse().unwrap();
        assert_eq!(notes.len(), 1 + v % 7, "round {round}: version {v} whole");
        assert!(notes.iter().all(|n| n.body == notes[0].body), "round {round}: one version, not a mixture");
        seen.insert(v);
    }
    assert!(seen.len() > 1, "the saves were interrupted at different versions: {seen:?}");
}

#[test]
fn two_processes_saving_at_once_lose_nothing_of_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annals-notes.jsonld");
    let path = path.to_str().unwrap();
    let writers: Vec<_> = ["a", "b"]
        .map(|w| {
            child(
                "notes::child_saving_notes",
                &[("ANNALS_TEST_NOTES", path), ("ANNALS_TEST_WRITER", w), ("ANNALS_TEST_SAVES", "12")],
            )
        })
        .into_iter()
        .collect();
    for mut w in writers {
        assert!(w.wait().unwrap().success(), "a save was refused");
    }
    let notes = NotesFile::open(std::path::Path::new(path)).unwrap().notes().to_vec();
    // Each writer's last version (11: 1 + 11 % 7 = 5 notes), both kept.
    for writer in ["a", "b"] {
        let own: Vec<_> = notes.iter().filter(|n| n.id.contains(&format!(":{writer}-"))).collect();
        assert_eq!(own.len(), 5, "{writer}: {}", own.len());
        assert!(own.iter().all(|n| n.body.as_deref().unwrap().starts_with("version 11 ")));
    }
}

#[test]
fn the_exports_carry_marks_and_notes_and_nothing_without_them() {
    use annals::export::{annotations, json, markdown};
    let c = corpus(&[("cable.txt", TEXT)]);
    let of = c.claim_events();
    let events: Vec<_> = c.events.keys().collect();
    let coup = of[claim_dated(&c, "22 March 2012")];
    let mut layer = Layer::default();
    layer.toggle_mark(&c, &of, coup);
    layer.write(&c, &of, Writing::New(claim_dated(&c, "26 March 2012")), "Suspended *four* days later".into());
    let render = |write: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        write(&mut out);
        String::from_utf8(out).unwrap()
    };

    let with: serde_json::Value =
        serde_json::from_str(&render(&|o| json::write_with_notes(&c, &events, &layer, o).unwrap())).unwrap();
    let notes = with["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["motivation"], "highlighting");
    assert_eq!(notes[0]["event"], c.events[coup].id.as_str());
    assert_eq!(notes[1]["body"], "Suspended *four* days later");
    assert_eq!(notes[1]["status"], "anchored");
    let (start, end) = (notes[1]["start"].as_u64().unwrap() as usize, notes[1]["end"].as_u64().unwrap() as usize);
    assert!(TEXT.as_bytes()[start..end].starts_with(b"Aid was suspended"), "the bytes of the passage in the file");
    let without = render(&|o| json::write(&c, &events, o).unwrap());
    assert_eq!(without, render(&|o| json::write_with_notes(&c, &events, &Layer::default(), o).unwrap()));
    assert!(!without.contains("\"notes\""), "no notes, no key: annals/1 as it was");

    let brief = render(&|o| markdown::write_with_notes(&c, &events, &layer, o).unwrap());
    assert!(brief.contains("  - ★ **Marked**"), "{brief}");
    assert!(brief.contains("  - ✎ **Note:** Suspended \\*four\\* days later"), "escaped: {brief}");

    let collection: serde_json::Value =
        serde_json::from_str(&render(&|o| annotations::write_with_notes(&c, &events, &layer, o).unwrap())).unwrap();
    let items = collection["first"]["items"].as_array().unwrap();
    assert_eq!(collection["total"].as_u64().unwrap() as usize, items.len());
    let motivations: Vec<&str> = items.iter().map(|i| i["motivation"].as_str().unwrap()).collect();
    assert!(motivations.ends_with(&["highlighting", "commenting"]), "{motivations:?}");
    assert_eq!(items.last().unwrap()["body"]["value"], "Suspended *four* days later");
}

#[test]
fn a_moved_note_once_confirmed_is_anchored_where_it_is_now() {
    let before = corpus(&[("cable.txt", TEXT)]);
    let mut layer = Layer::default();
    layer.write(&before, &before.claim_events(), Writing::New(claim_dated(&before, "22 March 2012")), "x".into());
    let after = corpus(&[("cable.txt", &TEXT.replace("soldiers overthrew", "mutinous soldiers overthrew"))]);
    let of = after.claim_events();
    let mut layer = Layer::new(&after, &of, layer.notes().to_vec());
    assert!(layer.placed()[0].moved());
    assert!(layer.confirm(&after, &of, 0));
    assert!(matches!(layer.placed()[0].placement, Placement::Anchored(_)) && layer.unsaved);
    assert!(layer.notes()[0].anchor.exact.contains("mutinous soldiers"));
    assert!(!layer.confirm(&after, &of, 0), "an anchored note has nothing to confirm");
}

#[test]
fn undo_takes_back_this_sessions_changes_one_by_one_and_nothing_else() {
    let c = corpus(&[("cable.txt", TEXT)]);
    let of = c.claim_events();
    let coup = of[claim_dated(&c, "22 March 2012")];
    let mut layer = Layer::default();
    assert!(!layer.undo(&c, &of), "nothing yet");
    layer.toggle_mark(&c, &of, coup);
    layer.write(&c, &of, Writing::New(c.events[coup].claims[0]), "first words".into());
    let id = layer.notes()[1].id.clone();
    layer.write(&c, &of, Writing::Edit(id.clone()), "second words".into());
    // Another annals saved a note meanwhile: merged in, it is not ours to undo.
    let mut theirs = layer.notes()[1].clone();
    (theirs.id, theirs.body) = ("urn:annals:note:theirs".into(), Some("theirs".into()));
    let mut merged = layer.notes().to_vec();
    merged.push(theirs);
    layer.saved(&c, &of, merged);
    let bodies = |l: &Layer| l.notes().iter().map(|n| n.body.clone().unwrap_or("★".into())).collect::<Vec<_>>();
    assert!(layer.undo(&c, &of));
    assert_eq!(bodies(&layer), ["★", "first words", "theirs"]);
    assert!(layer.undo(&c, &of));
    assert_eq!(bodies(&layer), ["★", "theirs"]);
    assert!(layer.undo(&c, &of));
    assert_eq!(bodies(&layer), ["theirs"]);
    assert!(!layer.is_marked(coup) && layer.unsaved);
    assert!(!layer.undo(&c, &of));
}

#[test]
fn notes_of_a_folder_that_cannot_be_written_go_to_the_data_folder() {
    use annals::tui::notebook::Notebook;
    let dir = tempfile::tempdir().unwrap();
    // A "folder" that is a file: nothing can be written in it, not even by root.
    let blocked = dir.path().join("read-only");
    std::fs::write(&blocked, "").unwrap();
    let aside = dir.path().join("data/notes/read-only-1234.jsonld");
    let mut notebook = Notebook::open(&blocked.join("annals-notes.jsonld"), Some(aside.clone()));
    let c = corpus(&[("cable.txt", TEXT)]);
    let of = c.claim_events();
    let mut layer = notebook.layer(&c, &of);
    layer.toggle_mark(&c, &of, of[claim_dated(&c, "22 March 2012")]);
    let said = notebook.save(&mut layer, &c, &of).expect("the user is told");
    assert!(said.contains("cannot write") && said.contains("notes kept in"), "{said}");
    assert_eq!(NotesFile::open(&aside).unwrap().notes().len(), 1, "saved aside");
    assert_eq!(notebook.path(), Some(aside.as_path()), "and kept there from now on");
    // Opened again: the notes kept aside are found.
    let again = Notebook::open(&blocked.join("annals-notes.jsonld"), Some(aside));
    assert_eq!(again.layer(&c, &of).notes().len(), 1);
}
