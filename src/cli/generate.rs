//! `annals generate` (hidden): writes a synthetic corpus, or one document
//! of an adversarial shape, for benchmarks.

use annals::ingest::Input;
use annals::synth::Shape;
use std::path::Path;
use std::process::ExitCode;

/// One of [`Shape::ALL`] by its name.
pub fn parse_shape(text: &str) -> Result<Shape, String> {
    let names = || Shape::ALL.map(Shape::name).join(", ");
    Shape::ALL.into_iter().find(|s| s.name() == text).ok_or_else(|| format!("`{text}`: expected one of {}", names()))
}

/// Writes `documents` into `dir` until `total` bytes are written.
pub fn write(documents: impl Iterator<Item = Input>, total: usize, dir: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("annals: cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    let (mut written, mut count) = (0usize, 0usize);
    for input in documents {
        if written >= total {
            break;
        }
        let path = dir.join(input.file_name());
        if let Err(e) = std::fs::write(&path, &input.bytes) {
            eprintln!("annals: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        written += input.bytes.len();
        count += 1;
    }
    println!("{count} documents, {written} bytes in {}", dir.display());
    ExitCode::SUCCESS
}
