//! Reading a CSV record by record, for `agg` and standard input: memory stays flat however long
//! the input is. The checks and messages are those of [`super::parse`] (encoding, delimiter,
//! blank lines, ragged rows, `file:line:column`); the bytes of the current record are kept in a
//! small window so that an error can still point at its column.

use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

use super::TableError;
use super::{Row, Table};

/// Bytes read ahead for sniffing the delimiter before the header line ends.
const SNIFF_LIMIT: usize = 1 << 20;
/// Bytes of records already read that the window keeps before it is trimmed.
const KEEP: usize = 1 << 20;

/// The input read so far, from absolute byte `base` on (after any byte-order mark).
#[derive(Default)]
struct Window {
    bytes: Vec<u8>,
    base: u64,
}

/// Copies every byte the CSV reader reads into the window.
struct Tee<'a> {
    inner: Box<dyn Read + 'a>,
    window: Rc<RefCell<Window>>,
}

impl Read for Tee<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.window.borrow_mut().bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// A CSV being read one record at a time: the header is read when it is opened, then
/// [`Stream::advance`] moves to each data row.
pub struct Stream<'a> {
    path: String,
    reader: csv::Reader<Tee<'a>>,
    window: Rc<RefCell<Window>>,
    headers: Vec<String>,
    delimiter: u8,
    record: csv::StringRecord,
    rows: u64,
}

