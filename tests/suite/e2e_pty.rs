//! The real binary in a pseudo-terminal: a person's walk through it, and
//! every way out (q, Ctrl-c, SIGTERM, a load error, a panic) leaving the
//! terminal as it was, and a terminal that vanishes ending annals.

use crate::common;

use common::pty::Session;

#[test]
fn jump_to_ward_then_quit_restores_the_terminal() {
    let mut s = Session::start(40, 120);
    s.wait_for(&["Timeline", "Entities"]);
    assert!(s.raw_mode(), "raw mode while browsing");
    s.send(b"\x10");
    s.wait_for(&["Jump to"]);
    s.send(b"ward");
    s.wait_for(&["William E. Ward"]);
    s.send(b"\r");
    let screen = s.wait_for(&["filter: William E. Ward", "2009-11-27"]);
    assert!(screen.contains("On November 27 the Ambassador"), "{screen}");
    assert!(screen.contains("Africa Command"), "{screen}");
    s.quit();
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut s = Session::start(24, 80);
    s.wait_for(&["Timeline"]);
    s.send(b"\x03");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(24, 80);
    s.wait_for(&["Timeline"]);
    let pid = s.child.process_id().expect("a pid");
    let killed = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    s.wait_exit();
    s.assert_restored();
}

/// The terminal window closed under annals: every end of the pseudo-terminal
/// is closed, the kernel hangs up, and annals ends rather than spinning on a
/// terminal that is gone.
#[test]
fn a_terminal_that_vanishes_ends_annals() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::Read;
    use std::time::{Duration, Instant};
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
    cmd.env("TERM", "xterm-256color");
    // The tests do not read the configuration of whoever runs them.
    cmd.env("ANNALS_CONFIG", "/nonexistent/annals-test-config.toml");
    let mut child = pair.slave.spawn_command(cmd).expect("annals starts");
    drop(pair.slave);
    // Read until the browser is drawn, then let go of the reading end too.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (mut seen, mut buf) = (Vec::new(), [0u8; 8192]);
    while !seen.windows(8).any(|w| w == b"Timeline") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "annals ended before drawing");
        seen.extend_from_slice(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("annals was still running 10 s after its terminal vanished");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_forced_panic_restores_then_prints_the_message() {
    let mut s = Session::with(24, 80, &[], &[("ANNALS_TEST_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    let text = s.text();
    let left = text.rfind("\x1b[?1049l").unwrap();
    let message = text.find("forced panic for testing").expect("the panic message is printed");
    assert!(message > left, "printed after the terminal was restored:\n{text:?}");
}

#[test]
fn nothing_loadable_exits_one_without_taking_the_terminal() {
    let mut s = Session::with(24, 80, &["/no/such/place"], &[]);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1);
    let text = s.text();
    assert!(text.contains("/no/such/place: no such file or folder"), "{text}");
    assert!(text.contains("nothing to browse"), "{text}");
    assert!(!text.contains("\x1b[?1049h"), "the alternate screen was never entered");
    assert!(!s.raw_mode());
}

#[test]
fn a_load_error_is_noticed_then_listed_after_quitting() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Mali and the United States established relations in 1960.\n").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let mut s = Session::with(24, 100, &[dir.path().to_str().unwrap()], &[]);
    s.wait_for(&["1 file not loaded:", "empty.txt: empty file (0 bytes)", "1960"]);
    s.send(b"j");
    let screen = s.wait_for(&["Timeline"]);
    assert!(!screen.contains("not loaded"), "the notice goes at the first key:\n{screen}");
    s.send(b"q");
    assert_eq!(s.wait_exit().exit_code(), 1);
    s.assert_restored();
    let text = s.text();
    let listed = text.rfind("empty.txt: empty file (0 bytes)").expect("the failure is listed");
    assert!(listed > text.rfind("\x1b[?1049l").unwrap(), "listed after the terminal was restored");
}

#[test]
fn a_large_corpus_shows_progress_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    for input in annals::synth::corpus(300_000, 3_000, 3) {
        std::fs::write(dir.path().join(input.file_name()), &input.bytes).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let mut s = Session::with(24, 100, &["check", "--no-cache", path], &[]);
    assert!(s.wait_exit().success());
    let text = s.text();
    let last = text.rfind("documents").expect("a progress line was shown");
    assert!(text.contains("reading ") && text[last..].contains("\r\x1b[2K"), "and cleared: {text:?}");
    let piped = common::annals_within(&["check", path], std::time::Duration::from_secs(60));
    assert!(!piped.stderr.contains("reading"), "no progress line into a pipe: {}", piped.stderr);
}

/// A corpus that takes a few seconds to load in a test build, shared by the
/// tests that watch the loading screen.
static SLOW_CORPUS: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    for input in annals::synth::corpus(6 << 20, 20_000, 5) {
        std::fs::write(dir.path().join(input.file_name()), &input.bytes).unwrap();
    }
    dir
});

