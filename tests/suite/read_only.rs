//! Source files are never written to: after loading, browsing and
//! exporting, every file has the same bytes and modification time.

use crate::common;

use common::pty::Session;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let modified = e.metadata().unwrap().modified().unwrap();
            (e.path().to_path_buf(), std::fs::read(e.path()).unwrap(), modified)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

#[test]
fn loading_browsing_and_exporting_change_no_source_file() {
    let dir = tempfile::tempdir().unwrap();
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for folder in ["docs", "hostile"] {
        for entry in std::fs::read_dir(common::fixtures().join(folder)).unwrap() {
            let from = entry.unwrap().path();
            let to = dir.path().join(format!("{folder}_{}", from.file_name().unwrap().to_string_lossy()));
            std::fs::copy(&from, &to).unwrap();
            std::fs::File::options().write(true).open(&to).unwrap().set_modified(an_hour_ago).unwrap();
        }
    }
    let before = snapshot(dir.path());
    assert!(before.len() > 20);
    let path = dir.path().to_str().unwrap();

    common::annals_within(&["check", path], Duration::from_secs(60));
    let out = tempfile::NamedTempFile::new().unwrap();
    common::annals_within(&["export", "-o", out.path().to_str().unwrap(), path], Duration::from_secs(60));
    let mut s = Session::with(40, 120, &[path], &[]);
    s.wait_for(&["Timeline"]);
    for keys in [&b"jjj"[..], b"\t", b"G", b"s", b"\x10mali\r", b"/coup\r", b"n", b"q"] {
        s.send(keys);
    }
    s.wait_exit();

    let after = snapshot(dir.path());
    assert_eq!(before.len(), after.len(), "no file appeared or vanished");
    for ((path, bytes, modified), (_, bytes_after, modified_after)) in before.iter().zip(&after) {
        assert!(bytes == bytes_after, "{} changed", path.display());
        assert_eq!(modified, modified_after, "{} was touched", path.display());
    }
}
