//! The size of a chart in the page's units, and the named sizes of the usual places a chart
//! goes (a report's text width, half of it, a slide, a web page).
//!
//! A chart is laid out in CSS pixels (1/96 inch, the unit of SVG, of a PNG at `scale` 1 and
//! of the PDF at 0.75 pt each), so a length in `mm`, `cm`, `in` or `pt` becomes whole pixels:
//! 16 cm is 605 px (16.007 cm; a pixel is 0.26 mm). Type is set in points and does not scale
//! with the canvas: a narrower chart keeps its type size and changes its layout instead.

use std::fmt;
use std::str::FromStr;

use clap::ValueEnum;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// CSS pixels per inch.
pub const PX_PER_IN: f64 = 96.0;
/// CSS pixels per point (1/72 inch).
pub const PX_PER_PT: f64 = PX_PER_IN / 72.0;

/// A unit of length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// CSS pixel, 1/96 inch (a bare number).
    Px,
    /// Millimetre.
    Mm,
    /// Centimetre.
    Cm,
    /// Inch.
    In,
    /// Point, 1/72 inch.
    Pt,
}

impl Unit {
    /// CSS pixels in one of this unit.
    fn px(self) -> f64 {
        match self {
            Unit::Px => 1.0,
            Unit::Mm => PX_PER_IN / 25.4,
            Unit::Cm => PX_PER_IN / 2.54,
            Unit::In => PX_PER_IN,
            Unit::Pt => PX_PER_PT,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Unit::Px => "px",
            Unit::Mm => "mm",
            Unit::Cm => "cm",
            Unit::In => "in",
            Unit::Pt => "pt",
        }
    }
}

/// A length as the user wrote it: `1200`, `1200px`, `160mm`, `16cm`, `6.3in`, `453pt`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Length {
    /// The number.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
}

impl Length {
    /// A length in CSS pixels.
    pub const fn px(value: f64) -> Length {
        Length {
            value,
            unit: Unit::Px,
        }
    }

    /// A length in centimetres.
    pub const fn cm(value: f64) -> Length {
        Length {
            value,
            unit: Unit::Cm,
        }
    }

    /// The length in whole CSS pixels (rounded; 0 for anything not a finite positive size,
    /// which validation then refuses).
    pub fn pixels(self) -> u32 {
        let px = (self.value * self.unit.px()).round();
        if px.is_finite() && px > 0.0 {
            px.min(f64::from(u32::MAX)) as u32
        } else {
            0
        }
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.unit {
            Unit::Px => write!(f, "{}", self.value),
            u => write!(f, "{}{}", self.value, u.suffix()),
        }
    }
}

/// Why a length could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LengthError(String);

impl fmt::Display for LengthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a length: write a number with px (the default), mm, cm, in or pt, e.g. 16cm or 1200",
            self.0
        )
    }
}

impl std::error::Error for LengthError {}

impl FromStr for Length {
    type Err = LengthError;

    fn from_str(s: &str) -> Result<Length, LengthError> {
        let t = s.trim();
        let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
        let (number, unit) = (t[..split].trim(), t[split..].trim().to_ascii_lowercase());
        let unit = match unit.as_str() {
            "" | "px" => Unit::Px,
            "mm" => Unit::Mm,
            "cm" => Unit::Cm,
            "in" => Unit::In,
            "pt" => Unit::Pt,
            _ => return Err(LengthError(s.to_string())),
        };
        match number.parse::<f64>() {
            Ok(value) if value.is_finite() && !number.starts_with(['+', '-']) => {
                Ok(Length { value, unit })
            }
            _ => Err(LengthError(s.to_string())),
        }
    }
}

impl Serialize for Length {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Length {
    /// A number (pixels, `width = 1200`) or a string with a unit (`width = "16cm"`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Length, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Float(f64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Int(v) if v >= 0 => Ok(Length::px(v as f64)),
            Raw::Float(v) if v.is_finite() && v >= 0.0 => Ok(Length::px(v)),
            Raw::Text(t) => t.parse().map_err(serde::de::Error::custom),
            _ => Err(serde::de::Error::custom(
                "a size must be a positive number of pixels or a string with a unit, e.g. \"16cm\"",
            )),
        }
    }
}

/// The named sizes: where the chart goes, with the type size that reads well there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SizeName {
    /// The full text width of an A4 or Letter report: 604 x 378 px (15.98 x 10 cm, so that it
    /// fits a 16 cm text width), type 8.5 pt (the default).
    #[default]
    Report,
    /// Half the text width of a report (two side by side): 7.8 x 6.5 cm, type 7.8 pt.
    Half,
    /// A 16:9 slide: 1280 x 720 px (33.9 x 19.1 cm), type 14 pt.
    Slide,
    /// A web page: 640 x 400 px, type 9.75 pt (13 px).
    Web,
}

impl SizeName {
    /// Width, height and base type size (points) of the size.
    pub fn page(self) -> (Length, Length, f64) {
        match self {
            // 16 cm would round to 605 px, 16.007 cm: 0.2 pt too wide for a 16 cm text width.
            SizeName::Report => (Length::px(604.0), Length::cm(10.0), 8.5),
            SizeName::Half => (Length::cm(7.8), Length::cm(6.5), 7.8),
            SizeName::Slide => (Length::px(1280.0), Length::px(720.0), 14.0),
            SizeName::Web => (Length::px(640.0), Length::px(400.0), 9.75),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_in_every_unit() {
        let px = |s: &str| s.parse::<Length>().map(Length::pixels);
        assert_eq!(px("1200"), Ok(1200));
        assert_eq!(px("1200px"), Ok(1200));
        assert_eq!(px(" 16cm "), Ok(605));
        assert_eq!(px("160mm"), Ok(605));
        assert_eq!(px("6.5in"), Ok(624));
        assert_eq!(px("72pt"), Ok(96));
        assert_eq!(px("16 cm"), Ok(605));
        assert_eq!(px("16CM"), Ok(605));
        for bad in [
            "", "cm", "16km", "-3cm", "+3", "nan", "inf", "1e999", "16 c m",
        ] {
            assert!(bad.parse::<Length>().is_err(), "{bad}");
        }
        assert_eq!(
            "16cm".parse::<Length>().map(|l| l.to_string()),
            Ok("16cm".into())
        );
        assert_eq!(
            "605".parse::<Length>().map(|l| l.to_string()),
            Ok("605".into())
        );
    }

    #[test]
    fn named_sizes_read_well_on_the_page() {
        for name in SizeName::value_variants() {
            let (w, h, pt) = name.page();
            assert!(w.pixels() >= 200 && h.pixels() >= 200, "{name:?}");
            assert!(
                pt * 0.9 >= 7.0,
                "{name:?}: the source line would be under 7 pt"
            );
        }
    }
}
