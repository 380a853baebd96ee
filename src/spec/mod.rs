//! The spec layer: what the user asked for, free of clap and TOML. A [`Job`] is one chart to
//! make: an input, its [`ChartOptions`] (one struct per kind, declared once in [`options`]),
//! and its outputs. A `Job` is checked when it is made ([`Job::new`]), so every stage after it
//! can trust its options: validation runs once, before any work.

pub mod lang;
pub mod options;
pub mod values;
pub mod voice;

use std::path::PathBuf;

use clap::{Args, Command};
use serde::{Deserialize, Serialize};

pub use options::{
    BarOptions, Columns, Common, Digits, Lang, Order, PieOptions, Sort, SvgText, ThemeName,
};
pub use voice::{OptionError, Voice};

use crate::render::Format;

/// Bar or pie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Bars (vertical, horizontal, grouped).
    Bar,
    /// A pie or donut, or a grid of them with `each-row`.
    Pie,
}

impl Kind {
    /// Every kind, in the order messages list them.
    pub const ALL: [Kind; 2] = [Kind::Bar, Kind::Pie];

    /// The kind's name, as `kind = "..."` and the subcommand spell it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bar => "bar",
            Kind::Pie => "pie",
        }
    }

    /// The option keys this kind accepts, read off the flags its options declare (so a new
    /// option is a new key without another list to keep in step).
    pub fn keys(self) -> Vec<String> {
        let cmd = match self {
            Kind::Bar => BarOptions::augment_args(Command::new("bar")),
            Kind::Pie => PieOptions::augment_args(Command::new("pie")),
        };
        cmd.get_arguments()
            .filter_map(|a| a.get_long().map(str::to_string))
            .collect()
    }

    /// Default options of this kind.
    pub fn default_options(self) -> ChartOptions {
        match self {
            Kind::Bar => ChartOptions::Bar(BarOptions::default()),
            Kind::Pie => ChartOptions::Pie(PieOptions::default()),
        }
    }
}

/// The options of one chart: those of its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartOptions {
    /// A bar chart.
    Bar(BarOptions),
    /// A pie, donut or grid of pies.
    Pie(PieOptions),
}

impl ChartOptions {
    /// The kind.
    pub fn kind(&self) -> Kind {
        match self {
            ChartOptions::Bar(_) => Kind::Bar,
            ChartOptions::Pie(_) => Kind::Pie,
        }
    }

    /// The options every kind has.
    pub fn common(&self) -> &Common {
        match self {
            ChartOptions::Bar(o) => &o.common,
            ChartOptions::Pie(o) => &o.common,
        }
    }

    /// The options every kind has, to change.
    pub fn common_mut(&mut self) -> &mut Common {
        match self {
            ChartOptions::Bar(o) => &mut o.common,
            ChartOptions::Pie(o) => &mut o.common,
        }
    }

    /// The sort order, for kinds that sort.
    pub fn sort(&self) -> Option<Sort> {
        match self {
            ChartOptions::Bar(o) => o.order.sort,
            ChartOptions::Pie(o) => o.order.sort,
        }
    }

    /// Checks every option.
    pub fn validate(&self) -> Result<(), OptionError> {
        self.common().validate()?;
        match self {
            ChartOptions::Bar(o) => o.validate(),
            ChartOptions::Pie(_) => Ok(()),
        }
    }

    /// The options of a kind from manifest keys (`"horizontal = true\nwidth = 600"`); keys
    /// the kind does not have are ignored here (the manifest refuses them with their place).
    pub fn from_toml(kind: Kind, keys: &str) -> Result<ChartOptions, toml::de::Error> {
        Ok(match kind {
            Kind::Bar => ChartOptions::Bar(toml::from_str(keys)?),
            Kind::Pie => ChartOptions::Pie(toml::from_str(keys)?),
        })
    }
}

