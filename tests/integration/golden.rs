//! Golden SVG tests: a set of fixture charts is laid out and written in-process
//! (`pipeline::scene` + `render::to_svg`) and compared as full text with `tests/golden/<name>.svg`.
//!
//! After an intended change of the drawing, refresh the files and review the diff:
//! `SHARECHART_BLESS=1 cargo test --release --test integration` (see tests/README.md).

use crate::common;

use std::path::PathBuf;

use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};

fn golden_path(name: &str) -> PathBuf {
    common::golden_path(&format!("{name}.svg"))
}

/// Checks what every chart SVG must have: valid XML, `role="img"`, a non-empty `<title>` and
/// `<desc>` referenced by `aria-labelledby`, and a language.
fn assert_accessible_svg(name: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{name}: the SVG is not valid XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{name}");
    assert_eq!(root.attribute("role"), Some("img"), "{name}: role");
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some("sc-title sc-desc"),
        "{name}"
    );
    assert!(
        matches!(root.attribute("lang"), Some("en" | "ar")),
        "{name}: lang"
    );
    for (tag, id) in [("title", "sc-title"), ("desc", "sc-desc")] {
        let el = root
            .children()
            .find(|n| n.has_tag_name(tag))
            .unwrap_or_else(|| panic!("{name}: no <{tag}> child of <svg>"));
        assert_eq!(el.attribute("id"), Some(id), "{name}: <{tag}> id");
        assert!(
            el.text().is_some_and(|t| !t.trim().is_empty()),
            "{name}: empty <{tag}>"
        );
    }
}

/// Manifest keys of the golden charts: title, subtitle, source, 1000x640, and `extra`.
fn keys(title: &str, subtitle: &str, source: &str, extra: &str) -> String {
    format!(
        "title = {title:?}\nsubtitle = {subtitle:?}\nsource = {source:?}\nwidth = 1000\nheight = 640\n{extra}"
    )
}

/// The charts under golden test: `(name, fixture, options)`.
fn cases() -> Vec<(&'static str, &'static str, ChartOptions)> {
    let spec = |kind, title: &str, extra: &str| {
        let k = keys(
            title,
            "Share of the world total, %",
            "sharechart test fixture",
            extra,
        );
        ChartOptions::from_toml(kind, &k).expect("options")
    };
    let ar = |kind, title: &str, extra: &str| {
        let k = keys(title, "الحصة من الإجمالي العالمي، %", "بيانات اختبار", extra);
        ChartOptions::from_toml(kind, &format!("{k}\nlang = \"ar\"")).expect("options")
    };
    // No subtitle and the default size: the measure's name is the subtitle, the chart grows.
    let table = |title: &str| {
        let k = format!("title = {title:?}\nsource = \"sharechart test data\"");
        ChartOptions::from_toml(Kind::Bar, &k).expect("options")
    };
    let counts = keys(
        "Not percentages",
        "Counts and kilometres",
        "sharechart test fixture",
        "",
    );
    let parts = keys(
        "Parts of one whole",
        "Seats",
        "sharechart test fixture",
        "donut = true",
    );
    vec![
        ("bar-vertical", "crops.csv", spec(Kind::Bar, "Crops", "")),
        (
            "bar-grouped",
            "energy-long.csv",
            spec(Kind::Bar, "Oil and gas", ""),
        ),
        (
            "bar-horizontal-sorted",
            "crops.csv",
            spec(
                Kind::Bar,
                "Crops, largest first",
                "horizontal = true\nsort = \"desc\"",
            ),
        ),
        (
            "bar-counts",
            "counts.csv",
            ChartOptions::from_toml(Kind::Bar, &counts).expect("options"),
        ),
        (
            "pie-rest",
            "russia.csv",
            spec(Kind::Pie, "Muslims in Russia", "rest = \"Other residents\""),
        ),
        (
            "donut-parts",
            "parts.csv",
            ChartOptions::from_toml(Kind::Pie, &parts).expect("options"),
        ),
        (
            "donuts-each-row",
            "crops.csv",
            spec(
                Kind::Pie,
                "Crops, one donut each",
                "donut = true\neach-row = true",
            ),
        ),
        ("bar-ar", "crops.csv", ar(Kind::Bar, "المحاصيل", "")),
        // Real-world tables (issue 11), from tests/data/ at the default size.
        (
            "bar-57-members",
            "../data/oic-members.csv",
            table("The 57 member states of the OIC"),
        ),
        (
            "bar-long-dates",
            "../data/net-generation-long.csv",
            table("Net generation by source"),
        ),
        (
            "bar-gaps",
            "../data/missing-values.csv",
            table("Shares with gaps"),
        ),
        (
            "donuts-each-row-ar",
            "energy-long.csv",
            ar(Kind::Pie, "النفط والغاز", "donut = true\neach-row = true"),
        ),
        // #22: approximate values (`~25`, an approx column) with a highlight, as share-vs-rest
        // bars; the same as Arabic donuts.
        (
            "bar-approx-highlight",
            "approx.csv",
            spec(
                Kind::Bar,
                "Nearly a quarter",
                "horizontal = true\nrest = \"Rest of world\"\nhighlight = [\"Land area\", \"Oil reserves\"]",
            ),
        ),
        (
            "donuts-approx-ar",
            "approx.csv",
            ar(
                Kind::Pie,
                "ما يقارب الربع",
                "donut = true\neach-row = true\nhighlight = [\"الجمعية العامة\"]",
            ),
        ),
        // #22: a reference line and a callout, and the same mirrored in Arabic (with a number
        // isolated in the title).
        (
            "bar-line-annotate",
            "crops.csv",
            spec(
                Kind::Bar,
                "Crops against the world average",
                "line = [\"50=World average\"]\nannotate = [\"Rubber=The largest share\"]",
            ),
        ),
        (
            "bar-line-annotate-ar",
            "crops.csv",
            ar(
                Kind::Bar,
                "تنتج دول المنظمة 80% من مطاط العالم",
                "line = [\"50=المتوسط العالمي\"]\nannotate = [\"المطاط=أكبر حصة\"]",
            ),
        ),
        // A map (#23): classes, no data hatched, a small state's symbol, a zoomed extent.
        (
            "map-gulf",
            "map-gulf.csv",
            spec(Kind::Map, "Gulf shares", "bins = [10, 20, 50]"),
        ),
        (
            "map-gulf-ar",
            "map-gulf.csv",
            ar(Kind::Map, "حصص الخليج", "bins = [10, 20, 50]"),
        ),
    ]
}

