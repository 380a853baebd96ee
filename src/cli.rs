//! Command-line interface: clap definitions only, turned once into plain [`Command`]s. The
//! chart options themselves are declared in [`crate::spec::options`] (clap flattens them in),
//! so a flag and its manifest key are one declaration. Chart code never sees clap. Shell completions and the man page are generated here too,
//! from the same definitions.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::spec::{BarOptions, ChartOptions, Columns, Job, JobError, Order, PieOptions, Sort};

const EXIT_STATUS: &str = "Exit status: 0 success; 1 an error (bad input, a failed chart, stale charts with --check); 2 bad usage.";

/// Report-quality bar and pie charts from small CSV files, as SVG and PNG.
#[derive(Debug, Parser)]
#[command(name = "sharechart", version, about, long_about = None, after_help = EXIT_STATUS)]
pub struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// The subcommands. Each one's arguments are declared by a derived [`Args`] struct, but built
/// only when that subcommand is the one run (`Command::defer`): building all seven trees of
/// arguments took a third of clap's work on every one-chart run. Help, completions and the man
/// page build them all.
#[derive(Debug)]
enum Cmd {
    Bar(BarCmd),
    Pie(PieCmd),
    Build(BuildCmd),
    Watch(WatchCmd),
    Preview(PreviewCmd),
    Completions(CompletionsCmd),
    Man,
}

/// One subcommand: name, one-line help, examples, and how to add its arguments.
struct Sub {
    name: &'static str,
    about: &'static str,
    examples: &'static str,
    args: fn(clap::Command) -> clap::Command,
}

const SUBCOMMANDS: [Sub; 7] = [
    Sub {
        name: "bar",
        about: "Draw a bar chart",
        examples: "Examples:\n  sharechart bar data/crops.csv -o crops.svg\n  sharechart bar data/energy.csv -o energy.png --lang ar --scale 2\n  sharechart bar data/minerals.csv -o minerals.svg --horizontal --sort desc\n  sharechart bar data/crops.csv -o - --rest \"Rest of world\" > crops.svg",
        args: with_args::<BarCmd>,
    },
    Sub {
        name: "pie",
        about: "Draw a pie or donut of the parts of one whole",
        examples: "Examples:\n  sharechart pie data/russia_muslims.csv -o russia.svg --donut --rest \"Other residents\"\n  sharechart pie data/crops.csv -o crops.png --each-row",
        args: with_args::<PieCmd>,
    },
    Sub {
        name: "build",
        about: "Render every chart listed in a manifest (charts.toml), skipping unchanged ones",
        examples: "Examples:\n  sharechart build\n  sharechart build --check   # exit 1 if a file in output/ is stale\n  sharechart build -j 1 --force",
        args: with_args::<BuildCmd>,
    },
    Sub {
        name: "watch",
        about: "Build, then rebuild the affected charts whenever a CSV or the manifest is saved",
        examples: "Examples:\n  sharechart watch\n  sharechart watch -m reports/charts.toml",
        args: with_args::<WatchCmd>,
    },
    Sub {
        name: "preview",
        about: "Draw the bars of a CSV in the terminal, with Unicode blocks",
        examples: "Examples:\n  sharechart preview data/crops.csv\n  NO_COLOR=1 sharechart preview data/energy.csv --width 60",
        args: with_args::<PreviewCmd>,
    },
    Sub {
        name: "completions",
        about: "Print a shell completion script",
        examples: "Examples:\n  sharechart completions bash > /etc/bash_completion.d/sharechart\n  sharechart completions zsh > ~/.zfunc/_sharechart",
        args: with_args::<CompletionsCmd>,
    },
    Sub {
        name: "man",
        about: "Print the man page (roff)",
        examples: "Examples:\n  sharechart man > sharechart.1 && man ./sharechart.1",
        args: |cmd| cmd,
    },
];

/// Adds `T`'s arguments to a subcommand, keeping the subcommand's own help line (a flattened
/// struct's doc comment would otherwise replace it).
fn with_args<T: Args>(cmd: clap::Command) -> clap::Command {
    let about = cmd.get_about().cloned();
    let cmd = T::augment_args(cmd);
    match about {
        Some(about) => cmd.about(about).long_about(None),
        None => cmd,
    }
}

