use super::*;
use crate::options::Voice;

/// Every row of `text` read as `options` say, with the notes, or the error.
fn read(text: &str, options: ReadOptions) -> Result<(Table, Vec<String>), TableError> {
    let mut r = Reader::open("t.csv", Box::new(text.as_bytes()), options)?;
    let (table, _) = r.sample(usize::MAX)?;
    let notes = r
        .take_notes()
        .iter()
        .map(|m| m.render(Voice::Cli))
        .collect();
    Ok((table, notes))
}

fn rows(text: &str) -> (Table, Vec<String>) {
    read(text, ReadOptions::default()).expect("valid")
}

fn labels(t: &Table) -> Vec<&str> {
    t.rows.iter().map(|r| r.cells[0].as_str()).collect()
}

#[test]
fn quoted_delimiters_blank_lines_and_crlf() {
    let text = "\u{FEFF}label ; share\r\n Oil ; 43 \r\n\r\n;\r\n\"Gas; LNG\";8\r\n";
    let (t, notes) = rows(text);
    assert_eq!(t.headers, vec!["label", "share"]);
    assert_eq!(t.rows[1].cells, vec!["Gas; LNG", "8"]);
    // Line 5, the quoted delimiter skipped.
    assert_eq!(
        (t.rows[1].line, t.rows[1].columns.clone()),
        (5, vec![1, 12])
    );
    assert!(notes.is_empty());
}

#[test]
fn a_world_bank_download_skips_its_preamble_and_says_so() {
    let text = "\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-06-28\",\n\n\"Country Name\",\"Country Code\",\"2021\",\"2022\",\n\"Aruba\",\"ABW\",\"3126019385.47486\",\"3502useful\",\n"
        .replace("3502useful", "3502");
    let (t, notes) = rows(&text);
    assert_eq!(t.headers[..2], ["Country Name", "Country Code"]);
    assert_eq!(t.headers[4], "column 5");
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].line, 6);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with(
            "t.csv: skipped 4 lines above the header on line 5 (\"Data Source\", \"World Development Indicators\", \"Last Updated Date\", ...)"
        ),
        "{}",
        notes[0]
    );
    assert!(notes[0].contains("`--skip 4`"), "{}", notes[0]);
}

#[test]
fn a_title_line_above_the_header_is_a_preamble() {
    let (t, notes) = rows("Population by country,,\n,,\ncountry,year,pop\nA,2019,5\nB,2019,7\n");
    assert_eq!(t.headers, vec!["country", "year", "pop"]);
    assert_eq!(labels(&t), vec!["A", "B"]);
    assert_eq!(notes.len(), 1);
}

#[test]
fn a_preamble_not_recognised_points_at_the_header() {
    let text =
        "Table 1, population, 2019 estimates\ncountry,year,pop,area\nA,2019,5,1\nB,2019,7,2\n";
    let e = read(text, ReadOptions::default()).unwrap_err();
    let m = e.message().render(Voice::Cli);
    assert!(
        m.starts_with(
            "t.csv:1: the first line has 3 fields but the rows below it have 4; line 2 looks like the header"
        ),
        "{m}"
    );
    assert!(m.ends_with("`--skip 1`"), "{m}");
    let (t, _) = read(
        text,
        ReadOptions {
            skip: 1,
            ..ReadOptions::default()
        },
    )
    .expect("valid");
    assert_eq!(t.headers, vec!["country", "year", "pop", "area"]);
    assert_eq!(t.rows[0].line, 3, "lines stay the file's");
}

#[test]
fn a_ragged_row_is_still_a_ragged_row() {
    // Rows wider than the header because of an unquoted thousands comma: not a preamble.
    let e = read("k,v\nA,1,000\nB,2,000\n", ReadOptions::default()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("t.csv:2:5: this row has 3 fields but the header has 2"),
        "{e}"
    );
}

#[test]
fn a_headerless_file_is_refused_and_read_with_no_header() {
    let text = "Afghanistan,Asia,1952,28.801\nAlbania,Europe,1952,55.23\n";
    let e = read(text, ReadOptions::default()).unwrap_err();
    let m = e.message().render(Voice::Cli);
    assert!(
        m.starts_with(
            "t.csv:1:23: the first row holds \"28.801\", a number, so it is data, not a header"
        ),
        "{m}"
    );
    assert!(m.ends_with("`--no-header`"), "{m}");
    assert!(
        e.message()
            .render(Voice::Manifest)
            .ends_with("`no-header = true`")
    );
    let (t, _) = read(
        text,
        ReadOptions {
            header: false,
            ..ReadOptions::default()
        },
    )
    .expect("valid");
    assert_eq!(
        t.headers,
        vec!["column 1", "column 2", "column 3", "column 4"]
    );
    assert_eq!(labels(&t), vec!["Afghanistan", "Albania"]);
    assert_eq!(t.rows[0].line, 1);
    // Years are what a wide table's header holds: not data.
    assert!(read("name,2019,2020\nA,1,2\n", ReadOptions::default()).is_ok());
    assert!(read("name,2019 [YR2019]\nA,1\n", ReadOptions::default()).is_ok());
}

