//! Bar charts: vertical or horizontal; one series, grouped series side by side, `--stacked`
//! series, or `--rest LABEL` share-vs-rest 100% bars. Always from zero.
//!
//! Percentages get a 0-100 axis with `%` ticks (unless a value is outside it); other units an
//! axis from zero to a round maximum. Every bar carries its value; gridlines stay light.
//! Each category holds bars, each bar segments: grouped = many one-segment bars, stacked = one
//! bar of many segments; the drawing below serves all three.

use super::{Area, Ctx, nice_ticks, rest_label, shares};
use crate::dataset::{Cell, Dataset, Series};
use crate::scene::{Anchor, Color, Scene};
use crate::spec::BarOptions;
use crate::text;
use crate::theme::Sizes;

/// One piece of a bar.
struct Segment {
    from: f64,
    to: f64,
    color: Color,
    label: String,
}

/// A category: its bars side by side, and the label above a stack (its total), if any.
struct Group {
    bars: Vec<Vec<Segment>>,
    total: Option<(f64, String)>,
}

/// Lays out a bar chart.
pub fn layout(ds: &Dataset, spec: &BarOptions) -> anyhow::Result<Scene> {
    let voice = spec.common.voice();
    let rest_view;
    let ds = if spec.rest.is_some() {
        rest_view = share_vs_rest(ds, spec)?;
        &rest_view
    } else {
        ds
    };
    let stacked = spec.stacked || spec.rest.is_some();
    if stacked
        && let Some(c) = ds
            .series
            .iter()
            .flat_map(|s| s.cells.iter().flatten())
            .find(|c| c.value < 0.0)
    {
        anyhow::bail!(
            "{}:{}:{}: {:?}: stacked bars cannot show values below zero\n  hint: draw grouped bars (without {})",
            ds.path,
            c.line,
            c.column,
            c.raw,
            voice.on("stacked")
        );
    }
    if spec.stacked && ds.percent {
        for (i, label) in ds.labels.iter().enumerate() {
            let total: f64 = ds
                .series
                .iter()
                .filter_map(|s| s.cells[i].as_ref())
                .map(|c| c.value)
                .sum();
            if total > 100.5 {
                anyhow::bail!(
                    "{}: the stacked shares of {label:?} add up to {}%, more than 100%: they are not parts of one whole\n  hint: draw them as grouped bars (without {})",
                    ds.path,
                    crate::number::format(total, ds.decimals()),
                    voice.on("stacked")
                );
            }
        }
    }
    let mut cx = Ctx::new(ds, &spec.common);
    cx.last_is_rest = spec.rest.is_some();
    let legend: Vec<_> = if ds.series.len() > 1 {
        ds.series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), color(&cx, i)))
            .collect()
    } else {
        Vec::new()
    };
    let groups = groups(&cx, stacked);
    let area = cx.frame(&legend);
    let hi = groups
        .iter()
        .flat_map(|g| g.bars.iter().flatten().map(|s| s.to.max(s.from)))
        .fold(0.0, f64::max);
    let lo = groups
        .iter()
        .flat_map(|g| g.bars.iter().flatten().map(|s| s.to.min(s.from)))
        .fold(0.0, f64::min);
    let ticks = axis_ticks(ds.percent, lo, hi);
    if spec.horizontal {
        horizontal(&mut cx, area, &ticks, &groups);
    } else {
        vertical(&mut cx, area, &ticks, &groups);
    }
    Ok(cx.finish())
}

/// The colour of series `i` (the remainder of a share-vs-rest bar is grey).
fn color(cx: &Ctx, i: usize) -> Color {
    if cx.last_is_rest && i + 1 == cx.ds.series.len() {
        cx.theme.rest
    } else {
        cx.theme.color(i)
    }
}

fn groups(cx: &Ctx, stacked: bool) -> Vec<Group> {
    let ds = cx.ds;
    (0..ds.labels.len())
        .map(|i| {
            let cells: Vec<(usize, f64)> = (0..ds.series.len())
                .filter_map(|s| ds.series[s].cells[i].as_ref().map(|c| (s, c.value)))
                .collect();
            if stacked {
                let mut base = 0.0;
                let bar: Vec<Segment> = cells
                    .iter()
                    .map(|&(s, v)| {
                        let seg = Segment {
                            from: base,
                            to: base + v,
                            color: color(cx, s),
                            label: cx.value_label(v),
                        };
                        base += v;
                        seg
                    })
                    .collect();
                let total =
                    (!cx.last_is_rest && bar.len() > 1).then(|| (base, cx.value_label(base)));
                Group {
                    bars: vec![bar],
                    total,
                }
            } else {
                let bars = (0..ds.series.len())
                    .map(|s| {
                        cells
                            .iter()
                            .find(|c| c.0 == s)
                            .map(|&(_, v)| Segment {
                                from: 0.0,
                                to: v,
                                color: color(cx, s),
                                label: cx.value_label(v),
                            })
                            .into_iter()
                            .collect()
                    })
                    .collect();
                Group { bars, total: None }
            }
        })
        .collect()
}

