//! In-process benchmarks of every stage of one chart, on the benchmark peers' data
//! (`bench/peers/*.csv`, 1200x800): CSV parsing, dataset building, layout, SVG writing, and the
//! PNG path in its two public steps (`render::parse`: SVG -> usvg tree; `render::png`: tree ->
//! pixels -> PNG bytes) and whole. A `startup` group times the once-per-process work (font
//! database, shaper tables) that a warm benchmark loop never sees but a one-chart process pays.
//!
//! Run: `cargo bench --bench stages` (or `-- stage/` for one group). See BENCHMARKS.md.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
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

/// A 1200x800 PNG as the pipeline makes it, without title and alt text.
const PNG: PngInfo = PngInfo {
    scale: 1.0,
    title: "",
    desc: "",
};

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
        let fonts = set.clone();
        let tree = parse(&svg, &fonts).expect("usvg");
        let bytes = png(&tree, &PNG).expect("png");
        eprintln!(
            "{}: svg {} B, png {} B, {} scene items",
            case.name,
            svg.len(),
            bytes.len(),
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
            b.iter(|| parse(black_box(&svg), &fonts).expect("usvg"))
        });
        g.bench_function(id("5b_png_draw_encode"), |b| {
            b.iter(|| png(black_box(&tree), &PNG).expect("png"))
        });
        g.bench_function(id("5_svg_to_png"), |b| {
            b.iter(|| png(&parse(black_box(&svg), &fonts).expect("usvg"), &PNG).expect("png"))
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
        let fonts = set.clone();
        let tree = parse(&svg, &fonts).expect("usvg");
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
            b.iter(|| parse(black_box(&svg), &fonts).expect("usvg"))
        });
        g.bench_function(id("5b_png_draw_encode"), |b| {
            b.iter(|| png(black_box(&tree), &PNG).expect("png"))
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
    targets = stages, categories, startup
}
criterion_main!(benches);
