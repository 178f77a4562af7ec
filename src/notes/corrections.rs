//! Corrections of the model, written into a folder's `annals.toml` where
//! the user keeps what they know of the corpus: `[[reject]]` says a
//! sentence dates nothing. The file is edited, not rewritten: the user's
//! comments, blank lines and order stay (toml_edit), and it is replaced
//! whole (a temporary file, synced, renamed).

use super::store::{replace, NotesError};
use crate::assets::corpus_file::RejectRule;
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// Adds `rule` as a `[[reject]]` at the end of the file at `path` (made if
/// need be): its text appended, so that nothing before it moves.
pub fn reject(path: &Path, rule: &RejectRule) -> Result<(), NotesError> {
    let mut text = read(path)?;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&block(rule));
    parsed(path, &text)?;
    replace(path, text.as_bytes())
}

/// Takes the last `[[reject]]` equal to `rule` out of the file; whether
/// there was one. As it was written, it goes as it came (the file then
/// reads as before); edited since, it is taken out of the parsed file.
pub fn unreject(path: &Path, rule: &RejectRule) -> Result<bool, NotesError> {
    let text = read(path)?;
    let block = block(rule);
    if let Some(at) = text.rfind(&block) {
        let mut before = text[..at].to_string();
        // The blank line `reject` put before it, and the line end it added.
        if before.ends_with("\n\n") {
            before.pop();
        }
        replace(path, (before + &text[at + block.len()..]).as_bytes())?;
        return Ok(true);
    }
    let mut document = parsed(path, &text)?;
    let Some(rejects) = document.get_mut("reject").and_then(Item::as_array_of_tables_mut) else { return Ok(false) };
    let value = |t: &Table, key: &str| t.get(key).and_then(Item::as_str).map(str::to_string);
    let same = |t: &Table| {
        value(t, "quote").as_deref() == Some(rule.quote.as_str())
            && value(t, "date") == rule.date
            && value(t, "file") == rule.file
    };
    let Some(at) = (0..rejects.len()).rev().find(|&i| rejects.get(i).is_some_and(same)) else { return Ok(false) };
    rejects.remove(at);
    if rejects.is_empty() {
        document.remove("reject");
    }
    replace(path, document.to_string().as_bytes())?;
    Ok(true)
}

/// `rule` as a `[[reject]]` table, its strings quoted by toml_edit.
fn block(rule: &RejectRule) -> String {
    let mut table = Table::new();
    table.insert("quote", toml_edit::value(rule.quote.as_str()));
    if let Some(date) = &rule.date {
        table.insert("date", toml_edit::value(date.as_str()));
    }
    if let Some(file) = &rule.file {
        table.insert("file", toml_edit::value(file.as_str()));
    }
    let mut rejects = ArrayOfTables::new();
    rejects.push(table);
    let mut document = DocumentMut::new();
    document.insert("reject", Item::ArrayOfTables(rejects));
    document.to_string()
}

fn read(path: &Path) -> Result<String, NotesError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(NotesError::Unreadable { path: path.to_path_buf(), why: e.to_string() }),
    }
}

/// `text` parsed; an error says the file is not TOML annals can edit (and leaves it as it is).
fn parsed(path: &Path, text: &str) -> Result<DocumentMut, NotesError> {
    let damaged = |e: toml_edit::TomlError| NotesError::Damaged { path: path.to_path_buf(), why: e.to_string() };
    text.parse::<DocumentMut>().map_err(damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_keeps_the_users_comments_and_layout_and_is_taken_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annals.toml");
        let own = "# My corpus: cables of 2009.\n\n[corpus]\nname = \"cables\"   # shown in the header\n\n\n[[alias]]\nentity = \"Mali\"\naliases = [\"Republic of Mali\"]\n";
        std::fs::write(&path, own).unwrap();
        let rule = RejectRule {
            quote: "Relations were calm".into(),
            date: Some("1990".into()),
            file: Some("cable.txt".into()),
        };
        reject(&path, &rule).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        insta::assert_snapshot!(written, @r#"
        # My corpus: cables of 2009.

        [corpus]
        name = "cables"   # shown in the header


        [[alias]]
        entity = "Mali"
        aliases = ["Republic of Mali"]

        [[reject]]
        quote = "Relations were calm"
        date = "1990"
        file = "cable.txt"
        "#);
        let read: crate::assets::CorpusFile = toml::from_str(&written).unwrap();
        assert_eq!(read.rejects, std::slice::from_ref(&rule), "annals reads back what it wrote");
        assert!(unreject(&path, &rule).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), own, "taken back: the file as the user left it");
        assert!(!unreject(&path, &rule).unwrap());
    }

    #[test]
    fn a_file_of_comments_or_none_is_given_back_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let rule = RejectRule { quote: "A \"quoted\" line".into(), date: None, file: None };
        for own in [None, Some("# only a comment\n"), Some("# no line end")] {
            let path = dir.path().join("annals.toml");
            let _ = std::fs::remove_file(&path);
            if let Some(own) = own {
                std::fs::write(&path, own).unwrap();
            }
            reject(&path, &rule).unwrap();
            let written = std::fs::read_to_string(&path).unwrap();
            let read: crate::assets::CorpusFile = toml::from_str(&written).unwrap();
            assert_eq!(read.rejects, std::slice::from_ref(&rule), "{written}");
            assert!(written.starts_with(own.unwrap_or("")), "what was there stays first: {written}");
            assert!(unreject(&path, &rule).unwrap());
            let expected = own.map(|o| if o.ends_with('\n') { o.to_string() } else { format!("{o}\n") });
            assert_eq!(std::fs::read_to_string(&path).unwrap(), expected.unwrap_or_default());
        }
    }
}
