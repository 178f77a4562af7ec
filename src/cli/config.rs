//! `annals config`: where the user's configuration is and whether it reads
//! well; `--default` prints the defaults to start one from.

use super::output;
use annals::tui::config;
use std::process::ExitCode;

pub fn run(default: bool) -> ExitCode {
    let mut mistaken = false;
    let printed = output::to_stdout(|out| {
        if default {
            return out.write_all(config::default_text().as_bytes());
        }
        match config::path() {
            None => writeln!(out, "no configuration folder on this system: the defaults are used"),
            Some(path) if !path.exists() => writeln!(
                out,
                "{}: none yet, the defaults are used (`annals config --default > {}` starts one)",
                path.display(),
                path.display()
            ),
            Some(path) => match config::load() {
                (_, Some(problem)) => {
                    mistaken = true;
                    writeln!(out, "{problem}")
                }
                (_, None) => writeln!(out, "{}: read, no mistakes", path.display()),
            },
        }
    });
    match printed {
        Ok(()) if mistaken => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annals: cannot write: {e}");
            ExitCode::from(1)
        }
    }
}
