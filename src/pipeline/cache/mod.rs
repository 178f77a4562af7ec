//! What was extracted from each document, kept on disk and reused while the
//! document, annals and its assets are unchanged.
//!
//! An entry is one file named by a hash of the document's path and bytes,
//! in a folder named by a digest of annals (its version and executable) and
//! of the assets (the embedded ones and the folders' `annals.toml`), and in
//! that, one of 256 by the name's first byte. It holds a header (format,
//! length, checksum) and the extraction in postcard, compressed by LZ4
//! (a quarter smaller), its text as what
//! rebuilds it from the document ([`text`]). Entries are written under a
//! temporary name and renamed into place, so a reader sees a whole entry or
//! none; one that is truncated, corrupt or of another format is ignored,
//! said, and rebuilt. The least recently used go when the cache outgrows
//! its limit.
//!
//! Beside them, the merged corpus of the documents of some folders
//! ([`corpus`]), one entry for those folders, holding a digest of the
//! documents' paths and stamps: a second open of an unchanged folder reads
//! it and neither reads nor merges the documents; a changed folder's
//! corpus replaces it.
//! It holds the texts: written after the corpus is shown, it costs an
//! open nothing, and read whole it is the quickest way back to them.
//! And merged runs of claims (a kind's years), each named by a hash of its
//! claims: with one document changed, the runs it does not touch are read.
//! The command line's cache is [deferring](Cache::deferring): what a first
//! open makes is written with its corpus, once that is shown.

mod corpus;
mod text;

pub(crate) use text::Recipe;

use super::document::Extracted;
use crate::extract::entities::{DocMention, EntityKey};
use crate::extract::events::{KeptGroup, KeptRuns};
use crate::ingest::Failure;
use crate::model::Corpus;
use crate::seeded;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use tempfile::NamedTempFile;
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The first bytes of an entry: the format, which a change of layout bumps.
const MAGIC: &[u8; 8] = b"annals\x01\x04";
/// Entries made and not yet written: where each goes, and its bytes.
type Held = Mutex<Vec<(PathBuf, Vec<u8>)>>;

/// Magic, payload length, payload checksum.
const HEADER: usize = 8 + 8 + 8;

/// The default size limit: `ANNALS_CACHE_SIZE` changes it (`500M`, `4G`).
pub const DEFAULT_LIMIT: u64 = 2 << 30;

/// How the documents of one build were found in the cache.
#[derive(Debug, Default)]
pub struct Stats {
    /// Read from the cache.
    pub hits: AtomicUsize,
    /// Extracted (and, when the cache is writable, stored).
    pub extracted: AtomicUsize,
    /// Entries that could not be read as whole: their documents' paths
    /// (or `the merged corpus`).
    pub rebuilt: Mutex<Vec<String>>,
    /// Whether the merged corpus was read whole from the cache.
    pub whole: AtomicBool,
    /// Runs of claims read merged from the cache, and merged (and kept).
    pub runs_read: AtomicUsize,
    pub runs_merged: AtomicUsize,
    /// Whether anything was written: only then can the cache have outgrown its limit.
    wrote: AtomicBool,
    /// Why the cache could not be written, the first time it could not.
    pub unwritable: Mutex<Option<String>>,
}

pub struct Cache {
    /// The folder of every namespace.
    root: PathBuf,
    /// This annals's and these assets' folder in it.
    dir: PathBuf,
    limit: u64,
    /// The fewest claims a run kept has ([`DEFAULT_RUNS_FROM`]).
    runs_from: usize,
    /// A digest of the folders and files it serves ([`Cache::serving`]).
    place: u64,
    /// Entries held until [`Cache::keep`], when [deferring](Cache::deferring).
    pending: Option<Held>,
    pub stats: Stats,
}

/// Runs of fewer claims are merged again rather than kept: merging them
/// takes less than reading an entry (a run is a kind's year; at 100 MB they
/// have some 400 claims, at a gigabyte some 4 000).
pub const DEFAULT_RUNS_FROM: usize = 256;

