//! Regression tests: bugs that this suite found in `src/` and that are fixed. Each test failed
//! before its fix and must keep passing. A newly found bug gets its test here, with the fix.

use std::path::Path;

use crate::common::{self, bin, fixture, names_in, tempdir, write};

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Runs the binary and returns `(exit code, stderr)`.
fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = bin().args(args).output().expect("run sharechart");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// Was: a finite value near f64::MAX (1.7e308) made nice_ticks overflow and the binary panic;
// bars of 1e308 and -1e308 drew a NaN axis and no bar; a pie of 1e308 + 1e308 drew no slice.
#[test]
fn huge_values_are_refused_with_the_cell_and_the_limit() {
    let dir = tempdir();
    for (cmd, v) in [
        ("bar", "1.7e308"),
        ("bar", "-1e308"),
        ("pie", "1e308"),
        ("bar", "1e16"),
    ] {
        let csv = write(dir.path(), "big.csv", format!("label,v\nA,1\nB,{v}\nC,2\n"));
        let out = dir.path().join("big.svg");
        let (code, stderr) = run(&[cmd, &s(&csv), "-o", &s(&out)]);
        assert_eq!(code, Some(1), "{cmd} {v}: {stderr}");
        let at = format!("{}:3:3: column 'v': cannot read \"{v}\"", s(&csv));
        assert!(stderr.contains(&at), "{cmd} {v}: {stderr}");
        assert!(
            stderr.contains("hint: values may be at most 10^15"),
            "{stderr}"
        );
        assert!(!out.exists());
    }
    // The limit itself is drawn, and its axis has no NaN.
    let csv = write(dir.path(), "max.csv", "label,v\nA,1e15\nB,-1e15\n");
    let out = dir.path().join("max.svg");
    let (code, stderr) = run(&["bar", &s(&csv), "-o", &s(&out)]);
    assert_eq!(code, Some(0), "{stderr}");
    let svg = std::fs::read_to_string(&out).expect("svg");
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    let blue = common::fills(&svg)
        .iter()
        .filter(|f| *f == "#0072B2")
        .count();
    assert_eq!(blue, 2, "two bars");
}

