//! The options of a chart, declared once. Each field is at the same time a command-line flag
//! (clap derives the flag from it, `--each-row`) and a manifest key (serde derives the key,
//! `each-row = true`), with one default and one validation. The options of a kind are the
//! shared ones ([`Common`], which holds [`Columns`]) and the kind's own ([`BarOptions`],
//! [`PieOptions`]); which keys a kind accepts is read off these same definitions
//! ([`super::Kind::keys`]).

use clap::Args;
use serde::{Deserialize, Serialize};

use super::voice::{OptionError, Voice};

pub use super::lang::Lang;
pub use super::values::{Agg, DecimalMark, Digits, Sort, SvgText, ThemeName};

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
    /// Language code (en, ar, fr, fa, ur, ...): labels from the `label_CODE` columns, right to
    /// left for right-to-left languages (default: the plain columns, direction from the text).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<Lang>,
    /// CSV delimiter (default: sniffed from the header: comma, semicolon or tab).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<char>,
    /// Keep the N largest categories and fold the rest into "Other".
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Decimal separator of the numbers: `.` or `,` (default: a comma in a `;` or tab file
    /// whose numbers never use a point).
    #[arg(long, value_name = "CHAR")]
    pub decimal: Option<char>,
    /// Refuse missing values (empty, NA, n/a, .., -) instead of drawing them as gaps.
    #[arg(long)]
    pub strict: bool,
    /// Group the rows by label (and series) and take one value per group: the count of rows,
    /// or the sum, mean, min or max of the value column. Reads big files and standard input
    /// as a stream.
    #[arg(long, value_enum, value_name = "HOW")]
    pub agg: Option<Agg>,
    /// Where these options came from, so messages name them as the user wrote them.
    #[arg(skip)]
    #[serde(skip)]
    pub voice: Voice,
}

/// Sorting, for the kinds that sort (bars, pie grids, the terminal preview).
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
    /// A note line above the source, for caveats ("Basis not stated in the article").
    #[arg(long)]
    pub note: Option<String>,
    /// Colour theme (print stays readable in greyscale).
    #[arg(long, value_enum, default_value_t)]
    pub theme: ThemeName,
    /// Digits of the numbers on the chart.
    #[arg(long, value_enum, default_value_t)]
    pub digits: Digits,
    /// Width in pixels.
    #[arg(long, default_value_t = WIDTH)]
    pub width: u32,
    /// Height in pixels (default: 800; horizontal bars and pie grids as tall as they need, up
    /// to 800).
    #[arg(long)]
    pub height: Option<u32>,
    /// PNG pixel density (2 for high-density screens).
    #[arg(long, default_value_t = SCALE)]
    pub scale: f32,
    /// How the SVG writes text: as text, or as glyph outlines that look the same everywhere.
    #[arg(long, value_enum, default_value_t)]
    pub svg_text: SvgText,
    /// Set when no language is given and the labels are written right to left (decided from
    /// the data, not by the user).
    #[arg(skip)]
    #[serde(skip)]
    pub text_rtl: bool,
    /// A font (TTF, OTF or TTC) for characters the embedded fonts lack, such as Chinese or
    /// Hebrew; repeatable, tried in order after the embedded fonts.
    #[arg(long, value_name = "FILE")]
    pub font: Vec<std::path::PathBuf>,
}