/// A digest of what an extraction depends on besides its document: this
/// annals (version, and the executable itself, which a rebuild changes)
/// and the assets, embedded and `extra` (the folders' `annals.toml`).
pub fn namespace(extra: &[Vec<u8>]) -> u64 {
    let mut digest = Xxh3::new();
    digest.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(meta) = std::env::current_exe().ok().and_then(|exe| exe.metadata().ok()) {
        digest.update(&meta.len().to_le_bytes());
        let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        digest.update(&modified.map_or(0, |d| d.as_nanos()).to_le_bytes());
    }
    crate::assets::digest(&mut |bytes: &[u8]| {
        digest.update(&(bytes.len() as u64).to_le_bytes());
        digest.update(bytes);
    });
    for file in extra {
        digest.update(&(file.len() as u64).to_le_bytes());
        digest.update(file);
    }
    digest.digest()
}

/// Where the cache is: `ANNALS_CACHE_DIR` when set, else the platform's
/// cache folder (`$XDG_CACHE_HOME/annals` on Linux).
pub fn default_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ANNALS_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "annals").map(|d| d.cache_dir().to_path_buf())
}

/// The size limit: `ANNALS_CACHE_SIZE` (bytes, or with K, M or G) or the default.
pub fn limit() -> u64 {
    let size = std::env::var("ANNALS_CACHE_SIZE").ok().and_then(|s| crate::text::parse_size(&s).ok());
    size.map_or(DEFAULT_LIMIT, |n| n as u64)
}

impl Cache {
    pub fn new(root: PathBuf, namespace: u64, limit: u64) -> Self {
        let dir = root.join(format!("{namespace:016x}"));
        Cache { root, dir, limit, runs_from: DEFAULT_RUNS_FROM, place: 0, pending: None, stats: Stats::default() }
    }

    /// The cache, holding documents' entries and merged runs in memory
    /// until [`Cache::keep`]: a first open then writes nothing
    /// before its corpus is shown. (Written as they were made, a gigabyte's
    /// half a gigabyte of entries grew the page cache while the documents
    /// were read, and each page the build took cost this machine more.)
    pub fn deferring(mut self) -> Self {
        self.pending = Some(Mutex::default());
        self
    }

    /// The cache of the documents in `paths` (folders or files): their
    /// merged corpus is one entry, replaced when a document changes, so
    /// that an edited folder leaves no stale copy of its corpus behind.
    pub fn serving(mut self, paths: &[PathBuf]) -> Self {
        let mut digest = Xxh3::new();
        for path in paths {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            digest.update(path.as_os_str().as_encoded_bytes());
            digest.update(&[0]);
        }
        self.place = digest.digest();
        self
    }

    /// The cache, keeping merged runs of `claims` or more.
    pub fn keeping_runs_from(mut self, claims: usize) -> Self {
        self.runs_from = claims;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// What names the document at `path` with these `bytes`.
    pub(super) fn content_key(path: &str, bytes: &[u8]) -> u128 {
        let mut key = Xxh3::new();
        key.update(&(path.len() as u64).to_le_bytes());
        key.update(path.as_bytes());
        key.update(bytes);
        key.digest128()
    }

    /// The file of the entry `key` names, of kind `extension`: in one of
    /// 256 folders by the key's first byte, as two processes (or threads)
    /// creating files in one folder wait on each other, and a folder of
    /// 50 000 is slow to add to (at a gigabyte, 10 s of system time).
    fn file(&self, key: u128, extension: &str) -> PathBuf {
        let name = format!("{key:032x}.{extension}");
        self.dir.join(&name[..2]).join(name)
    }

    /// The file of the entry of the document at `path` with these `bytes`.
    pub(super) fn entry(&self, path: &str, bytes: &[u8]) -> PathBuf {
        self.file(Self::content_key(path, bytes), "bin")
    }

    /// The extraction of the document at `path` with these `bytes`, if
    /// its `entry` is whole. A damaged one is noted in the stats.
    pub(super) fn get(&self, entry: &Path, path: &str, bytes: &[u8]) -> Option<Extracted> {
        let mut extracted: Extracted = self.read(entry, path)?;
        let text = extracted.recipe.as_ref().and_then(|r| r.rebuild(&extracted.source.map, bytes));
        let Some(text) = text else { return self.damaged(path) };
        extracted.source.text = text;
        share_names(&mut extracted.mentions);
        self.stats.hits.fetch_add(1, Ordering::Relaxed);
        Some(extracted)
    }

    /// What the entry `entry` holds (of `what`), if it is there and whole;
    /// marked recently used. A damaged one is noted in the stats.
    fn read<T: serde::de::DeserializeOwned>(&self, entry: &Path, what: &str) -> Option<T> {
        let stored = match std::fs::read(entry) {
            Ok(stored) => stored,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(_) => return self.damaged(what),
        };
        let Some(held) = decode(&stored) else { return self.damaged(what) };
        touch(entry);
        Some(held)
    }

    fn damaged<T>(&self, path: &str) -> Option<T> {
        self.stats.rebuilt.lock().unwrap_or_else(|p| p.into_inner()).push(path.to_string());
        None
    }

    /// The file of the merged corpus called `name` of the documents this
    /// cache serves, whatever their contents: it holds their key.
    pub(super) fn corpus_entry(&self, name: &str) -> PathBuf {
        let mut digest = Xxh3::new();
        digest.update(&self.place.to_le_bytes());
        digest.update(name.as_bytes());
        self.file(digest.digest128(), "corpus")
    }

    /// The merged corpus and the failures of its build, if `entry` is
    /// whole and holds the corpus of the documents `key` names.
    pub(super) fn get_corpus(&self, entry: &Path, key: u128) -> Option<(Corpus, Vec<Failure>)> {
        let file = match std::fs::File::open(entry) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(_) => return self.damaged("the merged corpus"),
        };
        touch(entry);
        // Unbuffered: frames are megabytes, read straight into place.
        let mut input = file;
        let size = input.metadata().map_or(0, |m| m.len()).saturating_sub(corpus::HEAD as u64);
        let mut head = [0; corpus::HEAD];
        let read = input.read_exact(&mut head).ok().filter(|()| head.starts_with(corpus::MAGIC));
        if read.is_some() && corpus::key(&head) != key {
            return None; // the corpus of these documents before they changed
        }
        let Some(built) = read.and_then(|()| corpus::read(&mut input, size)) else {
            return self.damaged("the merged corpus");
        };
        self.stats.hits.fetch_add(built.0.sources.len(), Ordering::Relaxed);
        self.stats.whole.store(true, Ordering::Relaxed);
        Some(built)
    }

