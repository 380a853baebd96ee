//! `--agg` (rows grouped into one value per label, and per series) and `-` (standard input), run
//! as a real process: known answers read back from the SVG's summary (`<desc>`), and every
//! message these features add. Memory staying flat as a file grows is measured by
//! bench/agg.py, not here (it needs files of millions of rows).

use crate::common::{bin, tempdir, write};

/// Records: one row per order, with an empty amount on line 4.
const ORDERS: &str = "id,region,amount\n1,North,10\n2,South,5\n3,North,\n4,East,7\n5,North,3\n";

/// The `<desc>` of an SVG, its alt text: "Bar chart: Title. Subtitle. Label value, ...".
fn desc(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .expect("a <desc>")
        .to_string()
}

/// Runs `kind input.csv args... -o -` on `csv`; (stdout, stderr) on success.
fn run(kind: &str, csv: &str, args: &[&str]) -> (String, String) {
    let dir = tempdir();
    let input = write(dir.path(), "orders.csv", csv);
    let out = bin()
        .arg(kind)
        .arg(&input)
        .args(args)
        .args(["-o", "-"])
        .assert()
        .success();
    let o = out.get_output();
    (
        String::from_utf8(o.stdout.clone()).expect("UTF-8"),
        String::from_utf8(o.stderr.clone()).expect("UTF-8"),
    )
}

/// The summary of the bar chart of `csv` with `args`.
fn bar(csv: &str, args: &[&str]) -> String {
    desc(&run("bar", csv, args).0)
}

/// The error message of `kind input.csv args... -o out.svg` on `csv` (it must fail).
fn error(kind: &str, csv: &[u8], args: &[&str]) -> String {
    let dir = tempdir();
    let input = write(dir.path(), "orders.csv", csv);
    let out = bin()
        .arg(kind)
        .arg(&input)
        .args(args)
        .arg("-o")
        .arg(dir.path().join("c.svg"))
        .assert()
        .failure();
    assert!(!dir.path().join("c.svg").exists(), "no chart on error");
    String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8")
}

#[test]
fn count_needs_no_value_column() {
    let d = bar(ORDERS, &["--label", "region", "--agg", "count"]);
    assert_eq!(
        d,
        "Bar chart: Count of rows by region. North 3, South 1, East 1."
    );
}

#[test]
fn sum_mean_min_max_skip_empty_cells_and_say_so_once() {
    let cases = [
        ("sum", "Sum of amount. North 13, South 5, East 7."),
        ("mean", "Mean of amount. North 6.5, South 5.0, East 7.0."),
        ("min", "Minimum of amount. North 3, South 5, East 7."),
        ("max", "Maximum of amount. North 10, South 5, East 7."),
    ];
    for (agg, want) in cases {
        let (svg, err) = run(
            "bar",
            ORDERS,
            &["--label", "region", "--value", "amount", "--agg", agg],
        );
        assert_eq!(desc(&svg), format!("Bar chart: {want}"), "{agg}");
        assert!(err.starts_with("note: "), "{agg}: {err}");
        assert!(
            err.ends_with(&format!(
                "orders.csv: skipped 1 empty cell in column 'amount' (`--agg {agg}` leaves them out)\n"
            )),
            "{agg}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{agg}: {err}");
    }
}

#[test]
fn the_one_numeric_column_is_the_value_and_a_given_subtitle_wins() {
    let csv = "region,amount\nNorth,10\nSouth,5\nNorth,2\n";
    let (svg, err) = run("bar", csv, &["--agg", "sum", "--subtitle", "Orders in EUR"]);
    assert_eq!(desc(&svg), "Bar chart: Orders in EUR. North 12, South 5.");
    assert_eq!(err, "", "no empty cell, no note");
}

#[test]
fn one_group() {
    let csv = "region,amount\nNorth,1\nNorth,2\nNorth,4\n";
    assert_eq!(
        bar(csv, &["--agg", "mean"]),
        "Bar chart: Mean of amount. North 2.33."
    );
}

#[test]
fn top_folds_small_groups_and_sort_orders_them() {
    let mut csv = String::from("region,amount\n");
    for (region, n) in [("A", 5), ("B", 1), ("C", 4), ("D", 2), ("E", 3)] {
        for _ in 0..n {
            csv.push_str(&format!("{region},1\n"));
        }
    }
    assert_eq!(
        bar(&csv, &["--agg", "count", "--top", "2"]),
        "Bar chart: Count of rows by region. A 5, C 4, Other 6."
    );
    assert_eq!(
        bar(&csv, &["--agg", "count", "--sort", "asc"]),
        "Bar chart: Count of rows by region. B 1, D 2, E 3, C 4, A 5."
    );
}

#[test]
fn long_data_with_series_gives_one_series_per_key() {
    let csv = "region,product,amount\nNorth,Tea,2\nNorth,Tea,3\nSouth,Tea,1\nNorth,Rice,4\n";
    assert_eq!(
        bar(csv, &["--agg", "sum", "--series", "product"]),
        "Bar chart: Sum of amount. Tea: North 5, South 1. Rice: North 4, South no data."
    );
    // A pair without rows counts zero rows.
    assert_eq!(
        bar(
            csv,
            &["--agg", "count", "--series", "product", "--label", "region"]
        ),
        "Bar chart: Count of rows by region. Tea: North 2, South 1. Rice: North 1, South 0."
    );
}

