//! Layout: from a [`Dataset`] and the [`ChartOptions`] to a [`Scene`]. One file per chart kind
//! (`bar`, `pie`, `pie_grid`); this file holds what they share: the frame of title, subtitle,
//! legend and source around the plot, value formatting and the accessible summary.

mod bar;
mod numbers;
mod pie;
mod pie_grid;

use crate::dataset::Dataset;
use crate::scene::{Anchor, Color, Scene};
use crate::spec::options::MIN_SIZE;
use crate::spec::{ChartOptions, Common, Lang, Voice};
use crate::text;
use crate::theme::{self, Sizes, Theme};
pub use numbers::{format_value, localize, localize_text, nice_ticks};

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
    if let ChartOptions::Pie(_) = options {
        pie::check_no_missing(ds, common.voice())?;
    }
    let limit = crate::limits::of_data(options, ds);
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
    /// The footer (note and source) as drawn by [`Ctx::frame`]: the range of its items and the
    /// bottom of the plot area above it, so [`Ctx::fit_height`] can move it up.
    footer: Option<(std::ops::Range<usize>, f64)>,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, spec: &'a Common) -> Ctx<'a> {
        let theme = theme::theme(spec.theme);
        let mut scene = Scene::new(spec.width, spec.height(), theme.background, spec.rtl());
        scene.lang = spec.lang_tag();
        scene.title = localize_text(&title(ds, spec), spec.digits, &spec.lang());
        Ctx {
            spec,
            ds,
            sizes: Sizes::for_image(spec.width, spec.height()),
            theme,
            scene,
            footer: None,
        }
    }

    /// The line height of the frame's text at `size`: Arabic gets 1.2 times the Latin one,
    /// since its marks reach further above and below the line (the hamza under إ, the dots
    /// of ي) and would touch the next line.
    fn lead(&self, size: f64) -> f64 {
        Sizes::line(size) * if self.spec.rtl() { 1.2 } else { 1.0 }
    }

    /// When no height was asked for, ends the chart `bottom` (the lowest pixel of the plot's
    /// content) plus the gap the frame left: the note and source move up and the image
    /// gets shorter. A chart never grows here, and never below the smallest size.
    pub fn fit_height(&mut self, bottom: f64) {
        let Some((range, area_bottom)) = self.footer.clone() else {
            return;
        };
        if self.spec.height.is_some() {
            return;
        }
        let room = f64::from(self.scene.height - MIN_SIZE);
        let spare = (area_bottom - bottom).floor().clamp(0.0, room);
        if spare <= 0.0 {
            return;
        }
        for item in &mut self.scene.items[range] {
            item.shift_y(-spare);
        }
        self.scene.height -= spare as u32;
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
        // One digit system per chart: category labels and headers too.
        let s = localize_text(s, self.spec.digits, &self.spec.lang());
        let s = text::isolate(&s, self.spec.rtl());
        self.scene.text(x, y, &s, size, color, anchor, bold);
    }

    /// A value as shown on the chart: "76%", "43.5%", "102,347" (or "٧٦٪" with Arabic digits).
    pub fn value_label(&self, v: f64) -> String {
        self.number(v, self.ds.decimals())
    }

    /// Text of the frame (title, subtitle, note, source) in the chart's digits.
    fn frame_text(&self, s: &str) -> String {
        localize_text(&text::clean(s), self.spec.digits, &self.spec.lang())
    }

    /// Draws `s` wrapped to at most two lines from `y` down; returns the y below it.
    fn block(&mut self, s: &str, size: f64, color: Color, bold: bool, y: f64) -> f64 {
        let (m, inner) = (self.sizes.margin, self.inner());
        let lh = self.lead(size);
        let mut y = y;
        for line in text::wrap(s, size, bold, inner, 2) {
            self.text(m, y + lh / 2.0, &line, size, color, Anchor::Start, bold);
            y += lh;
        }
        y
    }

    /// The width between the margins.
    fn inner(&self) -> f64 {
        f64::from(self.spec.width) - 2.0 * self.sizes.margin
    }

    /// The height `s` takes as a [`Ctx::block`].
    fn block_height(&self, s: &str, size: f64) -> f64 {
        self.lead(size) * text::wrap(s, size, false, self.inner(), 2).len() as f64
    }

    /// A number with `decimals`, the unit and the chart's digits.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        localize(
            &format_value(v, decimals, self.ds.percent),
            self.spec.digits,
            &self.spec.lang(),
        )
    }

    /// Draws title, subtitle, legend, note and source; returns the area left for the plot.
    pub fn frame(&mut self, legend: &[(String, Color)]) -> Area {
        let s = self.sizes;
        let (w, h) = (f64::from(self.spec.width), f64::from(self.scene.height));
        let title = self.scene.title.clone();
        let mut y = self.block(&title, s.title, self.theme.text, true, s.margin);
        if let Some(sub) = subtitle(self.ds, self.spec).map(|t| self.frame_text(&t)) {
            // Arabic: a wider gap too, for the marks under the title's last line.
            y += if self.spec.rtl() { 6.0 } else { 2.0 };
            y = self.block(&sub, s.subtitle, self.theme.muted, false, y);
        }
        y += s.label;
        if !legend.is_empty() {
            y = self.legend(legend, s.margin, y, self.inner());
            y += s.label * 0.5;
        }
        // Note and source at the bottom, the note just above the source.
        let mut bottom = h - s.margin * 0.75;
        let start = self.scene.items.len();
        let source = self.spec.source.as_deref().map(|t| self.frame_text(t));
        let source = source.map(|t| source_line(&t, &self.spec.lang()));
        let note = self.spec.note.as_deref().map(|t| self.frame_text(t));
        for t in [source, note].into_iter().flatten() {
            bottom -= self.block_height(&t, s.source);
            self.block(&t, s.source, self.theme.muted, false, bottom);
            bottom -= s.source * 0.3;
        }
        if self.scene.items.len() > start {
            bottom -= s.label;
        }
        self.footer = Some((start..self.scene.items.len(), bottom));
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

/// One value drawn as a share of 100% (`pie --each-row`, `bar --rest`).
pub(crate) struct Share {
    /// The category, with the series name when there are several: "Oil (Production)".
    pub label: String,
    /// The share, 0 to 100.
    pub value: f64,
}

/// Every value as a share of 100%, checked: percentages from 0 to 100 only. `flag` names the
/// option in the error message, as the user gives options.
pub(crate) fn shares(ds: &Dataset, key: &str, voice: Voice) -> anyhow::Result<Vec<Share>> {
    let flag = voice.name(key);
    let mut out = Vec::new();
    for s in &ds.series {
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
            });
        }
    }
    Ok(out)
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

