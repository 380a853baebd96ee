//! PNG output: resvg rasterises the SVG with the embedded fonts only, and the `png` crate encodes
//! it. Charts are opaque (no alpha channel) and mostly flat colour: a bar chart has a few dozen
//! distinct colours even with antialiased text, so an image with at most 256 colours is written
//! as an 8-bit palette PNG (one byte a pixel instead of three; a third of the size of the RGB
//! file it replaced, and faster), anything else as 8-bit RGB. Both are lossless: the pixels
//! are exactly resvg's, and the bytes depend only on them.
//!
//! The steps are separate functions so that `benches/stages.rs` can time each one (it compiles
//! this very file as a module of the benchmark). See BENCHMARKS.md for the measurements behind
//! the encoder settings.

use anyhow::Context;
use resvg::{tiny_skia, usvg};

/// Rasterises SVG text at `scale` with the fonts of its chart and encodes it as PNG.
pub fn rasterise(
    svg: &str,
    width: u32,
    height: u32,
    scale: f32,
    fonts: &crate::fonts::FontSet,
) -> anyhow::Result<Vec<u8>> {
    let tree = parse_with(svg, fonts)?;
    let pixmap = draw(&tree, width, height, scale)?;
    encode(&pixmap)
}

/// Step 1: SVG text -> usvg tree (text is shaped and turned into paths here), with the
/// embedded fonts.
#[allow(dead_code)] // used by benches/stages.rs and benches/png_options.rs
pub fn parse(svg: &str) -> anyhow::Result<usvg::Tree> {
    parse_with(svg, &crate::fonts::FontSet::default())
}

/// Step 1 with the fonts of a chart (the embedded ones and the user's).
pub fn parse_with(svg: &str, fonts: &crate::fonts::FontSet) -> anyhow::Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: fonts.database(),
        font_family: crate::fonts::FAMILY.to_string(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).context("the SVG could not be read back for the PNG")
}

/// Step 2: tree -> pixels, on a white background.
pub fn draw(
    tree: &usvg::Tree,
    width: u32,
    height: u32,
    scale: f32,
) -> anyhow::Result<tiny_skia::Pixmap> {
    let w = ((width as f32) * scale).round().max(1.0) as u32;
    let h = ((height as f32) * scale).round().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).context("the PNG is too large to allocate")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Step 3: pixels -> PNG bytes: palette if the image has at most 256 colours, else RGB.
pub fn encode(pixmap: &tiny_skia::Pixmap) -> anyhow::Result<Vec<u8>> {
    match palette(pixmap.data(), pixmap.width() as usize) {
        Some((palette, indices)) => write(
            pixmap,
            png::ColorType::Indexed,
            Some(palette),
            &indices,
            png::Filter::Adaptive,
            png::DeflateCompression::FdeflateUltraFast,
        ),
        None => write(
            pixmap,
            png::ColorType::Rgb,
            None,
            &rgb(pixmap.data()),
            png::Filter::NoFilter,
            png::DeflateCompression::Level(2),
        ),
    }
}

/// The pixels without alpha. The image is opaque (drawn on white), so premultiplied RGBA equals
/// straight RGBA and the alpha byte carries nothing.
pub(crate) fn rgb(rgba: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; rgba.len() / 4 * 3];
    for (o, p) in out.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
        o.copy_from_slice(&p[..3]);
    }
    out
}

/// Largest palette a PNG can hold.
const MAX_COLOURS: usize = 256;
/// Slots of the colour table: a power of two, at least twice the largest palette.
const SLOTS: usize = 1024;

/// A palette (RGB triples, in order of first appearance, so the file is deterministic) and one
/// index a pixel, or `None` when the image has more than 256 colours.
///
/// Charts repeat themselves: a row equal to the row above (background, the inside of a bar) gets
/// that row's indices copied, and inside a row the last colour is kept aside for runs. Other
/// pixels go through a small open-addressing table keyed by a multiplicative hash.
pub(crate) fn palette(rgba: &[u8], width: usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let stride = width * 4;
    // Keys are RGB with the top byte set, so 0 marks an empty slot.
    let mut keys = [0u32; SLOTS];
    let mut values = [0u8; SLOTS];
    let mut palette: Vec<u8> = Vec::with_capacity(MAX_COLOURS * 3);
    let mut indices = vec![0u8; rgba.len() / 4];
    let mut previous: Option<&[u8]> = None;
    for (y, row) in rgba.chunks_exact(stride).enumerate() {
        let (done, rest) = indices.split_at_mut(y * width);
        let out = &mut rest[..width];
        if previous == Some(row) {
            out.copy_from_slice(&done[(y - 1) * width..]);
            continue;
        }
        previous = Some(row);
        let (mut last, mut last_index) = (0u32, 0u8);
        for (p, index) in row.chunks_exact(4).zip(out.iter_mut()) {
            let key = u32::from_le_bytes([p[0], p[1], p[2], 0xFF]);
            if key != last {
                let mut slot =
                    (key.wrapping_mul(0x9E37_79B1) >> (32 - SLOTS.trailing_zeros())) as usize;
                last_index = loop {
                    if keys[slot] == key {
                        break values[slot];
                    }
                    if keys[slot] == 0 {
                        let n = palette.len() / 3;
                        if n == MAX_COLOURS {
                            return None;
                        }
                        keys[slot] = key;
                        values[slot] = n as u8;
                        palette.extend_from_slice(&p[..3]);
                        break n as u8;
                    }
                    slot = (slot + 1) & (SLOTS - 1);
                };
                last = key;
            }
            *index = last_index;
        }
    }
    Some((palette, indices))
}

