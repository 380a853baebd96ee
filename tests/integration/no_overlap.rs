//! Property test of the layout (issue 20, point 7): in any bar or pie chart drawn (vertical,
//! horizontal, grouped, stacked, negatives, long names, left to right and right to left, at
//! several sizes and type sizes, with a reference line and a callout) no two texts touch and no text leaves the canvas; and every
//! category name is drawn whole (point 6). The texts are measured as drawn: the SVG is read by
//! usvg with the chart's fonts and each text's glyph outlines give its box.

use crate::common;
use proptest::prelude::*;
use resvg::usvg;
use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};

/// A box: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// Every text of the SVG `svg` as drawn (its characters and the box of its glyphs).
fn drawn_texts(svg: &str, fonts: &sharechart::fonts::FontSet) -> Vec<(String, Rect)> {
    let tree = sharechart::render::parse(svg, fonts).expect("the SVG reads back");
    let mut out = Vec::new();
    collect(tree.root(), &mut out);
    out
}

fn collect(group: &usvg::Group, out: &mut Vec<(String, Rect)>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(g, out),
            usvg::Node::Text(t) => {
                let text: String = t.chunks().iter().map(|c| c.text()).collect();
                let b = t.flattened().abs_bounding_box();
                let r = (
                    f64::from(b.left()),
                    f64::from(b.top()),
                    f64::from(b.right()),
                    f64::from(b.bottom()),
                );
                out.push((text, r));
            }
            _ => {}
        }
    }
}

/// Names of every length: short, several words, one long word, and in Arabic.
const NAMES: &[&str] = &[
    "Chad",
    "Iran",
    "Bangladesh",
    "Burkina Faso",
    "Côte d’Ivoire",
    "Bosnia and Herzegovina",
    "Saint Vincent and the Grenadines",
    "Organisation of Islamic Cooperation members",
    "Internationalisation",
    "Kyrgyzstan",
];
const NAMES_AR: &[&str] = &[
    "تشاد",
    "إيران",
    "بنغلاديش",
    "بوركينا فاسو",
    "كوت ديفوار",
    "البوسنة والهرسك",
    "منظمة التعاون الإسلامي",
    "الجمهورية العربية السورية",
    "قيرغيزستان",
    "الإمارات العربية المتحدة",
];

/// A table of `values` (a row a category), names from the lists from `first` on.
fn csv(values: &[Vec<Option<f64>>], first: usize, arabic: bool) -> String {
    let names = if arabic { NAMES_AR } else { NAMES };
    let series = values.first().map_or(0, Vec::len);
    let mut s = String::from("name");
    for k in 0..series {
        s.push_str(&format!(",s{k}"));
    }
    s.push('\n');
    for (i, row) in values.iter().enumerate() {
        // Unique names: the list, then numbered.
        let name = names[(first + i) % names.len()];
        let name = if i < names.len() {
            name.to_string()
        } else {
            format!("{name} {i}")
        };
        s.push_str(&format!("\"{name}\""));
        for v in row {
            match v {
                Some(v) => s.push_str(&format!(",\"{v}\"")),
                None => s.push_str(",NA"),
            }
        }
        s.push('\n');
    }
    s
}

/// A value: large or small, sometimes negative (when `negative`), sometimes missing.
fn cell(negative: bool) -> impl Strategy<Value = Option<f64>> {
    let low = if negative { -1_000_000i64 } else { 1 };
    prop_oneof![
        1 => Just(None),
        5 => (low..1_000_000).prop_map(|v| Some(v as f64)),
        3 => (low / 10..100_000).prop_map(|v| Some(v as f64 / 10.0)),
    ]
}

fn table(rows: usize, series: usize, negative: bool) -> BoxedStrategy<Vec<Vec<Option<f64>>>> {
    proptest::collection::vec(proptest::collection::vec(cell(negative), series), 1..=rows).boxed()
}

/// The size keys of a chart: a named size, or a width (and sometimes a height), and sometimes
/// a type size.
fn size() -> impl Strategy<Value = String> {
    let named = prop_oneof![
        Just(String::new()),
        Just("size = \"half\"".to_string()),
        Just("size = \"slide\"".to_string()),
        Just("size = \"web\"".to_string()),
    ];
    let given = (300u32..1400, proptest::option::of(250u32..900)).prop_map(|(w, h)| {
        let mut s = format!("width = {w}");
        if let Some(h) = h {
            s.push_str(&format!("\nheight = {h}"));
        }
        s
    });
    let font = proptest::option::of(prop_oneof![Just(7.0), Just(9.0), Just(12.0)]);
    (prop_oneof![named, given], font).prop_map(|(size, font)| match font {
        Some(pt) => format!("{size}\nfont-size = {pt}"),
        None => size,
    })
}

