//! PNG output: the chart's usvg tree drawn by resvg on a white canvas, encoded by the `png`
//! crate. [`png`] is the one way sharechart makes a PNG (the pipeline, the tests, the
//! benchmarks and the fuzz targets all call it).
//!
//! Charts are opaque (no alpha channel) and mostly flat colour: a bar chart has a few dozen
//! distinct colours even with antialiased text, so an image with at most 256 colours is written
//! as an 8-bit palette PNG (one byte a pixel instead of three; a third of the size of the RGB
//! file, and faster), anything else as 8-bit RGB. Both are lossless: the pixels are exactly
//! resvg's, and the bytes depend only on them. See BENCHMARKS.md for the encoder settings.

use anyhow::Context;
use resvg::{tiny_skia, usvg};

/// How a PNG is drawn, and what it says about itself besides its pixels.
pub struct PngInfo<'a> {
    /// Drawn at this many times the SVG's size; the `pHYs` chunk says 96 x scale pixels per
    /// inch, so the image lands at its SVG's size in a word processor.
    pub scale: f32,
    /// The chart's title (`iTXt` keyword `Title`; none when empty).
    pub title: &'a str,
    /// The chart's alt text (`iTXt` keyword `Description`; none when empty).
    pub desc: &'a str,
}

/// The PNG file of a chart's usvg tree (see [`super::parse`]), drawn at `info.scale`.
pub fn png(tree: &usvg::Tree, info: &PngInfo) -> anyhow::Result<Vec<u8>> {
    let pixmap = draw(tree, info.scale)?;
    encode(&pixmap, info)
}

/// The tree drawn on a white canvas of its size times `scale`.
fn draw(tree: &usvg::Tree, scale: f32) -> anyhow::Result<tiny_skia::Pixmap> {
    let pixels = |length: f32| (length * scale).round().max(1.0) as u32;
    let (w, h) = (pixels(tree.size().width()), pixels(tree.size().height()));
    let mut pixmap = tiny_skia::Pixmap::new(w, h).context("the PNG is too large to allocate")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The PNG bytes of an opaque pixmap: palette if it has at most 256 colours, else RGB. The
/// settings were measured on the peers' charts at 1200x800 (`cargo bench --bench png_options`,
/// BENCHMARKS.md):
///
/// - palette: adaptive filters with fdeflate's fast mode, ~17 KB in ~0.5 ms (zlib levels are
///   slower and, below level 3, larger; level 3+ saves ~12% for ~15x the time);
/// - RGB (more than 256 colours, rare: a pie whose antialiased edges mix two slice colours): no
///   filter with zlib level 2, ~25 KB in ~5.5 ms, half the size of the fast mode's ~50 KB in
///   ~1.2 ms, and smaller than gnuplot's pngcairo file of the same pie.
fn encode(pixmap: &tiny_skia::Pixmap, info: &PngInfo) -> anyhow::Result<Vec<u8>> {
    let size = (pixmap.width(), pixmap.height());
    // Premultiplied RGBA; the image is opaque (drawn on white), so that is straight RGB and an
    // alpha byte that carries nothing.
    let rgba = pixmap.data();
    match palette(rgba, size.0 as usize) {
        Some((palette, indices)) => write(
            size,
            (png::ColorType::Indexed, Some(palette)),
            &indices,
            (
                png::Filter::Adaptive,
                png::DeflateCompression::FdeflateUltraFast,
            ),
            info,
        ),
        None => {
            let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
            for p in rgba.chunks_exact(4) {
                rgb.extend_from_slice(&p[..3]);
            }
            write(
                size,
                (png::ColorType::Rgb, None),
                &rgb,
                (png::Filter::NoFilter, png::DeflateCompression::Level(2)),
                info,
            )
        }
    }
}

/// Largest palette a PNG can hold.
const MAX_COLOURS: usize = 256;
/// Slots of the colour table: a power of two, at least twice the largest palette.
const SLOTS: usize = 1024;

/// The palette (RGB triples in order of first appearance, so the file is deterministic) and one
/// index a pixel, of opaque RGBA pixels `width` to a row; `None` with more than 256 colours.
///
/// Charts repeat themselves: a row equal to the row above (background, the inside of a bar)
/// gets that row's indices, and inside a row the last colour is kept aside for runs. Other
/// pixels go through a small open-addressing table keyed by a multiplicative hash.
fn palette(rgba: &[u8], width: usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let stride = width * 4;
    let mut table = ([0u32; SLOTS], [0u8; SLOTS]);
    let mut palette = Vec::with_capacity(MAX_COLOURS * 3);
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    let mut above: &[u8] = &[];
    for row in rgba.chunks_exact(stride) {
        let start = indices.len();
        if row == above {
            indices.extend_from_within(start - width..start);
        } else {
            indices.resize(start + width, 0);
            index_row(row, &mut indices[start..], &mut table, &mut palette)?;
        }
        above = row;
    }
    Some((palette, indices))
}

/// Writes the palette index of every pixel of one row into `out`, adding new colours to the
/// palette and to `table` (keys: RGB with the top byte set, so 0 marks an empty slot; values:
/// indices); `None` when a 257th colour turns up.
fn index_row(
    row: &[u8],
    out: &mut [u8],
    (keys, values): &mut ([u32; SLOTS], [u8; SLOTS]),
    palette: &mut Vec<u8>,
) -> Option<()> {
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
    Some(())
}

/// Writes 8-bit PNG data of the given colour type (and palette) with the given row filter and
/// deflate setting, and the chunks of [`describe`].
fn write(
    (width, height): (u32, u32),
    (color, palette): (png::ColorType, Option<Vec<u8>>),
    data: &[u8],
    (filter, deflate): (png::Filter, png::DeflateCompression),
    info: &PngInfo,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 16);
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    if let Some(p) = palette {
        enc.set_palette(p);
    }
    enc.set_deflate_compression(deflate);
    enc.set_filter(filter);
    describe(&mut enc, info)?;
    let mut writer = enc.write_header().context("PNG header")?;
    writer.write_image_data(data).context("PNG data")?;
    writer.finish().context("PNG end")?;
    Ok(out)
}

