//! The `bar` and `pie` commands, run as a real process, on the success paths: what each flag
//! does to the SVG (bar sizes in proportion to the values, order, grouping, pies and donuts,
//! Arabic mirroring), sizes and scale of SVG and PNG, and the replaced (or, for the same bytes,
//! kept) output file.

use std::path::{Path, PathBuf};

use crate::common::{self, bin, decode_png, fills, fixture, names_in, tempdir, texts, write};

const OLD: &[u8] = b"old";

/// `path` as the string the binary prints (tests only use UTF-8 paths).
fn s(path: &Path) -> String {
    path.display().to_string()
}

/// Renders `cmd input extra... -o dir/out.svg` and returns the SVG text.
fn svg_of(cmd: &str, input: &Path, extra: &[&str]) -> String {
    let dir = tempdir();
    let out = dir.path().join("out.svg");
    bin()
        .arg(cmd)
        .arg(input)
        .args(extra)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    common::assert_no_temporaries(dir.path());
    std::fs::read_to_string(out).expect("SVG written")
}

/// `(x, y, w, h)` of every `<rect>` filled with `fill`.
fn rects(svg: &str, fill: &str) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    let num = |n: roxmltree::Node, a: &str| -> f64 {
        n.attribute(a).expect("attribute").parse().expect("number")
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill))
        .map(|n| (num(n, "x"), num(n, "y"), num(n, "width"), num(n, "height")))
        .collect()
}

/// Positions of the given texts, in document order.
fn positions_of(svg: &str, wanted: &[&str]) -> Vec<(String, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| {
            let t: String = n
                .text()
                .unwrap_or("")
                .trim()
                .chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                .collect();
            let x: f64 = n.attribute("x")?.parse().ok()?;
            wanted.contains(&t.as_str()).then_some((t, x))
        })
        .collect()
}

#[test]
fn vertical_bars_have_heights_in_proportion() {
    let svg = svg_of("bar", &fixture("crops.csv"), &[]);
    let bars = rects(&svg, "#0072B2");
    assert_eq!(bars.len(), 4, "one bar per row: {bars:?}");
    assert!(
        bars.iter().all(|b| (b.2 - bars[0].2).abs() < 1.0),
        "equal widths"
    );
    let h: Vec<f64> = bars.iter().map(|b| b.3).collect();
    for (hi, v) in h.iter().zip([76.0, 43.0, 15.0, 80.0]) {
        assert!((hi / h[0] - v / 76.0).abs() < 0.02, "heights {h:?}");
    }
    for t in ["Dates", "Rubber", "76%", "80%", "60%"] {
        assert!(texts(&svg).iter().any(|x| x == t), "no text {t}");
    }
    // The axis ends at the first round tick above the largest value: 80% sits on a tick, so
    // the axis passes it (its label needs the room) and stops at the next, 100%, not 120%.
    assert!(texts(&svg).iter().any(|x| x == "100%"), "axis past 80%");
    assert!(!texts(&svg).iter().any(|x| x == "120%"), "axis fitted");
}

#[test]
fn horizontal_bars_have_widths_in_proportion() {
    let svg = svg_of("bar", &fixture("crops.csv"), &["--horizontal"]);
    let bars = rects(&svg, "#0072B2");
    assert_eq!(bars.len(), 4);
    assert!(
        // Whole pixels in the SVG: a bar may round one pixel apart.
        bars.iter().all(|b| (b.3 - bars[0].3).abs() <= 1.0),
        "equal heights"
    );
    assert!(
        (bars[3].2 / bars[2].2 - 80.0 / 15.0).abs() < 0.2,
        "{bars:?}"
    );
    assert!(bars[0].1 < bars[1].1, "first row on top");
}

#[test]
fn sort_desc_orders_the_categories() {
    let svg = svg_of("bar", &fixture("crops.csv"), &["--sort", "desc"]);
    let order: Vec<String> = positions_of(&svg, &["Dates", "Cotton", "Wheat", "Rubber"])
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(order, ["Rubber", "Dates", "Cotton", "Wheat"]);
}

