//! Runs a parsed [`Command`]: one chart, a whole manifest, or a watch.

use std::io::IsTerminal;

use anyhow::bail;

use crate::build::{self, BuildOptions, Outcome};
use crate::cli::Command;
use crate::output::write_stdout;
use crate::{manifest, pipeline, watch};

/// A progress line only for a person at a terminal: not when piped, not in CI.
fn want_progress() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Runs the command; messages for the user go to stderr.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Chart(job) => pipeline::run_job(&job),
        Command::Print(bytes) => write_stdout(&bytes),
        Command::Preview {
            input,
            columns,
            sort,
            width,
        } => {
            let ds = pipeline::preview_dataset(&input, &columns, sort)?;
            let color = crate::preview::want_color(std::io::stdout().is_terminal());
            let text = crate::preview::render(
                &ds,
                width.unwrap_or_else(crate::preview::terminal_width),
                color,
            );
            write_stdout(text.as_bytes())
        }
        Command::Watch { manifest, jobs } => watch::watch(
            &manifest,
            &BuildOptions {
                jobs,
                ..BuildOptions::default()
            },
        ),
        Command::Build {
            manifest: path,
            check,
            force,
            jobs,
        } => {
            let charts = manifest::load(&path)?;
            let opts = BuildOptions {
                jobs,
                check,
                force,
                progress: want_progress(),
            };
            let report = build::build(&charts, &opts);
            for (name, outcome) in &report.charts {
                if let Outcome::Failed(e) = outcome {
                    eprintln!("error: chart '{name}': {e}");
                }
            }
            for p in &report.stale {
                eprintln!("stale: {}", p.display());
            }
            if check {
                eprintln!(
                    "checked {} charts: {} stale files, {} failed ({:.0} ms)",
                    report.charts.len(),
                    report.stale.len(),
                    report.failed(),
                    report.millis
                );
            } else {
                eprintln!("{}", report.summary());
            }
            if let Some(e) = &report.page_error {
                if report.failed() == 0 {
                    bail!("{e}");
                }
                eprintln!("error: {e}");
            }
            if report.failed() > 0 {
                bail!(
                    "{} of {} charts failed",
                    report.failed(),
                    report.charts.len()
                );
            }
            if !report.stale.is_empty() {
                bail!(
                    "{} output files are stale or missing\n  hint: run `sharechart build -m {}` and commit the result",
                    report.stale.len(),
                    path.display()
                );
            }
            Ok(())
        }
    }
}
