//! Measuring text with the chart's fonts, as resvg will draw it, and fitting it to a width:
//! wrapping into lines and cutting with an ellipsis.
//!
//! Layout needs widths that match what resvg will draw. plotters' own estimate is far off for
//! Arabic, so labels are shaped with harfrust (the shaper usvg itself uses) on the chart's fonts
//! ([`FontSet::width`]), which are passed in: nothing here reads ambient state.

use crate::fonts::FontSet;

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`; the last line ends
/// with an ellipsis if the text does not fit. A single word wider than the line is cut too.
pub fn wrap(
    fonts: &FontSet,
    text: &str,
    size: f64,
    bold: bool,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    // Most titles and labels fit on one line: one shaping of the whole text instead of one per
    // word (shaping is the dearest step of a chart's layout). The greedy loop below would give
    // the same single line, since every prefix of a text that fits fits too.
    let whole = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if fonts.width(&whole, size, bold) <= max_width {
        return vec![whole];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || fonts.width(&candidate, size, bold) <= max_width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    if let Some(last) = lines.last_mut() {
        *last = ellipsize(fonts, last, size, bold, max_width);
    }
    for line in lines.iter_mut() {
        if fonts.width(line, size, bold) > max_width {
            *line = ellipsize(fonts, line, size, bold, max_width);
        }
    }
    lines
}

/// Cuts `text` to fit `max_width`, ending it with "…" when anything was cut.
pub fn ellipsize(fonts: &FontSet, text: &str, size: f64, bold: bool, max_width: f64) -> String {
    if fonts.width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let s: String = chars[..mid].iter().collect::<String>() + "…";
        if fonts.width(&s, size, bold) <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> FontSet {
        crate::fonts::Fonts::default()
            .set(&[])
            .expect("embedded fonts")
    }

    #[test]
    fn latin_width_is_plausible() {
        let fonts = embedded();
        let w = fonts.width("Rubber", 16.0, false);
        assert!((35.0..70.0).contains(&w), "{w}");
        assert!(fonts.width("Rubber", 16.0, true) > w);
        assert!((fonts.width("Rubber", 32.0, false) - 2.0 * w).abs() < 0.01);
    }

    /// Width in em shaped without a cached plan, the way harfrust does it by default.
    fn fresh_em(text: &str) -> f64 {
        let face =
            crate::fonts::Face::new(crate::fonts::FontBytes::Static(crate::fonts::REGULAR), 0)
                .expect("embedded font");
        face.shape_fresh(text)
    }

    #[test]
    fn cached_plans_give_the_widths_of_fresh_ones() {
        let fonts = embedded();
        // Each script twice (the second use hits the cache), interleaved.
        for text in [
            "Rubber",
            "المطاط",
            "76%",
            "76%",
            "Rubber",
            "٪٨٠ 42",
            "المطاط",
            "",
            "Oil النفط",
        ] {
            let cached = fonts.width(text, 1.0, false);
            assert_eq!(cached, fresh_em(text), "{text}");
        }
    }

    #[test]
    fn arabic_is_measured_with_arabic_glyphs() {
        let fonts = embedded();
        let w = fonts.width("المطاط", 16.0, false);
        assert!(w > 20.0 && w < 80.0, "{w}");
    }

    #[test]
    fn wrap_and_ellipsize_fit_the_width() {
        let fonts = embedded();
        let lines = wrap(
            &fonts,
            "United Nations General Assembly seats",
            16.0,
            false,
            120.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        for l in &lines {
            assert!(fonts.width(l, 16.0, false) <= 120.0, "{l}");
        }
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap(&fonts, "Oil", 16.0, false, 120.0, 2), vec!["Oil"]);
    }
}
