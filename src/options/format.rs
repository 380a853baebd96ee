//! `--format`: how a chart writes its numbers when the defaults do not suit, as one value of
//! `key=value` parts: `--format "decimals=1,prefix=$,compact=off"`. A manifest takes the same
//! string (`format = "decimals=1, prefix=$"`) or a table (`format = { decimals = 1, prefix =
//! "$" }`), whichever reads better there.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The most decimals `decimals=N` takes.
pub const MAX_DECIMALS: u8 = 10;

/// Whether large numbers are written compactly ("1.2M", "8 مليار").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compact {
    /// When the largest value reaches a million.
    #[default]
    Auto,
    /// Always (from a thousand: "12K").
    On,
    /// Never: every digit ("8,000,000,000").
    Off,
}

/// The number format a user asked for: every part optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(into = "String")]
pub struct NumberFormat {
    /// Decimals of the value labels and the alt text (default: as written, or three
    /// significant digits for computed values).
    pub decimals: Option<u8>,
    /// Written before each number ("$").
    pub prefix: String,
    /// Written after each number and its unit (" t").
    pub suffix: String,
    /// Compact large numbers.
    pub compact: Compact,
}

/// A manifest's `format`: the command line's string, or a table of the same parts (whose
/// values may be TOML's own: `decimals = 1`, `compact = false`).
impl<'de> Deserialize<'de> for NumberFormat {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<NumberFormat, D::Error> {
        de.deserialize_any(FormatVisitor)
    }
}

struct FormatVisitor;

impl<'de> serde::de::Visitor<'de> for FormatVisitor {
    type Value = NumberFormat;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number format such as \"decimals=1,prefix=$\" or a table { decimals = 1 }")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<NumberFormat, E> {
        s.parse().map_err(E::custom)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<NumberFormat, A::Error> {
        use serde::de::Error;
        let mut format = NumberFormat::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "decimals" => format.decimals = Some(map.next_value()?),
                "prefix" => format.prefix = map.next_value()?,
                "suffix" => format.suffix = map.next_value()?,
                "compact" => {
                    format.compact = match map.next_value::<CompactInput>()? {
                        CompactInput::Bool(true) => Compact::On,
                        CompactInput::Bool(false) => Compact::Off,
                        CompactInput::Word(w) => compact(&w).map_err(A::Error::custom)?,
                    }
                }
                other => return Err(A::Error::custom(unknown(other))),
            }
        }
        format.check().map_err(A::Error::custom)?;
        Ok(format)
    }
}

/// `compact = "off"` or `compact = false`.
#[derive(Deserialize)]
#[serde(untagged)]
enum CompactInput {
    Bool(bool),
    Word(String),
}

/// The message for a part that is not one.
fn unknown(key: &str) -> String {
    format!(
        "{key:?} is not a part of a number format\n  hint: the parts are decimals, prefix, suffix and compact, e.g. decimals=1,prefix=$"
    )
}

/// `on`, `off` or `auto`.
fn compact(value: &str) -> Result<Compact, String> {
    match value.trim() {
        "on" | "true" | "yes" => Ok(Compact::On),
        "off" | "false" | "no" => Ok(Compact::Off),
        "auto" => Ok(Compact::Auto),
        other => Err(format!(
            "compact={other:?} is not on, off or auto\n  hint: compact=off writes every digit (8,000,000,000), compact=on writes 12K and 8B"
        )),
    }
}

impl NumberFormat {
    /// Checks the parts that can be out of range.
    fn check(&self) -> Result<(), String> {
        if let Some(d) = self.decimals
            && d > MAX_DECIMALS
        {
            return Err(format!(
                "decimals={d} is more than {MAX_DECIMALS}\n  hint: give 0 to {MAX_DECIMALS} decimals, e.g. decimals=1"
            ));
        }
        for (key, text) in [("prefix", &self.prefix), ("suffix", &self.suffix)] {
            if text.chars().any(char::is_control) {
                return Err(format!(
                    "{key}={text:?} holds a control character\n  hint: write the {key} as plain text, e.g. prefix=$ or suffix= t"
                ));
            }
        }
        Ok(())
    }
}