/// The subtitle: given, or else the measure's name when every series comes from one value
/// column ("barrels per day"; a percentage as "share, %"), so that the unit is on the chart.
pub(crate) fn subtitle(ds: &Dataset, spec: &Common) -> Option<String> {
    if let Some(sub) = &spec.subtitle {
        return Some(text::clean(sub));
    }
    let first = ds.series.first()?;
    if ds.series.iter().any(|s| s.column != first.column) {
        return None;
    }
    let name = text::clean(&first.column.replace('_', " "));
    let name = name.trim();
    // A header in another script than the chart's language (an English "share" over Arabic or
    // Russian labels) would put two languages on one line: a percentage says so in the chart's
    // language, where sharechart has its words. Any other unit stays as the header gives it (a
    // unit in the wrong language beats none), and so does any header without a `--lang`.
    let foreign = spec.columns.lang.as_ref().is_some_and(|lang| {
        crate::spec::lang::has_words(lang)
            && crate::spec::lang::foreign_script(lang, name) == Some(true)
    });
    if name.is_empty() {
        None
    } else if ds.percent && foreign {
        Some(crate::spec::lang::words(&spec.lang()).percent.to_string())
    } else if ds.percent && !name.contains(['%', '٪']) {
        Some(format!("{name}, %"))
    } else {
        Some(name.to_string())
    }
}