#[test]
fn long_data_draws_grouped_bars_with_a_legend() {
    let svg = svg_of("bar", &fixture("energy-long.csv"), &[]);
    // Two bars per series, named at the first group: no legend swatch.
    assert_eq!(rects(&svg, "#0072B2").len(), 2);
    assert_eq!(rects(&svg, "#C27C00").len(), 2);
    let t = texts(&svg);
    for w in ["Production", "Reserves", "Oil", "Natural gas", "69%", "8%"] {
        assert!(t.iter().any(|x| x == w), "no text {w}: {t:?}");
    }
}

#[test]
fn value_and_label_choose_columns() {
    let input = tempdir();
    let p = write(input.path(), "two.csv", "name,a,b\nX,1,2\nY,3,4\n");
    let both = svg_of("bar", &p, &[]);
    assert!(both.contains("a: X 1, Y 3. b: X 2, Y 4"), "{both}");
    let one = svg_of("bar", &p, &["--value", "b"]);
    assert!(one.contains("X 2, Y 4") && !one.contains("Y 3"), "{one}");
    let ar = svg_of("bar", &fixture("crops.csv"), &["--label", "label_ar"]);
    assert!(texts(&ar).iter().any(|t| t == "التمور"));
}

/// `(centre distance of the nearest polygon vertex, disc radius)` of the pie in an SVG.
fn hole(svg: &str) -> (f64, f64) {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    let pts: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("polygon"))
        .flat_map(|n| {
            let p = n.attribute("points").expect("points").to_string();
            p.split_whitespace()
                .map(|xy| {
                    let (x, y) = xy.split_once(',').expect("x,y");
                    (x.parse::<f64>().expect("x"), y.parse::<f64>().expect("y"))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let (x0, x1) = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.0), a.1.max(p.0)));
    let (y0, y1) = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.1), a.1.max(p.1)));
    let c = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let near = pts
        .iter()
        .map(|p| (p.0 - c.0).hypot(p.1 - c.1))
        .fold(f64::MAX, f64::min);
    (near, (x1 - x0) / 2.0)
}

#[test]
fn pie_and_donut_with_rest() {
    let russia = fixture("russia.csv");
    let pie = svg_of("pie", &russia, &["--rest", "Other residents"]);
    let t = texts(&pie);
    for w in ["Muslims in Russia", "14%", "Other residents", "86%"] {
        assert!(t.iter().any(|x| x == w), "no {w}: {t:?}");
    }
    assert!(
        fills(&pie).contains(&"#919191".to_string()),
        "grey rest slice"
    );
    let (near, r) = hole(&pie);
    assert!(near < 2.0, "a full pie reaches its centre: {near} of {r}");
    let donut = svg_of("pie", &russia, &["--donut"]);
    let (near, r) = hole(&donut);
    assert!(near > 0.5 * r, "a donut has a hole: {near} of {r}");
    assert!(texts(&donut).iter().any(|x| x == "Rest of world"));
    // Parts without % that sum to 100 are shares of their total: no rest slice, and each
    // labelled with its share.
    let parts = svg_of("pie", &fixture("parts.csv"), &[]);
    assert!(!fills(&parts).contains(&"#919191".to_string()));
    assert!(parts.contains("Green 40%, Blue 35%, Red 25%"), "{parts}");
}

#[test]
fn each_row_draws_one_pie_per_row() {
    let svg = svg_of("pie", &fixture("crops.csv"), &["--each-row"]);
    let f = fills(&svg);
    let count = |c: &str| f.iter().filter(|x| *x == c).count();
    // One share and one rest wedge per row; the share is named under each donut, so the
    // legend has a swatch for the rest alone.
    assert_eq!(count("#0072B2"), 4, "{f:?}");
    assert_eq!(count("#919191"), 5, "{f:?}");
    for w in ["Dates", "Rubber", "76%", "15%", "Rest of world"] {
        assert!(texts(&svg).iter().any(|x| x == w), "no {w}");
    }
}

#[test]
fn arabic_takes_ar_columns_and_mirrors() {
    let svg = svg_of("bar", &fixture("crops.csv"), &["--lang", "ar"]);
    assert!(svg.contains("xml:lang=\"ar\""));
    assert!(!texts(&svg).iter().any(|t| t == "Dates"));
    let p = positions_of(&svg, &["التمور", "المطاط"]);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p[0].1 > p[1].1,
        "first category on the right in Arabic: {p:?}"
    );
    let digits = svg_of("bar", &fixture("arabic-digits.csv"), &["--lang", "ar"]);
    assert!(
        digits.contains("التمور 76%"),
        "Arabic-Indic ٧٦٪ reads as 76%"
    );
}

