//! Text helpers: measuring with the real shaping engine, bidi isolation, cleaning and wrapping.
//!
//! Layout needs widths that match what resvg will draw. plotters' own estimate is far off for
//! Arabic, so labels are shaped with harfrust (the shaper usvg itself uses) on the chart's fonts.

use unicode_bidi::{BidiClass, bidi_class};

use crate::fonts;

/// True for Arabic letters: bidi class AL ("Arabic letter") in the Unicode data, which also
/// covers the letters of the other scripts written like Arabic (Syriac, Thaana). Arabic-Indic
/// digits are numbers (class AN), not letters.
pub fn is_arabic(c: char) -> bool {
    bidi_class(c) == BidiClass::AL
}

/// True for characters with a strong right-to-left direction: bidi class R (Hebrew, N'Ko and
/// other right-to-left scripts) or AL (Arabic letters).
fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Width in pixels of `text` at `size` px, shaped with the fonts of the chart being laid out
/// (see [`fonts::FontSet::scope`]) as resvg will draw it.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let clean: String = text.chars().filter(|&c| !is_bidi_control(c)).collect();
    fonts::with_current(|set| set.advance_em(&clean, bold)) * size
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True if the text contains any right-to-left letter (bidi class R or AL).
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(is_strong_rtl)
}

/// The direction of a chart without a language: right to left when most labels that have a
/// direction start with a right-to-left letter (the first strong character of the Unicode
/// bidi data, rules P2 and P3), with the title deciding a tie or a chart of bare numbers.
pub fn labels_rtl<'a>(labels: impl IntoIterator<Item = &'a str>, title: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for label in labels {
        match unicode_bidi::get_base_direction(label) {
            unicode_bidi::Direction::Rtl => rtl += 1,
            unicode_bidi::Direction::Ltr => ltr += 1,
            unicode_bidi::Direction::Mixed => {}
        }
    }
    match rtl.cmp(&ltr) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            unicode_bidi::get_base_direction(title) == unicode_bidi::Direction::Rtl
        }
    }
}

/// True if the text holds an Arabic number with its punctuation: a separator that is an Arabic
/// number but not a digit (`٫`, `٬`), or a sign right after an Arabic digit (`٪`: rule W5 joins
/// such a sign to European digits only, so where it is drawn depends on the paragraph).
/// Plain runs of Arabic-Indic digits read the same in either direction and do not count.
fn has_arabic_number_sign(text: &str) -> bool {
    let mut after_an = false;
    text.chars().any(|c| {
        let class = bidi_class(c);
        let sign = match class {
            BidiClass::AN => !c.is_numeric(),
            BidiClass::ET => after_an,
            _ => false,
        };
        after_an = class == BidiClass::AN;
        sign
    })
}

