//! From CSV records and the [`DataOptions`] to the numbers a chart draws: which column gives the
//! labels (in the chosen language), which give the values, and how long data splits into series.
//! [`load`] is the one entry point: a table read whole, or with `agg` its records grouped as
//! they stream by ([`agg`]).
//!
//! Zero configuration: the first text column gives the labels; every numeric column is a series.
//! Long ("tidy") data, where a label repeats once per series (Oil/Production, Oil/Reserves), is
//! pivoted on the text column that tells the repeats apart, so it draws as grouped bars.

pub mod agg;
mod approx;
mod cells;
mod columns;
mod error;
mod labels;

use std::io::Read as _;

use crate::locale::Locale;
use crate::locale::number::decimals_needed;
use crate::options::{DataOptions, DecimalMark, Message, Sort};
use crate::table::number;
use crate::table::stream::Stream;
use crate::table::{Row, Table, TableError};
pub use cells::Missing;
use cells::{check_ambiguous, decimal_mark, looks_numeric, parse_cell, strict_error, warnings};
use columns::{label_and_series, percent_header, shown_column, value_columns};
pub use error::{DatasetError, Disagreement};

/// A value with the place it came from, for error messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The number.
    pub value: f64,
    /// 1-based line.
    pub line: u64,
    /// 1-based column.
    pub column: usize,
    /// The text as written.
    pub raw: String,
    /// Written as approximate (`~25`, or marked so by an `approx` column): drawn as "~25%"
    /// and said "about 25%".
    pub approx: bool,
}

/// One series: a legend entry and one optional value per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Name shown in the legend.
    pub name: String,
    /// The name as the data keys it, whatever the language shown or the legend given: the
    /// key column's cell of long data (`Production` beside `الإنتاج`), else the value
    /// column's header. A colour given by name matches it as well as the name.
    pub key: String,
    /// Header of the value column it came from.
    pub column: String,
    /// One entry per category; `None` where long data has no row for that pair.
    pub cells: Vec<Option<Cell>>,
}

/// The numbers of one chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    /// The CSV as shown in messages.
    pub path: String,
    /// Category labels, cleaned.
    pub labels: Vec<String>,
    /// Series, in column order (or order of first appearance in long data).
    pub series: Vec<Series>,
    /// True when the values are percentages.
    pub percent: bool,
    /// The value cells that say "no data", drawn as gaps.
    pub missing: Vec<Missing>,
    /// What the user should know about the data (one line each, for standard error).
    pub warnings: Vec<String>,
    /// True when the labels are years or dates: they keep the file's order.
    pub ordered: bool,
    /// True when the series are years or dates (`name,2015,...,2024`): a sequential palette.
    pub series_ordered: bool,
}

impl Dataset {
    /// Values of one series, missing ones as `None`.
    pub fn values(&self, series: usize) -> impl Iterator<Item = Option<f64>> + '_ {
        self.series[series]
            .cells
            .iter()
            .map(|c| c.as_ref().map(|c| c.value))
    }

    /// Largest value over all series (0 when there is none).
    pub fn max(&self) -> f64 {
        self.all_values().fold(0.0, f64::max)
    }

    /// Smallest value over all series (0 when there is none).
    pub fn min(&self) -> f64 {
        self.all_values().fold(0.0, f64::min)
    }

    fn all_values(&self) -> impl Iterator<Item = f64> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.cells.iter().flatten().map(|c| c.value))
    }

    /// Decimals needed to show every value as written.
    pub fn decimals(&self) -> usize {
        decimals_needed(&self.all_values().collect::<Vec<_>>())
    }
}

