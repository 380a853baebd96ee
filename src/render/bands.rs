//! Drawing a PNG in two horizontal bands at once, on two threads, with exactly the pixels of
//! drawing it whole.
//!
//! The lower band is its own pixmap (the canvas's rows from `row` on), drawn with the scene
//! moved up by `row` pixels. tiny-skia's pixels do not move with an integer shift as long as
//! the shift itself adds no rounding and no shape is cut by the band's edge differently from
//! how it is cut whole. [`split_row`] picks a row that keeps both true, from the tree, or none:
//!
//! - a shape that is not a filled axis-aligned polygon (a glyph, a pie slice, a curve, a
//!   slanted line, any stroke) must lie wholly above or below the row, with a pixel to spare
//!   for antialiasing; a filled axis-aligned polygon (a bar) may cross it with its vertical
//!   edges, since cutting it there gives the same edges;
//! - `y - row` is exact in `f32` for every `y >= row` (an integer taken from a multiple of
//!   `y`'s last place that is at least 0 and at most `y` is again such a multiple that fits),
//!   and every point of a shape drawn in the lower band, control points included, is below the
//!   row (the shapes that may cross it have only vertical edges there, whose `x` the shift
//!   leaves alone);
//! - every node has the identity transform and solid paint (no gradient, pattern, image,
//!   filter, clip or mask, whose sampling or layers would be placed relative to the band).
//!
//! The row depends only on the chart, never on the machine's number of cores, and when there is
//! no such row the chart is drawn whole on one thread, so the bytes are the same in every case
//! (tests/integration/determinism.rs; the suite's `output/` comparison).

use std::sync::{Mutex, PoisonError};

use resvg::tiny_skia::{self, PixmapMut, Transform};
use resvg::usvg::{self, Node, Paint};

/// Charts shorter than this are drawn on one thread (a thread costs ~50 us to start).
const MIN_HEIGHT: u32 = 256;

/// Draws `tree` at `scale` on the white `w` x `h` canvas `bytes`, in two bands on two threads
/// where [`split_row`] finds a row, else whole. The helper thread draws the lower band.
pub fn draw(tree: &usvg::Tree, scale: f32, bytes: &mut [u8], (w, h): (u32, u32)) -> Option<()> {
    let Some(row) = split_row(tree, scale, h) else {
        resvg::render(
            tree,
            Transform::from_scale(scale, scale),
            &mut PixmapMut::from_bytes(bytes, w, h)?,
        );
        return Some(());
    };
    let (top, bottom) = bytes.split_at_mut(row as usize * w as usize * 4);
    let mut top = PixmapMut::from_bytes(top, w, row)?;
    // Behind a lock only so that this thread can draw it if no helper thread can be started.
    let bottom = Mutex::new(PixmapMut::from_bytes(bottom, w, h - row)?);
    let lower = Transform::from_scale(scale, scale).post_translate(0.0, -(row as f32));
    let draw_lower = || {
        let mut band = bottom.lock().unwrap_or_else(PoisonError::into_inner);
        resvg::render(tree, lower, &mut band);
    };
    std::thread::scope(|s| {
        let helper = std::thread::Builder::new()
            .name("band".into())
            .spawn_scoped(s, draw_lower);
        resvg::render(tree, Transform::from_scale(scale, scale), &mut top);
        match helper {
            Ok(handle) => handle.join().ok(),
            Err(_) => {
                draw_lower();
                Some(())
            }
        }
    })
}

/// The row to split the `h`-pixel-high canvas at, or `None` (see the module's documentation for
/// the conditions): of the rows allowed, the one that best halves the estimated work, if each
/// band gets at least a tenth of it.
pub fn split_row(tree: &usvg::Tree, scale: f32, h: u32) -> Option<u32> {
    if h < MIN_HEIGHT {
        return None;
    }
    let mut rows = Rows {
        blocked: vec![false; h as usize + 1],
        work: vec![0.0; h as usize],
        scale,
    };
    rows.scan(tree.root())?;
    let total: f64 = rows.work.iter().sum();
    let mut above = 0.0;
    let mut best: Option<(f64, u32)> = None;
    for r in 1..h {
        above += rows.work[r as usize - 1];
        let off = (2.0 * above - total).abs();
        if !rows.blocked[r as usize] && best.is_none_or(|(b, _)| off < b) {
            best = Some((off, r));
        }
    }
    // A band with less than a tenth of the work is not worth a thread.
    best.filter(|(off, _)| *off <= 0.8 * total).map(|(_, r)| r)
}

