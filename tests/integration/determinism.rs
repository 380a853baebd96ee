//! Same input, same bytes: twice in one process, across two processes of the binary, and for
//! every chart of the repository's `charts.toml` against the committed `output/` (the stale-chart
//! check: a change of data, settings or renderer without re-rendering fails here).

use crate::common;

use std::path::Path;

use sharechart::batch::{BuildOptions, Outcome};
use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::render::{self, Format};

fn specs() -> Vec<(&'static str, ChartOptions)> {
    let o = |kind, keys| ChartOptions::from_toml(kind, keys).expect("options");
    vec![
        ("crops.csv", o(Kind::Bar, "")),
        ("energy-long.csv", o(Kind::Bar, "lang = \"ar\"")),
        (
            "crops.csv",
            o(Kind::Pie, "lang = \"ar\"\neach-row = true\ndonut = true"),
        ),
        ("russia.csv", o(Kind::Pie, "")),
    ]
}

#[test]
fn same_input_twice_in_process_gives_the_same_bytes() {
    for (input, spec) in specs() {
        let once = || {
            let scene =
                sharechart::pipeline::scene(&common::fixture(input), &spec, &Fonts::default())
                    .expect("scene");
            (
                render::render(&scene, Format::Svg, 1.0).expect("svg"),
                render::render(&scene, Format::Png, 1.0).expect("png"),
            )
        };
        let (a, b) = (once(), once());
        assert!(
            a.0 == b.0,
            "{input} {:?}: SVG differs between runs",
            spec.kind()
        );
        assert!(
            a.1 == b.1,
            "{input} {:?}: PNG differs between runs",
            spec.kind()
        );
    }
}

#[test]
fn two_processes_write_the_same_bytes() {
    let dir = common::tempdir();
    for (cmd, input, extra) in [
        ("bar", "energy-long.csv", vec!["--lang", "ar"]),
        ("pie", "crops.csv", vec!["--each-row", "--donut"]),
    ] {
        let run = |tag: &str| {
            let (svg, png) = (
                dir.path().join(format!("{tag}.svg")),
                dir.path().join(format!("{tag}.png")),
            );
            common::bin()
                .arg(cmd)
                .arg(common::fixture(input))
                .args(&extra)
                .arg("-o")
                .arg(&svg)
                .arg("-o")
                .arg(&png)
                .assert()
                .success();
            (
                std::fs::read(svg).expect("svg"),
                std::fs::read(png).expect("png"),
            )
        };
        let (a, b) = (run("a"), run("b"));
        assert!(a.0 == b.0, "{cmd} {input}: SVG differs between processes");
        assert!(a.1 == b.1, "{cmd} {input}: PNG differs between processes");
    }
}

#[test]
fn committed_output_is_what_charts_toml_gives() {
    let root = common::repo_root();
    let charts = sharechart::manifest::load(&root.join("charts.toml")).expect("charts.toml loads");
    assert!(charts.len() >= 2, "charts.toml lists the article's charts");
    let report = sharechart::batch::build(
        &charts,
        &BuildOptions {
            check: true,
            ..BuildOptions::default()
        },
        &std::sync::Arc::default(),
    );
    let failed: Vec<_> = report
        .charts
        .iter()
        .filter_map(|(name, o)| match o {
            Outcome::Failed(e) => Some(format!("{name}: {e}")),
            _ => None,
        })
        .collect();
    assert!(failed.is_empty(), "charts fail: {failed:#?}");
    assert!(
        report.stale.is_empty(),
        "stale files in output/ (run `cargo run --release -- build` and commit): {:#?}",
        report.stale
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        if e.file_type().expect("type").is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

#[test]
fn a_fresh_build_in_a_copy_reproduces_every_committed_file() {
    // Everything `build` writes into output/ (charts and the report page) must be committed
    // as it is: build in a copy of the project with an empty output/ and compare.
    let root = common::repo_root();
    let copy = common::tempdir();
    std::fs::copy(root.join("charts.toml"), copy.path().join("charts.toml")).expect("copy");
    copy_dir(&root.join("data"), &copy.path().join("data"));
    common::bin()
        .current_dir(copy.path())
        .args(["build", "--jobs", "2"])
        .assert()
        .success();
    let state = ".sharechart-state";
    let made: Vec<String> = common::names_in(&copy.path().join("output"))
        .into_iter()
        .filter(|n| n != state)
        .collect();
    let committed: Vec<String> = common::names_in(&root.join("output"))
        .into_iter()
        .filter(|n| n != state)
        .collect();
    assert_eq!(
        made, committed,
        "output/ holds other files than a build makes"
    );
    let differ: Vec<&String> = made
        .iter()
        .filter(|n| {
            std::fs::read(copy.path().join("output").join(n)).ok()
                != std::fs::read(root.join("output").join(n)).ok()
        })
        .collect();
    assert!(
        differ.is_empty(),
        "output/ files differ from a fresh build (run `cargo run --release -- build` and commit): {differ:?}"
    );
}
