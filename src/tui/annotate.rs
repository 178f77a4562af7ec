//! What the analyst's keys do: mark an event, show only the marked ones,
//! write a note and keep it. The notes file is saved by the event loop.

use super::action::Action;
use super::editor::Editor;
use super::state::{Mode, Pane, Request, State};
use crate::model::Corpus;
use crate::notes::{Motivation, Writing};

/// `m`: marks the selected event, or takes its mark away.
pub fn mark(state: &mut State, corpus: &Corpus) {
    let Some(event) = state.selected_event() else { return };
    let marked = state.notes.toggle_mark(corpus, &state.index.claim_event, event);
    state.notice = Some(if marked { "marked" } else { "mark taken away" }.to_string());
    if state.marked_only && !marked {
        state.set_filter(corpus, state.filter);
    }
}

/// `M`: only the marked events, or all again.
pub fn marked_only(state: &mut State, corpus: &Corpus) {
    state.marked_only = !state.marked_only;
    state.set_filter(corpus, state.filter);
    if state.marked_only && state.events.is_empty() {
        state.notice = Some("no event is marked here (m marks the selected one)".to_string());
    }
}

/// `a`: the editor on the selected event's note, or on a new one about the
/// claim shown (the source pane's, else the event's first).
pub fn open_editor(state: &mut State, corpus: &Corpus) {
    let Some(event) = state.selected_event() else { return };
    let e = &corpus.events[event];
    let about = format!("{} · {}", e.date.display(), e.title);
    let written = state.notes.of_event(event).find(|(n, _)| n.motivation == Motivation::Commenting);
    let editor = match written {
        Some((note, _)) => Editor::open(Writing::Edit(note.id.clone()), about, note.body.as_deref().unwrap_or("")),
        None => {
            let shown = state.shown.filter(|&c| state.index.claim_event[c] == event && state.focus == Pane::Source);
            Editor::open(Writing::New(shown.unwrap_or(e.claims[0])), about, "")
        }
    };
    state.mode = Mode::Note(Box::new(editor));
}

/// Keys while a note is written: Ctrl-s keeps it, Esc closes (twice when
/// it changed), every other key edits it.
pub fn editing(state: &mut State, corpus: &Corpus, action: Action) {
    let Mode::Note(editor) = &mut state.mode else { return };
    match action {
        Action::Save => keep(state, corpus),
        Action::Back if editor.changed() && !editor.discarding => {
            editor.discarding = true;
            state.notice = Some("the note changed: Esc again throws the changes away, Ctrl-s keeps them".to_string());
        }
        Action::Back => state.mode = Mode::Browse,
        Action::Edit(key) => editor.press(key),
        _ => {}
    }
}

/// Keeps the note being written (an emptied one is removed) and closes the editor.
pub fn keep(state: &mut State, corpus: &Corpus) {
    let Mode::Note(editor) = std::mem::replace(&mut state.mode, Mode::Browse) else { return };
    let words = editor.words();
    let removed = words.trim().is_empty();
    let changed = editor.changed();
    state.notes.write(corpus, &state.index.claim_event, editor.writing, words);
    state.notice = match (changed, removed) {
        (false, _) => None,
        (true, true) => Some("note removed".to_string()),
        (true, false) => Some("note kept".to_string()),
    };
}

/// `'`: the list of marks and notes.
pub fn open_list(state: &mut State) {
    if state.notes.notes().is_empty() {
        state.notice = Some("no marks or notes yet (m marks an event, a writes a note)".to_string());
        return;
    }
    state.mode = Mode::Notes { selected: 0 };
}

/// Keys while the marks and notes are listed.
pub fn listing(state: &mut State, corpus: &Corpus, action: Action) {
    let Mode::Notes { selected } = &mut state.mode else { return };
    let listed = state.notes.listed();
    let last = listed.len().saturating_sub(1);
    match action {
        Action::Down(n) => *selected = (*selected + n).min(last),
        Action::Up(n) => *selected = selected.saturating_sub(n),
        Action::Back => state.mode = Mode::Browse,
        Action::Confirm => {
            let i = listed.get(*selected).copied();
            let confirmed = i.is_some_and(|i| state.notes.confirm(corpus, &state.index.claim_event, i));
            state.notice =
                Some(if confirmed { "confirmed where it is now" } else { "only a moved note is confirmed" }.into());
        }
        Action::Enter => {
            let event = listed.get(*selected).and_then(|&i| state.notes.placed()[i].event);
            let Some(event) = event else {
                state.notice = Some("its passage is gone: the note is kept, attached to nothing".into());
                return;
            };
            state.mode = Mode::Browse;
            state.remember();
            if state.marked_only && !state.events.contains(&event) {
                state.marked_only = false;
            }
            state.select_event(corpus, event);
            state.show_selected_event(corpus);
            state.focus = Pane::Timeline;
        }
        _ => {}
    }
}

/// What to tell of the notes when a corpus opens: those that moved or lost their passage.
pub fn standing(state: &State) -> Option<String> {
    let placed = state.notes.placed();
    let moved = placed.iter().filter(|p| p.moved()).count();
    let gone = placed.iter().filter(|p| p.event.is_none()).count();
    let mut told = Vec::new();
    if moved > 0 {
        told.push(format!("{} moved", crate::text::count(moved, "note")));
    }
    if gone > 0 {
        told.push(format!(
            "{} lost {} passage",
            crate::text::count(gone, "note"),
            if gone == 1 { "its" } else { "their" }
        ));
    }
    (!told.is_empty()).then(|| format!("{} (' lists them)", told.join(", ")))
}

/// `u`: the last change of this session undone (by the notebook).
pub fn undo(state: &mut State) {
    state.requests.push(Request::Undo);
}
