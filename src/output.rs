//! Writing output files atomically: a temporary file in the same folder, renamed over the
//! target. A failure at any point leaves the previous file as it was and no temporary behind.
//!
//! A file that already holds exactly the new bytes is not rewritten, only given a new
//! modification time (so `make` still sees it as made). Replacing a file costs a new inode, a
//! rename and, on ext4, an early flush of the data: about 0.25 ms, more than a small chart takes
//! to draw. When the time cannot be set (only a file's owner may set it), the file is replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::anyhow;

/// An output path that cannot be written as a chart.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OutputError {
    /// An output path that names a folder.
    #[error(
        "{}: the output path is a folder\n  hint: give a file name such as {}",
        .path.display(),
        .path.join("chart.svg").display()
    )]
    Folder {
        /// The path.
        path: PathBuf,
    },
    /// Unknown output extension.
    #[error(
        "{path}: unsupported output format '{ext}'\n  hint: the supported extensions are .svg, .png and .pdf"
    )]
    Format {
        /// Output path.
        path: PathBuf,
        /// The extension found (or "none").
        ext: String,
    },
}

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

/// A file written to its temporary name, not yet renamed over the target (dropping it deletes
/// the temporary file), or a target that already holds the bytes (and has a new time stamp).
enum Staged<'a> {
    Replace {
        tmp: tempfile::NamedTempFile,
        path: &'a Path,
    },
    Unchanged,
}

impl Staged<'_> {
    fn commit(self) -> anyhow::Result<()> {
        if let Staged::Replace { tmp, path } = self {
            tmp.persist(path).map_err(|e| {
                anyhow!(
                    "{}: cannot replace the file: {}\n  hint: {HINT}",
                    path.display(),
                    e.error
                )
            })?;
        }
        Ok(())
    }
}

/// True if `path` is a regular file (`link`: its own metadata, not a link's target's) holding
/// exactly `bytes`, and its modification time could be set to now. False sends the caller down
/// the ordinary replace path, which also renews the time: a kept file must never look older
/// than its inputs. (Setting the time early is harmless if another file of the same run then
/// fails: this file's bytes are the same either way.)
fn unchanged(path: &Path, link: &std::fs::Metadata, bytes: &[u8]) -> bool {
    use std::io::Read;
    if !link.is_file() || link.len() != bytes.len() as u64 {
        return false;
    }
    let Ok(mut file) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
    else {
        return false;
    };
    let mut old = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut old).is_ok()
        && old == bytes
        && file.set_modified(std::time::SystemTime::now()).is_ok()
}

/// The prefix and suffix of this program's temporary files (`.sharechart-Ab3xYz.tmp`): the
/// prefix, six letters or digits (tempfile's random part), the suffix.
const TMP_PREFIX: &str = ".sharechart-";
const TMP_SUFFIX: &str = ".tmp";
const TMP_RANDOM: usize = 6;

/// How old a temporary file must be before a build takes it for one left by a killed run: a
/// run holds its temporaries only while it writes them (milliseconds), so one this old is no
/// running build's.
pub const STALE_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// True for a name this program gives its temporary files.
fn is_temporary_name(name: &str) -> bool {
    name.strip_prefix(TMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TMP_SUFFIX))
        .is_some_and(|r| r.len() == TMP_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes from `dir` the temporary files a killed run of this program left (a build killed
/// with SIGKILL cannot delete them): only regular files named exactly as it names them
/// (`.sharechart-XXXXXX.tmp`), older than `age`, and owned by the user running it. Returns
/// the files removed; a file that cannot be removed is left as it is.
pub fn sweep_stale(dir: &Path, age: std::time::Duration) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Vec::new();
    };
    let now = std::time::SystemTime::now();
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_temporary_name) {
            continue;
        }
        // The entry's own metadata: a symbolic link is not a file this program wrote.
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|d| d >= age);
        if meta.is_file() && old && owned_by_us(&meta) {
            let path = entry.path();
            if std::fs::remove_file(&path).is_ok() {
                removed.push(path);
            }
        }
    }
    removed.sort();
    removed
}

/// True when the file belongs to the user running this program (Linux: the owner of
/// `/proc/self`; elsewhere the name and the age have to do).
#[cfg(unix)]
fn owned_by_us(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata("/proc/self") {
        Ok(me) => me.uid() == meta.uid(),
        Err(_) => true,
    }
}