/// Where a chart's records come from: bytes already read, or a reader to stream.
pub enum Input<'a> {
    /// The whole CSV.
    Bytes(&'a [u8]),
    /// A file or standard input, read as it is needed.
    Reader(Box<dyn std::io::Read + 'a>),
}

/// A dataset with what came with it.
#[derive(Debug)]
pub struct Loaded {
    /// The numbers to draw.
    pub dataset: Dataset,
    /// The table, when it was read whole (a message can then point at a cell of it).
    pub table: Option<Table>,
    /// What `agg` computed ("Sum of amount"), for the subtitle.
    pub computed: Option<String>,
    /// What the user should know besides the warnings of the dataset (cells `agg` left out).
    pub notes: Vec<Message>,
}

/// Reads the dataset of a chart: with `agg` the records are streamed and grouped, else the
/// table is read whole. `path` names the input in messages; `legend` renames the series;
/// `locale` words `agg`'s subtitle.
pub fn load(
    path: &str,
    input: Input,
    data: &DataOptions,
    legend: &[String],
    order: Option<Sort>,
    locale: &Locale,
) -> Result<Loaded, DatasetError> {
    let Some(how) = data.agg else {
        let bytes;
        let csv = match input {
            Input::Bytes(b) => b,
            Input::Reader(mut r) => {
                let mut all = Vec::new();
                r.read_to_end(&mut all).map_err(|error| TableError::Io {
                    path: path.to_string(),
                    error,
                })?;
                bytes = all;
                &bytes
            }
        };
        let table = crate::table::parse(path, csv, data.delimiter_byte())?;
        return Ok(Loaded {
            dataset: build(&table, data, legend, order)?,
            table: Some(table),
            computed: None,
            notes: Vec::new(),
        });
    };
    let reader = match input {
        Input::Bytes(b) => Box::new(b) as Box<dyn std::io::Read>,
        Input::Reader(r) => r,
    };
    let mut stream = Stream::open(path, reader, data.delimiter_byte())?;
    let groups = agg::aggregate(&mut stream, data, legend, order, locale)?;
    let notes = groups
        .skipped
        .map(|(count, column)| {
            let cells = if count == 1 { "cell" } else { "cells" };
            Message::new()
                .text(format!(
                    "{path}: skipped {count} empty {cells} in column '{column}' ("
                ))
                .set("agg", how.name())
                .text(" leaves them out)")
        })
        .into_iter()
        .collect();
    Ok(Loaded {
        dataset: groups.dataset,
        table: None,
        computed: Some(groups.subtitle),
        notes,
    })
}

/// Builds the dataset a chart draws: the columns chosen, series named by `legend` (in order),
/// categories sorted if asked.
pub fn build(
    table: &Table,
    spec: &DataOptions,
    legend: &[String],
    order: Option<Sort>,
) -> Result<Dataset, DatasetError> {
    // An `approx` column is no label, series or value: taken out, its rows remembered.
    let (table, approx_lines) = approx::split(table)?;
    let table = table.as_ref();
    let mark = decimal_mark(table, spec.decimal_mark());
    let numeric: Vec<bool> = (0..table.headers.len())
        .map(|c| looks_numeric(table, c, mark))
        .collect();
    let (label_col, series_col) = label_and_series(
        table,
        spec.label.as_deref(),
        spec.series.as_deref(),
        &numeric,
    )?;
    let lang = spec.lang.as_ref();
    let shown_label_col = shown_column(table, label_col, lang)?;
    let value_cols = value_columns(table, &spec.value, label_col, series_col, &numeric)?;
    if spec.decimal.is_none() {
        for &c in &value_cols {
            check_ambiguous(table, c)?;
        }
    }
    let columns = Chosen {
        label: label_col,
        shown_label: shown_label_col,
        series: series_col,
        shown_series: series_col
            .map(|c| shown_column(table, c, lang))
            .transpose()?,
        values: value_cols,
    };
    let (mut labels, row_category) = categories(table, &columns);
    let ordered = labels::is_ordered_column(table, label_col);
    if ordered && shown_label_col == label_col {
        labels = labels::shortest(labels);
    }
    let read = Read { mark };
    let (series, percent_cells, missing) =
        series(table, &columns, labels.len(), &row_category, read)?;
    if let (true, Some(m)) = (spec.strict, missing.first()) {
        return Err(strict_error(&table.path, m));
    }
    let mut ds = Dataset {
        path: table.path.clone(),
        labels,
        series,
        percent: percent_header(table, &columns.values) || percent_cells,
        warnings: warnings(&table.path, &missing),
        missing,
        ordered,
        series_ordered: false,
    };
    approx::mark(&mut ds, &approx_lines);
    for (s, name) in ds.series.iter_mut().zip(legend) {
        s.name = crate::text::clean(name);
    }
    ds.series_ordered =
        ds.series.len() > 1 && ds.series.iter().all(|s| labels::is_ordered(&s.name));
    if let Some(order) = order {
        sort(&mut ds, order);
    }
    Ok(ds)
}

/// How value cells are read.
#[derive(Clone, Copy)]
struct Read {
    mark: DecimalMark,
}

/// The columns a dataset is read from.
struct Chosen {
    /// The column whose cells tell the categories apart.
    label: usize,
    /// The column the category labels are shown from (its Arabic twin in Arabic).
    shown_label: usize,
    /// The column that splits long data into series, if any.
    series: Option<usize>,
    /// The column the series names are shown from.
    shown_series: Option<usize>,
    /// The value columns.
    values: Vec<usize>,
}

/// The category labels in order of first appearance (every row when not pivoting: duplicates
/// stay), and the category of each row.
fn categories(table: &Table, cols: &Chosen) -> (Vec<String>, Vec<usize>) {
    let mut labels: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut row_category = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let key = &row.cells[cols.label];
        let idx = match cols.series {
            Some(_) => keys.iter().position(|k| k == key),
            None => None,
        };
        let idx = idx.unwrap_or_else(|| {
            keys.push(key.clone());
            labels.push(crate::text::clean(&row.cells[cols.shown_label]));
            keys.len() - 1
        });
        row_category.push(idx);
    }
    (labels, row_category)
}

