//! The words an editor adds to a bar chart's plot, beside the bars and their values: the
//! series named at the bars of the first category instead of a legend (grouped bars),
//! reference lines (`--line`) and callouts on one category (`--annotate`).
//!
//! Each has a place where no other text can be, so that nothing is drawn on anything else:
//!
//! - series names: upright bars, above each bar of the first category (within its bar's
//!   width, in room kept above the plot); horizontal bars, after each bar's value;
//! - callouts: upright bars, above the category's bars and labels, within its slot (every
//!   category's value labels stay within their own slot); horizontal bars, after the last
//!   text of the category's row, within the row's height;
//! - reference lines' labels: upright bars, in a gutter right of the plot, moved apart where
//!   two would touch; horizontal bars, in a band of rows above the plot, one row a line.
//!
//! Names and callouts are checked against every bar, value label and "no data" mark once
//! the value labels are placed: series names that do not fit make the chart fall back to a
//! legend; a callout that does not fit refuses the chart with a hint.

use super::place::{self, Rect};
use super::{Group, Orient, Plot};
use crate::layout::Page;
use crate::scene::{Anchor, Color};

/// A callout: the bar of its category it is on (`None`: the whole category), and its words.
pub(in crate::kinds::bar) type Note = (Option<usize>, String);

/// What the editor asked for, before the plot is laid out.
#[derive(Debug, Clone, Default)]
pub(in crate::kinds::bar) struct Extras {
    /// Reference lines: where each crosses the value axis, and its label.
    pub lines: Vec<(f64, String)>,
    /// A callout per category (by index in the drawn order), if any.
    pub callouts: Vec<Option<Note>>,
    /// The series' names, to be drawn at the bars of the first category (grouped bars);
    /// empty for a legend.
    pub names: Vec<String>,
}

/// The extras as laid out for one plot.
#[derive(Debug, Clone, Default)]
pub(super) struct Placed {
    /// Each line's label, wrapped (upright bars) or on one line.
    pub lines: Vec<(f64, Vec<String>)>,
    /// The series' names, wrapped, one per bar of the first category; empty when there are
    /// none to draw.
    pub names: Vec<Vec<String>>,
    /// Each category's callout (on one bar of it, or on it all), wrapped.
    pub callouts: Vec<Option<(Option<usize>, Vec<String>)>>,
    /// The size of names and callouts.
    pub size: f64,
    /// False when the names were asked for but do not fit at the bars: the chart is drawn
    /// again with a legend.
    pub named: bool,
}

/// Pixels between a text and what it labels.
const GAP: f64 = 5.0;

/// The widest of `lines` at `size`.
fn widest(cx: &Page, lines: &[String], size: f64) -> f64 {
    lines
        .iter()
        .map(|l| cx.width(l, size, false))
        .fold(0.0, f64::max)
}

impl Extras {
    /// True when the series are named at the bars.
    pub fn direct(&self) -> bool {
        !self.names.is_empty()
    }

    /// The labels of the lines wrapped for a gutter (upright bars), and the gutter's width.
    fn gutter_lines(&self, cx: &Page) -> (Vec<(f64, Vec<String>)>, f64) {
        let size = cx.sizes.tick;
        let max = cx.inner() * 0.22;
        let lines: Vec<(f64, Vec<String>)> = (self.lines.iter())
            .map(|(v, l)| (*v, cx.wrap(l, size, false, max)))
            .collect();
        let w = (lines.iter())
            .map(|(_, l)| widest(cx, l, size))
            .fold(0.0, f64::max);
        let gutter = if lines.is_empty() { 0.0 } else { w + GAP * 2.0 };
        (lines, gutter)
    }

    /// The width kept right of upright bars for the lines' labels.
    pub fn gutter(&self, cx: &Page, orient: Orient) -> f64 {
        match orient {
            Orient::Vertical => self.gutter_lines(cx).1,
            Orient::Horizontal => 0.0,
        }
    }

    /// The height kept above horizontal bars for the lines' labels: one row each.
    pub fn band(&self, cx: &Page) -> f64 {
        if self.lines.is_empty() {
            0.0
        } else {
            cx.sizes.lead(cx.sizes.tick) * self.lines.len() as f64 + GAP
        }
    }

