//! PDF output: the same usvg tree that resvg rasterises for the PNG, drawn with krilla as vector
//! paths and real text (the embedded font, subset), so a PDF shows exactly the PNG's chart.
//!
//! Why krilla and not svg2pdf or krilla-svg: those convert a usvg tree, but pin usvg 0.45 and
//! 0.47, while resvg 0.49 here uses usvg 0.49; a second usvg would parse and lay out every chart
//! twice and double that part of the binary. Our SVG holds only flat-colour paths and text, so
//! walking the tree ourselves is short, and the text is shaped once, by the code that shapes it
//! for the PNG.
//!
//! - Text: every glyph is drawn from the embedded font (subset) and mapped to its characters
//!   (`ToUnicode`), in visual order as PDF readers expect, so `pdftotext` gives Arabic back in
//!   logical order; each `<text>` element is a span marked with its language.
//! - Tags: the page is one `Figure` whose alt text is the chart's description; the document
//!   carries the title, description and language. (Tagged, not claimed as PDF/UA: no validator
//!   is at hand to confirm it.)
//! - Deterministic: no dates, and krilla derives the document ids from the content.
//! - Size: 1 SVG pixel is 0.75 pt (96 per inch), so the page is the size the SVG and the PNG
//!   (`pHYs`) declare.
//! - PDF 1.5: nothing we use is newer, and pdfLaTeX and LuaLaTeX warn about any later version
//!   (issue 21); krilla then also leaves out `/MarkInfo`'s `/Suspects false` (a PDF/UA
//!   requirement of 1.6 and 1.7), which poppler reports as a syntax error.
//! - The file is krilla's as it writes it: its compression and its font subsets (BENCHMARKS.md
//!   has the sizes).

use anyhow::anyhow;
use krilla::color::rgb;
use krilla::configure::{ConfigurationBuilder, PdfVersion};
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::metadata::{Metadata, TextDirection};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, Node, SpanTag, Tag, TagGroup, TagTree};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use resvg::usvg;

/// Points per SVG pixel: a CSS pixel is 1/96 inch, a point 1/72.
const PT_PER_PX: f32 = 0.75;

/// What the PDF says about itself: the SVG's `<title>` and `<desc>`, and the language.
pub struct Info<'a> {
    /// The chart's title.
    pub title: &'a str,
    /// The chart's description (its alt text).
    pub desc: &'a str,
    /// Right to left.
    pub rtl: bool,
    /// The language tag of the chart's text ("en", "ar", "fa", "und").
    pub lang: &'a str,
    /// The fonts the tree was parsed with (its glyphs name faces of this database).
    pub fonts: std::sync::Arc<usvg::fontdb::Database>,
}

/// Writes the tree (of an SVG `width` x `height` pixels) as a one-page PDF.
pub fn write(tree: &usvg::Tree, width: u32, height: u32, info: &Info) -> anyhow::Result<Vec<u8>> {
    let lang = info.lang;
    let configuration = ConfigurationBuilder::new()
        .with_version(PdfVersion::Pdf15)
        .finish()
        .map_err(|e| anyhow!("the PDF could not be set up: {e:?}"))?;
    // No XMP packet: the document info dictionary and the catalog's /Lang carry the title,
    // description and language (pdfinfo shows them), 1.3 KB less (issue 14).
    let mut doc = Document::new_with(SerializeSettings {
        xmp_metadata: false,
        configuration,
        ..SerializeSettings::default()
    });
    let (w, h) = (width as f32 * PT_PER_PX, height as f32 * PT_PER_PX);
    let settings = PageSettings::from_wh(w, h).ok_or_else(|| anyhow!("the PDF page is empty"))?;
    let mut figure = TagGroup::new(Tag::Figure(Some(info.desc.to_string())));
    {
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_scale(PT_PER_PX, PT_PER_PX));
        let mut walker = Walker {
            fonts: Fonts::new(info.fonts.clone()),
            nodes: Vec::new(),
            lang: lang.to_string(),
            open: false,
        };
        walker.group(tree.root(), &mut surface);
        surface.pop();
        surface.finish();
        page.finish();
        for n in walker.nodes {
            figure.push(n);
        }
    }
    let mut tags = TagTree::new().with_lang(Some(lang.to_string()));
    tags.push(figure);
    doc.set_tag_tree(tags);
    doc.set_metadata(
        Metadata::new()
            .title(info.title.to_string())
            .description(info.desc.to_string())
            .language(lang.to_string())
            .creator(format!("sharechart {}", env!("CARGO_PKG_VERSION")))
            .text_direction(if info.rtl {
                TextDirection::RightToLeft
            } else {
                TextDirection::LeftToRight
            }),
    );
    doc.finish()
        .map_err(|e| anyhow!("the PDF could not be written: {e:?}"))
}

