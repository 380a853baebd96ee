//! Typed errors for everything a user can get wrong. Each message names the file (with line and
//! column where there is one), the offending value, and ends with a hint on how to fix it.

use std::path::PathBuf;

use crate::limits::Alt;
use crate::spec::Voice;

/// Errors in a CSV file or in the columns chosen from it.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be read.
    #[error(
        "{path}: cannot read the file: {error}\n  hint: check the path and that the file is readable"
    )]
    Io {
        /// File shown to the user.
        path: String,
        /// The underlying error (not a `source`: the message already shows it once).
        error: std::io::Error,
    },
    /// Bytes that are not UTF-8.
    #[error(
        "{path}:{line}:{column}: the file is not valid UTF-8 (byte offset {offset})\n  hint: save the file as UTF-8 (in a spreadsheet: CSV UTF-8)"
    )]
    Utf8 {
        /// File.
        path: String,
        /// 1-based line of the bad byte.
        line: usize,
        /// 1-based column (in characters) of the bad byte.
        column: usize,
        /// 0-based byte offset of the bad byte.
        offset: usize,
    },
    /// A NUL byte: not a text file.
    #[error(
        "{path}: this looks like a binary file, not CSV text (NUL byte at byte offset {offset})\n  hint: give a CSV file saved as text"
    )]
    Binary {
        /// File.
        path: String,
        /// 0-based byte offset of the NUL byte.
        offset: usize,
    },
    /// Nothing but white space.
    #[error(
        "{path}: the file is empty\n  hint: a CSV needs a header row and at least one data row, e.g.\n    label,share\n    Oil,43"
    )]
    Empty {
        /// File.
        path: String,
    },
    /// A header and no rows.
    #[error(
        "{path}:1: the file has a header but no data rows\n  hint: add one row per bar or slice below the header"
    )]
    NoRows {
        /// File.
        path: String,
    },
    /// A row with a different number of fields from the header.
    #[error(
        "{path}:{line}:{column}: this row has {found} fields but the header has {expected}\n  hint: every row needs one value per header column; quote a value that contains the delimiter '{delimiter}'"
    )]
    Ragged {
        /// File.
        path: String,
        /// 1-based line.
        line: u64,
        /// 1-based column where the row ends or the extra field starts.
        column: usize,
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
        /// The delimiter in use.
        delimiter: char,
    },
    /// A value column holding something that is not a number.
    #[error(
        "{path}:{line}:{column}: column '{name}': cannot read {value:?} as a number\n  hint: {hint}"
    )]
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
        hint: String,
    },
    /// A column named with --label, --value or --series that does not exist.
    #[error(
        "{path}:1: no column named '{name}' (asked for by {})\n  hint: the columns are: {available}", .voice.name(.key)
    )]
    MissingColumn {
        /// File.
        path: String,
        /// Requested name.
        name: String,
        /// The option that asked for it (`label`, `value`, `series`).
        key: &'static str,
        /// How the user gives options.
        voice: Voice,
        /// The header, comma separated.
        available: String,
    },
    /// No numeric column to draw.
    #[error(
        "{path}:1: no column holds numbers, so there is nothing to draw\n  hint: add a column of values, or name one with {}; the columns are: {available}", .voice.name("value")
    )]
    NoNumeric {
        /// File.
        path: String,
        /// How the user gives options.
        voice: Voice,
        /// The header, comma separated.
        available: String,
    },
    /// No text column for the labels.
    #[error(
        "{path}:1: no column holds text labels\n  hint: add a first column with a name for each row, or name one with {}; the columns are: {available}", .voice.name("label")
    )]
    NoLabel {
        /// File.
        path: String,
        /// How the user gives options.
        voice: Voice,
        /// The header, comma separated.
        available: String,
    },
    /// A CSV syntax error from the csv crate.
    #[error("{path}:{line}: {message}\n  hint: check the quoting on this line")]
    Csv {
        /// File.
        path: String,
        /// 1-based line.
        line: u64,
        /// The reader's message.
        message: String,
    },
}