    /// The most height the extras add above the bars of upright bars with slots of `slot`
    /// (a first guess, before the axis is fitted) and bars `bar` thick.
    pub fn upright_height(&self, cx: &Page, slot: f64, bar: f64) -> f64 {
        let mut p = Placed::default();
        self.upright(cx, &mut p, slot * 0.9, bar * 0.9);
        p.above(cx).into_iter().fold(0.0, f64::max)
    }

    /// Wraps names and callouts for upright bars in slots `slot` wide, bars `bar` thick.
    fn upright(&self, cx: &Page, p: &mut Placed, slot: f64, bar: f64) {
        let size = cx.sizes.label;
        p.size = size;
        p.named = true;
        if self.direct() {
            let width = bar - 2.0;
            let names: Vec<Vec<String>> = (self.names.iter())
                .map(|n| cx.wrap(n, size, false, width))
                .collect();
            let fit = (self.names.iter().zip(&names))
                .all(|(n, l)| cx.fits_words(n, size, false, width) && l.len() <= 2);
            if fit {
                p.names = names;
            } else {
                p.named = false;
            }
        }
        // On a category, within its slot; on one bar, within the bar.
        p.callouts = (self.callouts.iter())
            .map(|c| {
                c.as_ref().map(|(b, t)| {
                    let width = if b.is_some() { bar - 2.0 } else { slot * 0.92 };
                    (*b, callout_lines(cx, t, size, width))
                })
            })
            .collect();
    }

    /// Lays out the extras of upright bars with slots `slot` wide, bars `bar` thick.
    pub(super) fn place_upright(&self, cx: &Page, slot: f64, bar: f64) -> Placed {
        let (lines, _) = self.gutter_lines(cx);
        let mut p = Placed {
            lines,
            ..Placed::default()
        };
        self.upright(cx, &mut p, slot, bar);
        p
    }

    /// Lays out the extras of horizontal bars in rows `slot` thick, values at `size`:
    /// returns what is placed and the width each category's row needs right of its last value
    /// label.
    pub(super) fn place_horizontal(&self, cx: &Page, slot: f64, size: f64) -> (Placed, Vec<f64>) {
        let lines = (self.lines.iter())
            .map(|(v, l)| (*v, vec![crate::text::clean(l)]))
            .collect();
        let mut p = Placed {
            lines,
            size,
            named: true,
            ..Placed::default()
        };
        if self.direct() {
            p.names = self.names.iter().map(|n| vec![n.clone()]).collect();
        }
        // As many lines as the row (or the bar) holds, no wider than that needs.
        let nb = self.names.len().max(1) as f64;
        p.callouts = (self.callouts.iter())
            .map(|c| {
                c.as_ref().map(|(b, t)| {
                    let band = if b.is_some() { slot * 0.65 / nb } else { slot };
                    let rows = ((band * 0.95) / cx.sizes.lead(size)).floor().max(1.0);
                    let one = cx.width(t, size, false);
                    let w = (one / rows).max(cx.inner() * 0.15).min(cx.inner() * 0.45);
                    (*b, callout_lines(cx, t, size, w))
                })
            })
            .collect();
        let extra = (p.callouts.iter())
            .map(|c| c.as_ref().map_or(0.0, |l| widest(cx, &l.1, size) + GAP * 2.0))
            .collect();
        (p, extra)
    }

    /// The width the names add after the values of the first category of horizontal bars.
    pub(super) fn name_width(&self, cx: &Page, size: f64) -> f64 {
        (self.names.iter())
            .map(|n| cx.width(n, size, false) + GAP * 2.0)
            .fold(0.0, f64::max)
    }
}

/// A callout in balanced lines of at most `width` (wider, to its longest word, when a word is):
/// "A note on this" / "one" reads as "A note on" / "this one".
fn callout_lines(cx: &Page, text: &str, size: f64, width: f64) -> Vec<String> {
    let longest = text
        .split(' ')
        .map(|w| cx.width(w, size, false))
        .fold(0.0, f64::max);
    cx.balanced(text, size, false, width.max(longest))
}

impl Placed {
    /// The height of what each category of upright bars draws above its values: the first
    /// category's names, and a callout.
    pub(super) fn above(&self, cx: &Page) -> Vec<f64> {
        let lh = cx.sizes.lead(self.size);
        let block = |n: usize| if n == 0 { 0.0 } else { lh * n as f64 + 2.0 };
        let names = block(self.names.iter().map(Vec::len).max().unwrap_or(0));
        let n = self.callouts.len().max(usize::from(names > 0.0));
        (0..n)
            .map(|i| {
                let c = self.callouts.get(i).and_then(Option::as_ref);
                let own = block(c.map_or(0, |c| c.1.len()));
                if i == 0 { own + names } else { own }
            })
            .collect()
    }
}

