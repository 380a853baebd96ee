//! The table layer: CSV bytes -> [`Table`] of trimmed text cells, with the line and column of
//! every cell, and the numbers in those cells ([`number`]).
//!
//! This layer knows nothing of charts. It checks the encoding, sniffs the delimiter, finds the
//! header (past a preamble), leaves out footers, refuses ragged rows and keeps positions so
//! that later errors can point at `file:line:column`. [`Reader`] is the one reader, record by
//! record; [`parse`] collects its rows into a [`Table`].

mod error;
pub mod number;
pub mod reader;

use std::path::Path;

pub use error::TableError;
pub use reader::{ReadOptions, Reader};

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

/// Parses CSV bytes with a header; `path` is only used in messages.
pub fn parse(path: &str, bytes: &[u8], delimiter: Option<u8>) -> Result<Table, TableError> {
    let options = ReadOptions {
        delimiter,
        ..ReadOptions::default()
    };
    parse_with(path, bytes, options)
}

/// Parses CSV bytes read as `options` say: the [`Reader`] collecting every row.
pub fn parse_with(path: &str, bytes: &[u8], options: ReadOptions) -> Result<Table, TableError> {
    let mut reader = Reader::open(path, Box::new(bytes), options)?;
    Ok(reader.sample(usize::MAX)?.0)
}

/// The year a cell or header names: `2019`, `1950.0` (a year column written as decimals) or
/// `2009 [YR2009]` (World Bank DataBank headers); four digits from 1000 to 2999.
pub fn year_of(cell: &str) -> Option<u16> {
    let c = cell.trim();
    let c = match c.split_once(" [YR") {
        Some((year, code)) if code.strip_suffix(']') == Some(year) => year,
        Some(_) => return None,
        None => c,
    };
    let c = c.strip_suffix(".0").unwrap_or(c);
    let plain = c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit());
    (plain && matches!(c.as_bytes()[0], b'1' | b'2'))
        .then(|| c.parse().ok())
        .flatten()
}

/// True when a cell or header names a year ([`year_of`]).
pub fn is_year_like(cell: &str) -> bool {
    year_of(cell).is_some()
}

/// Picks the delimiter that occurs most often (outside quotes) in the first line that has one
/// (a title line above the table has none): `,`, `;` or tab; `,` when no line has one.
fn sniff(text: &str) -> u8 {
    text.lines()
        .map(delimiter_counts)
        .find(|counts| counts.iter().any(|&n| n > 0))
        .map_or(b',', |counts| {
            let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
            [b',', b';', b'\t'][best]
        })
}

/// How often `,`, `;` and tab occur outside quotes in `line`.
fn delimiter_counts(line: &str) -> [usize; 3] {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    counts
}

/// True once `bytes` hold a whole line with a delimiter in it, so the delimiter can be
/// sniffed.
fn sniffable(bytes: &[u8]) -> bool {
    let mut lines = bytes.split(|&b| b == b'\n');
    lines.next_back();
    lines.any(|line| {
        delimiter_counts(&String::from_utf8_lossy(line))
            .iter()
            .any(|&n| n > 0)
    })
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
        // Past a title line that has no delimiter.
        let t = parse("t.csv", b"Population\ncountry;pop\nA;5\nB;7\n", None).expect("valid");
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.headers, vec!["country", "pop"]);
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
