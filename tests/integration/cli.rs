//! The `bar` and `pie` commands, run as a real process: every user-facing error (exit status,
//! `file:line:column`, the offending value, a hint, and no file written or changed). The success
//! paths of the flags are in `cli_render.rs`, `build` is in `cli_build.rs`.

use std::path::Path;

use crate::common::{bin, fixture, names_in, tempdir, write};

const OLD: &[u8] = b"old";

/// `path` as the string the binary prints (tests only use UTF-8 paths).
fn s(path: &Path) -> String {
    path.display().to_string()
}

/// Runs the binary in a folder that holds `old.svg` ("old"). `prepare` creates whatever it needs
/// in that folder and returns the arguments. Checks the exit status, that stderr holds every
/// needle (and "hint:" for errors, "--help" for usage errors), that `old.svg` is untouched and
/// that the folder holds exactly what it held before: no new output, no temporary file.
fn fails(prepare: impl FnOnce(&Path) -> Vec<String>, code: i32, needles: &[&str]) -> String {
    let dir = tempdir();
    write(dir.path(), "old.svg", OLD);
    let args = prepare(dir.path());
    let before = names_in(dir.path());
    let out = bin().args(&args).output().expect("run sharechart");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "args {args:?}\nstderr:\n{stderr}"
    );
    for n in needles {
        assert!(stderr.contains(n), "stderr lacks {n:?}\nstderr:\n{stderr}");
    }
    let tip = if code == 2 { "--help" } else { "hint:" };
    assert!(stderr.contains(tip), "stderr lacks {tip:?}:\n{stderr}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    let old = std::fs::read(dir.path().join("old.svg")).expect("old.svg still there");
    assert_eq!(old, OLD, "old.svg was changed by a failed run");
    assert_eq!(
        names_in(dir.path()),
        before,
        "the failed run left files behind"
    );
    stderr
}

/// `cmd input [extra...] -o dir/old.svg -o dir/new.png`
fn chart_args(dir: &Path, cmd: &str, input: &Path, extra: &[&str]) -> Vec<String> {
    let mut a = vec![cmd.to_string(), s(input)];
    a.extend(extra.iter().map(|e| e.to_string()));
    for o in ["old.svg", "new.png"] {
        a.push("-o".into());
        a.push(s(&dir.join(o)));
    }
    a
}

