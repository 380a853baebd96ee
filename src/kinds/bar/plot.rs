//! The drawing of a bar chart, written once for both orientations: everything is placed on a
//! category axis (where the categories stand side by side) and a value axis (along which the
//! bars grow), and [`Orient`] turns those into x and y. Only the fitting of the labels around
//! the plot differs: `fit_vertical` and `fit_horizontal` measure them and return a [`Plot`].

mod extras;
mod place;

use super::{Group, Segment, Ticks};
pub(super) use extras::{Extras, Note, Outcome};
use crate::fonts::FontSet;
use crate::layout::theme::Sizes;
use crate::layout::paint::{rect_points, tint};
use crate::layout::{Area, Page};
use crate::scene::{Anchor, Color};

/// A tick label, with the decimals the step between ticks needs ("0.5", "0.0001%"), compact
/// like the values ("500K", "1.5M").
fn tick_label(cx: &Page, v: f64, ticks: &[f64]) -> String {
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    cx.numbers.tick(v, step)
}

/// Draws a segment's label inside it when it fits, else (single segments) just outside.
#[allow(clippy::too_many_arguments)]
fn segment_label(
    cx: &mut Page,
    seg: &Segment,
    inside: bool,
    x: f64,
    y: f64,
    size: f64,
    anchor: Anchor,
) {
    // Inside an approximate segment the label stands on a patch of its paler fill, clear of
    // the stripes, in the text colour.
    // The rest of a share is quieter than the share it frames: regular weight, a dark grey
    // that still reads on its grey.
    if seg.rest && inside {
        let color = crate::layout::color::with_contrast(cx.theme.muted, seg.color, 4.5);
        cx.text(x, y, &seg.label.clone(), size, color, anchor, false);
        return;
    }
    let color = if inside && seg.approx {
        let fill = tint(seg.color, cx.theme.background);
        let (w, h) = (cx.width(&seg.label, size, true) + 8.0, Sizes::line(size));
        cx.scene.rect(x - w / 2.0, y - h / 2.0, w, h, fill);
        cx.theme.text
    } else if inside {
        cx.theme.on(seg.color)
    } else {
        cx.theme.text
    };
    cx.text(x, y, &seg.label.clone(), size, color, anchor, true);
}

/// Which way the bars run. The drawing works on a category axis (along which the categories
/// stand side by side) and a value axis (along which the bars grow); `xy` and `wh` turn those
/// into pixels, and the few label rules that differ by orientation live here too.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Orient {
    /// Categories left to right, values up from the bottom.
    Vertical,
    /// Categories top to bottom, values rightwards.
    Horizontal,
}

impl Orient {
    /// (category position, value position) -> (x, y).
    fn xy(self, cat: f64, val: f64) -> (f64, f64) {
        match self {
            Orient::Vertical => (cat, val),
            Orient::Horizontal => (val, cat),
        }
    }

    /// (thickness across the category axis, length along the value axis) -> (w, h).
    fn wh(self, thick: f64, len: f64) -> (f64, f64) {
        self.xy(thick, len)
    }

    /// Where a label just past the end `end` of a bar goes on the value axis, and its anchor:
    /// above (below, for a negative bar) a vertical bar, right (left) of a horizontal one.
    /// `line` is the height of a line of the label.
    fn beyond(self, end: f64, positive: bool, line: f64) -> (f64, Anchor) {
        match (self, positive) {
            (Orient::Vertical, true) => (end - line / 2.0 - 2.0, Anchor::Middle),
            (Orient::Vertical, false) => (end + line / 2.0 + 2.0, Anchor::Middle),
            (Orient::Horizontal, true) => (end + 6.0, Anchor::Start),
            (Orient::Horizontal, false) => (end - 6.0, Anchor::End),
        }
    }

