//! `top N`: keep the N largest categories, and what becomes of the rest. "Other" is a true
//! number or nothing:
//!
//! - grouped records (`agg`): the rest grouped as one, by the same rule (the count or sum of
//!   their rows, the mean of their rows weighted by their counts, not a mean of means, their
//!   minimum or maximum);
//! - a table: the sum of the rest, but only of values that add up: percentages that are parts
//!   of one whole (adding up to 100% at most), or a column whose header names a count or an
//!   amount and no rate (`population`, `count`, `total`; not `rate`, `per capita`, `mean`).
//!   Other values (life expectancy, prices, rates) are not summed: the N largest are drawn
//!   and a note on the chart says what was left out ("10 largest of 57").
//!
//! `other = "sum"` folds into "Other" anyway (refused for percentages past 100%), `other =
//! "drop"` never does.
//!
//! Ranking: by the first series, or for a table of periods (years as series) by the latest
//! period that at least half the categories fill (`labels::latest`).

use super::{Cell, DatasetError};
use crate::locale::Locale;
use crate::locale::number::format;
use crate::options::{Agg, Message, OtherRule};

/// Running figures of a group, or of the categories folded into "Other": how many (rows for
/// `count`, values otherwise) and one figure (the sum, the minimum or the maximum).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Acc {
    /// Rows (`count`) or values.
    pub n: u64,
    /// The sum (`sum`, `mean`), the minimum (`min`) or the maximum (`max`).
    pub x: f64,
}

impl Acc {
    /// Adds one value (a row, for `count`).
    pub fn push(&mut self, agg: Agg, v: f64) {
        self.x = match agg {
            _ if self.n == 0 && agg != Agg::Count => v,
            Agg::Count => 0.0,
            Agg::Sum | Agg::Mean => self.x + v,
            Agg::Min => self.x.min(v),
            Agg::Max => self.x.max(v),
        };
        self.n += 1;
    }

    /// Adds the rows of another group, as if they had been this group's.
    pub fn merge(&mut self, agg: Agg, other: Acc) {
        if other.n == 0 {
            return;
        }
        self.x = match agg {
            _ if self.n == 0 => other.x,
            Agg::Count => 0.0,
            Agg::Sum | Agg::Mean => self.x + other.x,
            Agg::Min => self.x.min(other.x),
            Agg::Max => self.x.max(other.x),
        };
        self.n += other.n;
    }

    /// The value; `None` for a group with no value.
    pub fn result(&self, agg: Agg) -> Option<f64> {
        match agg {
            Agg::Count => Some(self.n as f64),
            _ if self.n == 0 => None,
            Agg::Mean => Some(self.x / self.n as f64),
            Agg::Sum | Agg::Min | Agg::Max => Some(self.x),
        }
    }
}

/// The categories `top` folded: how many of how many, and their figures per series, folded
/// the way the chart's values combine (`Agg::Sum` for a table).
#[derive(Debug, Clone, PartialEq)]
pub struct Folded {
    /// Categories kept.
    pub kept: usize,
    /// Categories in all.
    pub total: usize,
    /// Per series, the figures of the folded categories.
    pub accs: Vec<Acc>,
    /// Per series, some value folded was approximate: so is "Other".
    pub approx: Vec<bool>,
    /// Per series, the sum of every value, kept or folded (is it a whole?).
    pub totals: Vec<f64>,
    /// How the figures combine.
    pub agg: Agg,
    /// Grouped records (`agg`): "Other" is their group, always a true number.
    pub grouped: bool,
    /// The series ranked by, when it is not the only one: its name.
    pub ranked_by: Option<String>,
    /// Where the first category folded was read (line, column): "Other" points there.
    pub first: Option<(u64, usize)>,
    /// The names watched for ([`super::Shape::watch`]) that name a category folded.
    pub watched: Vec<String>,
}

/// Names to watch for among the categories `top` folds (the categories a chart highlights):
/// the chart refuses to fold one away unseen.
#[derive(Debug, Clone, Default)]
pub struct Watch {
    names: Vec<String>,
    folded: Vec<bool>,
}

