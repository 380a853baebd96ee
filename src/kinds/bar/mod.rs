//! Bar charts: vertical or horizontal; one series, grouped series side by side, `--stacked`
//! series, or `--rest LABEL` share-vs-rest 100% bars. Always from zero.
//!
//! The value axis runs from zero to the first round tick at or above the largest value (or
//! `--axis-max`); part-to-whole percentages (`--rest`, stacked shares) keep 0-100%. Every bar carries its value; gridlines stay light.
//! Each category holds bars, each bar segments: grouped = many one-segment bars, stacked = one
//! bar of many segments; one drawing (in `plot`, for both orientations) serves all three.

mod plot;

use clap::Args;
use serde::{Deserialize, Serialize};

use super::limits::{Alt, Limit};
use super::{ChartKind, KindError};
use crate::dataset::{Cell, Dataset, Series};
use crate::layout::alt::Whole;
use crate::layout::{Context, Page, rest_label, shares};
use crate::locale::number::format;
use crate::options::{Annotations, Common, Message, OptionError, Order, RefLine, Sort};
use crate::scene::{Color, Scene};
use plot::{Extras, Orient, draw, fit_horizontal, fit_vertical};

/// The ticks of the value axis for about `target` steps (see [`axis_ticks`]).
pub(super) type Ticks<'a> = dyn Fn(usize) -> Vec<f64> + 'a;

/// The options of a bar chart.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct BarOptions {
    /// The options every kind has.
    #[command(flatten)]
    #[serde(flatten)]
    pub common: Common,
    /// Sorting.
    #[command(flatten)]
    #[serde(flatten)]
    pub order: Order,
    /// Horizontal bars (better for long labels or many categories).
    #[arg(long)]
    pub horizontal: bool,
    /// Stack the series of each category into one bar.
    #[arg(long)]
    pub stacked: bool,
    /// Draw each percentage as one 100% bar split into the share and the rest (named LABEL).
    #[arg(long, value_name = "LABEL")]
    pub rest: Option<String>,
    /// Run the value axis to at least N (100 for the full scale of percentages; default: the
    /// first round tick at or above the largest value).
    #[arg(long, value_name = "N")]
    pub axis_max: Option<f64>,
    /// A reference line across the plot at VALUE, named LABEL: a world average, a target
    /// (repeatable).
    #[arg(long, value_name = "VALUE=LABEL")]
    pub line: Vec<RefLine>,
    /// Callouts on the plot.
    #[command(flatten)]
    #[serde(flatten)]
    pub notes: Annotations,
}

/// Vertical bars.
pub const VERTICAL_BARS: Limit = Limit {
    max: 24,
    what: "categories",
    chart: "bar chart",
    alt: Alt::Horizontal,
};
/// Horizontal bars (and the terminal preview).
pub const HORIZONTAL_BARS: Limit = Limit {
    max: 40,
    what: "categories",
    chart: "bar chart",
    alt: Alt::Nothing,
};
/// The most bars a chart of the default height draws: it grows tall enough for them.
pub const MANY_BARS: usize = 150;

impl ChartKind for BarOptions {
    const NAME: &'static str = "bar";
    const ABOUT: &'static str = "Draw a bar chart";
    const EXAMPLES: &'static str = "Examples:\n  sharechart bar data/crops.csv -o crops.svg\n  sharechart bar data/energy.csv -o energy.png --lang ar --scale 2\n  sharechart bar data/minerals.csv -o minerals.svg --horizontal --sort desc\n  sharechart bar data/crops.csv -o - --rest \"Rest of world\" > crops.svg";

    fn common(&self) -> &Common {
        &self.common
    }

    fn sort(&self) -> Option<Sort> {
        self.order.sort
    }

    fn rest(&self) -> Option<&str> {
        self.rest.as_deref()
    }

    /// Checks `axis-max`.
    fn validate(&self) -> Result<(), OptionError> {
        match self.axis_max {
            Some(m) if !m.is_finite() || m <= 0.0 || m > 1e15 => Err(crate::options::error(
                "axis-max",
                m.to_string(),
                "is out of range".into(),
                Message::new()
                    .text("give a positive number, e.g. ")
                    .set("axis-max", 100)
                    .text(" for the full scale of percentages"),
            )),
            _ => Ok(()),
        }
    }

