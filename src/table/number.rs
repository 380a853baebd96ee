//! Reading numbers as people write them in CSV files (writing them is `locale::number`).
//!
//! Accepted: `43`, `43.5`, `-2`, `1e3`, `43%`, `43 %`, Arabic-Indic and Persian digits with the
//! Arabic percent sign and decimal separator (`٧٦٪`, `٤٣٫٥`), and thousands separators in
//! groups of three (`102,347`, `١٠٢٬٣٤٧`); with a decimal comma (see [`parse_as`]) `12,9` and
//! `1.234,5`; any of these written as approximate, `~25` or `≈25`. Refused: NaN, infinity, and anything else. Cells that say "no data" (`NA`, `..`)
//! are told apart by [`is_missing`].

use crate::options::{DecimalMark, Message};

/// A parsed cell: its value and whether it was written with a percent sign, or as
/// approximate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// The value, always finite.
    pub value: f64,
    /// True when the cell carried `%` or `٪`.
    pub percent: bool,
    /// True when the cell started with `~` or `≈` ("about 25": `~25`).
    pub approx: bool,
}

/// The marks that write a value as approximate, before it: `~25`, `≈25` (and the tilde
/// operator and the full-width tilde that some keyboards give).
pub const APPROX: [char; 4] = ['~', '≈', '\u{223C}', '\u{FF5E}'];

/// Why a cell is not a number; the text is shown to the user after the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Empty cell.
    Empty,
    /// Not a number at all.
    NotANumber,
    /// NaN or an infinite value (or one too large for a 64-bit float).
    NotFinite,
    /// A comma that is not a thousands separator, as in the decimal comma `12,5`.
    DecimalComma,
    /// A point where a file read with decimal commas has none: `12.9` with `--decimal ,`.
    DecimalPoint,
    /// A magnitude beyond [`MAX_ABS`]: no chart of it can be drawn with a readable axis.
    TooLarge,
}

/// The largest magnitude a value may have (10^15): past it, axis arithmetic loses all precision.
pub const MAX_ABS: f64 = 1e15;

impl NumberError {
    /// A hint for the user, naming options by key (the front end words them).
    pub fn hint(&self) -> Message {
        match self {
            NumberError::NotANumber => Message::new()
                .text("write a plain number such as 43, 43.5 or 43%; choose value columns with ")
                .name("value"),
            NumberError::DecimalComma => Message::new()
                .text("use a point as the decimal separator (12.5), commas only group thousands (102,347); or read the file with decimal commas: ")
                .set_text("decimal", ','),
            NumberError::DecimalPoint => Message::new()
                .text("this file is read with decimal commas (12,5), where a point only groups thousands (1.234,5); for decimal points use ")
                .set_text("decimal", '.'),
            other => other.fixed_hint().into(),
        }
    }

    fn fixed_hint(&self) -> &'static str {
        match self {
            NumberError::Empty => "every value must be filled in; remove the row or give a number",
            NumberError::NotANumber | NumberError::DecimalComma | NumberError::DecimalPoint => {
                "write a plain number such as 43, 43.5 or 43%"
            }
            NumberError::NotFinite => "NaN and infinity cannot be drawn; give a finite number",
            NumberError::TooLarge => {
                "values may be at most 10^15 in size; express them in larger units (millions, billions)"
            }
        }
    }
}

/// Parses one cell with a decimal point (thousands grouped by `,`).
///
/// ```
/// use sharechart::table::number::parse;
/// assert_eq!(parse("٧٦٪").map(|n| (n.value, n.percent)), Ok((76.0, true)));
/// assert_eq!(parse("\"102,347\"".trim_matches('"')).map(|n| n.value), Ok(102347.0));
/// assert!(parse("NaN").is_err());
/// ```
pub fn parse(cell: &str) -> Result<Number, NumberError> {
    parse_as(cell, DecimalMark::Point)
}

