//! Choropleth classes: the breaks between them and their colours.
//!
//! A map of a share per country reads best in a few classes of one sequential colour, light
//! for low values and dark for high ones. [`Breaks`] holds the breaks, from the user's
//! thresholds (`--bins 10,20,50`) or from quantiles of the values; [`palette`] gives the
//! colours. The class labels ("10–20%", "under 10%") are the map kind's: it knows the
//! language, the digits and the unit.

/// The most classes a map may have: beyond seven, neighbouring shades of one hue cannot be
/// told apart, least of all in greyscale.
pub const MAX_CLASSES: usize = 7;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The breaks between classes: `n` breaks make `n + 1` classes. A value equal to a break
/// belongs to the class above it: with breaks 10, 20, 50 the classes are under 10, 10–20,
/// 20–50, and 50 and over.
#[derive(Clone, Debug, PartialEq)]
pub struct Breaks(Vec<f64>);

/// Why breaks could not be made.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ClassError {
    /// No thresholds were given.
    #[error("no thresholds given")]
    Empty,
    /// A threshold is NaN or infinite.
    #[error("threshold {0} is not a finite number")]
    NotFinite(f64),
    /// A threshold is not larger than the one before it.
    #[error("thresholds must increase: {after} comes after {before}")]
    NotIncreasing {
        /// The earlier threshold.
        before: f64,
        /// The one that is not larger.
        after: f64,
    },
    /// More classes than [`MAX_CLASSES`] were asked for.
    #[error("{0} classes are too many to tell apart; at most {MAX_CLASSES}")]
    TooMany(usize),
    /// Zero classes were asked for.
    #[error("at least one class is needed")]
    Zero,
}

impl Breaks {
    /// The user's thresholds: finite, strictly increasing, at most `MAX_CLASSES - 1` of them.
    pub fn thresholds(t: &[f64]) -> Result<Breaks, ClassError> {
        if t.is_empty() {
            return Err(ClassError::Empty);
        }
        if let Some(&bad) = t.iter().find(|v| !v.is_finite()) {
            return Err(ClassError::NotFinite(bad));
        }
        if let Some(w) = t.windows(2).find(|w| w[1] <= w[0]) {
            return Err(ClassError::NotIncreasing {
                before: w[0],
                after: w[1],
            });
        }
        if t.len() + 1 > MAX_CLASSES {
            return Err(ClassError::TooMany(t.len() + 1));
        }
        Ok(Breaks(t.to_vec()))
    }

    /// Up to `n` classes holding about equally many of the finite `values` (the rest are no
    /// data). The break below class k is the value at rank ⌊k·len/n⌋ of the sorted values,
    /// or, when that value is already in a class below (a tie), the next larger value; so
    /// every class starts at a value that occurs, equal values never straddle a break, and
    /// ties, or fewer distinct values than classes, give fewer classes, none empty. The same
    /// values give the same breaks in any order.
    pub fn quantiles(values: &[f64], n: usize) -> Result<Breaks, ClassError> {
        if n == 0 {
            return Err(ClassError::Zero);
        }
        if n > MAX_CLASSES {
            return Err(ClassError::TooMany(n));
        }
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        let mut breaks: Vec<f64> = Vec::new();
        let Some(&min) = v.first() else {
            return Ok(Breaks(breaks));
        };
        let mut last = min;
        for k in 1..n {
            let above = v.partition_point(|&x| x <= last);
            let Some(&b) = v.get((k * v.len() / n).max(above)) else {
                break;
            };
            breaks.push(b);
            last = b;
        }
        Ok(Breaks(round(&v, breaks)))
    }

    /// The breaks, increasing.
    pub fn breaks(&self) -> &[f64] {
        &self.0
    }

    /// How many classes there are: one more than breaks.
    pub fn classes(&self) -> usize {
        self.0.len() + 1
    }

    /// The class of `value`, 0 for the lowest; NaN is the caller's "no data" and lands in
    /// class 0 here (check before).
    pub fn class_of(&self, value: f64) -> usize {
        self.0.partition_point(|&b| b <= value)
    }
}

