//! The `sharechart` binary: parse the arguments, run, report an error and exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    let run = sharechart::cli::Cli::command()
        .map_err(anyhow::Error::from)
        .and_then(sharechart::app::run);
    match run {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