/// Per pixel row of the canvas: whether the boundary above it may be the split, and an estimate
/// of the drawing work in it.
struct Rows {
    blocked: Vec<bool>,
    work: Vec<f64>,
    scale: f32,
}

/// Estimated work of drawing a path, in arbitrary units, in each pixel row it covers: per edge
/// (tiny-skia's antialiasing walks the edges on four sub-rows a row; curves count as the
/// several lines it cuts them into) and per pixel of its width (blitting). Fitted to the
/// instruction counts of the two bands of the agri chart (BENCHMARKS.md).
const PER_EDGE_ROW: f64 = 40.0;
const PER_PIXEL: f64 = 2.0;

impl Rows {
    /// Marks the rows `group`'s shapes forbid and adds their work; `None` if something in it
    /// rules out any split.
    fn scan(&mut self, group: &usvg::Group) -> Option<()> {
        if !group.transform().is_identity() || group.should_isolate() {
            return None;
        }
        for node in group.children() {
            match node {
                Node::Group(g) => self.scan(g)?,
                Node::Text(t) => self.scan(t.flattened())?,
                Node::Image(_) => return None,
                Node::Path(p) => self.path(p)?,
            }
        }
        Some(())
    }

    /// Marks the rows a path forbids: for an axis-aligned polygon filled with flat colour and
    /// not stroked, those around its horizontal edges (a vertical edge may cross the split); for
    /// any other shape, all those it or its control points cover. Either with a pixel to spare
    /// on each side.
    fn path(&mut self, p: &usvg::Path) -> Option<()> {
        if !p.abs_transform().is_identity() {
            return None;
        }
        let solid = |paint: &Paint| matches!(paint, Paint::Color(_));
        if p.fill().is_some_and(|f| !solid(f.paint()))
            || p.stroke().is_some_and(|s| !solid(s.paint()))
        {
            return None;
        }
        let data = p.data();
        let half = p.stroke().map_or(0.0, |s| s.width().get() / 2.0);
        let (left, right) = (data.bounds().left() - half, data.bounds().right() + half);
        let (top, bottom) = (
            (data.bounds().top() - half).min(p.abs_stroke_bounding_box().top()),
            (data.bounds().bottom() + half).max(p.abs_stroke_bounding_box().bottom()),
        );
        let edges: usize = data
            .segments()
            .map(|s| match s {
                tiny_skia::PathSegment::QuadTo(..) | tiny_skia::PathSegment::CubicTo(..) => 4,
                _ => 1,
            })
            .sum();
        self.add_work(top, bottom, right - left, edges);
        // Only fills: a stroke cut by the band's edge is not drawn as when whole (a
        // hairline's end gets its own antialiasing; measured).
        if p.stroke().is_none()
            && let Some(ys) = horizontal_edges(data)
        {
            for y in ys {
                self.block(y, y)?;
            }
            return Some(());
        }
        self.block(top, bottom)
    }

    /// Spreads a path's estimated work over the rows from `top` to `bottom` (user units).
    fn add_work(&mut self, top: f32, bottom: f32, width: f32, edges: usize) {
        let s = self.scale;
        let last = self.work.len() as f32;
        let (from, to) = (
            (top * s).floor().clamp(0.0, last) as usize,
            (bottom * s).ceil().clamp(0.0, last) as usize,
        );
        if from >= to || !width.is_finite() {
            return;
        }
        let per_row = PER_EDGE_ROW * edges as f64 + PER_PIXEL * f64::from((width * s).max(1.0));
        for w in &mut self.work[from..to] {
            *w += per_row;
        }
    }

    /// Marks the boundaries strictly inside `[floor(top) - 1, ceil(bottom) + 1]`, from user
    /// units to pixels.
    fn block(&mut self, top: f32, bottom: f32) -> Option<()> {
        let (top, bottom) = (top * self.scale, bottom * self.scale);
        if !(top.is_finite() && bottom.is_finite()) {
            return None;
        }
        let last = self.blocked.len() as f32 - 1.0;
        let from = (top.floor() - 1.0).clamp(-1.0, last) as i64 + 1;
        let to = (bottom.ceil() + 1.0).clamp(0.0, last + 1.0) as i64;
        for r in from.max(0)..to {
            self.blocked[r as usize] = true;
        }
        Some(())
    }
}

