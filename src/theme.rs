//! Colours and type sizes. One place decides how every chart looks.

use crate::scene::Color;

/// Okabe-Ito, a palette that colour-blind readers can tell apart, in a fixed order so the same
/// series keeps the same colour across charts. Blue first: it reads well next to grey.
pub const PALETTE: [Color; 7] = [
    Color::hex(0x0072B2),
    Color::hex(0xE69F00),
    Color::hex(0x009E73),
    Color::hex(0xD55E00),
    Color::hex(0x56B4E9),
    Color::hex(0xCC79A7),
    Color::hex(0xF0E442),
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
}

/// The default light theme.
pub const LIGHT: Theme = Theme {
    background: Color::hex(0xFFFFFF),
    text: Color::hex(0x1A1A1A),
    muted: Color::hex(0x595959),
    grid: Color::hex(0xE3E3E3),
    axis: Color::hex(0x333333),
    rest: Color::hex(0xD4D4D4),
};

/// The colour of series `i`.
pub fn series_color(i: usize) -> Color {
    PALETTE[i % PALETTE.len()]
}

/// Type sizes in pixels, scaled with the image width (1200 px is the reference).
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
}

impl Sizes {
    /// Sizes for an image of the given width and height.
    pub fn for_image(width: u32, height: u32) -> Sizes {
        let k = (f64::from(width) / 1200.0)
            .min(f64::from(height) / 700.0)
            .clamp(0.6, 3.0);
        Sizes {
            title: 30.0 * k,
            subtitle: 19.0 * k,
            label: 16.0 * k,
            value: 16.0 * k,
            tick: 14.0 * k,
            source: 13.5 * k,
            margin: 36.0 * k,
        }
    }

    /// Line height for a font size.
    pub fn line(size: f64) -> f64 {
        size * 1.3
    }
}
