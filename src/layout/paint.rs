//! Which colour each mark is drawn in, and how an approximate value is drawn.
//!
//! A mark takes, in order: the colour the user gave by name (`color`, a manifest's
//! `[colors]`; on a chart of one series the category's name, then the series' name or key),
//! else the theme's. With `highlight`, the marks it does not name are dimmed (the theme's
//! `dimmed` grey); the rest of a share keeps the theme's `rest` grey (or the colour given for
//! its label). So "Production" is the same blue in every chart of a manifest, and "our
//! country" stands out among the others.

use super::Page;
use super::color::mix;
use crate::dataset::Dataset;
use crate::options::Message;
use crate::scene::{Color, Item};
use crate::text::{nearest, same_name};

/// What `highlight` names on a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Nothing: every mark in its own colour.
    None,
    /// Categories (bars, slices, pies of a grid): the others are dimmed.
    Categories,
    /// Series of a chart of several: the other series are dimmed.
    Series,
}

/// Whether `name` is a series of `ds` (by its name or its key).
fn is_series(ds: &Dataset, name: &str) -> bool {
    ds.series
        .iter()
        .any(|s| same_name(name, &s.name) || same_name(name, &s.key))
}

/// What `highlight` names on a chart of `ds` (checked by [`check_highlight`]).
pub fn focus(ds: &Dataset, highlight: &[String]) -> Focus {
    if highlight.is_empty() {
        Focus::None
    } else if ds.series.len() > 1 && highlight.iter().all(|h| is_series(ds, h)) {
        Focus::Series
    } else {
        Focus::Categories
    }
}

/// The option as the user gave it: `--highlight "X"` or `highlight = ["X"]`.
fn said(h: &str) -> Message {
    Message::new().either(
        format!("`--highlight {h:?}`"),
        format!("`highlight = [{h:?}]`"),
    )
}

/// Every name of `highlight` must be a category of `ds` as the chart shows it (or, on a
/// chart of several series, a series), and all of one sort: a name that matches nothing
/// would draw every mark dimmed and say nothing. The hint offers the nearest labels.
pub fn check_highlight(ds: &Dataset, highlight: &[String]) -> Result<(), Message> {
    let several = ds.series.len() > 1;
    let mut series = None;
    let mut category = None;
    for h in highlight {
        if ds.labels.iter().any(|l| same_name(h, l)) {
            category = Some(h);
        } else if several && is_series(ds, h) {
            series = Some(h);
        } else {
            let names = ds.labels.iter().map(String::as_str);
            let near = if several {
                nearest(h, names.chain(ds.series.iter().map(|s| s.name.as_str())), 3)
            } else {
                nearest(h, names, 3)
            };
            let near: Vec<String> = near.iter().map(|n| format!("{n:?}")).collect();
            let what = if several {
                "category or series"
            } else {
                "category"
            };
            return Err(Message::new()
                .text(format!("{}: ", ds.path))
                .then(said(h))
                .text(format!(
                    " matches no {what} of the chart\n  hint: the nearest are {}; write the name as the chart shows it, in the chart's language",
                    near.join(", ")
                )));
        }
    }
    if let (Some(s), Some(c)) = (series, category) {
        return Err(Message::new()
            .text(format!("{}: ", ds.path))
            .then(said(s))
            .text(" names a series and ")
            .then(said(c))
            .text(" a category\n  hint: highlight series or categories, not both"));
    }
    Ok(())
}

/// After `top` folded the small categories into "Other": a highlighted category must still
/// be drawn.
pub fn check_kept(
    drawn: &Dataset,
    highlight: &[String],
    top: Option<usize>,
) -> Result<(), Message> {
    if focus(drawn, highlight) != Focus::Categories {
        return Ok(());
    }
    for h in highlight {
        if !drawn.labels.iter().any(|l| same_name(h, l)) {
            let hint = match top {
                Some(n) => Message::new()
                    .text("keep more categories than ")
                    .set("top", n),
                None => Message::new()
                    .text("draw fewer categories, or keep the largest with ")
                    .name("top"),
            };
            return Err(Message::new()
                .text(format!("{}: ", drawn.path))
                .then(said(h))
                .text(" is folded into \"Other\" with the small categories\n  hint: ")
                .then(hint));
        }
    }
    Ok(())
}

