//! Measuring text with the chart's fonts, as resvg will draw it, and fitting it to a width by
//! wrapping it into lines. Nothing is ever cut: a name, a title or a source is drawn whole or
//! the chart is laid out another way (turned horizontal, grown, or refused).
//!
//! Layout needs widths that match what resvg will draw. plotters' own estimate is far off for
//! Arabic, so labels are shaped with harfrust (the shaper usvg itself uses) on the chart's fonts
//! ([`FontSet::width`]), which are passed in: nothing here reads ambient state.

use crate::fonts::FontSet;

/// Breaks `text` into lines no wider than `max_width`, at spaces. A word wider than the line
/// (a long compound, a URL) is broken between its characters, so every character is drawn:
/// callers that would rather not break words check [`fits_words`] first.
pub fn wrap(fonts: &FontSet, text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    // Most titles and labels fit on one line: one shaping of the whole text instead of one per
    // word (shaping is the dearest step of a chart's layout). The greedy loop below would give
    // the same single line, since every prefix of a text that fits fits too.
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let whole = words.join(" ");
    if fonts.width(&whole, size, bold) <= max_width {
        return vec![whole];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in words {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fonts.width(&candidate, size, bold) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if fonts.width(word, size, bold) <= max_width {
            current = word.to_string();
        } else {
            let mut pieces = break_word(fonts, word, size, bold, max_width);
            current = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// [`wrap`] in lines of about equal length (no one-word last line under a long title): the
/// same number of lines as the greedy wrap gives, at the narrowest width that keeps it. Words
/// are measured once each and lines as the sum of their words and spaces; the lines are then
/// measured whole, and the greedy lines kept if one of them would not fit after all.
pub fn balanced(fonts: &FontSet, text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let greedy = wrap(fonts, text, size, bold, max_width);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    if greedy.len() < 2 || !fits_words(fonts, text, size, bold, max_width) {
        return greedy;
    }
    let widths: Vec<f64> = words.iter().map(|w| fonts.width(w, size, bold)).collect();
    let space = fonts.width(" ", size, bold);
    // Greedy line breaking on the summed widths: the lines' word counts.
    let fill = |width: f64| -> Vec<usize> {
        let mut counts = vec![0usize];
        let mut line = 0.0;
        for &w in &widths {
            let last = counts.len() - 1;
            let grown = if counts[last] == 0 {
                w
            } else {
                line + space + w
            };
            if counts[last] > 0 && grown > width {
                counts.push(1);
                line = w;
            } else {
                counts[last] += 1;
                line = grown;
            }
        }
        counts
    };
    let n = fill(max_width).len();
    let (mut lo, mut hi) = (0.0f64, max_width);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if fill(mid).len() <= n {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let mut lines = Vec::new();
    let mut at = 0;
    for count in fill(hi) {
        lines.push(words[at..at + count].join(" "));
        at += count;
    }
    let lines = no_widow(fonts, lines, size, bold, max_width);
    if lines.len() == greedy.len()
        && lines
            .iter()
            .all(|l| fonts.width(l, size, bold) <= max_width)
    {
        lines
    } else {
        greedy
    }
}

/// `lines` without a one-word last line where the line before can give it a word (and keep
/// two) and the last line still fits `max_width`: «إنتاجه» alone under a long title.
fn no_widow(
    fonts: &FontSet,
    mut lines: Vec<String>,
    size: f64,
    bold: bool,
    max_width: f64,
) -> Vec<String> {
    let n = lines.len();
    if n < 2 || lines[n - 1].contains(' ') {
        return lines;
    }
    let Some((kept, moved)) = lines[n - 2].rsplit_once(' ') else {
        return lines;
    };
    if !kept.contains(' ') {
        return lines;
    }
    let last = format!("{moved} {}", lines[n - 1]);
    if fonts.width(&last, size, bold) <= max_width {
        lines[n - 2] = kept.to_string();
        lines[n - 1] = last;
    }
    lines
}

/// True when every word of `text` fits `max_width` on its own line: [`wrap`] then breaks at
/// spaces only.
pub fn fits_words(fonts: &FontSet, text: &str, size: f64, bold: bool, max_width: f64) -> bool {
    text.split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| fonts.width(w, size, bold) <= max_width)
}

/// A word wider than `max_width` in pieces that fit, each as long as it can be (at least one
/// character a piece), ending after a hyphen, slash or dash where one lies in the piece's
/// second half ("Pointe-Saint-" / "Charles", not "Pointe-Saint-Ch" / "arles").
fn break_word(fonts: &FontSet, word: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        // The longest prefix of the rest that fits, by bisection (widths grow with length).
        let (mut lo, mut hi) = (start + 1, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let piece: String = chars[start..mid].iter().collect();
            if fonts.width(&piece, size, bold) <= max_width {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let end = if lo < chars.len() {
            (start + (lo - start).div_ceil(2)..lo)
                .rev()
                .find(|&i| matches!(chars[i - 1], '-' | '/' | '\u{2010}' | '\u{2013}' | '_'))
                .unwrap_or(lo)
        } else {
            lo
        };
        pieces.push(chars[start..end].iter().collect());
        start = end;
    }
    pieces
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
    fn a_long_word_breaks_after_a_hyphen_where_one_is_near() {
        let fonts = embedded();
        let word = "161-Saint-HenriPetite-BourgognePointe-Saint-Charles";
        let max = fonts.width("161-Saint-HenriPetite-BourgognePointe-Sai", 8.5, false);
        let pieces = break_word(&fonts, word, 8.5, false, max);
        assert_eq!(pieces.concat(), word, "nothing lost");
        assert!(pieces[0].ends_with('-'), "{pieces:?}");
        assert!(
            pieces.iter().all(|p| fonts.width(p, 8.5, false) <= max),
            "{pieces:?}"
        );
        // No hyphen: as long as it fits.
        let long = "Internationalisation".repeat(3);
        let pieces = break_word(&fonts, &long, 8.5, false, 60.0);
        assert_eq!(pieces.concat(), long);
        assert!(pieces.len() > 2);
    }

    #[test]
    fn latin_width_is_plausible() {
        let fonts = embedded();
        let w = fonts.width("Rubber", 16.0, false);
        assert!((35.0..70.0).contains(&w), "{w}");
        assert!(fonts.width("Rubber", 16.0, true) > w);
        assert!((fonts.width("Rubber", 32.0, false) - 2.0 * w).abs() < 0.01);
    }

    #[test]
    fn balanced_lines_never_end_in_one_word_where_a_word_can_move() {
        let fonts = embedded();
        let titles = [
            "الدول الإسلامية تمتلك 69% من الاحتياطي العالمي من النفط وتستحوذ على 43% من إنتاجه",
            "OIC states produce 43% of the world’s oil and hold 69% of its reserves",
            "Les États de l’OCI produisent 47 % de l’étain du monde et en détiennent 56 % des réserves",
            "تستأثر دول المنظمة بـ40% من الكروم في العالم وبربع النحاس والفوسفات والبوكسيت",
        ];
        for t in titles {
            let full = fonts.width(t, 18.0, true);
            for step in 20..100 {
                let w = full * f64::from(step) / 100.0;
                if !fits_words(&fonts, t, 18.0, true, w) {
                    continue;
                }
                let lines = balanced(&fonts, t, 18.0, true, w);
                let last = &lines[lines.len() - 1];
                if lines.len() < 2 || last.contains(' ') {
                    continue;
                }
                // A one-word last line only where the line above has no word to spare or
                // the two words would not fit.
                let above = &lines[lines.len() - 2];
                let spare = above.split(' ').count() > 2;
                let moved = format!("{} {last}", above.rsplit(' ').next().unwrap_or(""));
                assert!(
                    !spare || fonts.width(&moved, 18.0, true) > w,
                    "{t} at {w}: {lines:?}"
                );
            }
        }
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
    fn wrap_fits_the_width_and_keeps_every_character() {
        let fonts = embedded();
        let text = "United Nations General Assembly seats";
        let lines = wrap(&fonts, text, 16.0, false, 120.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(fonts.width(l, 16.0, false) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap(&fonts, "Oil", 16.0, false, 120.0), vec!["Oil"]);
        // Balanced: as many lines, no one-word last line.
        let title = "OIC states hold 40% of the world’s chromium and a quarter of its copper";
        let w = fonts.width(title, 16.0, true) * 0.9;
        let greedy = wrap(&fonts, title, 16.0, true, w);
        let even = balanced(&fonts, title, 16.0, true, w);
        assert_eq!((greedy.len(), even.len()), (2, 2));
        assert_eq!(greedy[1], "copper");
        assert!(even[1].split(' ').count() > 3, "{even:?}");
        assert_eq!(even.join(" "), title);
        // A word wider than the line is broken, never cut.
        let word = "Donaudampfschifffahrtsgesellschaft";
        assert!(!fits_words(&fonts, word, 16.0, false, 120.0));
        let lines = wrap(&fonts, &format!("A {word}"), 16.0, false, 120.0);
        assert_eq!(lines.concat(), format!("A{word}"));
        for l in &lines {
            assert!(fonts.width(l, 16.0, false) <= 120.0, "{l}");
        }
    }
}