/// Quantile breaks made round: each break (a value of `sorted`) becomes the roundest number
/// above the value before it and not above itself, so that a reader takes in "54-69.8" where
/// the data gave 54.110-69.819 and every value stays in its class (no value lies between).
fn round(sorted: &[f64], breaks: Vec<f64>) -> Vec<f64> {
    breaks
        .into_iter()
        .map(|b| {
            let below = sorted.partition_point(|&x| x < b);
            match below.checked_sub(1).map(|i| sorted[i]) {
                Some(p) => roundest(p, b),
                None => b,
            }
        })
        .collect()
}

/// The number in (`low`, `high`] with the fewest significant digits: the largest multiple
/// not above `high` of the largest power of ten that has one there (as near the break as
/// that roundness allows).
fn roundest(low: f64, high: f64) -> f64 {
    let mut exp = low.abs().max(high.abs()).log10().floor() as i32;
    for _ in 0..16 {
        let step = 10f64.powi(exp);
        let c = (high / step).floor() * step;
        // Written with the step's decimals, not 54.100000000000001.
        let c = if exp < 0 {
            let f = 10f64.powi(-exp);
            (c * f).round() / f
        } else {
            c
        };
        if c > low && c <= high {
            return c;
        }
        exp -= 1;
    }
    high
}

/// Lightness-stepped blues, light to dark, for 1 to 7 classes. Made in CIE LCh(ab) with the
/// hue turning from 235° to 268° (the dark end is the bar charts' Okabe-Ito blue #0072B2's
/// hue) and L* evenly spaced from 83 to 24, so each class is at least 9 L* from its
/// neighbours in greyscale and for protanopia and deuteranopia, and 8.5 ΔE*ab for
/// tritanopia (Machado et al. 2009 simulations, in the tests). The lightest
/// class stays at least 8 L* below [`LAND`] (10 in normal vision) and 17 below the white
/// page, for every vision.
const PALETTES: [&[u32]; MAX_CLASSES] = [
    &[0x0589bd],
    &[0xa8d6ea, 0x013c62],
    &[0xa8d6ea, 0x0589bd, 0x013c62],
    &[0xa8d6ea, 0x50a2cc, 0x036e9e, 0x013c62],
    &[0xa8d6ea, 0x68afd3, 0x0589bd, 0x006190, 0x013c62],
    &[0xa8d6ea, 0x75b7d7, 0x3a98c6, 0x0278ab, 0x005987, 0x013c62],
    &[
        0xa8d6ea, 0x7ebcda, 0x50a2cc, 0x0589bd, 0x036e9e, 0x015480, 0x013c62,
    ],
];

/// The colours of `n` classes, lightest first; `None` for 0 or more than [`MAX_CLASSES`].
pub fn palette(n: usize) -> Option<Vec<Rgb>> {
    let table = PALETTES.get(n.checked_sub(1)?)?;
    Some(table.iter().map(|&c| rgb(c)).collect())
}

const fn rgb(c: u32) -> Rgb {
    Rgb((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

/// Countries that are not in the data (not members, say): a light neutral grey, L* 93.
pub const LAND: Rgb = rgb(0xebebeb);

/// How a listed country without a value is drawn: distinct from zero (the lightest class)
/// and from [`LAND`] by its hatching, which greyscale and every colour-vision deficiency keep.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NoData {
    /// The ground under the hatching, L* 95.
    pub fill: Rgb,
    /// The hatch lines, L* 68.
    pub hatch: Rgb,
    /// Distance between hatch lines, in pixels, at 45°.
    pub spacing: f64,
    /// Width of the hatch lines, in pixels.
    pub width: f64,
}

/// The "no data" style.
pub const NO_DATA: NoData = NoData {
    fill: rgb(0xf2f2f2),
    hatch: rgb(0xa6a6a6),
    spacing: 4.0,
    width: 1.0,
};

#[cfg(test)]
#[path = "classes_tests.rs"]
mod tests;
