//! Alt text worth reading: what kind of chart it is, its title and subtitle, every value
//! (a pie's remainder too: "Muslims in Russia 14%, Other residents 86%"), the unit and the source.
//! Written for the report page, the PNG's `Description` and nothing else: the SVG's `<desc>`
//! keeps its own wording.

use crate::chart::{format_value, localize, rest_label};
use crate::dataset::Dataset;
use crate::spec::ChartOptions;
use crate::text;

/// "Bar chart: Title. Subtitle. Series: A 1%, B 2%. Values in %. Source: ...".
pub fn alt(ds: &Dataset, title: &str, options: &ChartOptions) -> String {
    let spec = options.common();
    let lang = spec.lang();
    // Arabic words for an Arabic chart; other languages read the English ones.
    let ar = lang.code() == "ar";
    let comma = if ar { "، " } else { ", " };
    let d = ds.decimals();
    let show = |v: f64| localize(&format_value(v, d, ds.percent), spec.digits, &lang);
    let kind = match (options, ar) {
        (ChartOptions::Bar(_), false) => "Bar chart",
        (ChartOptions::Bar(_), true) => "مخطط أعمدة",
        (ChartOptions::Pie(p), false) if p.donut => "Donut chart",
        (ChartOptions::Pie(p), true) if p.donut => "مخطط حلقي",
        (ChartOptions::Pie(_), false) => "Pie chart",
        (ChartOptions::Pie(_), true) => "مخطط دائري",
    };
    let mut parts = vec![title.to_string()];
    // The subtitle as drawn: given, or the measure's name (its unit).
    if let Some(sub) = crate::chart::subtitle(ds, spec) {
        parts.push(sub);
    }
    let pie = match options {
        ChartOptions::Pie(p) if ds.percent => Some(p),
        _ => None,
    };
    for s in &ds.series {
        let cells: Vec<(&String, f64)> = ds
            .labels
            .iter()
            .zip(&s.cells)
            .filter_map(|(l, c)| c.as_ref().map(|c| (l, c.value)))
            .collect();
        let mut values: Vec<String> = Vec::new();
        for (l, v) in &cells {
            match pie {
                // Each row is its own share-vs-rest donut: say both parts.
                Some(p) if p.each_row && *v < 100.0 => values.push(format!(
                    "{l} {} ({} {})",
                    show(*v),
                    rest_label(p.rest.as_deref(), spec),
                    show(100.0 - v)
                )),
                _ => values.push(format!("{l} {}", show(*v))),
            }
        }
        if let Some(p) = pie.filter(|p| !p.each_row) {
            let total: f64 = cells.iter().map(|(_, v)| v).sum();
            if total < 100.0 - 1e-9 {
                let rest = rest_label(p.rest.as_deref(), spec);
                values.push(format!("{rest} {}", show(100.0 - total)));
            }
        }
        if ds.series.len() > 1 {
            parts.push(format!("{}: {}", s.name, values.join(comma)));
        } else {
            parts.push(values.join(comma));
        }
    }
    if ds.percent {
        parts.push(
            if ar {
                "القيم بالنسبة المئوية (%)"
            } else {
                "Values in %"
            }
            .to_string(),
        );
    }
    if let Some(src) = &spec.source {
        let label = if ar { "المصدر" } else { "Source" };
        parts.push(format!("{label}: {}", text::clean(src)));
    }
    let body = parts
        .iter()
        .map(|p| p.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ");
    format!("{kind}: {body}.")
}
