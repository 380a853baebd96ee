//! How a message names an option: as the flag a command line gives (`--top 7`) or as the key a
//! manifest gives (`top = 7`). Errors carry the option (its key and value) and the [`Voice`] of
//! the place the option came from, and word themselves with it, so a manifest user is never told
//! about a flag they did not type.

use std::fmt;

/// Where the options of a chart came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Voice {
    /// Command-line flags.
    #[default]
    Cli,
    /// Keys of `charts.toml`.
    Manifest,
}

impl Voice {
    /// The option alone: `--label` or `label`.
    pub fn name(self, key: &str) -> String {
        match self {
            Voice::Cli => format!("--{key}"),
            Voice::Manifest => key.to_string(),
        }
    }

    /// An option with its value, quoted for a message: `` `--top 7` `` or `` `top = 7` ``.
    pub fn set(self, key: &str, value: impl fmt::Display) -> String {
        match self {
            Voice::Cli => format!("`--{key} {value}`"),
            Voice::Manifest => format!("`{key} = {value}`"),
        }
    }

    /// A switch turned on: `` `--horizontal` `` or `` `horizontal = true` ``.
    pub fn on(self, key: &str) -> String {
        match self {
            Voice::Cli => format!("`--{key}`"),
            Voice::Manifest => format!("`{key} = true`"),
        }
    }

    /// A chart kind, with switches: `` `sharechart pie --each-row` `` or
    /// `` `kind = "pie"` with `each-row = true` ``.
    pub fn kind(self, kind: &str, switches: &[&str]) -> String {
        match self {
            Voice::Cli => {
                let mut s = format!("`sharechart {kind}");
                for k in switches {
                    s.push_str(&format!(" --{k}"));
                }
                s + "`"
            }
            Voice::Manifest => {
                let mut s = format!("`kind = \"{kind}\"`");
                for (i, k) in switches.iter().enumerate() {
                    s.push_str(if i == 0 { " with " } else { " and " });
                    s.push_str(&format!("`{k} = true`"));
                }
                s
            }
        }
    }

    /// An option with its value, unquoted, to open a message: `--scale 9` or `scale = 9`.
    pub fn opening(self, key: &str, value: &str) -> String {
        match self {
            Voice::Cli => format!("--{key} {value}"),
            Voice::Manifest => format!("{key} = {value}"),
        }
    }
}

/// An option whose value cannot be used, found before any work is done.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} {}\n  hint: {}", .voice.opening(.key, .value), .problem, .hint)]
pub struct OptionError {
    /// The option's key (the flag without dashes, the manifest key).
    pub key: &'static str,
    /// The value as given.
    pub value: String,
    /// What is wrong with it.
    pub problem: String,
    /// How to fix it.
    pub hint: String,
    /// Where it came from.
    pub voice: Voice,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_voice_words_options_its_own_way() {
        assert_eq!(Voice::Cli.set("top", 7), "`--top 7`");
        assert_eq!(Voice::Manifest.set("top", 7), "`top = 7`");
        assert_eq!(Voice::Cli.on("horizontal"), "`--horizontal`");
        assert_eq!(Voice::Manifest.on("horizontal"), "`horizontal = true`");
        assert_eq!(
            Voice::Cli.kind("pie", &["each-row"]),
            "`sharechart pie --each-row`"
        );
        assert_eq!(
            Voice::Manifest.kind("pie", &["each-row"]),
            "`kind = \"pie\"` with `each-row = true`"
        );
        assert_eq!(Voice::Manifest.kind("bar", &[]), "`kind = \"bar\"`");
        let e = OptionError {
            key: "scale",
            value: "9".into(),
            problem: "is out of range".into(),
            hint: "use a scale from 0.25 to 8".into(),
            voice: Voice::Manifest,
        };
        assert_eq!(
            e.to_string(),
            "scale = 9 is out of range\n  hint: use a scale from 0.25 to 8"
        );
    }
}