/// The series: one per value column, times one per distinct series key, each with one cell per
/// category; whether any cell was written as a percentage; and the cells that say "no data".
fn series(
    table: &Table,
    cols: &Chosen,
    categories: usize,
    row_category: &[usize],
    read: Read,
) -> Result<(Vec<Series>, bool, Vec<Missing>), DatasetError> {
    let mut series: Vec<Series> = Vec::new();
    let mut series_keys: Vec<(usize, String)> = Vec::new();
    let mut percent = false;
    let mut missing = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        for &vc in &cols.values {
            let skey = cols.series.map_or(String::new(), |c| row.cells[c].clone());
            let s = match series_keys.iter().position(|(c, k)| *c == vc && *k == skey) {
                Some(s) => s,
                None => {
                    series_keys.push((vc, skey));
                    series.push(Series {
                        name: series_name(table, cols, row, vc),
                        key: series_key(table, cols, row, vc),
                        column: table.headers[vc].clone(),
                        cells: vec![None; categories],
                    });
                    series.len() - 1
                }
            };
            if number::is_missing(&row.cells[vc]) {
                missing.push(Missing {
                    series: s,
                    line: row.line,
                    column: row.columns[vc],
                    header: table.headers[vc].clone(),
                    raw: row.cells[vc].clone(),
                });
                continue;
            }
            let (cell, pct) = parse_cell(table, r, vc, read.mark)?;
            percent |= pct;
            series[s].cells[row_category[r]] = Some(cell);
        }
    }
    Ok((series, percent, missing))
}

/// The legend name of the series that `row` starts in value column `vc`: the series key, the
/// value column's header, or both.
fn series_name(table: &Table, cols: &Chosen, row: &Row, vc: usize) -> String {
    let shown = cols.shown_series.map(|c| crate::text::clean(&row.cells[c]));
    match (shown, cols.values.len()) {
        (Some(group), 1) => group,
        (Some(group), _) => format!("{} · {group}", table.headers[vc]),
        (None, _) => crate::text::clean(&table.headers[vc]),
    }
}

/// The key of the series that `row` starts in value column `vc`: as [`series_name`], from
/// the key column instead of its language version.
fn series_key(table: &Table, cols: &Chosen, row: &Row, vc: usize) -> String {
    let key = cols.series.map(|c| crate::text::clean(&row.cells[c]));
    match (key, cols.values.len()) {
        (Some(group), 1) => group,
        (Some(group), _) => format!("{} · {group}", table.headers[vc]),
        (None, _) => crate::text::clean(&table.headers[vc]),
    }
}