impl Default for Common {
    fn default() -> Self {
        Common {
            columns: Columns::default(),
            legend: Vec::new(),
            title: None,
            subtitle: None,
            source: None,
            note: None,
            theme: ThemeName::default(),
            digits: Digits::default(),
            width: WIDTH,
            height: None,
            scale: SCALE,
            svg_text: SvgText::default(),
            text_rtl: false,
            font: Vec::new(),
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
    /// Run the value axis to at least N (100 for the full scale of percentages; default: the
    /// first round tick at or above the largest value).
    #[arg(long, value_name = "N")]
    pub axis_max: Option<f64>,
}

/// The options of a pie or donut chart.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct PieOptions {
    /// The options every kind has.
    #[command(flatten)]
    #[serde(flatten)]
    pub common: Common,
    /// Sorting (of the pies of `each-row`; a single pie is always largest first).
    #[command(flatten)]
    #[serde(flatten)]
    pub order: Order,
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

impl BarOptions {
    /// Checks `axis-max` (the shared options are checked by [`Common::validate`]).
    pub fn validate(&self) -> Result<(), OptionError> {
        match self.axis_max {
            Some(m) if !m.is_finite() || m <= 0.0 || m > 1e15 => Err(self.common.columns.error(
                "axis-max",
                m.to_string(),
                "is out of range",
                &format!(
                    "give a positive number, e.g. {} for the full scale of percentages",
                    self.common.voice().set("axis-max", 100)
                ),
            )),
            _ => Ok(()),
        }
    }
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

    /// The decimal separator, if one was given (a valid one: see [`Columns::validate`]).
    pub fn decimal_mark(&self) -> Option<DecimalMark> {
        match self.decimal {
            Some(',') => Some(DecimalMark::Comma),
            Some(_) => Some(DecimalMark::Point),
            None => None,
        }
    }

    /// Checks that `agg` has the value column it needs: none for `count`, one for the others.
    fn validate_agg(&self) -> Result<(), OptionError> {
        let (Some(agg), v) = (self.agg, self.voice) else {
            return Ok(());
        };
        let values = &self.value;
        if agg == Agg::Count && !values.is_empty() {
            return Err(self.error(
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
            return Err(self.error(
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

    /// Checks the delimiter, the decimal separator, `top` and `agg`.
    pub fn validate(&self) -> Result<(), OptionError> {
        self.validate_agg()?;
        if let Some(d) = self.decimal
            && !matches!(d, '.' | ',')
        {
            return Err(self.error(
                "decimal",
                format!("{d:?}"),
                "is not a decimal separator",
                "use '.' (12.9) or ',' (12,9)",
            ));
        }
        if let Some(d) = self.delimiter
            && (!d.is_ascii() || matches!(d, '"' | '\n' | '\r'))
        {
            return Err(self.error(
                "delimiter",
                format!("{d:?}"),
                "cannot separate CSV fields",
                "use one ASCII character such as ',' ';' or a tab (not a quote or a line break)",
            ));
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
    /// True for a right-to-left chart: a right-to-left language, or none given and labels
    /// written right to left.
    pub fn rtl(&self) -> bool {
        match &self.columns.lang {
            Some(lang) => lang.is_rtl(),
            None => self.text_rtl,
        }
    }

    /// The language of the chart's words ("Source:", "Other"): the one given, else English.
    pub fn lang(&self) -> Lang {
        self.columns.lang.clone().unwrap_or_else(Lang::en)
    }

    /// The `lang` attribute of the chart: the language given; English without one, or
    /// "und" (undetermined) when the labels are right to left.
    pub fn lang_tag(&self) -> String {
        match &self.columns.lang {
            Some(lang) => lang.code().to_string(),
            None if self.text_rtl => "und".to_string(),
            None => "en".to_string(),
        }
    }

    /// The height asked for, or the default (a chart that fits its content may end shorter).
    pub fn height(&self) -> u32 {
        self.height.unwrap_or(HEIGHT)
    }

    /// Checks sizes, scale, delimiter and `top`, before any work is done.
    pub fn validate(&self) -> Result<(), OptionError> {
        for (key, v) in [("width", self.width), ("height", self.height())] {
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
        self.columns.validate()
    }

    /// Checks that a PNG of this size and scale can be drawn (asked only when a PNG is wanted).
    pub fn validate_png(&self) -> Result<(), OptionError> {
        let (w, h, s) = (
            f64::from(self.width),
            f64::from(self.height()),
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
            height: Some(8000),
            scale: 2.0,
            ..Common::default()
        };
        assert!(c.validate().is_ok());
        let e = c.validate_png().unwrap_err().to_string();
        assert!(e.contains("16000x16000 pixels"), "{e}");
    }
}
