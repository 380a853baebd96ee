//! Output formats: the scene is written as SVG by plotters; PNG is that same SVG rasterised by
//! resvg, and PDF the same usvg tree drawn as vectors by krilla, so every file shows exactly the
//! same chart (and Arabic is shaped in each). The tree is parsed once for both.

mod pdf;
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
    /// Portable document format (vector, for LaTeX and Typst).
    Pdf,
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
            "pdf" => Ok(Format::Pdf),
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
    let mut files = render_all(scene, &svg, &[format], scale, &scene.desc)?;
    Ok(files.pop().unwrap_or_default())
}

/// The bytes of each format, in order, from a scene and its SVG text (already at hand). The
/// SVG is parsed into a usvg tree once, for the PNG and the PDF both; `alt` is their alt text.
pub fn render_all(
    scene: &Scene,
    svg: &str,
    formats: &[Format],
    scale: f32,
    alt: &str,
) -> anyhow::Result<Vec<Vec<u8>>> {
    let tree = if formats.iter().any(|f| *f != Format::Svg) {
        Some(png::parse(svg)?)
    } else {
        None
    };
    formats
        .iter()
        .map(|format| match (format, &tree) {
            (Format::Png, Some(tree)) => {
                let pixmap = png::draw(tree, scene.width, scene.height, scale)?;
                let meta = png::Meta {
                    scale,
                    title: &scene.title,
                    desc: alt,
                };
                png::encode_with(pixmap, Some(&meta))
            }
            (Format::Pdf, Some(tree)) => {
                let info = pdf::Info {
                    title: &scene.title,
                    desc: alt,
                    rtl: scene.rtl,
                };
                pdf::write(tree, scene.width, scene.height, &info)
            }
            _ => Ok(svg.as_bytes().to_vec()),
        })
        .collect()
}

/// Renders SVG text to PNG bytes, without the title and alt text chunks (benchmarks, fuzzing).
pub fn svg_to_png(svg: &str, width: u32, height: u32, scale: f32) -> anyhow::Result<Vec<u8>> {
    png::rasterise(svg, width, height, scale)
}
