//! How many categories a chart can show readably, and `--top N`: keep the N largest categories
//! and fold the rest into one "Other" bar or slice. Past a limit without `--top`, the chart is
//! refused with a hint rather than drawn unreadable.

use crate::dataset::{Cell, Dataset};
use crate::error::ChartError;
use crate::spec::{ChartOptions, Columns, Lang};

/// The most categories (bars or slices) a chart shows, and how to name them in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The most categories.
    pub max: usize,
    /// "categories" or "slices".
    pub what: &'static str,
    /// The chart in words.
    pub chart: &'static str,
    /// What else to try.
    pub alt: Alt,
}

/// What else to try when a chart has too many categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alt {
    /// Nothing more than `top`.
    Nothing,
    /// Horizontal bars instead of a pie.
    BarChart,
    /// Horizontal bars instead of vertical ones.
    Horizontal,
}

/// Vertical bars.
pub const VERTICAL_BARS: Limit = Limit {
    max: 24,
    what: "categories",
    chart: "bar chart",
    alt: Alt::Horizontal,
};
/// Horizontal bars (and the terminal preview).
pub const HORIZONTAL_BARS: Limit = Limit {
    max: 40,
    what: "categories",
    chart: "bar chart",
    alt: Alt::Nothing,
};
/// One pie.
pub const PIE: Limit = Limit {
    max: 8,
    what: "slices",
    chart: "pie",
    alt: Alt::BarChart,
};
/// A grid of small pies.
pub const PIE_GRID: Limit = Limit {
    max: 30,
    what: "categories",
    chart: "grid of pies",
    alt: Alt::BarChart,
};

/// The limit of a chart with these options.
pub fn of(options: &ChartOptions) -> Limit {
    match options {
        ChartOptions::Pie(o) if o.each_row => PIE_GRID,
        ChartOptions::Pie(_) => PIE,
        ChartOptions::Bar(o) if o.horizontal => HORIZONTAL_BARS,
        ChartOptions::Bar(_) => VERTICAL_BARS,
    }
}

/// The most bars a chart of the default height draws: it grows tall enough for them.
pub const MANY_BARS: usize = 150;

/// The limit of a chart with these options for this data. A bar chart at the default height
/// grows (horizontal bars in taller rows, or thinned year labels) up to [`MANY_BARS`]; at a
/// given height horizontal bars take as many rows as fit, and vertical bars of years or dates
/// as many as the width holds at a few pixels each.
pub fn of_data(options: &ChartOptions, ds: &Dataset) -> Limit {
    match options {
        ChartOptions::Bar(o) if o.common.height.is_none() => Limit {
            max: MANY_BARS,
            ..HORIZONTAL_BARS
        },
        ChartOptions::Bar(o) if o.horizontal => Limit {
            max: (o.common.height().saturating_sub(160) / 16).max(40) as usize,
            ..HORIZONTAL_BARS
        },
        ChartOptions::Bar(o) if ds.ordered => Limit {
            max: (o.common.width.saturating_sub(120) / 6).max(24) as usize,
            ..VERTICAL_BARS
        },
        _ => of(options),
    }
}

/// The label of the folded categories.
pub fn other_label(lang: &Lang) -> &'static str {
    crate::spec::lang::words(lang).other
}

/// Applies `top` and checks the limit.
pub fn fit(ds: &mut Dataset, limit: Limit, columns: &Columns) -> Result<(), ChartError> {
    if let Some(n) = columns.top
        && ds.labels.len() > n
    {
        fold(ds, n, columns)?;
    }
    if ds.labels.len() > limit.max {
        return Err(ChartError::TooMany {
            path: ds.path.clone(),
            count: ds.labels.len(),
            what: limit.what,
            chart: limit.chart,
            max: limit.max,
            alt: limit.alt,
            voice: columns.voice,
        });
    }
    Ok(())
}

/// Keeps the `n` largest categories (by their first series), in their order, and adds "Other"
/// holding the sum of the rest for each series.
fn fold(ds: &mut Dataset, n: usize, columns: &Columns) -> Result<(), ChartError> {
    if ds.percent {
        for s in &ds.series {
            let total: f64 = s.cells.iter().flatten().map(|c| c.value).sum();
            if total > 100.5 {
                return Err(ChartError::FoldShares {
                    path: ds.path.clone(),
                    total: crate::number::format(total, ds.decimals()),
                    voice: columns.voice,
                });
            }
        }
    }
    let key: Vec<f64> = ds
        .values(0)
        .map(|v| v.unwrap_or(f64::NEG_INFINITY))
        .collect();
    let mut order: Vec<usize> = (0..ds.labels.len()).collect();
    order.sort_by(|&a, &b| key[b].total_cmp(&key[a]).then(a.cmp(&b)));
    let mut keep = vec![false; ds.labels.len()];
    for &i in order.iter().take(n) {
        keep[i] = true;
    }
    let mut labels: Vec<String> = ds
        .labels
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(l, _)| l.clone())
        .collect();
    labels.push(other_label(&columns.lang.clone().unwrap_or_else(Lang::en)).to_string());
    for s in &mut ds.series {
        let rest: Vec<&Cell> = s
            .cells
            .iter()
            .zip(&keep)
            .filter(|(_, k)| !**k)
            .filter_map(|(c, _)| c.as_ref())
            .collect();
        let other = rest.first().map(|first| Cell {
            value: rest.iter().map(|c| c.value).sum(),
            line: first.line,
            column: first.column,
            raw: format!("sum of {} rows", rest.len()),
        });
        let mut cells: Vec<Option<Cell>> = s
            .cells
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.clone())
            .collect();
        cells.push(other);
        s.cells = cells;
    }
    ds.labels = labels;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse;

    fn ds(csv: &str) -> Dataset {
        let t = parse("t.csv", csv.as_bytes(), None).expect("csv");
        crate::dataset::build(&t, &Columns::default(), &[], None).expect("dataset")
    }

    fn top(n: usize) -> Columns {
        Columns {
            top: Some(n),
            ..Columns::default()
        }
    }

    #[test]
    fn top_keeps_the_largest_in_order_and_sums_the_rest() {
        let mut d = ds("k,v\nA,5\nB,50\nC,1\nD,20\nE,2\n");
        fit(&mut d, VERTICAL_BARS, &top(2)).expect("fits");
        assert_eq!(d.labels, vec!["B", "D", "Other"]);
        assert_eq!(
            d.values(0).collect::<Vec<_>>(),
            vec![Some(50.0), Some(20.0), Some(8.0)]
        );
    }

    #[test]
    fn too_many_slices_are_refused_with_a_hint() {
        let csv: String = std::iter::once("k,v\n".to_string())
            .chain((0..12).map(|i| format!("c{i},{i}\n")))
            .collect();
        let mut d = ds(&csv);
        let e = fit(&mut d, PIE, &Columns::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("12 slices are too many for a readable pie (at most 8)"),
            "{e}"
        );
        assert!(e.contains("`--top 7`"), "{e}");
        let manifest = Columns {
            voice: crate::spec::Voice::Manifest,
            ..Columns::default()
        };
        let e = fit(&mut d, PIE, &manifest).unwrap_err().to_string();
        assert!(
            e.contains("`top = 7`") && e.contains("`kind = \"bar\"`"),
            "{e}"
        );
    }

    #[test]
    fn independent_shares_are_not_added_up() {
        let mut d = ds("k,share\nA,60\nB,50\nC,40\n");
        let e = fit(&mut d, VERTICAL_BARS, &top(1)).unwrap_err().to_string();
        assert!(e.contains("add up to 150%"), "{e}");
    }
}
