//! How far apart two colours are, for the readers who see them: contrast against the
//! background (WCAG 2's ratio: a mark needs 3:1 to be seen, WCAG 1.4.11), and the CIELAB
//! distance between two marks for normal vision and simulated protanopia, deuteranopia and
//! tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, applied in linear sRGB). The
//! default palettes are held to these in the tests of `theme`; a colour the user gives that
//! falls short is a warning ([`check_given`]), not an error: they may know their page.

use crate::options::{Message, NamedColor};
use crate::scene::{Color, Item, Scene};

/// The least contrast of a mark against its background (WCAG 1.4.11, non-text contrast).
pub const MIN_CONTRAST: f64 = 3.0;

/// The least CIELAB distance (ΔE*ab, 1976) between two marks of a chart, in every vision
/// simulated: about four times a just-noticeable difference, marks told apart at a glance.
pub const DISTINCT: f64 = 10.0;

/// A way of seeing colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vision {
    /// Normal colour vision.
    Normal,
    /// No long-wavelength cones (red-blind, about 1% of men).
    Protanopia,
    /// No medium-wavelength cones (green-blind, the most common deficiency, about 1% of men
    /// and the milder deuteranomaly about 5%).
    Deuteranopia,
    /// No short-wavelength cones (blue-blind, rare).
    Tritanopia,
}

impl Vision {
    /// Every vision the palettes are checked for.
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado et al. (2009), severity 1.0, on linear sRGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Vision::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Vision::Tritanopia => [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        }
    }

    /// The name of the deficiency, as a message says it.
    pub fn name(self) -> &'static str {
        match self {
            Vision::Normal => "normal colour vision",
            Vision::Protanopia => "protanopia (red-blind)",
            Vision::Deuteranopia => "deuteranopia (green-blind)",
            Vision::Tritanopia => "tritanopia (blue-blind)",
        }
    }
}

/// sRGB to linear light, per channel.
fn linear(c: Color) -> [f64; 3] {
    let f = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    [f(c.0), f(c.1), f(c.2)]
}

/// Linear light to sRGB, clamped to the gamut.
fn encode(l: [f64; 3]) -> Color {
    let f = |v: f64| {
        let v = v.clamp(0.0, 1.0);
        let s = if v <= 0.003_130_8 {
            v * 12.92
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        };
        (s * 255.0).round() as u8
    };
    Color(f(l[0]), f(l[1]), f(l[2]))
}

/// Relative luminance (WCAG 2).
pub fn luminance(c: Color) -> f64 {
    let [r, g, b] = linear(c);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// The contrast ratio of two colours, 1 to 21 (WCAG 2).
pub fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// sRGB (D65) linear light to CIE XYZ.
const XYZ: [[f64; 3]; 3] = [
    [0.4124, 0.3576, 0.1805],
    [0.2126, 0.7152, 0.0722],
    [0.0193, 0.1192, 0.9505],
];

fn times(m: &[[f64; 3]; 3], v: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2])
}

/// The white point: XYZ of linear (1, 1, 1).
fn white() -> [f64; 3] {
    times(&XYZ, [1.0, 1.0, 1.0])
}