impl<'a> Stream<'a> {
    /// Opens `input` (shown as `path` in messages) and reads its header; the delimiter is
    /// sniffed from the header line unless given.
    pub fn open(
        path: &str,
        mut input: Box<dyn Read + 'a>,
        delimiter: Option<u8>,
    ) -> Result<Stream<'a>, TableError> {
        let io = |error| TableError::Io {
            path: path.to_string(),
            error,
        };
        let mut prefix = Vec::new();
        while !has_header_line(&prefix) && prefix.len() < SNIFF_LIMIT {
            let mut chunk = [0u8; 8192];
            let n = input.read(&mut chunk).map_err(io)?;
            if n == 0 {
                break;
            }
            prefix.extend_from_slice(&chunk[..n]);
        }
        if prefix.starts_with(b"\xEF\xBB\xBF") {
            prefix.drain(..3);
        }
        let delimiter =
            delimiter.unwrap_or_else(|| super::sniff(&String::from_utf8_lossy(&prefix)));
        let window = Rc::new(RefCell::new(Window::default()));
        let tee = Tee {
            inner: Box::new(std::io::Cursor::new(prefix).chain(input)),
            window: Rc::clone(&window),
        };
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(tee);
        let mut stream = Stream {
            path: path.to_string(),
            reader,
            window,
            headers: Vec::new(),
            delimiter,
            record: csv::StringRecord::new(),
            rows: 0,
        };
        if !stream.read_filled()? {
            return Err(TableError::Empty {
                path: path.to_string(),
            });
        }
        stream.headers = stream
            .record
            .iter()
            .enumerate()
            .map(|(i, h)| match h.trim() {
                "" => format!("column {}", i + 1),
                h => h.to_string(),
            })
            .collect();
        Ok(stream)
    }

    /// The file as shown in messages.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Header names, trimmed.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Moves to the next data row; false at the end. A header without rows is an error.
    pub fn advance(&mut self) -> Result<bool, TableError> {
        if !self.read_filled()? {
            if self.rows == 0 {
                return Err(TableError::NoRows {
                    path: self.path.clone(),
                });
            }
            return Ok(false);
        }
        if self.record.len() != self.headers.len() {
            let row = self.row();
            return super::row(
                &self.path,
                self.headers.len(),
                row.line,
                row.cells,
                row.columns,
                self.delimiter,
            )
            .map(|_| false);
        }
        self.rows += 1;
        Ok(true)
    }

    /// Cell `c` of the current row, trimmed.
    pub fn cell(&self, c: usize) -> &str {
        self.record.get(c).unwrap_or("").trim()
    }

    /// 1-based line of the current row.
    pub fn line(&self) -> u64 {
        self.start().0
    }

    /// The line and absolute byte where the current row starts. The reader's position of a
    /// record is where it began looking for it: before the blank lines it skipped and, in a
    /// CRLF file, at the `\n` ending the line before; those line ends are stepped over here.
    fn start(&self) -> (u64, u64) {
        let (mut line, mut byte) = self
            .record
            .position()
            .map_or((1, 0), |p| (p.line(), p.byte()));
        let w = self.window.borrow();
        let from = usize::try_from(byte.saturating_sub(w.base)).unwrap_or(0);
        for &b in w.bytes.get(from..).unwrap_or(&[]) {
            match b {
                b'\n' => line += 1,
                b'\r' => {}
                _ => break,
            }
            byte += 1;
        }
        (line, byte)
    }

    /// 1-based column (in characters) where each cell of the current row starts: worked out
    /// from the window only when asked (for an error, or for a row kept in a sample).
    pub fn columns(&self) -> Vec<usize> {
        let start = self.start().1;
        let window = self.window.borrow();
        let from = usize::try_from(start.saturating_sub(window.base)).unwrap_or(0);
        // The record's bytes and a little after (quotes at most double its length), not the
        // whole window: a sample asks for the columns of a thousand rows.
        let len = 2 * self.record.as_slice().len() + 3 * self.record.len() + 2;
        let bytes = window.bytes.get(from..).unwrap_or(&[]);
        let text = String::from_utf8_lossy(&bytes[..len.min(bytes.len())]);
        super::field_columns(&text, 0, self.delimiter, self.record.len())
    }

    /// The current row, owned, with the column of every cell.
    pub fn row(&self) -> Row {
        Row {
            line: self.line(),
            cells: self.record.iter().map(|c| c.trim().to_string()).collect(),
            columns: self.columns(),
        }
    }

    /// Reads up to `n` data rows into a table (fewer if the input ends first), to choose the
    /// columns from before streaming the rest.
    pub fn sample(&mut self, n: usize) -> Result<(Table, bool), TableError> {
        let mut rows = Vec::new();
        let mut more = true;
        while rows.len() < n {
            if !self.advance()? {
                more = false;
                break;
            }
            rows.push(self.row());
        }
        let table = Table {
            path: self.path.clone(),
            headers: self.headers.clone(),
            rows,
            delimiter: self.delimiter,
        };
        Ok((table, more))
    }

    /// Reads the next record that is not blank (lines of only delimiters or spaces are
    /// skipped, as by [`super::parse`]); false at the end.
    fn read_filled(&mut self) -> Result<bool, TableError> {
        loop {
            self.forget();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return Ok(false),
                Ok(true) => {}
                Err(e) => return Err(self.csv_error(e)),
            }
            if self.record.as_slice().contains('\0') {
                return Err(TableError::Binary {
                    path: self.path.clone(),
                    offset: self.offset_of(|b| b.iter().position(|&b| b == 0)),
                });
            }
            if !self.record.iter().all(|f| f.trim().is_empty()) {
                return Ok(true);
            }
        }
    }

    /// Drops the bytes of records already read, once there are more than [`KEEP`] of them.
    fn forget(&mut self) {
        let start = self.record.position().map_or(0, csv::Position::byte);
        let mut w = self.window.borrow_mut();
        let dead = usize::try_from(start.saturating_sub(w.base)).unwrap_or(0);
        if dead > KEEP {
            w.bytes.drain(..dead);
            w.base = start;
        }
    }

    /// The absolute byte offset `find` gives within the bytes from the current record on.
    fn offset_of(&self, find: impl Fn(&[u8]) -> Option<usize>) -> usize {
        let w = self.window.borrow();
        let start = self.record.position().map_or(w.base, csv::Position::byte);
        let from = usize::try_from(start.saturating_sub(w.base)).unwrap_or(0);
        let rel = w.bytes.get(from..).and_then(find).unwrap_or(0);
        usize::try_from(start).unwrap_or(0) + rel
    }

    /// An error of the CSV reader as a [`TableError`] with its place.
    fn csv_error(&self, e: csv::Error) -> TableError {
        let csv::ErrorKind::Utf8 { pos: Some(pos), .. } = e.kind() else {
            return TableError::Csv {
                path: self.path.clone(),
                line: e.position().map_or(0, csv::Position::line),
                message: e.to_string(),
            };
        };
        let (line, byte) = (pos.line(), pos.byte());
        let w = self.window.borrow();
        let from = usize::try_from(byte.saturating_sub(w.base)).unwrap_or(0);
        let bytes = w.bytes.get(from..).unwrap_or(&[]);
        let bad = match std::str::from_utf8(bytes) {
            Err(e) => e.valid_up_to(),
            Ok(_) => bytes.len(),
        };
        let prefix = String::from_utf8_lossy(&bytes[..bad]);
        let newlines = prefix.matches('\n').count();
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        TableError::Utf8 {
            path: self.path.clone(),
            line: usize::try_from(line).unwrap_or(0) + newlines,
            column,
            offset: usize::try_from(byte).unwrap_or(0) + bad,
        }
    }
}

