//! The values an option can take (sort order, theme, digits, ...): plain enums that clap reads
//! as `--theme dark` and serde as `theme = "dark"`, declared once here.

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

/// Sort order of categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Dark text on white.
    #[default]
    Light,
    /// Light text on a dark background, for slides and dark pages.
    Dark,
    /// Stays readable when printed in greyscale.
    Print,
}

/// Digits of the numbers on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// 0123456789 and %.
    #[default]
    Latin,
    /// Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩, the Arabic percent sign ٪ and decimal separator ٫.
    Arabic,
    /// The language's own digits and percent sign: Arabic-Indic for Arabic, Extended
    /// Arabic-Indic ۰۱۲۳۴۵۶۷۸۹ for Persian and Urdu, Bengali ০১২৩৪৫৬৭৮৯ for Bengali (Latin
    /// digits for a language without its own).
    Native,
}

/// How an SVG writes its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SvgText {
    /// As text, in the embedded fonts' families (small, searchable; a viewer without the fonts
    /// draws its own).
    #[default]
    Text,
    /// As glyph outlines: the same in every viewer; the title and description stay text for
    /// screen readers.
    Paths,
}

/// The decimal separator of the numbers in a CSV file (`--decimal ,`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `12.9`; thousands grouped with `,` (`1,234.5`).
    Point,
    /// `12,9`; thousands grouped with `.`, a space, a no-break space or `'` (`1.234,5`).
    Comma,
}

/// How `agg` turns the rows of each group (label, and series when given) into one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Agg {
    /// The number of rows (reads no value column).
    Count,
    /// The sum of the values (empty cells skipped).
    Sum,
    /// The mean of the values (empty cells skipped).
    Mean,
    /// The smallest value (empty cells skipped).
    Min,
    /// The largest value (empty cells skipped).
    Max,
}

impl Agg {
    /// The name, as the flag and the manifest spell it.
    pub fn name(self) -> &'static str {
        match self {
            Agg::Count => "count",
            Agg::Sum => "sum",
            Agg::Mean => "mean",
            Agg::Min => "min",
            Agg::Max => "max",
        }
    }
}

/// What becomes of the categories `top` leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OtherRule {
    /// Fold them into one "Other" category: their sum (with `agg`, their group's value).
    Sum,
    /// Leave them out; a note on the chart says how many were kept of how many.
    Drop,
}
