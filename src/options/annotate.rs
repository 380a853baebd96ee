//! Words an editor puts on the plot itself: a reference line across a bar chart's value axis
//! (`--line 25=World average`: a world average, a target) and a short callout on one bar or
//! slice (`--annotate "Rubber=The largest share"`). The same `NAME=TEXT` pair names a pie's
//! remainder per panel (`pie --each-row --rest-of "Muslims=Non-Muslims"`).
//!
//! Each is a text of the form `KEY=TEXT` on the command line and in a manifest list
//! (`line = ["25=World average"]`), read here once for both. They are words in the chart's
//! language, so a manifest entry of several languages gives them per language (`line.ar`).

use std::fmt;
use std::str::FromStr;

use clap::Args;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A reference line: a value on the value axis and the words that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct RefLine {
    /// Where the line crosses the value axis, in the data's unit.
    pub value: f64,
    /// Its label, as written ("World average").
    pub label: String,
}

/// A name and the words that go with it: a callout on the category `name` (`annotate`), or
/// the remainder of `name`'s pie (`rest-of`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callout {
    /// The category (bar, slice or pie) as the chart shows it.
    pub name: String,
    /// The words.
    pub text: String,
}

/// Splits `KEY=TEXT` at its first `=` (a text may hold one: "x=1"), both sides trimmed and
/// neither empty; `what` says what `KEY` is in the message.
fn split<'a>(s: &'a str, what: &str, example: &str) -> Result<(&'a str, &'a str), String> {
    let Some((key, text)) = s.split_once('=') else {
        return Err(format!(
            "'{s}' is not {what}=TEXT: write the {what}, '=' and the words, e.g. {example}"
        ));
    };
    let (key, text) = (key.trim(), text.trim());
    if key.is_empty() {
        return Err(format!(
            "'{s}' has no {what} before '=': write {what}=TEXT, e.g. {example}"
        ));
    }
    if text.is_empty() {
        return Err(format!(
            "'{s}' has no words after '=': write {what}=TEXT, e.g. {example}"
        ));
    }
    Ok((key, text))
}

impl FromStr for RefLine {
    type Err = String;

    /// `VALUE=LABEL`: `25=World average`, `-3.5=Last year`.
    fn from_str(s: &str) -> Result<RefLine, String> {
        let example = "25=World average";
        let (value, label) = split(s, "VALUE", example)?;
        let v: f64 = value.parse().map_err(|_| {
            format!("'{value}' in '{s}' is not a number: write the value as a plain number, e.g. {example}")
        })?;
        if !v.is_finite() || v.abs() > 1e15 {
            return Err(format!(
                "'{value}' in '{s}' is out of range: give a finite number, e.g. {example}"
            ));
        }
        Ok(RefLine {
            value: v,
            label: label.to_string(),
        })
    }
}

impl FromStr for Callout {
    type Err = String;

    /// `LABEL=TEXT`: `Rubber=The largest share`.
    fn from_str(s: &str) -> Result<Callout, String> {
        let (name, text) = split(s, "LABEL", "\"Rubber=The largest share\"")?;
        Ok(Callout {
            name: name.to_string(),
            text: text.to_string(),
        })
    }
}

impl fmt::Display for RefLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.value, self.label)
    }
}

impl fmt::Display for Callout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.text)
    }
}

/// Serde as the text the command line takes.
macro_rules! as_text {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

as_text!(RefLine);
as_text!(Callout);

/// Callouts on the plot, for the kinds that draw them (bars, pies).
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Annotations {
    /// A short callout on one bar or slice: LABEL=TEXT, the category as the chart shows it
    /// (repeatable), placed clear of every other text.
    #[arg(long, value_name = "LABEL=TEXT")]
    pub annotate: Vec<Callout>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_callouts() {
        let l: RefLine = "25=World average".parse().expect("valid");
        assert_eq!((l.value, l.label.as_str()), (25.0, "World average"));
        let l: RefLine = " -3.5 = a=b ".parse().expect("valid");
        assert_eq!((l.value, l.label.as_str()), (-3.5, "a=b"));
        assert_eq!(l.to_string(), "-3.5=a=b");
        for bad in ["25", "=x", "25=", "x=World", "inf=x", "1e16=x"] {
            assert!(bad.parse::<RefLine>().is_err(), "{bad}");
        }
        let c: Callout = "Rubber=The largest = share".parse().expect("valid");
        assert_eq!(
            (c.name.as_str(), c.text.as_str()),
            ("Rubber", "The largest = share")
        );
        for bad in ["Rubber", "=x", "Rubber= "] {
            assert!(bad.parse::<Callout>().is_err(), "{bad}");
        }
    }
}
