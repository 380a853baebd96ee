//! How many categories a chart can show readably, and `top N`: keep the N largest categories
//! and fold the rest into one "Other" bar or slice. Past a kind's limit without `top`, the
//! chart is refused with a hint rather than drawn unreadable. Each kind gives its [`Limit`]
//! ([`super::ChartKind::limit`]).

use super::KindError;
use crate::dataset::{Cell, Dataset};
use crate::locale::Locale;
use crate::locale::number::format;
use crate::options::Message;

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

/// Applies `top` and checks the limit.
pub fn fit(
    ds: &mut Dataset,
    limit: Limit,
    top: Option<usize>,
    locale: &Locale,
) -> Result<(), KindError> {
    if let Some(n) = top
        && ds.labels.len() > n
    {
        fold(ds, n, locale)?;
    }
    if ds.labels.len() > limit.max {
        let keep = limit.max - 1;
        let horizontal = super::bar::HORIZONTAL_BARS.max;
        let alt = match limit.alt {
            Alt::Nothing => Message::new(),
            Alt::BarChart => Message::new()
                .text("; or use ")
                .kind("bar", &["horizontal"]),
            Alt::Horizontal => Message::new()
                .text("; or use ")
                .on("horizontal")
                .text(format!(" (up to {horizontal})")),
        };
        return Err(Message::new()
            .text(format!(
                "{}: {} {} are too many for a readable {} (at most {})\n  hint: ",
                ds.path,
                ds.labels.len(),
                limit.what,
                limit.chart,
                limit.max
            ))
            .set("top", keep)
            .text(format!(
                " keeps the {keep} largest and folds the rest into \"Other\""
            ))
            .then(alt)
            .into());
    }
    Ok(())
}

/// Keeps the `n` largest categories (by their first series), in their order, and adds "Other"
/// holding the sum of the rest for each series.
fn fold(ds: &mut Dataset, n: usize, locale: &Locale) -> Result<(), KindError> {
    if ds.percent {
        for s in &ds.series {
            let total: f64 = s.cells.iter().flatten().map(|c| c.value).sum();
            if total > 100.5 {
                return Err(Message::new()
                    .text(format!(
                        "{}: the shares add up to {}%, so they are not parts of one whole and cannot be added up into \"Other\"\n  hint: remove rows from the CSV, or draw them with ",
                        ds.path,
                        format(total, ds.decimals()),
                    ))
                    .kind("bar", &["horizontal"])
                    .text(format!(
                        " (up to {} categories)",
                        super::bar::HORIZONTAL_BARS.max
                    ))
                    .into());
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
    labels.push(locale.words().other.to_string());
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
            approx: rest.iter().any(|c| c.approx),
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
    use crate::kinds::bar::VERTICAL_BARS;
    use crate::kinds::pie::PIE;
    use crate::options::{DataOptions, Voice};
    use crate::table::parse;

    fn ds(csv: &str) -> Dataset {
        let t = parse("t.csv", csv.as_bytes(), None).expect("csv");
        crate::dataset::build(&t, &DataOptions::default(), &[], None).expect("dataset")
    }

    fn en() -> &'static Locale {
        Locale::of(&crate::options::Lang::en())
    }

    #[test]
    fn top_keeps_the_largest_in_order_and_sums_the_rest() {
        let mut d = ds("k,v\nA,5\nB,50\nC,1\nD,20\nE,2\n");
        fit(&mut d, VERTICAL_BARS, Some(2), en()).expect("fits");
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
        let e = fit(&mut d, PIE, None, en()).unwrap_err().message();
        let cli = e.render(Voice::Cli);
        assert!(
            cli.contains("12 slices are too many for a readable pie (at most 8)"),
            "{cli}"
        );
        assert!(cli.contains("`--top 7`"), "{cli}");
        let manifest = e.render(Voice::Manifest);
        assert!(
            manifest.contains("`top = 7`") && manifest.contains("`kind = \"bar\"`"),
            "{manifest}"
        );
    }

    #[test]
    fn independent_shares_are_not_added_up() {
        let mut d = ds("k,share\nA,60\nB,50\nC,40\n");
        let e = fit(&mut d, VERTICAL_BARS, Some(1), en())
            .unwrap_err()
            .message()
            .render(Voice::Cli);
        assert!(e.contains("add up to 150%"), "{e}");
    }
}
