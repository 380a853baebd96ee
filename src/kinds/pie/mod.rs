//! Pies and donuts of the parts of one whole.
//!
//! Percentages that sum below 100 get a remainder slice (`--rest`), unless the shortfall is
//! only the rounding of the shares (`layout::parts::remainder`); above 100 they are refused,
//! since they cannot be parts of one whole, before anything else is said of them. Counts and
//! amounts are labelled with their share of the total and, where it fits, the number itself.
//! Slices start at 12 o'clock and run clockwise, largest first with the remainder last; labels
//! sit outside with leader lines and never overlap.

mod grid;

use std::f64::consts::TAU;

use clap::Args;
use serde::{Deserialize, Serialize};

use super::limits::{Alt, Limit};
use super::{ChartKind, KindError};
use crate::dataset::Dataset;
use crate::layout::alt::Whole;
use crate::layout::paint::approximate;
use crate::layout::{Area, Context, Page, parts, rest_label};
use crate::locale::number::format;
use crate::options::{Annotations, Callout, Common, Message, Order, Sort};
use crate::scene::{Anchor, Color, Item, Scene};

/// The options of a pie or donut chart.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct PieOptions {
    /// The options every kind has.
    #[command(flatten)]
    #[serde(flatten)]
    pub common: Common,
    /// Sorting (of the pies of `each-row`; a single pie is always largest first).
    #[command(flatten)]
    #[serde(flatten)]
    pub order: Order,
    /// Draw a donut (a ring) instead of a full pie.
    #[arg(long)]
    pub donut: bool,
    /// Label of the remainder slice when percentages sum below 100.
    #[arg(long, value_name = "LABEL")]
    pub rest: Option<String>,
    /// One small share-vs-rest pie per row, in a grid.
    #[arg(long)]
    pub each_row: bool,
    /// With `each-row`: the remainder of one category's pie, named CATEGORY=LABEL under it
    /// (repeatable), for pies whose wholes differ (the world's land, its population).
    #[arg(long, value_name = "CATEGORY=LABEL")]
    pub rest_of: Vec<Callout>,
    /// Callouts on the slices (or on the pies of `each-row`).
    #[command(flatten)]
    #[serde(flatten)]
    pub notes: Annotations,
}

/// One pie.
pub const PIE: Limit = Limit {
    max: 8,
    what: "slices",
    chart: "pie",
    alt: Alt::BarChart,
};
/// A grid of small pies.
pub const PIE_GRID: Limit = Limit {
    max: 30,
    what: "categories",
    chart: "grid of pies",
    alt: Alt::BarChart,
};

impl ChartKind for PieOptions {
    const NAME: &'static str = "pie";
    const ABOUT: &'static str = "Draw a pie or donut of the parts of one whole";
    const EXAMPLES: &'static str = "Examples:\n  sharechart pie data/russia_muslims.csv -o russia.svg --donut --rest \"Other residents\"\n  sharechart pie data/crops.csv -o crops.png --each-row";

    fn common(&self) -> &Common {
        &self.common
    }

    fn sort(&self) -> Option<Sort> {
        self.order.sort
    }

    fn rest(&self) -> Option<&str> {
        self.rest.as_deref()
    }

    /// `rest-of` names the remainders of the pies of `each-row`.
    fn validate(&self) -> Result<(), crate::options::OptionError> {
        match self.rest_of.first() {
            Some(first) if !self.each_row => Err(crate::options::error(
                "rest-of",
                format!("{:?}", first.to_string()),
                Message::new()
                    .text("names the remainder of one pie of a grid, but this is one pie (without ")
                    .name("each-row")
                    .text(")"),
                Message::new()
                    .text("name the remainder of a single pie with ")
                    .name("rest")
                    .text(", or draw one pie per row with ")
                    .on("each-row"),
            )),
            _ => Ok(()),
        }
    }

    /// A pie cannot have a missing value (a part of a whole cannot be unknown), nor shares
    /// that add up past 100%: said first, before any "too many slices, try `top`" whose
    /// advice would only lead here.
    fn check(&self, ds: &Dataset) -> Result<(), KindError> {
        check_no_missing(ds)?;
        if !self.each_row {
            check_one_whole(ds)?;
        }
        Ok(())
    }

