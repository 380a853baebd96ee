//! Pies and donuts of the parts of one whole.
//!
//! Percentages that sum below 100 get a remainder slice (`--rest`); above 100 they are refused,
//! since they cannot be parts of one whole. Slices start at 12 o'clock and run clockwise, largest
//! first with the remainder last; labels sit outside with leader lines and never overlap.

use std::f64::consts::TAU;

use super::{Area, Ctx, rest_label};
use crate::dataset::Dataset;
use crate::error::ChartError;
use crate::scene::{Anchor, Color, Item, Scene};
use crate::spec::PieOptions;
use crate::text;
use crate::theme::Sizes;

/// How far above 100 a percentage total may go before it is refused (rounding in the source).
const ROUNDING: f64 = 0.5;

/// One slice to draw.
struct Slice {
    label: String,
    value: f64,
    color: Color,
}

/// The parts of a pie as `(label, value)`, and the remainder of 100% if there is one.
pub(super) type Parts = (Vec<(String, f64)>, Option<f64>);

/// A pie cannot have a missing value: a part of a whole cannot be unknown.
pub(super) fn check_no_missing(ds: &Dataset, voice: crate::spec::Voice) -> anyhow::Result<()> {
    if let Some(m) = ds.missing.first() {
        anyhow::bail!(
            "{}:{}:{}: column '{}': {:?} means no data, and a pie cannot have a missing slice: a part of a whole cannot be unknown\n  hint: fill in the value or remove the row; {} draws a missing value as a gap",
            ds.path,
            m.line,
            m.column,
            m.header,
            m.raw,
            voice.kind("bar", &[])
        );
    }
    Ok(())
}

