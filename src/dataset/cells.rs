//! Reading the value cells of a table: the decimal separator (given, or found from the cells),
//! a column that could be read two ways, and cells that say "no data".

use super::Cell;
use super::DatasetError;
use crate::options::{DecimalMark, Message};
use crate::table::Table;
use crate::table::number::{NumberError, is_missing, parse_as};

/// A value cell that says "no data" (`NA`, `..`, empty): drawn as a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    /// The series it belongs to.
    pub series: usize,
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: usize,
    /// The header of its column.
    pub header: String,
    /// The text as written.
    pub raw: String,
}

/// The decimal separator of a table's numbers: `given`, else a comma when the file is `;`- or
/// tab-delimited and its numbers use a comma, and never a point, as decimal separator.
pub(super) fn decimal_mark(table: &Table, given: Option<DecimalMark>) -> DecimalMark {
    if let Some(mark) = given {
        return mark;
    }
    if !matches!(table.delimiter, b';' | b'\t') {
        return DecimalMark::Point;
    }
    let (mut comma, mut point) = (0usize, 0usize);
    for cell in table.rows.iter().flat_map(|r| &r.cells) {
        let p = parse_as(cell, DecimalMark::Point).is_ok();
        let c = parse_as(cell, DecimalMark::Comma).is_ok();
        comma += usize::from(c && !p);
        point += usize::from(p && !c);
    }
    if comma > 0 && point == 0 {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// Refuses a value column that reads two ways: a cell such as `1,5` (only a decimal comma
/// reads it) beside one such as `1,234` (a thousands comma or a decimal comma). Only asked when
/// the decimal separator was not given.
pub(super) fn check_ambiguous(table: &Table, col: usize) -> Result<(), DatasetError> {
    let reads = |cell: &str| {
        (
            parse_as(cell, DecimalMark::Point).ok(),
            parse_as(cell, DecimalMark::Comma).ok(),
        )
    };
    let comma_only = table.rows.iter().find_map(|r| {
        let cell = &r.cells[col];
        matches!(reads(cell), (None, Some(_))).then_some((cell, r.line))
    });
    let Some((decided, decided_line)) = comma_only else {
        return Ok(());
    };
    for r in &table.rows {
        let cell = &r.cells[col];
        if let (Some(p), Some(c)) = reads(cell)
            && p.value != c.value
        {
            let hint = Message::new()
                .text(format!(
                    "{cell:?} reads as {} with a decimal point, or as {} with a decimal comma (as {decided:?} on line {decided_line} needs); say which with ",
                    p.value, c.value,
                ))
                .set_text("decimal", '.')
                .text(" or ")
                .set_text("decimal", ',');
            return Err(DatasetError::Parse {
                path: table.path.clone(),
                line: r.line,
                column: r.columns[col],
                name: table.headers[col].clone(),
                value: cell.clone(),
                hint,
            });
        }
    }
    Ok(())
}

/// Reads the cell at (`row`, `col`) with decimal separator `mark`: the value and whether it was
/// written as a percentage, or an error pointing at the cell.
pub(super) fn parse_cell(
    table: &Table,
    row: usize,
    col: usize,
    mark: DecimalMark,
) -> Result<(Cell, bool), DatasetError> {
    let r = &table.rows[row];
    let raw = &r.cells[col];
    match parse_as(raw, mark) {
        Ok(n) => Ok((
            Cell {
                value: n.value,
                line: r.line,
                column: r.columns[col],
                raw: raw.clone(),
                approx: n.approx,
            },
            n.percent,
        )),
        Err(e) => Err(DatasetError::Parse {
            path: table.path.clone(),
            line: r.line,
            column: r.columns[col],
            name: table.headers[col].clone(),
            value: raw.clone(),
            hint: e.hint(),
        }),
    }
}

/// True if most cells of the column that hold anything read as numbers (cells that say "no
/// data" do not count either way).
pub(super) fn looks_numeric(table: &Table, col: usize, mark: DecimalMark) -> bool {
    let (mut ok, mut filled) = (0usize, 0usize);
    for row in &table.rows {
        let cell = &row.cells[col];
        if is_missing(cell) {
            continue;
        }
        filled += 1;
        // Numbers that cannot be drawn (NaN, infinity, past 10^15) or that need the other
        // decimal separator still make a column of numbers: the error then points at the cell
        // instead of "no column holds numbers".
        if matches!(
            parse_as(cell, mark),
            Ok(_)
                | Err(NumberError::NotFinite
                    | NumberError::TooLarge
                    | NumberError::DecimalComma
                    | NumberError::DecimalPoint)
        ) {
            ok += 1;
        }
    }
    ok > 0 && ok * 2 > filled
}

/// The error for a missing value under `--strict`.
pub(super) fn strict_error(path: &str, m: &Missing) -> DatasetError {
    DatasetError::Parse {
        path: path.to_string(),
        line: m.line,
        column: m.column,
        name: m.header.clone(),
        value: m.raw.clone(),
        hint: Message::new()
            .text("this cell means \"no data\", and ")
            .on("strict")
            .text(" refuses missing values: fill it in, or leave out ")
            .name("strict")
            .text(" to draw it as a gap"),
    }
}

/// One line per value column that has missing values:
/// `3 missing values in 'share' (rows 3, 4, 6), drawn as gaps`. Rows are the file's lines.
pub(super) fn warnings(path: &str, missing: &[Missing]) -> Vec<String> {
    let mut headers: Vec<&str> = Vec::new();
    for m in missing {
        if !headers.contains(&m.header.as_str()) {
            headers.push(&m.header);
        }
    }
    headers
        .iter()
        .map(|h| {
            let mut lines: Vec<u64> = missing
                .iter()
                .filter(|m| m.header == *h)
                .map(|m| m.line)
                .collect();
            lines.sort_unstable();
            lines.dedup();
            let n = lines.len();
            let shown: Vec<String> = lines.iter().take(10).map(u64::to_string).collect();
            let more = if n > 10 { ", ..." } else { "" };
            let (values, row) = if n == 1 {
                ("value", "row")
            } else {
                ("values", "rows")
            };
            format!(
                "{path}: {n} missing {values} in '{h}' ({row} {}{more}), drawn as gaps",
                shown.join(", ")
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Voice;
    use crate::table::parse;

    fn table(csv: &str) -> Table {
        parse("t.csv", csv.as_bytes(), None).expect("csv")
    }

    #[test]
    fn a_comma_is_the_decimal_separator_only_where_no_point_is() {
        let t = table("pays;part\nA;12,9\nB;1.234,5\nC;3\n");
        assert_eq!(decimal_mark(&t, None), DecimalMark::Comma);
        let t = table("pays;part\nA;12,9\nB;4.5\n");
        assert_eq!(decimal_mark(&t, None), DecimalMark::Point);
        // A comma-delimited file is never guessed to have decimal commas.
        let t = table("pays,part\nA,\"12,9\"\n");
        assert_eq!(decimal_mark(&t, None), DecimalMark::Point);
        assert_eq!(
            decimal_mark(&t, Some(DecimalMark::Comma)),
            DecimalMark::Comma
        );
    }

    #[test]
    fn a_column_read_two_ways_is_refused_with_both_readings() {
        let t = table("k,v\nA,\"1,234\"\nB,\"1,5\"\n");
        let e = check_ambiguous(&t, 1)
            .unwrap_err()
            .message()
            .render(Voice::Manifest);
        assert!(e.starts_with("t.csv:2:3: column 'v'"), "{e}");
        assert!(e.contains("1234 with a decimal point"), "{e}");
        assert!(e.contains("1.234 with a decimal comma"), "{e}");
        assert!(e.contains("`decimal = \",\"`"), "{e}");
        let t = table("k,v\nA,\"1,234\"\nB,7\n");
        assert!(check_ambiguous(&t, 1).is_ok());
    }

    #[test]
    fn warnings_name_the_column_and_rows() {
        let m = |line| Missing {
            series: 0,
            line,
            column: 3,
            header: "share".into(),
            raw: "NA".into(),
        };
        assert_eq!(
            warnings("t.csv", &[m(3), m(4), m(6)]),
            vec!["t.csv: 3 missing values in 'share' (rows 3, 4, 6), drawn as gaps"]
        );
        assert_eq!(
            warnings("t.csv", &[m(5)]),
            vec!["t.csv: 1 missing value in 'share' (row 5), drawn as gaps"]
        );
    }
}