    fn limit(&self, _ds: &Dataset) -> Limit {
        if self.each_row { PIE_GRID } else { PIE }
    }

    fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError> {
        if self.each_row {
            grid::layout(ds, self, cx)
        } else {
            layout(ds, self, cx)
        }
    }

    fn noun(&self) -> &'static [(&'static str, &'static str)] {
        if self.donut {
            &[
                ("en", "Donut chart"),
                ("ar", "مخطط حلقي"),
                ("fr", "Diagramme en anneau"),
                ("tr", "Halka grafik"),
                ("fa", "نمودار حلقه‌ای"),
                ("ur", "ڈونٹ چارٹ"),
                ("bn", "ডোনাট চার্ট"),
                ("ms", "Carta donat"),
                ("id", "Diagram donat"),
                ("ru", "Кольцевая диаграмма"),
                ("uz", "Halqali diagramma"),
                ("kk", "Сақиналы диаграмма"),
                ("az", "Halqavari diaqram"),
                ("ky", "Шакек диаграмма"),
                ("tg", "Диаграммаи ҳалқавӣ"),
                ("tk", "Halkaly diagramma"),
                ("ps", "کړۍ‌يي چارټ"),
                ("sq", "Grafik unazor"),
                ("so", "Jaantus giraan ah"),
                ("ha", "Jadawalin zobe"),
                ("dv", "ޑޯނަޓް ޗާޓް"),
            ]
        } else {
            &[
                ("en", "Pie chart"),
                ("ar", "مخطط دائري"),
                ("fr", "Diagramme circulaire"),
                ("tr", "Pasta grafik"),
                ("fa", "نمودار دایره‌ای"),
                ("ur", "پائی چارٹ"),
                ("bn", "পাই চার্ট"),
                ("ms", "Carta pai"),
                ("id", "Diagram lingkaran"),
                ("ru", "Круговая диаграмма"),
                ("uz", "Doiraviy diagramma"),
                ("kk", "Дөңгелек диаграмма"),
                ("az", "Dairəvi diaqram"),
                ("ky", "Тегерек диаграмма"),
                ("tg", "Диаграммаи доиравӣ"),
                ("tk", "Tegelek diagramma"),
                ("ps", "کلیز چارټ"),
                ("sq", "Grafik rrethor"),
                ("so", "Jaantus wareeg ah"),
                ("ha", "Jadawalin da'ira"),
                ("dv", "ޕައި ޗާޓް"),
            ]
        }
    }

    /// A pie of one share is one number; donuts of nearly the same values look alike.
    fn advice(&self, ds: &Dataset) -> Vec<Message> {
        let values: Vec<f64> = ds
            .series
            .iter()
            .flat_map(|s| s.cells.iter().flatten().map(|c| c.value))
            .collect();
        // Said unless the title already gives the number ("Muslims are 14% of Russia's
        // population"): then the donut only shows it, which is what the hint asks for.
        let in_title = |v: f64| {
            let number = format(v, ds.decimals());
            self.common.title.as_deref().is_some_and(|t| says(t, &number))
        };
        if !self.each_row && values.len() == 1 && ds.labels.len() == 1 && !in_title(values[0]) {
            let shape = if self.donut { "donut" } else { "pie" };
            return vec![Message::new().text(format!(
                "{}: a {shape} of one share ({:?}) shows one number\n  hint: give the number in the title or a sentence, or set it beside comparable shares in a bar chart (",
                ds.path, ds.labels[0]
            ))
            .kind("bar", &[])
            .text(")")];
        }
        let (lo, hi) = values
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| (l.min(v), h.max(v)));
        if self.each_row && ds.percent && values.len() >= ALIKE_MANY && hi - lo <= ALIKE {
            let shape = if self.donut { "donuts" } else { "pies" };
            return vec![Message::new()
                .text(format!(
                    "{}: the {} {shape} all show {}% to {}%, within {ALIKE} points of each other: they look alike\n  hint: a sorted bar chart shows the differences (",
                    ds.path,
                    values.len(),
                    format(lo, ds.decimals()),
                    format(hi, ds.decimals()),
                ))
                .kind("bar", &[])
                .text(" with ")
                .set_text("sort", "desc")
                .text("), or one sentence says they are alike")];
        }
        Vec::new()
    }

    fn whole(&self) -> Whole<'_> {
        if self.each_row {
            Whole::EachRow(self.rest.as_deref(), &self.rest_of)
        } else {
            Whole::One(self.rest.as_deref())
        }
    }
}