/// Checks a pie's values and returns its parts.
pub(super) fn slices_of(ds: &Dataset, spec: &PieOptions) -> Result<Parts, ChartError> {
    let voice = spec.common.voice();
    if ds.series.len() != 1 {
        return Err(ChartError::PieManySeries {
            path: ds.path.clone(),
            voice,
            count: ds.series.len(),
            names: ds
                .series
                .iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let series = &ds.series[0];
    let mut out = Vec::new();
    for (label, cell) in ds.labels.iter().zip(&series.cells) {
        let Some(c) = cell else { continue };
        if c.value < 0.0 {
            return Err(ChartError::PieNegative {
                path: ds.path.clone(),
                voice,
                line: c.line,
                column: c.column,
                name: series.column.clone(),
                value: c.raw.clone(),
            });
        }
        out.push((label.clone(), c.value));
    }
    let total: f64 = out.iter().map(|(_, v)| v).sum();
    if total <= 0.0 {
        return Err(ChartError::PieZeroTotal {
            path: ds.path.clone(),
            voice,
        });
    }
    let mut rest = None;
    if ds.percent && !spec.each_row {
        if total > 100.0 + ROUNDING {
            return Err(ChartError::PieOverWhole {
                path: ds.path.clone(),
                voice,
                total: crate::number::format(total, ds.decimals()),
            });
        }
        if total < 100.0 - 1e-9 {
            rest = Some(100.0 - total);
        }
    }
    Ok((out, rest))
}

/// Lays out a single pie or donut.
pub fn layout(ds: &Dataset, spec: &PieOptions) -> anyhow::Result<Scene> {
    let (mut parts, rest) = slices_of(ds, spec)?;
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut cx = Ctx::new(ds, &spec.common);
    let mut slices: Vec<Slice> = parts
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| Slice {
            label,
            value,
            color: cx.theme.color(i),
        })
        .collect();
    if let Some(r) = rest {
        slices.push(Slice {
            label: rest_label(spec.rest.as_deref(), &spec.common),
            value: r,
            color: cx.theme.rest,
        });
    }
    let area = cx.frame(&[]);
    draw(&mut cx, area, &slices, spec.donut);
    Ok(cx.finish())
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

/// Draws the slices in a circle of radius `r` at `c`, with white gaps between them.
pub(super) fn draw_disc(
    scene: &mut Scene,
    c: (f64, f64),
    r: f64,
    inner: f64,
    parts: &[(f64, Color)],
    gap: Color,
) {
    let total: f64 = parts.iter().map(|p| p.0).sum();
    let mut a = 0.0;
    let mut bounds = Vec::new();
    for &(v, color) in parts {
        let da = v / total * TAU;
        if da > 0.0 {
            scene.items.push(Item::Polygon {
                points: wedge(c, r, inner, a, a + da),
                fill: color,
            });
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

fn draw(cx: &mut Ctx, area: Area, slices: &[Slice], donut: bool) {
    let s = cx.sizes;
    let lh = Sizes::line(s.label);
    // A single share in a donut has its number large in the middle, so its callout gives only
    // the name: the number once, not twice.
    let centre = donut && slices.len() <= 2;
    // Label texts: the name (wrapped) and the value.
    let max_w = area.w() * 0.24;
    let labels: Vec<(Vec<String>, String)> = slices
        .iter()
        .enumerate()
        .map(|(i, sl)| {
            let value = if centre && i == 0 {
                String::new()
            } else {
                cx.value_label(sl.value)
            };
            (text::wrap(&sl.label, s.label, false, max_w, 2), value)
        })
        .collect();
    let widest = labels
        .iter()
        .flat_map(|(l, _)| l.iter().map(|x| text::width(x, s.label, false)))
        .fold(0.0, f64::max);
    let r = ((area.h() / 2.0) - lh)
        .min(area.w() / 2.0 - widest - 60.0)
        .max(20.0);
    let c = (area.x0 + area.w() / 2.0, area.y0 + area.h() / 2.0);
    let inner = if donut { r * 0.58 } else { 0.0 };
    let parts: Vec<(f64, Color)> = slices.iter().map(|sl| (sl.value, sl.color)).collect();
    draw_disc(&mut cx.scene, c, r, inner, &parts, cx.theme.background);

    // Place labels on each side, then push them apart so none overlaps another.
    let total: f64 = slices.iter().map(|sl| sl.value).sum();
    let mut a = 0.0;
    let mut sides: [Vec<(usize, f64, f64)>; 2] = [Vec::new(), Vec::new()];
    for (i, sl) in slices.iter().enumerate() {
        let da = sl.value / total * TAU;
        let mid = a + da / 2.0;
        a += da;
        let y = c.1 - (r + 18.0) * mid.cos();
        sides[usize::from(mid > std::f64::consts::PI)].push((i, mid, y));
    }
    for (side, list) in sides.iter_mut().enumerate() {
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
        for (k, &(i, mid, _)) in list.iter().enumerate() {
            let y = ys[k];
            let edge = (c.0 + r * mid.sin(), c.1 - r * mid.cos());
            // The run to the label is level: the elbow is at the label's height.
            let elbow = (c.0 + (r + 14.0) * mid.sin(), y);
            let tx = c.0 + dir * (r + 34.0);
            cx.scene
                .line(vec![edge, elbow, (tx - dir * 6.0, y)], cx.theme.muted, 1);
            let anchor = if side == 0 {
                Anchor::Start
            } else {
                Anchor::End
            };
            let (lines, value) = labels[i].clone();
            let top = y - lh * lines_of(&labels[i]) as f64 / 2.0;
            for (j, line) in lines.iter().enumerate() {
                cx.text(
                    tx,
                    top + lh * (j as f64 + 0.5),
                    line,
                    s.label,
                    cx.theme.text,
                    anchor,
                    false,
                );
            }
            if !value.is_empty() {
                let y = top + lh * (lines.len() as f64 + 0.5);
                cx.text(tx, y, &value, s.value, cx.theme.text, anchor, true);
            }
        }
    }
    // A single share in a donut: the number large in the middle, in the text colour like the
    // numbers of every other donut.
    if centre {
        let v = cx.value_label(slices[0].value);
        let size = (inner * 0.55).min(s.title * 2.0);
        cx.text(c.0, c.1, &v, size, cx.theme.text, Anchor::Middle, true);
    }
}

/// The lines of a callout: its name's lines, and one for the value if it has one.
fn lines_of(label: &(Vec<String>, String)) -> usize {
    label.0.len() + usize::from(!label.1.is_empty())
}

/// Moves label centres `ys` (sorted) apart so blocks of `heights` do not overlap, staying within
/// `top..bottom` where possible.
pub(super) fn spread(ys: &[f64], heights: &[f64], top: f64, bottom: f64) -> Vec<f64> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn wedge_starts_at_twelve_and_runs_clockwise() {
        let p = wedge((0.0, 0.0), 10.0, 0.0, 0.0, TAU / 4.0);
        assert!((p[0].0 - 0.0).abs() < 1e-9 && (p[0].1 + 10.0).abs() < 1e-9);
        let last_arc = p[p.len() - 2];
        assert!((last_arc.0 - 10.0).abs() < 1e-9 && last_arc.1.abs() < 1e-9);
    }
}
