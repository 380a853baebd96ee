//! Which column is which: the label column (and its versions in other languages), the series column of long
//! data, the value columns, and whether the values are percentages, read from the headers and
//! the cells.

use super::DatasetError;
use super::cells::parse_cell;
use super::labels;
use crate::options::{DecimalMark, Lang};
use crate::table::Table;
use crate::table::number;

/// Words in a header that mark a column of percentages.
const PERCENT_WORDS: [&str; 6] = ["share", "percent", "pct", "%", "٪", "نسبة"];
/// Headers that name a column of values.
const VALUE_WORDS: [&str; 6] = ["value", "values", "count", "amount", "total", "number"];
/// Text columns that are never labels nor series keys.
const NOTE_WORDS: [&str; 5] = ["note", "notes", "comment", "comments", "source"];

/// A column of notes (`note`, `source_ar`, ...).
fn is_note(name: &str) -> bool {
    let base = split_lang(name)
        .map_or(name, |(b, _)| b)
        .to_ascii_lowercase();
    NOTE_WORDS.contains(&base.as_str())
}

/// Separators between a column name and its language code: `label_fa`, `label-fa`,
/// `label (fa)`, `label fa`.
const LANG_SEPARATORS: [(&str, &str); 4] = [("_", ""), ("-", ""), (" (", ")"), (" ", "")];

/// A header split into its base name and a language code: `label_fa` -> (`label`, `fa`). The
/// code is a plausible language subtag (two or three letters).
fn split_lang(name: &str) -> Option<(&str, &str)> {
    LANG_SEPARATORS.iter().find_map(|(sep, end)| {
        let rest = name.strip_suffix(end)?;
        let (base, code) = rest.rsplit_once(sep)?;
        let plausible = (2..=3).contains(&code.len())
            && code.chars().all(|c| c.is_ascii_alphabetic())
            && !base.trim().is_empty();
        plausible.then_some((base, code))
    })
}

/// True for a column that is another column in another language: `label_ar` (always, as
/// before), or `label_fr` when the table also has `label`.
fn is_language_variant(table: &Table, col: usize) -> bool {
    split_lang(&table.headers[col])
        .is_some_and(|(base, code)| code.eq_ignore_ascii_case("ar") || table.column(base).is_some())
}

/// The language versions of a column: (column, code) for each `NAME_CODE` header.
fn language_columns(table: &Table, col: usize) -> Vec<(usize, String)> {
    let name = table.headers[col].trim();
    (0..table.headers.len())
        .filter_map(|c| {
            let (base, code) = split_lang(&table.headers[c])?;
            base.trim()
                .eq_ignore_ascii_case(name)
                .then(|| (c, code.to_ascii_lowercase()))
        })
        .collect()
}

/// The column named `name` (asked for by the option `key`), or an error that lists the columns.
pub(super) fn find(table: &Table, name: &str, key: &'static str) -> Result<usize, DatasetError> {
    table
        .column(name)
        .ok_or_else(|| DatasetError::MissingColumn {
            path: table.path.clone(),
            name: name.to_string(),
            key,
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
) -> Result<(usize, Option<usize>), DatasetError> {
    let series = series.map(|s| find(table, s, "series")).transpose()?;
    if let Some(name) = label {
        let label = find(table, name, "label")?;
        return Ok((
            label,
            series.or_else(|| detect_series(table, label, numeric)),
        ));
    }
    if series.is_none()
        && let Some(found) = ordered_long(table, numeric)
    {
        return Ok(found);
    }
    let free = |c: usize| Some(c) != series;
    let plain = |c: usize| !is_language_variant(table, c) && !is_note(&table.headers[c]);
    let n = table.headers.len();
    let times =
        |c: usize| free(c) && labels::is_ordered_column(table, c) && labels::is_distinct(table, c);
    let text = (0..n)
        .find(|&c| free(c) && !numeric[c] && plain(c))
        .or_else(|| (0..n).find(|&c| free(c) && !numeric[c]));
    // A text column with one value in every row (`country` in a table of one country) tells
    // no row apart: a column of distinct years or dates labels the rows instead.
    let text = match text {
        Some(c) if labels::is_constant(table, c) => (0..n).find(|&o| times(o)).or(Some(c)),
        other => other,
    };
    let label = text
        .or_else(|| (0..n).find(|&c| times(c) || (free(c) && labels::is_code_column(table, c))))
        .ok_or_else(|| DatasetError::NoLabel {
            path: table.path.clone(),
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
                        && !is_language_variant(table, s)
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

/// The column a text column is shown from in `lang`: its version in that language
/// (`label_fa`), else the column itself if it has no language versions at all (a file in one
/// language) or the language is English. A column with versions in other languages but not
/// this one is an error that lists them.
pub(super) fn shown_column(
    table: &Table,
    col: usize,
    lang: Option<&Lang>,
) -> Result<usize, DatasetError> {
    let Some(lang) = lang else { return Ok(col) };
    let versions = language_columns(table, col);
    let code = lang.code();
    let found = versions
        .iter()
        .find(|(_, c)| c == code)
        .or_else(|| versions.iter().find(|(_, c)| c == lang.primary()));
    match found {
        Some((c, _)) => Ok(*c),
        None if versions.is_empty() || lang.primary() == "en" => Ok(col),
        None => Err(DatasetError::MissingColumn {
            path: table.path.clone(),
            name: format!("{}_{code}", table.headers[col].trim()),
            key: "lang",
            available: versions
                .iter()
                .map(|(c, _)| table.headers[*c].as_str())
                .collect::<Vec<_>>()
                .join(", ")
                + " (the language versions of this column)",
        }),
    }
}

/// The value columns: named, or every numeric column that is not the label or series column.
pub(super) fn value_columns(
    table: &Table,
    names: &[String],
    label_col: usize,
    series_col: Option<usize>,
    numeric: &[bool],
) -> Result<Vec<usize>, DatasetError> {
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
            .map(|v| find(table, v, "value"))
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
                parse_cell(table, r, c, DecimalMark::Point)?;
            }
        }
        return Err(DatasetError::NoNumeric {
            path: table.path.clone(),
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
            || is_language_variant(table, c)
            || is_note(&table.headers[c])
        {
            return false;
        }
        pairs_unique(table, label_col, c)
    })
}
