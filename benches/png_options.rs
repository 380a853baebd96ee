//! The measurements behind the PNG encoder settings in `src/render/png.rs`: size and time of
//! every colour type x row filter x deflate setting on the four peer charts (1200x800).
//!
//! Run: `cargo bench --bench png_options` (about a minute); prints a markdown table (median of
//! 11 runs per cell). Not a criterion benchmark: a table of sizes is the point, times are a
//! guide. The pixels are those of the shipped PNG (`render::png`, decoded); the palette indices
//! or RGB bytes are made before the clock starts, so a time is the `png` crate's alone.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use png::{DeflateCompression, Filter};
use sharechart::fonts::{FontSet, Fonts};
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::layout::Context;
use sharechart::render::{PngInfo, parse, png, to_svg};
use sharechart::{dataset, table};

/// The embedded fonts, for one benchmark run.
fn embedded() -> FontSet {
    Fonts::default().set(&[]).expect("embedded fonts")
}

/// The dataset of a chart, as the pipeline reads a table whole.
fn for_chart(table: &table::Table, spec: &ChartOptions) -> Option<dataset::Dataset> {
    let c = spec.common();
    dataset::build(table, &c.data, &c.legend, spec.sort()).ok()
}

/// The chart's scene, as the pipeline lays it out.
fn layout(
    ds: &dataset::Dataset,
    spec: &ChartOptions,
    fonts: &FontSet,
) -> Option<sharechart::scene::Scene> {
    let cx = Context::resolve(ds, spec.common(), fonts, None, None);
    spec.layout(ds, &cx).ok()
}

