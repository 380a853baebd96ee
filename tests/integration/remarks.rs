//! The words an editor puts on the plot (#22 items 4, 6 and 7), run as the real binary: grouped
//! bars named at their first category (a legend only where the names do not fit), the rest's
//! values quieter than the shares, reference lines (`--line`), callouts (`--annotate`), each
//! panel's remainder (`--rest-of`), the alt text that says them, every message they add, and
//! the setting of text (balanced titles, numbers isolated in right-to-left titles, the axis
//! past a largest value on its top tick, single pies sized to their content).

use crate::common::{CROPS, bin, run_on as run, tempdir, write};

const ENERGY: &str = "label,label_ar,basis,basis_ar,share\nOil,النفط,Production,الإنتاج,43\nOil,النفط,Reserves,الاحتياطي,69\nNatural gas,الغاز الطبيعي,Production,الإنتاج,8\nNatural gas,الغاز الطبيعي,Reserves,الاحتياطي,57\n";
const RUSSIA: &str = "label,share\nMuslims in Russia,14\n";

/// The SVG of a chart that must draw.
fn svg(kind: &str, csv: &str, args: &[&str]) -> String {
    let (code, svg, err) = run(kind, csv, args);
    assert_eq!(code, Some(0), "{err}");
    svg
}

/// The stderr of a chart that must fail with `code`; nothing on stdout.
fn fails(kind: &str, csv: &str, args: &[&str], code: i32) -> String {
    let (got, svg, err) = run(kind, csv, args);
    assert_eq!(got, Some(code), "{args:?}: {err}");
    assert!(svg.is_empty(), "{args:?}: drew {svg}");
    err
}

/// A text as drawn: its words (bidi isolates removed), anchor point, anchor, fill and weight.
#[derive(Debug, Clone)]
struct Text {
    s: String,
    x: f64,
    y: f64,
    anchor: String,
    fill: String,
    bold: bool,
    size: f64,
}

fn num(n: roxmltree::Node, k: &str) -> f64 {
    n.attribute(k).and_then(|v| v.parse().ok()).unwrap_or(0.0)
}

/// Every `<text>` of an SVG, in document order.
fn items(svg: &str) -> Vec<Text> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "text")
        .map(|n| Text {
            s: (n.descendants().filter(|d| d.is_text()))
                .filter_map(|d| d.text())
                .collect::<String>()
                .trim()
                .chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                .collect(),
            x: num(n, "x"),
            y: num(n, "y"),
            anchor: n.attribute("text-anchor").unwrap_or("").to_string(),
            fill: n.attribute("fill").unwrap_or("").to_string(),
            bold: n.attribute("font-weight") == Some("bold"),
            size: num(n, "font-size"),
        })
        .collect()
}

/// The one text that reads `s`.
fn text(svg: &str, s: &str) -> Text {
    let all = items(svg);
    let hits: Vec<&Text> = all.iter().filter(|t| t.s == s).collect();
    assert_eq!(hits.len(), 1, "{s:?} drawn {} times: {all:?}", hits.len());
    hits[0].clone()
}

/// The one bold text (a value label, not a tick) that reads `s`.
fn value(svg: &str, s: &str) -> Text {
    let all = items(svg);
    let hits: Vec<&Text> = all.iter().filter(|t| t.s == s && t.bold).collect();
    assert_eq!(
        hits.len(),
        1,
        "value {s:?} drawn {} times: {all:?}",
        hits.len()
    );
    hits[0].clone()
}

/// `(x, y, w, h)` of the rectangles filled with `color`.
fn rects(svg: &str, color: &str) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "rect" && n.attribute("fill") == Some(color))
        .map(|n| (num(n, "x"), num(n, "y"), num(n, "width"), num(n, "height")))
        .collect()
}

/// The dashes of the reference lines: short dark segments, `(x0, y0, x1, y1)`.
fn dashes(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "polyline" && n.attribute("stroke") == Some("#333333"))
        .filter_map(|n| {
            let p: Vec<f64> = (n.attribute("points")?.split([' ', ',']))
                .filter_map(|v| v.parse().ok())
                .collect();
            let d = (p[0], p[1], p[2], p[3]);
            ((d.2 - d.0).hypot(d.3 - d.1) < 10.0).then_some(d)
        })
        .collect()
}