impl Page<'_> {
    /// The colour given for the first of `names` that has one (of a name given twice, the
    /// last: a chart's own `color` after the manifest's `[colors]`).
    pub fn given(&self, names: &[&str]) -> Option<Color> {
        names.iter().find_map(|n| {
            self.spec
                .color
                .iter()
                .rev()
                .find(|c| c.names(n))
                .map(|c| Color(c.rgb.0, c.rgb.1, c.rgb.2))
        })
    }

    /// True when `highlight` names `name`.
    pub fn highlighted(&self, name: &str) -> bool {
        self.spec.highlight.iter().any(|h| same_name(h, name))
    }

    /// True when `highlight` names the category `label`, or, for a share of a chart of
    /// several series drawn as its own bar (`Oil (Reserves)`, `bar --rest`), its category or
    /// its series.
    fn highlighted_category(&self, label: &str) -> bool {
        if self.highlighted(label) {
            return true;
        }
        let Some((category, series)) = label.strip_suffix(')').and_then(|l| l.rsplit_once(" ("))
        else {
            return false;
        };
        self.highlighted(category) || self.highlighted(series)
    }

    /// The colour of a mark of series `series` (an index into the chart's data) in category
    /// `category`, whose theme colour is `default`: given by name (the category's first
    /// when `by_category`: a chart of one series), dimmed when a highlight leaves it out.
    pub fn mark(
        &self,
        default: Color,
        series: Option<usize>,
        category: Option<&str>,
        by_category: bool,
    ) -> Color {
        let s = series.and_then(|i| self.ds.series.get(i));
        let mut names: Vec<&str> = Vec::new();
        if let (true, Some(c)) = (by_category, category) {
            names.push(c);
        }
        if let Some(s) = s {
            names.extend([s.name.as_str(), s.key.as_str()]);
        }
        let own = self.given(&names).unwrap_or(default);
        match focus(self.ds, &self.spec.highlight) {
            Focus::None => own,
            Focus::Series => match s {
                Some(s) if !self.highlighted(&s.name) && !self.highlighted(&s.key) => {
                    self.theme.dimmed
                }
                _ => own,
            },
            Focus::Categories => match category {
                Some(c) if !self.highlighted_category(c) => self.theme.dimmed,
                _ => own,
            },
        }
    }

    /// The colour of the rest of a share named `label`: given by that name, else the theme's.
    pub fn rest_color(&self, label: &str) -> Color {
        self.given(&[label]).unwrap_or(self.theme.rest)
    }

    /// Draws the polygon `points` in `color`; an approximate value ([`approximate`]) as an
    /// estimate.
    pub fn shape(&mut self, points: Vec<(f64, f64)>, color: Color, approx: bool) {
        if approx {
            approximate(&mut self.scene.items, points, color, self.theme.background);
        } else {
            self.scene.items.push(Item::Polygon {
                points,
                fill: color,
            });
        }
    }
}

/// The corners of a rectangle, clockwise from the top left.
pub fn rect_points(x: f64, y: f64, w: f64, h: f64) -> Vec<(f64, f64)> {
    vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
}

/// Stripes this far apart (pixels, across them) mark an approximate value.
const STRIPES: f64 = 10.0;

/// An approximate value's shape ("nearly a quarter" drawn as ~25%): a paler fill crossed by
/// diagonal stripes of the colour and outlined in it, the convention of statistics offices
/// for estimates, so the reader sees at once that the edge is not exact. The stripes and the
/// outline keep the colour's contrast with the page; the fill is `color` halfway to
/// `background`.
pub fn approximate(
    items: &mut Vec<Item>,
    points: Vec<(f64, f64)>,
    color: Color,
    background: Color,
) {
    items.push(Item::Polygon {
        points: points.clone(),
        fill: tint(color, background),
    });
    for segment in stripes(&points, STRIPES) {
        items.push(Item::Line {
            points: segment.to_vec(),
            color,
            width: 2,
        });
    }
    let mut outline = points;
    if let Some(&first) = outline.first() {
        outline.push(first);
    }
    items.push(Item::Line {
        points: outline,
        color,
        width: 1,
    });
}

/// The paler fill of an approximate value's shape: `color` halfway to `background` (a
/// label inside the shape stands on a patch of it, clear of the stripes).
pub fn tint(color: Color, background: Color) -> Color {
    mix(color, background, 0.55)
}

/// The parts inside the polygon `points` of the lines x + y = c, `gap` pixels apart: for
/// each line, where it crosses the polygon's edges, paired in order along it (even-odd), so
/// any simple polygon (a bar, a wedge, a ring segment) is striped within its edges only.
fn stripes(points: &[(f64, f64)], gap: f64) -> Vec<[(f64, f64); 2]> {
    let n = points.len();
    if n < 3 {
        return Vec::new();
    }
    let along = |p: &(f64, f64)| p.0 + p.1;
    let lo = points.iter().map(along).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(along).fold(f64::NEG_INFINITY, f64::max);
    let step = gap * std::f64::consts::SQRT_2;
    let mut out = Vec::new();
    // Lines at fixed values of x + y, so stripes of neighbouring shapes line up.
    let mut c = (lo / step).floor() * step + step / 2.0;
    while c < hi {
        let mut cuts: Vec<(f64, f64)> = Vec::new();
        for i in 0..n {
            let (p, q) = (points[i], points[(i + 1) % n]);
            let (fp, fq) = (along(&p) - c, along(&q) - c);
            if (fp < 0.0) != (fq < 0.0) {
                let t = fp / (fp - fq);
                cuts.push((p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t));
            }
        }
        cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in cuts.chunks_exact(2) {
            out.push([pair[0], pair[1]]);
        }
        c += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripes_stay_inside_their_shape() {
        let square = rect_points(10.0, 10.0, 40.0, 40.0);
        let lines = stripes(&square, 7.0);
        assert!(lines.len() >= 7, "{}", lines.len());
        for [a, b] in &lines {
            for p in [a, b] {
                assert!(
                    (9.99..=50.01).contains(&p.0) && (9.99..=50.01).contains(&p.1),
                    "{p:?}"
                );
            }
        }
        // A ring segment (not convex): no stripe crosses its hole.
        let at = |r: f64, a: f64| (r * a.sin(), -r * a.cos());
        let steps = 60;
        let half = |r: f64, k: usize| at(r, std::f64::consts::PI * k as f64 / steps as f64);
        let ring: Vec<(f64, f64)> = (0..=steps)
            .map(|k| half(100.0, k))
            .chain((0..=steps).rev().map(|k| half(50.0, k)))
            .collect();
        for [a, b] in stripes(&ring, 5.0) {
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            let r = (mid.0 * mid.0 + mid.1 * mid.1).sqrt();
            assert!(r > 49.0, "{mid:?} is in the hole");
        }
    }
}
