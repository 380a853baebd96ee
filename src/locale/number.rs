//! Numbers as a chart writes them: from the number, in the chart language's style (decimal
//! mark, thousands separator, percent sign, minus sign) and digit system (Latin, Arabic-Indic
//! or the language's own), and the digits of running text (titles, labels) in that digit
//! system.
//!
//! [`Numbers`] is how one chart writes its values and ticks, decided once from what it draws:
//! - **precision**: values as written keep their decimals (at most three: "43.5%"), computed
//!   ones (`agg mean`, the shares of a pie of counts) three significant digits of the largest
//!   ("416", not "415.870"); a value that this would write with fewer than two significant
//!   digits gets them ("0.00012%", never "0.000%"); ticks take the decimals of their step;
//! - **compact** large numbers ("8B", "1.2M"; «8 مليار», "8 Md", "12 লা" by CLDR's short
//!   patterns of the chart's language) once the largest value reaches a million, with three
//!   significant digits ("39.3M");
//! - the **minus sign** U+2212 ("−0.5"), and with Arabic-Indic or Extended Arabic-Indic digits
//!   CLDR's form for them (with the bidi mark that keeps it left of the number in right-to-left
//!   text); right-to-left languages put a left-to-right mark before it in Latin digits too;
//! - the user's `--format` (decimals, prefix, suffix, compact on or off) over all of that.

use super::{Cldr, Locale, NumberStyle, Percent};
use crate::options::{Compact, Digits, NumberFormat};

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
/// value that rounds to zero). Rounded half away from zero on the number as written, the
/// shortest decimal that reads back as `value` ("2.25" to one decimal is "2.3", and "1.005"
/// to two is "1.01", as the reader of the CSV file expects), not on its binary neighbour.
fn split(value: f64, decimals: usize) -> (bool, String, Option<String>) {
    if !value.is_finite() {
        // Refused when read; said as it is rather than as a made-up number.
        return (false, format!("{value}"), None);
    }
    let (int, frac) = round_half_up(&format!("{}", value.abs()), decimals);
    let zero = int.chars().all(|c| c == '0') && frac.chars().all(|c| c == '0');
    let frac = (decimals > 0).then_some(frac);
    (value.is_sign_negative() && !zero, int, frac)
}