#[test]
fn pie_of_counts() {
    // Each slice's share of the rows, then its count.
    let (svg, _) = run("pie", ORDERS, &["--label", "region", "--agg", "count"]);
    assert_eq!(
        desc(&svg),
        "Pie chart: Count of rows by region. North 60% (3), South 20% (1), East 20% (1)."
    );
}

#[test]
fn arabic_labels_come_from_the_rows_of_each_group() {
    let csv = "region,region_ar,amount\nNorth,الشمال,1\nSouth,الجنوب,2\nNorth,الشمال,3\n";
    let d = bar(csv, &["--agg", "sum", "--lang", "ar", "--title", "T"]);
    assert_eq!(d, "مخطط أعمدة: T. مجموع «amount». الشمال 4، الجنوب 2.");
    let bad = "region,region_ar,amount\nNorth,الشمال,1\nSouth,الجنوب,2\nNorth,شمال,3\n";
    let e = error("bar", bad.as_bytes(), &["--agg", "sum", "--lang", "ar"]);
    assert!(
        e.contains(
            "orders.csv:4:7: the rows of 'North' disagree on its label in column 'region_ar': \"الشمال\" (line 2) and \"شمال\" (here)"
        ),
        "{e}"
    );
    assert!(
        e.contains("hint: give every row of 'North' the same text in 'region_ar'"),
        "{e}"
    );
}

#[test]
fn agg_errors_name_the_option_and_the_place() {
    let e = error(
        "bar",
        ORDERS.as_bytes(),
        &["--agg", "count", "--value", "amount"],
    );
    assert!(
        e.contains("--agg count counts rows and reads no value column, but --value was given"),
        "{e}"
    );
    assert!(
        e.contains("hint: drop --value, or add its values up with `--agg sum`"),
        "{e}"
    );
    let e = error(
        "bar",
        ORDERS.as_bytes(),
        &["--agg", "max", "--value", "id", "--value", "amount"],
    );
    assert!(
        e.contains("--agg max reads one value column, but --value names 2"),
        "{e}"
    );
    let e = error(
        "bar",
        ORDERS.as_bytes(),
        &["--agg", "sum", "--label", "region"],
    );
    assert!(
        e.contains(
            "orders.csv:1: `--agg sum` adds up one value column, but several hold numbers: id, amount"
        ),
        "{e}"
    );
    assert!(
        e.contains("hint: choose one with --value, e.g. `--value id`"),
        "{e}"
    );
    let csv = "region,amount\nNorth,1\nSouth,x2\n";
    let e = error(
        "bar",
        csv.as_bytes(),
        &["--agg", "sum", "--value", "amount"],
    );
    assert!(
        e.contains("orders.csv:3:7: column 'amount': cannot read \"x2\" as a number"),
        "{e}"
    );
    let e = error(
        "bar",
        ORDERS.as_bytes(),
        &["--agg", "sum", "--value", "amout"],
    );
    assert!(
        e.contains("no column named 'amout' (asked for by --value)"),
        "{e}"
    );
}

#[test]
fn errors_past_the_sample_still_point_at_line_and_column() {
    // The first rows choose the columns; rows after them are streamed, and their errors keep
    // their place (a quoted cell with the delimiter shifts the column).
    let mut csv = String::from("region,note,amount\n");
    for i in 0..3000 {
        csv.push_str(&format!("R{},\"a, b\",{i}\n", i % 7));
    }
    csv.push_str("R1,\"a, b\",7 apples\n");
    let e = error(
        "bar",
        csv.as_bytes(),
        &["--agg", "sum", "--value", "amount"],
    );
    assert!(
        e.contains("orders.csv:3002:11: column 'amount': cannot read \"7 apples\" as a number"),
        "{e}"
    );
    let mut ragged = csv[..csv.len() - "R1,\"a, b\",7 apples\n".len()].to_string();
    ragged.push_str("R1,x,1,2\n");
    let e = error("bar", ragged.as_bytes(), &["--agg", "count"]);
    assert!(
        e.contains("orders.csv:3002:8: this row has 4 fields but the header has 3"),
        "{e}"
    );
    let mut bytes = csv.into_bytes();
    bytes.extend_from_slice(b"R2,\xff,1\n");
    let e = error("bar", &bytes, &["--agg", "count"]);
    assert!(
        e.contains("orders.csv:3003:4: the file is not valid UTF-8"),
        "{e}"
    );
}

#[test]
fn agg_is_a_manifest_key() {
    let dir = tempdir();
    write(dir.path(), "orders.csv", ORDERS);
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"o\"\ninput = \"orders.csv\"\nkind = \"bar\"\noutput = [\"o.svg\"]\nlabel = \"region\"\nagg = \"count\"\n",
    );
    bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("o.svg")).expect("written");
    assert_eq!(
        desc(&svg),
        "Bar chart: Count of rows by region. North 3, South 1, East 1."
    );
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"o\"\ninput = \"orders.csv\"\nkind = \"bar\"\noutput = [\"o.svg\"]\nvalue = [\"amount\"]\nagg = \"count\"\n",
    );
    let out = bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .failure();
    let e = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        e.contains("agg = count counts rows and reads no value column, but value was given"),
        "{e}"
    );
}