#[cfg(not(unix))]
fn owned_by_us(_meta: &std::fs::Metadata) -> bool {
    true
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The error for an output path that names a folder.
pub fn folder_error(path: &Path) -> anyhow::Error {
    OutputError::Folder {
        path: path.to_path_buf(),
    }
    .into()
}

const HINT: &str = "check that the folder exists or can be created and that you may write in it";

fn stage<'a>(path: &'a Path, bytes: &[u8]) -> anyhow::Result<Staged<'a>> {
    // One look at the target answers every question below (three system calls fewer per file
    // than asking each in turn). A symbolic link is replaced, not written through, but the
    // folder check and the mode follow it.
    let link = std::fs::symlink_metadata(path).ok();
    let target = match &link {
        Some(m) if m.file_type().is_symlink() => std::fs::metadata(path).ok(),
        other => other.clone(),
    };
    if target.as_ref().is_some_and(std::fs::Metadata::is_dir) {
        return Err(folder_error(path));
    }
    if link.as_ref().is_some_and(|m| unchanged(path, m, bytes)) {
        return Ok(Staged::Unchanged);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // A path that exists has its folder already.
    if link.is_none() {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow!(
                "{}: cannot create the output folder: {e}\n  hint: {HINT}",
                dir.display()
            )
        })?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .rand_bytes(TMP_RANDOM)
        .tempfile_in(dir)
        .map_err(|e| {
            anyhow!(
                "{}: cannot write in this folder: {e}\n  hint: {HINT}",
                dir.display()
            )
        })?;
    set_permissions(tmp.as_file(), target.as_ref());
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .map_err(|e| {
            anyhow!(
                "{}: cannot write the file: {e}\n  hint: check the free space on the disk",
                path.display()
            )
        })?;
    Ok(Staged::Replace { tmp, path })
}

/// A temporary file is created readable by its owner only; give the result the permissions of
/// the file it replaces (`target`), or the usual 0644 for a new file.
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, target: Option<&std::fs::Metadata>) {
    use std::os::unix::fs::PermissionsExt;
    let mode = target.map_or(0o644, |m| m.permissions().mode() & 0o7777);
    // Best effort: a file we cannot chmod is still a correct chart.
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _target: Option<&std::fs::Metadata>) {}

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
    #[cfg(unix)]
    fn identical_bytes_keep_the_file_and_renew_its_time() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.svg");
        write_atomic(&p, b"same").expect("write");
        let before = std::fs::metadata(&p).expect("meta");
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        std::fs::File::options()
            .write(true)
            .open(&p)
            .and_then(|f| f.set_modified(old))
            .expect("age the file");
        write_atomic(&p, b"same").expect("write");
        let after = std::fs::metadata(&p).expect("meta");
        assert_eq!(after.ino(), before.ino(), "the file was not replaced");
        assert!(
            after.modified().expect("mtime") > old,
            "the time stamp was renewed"
        );
        // Other bytes of the same length still replace the file.
        write_atomic(&p, b"diff").expect("write");
        assert_eq!(std::fs::read(&p).expect("read"), b"diff");
        assert_ne!(std::fs::metadata(&p).expect("meta").ino(), before.ino());
    }

    #[test]
    #[cfg(unix)]
    fn a_symlink_is_replaced_not_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.svg");
        let link = dir.path().join("link.svg");
        std::fs::write(&real, b"same").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_atomic(&link, b"same").expect("write");
        assert!(std::fs::symlink_metadata(&link).expect("meta").is_file());
        assert_eq!(std::fs::read(&real).expect("read"), b"same");
    }

    #[test]
    fn only_old_temporaries_of_ours_are_swept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let make = |name: &str, aged: bool| {
            let p = dir.path().join(name);
            std::fs::write(&p, b"x").expect("write");
            if aged {
                std::fs::File::options()
                    .write(true)
                    .open(&p)
                    .and_then(|f| f.set_modified(old))
                    .expect("age");
            }
            p
        };
        let stale = make(".sharechart-Ab3xYz.tmp", true);
        let fresh = make(".sharechart-Qw9rTy.tmp", false);
        let others = [
            make(".sharechart-state", true),
            make(".sharechart-toolong1.tmp", true),
            make("sharechart-Ab3xYz.tmp", true),
            make(".sharechart-Ab3xYz.tmp.bak", true),
            make("chart.svg", true),
        ];
        assert_eq!(sweep_stale(dir.path(), STALE_AGE), vec![stale.clone()]);
        assert!(!stale.exists() && fresh.exists());
        assert!(others.iter().all(|p| p.exists()));
        // A temporary being written now is never taken.
        assert!(sweep_stale(dir.path(), STALE_AGE).is_empty());
        // What write_atomic names its temporaries is what is swept.
        let mut names = Vec::new();
        for _ in 0..20 {
            let t = tempfile::Builder::new()
                .prefix(TMP_PREFIX)
                .suffix(TMP_SUFFIX)
                .rand_bytes(TMP_RANDOM)
                .tempfile_in(dir.path())
                .expect("temporary");
            names.push(
                t.path()
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string()),
            );
        }
        assert!(
            names.iter().flatten().all(|n| is_temporary_name(n)),
            "{names:?}"
        );
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let e = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("the output path is a folder"), "{e}");
    }
}
