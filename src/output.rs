//! Writing output files atomically: a temporary file in the same folder, renamed over the
//! target. A failure at any point leaves the previous file as it was and no temporary behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};

/// Writes `bytes` to `path` atomically, creating missing parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    stage(path, bytes)?.commit()
}

/// Writes several files so that either all are replaced or none is: every temporary file is
/// written first, and only then are they renamed over their targets.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> anyhow::Result<()> {
    let staged = files
        .iter()
        .map(|(p, b)| stage(p, b))
        .collect::<anyhow::Result<Vec<_>>>()?;
    staged.into_iter().try_for_each(Staged::commit)
}

/// A file written to its temporary name, not yet renamed over the target. Dropping it deletes
/// the temporary file.
struct Staged<'a> {
    tmp: tempfile::NamedTempFile,
    path: &'a Path,
}

impl Staged<'_> {
    fn commit(self) -> anyhow::Result<()> {
        let path = self.path;
        self.tmp.persist(path).map_err(|e| {
            anyhow!(
                "{}: cannot replace the file: {}\n  hint: {HINT}",
                path.display(),
                e.error
            )
        })?;
        Ok(())
    }
}

const HINT: &str = "check that the folder exists or can be created and that you may write in it";

fn stage<'a>(path: &'a Path, bytes: &[u8]) -> anyhow::Result<Staged<'a>> {
    if path.is_dir() {
        bail!(
            "{}: the output path is a folder\n  hint: give a file name such as {}",
            path.display(),
            path.join("chart.svg").display()
        );
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow!(
            "{}: cannot create the output folder: {e}\n  hint: {HINT}",
            dir.display()
        )
    })?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".sharechart-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            anyhow!(
                "{}: cannot write in this folder: {e}\n  hint: {HINT}",
                dir.display()
            )
        })?;
    set_permissions(tmp.as_file(), path);
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .map_err(|e| {
            anyhow!(
                "{}: cannot write the file: {e}\n  hint: check the free space on the disk",
                path.display()
            )
        })?;
    Ok(Staged { tmp, path })
}

/// A temporary file is created readable by its owner only; give the result the permissions of
/// the file it replaces, or the usual 0644 for a new file.
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, target: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
    // Best effort: a file we cannot chmod is still a correct chart.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _target: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("sub/a.svg");
        write_atomic(&p, b"one").expect("write");
        write_atomic(&p, b"two").expect("write");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .expect("dir")
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn all_or_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.svg");
        std::fs::write(&a, b"old").expect("write");
        std::fs::create_dir(dir.path().join("b.png")).expect("mkdir");
        let files = vec![
            (a.clone(), b"new".to_vec()),
            (dir.path().join("b.png"), b"x".to_vec()),
        ];
        assert!(write_all_atomic(&files).is_err());
        assert_eq!(std::fs::read(&a).expect("read"), b"old");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(names.len(), 2, "no temporary file is left");
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let e = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("the output path is a folder"), "{e}");
    }
}
