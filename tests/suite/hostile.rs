//! Hostile documents, one test each: the fixture sits in a folder beside a
//! good document, and `annals check` and `annals export` must name the path
//! and the reason, load the good document anyway, and exit by the rule
//! (0 when everything loaded, 1 when something was refused). Files that
//! cannot be committed (huge, FIFO, unreadable, link loops) are made here.

use crate::common;

use annals::ingest::{self, DEFAULT_MAX_BYTES};
use std::path::{Path, PathBuf};
use std::time::Duration;

const GOOD: &str = "Mali and the United States established diplomatic relations in 1960.\n";
const CLAIM: &str = "On 22 March 2012, soldiers led by Captain Amadou Sanogo ousted President Amadou Toumani Touré. ";
/// Generous: the slowest fixture (10 MB on one line) takes seconds.
const LIMIT: Duration = Duration::from_secs(120);

enum Expect {
    /// Loads; `check` prints each of these lines for it.
    Loads(Vec<String>),
    /// Refused with this reason.
    Refused(String),
}
use Expect::*;

/// A folder holding `good.txt` and the fixture; the fixture's path.
struct Folder {
    dir: tempfile::TempDir,
    fixture: PathBuf,
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    dir
}

fn committed(name: &str) -> Folder {
    let dir = folder();
    let fixture = dir.path().join(name);
    std::fs::copy(common::fixtures().join("hostile").join(name), &fixture).unwrap();
    Folder { dir, fixture }
}

fn generated(name: &str, make: impl FnOnce(&Path)) -> Folder {
    let dir = folder();
    let fixture = dir.path().join(name);
    make(&fixture);
    Folder { dir, fixture }
}

