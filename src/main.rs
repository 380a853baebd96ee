//! The `sharechart` binary: parse the arguments, run, report an error and exit.
//!
//! A plain Rust `main`: before it runs, Rust's runtime opens a standard stream the caller closed
//! on /dev/null (so no file of ours becomes descriptor 1 or 2) and ignores SIGPIPE (so a reader
//! that goes away is an `EPIPE` error, which `output.rs` takes as the reader's choice); after
//! it, stdout is flushed; a panic exits with status 101.
#![forbid(unsafe_code)]

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
