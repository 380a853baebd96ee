//! Real-world tables (issue 11): one CLI test per row of the table, on the files in
//! `tests/data/` (see its README): years and dates as labels, missing values, decimal commas,
//! long data found in any column order, many categories, colours, value labels, the measure's
//! name. Each runs the real binary and reads the SVG it wrote.

use std::path::{Path, PathBuf};

use crate::common::{self, bin, tempdir, write};

/// A file under `tests/data/`.
fn data(name: &str) -> PathBuf {
    let p = common::repo_root().join("tests").join("data").join(name);
    assert!(p.is_file(), "missing {}", p.display());
    p
}

/// What a successful run left: the SVG and standard error.
struct Run {
    svg: String,
    stderr: String,
}

impl Run {
    /// The text of every `<text>` element, trimmed, in drawing order, with its weight.
    fn texts(&self) -> Vec<(String, bool)> {
        let doc = roxmltree::Document::parse(&self.svg).expect("valid SVG");
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| {
                // Every text node (an Arabic text keeps "%" in a tspan of its own).
                let text: String = n
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                (
                    text.trim().to_string(),
                    n.attribute("font-weight") == Some("bold"),
                )
            })
            .collect()
    }

    /// The `<desc>` of the chart.
    fn desc(&self) -> String {
        let doc = roxmltree::Document::parse(&self.svg).expect("valid SVG");
        doc.descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap_or("")
            .to_string()
    }

    /// True when some `<text>` element reads exactly `s`.
    fn has_text(&self, s: &str) -> bool {
        self.texts().iter().any(|(t, _)| t == s)
    }
}

/// Runs `cmd input args -o out.svg`, which must succeed.
fn draw(cmd: &str, input: &Path, args: &[&str]) -> Run {
    let dir = tempdir();
    let out = dir.path().join("out.svg");
    let run = bin()
        .arg(cmd)
        .arg(input)
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run sharechart");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{cmd} {input:?} {args:?}:\n{stderr}");
    Run {
        svg: std::fs::read_to_string(&out).expect("the SVG was written"),
        stderr,
    }
}

/// Runs `cmd input args -o out.svg`, which must fail with exit status 1, a hint and every needle
/// in its message, and write nothing.
fn refused(cmd: &str, input: &Path, args: &[&str], needles: &[&str]) -> String {
    let dir = tempdir();
    let out = dir.path().join("out.svg");
    let run = bin()
        .arg(cmd)
        .arg(input)
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run sharechart");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "stderr lacks {n:?}:\n{stderr}");
    }
    assert!(!out.exists(), "a refused chart wrote {}", out.display());
    stderr
}

/// A file with `text` in a fresh folder (kept alive by the returned guard).
fn file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempdir();
    let p = write(dir.path(), name, text);
    (dir, p)
}

#[test]
fn a_first_column_of_years_gives_the_labels() {
    let run = draw("bar", &data("oil-share-by-year.csv"), &[]);
    for year in ["2010", "2016", "2023"] {
        assert!(run.has_text(year), "{year} missing");
    }
    assert!(!run.has_text("2,010"));
    assert!(
        run.desc().contains("2010 31.2%, 2011 30.9%"),
        "{}",
        run.desc()
    );
    // In the order of the file, not sorted by value.
    let texts: Vec<String> = run.texts().into_iter().map(|t| t.0).collect();
    let pos = |s: &str| texts.iter().position(|t| t == s).expect("label");
    assert!(pos("2010") < pos("2011") && pos("2011") < pos("2023"));
}

#[test]
fn dates_are_written_in_their_shortest_distinct_form() {
    let (_d, monthly) = file(
        "monthly.csv",
        "date,exports\n2019-01-01,12\n2019-02-01,14\n2019-03-01,9\n",
    );
    let run = draw("bar", &monthly, &[]);
    assert!(run.has_text("2019-02"), "{:?}", run.texts());
    let (_d, codes) = file("codes.csv", "code,value\n004,12\n008,3\n012,7\n");
    let run = draw("bar", &codes, &[]);
    assert!(
        run.has_text("004") && run.has_text("012"),
        "{:?}",
        run.texts()
    );
}

