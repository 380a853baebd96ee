//! The fonts a chart is drawn with: those compiled into the binary, then the user's (`--font`).
//!
//! Embedded, in this order (see `fonts/README.md`):
//! - "Sharechart Sans": Noto Sans and Noto Sans Arabic merged into one font (Latin, Greek,
//!   Cyrillic and the Arabic script; one font because resvg's font fallback breaks on Arabic
//!   ligatures next to Latin text), regular and bold;
//! - "Sharechart Sans Bengali", "... Thaana", "... Tifinagh": each script's Noto Sans font with
//!   the Latin letters, digits and punctuation of Noto Sans, so a label that mixes the script
//!   with "2024" or "%" is shaped by one font.
//!
//! No font is ever read from the machine unless the user names it, so a chart renders the same
//! everywhere. A face is parsed only when a text needs it: its character map when a character
//! is not in Sharechart Sans, its shaping data when a text is shaped with it.
//!
//! Each text is drawn with one primary family ([`FontSet::pick`]): Sharechart Sans when it
//! covers the whole text (so English and Arabic charts name the fonts they always did), else
//! the first family that covers it all. The SVG names that family first; resvg then falls back
//! face by face in database order, which [`FontSet::advance_em`] repeats when measuring.
//!
//! Three values, from the longest-lived to the shortest, all passed explicitly (no statics):
//! - [`Library`]: the embedded faces and their font database, each parsed on first use, once
//!   per run (a `watch` keeps one for all its rebuilds);
//! - [`Fonts`]: what one build shares across its charts and threads: the library, the user's
//!   font files read so far, and the text widths measured so far per set of fonts (each `watch`
//!   rebuild and each one-chart run makes its own, so nothing grows for the life of a process);
//! - [`FontSet`]: the fonts of one chart, which layout measures with and render draws with.

pub mod face;
mod user;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use resvg::usvg::fontdb;

pub use face::{Face, FontBytes};
pub use user::{FontError, UserFace};

/// Family name of the main embedded font.
pub const FAMILY: &str = "Sharechart Sans";
/// The `font-family` value written on text that Sharechart Sans covers: our font, then the
/// fonts it was made from, then the generic family, so a browser without it still draws
/// readable text.
pub const FONT_FAMILY: &str = "Sharechart Sans, Noto Sans, Noto Sans Arabic, sans-serif";
/// The `font-family` written on text in Sharechart Sans with Arabic letters: Noto Sans Arabic
/// before Noto Sans. A client without Sharechart Sans (Typst, LibreOffice, a browser) takes the
/// first family it has for the whole run and falls back only for the characters that family
/// lacks; given Noto Sans first, it shaped an Arabic run mixed with "%" or digits in a face
/// without Arabic and drew boxes (issue 21). Noto Sans Arabic first gets the letters joined,
/// and the digits and signs it lacks from the next family.
pub const ARABIC_FONT_FAMILY: &str = "Sharechart Sans, Noto Sans Arabic, Noto Sans, sans-serif";

/// A letter of the Arabic script (the Arabic blocks and presentation forms).
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c != '\u{FEFF}'
}

/// Regular weight of Sharechart Sans (OFL-1.1, see `fonts/OFL.txt`).
pub static REGULAR: &[u8] = include_bytes!("../../fonts/SharechartSans-Regular.ttf");
/// Bold weight of Sharechart Sans.
pub static BOLD: &[u8] = include_bytes!("../../fonts/SharechartSans-Bold.ttf");

/// An embedded face: family, weight, bytes.
struct Embedded {
    family: &'static str,
    /// The `font-family` written on a text drawn with this family.
    css: &'static str,
    weight: u16,
    bytes: &'static [u8],
}