/// The `<desc>` of an SVG.
fn desc(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    doc.descendants()
        .find(|n| n.tag_name().name() == "desc")
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string()
}

/// The height of the SVG image.
fn height(svg: &str) -> f64 {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    num(doc.root_element(), "height")
}

/// True when the box of `a` (a text of `size` px, about 0.6 em a character) and `b` overlap.
fn close(a: &Text, b: &Text) -> bool {
    let span = |t: &Text| {
        let w = t.s.chars().count() as f64 * t.size * 0.5;
        match t.anchor.as_str() {
            "middle" => (t.x - w / 2.0, t.x + w / 2.0),
            "end" => (t.x - w, t.x),
            _ => (t.x, t.x + w),
        }
    };
    let ((a0, a1), (b0, b1)) = (span(a), span(b));
    a0 < b1 && b0 < a1 && (a.y - b.y).abs() < (a.size + b.size) / 2.0
}

#[test]
fn grouped_bars_name_their_series_at_the_first_category() {
    let s = svg("bar", ENERGY, &[]);
    let (prod, res) = (rects(&s, "#0072B2"), rects(&s, "#C27C00"));
    assert_eq!((prod.len(), res.len()), (2, 2), "no legend swatch");
    // Above each bar of the first category (Oil), within the bar's width, in the quiet colour.
    for (name, bar) in [("Production", prod[0]), ("Reserves", res[0])] {
        let t = text(&s, name);
        assert!(t.x > bar.0 && t.x < bar.0 + bar.2, "{t:?} over {bar:?}");
        assert!(t.y < bar.1, "{t:?} above {bar:?}");
        assert_eq!((t.fill.as_str(), t.bold), ("#595959", false), "{t:?}");
        // Above the bar's value label too.
        let v = text(&s, if name == "Production" { "43%" } else { "69%" });
        assert!(t.y < v.y, "{t:?} above {v:?}");
    }
    // Horizontal bars: after each bar's value, on the bar's row.
    let s = svg("bar", ENERGY, &["--horizontal"]);
    for (name, value) in [("Production", "43%"), ("Reserves", "69%")] {
        let (t, v) = (text(&s, name), text(&s, value));
        assert!(t.x > v.x && (t.y - v.y).abs() < 1.0, "{t:?} after {v:?}");
    }
    // Arabic: the first category is on the right, and the names are there.
    let s = svg("bar", ENERGY, &["--lang", "ar"]);
    let oil = text(&s, "النفط");
    let gas = text(&s, "الغاز الطبيعي");
    assert!(oil.x > gas.x, "{oil:?} {gas:?}");
    for name in ["الإنتاج", "الاحتياطي"] {
        assert!(
            text(&s, name).x > gas.x + 50.0,
            "{name} at the first category"
        );
    }
    assert_eq!(rects(&s, "#0072B2").len(), 2, "no legend swatch");
}

#[test]
fn series_names_that_do_not_fit_at_the_bars_go_to_a_legend() {
    let csv = "label,A remarkably long series name,Another remarkably long series name\nX,10,20\nY,30,40\n";
    let s = svg("bar", csv, &["--width", "300"]);
    // Each colour's swatch and its two bars; the names in the legend, above every bar.
    for color in ["#0072B2", "#C27C00"] {
        let r = rects(&s, color);
        assert_eq!(r.len(), 3, "{color}: {r:?}");
        assert!(r[0].2 < 12.0 && r[0].3 < 12.0, "a swatch first: {r:?}");
    }
    let top = rects(&s, "#C27C00")[2].1;
    for name in [
        "A remarkably long series name",
        "Another remarkably long series name",
    ] {
        assert!(text(&s, name).y < top, "{name} in the legend");
    }
    // Wide enough: the same names at the bars, no swatch.
    let s = svg(
        "bar",
        "label,Low,High\nX,10,20\nY,30,40\n",
        &["--width", "900"],
    );
    assert_eq!(rects(&s, "#0072B2").len(), 2);
}