/// The `y` of every horizontal edge of `path` if all its segments are horizontal or vertical
/// lines, else `None`.
fn horizontal_edges(path: &tiny_skia::Path) -> Option<Vec<f32>> {
    use tiny_skia::PathSegment;
    let (mut start, mut at) = (None, None);
    let mut ys = Vec::new();
    let mut line = |a: Option<tiny_skia::Point>, b: tiny_skia::Point| {
        let a = a?;
        if a.y == b.y {
            ys.push(a.y);
            Some(())
        } else {
            (a.x == b.x).then_some(())
        }
    };
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                start = Some(p);
                at = Some(p);
            }
            PathSegment::LineTo(p) => {
                line(at, p)?;
                at = Some(p);
            }
            PathSegment::Close => {
                if let Some(s) = start {
                    line(at, s)?;
                }
                at = start;
            }
            PathSegment::QuadTo(..) | PathSegment::CubicTo(..) => return None,
        }
    }
    Some(ys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(svg: &str) -> usvg::Tree {
        let options = usvg::Options {
            fontdb: crate::fonts::Fonts::default()
                .set(&[])
                .expect("embedded fonts")
                .database(),
            font_family: crate::fonts::FAMILY.to_string(),
            ..usvg::Options::default()
        };
        usvg::Tree::from_str(svg, &options).expect("svg")
    }

    fn whole(tree: &usvg::Tree, scale: f32, (w, h): (u32, u32)) -> Vec<u8> {
        let mut pm = tiny_skia::Pixmap::new(w, h).expect("pixmap");
        pm.fill(tiny_skia::Color::WHITE);
        resvg::render(tree, Transform::from_scale(scale, scale), &mut pm.as_mut());
        pm.take()
    }

    fn banded(tree: &usvg::Tree, scale: f32, (w, h): (u32, u32)) -> Vec<u8> {
        let mut bytes = vec![255; w as usize * h as usize * 4];
        draw(tree, scale, &mut bytes, (w, h)).expect("draw");
        bytes
    }

    /// Bars crossing the middle, text above and below it, a slanted line low down.
    const CHART: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400"><rect x="20.3" y="60.7" width="50.2" height="300.1" fill="#0072B2"/><rect x="90" y="150" width="50" height="210" fill="#E69F00" fill-opacity="0.8"/><text x="20" y="40" font-size="17">Dates 76% عربي</text><text x="20" y="385" font-size="13">Rubber, cotton</text><path d="M 150 330 L 290 370" stroke="#333" stroke-width="1.5"/><circle cx="230" cy="100" r="40" fill="#009E73"/></svg>"##;

    #[test]
    fn bands_give_the_pixels_of_the_whole() {
        let t = tree(CHART);
        for scale in [1.0, 1.5, 2.0, 0.75] {
            let size = (
                (300.0 * scale as f64).round() as u32,
                (400.0 * scale as f64).round() as u32,
            );
            let row = split_row(&t, scale, size.1);
            assert_eq!(row.is_some(), size.1 >= MIN_HEIGHT, "scale {scale}");
            assert!(
                banded(&t, scale, size) == whole(&t, scale, size),
                "scale {scale}"
            );
        }
    }

    #[test]
    fn the_split_avoids_shapes_that_are_not_filled_rectangles() {
        let t = tree(CHART);
        let row = split_row(&t, 1.0, 400).expect("a row");
        // Clear of the texts (baselines 40 and 385), the circle (60-140) and the line
        // (330-370), with a pixel to spare; the bars may cross it.
        let clear = row > 45 && row < 372;
        assert!(
            clear && !(59..=141).contains(&row) && !(329..=371).contains(&row),
            "{row}"
        );
        // A stroke through every row, or with only a sliver above it, rules a split out; a
        // small chart is not split.
        let stroked = CHART.replace(
            "</svg>",
            r##"<path d="M 10 5 V 395" stroke="#000"/></svg>"##,
        );
        assert_eq!(split_row(&tree(&stroked), 1.0, 400), None);
        let stroked = CHART.replace(
            "</svg>",
            r##"<path d="M 10 0 V 400" stroke="#000"/></svg>"##,
        );
        assert_eq!(split_row(&tree(&stroked), 1.0, 400), None);
        assert_eq!(split_row(&t, 0.5, 200), None);
    }
}
