//! Files as they come (#20, items 4, 5, 10 and 13), through the real binary: a long table of
//! one country, years written `1950.0` or `2009 [YR2009]`, a headerless file and
//! `--no-header`, footers of Excel and DataBank exports, a World Bank API download's preamble
//! and `--skip`, and the temporaries a killed build leaves.

use crate::common::{bin, repo_root, tempdir, write};

/// The `<desc>` of an SVG.
fn desc(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .expect("a <desc>")
        .to_string()
}

/// Runs `bar FILE --title T args... -o -`: (exit code, SVG, stderr).
fn bar_file(input: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = bin()
        .arg("bar")
        .arg(input)
        .args(["--title", "T"])
        .args(args)
        .args(["-o", "-"])
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// The same on CSV text.
fn bar(csv: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    bar_file(&input, args)
}

/// Gapminder's rows for one country, years written as decimals (as a data frame saves them).
const ONE_COUNTRY: &str = "country,continent,year,lifeExp\nAfghanistan,Asia,1952.0,28.801\nAfghanistan,Asia,1957.0,30.332\nAfghanistan,Asia,1962.0,31.997\n";

#[test]
fn a_long_table_of_one_country_draws_its_years() {
    let (code, svg, err) = bar(ONE_COUNTRY, &[]);
    assert_eq!(code, Some(0), "{err}");
    // The years label the bars (not "Afghanistan" three times) and are not a series of
    // values (1,952.000).
    assert_eq!(
        desc(&svg),
        "Bar chart: T. lifeExp. 1952 28.801, 1957 30.332, 1962 31.997."
    );
    // Whole years too.
    let (_, svg, _) = bar(&ONE_COUNTRY.replace(".0,", ","), &[]);
    assert_eq!(
        desc(&svg),
        "Bar chart: T. lifeExp. 1952 28.801, 1957 30.332, 1962 31.997."
    );
    // A column named as the label is still the label: "Afghanistan" three times, three bars
    // nobody could tell apart, is refused with what to do.
    let (code, _, err) = bar(ONE_COUNTRY, &["--label", "country"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("\"Afghanistan\" is listed twice"), "{err}");
}

#[test]
fn databank_year_headers_are_years_and_its_footer_is_left_out() {
    // Every digit (compact=off), to read the populations back exactly.
    let (code, svg, err) = bar_file(
        &repo_root().join("tests/data/databank.csv"),
        &["--format", "compact=off"],
    );
    assert_eq!(code, Some(0), "{err}");
    let d = desc(&svg);
    assert!(d.contains("2019: Egypt 100,388,076"), "{d}");
    assert!(!d.contains("YR2019") && !d.contains("Data from"), "{d}");
    assert!(
        err.contains("left out 2 rows after the data (lines 6-7: \"Data from database: World Development Indicators\")"),
        "{err}"
    );
}

#[test]
fn a_headerless_file_is_refused_with_a_hint_and_read_with_no_header() {
    let csv = "Afghanistan,Asia,1952,28.801\nAlbania,Europe,1952,55.23\n";
    let (code, svg, err) = bar(csv, &[]);
    assert_eq!(code, Some(1));
    assert!(svg.is_empty());
    assert!(
        err.contains(
            ":1:23: the first row holds \"28.801\", a number, so it is data, not a header"
        ),
        "{err}"
    );
    assert!(
        err.contains("hint:") && err.contains("`--no-header`"),
        "{err}"
    );
    let (code, svg, err) = bar(csv, &["--no-header", "--value", "column 4"]);
    assert_eq!(code, Some(0), "{err}");
    let d = desc(&svg);
    assert!(
        d.starts_with("Bar chart: T. column 4. Afghanistan 28.801, Albania 55.23"),
        "{d}"
    );
}

#[test]
fn an_excel_footnote_is_no_bar() {
    let (code, svg, err) = bar_file(&repo_root().join("tests/data/excel-footer.csv"), &[]);
    assert_eq!(code, Some(0), "{err}");
    let d = desc(&svg);
    assert!(d.ends_with("Egypt 102,334."), "{d}");
    assert!(!d.contains("Source") && !d.contains("no data"), "{d}");
    assert_eq!(
        err,
        format!(
            "note: {}: left out 2 rows after the data (lines 8-9: \"Source: United Nations, World Population Prospects 2019\"), which hold no data\n",
            repo_root().join("tests/data/excel-footer.csv").display()
        )
    );
}

#[test]
fn a_world_bank_download_is_read_past_its_preamble() {
    let file = repo_root().join("tests/data/worldbank-api.csv");
    let (code, svg, err) = bar_file(&file, &["--value", "2022", "--sort", "desc"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        desc(&svg).contains("Qatar 81.6, Maldives 81.0"),
        "{}",
        desc(&svg)
    );
    assert!(
        err.contains("skipped 4 lines above the header on line 5 (\"Data Source\", \"World Development Indicators\", \"Last Updated Date\", ...)"),
        "{err}"
    );
    assert!(err.contains("`--skip 4`"), "{err}");
    // Said outright, it is no news.
    let (code, _, err) = bar_file(&file, &["--value", "2022", "--skip", "4"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_preamble_not_recognised_points_at_the_header() {
    let csv =
        "Table 1, population, 2019 estimates\ncountry,year,pop,area\nA,2019,5,1\nB,2019,7,2\n";
    let (code, _, err) = bar(csv, &[]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(":1: the first line has 3 fields but the rows below it have 4; line 2 looks like the header"),
        "{err}"
    );
    assert!(err.contains("`--skip 1`"), "{err}");
    let (code, svg, err) = bar(csv, &["--skip", "1", "--value", "pop"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(desc(&svg), "Bar chart: T. pop. A 5, B 7.");
    // In a manifest, the key.
    let dir = tempdir();
    write(dir.path(), "t.csv", csv);
    let manifest = write(
        dir.path(),
        "charts.toml",
        "report = false\n\n[[chart]]\nname = \"t\"\ninput = \"t.csv\"\nkind = \"bar\"\noutput = [\"t.svg\"]\n",
    );
    let o = bin()
        .args(["build", "-m"])
        .arg(&manifest)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("`skip = 1`") && !err.contains("--skip"),
        "{err}"
    );
}

#[test]
fn a_build_sweeps_the_temporaries_a_killed_build_left() {
    let dir = tempdir();
    write(dir.path(), "t.csv", "label,share\nA,40\nB,60\n");
    let manifest = write(
        dir.path(),
        "charts.toml",
        "report = false\n\n[[chart]]\nname = \"t\"\ninput = \"t.csv\"\nkind = \"bar\"\noutput = [\"out/t.svg\"]\n",
    );
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let aged = |name: &str| {
        let p = write(&out, name, "half a chart");
        std::fs::File::options()
            .write(true)
            .open(&p)
            .and_then(|f| f.set_modified(hour_ago))
            .expect("age");
        p
    };
    let left = [
        aged(".sharechart-Xy12Ab.tmp"),
        aged(".sharechart-9QwErT.tmp"),
    ];
    // Not ours, or being written right now by another build: kept.
    let theirs = aged("notes.tmp");
    let other = aged(".sharechart-state.tmp");
    let fresh = write(&out, ".sharechart-Zz99Zz.tmp", "being written");
    let o = bin()
        .args(["build", "-m"])
        .arg(&manifest)
        .output()
        .expect("runs");
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("note: removed 2 temporary files that an interrupted build left"),
        "{err}"
    );
    assert!(left.iter().all(|p| !p.exists()));
    assert!(theirs.exists() && other.exists() && fresh.exists());
    assert!(out.join("t.svg").exists());
}
