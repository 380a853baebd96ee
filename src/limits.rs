//! How many categories a chart can show readably, and `--top N`: keep the N largest categories
//! and fold the rest into one "Other" bar or slice. Past a limit without `--top`, the chart is
//! refused with a hint rather than drawn unreadable.

use crate::dataset::{Cell, Dataset};
use crate::error::ChartError;
use crate::spec::{ChartSpec, Kind, Lang};

/// The most categories (bars or slices) a chart of this kind shows, and how to name them.
fn limit(kind: Kind, spec: &ChartSpec) -> (usize, &'static str, &'static str, &'static str) {
    match kind {
        Kind::Pie if spec.each_row => (
            30,
            "categories",
            "grid of pies",
            "; or use `sharechart bar --horizontal`",
        ),
        Kind::Pie => (8, "slices", "pie", "; or use `sharechart bar --horizontal`"),
        Kind::Bar if spec.horizontal => (40, "categories", "bar chart", ""),
        Kind::Bar => (
            24,
            "categories",
            "bar chart",
            "; or use --horizontal (up to 40)",
        ),
    }
}

/// The label of the folded categories.
pub fn other_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Other",
        Lang::Ar => "أخرى",
    }
}

/// Applies `--top` and checks the limit for the chart kind.
pub fn fit(ds: &mut Dataset, kind: Kind, spec: &ChartSpec) -> Result<(), ChartError> {
    if let Some(n) = spec.top {
        if ds.labels.len() > n {
            fold(ds, n, spec)?;
        }
    }
    let (max, what, chart, alt) = limit(kind, spec);
    if ds.labels.len() > max {
        return Err(ChartError::TooMany {
            path: ds.path.clone(),
            count: ds.labels.len(),
            what,
            chart,
            max,
            keep: max - 1,
            alt,
        });
    }
    Ok(())
}

/// Keeps the `n` largest categories (by their first series), in their order, and adds "Other"
/// holding the sum of the rest for each series.
fn fold(ds: &mut Dataset, n: usize, spec: &ChartSpec) -> Result<(), ChartError> {
    if ds.percent {
        for s in &ds.series {
            let total: f64 = s.cells.iter().flatten().map(|c| c.value).sum();
            if total > 100.5 {
                return Err(ChartError::FoldShares {
                    path: ds.path.clone(),
                    total: crate::number::format(total, ds.decimals()),
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
    labels.push(other_label(spec.lang).to_string());
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
        crate::dataset::build(&t, &ChartSpec::default()).expect("dataset")
    }

    #[test]
    fn top_keeps_the_largest_in_order_and_sums_the_rest() {
        let mut d = ds("k,v\nA,5\nB,50\nC,1\nD,20\nE,2\n");
        let spec = ChartSpec {
            top: Some(2),
            ..ChartSpec::default()
        };
        fit(&mut d, Kind::Bar, &spec).expect("fits");
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
        let e = fit(&mut d, Kind::Pie, &ChartSpec::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("12 slices are too many for a readable pie (at most 8)"),
            "{e}"
        );
        assert!(e.contains("--top 7"), "{e}");
    }

    #[test]
    fn independent_shares_are_not_added_up() {
        let mut d = ds("k,share\nA,60\nB,50\nC,40\n");
        let spec = ChartSpec {
            top: Some(1),
            ..ChartSpec::default()
        };
        let e = fit(&mut d, Kind::Bar, &spec).unwrap_err().to_string();
        assert!(e.contains("add up to 150%"), "{e}");
    }
}