#[test]
fn the_rest_is_quieter_than_the_shares() {
    // A single pie: the share's value bold and black, the rest's regular and grey.
    let s = svg("pie", RUSSIA, &["--rest", "Other residents"]);
    let (share, rest) = (text(&s, "14%"), text(&s, "86%"));
    assert_eq!((share.fill.as_str(), share.bold), ("#1A1A1A", true));
    assert_eq!((rest.fill.as_str(), rest.bold), ("#595959", false));
    // Share-vs-rest bars: each rest's value in a regular weight, each share's bold.
    let s = svg("bar", CROPS, &["--rest", "Rest of world"]);
    for (v, r) in [
        ("76%", "24%"),
        ("43%", "57%"),
        ("15%", "85%"),
        ("80%", "20%"),
    ] {
        assert!(text(&s, v).bold, "{v}");
        let r = text(&s, r);
        assert!(!r.bold && r.fill != "#FFFFFF", "{r:?}");
    }
    // A donut grid: each remainder named under its donut is in the quiet colour.
    let s = svg(
        "pie",
        CROPS,
        &["--each-row", "--rest-of", "Dates=Other dates"],
    );
    let t = text(&s, "Other dates 24%");
    assert_eq!((t.fill.as_str(), t.bold), ("#595959", false));
}

#[test]
fn a_reference_line_crosses_the_plot_at_its_value_with_its_label() {
    let s = svg("bar", CROPS, &["--line", "50=World average"]);
    let (zero, hundred) = (text(&s, "0%").y, text(&s, "100%").y);
    let d = dashes(&s);
    assert!(d.len() > 20, "a dashed line: {d:?}");
    // Level, at 50% of the axis (the SVG rounds a text's y to whole pixels).
    let at = zero + (hundred - zero) * 0.5;
    for seg in &d {
        assert!(
            (seg.1 - at).abs() < 1.0 && seg.1 == seg.3,
            "{seg:?} at {at}"
        );
    }
    // The label right of the plot, at the line's height, clear of every other text.
    let label = text(&s, "World average");
    let right = d.iter().map(|seg| seg.2).fold(0.0, f64::max);
    assert!(
        label.x > right && label.anchor == "start",
        "{label:?} {right}"
    );
    assert!((label.y - at).abs() < 1.0, "{label:?}");
    for other in items(&s).iter().filter(|t| t.s != label.s) {
        assert!(!close(&label, other), "{label:?} touches {other:?}");
    }
    // Right to left: mirrored, the label left of the plot.
    let s = svg(
        "bar",
        CROPS,
        &["--lang", "ar", "--line", "50=المتوسط العالمي"],
    );
    let label = text(&s, "المتوسط العالمي");
    let left = dashes(&s).iter().map(|seg| seg.0).fold(f64::MAX, f64::min);
    assert!(label.x < left && label.anchor == "end", "{label:?} {left}");
    // Horizontal bars: the line upright at 50%, its label above the plot.
    let s = svg(
        "bar",
        CROPS,
        &["--horizontal", "--line", "50=World average"],
    );
    let (zero, hundred) = (text(&s, "0%").x, text(&s, "100%").x);
    let at = zero + (hundred - zero) * 0.5;
    let d = dashes(&s);
    assert!(
        d.len() > 20
            && d.iter()
                .all(|seg| (seg.0 - at).abs() < 1.0 && seg.0 == seg.2),
        "{d:?} at {at}"
    );
    let label = text(&s, "World average");
    let top = d
        .iter()
        .map(|seg| seg.1.min(seg.3))
        .fold(f64::MAX, f64::min);
    assert!(label.y < top, "{label:?} above {top}");
    // Several lines, each with its label.
    let s = svg(
        "bar",
        CROPS,
        &["--line", "50=World average", "--line", "30=Target"],
    );
    assert!(text(&s, "Target").y > text(&s, "World average").y);
}