/// Donuts of a grid whose values all lie within this many percentage points of each other
/// look alike: a bar chart shows their differences better.
const ALIKE: f64 = 5.0;

/// ... when there are at least this many: three numbers are read at a glance however they are
/// drawn (the article's three "about a quarter" donuts, each of its own whole), while seven
/// donuts of 23% to 25% (the article's minerals) are a wall of the same picture.
const ALIKE_MANY: usize = 4;

/// How far above 100 a percentage total may go before it is refused (rounding in the source).
const ROUNDING: f64 = 0.5;

/// One slice to draw.
struct Slice {
    label: String,
    value: f64,
    color: Color,
    /// Approximate: drawn as an estimate, its label "~25%".
    approx: bool,
    /// The rest of 100%: its wedge stays plain grey, approximate or not.
    rest: bool,
}

/// The parts of a pie as `(label, value, approximate)`, and the remainder of 100% if there
/// is one.
type Parts = (Vec<(String, f64, bool)>, Option<f64>);

/// A pie cannot have a missing value: a part of a whole cannot be unknown.
fn check_no_missing(ds: &Dataset) -> Result<(), KindError> {
    if let Some(m) = ds.missing.first() {
        return Err(Message::new()
            .text(format!(
                "{}:{}:{}: column '{}': {:?} means no data, and a pie cannot have a missing slice: a part of a whole cannot be unknown\n  hint: fill in the value or remove the row; ",
                ds.path, m.line, m.column, m.header, m.raw,
            ))
            .kind("bar", &[])
            .text(" draws a missing value as a gap")
            .into());
    }
    Ok(())
}

/// Percentages drawn as one pie must be parts of one whole: they may not add up past 100%
/// (with slack for rounding in the source).
fn check_one_whole(ds: &Dataset) -> Result<(), KindError> {
    let Some(series) = ds.series.first() else {
        return Ok(());
    };
    let total: f64 = series.cells.iter().flatten().map(|c| c.value).sum();
    if ds.percent && total > 100.0 + ROUNDING {
        return Err(Message::new()
            .text(format!(
                "{}: the shares add up to {}%, more than 100%: a pie shows parts of one whole, and these are not\n  hint: use ",
                ds.path,
                format(total, ds.decimals()),
            ))
            .kind("bar", &[])
            .text(" to compare them, or ")
            .kind("pie", &["each-row"])
            .text(" for one share-vs-rest pie per row")
            .into());
    }
    Ok(())
}

/// Checks a pie's values and returns its parts.
fn slices_of(ds: &Dataset, spec: &PieOptions) -> Result<Parts, KindError> {
    if ds.series.len() != 1 {
        let names = ds
            .series
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Message::new()
            .text(format!(
                "{}: a pie shows one column of values, but {} were given ({names})\n  hint: choose one with ",
                ds.path,
                ds.series.len(),
            ))
            .name("value")
            .text(", or use ")
            .kind("bar", &[])
            .text(" for grouped bars")
            .into());
    }
    let series = &ds.series[0];
    let mut out = Vec::new();
    for (label, cell) in ds.labels.iter().zip(&series.cells) {
        let Some(c) = cell else { continue };
        if c.value < 0.0 {
            return Err(Message::new()
                .text(format!(
                    "{}:{}:{}: column '{}': a pie cannot show the negative value {}\n  hint: a pie shows parts of a whole; use ",
                    ds.path, c.line, c.column, series.column, c.raw,
                ))
                .kind("bar", &[])
                .text(" for values below zero")
                .into());
        }
        out.push((label.clone(), c.value, c.approx));
    }
    let total: f64 = out.iter().map(|(_, v, _)| v).sum();
    if total <= 0.0 {
        return Err(Message::new()
            .text(format!(
                "{}: the values add up to zero, so a pie has nothing to divide\n  hint: check the value column, or use ",
                ds.path
            ))
            .kind("bar", &[])
            .into());
    }
    let rest = if spec.each_row {
        None
    } else {
        check_one_whole(ds)?;
        parts::remainder(ds)
    };
    Ok((out, rest))
}

