//! The Equal Earth projection and fitting a map's view box.
//!
//! Equal Earth (Šavrič, Patterson and Jenny, 2018) keeps areas true, which a map of "a quarter
//! of the world's land" needs, and looks like the Robinson maps readers know. Coordinates here
//! are on the unit sphere, x east and y **north** (the SVG's y runs down: [`View::apply`] flips
//! it). The boundaries in `data/shapes.bin` are already projected, so drawing a map takes only
//! a scale and a shift, exact in floating point, and the same bytes on every machine; this
//! module's [`equal_earth`] is for anything else (a graticule, a point given in degrees).

/// Half the width of the Equal Earth map of the unit sphere: x at 180° on the equator.
pub const HALF_WIDTH: f64 = 2.706_629_983_696_075;

/// The narrowest extent [`fit`] zooms to, in projected units (about 7° of longitude at the
/// equator): a map fitted to Bahrain alone would otherwise zoom without end.
pub const MIN_SPAN: f64 = 0.12;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Equal Earth of a point in degrees (longitude -180..180, latitude -90..90) on the unit
/// sphere, centred on Greenwich, north up: the paper's equations 1-3.
pub fn equal_earth(lon: f64, lat: f64) -> [f64; 2] {
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * theta.cos()
        / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    [x, y]
}

/// An axis-aligned box in projected coordinates (x east, y north).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// West and south edges.
    pub min: [f64; 2],
    /// East and north edges.
    pub max: [f64; 2],
}

impl Bounds {
    /// The box that holds nothing yet: adding a point makes it that point.
    pub const EMPTY: Bounds = Bounds {
        min: [f64::INFINITY; 2],
        max: [f64::NEG_INFINITY; 2],
    };

    /// Whether no point was added.
    pub fn is_empty(&self) -> bool {
        self.min[0] > self.max[0] || self.min[1] > self.max[1]
    }

    /// Grows the box to hold `p`.
    pub fn add(&mut self, [x, y]: [f64; 2]) {
        self.min = [self.min[0].min(x), self.min[1].min(y)];
        self.max = [self.max[0].max(x), self.max[1].max(y)];
    }

    /// The box holding both.
    pub fn union(self, other: Bounds) -> Bounds {
        let mut b = self;
        if !other.is_empty() {
            b.add(other.min);
            b.add(other.max);
        }
        b
    }

    /// Whether the two boxes overlap (a country to leave out of a zoomed map when not).
    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }

    /// Width over height (for a map's natural height at a given width); 1 for an empty box.
    pub fn aspect(&self) -> f64 {
        let (w, h) = (self.max[0] - self.min[0], self.max[1] - self.min[1]);
        if self.is_empty() || h <= 0.0 || w <= 0.0 {
            1.0
        } else {
            w / h
        }
    }
}

/// Where projected coordinates land on the page: pixel = shift + scale x projected, with y
/// flipped (north up on a page whose y runs down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Pixels per projected unit.
    pub scale: f64,
    /// The pixel position of the projection's origin (0° E, 0° N).
    pub origin: [f64; 2],
}

impl View {
    /// A projected point in pixels.
    pub fn apply(&self, p: [f64; 2]) -> [f64; 2] {
        [
            self.origin[0] + self.scale * p[0],
            self.origin[1] - self.scale * p[1],
        ]
    }
}

