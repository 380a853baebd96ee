//! What can be wrong with a CSV file as text: it cannot be read, is not UTF-8, is binary, empty,
//! has no rows, no header, a header narrower than its rows, a ragged row or a quoting error.
//! Each message names the file (with line and column where there is one) and ends with a hint;
//! the two that name an option (`no-header`, `skip`) do so by key in [`TableError::message`].

use crate::options::Message;

/// Errors in the bytes of a CSV file: reading, encoding, records.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
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
    /// A first row that holds numbers: the file has no header.
    #[error(
        "{path}:{line}:{column}: the first row holds {value:?}, a number, so it is data, not a header\n  hint: add a header row naming the columns (e.g. label,value), or read the file without one with --no-header"
    )]
    NoHeader {
        /// File.
        path: String,
        /// 1-based line of the first row.
        line: u64,
        /// 1-based column of the number.
        column: usize,
        /// The number as written.
        value: String,
    },
    /// A header narrower (or wider) than the rows under it, and a later line that looks like
    /// the header: lines above the header this reader did not recognise as a preamble.
    #[error(
        "{path}:1: the first line has {fields} fields but the rows below it have {width}; line {line} looks like the header\n  hint: skip the lines above the header with --skip {skip}"
    )]
    HeaderWidth {
        /// File.
        path: String,
        /// Fields in the first line.
        fields: usize,
        /// Fields most rows have.
        width: usize,
        /// The line that looks like the header.
        line: u64,
        /// Lines to skip to reach it.
        skip: u64,
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

impl TableError {
    /// The message, with options named by key for the front end to word.
    pub fn message(&self) -> Message {
        match self {
            TableError::NoHeader {
                path,
                line,
                column,
                value,
            } => Message::new()
                .text(format!(
                    "{path}:{line}:{column}: the first row holds {value:?}, a number, so it is data, not a header\n  hint: add a header row naming the columns (e.g. label,value), or read the file without one with "
                ))
                .on("no-header"),
            TableError::HeaderWidth {
                path,
                fields,
                width,
                line,
                skip,
            } => Message::new()
                .text(format!(
                    "{path}:1: the first line has {fields} fields but the rows below it have {width}; line {line} looks like the header\n  hint: skip the lines above the header with "
                ))
                .set("skip", skip),
            other => other.to_string().into(),
        }
    }
}