/// A plain decimal ("1234.5678", no sign, no exponent: how Rust writes an `f64`) rounded to
/// `decimals`, half away from zero: its integer digits and exactly `decimals` fraction digits.
fn round_half_up(plain: &str, decimals: usize) -> (String, String) {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let keep = int.len() + decimals;
    let up = digits.get(keep).is_some_and(|&d| d >= 5);
    digits.resize(keep, 0);
    if up {
        let mut i = keep;
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let split = digits.len() - decimals;
    let text = |d: &[u8]| d.iter().map(|&d| char::from(b'0' + d)).collect::<String>();
    let int = text(&digits[..split]);
    let int = match int.trim_start_matches('0') {
        "" => "0".to_string(),
        t => t.to_string(),
    };
    (int, text(&digits[split..]))
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
    /// in Turkish, "٧٦٪" with Arabic digits, "−3" with a true minus sign.
    pub fn number(&self, value: f64, decimals: usize, percent: bool, digits: Digits) -> String {
        let parts = Parts {
            value,
            decimals,
            percent,
            unit: "",
            affix: ("", ""),
        };
        self.write(&parts, digits, self.minus(digits, self.cldr()))
    }

    /// The CLDR data of this row's first language.
    fn cldr(&self) -> &'static Cldr {
        super::cldr(self.codes.first().copied().unwrap_or("en"))
    }

    /// The minus sign in the digit system of `digits`: U+2212, after a left-to-right mark in a
    /// right-to-left language (as CLDR has it, so the sign stays left of the number in
    /// right-to-left text); with Arabic-Indic or Extended Arabic-Indic digits, CLDR's sign for
    /// them (`cldr`'s own when its digits are those, else Arabic's or Persian's).
    fn minus(&self, digits: Digits, cldr: &Cldr) -> &'static str {
        match self.system(digits).0 {
            0x0660 if cldr.native == "arab" => cldr.native_minus,
            0x0660 => "\u{061C}-",
            0x06F0 if cldr.native == "arabext" => cldr.native_minus,
            0x06F0 => "\u{200E}\u{2212}",
            _ if self.rtl => "\u{200E}\u{2212}",
            _ => "\u{2212}",
        }
    }

    /// Writes `parts` in the digits and style of `digits`.
    fn write(&self, parts: &Parts, digits: Digits, minus: &str) -> String {
        let (zero, style, sign) = self.system(digits);
        let (negative, int, frac) = split(parts.value, parts.decimals);
        let digit = |c: char| char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c);
        let mut body: String = group(&int, style.group)
            .chars()
            .map(|c| if c.is_ascii_digit() { digit(c) } else { c })
            .collect();
        if let Some(f) = frac {
            body.push(style.decimal);
            body.extend(f.chars().map(digit));
        }
        // A compact number's word, in its pattern's place: "1.2M", "٥ آلاف".
        let body = if parts.unit.is_empty() {
            body
        } else {
            parts.unit.replacen('0', &body, 1)
        };
        let (prefix, suffix) = parts.affix;
        let minus = if negative { minus } else { "" };
        match (parts.percent, style.percent) {
            (false, _) => format!("{minus}{prefix}{body}{suffix}"),
            (true, Percent::After) => format!("{minus}{prefix}{body}{sign}{suffix}"),
            (true, Percent::AfterSpace(space)) => {
                format!("{minus}{prefix}{body}{space}{sign}{suffix}")
            }
            (true, Percent::Before) => format!("{minus}{prefix}{sign}{body}{suffix}"),
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

/// A number to write: the value, its decimals, whether it is a percentage, a compact pattern
/// with its digits replaced by one "0" ("0M"; "" for none), and the user's prefix and suffix.
struct Parts<'a> {
    value: f64,
    decimals: usize,
    percent: bool,
    unit: &'a str,
    affix: (&'a str, &'a str),
}

/// How precise a chart's values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    /// The user's decimals (`--format decimals=N`).
    Fixed(usize),
    /// At least this many decimals for every value (values as written: the decimals they
    /// have, at most three; computed ones: three significant digits of the largest).
    Chart(usize),
}

/// How one chart writes its numbers: its language, digits, precision, compactness and the
/// user's prefix and suffix, decided once from the values it draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbers {
    locale: &'static Locale,
    cldr: &'static Cldr,
    digits: Digits,
    percent: bool,
    precision: Precision,
    compact: bool,
    prefix: String,
    suffix: String,
}

