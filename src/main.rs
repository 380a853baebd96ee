//! The `sharechart` binary: parse the arguments, run, report an error and exit.
//!
//! The entry point is a C `main` (`#![no_main]`), not Rust's: a one-chart run is mostly process
//! start-up, and Rust's runtime set-up before `main` reads `/proc/self/maps` (three system calls
//! and ~100 000 instructions, to place a guard page the kernel already provides for the main
//! thread). What of that set-up matters is done here: SIGPIPE is ignored (so a closed pipe is
//! an error we handle, as before), a panic exits with status 101, and stdout is flushed.
//! `std::env::args` works without the runtime (glibc hands the arguments to std on load).
// The test harness brings its own `main`; the binary has no unit tests of its own.
#![cfg_attr(not(test), no_main)]

#[cfg(not(test))]
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to "ignore" before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    // 101 is the status Rust's runtime gives a panic.
    let status = std::panic::catch_unwind(run).unwrap_or(101);
    let _ = std::io::Write::flush(&mut std::io::stdout());
    status
}

#[cfg_attr(test, allow(dead_code))]
fn run() -> std::ffi::c_int {
    let run = sharechart::cli::Cli::command()
        .map_err(anyhow::Error::from)
        .and_then(sharechart::app::run);
    match run {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e:#}");
            1
        }
    }
}
