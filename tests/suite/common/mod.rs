//! Helpers shared by the integration tests.

pub mod pty;

use annals::ingest::{self, Input};
use annals::model::Corpus;
use annals::pipeline::Pipeline;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

pub static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::bundled);

/// A cache and a data folder of this test run's own, and a configuration that does
/// not exist: the binary run by the tests touches nothing of whoever runs
/// them.
pub static HERMETIC: LazyLock<[(&'static str, String); 3]> = LazyLock::new(|| {
    let cache = Box::leak(Box::new(tempfile::tempdir().expect("a temporary folder")));
    let data = Box::leak(Box::new(tempfile::tempdir().expect("a temporary folder")));
    [
        ("ANNALS_CACHE_DIR", cache.path().display().to_string()),
        ("ANNALS_DATA_DIR", data.path().display().to_string()),
        ("ANNALS_CONFIG", "/nonexistent/annals-test-config.toml".to_string()),
    ]
});

/// The annals binary, run hermetically (see [`HERMETIC`]).
pub fn annals_bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command.envs(HERMETIC.iter().map(|(k, v)| (*k, v.as_str())));
    command
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn bundled() -> Corpus {
    PIPELINE.build("bundled", ingest::bundled_inputs(), Vec::new()).0
}

pub fn build(inputs: Vec<Input>) -> Corpus {
    PIPELINE.build("test", inputs, Vec::new()).0
}

pub fn fixture_inputs() -> Vec<Input> {
    let (inputs, failures) = ingest::read_paths(&[fixtures().join("docs")], ingest::DEFAULT_MAX_BYTES);
    assert!(failures.is_empty(), "{failures:?}");
    inputs
}

/// Documents in other encodings and layouts, made here because their bytes
/// matter: UTF-16 both ways, Latin-1, a BOM, CRLF line ends.
pub fn encoded_inputs() -> Vec<Input> {
    let text = "Mali and the United States established diplomatic relations in 1960.\nOn 24 May 2021, Colonel Assimi Goïta seized power in Bamako.\n";
    let utf16 = |le: bool| -> Vec<u8> {
        let mut out = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in text.encode_utf16() {
            out.extend(if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        out
    };
    let latin1: Vec<u8> = "Le président Amadou Toumani Touré a rencontré le général Ward à Bamako le 27 novembre 2009. Les élections présidentielles ont eu lieu en juillet 2013 après la crise de 2012.\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    vec![
        Input { path: "gen/utf16le.txt".into(), bytes: utf16(true) },
        Input { path: "gen/utf16be.txt".into(), bytes: utf16(false) },
        Input { path: "gen/latin1.txt".into(), bytes: latin1 },
        Input { path: "gen/bom.txt".into(), bytes: bom },
        Input { path: "gen/crlf.txt".into(), bytes: text.replace('\n', "\r\n").into_bytes() },
    ]
}

/// Every claim and mention span lies inside its file (one of `inputs`), on
/// character boundaries when the file is UTF-8, and cleans to the claim's text.
pub fn assert_provenance(corpus: &Corpus, inputs: &[Input]) {
    let errors = corpus.provenance_errors(inputs.iter().map(|i| (i.path.as_str(), i.bytes.as_slice())));
    assert!(errors.is_empty(), "{} provenance error(s):\n{}", errors.len(), errors.join("\n"));
}

/// What a run of the binary printed and how it ended.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs annals with `args`, killing it (and failing) after `limit`: a
/// document must never make it hang.
pub fn annals_within(args: &[&str], limit: std::time::Duration) -> Run {
    annals_command(annals_bin().args(args), limit)
}

pub fn annals_command(command: &mut Command, limit: std::time::Duration) -> Run {
    use std::io::Read;
    let mut child =
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("annals starts");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = pipe.read_to_end(&mut out);
            String::from_utf8_lossy(&out).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("annals {:?} still running after {limit:?}", command.get_args().collect::<Vec<_>>());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Run { code: status.code(), stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}
