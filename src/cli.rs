//! Command-line interface: clap definitions only, turned once into plain [`Command`]s.
//! Chart code never sees clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::pipeline::Job;
use crate::spec::{ChartSpec, Kind, Lang, Sort};

/// Report-quality bar and pie charts from small CSV files, as SVG and PNG.
#[derive(Debug, Parser)]
#[command(name = "sharechart", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 success, 1 error (bad input, failed chart, stale chart with --check), 2 bad usage."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Draw a bar chart.
    #[command(
        after_help = "Examples:\n  sharechart bar data/crops.csv -o crops.svg\n  sharechart bar data/energy.csv -o energy.png --lang ar --scale 2\n  sharechart bar data/minerals.csv -o minerals.svg --horizontal --sort desc"
    )]
    Bar {
        #[command(flatten)]
        common: Common,
        /// Horizontal bars (better for long labels or many categories).
        #[arg(long)]
        horizontal: bool,
        /// Sort the categories by value.
        #[arg(long, value_enum)]
        sort: Option<SortArg>,
    },
    /// Draw a pie or donut of the parts of one whole.
    #[command(
        after_help = "Examples:\n  sharechart pie data/russia_muslims.csv -o russia.svg --donut --rest \"Other residents\"\n  sharechart pie data/crops.csv -o crops.png --each-row"
    )]
    Pie {
        #[command(flatten)]
        common: Common,
        /// Draw a donut (a ring) instead of a full pie.
        #[arg(long)]
        donut: bool,
        /// Label of the remainder slice when percentages sum below 100.
        #[arg(long, value_name = "LABEL")]
        rest: Option<String>,
        /// One small share-vs-rest pie per row, in a grid.
        #[arg(long)]
        each_row: bool,
    },
    /// Render every chart listed in a manifest (charts.toml).
    #[command(
        after_help = "Examples:\n  sharechart build\n  sharechart build --check   # exit 1 if a file in output/ is stale"
    )]
    Build {
        /// The manifest.
        #[arg(short, long, value_name = "PATH", default_value = "charts.toml")]
        manifest: PathBuf,
        /// Write nothing; fail if any output differs from what the data would give.
        #[arg(long)]
        check: bool,
        /// Render every chart, even those whose inputs are unchanged.
        #[arg(long)]
        force: bool,
        /// Threads to use (default: all cores).
        #[arg(short, long, value_name = "N", default_value_t = 0)]
        jobs: usize,
    },
    /// Build, then rebuild the affected charts whenever a CSV or the manifest is saved.
    #[command(
        after_help = "Examples:\n  sharechart watch\n  sharechart watch -m reports/charts.toml"
    )]
    Watch {
        /// The manifest.
        #[arg(short, long, value_name = "PATH", default_value = "charts.toml")]
        manifest: PathBuf,
        /// Threads to use (default: all cores).
        #[arg(short, long, value_name = "N", default_value_t = 0)]
        jobs: usize,
    },
}

/// Flags shared by `bar` and `pie`.
#[derive(Debug, Args)]
struct Common {
    /// The CSV file.
    csv: PathBuf,
    /// Output file: .svg or .png (repeat for both).
    #[arg(short, long = "output", value_name = "OUT", required = true)]
    output: Vec<PathBuf>,
    /// Column with the labels (default: the first text column).
    #[arg(long, value_name = "COL")]
    label: Option<String>,
    /// Value column (repeatable; default: every numeric column).
    #[arg(long, value_name = "COL")]
    value: Vec<String>,
    /// Column that splits long data into series (default: detected).
    #[arg(long, value_name = "COL")]
    series: Option<String>,
    /// Legend name for a series (repeatable, in order; default: from the data).
    #[arg(long, value_name = "NAME")]
    legend: Vec<String>,
    /// Title (default: from the file name).
    #[arg(long)]
    title: Option<String>,
    /// Subtitle: what is measured and its unit.
    #[arg(long)]
    subtitle: Option<String>,
    /// Source line under the chart.
    #[arg(long)]
    source: Option<String>,
    /// Language: ar uses the `_ar` label columns and a right-to-left layout.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// Width in pixels.
    #[arg(long, default_value_t = 1200)]
    width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 800)]
    height: u32,
    /// PNG pixel density (2 for high-density screens).
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    /// CSV delimiter (default: sniffed from the header: comma, semicolon or tab).
    #[arg(long, value_name = "CHAR")]
    delimiter: Option<char>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortArg {
    Asc,
    Desc,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Ar,
}

/// What the user asked for, free of clap.
#[derive(Debug)]
pub enum Command {
    /// Render one chart.
    Chart(Box<Job>),
    /// Render a manifest.
    Build {
        /// The manifest path.
        manifest: PathBuf,
        /// Check only.
        check: bool,
        /// Render everything.
        force: bool,
        /// Threads (0: all).
        jobs: usize,
    },
    /// Watch a manifest.
    Watch {
        /// The manifest path.
        manifest: PathBuf,
        /// Threads (0: all).
        jobs: usize,
    },
}

impl Common {
    fn into_job(self, kind: Kind, f: impl FnOnce(&mut ChartSpec)) -> Job {
        let mut spec = ChartSpec {
            label: self.label,
            value: self.value,
            series: self.series,
            legend: self.legend,
            title: self.title,
            subtitle: self.subtitle,
            source: self.source,
            lang: match self.lang {
                LangArg::En => Lang::En,
                LangArg::Ar => Lang::Ar,
            },
            width: self.width,
            height: self.height,
            scale: self.scale,
            delimiter: self.delimiter,
            ..ChartSpec::default()
        };
        f(&mut spec);
        Job {
            input: self.csv,
            kind,
            spec,
            outputs: self.output,
        }
    }
}

impl Cli {
    /// Parses the process arguments (exits with status 2 and a message on bad usage).
    pub fn command() -> Command {
        Cli::parse().into_command()
    }

    fn into_command(self) -> Command {
        match self.command {
            Cmd::Bar {
                common,
                horizontal,
                sort,
            } => Command::Chart(Box::new(common.into_job(Kind::Bar, |s| {
                s.horizontal = horizontal;
                s.sort = sort.map(|o| match o {
                    SortArg::Asc => Sort::Asc,
                    SortArg::Desc => Sort::Desc,
                });
            }))),
            Cmd::Pie {
                common,
                donut,
                rest,
                each_row,
            } => Command::Chart(Box::new(common.into_job(Kind::Pie, |s| {
                s.donut = donut;
                s.rest = rest;
                s.each_row = each_row;
            }))),
            Cmd::Build {
                manifest,
                check,
                force,
                jobs,
            } => Command::Build {
                manifest,
                check,
                force,
                jobs,
            },
            Cmd::Watch { manifest, jobs } => Command::Watch { manifest, jobs },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command_factory_check();
    }

    impl Cli {
        fn command_factory_check() {
            <Cli as CommandFactory>::command().debug_assert();
        }
    }

    #[test]
    fn flags_become_a_spec() {
        let cli = Cli::try_parse_from([
            "sharechart",
            "pie",
            "a.csv",
            "-o",
            "a.svg",
            "--donut",
            "--lang",
            "ar",
            "--rest",
            "Others",
        ])
        .expect("parses");
        let Command::Chart(job) = cli.into_command() else {
            panic!("not a chart")
        };
        assert_eq!(job.kind, Kind::Pie);
        assert!(job.spec.donut);
        assert_eq!(job.spec.lang, Lang::Ar);
        assert_eq!(job.spec.rest.as_deref(), Some("Others"));
    }
}
