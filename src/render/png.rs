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
    drop(tree);
    encode(pixmap)
}

/// Step 1: SVG text -> usvg tree (text is shaped and turned into paths here), with the
/// embedded fonts.
#[allow(dead_code)] // used by benches/stages.rs and benches/png_options.rs
pub fn parse(svg: &str) -> anyhow::Result<usvg::Tree> {
    let fonts = crate::fonts::Fonts::default();
    let set = fonts.set(&[]).context("the embedded fonts")?;
    parse_with(svg, &set)
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

/// The pixel size of a `width` x `height` SVG drawn at `scale`.
pub fn size(width: u32, height: u32, scale: f32) -> (u32, u32) {
    let w = ((width as f32) * scale).round().max(1.0) as u32;
    let h = ((height as f32) * scale).round().max(1.0) as u32;
    (w, h)
}

/// Step 2: tree -> pixels, on a white background.
pub fn draw(
    tree: &usvg::Tree,
    width: u32,
    height: u32,
    scale: f32,
) -> anyhow::Result<tiny_skia::Pixmap> {
    let (w, h) = size(width, height, scale);
    let mut pixmap = tiny_skia::Pixmap::new(w, h).context("the PNG is too large to allocate")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// What a PNG says about itself besides its pixels.
pub struct Meta<'a> {
    /// Drawn at this many times the SVG's size: the `pHYs` chunk says 96 x scale pixels per
    /// inch, so the image lands at its SVG's size in a word processor.
    pub scale: f32,
    /// The chart's title (`iTXt` keyword `Title`).
    pub title: &'a str,
    /// The chart's alt text (`iTXt` keyword `Description`).
    pub desc: &'a str,
}

/// Step 3: pixels -> PNG bytes: palette if the image has at most 256 colours, else RGB.
///
/// Takes the pixmap by value and turns its buffer into the palette indices (or the RGB bytes)
/// in place: no second image-sized buffer, whose fresh pages the kernel would have to fault in
/// and zero (~240 page faults for the indices of a 1200x800 chart, ~700 for RGB).
pub fn encode(pixmap: tiny_skia::Pixmap) -> anyhow::Result<Vec<u8>> {
    encode_with(pixmap, None)
}

/// [`encode`], with the physical size, title and alt text when `meta` is given.
pub fn encode_with(pixmap: tiny_skia::Pixmap, meta: Option<&Meta>) -> anyhow::Result<Vec<u8>> {
    let size = (pixmap.width(), pixmap.height());
    let mut data = pixmap.take();
    encode_pixels(&mut data, size, meta)
}

/// [`encode_with`] on the premultiplied RGBA bytes of an opaque `width` x `height` image, which
/// it overwrites (with the palette indices or the RGB bytes).
pub fn encode_pixels(
    data: &mut [u8],
    (width, height): (u32, u32),
    meta: Option<&Meta>,
) -> anyhow::Result<Vec<u8>> {
    let len = (width as usize * height as usize * 4).min(data.len());
    let data = &mut data[..len];
    match palette(data, width as usize) {
        Some(palette) => write(
            (width, height),
            png::ColorType::Indexed,
            Some(palette),
            &data[..width as usize * height as usize],
            png::Filter::Adaptive,
            png::DeflateCompression::FdeflateUltraFast,
            meta,
        ),
        None => {
            let n = rgb(data);
            write(
                (width, height),
                png::ColorType::Rgb,
                None,
                &data[..n],
                png::Filter::NoFilter,
                png::DeflateCompression::Level(2),
                meta,
            )
        }
    }
}

/// Drops the alpha byte of every pixel, in place (pixel `i` moves from byte `4i` to `3i`, never
/// past a pixel not yet moved), and returns the length of the RGB bytes. The image is opaque
/// (drawn on white), so premultiplied RGBA equals straight RGBA and the alpha byte carries
/// nothing.
pub(crate) fn rgb(data: &mut [u8]) -> usize {
    let n = data.len() / 4;
    for i in 0..n {
        data.copy_within(4 * i..4 * i + 3, 3 * i);
    }
    n * 3
}

/// Largest palette a PNG can hold.
const MAX_COLOURS: usize = 256;
/// Slots of the colour table: a power of two, at least twice the largest palette.
const SLOTS: usize = 1024;

/// Turns opaque RGBA pixels into one palette index a pixel, in place, and returns the palette
/// (RGB triples, in order of first appearance, so the file is deterministic); or `None` when the
/// image has more than 256 colours, with `data` put back as it was. The indices are the first
/// `width * height` bytes of `data`.
///
/// The indices of row `y` go to bytes `y*width..`, which for `y > 0` lie before the row's own
/// pixels, and row 0 is read from a copy, so no pixel is overwritten before it is read. Charts
/// repeat themselves: a row equal to the row before (background, the inside of a bar) gets that
/// row's indices copied, and inside a row the last colour is kept aside for runs. Other pixels go
/// through a small open-addressing table keyed by a multiplicative hash.
pub(crate) fn palette(data: &mut [u8], width: usize) -> Option<Vec<u8>> {
    let stride = width * 4;
    let height = data.len().checked_div(stride)?;
    let mut table = ([0u32; SLOTS], [0u8; SLOTS]);
    let mut palette: Vec<u8> = Vec::with_capacity(MAX_COLOURS * 3);
    // The last row that was not a repeat, as it was before any index was written.
    let mut previous: Vec<u8> = Vec::with_capacity(stride);
    for y in 0..height {
        let row = y * stride..(y + 1) * stride;
        if y > 0 && data[row.clone()] == previous[..] {
            data.copy_within((y - 1) * width..y * width, y * width);
            continue;
        }
        previous.clear();
        previous.extend_from_slice(&data[row]);
        let out = &mut data[y * width..(y + 1) * width];
        if !index_row(&previous, out, &mut table, &mut palette) {
            restore(data, y, width, &palette, &previous);
            return None;
        }
    }
    Some(palette)
}

/// Writes the palette index of every pixel of one row into `out`, adding new colours to the
/// palette and to `table` (keys: RGB with the top byte set, so 0 marks an empty slot; values:
/// indices); false when a 257th colour turns up.
fn index_row(
    row: &[u8],
    out: &mut [u8],
    (keys, values): &mut ([u32; SLOTS], [u8; SLOTS]),
    palette: &mut Vec<u8>,
) -> bool {
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
                        return false;
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
    true
}

/// Undoes `palette` when it gives up in row `y`: rows before `y` are rebuilt from their indices
/// (back to front, so no index is overwritten before it is read; every pixel is opaque) and row
/// `y` from its saved copy.
fn restore(data: &mut [u8], y: usize, width: usize, palette: &[u8], row: &[u8]) {
    for i in (0..y * width).rev() {
        let c = usize::from(data[i]) * 3;
        data[4 * i..4 * i + 4].copy_from_slice(&[palette[c], palette[c + 1], palette[c + 2], 255]);
    }
    data[y * width * 4..(y + 1) * width * 4].copy_from_slice(row);
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
    (width, height): (u32, u32),
    color: png::ColorType,
    palette: Option<Vec<u8>>,
    data: &[u8],
    filter: png::Filter,
    deflate: png::DeflateCompression,
    meta: Option<&Meta>,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 16);
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        if let Some(p) = palette {
            enc.set_palette(p);
        }
        enc.set_deflate_compression(deflate);
        enc.set_filter(filter);
        if let Some(m) = meta {
            describe(&mut enc, m)?;
        }
        let mut writer = enc.write_header().context("PNG header")?;
        writer.write_image_data(data).context("PNG data")?;
        writer.finish().context("PNG end")?;
    }
    Ok(out)
}

