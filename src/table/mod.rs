//! The table layer: CSV bytes -> [`Table`] of trimmed text cells, with the line and column of
//! every cell, and the numbers in those cells ([`number`]).
//!
//! This layer knows nothing of charts. It checks the encoding, sniffs the delimiter, refuses
//! ragged rows and keeps positions so that later errors can point at `file:line:column`.
//! [`stream`] reads the same CSV record by record.

mod error;
pub mod number;
pub mod stream;

use std::path::Path;

pub use error::TableError;

/// One data row: its cells (trimmed) and where each starts in the file.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line of the row.
    pub line: u64,
    /// The cells, trimmed of surrounding white space.
    pub cells: Vec<String>,
    /// 1-based column (in characters) where each cell starts.
    pub columns: Vec<usize>,
}

/// A parsed CSV file.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file as shown in messages.
    pub path: String,
    /// Header names, trimmed.
    pub headers: Vec<String>,
    /// Data rows in file order.
    pub rows: Vec<Row>,
    /// The delimiter used.
    pub delimiter: u8,
}

impl Table {
    /// The index of a column by exact (trimmed) header name, then case-insensitively.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.headers.iter().position(|h| h == name).or_else(|| {
            self.headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
        })
    }

    /// The header as a comma-separated list, for hints.
    pub fn header_list(&self) -> String {
        self.headers.join(", ")
    }
}

/// Reads and parses a CSV file.
pub fn read(path: &Path, delimiter: Option<u8>) -> Result<Table, TableError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| TableError::Io {
        path: shown.clone(),
        error,
    })?;
    parse(&shown, &bytes, delimiter)
}

/// Parses CSV bytes; `path` is only used in messages.
pub fn parse(path: &str, bytes: &[u8], delimiter: Option<u8>) -> Result<Table, TableError> {
    let text = decode(path, bytes)?;
    let delimiter = delimiter.unwrap_or_else(|| sniff(text));
    let (headers, rows) = records(path, text, delimiter)?;
    let mut headers = headers.ok_or_else(|| TableError::Empty {
        path: path.to_string(),
    })?;
    for (i, h) in headers.iter_mut().enumerate() {
        if h.is_empty() {
            *h = format!("column {}", i + 1);
        }
    }
    if rows.is_empty() {
        return Err(TableError::NoRows {
            path: path.to_string(),
        });
    }
    Ok(Table {
        path: path.to_string(),
        headers,
        rows,
        delimiter,
    })
}

/// The text of the file: without a byte-order mark, refused when binary, not UTF-8 or blank.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(TableError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = line_column(&String::from_utf8_lossy(&bytes[..offset]), offset);
        TableError::Utf8 {
            path: path.to_string(),
            line,
            column,
            offset,
        }
    })?;
    if text.trim().is_empty() {
        return Err(TableError::Empty {
            path: path.to_string(),
        });
    }
    Ok(text)
}

/// The header (the first record that is not blank) and the data rows after it, each as wide
/// as the header.
fn records(
    path: &str,
    text: &str,
    delimiter: u8,
) -> Result<(Option<Vec<String>>, Vec<Row>), TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(TableError::Csv {
                    path: path.to_string(),
                    line,
                    message: e.to_string(),
                });
            }
        }
        // Lines of only delimiters or spaces (spreadsheet padding) are skipped like blank lines.
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (line, byte) = start(text, &record);
        let columns = field_columns(text, byte, delimiter, record.len());
        let cells: Vec<String> = record.iter().map(|f| f.trim().to_string()).collect();
        match &headers {
            None => headers = Some(cells),
            Some(h) => rows.push(row(path, h.len(), line, cells, columns, delimiter)?),
        }
    }
    Ok((headers, rows))
}

/// The line and byte where a record starts. The reader's position of a record is where it
/// began looking for it: before the blank lines it skipped and, in a CRLF file, at the `\n`
/// ending the line before; those line ends are stepped over here (as `data::stream` does).
fn start(text: &str, record: &csv::StringRecord) -> (u64, usize) {
    let (mut line, mut byte) = record
        .position()
        .map_or((1, 0), |p| (p.line(), p.byte() as usize));
    for &b in text.as_bytes().get(byte..).unwrap_or(&[]) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        byte += 1;
    }
    (line, byte)
}

