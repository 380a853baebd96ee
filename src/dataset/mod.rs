//! From CSV records and the [`DataOptions`] to the numbers a chart draws: which column gives the
//! labels (in the chosen language), which give the values, and how long data splits into series.
//! [`load`] is the one entry point, for every chart alike: the one reader
//! ([`crate::table::Reader`]), the one planner ([`plan`], from the first rows), then every row
//! into one sink: a table's categories ([`sink`], the N largest only with `top`) or `agg`'s
//! groups ([`agg`]); `top`'s "Other" or note ([`fold`]).
//!
//! Zero configuration: the first text column gives the labels; every numeric column is a series.
//! Long ("tidy") data, where a label repeats once per series (Oil/Production, Oil/Reserves), is
//! pivoted on the text column that tells the repeats apart, so it draws as grouped bars.

pub mod agg;
mod approx;
mod cells;
mod columns;
mod error;
pub mod fold;
mod labels;
pub mod plan;
pub mod sink;

use crate::locale::Locale;
use crate::locale::number::decimals_needed;
use crate::options::{DataOptions, Message, Sort};
use crate::table::{ReadOptions, Reader, Table};
use agg::Groups;
pub use cells::Missing;
pub use error::{DatasetError, Disagreement, TooMany};
use fold::{Folded, Rest};
use plan::Plan;
use sink::Rows;

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
    /// The first rows the columns were chosen from (a message can point at a cell of them).
    pub sample: Table,
    /// True when the sample is the whole file.
    pub whole: bool,
    /// What `agg` computed ("Sum of amount"), for the subtitle.
    pub computed: Option<String>,
    /// A note for the chart, in its language: what `top` left out ("10 largest of 57").
    pub note: Option<String>,
    /// What the user should know besides the warnings of the dataset (a preamble or footer
    /// left out, cells `agg` left out).
    pub notes: Vec<Message>,
    /// The names of [`Shape::watch`] that `top` folded into "Other" or left out.
    pub folded: Vec<String>,
}

/// What the chart asks of its data besides the columns: series names, order, the language of
/// its words, and the most categories it can draw.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'a> {
    /// Legend names of the series, in order.
    pub legend: &'a [String],
    /// Sort the categories.
    pub order: Option<Sort>,
    /// The chart's words ("Other", `agg`'s subtitle, `top`'s note).
    pub locale: &'a Locale,
    /// Past this many categories (without `top`) the chart is refused as soon as the rows
    /// past the sample show it ([`DatasetError::TooMany`]).
    pub most: Option<usize>,
    /// The chart draws its values as the parts of one whole (a pie): what `top` leaves out is
    /// part of it, so it is folded into "Other" unless the user says `other = "drop"`.
    pub parts: bool,
    /// Categories to tell apart if `top` folds them (those the chart highlights):
    /// [`Loaded::folded`].
    pub watch: &'a [String],
    /// The chart needs a value column. A map of the listed countries does not: a table with
    /// no numeric column then gives its labels and no series instead of an error.
    pub values: bool,
}