    /// A bar chart without a given height grows (horizontal bars in taller rows, or thinned
    /// year labels) up to [`MANY_BARS`]; at a given height horizontal bars take as many rows
    /// as fit at the chart's type size, and vertical bars of years or dates as many as the
    /// width holds at a few pixels each.
    fn limit(&self, ds: &Dataset) -> Limit {
        let common = &self.common;
        if common.height.is_none() {
            Limit {
                max: MANY_BARS,
                ..HORIZONTAL_BARS
            }
        } else if self.horizontal {
            // A row is at least a line of label text; the frame takes about eight lines.
            let line = crate::layout::theme::Sizes::for_type(common.font_pt(), false).label * 1.5;
            let rows = (f64::from(common.height()) / line - 8.0).floor().max(1.0);
            Limit {
                max: rows as usize,
                ..HORIZONTAL_BARS
            }
        } else if ds.ordered {
            Limit {
                max: (common.width().saturating_sub(120) / 6).max(24) as usize,
                ..VERTICAL_BARS
            }
        } else {
            VERTICAL_BARS
        }
    }

    fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError> {
        layout(ds, self, cx)
    }

    /// Share-vs-rest bars say each share's rest too, as a grid of donuts does.
    fn whole(&self) -> Whole<'_> {
        match &self.rest {
            Some(rest) => Whole::EachRow(Some(rest), &[]),
            None => Whole::None,
        }
    }

    fn noun(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("en", "Bar chart"),
            ("ar", "مخطط أعمدة"),
            ("fr", "Diagramme en barres"),
            ("tr", "Çubuk grafik"),
            ("fa", "نمودار میله‌ای"),
            ("ur", "بار چارٹ"),
            ("bn", "বার চার্ট"),
            ("ms", "Carta bar"),
            ("id", "Diagram batang"),
            ("ru", "Столбчатая диаграмма"),
            ("uz", "Ustunli diagramma"),
            ("kk", "Бағаналы диаграмма"),
            ("az", "Sütunlu diaqram"),
            ("ky", "Мамычалуу диаграмма"),
            ("tg", "Диаграммаи сутунӣ"),
            ("tk", "Sütünli diagramma"),
            ("ps", "میله‌يي چارټ"),
            ("sq", "Grafik me shtylla"),
            ("so", "Jaantus baar"),
            ("ha", "Jadawalin sanduna"),
            ("dv", "ބާ ޗާޓް"),
        ]
    }

    /// A bar chart of one category compares nothing across categories.
    fn advice(&self, ds: &Dataset) -> Vec<Message> {
        let [label] = ds.labels.as_slice() else {
            return Vec::new();
        };
        let m = Message::new().text(format!(
            "{}: a bar chart of one category ({label:?}) compares nothing across categories\n  hint: ",
            ds.path
        ));
        let m = if ds.series.len() > 1 {
            let names: Vec<&str> = ds.series.iter().map(|s| s.name.as_str()).collect();
            m.text(format!(
                "draw the series ({}) as the bars: name the column that holds them with ",
                names.join(", ")
            ))
            .either("`--label COLUMN`", "`label = \"COLUMN\"`")
            .text("; or give the figures in a sentence")
        } else {
            m.text("give the figure in the title or a sentence, or draw it beside the figures it belongs with")
        };
        vec![m]
    }
}

/// One piece of a bar.
struct Segment {
    from: f64,
    to: f64,
    color: Color,
    label: String,
    /// An approximate value ("about 30%"), drawn as an estimate.
    approx: bool,
    /// The rest of a share (`--rest`): its value label is quieter than the share's.
    rest: bool,
}

/// A category: its bars side by side, and the label above a stack (its total), if any. A bar
/// with no segment is a gap: no data.
struct Group {
    bars: Vec<Vec<Segment>>,
    total: Option<(f64, String)>,
}

/// Lays out a bar chart: grouped bars with their series named at the bars of the first
/// category where the names fit there, else with a legend.
fn layout(ds: &Dataset, spec: &BarOptions, cx: &Context) -> Result<Scene, KindError> {
    let (scene, named) = layout_as(ds, spec, cx, true)?;
    if named {
        Ok(scene)
    } else {
        Ok(layout_as(ds, spec, cx, false)?.0)
    }
}