#[test]
fn a_large_corpus_opens_behind_a_gauge_then_browses() {
    let path = SLOW_CORPUS.path().to_str().unwrap();
    // Extracted every time: a cache warmed by another test would skip the loading watched here.
    let mut s = Session::with(30, 110, &["--no-cache", path], &[]);
    let loading = s.wait_for(&["annals — loading", "documents"]);
    assert!(loading.contains("reading ") || loading.contains("building the timeline"), "{loading}");
    assert!(s.raw_mode(), "keys are read while loading");
    s.wait_for(&["Timeline", "Entities"]);
    s.quit();
}

#[test]
fn loading_can_be_cancelled() {
    let path = SLOW_CORPUS.path().to_str().unwrap();
    // Extracted every time: a cache warmed by another test would skip the loading watched here.
    let mut s = Session::with(30, 110, &["--no-cache", path], &[]);
    s.wait_for(&["annals — loading"]);
    s.send(b"q");
    assert_eq!(s.wait_exit().exit_code(), 130);
    s.assert_restored();
    assert!(s.text().contains("loading cancelled"));
    assert!(!s.screen().contains("Timeline"), "the browser never opened");
}

/// A corpus that takes several seconds to load in a test build: time to
/// browse its preview before the whole is read.
static SLOWER_CORPUS: std::sync::LazyLock<tempfile::TempDir> = std::sync::LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    for input in annals::synth::corpus(24 << 20, 20_000, 6) {
        std::fs::write(dir.path().join(input.file_name()), &input.bytes).unwrap();
    }
    dir
});

/// The title of the source pane: which claim is shown.
fn source_title(screen: &str) -> String {
    let top = screen.lines().nth(2).unwrap_or_default();
    top.rsplit('┌').next().unwrap_or_default().trim_end_matches(['─', '┐', ' ']).to_string()
}

#[test]
fn a_slow_corpus_is_browsed_in_part_then_whole_in_the_same_place() {
    let path = SLOWER_CORPUS.path().to_str().unwrap();
    let total = std::fs::read_dir(path).unwrap().count();
    let mut s = Session::with(30, 160, &["--no-cache", path], &[("ANNALS_TEST_PREVIEW_MS", "0")]);
    let preview = s.wait_for(&["preview of ", "Timeline"]);
    assert!(preview.contains(&format!("of {total} documents")), "{preview}");
    // Move a few events down and open the source while the rest is read;
    // then the palette, which holds the whole corpus back until it is
    // closed. Sent at once: waiting for the screen to settle would wait
    // for the reading to end, and the merging is quicker than the test.
    s.send(b"jjj\r\x10");
    s.wait_for(&["shown when you stop typing"]);
    let before = source_title(&s.settled().screen().contents());
    assert!(!before.is_empty(), "a source is shown");
    s.send(b"\x1b");
    let whole = s.wait_for(&[&format!("all {total} documents read")]);
    assert!(!whole.contains("preview of"), "{whole}");
    assert!(whole.contains(&format!("· {total} sources")), "{whole}");
    assert_eq!(source_title(&s.settled().screen().contents()), before, "the same claim is shown");
    s.quit();
}

#[test]
fn quitting_a_preview_says_so_and_restores() {
    let path = SLOWER_CORPUS.path().to_str().unwrap();
    let mut s = Session::with(30, 160, &["--no-cache", path], &[("ANNALS_TEST_PREVIEW_MS", "0")]);
    s.wait_for(&["preview of "]);
    s.quit();
    assert!(s.text().contains("quit before every document was read"));
}

/// A file added, changed, then removed while the browser is open on its
/// folder: each is shown within two seconds, in the same place.
#[test]
fn the_browser_follows_its_folder_live() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let docs = common::fixtures().join("docs");
    std::fs::copy(docs.join("encyclopedia_mali.md"), dir.path().join("a.md")).unwrap();
    let mut s = Session::with(30, 140, &[dir.path().to_str().unwrap()], &[]);
    s.wait_for(&["Timeline", "1/"]);
    s.send(b"jj");
    let place = s.wait_for(&["3/"]);
    // The line under the panes tells the selected event whole: the place kept.
    let selected = |screen: &str| screen.lines().rev().nth(1).unwrap_or_default().trim().to_string();
    let (event, events) = (selected(&place), place.lines().next().unwrap_or_default().to_string());
    let within_two_seconds = |s: &Session, needles: &[&str], what: &str| {
        let start = Instant::now();
        let screen = s.wait_for(needles);
        assert!(start.elapsed() < Duration::from_secs(2), "{what} took {:?}", start.elapsed());
        assert_eq!(selected(&screen), event, "{what}: the same event selected:\n{screen}");
        screen
    };
    std::fs::copy(docs.join("news_niger.md"), dir.path().join("b.md")).unwrap();
    within_two_seconds(&s, &["+1 source: b.md", "new events", "2 sources"], "an added file");
    let mut text = std::fs::read_to_string(dir.path().join("b.md")).unwrap();
    text.push_str("\nOn 3 March 2015 Mali and Niger signed a border agreement in Niamey.\n");
    std::fs::write(dir.path().join("b.md"), text).unwrap();
    within_two_seconds(&s, &["b.md changed", "1 new event"], "a changed file");
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    let removed = within_two_seconds(&s, &["−1 source: b.md", "fewer events"], "a removed file");
    assert_eq!(removed.lines().next().unwrap_or_default().trim(), events.trim(), "back to the first file's corpus");
    // Every file gone: the browser stays, on what it read, and takes the next one that comes.
    std::fs::remove_file(dir.path().join("a.md")).unwrap();
    let gone = within_two_seconds(&s, &["no document left to read"], "an emptied folder");
    assert_eq!(gone.lines().next().unwrap_or_default().trim(), events.trim(), "what was read stays");
    std::fs::copy(docs.join("news_niger.md"), dir.path().join("c.md")).unwrap();
    s.wait_for(&["+1 source: c.md"]);
    s.quit();
}

