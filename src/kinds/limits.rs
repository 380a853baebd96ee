//! How many categories a chart can show readably. Past a kind's limit without `top`, the chart
//! is refused with a hint rather than drawn unreadable; a big file is refused as soon as its
//! rows pass the limit ([`too_many`]). Each kind gives its [`Limit`]
//! ([`super::ChartKind::limit`]). `top N` itself (the N largest, "Other") is the dataset's
//! (`dataset::fold`), applied while the rows are read.

use super::KindError;
use crate::dataset::Dataset;
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

/// Checks the limit: past it, the chart is refused with a hint (`top` has already kept the
/// largest, in the dataset).
pub fn fit(ds: &Dataset, limit: Limit) -> Result<(), KindError> {
    if ds.labels.len() > limit.max {
        let count = format!("{} {}", ds.labels.len(), limit.what);
        return Err(refusal(&ds.path, &count, limit).into());
    }
    Ok(())
}

/// The refusal of a chart whose categories passed the limit at `line` while the file was
/// read: "more than 150 categories".
pub fn too_many(path: &str, line: u64, limit: Limit) -> KindError {
    let count = format!("more than {} {}", limit.max, limit.what);
    refusal(&format!("{path}:{line}"), &count, limit).into()
}

/// "{place}: {count} are too many for a readable {chart} (at most {max})", with the hint.
fn refusal(place: &str, count: &str, limit: Limit) -> Message {
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
    Message::new()
        .text(format!(
            "{place}: {count} are too many for a readable {} (at most {})\n  hint: ",
            limit.chart, limit.max
        ))
        .set("top", keep)
        .text(format!(
            " keeps the {keep} largest and folds the rest into \"Other\""
        ))
        .then(alt)
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

    #[test]
    fn too_many_slices_are_refused_with_a_hint() {
        let csv: String = std::iter::once("k,v\n".to_string())
            .chain((0..12).map(|i| format!("c{i},{i}\n")))
            .collect();
        let d = ds(&csv);
        let e = fit(&d, PIE).unwrap_err().message();
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
        assert!(fit(&ds("k,v\nA,1\n"), VERTICAL_BARS).is_ok());
    }

    #[test]
    fn a_refusal_while_reading_says_where() {
        let e = too_many("big.csv", 1151, VERTICAL_BARS)
            .message()
            .render(Voice::Cli);
        assert!(
            e.starts_with(
                "big.csv:1151: more than 24 categories are too many for a readable bar chart (at most 24)"
            ),
            "{e}"
        );
        assert!(
            e.contains("`--top 23`") && e.contains("`--horizontal`"),
            "{e}"
        );
    }
}
