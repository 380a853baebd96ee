//! The data behind a chart as a CSV file (what `build` writes beside the charts and the report
//! page links to, as statistics offices and Datawrapper's "get the data" do): exactly what is
//! drawn, after `agg`, `top` and its "Other", with a missing value left empty and a pie's
//! remainder as a row of its own. Numbers are written in full, in the shortest form that reads
//! back as the same number, whatever the chart shows.

use super::alt::Whole;
use super::{Context, rest_label};
use crate::dataset::Dataset;

/// The CSV text of the data `ds` that a chart draws; `whole` says how its kind draws the
/// parts of a whole (a pie's remainder is a row).
pub fn csv(ds: &Dataset, whole: Whole, cx: &Context) -> String {
    let mut out = String::new();
    let mut header = vec![field("label")];
    header.extend(ds.series.iter().map(|s| field(&s.name)));
    line(&mut out, &header);
    for (i, label) in ds.labels.iter().enumerate() {
        let mut row = vec![field(label)];
        row.extend(ds.series.iter().map(|s| match &s.cells[i] {
            Some(c) => number(c.value),
            None => String::new(),
        }));
        line(&mut out, &row);
    }
    // The remainder the pie draws: none when it is only the shares' rounding.
    if let (Whole::One(rest), 1, Some(r)) = (whole, ds.series.len(), super::parts::remainder(ds)) {
        let label = rest_label(rest, cx.locale);
        line(&mut out, &[field(&label), number(r)]);
    }
    out
}

/// A number in the shortest form that reads back the same (`76`, `43.5`, `0.0001`).
fn number(v: f64) -> String {
    let v = if v == 0.0 { 0.0 } else { v };
    format!("{v}")
}

/// A field, quoted when it holds a comma, a quote, a line break or spaces at its ends.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_numbers() {
        assert_eq!(field("Oil"), "Oil");
        assert_eq!(field("Oil, crude"), "\"Oil, crude\"");
        assert_eq!(field("the \"rest\""), "\"the \"\"rest\"\"\"");
        assert_eq!(number(76.0), "76");
        assert_eq!(number(43.5), "43.5");
        assert_eq!(number(0.0001), "0.0001");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(1.0e15), "1000000000000000");
    }
}