    /// Writes what a build left to keep, once its corpus is shown (so that
    /// writing does not take the cores its merge needs): the entries held
    /// back ([`Cache::deferring`]), then the merged corpus if `unkept`.
    pub fn keep(&self, unkept: Option<Unkept>, built: &Corpus) {
        self.write_pending();
        if let Some(unkept) = unkept {
            self.keep_corpus(unkept, built);
        }
    }

    /// Keeps a merged corpus and the failures of its build: documents,
    /// then events, written under a temporary name renamed into place once
    /// whole.
    fn keep_corpus(&self, unkept: Unkept, built: &Corpus) {
        if !self.writable() {
            return;
        }
        let Unkept { entry, key, failed } = unkept;
        let written = self.temporary(&entry).and_then(|temporary| {
            let mut writer = corpus::Writer::new(BufWriter::with_capacity(1 << 20, temporary), key)?;
            writer.documents(built, &failed)?;
            let temporary = writer.events(built)?.into_inner().map_err(|e| e.into_error())?;
            temporary.persist(&entry).map_err(|e| e.error)
        });
        if self.note(written).is_some() {
            self.stats.wrote.store(true, Ordering::Relaxed);
        }
    }

    /// The file of the merged run of claims `key` names.
    fn run_entry(&self, key: u128) -> PathBuf {
        self.file(key, "run")
    }

    /// Stores an extraction as `entry`. A cache that cannot be written is
    /// noted once, and skipped after.
    pub(super) fn put(&self, entry: &Path, extracted: &Extracted) {
        self.stats.extracted.fetch_add(1, Ordering::Relaxed);
        self.store_or_hold(entry.to_path_buf(), extracted);
    }

    /// Writes `payload` as `entry` now, or holds it until
    /// [`Cache::keep`] when the cache is [deferring](Cache::deferring).
    fn store_or_hold(&self, entry: PathBuf, payload: &impl serde::Serialize) {
        if !self.writable() {
            return;
        }
        let Some(framed) = self.note(framed(payload)) else { return };
        match &self.pending {
            Some(pending) => pending.lock().unwrap_or_else(PoisonError::into_inner).push((entry, framed)),
            None => self.store(&entry, |out| out.write_all(&framed)),
        }
    }

    /// Writes the entries held back ([`Cache::deferring`]).
    fn write_pending(&self) {
        let Some(pending) = &self.pending else { return };
        let held = std::mem::take(&mut *pending.lock().unwrap_or_else(PoisonError::into_inner));
        for (entry, framed) in held {
            self.store(&entry, |out| out.write_all(&framed));
        }
    }