/// The faces the tree's glyphs use, as krilla fonts, made once each per PDF.
struct Fonts {
    db: std::sync::Arc<usvg::fontdb::Database>,
    made: Vec<(usvg::fontdb::ID, Option<Font>)>,
}

impl Fonts {
    fn new(db: std::sync::Arc<usvg::fontdb::Database>) -> Fonts {
        Fonts {
            db,
            made: Vec::new(),
        }
    }

    /// The font usvg chose for a glyph, from the database the tree was parsed with (embedded
    /// faces and `--font` files; the bytes are shared, not copied).
    fn get(&mut self, id: usvg::fontdb::ID) -> Option<Font> {
        if let Some((_, f)) = self.made.iter().find(|(i, _)| *i == id) {
            return f.clone();
        }
        let font = self.db.face_source(id).and_then(|(source, index)| {
            // Every face is loaded from bytes (embedded, or a `--font` file read once).
            #[allow(unreachable_patterns)]
            let data: krilla::Data = match source {
                usvg::fontdb::Source::Binary(b) => b.into(),
                _ => return None,
            };
            Font::new(data, index)
        });
        self.made.push((id, font.clone()));
        font
    }
}

/// Walks the tree, drawing into the surface and collecting the marked-content ids of the figure.
struct Walker {
    fonts: Fonts,
    nodes: Vec<Node>,
    lang: String,
    /// A marked section of paths is open (consecutive paths share one).
    open: bool,
}

impl Walker {
    fn group(&mut self, group: &usvg::Group, surface: &mut Surface) {
        self.close(surface);
        surface.push_transform(&transform(group.transform()));
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => self.group(g, surface),
                usvg::Node::Path(p) if p.is_visible() => {
                    if !self.open {
                        let id = surface.start_tagged(ContentTag::Other);
                        self.nodes.push(id.into());
                        self.open = true;
                    }
                    path(p, surface);
                }
                usvg::Node::Text(t) => {
                    self.close(surface);
                    self.text(t, surface);
                }
                // Charts hold no images; hidden paths draw nothing.
                _ => {}
            }
        }
        // Marked sections and saved graphics states must nest.
        self.close(surface);
        surface.pop();
    }

    /// Ends the open marked section of paths, if any.
    fn close(&mut self, surface: &mut Surface) {
        if self.open {
            surface.end_tagged();
            self.open = false;
        }
    }

    /// One `<text>`: its glyphs in usvg's (visual) order, each mapped to its characters, in a
    /// span marked with the language. No `ActualText`: poppler reverses it a second time for
    /// right-to-left text, while from visual-order glyphs it recovers the logical order itself.
    fn text(&mut self, text: &usvg::Text, surface: &mut Surface) {
        let tag = SpanTag::empty().with_lang(Some(&self.lang));
        let id = surface.start_tagged(ContentTag::Span(tag));
        for span in text.layouted().iter().filter(|s| s.visible) {
            surface.set_fill(span.fill.as_ref().map(fill));
            surface.set_stroke(None);
            // The isolates around Arabic text draw nothing; as glyphs they would leave stray
            // U+2066..U+2069 in the extracted text. A glyph with no text of its own is the
            // second glyph of a cluster (the letter under a shadda), and is drawn.
            let glyphs: Vec<&usvg::layout::PositionedGlyph> = span
                .positioned_glyphs
                .iter()
                .filter(|g| g.text.is_empty() || !g.text.chars().all(is_bidi_control))
                .collect();
            let mut start = 0;
            while start < glyphs.len() {
                let end = run_end(&glyphs, start, span.font_size.get());
                self.run(&glyphs[start..end], span.font_size.get(), surface);
                start = end;
            }
        }
        surface.end_tagged();
        self.nodes.push(id.into());
    }

    /// Draws a run of glyphs (see [`run_end`]) as one text-showing operation: the first glyph's
    /// transform, and each glyph's advance to the next one taken from usvg's positions.
    fn run(&mut self, glyphs: &[&usvg::layout::PositionedGlyph], size: f32, surface: &mut Surface) {
        let Some(first) = glyphs.first() else { return };
        let Some(font) = self.fonts.get(first.font) else {
            return;
        };
        // The glyph's transform includes the scale font size / units per em; krilla scales by
        // the font size itself.
        let upem = font.units_per_em();
        let ts = first.transform().pre_scale(upem / size, upem / size);
        let mut text = String::new();
        let mut out: Vec<KrillaGlyph> = Vec::with_capacity(glyphs.len());
        let mut ranges = Vec::with_capacity(glyphs.len());
        for g in glyphs {
            let at = text.len();
            text.push_str(&g.text);
            ranges.push(at..text.len());
        }
        // usvg gives a cluster's text to its first glyph and "" to the rest (the shadda of
        // كّ); krilla wants every glyph of a cluster to carry the cluster's range, and drops
        // the base letter otherwise. A glyph without text takes its neighbour's range.
        for i in 0..ranges.len() {
            if ranges[i].is_empty() {
                let near = (0..i)
                    .rev()
                    .chain(i + 1..ranges.len())
                    .find(|&j| !ranges[j].is_empty());
                if let Some(j) = near {
                    ranges[i] = ranges[j].clone();
                }
            }
        }
        for (i, g) in glyphs.iter().enumerate() {
            let advance = glyphs.get(i + 1).map_or(0.0, |n| {
                (n.transform().tx - g.transform().tx) / ts.sx / size
            });
            // A mark above or below its letter: off the run's baseline, not moving the pen
            // (krilla's offset is up, the tree's y down).
            let rise = (first.transform().ty - g.transform().ty) / ts.sy / size;
            out.push(KrillaGlyph::new(
                GlyphId::new(g.id.0),
                advance,
                0.0,
                rise,
                0.0,
                ranges[i].clone(),
                None,
            ));
        }
        surface.push_transform(&transform(ts));
        surface.draw_glyphs(Point::from_xy(0.0, 0.0), &out, font, &text, size, false);
        surface.pop();
    }
}

