//! The `sharechart` binary: parse the arguments, run, report an error and exit.
//!
//! The entry point is a C `main` (`#![no_main]`), not Rust's: a one-chart run is mostly process
//! start-up, and Rust's runtime set-up before `main` reads `/proc/self/maps` (three system calls
//! and ~100 000 instructions, to place a guard page the kernel already provides for the main
//! thread). What of that set-up matters is done here: closed standard streams are reopened on
//! /dev/null, SIGPIPE is ignored (so a closed pipe is an error we handle, as before), a panic
//! exits with status 101, and stdout is flushed. A stack overflow is a plain SIGSEGV, without
//! the runtime's message.
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
    // SAFETY: plain system calls on file descriptors 0-2 and a signal disposition, made before
    // any other thread exists.
    unsafe {
        // As Rust's runtime does: a standard stream the caller closed (`2>&-` in cron) is opened
        // on /dev/null, so that no file this process opens gets descriptor 1 or 2 and a warning
        // written to stderr cannot land inside a chart.
        for fd in 0..3 {
            if libc::fcntl(fd, libc::F_GETFD) == -1
                && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
                && libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) != fd
            {
                return 1;
            }
        }
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
