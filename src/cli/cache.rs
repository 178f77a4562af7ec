//! `annals cache`: where the cache of extractions is and how big it is;
//! `annals cache clear` empties it.

use annals::pipeline::cache;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum Action {
    /// Remove every entry (the next open extracts every document again)
    Clear,
}

pub fn run(action: Option<Action>) -> ExitCode {
    let Some(root) = cache::default_root() else {
        eprintln!("annals: no cache folder on this system (set ANNALS_CACHE_DIR)");
        return ExitCode::from(1);
    };
    match action {
        None => {
            let (entries, bytes) = cache::usage(&root);
            let limit = cache::limit();
            println!("{}", root.display());
            println!(
                "{} · {} of {} (ANNALS_CACHE_SIZE changes the limit)",
                annals::text::count(entries, "entry"),
                megabytes(bytes),
                megabytes(limit)
            );
            ExitCode::SUCCESS
        }
        Some(Action::Clear) => match cache::clear(&root) {
            Ok(removed) => {
                println!("{}: {} removed", root.display(), annals::text::count(removed, "entry"));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("annals: cannot clear {}: {e}", root.display());
                ExitCode::from(1)
            }
        },
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}