// Was: --width 8000 --height 8000 --scale 8 passed validation and tried to allocate a 64000x64000 pixmap (16 GB): abort, not an error
#[cfg(unix)]
#[test]
fn an_enormous_png_is_refused_with_a_hint() {
    let dir = tempdir();
    let out = dir.path().join("big.png");
    // A 4 GB address-space limit turns the allocation into an abort instead of a swap storm.
    let script = format!(
        "ulimit -v 4000000; exec '{}' bar '{}' -o '{}' --width 8000 --height 8000 --scale 8",
        env!("CARGO_BIN_EXE_sharechart"),
        s(&fixture("crops.csv")),
        s(&out)
    );
    let o = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("64000x64000"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
    assert!(!out.exists());
}

// Was: outputs are written one after another, so when a later output fails (a folder), an earlier one is already replaced although the command fails
#[test]
fn a_failed_run_changes_no_output() {
    let dir = tempdir();
    let old = write(dir.path(), "old.svg", "old");
    std::fs::create_dir(dir.path().join("folder.png")).expect("mkdir");
    let (code, stderr) = run(&[
        "bar",
        &s(&fixture("crops.csv")),
        "-o",
        &s(&old),
        "-o",
        &s(&dir.path().join("folder.png")),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("the output path is a folder"), "{stderr}");
    let now = std::fs::read_to_string(&old).expect("read");
    assert!(
        now == "old",
        "old.svg was replaced by a {}-byte chart",
        now.len()
    );
}

// Was: 'cannot create the output folder' has no hint
#[test]
fn an_output_folder_that_cannot_be_made_gives_a_hint() {
    let dir = tempdir();
    let file = write(dir.path(), "file.txt", "x");
    let (code, stderr) = run(&[
        "bar",
        &s(&fixture("crops.csv")),
        "-o",
        &s(&file.join("x.svg")),
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("cannot create the output folder"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

// Was: a missing input prints the OS error twice, the second time glued to the end of the hint (anyhow {:#} prints the source chain of DataError::Io)
#[test]
fn a_missing_input_names_the_os_error_once() {
    let dir = tempdir();
    let missing = dir.path().join("nope.csv");
    let (code, stderr) = run(&["bar", &s(&missing), "-o", &s(&dir.path().join("x.svg"))]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    let hint = stderr
        .lines()
        .find(|l| l.contains("hint:"))
        .expect("a hint");
    assert!(!hint.contains("os error"), "the hint line: {hint}");
}

const TWO: &str = "[[chart]]\nname = \"a\"\ninput = \"a.csv\"\nkind = \"bar\"\noutput = \"a.svg\"\n\n[[chart]]\nname=\"b\"\ninput = \"a.csv\"\nkind = \"line\"\noutput = \"b.svg\"\n";

/// `(exit code, stderr)` of `build` on a manifest text.
fn build(manifest: &str) -> (Option<i32>, String, String) {
    let dir = tempdir();
    let m = write(dir.path(), "charts.toml", manifest);
    write(dir.path(), "a.csv", "label,share\nA,1\n");
    let (code, stderr) = run(&["build", "-m", &s(&m)]);
    assert_eq!(names_in(dir.path()), ["a.csv", "charts.toml"]);
    (code, stderr, s(&m))
}

// Was: a chart written name="b" (no spaces) was not found by find_key, so its error pointed at another chart's line
#[test]
fn manifest_errors_point_at_the_right_chart() {
    let (code, stderr, m) = build(TWO);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(&format!("{m}:10:8: chart 'b': 'kind' must be")),
        "{stderr}"
    );
    let dup = TWO
        .replace("name=\"b\"", "name = \"a\"")
        .replace("\"line\"", "\"bar\"");
    let (_, stderr, m) = build(&dup);
    assert!(
        stderr.contains(&format!("{m}:8:1: chart 'a': the name 'a' is used twice")),
        "the second use is the error: {stderr}"
    );
}

// Was: several manifest errors end without a hint: TOML syntax, bad kind, missing input/kind/output, wrong value type
#[test]
fn every_manifest_error_has_a_hint() {
    let good = "[[chart]]\nname = \"a\"\ninput = \"a.csv\"\nkind = \"bar\"\noutput = \"a.svg\"\n";
    let bad = [
        "[[chart]\n".to_string(),
        good.replace("\"bar\"", "\"line\""),
        good.replace("input = \"a.csv\"\n", ""),
        good.replace("kind = \"bar\"\n", ""),
        good.replace("output = \"a.svg\"\n", ""),
        format!("{good}width = \"wide\"\n"),
    ];
    let mut without = Vec::new();
    for text in bad {
        let (code, stderr, _) = build(&text);
        assert_eq!(code, Some(1), "{text}");
        if !stderr.contains("hint:") {
            without.push(stderr);
        }
    }
    assert!(without.is_empty(), "errors without a hint: {without:#?}");
}

#[test]
fn a_column_of_only_huge_values_names_the_cell() {
    let dir = tempdir();
    let csv = write(dir.path(), "big.csv", "label,v\nA,1e16\nB,2e16\n");
    let (code, stderr) = run(&["bar", &s(&csv), "-o", &s(&dir.path().join("x.svg"))]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("big.csv:2:3: column 'v': cannot read \"1e16\" as a number"),
        "{stderr}"
    );
    assert!(
        stderr.contains("10^15") && stderr.contains("hint:"),
        "{stderr}"
    );
    let csv = write(dir.path(), "nan.csv", "label,v\nA,NaN\n");
    let (code, stderr) = run(&["bar", &s(&csv), "-o", &s(&dir.path().join("x.svg"))]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("nan.csv:2:3: column 'v': cannot read \"NaN\""),
        "{stderr}"
    );
}

#[test]
fn an_svg_only_render_ignores_the_png_limit() {
    let dir = tempdir();
    let out = dir.path().join("x.svg");
    let (code, stderr) = run(&[
        "bar",
        &s(&fixture("crops.csv")),
        "-o",
        &s(&out),
        "--width",
        "8000",
        "--height",
        "8000",
        "--scale",
        "2",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(out.is_file());
    let png = dir.path().join("x.png");
    let (code, stderr) = run(&[
        "bar",
        &s(&fixture("crops.csv")),
        "-o",
        &s(&png),
        "--width",
        "8000",
        "--height",
        "8000",
        "--scale",
        "2",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("too large") && stderr.contains("hint:"),
        "{stderr}"
    );
    assert!(!png.exists());
}

#[test]
fn an_output_folder_without_extension_is_called_a_folder() {
    let dir = tempdir();
    let (code, stderr) = run(&["bar", &s(&fixture("crops.csv")), "-o", &s(dir.path())]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("the output path is a folder") && stderr.contains("hint:"),
        "{stderr}"
    );
}

// Was: in a CRLF file, and after blank lines, an error named the line before the bad row (the
// csv reader places a record where it began looking for it)
#[test]
fn crlf_and_blank_lines_give_the_bad_rows_own_line() {
    let dir = tempdir();
    for (name, text) in [
        ("crlf.csv", "a,b\r\nx,1\r\ny,2,3\r\n"),
        ("blank.csv", "a,b\nx,1\n\n\ny,2,3\n"),
    ] {
        let p = write(dir.path(), name, text);
        let line = if name == "crlf.csv" { 3 } else { 5 };
        let (code, stderr) = run(&["bar", &s(&p), "-o", &s(&dir.path().join("c.svg"))]);
        assert_eq!(code, Some(1));
        let want = format!("{}:{line}:5: this row has 3 fields", s(&p));
        assert!(stderr.contains(&want), "{want}\n{stderr}");
    }
}