impl FromStr for NumberFormat {
    type Err = String;

    /// `decimals=1,prefix=$,suffix= t,compact=off`: parts in any order, separated by commas
    /// (a prefix or suffix cannot hold one); spaces around a key are dropped, a prefix's or
    /// suffix's own spaces kept.
    fn from_str(s: &str) -> Result<NumberFormat, String> {
        let mut format = NumberFormat::default();
        for part in s.split(',').filter(|p| !p.trim().is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                return Err(format!(
                    "{:?} is not key=value\n  hint: write the parts as decimals=1,prefix=$,suffix= t,compact=off",
                    part.trim()
                ));
            };
            match key.trim() {
                "decimals" => {
                    let d = value.trim().parse::<u8>().map_err(|_| {
                        format!(
                            "decimals={:?} is not a number of decimals\n  hint: give 0 to {MAX_DECIMALS}, e.g. decimals=1",
                            value.trim()
                        )
                    })?;
                    format.decimals = Some(d);
                }
                "prefix" => format.prefix = value.to_string(),
                "suffix" => format.suffix = value.to_string(),
                "compact" => format.compact = compact(value)?,
                other => return Err(unknown(other)),
            }
        }
        format.check()?;
        Ok(format)
    }
}

impl fmt::Display for NumberFormat {
    /// The canonical string: the parts given, in a fixed order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(d) = self.decimals {
            parts.push(format!("decimals={d}"));
        }
        if !self.prefix.is_empty() {
            parts.push(format!("prefix={}", self.prefix));
        }
        if !self.suffix.is_empty() {
            parts.push(format!("suffix={}", self.suffix));
        }
        match self.compact {
            Compact::Auto => {}
            Compact::On => parts.push("compact=on".into()),
            Compact::Off => parts.push("compact=off".into()),
        }
        f.write_str(&parts.join(","))
    }
}

impl From<NumberFormat> for String {
    fn from(f: NumberFormat) -> String {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<NumberFormat, String> {
        s.parse()
    }

    #[test]
    fn parts_in_any_order() {
        let f = parse("compact=off, decimals=1,prefix=$,suffix= t").expect("valid");
        assert_eq!(f.decimals, Some(1));
        assert_eq!(f.prefix, "$");
        assert_eq!(f.suffix, " t");
        assert_eq!(f.compact, Compact::Off);
        assert_eq!(f.to_string(), "decimals=1,prefix=$,suffix= t,compact=off");
        assert_eq!(parse(&f.to_string()), Ok(f));
        assert_eq!(parse(""), Ok(NumberFormat::default()));
    }

    #[test]
    fn mistakes_are_named_with_a_hint() {
        for (bad, says) in [
            ("decimals=x", "decimals=\"x\" is not a number"),
            ("decimals=11", "decimals=11 is more than 10"),
            ("compact=maybe", "compact=\"maybe\" is not on, off or auto"),
            ("precision=2", "\"precision\" is not a part"),
            ("decimals", "\"decimals\" is not key=value"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.contains(says) && e.contains("hint: "), "{bad}: {e}");
        }
    }

    #[test]
    fn a_manifest_takes_a_string_or_a_table() {
        #[derive(Deserialize)]
        struct M {
            format: NumberFormat,
        }
        let t: M = toml::from_str("format = \"decimals=2,compact=on\"").expect("string");
        assert_eq!(
            (t.format.decimals, t.format.compact),
            (Some(2), Compact::On)
        );
        let t: M = toml::from_str("format = { prefix = \"€\", compact = false }").expect("table");
        assert_eq!(
            (t.format.prefix.as_str(), t.format.compact),
            ("€", Compact::Off)
        );
        for (bad, says) in [
            ("format = { decimals = 12 }", "more than 10"),
            ("format = { precision = 2 }", "\"precision\" is not a part"),
            ("format = { compact = \"maybe\" }", "not on, off or auto"),
        ] {
            let e = toml::from_str::<M>(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