/// A number's decimals when it needs fewer than `max` to be written exactly (within float
/// noise), else `max`.
pub fn exact_decimals(v: f64, max: usize) -> usize {
    (0..max)
        .find(|&d| {
            let scaled = v * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(max)
}

/// The fewest decimals that write `v` as it is at `max` decimals: "1.2" for 1.2003 at two,
/// "1" for 0.999999 at two (1.00).
fn trimmed(v: f64, max: usize) -> usize {
    let (_, at_max) = round_half_up(&format!("{}", v.abs()), max);
    at_max.trim_end_matches('0').len()
}

/// The decimals that write `v` with `n` significant digits (0 for a value of n digits or more).
fn significant(v: f64, n: i32) -> usize {
    if v == 0.0 || !v.is_finite() {
        return 0;
    }
    (n - 1 - v.abs().log10().floor() as i32).clamp(0, 15) as usize
}

/// The most decimals a value is written with when it needs them to keep its significant
/// digits (a share of 0.000000012%).
const MOST_DECIMALS: usize = 12;

/// From this largest value on, a chart's numbers are compact (with `compact=auto`).
const COMPACT_FROM: f64 = 1e6;

impl Numbers {
    /// How a chart in language `code` (a primary subtag, for CLDR's compact patterns and minus
    /// signs) with the row `locale`, `digits` and the user's `format` writes `values`:
    /// percentages or not, as written or `computed`.
    pub fn new(
        (locale, code): (&'static Locale, &str),
        digits: Digits,
        format: Option<&NumberFormat>,
        values: &[f64],
        percent: bool,
        computed: bool,
    ) -> Numbers {
        let default = NumberFormat::default();
        let format = format.unwrap_or(&default);
        let exact = values
            .iter()
            .map(|&v| exact_decimals(v, MOST_DECIMALS))
            .max()
            .unwrap_or(0);
        let largest = values.iter().fold(0.0, |m: f64, v| m.max(v.abs()));
        let precision = match format.decimals {
            Some(d) => Precision::Fixed(usize::from(d)),
            None if computed => Precision::Chart(exact.min(significant(largest, 3))),
            None => Precision::Chart(exact.min(3)),
        };
        let compact = match format.compact {
            Compact::On => true,
            Compact::Off => false,
            Compact::Auto => largest >= COMPACT_FROM && !percent,
        };
        // A code CLDR does not have takes its row's first language's data (`prs` -> `fa`).
        let cldr = match super::cldr(code) {
            c if c.code == code => c,
            _ => locale.cldr(),
        };
        Numbers {
            locale,
            cldr,
            digits,
            percent,
            precision,
            compact,
            prefix: format.prefix.clone(),
            suffix: format.suffix.clone(),
        }
    }

    /// The same chart's way with computed shares in % (the slices of a pie of counts): three
    /// significant digits, never compact.
    pub fn shares(&self, shares: &[f64]) -> Numbers {
        let mut n = Numbers::new(
            (self.locale, self.cldr.code),
            self.digits,
            None,
            shares,
            true,
            true,
        );
        n.cldr = self.cldr;
        n
    }

    /// True when the values are percentages.
    pub fn percent(&self) -> bool {
        self.percent
    }

    /// A value as its label and the alt text write it: "43.5%", "416", "0.00012%", "39.3M",
    /// "−2.5".
    pub fn value(&self, v: f64) -> String {
        let decimals = match self.precision {
            Precision::Fixed(d) => d,
            // Never fewer than two significant digits: 0.0001 is not "0.000".
            Precision::Chart(d) => d.max(exact_decimals(v, significant(v, 2))),
        };
        self.compacted(v, |scaled, zeros| match self.precision {
            Precision::Fixed(d) => d,
            // Three significant digits, without trailing zeros: "1.2M", "39.3M", "8B".
            Precision::Chart(_) => trimmed(scaled, 3usize.saturating_sub(zeros)),
        })
        .unwrap_or_else(|| self.plain(v, decimals))
    }

    /// A tick of an axis whose ticks are `step` apart: the decimals of the step ("0.5", "1.0"),
    /// compact like the values ("500K", "1.5M").
    pub fn tick(&self, v: f64, step: f64) -> String {
        self.compacted(v, |scaled, _| trimmed(scaled, 3))
            .unwrap_or_else(|| self.plain(v, exact_decimals(step, MOST_DECIMALS)))
    }

    /// `v` in full with `decimals`, in the chart's style (its digits, minus sign, prefix and
    /// suffix).
    pub fn fixed(&self, v: f64, decimals: usize) -> String {
        self.plain(v, decimals)
    }

    /// `v` in full with `decimals`.
    fn plain(&self, v: f64, decimals: usize) -> String {
        self.written(v, decimals, "")
    }

    fn written(&self, value: f64, decimals: usize, unit: &str) -> String {
        let parts = Parts {
            value,
            decimals,
            percent: self.percent,
            unit,
            affix: (&self.prefix, &self.suffix),
        };
        let minus = self.locale.minus(self.digits, self.cldr);
        self.locale.write(&parts, self.digits, minus)
    }

    /// `v` written compactly, if the chart is compact and CLDR's pattern for its magnitude has
    /// a word ("0K"; "0" is written in full); `decimals` gives the decimals of the scaled value
    /// from it and its pattern's number of zeros.
    fn compacted(&self, v: f64, decimals: impl Fn(f64, usize) -> usize) -> Option<String> {
        if !self.compact || !v.is_finite() {
            return None;
        }
        let mut exp = v.abs().log10().floor() as i32;
        // Rounding may carry into the next magnitude (999,999 is "1M", not "1000K").
        for _ in 0..2 {
            let pattern = self.cldr.compact(exp)?;
            let zeros = pattern.chars().filter(|&c| c == '0').count();
            if pattern.chars().all(|c| c == '0') {
                return None;
            }
            let scaled = v / 10f64.powi(exp - zeros as i32 + 1);
            let d = decimals(scaled.abs(), zeros);
            let (int, _) = round_half_up(&format!("{}", scaled.abs()), d);
            if int.len() > zeros {
                exp += 1;
                continue;
            }
            let pattern = match self.cldr.thousands_few {
                Some(few) if exp == 3 && d == 0 && arabic_few(&int) => few,
                _ => pattern,
            };
            // The pattern with its run of zeros as one "0", where the number goes.
            let unit: String = pattern
                .char_indices()
                .filter(|&(i, c)| c != '0' || !pattern[..i].contains('0'))
                .map(|(_, c)| c)
                .collect();
            return Some(self.written(scaled, d, &unit));
        }
        None
    }
}

/// Arabic's plural category "few" for the integer `digits` (CLDR: last two digits 3 to 10),
/// which takes the plural "آلاف" for thousands.
fn arabic_few(digits: &str) -> bool {
    digits
        .parse::<u64>()
        .is_ok_and(|n| (3..=10).contains(&(n % 100)))
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
        assert_eq!(n(-12.5, 1, true, Digits::Latin, "tr"), "\u{2212}%12,5");
        assert_eq!(n(12.5, 1, true, Digits::Latin, "id"), "12,5%");
        assert_eq!(n(12.5, 1, true, Digits::Latin, "ms"), "12.5%");
        assert_eq!(n(12.5, 1, true, Digits::Latin, "ar"), "12.5%");
        assert_eq!(n(43.5, 1, true, Digits::Arabic, "fa"), "٤٣٫٥٪");
        assert_eq!(
            n(-102347.0, 0, false, Digits::Arabic, "en"),
            "\u{061C}-١٠٢٬٣٤٧"
        );
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

    /// A chart's numbers in language `code` of `values`.
    fn chart(code: &str, values: &[f64], percent: bool, computed: bool) -> Numbers {
        let lang = code.parse::<Lang>().expect("code");
        Numbers::new(
            (Locale::of(&lang), lang.primary()),
            Digits::Latin,
            None,
            values,
            percent,
            computed,
        )
    }

    #[test]
    fn small_values_keep_two_significant_digits() {
        let n = chart("en", &[0.0001, 0.00015, 0.0003], true, false);
        assert_eq!(n.value(0.0001), "0.0001%");
        assert_eq!(n.value(0.00015), "0.00015%");
        assert_eq!(n.tick(0.00025, 0.00005), "0.00025%");
        assert_eq!(n.tick(0.0, 0.00005), "0.00000%");
        // Written with many decimals: three at most, unless a value needs more to show two
        // significant digits.
        let n = chart("en", &[0.012098, 0.003421545], false, false);
        assert_eq!(n.value(0.012098), "0.012");
        assert_eq!(n.value(0.003421545), "0.0034");
        // As written up to three decimals, the same for every value: 12.50 beside 0.04.
        let n = chart("en", &[12.5, 0.04], false, false);
        assert_eq!(
            (n.value(12.5), n.value(0.04)),
            ("12.50".into(), "0.04".into())
        );
    }

    #[test]
    fn computed_values_have_three_significant_digits() {
        let means = [24.737, 47.987, 91.261, 415.8703, 64.73];
        let n = chart("en", &means, false, true);
        assert_eq!(n.value(415.8703), "416");
        assert_eq!(n.value(24.737), "25");
        // A small mean among large ones keeps two significant digits.
        assert_eq!(n.value(6.77), "6.8");
        let n = chart("en", &[2.5, 3.0], false, true);
        assert_eq!((n.value(2.5), n.value(3.0)), ("2.5".into(), "3.0".into()));
    }

    #[test]
    fn large_numbers_are_compact_in_the_language() {
        let values = [8e9, 1_234_567.0, 39_250_017.0];
        let n = chart("en", &values, false, false);
        assert_eq!(n.value(8e9), "8B");
        assert_eq!(n.value(1_234_567.0), "1.23M");
        assert_eq!(n.value(39_250_017.0), "39.3M");
        assert_eq!(n.value(999_999.0), "1M", "rounding carries into millions");
        assert_eq!(n.value(-1_200_000.0), "\u{2212}1.2M");
        assert_eq!(n.value(512.0), "512");
        assert_eq!(n.tick(1_500_000.0, 500_000.0), "1.5M");
        assert_eq!(n.tick(500_000.0, 500_000.0), "500K");
        assert_eq!(n.tick(0.0, 500_000.0), "0");
        assert_eq!(
            chart("ar", &values, false, false).value(8e9),
            "8\u{a0}مليار"
        );
        assert_eq!(chart("fr", &values, false, false).value(8e9), "8\u{a0}Md");
        assert_eq!(
            chart("fr", &values, false, false).value(1_234_567.0),
            "1,23\u{a0}M"
        );
        assert_eq!(chart("ru", &values, false, false).value(8e9), "8\u{a0}млрд");
        assert_eq!(chart("id", &values, false, false).value(2e6), "2\u{a0}jt");
        // Bengali counts in lakh and crore, as CLDR has it.
        assert_eq!(chart("bn", &values, false, false).value(2e6), "20\u{a0}লা");
        // Arabic's plural for 3 to 10 thousand.
        let ar = chart("ar", &values, false, false);
        assert_eq!(ar.value(5000.0), "5\u{a0}آلاف");
        assert_eq!(ar.value(11_000.0), "11\u{a0}ألف");
        // Below a million nothing is compact; percentages never are.
        assert_eq!(
            chart("en", &[102_347.0], false, false).value(102_347.0),
            "102,347"
        );
        assert_eq!(chart("en", &[2e6], true, false).value(2e6), "2,000,000%");
    }

    #[test]
    fn the_minus_sign_is_a_true_one() {
        let n = |code: &str, digits: Digits| {
            let lang = code.parse::<Lang>().expect("code");
            let locale = Locale::of(&lang);
            Numbers::new(
                (locale, lang.primary()),
                digits,
                None,
                &[-2.5],
                false,
                false,
            )
            .value(-2.5)
        };
        assert_eq!(n("en", Digits::Latin), "\u{2212}2.5");
        assert_eq!(n("fr", Digits::Latin), "\u{2212}2,5");
        // Right to left: a left-to-right mark keeps the sign before the number.
        assert_eq!(n("ar", Digits::Latin), "\u{200E}\u{2212}2.5");
        // CLDR's signs for Arabic-Indic and Extended Arabic-Indic digits.
        assert_eq!(n("ar", Digits::Native), "\u{061C}-٢٫٥");
        assert_eq!(n("fa", Digits::Native), "\u{200E}\u{2212}۲٫۵");
        assert_eq!(n("ur", Digits::Native), "\u{200E}-\u{200E}۲٫۵");
        assert_eq!(n("en", Digits::Arabic), "\u{061C}-٢٫٥");
    }

    #[test]
    fn the_users_format_comes_last() {
        let format: NumberFormat = "decimals=1,prefix=$,suffix= bn,compact=off"
            .parse()
            .expect("format");
        let n = Numbers::new(
            (l("en"), "en"),
            Digits::Latin,
            Some(&format),
            &[8e9, 2.25],
            false,
            false,
        );
        assert_eq!(n.value(8e9), "$8,000,000,000.0 bn");
        assert_eq!(n.value(-2.25), "\u{2212}$2.3 bn");
        assert_eq!(n.tick(5e9, 1e9), "$5,000,000,000 bn");
        let on: NumberFormat = "compact=on".parse().expect("format");
        let n = Numbers::new(
            (l("en"), "en"),
            Digits::Latin,
            Some(&on),
            &[12_345.0],
            false,
            false,
        );
        assert_eq!(n.value(12_345.0), "12.3K");
    }
}