/// Lays out a bar chart, naming grouped series at the bars when `direct` (else in a legend);
/// returns the scene and false when the names were asked for and did not fit.
fn layout_as(
    ds: &Dataset,
    spec: &BarOptions,
    cx: &Context,
    direct: bool,
) -> Result<(Scene, bool), KindError> {
    let asked_stacked = spec.stacked;
    let rest = spec.rest.is_some();
    // Share-vs-rest bars are stacks of two segments.
    let stacked = asked_stacked || rest;
    let rest_view;
    let ds = if rest {
        let rest_name = rest_label(spec.rest.as_deref(), cx.locale);
        rest_view = share_vs_rest(ds, spec.common.legend.first(), rest_name)?;
        &rest_view
    } else {
        ds
    };
    if stacked {
        check_no_negatives(ds)?;
    }
    if asked_stacked && ds.percent {
        check_parts_of_one_whole(ds)?;
    }
    check_colours(ds)?;
    let callouts = callouts(ds, &spec.notes)?;
    let mut cx = Page::new(ds, &spec.common, cx);
    // Grouped bars name their series at the bars of the first category instead of a legend.
    let direct = direct && !stacked && ds.series.len() > 1;
    let extras = Extras {
        lines: (spec.line.iter())
            .map(|l| (l.value, l.label.clone()))
            .collect(),
        callouts,
        names: if direct {
            ds.series.iter().map(|s| s.name.clone()).collect()
        } else {
            Vec::new()
        },
    };
    let legend: Vec<_> = if ds.series.len() > 1 && !direct {
        ds.series
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), color(&cx, rest, i, None)))
            .collect()
    } else {
        Vec::new()
    };
    let groups = groups(&cx, stacked, rest);
    let hi = groups
        .iter()
        .flat_map(|g| g.bars.iter().flatten().map(|s| s.to.max(s.from)))
        .fold(0.0, f64::max);
    let lo = groups
        .iter()
        .flat_map(|g| g.bars.iter().flatten().map(|s| s.to.min(s.from)))
        .fold(0.0, f64::min);
    // The reference lines are on the axis too.
    let lines = spec.line.iter().map(|l| l.value);
    let (lo, hi) = lines.fold((lo, hi), |(l, h), v| (l.min(v), h.max(v)));
    // Part-to-whole bars (share vs rest, stacked percentages) keep the full 0-100% scale.
    let whole = rest || (asked_stacked && ds.percent);
    let top = hi.max(spec.axis_max.unwrap_or(0.0));
    let ticks = |target: usize| {
        let t = axis_ticks(ds.percent, whole, lo, top, target);
        match headroom(&t, hi, whole || ds.percent) {
            Some(more) => axis_ticks(ds.percent, whole, lo, more, target),
            None => t,
        }
    };
    // Upright bars when every name fits under its bar whole, else horizontal ones (years and
    // dates stay upright, every k-th labelled).
    let names = plot::names(&cx, spec.horizontal, &ticks(5), &groups, &extras);
    let area = cx.frame_with(&legend, names.min_plot);
    let plot_orient = names.orient;
    let plot = match names.orient {
        Orient::Vertical => fit_vertical(&cx, area, &ticks, &groups, names, &extras),
        Orient::Horizontal => fit_horizontal(&cx, area, &ticks, &groups, names, &extras),
    };
    let outcome = draw(&mut cx, &plot, &groups);
    if let Some(i) = outcome.crowded {
        let horizontal = matches!(plot_orient, Orient::Horizontal);
        return Err(crowded_callout(ds, &extras, i, horizontal));
    }
    for l in &spec.line {
        let v = cx.number(l.value, crate::locale::number::decimals_needed(&[l.value]));
        cx.remark(format!("{}: {v}", crate::text::clean(&l.label)));
    }
    for (label, c) in ds.labels.iter().zip(&extras.callouts) {
        if let Some((bar, c)) = c {
            let series = bar.and_then(|b| ds.series.get(b));
            match series {
                Some(s) => cx.remark(format!("{label} ({}): {c}", s.name)),
                None => cx.remark(format!("{label}: {c}")),
            }
        }
    }
    cx.fit_height(plot.bottom);
    Ok((cx.finish(), outcome.named || !direct))
}

/// Room above the largest value `hi` when it sits on the top tick of `ticks` (80% on the 80
/// gridline): the value the axis must then pass, so that it ends at the next round tick.
/// Not for an axis that ends at 100% of a percentage (`full`: the whole).
fn headroom(ticks: &[f64], hi: f64, full: bool) -> Option<f64> {
    let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
    let span = last - first;
    let on_top = hi > 0.0 && span > 0.0 && (last - hi).abs() <= span * 1e-9;
    (on_top && !(full && last >= 100.0)).then_some(hi + span * 0.01)
}

