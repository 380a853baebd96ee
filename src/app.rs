//! Runs a parsed [`Command`]: one chart, or a whole manifest.

use anyhow::bail;

use crate::cli::Command;
use crate::manifest::{self, BuildOptions};
use crate::pipeline;

/// Runs the command; messages for the user go to stderr.
pub fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Chart(job) => pipeline::run_job(&job),
        Command::Build {
            manifest: path,
            check,
            jobs,
        } => {
            let charts = manifest::load(&path)?;
            let start = std::time::Instant::now();
            let report = manifest::build(&charts, &BuildOptions { jobs, check });
            for (name, err) in &report.failed {
                eprintln!("error: chart '{name}': {err}");
            }
            for p in &report.stale {
                eprintln!("stale: {}", p.display());
            }
            let ms = start.elapsed().as_secs_f64() * 1e3;
            if check {
                eprintln!(
                    "checked {} charts: {} stale files, {} failed ({ms:.0} ms)",
                    charts.len(),
                    report.stale.len(),
                    report.failed.len()
                );
            } else {
                eprintln!(
                    "rendered {} charts ({} files), {} failed ({ms:.0} ms)",
                    report.ok,
                    report.files,
                    report.failed.len()
                );
            }
            if !report.failed.is_empty() {
                bail!("{} of {} charts failed", report.failed.len(), charts.len());
            }
            if !report.stale.is_empty() {
                bail!(
                    "{} files in the manifest's outputs are stale or missing\n  hint: run `sharechart build -m {}` and commit the result",
                    report.stale.len(),
                    path.display()
                );
            }
            Ok(())
        }
    }
}