/// A chart: its shipped PNG, and that PNG's size and pixels (RGB bytes).
struct Chart {
    name: &'static str,
    shipped: Vec<u8>,
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

fn charts() -> Vec<Chart> {
    let set = embedded();
    let o = |kind, keys: &str| ChartOptions::from_toml(kind, keys).expect("options");
    let agri = "title = \"OIC member states' share of world production (%)\"\n\
                subtitle = \"Share of world total (%), by commodity\"\n";
    let cases: [(&str, &[u8], ChartOptions); 4] = [
        (
            "agri",
            include_bytes!("../bench/peers/agriculture.csv"),
            o(Kind::Bar, agri),
        ),
        (
            "agri_ar",
            include_bytes!("../bench/peers/agriculture.csv"),
            o(Kind::Bar, &format!("{agri}lang = \"ar\"")),
        ),
        (
            "energy",
            include_bytes!("../bench/peers/energy.csv"),
            o(
                Kind::Bar,
                "title = \"OIC member states' share of world energy and tin (%)\"\n\
                 subtitle = \"Share of world total (%), by resource\"\n\
                 value = [\"production\", \"reserves\"]\nlegend = [\"Production\", \"Reserves\"]",
            ),
        ),
        (
            "russia",
            include_bytes!("../bench/peers/russia.csv"),
            o(Kind::Pie, "title = \"Russia's population by religion (%)\""),
        ),
    ];
    cases
        .into_iter()
        .map(|(name, csv, spec)| {
            let table = table::parse(name, csv, None).expect("csv");
            let ds = for_chart(&table, &spec).expect("dataset");
            let scene = layout(&ds, &spec, &set).expect("layout");
            let tree = parse(&to_svg(&scene), &scene.fonts).expect("usvg");
            let info = PngInfo {
                scale: 1.0,
                title: "",
                desc: "",
            };
            let shipped = png(&tree, &info).expect("png");
            let mut dec = png::Decoder::new(std::io::Cursor::new(&shipped[..]));
            dec.set_transformations(png::Transformations::EXPAND);
            let mut reader = dec.read_info().expect("header");
            let mut rgb = vec![0; reader.output_buffer_size().expect("size")];
            let frame = reader.next_frame(&mut rgb).expect("frame");
            rgb.truncate(frame.buffer_size());
            Chart {
                name,
                shipped,
                width: frame.width,
                height: frame.height,
                rgb,
            }
        })
        .collect()
}

/// The palette and one index a pixel, or `None` past 256 colours (a plain version of the
/// shipped one: the same palette order, first appearance).
fn palette_of(rgb: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut seen: HashMap<[u8; 3], u8> = HashMap::new();
    let mut palette = Vec::new();
    let mut indices = Vec::with_capacity(rgb.len() / 3);
    for p in rgb.chunks_exact(3) {
        let key = [p[0], p[1], p[2]];
        let next = seen.len();
        let index = match seen.get(&key) {
            Some(i) => *i,
            None if next < 256 => {
                seen.insert(key, next as u8);
                palette.extend_from_slice(p);
                next as u8
            }
            None => return None,
        };
        indices.push(index);
    }
    Some((palette, indices))
}

/// Bytes of the PNG of `data` (indices or RGB) with the given settings.
fn encode(
    c: &Chart,
    (color, palette): (png::ColorType, Option<&[u8]>),
    data: &[u8],
    filter: Filter,
    deflate: DeflateCompression,
) -> usize {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, c.width, c.height);
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    if let Some(p) = palette {
        enc.set_palette(p.to_vec());
    }
    enc.set_filter(filter);
    enc.set_deflate_compression(deflate);
    let mut w = enc.write_header().expect("header");
    w.write_image_data(data).expect("data");
    w.finish().expect("end");
    out.len()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would too: only run when benching.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let charts = charts();
    let palettes: Vec<Option<(Vec<u8>, Vec<u8>)>> =
        charts.iter().map(|c| palette_of(&c.rgb)).collect();
    let filters = [
        ("none", Filter::NoFilter),
        ("sub", Filter::Sub),
        ("up", Filter::Up),
        ("paeth", Filter::Paeth),
        ("adaptive", Filter::Adaptive),
    ];
    let deflates = [
        ("fdeflate fast", DeflateCompression::FdeflateUltraFast),
        ("zlib 1", DeflateCompression::Level(1)),
        ("zlib 2", DeflateCompression::Level(2)),
        ("zlib 3", DeflateCompression::Level(3)),
        ("zlib 6", DeflateCompression::Level(6)),
        ("zlib 9", DeflateCompression::Level(9)),
    ];
    print!("| colour | filter | deflate |");
    for c in &charts {
        print!(" {} B | {} ms |", c.name, c.name);
    }
    println!();
    println!("|---|---|---|{}", "---|---|".repeat(charts.len()));
    for indexed in [true, false] {
        for (fname, filter) in filters {
            for (dname, deflate) in deflates {
                print!(
                    "| {} | {fname} | {dname} |",
                    if indexed { "palette" } else { "RGB" }
                );
                for (c, palette) in charts.iter().zip(&palettes) {
                    let (kind, data) = match (indexed, palette) {
                        (true, Some((p, i))) => ((png::ColorType::Indexed, Some(&p[..])), &i[..]),
                        (true, None) => {
                            print!(" >256 colours | - |");
                            continue;
                        }
                        (false, _) => ((png::ColorType::Rgb, None), &c.rgb[..]),
                    };
                    let mut times: Vec<Duration> = Vec::new();
                    let mut size = 0;
                    for _ in 0..11 {
                        let t = Instant::now();
                        size = encode(c, kind, black_box(data), filter, deflate);
                        times.push(t.elapsed());
                    }
                    times.sort();
                    print!(" {size} | {:.2} |", times[5].as_secs_f64() * 1e3);
                }
                println!();
            }
        }
    }
    let shipped: Vec<String> = charts
        .iter()
        .map(|c| format!("{} {} B", c.name, c.shipped.len()))
        .collect();
    println!(
        "\nShipped encoder (`render::png`, without title and alt text): {}",
        shipped.join(", ")
    );
}