#[test]
fn a_reference_line_past_the_data_stretches_the_axis() {
    let csv = "label,count\nA,40\nB,23\n";
    let t: Vec<String> = items(&svg("bar", csv, &[]))
        .into_iter()
        .map(|t| t.s)
        .collect();
    assert!(!t.iter().any(|x| x == "90" || x == "100"), "{t:?}");
    let s = svg("bar", csv, &["--line", "90=Target"]);
    let t: Vec<String> = items(&s).into_iter().map(|t| t.s).collect();
    assert!(
        t.iter().any(|x| x == "100"),
        "the axis reaches the line: {t:?}"
    );
    // Below zero (written with `=`: a value starting with '-' would be read as a flag).
    let s = svg("bar", csv, &["--line=-10=Floor"]);
    let t: Vec<String> = items(&s).into_iter().map(|t| t.s).collect();
    assert!(
        t.iter()
            .any(|x| x.starts_with('\u{2212}') || x.starts_with('-')),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x == "Floor"), "{t:?}");
}

#[test]
fn a_callout_sits_at_its_bar_clear_of_every_text() {
    let s = svg("bar", CROPS, &["--annotate", "Rubber=The largest share"]);
    let (c, v, name) = (
        text(&s, "The largest share"),
        value(&s, "80%"),
        text(&s, "Rubber"),
    );
    assert!((c.x - name.x).abs() < 1.0 && c.y < v.y, "{c:?} over {v:?}");
    assert!(!c.bold, "{c:?}");
    for other in items(&s).iter().filter(|t| t.s != c.s) {
        assert!(!close(&c, other), "{c:?} touches {other:?}");
    }
    // Named loosely (case, spaces) and in Arabic by its Arabic name.
    let s = svg("bar", CROPS, &["--annotate", " rubber =The largest share"]);
    assert!((text(&s, "The largest share").x - text(&s, "Rubber").x).abs() < 1.0);
    let s = svg(
        "bar",
        CROPS,
        &["--lang", "ar", "--annotate", "المطاط=أكبر حصة"],
    );
    let (c, name) = (text(&s, "أكبر حصة"), text(&s, "المطاط"));
    assert!((c.x - name.x).abs() < 1.0, "{c:?} {name:?}");
    // Horizontal bars: after the value, on the category's row.
    let s = svg(
        "bar",
        CROPS,
        &["--horizontal", "--annotate", "Wheat=Lowest"],
    );
    let (c, v) = (text(&s, "Lowest"), text(&s, "15%"));
    assert!(c.x > v.x && (c.y - v.y).abs() < 1.0, "{c:?} after {v:?}");
    // One bar of a group: "CATEGORY (SERIES)".
    let s = svg(
        "bar",
        ENERGY,
        &["--annotate", "Natural gas (Production)=As printed"],
    );
    let gas_production = rects(&s, "#0072B2")[1];
    let c = text(&s, "As printed");
    assert!(
        c.x > gas_production.0 && c.x < gas_production.0 + gas_production.2,
        "{c:?} on {gas_production:?}"
    );
    assert!(c.y < text(&s, "8%").y, "{c:?}");
}

