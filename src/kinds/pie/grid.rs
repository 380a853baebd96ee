//! Small multiples: one share-vs-rest pie or donut per row (`pie --each-row`), all the same
//! size and colours. The honest pie view of independent shares such as the article's.
//!
//! The pies are sized to their cells and the grid starts under the legend; without a given
//! height the chart ends under the last row. One series gives a grid of named pies; several
//! series (resource x production/reserves) give a two-way table with the categories as row
//! headers and the series as column headers, instead of "(Production)" under every pie.

use super::{PieOptions, draw_disc, find};
use crate::dataset::Dataset;
use crate::kinds::KindError;
use crate::layout::theme::Sizes;
use crate::layout::{Area, Context, Page, Share, rest_label, shares};
use crate::scene::{Anchor, Color, Scene};

/// The largest pie radius, in label heights (about 2.6 cm at 8.5 pt): a grid of few pies stays
/// a row of readable multiples, not a few huge discs.
const MAX_RADIUS: f64 = 8.75;

/// Lays out the grid.
pub(super) fn layout(ds: &Dataset, opts: &PieOptions, cx: &Context) -> Result<Scene, KindError> {
    let spec = &opts.common;
    crate::kinds::bar::check_colours(ds)?;
    // Checks every value is a percentage; the grids read the cells themselves.
    let cells = shares(ds, "each-row")?;
    let mut cx = Page::new(ds, spec, cx);
    let rest_name = rest_label(opts.rest.as_deref(), cx.context.locale);
    let look = Look {
        donut: opts.donut,
        rest: cx.rest_color(&rest_name),
    };
    let notes = notes(ds, opts)?;
    // No legend that only repeats a column header: a grid of one series names it in the
    // legend when the editor gave its name (`legend`); a two-way grid names its series over
    // its columns. The rest is in the legend unless every pie names its own.
    let named = ds.series.len() == 1 && !spec.legend.is_empty();
    let mut legend: Vec<_> = if named {
        let color = cx.mark(cx.theme.color(0), Some(0), None, false);
        vec![(capitalise(&ds.series[0].name), color)]
    } else {
        Vec::new()
    };
    if notes.iter().any(|n| n.rest.is_none()) {
        legend.push((rest_name, look.rest));
    }
    let area = cx.frame(&legend);
    let bottom = if ds.series.len() > 1 {
        two_way(&mut cx, area, look, &notes)
    } else {
        one_way(&mut cx, area, &cells, look, &notes)
    };
    cx.fit_height(bottom);
    for (label, n) in ds.labels.iter().zip(&notes) {
        if let Some(c) = &n.callout {
            cx.remark(format!("{label}: {c}"));
        }
    }
    Ok(cx.finish())
}

/// The editor's words under one category's pie (or row of pies): the name of its remainder
/// (`rest-of`) and a callout (`annotate`).
#[derive(Debug, Clone, Default)]
struct Notes {
    rest: Option<String>,
    callout: Option<String>,
}

/// Each category's [`Notes`], in the drawn order; a name that is no category is an error.
fn notes(ds: &Dataset, opts: &PieOptions) -> Result<Vec<Notes>, KindError> {
    let names: Vec<&str> = ds.labels.iter().map(String::as_str).collect();
    let mut out = vec![Notes::default(); names.len()];
    for c in &opts.rest_of {
        out[find(ds, &names, &c.name, "rest-of")?].rest = Some(crate::text::clean(&c.text));
    }
    for c in &opts.notes.annotate {
        out[find(ds, &names, &c.name, "annotate")?].callout = Some(crate::text::clean(&c.text));
    }
    Ok(out)
}

/// The lines of `notes` under a pie of the share `v` (approximate when `approx`), wrapped to
/// `width`: the remainder named with its value ("Non-Muslims ~75%"), then the callout.
fn note_lines(cx: &Page, notes: &Notes, v: Option<(f64, bool)>, width: f64) -> Vec<String> {
    let size = cx.sizes.label;
    let mut out = Vec::new();
    if let Some(rest) = &notes.rest {
        let text = match v {
            Some((v, approx)) => format!("{rest} {}", cx.approx_label(100.0 - v, approx)),
            None => rest.clone(),
        };
        out.extend(cx.balanced(&text, size, false, width));
    }
    if let Some(c) = &notes.callout {
        out.extend(cx.balanced(c, size, false, width));
    }
    out
}

/// How every pie of a grid is drawn: as donuts or not, and the colour of the rest.
#[derive(Clone, Copy)]
struct Look {
    donut: bool,
    rest: Color,
}

