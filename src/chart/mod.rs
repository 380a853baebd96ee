//! Layout: from a [`Dataset`] and the [`ChartOptions`] to a [`Scene`]. One file per chart kind
//! (`bar`, `pie`, `pie_grid`); this file holds what they share: the frame of title, subtitle,
//! legend and source around the plot, value formatting and the accessible summary.

mod bar;
mod pie;
mod pie_grid;

use crate::dataset::Dataset;
use crate::number;
use crate::scene::{Anchor, Color, Scene};
use crate::spec::{ChartOptions, Common, Digits, Lang, Voice};
use crate::text;
use crate::theme::{self, Sizes, Theme};

/// A rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Area {
    /// Width.
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Height.
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Lays out a chart (the options are valid: a [`crate::spec::Job`] checked them).
pub fn layout(ds: &Dataset, options: &ChartOptions) -> anyhow::Result<Scene> {
    let common = options.common();
    let limit = crate::limits::of(options);
    let mut fitted;
    let mut ds = ds;
    if common.columns.top.is_some() || ds.labels.len() > limit.max {
        fitted = ds.clone();
        crate::limits::fit(&mut fitted, limit, &common.columns)?;
        ds = &fitted;
    }
    let mut scene = match options {
        ChartOptions::Bar(o) => bar::layout(ds, o)?,
        ChartOptions::Pie(o) if o.each_row => pie_grid::layout(ds, o)?,
        ChartOptions::Pie(o) => pie::layout(ds, o)?,
    };
    if common.rtl() {
        scene.mirror();
    }
    Ok(scene)
}

/// Everything the chart kinds share while laying out.
pub(crate) struct Ctx<'a> {
    pub spec: &'a Common,
    pub ds: &'a Dataset,
    pub sizes: Sizes,
    pub theme: Theme,
    pub scene: Scene,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, spec: &'a Common) -> Ctx<'a> {
        let theme = theme::theme(spec.theme);
        let mut scene = Scene::new(spec.width, spec.height, theme.background, spec.rtl());
        scene.title = title(ds, spec);
        Ctx {
            spec,
            ds,
            sizes: Sizes::for_image(spec.width, spec.height),
            theme,
            scene,
        }
    }

    /// Puts `s` into the scene, isolated for bidi as the chart's direction needs.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        s: &str,
        size: f64,
        color: Color,
        anchor: Anchor,
        bold: bool,
    ) {
        let s = text::isolate(s, self.spec.rtl());
        self.scene.text(x, y, &s, size, color, anchor, bold);
    }

    /// A value as shown on the chart: "76%", "43.5%", "102,347" (or "٧٦٪" with Arabic digits).
    pub fn value_label(&self, v: f64) -> String {
        self.number(v, self.ds.decimals())
    }

    /// A number with `decimals`, the unit and the chart's digits.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        localize(
            &format_value(v, decimals, self.ds.percent),
            self.spec.digits,
        )
    }

    /// Draws title, subtitle, legend and source; returns the area left for the plot.
    pub fn frame(&mut self, legend: &[(String, Color)]) -> Area {
        let s = self.sizes;
        let (w, h) = (f64::from(self.spec.width), f64::from(self.spec.height));
        let inner = w - 2.0 * s.margin;
        let mut y = s.margin;
        let title = self.scene.title.clone();
        for line in text::wrap(&title, s.title, true, inner, 2) {
            let lh = Sizes::line(s.title);
            self.text(
                s.margin,
                y + lh / 2.0,
                &line,
                s.title,
                self.theme.text,
                Anchor::Start,
                true,
            );
            y += lh;
        }
        if let Some(sub) = self.spec.subtitle.as_deref().map(text::clean) {
            y += 2.0;
            for line in text::wrap(&sub, s.subtitle, false, inner, 2) {
                let lh = Sizes::line(s.subtitle);
                self.text(
                    s.margin,
                    y + lh / 2.0,
                    &line,
                    s.subtitle,
                    self.theme.muted,
                    Anchor::Start,
                    false,
                );
                y += lh;
            }
        }
        y += s.label;
        if !legend.is_empty() {
            y = self.legend(legend, s.margin, y, inner);
            y += s.label * 0.5;
        }
        // Source at the bottom.
        let mut bottom = h - s.margin * 0.75;
        if let Some(src) = self.spec.source.as_deref().map(text::clean) {
            let src = source_line(&src, self.spec.lang());
            let lines = text::wrap(&src, s.source, false, inner, 2);
            let lh = Sizes::line(s.source);
            bottom -= lh * lines.len() as f64;
            for (i, line) in lines.iter().enumerate() {
                let ly = bottom + lh * (i as f64 + 0.5);
                self.text(
                    s.margin,
                    ly,
                    line,
                    s.source,
                    self.theme.muted,
                    Anchor::Start,
                    false,
                );
            }
            bottom -= s.label * 0.75;
        }
        Area {
            x0: s.margin,
            y0: y,
            x1: w - s.margin,
            y1: bottom,
        }
    }

    /// A row of colour swatches with names, wrapping to more rows; returns the y below it.
    fn legend(&mut self, items: &[(String, Color)], x0: f64, y0: f64, width: f64) -> f64 {
        let size = self.sizes.label;
        let sw = size * 0.9;
        let lh = Sizes::line(size) + 4.0;
        let (mut x, mut y) = (x0, y0);
        for (name, color) in items {
            let name = text::ellipsize(name, size, false, width - sw - 8.0);
            let item_w = sw + 8.0 + text::width(&name, size, false) + size * 1.5;
            if x > x0 && x + item_w > x0 + width {
                x = x0;
                y += lh;
            }
            self.scene.rect(x, y + (lh - sw) / 2.0, sw, sw, *color);
            self.text(
                x + sw + 8.0,
                y + lh / 2.0,
                &name,
                size,
                self.theme.text,
                Anchor::Start,
                false,
            );
            x += item_w;
        }
        y + lh
    }

    /// Finishes the scene: the plain-language summary for screen readers.
    pub fn finish(mut self) -> Scene {
        self.scene.desc = summary(self.ds, &self.scene.title, self.spec);
        self.scene
    }
}