/// Prefixes "Source: " (or the chart language's word: "المصدر: ") unless the text already
/// starts with it.
fn source_line(src: &str, lang: &Lang) -> String {
    let word = crate::spec::lang::words(lang).source;
    let lower = src.to_lowercase();
    let bare = word.trim_end_matches([':', ' ']).to_lowercase();
    if lower.starts_with("source") || src.starts_with("المصدر") || lower.starts_with(&bare) {
        return src.to_string();
    }
    format!("{word}{src}")
}

/// The label of the remainder of a percentage: `rest`, or "Rest of world".
pub fn rest_label(rest: Option<&str>, spec: &Common) -> String {
    match rest {
        Some(r) => text::clean(r),
        None => crate::spec::lang::words(&spec.lang()).rest.to_string(),
    }
}

/// "Title. Subtitle. Dates 76%, Cotton 43%." — the data in words, for the SVG `<desc>`.
fn summary(ds: &Dataset, title: &str, spec: &Common) -> String {
    let d = ds.decimals();
    let comma = if spec.rtl() { "، " } else { ", " };
    let mut parts = vec![title.to_string()];
    let lang = spec.lang();
    let frame = |t: &str| localize_text(&text::clean(t), spec.digits, &lang);
    if let Some(sub) = subtitle(ds, spec) {
        parts.push(frame(&sub));
    }
    for s in &ds.series {
        let values: Vec<String> = ds
            .labels
            .iter()
            .zip(&s.cells)
            .map(|(l, c)| match c {
                Some(c) => format!(
                    "{l} {}",
                    localize(
                        &format_value(c.value, d, ds.percent),
                        spec.digits,
                        &spec.lang(),
                    )
                ),
                None => format!("{l} {}", bar::no_data(&spec.lang())),
            })
            .collect();
        if ds.series.len() > 1 {
            parts.push(format!("{}: {}", s.name, values.join(comma)));
        } else {
            parts.push(values.join(comma));
        }
    }
    if let Some(note) = &spec.note {
        parts.push(frame(note));
    }
    if let Some(src) = &spec.source {
        parts.push(source_line(&frame(src), &spec.lang()));
    }
    parts
        .iter()
        .map(|p| p.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ")
        + "."
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Digits;

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
    fn native_digits_follow_the_language() {
        let l = |c: &str| c.parse::<Lang>().expect("code");
        assert_eq!(localize("43.5%", Digits::Native, &l("ar")), "٤٣٫٥٪");
        assert_eq!(localize("43.5%", Digits::Native, &l("fa")), "۴۳٫۵٪");
        assert_eq!(localize("1,207%", Digits::Native, &l("ur")), "۱٬۲۰۷٪");
        assert_eq!(localize("43.5%", Digits::Native, &l("bn")), "৪৩.৫%");
        assert_eq!(localize("43.5%", Digits::Native, &l("fr")), "43,5\u{202F}%");
        assert_eq!(localize("43.5%", Digits::Latin, &l("en")), "43.5%");
        assert_eq!(
            localize("1,207.5", Digits::Latin, &l("fr")),
            "1\u{202F}207,5"
        );
        assert_eq!(
            localize("1,207.5%", Digits::Latin, &l("de")),
            "1.207,5\u{A0}%"
        );
        assert_eq!(localize("-12.5%", Digits::Latin, &l("tr")), "-%12,5");
        assert_eq!(localize("12.5%", Digits::Latin, &l("id")), "12,5%");
        assert_eq!(localize("12.5%", Digits::Latin, &l("ms")), "12.5%");
        assert_eq!(localize("12.5%", Digits::Latin, &l("ar")), "12.5%");
        assert_eq!(localize("43.5%", Digits::Arabic, &l("fa")), "٤٣٫٥٪");
    }

    #[test]
    fn source_prefix_is_added_once() {
        assert_eq!(source_line("X", &Lang::en()), "Source: X");
        assert_eq!(source_line("Source: X", &Lang::en()), "Source: X");
        assert_eq!(source_line("X", &Lang::ar()), "المصدر: X");
        let fa = "fa".parse().expect("code");
        assert_eq!(source_line("X", &fa), "منبع: X");
        assert_eq!(source_line("منبع: X", &fa), "منبع: X");
    }
}
