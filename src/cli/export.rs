//! `annals export`: the corpus, or the events a filter keeps, in a format.

use super::{output, report, Loaded};
use annals::export::select::{self, Filter};
use annals::export::{annotations, csv, json, markdown, timelinejs};
use annals::model::{Corpus, EventId};
use annals::notes::Layer;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// annals/1 JSON (ARCHITECTURE.md)
    Json,
    /// TimelineJS3 JSON: open it with TimelineJS
    Timelinejs,
    /// One row per claim, ACLED-style columns, with quote and byte span
    Csv,
    /// W3C Web Annotations (JSON-LD), one per claim
    Annotations,
    /// A chronology brief in Markdown, with footnoted quotes
    Markdown,
}

/// What `--actor`, `--from`, `--to` and `--kind` said.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct FilterArgs {
    /// Only events this entity takes part in (its name, an alias or its id; accents optional)
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Only events on or after this date (2012, 2012-03, 2012-03-22, FY2014)
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only events on or before this date
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only events of these kinds (repeat it, or separate with commas)
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    kind: Vec<String>,
}

impl FilterArgs {
    fn filter(&self, corpus: &Corpus) -> Result<Filter, String> {
        let actor = self.actor.as_deref().map(|a| select::find_actor(corpus, a)).transpose()?;
        let from = self.from.as_deref().map(|d| select::date_bound(d, false)).transpose()?;
        let to = self.to.as_deref().map(|d| select::date_bound(d, true)).transpose()?;
        if let (Some(from), Some(to), Some(f), Some(t)) = (from, to, &self.from, &self.to) {
            if from > to {
                return Err(format!("--from {f} is after --to {t}: no date lies between them"));
            }
        }
        Ok(Filter { actor, from, to, kinds: self.kind.clone() })
    }
}

/// Writes the export of `loaded`, with the analyst's `notes` where the format has room for them.
pub fn run(loaded: &Loaded, format: Format, filter: &FilterArgs, output: Option<PathBuf>, notes: &Layer) -> ExitCode {
    let corpus = &loaded.corpus;
    let events = match filter.filter(corpus) {
        Ok(f) => f.events(corpus),
        Err(message) => {
            eprintln!("annals: {message}");
            return ExitCode::from(2);
        }
    };
    if corpus.sources.is_empty() {
        eprintln!("annals: no document could be loaded; nothing exported");
        report(loaded);
        return ExitCode::from(1);
    }
    let print = |out: &mut dyn Write| write(corpus, &events, notes, format, out);
    let written = match &output {
        Some(path) => output::to_file(path, print),
        None => output::to_stdout(print),
    };
    if let Err(e) = written {
        let target = output.map_or("standard output".to_string(), |p| p.display().to_string());
        eprintln!("annals: cannot write {target}: {e}");
        return ExitCode::from(1);
    }
    report(loaded)
}

fn write(corpus: &Corpus, events: &[EventId], notes: &Layer, format: Format, out: impl Write) -> io::Result<()> {
    match format {
        Format::Json => json::write_with_notes(corpus, events, notes, out),
        Format::Timelinejs => timelinejs::write(corpus, events, out),
        Format::Csv => csv::write(corpus, events, out),
        Format::Annotations => annotations::write_with_notes(corpus, events, notes, out),
        Format::Markdown => markdown::write_with_notes(corpus, events, notes, out),
    }
}
