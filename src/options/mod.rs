//! The options of a chart as the user gave them, declared once. Each field is at the same time
//! a command-line flag (clap derives the flag from it, `--each-row`) and a manifest key (serde
//! derives the key, `each-row = true`), with one default and one validation. The options every
//! kind has are [`Common`] (which holds [`DataOptions`]); each kind declares its own beside its
//! layout, in `kinds/`.
//!
//! Options are never written to once parsed: what is derived from them and the data (the
//! direction, the language's words, the fonts) is resolved per chart in `layout::Context`.
//! Errors name options by key ([`message`]); the front end words them.

pub mod annotate;
pub mod color;
pub mod format;
pub mod lang;
pub mod message;
pub mod size;
pub mod values;

use clap::Args;
use serde::{Deserialize, Serialize};

pub use annotate::{Annotations, Callout, RefLine};
pub use color::NamedColor;
pub use format::{Compact, NumberFormat};
pub use lang::Lang;
pub use message::{Message, OptionError, Voice};
pub use size::{Length, PX_PER_PT, SizeName};
pub use values::{Agg, DecimalMark, Digits, OtherRule, Sort, SvgText, ThemeName};

/// Smallest image side in pixels.
pub const MIN_SIZE: u32 = 200;
/// Largest image side in pixels.
pub const MAX_SIZE: u32 = 8000;
/// Most pixels in a PNG (width x height x scale²): 64 million, about 256 MB while drawing.
pub const MAX_PIXELS: f64 = 64e6;
/// Default PNG pixel density: two device pixels per CSS pixel (192 per inch), sharp on paper
/// and on high-density screens.
pub const SCALE: f32 = 2.0;
/// The smallest and largest base type size, in points.
pub const FONT_SIZES: std::ops::RangeInclusive<f64> = 4.0..=72.0;

/// The options that are words (text a reader reads, in the chart's language). A manifest
/// entry with several languages (`lang = ["en", "ar"]`) must give each of them per language
/// (`title.ar = "..."`): the same words in every edition would be one language's words on
/// another's chart. A reference line's label, a callout and a panel's remainder are words too.
pub const WORDS: [&str; 9] = [
    "title", "subtitle", "note", "source", "legend", "rest", "line", "annotate", "rest-of",
];

/// Which data to draw and how to read it: the columns, the language of the labels, the CSV's
/// delimiter and decimal separator, missing values, grouping (`agg`) and `top`. Shared by the
/// drawing commands and `preview`.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct DataOptions {
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
    /// Keep the N largest categories (by the first series; by the latest period for a table of
    /// years) and fold the rest into "Other" when their values add up (else a note says what
    /// was left out).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// What `top` does with the rest: `sum` folds it into "Other" (with `agg`, the rest's own
    /// count, sum, mean, min or max), `drop` leaves it out with a note (default: `sum` for
    /// values that add up: counts, amounts, shares of one whole; else `drop`).
    #[arg(long, value_enum, value_name = "HOW")]
    pub other: Option<OtherRule>,
    /// Read a file without a header row: its columns are "column 1", "column 2", ...
    #[arg(long)]
    pub no_header: bool,
    /// Skip N lines before the header (notes above a table).
    #[arg(long, value_name = "N")]
    pub skip: Option<u64>,
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
    /// Columns, language and how to read them.
    #[command(flatten)]
    #[serde(flatten)]
    pub data: DataOptions,
    /// Legend name for a series (repeatable, in order; default: from the data).
    #[arg(long, value_name = "NAME")]
    pub legend: Vec<String>,
    /// Title (default: none; the chart starts with its measure line).
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
    /// The colour of a series or category, by name: `Production=#0072B2` (repeatable; the
    /// same name keeps its colour in every chart that gives it).
    #[arg(long = "color", value_name = "NAME=COLOUR")]
    #[serde(deserialize_with = "color::deserialize_colors")]
    pub color: Vec<NamedColor>,
    /// A category (or series) to draw in the accent colour, the others muted (repeatable).
    #[arg(long, value_name = "LABEL")]
    pub highlight: Vec<String>,
    /// Digits of the numbers on the chart.
    #[arg(long, value_enum, default_value_t)]
    pub digits: Digits,
    /// How numbers are written: `decimals=N`, `prefix=TEXT`, `suffix=TEXT`,
    /// `compact=on|off|auto`, comma-separated (default: as written, compact from a million).
    #[arg(long, value_name = "SPEC")]
    pub format: Option<NumberFormat>,
    /// Where the chart goes: a size and a type size made for it (report: 16 x 10 cm, the
    /// full text width of an A4 or Letter report; half: 7.8 x 6.5 cm; slide: 16:9; web).
    #[arg(long, value_enum, value_name = "NAME")]
    pub size: Option<SizeName>,
    /// Width: px (a bare number), mm, cm, in or pt (default: the size's, 16cm).
    #[arg(long, value_name = "LENGTH")]
    pub width: Option<Length>,
    /// Height: px, mm, cm, in or pt (default: the size's, 10cm; horizontal bars and pie grids
    /// as tall as they need).
    #[arg(long, value_name = "LENGTH")]
    pub height: Option<Length>,
    /// The base type size in points: labels and ticks; the title, subtitle and source follow
    /// it (default: the size's, 8.5 pt).
    #[arg(long, value_name = "PT")]
    pub font_size: Option<f64>,
    /// PNG pixels per CSS pixel (default 2: 192 per inch, sharp on paper and on high-density
    /// screens).
    #[arg(long, default_value_t = SCALE)]
    pub scale: f32,
    /// How the SVG writes text: as text, or as glyph outlines that look the same everywhere.
    #[arg(long, value_enum, default_value_t)]
    pub svg_text: SvgText,
    /// A font (TTF, OTF or TTC) for characters the embedded fonts lack, such as Chinese or
    /// Hebrew; repeatable, tried in order after the embedded fonts.
    #[arg(long, value_name = "FILE")]
    pub font: Vec<std::path::PathBuf>,
}