/// Lays out a single pie or donut.
fn layout(ds: &Dataset, spec: &PieOptions, cx: &Context) -> Result<Scene, KindError> {
    let (mut parts, rest) = slices_of(ds, spec)?;
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut cx = Page::new(ds, &spec.common, cx);
    // The rest of approximate parts is approximate too (its label says so; its wedge is the
    // plain grey of every rest).
    let about = parts.iter().any(|p| p.2);
    let mut slices: Vec<Slice> = parts
        .into_iter()
        .enumerate()
        .map(|(i, (label, value, approx))| Slice {
            color: cx.mark(cx.theme.color(i), Some(0), Some(&label), true),
            label,
            value,
            approx,
            rest: false,
        })
        .collect();
    if let Some(r) = rest {
        let label = rest_label(spec.rest.as_deref(), cx.context.locale);
        slices.push(Slice {
            color: cx.rest_color(&label),
            label,
            value: r,
            approx: about,
            rest: true,
        });
    }
    let notes = slice_notes(ds, &slices, &spec.notes)?;
    let callouts = callouts(&cx, &slices, spec.donut, &notes);
    let area = cx.frame_with(&[], callouts.min_plot);
    // Without a given height the pie is as large as reads well, and the chart ends under it.
    let fit = spec.common.height.is_none();
    let bottom = draw(&mut cx, area, &slices, (spec.donut, fit), &callouts);
    for (sl, n) in slices.iter().zip(&notes) {
        if let Some(n) = n {
            cx.remark(format!("{}: {n}", sl.label));
        }
    }
    if fit {
        cx.fit_height(bottom);
    }
    Ok(cx.finish())
}

/// The callout (`annotate`) of each slice, if any: a name that is no slice of the pie is an
/// error with the nearest.
fn slice_notes(
    ds: &Dataset,
    slices: &[Slice],
    notes: &Annotations,
) -> Result<Vec<Option<String>>, KindError> {
    let names: Vec<&str> = slices.iter().map(|s| s.label.as_str()).collect();
    let mut out = vec![None; slices.len()];
    for c in &notes.annotate {
        let i = find(ds, &names, &c.name, "annotate")?;
        out[i] = Some(crate::text::clean(&c.text));
    }
    Ok(out)
}

/// The index in `names` (a pie's slices, a grid's pies) of `name`: [`crate::layout::find_drawn`].
pub(super) fn find(
    ds: &Dataset,
    names: &[&str],
    name: &str,
    key: &'static str,
) -> Result<usize, KindError> {
    crate::layout::find_drawn(&ds.path, names, name, key).map_err(KindError::from)
}

/// The callouts of a pie: each slice's name (wrapped, never cut) and value, the side of the
/// pie each goes on, and the height the plot needs for them to stand apart.
struct Callouts {
    /// Name lines, value and callout lines of each slice.
    labels: Vec<Label>,
    /// The widest line of a name.
    widest: f64,
    /// Right and left side: (slice, angle of its middle) in order of the angle.
    sides: [Vec<(usize, f64)>; 2],
    /// The least height of the plot: the callouts of the fuller side, stacked.
    min_plot: f64,
}

/// The callout of a slice: its name's lines, its value, and the lines of an editor's note.
type Label = (Vec<String>, String, Vec<String>);

/// The gap between the pie and its callouts' text, and the least radius of a pie, in label
/// heights.
const TEXT_GAP: f64 = 2.2;
const MIN_RADIUS: f64 = 2.5;
/// The radius of a pie of a chart without a given height, at most, in label heights (about
/// 2.1 cm at 8.5 pt): a pie the size it reads at, not the size of the page.
const FIT_RADIUS: f64 = 7.5;