    /// Whether a label `label` at `size` fits inside a segment `thick` across and `len` long.
    fn fits_inside(self, fonts: &FontSet, label: &str, size: f64, thick: f64, len: f64) -> bool {
        match self {
            // Upright text across a narrow bar: the bar must be a line tall and the text wide.
            Orient::Vertical => {
                len >= Sizes::line(size) && fonts.width(label, size, true) <= thick - 4.0
            }
            // Along a bar: the bar must be a line thick, so the label never spills into the next.
            Orient::Horizontal => {
                thick >= Sizes::line(size) && fonts.width(label, size, true) <= len - 8.0
            }
        }
    }
}

/// The category labels: wrapped lines, their size, and where the block of lines starts.
struct CategoryLabels {
    lines: Vec<Vec<String>>,
    size: f64,
    /// Line height.
    lh: f64,
    /// Vertical: the y where the lines under the axis start. Horizontal: the x where the lines
    /// left of the axis end.
    at: f64,
}

/// Where everything of the plot goes, in category/value coordinates (see [`Orient`]).
pub(super) struct Plot {
    /// The chart's fonts, to measure labels with.
    fonts: FontSet,
    orient: Orient,
    /// The category axis runs from `cat.0` to `cat.1` (pixels); gridlines span it.
    cat: (f64, f64),
    /// The width of one category along the category axis.
    slot: f64,
    /// The lowest and highest tick.
    lo: f64,
    hi: f64,
    /// The pixels of `lo` and of `hi` on the value axis.
    val: (f64, f64),
    /// The thickness of a category's bars together, and of one bar.
    group: f64,
    bar: f64,
    /// The size of the value labels.
    value_size: f64,
    /// For each bar position in a category (each series of grouped bars), and last for the
    /// totals of stacks: true when those value labels are left out, as at no size from the tick
    /// size up would they fit whole without touching another label or a bar.
    hidden: Vec<bool>,
    labels: CategoryLabels,
    /// The category position of the tick labels, and their anchor.
    tick_at: f64,
    tick_anchor: Anchor,
    /// The ticks of the value axis, and the size of their labels.
    ticks: Vec<f64>,
    tick_size: f64,
    /// "no data" in the chart's language, for bars without a value.
    no_data: String,
    /// Where value labels may go (left, top, right, bottom): clear of the tick labels, the
    /// category labels and the frame.
    room: (f64, f64, f64, f64),
    /// The lowest pixel the plot draws on (its tick labels, or its category labels).
    pub(super) bottom: f64,
    /// The editor's words on the plot: series names, callouts, reference lines.
    extras: extras::Placed,
    /// The area the plot was fitted in.
    area: Area,
}

/// The categories' names as they will be drawn, and the orientation that lets every one be
/// drawn whole.
pub(super) struct Names {
    /// Upright or horizontal bars.
    pub(super) orient: Orient,
    /// Each category's lines (years and dates under upright bars: every k-th, one line).
    lines: Vec<Vec<String>>,
    /// Horizontal: the width of the column of names.
    width: f64,
    /// Horizontal: the thickness of a row, at least; upright: 0.
    row: f64,
    /// The least height the plot needs to draw them and its bars readably.
    pub(super) min_plot: f64,
}

/// The part of its slot a category's bars fill together (grouped bars touch).
const FILL: f64 = 0.65;

/// The slot of each of `n` categories in `room` pixels: the room shared out, but no wider than
/// bars of at most `bar_max` each (`nb` to a group) filling [`FILL`] of it need. A chart of few
/// categories gets a smaller plot rather than thin bars in a wide empty one.
fn slot_for(room: f64, n: usize, nb: usize, bar_max: f64) -> f64 {
    (room / n as f64).min(bar_max * nb as f64 / FILL).floor()
}

/// The thickness of one bar of `nb` in a slot, in whole pixels so that every bar is drawn
/// equally thick.
fn bar_in(slot: f64, nb: usize) -> f64 {
    (slot * FILL / nb as f64).round().max(1.0)
}

impl Plot {
    /// The pixel of value `v` on the value axis.
    fn scale(&self, v: f64) -> f64 {
        let (from, to) = self.val;
        from + (v - self.lo) / (self.hi - self.lo) * (to - from)
    }

