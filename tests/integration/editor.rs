//! The controls an editor uses (#22), run as the real binary: editions of one manifest entry
//! in several languages (build, `--check`, the state file and the report page), colours by
//! meaning (`--color`, `[colors]`) and the warnings for colours some reader cannot see,
//! `--highlight`, approximate values (`~25`, an `approx` column) and the warnings that say what
//! would read better.

use std::path::Path;

use crate::common::{CROPS, bin, fills, names_in, run_on as run, tempdir, texts, write};

const ENERGY: &str = "label,label_ar,basis,basis_ar,share\nOil,النفط,Production,الإنتاج,43\nOil,النفط,Reserves,الاحتياطي,69\nGas,الغاز,Production,الإنتاج,8\nGas,الغاز,Reserves,الاحتياطي,57\n";
const WEIGHT: &str = "label,label_ar,share\nLand,اليابسة,~25\nPeople,السكان,≈25\nVotes,الأصوات,30\n";

/// The SVG of a chart that must draw.
fn svg(kind: &str, csv: &str, args: &[&str]) -> (String, String) {
    let (code, svg, err) = run(kind, csv, args);
    assert_eq!(code, Some(0), "{err}");
    (svg, err)
}

/// How many fills are `color`.
fn count(fills: &[String], color: &str) -> usize {
    fills.iter().filter(|f| *f == color).count()
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

#[test]
fn color_names_a_series_or_a_category() {
    // A series by its name, in English and by its key in Arabic (الإنتاج is Production).
    for lang in ["en", "ar"] {
        let (s, err) = svg(
            "bar",
            ENERGY,
            &["--lang", lang, "--color", "Production=#5A2D00"],
        );
        let f = fills(&s);
        assert_eq!(count(&f, "#5A2D00"), 2, "two bars, named directly: {f:?}");
        assert_eq!(count(&f, "#0072B2"), 0, "{f:?}");
        assert!(err.is_empty(), "{err}");
    }
    // One series: a category by its name; the others keep the palette's blue.
    let (s, _) = svg("bar", CROPS, &["--color", "wheat=#5A2D00"]);
    let f = fills(&s);
    assert_eq!(
        (count(&f, "#5A2D00"), count(&f, "#0072B2")),
        (1, 3),
        "{f:?}"
    );
    // The last colour given for a name wins.
    let (s, _) = svg(
        "pie",
        CROPS,
        &[
            "--each-row",
            "--color",
            "share=#5A2D00",
            "--color",
            "Share=#123456",
        ],
    );
    assert!(count(&fills(&s), "#123456") >= 4 && count(&fills(&s), "#5A2D00") == 0);
    // The rest of a share by its label.
    let (s, _) = svg(
        "bar",
        CROPS,
        &["--rest", "Others", "--color", "Others=#222222"],
    );
    assert_eq!(count(&fills(&s), "#222222"), 5, "four rests and a swatch");
}

#[test]
fn a_colour_that_cannot_be_read_is_a_usage_error() {
    let (code, _, err) = run("bar", CROPS, &["--color", "Wheat=gold"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("'gold' is not a colour: write it as #RRGGBB or #RGB"),
        "{err}"
    );
    let (code, _, err) = run("bar", CROPS, &["--color", "Wheat"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("'Wheat' is not NAME=COLOUR"), "{err}");
}

#[test]
fn colours_some_reader_cannot_see_are_warnings_with_a_better_shade() {
    // Okabe-Ito's own orange is 2.25:1 on white.
    let (_, err) = svg("bar", CROPS, &["--color", "Dates=#E69F00"]);
    assert!(
        err.contains("warning: `--color Dates=#E69F00` stands off the background by 2.25:1, less than the 3:1 a mark needs to be seen"),
        "{err}"
    );
    assert!(err.contains("hint: a shade of it that does: #"), "{err}");
    // Two blues a reader cannot tell apart.
    let (_, err) = svg(
        "bar",
        ENERGY,
        &[
            "--color",
            "Production=#0072B2",
            "--color",
            "Reserves=#0A78B4",
        ],
    );
    assert!(
        err.contains(
            "`--color Reserves=#0A78B4` is hard to tell from #0072B2 on this chart for readers with"
        ),
        "{err}"
    );
    // The palette's own colours draw without a word.
    let (_, err) = svg("bar", ENERGY, &["--color", "Reserves=#C27C00"]);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn highlight_draws_the_named_in_the_accent_and_dims_the_rest() {
    let (s, _) = svg(
        "bar",
        CROPS,
        &["--highlight", "Dates", "--highlight", "rubber"],
    );
    let f = fills(&s);
    assert_eq!(
        (count(&f, "#0072B2"), count(&f, "#6B6B6B")),
        (2, 2),
        "{f:?}"
    );
    // In Arabic, by its Arabic name.
    let (s, _) = svg("bar", CROPS, &["--lang", "ar", "--highlight", "القمح"]);
    assert_eq!(count(&fills(&s), "#6B6B6B"), 3);
    // A series of several: the other series dim (named at the bars: no legend).
    let (s, _) = svg("bar", ENERGY, &["--highlight", "Reserves"]);
    let f = fills(&s);
    assert_eq!(
        (count(&f, "#C27C00"), count(&f, "#6B6B6B")),
        (2, 2),
        "{f:?}"
    );
    // Share-vs-rest bars of several series: a category's bars, or a series'.
    let (s, _) = svg("bar", ENERGY, &["--rest", "Rest", "--highlight", "Gas"]);
    let f = fills(&s);
    assert_eq!(
        (count(&f, "#0072B2"), count(&f, "#6B6B6B")),
        (3, 2),
        "{f:?}"
    );
    let (s, _) = svg(
        "bar",
        ENERGY,
        &["--rest", "Rest", "--highlight", "Reserves"],
    );
    assert_eq!(count(&fills(&s), "#6B6B6B"), 2);
    // Donuts: the highlighted share in colour, the others dimmed, every rest grey (and the
    // legend's one swatch, the rest's).
    let (s, _) = svg("pie", CROPS, &["--each-row", "--highlight", "Cotton"]);
    let f = fills(&s);
    assert_eq!(
        (count(&f, "#0072B2"), count(&f, "#6B6B6B")),
        (1, 3),
        "{f:?}"
    );
    assert_eq!(count(&f, "#919191"), 5, "{f:?}");
}

#[test]
fn a_highlight_that_names_nothing_is_an_error_with_the_nearest_names() {
    let (code, _, err) = run("bar", CROPS, &["--highlight", "Dtaes"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("`--highlight \"Dtaes\"` matches no category of the chart"),
        "{err}"
    );
    assert!(err.contains("hint: the nearest are \"Dates\""), "{err}");
    let (code, _, err) = run(
        "bar",
        ENERGY,
        &["--highlight", "Oil", "--highlight", "Reserves"],
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("names a series and"), "{err}");
    let counts = "label,count\nA,5\nB,4\nC,3\nD,1\n";
    let (code, _, err) = run("bar", counts, &["--highlight", "D", "--top", "2"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("is folded into \"Other\""), "{err}");
    assert!(err.contains("`--top 2`"), "{err}");
    let (code, _, err) = run("bar", CROPS, &["--highlight", " "]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("names no category"), "{err}");
}

#[test]
fn approximate_values_are_drawn_and_said_as_approximate() {
    let (s, _) = svg("bar", WEIGHT, &[]);
    let t = texts(&s);
    let n = |label: &str| t.iter().filter(|x| *x == label).count();
    // Votes' label and the 30% tick.
    assert_eq!((n("~25%"), n("30%"), n("25%")), (2, 2, 0), "{t:?}");
    let d = desc(&s);
    assert!(
        d.contains("Land about 25%, People about 25%, Votes 30%"),
        "{d}"
    );
    // Striped: lines of the bar's colour over a paler fill.
    assert!(s.matches("stroke=\"#0072B2\"").count() > 10, "stripes");
    assert!(fills(&s).iter().any(|f| f != "#0072B2" && f != "#FFFFFF"));
    // Arabic: the alt text says حوالي.
    let (s, _) = svg("bar", WEIGHT, &["--lang", "ar"]);
    assert!(desc(&s).contains("اليابسة حوالي 25%"), "{}", desc(&s));
    // A donut of an approximate share: its wedge striped, its number and its rest approximate.
    let (s, _) = svg("pie", "label,share\nLand,~25\n", &["--donut"]);
    let t = texts(&s);
    assert!(
        t.iter().any(|x| x == "~25%") && t.iter().any(|x| x == "~75%"),
        "{t:?}"
    );
    assert!(s.matches("stroke=\"#0072B2\"").count() > 5, "striped wedge");
    let (s, _) = svg("pie", WEIGHT, &["--each-row"]);
    assert!(desc(&s).contains("Land about 25%"), "{}", desc(&s));
}

#[test]
fn an_approx_column_marks_its_rows_and_is_no_series() {
    let csv = "label,share,approx\nLand,25,yes\nPeople,25,\nVotes,30,no\n";
    let (s, _) = svg("bar", csv, &[]);
    let d = desc(&s);
    assert!(d.contains("Land about 25%, People 25%, Votes 30%"), "{d}");
    assert!(
        !texts(&s).iter().any(|x| x == "approx"),
        "not a legend entry"
    );
    let (code, _, err) = run("bar", "label,share,approx\nLand,25,maybe\n", &[]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("in.csv:2:9: column 'approx': \"maybe\" says neither that the row's value is approximate nor that it is exact"),
        "{err}"
    );
}

#[test]
fn charts_that_would_read_better_otherwise_say_so() {
    let (_, err) = svg(
        "bar",
        "label,basis,share\nTin,Production,47\nTin,Reserves,56\n",
        &[],
    );
    assert!(
        err.contains("warning: ")
            && err.contains("a bar chart of one category (\"Tin\") compares nothing"),
        "{err}"
    );
    assert!(
        err.contains("draw the series (Production, Reserves) as the bars"),
        "{err}"
    );
    let (_, err) = svg("pie", "label,share\nMuslims,14\n", &["--donut"]);
    assert!(
        err.contains("a donut of one share (\"Muslims\") shows one number"),
        "{err}"
    );
    // A title that gives the number is what the hint asks for: nothing to say ("2014" is not
    // 14).
    let one = "label,share\nMuslims,14\n";
    let (_, err) = svg(
        "pie",
        one,
        &["--donut", "--title", "Muslims are 14% of Russians"],
    );
    assert!(err.is_empty(), "{err}");
    let (_, err) = svg(
        "pie",
        one,
        &["--donut", "--title", "Muslims in Russia, 2014"],
    );
    assert!(err.contains("shows one number"), "{err}");
    // Three donuts alike are read at a glance (the article's three "about a quarter").
    let three = "label,share\nA,23\nB,24\nC,25\n";
    let (_, err) = svg("pie", three, &["--each-row", "--donut"]);
    assert!(err.is_empty(), "{err}");
    let alike = "label,share\nA,23\nB,24\nC,25\nD,25\n";
    let (_, err) = svg("pie", alike, &["--each-row", "--donut"]);
    assert!(
        err.contains("the 4 donuts all show 23% to 25%, within 5 points of each other"),
        "{err}"
    );
    assert!(err.contains("`sharechart bar` with `--sort desc`"), "{err}");
    // Nothing to say about a plain chart.
    let (_, err) = svg("bar", CROPS, &[]);
    assert!(err.is_empty(), "{err}");
    let (_, err) = svg("pie", CROPS, &["--each-row"]);
    assert!(err.is_empty(), "{err}");
}

/// A manifest of one entry in two languages, and its data.
fn editions(dir: &Path, manifest: &str) {
    write(dir, "charts.toml", manifest);
    write(dir, "data/crops.csv", CROPS);
}

const EDITIONS: &str = r##"[defaults]
width = 600
height = 400
source.en = "Article"
source.ar = "المقال"

[colors]
share = "#882255"

[[chart]]
name = "crops"
input = "data/crops.csv"
kind = "bar"
lang = ["en", "ar"]
output = ["out/crops-{lang}.svg", "out/crops-{lang}.png"]
title.en = "Crops"
title.ar = "المحاصيل"
"##;

#[test]
fn one_entry_builds_each_edition_as_a_chart() {
    let dir = tempdir();
    editions(dir.path(), EDITIONS);
    let m = dir.path().join("charts.toml");
    let out = bin()
        .arg("build")
        .arg("-m")
        .arg(&m)
        .output()
        .expect("build");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("2 charts: 2 rendered"), "{err}");
    let files = names_in(&dir.path().join("out"));
    for f in [
        "crops-en.svg",
        "crops-ar.svg",
        "crops-en.png",
        "crops-ar.png",
        "index.html",
    ] {
        assert!(files.iter().any(|n| n == f), "{f}: {files:?}");
    }
    let ar = std::fs::read_to_string(dir.path().join("out/crops-ar.svg")).expect("svg");
    assert!(ar.contains("lang=\"ar\"") && ar.contains("المحاصيل") && ar.contains("المقال"));
    assert_eq!(
        count(&fills(&ar), "#882255"),
        4,
        "[colors] reaches every edition"
    );
    let state = std::fs::read_to_string(dir.path().join("out/.sharechart-state")).expect("state");
    assert!(state.contains("name = \"crops-en\"") && state.contains("name = \"crops-ar\""));
    let page = std::fs::read_to_string(dir.path().join("out/index.html")).expect("page");
    assert!(page.contains("crops-en.png") && page.contains("crops-ar.png"));
    // Up to date, and --check agrees.
    let again = bin()
        .arg("build")
        .arg("-m")
        .arg(&m)
        .output()
        .expect("build");
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 rendered, 2 up to date"));
    bin()
        .arg("build")
        .arg("-m")
        .arg(&m)
        .arg("--check")
        .assert()
        .success();
    // An edited Arabic title: only the Arabic edition is stale.
    editions(
        dir.path(),
        &EDITIONS.replace("المحاصيل", "المحاصيل الزراعية"),
    );
    let check = bin()
        .arg("build")
        .arg("-m")
        .arg(&m)
        .arg("--check")
        .output()
        .expect("check");
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(
        !check.status.success() && err.contains("crops-ar.svg") && !err.contains("crops-en"),
        "{err}"
    );
}

#[test]
fn a_missing_word_fails_the_build_at_its_place() {
    let dir = tempdir();
    editions(
        dir.path(),
        &EDITIONS.replace("title.ar = \"المحاصيل\"\n", ""),
    );
    let out = bin()
        .arg("build")
        .arg("-m")
        .arg(dir.path().join("charts.toml"))
        .output()
        .expect("build");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains(
            "charts.toml:16:1: chart 'crops-ar': title is given per language, but not in 'ar'"
        ),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}