/// Lays out the callouts of `slices`, before the frame (whose plot must have room for them).
fn callouts(cx: &Page, slices: &[Slice], donut: bool, notes: &[Option<String>]) -> Callouts {
    let s = cx.sizes;
    let lh = s.lead(s.label);
    // A single share in a donut has its number large in the middle, so its callout gives only
    // the name: the number once, not twice.
    let centre = donut && slices.len() <= 2;
    let inner = cx.inner();
    let max_w = (inner / 2.0 - s.label * (TEXT_GAP + MIN_RADIUS)).min(inner * 0.3);
    // The value: a percentage as it is; of counts, the share, and the count where it fits.
    let values: Vec<f64> = slices.iter().map(|sl| sl.value).collect();
    let shares = parts::shares_of(&cx.numbers, &values);
    let total: f64 = values.iter().sum();
    let text = |v: f64| {
        let numbers = (&cx.numbers, &shares);
        let both = parts::part_text(v, total, numbers, true);
        if cx.width(&both, s.value, true) <= max_w {
            both
        } else {
            parts::part_text(v, total, numbers, false)
        }
    };
    let labels: Vec<(Vec<String>, String, Vec<String>)> = slices
        .iter()
        .enumerate()
        .map(|(i, sl)| {
            let value = if centre && i == 0 {
                String::new()
            } else {
                let text = text(sl.value);
                if sl.approx { format!("~{text}") } else { text }
            };
            let note = notes.get(i).cloned().flatten();
            let note = note.map_or_else(Vec::new, |n| cx.balanced(&n, s.label, false, max_w));
            (cx.wrap(&sl.label, s.label, false, max_w), value, note)
        })
        .collect();
    // The widest callout line, names and values alike, so none leaves the canvas.
    let widest = labels
        .iter()
        .flat_map(|(l, v, n)| {
            let names = l.iter().chain(n).map(|x| cx.width(x, s.label, false));
            names.chain(std::iter::once(cx.width(v, s.value, true)))
        })
        .fold(0.0, f64::max);
    let mut a = 0.0;
    let mut sides: [Vec<(usize, f64)>; 2] = [Vec::new(), Vec::new()];
    for (i, sl) in slices.iter().enumerate() {
        let da = sl.value / total * TAU;
        let mid = a + da / 2.0;
        a += da;
        sides[usize::from(mid > std::f64::consts::PI)].push((i, mid));
    }
    let min_plot = sides
        .iter()
        .map(|side| {
            side.iter()
                .map(|&(i, _)| lh * lines_of(&labels[i]) as f64 + 6.0)
                .sum::<f64>()
        })
        .fold(s.label * MIN_RADIUS * 2.0 + lh * 2.0, f64::max);
    Callouts {
        labels,
        widest,
        sides,
        min_plot,
    }
}

/// The points of a wedge (or ring segment when `inner > 0`) from angle `a0` to `a1`, measured
/// clockwise from 12 o'clock in radians.
pub(super) fn wedge(c: (f64, f64), outer: f64, inner: f64, a0: f64, a1: f64) -> Vec<(f64, f64)> {
    let steps = (((a1 - a0) / TAU * 180.0).ceil() as usize).max(2);
    let at = |r: f64, a: f64| (c.0 + r * a.sin(), c.1 - r * a.cos());
    let mut pts: Vec<(f64, f64)> = (0..=steps)
        .map(|i| at(outer, a0 + (a1 - a0) * i as f64 / steps as f64))
        .collect();
    if inner > 0.0 {
        pts.extend(
            (0..=steps)
                .rev()
                .map(|i| at(inner, a0 + (a1 - a0) * i as f64 / steps as f64)),
        );
    } else {
        pts.push(c);
    }
    pts
}

/// One part of a disc: its value, its colour, and whether it is drawn as approximate.
pub(super) type Part = (f64, Color, bool);

/// Draws the slices in a circle of radius `r` at `c`, with gaps of the background colour
/// between them; an approximate part as an estimate (`layout::paint::approximate`).
pub(super) fn draw_disc(
    scene: &mut Scene,
    c: (f64, f64),
    r: f64,
    inner: f64,
    parts: &[Part],
    gap: Color,
) {
    let total: f64 = parts.iter().map(|p| p.0).sum();
    let mut a = 0.0;
    let mut bounds = Vec::new();
    for &(v, color, approx) in parts {
        let da = v / total * TAU;
        if da > 0.0 {
            let points = wedge(c, r, inner, a, a + da);
            if approx {
                approximate(&mut scene.items, points, color, gap);
            } else {
                scene.items.push(Item::Polygon {
                    points,
                    fill: color,
                });
            }
            bounds.push(a);
        }
        a += da;
    }
    if bounds.len() > 1 {
        for b in bounds {
            let p = |rr: f64| (c.0 + rr * b.sin(), c.1 - rr * b.cos());
            scene.line(vec![p(inner.max(0.0)), p(r + 1.0)], gap, 2);
        }
    }
}

