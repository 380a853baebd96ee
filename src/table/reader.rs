//! The one CSV reader: a file, bytes or standard input read record by record, so that memory
//! stays flat however long the input is; [`super::parse`] is this reader collecting every row.
//!
//! Before the first data row it finds the header: the first record, unless lines above it are
//! a preamble it can recognise (a World Bank download's `"Data Source","World Development
//! Indicators"` lines, a title line of a spreadsheet export), which are skipped and said. A
//! first row that holds numbers is data, not a header: refused, unless the caller reads the file
//! without one. After the last data row, rows that are not data (a footnote such as `Source:
//! UN ...`, rows after a blank line) are left out and said. The bytes of the current record
//! are kept in a small window so that an error can point at its column.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

use super::number;
use super::{Row, Table, TableError};
use crate::options::{DecimalMark, Message};

/// Bytes read ahead for sniffing the delimiter before the header line ends.
const SNIFF_LIMIT: usize = 1 << 20;
/// Bytes of records already read that the window keeps before it is trimmed.
const KEEP: usize = 1 << 20;
/// Records read before the header is chosen: a preamble is looked for among them.
const LOOKAHEAD: usize = 50;
/// Rows that may be footers held back at most; past that they are data after all.
const MAX_HELD: usize = 64;
/// How many cells a record above the header may fill (`"Data Source","World Development
/// Indicators"`): a line of a preamble.
const PREAMBLE_CELLS: usize = 2;

/// How to read a CSV: its delimiter, lines to skip, and whether it has a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The delimiter; sniffed from the first line when `None`.
    pub delimiter: Option<u8>,
    /// Lines skipped before anything is read (`--skip N`).
    pub skip: u64,
    /// False when the file has no header: its columns are named "column 1", "column 2", ...
    pub header: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            delimiter: None,
            skip: 0,
            header: true,
        }
    }
}

/// The input read so far, from byte `base` of the CSV reader's input on.
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

/// A record read ahead of its turn (while the header is looked for, or a row that may be a
/// footer), with what decides its fate.
#[derive(Debug, Clone)]
struct Held {
    row: Row,
    /// Fields in the record (a row is refused when this is not the header's number).
    fields: usize,
    /// A blank line (or a line of only delimiters) came before it.
    after_blank: bool,
}

impl Held {
    fn filled(&self) -> usize {
        self.row.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// Which row the reader is on.
enum Current {
    /// The CSV reader's record.
    Live,
    /// A row read ahead.
    Held(Row),
}

/// A CSV being read one data row at a time: the header is found when it is opened, then
/// [`Reader::advance`] moves to each data row.
pub struct Reader<'a> {
    path: String,
    csv: csv::Reader<Tee<'a>>,
    window: Rc<RefCell<Window>>,
    headers: Vec<String>,
    delimiter: u8,
    record: csv::StringRecord,
    /// Where the CSV reader stood before the current record (after the one before it): a
    /// blank line lies between them when the current record starts on a later line.
    after_previous: csv::Position,
    /// A record of only blanks was skipped before the current one.
    blank: bool,
    /// The CSV reader's record's filled cells, counted to two.
    filled: usize,
    /// Lines and bytes skipped before the CSV reader's input (`--skip`).
    skipped: (u64, u64),
    /// Records read while the header was looked for, not yet handed out.
    queue: VecDeque<Held>,
    /// Rows that may be footers, held back until a data row or the end decides.
    held: Vec<Held>,
    /// Rows decided to be data, handed out before anything is read on.
    ready: VecDeque<Row>,
    /// The CSV reader's record is data and comes after `ready`.
    live_ready: bool,
    current: Current,
    rows: u64,
    notes: Vec<Message>,
}

impl<'a> Reader<'a> {
    /// Opens `input` (shown as `path` in messages), skips `options.skip` lines and finds the
    /// header; the delimiter is sniffed from the first line unless given.
    pub fn open(
        path: &str,
        mut input: Box<dyn Read + 'a>,
        options: ReadOptions,
    ) -> Result<Reader<'a>, TableError> {
        let io = |error| TableError::Io {
            path: path.to_string(),
            error,
        };
        let mut prefix = Vec::new();
        let mut eof = false;
        // The byte-order mark first, then the lines to skip, then one whole line to sniff.
        while prefix.len() < 3 && !eof {
            eof = read_more(input.as_mut(), &mut prefix).map_err(io)?;
        }
        if prefix.starts_with(b"\xEF\xBB\xBF") {
            prefix.drain(..3);
        }
        let mut skipped = (0u64, 0u64);
        loop {
            while skipped.0 < options.skip {
                let Some(end) = prefix.iter().position(|&b| b == b'\n') else {
                    break;
                };
                prefix.drain(..=end);
                skipped.0 += 1;
                skipped.1 += end as u64 + 1;
            }
            let sniffable = super::sniffable(&prefix) || prefix.len() >= SNIFF_LIMIT;
            if eof || (skipped.0 == options.skip && sniffable) {
                break;
            }
            eof = read_more(input.as_mut(), &mut prefix).map_err(io)?;
        }
        if skipped.0 < options.skip {
            // The file is shorter than the lines to skip (its last line has no line end).
            prefix.clear();
        }
        let delimiter = options
            .delimiter
            .unwrap_or_else(|| super::sniff(&String::from_utf8_lossy(&prefix)));
        let window = Rc::new(RefCell::new(Window::default()));
        let tee = Tee {
            inner: Box::new(std::io::Cursor::new(prefix).chain(input)),
            window: Rc::clone(&window),
        };
        let csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(tee);
        let mut reader = Reader {
            path: path.to_string(),
            csv,
            window,
            headers: Vec::new(),
            delimiter,
            record: csv::StringRecord::new(),
            after_previous: csv::Position::new(),
            blank: false,
            filled: 0,
            skipped,
            queue: VecDeque::new(),
            held: Vec::new(),
            ready: VecDeque::new(),
            live_ready: false,
            current: Current::Live,
            rows: 0,
            notes: Vec::new(),
        };
        reader.find_header(options.header)?;
        Ok(reader)
    }