/// Wraps right-to-left text in a right-to-left isolate (U+2067 ... U+2069).
///
/// usvg lays out every `<text>` as a left-to-right paragraph, so a mixed label such as
/// "نفط خام 2024" would come out in English order. The isolate gives the run the right base
/// direction in resvg and in browsers alike. Text is isolated when its first strong character is
/// right to left (rules P2 and P3 of the bidi algorithm), or when it is in a right-to-left chart
/// and holds any right-to-left letter or an Arabic number with its punctuation ("٧٦٪").
pub fn isolate(text: &str, rtl_chart: bool) -> String {
    let first_strong_rtl = unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl;
    if first_strong_rtl || (rtl_chart && (has_rtl(text) || has_arabic_number_sign(text))) {
        format!("\u{2067}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// Removes control characters (plotters writes them raw, which makes the SVG invalid XML)
/// and folds runs of white space into one space.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_control() || is_bidi_control(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`; the last line ends
/// with an ellipsis if the text does not fit. A single word wider than the line is cut too.
pub fn wrap(text: &str, size: f64, bold: bool, max_width: f64, max_lines: usize) -> Vec<String> {
    // Most titles and labels fit on one line: one shaping of the whole text instead of one per
    // word (shaping is the dearest step of a chart's layout). The greedy loop below would give
    // the same single line, since every prefix of a text that fits fits too.
    let whole = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if width(&whole, size, bold) <= max_width {
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
        if current.is_empty() || width(&candidate, size, bold) <= max_width {
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
        *last = ellipsize(last, size, bold, max_width);
    }
    for line in lines.iter_mut() {
        if width(line, size, bold) > max_width {
            *line = ellipsize(line, size, bold, max_width);
        }
    }
    lines
}

/// Cuts `text` to fit `max_width`, ending it with "…" when anything was cut.
pub fn ellipsize(text: &str, size: f64, bold: bool, max_width: f64) -> String {
    if width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let s: String = chars[..mid].iter().collect::<String>() + "…";
        if width(&s, size, bold) <= max_width {
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

    #[test]
    fn latin_width_is_plausible() {
        let w = width("Rubber", 16.0, false);
        assert!((35.0..70.0).contains(&w), "{w}");
        assert!(width("Rubber", 16.0, true) > w);
        assert!((width("Rubber", 32.0, false) - 2.0 * w).abs() < 0.01);
    }

    /// Width in em shaped without a cached plan, the way harfrust does it by default.
    fn fresh_em(text: &str) -> f64 {
        let face = fonts::Face::new(fonts::REGULAR, 0).expect("embedded font");
        face.shape_fresh(text)
    }

    #[test]
    fn cached_plans_give_the_widths_of_fresh_ones() {
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
            let cached = width(text, 1.0, false);
            assert_eq!(cached, fresh_em(text), "{text}");
        }
    }

    #[test]
    fn arabic_is_measured_with_arabic_glyphs() {
        let w = width("المطاط", 16.0, false);
        assert!(w > 20.0 && w < 80.0, "{w}");
    }

    #[test]
    fn isolate_wraps_arabic_first_text_only() {
        assert_eq!(isolate("Oil", false), "Oil");
        assert_eq!(isolate("النفط 2024", false), "\u{2067}النفط 2024\u{2069}");
        assert_eq!(isolate("Oil النفط", false), "Oil النفط");
        assert_eq!(isolate("Oil النفط", true), "\u{2067}Oil النفط\u{2069}");
    }

    #[test]
    fn direction_comes_from_the_unicode_bidi_data() {
        // Neither a byte-order mark nor a combining mark alone gives a direction.
        for not_rtl in [
            "\u{FEFF}", "\u{064E}", "\u{0301}", "2024", "٢٠٢٤", "Oil", "76%",
        ] {
            assert!(!has_rtl(not_rtl), "{not_rtl:?}");
            assert_eq!(isolate(not_rtl, false), not_rtl, "{not_rtl:?}");
        }
        // Thaana, Syriac, N'Ko, Hebrew and Arabic are right to left.
        for rtl in [
            "\u{0780}\u{0781}",
            "\u{0710}\u{0712}",
            "\u{07CA}\u{07CB}",
            "שלום",
            "نفط",
        ] {
            assert!(has_rtl(rtl), "{rtl:?}");
            assert_eq!(
                isolate(rtl, false),
                format!("\u{2067}{rtl}\u{2069}"),
                "{rtl:?}"
            );
        }
        // The first strong character decides; marks and digits before it do not.
        assert_eq!(isolate("\u{FEFF}Oil نفط", false), "\u{FEFF}Oil نفط");
        assert_eq!(
            isolate("12 \u{0301}שלום", false),
            "\u{2067}12 \u{0301}שלום\u{2069}"
        );
        assert!(is_arabic('ن') && !is_arabic('\u{0660}') && !is_arabic('\u{FEFF}'));
    }

    #[test]
    fn arabic_numbers_with_punctuation_are_isolated_in_rtl_charts() {
        for signed in ["٧٦٪", "٤٣٫٥", "١٠٢٬٣٤٧", "٠٪"] {
            assert_eq!(isolate(signed, true), format!("\u{2067}{signed}\u{2069}"));
            assert_eq!(isolate(signed, false), signed);
        }
        for plain in ["٧٦", "-٥", "76%", "2024"] {
            assert_eq!(isolate(plain, true), plain);
        }
    }

    #[test]
    fn clean_removes_controls_and_folds_space() {
        assert_eq!(clean(" a\u{0}b\t\n c  "), "ab c");
    }

    #[test]
    fn wrap_and_ellipsize_fit_the_width() {
        let lines = wrap(
            "United Nations General Assembly seats",
            16.0,
            false,
            120.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        for l in &lines {
            assert!(width(l, 16.0, false) <= 120.0, "{l}");
        }
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("Oil", 16.0, false, 120.0, 2), vec!["Oil"]);
    }
}