/// Draws the pie and its callouts in `area`; `fit` (no height given) keeps the pie at most
/// [`FIT_RADIUS`] and at the top of the area. Returns the bottom of what it drew.
fn draw(
    cx: &mut Page,
    area: Area,
    slices: &[Slice],
    (donut, fit): (bool, bool),
    callouts: &Callouts,
) -> f64 {
    let s = cx.sizes;
    let lh = s.lead(s.label);
    let centre = donut && slices.len() <= 2;
    let gap = s.label * TEXT_GAP;
    let r = ((area.h() / 2.0) - lh)
        .min(area.w() / 2.0 - callouts.widest - gap)
        .max(s.label * MIN_RADIUS);
    let (r, area) = if fit {
        let r = r.min(s.label * FIT_RADIUS);
        // As tall as the pie and as its fuller side of callouts.
        let h = (2.0 * (r + lh)).max(callouts.min_plot);
        let y1 = (area.y0 + h).min(area.y1);
        (r, Area { y1, ..area })
    } else {
        (r, area)
    };
    let c = (area.x0 + area.w() / 2.0, area.y0 + area.h() / 2.0);
    let inner = if donut { r * 0.58 } else { 0.0 };
    // The rest's wedge stays plain: its label says it is approximate.
    let parts: Vec<Part> = slices
        .iter()
        .map(|sl| (sl.value, sl.color, sl.approx && !sl.rest))
        .collect();
    draw_disc(&mut cx.scene, c, r, inner, &parts, cx.theme.background);
    // Place labels on each side, then push them apart so none overlaps another.
    let labels = &callouts.labels;
    let out = s.label * 0.9;
    for (side, list) in callouts.sides.iter().enumerate() {
        let mut list: Vec<(usize, f64, f64)> = list
            .iter()
            .map(|&(i, mid)| (i, mid, c.1 - (r + out) * mid.cos()))
            .collect();
        list.sort_by(|p, q| p.2.total_cmp(&q.2));
        let heights: Vec<f64> = list
            .iter()
            .map(|&(i, _, _)| lh * lines_of(&labels[i]) as f64 + 6.0)
            .collect();
        let ys = spread(
            &list.iter().map(|p| p.2).collect::<Vec<_>>(),
            &heights,
            area.y0,
            area.y1,
        );
        let dir = if side == 0 { 1.0 } else { -1.0 };
        let tx = c.0 + dir * (r + gap);
        let ends: Vec<(f64, f64)> = ys.iter().map(|&y| (tx - dir * s.label * 0.4, y)).collect();
        let columns = columns((c, r), &list, &ends, out, s.label * 0.3);
        for (k, &(i, mid, _)) in list.iter().enumerate() {
            let y = ys[k];
            let leader = leader((c, r), mid, ends[k], columns[k]);
            cx.scene.line(leader, cx.theme.muted, 1);
            let anchor = if side == 0 {
                Anchor::Start
            } else {
                Anchor::End
            };
            let (lines, value, note) = labels[i].clone();
            let top = y - lh * lines_of(&labels[i]) as f64 / 2.0;
            for (j, line) in lines.iter().enumerate() {
                let (ly, color) = (top + lh * (j as f64 + 0.5), cx.theme.text);
                cx.text(tx, ly, line, s.label, color, anchor, false);
            }
            if !value.is_empty() {
                let y = top + lh * (lines.len() as f64 + 0.5);
                // The rest's value is quieter than the shares it frames.
                let (color, bold) = if slices[i].rest {
                    (cx.theme.muted, false)
                } else {
                    (cx.theme.text, true)
                };
                cx.text(tx, y, &value, s.value, color, anchor, bold);
            }
            let below = lines.len() + usize::from(!value.is_empty());
            for (j, line) in note.iter().enumerate() {
                let ly = top + lh * ((below + j) as f64 + 0.5);
                cx.text(tx, ly, line, s.label, cx.theme.muted, anchor, false);
            }
        }
    }
    // A single share in a donut: the number large in the middle, in the text colour like the
    // numbers of every other donut.
    if centre {
        let values: Vec<f64> = slices.iter().map(|sl| sl.value).collect();
        let shares = parts::shares_of(&cx.numbers, &values);
        let total: f64 = values.iter().sum();
        let v = parts::part_text(slices[0].value, total, (&cx.numbers, &shares), false);
        let v = if slices[0].approx { format!("~{v}") } else { v };
        let size = (inner * 0.55).min(s.title * 2.0);
        cx.text(c.0, c.1, &v, size, cx.theme.text, Anchor::Middle, true);
    }
    area.y1
}

