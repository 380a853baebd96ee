//! One font face: its character map, read without parsing the rest of the font, and on first use
//! its shaping data and shape plans.
//!
//! A face owns (a share of) its file's bytes, so a user's font needs no `'static` lifetime: the
//! font is read from those bytes on each use (reading its table directory costs a few bounds
//! checks), and the character map is found once, by its offset in the file.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use harfrust::{
    Direction, FontRef, Language, Script, ShapeOptions, ShapePlan, ShaperData, UnicodeBuffer,
};
use read_fonts::tables::cmap::CmapSubtable;
use read_fonts::types::Tag;
use read_fonts::{FontData, FontRead, TableProvider};

/// A shape plan is built for one (direction, script, language): a few dozen microseconds each
/// (collecting the font's lookups), against a few microseconds for shaping a label. A chart
/// measures hundreds of labels in one or two scripts, so plans are kept with the face.
type PlanKey = (Direction, Script, Option<Language>);

/// The bytes of a font file: compiled into the binary, or read from the user's file and shared
/// by every face of it.
#[derive(Clone)]
pub enum FontBytes {
    /// An embedded font.
    Static(&'static [u8]),
    /// A file read at run time.
    Shared(Arc<[u8]>),
}

impl AsRef<[u8]> for FontBytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            FontBytes::Static(b) => b,
            FontBytes::Shared(b) => b,
        }
    }
}

/// A face of a font file.
pub struct Face {
    bytes: FontBytes,
    index: u32,
    /// Where the character map subtable starts in the file (`None`: the face has none).
    cmap: Option<usize>,
    /// Which ASCII characters the face maps (bit `c`), read once: every text of a chart is
    /// checked character by character against the faces, and most of it is ASCII.
    ascii: OnceLock<u128>,
    shaping: OnceLock<Shaping>,
}

/// What shaping needs, built the first time a text is shaped with the face.
struct Shaping {
    data: ShaperData,
    upem: f64,
    plans: Mutex<Vec<(PlanKey, Arc<ShapePlan>)>>,
}

/// A shaped glyph: its id (0 is the missing glyph), the byte offset of its cluster in the text,
/// and its advance in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face that shaped it.
    pub id: u32,
    /// Byte offset in the shaped text of the first character of its cluster.
    pub cluster: u32,
    /// Horizontal advance, in font units.
    pub advance: i32,
    /// Font units per em of the face that shaped it.
    pub upem: f64,
}

/// Total advance of `glyphs` in em: font units summed per face, then divided (so one face
/// gives exactly the integer total over its units per em).
pub fn total_em(glyphs: &[Glyph]) -> f64 {
    let mut sums: Vec<(f64, i64)> = Vec::new();
    for g in glyphs {
        match sums.iter_mut().find(|(u, _)| *u == g.upem) {
            Some((_, s)) => *s += i64::from(g.advance),
            None => sums.push((g.upem, i64::from(g.advance))),
        }
    }
    sums.iter().map(|(u, s)| *s as f64 / u).sum()
}

impl Glyph {
    /// True for the missing glyph (the box).
    pub fn is_missing(&self) -> bool {
        self.id == 0
    }
}

impl Face {
    /// The face `index` of a font or collection file, or `None` if it is not a font.
    pub fn new(bytes: FontBytes, index: u32) -> Option<Face> {
        let font = FontRef::from_index(bytes.as_ref(), index).ok()?;
        let table = font
            .table_directory()
            .table_records()
            .iter()
            .find(|r| r.tag() == Tag::new(b"cmap"))
            .map(|r| r.offset() as usize);
        let subtable = font
            .cmap()
            .ok()
            .and_then(|c| c.best_subtable())
            .map(|(_, record, _)| record.subtable_offset().to_u32() as usize);
        let cmap = table.zip(subtable).map(|(t, s)| t + s);
        Some(Face {
            bytes,
            index,
            cmap,
            ascii: OnceLock::new(),
            shaping: OnceLock::new(),
        })
    }

    /// The font, read from the bytes (checked in [`Face::new`]).
    fn font(&self) -> Option<FontRef<'_>> {
        FontRef::from_index(self.bytes.as_ref(), self.index).ok()
    }

    /// True if the face maps `c` to a glyph.
    pub fn has_char(&self, c: char) -> bool {
        if c.is_ascii() {
            let ascii = self.ascii.get_or_init(|| {
                (0u8..128)
                    .filter(|&b| self.maps(char::from(b)))
                    .fold(0, |bits, b| bits | 1 << b)
            });
            return ascii & (1 << u32::from(c)) != 0;
        }
        self.maps(c)
    }

    fn maps(&self, c: char) -> bool {
        let Some(data) = self.cmap.and_then(|at| self.bytes.as_ref().get(at..)) else {
            return false;
        };
        CmapSubtable::read(FontData::new(data))
            .ok()
            .and_then(|s| s.map_codepoint(c))
            .is_some_and(|g| g.to_u32() != 0)
    }

    fn shaping(&self) -> Option<&Shaping> {
        let font = self.font()?;
        Some(self.shaping.get_or_init(|| {
            let data = ShaperData::new(&font);
            let upem = f64::from(data.shaper(&font).build().units_per_em()).max(1.0);
            Shaping {
                data,
                upem,
                plans: Mutex::new(Vec::new()),
            }
        }))
    }

    /// Shapes `text` as one run (direction, script and language guessed from the text, as
    /// harfrust does by default).
    pub fn shape(&self, text: &str) -> Vec<Glyph> {
        let (Some(font), Some(shaping)) = (self.font(), self.shaping()) else {
            return Vec::new();
        };
        let shaper = shaping.data.shaper(&font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let key = (buffer.direction(), buffer.script(), buffer.language());
        let plan = shaping.plan(&shaper, key);
        let shaped = shaper.shape(buffer, ShapeOptions::new().plan(Some(&plan)));
        shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(i, p)| Glyph {
                id: i.glyph_id,
                cluster: i.cluster,
                advance: p.x_advance,
                upem: shaping.upem,
            })
            .collect()
    }

    /// Shapes `text` without a cached plan, the way harfrust does it by default (for tests).
    #[cfg(test)]
    pub fn shape_fresh(&self, text: &str) -> f64 {
        let (Some(font), Some(shaping)) = (self.font(), self.shaping()) else {
            return 0.0;
        };
        let shaper = shaping.data.shaper(&font).build();
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, ShapeOptions::new());
        let total: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        total as f64 / shaping.upem
    }
}

impl Shaping {
    /// The cached plan for `key`, built on first use (under the lock: a handful of plans per
    /// run). Shaping itself runs outside the lock, so the threads of a build shape in parallel.
    fn plan(&self, shaper: &harfrust::Shaper<'_>, key: PlanKey) -> Arc<ShapePlan> {
        // A poisoned lock only means another thread panicked while pushing a plan; the list
        // itself is still a valid cache.
        let mut plans = self.plans.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, plan)) = plans.iter().find(|(k, _)| *k == key) {
            return Arc::clone(plan);
        }
        let plan = Arc::new(ShapePlan::new(
            shaper,
            key.0,
            Some(key.1),
            key.2.as_ref(),
            &[],
        ));
        plans.push((key, Arc::clone(&plan)));
        plan
    }
}
