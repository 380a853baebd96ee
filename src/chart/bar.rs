//! Bar charts: vertical or horizontal; one series, grouped series side by side, `--stacked`
//! series, or `--rest LABEL` share-vs-rest 100% bars. Always from zero.
//!
//! The value axis runs from zero to the first round tick at or above the largest value (or
//! `--axis-max`); part-to-whole percentages (`--rest`, stacked shares) keep 0-100%. Every bar carries its value; gridlines stay light.
//! Each category holds bars, each bar segments: grouped = many one-segment bars, stacked = one
//! bar of many segments; one drawing (in `plot`, for both orientations) serves all three.

mod plot;

use super::{Ctx, nice_ticks, rest_label, shares};
use crate::dataset::{Cell, Dataset, Series};
use crate::scene::{Color, Scene};
use crate::spec::{BarOptions, Voice};
pub(crate) use plot::no_data;
use plot::{Orient, draw, fit_horizontal, fit_vertical};

/// One piece of a bar.
struct Segment {
    from: f64,
    to: f64,
    color: Color,
    label: String,
}

/// A category: its bars side by side, and the label above a stack (its total), if any. A bar
/// with no segment is a gap: no data.
struct Group {
    bars: Vec<Vec<Segment>>,
    total: Option<(f64, String)>,
}

/// Lays out a bar chart.
pub fn layout(ds: &Dataset, spec: &BarOptions) -> anyhow::Result<Scene> {
    // The options a bar chart reads, read here once.
    let voice = spec.common.voice();
    // At the default height, many categories (not years or dates, which stay upright in their
    // order) turn into horizontal bars in a chart grown tall enough for readable rows.
    let auto = spec.common.height.is_none();
    let many = ds.labels.len() > crate::limits::VERTICAL_BARS.max;
    let horizontal = spec.horizontal || (auto && many && !ds.ordered);
    let orient = if horizontal {
        Orient::Horizontal
    } else {
        Orient::Vertical
    };
    let grown;
    let common = if auto && many && horizontal {
        grown = tall(&spec.common, ds);
        &grown
    } else {
        &spec.common
    };
    let asked_stacked = spec.stacked;
    let rest = spec.rest.is_some();
    // Share-vs-rest bars are stacks of two segments.
    let stacked = asked_stacked || rest;
    let rest_view;
    let ds = if rest {
        let rest_name = rest_label(spec.rest.as_deref(), &spec.common);
        rest_view = share_vs_rest(ds, spec.common.legend.first(), rest_name, voice)?;
        &rest_view
    } else {
        ds
    };
    if stacked {
        check_no_negatives(ds, voice)?;
    }
    if asked_stacked && ds.percent {
        check_parts_of_one_whole(ds, voice)?;
    }
    check_colours(ds, voice)?;
    let mut cx = Ctx::new(ds, common);
    let legend: Vec<_> = if ds.series.len() > 1 {
        ds.series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), color(&cx, rest, i)))
            .collect()
    } else {
        Vec::new()
    };
    let groups = groups(&cx, stacked, rest);
    let area = cx.frame(&legend);
    let hi = groups
        .iter()
        .flat_map(|g| g.bars.iter().flatten().map(|s| s.to.max(s.from)))
        .fold(0.0, f64::max);
    let lo = groups
        .iter()
        .flat_map(|g| g.bars.iter().flatten().map(|s| s.to.min(s.from)))
        .fold(0.0, f64::min);
    // Part-to-whole bars (share vs rest, stacked percentages) keep the full 0-100% scale.
    let whole = rest || (asked_stacked && ds.percent);
    let ticks = axis_ticks(ds.percent, whole, lo, hi.max(spec.axis_max.unwrap_or(0.0)));
    let plot = match orient {
        Orient::Vertical => fit_vertical(&cx, area, &ticks, &groups),
        Orient::Horizontal => fit_horizontal(&cx, area, &ticks, &groups),
    };
    draw(&mut cx, &plot, &ticks, &groups);
    cx.fit_height(plot.bottom);
    Ok(cx.finish())
}