    /// Writes `entry` with `write`, under a temporary name renamed into
    /// place once whole: another process reads all of it or none. A cache
    /// that cannot be written is noted once, and skipped after.
    fn store(&self, entry: &Path, write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>) {
        if !self.writable() {
            return;
        }
        let written = self.temporary(entry).and_then(|mut temporary| {
            write(temporary.as_file_mut())?;
            temporary.persist(entry).map_err(|e| e.error)
        });
        if self.note(written).is_some() {
            self.stats.wrote.store(true, Ordering::Relaxed);
        }
    }

    /// Whether the cache has not yet been found unwritable.
    fn writable(&self) -> bool {
        self.stats.unwritable.lock().unwrap_or_else(|p| p.into_inner()).is_none()
    }

    /// A file to write `entry` under, beside it (a rename does not cross folders).
    fn temporary(&self, entry: &Path) -> std::io::Result<NamedTempFile> {
        let folder = entry.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(folder)?;
        tempfile::Builder::new().suffix(".tmp").tempfile_in(folder)
    }

    /// What a write gave, noting a failure (once) as the cache being unwritable.
    fn note<T>(&self, written: std::io::Result<T>) -> Option<T> {
        match written {
            Ok(done) => Some(done),
            Err(e) => {
                let mut unwritable = self.stats.unwritable.lock().unwrap_or_else(|p| p.into_inner());
                unwritable.get_or_insert_with(|| format!("{}: {e}", self.dir.display()));
                None
            }
        }
    }

    /// Removes the least recently used entries (and temporary files left by
    /// a process that was killed) until the cache is within its limit, when
    /// this build wrote to it: a build that only read leaves it as it was,
    /// and spares the look at every entry.
    pub fn evict(&self) {
        if !self.stats.wrote.load(Ordering::Relaxed) {
            return;
        }
        let (mut entries, total) = entries(&self.root);
        let mut total = total;
        entries.sort_by_key(|e| e.modified);
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for e in entries {
            let stale = e.temporary && e.modified < hour_ago;
            if ((total > self.limit && !e.temporary) || stale) && std::fs::remove_file(&e.path).is_ok() {
                total = total.saturating_sub(e.size);
            }
        }
    }
}

/// Merged runs of claims, each an entry of its own: one document changed
/// in a large corpus re-merges only the runs its claims are in.
impl KeptRuns for Cache {
    /// Runs of fewer claims merge quicker than an entry is read.
    fn worth_keeping(&self, claims: usize) -> bool {
        claims >= self.runs_from
    }

    fn get(&self, key: u128) -> Option<Vec<KeptGroup>> {
        let groups = self.read(&self.run_entry(key), "a merged run of claims")?;
        self.stats.runs_read.fetch_add(1, Ordering::Relaxed);
        Some(groups)
    }

    fn put(&self, key: u128, groups: &[KeptGroup]) {
        self.stats.runs_merged.fetch_add(1, Ordering::Relaxed);
        self.store_or_hold(self.run_entry(key), &groups);
    }
}

/// `payload` as an entry: magic, length, checksum, postcard compressed by
/// LZ4 (its length first), to be written in one call (50 000 entries are
/// written at a gigabyte).
fn framed(payload: &impl serde::Serialize) -> std::io::Result<Vec<u8>> {
    let plain = postcard::to_stdvec(payload).map_err(std::io::Error::other)?;
    let mut entry = vec![0; HEADER];
    entry.extend(lz4_flex::block::compress_prepend_size(&plain));
    let (header, payload) = entry.split_at_mut(HEADER);
    header[..8].copy_from_slice(MAGIC);
    header[8..16].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    header[16..].copy_from_slice(&xxh3_64(payload).to_le_bytes());
    Ok(entry)
}

/// A built corpus the cache does not hold yet: where it goes, and the
/// failures of its build (those found before it are the caller's).
pub struct Unkept {
    pub(super) entry: PathBuf,
    /// What names its documents.
    pub(super) key: u128,
    pub(super) failed: Vec<Failure>,
}

/// Marks an entry recently used: eviction goes by modification time.
fn touch(entry: &Path) {
    let file = std::fs::File::options().write(true).open(entry);
    let _ = file.and_then(|f| f.set_modified(std::time::SystemTime::now()));
}

