//! Corrections of the model, written into a folder's `annals.toml` where
//! the user keeps what they know of the corpus: `[[reject]]` says a
//! sentence dates nothing, `[[redate]]` gives a claim another date,
//! `[[merge]]`, `[[split]]` and `[[hide]]` name entities anew. The
//! file is edited, not rewritten: the user's comments, blank lines and
//! order stay (toml_edit), and it is replaced whole (a temporary file,
//! synced, renamed), one annals at a time (the notes file's lock).

use super::store::{replace, sweep, take_turn, NotesError};
use crate::assets::corpus_file::{HideRule, MergeRule, RedateRule, RejectRule, SplitRule};
use std::path::Path;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// One correction, as `annals.toml` keeps it: of a claim (`[[reject]]`,
/// `[[redate]]`) or of an entity (`[[merge]]`, also a rename, `[[split]]`
/// and `[[hide]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    Reject(RejectRule),
    Redate(RedateRule),
    Merge(MergeRule),
    Split(SplitRule),
    Hide(HideRule),
}

/// A field's value: text, or a list of texts.
#[derive(PartialEq)]
enum Field<'a> {
    Text(&'a str),
    List(Vec<&'a str>),
}

impl Field<'_> {
    fn value(&self) -> toml_edit::Value {
        match self {
            Field::Text(text) => (*text).into(),
            Field::List(items) => items.iter().copied().collect::<toml_edit::Array>().into(),
        }
    }

    /// Whether the file's `item` holds this value (however it is laid out).
    fn is_in(&self, item: Option<&Item>) -> bool {
        let read = match item.and_then(Item::as_value) {
            Some(toml_edit::Value::String(s)) => Field::Text(s.value()),
            Some(toml_edit::Value::Array(a)) => Field::List(a.iter().filter_map(toml_edit::Value::as_str).collect()),
            _ => return false,
        };
        read == *self
    }
}

impl Correction {
    /// Its table's name and its fields, in the order they are written
    /// (those not given left out).
    fn table(&self) -> (&'static str, Vec<(&'static str, Option<Field<'_>>)>) {
        fn text(s: &Option<String>) -> Option<Field<'_>> {
            s.as_deref().map(Field::Text)
        }
        match self {
            Correction::Reject(r) => (
                "reject",
                vec![("quote", Some(Field::Text(&r.quote))), ("date", text(&r.date)), ("file", text(&r.file))],
            ),
            Correction::Redate(r) => (
                "redate",
                vec![
                    ("quote", Some(Field::Text(&r.quote))),
                    ("date", text(&r.date)),
                    ("file", text(&r.file)),
                    ("to", Some(Field::Text(&r.to))),
                ],
            ),
            Correction::Merge(m) => (
                "merge",
                vec![
                    ("into", Some(Field::Text(&m.into))),
                    ("names", Some(Field::List(m.names.iter().map(String::as_str).collect()))),
                ],
            ),
            Correction::Split(s) => (
                "split",
                vec![
                    ("entity", Some(Field::Text(&s.entity))),
                    ("names", Some(Field::List(s.names.iter().map(String::as_str).collect()))),
                ],
            ),
            Correction::Hide(h) => ("hide", vec![("entity", Some(Field::Text(&h.entity)))]),
        }
    }
}

/// Adds `correction` as a table at the end of the file at `path` (made if
/// need be): its text appended, so that nothing before it moves.
pub fn add(path: &Path, correction: &Correction) -> Result<(), NotesError> {
    let _turn = take_turn(path)?;
    sweep(path);
    let mut text = read(path)?;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&block(correction));
    parsed(path, &text)?;
    replace(path, text.as_bytes())
}

