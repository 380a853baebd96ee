//! `agg`: a file of records (one row per shipment, per event, per answer) grouped by its label
//! column, and by the series column when one is named, into one value per group: the count of
//! rows, or the sum, mean, min or max of the value column.
//!
//! The rows are streamed ([`Stream`]): only the groups are kept, so memory does not grow with
//! the file. The columns are chosen as for any chart ([`super::build`]) from the first
//! [`SAMPLE`] rows, which is the whole of a small file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::cells::{decimal_mark, looks_numeric};
use super::columns::{find, label_and_series, percent_header, shown_column};
use super::{Cell, Dataset, DatasetError, Series, sort};
use crate::locale::Locale;
use crate::locale::number::{decimals_needed, format};
use crate::options::{Agg, DataOptions, DecimalMark, Sort};
use crate::table::number::{self, Number, NumberError};
use crate::table::stream::Stream;
use crate::table::{Row, Table};

/// Rows read before the columns are chosen.
pub const SAMPLE: usize = 1000;

/// A dataset of groups, with what was computed.
#[derive(Debug, Clone)]
pub struct Aggregated {
    /// One category per label (in order of first appearance), one series per series key.
    pub dataset: Dataset,
    /// Empty value cells left out, and the column they are in.
    pub skipped: Option<(u64, String)>,
    /// What was computed, for the subtitle: "Count of rows by region", "Sum of amount".
    pub subtitle: String,
}

/// The columns grouping reads.
#[derive(Debug, Clone, Copy)]
struct Plan {
    mark: DecimalMark,
    label: usize,
    shown_label: usize,
    series: Option<usize>,
    shown_series: Option<usize>,
    value: Option<usize>,
}

/// What grouping needs of a row: its cells and where they are.
trait Record {
    fn cell(&self, c: usize) -> &str;
    fn line(&self) -> u64;
    fn column(&self, c: usize) -> usize;
}

impl Record for Row {
    fn cell(&self, c: usize) -> &str {
        &self.cells[c]
    }
    fn line(&self) -> u64 {
        self.line
    }
    fn column(&self, c: usize) -> usize {
        self.columns[c]
    }
}

impl Record for Stream<'_> {
    fn cell(&self, c: usize) -> &str {
        Stream::cell(self, c)
    }
    fn line(&self) -> u64 {
        Stream::line(self)
    }
    fn column(&self, c: usize) -> usize {
        self.columns().get(c).copied().unwrap_or(1)
    }
}

/// Reads the rest of `stream` and groups its rows as `spec` asks (`agg` must be set): series
/// renamed by `legend`, categories sorted by `order`, the subtitle in `locale`'s words.
pub fn aggregate(
    stream: &mut Stream,
    spec: &DataOptions,
    legend: &[String],
    order: Option<Sort>,
    locale: &Locale,
) -> Result<Aggregated, DatasetError> {
    let agg = spec.agg.unwrap_or(Agg::Count);
    let (sample, more) = stream.sample(SAMPLE)?;
    let plan = plan(&sample, spec, agg)?;
    let mut groups = Groups::new(&sample, plan, agg);
    for row in &sample.rows {
        groups.add(row)?;
    }
    if more {
        while stream.advance()? {
            groups.add(&*stream)?;
        }
    }
    let skipped = plan
        .value
        .filter(|_| groups.skipped > 0)
        .map(|c| (groups.skipped, sample.headers[c].clone()));
    let percent = plan
        .value
        .is_some_and(|c| percent_header(&sample, &[c]) || groups.percent);
    let mut dataset = groups.finish(&sample, percent);
    for (s, name) in dataset.series.iter_mut().zip(legend) {
        s.name = crate::text::clean(name);
    }
    if let Some(order) = order {
        sort(&mut dataset, order);
    }
    let by = &sample.headers[plan.label];
    let of = plan.value.map_or("", |c| sample.headers[c].as_str());
    Ok(Aggregated {
        dataset,
        skipped,
        subtitle: locale.agg_subtitle(agg, by, of),
    })
}

