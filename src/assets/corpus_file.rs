//! `annals.toml`: what a person knows about a corpus that its text does not
//! say. The bundled `assets/manifest.toml` is the same format. Sections:
//! `[corpus]`, `[[source]]` (metadata and Admiralty reliability),
//! `[[entity]]` (gazetteer entries), `[[alias]]`, `[[merge]]`, `[[split]]`,
//! `[[hide]]`, `[[reject]]` (a sentence that dates nothing, by its words),
//! `[[redate]]` (a claim given another date) and `ignore`. Errors name the file, line
//! and column and what was expected.

use super::GazetteerEntry;
pub use crate::model::Reliability;
use crate::model::{DateValue, SourceKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file a folder of documents may carry.
pub const FILE_NAME: &str = "annals.toml";

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CorpusFile {
    #[serde(default)]
    pub corpus: BTreeMap<String, String>,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceMeta>,
    #[serde(default, rename = "entity")]
    pub entities: Vec<GazetteerEntry>,
    #[serde(default, rename = "alias")]
    pub aliases: Vec<AliasRule>,
    #[serde(default, rename = "merge")]
    pub merges: Vec<MergeRule>,
    #[serde(default, rename = "split")]
    pub splits: Vec<SplitRule>,
    #[serde(default, rename = "reject")]
    pub rejects: Vec<RejectRule>,
    #[serde(default, rename = "redate")]
    pub redates: Vec<RedateRule>,
    #[serde(default, rename = "hide")]
    pub hides: Vec<HideRule>,
    /// Glob patterns, relative to the folder, of files not to read.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// The `ignore` patterns compiled once, when the file is parsed.
    #[serde(skip)]
    ignored: globset::GlobSet,
    /// Where the file was read and its text, to place errors found later.
    #[serde(skip)]
    origin: (String, String),
}

/// "Not a claim": the claims of sentences holding `quote` (spaces as any
/// run of white space), only the one dated by the words `date` if given,
/// only in `file` (its name or path) if given.
#[derive(Debug, Clone, Deserialize, Default, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct RejectRule {
    pub quote: String,
    pub date: Option<String>,
    pub file: Option<String>,
}

impl RejectRule {
    /// What names its claim.
    pub fn quoted(&self) -> Quoted<'_> {
        Quoted { quote: &self.quote, date: self.date.as_deref(), file: self.file.as_deref() }
    }
}

/// A claim given another date than the one its words were read as: the
/// claims named as a `[[reject]]` names them, dated `to` (a date of the
/// date model: `2013-01-11`, `2012-03`, `1960`, `FY2014`, `2016/2020`).
#[derive(Debug, Clone, Deserialize, Default, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct RedateRule {
    pub quote: String,
    pub date: Option<String>,
    pub file: Option<String>,
    pub to: String,
}

impl RedateRule {
    /// What names its claim.
    pub fn quoted(&self) -> Quoted<'_> {
        Quoted { quote: &self.quote, date: self.date.as_deref(), file: self.file.as_deref() }
    }
}

/// How a `[[reject]]` or `[[redate]]` names its claim: words of its
/// sentence (spaces as any run of white space), the words of its date and
/// its file (a name or path), those two if given.
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a> {
    pub quote: &'a str,
    pub date: Option<&'a str>,
    pub file: Option<&'a str>,
}

impl Quoted<'_> {
    /// Whether this is the file at `path`, or any when none is given.
    pub fn in_file(&self, path: &str) -> bool {
        self.file
            .is_none_or(|f| path.strip_suffix(f).is_some_and(|rest| rest.is_empty() || rest.ends_with(['/', '\\'])))
    }

    /// Whether it names the claim of `sentence`, dated by the words `date`,
    /// in the file at `path`.
    pub fn names(&self, path: &str, sentence: &str, date: &str) -> bool {
        self.in_file(path) && self.reads(sentence, date)
    }

    /// Whether it names the claim of `sentence`, dated by the words `date`,
    /// whatever its file. Asked of every claim of a file when a corpus is
    /// assembled: the cheap test first, and the sentence's spaces made
    /// single only where the quote's first word is.
    pub fn reads(&self, sentence: &str, date: &str) -> bool {
        if self.date.is_some_and(|d| d != date) {
            return false;
        }
        let spaced = crate::text::one_line;
        let first = self.quote.split_whitespace().next().unwrap_or_default();
        sentence.contains(first) && spaced(sentence).contains(&spaced(self.quote))
    }
}

