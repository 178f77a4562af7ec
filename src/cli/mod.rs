//! Command line: `annals [PATH...]`, `annals check`, `annals export`.

mod browse;
mod cache;
mod check;
mod config;
mod export;
mod generate;
mod notes;
mod output;
mod progress;
mod summary;

use annals::assets::{Assets, CorpusFile};
use annals::ingest::{self, Failure};
use annals::model::Corpus;
use annals::pipeline::{Built, Pipeline, Unkept, Watch};
use clap::{Args, CommandFactory, Parser, Subcommand};
use globset::GlobSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

const EXAMPLES: &str = "\
Examples:
  annals                              open the bundled corpus (U.S.–Mali relations)
  annals ~/cables ~/notes/brief.md    open these documents (folders are read recursively)
  annals check ~/cables               per source: encoding, repairs, date, claims, warnings
  annals export -o timeline.json      the bundled corpus as annals/1 JSON
  annals export ~/cables > out.json   any corpus, to standard output
  annals export --format markdown --actor \"william ward\" --from 2009 -o brief.md
  annals export --format csv --kind coup,election > events.csv
  annals export --format timelinejs -o timeline.json   (open with TimelineJS3)
  annals completions bash > ~/.local/share/bash-completion/completions/annals

Exit status: 0 when every source loaded, 1 when some failed (listed on
standard error with the reason), 2 on a usage error.";

#[derive(Parser)]
#[command(name = "annals", version, about = "A timeline of dated, sourced events from a folder of documents", after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Load the documents and report on each: bytes, encoding, repairs, date, claims, entities, warnings
    #[command(after_help = EXAMPLES)]
    Check {
        /// Also list each source's entities and the rule that found each
        #[arg(long, short)]
        verbose: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Write the corpus, or the events a filter keeps, as JSON, TimelineJS, CSV, annotations or Markdown
    #[command(after_help = EXAMPLES)]
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = export::Format::Json)]
        format: export::Format,
        /// Write to FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: export::FilterArgs,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Say where the configuration file is and whether it reads well; --default prints the defaults
    Config {
        /// Print the default configuration (keys you leave out keep these values)
        #[arg(long)]
        default: bool,
    },
    /// Say where the cache of extractions is and how big; `annals cache clear` empties it
    Cache {
        #[command(subcommand)]
        action: Option<cache::Action>,
    },
    /// Print the manual page (roff), e.g. `annals man > annals.1`
    Man,
    /// Write a synthetic corpus (for benchmarks)
    #[command(hide = true)]
    Generate {
        /// Total size: 500K, 10M, 1G
        #[arg(long, value_parser = annals::text::parse_size, default_value = "10M")]
        size: usize,
        /// Size of each document
        #[arg(long, value_parser = annals::text::parse_size, default_value = "20K")]
        doc_size: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// One document of an adversarial shape instead (prose, dated_run_on, meetings_run_on, commas, capitalised, dates, nested_markup, base64, long_word, title_row)
        #[arg(long, value_parser = generate::parse_shape)]
        shape: Option<annals::synth::Shape>,
        /// The folder to write into
        dir: PathBuf,
    },
}

#[derive(Args, Clone)]
pub struct InputArgs {
    /// Documents or folders to read (.txt, .md, .markdown, .html, .htm, or no extension); the bundled corpus when none
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Refuse files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = ingest::DEFAULT_MAX_BYTES)]
    max_file_size: u64,
    /// Extract every document again, neither reading nor writing the cache
    #[arg(long)]
    no_cache: bool,
}

/// Runs `command` on what was loaded, and leaves it to the process's end
/// to free: freeing a gigabyte's corpus piece by piece took a tenth of a
/// second for every three of reading it.
fn without_freeing(loaded: Loaded, command: impl FnOnce(&Loaded) -> ExitCode) -> ExitCode {
    let code = command(&loaded);
    loaded.cache.report(); // the corpus kept before the process ends
    std::mem::forget(loaded);
    code
}

/// A built corpus and what failed to load.
pub struct Loaded {
    /// Shared with the thread keeping it in the cache.
    pub corpus: Arc<Corpus>,
    pub failures: Vec<Failure>,
    pub cache: Keeping,
}

/// A built corpus being kept in the cache, on a thread of its own, after
/// which the cache is brought within its limit: the browser shows the
/// corpus first (at a gigabyte, written alongside the merge, it slowed
/// merging by a fifth on two cores), then lets it be kept ([`Keeping::go`]).
pub struct Keeping {
    thread: Mutex<Option<JoinHandle<CacheReport>>>,
    report: OnceLock<CacheReport>,
    /// Let go when the thread may write: once the corpus is on the screen
    /// (while the browser prepares it, a gigabyte's write took a core), or
    /// when the report is asked for.
    wait: Mutex<Option<std::sync::mpsc::Sender<()>>>,
}

