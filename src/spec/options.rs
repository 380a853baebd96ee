//! The options of a chart, declared once. Each field is at the same time a command-line flag
//! (clap derives the flag from it, `--each-row`) and a manifest key (serde derives the key,
//! `each-row = true`), with one default and one validation. The options of a kind are the
//! shared ones ([`Common`], which holds [`Columns`]) and the kind's own ([`BarOptions`],
//! [`PieOptions`]); which keys a kind accepts is read off these same definitions
//! ([`super::Kind::keys`]).

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};

use super::voice::{OptionError, Voice};

/// Sort order of categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

/// Language of the chart's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, left to right.
    #[default]
    En,
    /// Arabic: the `_ar` label columns, right-to-left layout.
    Ar,
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

/// Smallest image side in pixels.
pub const MIN_SIZE: u32 = 200;
/// Largest image side in pixels.
pub const MAX_SIZE: u32 = 8000;
/// Most pixels in a PNG (width x height x scale²): 64 million, about 256 MB while drawing.
pub const MAX_PIXELS: f64 = 64e6;
/// Default image width in pixels.
pub const WIDTH: u32 = 1200;
/// Default image height in pixels.
pub const HEIGHT: u32 = 800;
/// Default PNG pixel density.
pub const SCALE: f32 = 1.0;

/// Which columns to read and how: shared by the drawing commands and `preview`.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Columns {
    /// Column with the labels (default: the first text column).
    #[arg(long, value_name = "COL")]
    pub label: Option<String>,
    /// Value column (repeatable; default: every numeric column).
    #[arg(long, value_name = "COL")]
    pub value: Vec<String>,
    /// Column that splits long data into series (default: detected).
    #[arg(long, value_name = "COL")]
    pub series: Option<String>,
    /// Language: ar uses the `_ar` label columns and a right-to-left layout.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
    /// CSV delimiter (default: sniffed from the header: comma, semicolon or tab).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,
    /// Keep the N largest categories and fold the rest into "Other".
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Where these options came from, so messages name them as the user wrote them.
    #[arg(skip)]
    #[serde(skip)]
    pub voice: Voice,
}

/// Sorting, for the kinds that sort (bars, the terminal preview).
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Order {
    /// Sort the categories by value.
    #[arg(long, value_enum)]
    pub sort: Option<Sort>,
}

/// Options every chart kind has.
#[derive(Debug, Clone, PartialEq, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Common {
    /// Columns and language.
    #[command(flatten)]
    #[serde(flatten)]
    pub columns: Columns,
    /// Group the rows by label (and series) and draw one value per group: the count of rows,
    /// or the sum, mean, min or max of the value column. Reads big files and standard input
    /// as a stream.
    #[arg(long, value_enum, value_name = "HOW")]
    pub agg: Option<Agg>,
    /// Legend name for a series (repeatable, in order; default: from the data).
    #[arg(long, value_name = "NAME")]
    pub legend: Vec<String>,
    /// Title (default: from the file name).
    #[arg(long)]
    pub title: Option<String>,
    /// Subtitle: what is measured and its unit.
    #[arg(long)]
    pub subtitle: Option<String>,
    /// Source line under the chart.
    #[arg(long)]
    pub source: Option<String>,
    /// Colour theme (print stays readable in greyscale).
    #[arg(long, value_enum, default_value_t)]
    pub theme: ThemeName,
    /// Digits of the numbers on the chart.
    #[arg(long, value_enum, default_value_t)]
    pub digits: Digits,
    /// Width in pixels.
    #[arg(long, default_value_t = WIDTH)]
    pub width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = HEIGHT)]
    pub height: u32,
    /// PNG pixel density (2 for high-density screens).
    #[arg(long, default_value_t = SCALE)]
    pub scale: f32,
}

impl Default for Common {
    fn default() -> Self {
        Common {
            columns: Columns::default(),
            agg: None,
            legend: Vec::new(),
            title: None,
            subtitle: None,
            source: None,
            theme: ThemeName::default(),
            digits: Digits::default(),
            width: WIDTH,
            height: HEIGHT,
            scale: SCALE,
        }
    }
}

/// The options of a bar chart.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct BarOptions {
    /// The options every kind has.
    #[command(flatten)]
    #[serde(flatten)]
    pub common: Common,
    /// Sorting.
    #[command(flatten)]
    #[serde(flatten)]
    pub order: Order,
    /// Horizontal bars (better for long labels or many categories).
    #[arg(long)]
    pub horizontal: bool,
    /// Stack the series of each category into one bar.
    #[arg(long)]
    pub stacked: bool,
    /// Draw each percentage as one 100% bar split into the share and the rest (named LABEL).
    #[arg(long, value_name = "LABEL")]
    pub rest: Option<String>,
}

/// The options of a pie or donut chart.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct PieOptions {
    /// The options every kind has.
    #[command(flatten)]
    #[serde(flatten)]
    pub common: Common,
    /// Draw a donut (a ring) instead of a full pie.
    #[arg(long)]
    pub donut: bool,
    /// Label of the remainder slice when percentages sum below 100.
    #[arg(long, value_name = "LABEL")]
    pub rest: Option<String>,
    /// One small share-vs-rest pie per row, in a grid.
    #[arg(long)]
    pub each_row: bool,
}

impl Columns {
    /// The delimiter as a byte, if one was given and it is ASCII.
    pub fn delimiter_byte(&self) -> Option<u8> {
        self.delimiter.and_then(|c| u8::try_from(c).ok())
    }