#[test]
fn semicolon_crlf_bom_file() {
    let bytes = std::fs::read(fixture("semicolon-crlf-bom.csv")).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF") && bytes.windows(2).any(|w| w == b"\r\n"));
    let svg = svg_of("bar", &fixture("semicolon-crlf-bom.csv"), &[]);
    assert!(
        svg.contains("Dates 76.0%, Cotton 43.5%, Wheat 15.0%"),
        "{svg}"
    );
}

#[test]
fn svg_and_png_sizes() {
    let dir = tempdir();
    let (svg, png) = (dir.path().join("a/b.svg"), dir.path().join("a/b.png"));
    let crops = fixture("crops.csv");
    bin()
        .args(["bar", &s(&crops), "-o", &s(&svg), "-o", &s(&png)])
        .args(["--width", "900", "--height", "500", "--scale", "1"])
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(
        text.contains("width=\"900\" height=\"500\""),
        "{}",
        &text[..200]
    );
    let d = decode_png(&std::fs::read(&png).expect("png"));
    let (w, h) = (d.width, d.height);
    assert_eq!((w, h), (900, 500));
    let hi: PathBuf = dir.path().join("hi.png");
    bin()
        .args([
            "pie",
            &s(&fixture("russia.csv")),
            "-o",
            &s(&hi),
            "--scale",
            "2",
        ])
        .args(["--width", "600", "--height", "400"])
        .assert()
        .success();
    let d = decode_png(&std::fs::read(&hi).expect("png"));
    let (w, h) = (d.width, d.height);
    assert_eq!((w, h), (1200, 800));
    // Lengths in the page's units: 16cm x 10cm is 605 x 378 px; the PNG is drawn at the
    // default scale 2.
    let cm = dir.path().join("cm.png");
    bin()
        .args(["bar", &s(&crops), "-o", &s(&cm)])
        .args(["--width", "16cm", "--height", "100mm"])
        .assert()
        .success();
    let d = decode_png(&std::fs::read(&cm).expect("png"));
    assert_eq!((d.width, d.height), (1210, 756));
    // Without a size: the report size, 604 x 378 px.
    let svg_default = dir.path().join("d.svg");
    bin()
        .args(["bar", &s(&crops), "-o", &s(&svg_default)])
        .assert()
        .success();
    let text = std::fs::read_to_string(&svg_default).expect("svg");
    assert!(
        text.contains("width=\"604\" height=\"378\""),
        "{}",
        &text[..200]
    );
    common::assert_no_temporaries(dir.path());
    common::assert_no_temporaries(&dir.path().join("a"));
}

#[test]
fn a_successful_run_replaces_the_old_file() {
    let dir = tempdir();
    let out = write(dir.path(), "old.svg", OLD);
    bin()
        .args(["bar", &s(&fixture("crops.csv")), "-o", &s(&out)])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .starts_with("<svg")
    );
    assert_eq!(names_in(dir.path()), ["old.svg"]);
}

#[test]
#[cfg(unix)]
fn rendering_the_same_chart_again_keeps_the_file_and_renews_its_time() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempdir();
    let out = dir.path().join("crops.svg");
    let render = |csv: &Path| {
        bin()
            .args(["bar", &s(csv), "-o", &s(&out)])
            .assert()
            .success();
    };
    render(&fixture("crops.csv"));
    let first = std::fs::metadata(&out).expect("meta");
    // Age the file, so that a renewed time stamp is visible whatever the clock's resolution.
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    std::fs::File::options()
        .write(true)
        .open(&out)
        .and_then(|f| f.set_modified(old))
        .expect("age the file");
    render(&fixture("crops.csv"));
    let again = std::fs::metadata(&out).expect("meta");
    assert_eq!(again.ino(), first.ino(), "same bytes: the file is kept");
    assert!(
        again.modified().expect("mtime") > old,
        "and its time renewed"
    );
    // Other data: the file is replaced (a new inode), atomically as always.
    let csv = write(dir.path(), "other.csv", "label,share\nOil,43%\nGas,11%\n");
    render(&csv);
    assert_ne!(std::fs::metadata(&out).expect("meta").ino(), first.ino());
    assert!(std::fs::read_to_string(&out).expect("read").contains("Gas"));
    common::assert_no_temporaries(dir.path());
}