/// The invisible bidi marks and isolates the SVG text carries (see `crate::text`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The end of the run of glyphs from `start` that can be one text-showing operation: same
/// font, same size and slant, on one line (a mark a little above or below its letter, as GPOS
/// places the shadda, stays in the run, with its offset).
fn run_end(glyphs: &[&usvg::layout::PositionedGlyph], start: usize, size: f32) -> usize {
    let first = glyphs[start];
    let t0 = first.transform();
    let upright = t0.kx == 0.0 && t0.ky == 0.0 && t0.sx > 0.0;
    let mut end = start + 1;
    while upright && end < glyphs.len() {
        let (g, t) = (glyphs[end], glyphs[end].transform());
        let same = g.font == first.font
            && t.sx == t0.sx
            && t.sy == t0.sy
            && t.kx == 0.0
            && t.ky == 0.0
            && (t.ty - t0.ty).abs() < size * 0.5;
        if !same {
            break;
        }
        end += 1;
    }
    end
}

fn transform(t: usvg::Transform) -> Transform {
    Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty)
}

fn paint(p: &usvg::Paint) -> Paint {
    match p {
        usvg::Paint::Color(c) => rgb::Color::new(c.red, c.green, c.blue).into(),
        // Charts use flat colours only.
        _ => rgb::Color::new(0, 0, 0).into(),
    }
}

fn fill(f: &usvg::Fill) -> Fill {
    Fill {
        paint: paint(f.paint()),
        opacity: NormalizedF32::new(f.opacity().get()).unwrap_or(NormalizedF32::ONE),
        rule: match f.rule() {
            usvg::FillRule::NonZero => FillRule::NonZero,
            usvg::FillRule::EvenOdd => FillRule::EvenOdd,
        },
    }
}

fn stroke(s: &usvg::Stroke) -> Stroke {
    Stroke {
        paint: paint(s.paint()),
        width: s.width().get(),
        miter_limit: s.miterlimit().get(),
        line_cap: match s.linecap() {
            usvg::LineCap::Butt => LineCap::Butt,
            usvg::LineCap::Round => LineCap::Round,
            usvg::LineCap::Square => LineCap::Square,
        },
        line_join: match s.linejoin() {
            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
            usvg::LineJoin::Round => LineJoin::Round,
            usvg::LineJoin::Bevel => LineJoin::Bevel,
        },
        opacity: NormalizedF32::new(s.opacity().get()).unwrap_or(NormalizedF32::ONE),
        dash: s.dasharray().map(|a| StrokeDash {
            array: a.to_vec(),
            offset: s.dashoffset(),
        }),
    }
}

fn path(p: &usvg::Path, surface: &mut Surface) {
    use usvg::tiny_skia_path::PathSegment;
    let mut b = PathBuilder::new();
    for seg in p.data().segments() {
        match seg {
            PathSegment::MoveTo(a) => b.move_to(a.x, a.y),
            PathSegment::LineTo(a) => b.line_to(a.x, a.y),
            PathSegment::QuadTo(c, a) => b.quad_to(c.x, c.y, a.x, a.y),
            PathSegment::CubicTo(c1, c2, a) => b.cubic_to(c1.x, c1.y, c2.x, c2.y, a.x, a.y),
            PathSegment::Close => b.close(),
        }
    }
    let Some(built) = b.finish() else { return };
    surface.set_fill(p.fill().map(fill));
    surface.set_stroke(p.stroke().map(stroke));
    surface.draw_path(&built);
}
