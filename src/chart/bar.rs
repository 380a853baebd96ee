//! Bar charts: vertical or horizontal, one series or grouped, always from zero.
//!
//! Percentages get a 0-100 axis with `%` ticks (unless a value is outside it); other units an
//! axis from zero to a round maximum. Every bar carries its value; gridlines stay light.

use super::{Area, Ctx, nice_ticks};
use crate::dataset::Dataset;
use crate::scene::{Anchor, Scene};
use crate::spec::ChartSpec;
use crate::text;
use crate::theme::{Sizes, series_color};

/// Lays out a bar chart.
pub fn layout(ds: &Dataset, spec: &ChartSpec) -> anyhow::Result<Scene> {
    let mut cx = Ctx::new(ds, spec);
    let legend: Vec<_> = if ds.series.len() > 1 {
        ds.series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), series_color(i)))
            .collect()
    } else {
        Vec::new()
    };
    let area = cx.frame(&legend);
    let ticks = axis_ticks(ds);
    if spec.horizontal {
        horizontal(&mut cx, area, &ticks);
    } else {
        vertical(&mut cx, area, &ticks);
    }
    Ok(cx.finish())
}

/// The value axis: 0-100 for percentages that fit, else a nice range that includes zero.
fn axis_ticks(ds: &Dataset) -> Vec<f64> {
    let (lo, hi) = (ds.min().min(0.0), ds.max().max(0.0));
    if ds.percent && lo >= 0.0 && hi <= 100.0 {
        return vec![0.0, 25.0, 50.0, 75.0, 100.0];
    }
    if hi - lo <= 0.0 {
        return vec![0.0, 1.0];
    }
    nice_ticks(lo, hi, 5)
}

fn tick_label(cx: &Ctx, v: f64, ticks: &[f64]) -> String {
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    let d = crate::number::decimals_needed(&[step]);
    super::format_value(v, d, cx.ds.percent)
}

fn vertical(cx: &mut Ctx, area: Area, ticks: &[f64]) {
    let s = cx.sizes;
    let n = cx.ds.labels.len().max(1);
    let ns = cx.ds.series.len().max(1);
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);

    // Room for tick labels on the left.
    let tick_w = ticks
        .iter()
        .map(|&t| text::width(&tick_label(cx, t, ticks), s.tick, false))
        .fold(0.0, f64::max);
    let x0 = area.x0 + tick_w + 10.0;
    let slot = (area.x1 - x0) / n as f64;

    // Category labels below the plot, wrapped to the slot.
    let label_lines: Vec<Vec<String>> = cx
        .ds
        .labels
        .iter()
        .map(|l| text::wrap(l, s.label, false, slot * 0.92, 3))
        .collect();
    let max_lines = label_lines.iter().map(Vec::len).max().unwrap_or(1);
    let lh = Sizes::line(s.label);
    let y1 = area.y1 - lh * max_lines as f64 - 8.0;
    let y0 = area.y0 + Sizes::line(s.value) + 4.0;
    let scale = |v: f64| y1 - (v - lo) / (hi - lo) * (y1 - y0);

    // Gridlines and tick labels.
    for &t in ticks {
        let y = scale(t);
        let color = if t == 0.0 {
            cx.theme.axis
        } else {
            cx.theme.grid
        };
        cx.scene.line(vec![(x0, y), (area.x1, y)], color, 1);
        let label = tick_label(cx, t, ticks);
        cx.text(
            x0 - 10.0,
            y,
            &label,
            s.tick,
            cx.theme.muted,
            Anchor::End,
            false,
        );
    }

    let group = (slot * 0.68).min(s.margin * 5.0 * ns as f64 / 2.0);
    let bar = group / ns as f64;
    let value_size = fit_size(cx, bar + slot * 0.3, s.value);
    for (i, lines) in label_lines.iter().enumerate() {
        let center = x0 + slot * (i as f64 + 0.5);
        for (k, line) in lines.iter().enumerate() {
            let y = y1 + 8.0 + lh * (k as f64 + 0.5);
            cx.text(
                center,
                y,
                line,
                s.label,
                cx.theme.text,
                Anchor::Middle,
                false,
            );
        }
        for si in 0..ns {
            let Some(v) = cx.ds.series[si].cells[i].as_ref().map(|c| c.value) else {
                continue;
            };
            let bx = center - group / 2.0 + bar * si as f64;
            let (ya, yb) = (scale(v.max(0.0)), scale(v.min(0.0)));
            cx.scene
                .rect(bx, ya, bar, (yb - ya).max(0.0), series_color(si));
            let label = cx.value_label(v);
            let ly = if v >= 0.0 {
                ya - Sizes::line(value_size) / 2.0 - 2.0
            } else {
                yb + Sizes::line(value_size) / 2.0 + 2.0
            };
            cx.text(
                bx + bar / 2.0,
                ly,
                &label,
                value_size,
                cx.theme.text,
                Anchor::Middle,
                true,
            );
        }
    }
    // Zero line on top of the bars.
    let y = scale(0.0);
    cx.scene.line(vec![(x0, y), (area.x1, y)], cx.theme.axis, 1);
}

