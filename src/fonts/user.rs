//! Fonts the user names with `--font FILE` (`font = [...]` in a manifest): read once per
//! distinct content and kept for the process, so their faces can be shaped like the embedded
//! ones.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use resvg::usvg::fontdb;

use super::Face;

/// A face of a user's font file.
#[derive(Clone, PartialEq)]
pub struct UserFace {
    /// The file it came from.
    pub path: PathBuf,
    /// The file's bytes (kept for the process).
    pub bytes: &'static [u8],
    /// Its index in the file (0 unless a collection).
    pub index: u32,
    /// Its family name.
    pub family: String,
    /// Its weight (400 regular, 700 bold).
    pub weight: u16,
}

impl std::fmt::Debug for UserFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "UserFace({:?} #{} {:?} {})",
            self.path, self.index, self.family, self.weight
        )
    }
}

/// A font file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The file cannot be read.
    #[error(
        "cannot read the font {path}: {error}\n  hint: give the path of a TTF, OTF or TTC file"
    )]
    Io {
        /// The file.
        path: String,
        /// Why.
        error: std::io::Error,
    },
    /// The file is not a font.
    #[error("{path} is not a font\n  hint: give a TrueType or OpenType font (TTF, OTF or TTC)")]
    NotAFont {
        /// The file.
        path: String,
    },
}

/// Font files read so far, by content: each distinct file is kept once for the process.
static FILES: Mutex<Vec<([u8; 32], &'static [u8])>> = Mutex::new(Vec::new());
/// Faces of those files, parsed on first use.
type FaceSlot = (usize, u32, Option<&'static Face>);
static FACES: Mutex<Vec<FaceSlot>> = Mutex::new(Vec::new());

/// The bytes of `path`, kept for the process (once per distinct content: a `watch` that reads
/// the same font again does not keep it twice).
fn intern(path: &Path) -> Result<&'static [u8], FontError> {
    let bytes = std::fs::read(path).map_err(|error| FontError::Io {
        path: path.display().to_string(),
        error,
    })?;
    let hash: [u8; 32] = blake3::hash(&bytes).into();
    let mut files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, b)) = files.iter().find(|(h, _)| *h == hash) {
        return Ok(b);
    }
    let kept: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    files.push((hash, kept));
    Ok(kept)
}

/// The faces of the font file at `path`, in the file's order.
pub fn load(path: &Path) -> Result<Vec<UserFace>, FontError> {
    let bytes = intern(path)?;
    let mut db = fontdb::Database::new();
    db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
    let faces: Vec<UserFace> = db
        .faces()
        .filter(|f| face(bytes, f.index).is_some())
        .map(|f| UserFace {
            path: path.to_path_buf(),
            bytes,
            index: f.index,
            family: f
                .families
                .iter()
                .find(|(_, l)| *l == fontdb::Language::English_UnitedStates)
                .or(f.families.first())
                .map_or_else(|| f.post_script_name.clone(), |(n, _)| n.clone()),
            weight: f.weight.0,
        })
        .collect();
    if faces.is_empty() {
        return Err(FontError::NotAFont {
            path: path.display().to_string(),
        });
    }
    Ok(faces)
}

/// Face `index` of a kept font file, parsed on first use.
pub(super) fn face(bytes: &'static [u8], index: u32) -> Option<&'static Face> {
    let key = bytes.as_ptr() as usize;
    let mut faces = FACES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, f)) = faces.iter().find(|(k, i, _)| *k == key && *i == index) {
        return *f;
    }
    let f = Face::new(bytes, index).map(|f| &*Box::leak(Box::new(f)));
    faces.push((key, index, f));
    f
}

/// A family name as CSS writes it: bare if it is plain words, else quoted.
pub(super) fn css_name(family: &str) -> String {
    let plain = family
        .split(' ')
        .all(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        && family
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    if plain {
        family.to_string()
    } else {
        format!("'{}'", family.replace(['\'', '\\', ','], ""))
    }
}
