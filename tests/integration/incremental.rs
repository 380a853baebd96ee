//! The incremental build: exactly the charts that read an edited CSV are re-rendered; settings,
//! deleted outputs and `--force` also re-render; the summary line counts right; the report page
//! lists every chart with alt text and right-to-left marks.

use std::path::Path;

use crate::common::{bin, tempdir, write};

const MANIFEST: &str = r#"
[defaults]
source = "Test source"

[[chart]]
name = "a-en"
input = "data/a.csv"
kind = "bar"
output = ["out/a-en.svg", "out/a-en.png"]
title = "A chart"

[[chart]]
name = "a-ar"
input = "data/a.csv"
kind = "bar"
lang = "ar"
output = ["out/a-ar.svg"]
title = "رسم"

[[chart]]
name = "b"
input = "data/b.csv"
kind = "pie"
donut = true
output = ["out/b.svg"]
"#;

fn project() -> tempfile::TempDir {
    let dir = tempdir();
    write(dir.path(), "charts.toml", MANIFEST);
    write(
        dir.path(),
        "data/a.csv",
        "label,label_ar,share\nDates,التمور,76\nRubber,المطاط,80\n",
    );
    write(dir.path(), "data/b.csv", "label,share\nMuslims,14\n");
    dir
}

/// Runs `build` with extra flags; returns the last stderr line (the summary) and the status.
fn build(dir: &Path, extra: &[&str]) -> (bool, String) {
    let out = bin()
        .current_dir(dir)
        .arg("build")
        .args(extra)
        .env_remove("CI")
        .output()
        .expect("run sharechart build");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let last = err.lines().last().unwrap_or("").to_string();
    (out.status.success(), last)
}

#[test]
fn only_charts_reading_the_edited_csv_are_rendered() {
    let dir = project();
    let p = dir.path();
    let (ok, s) = build(p, &[]);
    assert!(
        ok && s.starts_with("3 charts: 3 rendered, 0 up to date, 0 failed"),
        "{s}"
    );
    let (ok, s) = build(p, &[]);
    assert!(
        ok && s.starts_with("3 charts: 0 rendered, 3 up to date, 0 failed"),
        "{s}"
    );

    let b_before = std::fs::read(p.join("out/b.svg")).expect("b.svg");
    write(
        p,
        "data/a.csv",
        "label,label_ar,share\nDates,التمور,76\nRubber,المطاط,81\n",
    );
    let (ok, s) = build(p, &[]);
    assert!(
        ok && s.starts_with("3 charts: 2 rendered, 1 up to date, 0 failed"),
        "{s}"
    );
    assert_eq!(std::fs::read(p.join("out/b.svg")).expect("b.svg"), b_before);
    let svg = std::fs::read_to_string(p.join("out/a-en.svg")).expect("a-en.svg");
    assert!(svg.contains("81%"), "the edited value is drawn");
}

#[test]
fn a_touched_but_unchanged_csv_is_not_rendered_again() {
    let dir = project();
    let p = dir.path();
    build(p, &[]);
    // Same bytes, new file (as a git checkout would leave it).
    let bytes = std::fs::read(p.join("data/b.csv")).expect("b.csv");
    std::fs::remove_file(p.join("data/b.csv")).expect("rm");
    std::fs::write(p.join("data/b.csv"), bytes).expect("write");
    let (_, s) = build(p, &[]);
    assert!(s.starts_with("3 charts: 0 rendered, 3 up to date"), "{s}");
}

#[test]
fn settings_deleted_outputs_and_force_re_render() {
    let dir = project();
    let p = dir.path();
    build(p, &[]);
    write(
        p,
        "charts.toml",
        MANIFEST.replace("title = \"A chart\"", "title = \"Another\""),
    );
    let (_, s) = build(p, &[]);
    assert!(s.starts_with("3 charts: 1 rendered, 2 up to date"), "{s}");
    std::fs::remove_file(p.join("out/b.svg")).expect("rm");
    let (_, s) = build(p, &[]);
    assert!(s.starts_with("3 charts: 1 rendered, 2 up to date"), "{s}");
    assert!(p.join("out/b.svg").is_file());
    let (_, s) = build(p, &["--force"]);
    assert!(s.starts_with("3 charts: 3 rendered, 0 up to date"), "{s}");
}

#[test]
fn a_broken_csv_fails_its_charts_keeps_their_files_and_the_rest_builds() {
    let dir = project();
    let p = dir.path();
    build(p, &[]);
    let before = std::fs::read(p.join("out/a-en.svg")).expect("a-en.svg");
    write(p, "data/a.csv", "label,label_ar,share\nDates,التمور,7x6\n");
    write(p, "data/b.csv", "label,share\nMuslims,15\n");
    let (ok, s) = build(p, &[]);
    assert!(!ok, "a failed chart makes the build fail");
    assert!(s.contains("2 of 3 charts failed"), "{s}");
    assert_eq!(
        std::fs::read(p.join("out/a-en.svg")).expect("a-en.svg"),
        before
    );
    assert!(
        std::fs::read_to_string(p.join("out/b.svg"))
            .expect("b")
            .contains("15%")
    );
    // Fixed: rendered again.
    write(p, "data/a.csv", "label,label_ar,share\nDates,التمور,70\n");
    let (ok, s) = build(p, &[]);
    assert!(
        ok && s.starts_with("3 charts: 2 rendered, 1 up to date"),
        "{s}"
    );
}

#[test]
fn the_report_page_embeds_every_chart_with_alt_text() {
    let dir = project();
    let p = dir.path();
    build(p, &[]);
    let html = std::fs::read_to_string(p.join("out/index.html")).expect("index.html");
    let a = html.find("id=\"a-en\"").expect("a-en");
    let b = html.find("id=\"a-ar\"").expect("a-ar");
    let c = html.find("id=\"b\"").expect("b");
    assert!(a < b && b < c, "manifest order");
    assert!(
        html.contains("<img src=\"a-en.png\""),
        "PNG shown when there is one"
    );
    assert!(html.contains("<img src=\"a-ar.svg\""), "else the SVG");
    assert!(
        html.contains(
            "alt=\"Bar chart: A chart. share, %. Dates 76%, Rubber 80%. Values in %. Source: Test source.\""
        ),
        "{html}"
    );
    assert!(html.contains("id=\"a-ar\" lang=\"ar\" dir=\"rtl\""));
    assert!(
        !html.contains("src=\"/") && !html.contains("http"),
        "relative links only"
    );
    let md = std::fs::read_to_string(p.join("out/README.md")).expect("README.md");
    assert!(
        md.contains(
            "![Bar chart: A chart. share, %. Dates 76%, Rubber 80%. Values in %. Source: Test source.](a-en.png)"
        ),
        "{md}"
    );
    assert!(md.contains("<div dir=\"rtl\" lang=\"ar\">"));
    // Every linked file exists.
    for part in html.split("src=\"").skip(1) {
        let file = &part[..part.find('"').expect("quote")];
        assert!(p.join("out").join(file).is_file(), "{file}");
    }
}