/// Every embedded face, in database order (the order resvg falls back in).
static EMBEDDED: [Embedded; 7] = [
    Embedded {
        family: FAMILY,
        css: FONT_FAMILY,
        weight: 400,
        bytes: REGULAR,
    },
    Embedded {
        family: FAMILY,
        css: FONT_FAMILY,
        weight: 700,
        bytes: BOLD,
    },
    Embedded {
        family: "Sharechart Sans Bengali",
        css: "Sharechart Sans Bengali, Noto Sans Bengali, Sharechart Sans, Noto Sans, sans-serif",
        weight: 400,
        bytes: include_bytes!("../../fonts/SharechartSansBengali-Regular.ttf"),
    },
    Embedded {
        family: "Sharechart Sans Bengali",
        css: "Sharechart Sans Bengali, Noto Sans Bengali, Sharechart Sans, Noto Sans, sans-serif",
        weight: 700,
        bytes: include_bytes!("../../fonts/SharechartSansBengali-Bold.ttf"),
    },
    Embedded {
        family: "Sharechart Sans Thaana",
        css: "Sharechart Sans Thaana, Noto Sans Thaana, Sharechart Sans, Noto Sans, sans-serif",
        weight: 400,
        bytes: include_bytes!("../../fonts/SharechartSansThaana-Regular.ttf"),
    },
    Embedded {
        family: "Sharechart Sans Thaana",
        css: "Sharechart Sans Thaana, Noto Sans Thaana, Sharechart Sans, Noto Sans, sans-serif",
        weight: 700,
        bytes: include_bytes!("../../fonts/SharechartSansThaana-Bold.ttf"),
    },
    Embedded {
        family: "Sharechart Sans Tifinagh",
        css: "Sharechart Sans Tifinagh, Noto Sans Tifinagh, Sharechart Sans, Noto Sans, sans-serif",
        weight: 400,
        bytes: include_bytes!("../../fonts/SharechartSansTifinagh-Regular.ttf"),
    },
];

/// Characters that draw nothing and need no glyph: controls, bidi marks and isolates, joiners,
/// variation selectors, the byte-order mark (shapers hide them).
pub fn is_ignorable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// True for the bidi controls the layout inserts (isolates, embeddings, marks): they take no
/// width.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The embedded fonts of one run: each face parsed the first time a text needs it, and the
/// font database usvg draws with, built the first time a chart is drawn.
pub struct Library {
    faces: [OnceLock<Option<Face>>; 7],
    database: OnceLock<Arc<fontdb::Database>>,
}

impl Default for Library {
    fn default() -> Self {
        Library::new()
    }
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Library")
    }
}

impl Library {
    /// The embedded fonts, nothing parsed yet.
    pub fn new() -> Library {
        Library {
            faces: [const { OnceLock::new() }; 7],
            database: OnceLock::new(),
        }
    }

    /// Embedded face `i`, parsed on first use.
    fn face(&self, i: usize) -> Option<&Face> {
        self.faces
            .get(i)?
            .get_or_init(|| Face::new(FontBytes::Static(EMBEDDED[i].bytes), 0))
            .as_ref()
    }

    /// The font database of the embedded faces, with the generic families mapped to
    /// Sharechart Sans.
    fn database(&self) -> &Arc<fontdb::Database> {
        self.database.get_or_init(|| {
            let mut db = fontdb::Database::new();
            for e in &EMBEDDED {
                db.load_font_source(fontdb::Source::Binary(Arc::new(e.bytes)));
            }
            db.set_sans_serif_family(FAMILY);
            db.set_serif_family(FAMILY);
            db.set_monospace_family(FAMILY);
            db.set_cursive_family(FAMILY);
            db.set_fantasy_family(FAMILY);
            Arc::new(db)
        })
    }
}

/// Advances already measured, by text, for regular and bold: layout measures the same strings
/// again and again (a title to wrap, then to place; labels to fit, then to draw), and shaping
/// is the dearest step of laying out a chart.
type Widths = Mutex<[HashMap<Box<str>, f64>; 2]>;

/// What one build shares: the embedded fonts, the user's font files read so far (each once),
/// and the widths measured so far for each set of fonts.
#[derive(Debug)]
pub struct Fonts {
    library: Arc<Library>,
    files: Mutex<Vec<(PathBuf, Vec<UserFace>)>>,
    widths: Mutex<Vec<(Vec<PathBuf>, Arc<Widths>)>>,
}

impl Default for Fonts {
    /// A build of its own with a library of its own (tests, a one-off chart).
    fn default() -> Self {
        Fonts::new(Arc::new(Library::new()))
    }
}

impl Fonts {
    /// A build's fonts, on the run's `library`.
    pub fn new(library: Arc<Library>) -> Fonts {
        Fonts {
            library,
            files: Mutex::default(),
            widths: Mutex::default(),
        }
    }

