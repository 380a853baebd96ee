//! Runs a parsed [`Command`]: one chart, a whole manifest, or a watch. The front end of the
//! command line: it owns the run's fonts, words every message in its voice (`--top 7`; a
//! manifest's charts in the manifest's) and prints notes, warnings and errors.

use std::io::IsTerminal;
use std::sync::Arc;

use anyhow::bail;

use crate::batch::{self, BuildOptions};
use crate::cli::Command;
use crate::fonts::{Fonts, Library};
use crate::options::Voice;
use crate::output::write_stdout;
use crate::{manifest, pipeline, watch};

/// A progress line only for a person at a terminal: not when piped, not in CI.
fn want_progress() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// Runs the command; messages for the user go to stderr.
pub fn run(command: Command) -> anyhow::Result<()> {
    // The embedded fonts, parsed on first use, once for the whole run.
    let library = Arc::new(Library::new());
    match command {
        Command::Chart(job) => {
            let fonts = Fonts::new(library);
            let notices = pipeline::run_job(&job, &fonts)
                .map_err(|e| anyhow::anyhow!(e.message().render(Voice::Cli)))?;
            for n in notices {
                eprintln!("{}", n.render(Voice::Cli));
            }
            Ok(())
        }
        Command::Print(bytes) => write_stdout(&bytes),
        Command::Preview {
            input,
            data,
            sort,
            width,
        } => {
            let (ds, notices) = pipeline::preview_dataset(&input, &data, sort)
                .map_err(|e| anyhow::anyhow!(e.message().render(Voice::Cli)))?;
            for n in notices {
                eprintln!("{}", n.render(Voice::Cli));
            }
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
            &library,
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
            let report = batch::build(&charts, &opts, &library);
            report.print_charts(false);
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