/// A chart: its kind, its keys, and its table.
fn chart() -> impl Strategy<Value = (Kind, String, String)> {
    let bars = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        1usize..=3,
        0usize..10,
        any::<bool>(),
        0u8..4,
    )
        .prop_flat_map(
            |(horizontal, stacked, negative, series, first, arabic, extras)| {
                let negative = negative && !stacked;
                table(16, series, negative).prop_map(move |t| {
                    let mut keys = format!("horizontal = {horizontal}\nstacked = {stacked}");
                    // A reference line at half the first value, and a callout on the first bar
                    // (#22): words on the plot, placed where no other text is.
                    let first_value = t.iter().flatten().flatten().next().copied();
                    if let (1 | 3, Some(v)) = (extras, first_value) {
                        keys.push_str(&format!("\nline = [\"{}=Average\"]", (v / 2.0).round()));
                    }
                    if extras >= 2 {
                        let names = if arabic { NAMES_AR } else { NAMES };
                        let name = names[first % names.len()];
                        keys.push_str(&format!("\nannotate = [\"{name}=A note on this one\"]"));
                    }
                    (Kind::Bar, keys, csv(&t, first, arabic))
                })
            },
        );
    let pies = (any::<bool>(), 0usize..10, any::<bool>(), 1u32..8).prop_flat_map(
        |(donut, first, arabic, n)| {
            proptest::collection::vec(1u32..1000, n as usize).prop_map(move |v| {
                let rows: Vec<Vec<Option<f64>>> =
                    v.iter().map(|&v| vec![Some(f64::from(v))]).collect();
                (
                    Kind::Pie,
                    format!("donut = {donut}"),
                    csv(&rows, first, arabic),
                )
            })
        },
    );
    let grids = (any::<bool>(), 0usize..10, any::<bool>(), 1usize..=2).prop_flat_map(
        |(donut, first, arabic, series)| {
            proptest::collection::vec(proptest::collection::vec(0u32..=100, series), 1..=12)
                .prop_map(move |v| {
                    let rows: Vec<Vec<Option<f64>>> = v
                        .iter()
                        .map(|r| r.iter().map(|&x| Some(f64::from(x))).collect())
                        .collect();
                    let csv = csv(&rows, first, arabic).replacen("name,s0", "name,share0", 1);
                    let csv = csv.replacen(",s1", ",share1", 1);
                    let keys = format!("donut = {donut}\neach-row = true");
                    (Kind::Pie, keys, csv)
                })
        },
    );
    prop_oneof![3 => bars, 1 => pies, 1 => grids]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn no_text_touches_another_or_leaves_the_canvas(
        (kind, keys, table) in chart(),
        size in size(),
        long_title in any::<bool>(),
    ) {
        let dir = common::tempdir();
        let path = common::write(dir.path(), "t.csv", &table);
        let title = if long_title {
            "A title long enough to need two lines on a narrow chart, or three on a small one"
        } else {
            "Title"
        };
        let keys = format!(
            "title = \"{title}\"\nsubtitle = \"What is measured, in its unit\"\nsource = \"A source line, with its publisher and the date\"\n{keys}\n{size}"
        );
        let options = ChartOptions::from_toml(kind, &keys).expect("options");
        let fonts = Fonts::default();
        let scene = match sharechart::pipeline::scene(&path, &options, &fonts) {
            Ok(scene) => scene,
            // Refused (too many categories for the size, shares past 100%): nothing drawn.
            Err(_) => return Ok(()),
        };
        let svg = sharechart::render::to_svg(&scene);
        let texts = drawn_texts(&svg, &scene.fonts);
        let (w, h) = (f64::from(scene.width), f64::from(scene.height));
        // Half a pixel of slack for antialiasing.
        let e = 0.5;
        for (t, r) in &texts {
            prop_assert!(
                r.0 >= -e && r.1 >= -e && r.2 <= w + e && r.3 <= h + e,
                "{t:?} {r:?} leaves the {w}x{h} canvas\n{keys}\n{table}"
            );
        }
        for (i, (a, ra)) in texts.iter().enumerate() {
            for (b, rb) in &texts[i + 1..] {
                let apart = ra.2 <= rb.0 + e || rb.2 <= ra.0 + e || ra.3 <= rb.1 + e || rb.3 <= ra.1 + e;
                prop_assert!(apart, "{a:?} {ra:?} touches {b:?} {rb:?}\n{keys}\n{table}");
            }
        }
        // Every category name is drawn whole: its words are all on the chart, none cut.
        let drawn: String = texts.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" ");
        prop_assert!(!drawn.contains('…'), "a text was cut: {drawn}");
    }
}
