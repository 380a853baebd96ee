//! Colours and type sizes. One place decides how every chart looks.

use crate::scene::Color;

use super::color::{self, MIN_CONTRAST};

/// How many series colours a theme has.
pub const COLORS: usize = 8;

/// Okabe-Ito's colours, each darkened where it fell short of 3:1 against white (its orange
/// #E69F00 is 2.25:1, its sky blue 2.3:1 and its yellow 1.3:1): blue, orange (#C27C00),
/// green, vermilion (#B34700), reddish purple (#B15E92), and for the sky blue and yellow,
/// which darkened into the blue and the orange, a violet and a wine. In a fixed order, so the
/// same series keeps the same colour across charts; blue first, as it reads well next to
/// grey. Every pair stays 13 ΔE apart or more for normal vision and each simulated
/// deficiency (Okabe-Ito itself: 16); see the tests.
const LIGHT_PALETTE: [Color; COLORS] = [
    Color::hex(0x0072B2),
    Color::hex(0xC27C00),
    Color::hex(0x009E73),
    Color::hex(0xB34700),
    Color::hex(0xB15E92),
    Color::hex(0x7B3FD1),
    Color::hex(0x882255),
    Color::hex(0x000000),
];

/// Okabe-Ito, lighter colours first, for a dark background (a light grey for its black):
/// every one of them stands off the dark page by 3:1 as it is.
const OKABE_ITO_DARK: [Color; COLORS] = [
    Color::hex(0x56B4E9),
    Color::hex(0xE69F00),
    Color::hex(0x009E73),
    Color::hex(0xF0E442),
    Color::hex(0xCC79A7),
    Color::hex(0xD55E00),
    Color::hex(0x0072B2),
    Color::hex(0xBBBBBB),
];

/// The light palette ordered so that neighbours differ in lightness: series stay apart when
/// the page is printed in greyscale (black, blue, orange, wine, ...).
const PRINT: [Color; COLORS] = [
    Color::hex(0x000000),
    Color::hex(0x0072B2),
    Color::hex(0xC27C00),
    Color::hex(0x882255),
    Color::hex(0x009E73),
    Color::hex(0xB15E92),
    Color::hex(0x7B3FD1),
    Color::hex(0xB34700),
];

/// Colours of one chart.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Page background.
    pub background: Color,
    /// Title and labels.
    pub text: Color,
    /// Subtitle, source and tick labels (still above 4.5:1 contrast).
    pub muted: Color,
    /// Gridlines.
    pub grid: Color,
    /// The zero line.
    pub axis: Color,
    /// The "rest of the world" part of a share: the quietest mark, at 3:1 against the page.
    pub rest: Color,
    /// The marks that are not highlighted (`highlight`): a neutral apart from the rest's.
    pub dimmed: Color,
    /// Series colours (a highlighted category of a chart of one series keeps the first).
    pub palette: [Color; COLORS],
}

impl Theme {
    /// The colour of series `i`.
    pub fn color(&self, i: usize) -> Color {
        self.palette[i % self.palette.len()]
    }

    /// Colour `i` of `n` in order (years, dates): one hue, from pale to deep, so that the
    /// order reads from the colours. Every colour differs from its neighbours, and the palest
    /// still stands off the background by 3:1.
    pub fn ramp(&self, i: usize, n: usize) -> Color {
        // The first colour of the palette that has a hue (the print palette starts with black).
        let base = self
            .palette
            .iter()
            .copied()
            .find(|c| c.0 != c.1 || c.1 != c.2)
            .unwrap_or(self.palette[0]);
        // As pale as 3:1 allows, up to 72% of the way to the background (contrast falls as
        // the mix nears the background: halve the interval a dozen times).
        let enough = |t: f64| {
            color::contrast(color::mix(base, self.background, t), self.background)
                >= MIN_CONTRAST + 0.05
        };
        let (mut lo, mut hi) = (0.0, 0.72);
        if enough(hi) {
            lo = hi;
        }
        for _ in 0..12 {
            let mid = (lo + hi) / 2.0;
            if enough(mid) { lo = mid } else { hi = mid }
        }
        let pale = color::mix(base, self.background, lo);
        let deep = color::mix(base, self.text, 0.55);
        let t = if n > 1 {
            i as f64 / (n - 1) as f64
        } else {
            1.0
        };
        // Pale to the base over the first half, the base to deep over the second.
        if t <= 0.5 {
            color::mix(pale, base, t * 2.0)
        } else {
            color::mix(base, deep, (t - 0.5) * 2.0)
        }
    }

    /// Near-black or white, whichever contrasts more with `fill` (labels inside bars).
    pub fn on(&self, fill: Color) -> Color {
        let l = color::luminance(fill);
        // Contrast with white is 1.05 / (l + 0.05); with black (l + 0.05) / 0.05.
        if 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 {
            Color::hex(0xFFFFFF)
        } else {
            Color::hex(0x1A1A1A)
        }
    }
}

/// The default light theme.
pub const LIGHT: Theme = Theme {
    background: Color::hex(0xFFFFFF),
    text: Color::hex(0x1A1A1A),
    muted: Color::hex(0x595959),
    grid: Color::hex(0xE3E3E3),
    axis: Color::hex(0x333333),
    rest: Color::hex(0x919191),
    dimmed: Color::hex(0x6B6B6B),
    palette: LIGHT_PALETTE,
};

/// The dark theme.
pub const DARK: Theme = Theme {
    background: Color::hex(0x1B1B1D),
    text: Color::hex(0xEDEDED),
    muted: Color::hex(0xB3B3B3),
    grid: Color::hex(0x3A3A3D),
    axis: Color::hex(0xCCCCCC),
    rest: Color::hex(0x696964),
    dimmed: Color::hex(0x556E7D),
    palette: OKABE_ITO_DARK,
};