/// CIELAB of linear light.
fn lab(l: [f64; 3]) -> [f64; 3] {
    let (xyz, w) = (times(&XYZ, l), white());
    let d: f64 = 6.0 / 29.0;
    let f = |t: f64| {
        if t > d * d * d {
            t.cbrt()
        } else {
            t / (3.0 * d * d) + 4.0 / 29.0
        }
    };
    let [fx, fy, fz] = [0, 1, 2].map(|i| f(xyz[i] / w[i]));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// Linear light of CIELAB (outside the gamut where the colour has none).
fn unlab(lab: [f64; 3]) -> [f64; 3] {
    let d: f64 = 6.0 / 29.0;
    let fy = (lab[0] + 16.0) / 116.0;
    let f = [fy + lab[1] / 500.0, fy, fy - lab[2] / 200.0];
    let w = white();
    let xyz = [0, 1, 2].map(|i| {
        let t = f[i];
        w[i] * if t > d {
            t * t * t
        } else {
            3.0 * d * d * (t - 4.0 / 29.0)
        }
    });
    // The inverse of XYZ, to four places as the matrix is given.
    let inv = [
        [3.2406, -1.5372, -0.4986],
        [-0.9689, 1.8758, 0.0415],
        [0.0557, -0.2040, 1.0570],
    ];
    times(&inv, xyz)
}

/// How `c` looks to a reader with `vision`, in CIELAB.
fn seen(c: Color, vision: Vision) -> [f64; 3] {
    let l = times(&vision.matrix(), linear(c)).map(|v| v.clamp(0.0, 1.0));
    lab(l)
}

/// The distance of two colours for the reader who tells them apart least well: ΔE*ab and
/// that reader's vision.
pub fn distance(a: Color, b: Color) -> (f64, Vision) {
    Vision::ALL
        .iter()
        .map(|&v| {
            let (p, q) = (seen(a, v), seen(b, v));
            let d = ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt();
            (d, v)
        })
        .fold((f64::INFINITY, Vision::Normal), |m, x| {
            if x.0 < m.0 { x } else { m }
        })
}

/// `a` mixed with `b`: `t` = 0 is `a`, 1 is `b` (in sRGB, as a designer mixes).
pub fn mix(a: Color, b: Color, t: f64) -> Color {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    Color(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// `c` with its lightness moved (in CIELAB, hue kept, chroma lessened where the gamut asks)
/// until it has `target` contrast against `background`: the nearest colour of the same hue
/// that a reader sees as a mark. `c` itself when it already has it.
pub fn with_contrast(c: Color, background: Color, target: f64) -> Color {
    let start = lab(linear(c));
    // Away from the background: darker on a light page, lighter on a dark one.
    let step = if luminance(background) > 0.18 {
        -0.25
    } else {
        0.25
    };
    let mut l = start[0];
    let mut out = c;
    while contrast(out, background) < target && (0.0..=100.0).contains(&l) {
        l += step;
        let mut k = 1.0;
        let mut lin = unlab([l, start[1], start[2]]);
        while lin.iter().any(|v| !(-1e-9..=1.0 + 1e-9).contains(v)) && k > 0.01 {
            k *= 0.97;
            lin = unlab([l, start[1] * k, start[2] * k]);
        }
        out = encode(lin);
    }
    out
}

/// What the user should know about the colours they gave (`given`) that `scene` draws: one
/// that does not stand off the background by [`MIN_CONTRAST`], or that some reader would take
/// for another colour of the chart ([`DISTINCT`]). Each a warning, with a nearer colour that
/// would do where there is one.
pub fn check_given(scene: &Scene, given: &[NamedColor]) -> Vec<Message> {
    let mut marks: Vec<Color> = Vec::new();
    for item in &scene.items {
        if let Item::Rect { fill, .. } | Item::Polygon { fill, .. } = item
            && *fill != scene.background
            && !marks.contains(fill)
        {
            marks.push(*fill);
        }
    }
    let bg = scene.background;
    let mut out = Vec::new();
    let mut seen_names: Vec<&str> = Vec::new();
    // The last entry of a name is the one drawn.
    for g in given.iter().rev() {
        if seen_names.iter().any(|n| g.names(n)) {
            continue;
        }
        seen_names.push(&g.name);
        let c = Color(g.rgb.0, g.rgb.1, g.rgb.2);
        if !marks.contains(&c) {
            continue;
        }
        let said = Message::new().either(
            format!("`--color {g}`"),
            format!("the colour of '{}' ({})", g.name, g.hex()),
        );
        let ratio = contrast(c, bg);
        if ratio < MIN_CONTRAST {
            let better = with_contrast(c, bg, MIN_CONTRAST + 0.05);
            out.push(said.clone().text(format!(
                " stands off the background by {ratio:.2}:1, less than the {MIN_CONTRAST:.0}:1 a mark needs to be seen\n  hint: a shade of it that does: {}",
                hex(better)
            )));
        }
        if let Some((other, (d, vision))) = marks
            .iter()
            .filter(|&&m| m != c)
            .map(|&m| (m, distance(c, m)))
            .filter(|(_, (d, _))| *d < DISTINCT)
            .min_by(|a, b| a.1.0.total_cmp(&b.1.0))
        {
            out.push(said.text(format!(
                " is hard to tell from {} on this chart for readers with {} (ΔE {d:.0}; marks read apart from ΔE {DISTINCT:.0})\n  hint: pick a colour that differs more from it in lightness",
                hex(other),
                vision.name()
            )));
        }
    }
    out.reverse();
    out
}

/// `#RRGGBB`.
pub fn hex(c: Color) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag() {
        let white = Color::hex(0xFFFFFF);
        assert!((contrast(Color::hex(0xE69F00), white) - 2.25).abs() < 0.01);
        assert!((contrast(Color::hex(0x000000), white) - 21.0).abs() < 1e-9);
        assert!((contrast(Color::hex(0x767676), white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn lab_round_trips_and_greys_have_no_hue() {
        for c in [0x0072B2, 0xC27C00, 0x777777, 0xFFFFFF] {
            let c = Color::hex(c);
            assert_eq!(encode(unlab(lab(linear(c)))), c);
        }
        let g = lab(linear(Color::hex(0x777777)));
        assert!(g[1].abs() < 0.01 && g[2].abs() < 0.01, "{g:?}");
    }

    #[test]
    fn simulations_merge_what_they_should() {
        // Red and green are the classic pair a deuteranope confuses; blue and yellow are not.
        let (red, green) = (Color::hex(0xD62728), Color::hex(0x2CA02C));
        let (d, v) = distance(red, green);
        assert!(d < 25.0 && v != Vision::Normal, "{d} {v:?}");
        assert!(distance(red, green).0 < seen_gap(red, green, Vision::Normal));
        let (blue, yellow) = (Color::hex(0x0072B2), Color::hex(0xF0E442));
        assert!(distance(blue, yellow).0 > 40.0);
        // Simulation keeps greys grey.
        let g = Color::hex(0x808080);
        for v in Vision::ALL {
            assert!(seen_gap(g, g, v) < 1e-9);
            let s = seen(g, v);
            assert!(s[1].abs() < 1.0 && s[2].abs() < 1.5, "{v:?} {s:?}");
        }
    }

    fn seen_gap(a: Color, b: Color, v: Vision) -> f64 {
        let (p, q) = (seen(a, v), seen(b, v));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    #[test]
    fn darkening_reaches_the_contrast_and_keeps_the_hue() {
        let white = Color::hex(0xFFFFFF);
        let orange = with_contrast(Color::hex(0xE69F00), white, 3.05);
        assert!(contrast(orange, white) >= 3.05, "{orange:?}");
        assert!(
            orange.0 > orange.1 && orange.1 > orange.2,
            "still orange: {orange:?}"
        );
        let dark = Color::hex(0x1B1B1D);
        let blue = with_contrast(Color::hex(0x0040A0), dark, 3.05);
        assert!(contrast(blue, dark) >= 3.05 && blue.2 > blue.0, "{blue:?}");
    }
}