/// The bytes of an `annals.toml` without the analyst's corrections
/// (`[[reject]]`, `[[redate]]`, `[[merge]]`, `[[split]]`, `[[hide]]`): what
/// the cache of extractions is keyed by, since corrections apply after
/// them (a correction made in the browser does not make every document be
/// read again). A file that does not parse is kept whole.
pub fn without_corrections(bytes: &[u8]) -> Vec<u8> {
    let parsed = std::str::from_utf8(bytes).ok().and_then(|t| t.parse::<toml_edit::DocumentMut>().ok());
    match parsed {
        Some(mut document) => {
            for table in ["reject", "redate", "merge", "split", "hide"] {
                document.remove(table);
            }
            document.to_string().into_bytes()
        }
        None => bytes.to_vec(),
    }
}

/// Metadata a person gives about a source.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// The file, relative to the folder holding `annals.toml`.
    pub file: String,
    pub title: Option<String>,
    pub kind: Option<SourceKind>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<Spanned<String>>,
    /// Why `published` is what it is, when it is not in the text.
    pub published_note: Option<String>,
    /// Admiralty grading: the source A–F, the information 1–6 (`B2`).
    pub reliability: Option<Spanned<String>>,
    /// The folder the entry was read in; `None` for the bundled manifest.
    #[serde(skip)]
    pub folder: Option<PathBuf>,
}

/// More names for an entity of the gazetteer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasRule {
    pub entity: Spanned<String>,
    pub aliases: Vec<String>,
}

/// Names that are one entity: their mentions all go to `into` (a known
/// entity, or a new name: a rename).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct MergeRule {
    pub into: String,
    pub names: Vec<String>,
}

/// Names an entity was given that belong to someone else: mentions of
/// `entity` written as one of `names` become an entity of that name.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct SplitRule {
    pub entity: String,
    pub names: Vec<String>,
}

/// An entity that is none (`Still`, `Conflict`): its mentions are dropped.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields)]
pub struct HideRule {
    pub entity: String,
}

/// An error in a file annals reads (a corpus file, the configuration), where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct FileError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl SourceMeta {
    /// Whether this entry describes the document at `path` (named `file_name`).
    pub fn describes(&self, path: &str, file_name: &str) -> bool {
        match &self.folder {
            None => self.file == file_name,
            Some(folder) => Path::new(path) == folder.join(&self.file),
        }
    }

    pub fn published_date(&self) -> Option<DateValue> {
        self.published.as_ref().and_then(|p| DateValue::parse(p.get_ref()))
    }

    pub fn reliability(&self) -> Option<Reliability> {
        self.reliability.as_ref().and_then(|r| Reliability::parse(r.get_ref()))
    }
}

