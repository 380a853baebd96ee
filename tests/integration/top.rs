//! `--top` and `--other` (#20, items 1 and 2) and the one record source's streaming goals (#19),
//! through the real binary: "Other" is a true number for every `agg` and only a sum of values
//! that add up, else a note says what was left out; a wide table of years ranks by its latest
//! period; a file past the sample keeps the N largest as it is read, and one with too many
//! categories is refused as soon as they pass the limit, in bounded memory.

use crate::common::{bin, tempdir, write};

/// The `<desc>` of an SVG.
fn desc(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("valid XML");
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .expect("a <desc>")
        .to_string()
}

/// Runs `bar in.csv args... -o -` on `csv`: (SVG, stderr).
fn bar(csv: &str, args: &[&str]) -> (String, String) {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    let out = bin()
        .arg("bar")
        .arg(&input)
        .args(["--title", "T"])
        .args(args)
        .args(["-o", "-"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).expect("UTF-8"), stderr)
}

/// The summary of `bar` after the title: "label value, ...".
fn values(csv: &str, args: &[&str]) -> String {
    let d = desc(&bar(csv, args).0);
    d.split_once(". ")
        .map_or(d.clone(), |(_, rest)| rest.to_string())
}

/// Daily readings: A 10 and 30, B 5, C 20, 26 and 26.
const READINGS: &str = "city,temp\nA,10\nB,5\nC,20\nA,30\nC,26\nC,26\n";

#[test]
fn other_is_the_agg_of_the_rows_it_folds() {
    let cases = [
        // The rest's largest reading, not their sum (35).
        ("max", "Maximum of temp. A 30, Other 26."),
        // The smallest of the rest.
        ("min", "Minimum of temp. C 20, Other 5."),
        // The mean of the rest's three rows (10 + 30 + 5) / 3, not the mean of the two means
        // (12.5) nor their sum (25).
        ("mean", "Mean of temp. C 24, Other 15."),
        ("sum", "Sum of temp. C 72, Other 45."),
        ("count", "Count of rows by city. C 3, Other 3."),
    ];
    for (agg, want) in cases {
        let args = match agg {
            "count" => vec!["--agg", "count", "--top", "1"],
            _ => vec!["--agg", agg, "--value", "temp", "--top", "1"],
        };
        assert_eq!(values(READINGS, &args), want, "{agg}");
    }
}

/// Life expectancy of five countries: values that do not add up.
const LIFE: &str =
    "country,lifeExp\nAlbania,78.8\nIndonesia,68.3\nKuwait,80.4\nMaldives,81.0\nQatar,81.6\n";

#[test]
fn values_that_do_not_add_up_are_left_out_with_a_note() {
    let (svg, _) = bar(LIFE, &["--top", "2"]);
    // No "Other 307.5": the two largest, and the note on the chart and in the summary.
    assert_eq!(
        desc(&svg),
        "Bar chart: T. lifeExp. Maldives 81.0, Qatar 81.6. 2 largest of 5."
    );
    assert!(svg.contains(">\n2 largest of 5\n<"), "the note is drawn");
    assert!(!svg.contains("Other"));
    // A note of the user's follows it.
    let (svg, _) = bar(LIFE, &["--top", "2", "--note", "Estimates"]);
    assert!(svg.contains(">\n2 largest of 5. Estimates\n<"));
    // In the chart's language.
    let ar =
        "country,country_ar,lifeExp\nAlbania,ألبانيا,78.8\nKuwait,الكويت,80.4\nQatar,قطر,81.6\n";
    let (svg, _) = bar(ar, &["--top", "1", "--lang", "ar"]);
    assert!(svg.contains("أكبر 1 من 3"), "{}", desc(&svg));
}

#[test]
fn counts_amounts_and_shares_of_one_whole_add_up() {
    let counts = "country,population\nA,5\nB,50\nC,1\nD,20\n";
    assert_eq!(
        values(counts, &["--top", "2"]),
        "population. B 50, D 20, Other 6."
    );
    let shares = "crop,share\nA,40\nB,30\nC,20\nD,10\n";
    assert_eq!(
        values(shares, &["--top", "2"]),
        "share, %. A 40%, B 30%, Other 30%. Values in %."
    );
    // Shares of different wholes (147% in all) are not added up.
    let over = "crop,share\nA,60\nB,50\nC,37\n";
    assert_eq!(
        values(over, &["--top", "2"]),
        "share, %. A 60%, B 50%. 2 largest of 3. Values in %."
    );
}