#[test]
fn standard_input_is_read_with_and_without_agg() {
    let out = bin()
        .args(["bar", "-", "--label", "region", "--agg", "count", "-o", "-"])
        .write_stdin(ORDERS)
        .assert()
        .success();
    let svg = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    // No title is made up for standard input: the chart starts with its measure line.
    assert_eq!(
        desc(&svg),
        "Bar chart: Count of rows by region. North 3, South 1, East 1."
    );
    let out = bin()
        .args(["pie", "-", "--title", "Shares", "-o", "-"])
        .write_stdin("label,share\nA,60\nB,40\n")
        .assert()
        .success();
    let svg = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    assert_eq!(
        desc(&svg),
        "Pie chart: Shares. share, %. A 60%, B 40%. Values in %."
    );
}

#[test]
fn standard_input_errors_say_stdin_with_line_and_column() {
    for agg in [&[][..], &["--agg", "count"][..]] {
        let out = bin()
            .args(["bar", "-", "-o", "-"])
            .args(agg)
            .write_stdin("label,value\nA,1\nB,2,3\n")
            .assert()
            .failure();
        let e = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            e.contains("<stdin>:3:5: this row has 3 fields but the header has 2"),
            "{agg:?}: {e}"
        );
    }
    let out = bin()
        .args(["bar", "-", "-o", "-"])
        .write_stdin("")
        .assert()
        .failure();
    let e = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(e.contains("<stdin>: the file is empty"), "{e}");
}

#[test]
fn a_manifest_input_cannot_be_standard_input() {
    let dir = tempdir();
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"o\"\ninput = \"-\"\nkind = \"bar\"\noutput = [\"o.svg\"]\n",
    );
    let out = bin()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .failure();
    let e = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        e.contains("input = \"-\" (standard input) cannot be read by a manifest"),
        "{e}"
    );
    assert!(
        e.contains("hint: save the data to a file and give its path"),
        "{e}"
    );
}

/// Peak resident memory (KiB) of `sharechart bar FILE --label region --agg count --top 5`, by
/// GNU time; `None` where it is not installed.
fn peak_kib(file: &std::path::Path, out: &std::path::Path) -> Option<u64> {
    let time = std::path::Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let o = std::process::Command::new(time)
        .args(["-f", "%M"])
        .arg(assert_cmd::cargo::cargo_bin("sharechart"))
        .arg("bar")
        .arg(file)
        .args(["--label", "region", "--agg", "count", "--top", "5", "-o"])
        .arg(out)
        .output()
        .expect("GNU time runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

#[test]
fn memory_does_not_grow_with_the_file() {
    // 100,000 and 1,000,000 rows (3 and 30 MB): the same peak within 2 MiB. bench/agg.py
    // goes on to 10^7 rows.
    let dir = tempdir();
    let mut peaks = Vec::new();
    for rows in [100_000u64, 1_000_000] {
        let mut csv = String::with_capacity(rows as usize * 32 + 32);
        csv.push_str("id,region,product,amount\n");
        for i in 0..rows {
            let region = ["North", "South", "East", "West", "Centre", "Coast", "Delta"]
                [(i * 7919 % 7) as usize];
            csv.push_str(&format!(
                "{i},{region},Prod{:03},{}.{:02}\n",
                i % 97,
                i % 9973,
                i % 100
            ));
        }
        let file = write(dir.path(), &format!("rows-{rows}.csv"), csv);
        match peak_kib(&file, &dir.path().join("c.svg")) {
            Some(kib) => peaks.push(kib),
            None => return,
        }
    }
    assert!(
        peaks[1] <= peaks[0] + 2048,
        "peak memory grew from {} KiB to {} KiB with a file 10 times larger",
        peaks[0],
        peaks[1]
    );
}

/// `preview` groups records as a chart does, from a file or standard input, and says what it
/// left out.
#[test]
fn preview_counts_and_sums_records() {
    let csv = "region,amount\nAsia,3\nAfrica,5\nAsia,\nAsia,2\n";
    let dir = tempdir();
    let input = write(dir.path(), "r.csv", csv);
    let out = bin()
        .arg("preview")
        .arg(&input)
        .args(["--agg", "count", "--width", "40"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let rows: Vec<(&str, &str)> = text
        .lines()
        .filter_map(|l| Some((l.split(' ').next()?, l.rsplit(' ').next()?)))
        .collect();
    assert_eq!(rows, [("Asia", "3"), ("Africa", "1")], "{text}");
    let out = bin()
        .args(["preview", "-", "--agg", "sum", "--sort", "asc"])
        .write_stdin(csv)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().all(|l| l.ends_with(" 5")), "{text}");
    let note = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        note.contains("skipped 1 empty cell in column 'amount'"),
        "{note}"
    );
}
