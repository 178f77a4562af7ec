//! The direction of the code: a module uses only modules below it.
//! `text` < `model` < `assets` < `ingest` < `extract` < `pipeline`, `synth`
//! < `export`, `notes` < `tui` < `cli`. Test modules inside a file are left out: a
//! test may build a corpus to check what it reads.

use std::path::{Path, PathBuf};

const LAYERS: [(&str, u8); 11] = [
    ("text", 0),
    ("model", 1),
    ("assets", 2),
    ("ingest", 3),
    ("extract", 4),
    ("pipeline", 5),
    ("synth", 5),
    ("export", 6),
    ("notes", 5),
    ("tui", 7),
    ("cli", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(name, _)| *name == module).map(|(_, rank)| *rank)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules named as `crate::module` in `source` before its tests.
fn uses(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut used = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        used.push(name);
    }
    used
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let top =
            relative.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        let Some(rank) = layer(&top) else {
            continue; // lib.rs, main.rs and the fuzzing entry point stand above everything
        };
        for used in uses(&std::fs::read_to_string(file).unwrap()) {
            if layer(&used).is_some_and(|r| r > rank) {
                wrong.push(format!("{} uses crate::{used}", relative.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "lower layers use higher ones:\n{}", wrong.join("\n"));
}

#[test]
fn the_layering_check_sees_a_wrong_use() {
    assert_eq!(uses("use crate::tui::State;\n#[cfg(test)]\nuse crate::cli;"), ["tui"]);
    assert!(layer("model") < layer("tui"));
}