/// `--rest`: every (category, series) value becomes a 100% bar of the share and the rest.
fn share_vs_rest(ds: &Dataset, spec: &BarOptions) -> anyhow::Result<Dataset> {
    let (mut labels, mut share, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    for sh in shares(ds, "rest", spec.common.voice())? {
        let cell = |value: f64| {
            Some(Cell {
                value,
                line: 0,
                column: 0,
                raw: String::new(),
            })
        };
        labels.push(sh.label);
        share.push(cell(sh.value));
        rest.push(cell(100.0 - sh.value));
    }
    let name = spec.common.legend.first().cloned().unwrap_or_else(|| {
        if ds.series.len() == 1 {
            ds.series[0].name.clone()
        } else {
            "Share".to_string()
        }
    });
    let column = ds
        .series
        .first()
        .map(|s| s.column.clone())
        .unwrap_or_default();
    Ok(Dataset {
        path: ds.path.clone(),
        labels,
        series: vec![
            Series {
                name,
                column: column.clone(),
                cells: share,
            },
            Series {
                name: rest_label(spec.rest.as_deref(), &spec.common),
                column,
                cells: rest,
            },
        ],
        percent: true,
    })
}

/// The value axis: 0-100 for percentages that fit, else a nice range that includes zero.
fn axis_ticks(percent: bool, lo: f64, hi: f64) -> Vec<f64> {
    if percent && lo >= 0.0 && hi <= 100.0 {
        return vec![0.0, 25.0, 50.0, 75.0, 100.0];
    }
    if hi - lo <= 0.0 {
        return vec![0.0, 1.0];
    }
    nice_ticks(lo, hi, 5)
}

fn tick_label(cx: &Ctx, v: f64, ticks: &[f64]) -> String {
    let step = ticks.get(1).map_or(1.0, |t| t - ticks[0]);
    cx.number(v, crate::number::decimals_needed(&[step]))
}

/// Draws a segment's label inside it when it fits, else (single segments) just outside.
#[allow(clippy::too_many_arguments)]
fn segment_label(
    cx: &mut Ctx,
    seg: &Segment,
    inside: bool,
    x: f64,
    y: f64,
    size: f64,
    anchor: Anchor,
) {
    let color = if inside {
        cx.theme.on(seg.color)
    } else {
        cx.theme.text
    };
    cx.text(x, y, &seg.label.clone(), size, color, anchor, true);
}

fn vertical(cx: &mut Ctx, area: Area, ticks: &[f64], groups: &[Group]) {
    let s = cx.sizes;
    let n = groups.len().max(1);
    let nb = bars_per_group(groups);
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    let tick_w = ticks
        .iter()
        .map(|&t| text::width(&tick_label(cx, t, ticks), s.tick, false))
        .fold(0.0, f64::max);
    let x0 = area.x0 + tick_w + 10.0;
    let slot = (area.x1 - x0) / n as f64;
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
    let group_w = (slot * 0.68).min(s.margin * 5.0 * nb as f64 / 2.0);
    let bar_w = group_w / nb as f64;
    let value_size = fit_size(groups, bar_w + slot * 0.3, s.value);
    for (i, (g, lines)) in groups.iter().zip(&label_lines).enumerate() {
        let center = x0 + slot * (i as f64 + 0.5);
        for (k, line) in lines.iter().enumerate() {
            cx.text(
                center,
                y1 + 8.0 + lh * (k as f64 + 0.5),
                line,
                s.label,
                cx.theme.text,
                Anchor::Middle,
                false,
            );
        }
        for (b, bar) in g.bars.iter().enumerate() {
            let bx = center - group_w / 2.0 + bar_w * b as f64;
            let single = bar.len() == 1;
            for seg in bar {
                let (ya, yb) = (scale(seg.to.max(seg.from)), scale(seg.to.min(seg.from)));
                cx.scene.rect(bx, ya, bar_w, (yb - ya).max(0.0), seg.color);
                let lh_v = Sizes::line(value_size);
                if single {
                    let ly = if seg.to >= 0.0 {
                        ya - lh_v / 2.0 - 2.0
                    } else {
                        yb + lh_v / 2.0 + 2.0
                    };
                    segment_label(
                        cx,
                        seg,
                        false,
                        bx + bar_w / 2.0,
                        ly,
                        value_size,
                        Anchor::Middle,
                    );
                } else if yb - ya >= lh_v
                    && text::width(&seg.label, value_size, true) <= bar_w - 4.0
                {
                    segment_label(
                        cx,
                        seg,
                        true,
                        bx + bar_w / 2.0,
                        (ya + yb) / 2.0,
                        value_size,
                        Anchor::Middle,
                    );
                }
            }
        }
        if let Some((total, label)) = &g.total {
            let y = scale(*total) - Sizes::line(value_size) / 2.0 - 2.0;
            cx.text(
                center,
                y,
                label,
                value_size,
                cx.theme.text,
                Anchor::Middle,
                true,
            );
        }
    }
    let y = scale(0.0);
    cx.scene.line(vec![(x0, y), (area.x1, y)], cx.theme.axis, 1);
}

fn horizontal(cx: &mut Ctx, area: Area, ticks: &[f64], groups: &[Group]) {
    let s = cx.sizes;
    let n = groups.len().max(1);
    let nb = bars_per_group(groups);
    let (lo, hi) = (ticks[0], ticks[ticks.len() - 1]);
    let y1 = area.y1 - Sizes::line(s.tick) - 6.0;
    let slot = (y1 - area.y0) / n as f64;
    // Labels shrink with the slot so that rows never overlap.
    let label_size = s.label.min(slot * 0.8 / Sizes::line(1.0)).max(8.0);
    let lh = Sizes::line(label_size);
    let max_lines = if slot >= 2.0 * lh { 2 } else { 1 };
    let max_label = area.w() * 0.33;
    let label_lines: Vec<Vec<String>> = cx
        .ds
        .labels
        .iter()
        .map(|l| text::wrap(l, label_size, false, max_label, max_lines))
        .collect();
    let label_w = label_lines
        .iter()
        .flatten()
        .map(|l| text::width(l, label_size, false))
        .fold(0.0, f64::max);
    let x0 = area.x0 + label_w + 14.0;
    let group_h = (slot * 0.68).min(s.margin * 2.2 * nb as f64);
    let bar_h = group_h / nb as f64;
    let value_size = s.value.min(bar_h * 0.9).max(8.0);
    let outside_w = groups
        .iter()
        .flat_map(|g| {
            let singles = g
                .bars
                .iter()
                .filter(|b| b.len() == 1)
                .flatten()
                .map(|seg| seg.label.as_str());
            singles
                .chain(g.total.iter().map(|t| t.1.as_str()))
                .collect::<Vec<_>>()
        })
        .map(|l| text::width(l, value_size, true))
        .fold(0.0, f64::max);
    let x1 = area.x1 - outside_w - 10.0;
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
    for (i, (g, lines)) in groups.iter().zip(&label_lines).enumerate() {
        let center = area.y0 + slot * (i as f64 + 0.5);
        let top = center - lh * lines.len() as f64 / 2.0;
        for (k, line) in lines.iter().enumerate() {
            cx.text(
                x0 - 14.0,
                top + lh * (k as f64 + 0.5),
                line,
                label_size,
                cx.theme.text,
                Anchor::End,
                false,
            );
        }
        for (b, bar) in g.bars.iter().enumerate() {
            let by = center - group_h / 2.0 + bar_h * b as f64;
            let single = bar.len() == 1;
            for seg in bar {
                let (xa, xb) = (scale(seg.to.min(seg.from)), scale(seg.to.max(seg.from)));
                cx.scene.rect(xa, by, (xb - xa).max(0.0), bar_h, seg.color);
                if single {
                    let (lx, anchor) = if seg.to >= 0.0 {
                        (xb + 6.0, Anchor::Start)
                    } else {
                        (xa - 6.0, Anchor::End)
                    };
                    segment_label(cx, seg, false, lx, by + bar_h / 2.0, value_size, anchor);
                } else if text::width(&seg.label, value_size, true) <= xb - xa - 8.0 {
                    segment_label(
                        cx,
                        seg,
                        true,
                        (xa + xb) / 2.0,
                        by + bar_h / 2.0,
                        value_size,
                        Anchor::Middle,
                    );
                }
            }
        }
        if let Some((total, label)) = &g.total {
            cx.text(
                scale(*total) + 6.0,
                center,
                label,
                value_size,
                cx.theme.text,
                Anchor::Start,
                true,
            );
        }
    }
    let x = scale(0.0);
    cx.scene.line(vec![(x, area.y0), (x, y1)], cx.theme.axis, 1);
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

/// The largest value-label size (down to 9 px) at which every outside label fits `room`.
fn fit_size(groups: &[Group], room: f64, size: f64) -> f64 {
    let widest = groups
        .iter()
        .flat_map(|g| g.bars.iter().filter(|b| b.len() == 1).flatten())
        .map(|seg| text::width(&seg.label, size, true))
        .fold(0.0, f64::max);
    if widest <= room || widest == 0.0 {
        size
    } else {
        (size * room / widest).max(9.0)
    }
}