/// Parses one cell with the decimal separator `mark`: with [`DecimalMark::Comma`], `12,9` is
/// 12.9 and thousands are grouped by `.`, a space, a no-break space or `'` (`1.234,5`).
///
/// ```
/// use sharechart::table::number::parse_as;
/// use sharechart::options::DecimalMark;
/// assert_eq!(parse_as("1.234,5", DecimalMark::Comma).map(|n| n.value), Ok(1234.5));
/// assert_eq!(parse_as("12,9 %", DecimalMark::Comma).map(|n| n.value), Ok(12.9));
/// ```
pub fn parse_as(cell: &str, mark: DecimalMark) -> Result<Number, NumberError> {
    let mut s = cell.trim();
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let approx = match s.strip_prefix(APPROX) {
        Some(rest) => {
            s = rest.trim_start();
            true
        }
        None => false,
    };
    let mut percent = false;
    for sign in ['%', '٪'] {
        if let Some(rest) = s.strip_suffix(sign) {
            s = rest.trim_end();
            percent = true;
            break;
        }
    }
    // Written in a canonical form: `.` for the decimal separator, `,` for a thousands one.
    let mut ascii = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match (c, mark) {
            ('0'..='9' | '+' | '-' | 'e' | 'E', _) => c,
            ('\u{0660}'..='\u{0669}', _) => char::from(b'0' + (c as u32 - 0x0660) as u8),
            ('\u{06F0}'..='\u{06F9}', _) => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            ('\u{066B}', _) => '.',
            ('\u{066C}', _) => ',',
            ('\u{2212}', _) => '-',
            ('.', DecimalMark::Point) | (',', DecimalMark::Comma) => '.',
            (',', DecimalMark::Point) => ',',
            ('.' | ' ' | '\u{A0}' | '\u{202F}' | '\'', DecimalMark::Comma) => ',',
            _ => return Err(not_a_number(s)),
        };
        ascii.push(mapped);
    }
    let plain = strip_thousands(&ascii).map_err(|e| match mark {
        DecimalMark::Point => e,
        DecimalMark::Comma => NumberError::DecimalPoint,
    })?;
    if !is_decimal(&plain) {
        return Err(NumberError::NotANumber);
    }
    let value: f64 = plain.parse().map_err(|_| NumberError::NotANumber)?;
    if !value.is_finite() {
        return Err(NumberError::NotFinite);
    }
    if value.abs() > MAX_ABS {
        return Err(NumberError::TooLarge);
    }
    Ok(Number {
        value,
        percent,
        approx,
    })
}

/// Why `s`, which holds a character no number has, is not a number.
fn not_a_number(s: &str) -> NumberError {
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.trim_start_matches(['+', '-']),
        "nan" | "inf" | "infinity"
    ) {
        NumberError::NotFinite
    } else {
        NumberError::NotANumber
    }
}

/// True when a cell says "no data": empty, `NA`, `N/A`, `..` (World Bank), `-`, `—`, `–` or
/// `null`, in any case.
///
/// ```
/// assert!(sharechart::table::number::is_missing(" n/a "));
/// assert!(!sharechart::table::number::is_missing("0"));
/// ```
pub fn is_missing(cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty()
        || ["na", "n/a", "..", "-", "\u{2014}", "\u{2013}", "null"]
            .iter()
            .any(|m| c.eq_ignore_ascii_case(m))
}