/// Takes the last table equal to `correction` out of the file; whether
/// there was one. As it was written, it goes as it came (the file then
/// reads as before); edited since, it is taken out of the parsed file.
pub fn take_back(path: &Path, correction: &Correction) -> Result<bool, NotesError> {
    let _turn = take_turn(path)?;
    let text = read(path)?;
    let block = block(correction);
    if let Some(at) = text.rfind(&block) {
        let mut before = text[..at].to_string();
        // The blank line `add` put before it, and the line end it added.
        if before.ends_with("\n\n") {
            before.pop();
        }
        replace(path, (before + &text[at + block.len()..]).as_bytes())?;
        return Ok(true);
    }
    let mut document = parsed(path, &text)?;
    let (name, fields) = correction.table();
    let Some(tables) = document.get_mut(name).and_then(Item::as_array_of_tables_mut) else { return Ok(false) };
    let same = |t: &Table| {
        fields.iter().all(|(key, value)| match value {
            Some(value) => value.is_in(t.get(key)),
            None => t.get(key).is_none(),
        })
    };
    let Some(at) = (0..tables.len()).rev().find(|&i| tables.get(i).is_some_and(same)) else { return Ok(false) };
    tables.remove(at);
    if tables.is_empty() {
        document.remove(name);
    }
    replace(path, document.to_string().as_bytes())?;
    Ok(true)
}

/// `correction` as a table, its strings quoted by toml_edit.
fn block(correction: &Correction) -> String {
    let (name, fields) = correction.table();
    let mut table = Table::new();
    for (key, value) in fields {
        if let Some(value) = value {
            table.insert(key, Item::Value(value.value()));
        }
    }
    let mut tables = ArrayOfTables::new();
    tables.push(table);
    let mut document = DocumentMut::new();
    document.insert(name, Item::ArrayOfTables(tables));
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
        add(&path, &Correction::Reject(rule.clone())).unwrap();
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
        assert!(take_back(&path, &Correction::Reject(rule.clone())).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), own, "taken back: the file as the user left it");
        assert!(!take_back(&path, &Correction::Reject(rule)).unwrap());
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
            add(&path, &Correction::Reject(rule.clone())).unwrap();
            let written = std::fs::read_to_string(&path).unwrap();
            let read: crate::assets::CorpusFile = toml::from_str(&written).unwrap();
            assert_eq!(read.rejects, std::slice::from_ref(&rule), "{written}");
            assert!(written.starts_with(own.unwrap_or("")), "what was there stays first: {written}");
            assert!(take_back(&path, &Correction::Reject(rule.clone())).unwrap());
            let expected = own.map(|o| if o.ends_with('\n') { o.to_string() } else { format!("{o}\n") });
            assert_eq!(std::fs::read_to_string(&path).unwrap(), expected.unwrap_or_default());
        }
    }

    #[test]
    fn a_redate_is_written_read_back_and_taken_back_even_once_edited() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annals.toml");
        let own = "# dates I checked\n[corpus]\nname = \"cables\"\n";
        std::fs::write(&path, own).unwrap();
        let rule = RedateRule {
            quote: "Aid was suspended".into(),
            date: Some("last March".into()),
            file: Some("cable.txt".into()),
            to: "2012-03".into(),
        };
        let redate = Correction::Redate(rule.clone());
        add(&path, &redate).unwrap();
        let written = std::fs::read_to_string(&path).unwrap();
        insta::assert_snapshot!(written, @r#"
        # dates I checked
        [corpus]
        name = "cables"

        [[redate]]
        quote = "Aid was suspended"
        date = "last March"
        file = "cable.txt"
        to = "2012-03"
        "#);
        let read = crate::assets::CorpusFile::parse(&written, "annals.toml").unwrap();
        assert_eq!(read.redates, std::slice::from_ref(&rule), "annals reads back what it wrote");
        // Edited by hand since (a comment inside the table): found in the parsed file.
        std::fs::write(&path, written.replace("to = ", "# checked in the archive\nto = ")).unwrap();
        assert!(take_back(&path, &redate).unwrap());
        let left = std::fs::read_to_string(&path).unwrap();
        assert!(left.starts_with(own) && !left.contains("redate"), "{left}");
        assert!(!take_back(&path, &redate).unwrap());
    }

    #[test]
    fn corrections_written_at_once_by_two_are_all_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annals.toml");
        std::thread::scope(|scope| {
            for writer in 0..2 {
                let path = &path;
                scope.spawn(move || {
                    for n in 0..20 {
                        let quote = format!("sentence {n} of writer {writer}");
                        add(path, &Correction::Reject(RejectRule { quote, date: None, file: None })).unwrap();
                    }
                });
            }
        });
        let read = crate::assets::CorpusFile::parse(&std::fs::read_to_string(&path).unwrap(), "annals.toml").unwrap();
        assert_eq!(read.rejects.len(), 40, "none lost");
    }
}
