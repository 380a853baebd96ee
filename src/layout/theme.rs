//! Colours and type sizes. One place decides how every chart looks.

use crate::scene::Color;

/// How many series colours a theme has.
pub const COLORS: usize = 8;

/// Okabe-Ito, a palette that colour-blind readers can tell apart, in a fixed order so the same
/// series keeps the same colour across charts. Blue first: it reads well next to grey.
const OKABE_ITO: [Color; COLORS] = [
    Color::hex(0x0072B2),
    Color::hex(0xE69F00),
    Color::hex(0x009E73),
    Color::hex(0xD55E00),
    Color::hex(0x56B4E9),
    Color::hex(0xCC79A7),
    Color::hex(0xF0E442),
    Color::hex(0x000000),
];

/// Okabe-Ito again, lighter colours first, for a dark background (a light grey for its black).
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

/// Okabe-Ito colours ordered so that neighbours differ in lightness: series stay apart when the
/// page is printed in greyscale (black, orange, blue, yellow, ...).
const PRINT: [Color; COLORS] = [
    Color::hex(0x000000),
    Color::hex(0xE69F00),
    Color::hex(0x0072B2),
    Color::hex(0xF0E442),
    Color::hex(0x009E73),
    Color::hex(0x56B4E9),
    Color::hex(0xD55E00),
    Color::hex(0xCC79A7),
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
    /// The "rest of the world" part of a share.
    pub rest: Color,
    /// Series colours.
    pub palette: [Color; COLORS],
}

impl Theme {
    /// The colour of series `i`.
    pub fn color(&self, i: usize) -> Color {
        self.palette[i % self.palette.len()]
    }

    /// Colour `i` of `n` in order (years, dates): one hue, from pale to deep, so that the
    /// order reads from the colours. Every colour differs from its neighbours.
    pub fn ramp(&self, i: usize, n: usize) -> Color {
        // The first colour of the palette that has a hue (the print palette starts with black).
        let base = self
            .palette
            .iter()
            .copied()
            .find(|c| c.0 != c.1 || c.1 != c.2)
            .unwrap_or(self.palette[0]);
        let mix = |a: Color, b: Color, t: f64| {
            let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
            Color(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
        };
        let pale = mix(base, self.background, 0.72);
        let deep = mix(base, self.text, 0.55);
        let t = if n > 1 {
            i as f64 / (n - 1) as f64
        } else {
            1.0
        };
        // Pale to the base over the first half, the base to deep over the second.
        if t <= 0.5 {
            mix(pale, base, t * 2.0)
        } else {
            mix(base, deep, (t - 0.5) * 2.0)
        }
    }

    /// Near-black or white, whichever contrasts more with `fill` (labels inside bars).
    pub fn on(&self, fill: Color) -> Color {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(fill.0) + 0.7152 * lin(fill.1) + 0.0722 * lin(fill.2);
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
    rest: Color::hex(0xD4D4D4),
    palette: OKABE_ITO,
};

/// The dark theme.
pub const DARK: Theme = Theme {
    background: Color::hex(0x1B1B1D),
    text: Color::hex(0xEDEDED),
    muted: Color::hex(0xB3B3B3),
    grid: Color::hex(0x3A3A3D),
    axis: Color::hex(0xCCCCCC),
    rest: Color::hex(0x4A4A4E),
    palette: OKABE_ITO_DARK,
};

/// The print theme: black text, a greyscale-safe series order, a pale rest.
pub const PRINT_THEME: Theme = Theme {
    background: Color::hex(0xFFFFFF),
    text: Color::hex(0x000000),
    muted: Color::hex(0x404040),
    grid: Color::hex(0xD0D0D0),
    axis: Color::hex(0x000000),
    rest: Color::hex(0xE6E6E6),
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

    #[test]
    fn label_colour_on_fills() {
        assert_eq!(LIGHT.on(Color::hex(0x0072B2)), Color::hex(0xFFFFFF));
        assert_eq!(LIGHT.on(Color::hex(0xF0E442)), Color::hex(0x1A1A1A));
        assert_eq!(LIGHT.on(Color::hex(0xE69F00)), Color::hex(0x1A1A1A));
    }

    #[test]
    fn no_two_series_share_a_colour() {
        for t in [LIGHT, DARK, PRINT_THEME] {
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