impl CorpusFile {
    /// Parses and checks a corpus file; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<CorpusFile, FileError> {
        let origin = (path.to_string(), text.to_string());
        let at = |span: Option<Range<usize>>, message: String| error_at(&origin, span, message);
        let mut file: CorpusFile = toml::from_str(text).map_err(|e| at(e.span(), e.message().to_string()))?;
        for source in &file.sources {
            if let Some(p) = source.published.as_ref().filter(|p| DateValue::parse(p.get_ref()).is_none()) {
                let expected = "expected a date such as 2009-11-30, 2012-03, 1960, FY2014 or 2016/2020";
                return Err(at(Some(p.span()), format!("`{}` is not a date: {expected}", p.get_ref())));
            }
            if let Some(r) = source.reliability.as_ref().filter(|r| Reliability::parse(r.get_ref()).is_none()) {
                let expected = "expected a source grade A–F and an information grade 1–6, such as B2";
                return Err(at(Some(r.span()), format!("`{}` is not an Admiralty grade: {expected}", r.get_ref())));
            }
        }
        if let Some(r) = file.redates.iter().find(|r| DateValue::parse(&r.to).is_none()) {
            let expected = "expected a date such as 2009-11-30, 2012-03, 1960, FY2014 or 2016/2020";
            return Err(at(None, format!("[[redate]] of “{}”: `{}` is not a date: {expected}", r.quote, r.to)));
        }
        let mut globs = globset::GlobSetBuilder::new();
        for pattern in &file.ignore {
            match globset::Glob::new(pattern.get_ref()) {
                Ok(glob) => globs.add(glob),
                Err(e) => {
                    let message = format!("`{}` is not a glob pattern: {}", pattern.get_ref(), e.kind());
                    return Err(at(Some(pattern.span()), message));
                }
            };
        }
        file.ignored = globs.build().map_err(|e| at(None, e.to_string()))?;
        file.origin = origin;
        Ok(file)
    }

    /// Every `[[alias]]` names an entity of `gazetteer` (which holds this
    /// file's own `[[entity]]` entries by then).
    pub fn check_aliases(&self, gazetteer: &super::Gazetteer) -> Result<(), FileError> {
        for rule in &self.aliases {
            let name = rule.entity.get_ref();
            if gazetteer.find(name).is_none() {
                let message = format!(
                    "no entity `{name}` in the gazetteer: expected the name, an alias or the id of a known entity \
                     (add it with [[entity]])"
                );
                return Err(error_at(&self.origin, Some(rule.entity.span()), message));
            }
        }
        Ok(())
    }

    /// Reads `folder/annals.toml` when there is one.
    pub fn read(folder: &Path) -> Option<Result<CorpusFile, FileError>> {
        let path = folder.join(FILE_NAME);
        let text = std::fs::read(&path).ok()?;
        let shown = path.display().to_string();
        let parsed = match String::from_utf8(text) {
            Ok(text) => CorpusFile::parse(&text, &shown),
            Err(_) => Err(FileError { path: shown, line: 1, column: 1, message: "not UTF-8 text".into() }),
        };
        Some(parsed.map(|mut file| {
            file.sources.iter_mut().for_each(|s| s.folder = Some(folder.to_path_buf()));
            file
        }))
    }

    /// A matcher for the files to leave unread, relative to the folder.
    pub fn ignored(&self) -> &globset::GlobSet {
        &self.ignored
    }
}

fn error_at((path, text): &(String, String), span: Option<Range<usize>>, message: String) -> FileError {
    let (line, column) = line_column(text, span.map_or(0, |s| s.start));
    FileError { path: path.clone(), line, column, message }
}

/// One-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..crate::text::floor_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_rejection_names_its_sentence_by_its_words_and_may_name_its_date_and_file() {
        let rule = |date: Option<&str>, file: Option<&str>| RejectRule {
            quote: "was   suspended\non".into(),
            date: date.map(String::from),
            file: file.map(String::from),
        };
        let sentence = "Aid was suspended on 26 March 2012.";
        assert!(
            rule(None, None).quoted().names("docs/cable.txt", sentence, "26 March 2012"),
            "spaces as any white space"
        );
        assert!(rule(Some("26 March 2012"), Some("cable.txt")).quoted().names(
            "docs/cable.txt",
            sentence,
            "26 March 2012"
        ));
        assert!(!rule(Some("2012"), None).quoted().names("docs/cable.txt", sentence, "26 March 2012"), "another date");
        assert!(
            !rule(None, Some("able.txt")).quoted().names("docs/cable.txt", sentence, "26 March 2012"),
            "another file"
        );
        assert!(!rule(None, None).quoted().names("docs/cable.txt", "Aid resumed.", "2013"), "another sentence");
    }
    use super::*;

    #[test]
    fn reliability_grades() {
        assert_eq!(Reliability::parse("b2"), Some(Reliability { source: 'B', information: 2 }));
        assert_eq!(
            Reliability::parse("F6").unwrap().meaning(),
            "source reliability cannot be judged, information truth cannot be judged"
        );
        for bad in ["G1", "A7", "A", "B22", "", "2B"] {
            assert_eq!(Reliability::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn lines_and_columns() {
        assert_eq!(line_column("a\nbé c", 6), (2, 4));
        assert_eq!(line_column("abc", 0), (1, 1));
    }
}