impl Keeping {
    fn start(cache: Option<annals::pipeline::Cache>, unkept: Option<Unkept>, corpus: Arc<Corpus>) -> Self {
        let (wait, go) = std::sync::mpsc::channel::<()>();
        let keep = move || {
            let _ = go.recv(); // an error: `wait` was let go
            cache.map_or_else(CacheReport::default, |cache| {
                cache.keep(unkept, &corpus);
                cache.evict();
                CacheReport::of(&cache)
            })
        };
        // Without a thread (none can be started), the corpus is not kept.
        let thread = std::thread::Builder::new().name("annals-keep".into()).spawn(keep).ok();
        Keeping { thread: Mutex::new(thread), report: OnceLock::new(), wait: Mutex::new(Some(wait)) }
    }

    /// Lets the corpus be kept now: it is on the screen.
    pub fn go(&self) {
        self.wait.lock().unwrap_or_else(PoisonError::into_inner).take();
    }

    /// How the cache served, once the corpus is kept: waits for it.
    pub fn report(&self) -> &CacheReport {
        self.go();
        self.report.get_or_init(|| {
            let thread = self.thread.lock().unwrap_or_else(PoisonError::into_inner).take();
            // A first open of a gigabyte quit at once has seconds of writing
            // left: said, not a silent wait (a short one is not).
            let quick = std::time::Instant::now() + std::time::Duration::from_millis(300);
            let busy = || thread.as_ref().is_some_and(|t| !t.is_finished());
            while busy() && std::time::Instant::now() < quick {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            if busy() && std::io::stderr().is_terminal() {
                eprintln!("annals: finishing writing the cache (Ctrl-C skips the rest; the next open is then slower)");
            }
            thread.and_then(|t| t.join().ok()).unwrap_or_default()
        })
    }
}

/// What the cache did for a build.
#[derive(Default)]
pub struct CacheReport {
    /// `cache: 511 of 511 extractions reused (~/.cache/annals)`, when there is one.
    pub summary: Option<String>,
    /// Entries found damaged and rebuilt, and a cache that could not be written.
    pub warnings: Vec<String>,
}

impl CacheReport {
    fn of(cache: &annals::pipeline::Cache) -> Self {
        use std::sync::atomic::Ordering::Relaxed;
        let stats = &cache.stats;
        let (hits, extracted) = (stats.hits.load(Relaxed), stats.extracted.load(Relaxed));
        let (runs_read, runs_merged) = (stats.runs_read.load(Relaxed), stats.runs_merged.load(Relaxed));
        let merge = match stats.whole.load(Relaxed) {
            true => ", and their merge".to_string(),
            false if runs_read + runs_merged > 0 => format!(", {runs_read} of {} merged runs", runs_read + runs_merged),
            false => String::new(),
        };
        let root = cache.root().display();
        let summary = format!("cache: {hits} of {} extractions reused{merge} ({root})", hits + extracted);
        let mut warnings: Vec<String> = (stats.rebuilt.lock().unwrap_or_else(|p| p.into_inner()).iter())
            .map(|what| format!("cache: the entry of {what} was damaged; made again"))
            .collect();
        if let Some(why) = stats.unwritable.lock().unwrap_or_else(|p| p.into_inner()).take() {
            warnings.push(format!("cache: cannot write ({why}); going on without it"));
        }
        CacheReport { summary: Some(summary), warnings }
    }
}

/// What is to be read, found before any of it is: the assets with the
/// folders' corpus files applied, the documents, and what already failed.
/// The pipeline is compiled in `build`, so that a browser's loading thread
/// compiles it while the terminal is being set up.
pub struct Plan {
    assets: Assets,
    name: String,
    documents: Documents,
    max_file_size: u64,
    failures: Vec<Failure>,
    cache: Option<annals::pipeline::Cache>,
}

enum Documents {
    Bundled(Vec<ingest::Input>),
    Files(Vec<PathBuf>),
}

impl Plan {
    /// How many documents there are to read.
    pub fn len(&self) -> usize {
        match &self.documents {
            Documents::Bundled(inputs) => inputs.len(),
            Documents::Files(files) => files.len(),
        }
    }

    /// Reads and builds, watched from another thread.
    pub fn build(self, watch: &Watch) -> Loaded {
        let Plan { assets, name, documents, max_file_size, failures, cache } = self;
        let mut pipeline = Pipeline::new(assets);
        if let Some(cache) = cache {
            pipeline = pipeline.with_cache(cache);
        }
        let Built { corpus, failures, unkept } = match documents {
            Documents::Bundled(inputs) => {
                let (corpus, failures) = pipeline.build_watched(&name, inputs, failures, watch);
                Built { corpus, failures, unkept: None }
            }
            Documents::Files(files) => pipeline.build_files(&name, files, max_file_size, failures, watch),
        };
        let corpus = Arc::new(corpus);
        let cache = Keeping::start(pipeline.into_cache(), unkept, corpus.clone());
        Loaded { corpus, failures, cache }
    }

