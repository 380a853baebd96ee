//! Approximate values. A value written `~25` (or `≈25`) is approximate by itself (read in
//! `table::number`); a column named `approx` (or `approximate`) says so for every value of
//! its row, for tables whose numbers must stay plain (a spreadsheet's, or figures an article
//! gives in words: "nearly a quarter", "about 30%"): `yes`, `y`, `true`, `1`, `x`, `~` or `≈`
//! mark the row approximate; `no`, `n`, `false`, `0` or an empty cell leave it exact. The
//! column is taken out of the table before its columns are chosen, so it is never a label, a
//! series or a value.

use std::borrow::Cow;

use super::{Dataset, DatasetError};
use crate::table::Table;

/// Headers of the column that marks rows approximate (any case).
const HEADERS: [&str; 2] = ["approx", "approximate"];
/// Cells that mark a row approximate (any case).
const YES: [&str; 7] = ["yes", "y", "true", "1", "x", "~", "≈"];
/// Cells that leave a row exact (any case; an empty cell too).
const NO: [&str; 4] = ["no", "n", "false", "0"];

/// The table without its `approx` column, and the lines of the rows it marks approximate
/// (the table itself, and none, when it has no such column).
pub(super) fn split(table: &Table) -> Result<(Cow<'_, Table>, Vec<u64>), DatasetError> {
    let Some(col) = table
        .headers
        .iter()
        .position(|h| HEADERS.iter().any(|a| h.trim().eq_ignore_ascii_case(a)))
    else {
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

/// Marks approximate every value that comes from one of `lines`.
pub(super) fn mark(ds: &mut Dataset, lines: &[u64]) {
    if lines.is_empty() {
        return;
    }
    for cell in ds
        .series
        .iter_mut()
        .flat_map(|s| s.cells.iter_mut().flatten())
    {
        if lines.contains(&cell.line) {
            cell.approx = true;
        }
    }
}
