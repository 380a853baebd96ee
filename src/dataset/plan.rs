//! The one planner: which columns a chart reads, chosen from a sample of the first rows (the
//! whole of a small file), for a table drawn as it is and for records grouped by `agg` alike.
//! Every row after it, of the sample and of the rest, flows into one sink ([`super::sink`]).

use super::cells::{check_ambiguous, decimal_mark, looks_numeric};
use super::columns::{find, label_and_series, percent_header, shown_column, value_columns};
use super::{DatasetError, labels};
use crate::options::{Agg, DataOptions, DecimalMark};
use crate::table::Table;

/// Rows read before the columns are chosen.
pub const SAMPLE: usize = 1000;

/// The columns a chart reads and how.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The file as shown in messages.
    pub path: String,
    /// The header.
    pub headers: Vec<String>,
    /// The decimal separator of the value cells.
    pub mark: DecimalMark,
    /// The column whose cells tell the categories apart.
    pub label: usize,
    /// The column the category labels are shown from (its Arabic twin in Arabic).
    pub shown_label: usize,
    /// The column that splits long data (or `agg`'s groups) into series, if any.
    pub series: Option<usize>,
    /// The column the series names are shown from.
    pub shown_series: Option<usize>,
    /// The value columns (none for `agg count`, one for the other `agg`s).
    pub values: Vec<usize>,
    /// How rows are grouped, if they are.
    pub agg: Option<Agg>,
    /// The value columns' headers name percentages.
    pub percent_header: bool,
    /// The column that marks rows approximate (`approx`), never a label, series or value.
    pub approx: Option<usize>,
}

impl Plan {
    /// The plan for `sample` as `data` asks: chosen as if an `approx` column were not there
    /// ([`super::approx`]). Without `need_values` (a map of listed countries), a table with no
    /// numeric column is planned with no value column.
    pub fn new(
        sample: &Table,
        data: &DataOptions,
        need_values: bool,
    ) -> Result<Plan, DatasetError> {
        let (rest, _) = super::approx::split(sample)?;
        let mut plan = Plan::choose(rest.as_ref(), data, need_values)?;
        if let Some(col) = super::approx::column(&sample.headers) {
            // Back to the file's columns: those after the `approx` column move one right.
            let at = |c: usize| if c >= col { c + 1 } else { c };
            plan.label = at(plan.label);
            plan.shown_label = at(plan.shown_label);
            plan.series = plan.series.map(at);
            plan.shown_series = plan.shown_series.map(at);
            plan.values = plan.values.iter().map(|&c| at(c)).collect();
            plan.headers = sample.headers.clone();
            plan.approx = Some(col);
        }
        Ok(plan)
    }

    /// The plan for a table without an `approx` column.
    fn choose(sample: &Table, data: &DataOptions, need_values: bool) -> Result<Plan, DatasetError> {
        let mark = decimal_mark(sample, data.decimal_mark());
        let numeric: Vec<bool> = (0..sample.headers.len())
            .map(|c| looks_numeric(sample, c, mark))
            .collect();
        let (label, series) = label_and_series(
            sample,
            data.label.as_deref(),
            data.series.as_deref(),
            &numeric,
        )?;
        let (series, values) = match data.agg {
            None => {
                let values = match value_columns(sample, &data.value, label, series, &numeric) {
                    Err(DatasetError::NoNumeric { .. }) if !need_values => Vec::new(),
                    found => found?,
                };
                if data.decimal.is_none() {
                    for &c in &values {
                        check_ambiguous(sample, c)?;
                    }
                }
                (series, values)
            }
            Some(agg) => {
                // Records repeat their labels: a series column is the one named, never one
                // guessed.
                let series = match &data.series {
                    Some(name) => Some(find(sample, name, "series")?),
                    None => None,
                };
                (
                    series,
                    agg_value(sample, data, agg, label, series, &numeric)?,
                )
            }
        };
        let lang = data.lang.as_ref();
        Ok(Plan {
            path: sample.path.clone(),
            headers: sample.headers.clone(),
            mark,
            label,
            shown_label: shown_column(sample, label, lang)?,
            series,
            shown_series: series.map(|c| shown_column(sample, c, lang)).transpose()?,
            percent_header: percent_header(sample, &values),
            values,
            agg: data.agg,
            approx: None,
        })
    }

    /// The value column of a plan with one (`agg` other than `count`).
    pub fn value(&self) -> Option<usize> {
        self.values.first().copied()
    }

    /// For a wide table of periods (`name,2015,...,2024`), the value column to rank rows by
    /// for `top`: the latest period that at least half of the sample's rows fill (else the
    /// one most fill); else the first value column. `None` when there is one value column.
    pub fn rank_column(&self, sample: &Table) -> Option<usize> {
        if self.values.len() < 2 || self.series.is_some() {
            return None;
        }
        let years: Option<Vec<u16>> = self
            .values
            .iter()
            .map(|&c| crate::table::year_of(&self.headers[c]))
            .collect();
        let Some(years) = years else {
            return Some(0);
        };
        let filled: Vec<usize> = self
            .values
            .iter()
            .map(|&c| {
                sample
                    .rows
                    .iter()
                    .filter(|r| !crate::table::number::is_missing(&r.cells[c]))
                    .count()
            })
            .collect();
        Some(labels::latest(&years, &filled, sample.rows.len()))
    }
}

/// The value column `agg` reads: none for `count`; the one named; else the one numeric
/// column (several are refused).
fn agg_value(
    sample: &Table,
    data: &DataOptions,
    agg: Agg,
    label: usize,
    series: Option<usize>,
    numeric: &[bool],
) -> Result<Vec<usize>, DatasetError> {
    match (agg, data.value.first()) {
        (Agg::Count, _) => Ok(Vec::new()),
        (_, Some(name)) => Ok(vec![find(sample, name, "value")?]),
        (_, None) => {
            let cols = value_columns(sample, &[], label, series, numeric)?;
            if cols.len() > 1 {
                let names: Vec<&str> = cols.iter().map(|&c| sample.headers[c].as_str()).collect();
                return Err(DatasetError::SeveralValues {
                    path: sample.path.clone(),
                    agg: agg.name(),
                    columns: names.join(", "),
                    first: names[0].to_string(),
                });
            }
            Ok(cols)
        }
    }
}
