//! The `sharechart` binary: parse the arguments, run, report an error and exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    let command = sharechart::cli::Cli::command();
    match sharechart::app::run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