/// Whether `stored` (an entry's bytes, of a document or of a merged
/// corpus) is a whole entry of this format.
pub fn is_whole(stored: &[u8]) -> bool {
    if stored.starts_with(corpus::MAGIC) {
        let rest = stored.get(corpus::HEAD..);
        return rest.is_some_and(|rest| corpus::read(&mut { rest }, rest.len() as u64).is_some());
    }
    decode::<Extracted>(stored).is_some() || decode::<Vec<KeptGroup>>(stored).is_some()
}

/// What an entry holds (an extraction, a merged run), if it is whole and
/// of this format.
fn decode<T: serde::de::DeserializeOwned>(stored: &[u8]) -> Option<T> {
    let (header, payload) = stored.split_at_checked(HEADER)?;
    let length = u64::from_le_bytes(header[8..16].try_into().ok()?);
    let checksum = u64::from_le_bytes(header[16..24].try_into().ok()?);
    if &header[..8] != MAGIC || payload.len() as u64 != length || xxh3_64(payload) != checksum {
        return None;
    }
    // The length LZ4 prepends is checked with the rest: it can be trusted.
    let plain = lz4_flex::block::decompress_size_prepended(payload).ok()?;
    postcard::from_bytes(&plain).ok()
}

/// One string for each name a document's mentions share, as extraction
/// made them (read back, each mention had a copy of its own).
fn share_names(mentions: &mut [DocMention]) {
    let mut folded_names: seeded::Set<Arc<str>> = seeded::Set::default();
    let mut names: seeded::Set<Arc<String>> = seeded::Set::default();
    for m in mentions {
        if let EntityKey::Found { folded, .. } = &mut m.key {
            shared(&mut folded_names, folded);
        }
        if let Some(name) = &mut m.name {
            shared(&mut names, name);
        }
    }
}

/// `name` as the one of `names` equal to it, which it joins if none is.
fn shared<T: Eq + std::hash::Hash + ?Sized>(names: &mut seeded::Set<Arc<T>>, name: &mut Arc<T>) {
    match names.get(&**name) {
        Some(known) => *name = Arc::clone(known),
        None => {
            names.insert(Arc::clone(name));
        }
    }
}

struct Entry {
    path: PathBuf,
    size: u64,
    modified: std::time::SystemTime,
    temporary: bool,
}

/// Every entry and temporary file under `root` (in its namespaces' folders
/// and their folders of 256), and the entries' total size.
fn entries(root: &Path) -> (Vec<Entry>, u64) {
    let mut out = Vec::new();
    let mut total = 0;
    let namespaces = folders(root);
    let shards = namespaces.iter().flat_map(|namespace| folders(namespace));
    let files = namespaces.iter().cloned().chain(shards).flat_map(|folder| {
        std::fs::read_dir(folder).into_iter().flatten().flatten().filter(|f| f.file_type().is_ok_and(|t| t.is_file()))
    });
    for file in files {
        let path = file.path();
        let temporary = match path.extension().and_then(|e| e.to_str()) {
            Some("bin" | "corpus" | "run") => false,
            Some("tmp") => true,
            _ => continue,
        };
        let Ok(meta) = file.metadata() else { continue };
        let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        if !temporary {
            total += meta.len();
        }
        out.push(Entry { path, size: meta.len(), modified, temporary });
    }
    (out, total)
}

/// The folders in `dir`.
fn folders(dir: &Path) -> Vec<PathBuf> {
    let found = std::fs::read_dir(dir).into_iter().flatten().flatten();
    found.filter(|d| d.file_type().is_ok_and(|t| t.is_dir())).map(|d| d.path()).collect()
}

/// How many entries the cache at `root` holds, and their size.
pub fn usage(root: &Path) -> (usize, u64) {
    let (entries, total) = entries(root);
    (entries.iter().filter(|e| !e.temporary).count(), total)
}

/// Empties the cache at `root`: its entries and temporary files, and the
/// folders that held them; nothing else there is touched.
pub fn clear(root: &Path) -> std::io::Result<usize> {
    let (entries, _) = entries(root);
    let mut removed = 0;
    for e in &entries {
        std::fs::remove_file(&e.path)?;
        removed += usize::from(!e.temporary);
    }
    for namespace in folders(root) {
        for folder in folders(&namespace) {
            let _ = std::fs::remove_dir(folder); // only if empty
        }
        let _ = std::fs::remove_dir(namespace);
    }
    Ok(removed)
}