#[test]
fn other_sum_and_drop_are_the_users_choice() {
    assert_eq!(
        values(LIFE, &["--top", "3", "--other", "sum"]),
        "lifeExp. Kuwait 80.4, Maldives 81.0, Qatar 81.6, Other 147.1."
    );
    let counts = "country,population\nA,5\nB,50\nC,1\n";
    assert_eq!(
        values(counts, &["--top", "1", "--other", "drop"]),
        "population. B 50. 1 largest of 3."
    );
    // With agg, drop leaves the rest's group out too.
    assert_eq!(
        values(
            READINGS,
            &["--agg", "count", "--top", "1", "--other", "drop"]
        ),
        "Count of rows by city. C 3. 1 largest of 3."
    );
    // The manifest key.
    let dir = tempdir();
    write(dir.path(), "life.csv", LIFE);
    let manifest = write(
        dir.path(),
        "charts.toml",
        "[report]\ndir = \"site\"\n\n[[chart]]\nname = \"life\"\ninput = \"life.csv\"\nkind = \"bar\"\noutput = [\"life.svg\"]\ntop = 2\nother = \"sum\"\n",
    );
    bin()
        .args(["build", "-m"])
        .arg(&manifest)
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("life.svg")).expect("svg");
    assert!(desc(&svg).contains("Other 227.5"), "{}", desc(&svg));
}