/// Writes a formatted number with Arabic-Indic digits, separators and percent sign if asked.
pub fn localize(s: &str, digits: Digits) -> String {
    match digits {
        Digits::Latin => s.to_string(),
        Digits::Arabic => s
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' => '\u{066B}',
                ',' => '\u{066C}',
                '%' => '\u{066A}',
                c => c,
            })
            .collect(),
    }
}

/// One value drawn as a share of 100% (`pie --each-row`, `bar --rest`).
pub(crate) struct Share {
    /// The category, with the series name when there are several: "Oil (Production)".
    pub label: String,
    /// The share, 0 to 100.
    pub value: f64,
    /// The series it belongs to.
    pub series: usize,
}

/// Every value as a share of 100%, checked: percentages from 0 to 100 only. `flag` names the
/// option in the error message, as the user gives options.
pub(crate) fn shares(ds: &Dataset, key: &str, voice: Voice) -> anyhow::Result<Vec<Share>> {
    let flag = voice.name(key);
    let mut out = Vec::new();
    for (si, s) in ds.series.iter().enumerate() {
        for (label, cell) in ds.labels.iter().zip(&s.cells) {
            let Some(c) = cell else { continue };
            if !ds.percent || !(0.0..=100.0).contains(&c.value) {
                anyhow::bail!(
                    "{}:{}:{}: column '{}': {flag} draws each value as a share of 100%, but {:?} is {}\n  hint: use {flag} with percentages from 0 to 100 (a column named share/percent/pct, or values written with %), or use {}",
                    ds.path,
                    c.line,
                    c.column,
                    s.column,
                    c.raw,
                    if ds.percent {
                        "outside 0-100"
                    } else {
                        "not a percentage"
                    },
                    voice.kind("bar", &[])
                );
            }
            let label = if ds.series.len() > 1 {
                format!("{label} ({})", s.name)
            } else {
                label.clone()
            };
            out.push(Share {
                label,
                value: c.value,
                series: si,
            });
        }
    }
    Ok(out)
}

