//! In-process benchmarks of every stage of one chart, on the benchmark peers' data
//! (`bench/peers/*.csv`, 1200x800): CSV parsing, dataset building, layout, SVG writing, and the
//! PNG path split into its three steps (SVG -> usvg tree, tree -> pixels, pixels -> PNG bytes)
//! plus the whole `svg_to_png`. A `startup` group times the once-per-process work (font database,
//! shaper tables) that a warm benchmark loop never sees but a one-chart process pays.
//!
//! Run: `cargo bench --bench stages` (or `-- png/` for one group). See BENCHMARKS.md.
//!
//! The PNG steps are private to `sharechart::render`, so this file compiles `src/render/png.rs`
//! itself as a module (`png_stage`): the code timed is the code shipped, not a copy of it. The
//! only thing that file takes from its crate is `crate::fonts`, re-exported below.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use sharechart::dataset;
use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::layout::Context;
use sharechart::render::{svg_to_png, to_svg};
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

/// One of the four peer charts: its CSV, kind and options (as in `bench/peers/run.sh`).
struct Case {
    name: &'static str,
    file: &'static str,
    csv: &'static [u8],
    spec: ChartOptions,
}

/// Options from manifest keys.
fn opts(kind: Kind, keys: &str) -> ChartOptions {
    ChartOptions::from_toml(kind, keys).expect("options")
}

const AGRI_TITLE: &str = "OIC member states' share of world production (%)";

fn cases() -> Vec<Case> {
    let agri =
        format!("title = {AGRI_TITLE:?}\nsubtitle = \"Share of world total (%), by commodity\"\n");
    vec![
        Case {
            name: "agri",
            file: "agriculture.csv",
            csv: include_bytes!("../bench/peers/agriculture.csv"),
            spec: opts(Kind::Bar, &agri),
        },
        Case {
            name: "agri_ar",
            file: "agriculture.csv",
            csv: include_bytes!("../bench/peers/agriculture.csv"),
            spec: opts(Kind::Bar, &format!("{agri}lang = \"ar\"")),
        },
        Case {
            name: "energy",
            file: "energy.csv",
            csv: include_bytes!("../bench/peers/energy.csv"),
            spec: opts(
                Kind::Bar,
                "title = \"OIC member states' share of world energy and tin (%)\"\n\
                 subtitle = \"Share of world total (%), by resource\"\n\
                 value = [\"production\", \"reserves\"]\nlegend = [\"Production\", \"Reserves\"]",
            ),
        },
        Case {
            name: "russia",
            file: "russia.csv",
            csv: include_bytes!("../bench/peers/russia.csv"),
            spec: opts(Kind::Pie, "title = \"Russia's population by religion (%)\""),
        },
    ]
}

fn stages(c: &mut Criterion) {
    let set = embedded();
    for case in cases() {
        // Every intermediate, computed once so that each stage is timed alone.
        let table = table::parse(case.file, case.csv, None).expect("csv");
        let ds = for_chart(&table, &case.spec).expect("dataset");
        let scene = layout(&ds, &case.spec, &set).expect("layout");
        let svg = to_svg(&scene);
        let tree = png_stage::parse(&svg).expect("usvg");
        let pixmap = png_stage::draw(&tree, 1200, 800, 1.0).expect("draw");
        let png = png_stage::encode(pixmap.clone()).expect("encode");
        assert_eq!(
            svg_to_png(&svg, 1200, 800, 1.0, &set).expect("png"),
            png,
            "the steps must give the shipped PNG"
        );
        eprintln!(
            "{}: svg {} B, png {} B, {} scene items",
            case.name,
            svg.len(),
            png.len(),
            scene.items.len()
        );

        let mut g = c.benchmark_group("stage");
        let id = |stage: &str| BenchmarkId::new(stage, case.name);
        g.bench_function(id("1_csv_parse"), |b| {
            b.iter(|| table::parse(case.file, black_box(case.csv), None).expect("csv"))
        });
        g.bench_function(id("2_dataset_build"), |b| {
            b.iter(|| for_chart(black_box(&table), &case.spec).expect("dataset"))
        });
        g.bench_function(id("3_layout"), |b| {
            b.iter(|| layout(black_box(&ds), &case.spec, &set).expect("layout"))
        });
        g.bench_function(id("4_to_svg"), |b| b.iter(|| to_svg(black_box(&scene))));
        g.bench_function(id("5a_png_usvg_parse"), |b| {
            b.iter(|| png_stage::parse(black_box(&svg)).expect("usvg"))
        });
        g.bench_function(id("5b_png_draw"), |b| {
            b.iter(|| png_stage::draw(black_box(&tree), 1200, 800, 1.0).expect("draw"))
        });
        g.bench_function(id("5c_png_encode"), |b| {
            b.iter_batched(
                || pixmap.clone(),
                |pm| png_stage::encode(black_box(pm)).expect("encode"),
                BatchSize::LargeInput,
            )
        });
        g.bench_function(id("5_svg_to_png"), |b| {
            b.iter(|| svg_to_png(black_box(&svg), 1200, 800, 1.0, &set).expect("png"))
        });
        g.bench_function(id("all_svg"), |b| {
            b.iter(|| {
                let t = table::parse(case.file, black_box(case.csv), None).expect("csv");
                let d = for_chart(&t, &case.spec).expect("dataset");
                to_svg(&layout(&d, &case.spec, &set).expect("layout"))
            })
        });
        g.finish();
    }
}