/// Renders one case to SVG text, in-process.
fn render(name: &str) -> String {
    let (_, input, spec) = cases()
        .into_iter()
        .find(|c| c.0 == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    let scene = sharechart::pipeline::scene(&common::fixture(input), &spec, &Fonts::default())
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    sharechart::render::to_svg(&scene)
}

macro_rules! golden {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                let svg = render($name);
                assert_accessible_svg($name, &svg);
                common::check_golden(&format!("{}.svg", $name), svg.as_bytes(), common::same_text);
            }
        )*

        /// Every case has a test above (a case without one would never be compared).
        const TESTED: &[&str] = &[$($name),*];
    };
}

golden! {
    bar_vertical => "bar-vertical",
    bar_grouped => "bar-grouped",
    bar_horizontal_sorted => "bar-horizontal-sorted",
    bar_counts => "bar-counts",
    pie_rest => "pie-rest",
    donut_parts => "donut-parts",
    donuts_each_row => "donuts-each-row",
    bar_ar => "bar-ar",
    bar_57_members => "bar-57-members",
    bar_long_dates => "bar-long-dates",
    bar_gaps => "bar-gaps",
    donuts_each_row_ar => "donuts-each-row-ar",
    bar_approx_highlight => "bar-approx-highlight",
    donuts_approx_ar => "donuts-approx-ar",
    bar_line_annotate => "bar-line-annotate",
    bar_line_annotate_ar => "bar-line-annotate-ar",
    map_gulf => "map-gulf",
    map_gulf_ar => "map-gulf-ar",
}

#[test]
fn every_case_is_tested_and_every_golden_svg_belongs_to_a_case() {
    let names: Vec<&str> = cases().iter().map(|c| c.0).collect();
    assert_eq!(names, TESTED, "cases() and the golden! list differ");
    let dir = common::repo_root().join("tests").join("golden");
    for file in common::names_in(&dir) {
        let Some(stem) = file.strip_suffix(".svg") else {
            continue;
        };
        assert!(
            names.contains(&stem),
            "tests/golden/{file} belongs to no case: delete it or add the case"
        );
        // While blessing, other tests are rewriting these files.
        if !common::blessing() {
            let text = std::fs::read_to_string(dir.join(&file)).expect("read golden");
            assert_accessible_svg(&file, &text);
        }
    }
}

#[test]
fn goldens_say_what_they_show() {
    if common::blessing() {
        return;
    }
    let read = |n: &str| std::fs::read_to_string(golden_path(n)).expect("golden exists");
    // The accessible summary states the data, in the chart's language.
    assert!(read("bar-vertical").contains("Dates 76%, Cotton 43%, Wheat 15%, Rubber 80%"));
    assert!(read("bar-ar").contains("التمور 76%، القطن 43%"));
    assert!(read("pie-rest").contains("Other residents"));
    assert!(read("bar-counts").contains("Maritime borders (km) 102,347"));
    let counts = common::texts(&read("bar-counts"));
    assert!(
        counts.iter().any(|t| t == "125,000"),
        "nice axis top: {counts:?}"
    );
    let ar = read("donuts-each-row-ar");
    assert!(ar.contains("xml:lang=\"ar\""));
    assert!(common::texts(&ar).iter().any(|t| t.contains("النفط")));
}