/// The columns to group by and to read, chosen from the sample.
fn plan(sample: &Table, spec: &DataOptions, agg: Agg) -> Result<Plan, DatasetError> {
    let mark = decimal_mark(sample, spec.decimal_mark());
    let numeric: Vec<bool> = (0..sample.headers.len())
        .map(|c| looks_numeric(sample, c, mark))
        .collect();
    // Records repeat their labels: a series column is the one named, never one guessed.
    let (label, _) = label_and_series(
        sample,
        spec.label.as_deref(),
        spec.series.as_deref(),
        &numeric,
    )?;
    let series = match &spec.series {
        Some(name) => Some(find(sample, name, "series")?),
        None => None,
    };
    let value = match (agg, spec.value.first()) {
        (Agg::Count, _) => None,
        (_, Some(name)) => Some(find(sample, name, "value")?),
        (_, None) => {
            let cols = super::columns::value_columns(sample, &[], label, series, &numeric)?;
            if cols.len() > 1 {
                let names: Vec<&str> = cols.iter().map(|&c| sample.headers[c].as_str()).collect();
                return Err(DatasetError::SeveralValues {
                    path: sample.path.clone(),
                    agg: agg.name(),
                    columns: names.join(", "),
                    first: names[0].to_string(),
                });
            }
            cols.first().copied()
        }
    };
    let lang = spec.lang.as_ref();
    Ok(Plan {
        mark,
        label,
        shown_label: shown_column(sample, label, lang)?,
        series,
        shown_series: series.map(|c| shown_column(sample, c, lang)).transpose()?,
        value,
    })
}

/// The value of a cell: `None` when it says "no data" (empty, `NA`, `..`: left out), read
/// with the file's decimal separator, by the same rules as any chart's cells.
fn value(raw: &str, mark: DecimalMark) -> Result<Option<Number>, NumberError> {
    if number::is_missing(raw) {
        return Ok(None);
    }
    number::parse_as(raw, mark).map(Some)
}

/// Running figures of one group.
#[derive(Debug, Clone, Copy)]
struct Acc {
    rows: u64,
    values: u64,
    sum: f64,
    min: f64,
    max: f64,
    /// Some value was written as approximate (`~25`): so is their sum, mean, min or max.
    approx: bool,
}

impl Default for Acc {
    fn default() -> Self {
        Acc {
            rows: 0,
            values: 0,
            sum: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            approx: false,
        }
    }
}

impl Acc {
    fn push(&mut self, v: f64, approx: bool) {
        self.approx |= approx;
        self.values += 1;
        self.sum += v;
        self.min = self.min.min(v);
        self.max = self.max.max(v);
    }

    /// The group's value; `None` when it has no value to show.
    fn result(&self, agg: Agg) -> Option<f64> {
        let n = self.values as f64;
        match agg {
            Agg::Count => Some(self.rows as f64),
            _ if self.values == 0 => None,
            Agg::Sum => Some(self.sum),
            Agg::Mean => Some(self.sum / n),
            Agg::Min => Some(self.min),
            Agg::Max => Some(self.max),
        }
    }
}

/// A fast hash for group keys (the multiply-rotate of rustc's FxHash): a million lookups are
/// most of the time of `agg count`, and SipHash's resistance to chosen keys buys nothing in a
/// one-shot command.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Distinct keys of one column in order of first appearance, with how each is shown.
#[derive(Default)]
struct Keys {
    index: HashMap<String, usize, BuildHasherDefault<Fx>>,
    /// Shown text as written, and the line and column it was first read at.
    first: Vec<(String, u64, usize)>,
}

impl Keys {
    /// The index of the row's key in column `key`, shown from column `shown`; a new key is
    /// added, a known one is checked to be shown the same.
    fn of(
        &mut self,
        row: &impl Record,
        key: usize,
        shown: usize,
        path: &str,
        headers: &[String],
    ) -> Result<usize, DatasetError> {
        let k = row.cell(key);
        if let Some(&i) = self.index.get(k) {
            if shown != key && self.first[i].0 != row.cell(shown) {
                return Err(DatasetError::Disagree(Box::new(
                    super::error::Disagreement {
                        path: path.to_string(),
                        line: row.line(),
                        column: row.column(shown),
                        key: k.to_string(),
                        shown: headers[shown].clone(),
                        first: self.first[i].0.clone(),
                        first_line: self.first[i].1,
                        here: row.cell(shown).to_string(),
                    },
                )));
            }
            return Ok(i);
        }
        let i = self.first.len();
        self.index.insert(k.to_string(), i);
        let shown = row.cell(shown).to_string();
        self.first.push((shown, row.line(), row.column(key)));
        Ok(i)
    }
}

