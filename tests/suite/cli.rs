//! The command line on good and bad input: clear messages, the exit status
//! of the rule, and one bad file never stopping the others.

use crate::common;

use std::path::Path;
use std::process::Output;

fn annals(args: &[&str]) -> Output {
    common::annals_bin().args(args).output().expect("annals runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A folder with one good document and one bad one.
fn folder_with(name: &str, bad: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Mali and the United States established diplomatic relations in 1960.")
        .unwrap();
    std::fs::write(dir.path().join(name), bad).unwrap();
    dir
}

fn check(path: &Path) -> Output {
    annals(&["check", path.to_str().unwrap()])
}

#[test]
fn bundled_corpus_checks_clean() {
    let o = annals(&["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("seeds/004_6577974c351d32be.txt"));
    assert!(out.contains("2009-11-30  (text: DECL: 11/30/2019 minus ten years"));
    assert!(out.contains("mojibake repairs 20"));
    assert!(out.contains("5 loaded, 0 failed"));
}

#[test]
fn a_missing_path_is_named_and_fails() {
    let o = annals(&["check", "/no/such/place"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/place: no such file or folder"), "{}", stderr(&o));
}

#[test]
fn a_folder_with_no_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.json"), "{}").unwrap();
    let o = check(dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no documents in this folder"), "{}", stderr(&o));
}

#[test]
fn bad_files_are_reported_and_the_rest_loads() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty file (0 bytes)"),
        ("blank.txt", b"  \n\t\n", "no text"),
        ("binary.txt", b"abc\x00\x01\x02def", "binary file (NUL bytes)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image)"),
    ];
    for (name, bytes, reason) in cases {
        let dir = folder_with(name, bytes);
        let o = check(dir.path());
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(stderr(&o).contains(&format!("{name}: {reason}")), "{name}: {}", stderr(&o));
        assert!(stdout(&o).contains("good.txt"), "{name}: the good file still loads");
        assert!(stdout(&o).contains("1 loaded, 1 failed"), "{name}: {}", stdout(&o));
    }
}

#[test]
fn odd_encodings_load_with_a_note() {
    for input in common::encoded_inputs() {
        let dir = folder_with(input.file_name(), &input.bytes);
        let o = check(dir.path());
        assert!(o.status.success(), "{}: {}", input.path, stderr(&o));
        assert!(stdout(&o).contains("2 loaded, 0 failed"));
    }
    let dir = folder_with("broken.txt", b"Goita \xc3\xaf and \xff\xfe broken 2013 bytes \xc3\xa9t\xc3\xa9");
    let o = check(dir.path());
    assert!(o.status.success());
    assert!(stdout(&o).contains("invalid UTF-8 byte(s)"), "{}", stdout(&o));
}

#[test]
fn export_writes_annals_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = annals(&["export", "--format", "json", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["schema"], "annals/1");
    assert_eq!(v["sources"].as_array().unwrap().len(), 5);
}

#[test]
fn export_of_a_partly_bad_folder_exits_one_with_the_good_part() {
    let dir = folder_with("bad.txt", b"\x00\x00");
    let o = annals(&["export", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_two_and_help_has_examples() {
    assert_eq!(annals(&["export", "--format", "pdf"]).status.code(), Some(2));
    assert_eq!(annals(&["--no-such-flag"]).status.code(), Some(2));
    let help = stdout(&annals(&["--help"]));
    assert!(help.contains("Examples:") && help.contains("annals export"), "{help}");
}

#[test]
fn oversized_files_name_the_limit_and_the_flag() {
    let dir = folder_with("big.txt", &vec![b'a'; 2048]);
    let o = annals(&["check", "--max-file-size", "1000", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("over the limit of 1000 bytes") && err.contains("--max-file-size"), "{err}");
}

#[test]
fn the_summary_lists_the_timeline() {
    let o = annals(&[]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("U.S.–Mali relations: 5 sources"), "{out}");
    assert!(out.contains("2009-11-27"));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let o = annals(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let script = stdout(&o);
        assert!(script.contains("annals") && script.contains("timelinejs"), "{shell}: {script}");
    }
    let man = stdout(&annals(&["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH annals"), "{man}");
    assert!(man.contains("export") && man.contains("completions"));
    assert_eq!(annals(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn export_filters_and_their_errors() {
    let o = annals(&["export", "--format", "csv", "--actor", "william ward", "--from", "2009", "--to", "2009-12"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = csv::Reader::from_reader(o.stdout.as_slice()).records().count();
    assert_eq!(rows, 2, "the two claims of Ward's meeting:\n{}", stdout(&o));
    let o = annals(&["export", "--actor", "keita"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`keita` names 2 entities: Modibo Keïta, Ibrahim Boubacar Keïta"), "{}", stderr(&o));
    let o = annals(&["export", "--from", "spring"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`spring` is not a date"));
}

/// A reader that goes away before annals writes (`annals | head -1`) ends
/// the output quietly: no panic, success.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    for args in [&["seeds"][..], &["check", "seeds"], &["export", "--format", "csv", "seeds"]] {
        let mut child = common::annals_bin()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("annals runs");
        drop(child.stdout.take()); // closed before anything is written
        let o = child.wait_with_output().expect("annals ends");
        assert!(o.status.success(), "{args:?}: {:?} {}", o.status, stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_failed_export_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = annals(&["export", "-o", out.to_str().unwrap(), "/no/such/place"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing exported"), "{}", stderr(&o));
    assert!(!out.exists(), "a failed export left a file");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no temporary file is left");
}

#[test]
fn a_date_range_that_ends_before_it_starts_is_a_usage_error() {
    let o = annals(&["export", "--from", "2013", "--to", "2012", "seeds"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--from 2013 is after --to 2012"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn check_verbose_says_which_rule_found_each_entity() {
    let dir = tempfile::tempdir().unwrap();
    let text = "In 2019 the convoy was led by Jeremiah Johnson near Tiloa, and Mali protested.\n";
    std::fs::write(dir.path().join("doc.txt"), text).unwrap();
    let o = annals(&["check", "--verbose", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "entity     Jeremiah Johnson (person), found by given name",
        "entity     Mali (country), found by gazetteer",
        "entity     Tiloa (place), found by place cue",
    ] {
        assert!(out.contains(line), "{line:?} in\n{out}");
    }
    assert!(!stdout(&check(dir.path())).contains("found by"), "only with --verbose");
}