#[test]
fn pies_take_callouts_and_grids_name_each_remainder() {
    // A single pie: the callout under the slice's value, in the quiet colour.
    let s = svg(
        "pie",
        RUSSIA,
        &["--annotate", "Muslims in Russia=About 20 million"],
    );
    let (c, v) = (text(&s, "About 20 million"), text(&s, "14%"));
    assert!(c.y > v.y && (c.x - v.x).abs() < 1.0, "{c:?} under {v:?}");
    assert_eq!((c.fill.as_str(), c.bold), ("#595959", false));
    // A grid: one panel's remainder named under its donut, with the remainder's value; the
    // others keep the legend's rest.
    let s = svg(
        "pie",
        CROPS,
        &[
            "--each-row",
            "--donut",
            "--rest-of",
            "Dates=Other dates",
            "--annotate",
            "Wheat=Lowest",
        ],
    );
    let (rest, dates) = (text(&s, "Other dates 24%"), text(&s, "Dates"));
    assert!(
        (rest.x - dates.x).abs() < 1.0 && rest.y > dates.y,
        "{rest:?}"
    );
    let (c, wheat) = (text(&s, "Lowest"), text(&s, "Wheat"));
    assert!((c.x - wheat.x).abs() < 1.0 && c.y > wheat.y, "{c:?}");
    assert!(items(&s).iter().any(|t| t.s == "Rest of world"), "legend");
    assert!(
        desc(&s).contains("Dates 76% (Other dates 24%), Cotton 43% (Rest of world 57%)"),
        "{}",
        desc(&s)
    );
    // Every panel's remainder named: no legend.
    let csv = "label,share\nLand,25\nPeople,25\n";
    let s = svg(
        "pie",
        csv,
        &[
            "--each-row",
            "--donut",
            "--rest-of",
            "Land=Other land",
            "--rest-of",
            "People=Other people",
        ],
    );
    let t: Vec<String> = items(&s).into_iter().map(|t| t.s).collect();
    assert!(!t.iter().any(|x| x == "Rest of world"), "{t:?}");
    assert!(
        t.iter().any(|x| x == "Other land 75%") && t.iter().any(|x| x == "Other people 75%"),
        "{t:?}"
    );
    assert_eq!(rects(&s, "#919191").len(), 0, "no legend swatch");
}

#[test]
fn the_alt_text_says_lines_and_callouts_after_the_data_before_the_source() {
    let args = [
        "--line",
        "50=World average",
        "--annotate",
        "Rubber=The largest share",
        "--source",
        "Test data",
    ];
    let d = desc(&svg("bar", CROPS, &args));
    let data = d.find("Rubber 80%").expect("the data");
    let line = d.find("World average: 50%.").expect("the line");
    let callout = d.find("Rubber: The largest share.").expect("the callout");
    // After the values, before the unit line and the source.
    let source = d.find("Source: Test data").expect("the source");
    assert!(data < line && line < callout && callout < source, "{d}");
    let d = desc(&svg(
        "bar",
        CROPS,
        &["--lang", "ar", "--annotate", "المطاط=أكبر حصة"],
    ));
    assert!(d.contains("المطاط: أكبر حصة."), "{d}");
    let d = desc(&svg(
        "pie",
        RUSSIA,
        &["--annotate", "Muslims in Russia=About 20 million"],
    ));
    assert!(d.contains("Muslims in Russia: About 20 million."), "{d}");
    // The PNG's and the PDF's alt text say the same.
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", CROPS);
    for ext in ["png", "pdf"] {
        let out = dir.path().join(format!("c.{ext}"));
        bin()
            .arg("bar")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(args)
            .assert()
            .success();
        let bytes = std::fs::read(&out).expect("written");
        let needle = b"World average: 50%. Rubber: The largest share.";
        assert!(
            bytes.windows(needle.len()).any(|w| w == needle),
            "{ext}: no remarks in the alt text"
        );
    }
}

#[test]
fn the_manifest_takes_line_annotate_and_rest_of() {
    let dir = tempdir();
    write(dir.path(), "crops.csv", CROPS);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"b\"\ninput = \"crops.csv\"\nkind = \"bar\"\nlang = [\"en\", \"ar\"]\noutput = [\"b-{lang}.svg\"]\ntitle.en = \"Crops\"\ntitle.ar = \"المحاصيل\"\nline.en = [\"50=World average\"]\nline.ar = [\"50=المتوسط العالمي\"]\nannotate.en = [\"Rubber=The largest share\"]\nannotate.ar = [\"المطاط=أكبر حصة\"]\n\n[[chart]]\nname = \"p\"\ninput = \"crops.csv\"\nkind = \"pie\"\noutput = [\"p.svg\"]\neach-row = true\nrest-of = [\"Dates=Other dates\"]\n",
    );
    bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).expect(f);
    let en = read("b-en.svg");
    assert_eq!(text(&en, "World average").anchor, "start");
    text(&en, "The largest share");
    let ar = read("b-ar.svg");
    assert_eq!(text(&ar, "المتوسط العالمي").anchor, "end");
    text(&ar, "أكبر حصة");
    text(&read("p.svg"), "Other dates 24%");
}