    /// The middle of category `i` on the category axis.
    fn center(&self, i: usize) -> f64 {
        self.cat.0 + self.slot * (i as f64 + 0.5)
    }

    /// The place of line `k` of `n` of the label of the category centred at `center`.
    fn label_line(&self, center: f64, k: usize, n: usize) -> (f64, f64, Anchor) {
        let l = &self.labels;
        match self.orient {
            Orient::Vertical => (center, l.at + l.lh * (k as f64 + 0.5), Anchor::Middle),
            Orient::Horizontal => {
                let top = center - l.lh * n as f64 / 2.0;
                (l.at, top + l.lh * (k as f64 + 0.5), Anchor::End)
            }
        }
    }
}

/// The most lines of a name under an upright bar; a name that needs more, or has a word wider
/// than its bar's slot, turns the chart horizontal.
const UPRIGHT_LINES: usize = 3;

/// The widest tick label of `ticks`.
fn widest_tick(cx: &Page, ticks: &[f64]) -> f64 {
    ticks
        .iter()
        .map(|&t| cx.width(&tick_label(cx, t, ticks), cx.sizes.tick, false))
        .fold(0.0, f64::max)
}

/// The slot of each category of upright bars: the width between the tick labels and the
/// margin (less the `gutter` of the reference lines' labels) shared out (bars at most 9
/// label heights wide: 27 mm at 8.5 pt).
fn upright_slot(cx: &Page, ticks: &[f64], n: usize, nb: usize, gutter: f64) -> f64 {
    let room = cx.inner() - widest_tick(cx, ticks) - cx.sizes.tick * 0.8 - gutter;
    slot_for(room, n, nb, cx.sizes.label * 9.0)
}

/// Chooses the orientation and lays out the names: upright when every name fits under its bar
/// in at most [`UPRIGHT_LINES`] lines without breaking a word (years and dates always, thinned),
/// horizontal when asked or when one does not; `ticks` is a first guess of the value axis.
pub(super) fn names(
    cx: &Page,
    horizontal: bool,
    ticks: &[f64],
    groups: &[Group],
    extras: &Extras,
) -> Names {
    let s = cx.sizes;
    let n = groups.len().max(1);
    let nb = bars_per_group(groups);
    let labels = &cx.ds.labels;
    let lh = s.lead(s.label);
    if !horizontal {
        let slot = upright_slot(cx, ticks, n, nb, extras.gutter(cx, Orient::Vertical));
        let width = slot * 0.92;
        let lines: Option<Vec<Vec<String>>> = if cx.ds.ordered {
            Some(thinned(cx.context.fonts, labels, s.label, slot))
        } else {
            labels
                .iter()
                .map(|l| {
                    let lines = cx.wrap(l, s.label, false, width);
                    let whole = cx.fits_words(l, s.label, false, width);
                    (whole && lines.len() <= UPRIGHT_LINES).then_some(lines)
                })
                .collect()
        };
        if let Some(lines) = lines {
            let most = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
            let above = extras.upright_height(cx, slot, bar_in(slot, nb));
            return Names {
                orient: Orient::Vertical,
                lines,
                width,
                row: 0.0,
                min_plot: lh * most
                    + Sizes::line(s.value) * 2.0
                    + Sizes::line(s.tick) * 4.0
                    + above,
            };
        }
    }
    // Horizontal: a column of names a third of the width, wider (up to 45%) for a long word.
    let inner = cx.inner();
    let longest_word = labels
        .iter()
        .flat_map(|l| l.split(' '))
        .map(|w| cx.width(w, s.label, false))
        .fold(0.0, f64::max);
    let column = (inner * 0.33).max(longest_word.min(inner * 0.45));
    let lines: Vec<Vec<String>> = labels
        .iter()
        .map(|l| cx.wrap(l, s.label, false, column))
        .collect();
    let width = lines
        .iter()
        .flatten()
        .map(|l| cx.width(l, s.label, false))
        .fold(0.0, f64::max);
    let most = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    // A row holds its name's lines, and bars at least a value label thick.
    let row = (lh * most + s.label * 0.3).max(s.value * 1.3 * nb as f64 / FILL);
    Names {
        orient: Orient::Horizontal,
        lines,
        width,
        row,
        min_plot: row * n as f64 + Sizes::line(s.tick) + 6.0 + extras.band(cx),
    }
}