    /// Builds with a progress line on standard error.
    pub fn build_with_progress(self) -> Loaded {
        let progress = progress::Progress::start(self.len());
        let loaded = self.build(&progress.watch);
        progress.finish();
        loaded
    }
}

impl InputArgs {
    fn load(&self) -> Loaded {
        self.plan().build_with_progress()
    }

    pub fn plan(&self) -> Plan {
        annals::pipeline::precompile();
        let mut assets = Assets::bundled();
        let max_file_size = self.max_file_size;
        if self.paths.is_empty() {
            let name = assets.manifest.corpus.get("name").cloned().unwrap_or_else(|| "bundled corpus".into());
            let documents = Documents::Bundled(ingest::bundled_inputs());
            // Embedded and read in milliseconds: nothing to keep.
            return Plan { assets, name, documents, max_file_size, failures: Vec::new(), cache: None };
        }
        // Each folder's annals.toml is merged over the bundled assets; a bad
        // one is reported and the documents load without it.
        assets.manifest.corpus.clear(); // the bundled corpus's name is not theirs
        let mut failures = Vec::new();
        let mut ignored: Vec<(PathBuf, GlobSet)> = Vec::new();
        for folder in self.paths.iter().filter(|p| p.is_dir()) {
            let Some(read) = CorpusFile::read(folder) else { continue };
            match read.and_then(|file| {
                let ignore = file.ignored().clone();
                assets.merge(file).map(|()| ignore)
            }) {
                Ok(ignore) => ignored.push((folder.clone(), ignore)),
                Err(e) => failures.push(Failure {
                    path: format!("{}:{}:{}", e.path, e.line, e.column),
                    reason: format!("{} (the file is not applied)", e.message),
                }),
            }
        }
        let skip = |path: &Path| {
            ignored.iter().any(|(folder, globs)| path.strip_prefix(folder).is_ok_and(|rel| globs.is_match(rel)))
        };
        let (files, missing) = ingest::find_documents(&self.paths, &skip);
        failures.extend(missing);
        let name = assets.manifest.corpus.get("name").cloned().unwrap_or_else(|| corpus_name(&self.paths));
        let cache = self.cache();
        Plan { assets, name, documents: Documents::Files(files), max_file_size, failures, cache }
    }

    /// The cache for these paths (their folders' `annals.toml` are part of
    /// its namespace), unless `--no-cache`.
    fn cache(&self) -> Option<annals::pipeline::Cache> {
        use annals::pipeline::cache;
        if self.no_cache {
            return None;
        }
        let corpus_files: Vec<Vec<u8>> = self
            .paths
            .iter()
            .filter_map(|p| std::fs::read(p.join(annals::assets::corpus_file::FILE_NAME)).ok())
            .map(|bytes| annals::assets::corpus_file::without_corrections(&bytes))
            // A file of rejections alone is as none.
            .filter(|bytes| !bytes.trim_ascii().is_empty())
            .collect();
        let cache =
            annals::pipeline::Cache::new(cache::default_root()?, cache::namespace(&corpus_files), cache::limit());
        Some(cache.serving(&self.paths).deferring())
    }
}

fn corpus_name(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.file_name().map_or_else(|| one.display().to_string(), |n| n.to_string_lossy().into_owned()),
        _ => format!("{} paths", paths.len()),
    }
}

/// Prints the cache's warnings and the failures on standard error; the
/// exit status the failures call for.
pub fn report(loaded: &Loaded) -> ExitCode {
    for warning in &loaded.cache.report().warnings {
        eprintln!("annals: {warning}");
    }
    report_failures(&loaded.failures)
}

/// Prints the failures on standard error; the exit status they call for.
pub fn report_failures(failures: &[Failure]) -> ExitCode {
    for f in failures {
        eprintln!("annals: {}: {}", f.path, f.reason);
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => browse::run(cli.input),
        Some(Command::Check { verbose, input }) => without_freeing(input.load(), |l| check::run(l, verbose)),
        Some(Command::Export { format, output, filter, input }) => {
            let paths = input.paths.clone();
            without_freeing(input.load(), |l| export::run(l, format, &filter, output, &notes::layer(&paths, &l.corpus)))
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "annals", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Some(Command::Generate { size, doc_size, seed, shape, dir }) => match shape {
            Some(shape) => generate::write(std::iter::once(shape.document(size, seed)), usize::MAX, &dir),
            None => generate::write(annals::synth::documents(doc_size, seed), size, &dir),
        },
        Some(Command::Config { default }) => config::run(default),
        Some(Command::Cache { action }) => cache::run(action),
        Some(Command::Man) => match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("annals: cannot write the manual page: {e}");
                ExitCode::from(1)
            }
        },
    }
}
