//! Numbers as a chart writes them: from the number, in the chart language's style (decimal
//! mark, thousands separator, percent sign) and digit system (Latin, Arabic-Indic or the
//! language's own), and the digits of running text (titles, labels) in that digit system.

use super::{Locale, NumberStyle, Percent};
use crate::options::Digits;

/// Formats a value the plain way, for messages and the raw text of computed cells: no needless
/// decimals, thousands grouped ("4,663").
pub fn format(value: f64, decimals: usize) -> String {
    let (negative, int, frac) = split(value, decimals);
    let sign = if negative { "-" } else { "" };
    let int = group(&int, ',');
    match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    }
}

/// The sign, integer digits and fraction digits of `value` with `decimals` (no sign on a
/// value that rounds to zero).
fn split(value: f64, decimals: usize) -> (bool, String, Option<String>) {
    let s = format!("{:.*}", decimals, value);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let (negative, digits) = match int.strip_prefix('-') {
        Some(d) => (true, d.to_string()),
        None => (false, int),
    };
    let zero = digits.chars().all(|c| c == '0')
        && frac.as_deref().is_none_or(|f| f.chars().all(|c| c == '0'));
    (negative && !zero, digits, frac)
}

/// Digits grouped by threes with `sep`.
fn group(digits: &str, sep: char) -> String {
    if digits.len() <= 3 {
        return digits.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The number of decimals needed to show every value exactly as written (at most 3).
pub fn decimals_needed(values: &[f64]) -> usize {
    values
        .iter()
        .map(|v| {
            (0..=3)
                .find(|&d| {
                    let scaled = v * 10f64.powi(d as i32);
                    (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
                })
                .unwrap_or(3)
        })
        .max()
        .unwrap_or(0)
}

/// The style of numbers in the Arabic-Indic digit systems: the Arabic decimal and thousands
/// separators and percent sign (٤٣٫٥٪, ١٠٢٬٣٤٧).
const ARABIC_SIGNS: NumberStyle = NumberStyle {
    decimal: '\u{066B}',
    group: '\u{066C}',
    percent: Percent::After,
};

/// The English style, which digit systems without signs of their own (Bengali) keep.
const PLAIN: NumberStyle = NumberStyle {
    decimal: '.',
    group: ',',
    percent: Percent::After,
};

impl Locale {
    /// The digit system and style of the numbers of a chart with `digits`: Latin digits in the
    /// language's style; Arabic-Indic with the Arabic signs; or the language's own digits
    /// (`native`), with the Arabic signs for the Arabic-Indic ones (Latin for a language
    /// without digits of its own).
    fn system(&self, digits: Digits) -> (u32, NumberStyle, char) {
        let native = match digits {
            Digits::Latin => None,
            Digits::Arabic => Some(0x0660),
            Digits::Native => self.native,
        };
        match native {
            None => ('0' as u32, self.number, '%'),
            Some(zero) if (0x0660..=0x06F0).contains(&zero) => (zero, ARABIC_SIGNS, '\u{066A}'),
            Some(zero) => (zero, PLAIN, '%'),
        }
    }

    /// A value as the chart writes it: "76%", "43.5%", "102,347"; "1 207,5" in French, "%12,9"
    /// in Turkish, "٧٦٪" with Arabic digits.
    pub fn number(&self, value: f64, decimals: usize, percent: bool, digits: Digits) -> String {
        let (zero, style, sign) = self.system(digits);
        let (negative, int, frac) = split(value, decimals);
        let digit = |c: char| char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c);
        let mut body: String = group(&int, style.group)
            .chars()
            .map(|c| if c.is_ascii_digit() { digit(c) } else { c })
            .collect();
        if let Some(f) = frac {
            body.push(style.decimal);
            body.extend(f.chars().map(digit));
        }
        let minus = if negative { "-" } else { "" };
        match (percent, style.percent) {
            (false, _) => format!("{minus}{body}"),
            (true, Percent::After) => format!("{minus}{body}{sign}"),
            (true, Percent::AfterSpace(space)) => format!("{minus}{body}{space}{sign}"),
            (true, Percent::Before) => format!("{minus}{sign}{body}"),
        }
    }

    /// The numbers in running text in the chart's digits: with Arabic digits "80% in 2024"
    /// becomes "٨٠٪ in ٢٠٢٤", and a unit "%" becomes "٪". A point or comma is a separator only
    /// between two digits; elsewhere it is punctuation and stays. Latin digits, and a language
    /// without digits of its own, keep the text as written.
    pub fn text_digits(&self, s: &str, digits: Digits) -> String {
        let (zero, style, sign) = self.system(digits);
        if zero == '0' as u32 {
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
                '0'..='9' => out.push(char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c)),
                '%' => out.push(sign),
                '.' if between => out.push(style.decimal),
                ',' if between => out.push(style.group),
                c => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Lang;

    fn l(code: &str) -> &'static Locale {
        Locale::of(&code.parse::<Lang>().expect("code"))
    }

    #[test]
    fn formatting() {
        assert_eq!(format(76.0, 0), "76");
        assert_eq!(format(43.5, 1), "43.5");
        assert_eq!(format(102347.0, 0), "102,347");
        assert_eq!(format(1234.0, 0), "1,234");
        assert_eq!(format(-0.0, 0), "0");
        assert_eq!(format(-0.04, 1), "0.0");
        assert_eq!(format(-1234.5, 1), "-1,234.5");
        assert_eq!(decimals_needed(&[76.0, 43.5]), 1);
        assert_eq!(decimals_needed(&[76.0, 43.0]), 0);
    }

    #[test]
    fn native_digits_follow_the_language() {
        let n =
            |v: f64, d: usize, p: bool, digits: Digits, code: &str| l(code).number(v, d, p, digits);
        assert_eq!(n(43.5, 1, true, Digits::Native, "ar"), "٤٣٫٥٪");
        assert_eq!(n(43.5, 1, true, Digits::Native, "fa"), "۴۳٫۵٪");
        assert_eq!(n(1207.0, 0, true, Digits::Native, "ur"), "۱٬۲۰۷٪");
        assert_eq!(n(43.5, 1, true, Digits::Native, "bn"), "৪৩.৫%");
        assert_eq!(n(43.5, 1, true, Digits::Native, "fr"), "43,5\u{202F}%");
        assert_eq!(n(43.5, 1, true, Digits::Latin, "en"), "43.5%");
        assert_eq!(n(1207.5, 1, false, Digits::Latin, "fr"), "1\u{202F}207,5");
        assert_eq!(n(1207.5, 1, true, Digits::Latin, "de"), "1.207,5\u{A0}%");
        assert_eq!(n(-12.5, 1, true, Digits::Latin, "tr"), "-%12,5");
        assert_eq!(n(12.5, 1, true, Digits::Latin, "id"), "12,5%");
        assert_eq!(n(12.5, 1, true, Digits::Latin, "ms"), "12.5%");
        assert_eq!(n(12.5, 1, true, Digits::Latin, "ar"), "12.5%");
        assert_eq!(n(43.5, 1, true, Digits::Arabic, "fa"), "٤٣٫٥٪");
        assert_eq!(n(-102347.0, 0, false, Digits::Arabic, "en"), "-١٠٢٬٣٤٧");
    }

    #[test]
    fn running_text_keeps_its_punctuation() {
        assert_eq!(
            l("ar").text_digits("80% in 2024, 1.5 and 3,000.", Digits::Arabic),
            "٨٠٪ in ٢٠٢٤, ١٫٥ and ٣٬٠٠٠."
        );
        assert_eq!(l("fr").text_digits("12.5%", Digits::Native), "12.5%");
        assert_eq!(l("en").text_digits("12.5%", Digits::Latin), "12.5%");
        assert_eq!(l("bn").text_digits("12.5%", Digits::Native), "১২.৫%");
    }
}