/// A text block of `lines` at `size`, anchored at `x` (its anchor) with its top at `top`.
struct Block<'a> {
    lines: &'a [String],
    x: f64,
    top: f64,
    anchor: Anchor,
    size: f64,
    color: Color,
}

impl Block<'_> {
    fn rect(&self, cx: &Page) -> Rect {
        let w = widest(cx, self.lines, self.size);
        let h = cx.sizes.lead(self.size) * self.lines.len() as f64;
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        (x0, self.top, x0 + w, self.top + h)
    }

    fn draw(&self, cx: &mut Page) {
        let lh = cx.sizes.lead(self.size);
        for (k, line) in self.lines.iter().enumerate() {
            let y = self.top + lh * (k as f64 + 0.5);
            cx.text(self.x, y, line, self.size, self.color, self.anchor, false);
        }
    }
}

/// The top of what category `i` draws (its bars and value labels), on upright bars.
fn column_top(p: &Plot, labels: &[(usize, usize, Rect)], bars: &[(usize, Rect)], i: usize) -> f64 {
    let zero = p.scale(0.0);
    (labels.iter().filter(|l| l.0 == i).map(|l| l.2.1))
        .chain(bars.iter().filter(|b| b.0 == i).map(|b| b.1.1))
        .fold(zero, f64::min)
}

/// The right end of what category `i` draws (its bars and value labels), on horizontal bars.
fn row_end(p: &Plot, labels: &[(usize, usize, Rect)], bars: &[(usize, Rect)], i: usize) -> f64 {
    let zero = p.scale(0.0);
    (labels.iter().filter(|l| l.0 == i).map(|l| l.2.2))
        .chain(bars.iter().filter(|b| b.0 == i).map(|b| b.1.2))
        .fold(zero, f64::max)
}

/// True when two rectangles overlap, with a pixel of air.
fn touch(a: Rect, b: Rect) -> bool {
    a.0 < b.2 + 1.0 && b.0 < a.2 + 1.0 && a.1 < b.3 + 1.0 && b.1 < a.3 + 1.0
}

/// The blocks of the series names and the callouts, in the plot's place for them.
fn blocks<'a>(cx: &Page, p: &'a Plot, groups: &[Group]) -> (Vec<Block<'a>>, Vec<Block<'a>>) {
    let x = &p.extras;
    let (bars, labels) = place::drawn(p, groups);
    let lh = cx.sizes.lead(x.size);
    let (text, muted) = (cx.theme.text, cx.theme.muted);
    let mut names = Vec::new();
    let mut callouts = Vec::new();
    match p.orient {
        Orient::Vertical => {
            // Names: above each bar of the first category and its value label.
            let mut top0 = p.scale(0.0);
            for (b, lines) in x.names.iter().enumerate() {
                let mid = p.center(0) - p.group / 2.0 + p.bar * (b as f64 + 0.5);
                let top = (labels.iter().filter(|l| l.0 == 0 && l.1 == b))
                    .map(|l| l.2.1)
                    .fold(bar_top(p, groups, 0, b), f64::min);
                let top = top - 2.0 - lh * lines.len() as f64;
                top0 = top0.min(top);
                names.push(Block {
                    lines,
                    x: mid,
                    top,
                    anchor: Anchor::Middle,
                    size: x.size,
                    color: muted,
                });
            }
            for (i, c) in x.callouts.iter().enumerate() {
                let Some((on, lines)) = c else { continue };
                let (mid, below) = match *on {
                    // Above its bar: its value label, and its name on the first category.
                    Some(b) => {
                        let mid = p.center(i) - p.group / 2.0 + p.bar * (b as f64 + 0.5);
                        let own = (labels.iter().filter(|l| l.0 == i && l.1 == b))
                            .map(|l| l.2.1)
                            .fold(bar_top(p, groups, i, b), f64::min);
                        let named = names.get(b).filter(|_| i == 0).map(|n| n.top);
                        (mid, named.map_or(own, |t| t.min(own)))
                    }
                    None if i == 0 && !names.is_empty() => (p.center(i), top0),
                    None => (p.center(i), column_top(p, &labels, &bars, i)),
                };
                callouts.push(Block {
                    lines,
                    x: mid,
                    top: below - 2.0 - lh * lines.len() as f64,
                    anchor: Anchor::Middle,
                    size: x.size,
                    color: text,
                });
            }
        }
        Orient::Horizontal => {
            let mut ends = vec![f64::NEG_INFINITY; groups.len()];
            for (b, lines) in x.names.iter().enumerate() {
                let centre = p.center(0) - p.group / 2.0 + p.bar * (b as f64 + 0.5);
                let end = (labels.iter().filter(|l| l.0 == 0 && l.1 == b))
                    .map(|l| l.2.2)
                    .fold(bar_end(p, groups, 0, b), f64::max);
                let block = Block {
                    lines,
                    x: end + GAP,
                    top: centre - lh / 2.0,
                    anchor: Anchor::Start,
                    size: x.size,
                    color: muted,
                };
                ends[0] = ends[0].max(block.rect(cx).2);
                names.push(block);
            }
            for (i, c) in x.callouts.iter().enumerate() {
                let Some((on, lines)) = c else { continue };
                let (centre, end) = match *on {
                    // After its bar's value label (and name), level with the bar.
                    Some(b) => {
                        let centre = p.center(i) - p.group / 2.0 + p.bar * (b as f64 + 0.5);
                        let own = (labels.iter().filter(|l| l.0 == i && l.1 == b))
                            .map(|l| l.2.2)
                            .fold(bar_end(p, groups, i, b), f64::max);
                        let named = names.get(b).filter(|_| i == 0).map(|n| n.rect(cx).2);
                        (centre, named.map_or(own, |e| e.max(own)))
                    }
                    None => (p.center(i), row_end(p, &labels, &bars, i).max(ends[i])),
                };
                callouts.push(Block {
                    lines,
                    x: end + GAP * 2.0,
                    top: centre - lh * lines.len() as f64 / 2.0,
                    anchor: Anchor::Start,
                    size: x.size,
                    color: text,
                });
            }
        }
    }
    (names, callouts)
}

