//! PNG output: resvg rasterises the SVG with the embedded fonts only, and the `png` crate encodes
//! it as 8-bit RGB (charts are opaque, so the alpha channel would only cost bytes).

use anyhow::Context;
use resvg::{tiny_skia, usvg};

/// Rasterises SVG text at `scale` and encodes it as PNG.
pub fn rasterise(svg: &str, width: u32, height: u32, scale: f32) -> anyhow::Result<Vec<u8>> {
    let options = usvg::Options {
        fontdb: crate::fonts::database(),
        font_family: crate::fonts::FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .context("the SVG could not be read back for the PNG")?;
    let w = ((width as f32) * scale).round().max(1.0) as u32;
    let h = ((height as f32) * scale).round().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).context("the PNG is too large to allocate")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // Opaque image: premultiplied RGBA equals straight RGBA; keep RGB.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header().context("PNG header")?;
        writer.write_image_data(&rgb).context("PNG data")?;
        writer.finish().context("PNG end")?;
    }
    Ok(out)
}