#[test]
fn missing_values_are_gaps_with_one_warning_per_column() {
    let run = draw("bar", &data("missing-values.csv"), &[]);
    assert!(
        run.stderr
            .contains("7 missing values in 'share' (rows 3, 4, 6, 7, 8, 10, 11), drawn as gaps"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.desc().contains("Egypt no data"), "{}", run.desc());
    assert!(run.has_text("no data"));
    assert!(run.has_text("12.5%"));
}

#[test]
fn strict_refuses_missing_values_and_a_pie_cannot_have_one() {
    refused(
        "bar",
        &data("missing-values.csv"),
        &["--strict"],
        &[
            "missing-values.csv:3:7: column 'share'",
            "\"..\"",
            "--strict",
        ],
    );
    refused(
        "pie",
        &data("missing-values.csv"),
        &[],
        &[
            "missing-values.csv:3:7:",
            "a part of a whole cannot be unknown",
            "`sharechart bar`",
        ],
    );
}

#[test]
fn grouped_and_stacked_bars_leave_a_missing_segment_out() {
    let (_d, f) = file(
        "grouped.csv",
        "country,exports,imports\nEgypt,12,NA\nIraq,8,5\nOman,..,3\n",
    );
    let run = draw("bar", &f, &[]);
    assert!(run.stderr.contains("1 missing value in 'imports' (row 2)"));
    assert!(run.stderr.contains("1 missing value in 'exports' (row 4)"));
    assert!(run.desc().contains("Egypt no data"), "{}", run.desc());
    let run = draw("bar", &f, &["--stacked"]);
    assert!(
        run.has_text("12") && run.has_text("13"),
        "{:?}",
        run.texts()
    );
}

#[test]
fn decimal_commas_in_a_semicolon_file() {
    let run = draw("bar", &data("pays-part.csv"), &[]);
    assert!(
        run.has_text("12.9") && run.has_text("1.5"),
        "{:?}",
        run.texts()
    );
    assert!(run.desc().contains("Algérie 12.9"), "{}", run.desc());
    // Said explicitly, with thousands grouped by points, spaces or apostrophes.
    let (_d, f) = file("de.csv", "Land\tWert\nA\t1.234,5\nB\t2 345,25\nC\t3'000\n");
    let run = draw("bar", &f, &["--decimal", ","]);
    assert!(run.desc().contains("A 1,234.50"), "{}", run.desc());
}

#[test]
fn a_column_read_two_ways_is_refused_with_both_readings() {
    let (_d, f) = file("both.csv", "pays,valeur\nA,\"1,234\"\nB,\"1,5\"\n");
    refused(
        "bar",
        &f,
        &[],
        &[
            "both.csv:2:3: column 'valeur'",
            "1234 with a decimal point",
            "1.234 with a decimal comma",
            "`--decimal .`",
            "`--decimal ,`",
        ],
    );
    let run = draw("bar", &f, &["--decimal", ","]);
    assert!(run.desc().contains("A 1.234"), "{}", run.desc());
    // The wrong separator for the file, and a separator that is none.
    let (_d, f) = file("mixed.csv", "pays;part\nA;12,9\nB;4.5\n");
    refused("bar", &f, &[], &["mixed.csv:2:3:", "`--decimal ,`"]);
    refused(
        "bar",
        &f,
        &["--decimal", ","],
        &["mixed.csv:3:3:", "`--decimal .`"],
    );
    let e = bin()
        .args(["bar", "x.csv", "--decimal", "x", "-o", "x.svg"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&e.stderr);
    assert!(
        stderr.contains("--decimal 'x' is not a decimal separator"),
        "{stderr}"
    );
}

#[test]
fn long_data_with_dates_is_found_in_any_column_order() {
    for name in ["net-generation-long.csv", "net-generation-by-source.csv"] {
        let run = draw("bar", &data(name), &[]);
        let desc = run.desc();
        assert!(desc.contains("coal: 2001 1,904"), "{name}: {desc}");
        assert!(desc.contains("nuclear: 2001 769"), "{name}: {desc}");
        for legend in ["coal", "natural gas", "nuclear"] {
            assert!(run.has_text(legend), "{name}: {legend}");
        }
        // Years, on round years where not every one fits.
        assert!(run.has_text("2010") && !run.has_text("2010-01-01"));
    }
    // --series still decides.
    let run = draw(
        "bar",
        &data("net-generation-long.csv"),
        &["--series", "date", "--label", "source"],
    );
    assert!(
        run.desc().contains("2001-01-01: coal 1,904"),
        "{}",
        run.desc()
    );
}

#[test]
fn one_series_shows_the_measure_as_subtitle() {
    let run = draw("bar", &data("oil-production.csv"), &[]);
    assert!(run.has_text("barrels per day"), "{:?}", run.texts());
    assert!(run.desc().contains(": barrels per day. "), "{}", run.desc());
    let run = draw("bar", &data("missing-values.csv"), &[]);
    assert!(run.has_text("share, %"), "{:?}", run.texts());
    // A subtitle given wins.
    let run = draw(
        "bar",
        &data("oil-production.csv"),
        &["--subtitle", "Crude oil, 2023"],
    );
    assert!(run.has_text("Crude oil, 2023") && !run.has_text("barrels per day"));
}

#[test]
fn a_percent_header_in_another_script_gets_a_unit_line_in_the_chart_language() {
    let (_dir, csv) = file(
        "ar.csv",
        "label,label_ar,share\nDates,التمور,76\nRubber,المطاط,80\n",
    );
    let run = draw("bar", &csv, &["--lang", "ar"]);
    let texts = run.texts();
    assert!(
        texts.iter().any(|(t, _)| t.contains("النسبة المئوية (%)")),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|(t, _)| t.contains("share")), "{texts:?}");
    assert!(run.desc().contains("النسبة المئوية (%)"), "{}", run.desc());
    // Same direction, other script: a Latin header over Russian labels; and the other way round.
    let (_dir, ru) = file("ru.csv", "label,share\nИслам,6.5\nДругие,93.5\n");
    let texts = draw("bar", &ru, &["--lang", "ru"]).texts();
    assert!(texts.iter().any(|(t, _)| t == "Процент (%)"), "{texts:?}");
    let (_dir, ar) = file("ar-header.csv", "label,الحصة (%)\nDates,76\nRubber,80\n");
    let texts = draw("bar", &ar, &["--lang", "en"]).texts();
    assert!(texts.iter().any(|(t, _)| t == "Percent (%)"), "{texts:?}");
    // Without a language the header is all there is: it stays, whatever the labels' script,
    // with the unit in brackets as a right-to-left measure line writes it.
    let (_dir, ar_labels) = file("ar-labels.csv", "label,share\nالتمور,76\nالمطاط,80\n");
    let texts = draw("bar", &ar_labels, &[]).texts();
    assert!(
        texts.iter().any(|(t, _)| t.contains("share (%)")),
        "{texts:?}"
    );
    // A header in the chart's own script stays.
    let (_dir, fr) = file("fr.csv", "label,Part du PIB (%)\nBretagne,4.2\nCorse,0.4\n");
    let texts = draw("bar", &fr, &["--lang", "fr"]).texts();
    assert!(
        texts.iter().any(|(t, _)| t == "Part du PIB (%)"),
        "{texts:?}"
    );
    // In English the header is the unit line, as before; a unit that is not a percentage is
    // kept as written whatever the chart's language (better in English than absent).
    assert!(draw("bar", &csv, &[]).has_text("share, %"));
    let (_dir, csv) = file(
        "tonnes.csv",
        "label,label_ar,tonnes\nDates,التمور,7600\nRubber,المطاط,8000\n",
    );
    let texts = draw("bar", &csv, &["--lang", "ar"]).texts();
    assert!(texts.iter().any(|(t, _)| t.contains("tonnes")), "{texts:?}");
}

/// The different fill colours of the rectangles (bars and swatches), without the background.
fn fills(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("valid SVG");
    let mut fills: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter_map(|r| r.attribute("fill").map(str::to_string))
        .filter(|f| f != "#FFFFFF")
        .collect();
    fills.sort();
    fills.dedup();
    fills
}

#[test]
fn years_as_series_get_shades_in_order_and_too_many_series_are_refused() {
    let run = draw("bar", &data("net-generation-wide.csv"), &[]);
    let colours = fills(&run.svg);
    assert_eq!(colours.len(), 17, "two series share a colour: {colours:?}");
    let texts: Vec<String> = run.texts().into_iter().map(|t| t.0).collect();
    let pos = |s: &str| texts.iter().position(|t| t == s).expect("legend");
    assert!(pos("2001") < pos("2002") && pos("2016") < pos("2017"));
    let header: String = (0..9).map(|i| format!(",s{i}")).collect();
    let row: String = (0..9).map(|i| format!(",{i}")).collect();
    let (_d, f) = file("nine.csv", &format!("k{header}\nA{row}\n"));
    refused(
        "bar",
        &f,
        &[],
        &["9 series are more than the 8 colours", "--value", "--top"],
    );
    refused("pie", &f, &["--each-row"], &["9 series"]);
}

#[test]
fn value_labels_are_whole_numbers_or_left_out() {
    for size in [["--width", "1200"], ["--width", "700"]] {
        let run = draw("bar", &data("trade-5-digit.csv"), &size);
        let values: Vec<String> = run
            .texts()
            .into_iter()
            .filter(|(t, bold)| *bold && !t.starts_with("Trade"))
            .map(|t| t.0)
            .collect();
        for v in &values {
            assert!(
                sharechart::table::number::parse(v).is_ok_and(|n| n.value >= 1000.0),
                "{v:?} is cut"
            );
        }
        assert!(!run.has_text("5,21"));
    }
    // Where they fit, they are drawn.
    let run = draw("bar", &data("trade-5-digit.csv"), &["--horizontal"]);
    assert!(
        run.has_text("5,214") && run.has_text("61,204"),
        "{:?}",
        run.texts()
    );
}

#[test]
fn all_57_member_states_render_whole_in_a_chart_grown_tall() {
    let run = draw("bar", &data("oic-members.csv"), &[]);
    for name in [
        "United Arab Emirates",
        "Brunei Darussalam",
        "Côte d'Ivoire",
        "Yemen",
    ] {
        assert!(run.has_text(name), "{name} is not whole");
    }
    assert!(!run.texts().iter().any(|(t, _)| t.contains('…')));
    let doc = roxmltree::Document::parse(&run.svg).expect("svg");
    let height: f64 = doc
        .root_element()
        .attribute("height")
        .and_then(|h| h.parse().ok())
        .expect("height");
    assert!(height > 800.0, "{height}");
    // A hundred categories too, and a hundred years upright with every k-th year shown.
    let rows: String = (0..100)
        .map(|i| format!("Place {i},{}\n", i % 17))
        .collect();
    let (_d, f) = file("hundred.csv", &format!("place,count\n{rows}"));
    draw("bar", &f, &[]);
    let years: String = (0..100)
        .map(|i| format!("{},{}\n", 1924 + i, i % 17))
        .collect();
    let (_d, f) = file("years.csv", &format!("year,count\n{years}"));
    let run = draw("bar", &f, &[]);
    // Thinned to round years (1925, 1930, ...), not every k-th from 1924.
    assert!(
        run.has_text("1930") && !run.has_text("1924") && !run.has_text("1926"),
        "thinned"
    );
    assert!(!run.texts().iter().any(|(t, _)| t.contains('…')));
    // At a size given, where nothing readable fits, refused with the hint.
    refused(
        "bar",
        &data("oic-members.csv"),
        &["--height", "600"],
        &["57 categories are too many", "--top"],
    );
}

/// Issue 20, item 6: 11 and 17 member states (and a given height) drew "Banglade…" and
/// "Burki… Faso". At any count every name is drawn whole: upright when all fit under their
/// bars, else horizontal, a name in its row.
#[test]
fn a_name_is_never_cut_at_any_count() {
    let all = std::fs::read_to_string(data("oic-members.csv")).expect("members");
    let rows: Vec<&str> = all.lines().skip(1).collect();
    for n in [3, 6, 11, 17, 24] {
        // Bangladesh and Burkina Faso among them.
        let named = |r: &&str| r.starts_with("Bangladesh") || r.starts_with("Burkina");
        let picked: Vec<&str> = rows
            .iter()
            .copied()
            .filter(named)
            .chain(rows.iter().copied().filter(|r| !named(r)).take(n - 2))
            .collect();
        let (_d, f) = file(
            "m.csv",
            &format!("country,population\n{}\n", picked.join("\n")),
        );
        for args in [&[][..], &["--height", "12cm"][..], &["--size", "half"][..]] {
            if !args.is_empty() && args[0] == "--height" && n > 11 {
                // No room for 17 rows at this height: refused with a hint, never cut.
                let out = bin()
                    .arg("bar")
                    .arg(&f)
                    .args(args)
                    .args(["-o", "-"])
                    .output();
                let err = String::from_utf8_lossy(&out.expect("run").stderr).into_owned();
                assert!(
                    err.contains("does not fit") && err.contains("hint:"),
                    "{err}"
                );
                continue;
            }
            let run = draw("bar", &f, args);
            let texts = run.texts();
            assert!(
                !texts.iter().any(|(t, _)| t.contains('…')),
                "{n} {args:?}: {texts:?}"
            );
            let words: Vec<&str> = texts.iter().flat_map(|(t, _)| t.split(' ')).collect();
            for row in &picked {
                let name = row.split(',').next().unwrap_or("");
                for w in name.split(' ') {
                    assert!(
                        words.contains(&w),
                        "{n} {args:?}: {w:?} of {name:?} is not whole"
                    );
                }
            }
        }
    }
}

#[test]
fn a_total_row_at_the_end_is_left_out_when_it_is_the_sum() {
    // A spreadsheet's last row: drawn, "Total" would be a bar as long as the rest together.
    let (_dir, p) = file(
        "t.csv",
        "country,exports\nEgypt,120\nJordan,30\nOman,50\nTotal,200\n",
    );
    let run = draw("bar", &p, &[]);
    assert!(!run.has_text("Total"), "{:?}", run.texts());
    assert!(run.has_text("Egypt") && run.has_text("Oman"));
    assert!(
        run.stderr
            .contains("t.csv:5: left out the row \"Total\": its values are the sums"),
        "{}",
        run.stderr
    );
    // A pie of shares with their total row: the shares make one whole, not two.
    let (_dir, p) = file(
        "s.csv",
        "source,share\nGas,20\nOil,30\nCoal,50\nالمجموع,100\n",
    );
    let run = draw("pie", &p, &[]);
    assert!(!run.has_text("المجموع") && run.stderr.contains("left out the row \"المجموع\""));
    // Within a table's rounding (33.3 three times is 100), and with `top` while reading.
    let (_dir, p) = file("r.csv", "a,share\nX,33.3\nY,33.3\nZ,33.3\nTOTAL:,100\n");
    assert!(
        draw("pie", &p, &[])
            .stderr
            .contains("left out the row \"TOTAL:\"")
    );
    let mut big = String::from("c,v\n");
    for i in 1..=30 {
        big.push_str(&format!("C{i},{i}\n"));
    }
    big.push_str("Total,465\n");
    let (_dir, p) = file("big.csv", &big);
    let run = draw("bar", &p, &["--top", "5"]);
    assert!(
        !run.has_text("Total") && run.has_text("C30"),
        "{:?}",
        run.texts()
    );
}

#[test]
fn a_total_row_that_is_not_the_sum_or_not_last_is_data() {
    // Not the sum of the rows: a category, and the user is told.
    let (_dir, p) = file(
        "t.csv",
        "country,exports\nEgypt,120\nJordan,30\nOman,50\nTotal,190\n",
    );
    let run = draw("bar", &p, &[]);
    assert!(run.has_text("Total"), "{:?}", run.texts());
    assert!(
        run.stderr.contains(
            "t.csv:5: the row \"Total\" is drawn as a category: its value 190 is not the sum of the rows above (200)"
        ),
        "{}",
        run.stderr
    );
    // Not the last row: a category like any other, nothing said.
    let (_dir, p) = file("m.csv", "country,exports\nEgypt,120\nTotal,30\nOman,50\n");
    let run = draw("bar", &p, &[]);
    assert!(
        run.has_text("Total") && run.stderr.is_empty(),
        "{}",
        run.stderr
    );
}

#[test]
fn a_name_listed_twice_is_refused_at_its_second_row() {
    // gapminder's long table read as one bar a row: "China" once a year, bars nobody can
    // tell apart.
    let (_dir, p) = file(
        "g.csv",
        "country,year,pop\nChina,2002,1280\nChina,2007,1318\nIndia,2007,1110\n",
    );
    let err = refused(
        "bar",
        &p,
        &["--label", "country", "--value", "pop"],
        &["g.csv:3:1: column 'country': \"China\" is listed twice, first at line 2"],
    );
    assert!(
        err.contains("(--series)") && err.contains("--agg (sum, mean, max)"),
        "{err}"
    );
    // With `top`, among the rows kept.
    let refused_top = refused(
        "pie",
        &p,
        &["--label", "country", "--value", "pop", "--top", "2"],
        &["\"China\" is listed twice"],
    );
    assert!(refused_top.contains("hint:"), "{refused_top}");
    // One value a name (`agg`), or the years as series: drawn.
    let run = draw(
        "bar",
        &p,
        &["--label", "country", "--value", "pop", "--agg", "max"],
    );
    assert!(run.has_text("China") && run.has_text("India"));
}