fn horizontal(cx: &mut Ctx, area: Area, ticks: &[f64]) {
    let s = cx.sizes;
    let n = cx.ds.labels.len().max(1);
    let ns = cx.ds.series.len().max(1);
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    let lh = Sizes::line(s.label);

    // Label column: as wide as the longest label, at most a third of the width.
    let max_label = area.w() * 0.33;
    let label_lines: Vec<Vec<String>> = cx
        .ds
        .labels
        .iter()
        .map(|l| text::wrap(l, s.label, false, max_label, 2))
        .collect();
    let label_w = label_lines
        .iter()
        .flatten()
        .map(|l| text::width(l, s.label, false))
        .fold(0.0, f64::max);
    let x0 = area.x0 + label_w + 14.0;
    // Room at the right for the value label of the longest bar.
    let value_w = cx
        .ds
        .series
        .iter()
        .flat_map(|se| se.cells.iter().flatten())
        .map(|c| text::width(&cx.value_label(c.value), s.value, true))
        .fold(0.0, f64::max);
    let x1 = area.x1 - value_w - 10.0;
    let y1 = area.y1 - Sizes::line(s.tick) - 6.0;
    let slot = (y1 - area.y0) / n as f64;
    let scale = |v: f64| x0 + (v - lo) / (hi - lo) * (x1 - x0);

    for &t in ticks {
        let x = scale(t);
        let color = if t == 0.0 {
            cx.theme.axis
        } else {
            cx.theme.grid
        };
        cx.scene.line(vec![(x, area.y0), (x, y1)], color, 1);
        let label = tick_label(cx, t, ticks);
        cx.text(
            x,
            y1 + 6.0 + Sizes::line(s.tick) / 2.0,
            &label,
            s.tick,
            cx.theme.muted,
            Anchor::Middle,
            false,
        );
    }

    let group = (slot * 0.68).min(s.margin * 2.2 * ns as f64);
    let bar = group / ns as f64;
    let value_size = fit_size(cx, f64::INFINITY, s.value.min(bar * 0.9).max(9.0));
    for (i, lines) in label_lines.iter().enumerate() {
        let center = area.y0 + slot * (i as f64 + 0.5);
        let top = center - lh * lines.len() as f64 / 2.0;
        for (k, line) in lines.iter().enumerate() {
            cx.text(
                x0 - 14.0,
                top + lh * (k as f64 + 0.5),
                line,
                s.label,
                cx.theme.text,
                Anchor::End,
                false,
            );
        }
        for si in 0..ns {
            let Some(v) = cx.ds.series[si].cells[i].as_ref().map(|c| c.value) else {
                continue;
            };
            let by = center - group / 2.0 + bar * si as f64;
            let (xa, xb) = (scale(v.min(0.0)), scale(v.max(0.0)));
            cx.scene
                .rect(xa, by, (xb - xa).max(0.0), bar, series_color(si));
            let label = cx.value_label(v);
            let (lx, anchor) = if v >= 0.0 {
                (xb + 6.0, Anchor::Start)
            } else {
                (xa - 6.0, Anchor::End)
            };
            cx.text(
                lx,
                by + bar / 2.0,
                &label,
                value_size,
                cx.theme.text,
                anchor,
                true,
            );
        }
    }
    let x = scale(0.0);
    cx.scene.line(vec![(x, area.y0), (x, y1)], cx.theme.axis, 1);
}

/// The largest value-label size (down to 9 px) at which every value label fits `room`.
fn fit_size(cx: &Ctx, room: f64, size: f64) -> f64 {
    let widest = cx
        .ds
        .series
        .iter()
        .flat_map(|se| se.cells.iter().flatten())
        .map(|c| text::width(&cx.value_label(c.value), size, true))
        .fold(0.0, f64::max);
    if widest <= room || widest == 0.0 {
        size
    } else {
        (size * room / widest).max(9.0)
    }
}