#[test]
fn malformed_lines_and_callouts_are_usage_errors_with_an_example() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "--line",
            "25",
            "'25' is not VALUE=TEXT: write the VALUE, '=' and the words, e.g. 25=World average",
        ),
        (
            "--line",
            "=x",
            "'=x' has no VALUE before '=': write VALUE=TEXT, e.g. 25=World average",
        ),
        (
            "--line",
            "25=",
            "'25=' has no words after '=': write VALUE=TEXT, e.g. 25=World average",
        ),
        (
            "--line",
            "x=World",
            "'x' in 'x=World' is not a number: write the value as a plain number, e.g. 25=World average",
        ),
        (
            "--line",
            "inf=x",
            "'inf' in 'inf=x' is out of range: give a finite number, e.g. 25=World average",
        ),
        (
            "--line",
            "1e16=x",
            "'1e16' in '1e16=x' is out of range: give a finite number",
        ),
        (
            "--annotate",
            "Rubber",
            "'Rubber' is not LABEL=TEXT: write the LABEL, '=' and the words, e.g. \"Rubber=The largest share\"",
        ),
        (
            "--annotate",
            "=x",
            "'=x' has no LABEL before '=': write LABEL=TEXT",
        ),
        (
            "--annotate",
            "Rubber=",
            "'Rubber=' has no words after '=': write LABEL=TEXT",
        ),
    ];
    for (flag, value, message) in cases {
        let err = fails("bar", CROPS, &[flag, value], 2);
        assert!(err.contains(message), "{flag} {value}: {err}");
        assert!(err.contains(&format!("invalid value '{value}'")), "{err}");
    }
    // The same words for a pie's callout and remainder.
    let err = fails("pie", CROPS, &["--each-row", "--rest-of", "Dates"], 2);
    assert!(err.contains("'Dates' is not LABEL=TEXT"), "{err}");
    let err = fails("pie", RUSSIA, &["--annotate", "Muslims in Russia="], 2);
    assert!(err.contains("has no words after '='"), "{err}");
    // A manifest's value at its place.
    let dir = tempdir();
    write(dir.path(), "crops.csv", CROPS);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"c\"\ninput = \"crops.csv\"\nkind = \"bar\"\noutput = [\"c.svg\"]\nline = [\"x=World\"]\n",
    );
    let out = bin()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("charts.toml:6:8: chart 'c': line: 'x' in 'x=World' is not a number"),
        "{err}"
    );
    assert!(!dir.path().join("c.svg").exists());
}

#[test]
fn a_name_that_the_chart_does_not_draw_is_an_error_with_the_nearest() {
    let err = fails("bar", CROPS, &["--annotate", "Rubbr=Big"], 1);
    assert!(
        err.contains("in.csv: --annotate names \"Rubbr\", which the chart does not draw"),
        "{err}"
    );
    assert!(err.contains("hint: the nearest are \"Rubber\""), "{err}");
    assert!(
        err.contains("write the name as the chart shows it, in the chart's language"),
        "{err}"
    );
    // An English name on an Arabic chart.
    let err = fails("bar", CROPS, &["--lang", "ar", "--annotate", "Rubber=x"], 1);
    assert!(
        err.contains("names \"Rubber\", which the chart does not draw"),
        "{err}"
    );
    // A pie's slice, a grid's panel.
    let err = fails("pie", RUSSIA, &["--annotate", "Muslms=x"], 1);
    assert!(
        err.contains("--annotate names \"Muslms\", which the chart does not draw"),
        "{err}"
    );
    assert!(
        err.contains("hint: the nearest are \"Muslims in Russia\""),
        "{err}"
    );
    for flag in ["--rest-of", "--annotate"] {
        let err = fails("pie", CROPS, &["--each-row", flag, "Dtes=x"], 1);
        assert!(
            err.contains(&format!(
                "{flag} names \"Dtes\", which the chart does not draw"
            )),
            "{err}"
        );
        assert!(err.contains("hint: the nearest are \"Dates\""), "{err}");
    }
}