#[test]
fn a_wide_table_of_years_ranks_by_the_latest_year_most_rows_fill() {
    // 2023 is empty in the World Bank file: 2022 ranks. By 2019 Bahrain would be kept and
    // Kuwait left out.
    let dir = tempdir();
    let out = dir.path().join("wb.svg");
    let o = bin()
        .arg("bar")
        .arg(crate::common::repo_root().join("tests/data/worldbank-api.csv"))
        .args(["--top", "3", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = desc(&std::fs::read_to_string(&out).expect("svg"));
    assert!(
        d.contains("2022: Kuwait 80.4, Maldives 81.0, Qatar 81.6. 3 largest of 8 (2022)."),
        "{d}"
    );
    assert!(!d.contains("Bahrain"), "{d}");
}

/// `n` rows with distinct labels and values that are a permutation of 0..n, in the shape of
/// `bench/big.py`'s file.
fn big(n: u64) -> String {
    let mut csv = String::with_capacity(n as usize * 18 + 12);
    csv.push_str("label,value\n");
    for i in 0..n {
        // 7919 is prime and does not divide n: i -> i * 7919 mod n is a permutation.
        let v = (i * 7919 + 12345) % n;
        csv.push_str(&format!("id{i:07},{v}\n"));
    }
    csv
}

#[test]
fn top_keeps_the_largest_of_a_file_past_the_sample() {
    let n = 5000;
    let csv = big(n);
    let mut rows: Vec<(u64, &str)> = csv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (label, v) = l.split_once(',')?;
            Some((v.parse().ok()?, label))
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    assert_eq!(rows[0].0, n - 1);
    let mut kept: Vec<&(u64, &str)> = rows.iter().take(3).collect();
    kept.sort_by_key(|r| r.1);
    let want: Vec<String> = kept
        .iter()
        .map(|(v, l)| format!("{l} {}", group(*v)))
        .collect();
    // `value` does not name an amount: the three largest, and the note.
    assert_eq!(
        values(&csv, &["--top", "3", "--format", "compact=off"]),
        format!("value. {}. 3 largest of 5,000.", want.join(", "))
    );
    // Counted: the rest is summed, exactly.
    let rest: u64 = rows.iter().skip(3).map(|r| r.0).sum();
    let counts = csv.replacen("label,value", "label,count", 1);
    let shown: Vec<String> = kept
        .iter()
        .map(|(v, l)| format!("{l} {}", group(*v)))
        .collect();
    assert_eq!(
        values(&counts, &["--top", "3", "--format", "compact=off"]),
        format!("count. {}, Other {}.", shown.join(", "), group(rest))
    );
}

/// `1234567` as `1,234,567`.
fn group(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn a_big_file_is_refused_once_its_categories_pass_the_limit() {
    let dir = tempdir();
    let input = write(dir.path(), "big.csv", big(200_000));
    let out = dir.path().join("c.svg");
    let o = bin()
        .arg("bar")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    // The 1,000 rows of the sample (lines 2-1001) are past the limit: refused at the first row
    // after them, without reading on.
    assert!(
        e.contains(
            ":1002: more than 150 categories are too many for a readable bar chart (at most 150)"
        ),
        "{e}"
    );
    assert!(e.contains("`--top 149`"), "{e}");
    assert!(!out.exists());
    // A pie's limit, with agg.
    let o = bin()
        .arg("pie")
        .arg(&input)
        .args(["--agg", "sum", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains(":1002: more than 8 slices"), "{e}");
}

/// Peak memory in KiB of `sharechart args...` under GNU time; `None` without it.
fn peak_kib(args: &[&std::ffi::OsStr]) -> Option<u64> {
    let time = std::path::Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let o = std::process::Command::new(time)
        .args(["-f", "%M"])
        .arg(assert_cmd::cargo::cargo_bin("sharechart"))
        .args(args)
        .output()
        .expect("GNU time runs");
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

#[test]
fn top_and_refusal_take_the_same_memory_for_a_file_ten_times_larger() {
    // 10^5 and 10^6 rows with distinct labels (1.7 and 17 MB): `--top 10` and the refusal
    // within 2 MiB of each other. bench/big.py measures the same beside pandas and awk.
    let dir = tempdir();
    let out = dir.path().join("c.svg");
    let mut peaks = Vec::new();
    for rows in [100_000u64, 1_000_000] {
        let file = write(dir.path(), &format!("big-{rows}.csv"), big(rows));
        let top = [
            "bar".as_ref(),
            file.as_os_str(),
            "--top".as_ref(),
            "10".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        let refused = [
            "bar".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        match (peak_kib(&top), peak_kib(&refused)) {
            (Some(a), Some(b)) => peaks.push((a, b)),
            _ => return,
        }
    }
    let (small, large) = (peaks[0], peaks[1]);
    assert!(
        large.0 <= small.0 + 2048,
        "--top 10: {small:?} -> {large:?} KiB"
    );
    assert!(
        large.1 <= small.1 + 2048,
        "refused: {small:?} -> {large:?} KiB"
    );
    assert!(
        large.0 <= 64 * 1024,
        "--top 10 at 10^6 rows: {} KiB",
        large.0
    );
}

#[test]
fn a_pie_is_one_whole_so_its_rest_is_folded() {
    // `value` names no amount, but a pie says its values are the parts of one whole.
    let csv = "k,value\nA,50\nB,30\nC,15\nD,5\n";
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    let out = bin()
        .arg("pie")
        .arg(&input)
        .args(["--title", "T", "--top", "2", "-o", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let d = desc(&String::from_utf8_lossy(&out.stdout));
    assert!(d.contains("Other 20"), "{d}");
    // Each pie of a grid is its own whole: shares of different wholes are not added up.
    let shares = "k,share\nA,60\nB,50\nC,40\n";
    let input = write(dir.path(), "s.csv", shares);
    let out = bin()
        .arg("pie")
        .arg(&input)
        .args(["--each-row", "--top", "2", "-o", "-"])
        .output()
        .expect("runs");
    let svg = String::from_utf8_lossy(&out.stdout);
    assert!(!svg.contains(">\nOther\n<"));
    assert!(svg.contains(">\n2 largest of 3\n<"));
}

#[test]
fn the_alt_text_and_the_preview_say_what_was_left_out() {
    let dir = tempdir();
    write(dir.path(), "life.csv", LIFE);
    let manifest = write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"life\"\ninput = \"life.csv\"\nkind = \"bar\"\noutput = [\"out/life.png\"]\ntop = 2\n",
    );
    bin()
        .args(["build", "-m"])
        .arg(&manifest)
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("out/README.md")).expect("report page");
    assert!(
        page.contains("Maldives 81.0, Qatar 81.6. 2 largest of 5."),
        "{page}"
    );
    let out = bin()
        .arg("preview")
        .arg(dir.path().join("life.csv"))
        .args(["--top", "2"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("life.csv: 2 largest of 5"), "{err}");
}

#[test]
fn a_message_about_other_points_at_the_first_row_it_folds() {
    let dir = tempdir();
    let input = write(
        dir.path(),
        "neg.csv",
        "k,a,b\nA,5,5\nB,6,6\nC,-1,2\nD,-2,1\n",
    );
    let out = bin()
        .arg("bar")
        .arg(&input)
        .args(["--stacked", "--top", "2", "--other", "sum", "-o", "-"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains(
            "neg.csv:4:3: \"sum of 2 categories\": stacked bars cannot show values below zero"
        ),
        "{e}"
    );
}

#[test]
fn an_approx_column_past_the_sample_is_read_as_the_rows_go_by() {
    // 1,500 rows: the approx column is chosen from the first 1,000, read in every row.
    let mut csv = String::from("label,count,approx\n");
    for i in 0..1500 {
        let mark = if i == 1400 { "maybe" } else { "" };
        csv.push_str(&format!("r{i},{i},{mark}\n"));
    }
    let dir = tempdir();
    let input = write(dir.path(), "a.csv", &csv);
    let out = bin()
        .arg("bar")
        .arg(&input)
        .args(["--top", "3", "-o", "-"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("a.csv:1402:") && e.contains("\"maybe\" says neither"),
        "{e}"
    );
    let fixed = csv.replace(",maybe", ",yes");
    let (svg, _) = bar(&fixed, &["--top", "3", "--format", "compact=off"]);
    let d = desc(&svg);
    // The largest three and Other; the approximate row (1400) is folded, so Other is too.
    assert!(d.contains("r1497 1,497, r1498 1,498, r1499 1,499"), "{d}");
    assert!(
        svg.contains("~1,119,756"),
        "Other drawn as approximate: {d}"
    );
}

#[test]
fn a_highlighted_category_top_folds_is_refused_however_it_was_folded() {
    // B is kept until D pushes it out; A never gets in.
    for csv in [
        "k,count\nA,1\nB,50\nC,60\nD,70\n",
        "k,count\nC,60\nD,70\nB,50\n",
    ] {
        let dir = tempdir();
        let input = write(dir.path(), "h.csv", csv);
        let out = bin()
            .arg("bar")
            .arg(&input)
            .args(["--top", "2", "--highlight", "B", "-o", "-"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
        let e = String::from_utf8_lossy(&out.stderr);
        assert!(e.contains("is folded into \"Other\""), "{e}");
    }
}
