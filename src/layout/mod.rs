//! Layout: what every chart kind shares while turning a [`Dataset`] into a [`Scene`]. A kind
//! (in `kinds/`) draws its plot on a [`Page`], which holds the frame of title, subtitle, legend,
//! note and source around the plot, writes text and numbers in the chart's language and digits,
//! measures text with the chart's fonts, and ends with the accessible summary. What is derived
//! per chart (direction, language, fonts, the given subtitle) arrives resolved in a [`Context`].

pub mod alt;
pub mod color;
mod context;
pub mod data;
pub mod measure;
pub mod paint;
pub mod parts;
pub mod theme;

use crate::dataset::Dataset;
use crate::locale::Locale;
use crate::locale::number::Numbers;
use crate::options::{Agg, Common, MAX_SIZE, MIN_SIZE, Message};
use crate::scene::{Anchor, Color, Scene};
use crate::text;
pub use context::Context;
use theme::{Sizes, Theme};

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

/// The chart being laid out: the options, the data and the resolved context it is drawn from,
/// its sizes and colours, and the scene so far.
pub struct Page<'a> {
    /// The options every kind has, as the user gave them.
    pub spec: &'a Common,
    /// The data drawn.
    pub ds: &'a Dataset,
    /// Direction, language, fonts.
    pub context: &'a Context<'a>,
    /// Type sizes for the image's size.
    pub sizes: Sizes,
    /// Colours.
    pub theme: Theme,
    /// The scene so far.
    pub scene: Scene,
    /// How the chart writes its numbers (decided from `ds`, the data as drawn).
    pub numbers: Numbers,
    /// The title given, as drawn (none: the chart starts with its measure line).
    title: Option<String>,
    /// The footer (note and source) as drawn by [`Page::frame`]: the range of its items and the
    /// bottom of the plot area above it, so [`Page::fit_height`] can move it up.
    footer: Option<(std::ops::Range<usize>, f64)>,
}

