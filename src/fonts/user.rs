//! Fonts the user names with `--font FILE` (`font = [...]` in a manifest): each file read once
//! per build and shared by every chart of the build that names it, its faces parsed when read.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use resvg::usvg::fontdb;

use super::face::{Face, FontBytes};

/// A face of a user's font file.
#[derive(Clone)]
pub struct UserFace {
    /// The file it came from.
    pub path: PathBuf,
    /// The file's bytes (shared by the faces of a collection).
    pub bytes: Arc<[u8]>,
    /// Its index in the file (0 unless a collection).
    pub index: u32,
    /// Its family name.
    pub family: String,
    /// Its weight (400 regular, 700 bold).
    pub weight: u16,
    /// The face, parsed.
    pub face: Arc<Face>,
}

impl PartialEq for UserFace {
    fn eq(&self, other: &Self) -> bool {
        (&self.path, self.index, &self.family, self.weight)
            == (&other.path, other.index, &other.family, other.weight)
            && Arc::ptr_eq(&self.bytes, &other.bytes)
    }
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

/// The faces of the font file at `path`, in the file's order.
pub fn load(path: &Path) -> Result<Vec<UserFace>, FontError> {
    let bytes: Arc<[u8]> = std::fs::read(path)
        .map_err(|error| FontError::Io {
            path: path.display().to_string(),
            error,
        })?
        .into();
    let mut db = fontdb::Database::new();
    db.load_font_source(fontdb::Source::Binary(Arc::new(Arc::clone(&bytes))));
    let faces: Vec<UserFace> = db
        .faces()
        .filter_map(|f| {
            let face = Face::new(FontBytes::Shared(Arc::clone(&bytes)), f.index)?;
            Some(UserFace {
                path: path.to_path_buf(),
                bytes: Arc::clone(&bytes),
                index: f.index,
                family: f
                    .families
                    .iter()
                    .find(|(_, l)| *l == fontdb::Language::English_UnitedStates)
                    .or(f.families.first())
                    .map_or_else(|| f.post_script_name.clone(), |(n, _)| n.clone()),
                weight: f.weight.0,
                face: Arc::new(face),
            })
        })
        .collect();
    if faces.is_empty() {
        return Err(FontError::NotAFont {
            path: path.display().to_string(),
        });
    }
    Ok(faces)
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