/// How far out a leader runs along the radius, and where its level run to the pie's side ends.
#[derive(Debug, Clone, Copy)]
struct Route {
    /// Out along the radius, from the arc.
    out: f64,
    /// The distance from the pie's centre of the column a leader that must go round the pie
    /// runs along (`None`: it goes straight to its callout).
    column: Option<f64>,
}

/// The route of each leader of one side (`list`: slice and angle in the callouts' order,
/// `ends`: where each leader ends): straight where that stays clear of the pie; the others go
/// round it, each along a column of its own (`step` apart), the shortest run innermost, so
/// their lines stand apart instead of running on top of each other.
fn columns(
    (c, r): ((f64, f64), f64),
    list: &[(usize, f64, f64)],
    ends: &[(f64, f64)],
    out: f64,
    step: f64,
) -> Vec<Route> {
    let knee = |mid: f64| (c.0 + (r + out * 0.6) * mid.sin(), c.1 - (r + out * 0.6) * mid.cos());
    let mut routes: Vec<Route> = list
        .iter()
        .zip(ends)
        .map(|(&(_, mid, _), &end)| {
            let dir = if end.0 >= c.0 { 1.0 } else { -1.0 };
            let elbow = (end.0 - dir * out * 0.2, end.1);
            let straight = segment_clear(c, r + 1.0, knee(mid), elbow);
            Route {
                out,
                column: (!straight).then_some(0.0),
            }
        })
        .collect();
    let mut round: Vec<usize> = (0..routes.len())
        .filter(|&k| routes[k].column.is_some())
        .collect();
    round.sort_by(|&a, &b| {
        let run = |k: usize| (ends[k].1 - knee(list[k].1).1).abs();
        run(a).total_cmp(&run(b))
    });
    for (n, k) in round.into_iter().enumerate() {
        routes[k].column = Some(r + out * 0.6 + step * n as f64);
    }
    routes
}

/// The leader line from the middle of a slice's arc (at angle `mid` of the pie `(c, r)`) to
/// the end of its callout at `end`, never across another slice: out along the radius, then
/// straight to the callout's height when that stays clear of the pie, else level to its column
/// outside the pie first and then up or down along it.
fn leader((c, r): ((f64, f64), f64), mid: f64, end: (f64, f64), route: Route) -> Vec<(f64, f64)> {
    let out = route.out;
    let at = |rr: f64| (c.0 + rr * mid.sin(), c.1 - rr * mid.cos());
    let (edge, knee) = (at(r), at(r + out * 0.6));
    let dir = if end.0 >= c.0 { 1.0 } else { -1.0 };
    let elbow = (end.0 - dir * out * 0.2, end.1);
    match route.column {
        None => vec![edge, knee, elbow, end],
        Some(distance) => {
            // Never nearer the pie than the knee: the level run goes outwards.
            let column = c.0 + dir * distance.max((knee.0 - c.0).abs());
            vec![edge, knee, (column, knee.1), (column, end.1), end]
        }
    }
}