    /// The fonts of a chart: the embedded ones, then the faces of the files in `paths` (TTF,
    /// OTF or TTC; every face of a collection), in that order.
    pub fn set(&self, paths: &[PathBuf]) -> Result<FontSet, FontError> {
        let mut user = Vec::new();
        for p in paths {
            user.extend(self.file(p)?);
        }
        // A poisoned lock only means another thread panicked while inserting: the list is fine.
        let widths = {
            let mut all = self.widths.lock().unwrap_or_else(PoisonError::into_inner);
            match all.iter().find(|(k, _)| k.as_slice() == paths) {
                Some((_, w)) => Arc::clone(w),
                None => {
                    let w = Arc::new(Widths::default());
                    all.push((paths.to_vec(), Arc::clone(&w)));
                    w
                }
            }
        };
        Ok(FontSet::new(Arc::clone(&self.library), user, widths))
    }

    /// The faces of the font file at `path`, read on its first use in this build.
    fn file(&self, path: &std::path::Path) -> Result<Vec<UserFace>, FontError> {
        if let Some((_, faces)) = self
            .files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(p, _)| p == path)
        {
            return Ok(faces.clone());
        }
        let faces = user::load(path)?;
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_path_buf(), faces.clone()));
        Ok(faces)
    }
}

/// One face of a set, in database order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FaceRef {
    /// `EMBEDDED[i]`.
    Embedded(usize),
    /// The set's user face `i`.
    User(usize),
}

/// A family: the `font-family` to write and its faces with their weights.
#[derive(Debug, Clone, PartialEq)]
struct Family {
    css: String,
    faces: Vec<(FaceRef, u16)>,
}

/// The fonts of one chart: the embedded ones, then the user's, in the order given.
#[derive(Debug, Clone)]
pub struct FontSet(Arc<Inner>);

impl PartialEq for FontSet {
    fn eq(&self, other: &Self) -> bool {
        (&self.0.user, &self.0.families, &self.0.order)
            == (&other.0.user, &other.0.families, &other.0.order)
    }
}

#[derive(Debug)]
struct Inner {
    library: Arc<Library>,
    user: Vec<UserFace>,
    families: Vec<Family>,
    order: Vec<FaceRef>,
    widths: Arc<Widths>,
}

