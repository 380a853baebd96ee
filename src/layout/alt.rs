//! Alt text worth reading: what kind of chart it is, its title and subtitle, every value
//! (a pie's remainder too: "Muslims in Russia 14%, Other residents 86%"), the unit and the source.
//! Written for the report page, the PNG's `Description` and the PDF's alt text: the SVG's `<desc>`
//! keeps its own wording.

use super::{Context, rest_label};
use crate::dataset::Dataset;
use crate::options::{Callout, Common};
use crate::text;

/// How a kind's alt text says the parts of a whole (when its values are percentages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole<'a> {
    /// Every value stands alone (bars).
    None,
    /// Each value is its own share-vs-rest whole (`pie --each-row`): "A 14% (Rest 86%)"; the
    /// rest's label, if given, and the remainders named per category (`rest-of`).
    EachRow(Option<&'a str>, &'a [Callout]),
    /// The values are parts of one whole (a pie): the remainder to 100% is said last; the
    /// rest's label, if given.
    One(Option<&'a str>),
}

/// "Bar chart: Title. Subtitle. Series: A 1%, B 2%. Values in %. Source: ...": `noun` is the
/// kind's in the chart's language, `whole` how the kind says the parts of a whole.
pub fn text(
    ds: &Dataset,
    title: &str,
    (noun, whole): (&str, Whole),
    spec: &Common,
    cx: &Context,
) -> String {
    let words = cx.locale.alt;
    let comma = words.comma;
    let d = ds.decimals();
    let about = cx.locale.words().about;
    // An approximate value is said as one: "about 25%".
    let show = |v: f64, approx: bool| {
        let n = cx.locale.number(v, d, ds.percent, spec.digits);
        if approx { format!("{about} {n}") } else { n }
    };
    let mut parts = vec![title.to_string()];
    // The subtitle as drawn: given, or the measure's name (its unit).
    if let Some(sub) = super::subtitle(ds, spec, cx) {
        parts.push(sub);
    }
    let whole = if ds.percent { whole } else { Whole::None };
    for s in &ds.series {
        let cells: Vec<(&String, f64, bool)> = ds
            .labels
            .iter()
            .zip(&s.cells)
            .filter_map(|(l, c)| c.as_ref().map(|c| (l, c.value, c.approx)))
            .collect();
        let mut values: Vec<String> = Vec::new();
        for &(l, v, approx) in &cells {
            match whole {
                // Each row is its own share-vs-rest donut: say both parts (the rest of an
                // approximate share is as approximate).
                Whole::EachRow(rest, own) if v < 100.0 => values.push(format!(
                    "{l} {} ({} {})",
                    show(v, approx),
                    own.iter()
                        .find(|c| text::same_name(&c.name, l))
                        .map_or_else(|| rest_label(rest, cx.locale), |c| text::clean(&c.text)),
                    show(100.0 - v, approx)
                )),
                _ => values.push(format!("{l} {}", show(v, approx))),
            }
        }
        if let Whole::One(rest) = whole {
            let total: f64 = cells.iter().map(|c| c.1).sum();
            if total < 100.0 - 1e-9 {
                let rest = rest_label(rest, cx.locale);
                let approx = cells.iter().any(|c| c.2);
                values.push(format!("{rest} {}", show(100.0 - total, approx)));
            }
        }
        if ds.series.len() > 1 {
            parts.push(format!("{}: {}", s.name, values.join(comma)));
        } else {
            parts.push(values.join(comma));
        }
    }
    if ds.percent {
        parts.push(words.percent.to_string());
    }
    // What `top` left out ("10 largest of 57"), as the chart's note says.
    if let Some(note) = &cx.left_out {
        parts.push(text::clean(note));
    }
    if let Some(src) = &spec.source {
        parts.push(format!("{}: {}", words.source, text::clean(src)));
    }
    let body = parts
        .iter()
        .map(|p| p.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ");
    format!("{noun}: {body}.")
}
