//! The analyst's keys: `m` marks, `M` shows only the marked, `a` writes a
//! note in an editor of several lines, kept with Ctrl-s.

use super::*;
use annals::tui::key::Key;
use annals::tui::notebook::Notebook;

fn keys(s: &str) -> Vec<Action> {
    s.chars().map(|c| Action::Edit(Key::plain(if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) }))).collect()
}

#[test]
fn m_marks_the_event_and_shift_m_shows_only_the_marked() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Down(2), Action::Mark]);
    let marked = state.selected_event().unwrap();
    assert!(state.notes.is_marked(marked) && state.notes.unsaved);
    assert_eq!(state.notice.as_deref(), Some("marked"));
    let screen = text(&draw(&mut state, 120, 30));
    let row = screen.lines().find(|l| l.contains("★")).unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("One out of every two"), "the selected event's row: {row}");
    apply(&mut state, &[Action::Bottom, Action::MarkedOnly]);
    assert_eq!(state.events, [marked]);
    assert!(text(&draw(&mut state, 120, 30)).contains("Timeline 1 · marked"));
    apply(&mut state, &[Action::Mark]);
    assert!(state.events.is_empty(), "the mark taken away, nothing is left to show");
    assert!(text(&draw(&mut state, 120, 30)).contains("no marked events (M shows all)"));
    apply(&mut state, &[Action::MarkedOnly]);
    assert_eq!(state.events.len(), CORPUS.events.len());
}

#[test]
fn a_note_of_several_lines_is_written_kept_and_shown_with_its_passage() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Down(2), Action::Annotate]);
    assert!(matches!(state.mode, Mode::Note(_)));
    apply(&mut state, &keys("Enfants: un sur deux\nvoir « Keïta »"));
    insta::assert_snapshot!("writing_a_note", text(&draw(&mut state, 80, 24)));
    apply(&mut state, &[Action::Save]);
    assert!(matches!(state.mode, Mode::Browse));
    assert_eq!(state.notice.as_deref(), Some("note kept"));
    let event = state.selected_event().unwrap();
    assert!(state.notes.is_noted(event));
    let screen = text(&draw(&mut state, 160, 40));
    assert!(screen.contains("✎ note") && screen.contains("voir « Keïta »"), "{screen}");
    // `a` again edits the same note.
    apply(&mut state, &[Action::Annotate]);
    apply(&mut state, &keys("!"));
    apply(&mut state, &[Action::Save]);
    let bodies: Vec<_> = state.notes.notes().iter().filter_map(|n| n.body.clone()).collect();
    assert_eq!(bodies, ["Enfants: un sur deux\nvoir « Keïta »!"]);
}

#[test]
fn esc_asks_once_before_throwing_a_note_away() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Annotate, Action::Back]);
    assert!(matches!(state.mode, Mode::Browse), "nothing written: Esc closes at once");
    apply(&mut state, &[Action::Annotate]);
    apply(&mut state, &keys("draft"));
    apply(&mut state, &[Action::Back]);
    assert!(matches!(state.mode, Mode::Note(_)), "changed: the first Esc asks");
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("Esc again")));
    apply(&mut state, &[Action::Back]);
    assert!(matches!(state.mode, Mode::Browse));
    assert!(state.notes.notes().is_empty(), "thrown away");
}

#[test]
fn a_note_being_written_is_kept_on_quit() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::Annotate]);
    apply(&mut state, &keys("not lost"));
    apply(&mut state, &[Action::Quit]);
    assert!(state.quit);
    assert_eq!(state.notes.notes()[0].body.as_deref(), Some("not lost"));
}

#[test]
fn the_list_of_notes_goes_to_their_events() {
    let mut state = State::new(&CORPUS);
    apply(&mut state, &[Action::ListNotes]);
    assert!(matches!(state.mode, Mode::Browse), "nothing to list");
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("no marks or notes")));
    apply(&mut state, &[Action::Down(5), Action::Mark]);
    let marked = state.selected_event();
    apply(&mut state, &[Action::Top, Action::ListNotes]);
    assert!(matches!(state.mode, Mode::Notes { selected: 0 }));
    let screen = text(&draw(&mut state, 120, 30));
    assert!(screen.contains("Marks and notes 1") && screen.contains("★ "), "{screen}");
    apply(&mut state, &[Action::Enter]);
    assert!(matches!(state.mode, Mode::Browse));
    assert_eq!(state.selected_event(), marked, "at its event");
    apply(&mut state, &[Action::HistoryBack]);
    assert_eq!(state.timeline.selected, 0, "a jump, remembered");
}

#[test]
fn u_undoes_a_mark_and_a_rejection_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("annals.toml");
    std::fs::write(&toml, "# kept\n").unwrap();
    let mut notebook = Notebook::none().correcting(toml.clone());
    let mut state = State::new(&CORPUS);
    run(&mut state, &mut notebook, &[Action::Mark, Action::Down(1), Action::Reject]);
    let marked = state.events[0];
    let written = std::fs::read_to_string(&toml).unwrap();
    assert!(written.starts_with("# kept\n") && written.contains("[[reject]]"), "{written}");
    assert!(written.contains("The military agreement"), "the shown claim's sentence: {written}");
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("not a claim")));
    run(&mut state, &mut notebook, &[Action::Undo]);
    assert_eq!(std::fs::read_to_string(&toml).unwrap(), "# kept\n", "the rejection taken back first");
    assert!(state.notes.is_marked(marked));
    run(&mut state, &mut notebook, &[Action::Undo]);
    assert!(!state.notes.is_marked(marked) && state.notice.as_deref() == Some("undone"));
    run(&mut state, &mut notebook, &[Action::Undo]);
    assert_eq!(state.notice.as_deref(), Some("nothing to undo in this session"));
}

#[test]
fn a_rejection_needs_a_folder() {
    let mut notebook = Notebook::none();
    let mut state = State::new(&CORPUS);
    run(&mut state, &mut notebook, &[Action::Reject]);
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("open a folder")));
}