/// The most ticks (at most 5 steps) whose labels keep apart over `length` pixels: each label
/// needs `each(ticks)` pixels along the axis.
fn fitting_ticks(ticks: &Ticks, length: f64, each: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    for target in (2..=5).rev() {
        let t = ticks(target);
        let steps = t.len().saturating_sub(1).max(1) as f64;
        if each(&t) <= length / steps {
            return t;
        }
    }
    ticks(1)
}

/// Vertical bars: tick labels left of the plot, category labels wrapped under it.
pub(super) fn fit_vertical(
    cx: &Page,
    area: Area,
    ticks: &Ticks,
    groups: &[Group],
    names: Names,
    extras: &Extras,
) -> Plot {
    let s = cx.sizes;
    let n = groups.len().max(1);
    let nb = bars_per_group(groups);
    let lh = s.lead(s.label);
    let max_lines = names.lines.iter().map(Vec::len).max().unwrap_or(1);
    let value_line = Sizes::line(s.value) + 4.0;
    let gutter = extras.gutter(cx, Orient::Vertical);
    let first = upright_slot(cx, &ticks(5), n, nb, gutter);
    let above = extras.upright_height(cx, first, bar_in(first, nb));
    // Ticks a line and a half apart at least; a negative bar's label needs room under the zero.
    let length = area.h() - lh * max_lines as f64 - 8.0 - value_line - above;
    let ticks = fitting_ticks(ticks, length, |_| Sizes::line(s.tick) * 1.5);
    let below = if ticks[0] < 0.0 { value_line } else { 0.0 };
    let tick_w = widest_tick(cx, &ticks);
    let x0 = area.x0 + tick_w + s.tick * 0.8;
    let slot = upright_slot(cx, &ticks, n, nb, gutter);
    // The names were wrapped for the first guess of the axis; wider tick labels leave a
    // narrower slot, and a name must stay within its own.
    let lines = if slot * 0.92 < names.width - 0.01 && !cx.ds.ordered {
        (cx.ds.labels.iter())
            .map(|l| cx.wrap(l, s.label, false, slot * 0.92))
            .collect()
    } else if cx.ds.ordered {
        thinned(cx.context.fonts, &cx.ds.labels, s.label, slot)
    } else {
        names.lines
    };
    let max_lines = lines.iter().map(Vec::len).max().unwrap_or(1);
    let x0 = x0 + (area.x1 - gutter - x0 - slot * n as f64).max(0.0) / 2.0;
    let x1 = x0 + slot * n as f64;
    let y1 = area.y1 - lh * max_lines as f64 - 8.0 - below;
    let bar = bar_in(slot, nb);
    let placed = extras.place_upright(cx, slot, bar);
    let y0 = area.y0 + value_line;
    let y0 = y1 - top_room(&placed.above(cx), groups, (ticks[0], ticks[ticks.len() - 1]), y1 - y0);
    let group = bar * nb as f64;
    let value_size = fit_size(cx.context.fonts, groups, bar + slot * 0.3, s.value, s.tick);
    let mut plot = Plot {
        fonts: cx.context.fonts.clone(),
        orient: Orient::Vertical,
        cat: (x0, x1),
        slot,
        lo: ticks[0],
        hi: ticks[ticks.len() - 1],
        val: (y1, y0),
        group,
        bar,
        value_size,
        hidden: vec![false; nb + 1],
        labels: CategoryLabels {
            lines,
            size: s.label,
            lh,
            at: y1 + below + 8.0,
        },
        tick_at: x0 - s.tick * 0.8,
        tick_anchor: Anchor::End,
        tick_size: s.tick,
        no_data: cx.context.locale.words().no_data.to_string(),
        room: (
            x0 - s.tick * 0.6,
            area.y0,
            if gutter > 0.0 {
                x1 + 2.0
            } else {
                area.x1 + s.margin * 0.5
            },
            y1 + below,
        ),
        ticks,
        bottom: area.y1,
        extras: placed,
        area,
    };
    place::place(&mut plot, groups, s.tick);
    plot
}

