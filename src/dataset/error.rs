//! What can be wrong with the columns and cells a chart is drawn from. Every message names the
//! file with line and column where there is one, the value, and a hint; options are named by
//! key ([`Message`]), for the front end to word.

use crate::options::Message;
use crate::table::TableError;

/// Errors in the columns chosen from a table or in its value cells.
#[derive(Debug)]
pub enum DatasetError {
    /// The CSV itself (read whole, or as a stream by `agg`).
    Table(TableError),
    /// A value column holding something that is not a number.
    Parse {
        /// File.
        path: String,
        /// 1-based line.
        line: u64,
        /// 1-based column in characters.
        column: usize,
        /// Header of the column.
        name: String,
        /// The cell as written.
        value: String,
        /// What to do.
        hint: Message,
    },
    /// A column named by `label`, `value`, `series` or asked for by `lang` that does not exist.
    MissingColumn {
        /// File.
        path: String,
        /// Requested name.
        name: String,
        /// The option that asked for it (`label`, `value`, `series`, `lang`).
        key: &'static str,
        /// The header, comma separated.
        available: String,
    },
    /// No numeric column to draw.
    NoNumeric {
        /// File.
        path: String,
        /// The header, comma separated.
        available: String,
    },
    /// No text column for the labels.
    NoLabel {
        /// File.
        path: String,
        /// The header, comma separated.
        available: String,
    },
    /// Two rows of one group (`agg`) with different text in the column the group is shown from.
    Disagree(Box<Disagreement>),
    /// Data the options cannot draw honestly (shares past 100% summed into "Other").
    Refused(Message),
    /// More categories than the chart can draw, seen while reading past the sample.
    TooMany(TooMany),
    /// A cell of the `approx` column that says neither yes nor no.
    Approx {
        /// File.
        path: String,
        /// 1-based line.
        line: u64,
        /// 1-based column in characters.
        column: usize,
        /// Header of the column.
        name: String,
        /// The cell as written.
        value: String,
    },
    /// `agg` with no value column named and more than one holding numbers.
    SeveralValues {
        /// File.
        path: String,
        /// The aggregation.
        agg: &'static str,
        /// The numeric columns, comma separated.
        columns: String,
        /// The first of them.
        first: String,
    },
}

/// More categories than a chart can draw, seen at `line` while reading: the reading stops
/// there, and the chart kind words the refusal (it knows its limits).
#[derive(Debug, Clone, PartialEq)]
pub struct TooMany {
    /// File.
    pub path: String,
    /// The line where the categories passed `most`.
    pub line: u64,
    /// The most categories the chart draws.
    pub most: usize,
    /// The labels so far were years or dates.
    pub ordered: bool,
}

/// Two rows of one group with different text in the column the group is shown from.
#[derive(Debug)]
pub struct Disagreement {
    /// File.
    pub path: String,
    /// 1-based line of the row that disagrees.
    pub line: u64,
    /// 1-based column of its cell.
    pub column: usize,
    /// The group's key (label or series cell).
    pub key: String,
    /// The column the group is shown from.
    pub shown: String,
    /// The text of the group's first row.
    pub first: String,
    /// The line of the group's first row.
    pub first_line: u64,
    /// The text of this row.
    pub here: String,
}

impl From<TableError> for DatasetError {
    fn from(e: TableError) -> DatasetError {
        DatasetError::Table(e)
    }
}

impl DatasetError {
    /// The message, with options named by key.
    pub fn message(&self) -> Message {
        match self {
            DatasetError::Table(e) => e.message(),
            DatasetError::Refused(m) => m.clone(),
            DatasetError::TooMany(t) => Message::new()
                .text(format!(
                    "{}:{}: more than {} categories are too many for a readable chart\n  hint: keep the largest with ",
                    t.path, t.line, t.most
                ))
                .name("top"),
            DatasetError::Parse {
                path,
                line,
                column,
                name,
                value,
                hint,
            } => Message::new()
                .text(format!(
                    "{path}:{line}:{column}: column '{name}': cannot read {value:?} as a number\n  hint: "
                ))
                .then(hint.clone()),
            DatasetError::MissingColumn {
                path,
                name,
                key,
                available,
            } => Message::new()
                .text(format!("{path}:1: no column named '{name}' (asked for by "))
                .name(key)
                .text(format!(")\n  hint: the columns are: {available}")),
            DatasetError::NoNumeric { path, available } => Message::new()
                .text(format!(
                    "{path}:1: no column holds numbers, so there is nothing to draw\n  hint: add a column of values, or name one with "
                ))
                .name("value")
                .text(format!("; the columns are: {available}")),
            DatasetError::NoLabel { path, available } => Message::new()
                .text(format!(
                    "{path}:1: no column holds text labels\n  hint: add a first column with a name for each row, or name one with "
                ))
                .name("label")
                .text(format!("; the columns are: {available}")),
            DatasetError::Disagree(d) => {
                let Disagreement {
                    path,
                    line,
                    column,
                    key,
                    shown,
                    first,
                    first_line,
                    here,
                } = &**d;
                format!(
                "{path}:{line}:{column}: the rows of '{key}' disagree on its label in column '{shown}': {first:?} (line {first_line}) and {here:?} (here)\n  hint: give every row of '{key}' the same text in '{shown}'"
                )
                .into()
            }
            DatasetError::Approx {
                path,
                line,
                column,
                name,
                value,
            } => format!(
                "{path}:{line}:{column}: column '{name}': {value:?} says neither that the row's value is approximate nor that it is exact\n  hint: write yes (approximate: drawn as ~25%) or no (exact), or leave the cell empty for exact"
            )
            .into(),
            DatasetError::SeveralValues {
                path,
                agg,
                columns,
                first,
            } => Message::new()
                .text(format!("{path}:1: "))
                .set("agg", agg)
                .text(format!(
                    " adds up one value column, but several hold numbers: {columns}\n  hint: choose one with "
                ))
                .name("value")
                .text(", e.g. ")
                .set("value", first),
        }
    }
}
