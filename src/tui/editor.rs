//! A note being written: a multi-line text area (ratatui-textarea: Unicode,
//! word wrap, undo and redo) and what the note is on.

use super::key::Key;
use super::view::theme::inert;
use crate::notes::Writing;
use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{Input, Key as Pressed, TextArea, WrapMode};

#[derive(Debug, Clone)]
pub struct Editor {
    pub text: TextArea<'static>,
    pub writing: Writing,
    /// What the note is on, for the editor's title: the event's date and title.
    pub about: String,
    /// The words as they were when it opened.
    original: String,
    /// Esc was pressed once with changes made: a second time throws them away.
    pub discarding: bool,
}

impl Editor {
    /// An editor of `words` (a note written before, or nothing).
    pub fn open(writing: Writing, about: String, words: &str) -> Self {
        // A note edited by hand may hold control characters: shown inertly, as documents are.
        let lines: Vec<String> = words.split('\n').map(inert).collect();
        let original = lines.join("\n");
        let mut text = TextArea::new(lines);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.set_placeholder_text("Your note: what this event means, what to check…");
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        Editor { text, writing, about, original, discarding: false }
    }

    pub fn words(&self) -> String {
        self.text.lines().join("\n")
    }

    pub fn changed(&self) -> bool {
        self.words() != self.original
    }

    /// A key the key map left to the note: typed, moved, deleted, undone.
    pub fn press(&mut self, key: Key) {
        self.discarding = false;
        // Undo and redo as most editors have them (the text area's own are Ctrl-u and Ctrl-r).
        if key.ctrl && matches!(key.code, KeyCode::Char('z' | 'y')) {
            let _ = if key.code == KeyCode::Char('z') { self.text.undo() } else { self.text.redo() };
            return;
        }
        let pressed = match key.code {
            KeyCode::Char(c) => Pressed::Char(c),
            KeyCode::Backspace => Pressed::Backspace,
            KeyCode::Enter => Pressed::Enter,
            KeyCode::Left => Pressed::Left,
            KeyCode::Right => Pressed::Right,
            KeyCode::Up => Pressed::Up,
            KeyCode::Down => Pressed::Down,
            KeyCode::Tab => Pressed::Tab,
            KeyCode::Delete => Pressed::Delete,
            KeyCode::Home => Pressed::Home,
            KeyCode::End => Pressed::End,
            KeyCode::PageUp => Pressed::PageUp,
            KeyCode::PageDown => Pressed::PageDown,
            _ => return,
        };
        // A control character never becomes part of the note.
        if matches!(pressed, Pressed::Char(c) if c.is_control()) {
            return;
        }
        self.text.input(Input { key: pressed, ctrl: key.ctrl, alt: key.alt, shift: false });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimId;

    fn typed(editor: &mut Editor, keys: &str) {
        for c in keys.chars() {
            let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
            editor.press(Key::plain(code));
        }
    }

    #[test]
    fn a_note_of_several_lines_with_accents_is_written_and_undone() {
        let mut editor = Editor::open(Writing::New(ClaimId::from(0)), "2012 · coup".into(), "");
        assert!(!editor.changed());
        typed(&mut editor, "Coup d'état à Bamako\nvoir le câble");
        assert_eq!(editor.words(), "Coup d'état à Bamako\nvoir le câble");
        assert!(editor.changed());
        let ctrl = |c| Key { code: KeyCode::Char(c), ctrl: true, alt: false };
        editor.press(ctrl('z'));
        assert_eq!(editor.words(), "Coup d'état à Bamako\nvoir le câbl", "Ctrl-z undoes");
        editor.press(ctrl('y'));
        assert_eq!(editor.words(), "Coup d'état à Bamako\nvoir le câble", "Ctrl-y redoes");
    }

    #[test]
    fn words_written_before_are_edited_and_shown_inertly() {
        let mut editor = Editor::open(Writing::Edit("n1".into()), String::new(), "first\u{1b}[31m\nsecond");
        assert_eq!(editor.words(), "first\u{FFFD}[31m\nsecond");
        assert!(!editor.changed(), "opening changes nothing");
        typed(&mut editor, "!");
        assert_eq!(editor.words(), "first\u{FFFD}[31m\nsecond!", "the cursor starts at the end");
    }
}