/// The height of the plot of upright bars, at most `full`, at which what each category
/// draws above its value labels (`above`, the editor's names and callouts) stays within
/// `full`: a category whose bars reach `f` of the axis (`lo..hi`) and has `h` above them
/// needs `f` x height + `h` <= `full`.
fn top_room(above: &[f64], groups: &[Group], (lo, hi): (f64, f64), full: f64) -> f64 {
    let mut height = full;
    for (g, &h) in groups.iter().zip(above) {
        if h <= 0.0 {
            continue;
        }
        let top = (g.bars.iter().flatten())
            .map(|s| s.to.max(s.from))
            .fold(0.0, f64::max);
        let f = ((top - lo) / (hi - lo)).clamp(0.0, 1.0);
        if f > 0.0 {
            height = height.min((full - h) / f);
        }
    }
    height.max(full * 0.25)
}

/// Years and dates under vertical bars: each whole, on one line, and only every k-th where
/// they would not fit side by side (their order tells the reader the ones between). Years are
/// labelled on round years (1870, 1880, 1890), whatever year the data starts in.
fn thinned(fonts: &FontSet, labels: &[String], size: f64, slot: f64) -> Vec<Vec<String>> {
    let widest = labels
        .iter()
        .map(|l| fonts.width(l, size, false))
        .fold(0.0, f64::max);
    let k = ((widest + size * 0.6) / slot.max(1.0)).ceil().max(1.0) as usize;
    let shown: Vec<bool> = match round_years(labels, k) {
        Some(shown) => shown,
        None => (0..labels.len()).map(|i| i % k == 0).collect(),
    };
    labels
        .iter()
        .zip(shown)
        .map(|(l, show)| if show { vec![l.clone()] } else { Vec::new() })
        .collect()
}

/// Which of `labels`, years in increasing order, to show when only every `k`-th fits: those
/// that are multiples of the smallest round step (1, 2, 5, 10, 20, 25, 50, 100, ... years) that
/// keeps any two shown labels at least `k` bars apart. `None` when the labels are not such
/// years, every label fits, or fewer than two would be shown.
fn round_years(labels: &[String], k: usize) -> Option<Vec<bool>> {
    if k <= 1 {
        return None;
    }
    let years: Vec<i64> = labels
        .iter()
        .map(|l| l.parse::<i64>().ok().filter(|y| (1..=9999).contains(y)))
        .collect::<Option<_>>()?;
    if years.windows(2).any(|w| w[1] <= w[0]) {
        return None;
    }
    for step in ROUND_YEARS {
        let shown: Vec<bool> = years.iter().map(|y| y % step == 0).collect();
        let at: Vec<usize> = (0..years.len()).filter(|&i| shown[i]).collect();
        if at.windows(2).all(|w| w[1] - w[0] >= k) {
            return (at.len() >= 2).then_some(shown);
        }
    }
    None
}

/// The steps of round years, smallest first.
const ROUND_YEARS: [i64; 15] = [
    1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000,
];

