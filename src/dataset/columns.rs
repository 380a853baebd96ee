//! Which column is which: the label column (and its versions in other languages), the series column of long
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
        .find(|&c| !numeric[c] && !is_language_variant(table, c) && !is_note(&table.headers[c]))
        .or_else(|| (0..table.headers.len()).find(|&c| !numeric[c]))
        .ok_or_else(|| DataError::NoLabel {
            path: table.path.clone(),
            voice,
            available: table.header_list(),
        })
}

/// The column a text column is shown from in `lang`: its version in that language
/// (`label_fa`), else the column itself if it has no language versions at all (a file in one
/// language) or the language is English. A column with versions in other languages but not
/// this one is an error that lists them.
pub(super) fn shown_column(
    table: &Table,
    col: usize,
    lang: Option<&Lang>,
    voice: Voice,
) -> Result<usize, DataError> {
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
        None => Err(DataError::MissingColumn {
            path: table.path.clone(),
            name: format!("{}_{code}", table.headers[col].trim()),
            key: "lang",
            voice,
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
            || is_language_variant(table, c)
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