/// The options with a height that gives each of many categories a readable row: a line of
/// label text, and bars thick enough for value labels at the tick size.
fn tall(common: &crate::spec::Common, ds: &Dataset) -> crate::spec::Common {
    let s = crate::theme::Sizes::for_image(common.width, common.height());
    let nb = ds.series.len().max(1) as f64;
    let row = (crate::theme::Sizes::line(s.label) / 0.8).max(s.tick * 1.7 * nb);
    let needed = (ds.labels.len() as f64 * row + 300.0).ceil();
    let height = needed.clamp(
        f64::from(common.height()),
        f64::from(crate::spec::options::MAX_SIZE),
    );
    crate::spec::Common {
        height: Some(height as u32),
        ..common.clone()
    }
}

/// Stacked bars start at zero: a negative segment would overlap the one before it.
fn check_no_negatives(ds: &Dataset, voice: Voice) -> anyhow::Result<()> {
    if let Some(c) = ds
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
    Ok(())
}

/// Stacked percentages are parts of one whole: no stack may pass 100% (with rounding slack).
fn check_parts_of_one_whole(ds: &Dataset, voice: Voice) -> anyhow::Result<()> {
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
    Ok(())
}

/// The colour of series `i` (the remainder of a share-vs-rest bar is grey; years and dates
/// are shades of one colour, in order).
fn color(cx: &Ctx, rest: bool, i: usize) -> Color {
    if rest && i + 1 == cx.ds.series.len() {
        cx.theme.rest
    } else if cx.ds.series_ordered {
        cx.theme.ramp(i, cx.ds.series.len())
    } else {
        cx.theme.color(i)
    }
}

/// No two series may share a colour: more series than the palette has colours are refused,
/// unless they are years or dates (shades of one colour).
pub(super) fn check_colours(ds: &Dataset, voice: Voice) -> anyhow::Result<()> {
    let n = ds.series.len();
    if n > crate::theme::COLORS && !ds.series_ordered {
        anyhow::bail!(
            "{}: {n} series are more than the {} colours a chart can tell apart ({}, ...)\n  hint: pick at most {} series with {} (one per value column), or draw them as categories instead (long data: swap {} and {}) and keep the largest with {}",
            ds.path,
            crate::theme::COLORS,
            ds.series
                .iter()
                .take(3)
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            crate::theme::COLORS,
            voice.name("value"),
            voice.name("label"),
            voice.name("series"),
            voice.set("top", crate::theme::COLORS),
        );
    }
    Ok(())
}

/// The bars of every category: stacked (one bar of many segments, with its total unless it is
/// a share-vs-rest bar) or grouped (many bars of one segment).
fn groups(cx: &Ctx, stacked: bool, rest: bool) -> Vec<Group> {
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
                            color: color(cx, rest, s),
                            label: cx.value_label(v),
                        };
                        base += v;
                        seg
                    })
                    .collect();
                let total = (!rest && bar.len() > 1).then(|| (base, cx.value_label(base)));
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
                                color: color(cx, rest, s),
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
/// `legend` names the share (default: the series, or "Share"), `rest_name` the rest.
fn share_vs_rest(
    ds: &Dataset,
    legend: Option<&String>,
    rest_name: String,
    voice: Voice,
) -> anyhow::Result<Dataset> {
    let (mut labels, mut share, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    for sh in shares(ds, "rest", voice)? {
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
    let name = legend.cloned().unwrap_or_else(|| {
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
        missing: ds.missing.clone(),
        ordered: ds.ordered,
        labels,
        series: vec![
            Series {
                name,
                column: column.clone(),
                cells: share,
            },
            Series {
                name: rest_name,
                column,
                cells: rest,
            },
        ],
        percent: true,
        ..Dataset::default()
    })
}

/// The value axis, from zero to the first round tick at or above the largest value (`hi`, which
/// includes `axis-max`), so the bars use the plot. Percentages that are parts of one whole
/// (`whole`), or an axis asked to reach 100%, run 0-100 in quarters.
fn axis_ticks(percent: bool, whole: bool, lo: f64, hi: f64) -> Vec<f64> {
    if percent && lo >= 0.0 && ((whole && hi <= 100.0) || hi == 100.0) {
        return vec![0.0, 25.0, 50.0, 75.0, 100.0];
    }
    if hi - lo <= 0.0 {
        return vec![0.0, 1.0];
    }
    nice_ticks(lo, hi, 5)
}