/// Writes 8-bit PNG data with the given row filter and deflate setting. Measured on the peers'
/// charts at 1200x800 (BENCHMARKS.md, "The PNG encoder"):
///
/// - palette: adaptive filters with fdeflate's fast mode, ~17 KB in ~0.5 ms (zlib levels
///   are slower and, below level 3, larger; level 3+ saves ~12% for ~15x the time);
/// - RGB (more than 256 colours, rare: a pie whose antialiased edges mix two slice colours):
///   no filter with zlib level 2, ~25 KB in ~5.5 ms, half the size of the fast mode's ~50 KB
///   in ~1.2 ms, and smaller than gnuplot's pngcairo file of the same pie.
fn write(
    pixmap: &tiny_skia::Pixmap,
    color: png::ColorType,
    palette: Option<Vec<u8>>,
    data: &[u8],
    filter: png::Filter,
    deflate: png::DeflateCompression,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 16);
    {
        let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        if let Some(p) = palette {
            enc.set_palette(p);
        }
        enc.set_deflate_compression(deflate);
        enc.set_filter(filter);
        let mut writer = enc.write_header().context("PNG header")?;
        writer.write_image_data(data).context("PNG data")?;
        writer.finish().context("PNG end")?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (png::ColorType, Vec<u8>) {
        let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
        dec.set_transformations(png::Transformations::EXPAND);
        let mut reader = dec.read_info().expect("header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("frame");
        buf.truncate(info.buffer_size());
        (reader.info().color_type, buf)
    }

    fn pixmap(w: u32, h: u32, colour: impl Fn(u32, u32) -> [u8; 3]) -> tiny_skia::Pixmap {
        let mut pm = tiny_skia::Pixmap::new(w, h).expect("pixmap");
        for (i, px) in pm.data_mut().chunks_exact_mut(4).enumerate() {
            let [r, g, b] = colour(i as u32 % w, i as u32 / w);
            px.copy_from_slice(&[r, g, b, 255]);
        }
        pm
    }

    #[test]
    fn few_colours_give_a_palette_png_with_the_same_pixels() {
        let pm = pixmap(300, 200, |x, y| {
            [(x % 16) as u8 * 16, (y % 16) as u8 * 16, 7]
        });
        let png = encode(&pm).expect("encode");
        let (color, pixels) = decode(&png);
        assert_eq!(color, png::ColorType::Indexed);
        assert_eq!(pixels, rgb(pm.data()));
        assert_eq!(png, encode(&pm).expect("encode"), "deterministic");
    }

    #[test]
    fn many_colours_give_an_rgb_png_with_the_same_pixels() {
        // 257 colours: one too many for a palette.
        let pm = pixmap(257, 3, |x, _| [x as u8, (x >> 8) as u8, 0]);
        let png = encode(&pm).expect("encode");
        let (color, pixels) = decode(&png);
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(pixels, rgb(pm.data()));
        // Exactly 256 still fits.
        let pm = pixmap(256, 3, |x, _| [x as u8, 1, 2]);
        assert_eq!(
            decode(&encode(&pm).expect("encode")).0,
            png::ColorType::Indexed
        );
    }

    #[test]
    fn a_chart_round_trips() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect x="20" y="30" width="60" height="100" fill="#0072B2"/><circle cx="160" cy="80" r="50" fill="#E69F00"/><text x="20" y="20" font-size="14">Dates 76%</text></svg>"##;
        let pm = draw(&parse(svg).expect("parse"), 240, 160, 1.0).expect("draw");
        let (_, pixels) = decode(&encode(&pm).expect("encode"));
        assert_eq!(pixels, rgb(pm.data()));
    }
}
