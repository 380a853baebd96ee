//! Output formats: the scene is written as SVG by plotters; PNG is that same SVG rasterised by
//! resvg, and PDF the same usvg tree drawn as vectors by krilla, so every file shows exactly the
//! same chart (and Arabic is shaped in each). The tree is parsed once for both ([`parse`]).

mod pdf;
mod png;
mod svg;

use std::path::Path;

use anyhow::Context;
use resvg::usvg;

use crate::fonts::FontSet;
use crate::options::SvgText;
use crate::output::OutputError;
use crate::scene::Scene;

pub use png::{PngInfo, png};
pub use svg::to_svg;

/// An output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Scalable vector graphics.
    Svg,
    /// Portable network graphics.
    Png,
    /// Portable document format (vector, for LaTeX and Typst).
    Pdf,
}

impl Format {
    /// The format for an output path, from its extension.
    pub fn from_path(path: &Path) -> Result<Format, OutputError> {
        // `-o -`: SVG on standard output.
        if path.as_os_str() == "-" {
            return Ok(Format::Svg);
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "svg" => Ok(Format::Svg),
            "png" => Ok(Format::Png),
            "pdf" => Ok(Format::Pdf),
            _ => Err(OutputError::Format {
                path: path.to_path_buf(),
                ext: if ext.is_empty() {
                    "(none)".to_string()
                } else {
                    format!(".{ext}")
                },
            }),
        }
    }
}

/// Renders a scene to the bytes of a file of the given format.
pub fn render(scene: &Scene, format: Format, scale: f32) -> anyhow::Result<Vec<u8>> {
    let svg = to_svg(scene);
    let mut files = render_all(scene, &svg, &[format], scale, SvgText::Text, &scene.desc)?;
    Ok(files.pop().unwrap_or_default())
}

/// The bytes of each format, in order, from a scene and its SVG text (already at hand). The
/// SVG is parsed into a usvg tree once (with the scene's fonts), for the PNG and the PDF both;
/// `alt` is their alt text; `svg_text` says how the SVG file writes its text.
pub fn render_all(
    scene: &Scene,
    svg: &str,
    formats: &[Format],
    scale: f32,
    svg_text: SvgText,
    alt: &str,
) -> anyhow::Result<Vec<Vec<u8>>> {
    let tree = if formats.iter().any(|f| *f != Format::Svg) {
        Some(parse(svg, &scene.fonts)?)
    } else {
        None
    };
    formats
        .iter()
        .map(|format| match (format, &tree) {
            (Format::Png, Some(tree)) => {
                let info = PngInfo {
                    scale,
                    title: &scene.title,
                    desc: alt,
                };
                png(tree, &info)
            }
            (Format::Pdf, Some(tree)) => {
                let info = pdf::Info {
                    title: &scene.title,
                    desc: alt,
                    rtl: scene.rtl,
                    lang: &scene.lang,
                    fonts: scene.fonts.database(),
                };
                pdf::write(tree, scene.width, scene.height, &info)
            }
            _ => Ok(svg_file(svg, scene, svg_text)?.into_bytes()),
        })
        .collect()
}

/// SVG text -> usvg tree, with a chart's fonts (the embedded ones and the user's): text is
/// shaped and turned into glyphs here. The tree is what [`png`] rasterises and the PDF draws.
pub fn parse(svg: &str, fonts: &FontSet) -> anyhow::Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: fonts.database(),
        font_family: crate::fonts::FAMILY.to_string(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
        .context("the SVG could not be read back (for the PNG or PDF)")
}

/// The SVG file of a scene whose SVG text is `svg`: that text, or with `SvgText::Paths` the
/// same drawing with every glyph an outline (shaped by usvg with the scene's fonts, exactly as
/// the PNG), keeping the title and description as text.
pub fn svg_file(svg: &str, scene: &Scene, mode: SvgText) -> anyhow::Result<String> {
    match mode {
        SvgText::Text => Ok(svg.to_string()),
        SvgText::Paths => {
            let tree = parse(svg, &scene.fonts)?;
            let options = resvg::usvg::WriteOptions {
                coordinates_precision: 2,
                transforms_precision: 4,
                ..resvg::usvg::WriteOptions::default()
            };
            Ok(svg::accessible(tree.to_string(&options), scene))
        }
    }
}