/// A data row, refused when it has another number of fields than the header (`expected`).
fn row(
    path: &str,
    expected: usize,
    line: u64,
    cells: Vec<String>,
    columns: Vec<usize>,
    delimiter: u8,
) -> Result<Row, TableError> {
    if cells.len() != expected {
        // Point at the first extra field, or at the last field of a short row.
        let column = if cells.len() > expected {
            columns.get(expected).copied().unwrap_or(1)
        } else {
            columns.last().copied().unwrap_or(1)
        };
        return Err(TableError::Ragged {
            path: path.to_string(),
            line,
            column,
            found: cells.len(),
            expected,
            delimiter: char::from(delimiter),
        });
    }
    Ok(Row {
        line,
        cells,
        columns,
    })
}

/// Picks the delimiter that occurs most often (outside quotes) in the first line: `,`, `;` or tab.
fn sniff(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// 1-based line and column (in characters) of the end of `prefix`.
fn line_column(prefix: &str, _offset: usize) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The 1-based character column at which each field of the record starting at `start` begins.
fn field_columns(text: &str, start: usize, delimiter: u8, fields: usize) -> Vec<usize> {
    let line_start = text[..start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let mut column = text[line_start..start.min(text.len())].chars().count() + 1;
    let mut out = vec![column];
    let mut quoted = false;
    for c in text[start.min(text.len())..].chars() {
        if out.len() >= fields {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            '\n' => column = 0,
            c if c == char::from(delimiter) && !quoted => out.push(column + 1),
            _ => {}
        }
        column += 1;
    }
    while out.len() < fields {
        out.push(column);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_plain_file() {
        let t = parse("t.csv", b"label,share\nOil,43\nGas,8\n", None).expect("valid");
        assert_eq!(t.headers, vec!["label", "share"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.rows[1].columns, vec![1, 5]);
    }

    #[test]
    fn bom_crlf_semicolon_blank_lines_and_spaces() {
        let t = parse(
            "t.csv",
            "\u{FEFF}label ; share\r\n Oil ; 43 \r\n\r\n;\r\n".as_bytes(),
            None,
        )
        .expect("valid");
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.headers, vec!["label", "share"]);
        assert_eq!(t.rows[0].cells, vec!["Oil", "43"]);
    }

    #[test]
    fn tabs_are_sniffed() {
        let t = parse("t.csv", b"a\tb\nx\t1\n", None).expect("valid");
        assert_eq!(t.delimiter, b'\t');
    }

    #[test]
    fn quoted_commas_do_not_split() {
        let t = parse("t.csv", b"label,km\nBorders,\"102,347\"\n", None).expect("valid");
        assert_eq!(t.rows[0].cells, vec!["Borders", "102,347"]);
    }

    #[test]
    fn errors_point_at_the_place() {
        let e = parse("t.csv", b"a,b\nx,1\ny,2,3\n", None)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.csv:3:5: this row has 3 fields but the header has 2"),
            "{e}"
        );
        let e = parse("t.csv", b"a,b\nx,\xff\n", None)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("t.csv:2:3: the file is not valid UTF-8 (byte offset 6)"),
            "{e}"
        );
        assert!(matches!(
            parse("t.csv", b" \n\n", None),
            Err(TableError::Empty { .. })
        ));
        assert!(matches!(
            parse("t.csv", b"a,b\n", None),
            Err(TableError::NoRows { .. })
        ));
        assert!(matches!(
            parse("t.csv", b"a\0b", None),
            Err(TableError::Binary { offset: 1, .. })
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_parse_or_error(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            let _ = parse("p.csv", &bytes, None);
        }

        #[test]
        fn any_text_parse_or_error(s in "[a-z0-9,;\"\t\n ]{0,80}") {
            if let Ok(t) = parse("p.csv", s.as_bytes(), None) {
                for r in &t.rows {
                    proptest::prop_assert_eq!(r.cells.len(), t.headers.len());
                    proptest::prop_assert_eq!(r.columns.len(), t.headers.len());
                }
            }
        }
    }
}