/// The end of bar `b` of category `i` (its far edge from zero) on upright bars: its top.
fn bar_top(p: &Plot, groups: &[Group], i: usize, b: usize) -> f64 {
    let bar = groups.get(i).and_then(|g| g.bars.get(b));
    bar.into_iter()
        .flatten()
        .map(|s| p.scale(s.to.max(s.from)))
        .fold(p.scale(0.0), f64::min)
}

/// The far end of bar `b` of category `i` on horizontal bars.
fn bar_end(p: &Plot, groups: &[Group], i: usize, b: usize) -> f64 {
    let bar = groups.get(i).and_then(|g| g.bars.get(b));
    bar.into_iter()
        .flatten()
        .map(|s| p.scale(s.to.max(s.from)))
        .fold(p.scale(0.0), f64::max)
}

/// What was drawn of the extras: whether the series names were, and the callout that did
/// not fit, if one did not.
pub(in crate::kinds::bar) struct Outcome {
    /// The series names are at the bars (or were not asked for).
    pub named: bool,
    /// The category whose callout touches another text or leaves the plot.
    pub crowded: Option<usize>,
}

/// Checks and draws the names and callouts, after the bars and their values.
pub(super) fn draw(cx: &mut Page, p: &Plot, groups: &[Group]) -> Outcome {
    let (bars, labels) = place::drawn(p, groups);
    let (names, callouts) = blocks(cx, p, groups);
    let (left, top, right, bottom) = p.room;
    let outside = |r: Rect| r.0 < left || r.1 < top || r.2 > right || r.3 > bottom;
    let taken: Vec<Rect> = (bars.iter().map(|b| b.1))
        .chain(labels.iter().map(|l| l.2))
        .collect();
    let clear = |r: Rect, others: &[Rect]| !outside(r) && !others.iter().any(|&o| touch(r, o));
    let mut named = p.extras.named;
    let mut kept: Vec<Rect> = taken.clone();
    if named {
        let rects: Vec<Rect> = names.iter().map(|b| b.rect(cx)).collect();
        named = (rects.iter().enumerate())
            .all(|(k, &r)| clear(r, &taken) && !rects[..k].iter().any(|&o| touch(r, o)));
        if named {
            kept.extend(rects);
        }
    }
    let mut crowded = None;
    let with_callout: Vec<usize> = (p.extras.callouts.iter().enumerate())
        .filter_map(|(i, c)| c.as_ref().map(|_| i))
        .collect();
    for (block, &i) in callouts.iter().zip(&with_callout) {
        let r = block.rect(cx);
        if clear(r, &kept) {
            kept.push(r);
        } else if crowded.is_none() {
            crowded = Some(i);
        }
    }
    // The lines stop short of every text they would cross.
    let mut texts: Vec<Rect> = labels.iter().map(|l| l.2).collect();
    texts.extend(callouts.iter().map(|b| b.rect(cx)));
    if named {
        texts.extend(names.iter().map(|b| b.rect(cx)));
    }
    draw_lines(cx, p, &texts);
    if named {
        for b in &names {
            b.draw(cx);
        }
    }
    for b in &callouts {
        b.draw(cx);
    }
    Outcome { named, crowded }
}