/// One share of a grid: its value, whether it is approximate, its series and its category.
struct Cell<'a> {
    value: f64,
    approx: bool,
    series: usize,
    category: &'a str,
}

/// One pie (or donut) of a share centred at `c`, with its value in the middle of a donut or
/// under a pie; returns the y below it.
fn pie(cx: &mut Page, c: (f64, f64), r: f64, look: Look, cell: &Cell) -> f64 {
    let s = cx.sizes;
    let donut = look.donut;
    let inner = if donut { r * 0.6 } else { 0.0 };
    let v = cell.value;
    let color = cx.theme.color(cell.series);
    let by_category = cx.ds.series.len() == 1;
    let color = cx.mark(color, Some(cell.series), Some(cell.category), by_category);
    let parts = [(v, color, cell.approx), (100.0 - v, look.rest, false)];
    draw_disc(&mut cx.scene, c, r, inner, &parts, cx.theme.background);
    let value = cx.approx_label(v, cell.approx);
    let y = c.1 + r + 8.0;
    if donut {
        let size = (inner * 0.62).min(s.title * 1.2);
        cx.text(c.0, c.1, &value, size, cx.theme.text, Anchor::Middle, true);
        y
    } else {
        let lv = Sizes::line(s.value);
        cx.text(
            c.0,
            y + lv / 2.0,
            &value,
            s.value,
            cx.theme.text,
            Anchor::Middle,
            true,
        );
        y + lv
    }
}

/// The least radius of a small pie in label heights: a donut's number (about 0.9 label
/// heights) fits its hole; a pie's value stands under it.
fn min_radius(donut: bool) -> f64 {
    if donut { 2.5 } else { 1.5 }
}

/// One series: a grid of pies, each named under it (every word, in as many lines as it needs),
/// in the column count that gives the largest pies (preferring full rows: 2x2 over 3+1).
/// Returns the bottom of the last row.
fn one_way(cx: &mut Page, area: Area, cells: &[Share], look: Look, notes: &[Notes]) -> f64 {
    let donut = look.donut;
    let s = cx.sizes;
    let n = cells.len().max(1);
    let lh = s.lead(s.label);
    let value_h = if donut { 0.0 } else { Sizes::line(s.value) };
    let gap = s.label * 1.2;
    // Each pie's name, and under it its notes (muted): how many lines of each.
    let names = |cw: f64| -> Vec<(Vec<String>, Vec<String>)> {
        cells
            .iter()
            .zip(notes)
            .map(|(share, n)| {
                let v = Some((share.value, share.approx));
                (
                    cx.wrap(&share.label, s.label, false, cw * 0.92),
                    note_lines(cx, n, v, cw * 0.92),
                )
            })
            .collect()
    };
    let count = |n: &(Vec<String>, Vec<String>)| n.0.len() + n.1.len();
    let radius = |cols: usize| {
        let rows = n.div_ceil(cols);
        let cw = area.w() / cols as f64;
        let ch = area.h() / rows as f64;
        let lines = names(cw).iter().map(count).max().unwrap_or(1) as f64;
        let text_h = lh * lines + value_h + 8.0;
        ((cw * 0.8).min(ch - text_h - gap) / 2.0).min(s.label * MAX_RADIUS)
    };
    let score = |cols: usize| {
        let r = radius(cols);
        if n.is_multiple_of(cols) { r } else { r * 0.9 }
    };
    let cols = (1..=n.min(10))
        .max_by(|&a, &b| score(a).total_cmp(&score(b)))
        .unwrap_or(1);
    let r = radius(cols).max(s.label * min_radius(donut));
    let rows = n.div_ceil(cols);
    let cw = area.w() / cols as f64;
    let names = names(cw);
    let mut top = area.y0;
    for row in 0..rows {
        let in_row = (n - row * cols).min(cols);
        let row_lines = (0..in_row)
            .map(|k| count(&names[row * cols + k]))
            .max()
            .unwrap_or(1);
        // Centre a short last row.
        let offset = (cols - in_row) as f64 * cw / 2.0;
        for col in 0..in_row {
            let k = row * cols + col;
            let x = area.x0 + offset + cw * (col as f64 + 0.5);
            let cell = Cell {
                value: cells[k].value,
                approx: cells[k].approx,
                series: 0,
                category: &cells[k].label,
            };
            let y = pie(cx, (x, top + r), r, look, &cell);
            let (name, below) = &names[k];
            let (text, muted) = (cx.theme.text, cx.theme.muted);
            let lines = (name.iter().map(|l| (l, text)))
                .chain(below.iter().map(|l| (l, muted)));
            for (j, (line, color)) in lines.enumerate() {
                let ly = y + lh * (j as f64 + 0.5);
                cx.text(x, ly, line, s.label, color, Anchor::Middle, false);
            }
        }
        top += 2.0 * r + 8.0 + value_h + lh * row_lines as f64 + gap;
    }
    top - gap
}

