//! [`ChartSpec`]: everything that decides how one chart looks, shared by the command-line flags
//! and the `charts.toml` manifest. Chart code sees only this, never clap or TOML.

use serde::{Deserialize, Serialize};

/// Bar or pie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Bars (vertical, horizontal, grouped).
    Bar,
    /// A pie or donut, or a grid of them with `each_row`.
    Pie,
}

/// Sort order of categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// Language of the chart's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, left to right.
    #[default]
    En,
    /// Arabic: the `_ar` label columns, right-to-left layout.
    Ar,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Digits {
    /// 0123456789 and %.
    #[default]
    Latin,
    /// Arabic-Indic digits ٠١٢٣٤٥٦٧٨٩, the Arabic percent sign ٪ and decimal separator ٫.
    Arabic,
}

/// Smallest image side in pixels.
pub const MIN_SIZE: u32 = 200;
/// Largest image side in pixels.
pub const MAX_SIZE: u32 = 8000;
/// Most pixels in a PNG (width x height x scale²): 64 million, about 256 MB while drawing.
pub const MAX_PIXELS: f64 = 64e6;

/// How to draw one chart. Field names are the manifest keys (kebab-case) and the flag names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ChartSpec {
    /// Column with the category labels (default: the first text column).
    pub label: Option<String>,
    /// Value columns (default: every numeric column).
    pub value: Vec<String>,
    /// Column whose values split rows into series (long data); default: detected.
    pub series: Option<String>,
    /// Legend names for the series, in order (default: column headers or series values).
    pub legend: Vec<String>,
    /// Horizontal bars.
    pub horizontal: bool,
    /// Stack the series of each bar.
    pub stacked: bool,
    /// Keep the largest N categories and fold the rest into "Other".
    pub top: Option<usize>,
    /// Sort categories by value.
    pub sort: Option<Sort>,
    /// Pie with a hole.
    pub donut: bool,
    /// One share-vs-rest pie per row.
    pub each_row: bool,
    /// Label of the remainder slice of a percentage pie.
    pub rest: Option<String>,
    /// Title (default: from the file name).
    pub title: Option<String>,
    /// Subtitle: what is measured and its unit.
    pub subtitle: Option<String>,
    /// Source line under the chart.
    pub source: Option<String>,
    /// Language.
    pub lang: Lang,
    /// Image width in pixels (SVG user units).
    pub width: u32,
    /// Image height in pixels.
    pub height: u32,
    /// PNG pixel density (2 for high-density screens).
    pub scale: f32,
    /// Colour theme.
    pub theme: ThemeName,
    /// Digits of the numbers.
    pub digits: Digits,
    /// CSV delimiter (default: sniffed from the header line).
    pub delimiter: Option<char>,
}

impl Default for ChartSpec {
    fn default() -> Self {
        ChartSpec {
            label: None,
            value: Vec::new(),
            series: None,
            legend: Vec::new(),
            horizontal: false,
            stacked: false,
            top: None,
            sort: None,
            donut: false,
            each_row: false,
            rest: None,
            title: None,
            subtitle: None,
            source: None,
            lang: Lang::En,
            width: 1200,
            height: 800,
            scale: 1.0,
            theme: ThemeName::Light,
            digits: Digits::Latin,
            delimiter: None,
        }
    }
}

impl ChartSpec {
    /// Checks sizes and scale before any work is done.
    pub fn validate(&self) -> Result<(), crate::error::ChartError> {
        let ok = |v: u32| (MIN_SIZE..=MAX_SIZE).contains(&v);
        if !ok(self.width) || !ok(self.height) {
            return Err(crate::error::ChartError::Size {
                width: self.width,
                height: self.height,
                min: MIN_SIZE,
                max: MAX_SIZE,
            });
        }
        if !(0.25..=8.0).contains(&self.scale) || !self.scale.is_finite() {
            return Err(crate::error::ChartError::Scale { scale: self.scale });
        }
        if let Some(d) = self.delimiter {
            if !d.is_ascii() || matches!(d, '"' | '\n' | '\r') {
                return Err(crate::error::ChartError::Delimiter { delimiter: d });
            }
        }
        if self.top == Some(0) {
            return Err(crate::error::ChartError::TopZero);
        }
        Ok(())
    }

    /// Checks that a PNG of this size and scale can be drawn (only asked when a PNG is wanted).
    pub fn validate_png(&self) -> Result<(), crate::error::ChartError> {
        let pixels = f64::from(self.width)
            * f64::from(self.scale)
            * f64::from(self.height)
            * f64::from(self.scale);
        if pixels > MAX_PIXELS {
            return Err(crate::error::ChartError::Pixels {
                width: (f64::from(self.width) * f64::from(self.scale)).round() as u64,
                height: (f64::from(self.height) * f64::from(self.scale)).round() as u64,
            });
        }
        Ok(())
    }

    /// The delimiter as a byte, if one was given and it is ASCII.
    pub fn delimiter_byte(&self) -> Option<u8> {
        self.delimiter.and_then(|c| u8::try_from(c).ok())
    }

    /// True for a right-to-left chart.
    pub fn rtl(&self) -> bool {
        self.lang == Lang::Ar
    }
}
