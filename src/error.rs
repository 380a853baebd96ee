//! Typed errors for everything a user can get wrong. Each message names the file (with line and
//! column where there is one), the offending value, and ends with a hint on how to fix it.

use std::path::PathBuf;

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
        hint: &'static str,
    },
    /// A column named with --label, --value or --series that does not exist.
    #[error(
        "{path}:1: no column named '{name}' (asked for by {flag})\n  hint: the columns are: {available}"
    )]
    MissingColumn {
        /// File.
        path: String,
        /// Requested name.
        name: String,
        /// The flag or key that asked for it.
        flag: &'static str,
        /// The header, comma separated.
        available: String,
    },
    /// No numeric column to draw.
    #[error(
        "{path}:1: no column holds numbers, so there is nothing to draw\n  hint: add a column of values, or name one with --value; the columns are: {available}"
    )]
    NoNumeric {
        /// File.
        path: String,
        /// The header, comma separated.
        available: String,
    },
    /// No text column for the labels.
    #[error(
        "{path}:1: no column holds text labels\n  hint: add a first column with a name for each row, or name one with --label; the columns are: {available}"
    )]
    NoLabel {
        /// File.
        path: String,
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
        "{path}: the shares add up to {total}%, more than 100%: a pie shows parts of one whole, and these are not\n  hint: use `sharechart bar` to compare them, or `sharechart pie --each-row` for one share-vs-rest pie per row"
    )]
    PieOverWhole {
        /// File.
        path: String,
        /// The sum, formatted.
        total: String,
    },
    /// A negative value in a pie.
    #[error(
        "{path}:{line}:{column}: column '{name}': a pie cannot show the negative value {value}\n  hint: a pie shows parts of a whole; use `sharechart bar` for values below zero"
    )]
    PieNegative {
        /// File.
        path: String,
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
        "{path}: the values add up to zero, so a pie has nothing to divide\n  hint: check the value column, or use `sharechart bar`"
    )]
    PieZeroTotal {
        /// File.
        path: String,
    },
    /// A pie asked to show several series at once.
    #[error(
        "{path}: a pie shows one column of values, but {count} were given ({names})\n  hint: choose one with --value, or use `sharechart bar` for grouped bars"
    )]
    PieManySeries {
        /// File.
        path: String,
        /// How many.
        count: usize,
        /// Their names.
        names: String,
    },
    /// A negative value in a percentage bar chart is fine; a non-percent negative is fine too.
    /// This variant is for image sizes out of range.
    #[error(
        "image size {width}x{height} is out of range\n  hint: width and height must each be between {min} and {max} pixels"
    )]
    Size {
        /// Width asked for.
        width: u32,
        /// Height asked for.
        height: u32,
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// A PNG too large to draw.
    #[error(
        "a PNG of {width}x{height} pixels is too large to draw (at most 64 million pixels)\n  hint: lower --scale, --width or --height"
    )]
    Pixels {
        /// Pixels across.
        width: u64,
        /// Pixels down.
        height: u64,
    },
    /// PNG scale out of range.
    #[error(
        "--scale {scale} is out of range\n  hint: use a scale from 0.25 to 8 (2 for high-density screens)"
    )]
    Scale {
        /// The scale asked for.
        scale: f32,
    },
    /// A delimiter that cannot separate CSV fields.
    #[error(
        "--delimiter {delimiter:?} cannot separate CSV fields\n  hint: use one ASCII character such as ',' ';' or a tab (not a quote or a line break)"
    )]
    Delimiter {
        /// The delimiter asked for.
        delimiter: char,
    },
    /// `--top 0`.
    #[error(
        "--top 0 would keep no category\n  hint: give the number of categories to keep, e.g. --top 8"
    )]
    TopZero,
    /// More categories than the chart can show readably.
    #[error(
        "{path}: {count} {what} are too many for a readable {chart} (at most {max})\n  hint: --top {keep} keeps the {keep} largest and folds the rest into \"Other\"{alt}"
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
        /// A suggested --top.
        keep: usize,
        /// Another suggestion.
        alt: &'static str,
    },
    /// Folding percentages that are not parts of one whole.
    #[error(
        "{path}: the shares add up to {total}%, so they are not parts of one whole and cannot be added up into \"Other\"\n  hint: remove rows from the CSV, or draw them with `sharechart bar --horizontal` (up to 40 categories)"
    )]
    FoldShares {
        /// File.
        path: String,
        /// The sum.
        total: String,
    },
    /// Unknown output extension.
    #[error(
        "{path}: unsupported output format '{ext}'\n  hint: the supported extensions are .svg and .png"
    )]
    Format {
        /// Output path.
        path: PathBuf,
        /// The extension found (or "none").
        ext: String,
    },
}
