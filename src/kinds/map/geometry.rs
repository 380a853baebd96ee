//! Plane geometry for the map, in pixels: rings clipped to the map's frame, hatching clipped
//! to a shape, and symbols pushed apart. Plain arithmetic (no trigonometry), so the same
//! input gives the same bytes on every machine.

/// A point in pixels.
pub type Pt = (f64, f64);

/// An axis-aligned rectangle: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// Whether `p` lies inside (edges included).
    pub fn holds(&self, p: Pt) -> bool {
        (self.x0..=self.x1).contains(&p.0) && (self.y0..=self.y1).contains(&p.1)
    }

    /// The box around `points`; `None` for none.
    pub fn around<'a>(points: impl IntoIterator<Item = &'a Pt>) -> Option<Rect> {
        let mut it = points.into_iter();
        let &(x, y) = it.next()?;
        let mut r = Rect {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
        };
        for &(x, y) in it {
            r = Rect {
                x0: r.x0.min(x),
                y0: r.y0.min(y),
                x1: r.x1.max(x),
                y1: r.y1.max(y),
            };
        }
        Some(r)
    }

    /// Whether the two overlap.
    pub fn meets(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }
}

/// A ring clipped to `r` (Sutherland–Hodgman): the part of its area inside, as one ring that
/// may run along the rectangle's edges; empty when nothing is inside. A ring wholly inside
/// comes back as it is.
pub fn clip_ring(ring: &[Pt], r: &Rect) -> Vec<Pt> {
    if ring.iter().all(|&p| r.holds(p)) {
        return ring.to_vec();
    }
    // Each edge of the rectangle as "inside" and "where a segment crosses it".
    type Inside = fn(Pt, &Rect) -> bool;
    type Cross = fn(Pt, Pt, &Rect) -> Pt;
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.0 >= r.x0, |a, b, r| at_x(a, b, r.x0)),
        (|p, r| p.0 <= r.x1, |a, b, r| at_x(a, b, r.x1)),
        (|p, r| p.1 >= r.y0, |a, b, r| at_y(a, b, r.y0)),
        (|p, r| p.1 <= r.y1, |a, b, r| at_y(a, b, r.y1)),
    ];
    let mut out = ring.to_vec();
    for (inside, cross) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else {
            return Vec::new();
        };
        let mut prev = last;
        for &p in &input {
            match (inside(p, r), inside(prev, r)) {
                (true, true) => out.push(p),
                (true, false) => {
                    out.push(cross(prev, p, r));
                    out.push(p);
                }
                (false, true) => out.push(cross(prev, p, r)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    if out.len() < 3 { Vec::new() } else { out }
}

/// Where segment `a`-`b` crosses the vertical line at `x`.
fn at_x(a: Pt, b: Pt, x: f64) -> Pt {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

/// Where segment `a`-`b` crosses the horizontal line at `y`.
fn at_y(a: Pt, b: Pt, y: f64) -> Pt {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

/// Hatching of the area inside `rings` (even-odd, so holes stay clear): segments of the lines
/// x + y = k·spacing·√2, which rise to the right at 45° on the page and are `spacing` apart,
/// the same lines for every shape so that neighbouring shapes' hatching lines up.
pub fn hatch(rings: &[Vec<Pt>], spacing: f64) -> Vec<Vec<Pt>> {
    let d = spacing * std::f64::consts::SQRT_2;
    if d <= 0.0 || !d.is_finite() {
        return Vec::new();
    }
    // (line k, position along it: x - y) where an edge crosses line k. An edge counts the lines
    // in [low end, high end), so a line through a vertex is crossed once, not twice.
    let mut hits: Vec<(i64, f64)> = Vec::new();
    for ring in rings {
        for (i, &p) in ring.iter().enumerate() {
            let q = ring[(i + 1) % ring.len()];
            let (cp, cq) = (p.0 + p.1, q.0 + q.1);
            if cp == cq {
                continue;
            }
            let (lo, hi) = (cp.min(cq), cp.max(cq));
            let mut k = (lo / d).ceil() as i64;
            while (k as f64) * d < hi {
                let c = k as f64 * d;
                if c >= lo {
                    let s = (c - cp) / (cq - cp);
                    let (tp, tq) = (p.0 - p.1, q.0 - q.1);
                    hits.push((k, tp + s * (tq - tp)));
                }
                k += 1;
            }
        }
    }
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out = Vec::new();
    for line in hits.chunk_by(|a, b| a.0 == b.0) {
        let c = line[0].0 as f64 * d;
        for pair in line.chunks_exact(2) {
            let point = |t: f64| ((c + t) / 2.0, (c - t) / 2.0);
            if pair[1].1 > pair[0].1 {
                out.push(vec![point(pair[0].1), point(pair[1].1)]);
            }
        }
    }
    out
}

/// The same hatching inside a circle at `c` of radius `r`.
pub fn hatch_circle(c: Pt, r: f64, spacing: f64) -> Vec<Vec<Pt>> {
    let d = spacing * std::f64::consts::SQRT_2;
    if d <= 0.0 || !d.is_finite() || r <= 0.0 {
        return Vec::new();
    }
    let centre = c.0 + c.1;
    // The lines within r of the centre: |x + y - centre| / √2 < r.
    let reach = r * std::f64::consts::SQRT_2;
    let mut out = Vec::new();
    let mut k = ((centre - reach) / d).ceil() as i64;
    while (k as f64) * d < centre + reach {
        let line = k as f64 * d;
        let h = (line - centre) / std::f64::consts::SQRT_2;
        let half = (r * r - h * h).max(0.0).sqrt();
        // The foot of the perpendicular from the centre, and the line's direction (1, -1)/√2.
        let foot = (c.0 + (line - centre) / 2.0, c.1 + (line - centre) / 2.0);
        let step = half / std::f64::consts::SQRT_2;
        if half > 0.0 {
            out.push(vec![
                (foot.0 - step, foot.1 + step),
                (foot.0 + step, foot.1 - step),
            ]);
        }
        k += 1;
    }
    out
}

/// Pushes `points` apart until no two are closer than `gap` (or after a bounded number of
/// rounds), each pair by halves along the line between them: symbols of neighbouring small
/// states (Bahrain and Qatar) side by side instead of on top of each other. Deterministic:
/// pairs in index order, coincident points split along x.
pub fn spread(points: &mut [Pt], gap: f64) {
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..points.len() {
            for j in i + 1..points.len() {
                let (a, b) = (points[i], points[j]);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let dist = (dx * dx + dy * dy).sqrt();
                if dist >= gap - 1e-9 {
                    continue;
                }
                let (ux, uy) = if dist > 1e-9 {
                    (dx / dist, dy / dist)
                } else {
                    (1.0, 0.0)
                };
                let push = (gap - dist) / 2.0 + 1e-6;
                points[i] = (a.0 - ux * push, a.1 - uy * push);
                points[j] = (b.0 + ux * push, b.1 + uy * push);
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 10.0,
        y1: 10.0,
    };

    fn area(ring: &[Pt]) -> f64 {
        let n = ring.len();
        (0..n)
            .map(|i| {
                let (p, q) = (ring[i], ring[(i + 1) % n]);
                p.0 * q.1 - q.0 * p.1
            })
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn a_ring_is_clipped_to_the_frame() {
        let inside = vec![(1.0, 1.0), (2.0, 1.0), (2.0, 2.0)];
        assert_eq!(clip_ring(&inside, &BOX), inside);
        // A 20 x 20 square over the 10 x 10 frame keeps exactly the frame's area.
        let big = vec![(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)];
        let clipped = clip_ring(&big, &BOX);
        assert!((area(&clipped) - 100.0).abs() < 1e-9, "{clipped:?}");
        assert!(clipped.iter().all(|&p| BOX.holds(p)));
        // Half in: half the area.
        let half = vec![(5.0, 2.0), (15.0, 2.0), (15.0, 4.0), (5.0, 4.0)];
        assert!((area(&clip_ring(&half, &BOX)) - 10.0).abs() < 1e-9);
        let out = vec![(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)];
        assert!(clip_ring(&out, &BOX).is_empty());
    }

    #[test]
    fn hatching_fills_the_shape_and_spares_its_holes() {
        let square = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let hole = vec![(3.0, 3.0), (3.0, 7.0), (7.0, 7.0), (7.0, 3.0)];
        let length = |lines: &[Vec<Pt>]| -> f64 {
            lines
                .iter()
                .map(|l| ((l[1].0 - l[0].0).powi(2) + (l[1].1 - l[0].1).powi(2)).sqrt())
                .sum()
        };
        // Lines `s` apart over an area A have a total length of about A / s.
        let full = hatch(std::slice::from_ref(&square), 1.0);
        assert!((length(&full) - 100.0).abs() < 3.0, "{}", length(&full));
        let holed = hatch(&[square.clone(), hole], 1.0);
        assert!((length(&holed) - 84.0).abs() < 3.0, "{}", length(&holed));
        for l in full.iter().chain(&holed) {
            // Every segment rises to the right at 45° and stays in the square.
            assert!(((l[1].0 - l[0].0) + (l[1].1 - l[0].1)).abs() < 1e-9, "{l:?}");
            let near = |v: f64| (-1e-9..=10.0 + 1e-9).contains(&v);
            assert!(l.iter().all(|&p| near(p.0) && near(p.1)), "{l:?}");
        }
        assert!(hatch(&[square], 0.0).is_empty());
    }

    #[test]
    fn hatching_a_circle_stays_inside_it() {
        let lines = hatch_circle((5.0, 5.0), 4.0, 1.0);
        // Lines 1 apart across a diameter of 8.
        assert!((7..=8).contains(&lines.len()), "{}", lines.len());
        for l in &lines {
            for p in l {
                let r = ((p.0 - 5.0).powi(2) + (p.1 - 5.0).powi(2)).sqrt();
                assert!(r <= 4.0 + 1e-9, "{p:?}");
            }
        }
    }

    #[test]
    fn symbols_are_pushed_apart() {
        let mut pts = vec![(10.0, 10.0), (11.0, 10.0), (10.0, 10.0), (50.0, 50.0)];
        spread(&mut pts, 8.0);
        for i in 0..pts.len() {
            for j in i + 1..pts.len() {
                let d = ((pts[i].0 - pts[j].0).powi(2) + (pts[i].1 - pts[j].1).powi(2)).sqrt();
                assert!(d >= 8.0 - 1e-6, "{pts:?}");
            }
        }
        assert_eq!(pts[3], (50.0, 50.0), "a symbol with room stays put");
    }
}
