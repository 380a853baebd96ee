//! Command-line interface: clap definitions only, turned once into plain [`Command`]s.
//! Chart code never sees clap. Shell completions and the man page are generated here too,
//! from the same definitions.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::pipeline::Job;
use crate::spec::{ChartSpec, Digits, Kind, Lang, Sort, ThemeName};

const EXIT_STATUS: &str = "Exit status: 0 success; 1 an error (bad input, a failed chart, stale charts with --check); 2 bad usage.";

/// Report-quality bar and pie charts from small CSV files, as SVG and PNG.
#[derive(Debug, Parser)]
#[command(name = "sharechart", version, about, long_about = None, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Draw a bar chart.
    #[command(
        after_help = "Examples:\n  sharechart bar data/crops.csv -o crops.svg\n  sharechart bar data/energy.csv -o energy.png --lang ar --scale 2\n  sharechart bar data/minerals.csv -o minerals.svg --horizontal --sort desc\n  sharechart bar data/crops.csv -o - --rest \"Rest of world\" > crops.svg"
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
        /// Stack the series of each category into one bar.
        #[arg(long)]
        stacked: bool,
        /// Draw each percentage as one 100% bar split into the share and the rest (named LABEL).
        #[arg(long, value_name = "LABEL")]
        rest: Option<String>,
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
    /// Render every chart listed in a manifest (charts.toml), skipping unchanged ones.
    #[command(
        after_help = "Examples:\n  sharechart build\n  sharechart build --check   # exit 1 if a file in output/ is stale\n  sharechart build -j 1 --force"
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
    /// Draw the bars of a CSV in the terminal, with Unicode blocks.
    #[command(
        after_help = "Examples:\n  sharechart preview data/crops.csv\n  NO_COLOR=1 sharechart preview data/energy.csv --width 60"
    )]
    Preview {
        /// The CSV file.
        csv: PathBuf,
        #[command(flatten)]
        columns: Columns,
        /// Sort the categories by value.
        #[arg(long, value_enum)]
        sort: Option<SortArg>,
        /// Width in terminal columns (default: the terminal's, else 80).
        #[arg(long, value_name = "COLS")]
        width: Option<usize>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  sharechart completions bash > /etc/bash_completion.d/sharechart\n  sharechart completions zsh > ~/.zfunc/_sharechart"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = "Examples:\n  sharechart man > sharechart.1 && man ./sharechart.1")]
    Man,
}

/// Column choice and language, shared by the drawing commands and `preview`.
#[derive(Debug, Args)]
struct Columns {
    /// Column with the labels (default: the first text column).
    #[arg(long, value_name = "COL")]
    label: Option<String>,
    /// Value column (repeatable; default: every numeric column).
    #[arg(long, value_name = "COL")]
    value: Vec<String>,
    /// Column that splits long data into series (default: detected).
    #[arg(long, value_name = "COL")]
    series: Option<String>,
    /// Language: ar uses the `_ar` label columns and a right-to-left layout.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// CSV delimiter (default: sniffed from the header: comma, semicolon or tab).
    #[arg(long, value_name = "CHAR")]
    delimiter: Option<char>,
    /// Keep the N largest categories and fold the rest into "Other".
    #[arg(long, value_name = "N")]
    top: Option<usize>,
}

/// Flags shared by `bar` and `pie`.
#[derive(Debug, Args)]
struct Common {
    /// The CSV file.
    csv: PathBuf,
    /// Output file: .svg or .png (repeat for both); `-` writes SVG to standard output.
    #[arg(short, long = "output", value_name = "OUT", required = true)]
    output: Vec<PathBuf>,
    #[command(flatten)]
    columns: Columns,
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
    /// Colour theme (print stays readable in greyscale).
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// Digits of the numbers on the chart.
    #[arg(long, value_enum, default_value_t = DigitsArg::Latin)]
    digits: DigitsArg,
    /// Width in pixels.
    #[arg(long, default_value_t = 1200)]
    width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 800)]
    height: u32,
    /// PNG pixel density (2 for high-density screens).
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
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

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
    Print,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DigitsArg {
    Latin,
    Arabic,
}