/// The print theme: black text, a greyscale-safe series order, the light theme's greys.
pub const PRINT_THEME: Theme = Theme {
    background: Color::hex(0xFFFFFF),
    text: Color::hex(0x000000),
    muted: Color::hex(0x404040),
    grid: Color::hex(0xD0D0D0),
    axis: Color::hex(0x000000),
    rest: Color::hex(0x919191),
    dimmed: Color::hex(0x6B6B6B),
    palette: PRINT,
};

/// The theme of a name.
pub fn theme(name: crate::options::ThemeName) -> Theme {
    match name {
        crate::options::ThemeName::Light => LIGHT,
        crate::options::ThemeName::Dark => DARK,
        crate::options::ThemeName::Print => PRINT_THEME,
    }
}

/// Type sizes in pixels, from a base type size in points, whatever the size of the canvas: type
/// is read on the page, so a narrower chart keeps its type and changes its layout instead. At
/// the default 8.5 pt: ticks, labels and values 8.5 pt, the title 12.3 pt, the subtitle 9.5 pt,
/// the source and note 7.7 pt. Right-to-left (Arabic-script) charts get type 10% larger and
/// lines 20% taller: Arabic reads smaller at the same size, and its marks reach further above
/// and below the line (the hamza under إ, the dots of ي).
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Title.
    pub title: f64,
    /// Subtitle.
    pub subtitle: f64,
    /// Category and legend labels.
    pub label: f64,
    /// Value labels.
    pub value: f64,
    /// Tick labels.
    pub tick: f64,
    /// Source line.
    pub source: f64,
    /// Outer margin.
    pub margin: f64,
    /// Line height as a multiple of the type size, for text of more than one line.
    pub leading: f64,
}

impl Sizes {
    /// Sizes for base type `pt` points; `rtl` for a right-to-left chart.
    pub fn for_type(pt: f64, rtl: bool) -> Sizes {
        let k = if rtl { 1.1 } else { 1.0 };
        let base = pt * crate::options::PX_PER_PT * k;
        Sizes {
            title: base * 1.45,
            subtitle: base * 1.12,
            label: base,
            value: base,
            tick: base,
            source: base * 0.9,
            margin: (base * 1.1).round(),
            leading: if rtl { 1.3 * 1.2 } else { 1.3 },
        }
    }

    /// Line height for a font size (one line of Latin text).
    pub fn line(size: f64) -> f64 {
        size * 1.3
    }

    /// Line height of the chart's text at `size`, where lines follow each other.
    pub fn lead(&self, size: f64) -> f64 {
        size * self.leading
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::color::{DISTINCT, contrast, distance};

    const THEMES: [(&str, Theme); 3] = [("light", LIGHT), ("dark", DARK), ("print", PRINT_THEME)];

    #[test]
    fn label_colour_on_fills() {
        assert_eq!(LIGHT.on(Color::hex(0x0072B2)), Color::hex(0xFFFFFF));
        assert_eq!(LIGHT.on(Color::hex(0xF0E442)), Color::hex(0x1A1A1A));
        assert_eq!(LIGHT.on(Color::hex(0xE69F00)), Color::hex(0x1A1A1A));
    }

    #[test]
    fn every_mark_colour_stands_off_its_background_by_three_to_one() {
        for (name, t) in THEMES {
            let marks = t.palette.iter().chain([&t.rest, &t.dimmed]);
            for &c in marks {
                let r = contrast(c, t.background);
                assert!(r >= MIN_CONTRAST, "{name}: {c:?} is {r:.2}:1");
            }
            for n in [2, 5, 40] {
                for i in 0..n {
                    let c = t.ramp(i, n);
                    let r = contrast(c, t.background);
                    assert!(r >= MIN_CONTRAST, "{name}: ramp {i}/{n} {c:?} is {r:.2}:1");
                }
            }
        }
    }

    #[test]
    fn marks_stay_apart_for_every_colour_vision() {
        // Simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009) and normal
        // vision: every pair of series colours, and the rest and the dimmed grey against each
        // of them and each other, since a pie or a highlight puts them side by side.
        for (name, t) in THEMES {
            let marks: Vec<Color> = t
                .palette
                .iter()
                .copied()
                .chain([t.rest, t.dimmed])
                .collect();
            for (i, &a) in marks.iter().enumerate() {
                for &b in &marks[i + 1..] {
                    let (d, v) = distance(a, b);
                    assert!(
                        d >= DISTINCT,
                        "{name}: {a:?} and {b:?} are {d:.1} apart for {v:?}"
                    );
                }
            }
            for (i, &a) in t.palette.iter().enumerate() {
                for &b in &t.palette[i + 1..] {
                    let (d, v) = distance(a, b);
                    assert!(
                        d >= 13.0,
                        "{name}: series {a:?} and {b:?} are {d:.1} apart for {v:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_two_series_share_a_colour() {
        for (_, t) in THEMES {
            for (i, a) in t.palette.iter().enumerate() {
                assert!(!t.palette[i + 1..].contains(a), "{a:?}");
                assert_ne!(*a, t.background);
            }
            for n in 2..=40 {
                let ramp: Vec<Color> = (0..n).map(|i| t.ramp(i, n)).collect();
                for w in ramp.windows(2) {
                    assert_ne!(w[0], w[1], "{n}");
                }
            }
        }
    }

    #[test]
    fn print_palette_neighbours_differ_in_lightness() {
        let grey =
            |c: Color| 0.299 * f64::from(c.0) + 0.587 * f64::from(c.1) + 0.114 * f64::from(c.2);
        for w in PRINT[..4].windows(2) {
            assert!((grey(w[0]) - grey(w[1])).abs() > 40.0, "{w:?}");
        }
    }
}
