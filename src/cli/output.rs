//! Where a command's output goes: standard output, which a reader may
//! close early (`annals | head -1`), or a file, which is whole or absent.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes through `print` to standard output, buffered. A reader that goes
/// away ends the output quietly, as other command-line tools do.
pub fn to_stdout(print: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match print(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        done => done,
    }
}

/// Writes through `print` to a temporary file beside `path`, renamed into
/// place only when all is written: a failure leaves whatever was at `path`
/// before, never a half-written or empty file.
pub fn to_file(path: &Path, print: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new().prefix(".annals-").suffix(".part").tempfile_in(folder)?;
    let mut out = BufWriter::new(temporary.as_file_mut());
    print(&mut out)?;
    out.into_inner().map_err(io::IntoInnerError::into_error)?.sync_all()?;
    #[cfg(unix)]
    {
        // A temporary file is private (0600); an export is an ordinary file.
        use std::os::unix::fs::PermissionsExt;
        temporary.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temporary.persist(path).map(drop).map_err(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("out.json");
        std::fs::write(&path, "before").expect("written");
        let failed = to_file(&path, |out: &mut dyn Write| {
            out.write_all(b"half")?;
            Err(io::Error::other("no more"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("still there"), "before");
        to_file(&path, |out: &mut dyn Write| out.write_all(b"after")).expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("replaced"), "after");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("listed").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }
}
