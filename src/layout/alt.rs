//! The one alt text of a chart: what kind of chart it is, its title and measure line, every
//! value drawn (after `top`: the slices kept and "Other", a pie's remainder too: "Muslims in
//! Russia 14%, Other residents 86%"; a pie of counts with each share), the note, the unit and
//! the source, in the chart's language and digits. The SVG's `<desc>` (and `aria`), the PNG's
//! `Description`, the PDF's alt text and the report page all carry this same text.

use super::{Context, parts, rest_label};
use crate::dataset::Dataset;
use crate::options::{Callout, Common};
use crate::text;

/// How a kind's alt text says the parts of a whole.
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

/// "Bar chart: Title. Subtitle. Series: A 1%, B 2%. Note. Values in %. Source: ...": `noun`
/// is the kind's in the chart's language, `whole` how the kind says the parts of a whole; `ds`
/// is the data as drawn.
pub fn text(
    ds: &Dataset,
    (noun, whole): (&str, Whole),
    spec: &Common,
    cx: &Context,
    remarks: &[String],
) -> String {
    let words = cx.locale.words();
    let frame = |t: &str| cx.locale.text_digits(&text::clean(t), spec.digits);
    let mut out = Vec::new();
    if let Some(title) = spec.title.as_deref() {
        out.push(frame(title));
    }
    // The subtitle as drawn: given, or the measure's name (its unit).
    if let Some(sub) = super::subtitle(ds, spec, cx) {
        out.push(frame(&sub));
    }
    // A chart right to left by its Arabic-script labels has English words but Arabic commas.
    let comma = match cx.lang_tag.as_str() {
        "und-Arab" | "und-Thaa" => "، ",
        _ => words.comma,
    };
    for (s, values) in ds.series.iter().zip(values(ds, whole, spec, cx)) {
        let values = values.join(comma);
        if ds.series.len() > 1 {
            out.push(format!("{}: {values}", frame(&s.name)));
        } else {
            out.push(values);
        }
    }
    out.extend(remarks.iter().cloned());
    // The note as drawn: what `top` left out ("10 largest of 57"), then the user's.
    if let Some(note) = &cx.note {
        out.push(frame(note));
    }
    if ds.percent {
        out.push(frame(words.values_in_percent));
    }
    if let Some(src) = &spec.source {
        out.push(super::source_line(&frame(src), cx.locale));
    }
    let body = out
        .iter()
        .map(|p| p.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ");
    format!("{noun}: {body}.")
}

/// Each series' values in words, as drawn: "Dates 76%", "Egypt no data", a pie's remainder
/// last, a share-vs-rest donut's rest in brackets, a pie of counts' shares with the counts.
fn values(ds: &Dataset, whole: Whole, spec: &Common, cx: &Context) -> Vec<Vec<String>> {
    let numbers = super::numbers(ds, spec, cx);
    let label = |l: &str| cx.locale.text_digits(l, spec.digits);
    let whole = match whole {
        Whole::EachRow(..) if !ds.percent => Whole::None,
        w => w,
    };
    // An approximate value is said as one: "about 25%".
    let about = |text: String, approx: bool| {
        if approx {
            format!("{} {text}", cx.locale.words().about)
        } else {
            text
        }
    };
    ds.series
        .iter()
        .map(|s| {
            let cells: Vec<f64> = s.cells.iter().flatten().map(|c| c.value).collect();
            let total: f64 = cells.iter().sum();
            let shares = parts::shares_of(&numbers, &cells);
            // The rest of approximate parts is as approximate.
            let any_approx = s.cells.iter().flatten().any(|c| c.approx);
            let mut values: Vec<(f64, String)> = ds
                .labels
                .iter()
                .zip(&s.cells)
                .map(|(l, c)| {
                    let Some(c) = c else {
                        let missing = format!("{} {}", label(l), cx.locale.words().no_data);
                        return (f64::NEG_INFINITY, missing);
                    };
                    let (v, approx) = (c.value, c.approx);
                    let shown = match whole {
                        Whole::One(_) => about(
                            parts::part_text(v, total, (&numbers, &shares), true),
                            approx,
                        ),
                        Whole::EachRow(rest, own) if v < 100.0 => format!(
                            "{} ({} {})",
                            about(numbers.value(v), approx),
                            own.iter()
                                .find(|c| text::same_name(&c.name, l))
                                .map_or_else(
                                    || rest_label(rest, cx.locale),
                                    |c| text::clean(&c.text)
                                ),
                            about(numbers.value(100.0 - v), approx)
                        ),
                        _ => about(numbers.value(v), approx),
                    };
                    (v, format!("{} {shown}", label(l)))
                })
                .collect();
            if let Whole::One(rest) = whole {
                // As the pie draws them: largest first, the remainder last.
                values.sort_by(|a, b| b.0.total_cmp(&a.0));
                if let Some(r) = parts::remainder(ds) {
                    let rest = rest_label(rest, cx.locale);
                    let r_text = about(numbers.value(r), any_approx);
                    values.push((r, format!("{rest} {r_text}")));
                }
            }
            values.into_iter().map(|(_, text)| text).collect()
        })
        .collect()
}
