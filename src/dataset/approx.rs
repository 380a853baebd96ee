//! Approximate values. A value written `~25` (or `≈25`) is approximate by itself (read in
//! `table::number`); a column named `approx` (or `approximate`) says so for every value of
//! its row, for tables whose numbers must stay plain (a spreadsheet's, or figures an article
//! gives in words: "nearly a quarter", "about 30%"): `yes`, `y`, `true`, `1`, `x`, `~` or `≈`
//! mark the row approximate; `no`, `n`, `false`, `0` or an empty cell leave it exact. The
//! column is taken out of the table before its columns are chosen, so it is never a label, a
//! series or a value.

use std::borrow::Cow;

use super::DatasetError;
use crate::table::Table;

/// Headers of the column that marks rows approximate (any case).
const HEADERS: [&str; 2] = ["approx", "approximate"];
/// Cells that mark a row approximate (any case).
const YES: [&str; 7] = ["yes", "y", "true", "1", "x", "~", "≈"];
/// Cells that leave a row exact (any case; an empty cell too).
const NO: [&str; 4] = ["no", "n", "false", "0"];

/// The `approx` column of a header, if it has one.
pub(super) fn column(headers: &[String]) -> Option<usize> {
    headers
        .iter()
        .position(|h| HEADERS.iter().any(|a| h.trim().eq_ignore_ascii_case(a)))
}

/// Whether a row's `approx` cell (in `column` of the plan's file) marks it approximate, or
/// the error for a cell that says neither yes nor no.
pub(super) fn marks(
    row: &impl super::sink::Record,
    column: usize,
    plan: &super::plan::Plan,
) -> Result<bool, DatasetError> {
    let cell = row.cell(column).trim().to_lowercase();
    if YES.contains(&cell.as_str()) {
        Ok(true)
    } else if cell.is_empty() || NO.contains(&cell.as_str()) {
        Ok(false)
    } else {
        Err(DatasetError::Approx {
            path: plan.path.clone(),
            line: row.line(),
            column: row.column(column),
            name: plan.headers[column].clone(),
            value: row.cell(column).to_string(),
        })
    }
}

/// The table without its `approx` column, and the lines of the rows it marks approximate
/// (the table itself, and none, when it has no such column).
pub(super) fn split(table: &Table) -> Result<(Cow<'_, Table>, Vec<u64>), DatasetError> {
    let Some(col) = column(&table.headers) else {
        return Ok((Cow::Borrowed(table), Vec::new()));
    };
    let mut lines = Vec::new();
    for row in &table.rows {
        let cell = row.cells[col].trim().to_lowercase();
        if YES.contains(&cell.as_str()) {
            lines.push(row.line);
        } else if !(cell.is_empty() || NO.contains(&cell.as_str())) {
            return Err(DatasetError::Approx {
                path: table.path.clone(),
                line: row.line,
                column: row.columns[col],
                name: table.headers[col].clone(),
                value: row.cells[col].clone(),
            });
        }
    }
    let mut rest = table.clone();
    rest.headers.remove(col);
    for row in &mut rest.rows {
        row.cells.remove(col);
        row.columns.remove(col);
    }
    Ok((Cow::Owned(rest), lines))
}
