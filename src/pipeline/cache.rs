//! What was extracted from each document, kept on disk and reused while the
//! document, annals and its assets are unchanged.
//!
//! An entry is one file named by a hash of the document's path and bytes,
//! in a folder named by a digest of annals (its version and executable) and
//! of the assets (the embedded ones and the folders' `annals.toml`). It
//! holds a header (format, length, checksum) and the extraction in
//! postcard. Entries are written under a temporary name and renamed into
//! place, so a reader sees a whole entry or none; one that is truncated,
//! corrupt or of another format is ignored, said, and rebuilt. The least
//! recently used go when the cache outgrows its limit.

use super::document::Extracted;
use crate::extract::entities::{DocMention, EntityKey};
use rustc_hash::FxHashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The first bytes of an entry: the format, which a change of layout bumps.
const MAGIC: &[u8; 8] = b"annals\x01\x01";
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
    /// Entries that could not be read as whole: their documents' paths.
    pub rebuilt: Mutex<Vec<String>>,
    /// Why the cache could not be written, the first time it could not.
    pub unwritable: Mutex<Option<String>>,
}

pub struct Cache {
    /// The folder of every namespace.
    root: PathBuf,
    /// This annals's and these assets' folder in it.
    dir: PathBuf,
    limit: u64,
    pub stats: Stats,
}

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
        Cache { root, dir, limit, stats: Stats::default() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file of the entry of the document at `path` with these `bytes`.
    pub(super) fn entry(&self, path: &str, bytes: &[u8]) -> PathBuf {
        let mut key = Xxh3::new();
        key.update(&(path.len() as u64).to_le_bytes());
        key.update(path.as_bytes());
        key.update(bytes);
        self.dir.join(format!("{:032x}.bin", key.digest128()))
    }

    /// The extraction of the document at `path`, if its `entry` is whole.
    /// A damaged one is noted in the stats.
    pub(super) fn get(&self, entry: &Path, path: &str) -> Option<Extracted> {
        let stored = match std::fs::read(entry) {
            Ok(stored) => stored,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(_) => return self.damaged(path),
        };
        let Some(mut extracted) = decode(&stored) else { return self.damaged(path) };
        // Recently used: eviction goes by modification time.
        let touch = std::fs::File::options().write(true).open(entry);
        let _ = touch.and_then(|f| f.set_modified(std::time::SystemTime::now()));
        share_names(&mut extracted.mentions);
        self.stats.hits.fetch_add(1, Ordering::Relaxed);
        Some(extracted)
    }

    fn damaged(&self, path: &str) -> Option<Extracted> {
        self.stats.rebuilt.lock().unwrap_or_else(|p| p.into_inner()).push(path.to_string());
        None
    }

    /// Stores an extraction as `entry`. A cache that cannot be written is
    /// noted once, and skipped after.
    pub(super) fn put(&self, entry: &Path, extracted: &Extracted) {
        self.stats.extracted.fetch_add(1, Ordering::Relaxed);
        if self.stats.unwritable.lock().unwrap_or_else(|p| p.into_inner()).is_some() {
            return;
        }
        if let Err(e) = self.write(entry, extracted) {
            let mut unwritable = self.stats.unwritable.lock().unwrap_or_else(|p| p.into_inner());
            unwritable.get_or_insert_with(|| format!("{}: {e}", self.dir.display()));
        }
    }

    fn write(&self, file: &Path, extracted: &Extracted) -> std::io::Result<()> {
        let payload = postcard::to_stdvec(extracted).map_err(std::io::Error::other)?;
        std::fs::create_dir_all(&self.dir)?;
        let mut temporary = tempfile::Builder::new().suffix(".tmp").tempfile_in(&self.dir)?;
        temporary.write_all(MAGIC)?;
        temporary.write_all(&(payload.len() as u64).to_le_bytes())?;
        temporary.write_all(&xxh3_64(&payload).to_le_bytes())?;
        temporary.write_all(&payload)?;
        // Renamed into place whole: another process reads all of it or none.
        temporary.persist(file).map_err(|e| e.error)?;
        Ok(())
    }

    /// Removes the least recently used entries (and temporary files left by
    /// a process that was killed) until the cache is within its limit.
    pub fn evict(&self) {
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

/// Whether `stored` (an entry's bytes) is a whole entry of this format.
pub fn is_whole(stored: &[u8]) -> bool {
    decode(stored).is_some()
}

/// The extraction an entry holds, if it is whole and of this format.
fn decode(stored: &[u8]) -> Option<Extracted> {
    let (header, payload) = stored.split_at_checked(HEADER)?;
    let length = u64::from_le_bytes(header[8..16].try_into().ok()?);
    let checksum = u64::from_le_bytes(header[16..24].try_into().ok()?);
    if &header[..8] != MAGIC || payload.len() as u64 != length || xxh3_64(payload) != checksum {
        return None;
    }
    postcard::from_bytes(payload).ok()
}

/// One string for each name a document's mentions share, as extraction
/// made them (read back, each mention had a copy of its own).
fn share_names(mentions: &mut [DocMention]) {
    let mut names: FxHashSet<Arc<str>> = FxHashSet::default();
    let mut shared = |name: &mut Arc<str>| match names.get(&**name) {
        Some(known) => *name = Arc::clone(known),
        None => {
            names.insert(Arc::clone(name));
        }
    };
    for m in mentions {
        if let EntityKey::Found { folded, .. } = &mut m.key {
            shared(folded);
        }
        if let Some(name) = &mut m.name {
            shared(name);
        }
    }
}

struct Entry {
    path: PathBuf,
    size: u64,
    modified: std::time::SystemTime,
    temporary: bool,
}

/// Every entry and temporary file under `root`, and the entries' total size.
fn entries(root: &Path) -> (Vec<Entry>, u64) {
    let mut out = Vec::new();
    let mut total = 0;
    let folders = std::fs::read_dir(root).into_iter().flatten().flatten().filter(|d| d.path().is_dir());
    for folder in folders {
        for file in std::fs::read_dir(folder.path()).into_iter().flatten().flatten() {
            let path = file.path();
            let ext = path.extension().and_then(|e| e.to_str());
            let Some(temporary) = (match ext {
                Some("bin") => Some(false),
                Some("tmp") => Some(true),
                _ => None,
            }) else {
                continue;
            };
            let Ok(meta) = file.metadata() else { continue };
            let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            if !temporary {
                total += meta.len();
            }
            out.push(Entry { path, size: meta.len(), modified, temporary });
        }
    }
    (out, total)
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
    let folders = std::fs::read_dir(root).into_iter().flatten().flatten().filter(|d| d.path().is_dir());
    for folder in folders {
        let _ = std::fs::remove_dir(folder.path()); // only if empty
    }
    Ok(removed)
}