impl<'a> Page<'a> {
    /// An empty page of `spec`'s size for `ds`.
    pub fn new(ds: &'a Dataset, spec: &'a Common, cx: &'a Context<'a>) -> Page<'a> {
        let theme = theme::theme(spec.theme);
        let mut scene = Scene::new(
            spec.width(),
            spec.height(),
            theme.background,
            cx.rtl,
            cx.fonts.clone(),
        );
        scene.lang = cx.lang_tag.clone();
        let title = spec
            .title
            .as_deref()
            .map(|t| cx.locale.text_digits(&text::clean(t), spec.digits));
        // The accessible name (the SVG's <title>, the PNG's and the PDF's): the title, or
        // without one the measure line the chart starts with.
        scene.title = match &title {
            Some(t) => t.clone(),
            None => subtitle(ds, spec, cx)
                .map(|s| cx.locale.text_digits(&s, spec.digits))
                .unwrap_or_default(),
        };
        Page {
            spec,
            ds,
            context: cx,
            sizes: Sizes::for_type(spec.font_pt(), cx.rtl),
            theme,
            scene,
            numbers: numbers(ds, spec, cx),
            title,
            footer: None,
        }
    }

    /// The line height of the frame's text at `size` (taller for Arabic: [`Sizes::lead`]).
    fn lead(&self, size: f64) -> f64 {
        self.sizes.lead(size)
    }

    /// Ends the chart at `bottom` (the lowest pixel of the plot's content) plus the gap the
    /// frame left. Without a given height the note and source move up (or down) and the
    /// image gets shorter (or taller, up to the largest size); with one, a plot that reaches
    /// below its area makes the chart refused ([`Page::crowded`]).
    pub fn fit_height(&mut self, bottom: f64) {
        let Some((range, area_bottom)) = self.footer.clone() else {
            return;
        };
        if self.spec.height.is_some() {
            if bottom > area_bottom + 0.5 {
                self.crowded(bottom - area_bottom);
            }
            return;
        }
        let h = f64::from(self.scene.height);
        let shrink = f64::from(self.scene.height - MIN_SIZE);
        let grow = f64::from(MAX_SIZE) - h;
        let spare = (area_bottom - bottom).floor().clamp(-grow, shrink);
        if spare == 0.0 {
            return;
        }
        for item in &mut self.scene.items[range] {
            item.shift_y(-spare);
        }
        self.scene.height = (h - spare) as u32;
        if bottom - area_bottom > grow + 0.5 {
            self.crowded(bottom - area_bottom - grow);
        }
    }

    /// Marks the chart as refused: its content needs `short` more pixels of height than the
    /// canvas has. The pipeline turns this into an error with a hint; nothing is cut or drawn
    /// on top of other text.
    pub fn crowded(&mut self, short: f64) {
        if self.scene.crowded.is_some() {
            return;
        }
        let (w, h) = (self.scene.width, self.scene.height);
        let need = (f64::from(h) + short).ceil();
        let pt = self.spec.font_pt();
        self.scene.crowded = Some(
            Message::new()
                .text(format!(
                    "{}: the chart does not fit in {w}x{h} px at {pt} pt type: its text and plot need {need} px of height\n  hint: leave out ",
                    self.ds.path
                ))
                .name("height")
                .text(" (the chart then grows to its content) or give a larger one, set a smaller ")
                .name("font-size")
                .text(", or keep fewer categories with ")
                .name("top"),
        );
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
        let s = self.context.locale.text_digits(s, self.spec.digits);
        // In right-to-left running text each number reads as it does alone ("69%").
        let s = if self.context.rtl {
            text::isolate_numbers(&s)
        } else {
            s
        };
        let s = text::isolate(&s, self.context.rtl);
        self.scene.text(x, y, &s, size, color, anchor, bold);
    }

    /// A value as shown on the chart: "76%", "43.5%", "102,347", "39.3M" (or "٧٦٪" with Arabic
    /// digits), as [`Numbers::value`] writes it.
    pub fn value_label(&self, v: f64) -> String {
        self.numbers.value(v)
    }

    /// A value as shown on the chart, "~25%" when it is approximate.
    pub fn approx_label(&self, v: f64, approx: bool) -> String {
        let label = self.value_label(v);
        if approx { format!("~{label}") } else { label }
    }

    /// Text of the frame (title, subtitle, note, source) in the chart's digits.
    fn frame_text(&self, s: &str) -> String {
        self.context
            .locale
            .text_digits(&text::clean(s), self.spec.digits)
    }

    /// Width in pixels of `s` at `size`, with the chart's fonts.
    pub fn width(&self, s: &str, size: f64, bold: bool) -> f64 {
        self.context.fonts.width(s, size, bold)
    }

    /// `s` in lines no wider than `max_width`, every character kept ([`measure::wrap`]).
    pub fn wrap(&self, s: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
        measure::wrap(self.context.fonts, s, size, bold, max_width)
    }

    /// [`Page::wrap`] in lines of about equal length, no one-word last line
    /// ([`measure::balanced`]).
    pub fn balanced(&self, s: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
        measure::balanced(self.context.fonts, s, size, bold, max_width)
    }

    /// True when every word of `s` fits `max_width` ([`measure::fits_words`]).
    pub fn fits_words(&self, s: &str, size: f64, bold: bool, max_width: f64) -> bool {
        measure::fits_words(self.context.fonts, s, size, bold, max_width)
    }

    /// Draws `s` wrapped to the width between the margins from `y` down; returns the y below.
    fn block(&mut self, s: &str, size: f64, color: Color, bold: bool, y: f64) -> f64 {
        let (m, inner) = (self.sizes.margin, self.inner());
        let lh = self.lead(size);
        let mut y = y;
        for line in measure::balanced(self.context.fonts, s, size, bold, inner) {
            self.text(m, y + lh / 2.0, &line, size, color, Anchor::Start, bold);
            y += lh;
        }
        y
    }

    /// The width between the margins.
    pub fn inner(&self) -> f64 {
        f64::from(self.scene.width) - 2.0 * self.sizes.margin
    }

    /// The height `s` takes as a [`Page::block`].
    fn block_height(&self, s: &str, size: f64, bold: bool) -> f64 {
        let lines = measure::balanced(self.context.fonts, s, size, bold, self.inner());
        self.lead(size) * lines.len() as f64
    }

    /// A number with `decimals`, the unit, the chart's digits and the user's prefix and suffix.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        self.numbers.fixed(v, decimals)
    }

    /// Draws title, subtitle, legend, note and source; returns the area left for the plot
    /// ([`Page::frame_with`] with room for a few lines of plot).
    pub fn frame(&mut self, legend: &[(String, Color)]) -> Area {
        let min = self.sizes.label * 8.0;
        self.frame_with(legend, min)
    }

    /// Draws title, subtitle, legend, note and source, and returns the area left for the
    /// plot, at least `min_plot` pixels tall: without a given height the canvas grows for it
    /// (up to the largest size); with one, a chart that has less is refused.
    pub fn frame_with(&mut self, legend: &[(String, Color)], min_plot: f64) -> Area {
        let s = self.sizes;
        let w = f64::from(self.scene.width);
        // No title given: none is made up (from the file name); the measure line comes first.
        let mut y = s.margin;
        let titled = self.title.is_some();
        if let Some(title) = self.title.clone() {
            y = self.block(&title, s.title, self.theme.text, true, y);
        }
        if let Some(sub) = subtitle(self.ds, self.spec, self.context).map(|t| self.frame_text(&t)) {
            if titled {
                // Arabic: a wider gap too, for the marks under the title's last line.
                y += if self.context.rtl { 0.4 } else { 0.15 } * s.label;
            }
            y = self.block(&sub, s.subtitle, self.theme.muted, false, y);
        }
        y += s.label;
        if !legend.is_empty() {
            y = self.legend(legend, s.margin, y, self.inner());
            y += s.label * 0.5;
        }
        // Note and source at the bottom, the note just above the source.
        let source = self.spec.source.as_deref().map(|t| self.frame_text(t));
        let source = source.map(|t| source_line(&t, self.context.locale));
        let note = self.context.note.as_deref().map(|t| self.frame_text(t));
        let footer: Vec<String> = [source, note].into_iter().flatten().collect();
        let mut below = s.margin * 0.75;
        for t in &footer {
            below += self.block_height(t, s.source, false) + s.source * 0.3;
        }
        if !footer.is_empty() {
            below += s.label;
        }
        let mut h = f64::from(self.scene.height);
        let short = y + min_plot + below - h;
        if short > 0.0 {
            if self.spec.height.is_none() && h + short <= f64::from(MAX_SIZE) {
                h += short.ceil();
                self.scene.height = h as u32;
            } else {
                self.crowded(short);
            }
        }
        let mut bottom = h - s.margin * 0.75;
        let start = self.scene.items.len();
        for t in &footer {
            bottom -= self.block_height(t, s.source, false);
            self.block(t, s.source, self.theme.muted, false, bottom);
            bottom -= s.source * 0.3;
        }
        if !footer.is_empty() {
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

    /// A row of colour swatches with names, wrapping to more rows (and a long name to more
    /// lines: names are never cut); returns the y below it.
    fn legend(&mut self, items: &[(String, Color)], x0: f64, y0: f64, width: f64) -> f64 {
        let size = self.sizes.label;
        let sw = size * 0.9;
        let gap = size * 0.5;
        let lh = self.sizes.lead(size);
        let (mut x, mut y, mut row_h) = (x0, y0, 0.0f64);
        for (name, color) in items {
            let lines = self.wrap(name, size, false, width - sw - gap);
            let text_w = lines
                .iter()
                .map(|l| self.width(l, size, false))
                .fold(0.0, f64::max);
            let item_w = sw + gap + text_w + size * 1.5;
            if x > x0 && x + item_w - size * 1.5 > x0 + width {
                x = x0;
                y += row_h + 2.0;
                row_h = 0.0;
            }
            let item_h = lh * lines.len() as f64;
            self.scene.rect(x, y + (lh - sw) / 2.0, sw, sw, *color);
            for (k, line) in lines.iter().enumerate() {
                let ly = y + lh * (k as f64 + 0.5);
                let c = self.theme.text;
                self.text(x + sw + gap, ly, line, size, c, Anchor::Start, false);
            }
            row_h = row_h.max(item_h);
            x += item_w;
        }
        y + row_h
    }

    /// Notes `sentence` for the description and the alt text: words drawn on the plot that
    /// the data does not say (a reference line, a callout).
    pub fn remark(&mut self, sentence: String) {
        self.scene.remarks.push(sentence);
    }

    /// Finishes the scene (its description, the alt text, is written by the kinds' common
    /// layout from the data as drawn: [`alt::text`]).
    pub fn finish(self) -> Scene {
        self.scene
    }
}

/// One value drawn as a share of 100% (`pie --each-row`, `bar --rest`).
pub struct Share {
    /// The category, with the series name when there are several: "Oil (Production)".
    pub label: String,
    /// The share, 0 to 100.
    pub value: f64,
    /// Written as approximate.
    pub approx: bool,
}

/// Every value as a share of 100%, checked: percentages from 0 to 100 only. `key` is the
/// option that asks for shares, named in the error message.
pub fn shares(ds: &Dataset, key: &'static str) -> Result<Vec<Share>, Message> {
    let mut out = Vec::new();
    for s in &ds.series {
        for (label, cell) in ds.labels.iter().zip(&s.cells) {
            let Some(c) = cell else { continue };
            if !ds.percent || !(0.0..=100.0).contains(&c.value) {
                let what = if ds.percent {
                    "outside 0-100"
                } else {
                    "not a percentage"
                };
                return Err(Message::new()
                    .text(format!(
                        "{}:{}:{}: column '{}': ",
                        ds.path, c.line, c.column, s.column
                    ))
                    .name(key)
                    .text(format!(
                        " draws each value as a share of 100%, but {:?} is {what}\n  hint: use ",
                        c.raw
                    ))
                    .name(key)
                    .text(" with percentages from 0 to 100 (a column named share/percent/pct, or values written with %), or use ")
                    .kind("bar", &[]));
            }
            let label = if ds.series.len() > 1 {
                format!("{label} ({})", s.name)
            } else {
                label.clone()
            };
            out.push(Share {
                label,
                value: c.value,
                approx: c.approx,
            });
        }
    }
    Ok(out)
}

/// `text` (sentences ending in a full stop) with the `remarks` after it.
pub fn with_remarks(text: String, remarks: &[String]) -> String {
    let mut out = text;
    for r in remarks {
        out.push(' ');
        out.push_str(r.trim_end_matches('.'));
        out.push('.');
    }
    out
}

/// The title: the one given, cleaned, or none (""): a chart draws no title it was not given.
pub fn title(_ds: &Dataset, spec: &Common) -> String {
    spec.title.as_deref().map(text::clean).unwrap_or_default()
}

/// How the chart of `ds` (the data as drawn) writes its numbers: its language and digits, the
/// user's `format`, and the precision of computed values for `agg mean`.
pub fn numbers(ds: &Dataset, spec: &Common, cx: &Context) -> Numbers {
    let values: Vec<f64> = ds
        .series
        .iter()
        .flat_map(|s| s.cells.iter().flatten().map(|c| c.value))
        .collect();
    let code = spec.data.lang.as_ref().map_or("en", |l| l.primary());
    Numbers::new(
        (cx.locale, code),
        spec.digits,
        spec.format.as_ref(),
        &values,
        ds.percent,
        spec.data.agg == Some(Agg::Mean),
    )
}

/// The subtitle: given (by the user, or computed by `agg`), or else the measure's name when
/// every series comes from one value column ("barrels per day"; a percentage as "share, %"),
/// so that the unit is on the chart.
pub fn subtitle(ds: &Dataset, spec: &Common, cx: &Context) -> Option<String> {
    if let Some(sub) = &cx.subtitle {
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
    let foreign = spec.data.lang.is_some()
        && cx.locale.own_words.is_some()
        && cx.locale.foreign(name) == Some(true);
    if name.is_empty() {
        None
    } else if ds.percent && foreign {
        Some(cx.locale.words().percent.to_string())
    } else if ds.percent && !name.contains(['%', '٪']) && cx.rtl {
        // Arabic script sets the unit in parentheses: «النسبة (%)», not «النسبة، %».
        Some(format!("{name} (%)"))
    } else if ds.percent && !name.contains(['%', '٪']) {
        Some(format!("{name}, %"))
    } else {
        Some(name.to_string())
    }
}

/// Prefixes "Source: " (or the chart language's word: "المصدر: ") unless the text already
/// starts with it.
pub fn source_line(src: &str, locale: &Locale) -> String {
    let word = locale.words().source;
    let lower = src.to_lowercase();
    let bare = word.trim_end_matches([':', ' ']).to_lowercase();
    if lower.starts_with("source") || src.starts_with("المصدر") || lower.starts_with(&bare) {
        return src.to_string();
    }
    format!("{word}{src}")
}

/// The index in `names` (the bars, slices or pies as the chart shows them) of `name`, which
/// the option `key` gives (`annotate`, `rest-of`); else an error with the nearest names.
/// `path` names the file in the message.
pub fn find_drawn(
    path: &str,
    names: &[&str],
    name: &str,
    key: &'static str,
) -> Result<usize, crate::options::Message> {
    if let Some(i) = names.iter().position(|l| text::same_name(l, name)) {
        return Ok(i);
    }
    let near = text::nearest(name, names.iter().copied(), 3);
    let near: Vec<String> = near.iter().map(|n| format!("{n:?}")).collect();
    Err(crate::options::Message::new()
        .text(format!("{path}: "))
        .name(key)
        .text(format!(
            " names {name:?}, which the chart does not draw\n  hint: the nearest are {}; write the name as the chart shows it, in the chart's language",
            near.join(", ")
        )))
}

/// The label of the remainder of a percentage: `rest`, or "Rest of world".
pub fn rest_label(rest: Option<&str>, locale: &Locale) -> String {
    match rest {
        Some(r) => text::clean(r),
        None => locale.words().rest.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Lang;

    #[test]
    fn source_prefix_is_added_once() {
        let l = |c: &str| Locale::of(&c.parse::<Lang>().expect("code"));
        assert_eq!(source_line("X", l("en")), "Source: X");
        assert_eq!(source_line("Source: X", l("en")), "Source: X");
        assert_eq!(source_line("X", l("ar")), "المصدر: X");
        assert_eq!(source_line("X", l("fa")), "منبع: X");
        assert_eq!(source_line("منبع: X", l("fa")), "منبع: X");
    }
}