/// True when the segment from `a` to `b` stays outside the circle of radius `r` at `c`.
fn segment_clear(c: (f64, f64), r: f64, a: (f64, f64), b: (f64, f64)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((c.0 - a.0) * dx + (c.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (px, py) = (a.0 + t * dx, a.1 + t * dy);
    (px - c.0).hypot(py - c.1) >= r
}

/// The lines of a callout: its name's lines, one for the value if it has one, and the
/// editor's note.
fn lines_of(label: &Label) -> usize {
    label.0.len() + usize::from(!label.1.is_empty()) + label.2.len()
}

/// Moves label centres `ys` (sorted) apart so blocks of `heights` do not overlap, staying within
/// `top..bottom` where possible.
pub(in crate::kinds) fn spread(ys: &[f64], heights: &[f64], top: f64, bottom: f64) -> Vec<f64> {
    let mut out = ys.to_vec();
    for i in 0..out.len() {
        let min = if i == 0 {
            top + heights[0] / 2.0
        } else {
            out[i - 1] + (heights[i - 1] + heights[i]) / 2.0
        };
        out[i] = out[i].max(min);
    }
    for i in (0..out.len()).rev() {
        let max = if i + 1 == out.len() {
            bottom - heights[i] / 2.0
        } else {
            out[i + 1] - (heights[i + 1] + heights[i]) / 2.0
        };
        out[i] = out[i].min(max);
    }
    out
}

/// Whether `text` writes `number` as a number of its own: not inside "2014", "114", "14.5" or
/// "3,14" (a full stop ending a sentence, "... 14.", is no decimal point).
fn says(text: &str, number: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let point = |c: Option<char>| matches!(c, Some('.' | ','));
    text.match_indices(number).any(|(i, _)| {
        let mut before = text[..i].chars().rev();
        let (b1, b2) = (before.next(), before.next());
        let mut after = text[i + number.len()..].chars();
        let (a1, a2) = (after.next(), after.next());
        let inside = digit(b1) || (point(b1) && digit(b2)) || digit(a1) || (point(a1) && digit(a2));
        !inside
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_finds_a_number_of_its_own_only() {
        assert!(says("Muslims are 14% of Russia's population", "14"));
        assert!(says("يشكّل المسلمون 14% من سكان روسيا", "14"));
        assert!(says("Share in 2020: 14.", "14"));
        for other in ["In 2014", "114 people", "14.5%", "3,14", "0.14"] {
            assert!(!says(other, "14"), "{other}");
        }
    }

    #[test]
    fn spread_separates_overlapping_labels() {
        let ys = spread(&[100.0, 101.0, 102.0], &[20.0, 20.0, 20.0], 0.0, 400.0);
        assert!(
            ys[1] - ys[0] >= 20.0 - 1e-9 && ys[2] - ys[1] >= 20.0 - 1e-9,
            "{ys:?}"
        );
        let ys = spread(&[395.0, 399.0], &[20.0, 20.0], 0.0, 400.0);
        assert!(
            ys[1] <= 390.0 + 1e-9 && ys[1] - ys[0] >= 20.0 - 1e-9,
            "{ys:?}"
        );
    }

    #[test]
    fn leader_lines_go_round_the_pie() {
        let (c, r) = ((100.0, 100.0), 50.0);
        // A slice near 12 o'clock whose callout was pushed far down the right side: the line
        // goes level to the side of the pie first, and no segment crosses the disc.
        let list = [(0, 0.1, 0.0), (1, 0.2, 0.0), (2, std::f64::consts::FRAC_PI_2, 0.0)];
        let ends = [(180.0, 150.0), (180.0, 170.0), (180.0, 100.0)];
        let routes = columns((c, r), &list, &ends, 10.0, 3.0);
        let line = leader((c, r), 0.1, ends[0], routes[0]);
        assert!(line.len() == 5, "{line:?}");
        for w in line.windows(2) {
            assert!(segment_clear(c, r, w[0], w[1]), "{w:?}");
        }
        // Two leaders round the pie run along columns of their own.
        let other = leader((c, r), 0.2, ends[1], routes[1]);
        assert!(other.len() == 5 && (other[2].0 - line[2].0).abs() >= 3.0, "{other:?}");
        // A callout level with its slice: a straight run out.
        let line = leader((c, r), std::f64::consts::FRAC_PI_2, ends[2], routes[2]);
        assert_eq!(line.len(), 4);
    }

    #[test]
    fn wedge_starts_at_twelve_and_runs_clockwise() {
        let p = wedge((0.0, 0.0), 10.0, 0.0, 0.0, TAU / 4.0);
        assert!((p[0].0 - 0.0).abs() < 1e-9 && (p[0].1 + 10.0).abs() < 1e-9);
        let last_arc = p[p.len() - 2];
        assert!((last_arc.0 - 10.0).abs() < 1e-9 && last_arc.1.abs() < 1e-9);
    }
}