/// Pixels per metre at 96 x `scale` pixels per inch: 3780 a scale, so that scale 1 is 3780
/// (96.01 dpi) and 2 is 7560 (192.02 dpi), which readers round to 96 and 192 dpi. The exact
/// 7559.06 would be written 7559, which is 191.999 dpi: pandoc takes 191 and places a
/// `--scale 2` PNG 0.5% too large (issue 21).
fn pixels_per_metre(scale: f32) -> u32 {
    (f64::from(scale) * 3780.0).round() as u32
}

/// Adds `pHYs` and the `Title` and `Description` `iTXt` chunks (UTF-8, so Arabic fits; no
/// time chunk, so the bytes stay a function of the chart).
fn describe<W: std::io::Write>(enc: &mut png::Encoder<W>, info: &PngInfo) -> anyhow::Result<()> {
    let ppm = pixels_per_metre(info.scale);
    enc.set_pixel_dims(Some(png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    for (key, text) in [("Title", info.title), ("Description", info.desc)] {
        if !text.is_empty() {
            enc.add_itxt_chunk(key.to_string(), text.to_string())
                .context("PNG text")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: PngInfo = PngInfo {
        scale: 1.0,
        title: "",
        desc: "",
    };

    fn decode(bytes: &[u8]) -> (png::ColorType, Vec<u8>) {
        let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
        dec.set_transformations(png::Transformations::EXPAND);
        let mut reader = dec.read_info().expect("header");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("frame");
        buf.truncate(info.buffer_size());
        (reader.info().color_type, buf)
    }

    fn rgb_of(pm: &tiny_skia::Pixmap) -> Vec<u8> {
        pm.data()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect()
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
    fn physical_size_is_a_whole_number_of_dots_per_inch() {
        assert_eq!(pixels_per_metre(1.0), 3780);
        assert_eq!(pixels_per_metre(2.0), 7560);
        assert_eq!(pixels_per_metre(3.0), 11340);
        // What pandoc computes from it: round(ppm * 0.0254).
        for scale in [1.0f32, 2.0, 3.0, 4.0] {
            let dpi = (f64::from(pixels_per_metre(scale)) * 0.0254).round();
            assert_eq!(dpi, 96.0 * f64::from(scale));
        }
    }

    #[test]
    fn few_colours_give_a_palette_png_with_the_same_pixels() {
        let pm = pixmap(300, 200, |x, y| {
            [(x % 16) as u8 * 16, (y % 16) as u8 * 16, 7]
        });
        let png = encode(&pm, &PLAIN).expect("encode");
        let (color, pixels) = decode(&png);
        assert_eq!(color, png::ColorType::Indexed);
        assert_eq!(pixels, rgb_of(&pm));
        assert_eq!(png, encode(&pm, &PLAIN).expect("encode"), "deterministic");
    }

    #[test]
    fn many_colours_give_an_rgb_png_with_the_same_pixels() {
        // 257 colours: one too many for a palette.
        let pm = pixmap(257, 3, |x, _| [x as u8, (x >> 8) as u8, 0]);
        let (color, pixels) = decode(&encode(&pm, &PLAIN).expect("encode"));
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(pixels, rgb_of(&pm));
        // Exactly 256 still fits.
        let pm = pixmap(256, 3, |x, _| [x as u8, 1, 2]);
        assert_eq!(
            decode(&encode(&pm, &PLAIN).expect("encode")).0,
            png::ColorType::Indexed
        );
        // Rows 0-3 have two colours and repeat, row 4 has 300: the palette gives up late.
        let pm = pixmap(300, 5, |x, y| match y {
            4 => [x as u8, (x >> 8) as u8, 9],
            _ => [(x % 2) as u8 * 200, 0, 3],
        });
        let (color, pixels) = decode(&encode(&pm, &PLAIN).expect("encode"));
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(pixels, rgb_of(&pm));
    }

    #[test]
    fn a_chart_round_trips_at_its_size_times_the_scale() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect x="20" y="30" width="60" height="100" fill="#0072B2"/><circle cx="160" cy="80" r="50" fill="#E69F00"/><text x="20" y="20" font-size="14">Dates 76%</text></svg>"##;
        let fonts = crate::fonts::Fonts::default()
            .set(&[])
            .expect("embedded fonts");
        let tree = super::super::parse(svg, &fonts).expect("parse");
        for (scale, size) in [(1.0, (240, 160)), (1.5, (360, 240)), (0.75, (180, 120))] {
            let pm = draw(&tree, scale).expect("draw");
            assert_eq!((pm.width(), pm.height()), size);
            let info = PngInfo { scale, ..PLAIN };
            let (_, pixels) = decode(&png(&tree, &info).expect("png"));
            assert_eq!(pixels, rgb_of(&pm));
        }
    }
}