/// Several series: a table of pies, one row per category (its name at the start of the row)
/// and one column per series (its name on top). Returns the bottom of the last row.
fn two_way(cx: &mut Page, area: Area, look: Look, notes: &[Notes]) -> f64 {
    let donut = look.donut;
    let (s, ds) = (cx.sizes, cx.ds);
    let (rows, cols) = (ds.labels.len().max(1), ds.series.len());
    let lh = s.lead(s.label);
    let row_names: Vec<Vec<String>> = ds
        .labels
        .iter()
        .map(|l| cx.wrap(l, s.label, true, area.w() * 0.25))
        .collect();
    // A row's notes under its name (the pies of a row are of several wholes: the remainder's
    // name alone).
    let row_notes: Vec<Vec<String>> = (notes.iter())
        .map(|n| note_lines(cx, n, None, area.w() * 0.25))
        .collect();
    let head_w = (row_names.iter().flatten().map(|l| cx.width(l, s.label, true)))
        .chain(row_notes.iter().flatten().map(|l| cx.width(l, s.label, false)))
        .fold(0.0, f64::max)
        + s.label;
    let value_h = if donut { 0.0 } else { Sizes::line(s.value) };
    let gap = s.label * 1.5;
    let room = (area.w() - head_w) / cols as f64;
    let col_names: Vec<Vec<String>> = ds
        .series
        .iter()
        .map(|x| cx.wrap(&capitalise(&x.name), s.label, true, room * 0.92))
        .collect();
    let col_w = col_names
        .iter()
        .flatten()
        .map(|l| cx.width(l, s.label, true))
        .fold(0.0, f64::max);
    let head_h = lh * col_names.iter().map(Vec::len).max().unwrap_or(1) as f64 + 8.0;
    // As large as the width allows, within the height when one was given; without one the
    // chart grows, for pies of at least four label heights.
    let by_height = ((area.h() - head_h) / rows as f64 - gap - value_h - 8.0) / 2.0;
    let by_height = if cx.spec.height.is_none() {
        by_height.max(s.label * 4.0)
    } else {
        by_height
    };
    let r = ((room * 0.8) / 2.0)
        .min(by_height)
        .min(s.label * MAX_RADIUS)
        .max(s.label * min_radius(donut));
    // Cells as wide as a pie and a gutter (or its column name), the table centred.
    let cw = (2.0 * r * 1.3).max(col_w + s.label).min(room.max(2.0 * r));
    let x0 = area.x0 + (area.w() - head_w - cw * cols as f64).max(0.0) / 2.0;
    let text_c = cx.theme.text;
    for (j, lines) in col_names.iter().enumerate() {
        let x = x0 + head_w + cw * (j as f64 + 0.5);
        for (k, line) in lines.iter().enumerate() {
            let y = area.y0 + lh * (k as f64 + 0.5);
            cx.text(x, y, line, s.label, text_c, Anchor::Middle, true);
        }
    }
    let mut top = area.y0 + head_h;
    let mut bottom = top;
    for (i, names) in row_names.iter().enumerate() {
        let below = &row_notes[i];
        let n = names.len() + below.len();
        let row_h = (2.0 * r + value_h + 8.0).max(lh * n as f64);
        let cy = top + row_h / 2.0;
        let name_top = cy - lh * n as f64 / 2.0;
        let muted = cx.theme.muted;
        let lines = (names.iter().map(|l| (l, text_c, true)))
            .chain(below.iter().map(|l| (l, muted, false)));
        for (k, (line, color, bold)) in lines.enumerate() {
            let (x, y) = (x0 + head_w - s.label, name_top + lh * (k as f64 + 0.5));
            cx.text(x, y, line, s.label, color, Anchor::End, bold);
        }
        let pie_y = top + (row_h - (2.0 * r + value_h + 8.0)) / 2.0 + r;
        for (j, series) in ds.series.iter().enumerate() {
            let Some(cell) = &series.cells[i] else {
                continue;
            };
            let x = x0 + head_w + cw * (j as f64 + 0.5);
            let cell = Cell {
                value: cell.value,
                approx: cell.approx,
                series: j,
                category: &ds.labels[i],
            };
            bottom = bottom.max(pie(cx, (x, pie_y), r, look, &cell));
        }
        bottom = bottom.max(top + row_h);
        top += row_h + gap;
    }
    bottom
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
