//! Property tests: any CSV text — labels, numbers, Arabic, quotes, delimiters, control
//! characters, markup, `%`, NaN, huge numbers — and any title text either give an SVG that is
//! valid XML and that resvg rasterises, or an error; never a panic. Plus: markup in a label is
//! drawn as text, never parsed as an element.

use crate::common;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use sharechart::dataset::Input;
use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::options::Lang;
use sharechart::scene::Scene;

/// Lays out CSV bytes the way `pipeline::scene` does, without a file (`None`: an error).
fn scene_of(csv: &[u8], spec: &ChartOptions) -> Option<Scene> {
    spec.validate().ok()?;
    let fonts = Fonts::default();
    let laid = sharechart::pipeline::lay_out("p.csv", Input::Bytes(csv), spec, &fonts).ok()?;
    Some(laid.scene)
}

/// The property: an error, or an SVG that parses as XML and rasterises to a PNG.
fn renders_or_errs(csv: &[u8], spec: &ChartOptions) -> Result<(), TestCaseError> {
    let Some(scene) = scene_of(csv, spec) else {
        return Ok(());
    };
    let svg = sharechart::render::to_svg(&scene);
    if let Err(e) = roxmltree::Document::parse(&svg) {
        return Err(TestCaseError::fail(format!("invalid XML ({e}):\n{svg}")));
    }
    let info = sharechart::render::PngInfo {
        scale: spec.common().scale,
        title: &scene.title,
        desc: &scene.desc,
    };
    sharechart::render::parse(&svg, &scene.fonts)
        .and_then(|tree| sharechart::render::png(&tree, &info))
        .map_err(|e| TestCaseError::fail(format!("no PNG: {e:#}")))?;
    Ok(())
}

/// Short text dense in what breaks XML and layout: C0 and C1 controls, DEL, bidi controls,
/// non-characters, markup, quotes, Arabic and combining marks.
fn hostile() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => prop::char::range('a', 'z'),
        2 => prop::char::range('\u{0}', '\u{1f}'),
        1 => prop::char::range('\u{7f}', '\u{9f}'),
        1 => prop::char::range('\u{2066}', '\u{2069}'),
        1 => prop::char::range('\u{0627}', '\u{064a}'),
        2 => prop::sample::select(vec![
            '<', '>', '&', '"', '\'', ' ', '%', '\u{202e}', '\u{fffe}', '\u{ffff}', '\u{feff}',
            '\u{0301}', '\u{200d}', '\u{2028}',
        ]),
    ];
    prop::collection::vec(ch, 1..10).prop_map(|v| v.into_iter().collect())
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => hostile(),
        4 => "[A-Za-z][a-z ]{0,10}",
        4 => (-1000i32..1000).prop_map(|n| n.to_string()),
        2 => (0u32..1000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}%")),
        2 => prop::sample::select(vec![
            "النفط", "الغاز الطبيعي", "٧٦٪", "٤٣٫٥", "١٠٢٬٣٤٧", "مسلمى روسيا 2024",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![
            "NaN", "inf", "-inf", "1.7e308", "1e15", "-1e15", "1e308", "-1e308", "1e400", "1e-320", "0", "-0",
            "102,347", "12,5", "%", "4x3", "", " ", "\"", "\"\"", "\"a,b\"", "\"x\ny\"",
            "</text><script>alert(1)</script>", "&amp;", "]]>", "<!--", "\u{1}", "\u{7f}",
            "\u{202e}", "\u{2067}", "\u{fffe}", "\u{feff}", "\r", "\t", ";", ",", "share",
            "label_ar", "note", "🙂", "a\u{0301}", "x".repeat(300).leak(),
        ])
        .prop_map(String::from),
    ]
}

fn csv_text() -> impl Strategy<Value = String> {
    let row = prop::collection::vec(cell(), 0..5);
    (
        prop::collection::vec(row, 0..7),
        prop::sample::select(vec![",", ";", "\t"]),
        prop::sample::select(vec!["\n", "\r\n"]),
    )
        .prop_map(|(rows, delim, eol)| {
            rows.iter()
                .map(|r| r.join(delim))
                .collect::<Vec<_>>()
                .join(eol)
        })
}

/// Mostly small numbers (five of them stay within 100%), sometimes anything.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0u32..20).prop_map(|n| n.to_string()),
        2 => (0u32..20).prop_map(|n| format!("{n}%")),
        1 => cell(),
    ]
}

/// Realistic shape (a header and a value column) with hostile cells, so that many cases render.
fn shaped_csv() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((cell(), cell(), value()), 1..6),
        prop::sample::select(vec!["label,share", "label,label_ar,share", "name,km"]),
    )
        .prop_map(|(rows, header)| {
            let cols = header.split(',').count();
            let mut out = format!("{header}\n");
            for (a, b, c) in rows {
                let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
                let fields = [q(&a), q(&b), q(&c)];
                out.push_str(&fields[3 - cols..].join(","));
                out.push('\n');
            }
            out
        })
}