/// True once `bytes` hold a whole line that is not blank (the header), so it can be sniffed.
fn has_header_line(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .rev()
        .skip(1)
        .any(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of `text` read as a stream, or the error.
    fn rows(text: &[u8]) -> Result<(Vec<String>, Vec<Row>), TableError> {
        let mut s = Stream::open("t.csv", Box::new(text), None)?;
        let (table, _) = s.sample(usize::MAX)?;
        Ok((table.headers, table.rows))
    }

    #[test]
    fn reads_what_parse_reads() {
        let text = "\u{FEFF}label ; share\r\n Oil ; 43 \r\n\r\n;\r\n\"Gas; LNG\";8\r\n";
        let (headers, rows) = rows(text.as_bytes()).expect("valid");
        assert_eq!(headers, vec!["label", "share"]);
        assert_eq!(rows[1].cells, vec!["Gas; LNG", "8"]);
        // Line 5, the quoted delimiter skipped (data::parse, reading the csv crate's position
        // as is, says 4:3 and 4:3 here).
        assert_eq!((rows[1].line, rows[1].columns.clone()), (5, vec![1, 12]));
    }

    #[test]
    fn errors_are_those_of_parse() {
        for bad in [
            &b"a,b\nx,1\ny,2,3\n"[..],
            b"a,b\nx,\xff\n",
            b" \n\n",
            b"a,b\n",
            b"a\0b\n",
        ] {
            let want = super::super::parse("t.csv", bad, None)
                .unwrap_err()
                .to_string();
            let got = rows(bad).unwrap_err().to_string();
            assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #[test]
        fn same_rows_as_parse(s in "[a-z0-9,;\"\t\n ]{0,80}") {
            if let Ok(t) = super::super::parse("p.csv", s.as_bytes(), None) {
                let (headers, rows) = rows(s.as_bytes()).map_err(|e| {
                    proptest::test_runner::TestCaseError::fail(e.to_string())
                })?;
                proptest::prop_assert_eq!(headers, t.headers);
                proptest::prop_assert_eq!(rows.len(), t.rows.len());
                // Where a field starts with blanks, the two readers may point at the blank or
                // at the text after it; both are on the field, so columns are compared only
                // without blanks.
                let blanks = s.contains(' ') || s.contains('\t');
                for (a, b) in rows.iter().zip(&t.rows) {
                    proptest::prop_assert_eq!(&a.cells, &b.cells);
                    // Both readers step over the blank lines and line ends before a row.
                    proptest::prop_assert_eq!(a.line, b.line);
                    if !blanks {
                        proptest::prop_assert_eq!(&a.columns, &b.columns);
                    }
                }
            } else {
                proptest::prop_assert!(rows(s.as_bytes()).is_err());
            }
        }
    }
}