/// Horizontal bars: category labels left of the plot, each whole in its row, tick labels under
/// it, and room on the right for the values past the bars (and on the left for those past
/// negative bars).
pub(super) fn fit_horizontal(
    cx: &Page,
    area: Area,
    ticks: &Ticks,
    groups: &[Group],
    names: Names,
    extras: &Extras,
) -> Plot {
    let s = cx.sizes;
    let n = groups.len().max(1);
    let nb = bars_per_group(groups);
    // A horizontal bar is at most about 3.4 label heights thick; the plot starts at the top
    // (under the reference lines' labels) and a chart without a given height ends below it.
    let band = extras.band(cx);
    let top = area.y0 + band;
    let room = area.y1 - Sizes::line(s.tick) - 6.0 - top;
    let slot = slot_for(room, n, nb, s.label * 3.4).max(names.row.min(room / n as f64));
    let y1 = top + slot * n as f64;
    let bar = bar_in(slot, nb);
    let group = bar * nb as f64;
    let value_size = s.value.min(bar * 0.9).max(s.tick);
    let (placed, callouts) = extras.place_horizontal(cx, slot, value_size);
    let name_w = extras.name_width(cx, value_size);
    let right = row_widths(cx.context.fonts, groups, value_size)
        .iter()
        .enumerate()
        .map(|(i, w)| w + if i == 0 { name_w } else { 0.0 } + callouts[i])
        .fold(0.0, f64::max);
    let (_, left) = outside_widths(cx.context.fonts, groups, value_size);
    // A bar with no data has its mark right of the zero line.
    let gaps = groups.iter().flat_map(|g| &g.bars).any(Vec::is_empty);
    let no_data = cx.context.locale.words().no_data;
    let mark = cx.width(no_data, value_size.min(s.tick), false) + 6.0;
    let right = if gaps { right.max(mark) } else { right };
    let gap = s.label * 0.9;
    let labels_end = area.x0 + names.width;
    let left = if left > 0.0 { left + 6.0 } else { 0.0 };
    let x0 = labels_end + gap + left;
    let first = probe_ticks(ticks);
    let last_half = cx.width(&tick_label(cx, first[first.len() - 1], &first), s.tick, false) / 2.0;
    let x1 = (area.x1 - right - 10.0).min(area.x1 + s.margin * 0.5 - last_half);
    let ticks = fitting_ticks(ticks, x1 - x0, |t| widest_tick(cx, t) + s.tick);
    let mut plot = Plot {
        fonts: cx.context.fonts.clone(),
        orient: Orient::Horizontal,
        cat: (top, y1),
        slot,
        lo: ticks[0],
        hi: ticks[ticks.len() - 1],
        val: (x0, x1),
        group,
        bar,
        value_size,
        hidden: vec![false; nb + 1],
        labels: CategoryLabels {
            lines: names.lines,
            size: s.label,
            lh: s.lead(s.label),
            at: labels_end,
        },
        tick_at: y1 + 6.0 + Sizes::line(s.tick) / 2.0,
        tick_anchor: Anchor::Middle,
        tick_size: s.tick,
        no_data: cx.context.locale.words().no_data.to_string(),
        room: (labels_end + gap * 0.5, top, area.x1 + s.margin * 0.5, y1),
        ticks,
        bottom: y1 + 6.0 + Sizes::line(s.tick),
        extras: placed,
        area,
    };
    place::place(&mut plot, groups, s.tick);
    plot
}

/// The ticks of the widest axis [`fitting_ticks`] may choose (for the room its last label
/// needs).
fn probe_ticks(ticks: &Ticks) -> Vec<f64> {
    ticks(5)
}

/// The widest labels drawn past the end of a bar (single segments and stack totals): past the
/// bars that grow to the right (or up), and past those that grow to the left (negative).
fn outside_widths(fonts: &FontSet, groups: &[Group], value_size: f64) -> (f64, f64) {
    let (mut right, mut left) = (0.0f64, 0.0f64);
    for g in groups {
        let singles = g.bars.iter().filter(|b| b.len() == 1).flatten();
        let labels = singles
            .map(|seg| (seg.label.as_str(), seg.to))
            .chain(g.total.iter().map(|t| (t.1.as_str(), t.0)));
        for (label, v) in labels {
            let w = fonts.width(label, value_size, true);
            if v < 0.0 {
                left = left.max(w);
            } else {
                right = right.max(w);
            }
        }
    }
    (right, left)
}

/// The widest labels drawn past the end of each category's bars (single segments and stack
/// totals), rightwards: the room its row needs right of its bars.
fn row_widths(fonts: &FontSet, groups: &[Group], value_size: f64) -> Vec<f64> {
    groups
        .iter()
        .map(|g| {
            let singles = g.bars.iter().filter(|b| b.len() == 1).flatten();
            let labels = singles
                .map(|seg| (seg.label.as_str(), seg.to))
                .chain(g.total.iter().map(|t| (t.1.as_str(), t.0)));
            labels
                .filter(|l| l.1 >= 0.0)
                .map(|l| fonts.width(l.0, value_size, true))
                .fold(0.0, f64::max)
        })
        .collect()
}

