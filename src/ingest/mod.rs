//! Loading: paths to documents, documents to clean text with offset maps.
//! One bad file is a [`Failure`] with a reason; it never stops the others.

pub mod clean;
pub mod decode;
pub mod furniture;
pub mod infobox;
pub mod markup;
pub mod mojibake;

use crate::model::ChainedMap;
use clean::{Cleaned, Syntax};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The extensions read from folders; files named explicitly are read whatever their name.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// No file is read past this, whatever the limit: offsets are kept in 32
/// bits, and decoding may triple a text (a Windows-1252 `€` is 3 bytes).
pub const LARGEST_FILE: u64 = 1 << 30;

/// Files larger than this are refused unless the limit is raised.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// A document's bytes and where they came from.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as the user gave it, or `seeds/NAME` when bundled.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Input {
    pub fn file_name(&self) -> &str {
        crate::text::file_name(&self.path)
    }

    /// The file name without its extension: the source's id.
    pub fn id(&self) -> String {
        let name = self.file_name();
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_string(),
            _ => name.to_string(),
        }
    }

    fn is_html(&self) -> bool {
        let lower = self.file_name().to_ascii_lowercase();
        lower.ends_with(".html") || lower.ends_with(".htm")
    }
}

/// A path that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    pub path: String,
    pub reason: String,
}

impl Failure {
    fn new(path: &Path, reason: impl Into<String>) -> Self {
        Failure { path: path.display().to_string(), reason: reason.into() }
    }
}

/// A decoded and cleaned document, before extraction.
#[derive(Debug)]
pub struct Loaded {
    pub input: Input,
    pub encoding: &'static str,
    pub cleaned: Cleaned,
    pub map: ChainedMap,
    pub warnings: Vec<String>,
}

/// Reads every path up front: files directly, folders recursively
/// (documents with the known extensions, or none). Links are not followed
/// into loops. The command line reads lazily instead ([`find_documents`]).
pub fn read_paths(paths: &[PathBuf], max_bytes: u64) -> (Vec<Input>, Vec<Failure>) {
    let (files, mut failures) = find_documents(paths, &|_| false);
    let mut inputs = Vec::with_capacity(files.len());
    for file in files {
        match read_file(&file, max_bytes) {
            Ok(input) => inputs.push(input),
            Err(f) => failures.push(f),
        }
    }
    (inputs, failures)
}

/// The documents `paths` name, without reading them: files as given,
/// folders walked for the known extensions. A large corpus is then read
/// a file at a time, on all cores, by the pipeline (`Pipeline::build_files`).
/// `skip` leaves out files a folder's corpus file ignores.
pub fn find_documents(paths: &[PathBuf], skip: &dyn Fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<Failure>) {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Err(e) => failures.push(Failure::new(path, describe_io(&e))),
            Ok(meta) if meta.is_dir() => find_in_folder(path, skip, &mut files, &mut failures),
            Ok(_) => files.push(path.clone()),
        }
    }
    (files, failures)
}

fn find_in_folder(dir: &Path, skip: &dyn Fn(&Path) -> bool, files: &mut Vec<PathBuf>, failures: &mut Vec<Failure>) {
    let before = files.len() + failures.len();
    let walker = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    e.io_error().map_or_else(|| e.to_string(), describe_io)
                };
                failures.push(Failure::new(&path, reason));
                continue;
            }
        };
        let hidden = entry.file_name().to_string_lossy().starts_with('.') && entry.depth() > 0;
        if hidden || entry.file_type().is_dir() || !is_document_name(entry.path()) || skip(entry.path()) {
            continue;
        }
        files.push(entry.into_path());
    }
    if files.len() + failures.len() == before {
        let exts = EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ");
        failures.push(Failure::new(dir, format!("no documents in this folder ({exts} or no extension)")));
    }
}

fn is_document_name(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
    }
}

/// Reads one regular file, refusing FIFOs, devices and oversized files
/// before opening them, so nothing blocks.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Input, Failure> {
    let meta = fs::metadata(path).map_err(|e| Failure::new(path, describe_io(&e)))?;
    if !meta.is_file() {
        return Err(Failure::new(path, "not a regular file (a FIFO, socket or device); skipped"));
    }
    if meta.len() > LARGEST_FILE {
        return Err(Failure::new(path, format!("file is {} bytes; annals reads files of up to 1 GiB", meta.len())));
    }
    if meta.len() > max_bytes {
        return Err(Failure::new(
            path,
            format!(
                "file is {} bytes, over the limit of {max_bytes} bytes (the default is {DEFAULT_MAX_BYTES}; \
                 change it with --max-file-size BYTES)",
                meta.len()
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(max_bytes + 1).read_to_end(&mut bytes))
        .map_err(|e| Failure::new(path, describe_io(&e)))?;
    Ok(Input { path: path.display().to_string(), bytes })
}

fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".to_string(),
        PermissionDenied => "permission denied (unreadable)".to_string(),
        _ if e.raw_os_error() == Some(40) => "symbolic link loop".to_string(),
        _ => e.to_string(),
    }
}

/// The bundled corpus as inputs.
pub fn bundled_inputs() -> Vec<Input> {
    crate::assets::bundled_seeds()
        .into_iter()
        .map(|(name, bytes)| Input { path: format!("seeds/{name}"), bytes: bytes.to_vec() })
        .collect()
}

/// Decodes and cleans one input.
pub fn load(input: Input) -> Result<Loaded, Failure> {
    let fail = |reason: String| Failure { path: input.path.clone(), reason };
    if input.bytes.is_empty() {
        return Err(fail("empty file (0 bytes)".into()));
    }
    let decoded = decode::decode(&input.bytes).map_err(|e| fail(format!("{e}; skipped")))?;
    let html = input.is_html() || looks_like_html(&decoded.text);
    let mut cleaned = clean::clean(&decoded.text, Syntax { html });
    if cleaned.text.trim().is_empty() {
        return Err(fail("no text (only whitespace or markup)".into()));
    }
    let map = ChainedMap { outer: std::mem::take(&mut cleaned.map), inner: decoded.map };
    Ok(Loaded { encoding: decoded.encoding, warnings: decoded.warnings, cleaned, map, input })
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(200).collect();
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}
