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

/// The cell (column, row) where `needle` is drawn in the source pane.
fn cell_of(state: &State, buffer: &Buffer, needle: &str) -> (u16, u16) {
    let area = state.areas.source;
    let rows = (area.y..area.y + area.height).map(|y| {
        let line: String = (area.x..area.x + area.width).map(|x| buffer[(x, y)].symbol()).collect();
        (y, line)
    });
    let found = rows.into_iter().find_map(|(y, line)| line.find(needle).map(|at| (line[..at].chars().count(), y)));
    let (column, y) = found.unwrap_or_else(|| panic!("{needle:?} not in the source pane:\n{}", text(buffer)));
    (area.x + column as u16, y)
}

#[test]
fn a_note_is_written_on_a_passage_chosen_with_the_keys() {
    let mut state = State::new(&CORPUS);
    draw(&mut state, 120, 36);
    apply(&mut state, &[Action::FocusNext, Action::Select]);
    let Mode::Passage(chosen) = &state.mode else { panic!("{:?}", state.mode) };
    let shown = &CORPUS.claims[state.shown.unwrap()];
    assert_eq!(chosen.range, shown.sentence, "it starts as the claim's sentence");
    let text_of = |state: &State| match &state.mode {
        Mode::Passage(p) => CORPUS.sources[p.source].text[p.range.clone()].to_string(),
        other => panic!("{other:?}"),
    };
    let sentence = text_of(&state);
    apply(&mut state, &[Action::StartNextWord, Action::StartNextWord, Action::EndPrevWord]);
    let narrowed = text_of(&state);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    assert_eq!(narrowed.split_whitespace().collect::<Vec<_>>(), words[2..words.len() - 1], "{narrowed}");
    let screen = draw(&mut state, 120, 36);
    assert!(text(&screen).contains("its end a word further / back"), "the passage's keys in the status bar");
    apply(&mut state, &[Action::Annotate]);
    apply(&mut state, &keys("à vérifier"));
    apply(&mut state, &[Action::Save]);
    let note = &state.notes.notes()[0];
    assert_eq!(note.anchor.exact, narrowed);
    assert_eq!(state.notes.placed()[0].claim, state.shown, "on the claim its passage tells");
    let screen = text(&draw(&mut state, 120, 36));
    assert!(screen.contains("✎ note") && screen.contains("à vérifier"), "{screen}");
}

#[test]
fn a_drag_over_the_source_chooses_whole_words_and_a_passage_of_no_claim_is_refused() {
    let mut state = State::new(&CORPUS);
    let screen = draw(&mut state, 120, 36);
    let shown = &CORPUS.claims[state.shown.unwrap()];
    let source = &CORPUS.sources[shown.source].text;
    let words: Vec<&str> = source[shown.sentence.clone()].split_whitespace().collect();
    // From inside the claim's second word to inside its third.
    let (x, y) = cell_of(&state, &screen, &format!("{} {}", words[1], words[2]));
    apply(&mut state, &[Action::Click(x + 1, y), Action::Drag(x + words[1].chars().count() as u16 + 2, y)]);
    let Mode::Passage(chosen) = &state.mode else { panic!("{:?}", state.mode) };
    assert_eq!(&source[chosen.range.clone()], format!("{} {}", words[1], words[2]));
    assert_eq!(state.focus, Pane::Source);
    // A word of the pane in no claim's sentence: a note there is refused.
    let claims: Vec<_> =
        CORPUS.claims.iter().filter(|c| c.source == shown.source).map(|c| c.sentence.clone()).collect();
    let top = state.areas.source_tops[0];
    let visible = state.layouts[0].lines[top..].iter().take(usize::from(state.areas.source.height) - 2);
    let (row, word) = (visible.enumerate())
        .flat_map(|(row, line)| {
            let words = source[line.clone()].split_whitespace();
            words.map(move |w| (row, w.as_ptr() as usize - source.as_ptr() as usize))
        })
        .find(|&(_, at)| !claims.iter().any(|c| c.start <= at && at < c.end))
        .expect("the pane shows text of no claim");
    let line = &state.layouts[0].lines[top + row];
    let x = state.areas.source.x + 1 + source[line.start..word].chars().count() as u16;
    let y = state.areas.source.y + 1 + row as u16;
    apply(&mut state, &[Action::Back, Action::Click(x, y), Action::Drag(x + 1, y), Action::Annotate]);
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("passage of a claim")), "{:?}", state.notice);
    // A drag from a press elsewhere (the timeline) chooses nothing, whatever source is shown since.
    let (column, row) = (state.areas.timeline.x + 2, state.areas.timeline.y + 3);
    apply(&mut state, &[Action::Back, Action::Click(x, y), Action::Click(column, row)]);
    apply(&mut state, &[Action::Drag(x + 1, y)]);
    assert!(matches!(state.mode, Mode::Browse), "{:?}", state.mode);
    apply(&mut state, &[Action::Back]);
    assert!(matches!(state.mode, Mode::Browse));
}

/// A passage's end moved past the foot of the pane brings the pane along.
#[test]
fn the_source_pane_follows_the_end_of_the_passage() {
    let mut state = State::new(&CORPUS);
    draw(&mut state, 80, 24);
    apply(&mut state, &[Action::FocusNext, Action::Select]);
    apply(&mut state, &vec![Action::Down(1); 40]);
    draw(&mut state, 80, 24);
    let Mode::Passage(chosen) = &state.mode else { panic!("{:?}", state.mode) };
    let lines = &state.layouts[0].lines;
    let end_line = lines.partition_point(|l| l.end < chosen.range.end);
    let top = state.areas.source_tops[0];
    let height = usize::from(state.areas.source.height) - 2;
    assert!(end_line >= 30, "the end went down: line {end_line}");
    assert!((top..top + height).contains(&end_line), "line {end_line} outside {top}..{}", top + height);
}