impl Watch {
    /// Watching for `names`.
    pub fn new(names: &[String]) -> Watch {
        Watch {
            names: names.to_vec(),
            folded: vec![false; names.len()],
        }
    }

    /// True when there is nothing to watch for (the label need not be made).
    pub fn idle(&self) -> bool {
        self.names.is_empty()
    }

    /// A category shown as `label` was folded.
    pub fn fold(&mut self, label: &str) {
        for (name, folded) in self.names.iter().zip(&mut self.folded) {
            *folded |= crate::text::same_name(name, label);
        }
    }

    /// The names that name a folded category.
    pub fn folded(&self) -> Vec<String> {
        self.names
            .iter()
            .zip(&self.folded)
            .filter(|(_, f)| **f)
            .map(|(n, _)| n.clone())
            .collect()
    }
}

/// What `top` leaves on the chart besides the N largest: an "Other" category (one cell per
/// series), or a note saying what was left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Rest {
    /// Nothing was folded.
    None,
    /// "Other", with its cells.
    Other(Vec<Option<Cell>>),
    /// The note ("10 largest of 57"), in the chart's language.
    Note(String),
}

/// Headers of a table's values that add up (a word of the header, lower case).
const AMOUNT_WORDS: [&str; 24] = [
    "count",
    "counts",
    "number",
    "total",
    "amount",
    "sum",
    "population",
    "people",
    "persons",
    "sales",
    "revenue",
    "exports",
    "imports",
    "production",
    "output",
    "quantity",
    "volume",
    "deaths",
    "cases",
    "births",
    "visitors",
    "votes",
    "tonnes",
    "tons",
];
/// Words of a header that make its values a rate or an average, whatever else it says.
const RATE_WORDS: [&str; 14] = [
    "rate",
    "rates",
    "per",
    "average",
    "avg",
    "mean",
    "median",
    "ratio",
    "index",
    "expectancy",
    "density",
    "capita",
    "price",
    "growth",
];

/// True when a table's value column, by its header, holds counts or amounts that add up.
pub fn adds_up(header: &str) -> bool {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| AMOUNT_WORDS.contains(w)) && !words.iter().any(|w| RATE_WORDS.contains(w))
}

/// What becomes of the folded categories of a chart at `path`: `rule` as the user chose
/// (`None`: decided here), `percent` values, `adds_up` by their header (or as the parts of a
/// pie), the note in `locale`.
pub fn rest(
    folded: &Folded,
    rule: Option<OtherRule>,
    percent: bool,
    adds_up: bool,
    path: &str,
    locale: &Locale,
) -> Result<Rest, DatasetError> {
    if folded.kept >= folded.total {
        return Ok(Rest::None);
    }
    let whole = folded.totals.iter().all(|t| *t <= 100.5);
    let sum = match rule {
        Some(OtherRule::Drop) => false,
        Some(OtherRule::Sum) => {
            if percent && !folded.grouped && !whole {
                return Err(not_a_whole(folded, path));
            }
            true
        }
        None if folded.grouped => true,
        None if percent => whole || adds_up,
        None => adds_up,
    };
    if !sum {
        return Ok(Rest::Note(locale.largest(
            folded.kept,
            folded.total,
            folded.ranked_by.as_deref(),
        )));
    }
    let folded_n = folded.total - folded.kept;
    let (line, column) = folded.first.unwrap_or((1, 1));
    let cells = folded
        .accs
        .iter()
        .enumerate()
        .map(|(s, acc)| {
            acc.result(folded.agg).map(|value| Cell {
                value,
                line,
                column,
                raw: format!("{} of {folded_n} categories", folded.agg.name()),
                // A count of rows is exact, whatever their values.
                approx: folded.approx.get(s).copied().unwrap_or(false)
                    && !(folded.grouped && folded.agg == Agg::Count),
            })
        })
        .collect();
    Ok(Rest::Other(cells))
}