/// The view that fits `bounds` into a `width` x `height` pixel box less `margin` on every
/// side, keeping the projection's aspect (one scale for x and y) and centring what is left
/// over. Boxes narrower than [`MIN_SPAN`] are widened around their centre first; an empty box
/// fits the whole world.
pub fn fit(bounds: Bounds, width: f64, height: f64, margin: f64) -> View {
    let b = if bounds.is_empty() {
        Bounds {
            min: [-HALF_WIDTH, -HALF_WIDTH / 2.0],
            max: [HALF_WIDTH, HALF_WIDTH / 2.0],
        }
    } else {
        bounds
    };
    let centre = [(b.min[0] + b.max[0]) / 2.0, (b.min[1] + b.max[1]) / 2.0];
    let span = |i: usize| (b.max[i] - b.min[i]).max(MIN_SPAN);
    let inner = |size: f64| (size - 2.0 * margin).max(1.0);
    let scale = (inner(width) / span(0)).min(inner(height) / span(1));
    View {
        scale,
        origin: [
            width / 2.0 - scale * centre[0],
            height / 2.0 + scale * centre[1],
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spherical Equal Earth (R = 1) from PROJ 9.5.1, an implementation independent of this
    /// one: `echo LON LAT | proj +proj=eqearth +R=1 -f %.15f` (through pyproj). The first row
    /// is the example printed in PROJ's documentation of eqearth ("122 47 -> 1.55 0.89").
    const PROJ: [(f64, f64, f64, f64); 8] = [
        (122.0, 47.0, 1.549254331329069, 0.893308324948093),
        (180.0, 0.0, 2.706629983696075, 0.0),
        (0.0, 90.0, 0.0, 1.317362759157413),
        (-52.0, -12.0, -0.773739857132647, -0.242165741207224),
        (120.0, 60.0, 1.359373391714373, 1.08830083550532),
        (46.7, 24.7, 0.671322498462613, 0.492166565047692),
        (-17.5, 14.7, -0.259020045085194, 0.296079150427803),
        (-180.0, -90.0, -1.603588648284052, -1.317362759157413),
    ];

    #[test]
    fn equal_earth_matches_proj() {
        for (lon, lat, x, y) in PROJ {
            let [px, py] = equal_earth(lon, lat);
            assert!(
                (px - x).abs() < 1e-12 && (py - y).abs() < 1e-12,
                "{lon} {lat}: {px} {py}"
            );
        }
        assert!((equal_earth(180.0, 0.0)[0] - HALF_WIDTH).abs() < 1e-15);
    }

    #[test]
    fn fit_keeps_the_aspect_and_centres() {
        let b = Bounds {
            min: [-1.0, -0.5],
            max: [1.0, 0.5],
        };
        // 2 x 1 units into 1000 x 1000 px, 10 px margin: the width decides.
        let v = fit(b, 1000.0, 1000.0, 10.0);
        assert_eq!(v.scale, 490.0);
        assert_eq!(v.apply([-1.0, 0.5]), [10.0, 255.0]);
        assert_eq!(v.apply([1.0, -0.5]), [990.0, 745.0]);
        // Into 1000 x 200 px the height decides, and x is centred.
        let v = fit(b, 1000.0, 200.0, 0.0);
        assert_eq!(v.scale, 200.0);
        assert_eq!(v.apply([-1.0, 0.5]), [300.0, 0.0]);
    }

    #[test]
    fn fit_widens_a_point_and_fills_an_empty_box() {
        let mut b = Bounds::EMPTY;
        b.add([0.5, 0.3]);
        let v = fit(b, 600.0, 600.0, 0.0);
        assert!(v.scale.is_finite() && (v.scale - 600.0 / MIN_SPAN).abs() < 1e-9);
        assert_eq!(v.apply([0.5, 0.3]), [300.0, 300.0]);
        let v = fit(Bounds::EMPTY, 1200.0, 600.0, 0.0);
        assert!((v.scale - 600.0 / HALF_WIDTH).abs() < 1e-9);
    }

    #[test]
    fn bounds_union_intersects_aspect() {
        let mut a = Bounds::EMPTY;
        assert!(a.is_empty() && a.aspect() == 1.0);
        a.add([0.0, 0.0]);
        a.add([2.0, 1.0]);
        let mut c = Bounds::EMPTY;
        c.add([3.0, 3.0]);
        assert!(!a.intersects(&c));
        let u = a.union(c).union(Bounds::EMPTY);
        assert_eq!((u.min, u.max), ([0.0, 0.0], [3.0, 3.0]));
        assert!(u.intersects(&c));
        assert_eq!(a.aspect(), 2.0);
    }
}
