//! Shared by `csv_to_svg` and `csv_to_png`: the first three bytes of a fuzz input pick the chart
//! options, the rest is the CSV file.

use sharechart::fonts::{FontSet, Fonts};
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::options::{Digits, Lang, Sort, ThemeName};

/// Text that must come out escaped: markup, entities, quotes, a CDATA end, bidi overrides,
/// Arabic and the Arabic percent sign.
pub const HOSTILE: &str =
    "</text><script>alert(1)</script> & &amp; \"q\" 'a' ]]> \u{202E}نسبة ٪ <!--";

/// Splits an input into (options, csv bytes), or `None` if it is shorter than the options.
///
/// byte 0: bit 0 pie (else bar), bit 1 Arabic, bit 2 horizontal, bit 3 donut, bit 4 each-row,
///         bits 5-6 sort (0 none, 1 asc, 2 desc, 3 none), bit 7 stacked.
/// byte 1: bits 0-1 delimiter (sniffed, `,`, `;`, tab), bits 2-3 size (1200x800, 200x200,
///         8000x200, 300x2000), bit 4 hostile title/subtitle/source, bit 5 hostile rest label,
///         bit 6 hostile legend names, bit 7 label = "label" and value = ["share"].
/// byte 2: bits 0-1 theme (light, dark, print, light), bit 2 Arabic-Indic digits,
///         bits 3-4 top (none, 1, 3, 8); bits 5-7 unused.
pub fn split(data: &[u8]) -> Option<(ChartOptions, &[u8])> {
    let [a, b, c, csv @ ..] = data else {
        return None;
    };
    let (a, b, c) = (*a, *b, *c);
    let bit = |byte: u8, n: u8| byte & (1 << n) != 0;
    let kind = if bit(a, 0) { Kind::Pie } else { Kind::Bar };
    let hostile = || Some(HOSTILE.to_string());
    let (width, height) =
        [(1200, 800), (200, 200), (8000, 200), (300, 2000)][usize::from((b >> 2) & 3)];
    let mut spec = kind.default_options();
    let rest = if bit(b, 5) { hostile() } else { None };
    match &mut spec {
        ChartOptions::Bar(o) => {
            o.horizontal = bit(a, 2);
            o.stacked = bit(a, 7);
            o.rest = rest;
            o.order.sort = match (a >> 5) & 3 {
                1 => Some(Sort::Asc),
                2 => Some(Sort::Desc),
                _ => None,
            };
        }
        ChartOptions::Pie(o) => {
            o.donut = bit(a, 3);
            o.each_row = bit(a, 4);
            o.rest = rest;
        }
    }
    let common = spec.common_mut();
    let columns = &mut common.data;
    columns.lang = Some(if bit(a, 1) { Lang::ar() } else { Lang::en() });
    columns.top = [None, Some(1), Some(3), Some(8)][usize::from((c >> 3) & 3)];
    columns.delimiter = [None, Some(','), Some(';'), Some('\t')][usize::from(b & 3)];
    if bit(b, 7) {
        columns.label = Some("label".to_string());
        columns.value = vec!["share".to_string()];
    }
    common.width = Some(sharechart::options::Length::px(f64::from(width)));
    common.height = Some(sharechart::options::Length::px(f64::from(height)));
    if bit(b, 4) {
        common.title = hostile();
        common.subtitle = hostile();
        common.source = hostile();
    }
    if bit(b, 6) {
        common.legend = vec![HOSTILE.to_string(), format!("{HOSTILE} 2")];
    }
    common.theme = [
        ThemeName::Light,
        ThemeName::Dark,
        ThemeName::Print,
        ThemeName::Light,
    ][usize::from(c & 3)];
    common.digits = if bit(c, 2) {
        Digits::Arabic
    } else {
        Digits::Latin
    };
    Some((spec, csv))
}

/// CSV -> table -> dataset -> scene -> SVG, as `pipeline::render_bytes` does it for the CLI
/// and `build`: the SVG, its size and its fonts. `None` when the input is rejected with an
/// error (which is fine); panics propagate.
pub fn render(spec: &ChartOptions, csv: &[u8]) -> Option<(String, u32, u32, FontSet)> {
    spec.validate().ok()?;
    let fonts = Fonts::default();
    let input = sharechart::dataset::Input::Bytes(csv);
    let scene = sharechart::pipeline::lay_out("fuzz.csv", input, spec, &fonts)
        .ok()?
        .scene;
    Some((
        sharechart::render::to_svg(&scene),
        scene.width,
        scene.height,
        scene.fonts,
    ))
}

/// Attributes that hold coordinates or lengths: none may be NaN or infinite.
const GEOMETRY: [&str; 14] = [
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "width",
    "height",
    "d",
    "points",
    "transform",
];

/// The SVG must be well-formed XML with an `<svg>` root and finite geometry.
pub fn check_svg(svg: &str) {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => panic!("malformed SVG: {e}\n{svg}"),
    };
    assert_eq!(
        doc.root_element().tag_name().name(),
        "svg",
        "root is not <svg>"
    );
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            if GEOMETRY.contains(&attr.name()) {
                let v = attr.value().to_ascii_lowercase();
                assert!(
                    !v.contains("nan") && !v.contains("inf"),
                    "non-finite geometry: <{} {}=\"{}\">",
                    node.tag_name().name(),
                    attr.name(),
                    attr.value()
                );
            }
        }
    }
}
