//! Command line: `annals [PATH...]`, `annals check`, `annals export`.

mod browse;
mod check;
mod export;
mod summary;

use annals::ingest::{self, Failure};
use annals::model::Corpus;
use annals::pipeline::Pipeline;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  annals                              open the bundled corpus (U.S.–Mali relations)
  annals ~/cables ~/notes/brief.md    open these documents (folders are read recursively)
  annals check ~/cables               per source: encoding, repairs, date, claims, warnings
  annals export -o timeline.json      the bundled corpus as annals/1 JSON
  annals export ~/cables > out.json   any corpus, to standard output

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
        #[command(flatten)]
        input: InputArgs,
    },
    /// Write the corpus as annals/1 JSON
    #[command(after_help = EXAMPLES)]
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = export::Format::Json)]
        format: export::Format,
        /// Write to FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args, Clone)]
pub struct InputArgs {
    /// Documents or folders to read (.txt, .md, .markdown, .html, .htm, or no extension); the bundled corpus when none
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Refuse files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = ingest::DEFAULT_MAX_BYTES)]
    max_file_size: u64,
}

/// A built corpus and what failed to load.
pub struct Loaded {
    pub corpus: Corpus,
    pub failures: Vec<Failure>,
}

impl InputArgs {
    fn load(&self) -> Loaded {
        let pipeline = Pipeline::bundled();
        let (inputs, failures, name) = if self.paths.is_empty() {
            let name = pipeline.assets.manifest.corpus.get("name").cloned().unwrap_or_else(|| "bundled corpus".into());
            (ingest::bundled_inputs(), Vec::new(), name)
        } else {
            let (inputs, failures) = ingest::read_paths(&self.paths, self.max_file_size);
            (inputs, failures, corpus_name(&self.paths))
        };
        let (corpus, failures) = pipeline.build(&name, inputs, failures);
        Loaded { corpus, failures }
    }
}

fn corpus_name(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.file_name().map_or_else(|| one.display().to_string(), |n| n.to_string_lossy().into_owned()),
        _ => format!("{} paths", paths.len()),
    }
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
        None => browse::run(cli.input.load()),
        Some(Command::Check { input }) => check::run(input.load()),
        Some(Command::Export { format, output, input }) => export::run(input.load(), format, output),
    }
}
