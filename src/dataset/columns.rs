//! Which column is which: the label column (and its Arabic twin), the series column of long
//! data, the value columns, and whether the values are percentages, read from the headers and
//! the cells.

use super::parse_cell;
use crate::data::Table;
use crate::error::DataError;
use crate::number::{self, NumberError};
use crate::spec::{Lang, Voice};

/// Words in a header that mark a column of percentages.
const PERCENT_WORDS: [&str; 6] = ["share", "percent", "pct", "%", "٪", "نسبة"];
/// Headers that name a column of values.
const VALUE_WORDS: [&str; 6] = ["value", "values", "count", "amount", "total", "number"];
/// Text columns that are never labels nor series keys.
const NOTE_WORDS: [&str; 5] = ["note", "notes", "comment", "comments", "source"];

/// A column of notes (`note`, `source_ar`, ...).
fn is_note(name: &str) -> bool {
    let base = base_name(name).to_ascii_lowercase();
    NOTE_WORDS.contains(&base.as_str())
}

/// The header without an Arabic suffix: `label_ar` -> `label`.
fn base_name(name: &str) -> &str {
    ["_ar", "-ar", " (ar)", " ar"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(name)
}

fn is_arabic_variant(name: &str) -> bool {
    base_name(name) != name
}

/// The Arabic twin of a column, if the table has one.
fn arabic_twin(table: &Table, col: usize) -> Option<usize> {
    let name = &table.headers[col];
    ["_ar", "-ar", " (ar)", " ar"]
        .iter()
        .find_map(|s| table.column(&format!("{name}{s}")))
}

/// True if most non-empty cells of the column read as numbers.
pub(super) fn looks_numeric(table: &Table, col: usize) -> bool {
    let (mut ok, mut filled) = (0usize, 0usize);
    for row in &table.rows {
        let cell = &row.cells[col];
        if cell.is_empty() {
            continue;
        }
        filled += 1;
        // Numbers that cannot be drawn (NaN, infinity, past 10^15) still make a column of
        // numbers: the error then points at the cell instead of "no column holds numbers".
        if matches!(
            number::parse(cell),
            Ok(_) | Err(NumberError::NotFinite | NumberError::TooLarge)
        ) {
            ok += 1;
        }
    }
    ok > 0 && ok * 2 > filled
}

/// The column named `name` (asked for by the option `key`), or an error that lists the columns.
pub(super) fn find(
    table: &Table,
    name: &str,
    key: &'static str,
    voice: Voice,
) -> Result<usize, DataError> {
    table.column(name).ok_or_else(|| DataError::MissingColumn {
        path: table.path.clone(),
        name: name.to_string(),
        key,
        voice,
        available: table.header_list(),
    })
}

/// The label column: named, or the first text column that is not an Arabic twin or a note
/// (else the first text column at all).
pub(super) fn label_column(
    table: &Table,
    name: Option<&str>,
    numeric: &[bool],
    voice: Voice,
) -> Result<usize, DataError> {
    if let Some(name) = name {
        return find(table, name, "label", voice);
    }
    (0..table.headers.len())
        .find(|&c| {
            !numeric[c] && !is_arabic_variant(&table.headers[c]) && !is_note(&table.headers[c])
        })
        .or_else(|| (0..table.headers.len()).find(|&c| !numeric[c]))
        .ok_or_else(|| DataError::NoLabel {
            path: table.path.clone(),
            voice,
            available: table.header_list(),
        })
}

/// The column a text column is shown from in `lang`: its Arabic twin, if any, in Arabic.
pub(super) fn shown_column(table: &Table, col: usize, lang: Lang) -> usize {
    match lang {
        Lang::Ar => arabic_twin(table, col).unwrap_or(col),
        Lang::En => col,
    }
}

/// The value columns: named, or every numeric column that is not the label or series column.
pub(super) fn value_columns(
    table: &Table,
    names: &[String],
    label_col: usize,
    series_col: Option<usize>,
    numeric: &[bool],
    voice: Voice,
) -> Result<Vec<usize>, DataError> {
    let value_cols: Vec<usize> = if names.is_empty() {
        (0..table.headers.len())
            .filter(|&c| numeric[c] && c != label_col && Some(c) != series_col)
            .collect()
    } else {
        names
            .iter()
            .map(|v| find(table, v, "value", voice))
            .collect::<Result<_, _>>()?
    };
    if value_cols.is_empty() {
        // A column whose header says it holds values, but none of whose cells reads as a
        // number (a typo in a one-row file): point at the bad cell, not at the whole file.
        let named = (0..table.headers.len()).find(|&c| {
            let h = table.headers[c].to_lowercase();
            c != label_col
                && (PERCENT_WORDS.iter().any(|w| h.contains(w))
                    || VALUE_WORDS.iter().any(|w| h == *w))
        });
        if let Some(c) = named {
            for r in 0..table.rows.len() {
                parse_cell(table, r, c, voice)?;
            }
        }
        return Err(DataError::NoNumeric {
            path: table.path.clone(),
            voice,
            available: table.header_list(),
        });
    }
    Ok(value_cols)
}

/// True when the header of a value column names percentages.
pub(super) fn percent_header(table: &Table, value_cols: &[usize]) -> bool {
    value_cols.iter().any(|&c| {
        let h = table.headers[c].to_lowercase();
        PERCENT_WORDS.iter().any(|w| h.contains(w))
    })
}

/// Long data: labels repeat, and another text column tells each repeat apart.
pub(super) fn detect_series(table: &Table, label_col: usize, numeric: &[bool]) -> Option<usize> {
    let labels: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.cells[label_col].as_str())
        .collect();
    let mut sorted = labels.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() == labels.len() {
        return None;
    }
    (0..table.headers.len()).find(|&c| {
        if c == label_col
            || numeric[c]
            || is_arabic_variant(&table.headers[c])
            || is_note(&table.headers[c])
        {
            return false;
        }
        let mut pairs: Vec<(&str, &str)> = table
            .rows
            .iter()
            .map(|r| (r.cells[label_col].as_str(), r.cells[c].as_str()))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs.len() == table.rows.len()
    })
}