impl Default for Common {
    fn default() -> Self {
        Common {
            data: DataOptions::default(),
            legend: Vec::new(),
            title: None,
            subtitle: None,
            source: None,
            note: None,
            theme: ThemeName::default(),
            color: Vec::new(),
            highlight: Vec::new(),
            digits: Digits::default(),
            format: None,
            size: None,
            width: None,
            height: None,
            font_size: None,
            scale: SCALE,
            svg_text: SvgText::default(),
            font: Vec::new(),
        }
    }
}

impl DataOptions {
    /// The delimiter as a byte, if one was given and it is ASCII.
    pub fn delimiter_byte(&self) -> Option<u8> {
        self.delimiter.and_then(|c| u8::try_from(c).ok())
    }

    /// The decimal separator, if one was given (a valid one: see [`DataOptions::validate`]).
    pub fn decimal_mark(&self) -> Option<DecimalMark> {
        match self.decimal {
            Some(',') => Some(DecimalMark::Comma),
            Some(_) => Some(DecimalMark::Point),
            None => None,
        }
    }

    /// Checks that `agg` has the value column it needs: none for `count`, one for the others.
    fn validate_agg(&self) -> Result<(), OptionError> {
        let Some(agg) = self.agg else {
            return Ok(());
        };
        let values = &self.value;
        if agg == Agg::Count && !values.is_empty() {
            return Err(error(
                "agg",
                "count".into(),
                Message::new()
                    .text("counts rows and reads no value column, but ")
                    .name("value")
                    .text(" was given"),
                Message::new()
                    .text("drop ")
                    .name("value")
                    .text(", or add its values up with ")
                    .set("agg", "sum"),
            ));
        }
        if values.len() > 1 {
            return Err(error(
                "agg",
                agg.name().into(),
                Message::new()
                    .text("reads one value column, but ")
                    .name("value")
                    .text(format!(" names {}", values.len())),
                Message::new()
                    .text("give one value column, e.g. ")
                    .set("value", &values[0])
                    .text("; draw one chart per column"),
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
            return Err(error(
                "decimal",
                format!("{d:?}"),
                "is not a decimal separator".into(),
                "use '.' (12.9) or ',' (12,9)".into(),
            ));
        }
        if let Some(d) = self.delimiter
            && (!d.is_ascii() || matches!(d, '"' | '\n' | '\r'))
        {
            return Err(error(
                "delimiter",
                format!("{d:?}"),
                "cannot separate CSV fields".into(),
                "use one ASCII character such as ',' ';' or a tab (not a quote or a line break)"
                    .into(),
            ));
        }
        if self.top == Some(0) {
            let hint = Message::new()
                .text("give the number of categories to keep, e.g. ")
                .set("top", 8);
            return Err(error(
                "top",
                "0".into(),
                "would keep no category".into(),
                hint,
            ));
        }
        Ok(())
    }
}

/// An error about option `key`.
pub fn error(key: &'static str, value: String, problem: Message, hint: Message) -> OptionError {
    OptionError {
        key,
        value,
        problem,
        hint,
    }
}

impl Common {
    /// The language of the chart's words ("Source:", "Other"): the one given, else English.
    pub fn lang(&self) -> Lang {
        self.data.lang.clone().unwrap_or_else(Lang::en)
    }

    /// The named size in force: the one given, else the report size.
    fn named(&self) -> SizeName {
        self.size.unwrap_or_default()
    }

    /// The width in CSS pixels: given, or the size's.
    pub fn width(&self) -> u32 {
        self.width.unwrap_or(self.named().page().0).pixels()
    }

    /// The height in CSS pixels: given, or the size's (a chart that fits its content may end
    /// shorter, or grow).
    pub fn height(&self) -> u32 {
        self.height.unwrap_or(self.named().page().1).pixels()
    }

    /// The base type size in points: given, or the size's.
    pub fn font_pt(&self) -> f64 {
        self.font_size.unwrap_or(self.named().page().2)
    }

    /// Checks sizes, type size, scale, delimiter and `top`, before any work is done.
    pub fn validate(&self) -> Result<(), OptionError> {
        let sides = [
            ("width", self.width, self.width()),
            ("height", self.height, self.height()),
        ];
        for (key, given, v) in sides {
            if !(MIN_SIZE..=MAX_SIZE).contains(&v) {
                let shown = given.map_or_else(|| v.to_string(), |l| l.to_string());
                return Err(error(
                    key,
                    shown,
                    "is out of range".into(),
                    format!(
                        "width and height must each be between {MIN_SIZE} and {MAX_SIZE} pixels \
                         (5.3 cm to 2.1 m; 16cm is a report's text width)"
                    )
                    .into(),
                ));
            }
        }
        if let Some(pt) = self.font_size
            && (!pt.is_finite() || !FONT_SIZES.contains(&pt))
        {
            return Err(error(
                "font-size",
                pt.to_string(),
                "is out of range".into(),
                "give the type size in points, from 4 to 72 (8.5 reads well in a report, \
                 never less than 7 on paper)"
                    .into(),
            ));
        }
        if let Some(empty) = self.highlight.iter().find(|h| h.trim().is_empty()) {
            return Err(error(
                "highlight",
                format!("{empty:?}"),
                "names no category".into(),
                Message::new()
                    .text("give a category or series as the chart shows it, e.g. ")
                    .either("`--highlight Egypt`", "`highlight = [\"Egypt\"]`"),
            ));
        }
        if !(0.25..=8.0).contains(&self.scale) || !self.scale.is_finite() {
            return Err(error(
                "scale",
                self.scale.to_string(),
                "is out of range".into(),
                "use a scale from 0.25 to 8 (2 for high-density screens)".into(),
            ));
        }
        self.data.validate()
    }

    /// Checks that a PNG of this size and scale can be drawn (asked only when a PNG is wanted).
    pub fn validate_png(&self) -> Result<(), OptionError> {
        let (w, h, s) = (
            f64::from(self.width()),
            f64::from(self.height()),
            f64::from(self.scale),
        );
        if w * s * h * s > MAX_PIXELS {
            return Err(error(
                "scale",
                self.scale.to_string(),
                format!(
                    "makes a PNG of {}x{} pixels, too large to draw (at most 64 million pixels)",
                    (w * s).round(),
                    (h * s).round()
                )
                .into(),
                Message::new()
                    .text("lower ")
                    .name("scale")
                    .text(", ")
                    .name("width")
                    .text(" or ")
                    .name("height"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Chart {
        #[command(flatten)]
        opts: Common,
    }

    #[test]
    fn flag_defaults_are_the_manifest_defaults() {
        let cli = Chart::try_parse_from(["x"]).expect("parses").opts;
        let toml: Common = toml::from_str("").expect("empty table");
        assert_eq!(cli, Common::default());
        assert_eq!(toml, Common::default());
    }

    #[test]
    fn validation_names_the_option_in_the_voice_it_came_in() {
        let c = Common {
            scale: 9.0,
            ..Common::default()
        };
        let e = c.validate().unwrap_err().message();
        assert!(
            e.render(Voice::Cli)
                .starts_with("--scale 9 is out of range"),
            "{e:?}"
        );
        assert!(
            e.render(Voice::Manifest)
                .starts_with("scale = 9 is out of range"),
            "{e:?}"
        );
        let c = Common {
            width: Some(Length::px(8000.0)),
            height: Some(Length::px(8000.0)),
            scale: 2.0,
            ..Common::default()
        };
        assert!(c.validate().is_ok());
        let e = c.validate_png().unwrap_err().message().render(Voice::Cli);
        assert!(e.contains("16000x16000 pixels"), "{e}");
    }
}