/// Draws the plot: gridlines and tick labels, then each category, then the zero line on top,
/// the reference lines, and the series names and callouts.
pub(super) fn draw(cx: &mut Page, p: &Plot, groups: &[Group]) -> Outcome {
    let ticks = &p.ticks;
    // A tick label that would touch the one before is left out (its gridline stays): a plot
    // too narrow for even two labels still reads from its labelled ends.
    let mut last: Option<f64> = None;
    for &t in ticks {
        let color = if t == 0.0 {
            cx.theme.axis
        } else {
            cx.theme.grid
        };
        value_line(cx, p, t, color);
        let (x, y) = p.orient.xy(p.tick_at, p.scale(t));
        let label = tick_label(cx, t, ticks);
        let (size, muted) = (cx.sizes.tick, cx.theme.muted);
        // The label's extent along the value axis, with a gap of half its size.
        let (from, to) = match p.orient {
            Orient::Horizontal => {
                let half = cx.width(&label, size, false) / 2.0;
                (x - half, x + half)
            }
            Orient::Vertical => (y - Sizes::line(size) / 2.0, y + Sizes::line(size) / 2.0),
        };
        let (from, to) = (from.min(to) - size * 0.25, from.max(to) + size * 0.25);
        if last.is_some_and(|end| from < end) && matches!(p.orient, Orient::Horizontal) {
            continue;
        }
        if let (Some(end), Orient::Vertical) = (last, p.orient)
            && to > end
        {
            continue;
        }
        last = Some(match p.orient {
            Orient::Horizontal => to,
            Orient::Vertical => from,
        });
        cx.text(x, y, &label, size, muted, p.tick_anchor, false);
    }
    for (i, (g, lines)) in groups.iter().zip(&p.labels.lines).enumerate() {
        draw_category(cx, p, p.center(i), g, lines);
    }
    value_line(cx, p, 0.0, cx.theme.axis);
    extras::draw(cx, p, groups)
}

/// A line across the whole category axis at value `v`.
fn value_line(cx: &mut Page, p: &Plot, v: f64, color: Color) {
    let val = p.scale(v);
    let points = vec![p.orient.xy(p.cat.0, val), p.orient.xy(p.cat.1, val)];
    cx.scene.line(points, color, 1);
}

/// One category: its label, its bars with their value labels, and the total of a stack.
fn draw_category(cx: &mut Page, p: &Plot, center: f64, g: &Group, lines: &[String]) {
    for (k, line) in lines.iter().enumerate() {
        let (x, y, anchor) = p.label_line(center, k, lines.len());
        let (size, color) = (p.labels.size, cx.theme.text);
        cx.text(x, y, line, size, color, anchor, false);
    }
    for (b, bar) in g.bars.iter().enumerate() {
        let pos = center - p.group / 2.0 + p.bar * b as f64;
        // A lone segment carries its label past its end, unless its series' labels are out.
        let single = bar.len() == 1;
        let labelled = !(single && p.hidden.get(b).copied().unwrap_or(false));
        for seg in bar {
            draw_segment(cx, p, pos, seg, single, labelled);
        }
        if bar.is_empty() {
            draw_gap(cx, p, pos + p.bar / 2.0, g.bars.len());
        }
    }
    if let (Some((total, label)), false) = (&g.total, p.hidden[p.hidden.len() - 1]) {
        let (val, anchor) = p
            .orient
            .beyond(p.scale(*total), true, Sizes::line(p.value_size));
        let (x, y) = p.orient.xy(center, val);
        cx.text(x, y, label, p.value_size, cx.theme.text, anchor, true);
    }
}