/// The analyst's layer as a person uses it: mark an event, write a note of
/// two lines with accents, quit; open again: both are there, and the notes
/// file is a W3C collection beside the documents; a paragraph inserted above
/// the passage: the note is on the same words.
#[test]
fn marks_and_notes_survive_quitting_and_an_edit_of_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("cable.txt");
    let text = "Relations were calm for years.\n\n\
        On 22 March 2012, soldiers overthrew President Amadou Toumani Touré in Bamako.\n\n\
        Aid was suspended on 26 March 2012.\n";
    std::fs::write(&doc, text).unwrap();
    let path = dir.path().to_str().unwrap();
    let mut s = Session::with(30, 120, &["--no-cache", path], &[]);
    s.wait_for(&["Timeline 2", "1/2"]);
    s.send(b"m");
    s.wait_for(&["marked", "★"]);
    s.send(b"a");
    s.wait_for(&["Note · 2012-03-22", "Ctrl-s keep the note"]);
    s.send("Coup d'état à Bamako\rvoir le câble de l'ambassade".as_bytes());
    s.wait_for(&["voir le câble de l'ambassade"]);
    s.send(b"\x13"); // Ctrl-s
    s.wait_for(&["note kept", "★✎"]);
    // The second event's claim is not a claim: written in annals.toml, the folder is read again.
    s.send(b"jx");
    s.wait_for(&["not a claim: written in"]);
    s.wait_for(&["Timeline 1 ", "★✎"]);
    s.quit();
    let toml = std::fs::read_to_string(dir.path().join("annals.toml")).unwrap();
    assert!(toml.contains("[[reject]]") && toml.contains("Aid was suspended on 26 March 2012."), "{toml}");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("annals-notes.jsonld")).unwrap()).unwrap();
    assert_eq!(saved["type"], "AnnotationCollection");
    assert_eq!(saved["total"], 2);
    assert_eq!(saved["items"][1]["body"]["value"], "Coup d'état à Bamako\nvoir le câble de l'ambassade");

    let reopen = |s: &mut Session| {
        *s = Session::with(30, 120, &["--no-cache", path], &[]);
        s.wait_for(&["Timeline 1 ", "★✎", "✎ note", "voir le câble de l'ambassade"])
    };
    let screen = reopen(&mut s);
    assert!(!screen.contains("moved"), "{screen}");
    s.quit();
    std::fs::write(&doc, format!("A paragraph added later, above.\n\n{text}")).unwrap();
    let screen = reopen(&mut s);
    assert!(!screen.contains("moved"), "the same words in the same context: anchored\n{screen}");
    s.quit();
    assert_eq!(
        std::fs::read_to_string(&doc).unwrap(),
        format!("A paragraph added later, above.\n\n{text}"),
        "sources are never written"
    );
}

/// The browser keeps its corpus in the cache once it is on the screen,
/// while it stays open, not only when it quits.
#[test]
fn a_folders_corpus_is_kept_once_shown() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("talks.txt");
    std::fs::write(&file, "On 3 May 2012 the United States and Mali met in Bamako.\n").unwrap();
    // Written a while ago: a file written a moment ago keeps its corpus out of the cache.
    let earlier = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(earlier).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let cache_dir = cache.path().to_str().unwrap();
    let mut s = Session::with(24, 100, &[folder.path().to_str().unwrap()], &[("ANNALS_CACHE_DIR", cache_dir)]);
    s.wait_for(&["Timeline", "2012-05-03"]);
    let kept = || {
        walkdir::WalkDir::new(cache.path())
            .into_iter()
            .flatten()
            .any(|e| e.path().extension() == Some("corpus".as_ref()))
    };
    let waited = std::time::Instant::now();
    while !kept() && waited.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(kept(), "the corpus kept while the browser is open");
    s.quit();
}