/// A generated CSV of `n` categories (as `bench/growth.py` writes it).
fn categories_csv(n: usize) -> Vec<u8> {
    let mut s = String::from("label,value\n");
    for i in 0..n {
        s.push_str(&format!("Item {},{}\n", i + 1, 5 + (i * 37 + 11) % 95));
    }
    s.into_bytes()
}

/// Each stage against the number of categories: horizontal bars; past 40 categories sharechart
/// draws no more bars, so 400 are folded with `--top 39` (39 bars and "Other").
fn categories(c: &mut Criterion) {
    let set = embedded();
    let mut g = c.benchmark_group("categories");
    for n in [4usize, 40, 400] {
        let csv = categories_csv(n);
        let top = if n > 40 { "top = 39" } else { "" };
        let spec = opts(
            Kind::Bar,
            &format!(
                "title = \"{n} categories\"\nsubtitle = \"Generated data, 5 to 99\"\nhorizontal = true\n{top}"
            ),
        );
        let table = table::parse("categories.csv", &csv, None).expect("csv");
        let ds = for_chart(&table, &spec).expect("dataset");
        let scene = layout(&ds, &spec, &set).expect("layout");
        let svg = to_svg(&scene);
        let tree = png_stage::parse(&svg).expect("usvg");
        let pixmap = png_stage::draw(&tree, 1200, 800, 1.0).expect("draw");
        let id = |stage: &str| BenchmarkId::new(stage, n);
        g.bench_function(id("1_csv_parse"), |b| {
            b.iter(|| table::parse("categories.csv", black_box(&csv), None).expect("csv"))
        });
        g.bench_function(id("2_dataset_build"), |b| {
            b.iter(|| for_chart(black_box(&table), &spec).expect("dataset"))
        });
        g.bench_function(id("3_layout"), |b| {
            b.iter(|| layout(black_box(&ds), &spec, &set).expect("layout"))
        });
        g.bench_function(id("4_to_svg"), |b| b.iter(|| to_svg(black_box(&scene))));
        g.bench_function(id("5a_png_usvg_parse"), |b| {
            b.iter(|| png_stage::parse(black_box(&svg)).expect("usvg"))
        });
        g.bench_function(id("5b_png_draw"), |b| {
            b.iter(|| png_stage::draw(black_box(&tree), 1200, 800, 1.0).expect("draw"))
        });
        g.bench_function(id("5c_png_encode"), |b| {
            b.iter_batched(
                || pixmap.clone(),
                |pm| png_stage::encode(black_box(pm)).expect("encode"),
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

/// The PNG encoder before issue #5 (8-bit RGB, adaptive filters, fdeflate), kept here to
/// compare with the shipped one (palette when the image has at most 256 colours).
fn encode_rgb_before(pixmap: &resvg::tiny_skia::Pixmap) -> Vec<u8> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header().expect("header");
    writer.write_image_data(&rgb).expect("data");
    writer.finish().expect("end");
    out
}

/// The encoder's parts and its predecessor, per chart.
fn encoder(c: &mut Criterion) {
    let set = embedded();
    let mut g = c.benchmark_group("encoder");
    for case in cases() {
        let table = table::parse(case.file, case.csv, None).expect("csv");
        let ds = for_chart(&table, &case.spec).expect("dataset");
        let svg = to_svg(&layout(&ds, &case.spec, &set).expect("layout"));
        let pixmap =
            png_stage::draw(&png_stage::parse(&svg).expect("usvg"), 1200, 800, 1.0).expect("draw");
        let colours = png_stage::palette(&mut pixmap.data().to_vec(), 1200)
            .map_or(">256".to_string(), |p| (p.len() / 3).to_string());
        eprintln!(
            "{}: {colours} colours; before {} B, now {} B",
            case.name,
            encode_rgb_before(&pixmap).len(),
            png_stage::encode(pixmap.clone()).expect("encode").len()
        );
        g.bench_function(BenchmarkId::new("before_rgb", case.name), |b| {
            b.iter(|| encode_rgb_before(black_box(&pixmap)))
        });
        g.bench_function(BenchmarkId::new("now", case.name), |b| {
            b.iter_batched(
                || pixmap.clone(),
                |pm| png_stage::encode(black_box(pm)).expect("encode"),
                BatchSize::LargeInput,
            )
        });
        g.bench_function(BenchmarkId::new("palette_scan", case.name), |b| {
            b.iter_batched(
                || pixmap.data().to_vec(),
                |mut data| png_stage::palette(black_box(&mut data), 1200),
                BatchSize::LargeInput,
            )
        });
        g.bench_function(BenchmarkId::new("rgb_copy", case.name), |b| {
            b.iter_batched(
                || pixmap.data().to_vec(),
                |mut data| png_stage::rgb(black_box(&mut data)),
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

/// Work done once per process and then cached: a one-chart process pays it, a loop does not.
fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.bench_function("fontdb_load_2_faces", |b| {
        b.iter(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(
                sharechart::fonts::REGULAR,
            )));
            db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(
                sharechart::fonts::BOLD,
            )));
            db
        })
    });
    g.bench_function("harfrust_shaper_data_2_faces", |b| {
        b.iter(|| {
            [sharechart::fonts::REGULAR, sharechart::fonts::BOLD].map(|bytes| {
                let font = harfrust::FontRef::new(black_box(bytes)).expect("font");
                harfrust::ShaperData::new(&font)
            })
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = stages, encoder, categories, startup
}
criterion_main!(benches);
