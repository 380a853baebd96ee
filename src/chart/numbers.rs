//! Numbers on a chart: a value formatted with its unit, written in the chart's digit system
//! (in labels and in running text), and the round ticks of a value axis.

use crate::number;
use crate::spec::{Digits, Lang};

/// Writes a formatted number in one digit system: Latin as formatted, Arabic-Indic, or the
/// language's own (`native`).
pub fn localize(s: &str, digits: Digits, lang: &Lang) -> String {
    // The zero of the digit system, and whether it takes the Arabic separators and percent.
    let (zero, arabic_signs) = match digits {
        Digits::Latin => return latin(s, lang),
        Digits::Arabic => (0x0660, true),
        Digits::Native => match crate::spec::lang::native_zero(lang) {
            Some(zero) => (zero, (0x0660..=0x06F0).contains(&zero)),
            None => return latin(s, lang),
        },
    };
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c),
            '.' if arabic_signs => '\u{066B}',
            ',' if arabic_signs => '\u{066C}',
            '%' if arabic_signs => '\u{066A}',
            c => c,
        })
        .collect()
}

/// A number formatted the English way ("-1,207.5%") in `lang`'s Latin-digit style: "-1 207,5 %"
/// in French, "%-1.207,5" in Turkish (see [`crate::spec::lang::number_style`]).
fn latin(s: &str, lang: &Lang) -> String {
    use crate::spec::lang::{Percent, number_style};
    let style = number_style(lang);
    if style.decimal == '.' && style.group == ',' && style.percent == Percent::After {
        return s.to_string();
    }
    let (body, percent) = match s.strip_suffix('%') {
        Some(body) => (body, true),
        None => (s, false),
    };
    let body: String = body
        .chars()
        .map(|c| match c {
            '.' => style.decimal,
            ',' => style.group,
            c => c,
        })
        .collect();
    match (percent, style.percent) {
        (false, _) => body,
        (true, Percent::After) => format!("{body}%"),
        (true, Percent::AfterSpace(space)) => format!("{body}{space}%"),
        (true, Percent::Before) => match body.strip_prefix('-') {
            Some(abs) => format!("-%{abs}"),
            None => format!("%{body}"),
        },
    }
}

/// Writes the numbers in running text in the chart's digits: with Arabic digits "80% in 2024"
/// becomes "٨٠٪ in ٢٠٢٤", and a unit "%" becomes "٪". A point or comma is a separator only between two digits; elsewhere
/// it is punctuation and stays.
pub fn localize_text(s: &str, digits: Digits, lang: &Lang) -> String {
    // Only the digit glyphs (and the Arabic separators) change in running text: a language
    // without digits of its own keeps the text as written (its number style is for the numbers
    // sharechart formats, which may pass through here again when drawn).
    let own_digits = crate::spec::lang::native_zero(lang).is_some();
    if digits == Digits::Latin || (digits == Digits::Native && !own_digits) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = digit(i.checked_sub(1)) && digit(Some(i + 1));
        match c {
            '0'..='9' | '%' => out.push_str(&localize(&c.to_string(), digits, lang)),
            '.' | ',' if between => out.push_str(&localize(&c.to_string(), digits, lang)),
            c => out.push(c),
        }
    }
    out
}

/// "76%" / "43.5%" / "102,347".
pub fn format_value(v: f64, decimals: usize, percent: bool) -> String {
    let n = number::format(v, decimals);
    if percent { format!("{n}%") } else { n }
}

/// A "nice" axis: ticks at 1, 2, 2.5 or 5 times a power of ten, covering `lo..=hi`.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let n = ((end - start) / step).round();
    // Values are capped at 10^15 when parsed; this guards the arithmetic anyway (a span that
    // overflows would ask for usize::MAX ticks).
    if !n.is_finite() || !(1.0..=100.0).contains(&n) {
        return vec![lo.min(0.0), hi.max(1.0)];
    }
    let n = n as usize;
    (0..=n)
        .map(|i| start + step * i as f64)
        .map(|v| if v.abs() < step * 1e-9 { 0.0 } else { v })
        .collect()
}
