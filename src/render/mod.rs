//! Output formats: the scene is written as SVG by plotters, and PNG is that same SVG rasterised
//! by resvg, so both files show exactly the same chart (and Arabic is shaped in both).

mod png;
mod svg;

use std::path::Path;

use crate::error::ChartError;
use crate::scene::Scene;

pub use svg::to_svg;

/// An output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Scalable vector graphics.
    Svg,
    /// Portable network graphics.
    Png,
}

impl Format {
    /// The format for an output path, from its extension.
    pub fn from_path(path: &Path) -> Result<Format, ChartError> {
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
            _ => Err(ChartError::Format {
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
    match format {
        Format::Svg => Ok(svg.into_bytes()),
        Format::Png => png::rasterise(&svg, scene.width, scene.height, scale, &scene.fonts),
    }
}

/// The SVG file of a scene whose SVG text is `svg`: that text, or with `SvgText::Paths` the
/// same drawing with every glyph an outline (shaped by usvg with the scene's fonts, exactly as
/// the PNG), keeping the title and description as text.
pub fn svg_file(svg: &str, scene: &Scene, mode: crate::spec::SvgText) -> anyhow::Result<String> {
    match mode {
        crate::spec::SvgText::Text => Ok(svg.to_string()),
        crate::spec::SvgText::Paths => {
            let tree = png::parse_with(svg, &scene.fonts)?;
            let options = resvg::usvg::WriteOptions {
                coordinates_precision: 2,
                transforms_precision: 4,
                ..resvg::usvg::WriteOptions::default()
            };
            Ok(svg::accessible(tree.to_string(&options), scene))
        }
    }
}

/// Renders SVG text to PNG bytes with the embedded fonts (used when the SVG is already at hand).
pub fn svg_to_png(svg: &str, width: u32, height: u32, scale: f32) -> anyhow::Result<Vec<u8>> {
    png::rasterise(svg, width, height, scale, &crate::fonts::FontSet::default())
}

/// Renders the SVG of `scene` to PNG bytes with the scene's fonts.
pub fn scene_svg_to_png(svg: &str, scene: &Scene, scale: f32) -> anyhow::Result<Vec<u8>> {
    png::rasterise(svg, scene.width, scene.height, scale, &scene.fonts)
}
