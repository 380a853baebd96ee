//! The classes of a map of values (breaks, colours, labels in the chart's language) and the
//! paint of every listed country and legend entry, for a map of values and for one without.

use super::countries::Listed;
use super::draw::Paint;
use super::{ACCENT, CLASSES, MapOptions, bins_error, color, words};
use crate::geo::classes::{self, Breaks};
use crate::kinds::KindError;
use crate::layout::Page;
use crate::locale::number::decimals_needed;
use crate::scene::Color;
use crate::text;

/// The classes of a map of values: their breaks, colours and labels (as the legend draws
/// them, and as the description says them).
pub struct Classes {
    /// The breaks between them.
    pub breaks: Breaks,
    /// Their colours, lightest first.
    pub colors: Vec<Color>,
    /// Their labels as the legend draws them.
    pub legend: Vec<String>,
    /// Their labels as the description says them.
    pub labels: Vec<String>,
}

/// The classes of `values` (the listed values there are) as `spec` asks: its thresholds, or
/// quantiles.
pub fn classes_of(values: &[f64], spec: &MapOptions, page: &Page) -> Result<Classes, KindError> {
    let breaks = if spec.bins.is_empty() {
        Breaks::quantiles(values, spec.classes.unwrap_or(CLASSES))
    } else {
        Breaks::thresholds(&spec.bins)
    }
    .map_err(|e| KindError(bins_error(&spec.bins, &e).message()))?;
    let colors: Vec<Color> = classes::palette(breaks.classes())
        .unwrap_or_default()
        .into_iter()
        .map(color)
        .collect();
    // The breaks as written (a quantile break is a value of the file): "12–24%", not
    // "12.0–24.0%" because another value has a decimal.
    let decimals = decimals_needed(breaks.breaks());
    Ok(Classes {
        legend: class_labels(&breaks, values, decimals, page, true),
        labels: class_labels(&breaks, values, decimals, page, false),
        breaks,
        colors,
    })
}

/// "under 10%", "10–20%", "50% and over", in the chart's language and digits; a single class
/// is the range of the values. `on_chart`: as the legend draws them (see `MapWords::under`).
pub fn class_labels(
    breaks: &Breaks,
    values: &[f64],
    decimals: usize,
    page: &Page,
    on_chart: bool,
) -> Vec<String> {
    let words = words::of(lang_of(page));
    let b = breaks.breaks();
    let n = breaks.classes();
    if values.is_empty() && b.is_empty() {
        // Every listed country without data: no class to name (the legend says "no data").
        return Vec::new();
    }
    if n == 1 {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let d = page.ds.decimals();
        return vec![if lo < hi {
            range(page, lo, hi, d)
        } else {
            page.number(lo, d)
        }];
    }
    (0..n)
        .map(|k| match k {
            0 => words.under(&page.number(b[0], decimals), on_chart),
            k if k == n - 1 => words.over(&page.number(b[k - 1], decimals), on_chart),
            k => range(page, b[k - 1], b[k], decimals),
        })
        .collect()
}

/// The chart's language subtag, as the page knows it.
pub fn lang_of<'p>(page: &'p Page) -> &'p str {
    page.spec.data.lang.as_ref().map_or("en", |l| l.primary())
}

/// "10–20%": the unit once, where the language puts it ("%10–20" in Turkish, "10–20 %" in
/// French), with an en dash.
fn range(page: &Page, lo: f64, hi: f64, decimals: usize) -> String {
    let locale = page.context.locale;
    let plain = |v: f64| locale.number(v, decimals, false, page.spec.digits);
    let (lo_s, hi_s) = (plain(lo), plain(hi));
    let full = page.number(hi, decimals);
    match full.find(&hi_s) {
        Some(at) if page.ds.percent => {
            let (before, after) = (&full[..at], &full[at + hi_s.len()..]);
            format!("{before}{lo_s}–{hi_s}{after}")
        }
        _ => format!("{lo_s}–{full}"),
    }
}

/// A map without values: every listed country in one colour, or, with `highlight`, the
/// highlighted ones in the accent colour and the rest muted; legend entries for the names
/// `legend` gives.
pub fn membership(spec: &MapOptions, listed: &[Listed]) -> (Vec<Paint>, Vec<(String, Paint)>) {
    let pal = |n: usize, i: usize| {
        classes::palette(n)
            .and_then(|p| p.get(i).copied())
            .map_or(Color::hex(0x0589BD), color)
    };
    let any = listed.iter().any(|l| l.highlighted);
    let (plain, marked) = if any {
        (Paint::Fill(pal(2, 0)), Paint::Fill(ACCENT))
    } else {
        (Paint::Fill(pal(1, 0)), Paint::Fill(ACCENT))
    };
    let paints = listed
        .iter()
        .map(|l| if l.highlighted { marked } else { plain })
        .collect();
    let names = &spec.common.legend;
    let mut legend = Vec::new();
    if let Some(name) = names.first() {
        legend.push((text::clean(name), plain));
    }
    if let (true, Some(name)) = (any, names.get(1)) {
        legend.push((text::clean(name), marked));
    }
    (paints, legend)
}

/// A map of values: each country in its class's colour, "no data" hatched; the legend lists
/// every class, and "no data" when a country has none.
pub fn choropleth(
    classes: &Classes,
    listed: &[Listed],
    page: &Page,
) -> (Vec<Paint>, Vec<(String, Paint)>) {
    let paints: Vec<Paint> = listed
        .iter()
        .map(|l| match l.value {
            Some(v) => Paint::Fill(classes.colors[classes.breaks.class_of(v)]),
            None => Paint::NoData,
        })
        .collect();
    let mut legend: Vec<(String, Paint)> = Vec::new();
    if listed.iter().any(|l| l.value.is_some()) {
        legend.extend(
            (classes.legend.iter().cloned()).zip(classes.colors.iter().map(|&c| Paint::Fill(c))),
        );
    }
    if paints.contains(&Paint::NoData) {
        let words = page.context.locale.words();
        legend.push((words.no_data.to_string(), Paint::NoData));
    }
    (paints, legend)
}