/// One segment of the bar at category position `pos`, with its value label (when `labelled`):
/// past its end for a bar of one segment, inside it (when it fits) for a part of a stack.
fn draw_segment(cx: &mut Page, p: &Plot, pos: f64, seg: &Segment, single: bool, labelled: bool) {
    let (low, high) = (p.scale(seg.to.min(seg.from)), p.scale(seg.to.max(seg.from)));
    // Pixel order: a vertical axis runs upwards, so `high` is the smaller y there.
    let (a, b) = (low.min(high), low.max(high));
    let (x, y) = p.orient.xy(pos, a);
    let (w, h) = p.orient.wh(p.bar, (b - a).max(0.0));
    if seg.approx {
        cx.shape(rect_points(x, y, w, h), seg.color, true);
    } else {
        cx.scene.rect(x, y, w, h, seg.color);
    }
    let mid = pos + p.bar / 2.0;
    let size = p.value_size;
    if !labelled {
        return;
    }
    if single {
        let positive = seg.to >= 0.0;
        let end = if positive { high } else { low };
        let (val, anchor) = p.orient.beyond(end, positive, Sizes::line(size));
        let (x, y) = p.orient.xy(mid, val);
        segment_label(cx, seg, false, x, y, size, anchor);
    } else if p
        .orient
        .fits_inside(&p.fonts, &seg.label, size, p.bar, b - a)
    {
        let (x, y) = p.orient.xy(mid, (a + b) / 2.0);
        segment_label(cx, seg, true, x, y, size, Anchor::Middle);
    }
}

/// A bar with no data: "no data" (or "–" where the words do not fit) at the baseline, centred
/// on category position `mid`, muted and not bold so that it never reads as a value.
fn draw_gap(cx: &mut Page, p: &Plot, mid: f64, bars: usize) {
    let (mark, x, y, anchor, size, _) = gap_mark(p, mid, bars);
    let muted = cx.theme.muted;
    cx.text(x, y, mark, size, muted, anchor, false);
}

/// The mark of a bar with no data at category position `mid` (of `bars` in its category):
/// its text, place, anchor, size, and the rectangle it covers.
fn gap_mark(p: &Plot, mid: f64, bars: usize) -> (&str, f64, f64, Anchor, f64, place::Rect) {
    let size = p.value_size.min(p.tick_size);
    let words = p.no_data.as_str();
    let room = match p.orient {
        // One bar alone may use its category's width; side by side, its own.
        Orient::Vertical if bars == 1 => p.slot * 0.92,
        Orient::Vertical => p.bar,
        Orient::Horizontal => f64::INFINITY,
    };
    let fits = p.fonts.width(words, size, false) <= room
        && (p.orient == Orient::Vertical || Sizes::line(size) <= p.slot);
    let mark = if fits { words } else { "\u{2013}" };
    let (val, anchor) = p.orient.beyond(p.scale(0.0), true, Sizes::line(size));
    let (x, y) = p.orient.xy(mid, val);
    let w = p.fonts.width(mark, size, false);
    let half = Sizes::line(size) / 2.0;
    let rect = match anchor {
        Anchor::Start => (x, y - half, x + w, y + half),
        Anchor::End => (x - w, y - half, x, y + half),
        Anchor::Middle => (x - w / 2.0, y - half, x + w / 2.0, y + half),
    };
    (mark, x, y, anchor, size, rect)
}

/// The most bars side by side in one category (at least 1).
fn bars_per_group(groups: &[Group]) -> usize {
    groups
        .iter()
        .map(|g| g.bars.len())
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The largest value-label size, down to `min` (the tick size), at which every label past a
/// bar fits `room`; [`place::place`] then leaves out what still collides.
fn fit_size(fonts: &FontSet, groups: &[Group], room: f64, size: f64, min: f64) -> f64 {
    let widest = groups
        .iter()
        .flat_map(|g| g.bars.iter().filter(|b| b.len() == 1).flatten())
        .map(|seg| fonts.width(&seg.label, size, true))
        .fold(0.0, f64::max);
    if widest <= room || widest == 0.0 {
        size
    } else {
        (size * room / widest).max(min)
    }
}