impl Subcommand for Cmd {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        cmd.subcommands(SUBCOMMANDS.iter().map(|sub| {
            clap::Command::new(sub.name)
                .about(sub.about)
                .after_help(sub.examples)
                .defer(sub.args)
        }))
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        SUBCOMMANDS.iter().any(|sub| sub.name == name)
    }
}

impl clap::FromArgMatches for Cmd {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let Some((name, m)) = matches.subcommand() else {
            return Err(clap::Error::new(clap::error::ErrorKind::MissingSubcommand));
        };
        Ok(match name {
            "bar" => Cmd::Bar(BarCmd::from_arg_matches(m)?),
            "pie" => Cmd::Pie(PieCmd::from_arg_matches(m)?),
            "build" => Cmd::Build(BuildCmd::from_arg_matches(m)?),
            "watch" => Cmd::Watch(WatchCmd::from_arg_matches(m)?),
            "preview" => Cmd::Preview(PreviewCmd::from_arg_matches(m)?),
            "completions" => Cmd::Completions(CompletionsCmd::from_arg_matches(m)?),
            "man" => Cmd::Man,
            _ => return Err(clap::Error::new(clap::error::ErrorKind::InvalidSubcommand)),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

// The arguments of each subcommand (plain comments: a doc comment would become its help).
#[derive(Debug, Args)]
struct BarCmd {
    #[command(flatten)]
    io: Io,
    #[command(flatten)]
    options: BarOptions,
}

#[derive(Debug, Args)]
struct PieCmd {
    #[command(flatten)]
    io: Io,
    #[command(flatten)]
    options: PieOptions,
}

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
    columns: Columns,
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

/// The input and outputs of a drawing command.
#[derive(Debug, Args)]
struct Io {
    /// The CSV file.
    csv: PathBuf,
    /// Output file: .svg, .png or .pdf (repeat for several); `-` writes SVG to standard output.
    #[arg(short, long = "output", value_name = "OUT", required = true)]
    output: Vec<PathBuf>,
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
        columns: Box<Columns>,
        /// Sort order.
        sort: Option<Sort>,
        /// Terminal width, if given.
        width: Option<usize>,
    },
    /// Print this text to standard output (completions, man page).
    Print(Vec<u8>),
}

impl Io {
    /// A checked job. A bad option value is an error of status 1 with a hint, not a usage
    /// error: clap has accepted the flag, the value is what cannot be drawn.
    fn into_job(self, options: ChartOptions) -> Result<Command, JobError> {
        let job = Job::new(self.csv, options, self.output)?;
        Ok(Command::Chart(Box::new(job)))
    }
}

impl Cli {
    /// Parses the process arguments (exits with status 2 and a message on bad usage); an
    /// option whose value cannot be used is an error, before any work.
    pub fn command() -> Result<Command, JobError> {
        Cli::parse().into_command()
    }

    fn into_command(self) -> Result<Command, JobError> {
        Ok(match self.command {
            Cmd::Bar(BarCmd { io, options }) => io.into_job(ChartOptions::Bar(options))?,
            Cmd::Pie(PieCmd { io, options }) => io.into_job(ChartOptions::Pie(options))?,
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
                columns,
                order,
                width,
            }) => {
                columns.validate()?;
                Command::Preview {
                    input: csv,
                    columns: Box::new(columns),
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
                let mut cmd = Cli::command_factory();
                cmd.build(); // the deferred arguments of every subcommand
                let _ = clap_mangen::Man::new(cmd).render(&mut out);
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
        let ChartOptions::Pie(o) = &job.options else {
            panic!("not a pie")
        };
        assert!(o.donut);
        assert_eq!(o.common.columns.lang, Some(crate::spec::Lang::ar()));
        assert_eq!(o.rest.as_deref(), Some("Others"));
        assert_eq!(o.common.theme, crate::spec::ThemeName::Print);
        assert_eq!(o.common.digits, crate::spec::Digits::Arabic);
        assert_eq!(o.common.columns.top, Some(5));
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
