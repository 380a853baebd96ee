//! The measurements behind the PNG encoder settings in `src/render/png.rs`: size and time of
//! every colour type x row filter x deflate setting on the four peer charts (1200x800).
//!
//! Run: `cargo bench --bench png_options` (about a minute); prints a markdown table (median of
//! 11 runs per cell, the pixels already drawn; time includes building the palette indices or
//! the RGB copy). Not a criterion benchmark: a table of sizes is the point, times are a guide.

use std::hint::black_box;
use std::time::{Duration, Instant};

use png::{DeflateCompression, Filter};
use sharechart::dataset;
use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::layout::Context;
use sharechart::render::to_svg;
use sharechart::table;

/// What `src/render/png.rs` reaches through `crate::fonts`.
mod fonts {
    pub use sharechart::fonts::*;
}

#[allow(dead_code)]
#[path = "../src/render/png.rs"]
mod png_stage;

/// The embedded fonts, for one benchmark run.
fn embedded() -> sharechart::fonts::FontSet {
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
    fonts: &sharechart::fonts::FontSet,
) -> Option<sharechart::scene::Scene> {
    let cx = Context::resolve(ds, spec.common(), fonts, None);
    spec.layout(ds, &cx).ok()
}

fn pixmaps() -> Vec<(&'static str, resvg::tiny_skia::Pixmap)> {
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
            let svg = to_svg(&layout(&ds, &spec, &set).expect("layout"));
            let tree = png_stage::parse(&svg).expect("usvg");
            (name, png_stage::draw(&tree, 1200, 800, 1.0).expect("draw"))
        })
        .collect()
}

fn encode(
    pm: &resvg::tiny_skia::Pixmap,
    indexed: bool,
    filter: Filter,
    deflate: DeflateCompression,
) -> Option<usize> {
    let (color, palette, data) = if indexed {
        let mut data = pm.data().to_vec();
        let palette = png_stage::palette(&mut data, pm.width() as usize)?;
        data.truncate(pm.width() as usize * pm.height() as usize);
        (png::ColorType::Indexed, Some(palette), data)
    } else {
        let mut data = pm.data().to_vec();
        let n = png_stage::rgb(&mut data);
        data.truncate(n);
        (png::ColorType::Rgb, None, data)
    };
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, pm.width(), pm.height());
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    if let Some(p) = palette {
        enc.set_palette(p);
    }
    enc.set_filter(filter);
    enc.set_deflate_compression(deflate);
    let mut w = enc.write_header().expect("header");
    w.write_image_data(&data).expect("data");
    w.finish().expect("end");
    Some(out.len())
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would too: only run when benching.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let pms = pixmaps();
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
    for (name, _) in &pms {
        print!(" {name} B | {name} ms |");
    }
    println!();
    println!("|---|---|---|{}", "---|---|".repeat(pms.len()));
    for indexed in [true, false] {
        for (fname, filter) in filters {
            for (dname, deflate) in deflates {
                print!(
                    "| {} | {fname} | {dname} |",
                    if indexed { "palette" } else { "RGB" }
                );
                for (_, pm) in &pms {
                    let mut times: Vec<Duration> = Vec::new();
                    let mut size = None;
                    for _ in 0..11 {
                        let t = Instant::now();
                        size = encode(black_box(pm), indexed, filter, deflate);
                        times.push(t.elapsed());
                    }
                    times.sort();
                    match size {
                        Some(n) => print!(" {n} | {:.2} |", times[5].as_secs_f64() * 1e3),
                        None => print!(" >256 colours | - |"),
                    }
                }
                println!();
            }
        }
    }
    let shipped: Vec<String> = pms
        .iter()
        .map(|(name, pm)| {
            let n = png_stage::encode(pm.clone()).expect("encode").len();
            format!("{name} {n} B")
        })
        .collect();
    println!(
        "\nShipped encoder (src/render/png.rs): {}",
        shipped.join(", ")
    );
}