    /// The file as shown in messages.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Header names, trimmed ("column N" for an empty one).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The delimiter in use.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// What the reader left out and why (a preamble, footer rows), for the user; taken once.
    pub fn take_notes(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.notes)
    }

    /// Moves to the next data row; false at the end. A header without rows is an error.
    pub fn advance(&mut self) -> Result<bool, TableError> {
        loop {
            if let Some(row) = self.ready.pop_front() {
                self.current = Current::Held(row);
                self.rows += 1;
                return Ok(true);
            }
            if self.live_ready {
                self.live_ready = false;
                self.current = Current::Live;
                if self.record.len() != self.headers.len() {
                    let held = self.hold_live(false);
                    return Err(self.ragged(&held));
                }
                self.rows += 1;
                return Ok(true);
            }
            if let Some(next) = self.queue.pop_front() {
                let cells = next.row.cells.iter().map(String::as_str);
                if self.maybe_footer(next.filled(), cells, next.fields) {
                    self.hold(next)?;
                } else {
                    self.release()?;
                    self.push_ready(next)?;
                }
                continue;
            }
            if !self.read_record()? {
                if self.held.is_empty() {
                    if self.rows == 0 {
                        return Err(TableError::NoRows {
                            path: self.path.clone(),
                        });
                    }
                    return Ok(false);
                }
                self.end_held()?;
                continue;
            };
            if self.maybe_footer(self.filled, self.record.iter(), self.record.len()) {
                let held = self.hold_live(self.after_blank());
                self.hold(held)?;
            } else {
                self.release()?;
                self.live_ready = true;
            }
        }
    }

    /// Cell `c` of the current row, trimmed.
    pub fn cell(&self, c: usize) -> &str {
        match &self.current {
            Current::Live => self.record.get(c).unwrap_or("").trim(),
            Current::Held(row) => row.cells.get(c).map_or("", String::as_str),
        }
    }

    /// 1-based line of the current row.
    pub fn line(&self) -> u64 {
        match &self.current {
            Current::Live => self.record_start().0 + self.skipped.0,
            Current::Held(row) => row.line,
        }
    }

    /// 1-based column (in characters) where cell `c` of the current row starts.
    pub fn column(&self, c: usize) -> usize {
        match &self.current {
            Current::Live => self.live_columns().get(c).copied().unwrap_or(1),
            Current::Held(row) => row.columns.get(c).copied().unwrap_or(1),
        }
    }

    /// The current row, owned, with the column of every cell.
    pub fn row(&self) -> Row {
        match &self.current {
            Current::Live => Row {
                line: self.line(),
                cells: self.record.iter().map(|c| c.trim().to_string()).collect(),
                columns: self.live_columns(),
            },
            Current::Held(row) => row.clone(),
        }
    }

    /// Reads up to `n` data rows into a table (fewer if the input ends first), to choose the
    /// columns from before streaming the rest; true when rows are left.
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

    /// Reads the first records and takes the header from them (or names the columns when the
    /// file has none); the records after it wait in the queue.
    fn find_header(&mut self, has_header: bool) -> Result<(), TableError> {
        while self.queue.len() < LOOKAHEAD && self.read_record()? {
            let held = self.hold_live(self.after_blank());
            self.queue.push_back(held);
        }
        let Some(first) = self.queue.front() else {
            return Err(TableError::Empty {
                path: self.path.clone(),
            });
        };
        if !has_header {
            self.headers = (1..=first.fields).map(|i| format!("column {i}")).collect();
            return Ok(());
        }
        let records: Vec<&Held> = self.queue.iter().collect();
        let at = header_index(&records);
        if at == 0 {
            self.check_header_width(&records)?;
        }
        let header = records[at].row.clone();
        if at > 0 {
            let lines = header.line - 1 - self.skipped.0;
            let first: Vec<String> = records[..at]
                .iter()
                .flat_map(|h| h.row.cells.iter().filter(|c| !c.is_empty()))
                .take(3)
                .map(|c| format!("{c:?}"))
                .collect();
            self.notes.push(
                Message::new()
                    .text(format!(
                        "{}: skipped {lines} line{} above the header on line {} ({}, ...); ",
                        self.path,
                        if lines == 1 { "" } else { "s" },
                        header.line,
                        first.join(", "),
                    ))
                    .set("skip", lines + self.skipped.0)
                    .text(" says so outright"),
            );
        }
        self.queue.drain(..=at);
        check_not_data(&self.path, &header)?;
        self.headers = header
            .cells
            .iter()
            .enumerate()
            .map(|(i, h)| match h.as_str() {
                "" => format!("column {}", i + 1),
                h => h.to_string(),
            })
            .collect();
        Ok(())
    }

    /// A first record narrower than the rows that follow it, when a later record that looks
    /// like a header has their width: the lines above that one are notes this reader did not
    /// recognise, and the error says where the header seems to be.
    fn check_header_width(&self, records: &[&Held]) -> Result<(), TableError> {
        let first = records[0];
        let Some(width) = usual_width(&records[1..]) else {
            return Ok(());
        };
        if width == first.fields {
            return Ok(());
        }
        let candidate = records
            .iter()
            .find(|h| h.fields == width && h.filled() >= 2 && !has_number(&h.row.cells));
        match candidate {
            Some(h) => Err(TableError::HeaderWidth {
                path: self.path.clone(),
                fields: first.fields,
                width,
                line: h.row.line,
                skip: h.row.line - 1,
            }),
            None => Ok(()),
        }
    }

    /// True for a record that may be a footer: no cell is a number, and at most one cell is
    /// `filled` or the record is not as wide as the header.
    fn maybe_footer<'s>(
        &self,
        filled: usize,
        cells: impl Iterator<Item = &'s str>,
        fields: usize,
    ) -> bool {
        if filled > 1 && fields == self.headers.len() {
            return false;
        }
        !cells.into_iter().any(|c| is_number(c.trim()))
    }

    /// Holds back a row that may be a footer; too many in a row are data after all.
    fn hold(&mut self, held: Held) -> Result<(), TableError> {
        self.held.push(held);
        if self.held.len() > MAX_HELD {
            self.release()?;
        }
        Ok(())
    }

    /// The rows held back are data: they go before the row that showed it.
    fn release(&mut self) -> Result<(), TableError> {
        if self.held.is_empty() {
            return Ok(());
        }
        for held in std::mem::take(&mut self.held) {
            self.push_ready(held)?;
        }
        Ok(())
    }

    /// A row to hand out, refused when it is not as wide as the header.
    fn push_ready(&mut self, held: Held) -> Result<(), TableError> {
        if held.fields != self.headers.len() {
            return Err(self.ragged(&held));
        }
        self.ready.push_back(held.row);
        Ok(())
    }

    /// At the end of the input: the rows held back from the first one that is surely a footer
    /// (after a blank line, not as wide as the header, or worded as a note) are footers, left
    /// out and said; those before it are data.
    fn end_held(&mut self) -> Result<(), TableError> {
        let width = self.headers.len();
        let held = std::mem::take(&mut self.held);
        let first = held.iter().position(|h| {
            h.after_blank
                || h.fields != width
                || h.row
                    .cells
                    .iter()
                    .find(|c| !c.is_empty())
                    .is_some_and(|c| is_note(c))
        });
        let cut = first.unwrap_or(held.len());
        let mut held = held.into_iter();
        for h in held.by_ref().take(cut) {
            self.push_ready(h)?;
        }
        let footers: Vec<Held> = held.collect();
        if let (Some(a), Some(b)) = (footers.first(), footers.last()) {
            let text = a
                .row
                .cells
                .iter()
                .find(|c| !c.is_empty())
                .cloned()
                .unwrap_or_default();
            let lines = if a.row.line == b.row.line {
                format!("line {}", a.row.line)
            } else {
                format!("lines {}-{}", a.row.line, b.row.line)
            };
            let n = footers.len();
            self.notes.push(Message::new().text(format!(
                "{}: left out {n} row{} after the data ({lines}: {:?}), which {} no data",
                self.path,
                if n == 1 { "" } else { "s" },
                shorten(&text, 60),
                if n == 1 { "holds" } else { "hold" },
            )));
        }
        Ok(())
    }

    /// The error for a row not as wide as the header.
    fn ragged(&self, held: &Held) -> TableError {
        let expected = self.headers.len();
        let columns = &held.row.columns;
        // Point at the first extra field, or at the last field of a short row.
        let column = if held.fields > expected {
            columns.get(expected).copied().unwrap_or(1)
        } else {
            columns.last().copied().unwrap_or(1)
        };
        TableError::Ragged {
            path: self.path.clone(),
            line: held.row.line,
            column,
            found: held.fields,
            expected,
            delimiter: char::from(self.delimiter),
        }
    }

    /// The CSV reader's record, owned.
    fn hold_live(&self, after_blank: bool) -> Held {
        Held {
            row: Row {
                line: self.record_start().0 + self.skipped.0,
                cells: self.record.iter().map(|c| c.trim().to_string()).collect(),
                columns: self.live_columns(),
            },
            fields: self.record.len(),
            after_blank,
        }
    }

    /// 1-based column (in characters) where each cell of the CSV reader's record starts:
    /// worked out from the window only when asked.
    fn live_columns(&self) -> Vec<usize> {
        let window = self.window.borrow();
        let start = self.record_start().1;
        let from = usize::try_from(start.saturating_sub(window.base)).unwrap_or(0);
        // The record's bytes and a little after (quotes at most double its length), not the
        // whole window.
        let len = 2 * self.record.as_slice().len() + 3 * self.record.len() + 2;
        let bytes = window.bytes.get(from..).unwrap_or(&[]);
        let text = String::from_utf8_lossy(&bytes[..len.min(bytes.len())]);
        super::field_columns(&text, 0, self.delimiter, self.record.len())
    }

    /// Reads the next record that is not blank (lines of only delimiters or spaces are
    /// skipped): false at the end. [`Reader::after_blank`] then tells whether a blank line
    /// came before it.
    fn read_record(&mut self) -> Result<bool, TableError> {
        let mut blank = false;
        loop {
            self.forget();
            self.after_previous = self.csv.position().clone();
            match self.csv.read_record(&mut self.record) {
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
            // Filled cells, counted to two: none is a blank line, one may be a footer.
            self.filled = self
                .record
                .iter()
                .filter(|f| !f.trim().is_empty())
                .take(2)
                .count();
            if self.filled == 0 {
                blank = true;
                continue;
            }
            self.blank = blank;
            return Ok(true);
        }
    }

    /// True when a blank line lies between the previous record and this one: this one starts
    /// on a later line than the one the previous record ended before (read, like a record's
    /// start, past a CRLF's `\n`). Only asked of a row that may be a footer.
    fn after_blank(&self) -> bool {
        if self.blank {
            return true;
        }
        let after = &self.after_previous;
        let mut line = after.line();
        let w = self.window.borrow();
        let at = usize::try_from(after.byte().saturating_sub(w.base)).unwrap_or(0);
        if w.bytes.get(at) == Some(&b'\n') {
            line += 1;
        }
        drop(w);
        self.record_start().0 > line
    }

    /// The line and byte where the CSV reader's record starts. The reader's position of a
    /// record is where it began looking for it: before the blank lines it skipped and, in a
    /// CRLF file, at the `\n` ending the line before; those line ends are stepped over here.
    fn record_start(&self) -> (u64, u64) {
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

    /// The byte offset in the file that `find` gives within the bytes from the current record
    /// on.
    fn offset_of(&self, find: impl Fn(&[u8]) -> Option<usize>) -> usize {
        let w = self.window.borrow();
        let start = self.record.position().map_or(w.base, csv::Position::byte);
        let from = usize::try_from(start.saturating_sub(w.base)).unwrap_or(0);
        let rel = w.bytes.get(from..).and_then(find).unwrap_or(0);
        usize::try_from(start + self.skipped.1).unwrap_or(0) + rel
    }

    /// An error of the CSV reader as a [`TableError`] with its place.
    fn csv_error(&self, e: csv::Error) -> TableError {
        let csv::ErrorKind::Utf8 { pos: Some(pos), .. } = e.kind() else {
            return TableError::Csv {
                path: self.path.clone(),
                line: e.position().map_or(0, csv::Position::line) + self.skipped.0,
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
            line: usize::try_from(line + self.skipped.0).unwrap_or(0) + newlines,
            column,
            offset: usize::try_from(byte + self.skipped.1).unwrap_or(0) + bad,
        }
    }
}

/// Which of the first records is the header: the first that fills at least two cells, has
/// the width most records after it have, and holds no number other than a year, when every
/// record above it fills at most [`PREAMBLE_CELLS`] cells (a preamble); else the first record.
fn header_index(records: &[&Held]) -> usize {
    for (at, record) in records.iter().enumerate() {
        if at > 0 && records[at - 1].filled() > PREAMBLE_CELLS {
            break;
        }
        if record.filled() < 2 {
            continue;
        }
        // Below a preamble, the header must have the width of a row after it.
        let width = usual_width(&records[at + 1..]);
        if at == 0 && width.is_none_or(|w| w == record.fields) {
            return 0;
        }
        if at > 0 && width == Some(record.fields) && !has_number(&record.row.cells) {
            return at;
        }
    }
    0
}

/// The number of fields most of `records` have (the first such on a tie); `None` for none.
fn usual_width(records: &[&Held]) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for r in records {
        match counts.iter_mut().find(|(w, _)| *w == r.fields) {
            Some((_, n)) => *n += 1,
            None => counts.push((r.fields, 1)),
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max()?;
    counts.iter().find(|&&(_, n)| n == most).map(|&(w, _)| w)
}

/// Refuses a header that holds a number (other than a year, as a wide table's headers are):
/// the file has no header, and its first row would become the legend.
fn check_not_data(path: &str, header: &Row) -> Result<(), TableError> {
    let found = header
        .cells
        .iter()
        .position(|c| is_number(c) && !super::is_year_like(c));
    match found {
        Some(i) => Err(TableError::NoHeader {
            path: path.to_string(),
            line: header.line,
            column: header.columns.get(i).copied().unwrap_or(1),
            value: header.cells[i].clone(),
        }),
        None => Ok(()),
    }
}

/// True when a cell reads as a number with either decimal separator.
fn is_number(cell: &str) -> bool {
    !cell.is_empty()
        && (number::parse_as(cell, DecimalMark::Point).is_ok()
            || number::parse_as(cell, DecimalMark::Comma).is_ok())
}

/// True when some cell (not a year) reads as a number.
fn has_number(cells: &[String]) -> bool {
    cells
        .iter()
        .any(|c| is_number(c) && !super::is_year_like(c))
}

/// Words that open a footnote of a spreadsheet or statistics office export, lower case.
const NOTE_WORDS: [&str; 24] = [
    "source",
    "sources",
    "note",
    "notes",
    "footnote",
    "footnotes",
    "data source",
    "last updated",
    "copyright",
    "n.b.",
    "nb:",
    "المصدر",
    "المصادر",
    "ملاحظة",
    "ملاحظات",
    "منبع",
    "یادداشت",
    "ماخذ",
    "kaynak",
    "not:",
    "источник",
    "примечание",
    "sumber",
    "catatan",
];

/// True for a text worded as a note: it opens with a note word (`Source: UN`, `Notes.`) or a
/// note mark (`*`, `†`, `©`), or it is a sentence of eight words or more.
fn is_note(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    if lower.starts_with(['*', '†', '‡', '©', '¹', '²', '³']) {
        return true;
    }
    let opens = NOTE_WORDS.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || !rest.starts_with(char::is_alphanumeric))
    });
    opens || lower.split_whitespace().count() >= 8
}

/// `text` cut to `max` characters with an ellipsis, for a message.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    text.chars().take(max - 1).chain(['…']).collect()
}

/// Reads the next chunk of `input` onto `bytes`; true at the end of the input.
fn read_more(input: &mut dyn Read, bytes: &mut Vec<u8>) -> std::io::Result<bool> {
    let mut chunk = [0u8; 8192];
    let n = input.read(&mut chunk)?;
    bytes.extend_from_slice(&chunk[..n]);
    Ok(n == 0)
}

#[cfg(test)]
mod tests;