/// Why a job cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// An option has a value that cannot be used.
    #[error(transparent)]
    Option(#[from] OptionError),
    /// An output file of an unknown format.
    #[error(transparent)]
    Output(#[from] crate::error::ChartError),
}

impl JobError {
    /// The option (manifest key) the error is about.
    pub fn key(&self) -> &'static str {
        match self {
            JobError::Option(e) => e.key,
            JobError::Output(_) => "output",
        }
    }
}

/// One chart to make: an input, its options, and one or more output files.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The CSV file.
    pub input: PathBuf,
    /// How it looks.
    pub options: ChartOptions,
    /// Output files; the format of each comes from its extension (`-`: SVG on stdout).
    pub outputs: Vec<PathBuf>,
    /// The format of each output, in order.
    pub formats: Vec<Format>,
}

impl Job {
    /// A checked job: every option valid, every output of a known format, a PNG drawable.
    pub fn new(
        input: PathBuf,
        options: ChartOptions,
        outputs: Vec<PathBuf>,
    ) -> Result<Job, JobError> {
        options.validate()?;
        let formats = outputs
            .iter()
            .map(|p| {
                if p.is_dir() {
                    // Before the extension: `-o out/` is a folder, not a format.
                    return Err(crate::error::ChartError::Folder { path: p.clone() });
                }
                Format::from_path(p)
            })
            .collect::<Result<Vec<_>, _>>()?;
        if formats.contains(&Format::Png) {
            options.common().validate_png()?;
        }
        Ok(Job {
            input,
            options,
            outputs,
            formats,
        })
    }

    /// The kind of chart.
    pub fn kind(&self) -> Kind {
        self.options.kind()
    }

    /// The options every kind has.
    pub fn common(&self) -> &Common {
        self.options.common()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_accepts_its_own_keys() {
        let bar = Kind::Bar.keys();
        let pie = Kind::Pie.keys();
        for shared in [
            "label", "value", "title", "width", "scale", "top", "rest", "note", "sort",
        ] {
            assert!(bar.iter().any(|k| k == shared), "{shared}");
            assert!(pie.iter().any(|k| k == shared), "{shared}");
        }
        for k in ["horizontal", "stacked", "axis-max"] {
            assert!(
                bar.iter().any(|b| b == k) && !pie.iter().any(|p| p == k),
                "{k}"
            );
        }
        for k in ["donut", "each-row"] {
            assert!(
                pie.iter().any(|p| p == k) && !bar.iter().any(|b| b == k),
                "{k}"
            );
        }
    }

    #[test]
    fn every_key_is_a_serde_field_of_its_kind() {
        // A key clap declares but serde does not read (or the reverse) would be accepted by one
        // front end only: serialising the defaults must give exactly the declared keys.
        for kind in Kind::ALL {
            let options = kind.default_options();
            let table = match &options {
                ChartOptions::Bar(o) => toml::Table::try_from(o),
                ChartOptions::Pie(o) => toml::Table::try_from(o),
            }
            .expect("serialises");
            let mut keys = kind.keys();
            keys.sort();
            let mut fields: Vec<String> = table.keys().cloned().collect();
            // Options without a value (None) are not written by TOML: one of these values
            // must set them, else serde does not read that key.
            for k in &keys {
                if !fields.contains(k) {
                    let read = ["\"x\"", "1", "\"asc\"", "\"sum\""].iter().any(|v| {
                        let one = format!("{k} = {v}");
                        match kind {
                            Kind::Bar => toml::from_str::<BarOptions>(&one)
                                .is_ok_and(|o| o != BarOptions::default()),
                            Kind::Pie => toml::from_str::<PieOptions>(&one)
                                .is_ok_and(|o| o != PieOptions::default()),
                        }
                    });
                    assert!(read, "{kind:?}: serde does not read {k}");
                    fields.push(k.clone());
                }
            }
            fields.sort();
            assert_eq!(fields, keys, "{kind:?}");
        }
    }
}