/// "76%" / "43.5%" / "102,347".
pub fn format_value(v: f64, decimals: usize, percent: bool) -> String {
    let n = number::format(v, decimals);
    if percent { format!("{n}%") } else { n }
}

/// The title: given, or made from the file name ("oic_weight.csv" -> "Oic weight"; "Chart" for
/// standard input).
pub fn title(ds: &Dataset, spec: &Common) -> String {
    if let Some(t) = &spec.title {
        return text::clean(t);
    }
    // Standard input has no file name to make a title from.
    let path = if ds.path == "<stdin>" { "" } else { &ds.path };
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_default();
    let mut c = stem.trim().chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => "Chart".to_string(),
    }
}

/// Prefixes "Source: " (or the Arabic "المصدر: ") unless the text already starts with it.
fn source_line(src: &str, lang: Lang) -> String {
    let lower = src.to_lowercase();
    if lower.starts_with("source") || src.starts_with("المصدر") {
        return src.to_string();
    }
    match lang {
        Lang::En => format!("Source: {src}"),
        Lang::Ar => format!("المصدر: {src}"),
    }
}

/// The label of the remainder of a percentage: `rest`, or "Rest of world".
pub fn rest_label(rest: Option<&str>, spec: &Common) -> String {
    match (rest, spec.lang()) {
        (Some(r), _) => text::clean(r),
        (None, Lang::En) => "Rest of world".to_string(),
        (None, Lang::Ar) => "بقية العالم".to_string(),
    }
}

/// "Title. Subtitle. Dates 76%, Cotton 43%." — the data in words, for the SVG `<desc>`.
fn summary(ds: &Dataset, title: &str, spec: &Common) -> String {
    let d = ds.decimals();
    let comma = if spec.rtl() { "، " } else { ", " };
    let mut parts = vec![title.to_string()];
    if let Some(sub) = &spec.subtitle {
        parts.push(text::clean(sub));
    }
    for s in &ds.series {
        let values: Vec<String> = ds
            .labels
            .iter()
            .zip(&s.cells)
            .filter_map(|(l, c)| {
                c.as_ref().map(|c| {
                    format!(
                        "{l} {}",
                        localize(&format_value(c.value, d, ds.percent), spec.digits)
                    )
                })
            })
            .collect();
        if ds.series.len() > 1 {
            parts.push(format!("{}: {}", s.name, values.join(comma)));
        } else {
            parts.push(values.join(comma));
        }
    }
    if let Some(src) = &spec.source {
        parts.push(source_line(&text::clean(src), spec.lang()));
    }
    parts
        .iter()
        .map(|p| p.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ")
        + "."
}

/// A "nice" axis: ticks at 1, 2, 2.5 or 5 times a power of ten, covering `lo..=hi`.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round();
    // Values are capped at 10^15 when parsed; this guards the arithmetic anyway (a span that
    // overflows would ask for usize::MAX ticks).
    if !n.is_finite() || !(1.0..=100.0).contains(&n) {
        return vec![lo.min(0.0), hi.max(1.0)];
    }
    let n = n as usize;
    (0..=n)
        .map(|i| start + step * i as f64)
        .map(|v| if v.abs() < step * 1e-9 { 0.0 } else { v })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 4),
            vec![0.0, 25.0, 50.0, 75.0, 100.0]
        );
        assert_eq!(nice_ticks(0.0, 57.0, 5), vec![0.0, 20.0, 40.0, 60.0]);
        assert_eq!(
            nice_ticks(-3.0, 7.0, 5),
            vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0]
        );
        let t = nice_ticks(0.0, 102347.0, 5);
        assert_eq!(t.last().copied(), Some(125000.0));
    }

    #[test]
    fn source_prefix_is_added_once() {
        assert_eq!(source_line("X", Lang::En), "Source: X");
        assert_eq!(source_line("Source: X", Lang::En), "Source: X");
        assert_eq!(source_line("X", Lang::Ar), "المصدر: X");
    }
}
