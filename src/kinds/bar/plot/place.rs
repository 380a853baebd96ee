//! Where the value labels past the bars go, and which are left out: a value label is the whole
//! number or nothing, and never touches another label or a bar. The labels are tried at their
//! size, then smaller down to the tick size; where a series' labels still collide there, that
//! series goes without them (the axis carries its values).

use super::{Group, Orient, Plot, Segment, Sizes};

/// A rectangle in pixels: left, top, right, bottom.
pub(super) type Rect = (f64, f64, f64, f64);

/// True when two rectangles overlap (touching edges do not count).
fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The rectangle of a segment drawn at category position `pos`.
fn bar_rect(p: &Plot, pos: f64, seg: &Segment) -> Rect {
    let (low, high) = (p.scale(seg.to.min(seg.from)), p.scale(seg.to.max(seg.from)));
    let (a, b) = (low.min(high), low.max(high));
    let (x, y) = p.orient.xy(pos, a);
    let (w, h) = p.orient.wh(p.bar, b - a);
    (x, y, x + w, y + h)
}

/// The rectangle of a label `label` at `size` past the end of a bar from `from` to `to`
/// centred on category position `mid`.
fn label_rect(p: &Plot, mid: f64, (from, to): (f64, f64), label: &str, size: f64) -> Rect {
    let positive = to >= 0.0;
    let (low, high) = (p.scale(to.min(from)), p.scale(to.max(from)));
    let end = if positive { high } else { low };
    let line = Sizes::line(size);
    let (val, _) = p.orient.beyond(end, positive, line);
    let (x, y) = p.orient.xy(mid, val);
    let w = p.fonts.width(label, size, true);
    // Across a horizontal bar only the ink counts: digits, separators and % stand within one
    // em (cap height plus the comma's tail), so a label fits a bar one em thick; the line
    // height would leave out labels that touch nothing.
    let ink = size;
    match p.orient {
        Orient::Vertical => (x - w / 2.0, y - line / 2.0, x + w / 2.0, y + line / 2.0),
        Orient::Horizontal if positive => (x, y - ink / 2.0, x + w, y + ink / 2.0),
        Orient::Horizontal => (x - w, y - ink / 2.0, x, y + ink / 2.0),
    }
}

/// A bar's (or a "no data" mark's) rectangle: (category, rectangle).
pub(super) type BarRect = (usize, Rect);
/// A label past a bar: (category, bar position, rectangle).
pub(super) type LabelRect = (usize, usize, Rect);

/// Every bar's rectangle (and every "no data" mark's), and every label past a bar at `size`:
/// a lone segment's at its position, a stack's total at the position after the last bar.
fn layout(p: &Plot, groups: &[Group], size: f64) -> (Vec<BarRect>, Vec<LabelRect>) {
    let (mut bars, mut labels) = (Vec::new(), Vec::new());
    let totals = p.hidden.len() - 1;
    for (i, g) in groups.iter().enumerate() {
        let center = p.center(i);
        for (b, bar) in g.bars.iter().enumerate() {
            let pos = center - p.group / 2.0 + p.bar * b as f64;
            if bar.is_empty() {
                bars.push((i, super::gap_mark(p, pos + p.bar / 2.0, g.bars.len()).5));
            }
            for seg in bar {
                bars.push((i, bar_rect(p, pos, seg)));
                if bar.len() == 1 {
                    let rect =
                        label_rect(p, pos + p.bar / 2.0, (seg.from, seg.to), &seg.label, size);
                    labels.push((i, b, rect));
                }
            }
        }
        if let Some((total, label)) = &g.total {
            labels.push((i, totals, label_rect(p, center, (0.0, *total), label, size)));
        }
    }
    (bars, labels)
}

/// The bars and the value labels past them as drawn: at the labels' size, without those
/// left out.
pub(super) fn drawn(p: &Plot, groups: &[Group]) -> (Vec<BarRect>, Vec<LabelRect>) {
    let (bars, mut labels) = layout(p, groups, p.value_size);
    labels.retain(|l| !p.hidden.get(l.1).copied().unwrap_or(false));
    (bars, labels)
}

/// The bar positions whose labels collide at `size` (with a label of a kept position or with a
/// bar), keeping positions greedily in order; `None` when nothing collides.
fn collisions(p: &Plot, groups: &[Group], size: f64, nb: usize) -> Option<Vec<bool>> {
    let (bars, labels) = layout(p, groups, size);
    let bars: Vec<Rect> = bars.into_iter().map(|b| b.1).collect();
    // A pixel of air around a label.
    let grown = |r: Rect| (r.0 - 1.0, r.1 - 1.0, r.2 + 1.0, r.3 + 1.0);
    // Inside the room for value labels (clear of tick and category labels), touching no bar.
    let (left, top, right, bottom) = p.room;
    let outside = |r: Rect| r.0 < left || r.1 < top || r.2 > right || r.3 > bottom;
    let hits_bar = |r: Rect| outside(r) || bars.iter().any(|&b| overlaps(grown(r), b));
    let mut hidden = vec![false; nb];
    let mut kept: Vec<Rect> = Vec::new();
    let mut any = false;
    for (b, hide) in hidden.iter_mut().enumerate() {
        let mine: Vec<Rect> = labels
            .iter()
            .filter(|l| l.1 == b)
            .map(|l| l.2)
            .collect();
        let clash = mine.iter().enumerate().any(|(k, &r)| {
            hits_bar(r)
                || kept.iter().any(|&o| overlaps(grown(r), o))
                || mine[k + 1..].iter().any(|&o| overlaps(grown(r), o))
        });
        if clash {
            *hide = true;
            any = true;
        } else {
            kept.extend(mine);
        }
    }
    any.then_some(hidden)
}

/// Sets the size of the value labels and the bar positions that go without them (`p.hidden`
/// holds one entry per bar position and one more for the totals of stacks).
pub(super) fn place(p: &mut Plot, groups: &[Group], min: f64) {
    let nb = p.hidden.len();
    let start = p.value_size;
    let mut size = start;
    loop {
        match collisions(p, groups, size, nb) {
            None => {
                p.value_size = size;
                p.hidden = vec![false; nb];
                return;
            }
            Some(hidden) if size <= min => {
                p.value_size = size;
                p.hidden = hidden;
                return;
            }
            Some(_) => size = (size * 0.9).max(min),
        }
    }
}