impl SortArg {
    fn into_sort(self) -> Sort {
        match self {
            SortArg::Asc => Sort::Asc,
            SortArg::Desc => Sort::Desc,
        }
    }
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
    /// Draw a CSV in the terminal.
    Preview {
        /// The CSV file.
        input: PathBuf,
        /// Columns and language.
        spec: Box<ChartSpec>,
        /// Terminal width, if given.
        width: Option<usize>,
    },
    /// Print this text to standard output (completions, man page).
    Print(Vec<u8>),
}

impl Columns {
    fn into_spec(self) -> ChartSpec {
        ChartSpec {
            label: self.label,
            value: self.value,
            series: self.series,
            lang: match self.lang {
                LangArg::En => Lang::En,
                LangArg::Ar => Lang::Ar,
            },
            delimiter: self.delimiter,
            top: self.top,
            ..ChartSpec::default()
        }
    }
}

impl Common {
    fn into_job(self, kind: Kind, f: impl FnOnce(&mut ChartSpec)) -> Job {
        let mut spec = ChartSpec {
            legend: self.legend,
            title: self.title,
            subtitle: self.subtitle,
            source: self.source,
            theme: match self.theme {
                ThemeArg::Light => ThemeName::Light,
                ThemeArg::Dark => ThemeName::Dark,
                ThemeArg::Print => ThemeName::Print,
            },
            digits: match self.digits {
                DigitsArg::Latin => Digits::Latin,
                DigitsArg::Arabic => Digits::Arabic,
            },
            width: self.width,
            height: self.height,
            scale: self.scale,
            ..self.columns.into_spec()
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
                stacked,
                rest,
            } => Command::Chart(Box::new(common.into_job(Kind::Bar, |s| {
                s.horizontal = horizontal;
                s.sort = sort.map(SortArg::into_sort);
                s.stacked = stacked;
                s.rest = rest;
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
            Cmd::Preview {
                csv,
                columns,
                sort,
                width,
            } => {
                let spec = ChartSpec {
                    sort: sort.map(SortArg::into_sort),
                    ..columns.into_spec()
                };
                Command::Preview {
                    input: csv,
                    spec: Box::new(spec),
                    width,
                }
            }
            Cmd::Completions { shell } => {
                let mut out = Vec::new();
                clap_complete::generate(shell, &mut Cli::command_factory(), "sharechart", &mut out);
                Command::Print(out)
            }
            Cmd::Man => {
                let mut out = Vec::new();
                // Rendering into a Vec cannot fail.
                let _ = clap_mangen::Man::new(Cli::command_factory()).render(&mut out);
                Command::Print(out)
            }
        }
    }

    fn command_factory() -> clap::Command {
        <Cli as CommandFactory>::command()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        Cli::command_factory().debug_assert();
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
            "--theme",
            "print",
            "--digits",
            "arabic",
            "--top",
            "5",
        ])
        .expect("parses");
        let Command::Chart(job) = cli.into_command() else {
            panic!("not a chart")
        };
        assert_eq!(job.kind, Kind::Pie);
        assert!(job.spec.donut);
        assert_eq!(job.spec.lang, Lang::Ar);
        assert_eq!(job.spec.rest.as_deref(), Some("Others"));
        assert_eq!(job.spec.theme, ThemeName::Print);
        assert_eq!(job.spec.digits, Digits::Arabic);
        assert_eq!(job.spec.top, Some(5));
    }

    #[test]
    fn completions_and_man_page_come_from_the_definitions() {
        for shell in ["bash", "zsh", "fish"] {
            let cli = Cli::try_parse_from(["sharechart", "completions", shell]).expect("parses");
            let Command::Print(text) = cli.into_command() else {
                panic!("not printed")
            };
            let text = String::from_utf8(text).expect("utf-8");
            assert!(
                text.contains("each-row") && text.contains("preview"),
                "{shell}"
            );
        }
        let Command::Print(man) = Cli::try_parse_from(["sharechart", "man"])
            .expect("parses")
            .into_command()
        else {
            panic!("not printed")
        };
        let man = String::from_utf8(man).expect("utf-8");
        assert!(
            man.starts_with(".ie") || man.contains(".TH sharechart"),
            "{}",
            &man[..80.min(man.len())]
        );
    }
}