/// Pixels per metre at 96 x `scale` pixels per inch (3780 at scale 1).
pub(crate) fn pixels_per_metre(scale: f32) -> u32 {
    (f64::from(scale) * 96.0 / 0.0254).round() as u32
}

/// Adds `pHYs` and the `Title` and `Description` `iTXt` chunks (UTF-8, so Arabic fits; no
/// time chunk, so the bytes stay a function of the chart).
fn describe<W: std::io::Write>(enc: &mut png::Encoder<W>, m: &Meta) -> anyhow::Result<()> {
    let ppm = pixels_per_metre(m.scale);
    enc.set_pixel_dims(Some(png::PixelDimensions {
        xppu: ppm,
        yppu: ppm,
        unit: png::Unit::Meter,
    }));
    for (key, text) in [("Title", m.title), ("Description", m.desc)] {
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
        let mut data = pm.data().to_vec();
        let n = rgb(&mut data);
        data.truncate(n);
        data
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
        let png = encode(pm.clone()).expect("encode");
        let (color, pixels) = decode(&png);
        assert_eq!(color, png::ColorType::Indexed);
        assert_eq!(pixels, rgb_of(&pm));
        assert_eq!(png, encode(pm.clone()).expect("encode"), "deterministic");
    }

    #[test]
    fn many_colours_give_an_rgb_png_with_the_same_pixels() {
        // 257 colours: one too many for a palette.
        let pm = pixmap(257, 3, |x, _| [x as u8, (x >> 8) as u8, 0]);
        let png = encode(pm.clone()).expect("encode");
        let (color, pixels) = decode(&png);
        assert_eq!(color, png::ColorType::Rgb);
        assert_eq!(pixels, rgb_of(&pm));
        // Exactly 256 still fits.
        let pm = pixmap(256, 3, |x, _| [x as u8, 1, 2]);
        assert_eq!(
            decode(&encode(pm.clone()).expect("encode")).0,
            png::ColorType::Indexed
        );
    }

    #[test]
    fn a_palette_that_overflows_late_leaves_the_pixels_as_they_were() {
        // Rows 0-3 have two colours, row 4 has 300: the indices of rows 0-3 are already written
        // over the pixels when the palette gives up.
        for width in [1, 7, 300] {
            let pm = pixmap(width, 5, |x, y| match y {
                4 => [x as u8, (x >> 8) as u8, 9],
                _ => [(x % 2) as u8 * 200, y as u8, 3],
            });
            let mut data = pm.data().to_vec();
            let fits = palette(&mut data, width as usize).is_some();
            assert_eq!(fits, width <= 255, "width {width}");
            if !fits {
                assert_eq!(data, pm.data(), "width {width}");
            }
        }
    }

    #[test]
    fn a_chart_round_trips() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160"><rect x="20" y="30" width="60" height="100" fill="#0072B2"/><circle cx="160" cy="80" r="50" fill="#E69F00"/><text x="20" y="20" font-size="14">Dates 76%</text></svg>"##;
        let pm = draw(&parse(svg).expect("parse"), 240, 160, 1.0).expect("draw");
        let (_, pixels) = decode(&encode(pm.clone()).expect("encode"));
        assert_eq!(pixels, rgb_of(&pm));
    }
}