impl FontSet {
    /// The embedded fonts followed by `user` faces.
    fn new(library: Arc<Library>, user: Vec<UserFace>, widths: Arc<Widths>) -> FontSet {
        let mut families: Vec<Family> = Vec::new();
        let mut order = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let faces = EMBEDDED
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    FaceRef::Embedded(i),
                    e.family.to_string(),
                    e.css.to_string(),
                    e.weight,
                )
            })
            .chain(user.iter().enumerate().map(|(i, u)| {
                let css = format!("{}, {FONT_FAMILY}", user::css_name(&u.family));
                (FaceRef::User(i), u.family.clone(), css, u.weight)
            }));
        for (face, name, css, weight) in faces {
            order.push(face);
            match names.iter().position(|n| *n == name) {
                Some(f) => families[f].faces.push((face, weight)),
                None => {
                    names.push(name);
                    families.push(Family {
                        css,
                        faces: vec![(face, weight)],
                    });
                }
            }
        }
        FontSet(Arc::new(Inner {
            library,
            user,
            families,
            order,
            widths,
        }))
    }

    /// The user's faces.
    pub fn user(&self) -> &[UserFace] {
        &self.0.user
    }

    fn face(&self, r: FaceRef) -> Option<&Face> {
        match r {
            FaceRef::Embedded(i) => self.0.library.face(i),
            FaceRef::User(i) => self.0.user.get(i).map(|u| &*u.face),
        }
    }

    /// True if some face of the set has a glyph for `c` (or `c` needs none).
    pub fn covers(&self, c: char) -> bool {
        is_ignorable(c)
            || self
                .0
                .order
                .iter()
                .any(|&f| self.face(f).is_some_and(|f| f.has_char(c)))
    }

    fn family_covers(&self, family: usize, text: &str) -> bool {
        let Some((face, _)) = self.0.families[family].faces.first() else {
            return false;
        };
        let Some(face) = self.face(*face) else {
            return false;
        };
        text.chars().all(|c| is_ignorable(c) || face.has_char(c))
    }

    /// The primary family of `text`: Sharechart Sans if it covers the whole text, else the
    /// first family that does, else the first family with the first character Sharechart Sans
    /// lacks (resvg falls back for the rest).
    pub fn pick(&self, text: &str) -> usize {
        if self.family_covers(0, text) {
            return 0;
        }
        let n = self.0.families.len();
        if let Some(f) = (1..n).find(|&f| self.family_covers(f, text)) {
            return f;
        }
        let first = self.0.library.face(0);
        let lacking = text
            .chars()
            .find(|&c| !is_ignorable(c) && !first.is_some_and(|f| f.has_char(c)));
        lacking
            .and_then(|c| (1..n).find(|&f| self.family_covers(f, &c.to_string())))
            .unwrap_or(0)
    }

    /// The `font-family` to write on `text`. A text in Sharechart Sans that has Arabic
    /// letters names Noto Sans Arabic before Noto Sans ([`ARABIC_FONT_FAMILY`]).
    pub fn css(&self, text: &str) -> &str {
        let family = self.pick(text);
        if family == 0 && text.chars().any(is_arabic) {
            return ARABIC_FONT_FAMILY;
        }
        &self.0.families[family].css
    }

    /// The face of `family` closest to the weight asked (as fontdb's query chooses).
    fn face_of(&self, family: usize, bold: bool) -> FaceRef {
        let want: i32 = if bold { 700 } else { 400 };
        let faces = &self.0.families[family].faces;
        faces
            .iter()
            .min_by_key(|(_, w)| (i32::from(*w) - want).abs())
            .map_or(FaceRef::Embedded(usize::from(bold)), |(f, _)| *f)
    }

    /// Width in pixels of `text` at `size` px, shaped as resvg will draw it (the bidi
    /// controls the layout adds take no room).
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let clean: String = text.chars().filter(|&c| !is_bidi_control(c)).collect();
        self.advance_em(&clean, bold) * size
    }

    /// Advance width of `text` in em, shaped as resvg will draw it: with the primary face, then
    /// for a missing glyph with the first other face in database order that has its character,
    /// whose glyphs replace the missing ones if it gives as many glyphs (usvg's fallback).
    pub fn advance_em(&self, text: &str, bold: bool) -> f64 {
        // A poisoned lock only means another thread panicked while inserting: the map is fine.
        let widths = || self.0.widths.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(&em) = widths()[usize::from(bold)].get(text) {
            return em;
        }
        let em = self.measure_em(text, bold);
        widths()[usize::from(bold)].insert(text.into(), em);
        em
    }

    fn measure_em(&self, text: &str, bold: bool) -> f64 {
        let primary = self.face_of(self.pick(text), bold);
        let Some(face) = self.face(primary) else {
            return text.chars().count() as f64 * 0.55;
        };
        let mut glyphs = face.shape(text);
        let mut used = vec![primary];
        while let Some(cluster) = glyphs.iter().find(|g| g.is_missing()).map(|g| g.cluster) {
            let c = text.get(cluster as usize..).and_then(|s| s.chars().next());
            let next = c.and_then(|c| {
                self.0.order.iter().copied().find(|&f| {
                    !used.contains(&f) && self.face(f).is_some_and(|face| face.has_char(c))
                })
            });
            let Some((next, face)) = next.and_then(|f| Some((f, self.face(f)?))) else {
                break;
            };
            let other = face.shape(text);
            if other.iter().all(|g| !g.is_missing()) {
                glyphs = other;
                break;
            }
            if other.len() != glyphs.len() {
                break;
            }
            for (g, o) in glyphs.iter_mut().zip(other) {
                if g.is_missing() && !o.is_missing() {
                    *g = o;
                }
            }
            used.push(next);
        }
        face::total_em(&glyphs)
    }

    /// The font database given to usvg: every face of the set, in order, with the generic
    /// families mapped to Sharechart Sans. The embedded one is built once per run.
    pub fn database(&self) -> Arc<fontdb::Database> {
        let embedded = self.0.library.database();
        if self.0.user.is_empty() {
            return Arc::clone(embedded);
        }
        let mut db = (**embedded).clone();
        let mut loaded: Vec<&Arc<[u8]>> = Vec::new();
        for u in &self.0.user {
            // A collection is one source: load it once, with all its faces.
            if !loaded.iter().any(|b| Arc::ptr_eq(b, &u.bytes)) {
                loaded.push(&u.bytes);
                db.load_font_source(fontdb::Source::Binary(Arc::new(Arc::clone(&u.bytes))));
            }
        }
        Arc::new(db)
    }
}

#[cfg(test)]
mod tests;
