//! The language of a chart as the user gives it: a BCP 47 language code (`en`, `ar`, `fa`,
//! `pt-br`, `uz-cyrl`), checked and lowercased. It picks the label columns (`label_fa`) and,
//! through its row in `locale`, the direction, the chart's own words and its numbers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language code, checked and lowercased (`pt_BR` and `pt-BR` become `pt-br`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Lang(String);

impl Lang {
    /// English.
    pub fn en() -> Lang {
        Lang("en".into())
    }

    /// Arabic.
    pub fn ar() -> Lang {
        Lang("ar".into())
    }

    /// The code as written in column names and `lang` attributes.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// The language subtag: `pt` for `pt-br`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The script subtag, if the code has one: `arab` for `az-arab`.
    pub fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .find(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_alphabetic()))
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        let code = s.trim().to_ascii_lowercase().replace('_', "-");
        let mut tags = code.split('-');
        let primary = tags.next().unwrap_or("");
        let ok = (2..=3).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_lowercase())
            && tags.all(|t| {
                (1..=8).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if ok {
            Ok(Lang(code))
        } else {
            Err(format!(
                "{s:?} is not a language code\n  hint: use a code such as en, ar, fr, fa, ur, tr, ms, bn (ISO 639, as in the label_XX columns)"
            ))
        }
    }
}

impl TryFrom<String> for Lang {
    type Error = String;

    fn try_from(s: String) -> Result<Lang, String> {
        s.parse()
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> String {
        l.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_and_lowercased() {
        assert_eq!(
            "pt_BR".parse::<Lang>().map(String::from),
            Ok("pt-br".into())
        );
        assert_eq!("AR".parse::<Lang>(), Ok(Lang::ar()));
        for bad in ["", "e", "english", "fr!", "zh--x", "12"] {
            assert!(bad.parse::<Lang>().is_err(), "{bad:?}");
        }
    }
}