/// Removes thousands separators: the integer part must be groups of three after the first.
fn strip_thousands(s: &str) -> Result<String, NumberError> {
    if !s.contains(',') {
        return Ok(s.to_string());
    }
    let body = s.trim_start_matches(['+', '-']);
    let int_part = body.split(['.', 'e', 'E']).next().unwrap_or("");
    if body[int_part.len()..].contains(',') {
        return Err(NumberError::DecimalComma);
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    let ok = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if !ok {
        return Err(NumberError::DecimalComma);
    }
    Ok(s.replace(',', ""))
}

/// A strict decimal grammar: optional sign, digits with an optional fraction, optional exponent.
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> f64 {
        parse(s).map(|n| n.value).unwrap_or(f64::NAN)
    }

    #[test]
    fn plain_and_percent() {
        assert_eq!(v("43"), 43.0);
        assert_eq!(v(" 43.5 "), 43.5);
        assert_eq!(
            parse("43%"),
            Ok(Number {
                value: 43.0,
                percent: true,
                approx: false,
            })
        );
        assert_eq!(
            parse("43 %"),
            Ok(Number {
                value: 43.0,
                percent: true,
                approx: false,
            })
        );
        assert_eq!(v("-2"), -2.0);
        assert_eq!(v("1e3"), 1000.0);
        assert_eq!(v(".5"), 0.5);
    }

    #[test]
    fn approximate_values() {
        for (cell, value) in [
            ("~25", 25.0),
            ("≈ 25%", 25.0),
            ("~٢٥٪", 25.0),
            ("∼0.5", 0.5),
        ] {
            let n = parse(cell).expect(cell);
            assert!(n.approx && n.value == value, "{cell}: {n:?}");
        }
        assert!(!parse("25").expect("plain").approx);
        assert!(parse("~").is_err());
        assert_eq!(parse("2~5"), Err(NumberError::NotANumber));
    }

    #[test]
    fn arabic_and_persian_digits() {
        assert_eq!(
            parse("٧٦٪"),
            Ok(Number {
                value: 76.0,
                percent: true,
                approx: false,
            })
        );
        assert_eq!(v("٤٣٫٥"), 43.5);
        assert_eq!(v("۱۵"), 15.0);
        assert_eq!(v("١٠٢٬٣٤٧"), 102347.0);
    }

    #[test]
    fn thousands() {
        assert_eq!(v("102,347"), 102347.0);
        assert_eq!(v("1,234,567.5"), 1234567.5);
        assert_eq!(parse("12,5"), Err(NumberError::DecimalComma));
        assert_eq!(parse("1,2345"), Err(NumberError::DecimalComma));
    }

    #[test]
    fn decimal_comma() {
        let c = |s: &str| parse_as(s, DecimalMark::Comma).map(|n| n.value);
        assert_eq!(c("12,9"), Ok(12.9));
        assert_eq!(c("1.234,5"), Ok(1234.5));
        assert_eq!(c("1 234,5"), Ok(1234.5));
        assert_eq!(c("1\u{A0}234"), Ok(1234.0));
        assert_eq!(c("1\u{202F}234,25"), Ok(1234.25));
        assert_eq!(c("1'234'567"), Ok(1234567.0));
        assert_eq!(c("-0,5 %"), Ok(-0.5));
        assert_eq!(c("٤٣٫٥"), Ok(43.5));
        assert_eq!(c("12.9"), Err(NumberError::DecimalPoint));
        assert_eq!(c("1,2,3"), Err(NumberError::NotANumber));
        assert_eq!(parse("1 234"), Err(NumberError::NotANumber));
    }

    #[test]
    fn missing_markers() {
        for m in [
            "", " ", "NA", "na", "N/A", "n/a", "..", "-", "\u{2014}", "\u{2013}", "NULL", "Null",
        ] {
            assert!(is_missing(m), "{m:?}");
        }
        for m in ["0", "NaN", "none", "...", "--", "x"] {
            assert!(!is_missing(m), "{m:?}");
        }
    }

    #[test]
    fn refused() {
        assert_eq!(parse(""), Err(NumberError::Empty));
        assert_eq!(parse("NaN"), Err(NumberError::NotFinite));
        assert_eq!(parse("-inf"), Err(NumberError::NotFinite));
        assert_eq!(parse("1e999"), Err(NumberError::NotFinite));
        assert_eq!(parse("1.7e308"), Err(NumberError::TooLarge));
        assert_eq!(parse("-2e15"), Err(NumberError::TooLarge));
        assert_eq!(v("1e15"), 1e15);
        assert_eq!(parse("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse("4x3"), Err(NumberError::NotANumber));
        assert_eq!(parse("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(parse("%"), Err(NumberError::NotANumber));
        assert_eq!(parse("e5"), Err(NumberError::NotANumber));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_is_finite(s in "\\PC{0,12}") {
            if let Ok(n) = parse(&s) {
                proptest::prop_assert!(n.value.is_finite());
            }
        }

        #[test]
        fn comma_mode_reads_what_point_mode_reads_with_the_marks_swapped(n in -1_000_000i64..1_000_000, f in 0u32..100) {
            let point = format!("{}.{f:02}", crate::locale::number::format(n as f64, 0));
            let comma = point.replace(',', "\u{A0}").replace('.', ",");
            let (p, c) = (parse(&point), parse_as(&comma, DecimalMark::Comma));
            proptest::prop_assert_eq!(p.map(|x| x.value), c.map(|x| x.value));
        }

        #[test]
        fn round_trips_integers(n in -1_000_000i64..1_000_000) {
            proptest::prop_assert_eq!(v(&n.to_string()), n as f64);
            proptest::prop_assert_eq!(v(&crate::locale::number::format(n as f64, 0)), n as f64);
        }
    }
}