/// Options of `kind` with every free text set to `text`, changed by `f`.
fn with(kind: Kind, text: &str, f: impl FnOnce(&mut ChartOptions)) -> ChartOptions {
    let mut o = kind.default_options();
    let c = o.common_mut();
    c.width = Some(sharechart::options::Length::px(400.0));
    c.height = Some(sharechart::options::Length::px(300.0));
    c.title = Some(text.to_string());
    c.subtitle = Some(text.to_string());
    c.source = Some(text.to_string());
    c.legend = vec![text.to_string()];
    f(&mut o);
    o
}

fn specs(text: &str) -> Vec<ChartOptions> {
    vec![
        with(Kind::Bar, text, |_| {}),
        with(Kind::Bar, text, |o| {
            if let ChartOptions::Bar(b) = o {
                b.horizontal = true;
            }
            o.common_mut().data.lang = Some(Lang::ar());
        }),
        with(Kind::Pie, text, |o| {
            if let ChartOptions::Pie(p) = o {
                p.rest = Some(text.to_string());
            }
        }),
        with(Kind::Pie, text, |o| {
            if let ChartOptions::Pie(p) = o {
                p.each_row = true;
                p.donut = true;
            }
            o.common_mut().data.lang = Some(Lang::ar());
        }),
    ]
}

/// [`specs`] and a map (#23), whose random labels are mostly unknown countries: an error at
/// their line, never a panic.
fn specs_and_map(text: &str) -> Vec<ChartOptions> {
    let mut all = specs(text);
    all.push(with(Kind::Map, text, |o| o.common_mut().legend.clear()));
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_csv_renders_or_errs(csv in csv_text(), text in hostile()) {
        for spec in specs_and_map(&text) {
            renders_or_errs(csv.as_bytes(), &spec)?;
        }
    }

    #[test]
    fn hostile_cells_in_a_usual_shape_render_or_err(csv in shaped_csv(), text in hostile()) {
        for spec in specs_and_map(&text) {
            renders_or_errs(csv.as_bytes(), &spec)?;
        }
    }

    #[test]
    fn any_bytes_render_or_err(bytes in prop::collection::vec(any::<u8>(), 0..120)) {
        let spec = with(Kind::Bar, "t", |o| { o.common_mut().width = Some(sharechart::options::Length::px(300.0)); o.common_mut().height = Some(sharechart::options::Length::px(200.0)); });
        renders_or_errs(&bytes, &spec)?;
    }
}

#[test]
fn the_property_is_not_vacuous() {
    // Most shaped cases must render, or the property above would test only the error paths.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut ok, mut total) = (0, 0);
    for _ in 0..64 {
        let csv = shaped_csv()
            .new_tree(&mut runner)
            .expect("a value")
            .current();
        for spec in specs("t") {
            total += 1;
            ok += usize::from(scene_of(csv.as_bytes(), &spec).is_some());
        }
    }
    assert!(ok * 4 > total, "only {ok} of {total} cases rendered");
}

#[test]
fn control_characters_never_reach_the_svg() {
    // Every C0 and C1 control and DEL, in a label, the title and the legend: XML 1.0 forbids
    // most of them, and a browser or resvg would refuse the whole file.
    let controls: String = ('\u{1}'..='\u{1f}').chain('\u{7f}'..='\u{9f}').collect();
    let label = format!("a{controls}b");
    let csv = format!("label,share\n\"{}\",40\nc,30\n", label.replace('"', "\"\""));
    for spec in specs(&label) {
        let kind = spec.kind();
        let scene = scene_of(csv.as_bytes(), &spec).expect("renders");
        let svg = sharechart::render::to_svg(&scene);
        let bad: Vec<char> = svg
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            .collect();
        assert!(
            bad.is_empty(),
            "{kind:?}: control characters in the SVG: {bad:?}"
        );
        roxmltree::Document::parse(&svg).expect("valid XML");
    }
}

#[test]
fn markup_in_a_label_is_text_not_an_element() {
    let evil = "</text><script>alert(1)</script>";
    let csv = format!("label,share\n\"{evil}\",40\n\"a & b <i>\",30\n");
    for mut spec in specs("Title") {
        // Wide enough that the label is drawn whole, not cut with an ellipsis.
        spec.common_mut().width = Some(sharechart::options::Length::px(1600.0));
        spec.common_mut().height = Some(sharechart::options::Length::px(900.0));
        let kind = spec.kind();
        let scene = scene_of(csv.as_bytes(), &spec).expect("renders");
        let svg = sharechart::render::to_svg(&scene);
        let doc = roxmltree::Document::parse(&svg).expect("valid XML");
        let names: Vec<&str> = doc.descendants().map(|n| n.tag_name().name()).collect();
        for bad in ["script", "i"] {
            assert!(
                !names.contains(&bad),
                "{kind:?}: a <{bad}> element in the SVG"
            );
        }
        let texts = common::texts(&svg);
        assert!(
            texts.iter().any(|t| t.contains(evil)),
            "{kind:?}: the label is not drawn as text: {texts:?}"
        );
        let desc = doc
            .descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .expect("a desc");
        assert!(desc.contains(evil) && desc.contains("a & b <i>"), "{desc}");
    }
}