/// The sink the rows flow into: a table's categories, or `agg`'s groups.
enum Sink<'p> {
    Rows(Rows<'p>),
    Groups(Groups<'p>),
}

impl<'p> Sink<'p> {
    fn new(plan: &'p Plan, data: &DataOptions, sample: &Table, watch: &[String]) -> Sink<'p> {
        match plan.agg {
            Some(_) => Sink::Groups(Groups::new(plan)),
            None => {
                let rank = plan.rank_column(sample);
                let mut rows = Rows::new(plan, data.strict, data.top, rank);
                rows.watch(watch);
                Sink::Rows(rows)
            }
        }
    }

    fn add(&mut self, row: &impl sink::Record) -> Result<(), DatasetError> {
        match self {
            Sink::Rows(r) => r.add(row),
            Sink::Groups(g) => g.add(row),
        }
    }

    /// Categories (or groups) so far.
    fn len(&self) -> usize {
        match self {
            Sink::Rows(r) => r.count(),
            Sink::Groups(g) => g.count(),
        }
    }

    fn ordered(&self) -> bool {
        match self {
            Sink::Rows(r) => r.ordered(),
            Sink::Groups(_) => false,
        }
    }

    /// The dataset, what `top` folded, and the empty cells `agg` left out.
    fn finish(self, top: Option<usize>, watch: &[String]) -> (Dataset, Option<Folded>, u64) {
        match self {
            Sink::Rows(r) => {
                let (ds, folded) = r.finish(top);
                (ds, folded, 0)
            }
            Sink::Groups(g) => {
                let skipped = g.skipped;
                let (ds, folded) = g.finish(top, watch);
                (ds, folded, skipped)
            }
        }
    }
}

/// How the reader reads the CSV, as `data` asks.
fn read_options(data: &DataOptions) -> ReadOptions {
    ReadOptions {
        delimiter: data.delimiter_byte(),
        skip: data.skip.unwrap_or(0),
        header: !data.no_header,
    }
}

/// Reads the dataset of a chart: the columns chosen from the first rows ([`Plan`]), then
/// every row, of those and of the rest as they stream by, into one sink (the table's
/// categories, the N largest with `top`, or `agg`'s groups). `path` names the input in
/// messages.
pub fn load(
    path: &str,
    input: Input,
    data: &DataOptions,
    shape: Shape,
) -> Result<Loaded, DatasetError> {
    let input = match input {
        Input::Bytes(b) => Box::new(b) as Box<dyn std::io::Read>,
        Input::Reader(r) => r,
    };
    let mut reader = Reader::open(path, input, read_options(data))?;
    let (sample, more) = reader.sample(plan::SAMPLE)?;
    let plan = Plan::new(&sample, data, shape.values)?;
    let mut sink = Sink::new(&plan, data, &sample, shape.watch);
    for row in &sample.rows {
        sink.add(row)?;
    }
    let most = shape.most.filter(|_| data.top.is_none());
    if more {
        while reader.advance()? {
            sink.add(&reader)?;
            if let Some(most) = most
                && sink.len() > most
            {
                return Err(DatasetError::TooMany(TooMany {
                    path: path.to_string(),
                    line: reader.line(),
                    most,
                    ordered: sink.ordered(),
                }));
            }
        }
    }
    let mut notes = reader.take_notes();
    let (dataset, note, skipped, folded) = shape_up(&plan, sink, data, shape)?;
    if let Some(column) = plan.value().filter(|_| skipped > 0) {
        let cells = if skipped == 1 { "cell" } else { "cells" };
        notes.push(
            Message::new()
                .text(format!(
                    "{path}: skipped {skipped} empty {cells} in column '{}' (",
                    plan.headers[column]
                ))
                .set("agg", plan.agg.map_or("", |a| a.name()))
                .text(" leaves them out)"),
        );
    }
    let computed = plan.agg.map(|agg| {
        let by = &plan.headers[plan.label];
        let of = plan.value().map_or("", |c| plan.headers[c].as_str());
        shape.locale.agg_subtitle(agg, by, of)
    });
    Ok(Loaded {
        dataset,
        sample,
        whole: !more,
        computed,
        note,
        notes,
        folded,
    })
}

/// The dataset a sink ends with, as the chart asks: "Other" or a note for what `top`
/// folded, series named by the legend, categories sorted ("Other" stays last).
fn shape_up(
    plan: &Plan,
    sink: Sink,
    data: &DataOptions,
    shape: Shape,
) -> Result<(Dataset, Option<String>, u64, Vec<String>), DatasetError> {
    let (mut ds, folded, skipped) = sink.finish(data.top, shape.watch);
    let watched = folded.as_ref().map_or(Vec::new(), |f| f.watched.clone());
    let rest = match &folded {
        Some(f) => {
            let adds_up = plan.values.iter().all(|&c| fold::adds_up(&plan.headers[c]));
            let adds_up = adds_up || shape.parts;
            fold::rest(f, data.other, ds.percent, adds_up, &ds.path, shape.locale)?
        }
        None => Rest::None,
    };
    for (s, name) in ds.series.iter_mut().zip(shape.legend) {
        s.name = crate::text::clean(name);
    }
    ds.series_ordered =
        ds.series.len() > 1 && ds.series.iter().all(|s| labels::is_ordered(&s.name));
    if let Some(order) = shape.order {
        sort(&mut ds, order);
    }
    let note = match rest {
        Rest::Other(cells) => {
            ds.labels.push(shape.locale.words().other.to_string());
            for (s, cell) in ds.series.iter_mut().zip(cells) {
                s.cells.push(cell);
            }
            None
        }
        Rest::Note(note) => Some(note),
        Rest::None => None,
    };
    Ok((ds, note, skipped, watched))
}

/// Builds the dataset of a table already read, as [`load`] does (in English, without `top`'s
/// note): the columns chosen, series named by `legend` (in order), categories sorted if asked.
pub fn build(
    table: &Table,
    data: &DataOptions,
    legend: &[String],
    order: Option<Sort>,
) -> Result<Dataset, DatasetError> {
    let plan = Plan::new(table, data, true)?;
    let mut sink = Sink::new(&plan, data, table, &[]);
    for row in &table.rows {
        sink.add(row)?;
    }
    let shape = Shape {
        legend,
        order,
        locale: Locale::of(&crate::options::Lang::en()),
        most: None,
        parts: false,
        watch: &[],
        values: true,
    };
    Ok(shape_up(&plan, sink, data, shape)?.0)
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