/// The indices of the `n` largest of `values` (a missing one is the smallest; of equals, the
/// earlier), in their order: kept as they pass, in memory for `n` only.
pub fn largest(n: usize, values: impl Iterator<Item = Option<f64>>) -> Vec<usize> {
    let mut kept: Vec<(f64, usize)> = Vec::with_capacity(n + 1);
    let mut worst = f64::NEG_INFINITY;
    for (i, v) in values.enumerate() {
        let v = v.unwrap_or(f64::NEG_INFINITY);
        if kept.len() < n {
            kept.push((v, i));
        } else if v > worst {
            // Out goes the smallest, the latest of equals.
            let out = (0..kept.len()).min_by(|&a, &b| {
                kept[a]
                    .0
                    .total_cmp(&kept[b].0)
                    .then(kept[b].1.cmp(&kept[a].1))
            });
            if let Some(out) = out {
                kept[out] = (v, i);
            }
        } else {
            continue;
        }
        if kept.len() >= n {
            worst = kept.iter().map(|k| k.0).fold(f64::INFINITY, f64::min);
        }
    }
    let mut idx: Vec<usize> = kept.into_iter().map(|(_, i)| i).collect();
    idx.sort_unstable();
    idx
}

/// The error for percentages that are not parts of one whole, asked to be summed.
fn not_a_whole(folded: &Folded, path: &str) -> DatasetError {
    let total = folded.totals.iter().copied().fold(0.0, f64::max);
    DatasetError::Refused(
        Message::new()
            .text(format!(
                "{path}: the shares add up to {}%, so they are not parts of one whole and cannot be added up into \"Other\"\n  hint: keep the largest without \"Other\" with ",
                format(total, crate::locale::number::decimals_needed(&[total])),
            ))
            .set_text("other", "drop")
            .text(", or draw every row with ")
            .kind("bar", &["horizontal"]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_is_a_true_number_for_every_agg() {
        let group = |agg, values: &[f64]| {
            let mut a = Acc::default();
            for &v in values {
                a.push(agg, v);
            }
            a
        };
        // Two groups of 1 and 3 rows: the mean of the four rows is 4, not (2 + 5) / 2.
        let mut other = group(Agg::Mean, &[2.0]);
        other.merge(Agg::Mean, group(Agg::Mean, &[4.0, 5.0, 6.0]));
        assert_eq!(other.result(Agg::Mean), Some(4.25));
        let mut other = group(Agg::Max, &[73.4]);
        other.merge(Agg::Max, group(Agg::Max, &[12.0, 30.0]));
        assert_eq!(other.result(Agg::Max), Some(73.4));
        let mut other = group(Agg::Min, &[-3.0]);
        other.merge(Agg::Min, group(Agg::Min, &[12.0, 30.0]));
        assert_eq!(other.result(Agg::Min), Some(-3.0));
        let mut other = group(Agg::Count, &[0.0, 0.0]);
        other.merge(Agg::Count, group(Agg::Count, &[0.0]));
        assert_eq!(other.result(Agg::Count), Some(3.0));
        assert_eq!(Acc::default().result(Agg::Sum), None);
    }

    #[test]
    fn the_largest_are_kept_in_order_and_ties_go_to_the_earlier() {
        let v = [5.0, 50.0, 1.0, 20.0, 2.0, 20.0];
        assert_eq!(largest(2, v.iter().map(|&x| Some(x))), vec![1, 3]);
        assert_eq!(largest(3, v.iter().map(|&x| Some(x))), vec![1, 3, 5]);
        assert_eq!(
            largest(2, [5.0, 20.0, 50.0, 20.0].into_iter().map(Some)),
            vec![1, 2],
            "the earlier of two equals"
        );
        assert_eq!(
            largest(2, [None, Some(1.0), None].into_iter()),
            vec![0, 1],
            "a missing value is the smallest"
        );
        assert_eq!(largest(9, v.iter().map(|&x| Some(x))).len(), 6);
    }

    #[test]
    fn amounts_add_up_and_rates_do_not() {
        for h in [
            "population",
            "Total deaths",
            "count",
            "exports (US$)",
            "Number of cases",
        ] {
            assert!(adds_up(h), "{h}");
        }
        for h in [
            "lifeExp",
            "gdpPercap",
            "GDP per capita",
            "Total fertility rate",
            "mean temperature",
            "value",
            "share",
            "price",
        ] {
            assert!(!adds_up(h), "{h}");
        }
    }
}