/// A failing `bar` or `pie` on a fixture, with the fixture path prefixed to `at`.
fn fixture_fails(cmd: &str, name: &str, extra: &[&str], at: &str, needles: &[&str]) {
    let p = fixture(name);
    let mut all = vec![format!("{}{at}", s(&p))];
    all.extend(needles.iter().map(|n| n.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    fails(|d| chart_args(d, cmd, &p, extra), 1, &all);
}

/// A failing `bar` on CSV bytes written into a separate input folder.
fn bytes_fail(cmd: &str, bytes: &[u8], extra: &[&str], at: &str, needles: &[&str]) {
    let input = tempdir();
    let p = write(input.path(), "in.csv", bytes);
    let mut all = vec![format!("{}{at}", s(&p))];
    all.extend(needles.iter().map(|n| n.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    fails(|d| chart_args(d, cmd, &p, extra), 1, &all);
}

#[test]
fn file_level_errors() {
    fixture_fails("bar", "empty.csv", &[], ": the file is empty", &[]);
    fixture_fails("bar", "header-only.csv", &[], ":1: ", &["no data rows"]);
    fixture_fails("bar", "ragged.csv", &[], ":3:7: ", &["3 fields", "has 2"]);
    let missing = fixture("crops.csv").with_file_name("no-such-file.csv");
    let m = s(&missing);
    fails(
        |d| chart_args(d, "bar", &missing, &[]),
        1,
        &[&format!("{m}: cannot read the file")],
    );
}

#[test]
fn encoding_errors_point_at_the_byte() {
    // 12 + 7 + 4 bytes precede the bad byte: line 3, column 5, offset 23.
    bytes_fail(
        "bar",
        b"label,share\nOil,43\nGas,\xff\n",
        &[],
        ":3:5: ",
        &["not valid UTF-8", "byte offset 23"],
    );
    bytes_fail(
        "bar",
        b"label,share\nOil,4\x003\n",
        &[],
        ": ",
        &["binary file", "NUL byte at byte offset 17"],
    );
}

#[test]
fn cells_that_are_not_numbers() {
    fixture_fails(
        "bar",
        "bad-number.csv",
        &[],
        ":3:5: ",
        &["'share'", "\"4x3\""],
    );
    fixture_fails(
        "bar",
        "nan.csv",
        &[],
        ":3:5: ",
        &["\"NaN\"", "NaN and infinity"],
    );
    fixture_fails("bar", "inf.csv", &[], ":3:5: ", &["\"inf\"", "finite"]);
    let comma = b"label,share\nOil,43\nGas,\"12,5\"\nTin,1\n";
    bytes_fail(
        "bar",
        comma,
        &[],
        ":3:5: ",
        &["\"12,5\"", "decimal separator"],
    );
    let blank = b"label,share\nOil,43\nGas,\nTin,1\n";
    // An empty cell is a gap (see tests/tables.rs); `--strict` refuses it.
    bytes_fail(
        "bar",
        blank,
        &["--strict"],
        ":3:5: ",
        &["cannot read \"\"", "`--strict` refuses missing values"],
    );
    // A text column chosen as the value column: the first cell is named.
    fixture_fails(
        "bar",
        "crops.csv",
        &["--value", "label"],
        ":2:1: ",
        &["\"Dates\""],
    );
}

#[test]
fn column_errors_list_the_columns() {
    let cols = "the columns are: label, label_ar, share";
    for flag in ["--value", "--label", "--series"] {
        let asked = format!("no column named 'nope' (asked for by {flag})");
        fixture_fails("bar", "crops.csv", &[flag, "nope"], ":1: ", &[&asked, cols]);
    }
    fixture_fails(
        "bar",
        "no-numeric.csv",
        &[],
        ":1: ",
        &["no column holds numbers", "label, note"],
    );
    fixture_fails(
        "bar",
        "no-label.csv",
        &[],
        ":1: ",
        &["no column holds text labels", "ratio, share"],
    );
}

#[test]
fn pie_errors() {
    fixture_fails(
        "pie",
        "negative-pie.csv",
        &[],
        ":3:3: ",
        &["'value'", "negative value -3"],
    );
    fixture_fails("pie", "zero-total.csv", &[], ": ", &["add up to zero"]);
    fixture_fails(
        "pie",
        "over-100-pie.csv",
        &[],
        ": ",
        &["add up to 147%", "`sharechart bar`", "--each-row"],
    );
    fixture_fails(
        "pie",
        "energy-long.csv",
        &[],
        ": ",
        &["2 were given (Production, Reserves)", "--value"],
    );
    let over = b"label,share\nOil,43\nGas,150\n";
    bytes_fail(
        "pie",
        over,
        &["--each-row"],
        ":3:5: ",
        &["\"150\" is outside 0-100"],
    );
    fixture_fails(
        "pie",
        "counts.csv",
        &["--each-row"],
        ":2:23: ",
        &["\"102,347\" is not a percentage"],
    );
}

#[test]
fn option_errors() {
    let crops = fixture("crops.csv");
    fails(
        |d| chart_args(d, "bar", &crops, &["--width", "50"]),
        1,
        &["--width 50 is out of range", "200", "8000"],
    );
    fails(
        |d| chart_args(d, "bar", &crops, &["--scale", "9"]),
        1,
        &["--scale 9 is out of range"],
    );
    // Lengths in the page's units, and the type size (#21).
    fails(
        |d| chart_args(d, "bar", &crops, &["--width", "300cm"]),
        1,
        &["--width 300cm is out of range", "5.3 cm to 2.1 m", "16cm"],
    );
    fails(
        |d| chart_args(d, "bar", &crops, &["--font-size", "2"]),
        1,
        &[
            "--font-size 2 is out of range",
            "hint:",
            "from 4 to 72",
            "7 on paper",
        ],
    );
    // A given height too small for the chart's text is refused, not drawn text on text.
    fails(
        |d| {
            chart_args(
                d,
                "bar",
                &crops,
                &[
                    "--height",
                    "200",
                    "--font-size",
                    "14",
                    "--title",
                    "A title long enough to take two lines at this size",
                ],
            )
        },
        1,
        &[
            "does not fit in 604x200 px at 14 pt type",
            "hint: leave out --height",
            "--font-size",
            "--top",
        ],
    );
    // An ASCII delimiter that makes the whole header one column.
    fails(
        |d| chart_args(d, "bar", &crops, &["--delimiter", ";"]),
        1,
        &["no column holds numbers", "label,label_ar,share"],
    );
}

#[test]
fn output_errors() {
    let crops = fixture("crops.csv");
    for (out, ext) in [
        ("chart.jpg", "'.jpg'"),
        ("chart", "'(none)'"),
        ("c.SVG.bak", "'.bak'"),
    ] {
        let stderr = fails(
            |d| {
                let mut a = chart_args(d, "bar", &crops, &[]);
                a.extend(["-o".into(), s(&d.join(out))]);
                a
            },
            1,
            &["unsupported output format", ext, ".svg, .png and .pdf"],
        );
        assert!(stderr.contains(out), "{stderr}");
    }
    // An output path that is a folder.
    fails(
        |d| {
            std::fs::create_dir(d.join("chart.svg")).expect("mkdir");
            vec![
                "bar".into(),
                s(&crops),
                "-o".into(),
                s(&d.join("chart.svg")),
            ]
        },
        1,
        &["chart.svg: the output path is a folder"],
    );
}

#[test]
fn usage_errors_exit_2() {
    let c = s(&fixture("crops.csv"));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![], "Usage"),
        (vec!["frob"], "'frob'"),
        (vec!["bar", &c], "--output"),
        (vec!["bar", &c, "-o", "x.svg", "--sort", "up"], "'up'"),
        (vec!["bar", &c, "-o", "x.svg", "--width", "wide"], "'wide'"),
        (
            vec!["bar", &c, "-o", "x.svg", "--width", "16km"],
            "is not a length: write a number with px (the default), mm, cm, in or pt",
        ),
        (vec!["bar", &c, "-o", "x.svg", "--size", "a4"], "'a4'"),
        (
            vec!["bar", &c, "-o", "x.svg", "--lang", "english"],
            "'english'",
        ),
        (vec!["bar", &c, "-o", "x.svg", "--delimiter", ";;"], "';;'"),
        (
            vec!["pie", &c, "-o", "x.svg", "--horizontal"],
            "--horizontal",
        ),
    ];
    for (args, needle) in cases {
        // Relative outputs land in the temporary folder, which must stay as it was.
        let dir = tempdir();
        write(dir.path(), "old.svg", OLD);
        let out = bin()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(needle),
            "{args:?}: lacks {needle:?}: {stderr}"
        );
        assert_eq!(names_in(dir.path()), vec!["old.svg"], "{args:?}");
    }
}

#[test]
fn delimiter_top_and_readability_limits() {
    let crops = fixture("crops.csv");
    for d in ["؛", "\""] {
        let c = d.chars().next().expect("one character");
        let needle = format!("--delimiter {c:?} cannot separate CSV fields");
        fails(
            |dir| chart_args(dir, "bar", &crops, &["--delimiter", d]),
            1,
            &[&needle, "one ASCII character"],
        );
    }
    fails(
        |dir| chart_args(dir, "bar", &crops, &["--top", "0"]),
        1,
        &["--top 0 would keep no category"],
    );
    // At the default height a chart grows for many bars; at a height given it is refused.
    let many: String = (0..25).fold("label,v\n".into(), |s, i| format!("{s}C{i},{i}\n"));
    bytes_fail(
        "bar",
        many.as_bytes(),
        &["--height", "700"],
        ": ",
        &["25 categories", "at most 24", "--top 23"],
    );
    let nine: String = (0..9).fold("label,v\n".into(), |s, i| format!("{s}C{i},{i}\n"));
    bytes_fail(
        "pie",
        nine.as_bytes(),
        &[],
        ": ",
        &["9 slices", "at most 8", "--top 7"],
    );
    // Folding shares that are not parts of one whole into "Other" would add them up.
    fixture_fails(
        "bar",
        "over-100-pie.csv",
        &["--top", "2", "--other", "sum"],
        ": ",
        &["add up to 147%", "\"Other\"", "`--other drop`"],
    );
}

#[test]
fn stacked_and_share_vs_rest_bar_errors() {
    fixture_fails(
        "bar",
        "negative-pie.csv",
        &["--stacked"],
        ":3:3: ",
        &["\"-3\"", "below zero"],
    );
    fixture_fails(
        "bar",
        "energy-long.csv",
        &["--stacked"],
        ": ",
        &[
            "stacked shares of \"Oil\" add up to 112%",
            "without `--stacked`",
        ],
    );
    fixture_fails(
        "bar",
        "counts.csv",
        &["--rest", "Other"],
        ":2:23: ",
        &["\"102,347\" is not a percentage"],
    );
    let over = b"label,share\nA,40\nB,120\n";
    bytes_fail(
        "bar",
        over,
        &["--rest", "Other"],
        ":3:3: ",
        &["\"120\" is outside 0-100"],
    );
}

/// A reader that closes the pipe early is not an error and does not kill the process with
/// SIGPIPE (Rust's runtime ignores the signal before `main`, so the write fails with `EPIPE`,
/// which `output.rs` takes as the reader's choice), and a chart written to stdout arrives whole.
#[test]
fn stdout_closed_early_is_not_an_error() {
    use std::process::{Command, Stdio};
    let exe = env!("CARGO_BIN_EXE_sharechart");
    let csv = fixture("crops.csv");
    for _ in 0..5 {
        let mut child = Command::new(exe)
            .args(["bar", s(&csv).as_str(), "-o", "-"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("waits");
        assert!(
            out.status.success(),
            "{:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = Command::new(exe)
        .args(["bar", s(&csv).as_str(), "-o", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"<svg") && out.stdout.ends_with(b"</svg>\n"));
}

/// A standard stream the caller closed (`<&-`, `>&-`, `2>&-`, as cron and daemons do) is open on
/// /dev/null before `main` (Rust's runtime does it), so that no file or pipe sharechart opens
/// takes descriptor 0, 1 or 2: with `build -j 2` a warning could otherwise land inside another
/// chart's file, and in `watch` a warning written to descriptor 2 could reach Ctrl-C's pipe.
/// That race is not reproducible, so this checks the closed-stream runs themselves (whole outputs,
/// status 0, for a chart, a preview and a build) and, on Linux, the descriptors of a running
/// `watch` in `/proc`.
#[test]
fn closed_standard_streams_are_not_reused() {
    let dir = tempdir();
    let csv = write(dir.path(), "m.csv", "label,share\nA,12\nB,\n");
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"a\"\ninput = \"m.csv\"\nkind = \"bar\"\noutput = [\"out/a.svg\"]\n\n[[chart]]\nname = \"b\"\ninput = \"m.csv\"\nkind = \"bar\"\nhorizontal = true\noutput = [\"out/b.svg\"]\n",
    );
    let exe = env!("CARGO_BIN_EXE_sharechart");
    let run = |script: &str| {
        std::process::Command::new("sh")
            .args(["-c", script, "sh", exe, s(&csv).as_str()])
            .current_dir(dir.path())
            .status()
            .expect("runs")
    };
    assert!(run(r#""$1" preview "$2" >&-"#).success());
    assert!(run(r#""$1" bar "$2" -o out.svg 2>&- >&-"#).success());
    assert!(run(r#""$1" build -j 2 --force 2>&- >&-"#).success());
    for file in ["out.svg", "out/a.svg", "out/b.svg"] {
        let svg = std::fs::read_to_string(dir.path().join(file)).expect("written");
        assert!(
            svg.ends_with("</svg>\n") && !svg.contains("warning"),
            "{file}"
        );
    }
    #[cfg(target_os = "linux")]
    standard_streams_of_a_running_watch(dir.path(), exe);
}

/// `watch` started with its three standard streams closed: once it runs, descriptors 0, 1 and 2
/// are /dev/null (not Ctrl-C's pipe or the file watcher, which it opens first thing).
#[cfg(target_os = "linux")]
fn standard_streams_of_a_running_watch(dir: &Path, exe: &str) {
    use std::time::{Duration, Instant};
    let mut child = std::process::Command::new("sh")
        .args(["-c", r#"exec "$1" watch <&- >&- 2>&-"#, "sh", exe])
        .current_dir(dir)
        .spawn()
        .expect("runs");
    let proc = std::path::PathBuf::from(format!("/proc/{}", child.id()));
    let links = || {
        [0, 1, 2].map(|fd| {
            std::fs::read_link(proc.join(format!("fd/{fd}")))
                .map(|p| p.display().to_string())
                .unwrap_or_else(|e| format!("({e})"))
        })
    };
    // `sh` has exec'd sharechart, and its Ctrl-C pipe and file watcher exist (they are made
    // before the first build is reported, but the report goes nowhere here: wait for them).
    let ready = || {
        std::fs::read_link(proc.join("exe")).is_ok_and(|p| p.ends_with("sharechart"))
            && std::fs::read_dir(proc.join("fd")).is_ok_and(|d| {
                d.filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
                    .any(|p| p.to_string_lossy().contains("inotify"))
            })
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut exited = None;
    while !ready() && Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            exited = Some(status);
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let seen = links();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(exited, None, "watch stopped by itself");
    assert_eq!(
        seen,
        ["/dev/null"; 3].map(String::from),
        "descriptors 0, 1, 2"
    );
}
