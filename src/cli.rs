//! Command-line interface: clap definitions only, turned once into plain [`Command`]s. The
//! chart subcommands come from the kind registry ([`ChartCommand`]) and their options are
//! declared beside each kind (clap flattens them in), so a flag and its manifest key are one
//! declaration. Chart code never sees clap. Shell completions and the man page are generated
//! here too, from the same definitions. Option errors are worded here, in the command line's
//! voice (`--top 7`).

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::kinds::ChartCommand;
use crate::options::{DataOptions, Order, Sort, Voice};
use crate::pipeline::Job;

const EXIT_STATUS: &str = "Exit status: 0 success; 1 an error (bad input, a failed chart, stale charts with --check); 2 bad usage.";

/// Report-quality bar charts, pie charts and maps from small CSV files, as SVG, PNG and PDF.
#[derive(Debug, Parser)]
#[command(name = "sharechart", version, about, long_about = None, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// The subcommands: one per chart kind, then the others.
#[derive(Debug, Subcommand)]
// Parsed once per run and taken apart at once: its size costs nothing.
#[allow(clippy::large_enum_variant)]
enum Cmd {
    #[command(flatten)]
    Chart(ChartCommand),
    #[command(
        about = "Render every chart listed in a manifest (charts.toml), skipping unchanged ones",
        long_about = None,
        after_help = "Examples:\n  sharechart build\n  sharechart build --check   # exit 1 if a file in output/ is stale\n  sharechart build -j 1 --force"
    )]
    Build(BuildCmd),
    #[command(
        about = "Build, then rebuild the affected charts whenever a CSV or the manifest is saved",
        long_about = None,
        after_help = "Examples:\n  sharechart watch\n  sharechart watch -m reports/charts.toml"
    )]
    Watch(WatchCmd),
    #[command(
        about = "Draw the bars of a CSV in the terminal, with Unicode blocks",
        long_about = None,
        after_help = "Examples:\n  sharechart preview data/crops.csv\n  NO_COLOR=1 sharechart preview data/energy.csv --width 60"
    )]
    Preview(PreviewCmd),
    #[command(
        about = "Print a shell completion script",
        long_about = None,
        after_help = "Examples:\n  sharechart completions bash > /etc/bash_completion.d/sharechart\n  sharechart completions zsh > ~/.zfunc/_sharechart"
    )]
    Completions(CompletionsCmd),
    #[command(
        about = "Print the man page (roff)",
        long_about = None,
        after_help = "Examples:\n  sharechart man > sharechart.1 && man ./sharechart.1"
    )]
    Man,
}

// The arguments of each subcommand (plain comments: a doc comment would become its help).
#[derive(Debug, Args)]
struct BuildCmd {
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
}

#[derive(Debug, Args)]
struct WatchCmd {
    /// The manifest.
    #[arg(short, long, value_name = "PATH", default_value = "charts.toml")]
    manifest: PathBuf,
    /// Threads to use (default: all cores).
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    jobs: usize,
}

#[derive(Debug, Args)]
struct PreviewCmd {
    /// The CSV file.
    csv: PathBuf,
    #[command(flatten)]
    data: DataOptions,
    #[command(flatten)]
    order: Order,
    /// Width in terminal columns (default: the terminal's, else 80).
    #[arg(long, value_name = "COLS")]
    width: Option<usize>,
}

#[derive(Debug, Args)]
struct CompletionsCmd {
    /// The shell.
    shell: clap_complete::Shell,
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
        data: Box<DataOptions>,
        /// Sort order.
        sort: Option<Sort>,
        /// Terminal width, if given.
        width: Option<usize>,
    },
    /// Print this text to standard output (completions, man page).
    Print(Vec<u8>),
}

/// An option whose value cannot be used, worded as the command line gives options.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct OptionValueError(String);

impl Cli {
    /// Parses the process arguments (exits with status 2 and a message on bad usage); an
    /// option whose value cannot be used is an error of status 1 with a hint, before any work
    /// (clap has accepted the flag; the value is what cannot be drawn).
    pub fn command() -> Result<Command, OptionValueError> {
        Cli::parse()
            .into_command()
            .map_err(|m| OptionValueError(m.render(Voice::Cli)))
    }

    fn into_command(self) -> Result<Command, crate::options::Message> {
        Ok(match self.command {
            Cmd::Chart(chart) => {
                let (input, options, outputs) = chart.into_parts();
                let job = Job::new(input, options, outputs).map_err(|e| e.message())?;
                Command::Chart(Box::new(job))
            }
            Cmd::Build(BuildCmd {
                manifest,
                check,
                force,
                jobs,
            }) => Command::Build {
                manifest,
                check,
                force,
                jobs,
            },
            Cmd::Watch(WatchCmd { manifest, jobs }) => Command::Watch { manifest, jobs },
            Cmd::Preview(PreviewCmd {
                csv,
                data,
                order,
                width,
            }) => {
                data.validate().map_err(|e| e.message())?;
                Command::Preview {
                    input: csv,
                    data: Box::new(data),
                    sort: order.sort,
                    width,
                }
            }
            Cmd::Completions(CompletionsCmd { shell }) => {
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
        })
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
        let Ok(Command::Chart(job)) = cli.into_command() else {
            panic!("not a chart")
        };
        let crate::kinds::ChartOptions::Pie(o) = &job.options else {
            panic!("not a pie")
        };
        assert!(o.donut);
        assert_eq!(o.common.data.lang, Some(crate::options::Lang::ar()));
        assert_eq!(o.rest.as_deref(), Some("Others"));
        assert_eq!(o.common.theme, crate::options::ThemeName::Print);
        assert_eq!(o.common.digits, crate::options::Digits::Arabic);
        assert_eq!(o.common.data.top, Some(5));
    }

    #[test]
    fn completions_and_man_page_come_from_the_definitions() {
        for shell in ["bash", "zsh", "fish"] {
            let cli = Cli::try_parse_from(["sharechart", "completions", shell]).expect("parses");
            let Ok(Command::Print(text)) = cli.into_command() else {
                panic!("not printed")
            };
            let text = String::from_utf8(text).expect("utf-8");
            assert!(
                text.contains("each-row") && text.contains("preview"),
                "{shell}"
            );
        }
        let Ok(Command::Print(man)) = Cli::try_parse_from(["sharechart", "man"])
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