/// Draws the reference lines across the plot and their labels: in the gutter right of
/// upright bars, or in the band of rows above horizontal bars. A line stops short of the
/// `texts` it would cross.
fn draw_lines(cx: &mut Page, p: &Plot, texts: &[Rect]) {
    let (x, area) = (&p.extras, p.area);
    if x.lines.is_empty() {
        return;
    }
    let size = cx.sizes.tick;
    let lh = cx.sizes.lead(size);
    let (muted, axis) = (cx.theme.muted, cx.theme.axis);
    match p.orient {
        Orient::Vertical => {
            let mut order: Vec<usize> = (0..x.lines.len()).collect();
            order.sort_by(|&a, &b| p.scale(x.lines[a].0).total_cmp(&p.scale(x.lines[b].0)));
            let ys: Vec<f64> = order.iter().map(|&k| p.scale(x.lines[k].0)).collect();
            let hs: Vec<f64> = (order.iter())
                .map(|&k| lh * x.lines[k].1.len() as f64 + 2.0)
                .collect();
            let ys = crate::kinds::pie::spread(&ys, &hs, area.y0, area.y1);
            for (n, &k) in order.iter().enumerate() {
                let (y, (v, lines)) = (ys[n], &x.lines[k]);
                let at = p.scale(*v);
                dashes(cx, (p.cat.0, at), (p.cat.1, at), axis, texts);
                let tx = p.cat.1 + GAP;
                if (y - at).abs() > 0.5 {
                    cx.scene.line(vec![(p.cat.1, at), (tx - 1.0, y)], muted, 1);
                }
                let block = Block {
                    lines,
                    x: tx,
                    top: y - hs[n] / 2.0 + 1.0,
                    anchor: Anchor::Start,
                    size,
                    color: muted,
                };
                block.draw(cx);
            }
        }
        Orient::Horizontal => {
            // One row a line, the smallest value on top: each line runs down from its label
            // past the labels below it, which start further right.
            let mut order: Vec<usize> = (0..x.lines.len()).collect();
            order.sort_by(|&a, &b| x.lines[a].0.total_cmp(&x.lines[b].0));
            for (row, &k) in order.iter().enumerate() {
                let (v, lines) = &x.lines[k];
                let at = p.scale(*v);
                let top = area.y0 + lh * row as f64;
                let w = widest(cx, lines, size);
                let tx = (at + 3.0).min(area.x1 - w);
                dashes(cx, (at, top + lh), (at, p.cat.1), axis, texts);
                let block = Block {
                    lines,
                    x: tx,
                    top,
                    anchor: Anchor::Start,
                    size,
                    color: muted,
                };
                block.draw(cx);
            }
        }
    }
}

/// A dashed line from `a` to `b` (level or upright): dashes of 4 px, gaps of 3 px, none
/// within 2 px of a text of `texts`.
fn dashes(cx: &mut Page, a: (f64, f64), b: (f64, f64), color: Color, texts: &[Rect]) {
    let len = (b.0 - a.0).hypot(b.1 - a.1);
    if len <= 0.0 {
        return;
    }
    let (dx, dy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
    let near = |q: (f64, f64)| {
        (texts.iter()).any(|r| q.0 > r.0 - 2.0 && q.0 < r.2 + 2.0 && q.1 > r.1 - 2.0 && q.1 < r.3 + 2.0)
    };
    let mut t = 0.0;
    while t < len {
        let e = (t + 4.0).min(len);
        let p0 = (a.0 + dx * t, a.1 + dy * t);
        let p1 = (a.0 + dx * e, a.1 + dy * e);
        if !near(p0) && !near(p1) {
            cx.scene.line(vec![p0, p1], color, 1);
        }
        t += 7.0;
    }
}