/// Errors in what a chart is asked to draw (data that is valid CSV but cannot be drawn honestly).
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// A pie over percentages that add up to more than 100.
    #[error(
        "{path}: the shares add up to {total}%, more than 100%: a pie shows parts of one whole, and these are not\n  hint: use {} to compare them, or {} for one share-vs-rest pie per row",
        .voice.kind("bar", &[]), .voice.kind("pie", &["each-row"])
    )]
    PieOverWhole {
        /// File.
        path: String,
        /// How the user gives options.
        voice: Voice,
        /// The sum, formatted.
        total: String,
    },
    /// A negative value in a pie.
    #[error(
        "{path}:{line}:{column}: column '{name}': a pie cannot show the negative value {value}\n  hint: a pie shows parts of a whole; use {} for values below zero", .voice.kind("bar", &[])
    )]
    PieNegative {
        /// File.
        path: String,
        /// How the user gives options.
        voice: Voice,
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: usize,
        /// Column header.
        name: String,
        /// Value as written.
        value: String,
    },
    /// All pie values are zero.
    #[error(
        "{path}: the values add up to zero, so a pie has nothing to divide\n  hint: check the value column, or use {}", .voice.kind("bar", &[])
    )]
    PieZeroTotal {
        /// File.
        path: String,
        /// How the user gives options.
        voice: Voice,
    },
    /// A pie asked to show several series at once.
    #[error(
        "{path}: a pie shows one column of values, but {count} were given ({names})\n  hint: choose one with {}, or use {} for grouped bars",
        .voice.name("value"), .voice.kind("bar", &[])
    )]
    PieManySeries {
        /// File.
        path: String,
        /// How the user gives options.
        voice: Voice,
        /// How many.
        count: usize,
        /// Their names.
        names: String,
    },
    /// More categories than the chart can show readably.
    #[error(
        "{path}: {count} {what} are too many for a readable {chart} (at most {max})\n  hint: {} keeps the {} largest and folds the rest into \"Other\"{}",
        .voice.set("top", .max - 1), .max - 1, alt_hint(*.alt, *.voice)
    )]
    TooMany {
        /// File.
        path: String,
        /// How many there are.
        count: usize,
        /// "categories" or "slices".
        what: &'static str,
        /// The chart kind in words.
        chart: &'static str,
        /// The limit.
        max: usize,
        /// What else to try.
        alt: Alt,
        /// How the user gives options.
        voice: Voice,
    },
    /// Folding percentages that are not parts of one whole.
    #[error(
        "{path}: the shares add up to {total}%, so they are not parts of one whole and cannot be added up into \"Other\"\n  hint: remove rows from the CSV, or draw them with {} (up to {} categories)",
        .voice.kind("bar", &["horizontal"]), crate::limits::HORIZONTAL_BARS.max
    )]
    FoldShares {
        /// File.
        path: String,
        /// The sum.
        total: String,
        /// How the user gives options.
        voice: Voice,
    },
    /// An output path that names a folder.
    #[error(
        "{}: the output path is a folder\n  hint: give a file name such as {}",
        .path.display(),
        .path.join("chart.svg").display()
    )]
    Folder {
        /// The path.
        path: PathBuf,
    },
    /// Unknown output extension.
    #[error(
        "{path}: unsupported output format '{ext}'\n  hint: the supported extensions are .svg, .png and .pdf"
    )]
    Format {
        /// Output path.
        path: PathBuf,
        /// The extension found (or "none").
        ext: String,
    },
}

/// The second suggestion for too many categories.
fn alt_hint(alt: Alt, voice: Voice) -> String {
    match alt {
        Alt::Nothing => String::new(),
        Alt::BarChart => format!("; or use {}", voice.kind("bar", &["horizontal"])),
        Alt::Horizontal => format!(
            "; or use {} (up to {})",
            voice.on("horizontal"),
            crate::limits::HORIZONTAL_BARS.max
        ),
    }
}
