//! A colour given by meaning: `--color Production=#0072B2` on the command line, `color =
//! ["Production=#0072B2"]` (or `color = { Production = "#0072B2" }`) on a chart of a manifest,
//! and the manifest's `[colors]` table for every chart. The name is a series or a category as
//! the chart shows it (or, for a series, as the data's key column writes it); the colour is
//! `#RRGGBB` or `#RGB`.
//!
//! Kept as plain bytes here: the options layer sits below the scene and knows no `Color`.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A name and the colour it is drawn in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedColor {
    /// The series or category, as written.
    pub name: String,
    /// Red, green and blue.
    pub rgb: (u8, u8, u8),
}

impl NamedColor {
    /// A named colour from `name` and colour text (`#0072B2`, `#07B`); `Err` says why not.
    pub fn new(name: &str, color: &str) -> Result<NamedColor, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(format!(
                "'{color}' has no name before it: write NAME=COLOUR, e.g. Production=#0072B2"
            ));
        }
        Ok(NamedColor {
            name: name.to_string(),
            rgb: parse_rgb(color)?,
        })
    }

    /// The colour as `#RRGGBB`.
    pub fn hex(&self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// True when this entry names `what` (a label or series as shown, or a key column's
    /// value): the same words, whatever the case and the spaces around them.
    pub fn names(&self, what: &str) -> bool {
        crate::text::same_name(&self.name, what)
    }
}

/// `#RRGGBB` or `#RGB` (the `#` may be left out) as bytes.
pub fn parse_rgb(text: &str) -> Result<(u8, u8, u8), String> {
    let t = text.trim();
    let hex = t.strip_prefix('#').unwrap_or(t);
    let digits: Option<Vec<u8>> = hex
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect();
    match digits.as_deref() {
        Some(&[r1, r2, g1, g2, b1, b2]) => Ok((r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
        Some(&[r, g, b]) => Ok((r * 17, g * 17, b * 17)),
        _ => Err(format!(
            "'{t}' is not a colour: write it as #RRGGBB or #RGB, e.g. #0072B2"
        )),
    }
}

impl FromStr for NamedColor {
    type Err = String;

    /// `NAME=COLOUR`; the last `=` splits them, so a name may hold one.
    fn from_str(s: &str) -> Result<NamedColor, String> {
        let Some((name, color)) = s.rsplit_once('=') else {
            return Err(format!(
                "'{s}' is not NAME=COLOUR: write the series or category, '=' and the colour, e.g. Production=#0072B2"
            ));
        };
        NamedColor::new(name, color)
    }
}

impl fmt::Display for NamedColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.hex())
    }
}

impl Serialize for NamedColor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NamedColor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<NamedColor, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

/// Reads `color` as a list of `NAME=COLOUR` texts or as a table of names and colours, in the
/// order written.
pub fn deserialize_colors<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NamedColor>, D::Error> {
    struct Colors;

    impl<'de> Visitor<'de> for Colors {
        type Value = Vec<NamedColor>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of \"NAME=#RRGGBB\" or a table of NAME = \"#RRGGBB\"")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(c) = seq.next_element::<NamedColor>()? {
                out.push(c);
            }
            Ok(out)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((name, color)) = map.next_entry::<String, String>()? {
                out.push(NamedColor::new(&name, &color).map_err(de::Error::custom)?);
            }
            Ok(out)
        }
    }

    d.deserialize_any(Colors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_and_colours() {
        let c: NamedColor = "Production=#0072b2".parse().expect("valid");
        assert_eq!(c.name, "Production");
        assert_eq!(c.rgb, (0x00, 0x72, 0xB2));
        assert_eq!(c.to_string(), "Production=#0072B2");
        let c: NamedColor = "a=b = #07B".parse().expect("valid");
        assert_eq!((c.name.as_str(), c.rgb), ("a=b", (0x00, 0x77, 0xBB)));
        assert!(c.names(" A=B "));
        for bad in ["Production", "Production=blue", "=#000000", "x=#12345"] {
            assert!(bad.parse::<NamedColor>().is_err(), "{bad}");
        }
    }
}