/// Each category's callout (`annotate`), in the drawn order: on the category, or on one bar
/// of a category of grouped bars ("Natural gas (Production)": the category and the series);
/// a name that is neither is an error with the nearest.
fn callouts(ds: &Dataset, notes: &Annotations) -> Result<Vec<Option<plot::Note>>, KindError> {
    let mut out = vec![None; ds.labels.len()];
    for c in &notes.annotate {
        let text = crate::text::clean(&c.text);
        let bar = c
            .name
            .trim()
            .strip_suffix(')')
            .and_then(|n| n.rsplit_once(" ("))
            .and_then(|(category, series)| {
                let i = ds.labels.iter().position(|l| crate::text::same_name(l, category))?;
                let b = ds.series.iter().position(|s| {
                    crate::text::same_name(&s.name, series) || crate::text::same_name(&s.key, series)
                })?;
                Some((i, b))
            });
        match bar {
            Some((i, b)) if ds.series.len() > 1 => out[i] = Some((Some(b), text)),
            _ => {
                let i = find_category(ds, &c.name, "annotate")?;
                out[i] = Some((None, text));
            }
        }
    }
    Ok(out)
}

/// The index of the category `name` (as the chart shows it); `key` is the option that names
/// it, for the error: [`crate::layout::find_drawn`].
pub(super) fn find_category(ds: &Dataset, name: &str, key: &'static str) -> Result<usize, KindError> {
    let names: Vec<&str> = ds.labels.iter().map(String::as_str).collect();
    crate::layout::find_drawn(&ds.path, &names, name, key).map_err(KindError::from)
}

/// The error for the callout of category `i` (in `extras`) that touches another text or
/// leaves the plot.
/// The refusal of a callout with no room; bars already horizontal are not told to turn.
fn crowded_callout(ds: &Dataset, extras: &Extras, i: usize, horizontal: bool) -> KindError {
    let label = ds.labels.get(i).map_or("", String::as_str);
    let text = (extras.callouts.get(i))
        .and_then(Option::as_ref)
        .map_or("", |c| c.1.as_str());
    let head = Message::new().text(format!(
        "{}: the callout on {label:?} ({text:?}) does not fit beside the chart's other labels\n  hint: shorten it, ",
        ds.path
    ));
    let turn = if horizontal {
        head
    } else {
        head.text("draw the bars horizontal (").on("horizontal").text("), ")
    };
    turn.text("or give the chart more room with ").name("width").into()
}

/// Stacked bars start at zero: a negative segment would overlap the one before it.
fn check_no_negatives(ds: &Dataset) -> Result<(), KindError> {
    if let Some(c) = ds
        .series
        .iter()
        .flat_map(|s| s.cells.iter().flatten())
        .find(|c| c.value < 0.0)
    {
        return Err(Message::new()
            .text(format!(
                "{}:{}:{}: {:?}: stacked bars cannot show values below zero\n  hint: draw grouped bars (without ",
                ds.path, c.line, c.column, c.raw,
            ))
            .on("stacked")
            .text(")")
            .into());
    }
    Ok(())
}

/// Stacked percentages are parts of one whole: no stack may pass 100% (with rounding slack).
fn check_parts_of_one_whole(ds: &Dataset) -> Result<(), KindError> {
    for (i, label) in ds.labels.iter().enumerate() {
        let total: f64 = ds
            .series
            .iter()
            .filter_map(|s| s.cells[i].as_ref())
            .map(|c| c.value)
            .sum();
        if total > 100.5 {
            return Err(Message::new()
                .text(format!(
                    "{}: the stacked shares of {label:?} add up to {}%, more than 100%: they are not parts of one whole\n  hint: draw them as grouped bars (without ",
                    ds.path,
                    format(total, ds.decimals()),
                ))
                .on("stacked")
                .text(")")
                .into());
        }
    }
    Ok(())
}

/// The colour of series `i` in category `category` (`None`: the legend's): the remainder of
/// a share-vs-rest bar is grey; years and dates are shades of one colour, in order; a colour
/// given by name, or a highlight, decides over the theme's (see `layout::paint`).
fn color(cx: &Page, rest: bool, i: usize, category: Option<&str>) -> Color {
    let n = cx.ds.series.len();
    if rest && i + 1 == n {
        return cx.rest_color(&cx.ds.series[i].name);
    }
    let default = if cx.ds.series_ordered {
        cx.theme.ramp(i, n)
    } else {
        cx.theme.color(i)
    };
    // One series (or a share and its rest): each category may have a colour of its own.
    let by_category = n == 1 || rest;
    cx.mark(default, Some(i), category, by_category)
}