/// The groups read so far.
struct Groups {
    path: String,
    headers: Vec<String>,
    plan: Plan,
    agg: Agg,
    labels: Keys,
    series: Keys,
    /// `[series][category]`.
    accs: Vec<Vec<Acc>>,
    skipped: u64,
    percent: bool,
}

impl Groups {
    fn new(sample: &Table, plan: Plan, agg: Agg) -> Groups {
        Groups {
            path: sample.path.clone(),
            headers: sample.headers.clone(),
            plan,
            agg,
            labels: Keys::default(),
            series: Keys::default(),
            accs: Vec::new(),
            skipped: 0,
            percent: false,
        }
    }

    fn add(&mut self, row: &impl Record) -> Result<(), DatasetError> {
        let p = self.plan;
        let cat = self
            .labels
            .of(row, p.label, p.shown_label, &self.path, &self.headers)?;
        let ser = match (p.series, p.shown_series) {
            (Some(c), Some(shown)) => self.series.of(row, c, shown, &self.path, &self.headers)?,
            _ => 0,
        };
        if self.accs.len() <= ser {
            self.accs.resize(ser + 1, Vec::new());
        }
        let accs = &mut self.accs[ser];
        if accs.len() <= cat {
            accs.resize(cat + 1, Acc::default());
        }
        let acc = &mut accs[cat];
        acc.rows += 1;
        let Some(vc) = p.value else { return Ok(()) };
        match value(row.cell(vc), p.mark) {
            Ok(Some(n)) => {
                acc.push(n.value, n.approx);
                self.percent |= n.percent;
            }
            Ok(None) => self.skipped += 1,
            Err(e) => {
                return Err(DatasetError::Parse {
                    path: self.path.clone(),
                    line: row.line(),
                    column: row.column(vc),
                    name: self.headers[vc].clone(),
                    value: row.cell(vc).to_string(),
                    hint: e.hint(),
                });
            }
        }
        Ok(())
    }

    /// The dataset of the groups.
    fn finish(self, sample: &Table, percent: bool) -> Dataset {
        let column = self
            .plan
            .value
            .map_or_else(|| self.agg.name().to_string(), |c| self.headers[c].clone());
        let names: Vec<String> = match self.plan.series {
            Some(_) => self
                .series
                .first
                .iter()
                .map(|(s, ..)| crate::text::clean(s))
                .collect(),
            None => vec![crate::text::clean(&column)],
        };
        let categories = self.labels.first.len();
        let series = names
            .into_iter()
            .enumerate()
            .map(|(s, name)| {
                let accs = self.accs.get(s).map_or(&[][..], Vec::as_slice);
                let cells = (0..categories)
                    .map(|c| {
                        let acc = accs.get(c).copied().unwrap_or_default();
                        let (_, line, column) = self.labels.first[c];
                        acc.result(self.agg).map(|value| Cell {
                            value,
                            line,
                            column,
                            raw: format(value, decimals_needed(&[value])),
                            // A count of rows is exact, whatever their values.
                            approx: acc.approx && self.agg != Agg::Count,
                        })
                    })
                    .collect();
                Series {
                    key: name.clone(),
                    name,
                    column: column.clone(),
                    cells,
                }
            })
            .collect();
        Dataset {
            path: sample.path.clone(),
            labels: self
                .labels
                .first
                .iter()
                .map(|(l, ..)| crate::text::clean(l))
                .collect(),
            series,
            percent,
            // A group with no value has no bar; skipped cells are noted by the pipeline.
            missing: Vec::new(),
            warnings: Vec::new(),
            // Groups come in the order they first appear, not the order of years or dates.
            ordered: false,
            series_ordered: false,
        }
    }
}