    fn error(&self, key: &'static str, value: String, problem: &str, hint: &str) -> OptionError {
        OptionError {
            key,
            value,
            problem: problem.to_string(),
            hint: hint.to_string(),
            voice: self.voice,
        }
    }

    /// Checks the delimiter and `top`.
    pub fn validate(&self) -> Result<(), OptionError> {
        if let Some(d) = self.delimiter {
            if !d.is_ascii() || matches!(d, '"' | '\n' | '\r') {
                return Err(self.error(
                    "delimiter",
                    format!("{d:?}"),
                    "cannot separate CSV fields",
                    "use one ASCII character such as ',' ';' or a tab (not a quote or a line break)",
                ));
            }
        }
        if self.top == Some(0) {
            let hint = format!(
                "give the number of categories to keep, e.g. {}",
                self.voice.set("top", 8)
            );
            return Err(self.error("top", "0".into(), "would keep no category", &hint));
        }
        Ok(())
    }
}

impl Common {
    /// True for a right-to-left chart.
    pub fn rtl(&self) -> bool {
        self.columns.lang == Lang::Ar
    }

    /// The language of the chart's text.
    pub fn lang(&self) -> Lang {
        self.columns.lang
    }

    /// Checks sizes, scale, delimiter and `top`, before any work is done.
    pub fn validate(&self) -> Result<(), OptionError> {
        for (key, v) in [("width", self.width), ("height", self.height)] {
            if !(MIN_SIZE..=MAX_SIZE).contains(&v) {
                return Err(self.columns.error(
                    key,
                    v.to_string(),
                    "is out of range",
                    &format!(
                        "width and height must each be between {MIN_SIZE} and {MAX_SIZE} pixels"
                    ),
                ));
            }
        }
        if !(0.25..=8.0).contains(&self.scale) || !self.scale.is_finite() {
            return Err(self.columns.error(
                "scale",
                self.scale.to_string(),
                "is out of range",
                "use a scale from 0.25 to 8 (2 for high-density screens)",
            ));
        }
        self.columns.validate()?;
        self.validate_agg()
    }

    /// Checks that `agg` has the value column it needs: none for `count`, one for the others.
    fn validate_agg(&self) -> Result<(), OptionError> {
        let (Some(agg), v) = (self.agg, self.voice()) else {
            return Ok(());
        };
        let values = &self.columns.value;
        if agg == Agg::Count && !values.is_empty() {
            return Err(self.columns.error(
                "agg",
                "count".into(),
                &format!(
                    "counts rows and reads no value column, but {} was given",
                    v.name("value")
                ),
                &format!(
                    "drop {}, or add its values up with {}",
                    v.name("value"),
                    v.set("agg", "sum")
                ),
            ));
        }
        if values.len() > 1 {
            return Err(self.columns.error(
                "agg",
                agg.name().into(),
                &format!(
                    "reads one value column, but {} names {}",
                    v.name("value"),
                    values.len()
                ),
                &format!(
                    "give one value column, e.g. {}; draw one chart per column",
                    v.set("value", &values[0])
                ),
            ));
        }
        Ok(())
    }

    /// Checks that a PNG of this size and scale can be drawn (asked only when a PNG is wanted).
    pub fn validate_png(&self) -> Result<(), OptionError> {
        let (w, h, s) = (
            f64::from(self.width),
            f64::from(self.height),
            f64::from(self.scale),
        );
        if w * s * h * s > MAX_PIXELS {
            let (v, k) = (self.voice(), "scale");
            return Err(self.columns.error(
                k,
                self.scale.to_string(),
                &format!(
                    "makes a PNG of {}x{} pixels, too large to draw (at most 64 million pixels)",
                    (w * s).round(),
                    (h * s).round()
                ),
                &format!(
                    "lower {}, {} or {}",
                    v.name("scale"),
                    v.name("width"),
                    v.name("height")
                ),
            ));
        }
        Ok(())
    }

    /// Where the options came from.
    pub fn voice(&self) -> Voice {
        self.columns.voice
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Bar {
        #[command(flatten)]
        opts: BarOptions,
    }

    #[derive(Parser)]
    struct Pie {
        #[command(flatten)]
        opts: PieOptions,
    }

    #[test]
    fn flag_defaults_are_the_manifest_defaults() {
        let cli = Bar::try_parse_from(["x"]).expect("parses").opts;
        let toml: BarOptions = toml::from_str("").expect("empty table");
        assert_eq!(cli, BarOptions::default());
        assert_eq!(toml, BarOptions::default());
        let cli = Pie::try_parse_from(["x"]).expect("parses").opts;
        assert_eq!(cli, PieOptions::default());
    }

    #[test]
    fn validation_names_the_option_in_the_voice_it_came_in() {
        let mut c = Common {
            scale: 9.0,
            ..Common::default()
        };
        let e = c.validate().unwrap_err().to_string();
        assert!(e.starts_with("--scale 9 is out of range"), "{e}");
        c.columns.voice = Voice::Manifest;
        let e = c.validate().unwrap_err().to_string();
        assert!(e.starts_with("scale = 9 is out of range"), "{e}");
        let c = Common {
            width: 8000,
            height: 8000,
            scale: 2.0,
            ..Common::default()
        };
        assert!(c.validate().is_ok());
        let e = c.validate_png().unwrap_err().to_string();
        assert!(e.contains("16000x16000 pixels"), "{e}");
    }
}