#[test]
fn rest_of_names_the_panels_of_a_grid_only() {
    let err = fails("pie", RUSSIA, &["--rest-of", "Muslims in Russia=Others"], 1);
    assert!(
        err.contains("--rest-of \"Muslims in Russia=Others\" names the remainder of one pie of a grid, but this is one pie (without --each-row)"),
        "{err}"
    );
    assert!(
        err.contains("hint: name the remainder of a single pie with --rest, or draw one pie per row with `--each-row`"),
        "{err}"
    );
    // In a manifest, with the keys' names.
    let dir = tempdir();
    write(dir.path(), "r.csv", RUSSIA);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"r\"\ninput = \"r.csv\"\nkind = \"pie\"\noutput = [\"r.svg\"]\nrest-of = [\"Muslims in Russia=Others\"]\n",
    );
    let out = bin()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("charts.toml:6:1: chart 'r': rest-of"), "{err}");
    assert!(err.contains("`each-row = true`"), "{err}");
}

const LONG: &str = "Supercalifragilisticexpialidocious-and-antidisestablishmentarianism";

#[test]
fn a_callout_that_does_not_fit_is_refused_with_a_hint() {
    let callout = format!("Cotton={LONG}");
    let err = fails("bar", CROPS, &["--width", "300", "--annotate", &callout], 1);
    assert!(
        err.contains(&format!(
            "in.csv: the callout on \"Cotton\" (\"{LONG}\") does not fit beside the chart's other labels"
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: shorten it, draw the bars horizontal (`--horizontal`), or give the chart more room with --width"),
        "{err}"
    );
    // Horizontal and wider, as the hint says, it is drawn.
    let s = svg(
        "bar",
        CROPS,
        &["--width", "800", "--horizontal", "--annotate", &callout],
    );
    text(&s, LONG);
}

#[test]
fn a_callout_that_does_not_fit_on_horizontal_bars_hints_what_is_left() {
    let callout = format!("Cotton={LONG}");
    let err = fails(
        "bar",
        CROPS,
        &["--width", "300", "--horizontal", "--annotate", &callout],
        1,
    );
    assert!(err.contains("does not fit beside"), "{err}");
    assert!(!err.contains("`--horizontal`"), "{err}");
}

/// The lines of the title (the first text's size, bold), as drawn.
fn title_lines(svg: &str) -> Vec<String> {
    let all = items(svg);
    let size = all.iter().find(|t| t.bold).expect("a title").size;
    all.into_iter()
        .filter(|t| t.bold && t.size == size)
        .map(|t| t.s)
        .collect()
}

#[test]
fn titles_wrap_into_balanced_lines_without_a_one_word_last_line() {
    let titles = [
        (
            "en",
            "OIC states produce 43% of the world’s oil and hold 69% of its reserves",
        ),
        (
            "ar",
            "الدول الإسلامية تمتلك 69% من الاحتياطي العالمي من النفط وتستحوذ على 43% من إنتاجه",
        ),
    ];
    let mut wrapped = 0;
    for (lang, title) in titles {
        for width in (300..=600).step_by(30) {
            let w = width.to_string();
            let s = svg(
                "bar",
                CROPS,
                &["--lang", lang, "--width", &w, "--title", title],
            );
            let lines = title_lines(&s);
            assert_eq!(lines.join(" "), title, "{lang} at {width}: every word once");
            if lines.len() < 2 {
                continue;
            }
            wrapped += 1;
            let last = lines.last().expect("a line");
            assert!(last.contains(' '), "{lang} at {width}: {lines:?}");
            let len: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
            let (min, max) = (len.iter().min(), len.iter().max());
            assert!(
                min.zip(max).is_some_and(|(a, b)| a * 2 >= *b),
                "{lang} at {width}: unbalanced {lines:?}"
            );
        }
    }
    assert!(wrapped > 10, "the titles wrap at these widths");
}

#[test]
fn numbers_in_right_to_left_titles_read_as_the_bar_labels_do() {
    let s = svg(
        "bar",
        CROPS,
        &["--lang", "ar", "--title", "تمتلك 69% من الاحتياطي"],
    );
    // The number and its sign in a left-to-right isolate, as a bar's "69%" reads; once.
    assert!(s.contains("تمتلك \u{2066}69"), "{s}");
    let doc = roxmltree::Document::parse(&s).expect("valid SVG");
    let title = doc
        .descendants()
        .find(|n| n.tag_name().name() == "text")
        .expect("a title");
    let raw: String = (title.descendants().filter(|d| d.is_text()))
        .filter_map(|d| d.text())
        .collect();
    let iso = raw.find('\u{2066}').expect("an isolate");
    let pdi = raw[iso..].find('\u{2069}').expect("closed") + iso;
    assert_eq!(&raw[iso + 3..pdi], "69%", "{raw:?}");
    assert_eq!(raw.matches('\u{2066}').count(), 1, "{raw:?}");
    // Left-to-right text is left as it is.
    let s = svg("bar", CROPS, &["--title", "They hold 69% of it"]);
    assert!(!s.contains('\u{2066}'), "no isolate in English");
}

#[test]
fn the_axis_passes_a_largest_value_on_its_top_tick() {
    let ticks = |csv: &str| -> Vec<String> {
        let s = svg("bar", csv, &[]);
        items(&s)
            .into_iter()
            .filter(|t| t.fill == "#595959" && t.s.chars().all(|c| c.is_ascii_digit() || c == '%'))
            .map(|t| t.s)
            .collect()
    };
    // 40 on the 40 tick: the axis goes on to 50; 75 is below its top tick, which stays 80%.
    let t = ticks("label,count\nA,40\nB,23\n");
    assert_eq!(t.last().map(String::as_str), Some("50"), "{t:?}");
    let t = ticks("label,share\nA,75\nB,23\n");
    assert_eq!(t.last().map(String::as_str), Some("80%"), "{t:?}");
    // 80% on the 80 gridline: on to 100%, and no further.
    let t = ticks("label,share\nA,80\nB,23\n");
    assert_eq!(t.last().map(String::as_str), Some("100%"), "{t:?}");
    let t = ticks("label,share\nA,100\nB,23\n");
    assert_eq!(t.last().map(String::as_str), Some("100%"), "{t:?}");
}

#[test]
fn a_single_pie_is_as_tall_as_its_content() {
    let fitted = svg("pie", RUSSIA, &["--rest", "Other residents"]);
    assert!(height(&fitted) < 300.0, "{}", height(&fitted));
    // Nothing drawn below the canvas.
    let bottom = items(&fitted).iter().map(|t| t.y).fold(0.0, f64::max);
    assert!(bottom < height(&fitted), "{bottom}");
    let given = svg(
        "pie",
        RUSSIA,
        &["--rest", "Other residents", "--height", "600"],
    );
    assert_eq!(height(&given), 600.0);
    // With a callout it grows, if it must, rather than cut it.
    let s = svg(
        "pie",
        RUSSIA,
        &["--annotate", "Muslims in Russia=About 20 million people"],
    );
    let c = text(&s, "About 20 million people");
    assert!(c.y < height(&s), "{c:?}");
}

#[test]
fn a_callout_wraps_into_balanced_lines() {
    // Over a bar of a 260 px chart "A note on this one" takes two lines: "A note on" / "this
    // one", not "A note on this" / "one".
    let s = svg(
        "bar",
        "name,value\nChad,120\nIran,50\n",
        &["--width", "260", "--annotate", "Chad=A note on this one"],
    );
    let lines: Vec<String> = crate::common::texts(&s)
        .into_iter()
        .filter(|t| {
            ["A", "note", "on", "this", "one"]
                .iter()
                .any(|w| t.split(' ').any(|x| x == *w))
        })
        .collect();
    assert!(lines.len() >= 2, "{lines:?}");
    assert_eq!(lines.join(" "), "A note on this one", "{lines:?}");
    assert!(lines.iter().all(|l| l.contains(' ')), "{lines:?}");
}