/// No two series may share a colour: more series than the palette has colours are refused,
/// unless they are years or dates (shades of one colour).
pub(super) fn check_colours(ds: &Dataset) -> Result<(), KindError> {
    use crate::layout::theme::COLORS;
    let n = ds.series.len();
    if n > COLORS && !ds.series_ordered {
        let names = ds
            .series
            .iter()
            .take(3)
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Message::new()
            .text(format!(
                "{}: {n} series are more than the {COLORS} colours a chart can tell apart ({names}, ...)\n  hint: pick at most {COLORS} series with ",
                ds.path,
            ))
            .name("value")
            .text(" (one per value column), or draw them as categories instead (long data: swap ")
            .name("label")
            .text(" and ")
            .name("series")
            .text(") and keep the largest with ")
            .set("top", COLORS)
            .into());
    }
    Ok(())
}

/// The bars of every category: stacked (one bar of many segments, with its total unless it is
/// a share-vs-rest bar) or grouped (many bars of one segment).
fn groups(cx: &Page, stacked: bool, rest: bool) -> Vec<Group> {
    let ds = cx.ds;
    (0..ds.labels.len())
        .map(|i| {
            let label = ds.labels[i].as_str();
            let cells: Vec<(usize, f64, bool)> = (0..ds.series.len())
                .filter_map(|s| {
                    let c = ds.series[s].cells[i].as_ref()?;
                    Some((s, c.value, c.approx))
                })
                .collect();
            if stacked {
                let mut base = 0.0;
                let bar: Vec<Segment> = cells
                    .iter()
                    .map(|&(s, v, approx)| {
                        // The rest of an approximate share says so in its label; its grey
                        // stays plain, as a pie's rest does.
                        let is_rest = rest && s + 1 == ds.series.len();
                        let seg = Segment {
                            from: base,
                            to: base + v,
                            color: color(cx, rest, s, Some(label)),
                            label: cx.approx_label(v, approx),
                            approx: approx && !is_rest,
                            rest: is_rest,
                        };
                        base += v;
                        seg
                    })
                    .collect();
                // A total of approximate parts is approximate too.
                let about = cells.iter().any(|c| c.2);
                let total = (!rest && bar.len() > 1).then(|| (base, cx.approx_label(base, about)));
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
                            .map(|&(_, v, approx)| Segment {
                                from: 0.0,
                                to: v,
                                color: color(cx, rest, s, Some(label)),
                                label: cx.approx_label(v, approx),
                                approx,
                                rest: false,
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
) -> Result<Dataset, KindError> {
    let (mut labels, mut share, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    for sh in shares(ds, "rest")? {
        // The rest of an approximate share is as approximate.
        let cell = |value: f64| {
            Some(Cell {
                value,
                line: 0,
                column: 0,
                raw: String::new(),
                approx: sh.approx,
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
    // The share keeps its series' key, so a colour given for it still finds it.
    let key = match ds.series.as_slice() {
        [one] => one.key.clone(),
        _ => name.clone(),
    };
    Ok(Dataset {
        path: ds.path.clone(),
        missing: ds.missing.clone(),
        ordered: ds.ordered,
        labels,
        series: vec![
            Series {
                name,
                key,
                column: column.clone(),
                cells: share,
            },
            Series {
                key: rest_name.clone(),
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
/// `target` is about how many steps the axis has room for (5 at most).
fn axis_ticks(percent: bool, whole: bool, lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if percent && lo >= 0.0 && ((whole && hi <= 100.0) || hi == 100.0) {
        return match target {
            0..=1 => vec![0.0, 100.0],
            2..=3 => vec![0.0, 50.0, 100.0],
            _ => vec![0.0, 25.0, 50.0, 75.0, 100.0],
        };
    }
    if hi - lo <= 0.0 {
        return vec![0.0, 1.0];
    }
    nice_ticks(lo, hi, target.clamp(1, 5))
}

/// A "nice" axis: ticks at 1, 2, 2.5 or 5 times a power of ten, covering `lo..=hi`.
fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round();
    // Values are capped at 10^15 when parsed; this guards the arithmetic anyway (a span that
    // overflows would ask for usize::MAX ticks).
    if !n.is_finite() || !(1.0..=100.0).contains(&n) {
        return vec![lo.min(0.0), hi.max(1.0)];
    }
    let n = n as usize;
    (0..=n)
        .map(|i| start + step * i as f64)
        .map(|v| if v.abs() < step * 1e-9 { 0.0 } else { v })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
