//! Which column is which: the label column (and its Arabic twin), the series column of long
//! data, the value columns, and whether the values are percentages, read from the headers and
//! the cells.

use super::cells::parse_cell;
use super::labels;
use crate::data::Table;
use crate::error::DataError;
use crate::number;
use crate::spec::options::DecimalMark;
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

/// The label column and, for long data, the series column: as named, else found. Long data
/// whose labels are years or dates is found whatever the column order (`source,date,value`);
/// else the labels are the first text column that is not an Arabic twin or a note (else any
/// text column; else a first column of distinct years, dates or codes).
pub(super) fn label_and_series(
    table: &Table,
    label: Option<&str>,
    series: Option<&str>,
    numeric: &[bool],
    voice: Voice,
) -> Result<(usize, Option<usize>), DataError> {
    let series = series
        .map(|s| find(table, s, "series", voice))
        .transpose()?;
    if let Some(name) = label {
        let label = find(table, name, "label", voice)?;
        return Ok((
            label,
            series.or_else(|| detect_series(table, label, numeric)),
        ));
    }
    if series.is_none() {
        if let Some(found) = ordered_long(table, numeric) {
            return Ok(found);
        }
    }
    let free = |c: usize| Some(c) != series;
    let plain = |c: usize| !is_arabic_variant(&table.headers[c]) && !is_note(&table.headers[c]);
    let n = table.headers.len();
    let label = (0..n)
        .find(|&c| free(c) && !numeric[c] && plain(c))
        .or_else(|| (0..n).find(|&c| free(c) && !numeric[c]))
        .or_else(|| {
            (0..n).find(|&c| {
                free(c)
                    && ((labels::is_ordered_column(table, c) && labels::is_distinct(table, c))
                        || labels::is_code_column(table, c))
            })
        })
        .ok_or_else(|| DataError::NoLabel {
            path: table.path.clone(),
            voice,
            available: table.header_list(),
        })?;
    Ok((
        label,
        series.or_else(|| detect_series(table, label, numeric)),
    ))
}

/// Long data over time: a column of years or dates that repeat, and a text column that tells
/// the repeats apart (`date,source,net_generation`, in any order).
fn ordered_long(table: &Table, numeric: &[bool]) -> Option<(usize, Option<usize>)> {
    let n = table.headers.len();
    (0..n)
        .filter(|&o| labels::is_ordered_column(table, o) && !labels::is_distinct(table, o))
        .find_map(|o| {
            (0..n)
                .find(|&s| {
                    // A few values that repeat, even under a header such as `source`
                    // (of energy, not of the data).
                    s != o
                        && !numeric[s]
                        && !is_arabic_variant(&table.headers[s])
                        && !labels::is_ordered_column(table, s)
                        && distinct(table, s) * 2 <= table.rows.len()
                        && pairs_unique(table, o, s)
                })
                .map(|s| (o, Some(s)))
        })
}

/// The number of different cells in column `c`.
fn distinct(table: &Table, c: usize) -> usize {
    let mut cells: Vec<&str> = table.rows.iter().map(|r| r.cells[c].as_str()).collect();
    cells.sort_unstable();
    cells.dedup();
    cells.len()
}

/// True when no two rows have the same cells in columns `a` and `b`.
fn pairs_unique(table: &Table, a: usize, b: usize) -> bool {
    let mut pairs: Vec<(&str, &str)> = table
        .rows
        .iter()
        .map(|r| (r.cells[a].as_str(), r.cells[b].as_str()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs.len() == table.rows.len()
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
        let mut cols: Vec<usize> = (0..table.headers.len())
            .filter(|&c| numeric[c] && c != label_col && Some(c) != series_col)
            .collect();
        // A column of years under a header such as `year` dates the rows: it is not a value
        // (unless it is the only number there is).
        let time = |c: &usize| {
            labels::names_a_time(&table.headers[*c]) && labels::is_ordered_column(table, *c)
        };
        if cols.iter().any(|c| !time(c)) {
            cols.retain(|c| !time(c));
        }
        cols
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
            for r in (0..table.rows.len()).filter(|&r| !number::is_missing(&table.rows[r].cells[c]))
            {
                parse_cell(table, r, c, DecimalMark::Point, voice)?;
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
fn detect_series(table: &Table, label_col: usize, numeric: &[bool]) -> Option<usize> {
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
        pairs_unique(table, label_col, c)
    })
}
