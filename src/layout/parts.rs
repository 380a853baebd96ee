//! A whole and its parts, as every output says them: whether percentages leave a remainder
//! worth a slice, and how a part of a whole of counts is written (its share, then its count).
//! The pie draws with these and the alt text says the same, so the two never disagree.

use crate::dataset::Dataset;
use crate::locale::number::Numbers;

/// The remainder of percentages that are parts of one whole (`100 - total`), or `None` when
/// there is none: the total reaches 100, or falls short only by the rounding of the shares
/// themselves. Each share written with `d` decimals may be off by half a unit of its last
/// decimal; two or more together by up to one unit (33% + 33% + 33% are thirds, and 45.67% +
/// 30.12% + 24.20% a whole: no "Rest of world 0.01%" slice too thin to see). A single share
/// always leaves its true remainder.
pub fn remainder(ds: &Dataset) -> Option<f64> {
    let series = ds.series.first()?;
    if !ds.percent {
        return None;
    }
    let values: Vec<f64> = series.cells.iter().flatten().map(|c| c.value).collect();
    let total: f64 = values.iter().sum();
    let unit = 10f64.powi(-(ds.decimals() as i32));
    let rounding = unit * values.len().min(2) as f64 / 2.0;
    let rest = 100.0 - total;
    (rest > rounding + 1e-9).then_some(rest)
}

/// The text of one part of a whole: a percentage as it is ("14%"); a count as its share of
/// `total`, then the count ("40% (1,234)"), or the share alone when `with_count` is false or
/// the parts add up to 100 (then each count is its share).
pub fn part_text(
    v: f64,
    total: f64,
    (numbers, shares): (&Numbers, &Numbers),
    with_count: bool,
) -> String {
    if numbers.percent() {
        return numbers.value(v);
    }
    let share = shares.value(v / total * 100.0);
    if with_count && (total - 100.0).abs() > 1e-9 {
        format!("{share} ({})", numbers.value(v))
    } else {
        share
    }
}

/// How the shares of a pie of counts are written: three significant digits of the largest.
pub fn shares_of(numbers: &Numbers, values: &[f64]) -> Numbers {
    let total: f64 = values.iter().sum();
    let shares: Vec<f64> = values
        .iter()
        .map(|v| if total > 0.0 { v / total * 100.0 } else { 0.0 })
        .collect();
    numbers.shares(&shares)
}