fn assert_reports(folder: &Folder, extra_args: &[&str], expect: Expect) {
    let dir = folder.dir.path().to_str().unwrap();
    let path = folder.fixture.display().to_string();
    let check = common::annals_within(&[&["check"], extra_args, &[dir]].concat(), LIMIT);
    let out = tempfile::NamedTempFile::new().unwrap();
    let out_path = out.path().to_str().unwrap();
    let export = common::annals_within(&[&["export", "-o", out_path], extra_args, &[dir]].concat(), LIMIT);
    assert!(check.stdout.contains("good.txt"), "the good document loads:\n{}", check.stdout);
    let exported: serde_json::Value = serde_json::from_slice(&std::fs::read(out.path()).unwrap()).unwrap();
    let exported_paths: Vec<&str> =
        exported["sources"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert!(exported_paths.iter().any(|p| p.ends_with("good.txt")), "{exported_paths:?}");
    match expect {
        Loads(lines) => {
            assert_eq!((check.code, export.code), (Some(0), Some(0)), "{}{}", check.stderr, export.stderr);
            let report = source_report(&check.stdout, &path);
            for line in &lines {
                assert!(report.contains(line.as_str()), "check says of {path}:\n{report}\nexpected: {line}");
            }
            assert!(check.stdout.contains("2 loaded, 0 failed"), "{}", check.stdout);
            assert!(exported_paths.contains(&path.as_str()), "{exported_paths:?}");
        }
        Refused(reason) => {
            assert_eq!((check.code, export.code), (Some(1), Some(1)));
            let said = format!("annals: {path}: {reason}");
            assert!(check.stderr.contains(&said), "check:\n{}\nexpected: {said}", check.stderr);
            assert!(export.stderr.contains(&said), "export:\n{}\nexpected: {said}", export.stderr);
            assert!(check.stdout.contains("1 loaded, 1 failed"), "{}", check.stdout);
            assert_eq!(exported_paths.len(), 1);
        }
    }
}

/// The lines `check` printed about one source.
fn source_report(stdout: &str, path: &str) -> String {
    let start = stdout.find(&format!("{path}\n")).unwrap_or_else(|| panic!("{path} not reported:\n{stdout}"));
    stdout[start..].lines().take_while(|l| l.starts_with(' ') || l.starts_with(path)).collect::<Vec<_>>().join("\n")
}

/// The library's view of a loadable fixture: spans keep the provenance
/// contract and the clean text holds nothing a terminal would obey.
fn assert_inert(path: &Path) {
    let (inputs, failures) = ingest::read_paths(&[path.to_path_buf()], DEFAULT_MAX_BYTES);
    assert!(failures.is_empty(), "{failures:?}");
    let corpus = common::build(inputs.clone());
    common::assert_provenance(&corpus, &inputs);
    assert!(!corpus.claims.is_empty(), "{}: the claims in it are still found", path.display());
    for source in &corpus.sources {
        let bad = source
            .text
            .chars()
            .find(|&c| c != '\n' && annals::tui::view::theme::inert(&c.to_string()) != c.to_string());
        assert_eq!(bad, None, "{}", source.path);
    }
}

fn lines(lines: &[&str]) -> Expect {
    Loads(lines.iter().map(|l| l.to_string()).collect())
}

fn refused(reason: &str) -> Expect {
    Refused(reason.to_string())
}

fn loads(name: &str, expected: &[&str]) {
    let folder = committed(name);
    assert_reports(&folder, &[], lines(expected));
    assert_inert(&folder.fixture);
}

#[test]
fn escape_and_csi_sequences() {
    loads("escape_csi.txt", &["6 terminal escape sequence(s) shown as ␛", "claims     2"]);
}

#[test]
fn osc_window_title() {
    loads("osc_title.txt", &["2 terminal escape sequence(s) shown as ␛"]);
}

#[test]
fn osc_52_clipboard_write() {
    loads("osc52_clipboard.txt", &["1 terminal escape sequence(s) shown as ␛"]);
}

#[test]
fn c1_controls() {
    loads(
        "c1_controls.txt",
        &["2 terminal escape sequence(s) shown as ␛", "3 control or invisible character(s) removed"],
    );
}

#[test]
fn bidi_overrides_and_isolates() {
    loads("bidi_override.txt", &["8 control or invisible character(s) removed (C0/C1, bidi, zero-width)"]);
}

#[test]
fn zero_width_characters() {
    loads("zero_width.txt", &["5 control or invisible character(s) removed", "claims     2"]);
}

#[test]
fn tabs() {
    loads("tabs.txt", &["encoding UTF-8", "claims     2"]);
}

#[test]
fn cr_only_line_endings() {
    loads("cr_only.txt", &["claims     2"]);
}

#[test]
fn mixed_line_endings() {
    loads("mixed_line_endings.txt", &["claims     2"]);
}

#[test]
fn nul_bytes_inside_text() {
    loads("nul_inside.txt", &["2 control or invisible character(s) removed"]);
}

#[test]
fn invalid_utf8() {
    loads("invalid_utf8.txt", &["encoding UTF-8 (invalid bytes replaced)", "8 invalid UTF-8 byte(s) shown as �"]);
}

#[test]
fn utf16_le_with_bom() {
    loads("utf16le_bom.txt", &["encoding UTF-16LE", "claims     2"]);
}

#[test]
fn utf16_be_with_bom() {
    loads("utf16be_bom.txt", &["encoding UTF-16BE", "claims     2"]);
}

#[test]
fn latin1_without_declaration() {
    loads("latin1.txt", &["encoding windows-1252", "decoded as windows-1252"]);
}

#[test]
fn windows1252_without_declaration() {
    loads("windows1252.txt", &["encoding windows-1252", "claims     2"]);
}

#[test]
fn unterminated_cable_markup() {
    loads("unterminated_hint.txt", &["claims     2"]);
}

#[test]
fn unterminated_html_tag() {
    loads("unterminated_tag.html", &["claims     2"]);
}

#[test]
fn valid_json_named_txt() {
    loads("data_json.txt", &["claims     3"]);
}

#[test]
fn empty_file() {
    assert_reports(&committed("empty.txt"), &[], refused("empty file (0 bytes)"));
}

#[test]
fn whitespace_only_file() {
    assert_reports(&committed("whitespace_only.txt"), &[], refused("no text (only whitespace or markup)"));
}

#[test]
fn png_renamed_txt() {
    assert_reports(&committed("png_renamed.txt"), &[], refused("binary file (PNG image); skipped"));
}

#[test]
fn ten_megabytes_on_one_line() {
    let line = CLAIM.repeat(10 * 1024 * 1024 / CLAIM.len() + 1);
    let line = &line[..10 * 1024 * 1024];
    let folder = generated("one_line.txt", |p| std::fs::write(p, line).unwrap());
    let claims = format!("claims     {}  entities", line.matches("22 March 2012").count());
    assert_reports(&folder, &[], lines(&["bytes      10485760", &claims]));
}

#[test]
fn two_hundred_thousand_lines() {
    let folder = generated("many_lines.txt", |p| {
        let text: String = (0..200_000).map(|i| format!("The mission was renewed in {}.\n", 1990 + i % 30)).collect();
        std::fs::write(p, text).unwrap()
    });
    assert_reports(&folder, &[], lines(&["claims     200000  entities 0"]));
}

#[test]
fn deeply_nested_html() {
    let folder = generated("nested.html", |p| {
        let html =
            format!("<html><body>{}<p>{CLAIM}</p>{}</body></html>", "<div>".repeat(20_000), "</div>".repeat(20_000));
        std::fs::write(p, html).unwrap()
    });
    assert_reports(&folder, &[], lines(&["claims     1"]));
    assert_inert(&folder.fixture);
}

#[test]
fn symbolic_link_loop() {
    let folder = generated("loop", |p| std::os::unix::fs::symlink(p.parent().unwrap(), p).unwrap());
    assert_reports(&folder, &[], refused("symbolic link loop"));
}

#[test]
fn fifo_does_not_block() {
    let folder = generated("pipe.txt", |p| {
        assert!(std::process::Command::new("mkfifo").arg(p).status().unwrap().success());
    });
    assert_reports(&folder, &[], refused("not a regular file (a FIFO, socket or device); skipped"));
}

#[test]
fn file_over_the_size_limit() {
    let folder = generated("big.txt", |p| std::fs::write(p, CLAIM.repeat(40)).unwrap());
    let reason = format!(
        "file is {} bytes, over the limit of 1000 bytes (the default is {DEFAULT_MAX_BYTES}; change it with --max-file-size BYTES)",
        CLAIM.len() * 40
    );
    assert_reports(&folder, &["--max-file-size", "1000"], Refused(reason));
    assert_reports(&folder, &["--max-file-size", "100000"], lines(&["claims     40"]));
}

/// As root every file is readable, so the test runs annals as `nobody`.
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let folder = generated("locked.txt", |p| std::fs::write(p, GOOD).unwrap());
    let set_mode = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    set_mode(&folder.fixture, 0o000);
    set_mode(folder.dir.path(), 0o755);
    set_mode(&folder.dir.path().join("good.txt"), 0o644);
    let dir = folder.dir.path().to_str().unwrap();
    let run = if is_root() {
        let mut command = std::process::Command::new("setpriv");
        command.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_annals"),
            "check",
            "--no-cache",
            dir,
        ]);
        common::annals_command(&mut command, LIMIT)
    } else {
        common::annals_within(&["check", dir], LIMIT)
    };
    let said = format!("annals: {}: permission denied (unreadable)", folder.fixture.display());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains(&said), "{}", run.stderr);
    assert!(run.stdout.contains("1 loaded, 1 failed"), "{}", run.stdout);
}

fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}