/// Sorts categories by the first series (missing values last).
fn sort(ds: &mut Dataset, order: Sort) {
    let key: Vec<f64> = ds
        .values(0)
        .map(|v| v.unwrap_or(f64::NEG_INFINITY))
        .collect();
    let mut idx: Vec<usize> = (0..ds.labels.len()).collect();
    idx.sort_by(|&a, &b| {
        let o = key[a].total_cmp(&key[b]);
        match order {
            Sort::Asc => o,
            Sort::Desc => o.reverse(),
        }
    });
    ds.labels = idx.iter().map(|&i| ds.labels[i].clone()).collect();
    for s in &mut ds.series {
        s.cells = idx.iter().map(|&i| s.cells[i].clone()).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::{Lang, Voice};
    use crate::table::parse;

    fn ds(csv: &str, spec: &DataOptions) -> Result<Dataset, DatasetError> {
        build(&parse("t.csv", csv.as_bytes(), None)?, spec, &[], None)
    }

    #[test]
    fn zero_config_picks_first_text_and_numeric_columns() {
        let d = ds(
            "label,label_ar,share\nDates,التمور,76\nRubber,المطاط,80\n",
            &DataOptions::default(),
        )
        .expect("valid");
        assert_eq!(d.labels, vec!["Dates", "Rubber"]);
        assert_eq!(d.series.len(), 1);
        assert!(d.percent);
        let ar = DataOptions {
            lang: Some(Lang::ar()),
            ..DataOptions::default()
        };
        let d = ds("label,label_ar,share\nDates,التمور,76\n", &ar).expect("valid");
        assert_eq!(d.labels, vec!["التمور"]);
        // "label ar" (a space, as spreadsheets export) is the Arabic twin too.
        let d = ds("label,label ar,share\nDates,التمور,76\n", &ar).expect("valid");
        assert_eq!(d.labels, vec!["التمور"]);
    }

    #[test]
    fn long_data_is_pivoted_into_series() {
        let csv = "label,basis,share\nOil,Production,43\nOil,Reserves,69\nGas,Production,8\nGas,Reserves,57\n";
        let d = ds(csv, &DataOptions::default()).expect("valid");
        assert_eq!(d.labels, vec!["Oil", "Gas"]);
        let names: Vec<_> = d.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["Production", "Reserves"]);
        assert_eq!(
            d.values(1).collect::<Vec<_>>(),
            vec![Some(69.0), Some(57.0)]
        );
    }

    #[test]
    fn duplicate_labels_without_a_key_stay_separate() {
        let d = ds("label,v\nA,1\nA,2\n", &DataOptions::default()).expect("valid");
        assert_eq!(d.labels, vec!["A", "A"]);
    }

    #[test]
    fn percent_from_cells_and_sorting() {
        let t = parse("t.csv", b"name,value\nA,10%\nB,30%\n", None).expect("csv");
        let d = build(&t, &DataOptions::default(), &[], Some(Sort::Desc)).expect("valid");
        assert!(d.percent);
        assert_eq!(d.labels, vec!["B", "A"]);
    }

    #[test]
    fn errors_name_the_place() {
        let e = ds("label,share\nA,1\nB,4x3\nC,2\n", &DataOptions::default())
            .unwrap_err()
            .message()
            .render(Voice::Cli);
        assert!(
            e.starts_with("t.csv:3:3: column 'share': cannot read \"4x3\" as a number"),
            "{e}"
        );
        let spec = DataOptions {
            value: vec!["nope".into()],
            ..DataOptions::default()
        };
        let e = ds("label,share\nA,1\n", &spec)
            .unwrap_err()
            .message()
            .render(Voice::Cli);
        assert!(
            e.contains("no column named 'nope' (asked for by --value)"),
            "{e}"
        );
        assert!(e.contains("the columns are: label, share"), "{e}");
        let e = ds("label,share\nA,7?\n", &DataOptions::default())
            .unwrap_err()
            .message()
            .render(Voice::Cli);
        assert!(
            e.starts_with("t.csv:2:3: column 'share': cannot read \"7?\" as a number"),
            "{e}"
        );
        let e = ds("label,note\nA,x\n", &DataOptions::default()).unwrap_err();
        assert!(matches!(e, DatasetError::NoNumeric { .. }));
        let e = ds("a,b\n1,2\n", &DataOptions::default()).unwrap_err();
        assert!(matches!(e, DatasetError::NoLabel { .. }));
    }
}