#[test]
fn footers_are_left_out_and_said() {
    // An Excel export: a blank line, then notes as wide as the table.
    let (t, notes) = rows(
        "country,pop\nA,5\nB,7\n,\nSource: UN World Population Prospects,\nNote: estimates,\n",
    );
    assert_eq!(labels(&t), vec!["A", "B"]);
    assert_eq!(
        notes,
        vec![
            "t.csv: left out 2 rows after the data (lines 5-6: \"Source: UN World Population Prospects\"), which hold no data"
        ]
    );
    // A footnote written without delimiters, right after the data.
    let (t, notes) = rows("country,year,pop\nA,2019,5\nB,2019,7\nData from the national census\n");
    assert_eq!(labels(&t), vec!["A", "B"]);
    assert_eq!(notes.len(), 1);
    // Worded as a note, as wide as the table.
    let (t, _) = rows("country,pop\nA,5\nB,7\nSource: UN,\n");
    assert_eq!(labels(&t), vec!["A", "B"]);
}

#[test]
fn a_last_row_without_its_value_is_data() {
    let (t, notes) = rows("country,pop\nA,5\nYemen,\n");
    assert_eq!(labels(&t), vec!["A", "Yemen"]);
    assert!(notes.is_empty());
    // Rows held back as possible footers are data when a data row follows, in their order.
    let (t, notes) = rows("country,pop\nA,5\n\nB,\nC,\nD,4\n");
    assert_eq!(labels(&t), vec!["A", "B", "C", "D"]);
    assert!(notes.is_empty());
}

#[test]
fn skip_counts_lines_and_keeps_line_numbers() {
    let (t, _) = read(
        "junk\nmore junk, with commas, here\nk,v\nA,1\n",
        ReadOptions {
            skip: 2,
            ..ReadOptions::default()
        },
    )
    .expect("valid");
    assert_eq!(t.headers, vec!["k", "v"]);
    assert_eq!(t.rows[0].line, 4);
    let e = read(
        "junk\nk,v\nA,1,2\n",
        ReadOptions {
            skip: 1,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("t.csv:3:5:"), "{e}");
    let e = read(
        "a\nb\n",
        ReadOptions {
            skip: 5,
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(e, TableError::Empty { .. }), "{e}");
}

#[test]
fn errors_point_at_the_place() {
    for (bad, want) in [
        (
            &b"a,b\nx,1\ny,2,3\n"[..],
            "t.csv:3:5: this row has 3 fields",
        ),
        (
            b"a,b\nx,\xff\n",
            "t.csv:2:3: the file is not valid UTF-8 (byte offset 6)",
        ),
        (b" \n\n", "t.csv: the file is empty"),
        (b"a,b\n", "t.csv:1: the file has a header but no data rows"),
        (b"a\0b\n", "t.csv: this looks like a binary file"),
    ] {
        let e = Reader::open("t.csv", Box::new(bad), ReadOptions::default())
            .and_then(|mut r| r.sample(usize::MAX))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with(want), "{e}");
    }
}

proptest::proptest! {
    #[test]
    fn every_row_is_as_wide_as_the_header(s in "[a-z0-9,;\"\t\n ]{0,80}") {
        if let Ok((t, _)) = read(&s, ReadOptions::default()) {
            for r in &t.rows {
                proptest::prop_assert_eq!(r.cells.len(), t.headers.len());
                proptest::prop_assert_eq!(r.columns.len(), t.headers.len());
            }
        }
    }
}

proptest::proptest! {
    /// Whatever title lines stand above a table and whatever notes follow it, every data row
    /// (a label and a number) is read, in order, and nothing else.
    #[test]
    fn preambles_and_footers_never_take_a_data_row(
        rows in proptest::collection::vec(("[a-z]{1,8}", 0u32..100_000), 1..30),
        title in proptest::option::of("[A-Z][a-z]{0,10}( [a-z]{1,6}){0,3}"),
        blank_after_title in proptest::bool::ANY,
        footer in proptest::option::of("(Source|Note): [A-Za-z ]{0,20}"),
        blank_before_footer in proptest::bool::ANY,
        ragged_footer in proptest::bool::ANY,
        ragged_title in proptest::bool::ANY,
    ) {
        let mut text = String::new();
        if let Some(t) = &title {
            text.push_str(t);
            text.push_str(if ragged_title { "\n" } else { ",\n" });
            if blank_after_title {
                text.push('\n');
            }
        }
        text.push_str("label,value\n");
        for (l, v) in &rows {
            text.push_str(&format!("{l},{v}\n"));
        }
        if let Some(f) = &footer {
            if blank_before_footer {
                text.push_str(",\n");
            }
            text.push_str(f);
            text.push_str(if ragged_footer { "\n" } else { ",\n" });
        }
        let (t, _) = read(&text, ReadOptions::default())
            .map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e}\n{text}")))?;
        proptest::prop_assert_eq!(&t.headers, &vec!["label".to_string(), "value".to_string()]);
        let got: Vec<(String, String)> = t
            .rows
            .iter()
            .map(|r| (r.cells[0].clone(), r.cells[1].clone()))
            .collect();
        let want: Vec<(String, String)> =
            rows.iter().map(|(l, v)| (l.clone(), v.to_string())).collect();
        proptest::prop_assert_eq!(got, want, "{}", text);
    }
}
