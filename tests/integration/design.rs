//! The chart editor's defaults of issue #15, through the real binary: bars that fill their
//! slots, a value axis fitted to the data (`--axis-max` for the full scale), a height fitted to
//! the content when none is given, `--note`, one digit system for all the text, two-way donut
//! grids with headers, and a single donut's number shown once, in the text colour.

use crate::common::{CROPS, bin, fixture, tempdir, texts, write};

fn run(kind: &str, input: &std::path::Path, args: &[&str]) -> std::process::Output {
    bin()
        .arg(kind)
        .arg(input)
        .args(["-o", "-"])
        .args(args)
        .output()
        .expect("run")
}

fn svg_of(kind: &str, csv: &str, args: &[&str]) -> String {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    let out = run(kind, &input, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The height of the SVG image.
fn height(svg: &str) -> f64 {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    doc.root_element()
        .attribute("height")
        .and_then(|h| h.parse().ok())
        .expect("a height")
}

/// `(x, y, w, h)` of the rectangles filled with `color`.
fn rects(svg: &str, color: &str) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "rect" && n.attribute("fill") == Some(color))
        .map(|n| {
            let a = |k: &str| n.attribute(k).and_then(|v| v.parse().ok()).unwrap_or(0.0);
            (a("x"), a("y"), a("width"), a("height"))
        })
        .collect()
}

#[test]
fn bars_fill_about_two_thirds_of_their_slot() {
    let svg = svg_of("bar", CROPS, &[]);
    let bars = rects(&svg, "#0072B2");
    assert_eq!(bars.len(), 4);
    let slot = bars[1].0 - bars[0].0;
    let fill = bars[0].2 / slot;
    assert!(
        (0.6..=0.7).contains(&fill),
        "bar {} of slot {slot}",
        bars[0].2
    );
}

#[test]
fn one_category_is_not_a_wide_empty_plot() {
    let svg = svg_of("bar", "label,share\nTin,47\n", &[]);
    let bars = rects(&svg, "#0072B2");
    assert_eq!(bars.len(), 1);
    // At most 9 label heights (8.5 pt: 11.3 px) wide, whatever the canvas.
    assert!(bars[0].2 <= 105.0, "a bar at most 105 px wide: {bars:?}");
    // The narrower plot is centred: the bar's middle is the image's middle.
    assert!(
        (bars[0].0 + bars[0].2 / 2.0 - 302.0).abs() < 30.0,
        "{bars:?}"
    );
}

#[test]
fn value_axis_ends_at_the_first_round_tick_or_at_axis_max() {
    let csv = "label,share\nA,40\nB,23\n";
    let t = texts(&svg_of("bar", csv, &[]));
    assert!(
        t.iter().any(|x| x == "40%") && !t.iter().any(|x| x == "100%"),
        "{t:?}"
    );
    let t = texts(&svg_of("bar", csv, &["--axis-max", "100"]));
    assert!(
        t.iter().any(|x| x == "100%") && t.iter().any(|x| x == "75%"),
        "{t:?}"
    );
    // Share-vs-rest bars are parts of one whole: 0-100%.
    let t = texts(&svg_of("bar", csv, &["--rest", "Rest"]));
    assert!(t.iter().any(|x| x == "100%"), "{t:?}");
}

#[test]
fn axis_max_must_be_positive() {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", CROPS);
    let out = run("bar", &input, &["--axis-max=-5"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "refused like every out-of-range option"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--axis-max -5"), "{err}");
}

#[test]
fn height_fits_the_content_unless_given() {
    let fitted = svg_of("bar", CROPS, &["--horizontal"]);
    assert!(height(&fitted) < 378.0, "{}", height(&fitted));
    let given = svg_of("bar", CROPS, &["--horizontal", "--height", "800"]);
    assert_eq!(height(&given), 800.0);
    // Vertical bars keep the default height (the report size's 10 cm).
    assert_eq!(height(&svg_of("bar", CROPS, &[])), 378.0);
    let grid = svg_of("pie", CROPS, &["--each-row", "--donut"]);
    assert!(height(&grid) < 378.0, "{}", height(&grid));
}

#[test]
fn the_note_sits_above_the_source() {
    let svg = svg_of(
        "bar",
        CROPS,
        &["--note", "Basis not stated", "--source", "The article"],
    );
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let y_of = |s: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == "text" && n.text().is_some_and(|t| t.contains(s)))
            .and_then(|n| n.attribute("y"))
            .and_then(|y| y.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("no text {s}"))
    };
    assert!(y_of("Basis not stated") < y_of("Source: The article"));
}

#[test]
fn arabic_digits_reach_title_subtitle_note_and_source() {
    let svg = svg_of(
        "bar",
        CROPS,
        &[
            "--lang",
            "ar",
            "--digits",
            "arabic",
            "--title",
            "80% من المطاط",
            "--subtitle",
            "الحصة، %",
            "--note",
            "عام 2024",
            "--source",
            "يناير 2025",
        ],
    );
    let t = texts(&svg).join("\n");
    for latin in ["80%", "2024", "2025"] {
        assert!(!t.contains(latin), "{latin} left in Latin digits:\n{t}");
    }
    for arabic in ["٨٠٪", "٢٠٢٤", "٢٠٢٥", "الحصة، ٪"] {
        assert!(t.contains(arabic), "no {arabic}:\n{t}");
    }
}

#[test]
fn two_way_donut_grids_have_row_and_column_headers() {
    let out = run(
        "pie",
        &fixture("energy-long.csv"),
        &["--each-row", "--donut"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = texts(&String::from_utf8(out.stdout).expect("utf-8"));
    assert!(
        !t.iter().any(|x| x.contains('(')),
        "no \"(series)\" under a donut: {t:?}"
    );
}

#[test]
fn a_single_donut_shows_its_number_once_in_the_text_colour() {
    let out = run(
        "pie",
        &fixture("russia.csv"),
        &["--donut", "--rest", "Other residents"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).expect("utf-8");
    let t = texts(&svg);
    assert_eq!(t.iter().filter(|x| *x == "14%").count(), 1, "{t:?}");
    let doc = roxmltree::Document::parse(&svg).expect("valid SVG");
    let centre = doc
        .descendants()
        .find(|n| n.tag_name().name() == "text" && n.text().is_some_and(|x| x.contains("14%")))
        .expect("the centre number");
    assert_eq!(centre.attribute("fill"), Some("#1A1A1A"));
}
