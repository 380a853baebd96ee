//! `sharechart build` on manifests written into a temporary folder: rendering, relative paths,
//! `--check` before and after the data changes, manifest errors with `manifest:line:col`, the
//! chart name and the key, and one broken chart not stopping the others.

use std::path::Path;

use crate::common::{self, bin, names_in, tempdir, write};

const CROPS: &str = "label,share\nDates,76\nRubber,80\n";

const MANIFEST: &str = r#"[defaults]
width = 600
height = 400
source = "Test"

[[chart]]
name = "crops-bar"
input = "data/crops.csv"
kind = "bar"
output = ["out/crops-bar.svg", "out/crops-bar.png"]

[[chart]]
name = "crops-pies"
input = "data/crops.csv"
kind = "pie"
each-row = true
output = "out/crops-pies.svg"
"#;

/// A project folder with `charts.toml` (the given text) and `data/crops.csv`.
fn project(manifest: &str) -> tempfile::TempDir {
    let dir = tempdir();
    write(dir.path(), "charts.toml", manifest);
    write(dir.path(), "data/crops.csv", CROPS);
    dir
}

/// Runs `build` from an unrelated working folder, so paths must resolve against the manifest.
fn build(manifest: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let elsewhere = tempdir();
    let out = bin()
        .current_dir(elsewhere.path())
        .arg("build")
        .arg("-m")
        .arg(manifest)
        .args(extra)
        .output()
        .expect("run sharechart build");
    assert!(
        names_in(elsewhere.path()).is_empty(),
        "build wrote into the working folder"
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn build_renders_every_output_relative_to_the_manifest() {
    let dir = project(MANIFEST);
    let (code, stderr) = build(&dir.path().join("charts.toml"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("2 charts: 2 rendered, 0 up to date, 0 failed"),
        "{stderr}"
    );
    let out = dir.path().join("out");
    assert_eq!(
        names_in(&out),
        [
            ".sharechart-state",
            "README.md",
            "charts.tex",
            "charts.typ",
            "crops-bar.data.csv",
            "crops-bar.png",
            "crops-bar.svg",
            "crops-pies.data.csv",
            "crops-pies.svg",
            "index.html"
        ]
    );
    // Every chart for a LaTeX or Typst document, by name, at its width (600 px: 15.88 cm), with
    // its alt text and caption (#21).
    let tex = String::from_utf8(read(&out.join("charts.tex"))).expect("UTF-8");
    assert!(
        tex.contains("\\@namedef{sharechart@crops-bar}{\\includegraphics[width=15.88cm,alt={Bar chart: share, \\%.")
            && tex.contains("\\@namedef{sharechart@caption@crops-bar}{share, \\%}")
            && tex.contains("\\providecommand\\sharechartfigure"),
        "{tex}"
    );
    let typ = String::from_utf8(read(&out.join("charts.typ"))).expect("UTF-8");
    assert!(
        typ.contains("\"crops-pies\": figure(\n    image(\"crops-pies.svg\", width: 15.88cm, alt: \"Pie chart: share, %. Dates 76% (Rest of world 24%)"),
        "{typ}"
    );
    assert!(typ.contains("#let chart(name) = charts.at(name)"), "{typ}");
    // The Markdown page keeps each image in a paragraph with its links: pandoc makes an image
    // alone in a paragraph a figure, its alt text a visible caption.
    let md = String::from_utf8(read(&out.join("README.md"))).expect("UTF-8");
    let mut alone = 0;
    let mut in_paragraph: Vec<String> = Vec::new();
    for event in pulldown_cmark::Parser::new(&md) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph.clear(),
            Event::Start(Tag::Image { .. }) => in_paragraph.push("image".into()),
            Event::Start(Tag::Link { dest_url, .. }) => in_paragraph.push(dest_url.to_string()),
            Event::End(TagEnd::Paragraph) => {
                if in_paragraph == ["image"] {
                    alone += 1;
                }
                if in_paragraph.first().map(String::as_str) == Some("image") {
                    assert!(
                        in_paragraph.iter().any(|l| l.ends_with(".data.csv")),
                        "{in_paragraph:?}"
                    );
                }
            }
            _ => {}
        }
    }
    assert_eq!(alone, 0, "an image alone in its paragraph:\n{md}");
    // The data behind each chart, as drawn (#21).
    let data = String::from_utf8(read(&out.join("crops-bar.data.csv"))).expect("UTF-8");
    assert!(data.starts_with("label,share\n"), "{data}");
    assert!(data.contains("\nDates,76\n"), "{data}");
    // The report page shows every chart, linked relatively.
    let html = String::from_utf8(read(&out.join("index.html"))).expect("UTF-8");
    for link in [
        "src=\"crops-bar.png\"",
        "href=\"crops-bar.svg\"",
        "src=\"crops-pies.svg\"",
    ] {
        assert!(html.contains(link), "index.html lacks {link}: {html}");
    }
    let svg = String::from_utf8(read(&out.join("crops-bar.svg"))).expect("UTF-8");
    assert!(
        svg.contains("width=\"600\" height=\"400\""),
        "defaults apply"
    );
    assert!(svg.contains("Source: Test"), "defaults apply");
    let d = common::decode_png(&read(&out.join("crops-bar.png")));
    let (w, h) = (d.width, d.height);
    // Two device pixels a CSS pixel by default.
    assert_eq!((w, h), (1200, 800));
    common::assert_no_temporaries(&out);
}

#[test]
fn check_passes_when_fresh_and_names_stale_files_after_an_edit() {
    let dir = project(MANIFEST);
    let manifest = dir.path().join("charts.toml");
    assert_eq!(build(&manifest, &[]).0, Some(0));
    let (code, stderr) = build(&manifest, &["--check"]);
    assert_eq!(code, Some(0), "fresh right after build: {stderr}");
    assert!(stderr.contains("0 stale files"), "{stderr}");

    let out = dir.path().join("out");
    let before = read(&out.join("crops-bar.svg"));
    write(
        dir.path(),
        "data/crops.csv",
        "label,share\nDates,75\nRubber,80\n",
    );
    let (code, stderr) = build(&manifest, &["--check"]);
    assert_eq!(code, Some(1), "{stderr}");
    for f in ["crops-bar.svg", "crops-bar.png", "crops-pies.svg"] {
        let stale = format!("stale: {}", out.join(f).display());
        assert!(stderr.contains(&stale), "lacks {stale:?}: {stderr}");
    }
    assert!(stderr.contains("hint:"), "{stderr}");
    assert_eq!(
        read(&out.join("crops-bar.svg")),
        before,
        "--check writes nothing"
    );

    // A deleted output is stale too.
    std::fs::remove_file(out.join("crops-pies.svg")).expect("remove");
    assert_eq!(build(&manifest, &[]).0, Some(0));
    assert_eq!(build(&manifest, &["--check"]).0, Some(0));
    std::fs::remove_file(out.join("crops-pies.svg")).expect("remove");
    let (code, stderr) = build(&manifest, &["--check"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("crops-pies.svg"), "{stderr}");
    assert!(
        !out.join("crops-pies.svg").exists(),
        "--check created a file"
    );
}

#[test]
fn one_broken_chart_does_not_stop_the_others() {
    let broken = format!(
        "{MANIFEST}\n[[chart]]\nname = \"bad-pie\"\ninput = \"data/crops.csv\"\nkind = \"pie\"\noutput = [\"out/bad-pie.svg\"]\n"
    );
    let dir = project(&broken);
    let manifest = dir.path().join("charts.toml");
    let (code, stderr) = build(&manifest, &["--jobs", "1"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("chart 'bad-pie'"), "{stderr}");
    assert!(stderr.contains("add up to 156%"), "{stderr}");
    assert!(stderr.contains("1 of 3 charts failed"), "{stderr}");
    assert!(
        stderr.contains("3 charts: 2 rendered, 0 up to date, 1 failed"),
        "{stderr}"
    );
    let out = dir.path().join("out");
    for f in ["crops-bar.png", "crops-bar.svg", "crops-pies.svg"] {
        assert!(out.join(f).is_file(), "{f} not written");
    }
    assert!(
        !out.join("bad-pie.svg").exists(),
        "the broken chart wrote a file"
    );
    common::assert_no_temporaries(&out);
    // A missing CSV is one more failed chart, not a stop.
    let missing = broken.replace(
        "input = \"data/crops.csv\"\nkind = \"pie\"\noutput = [\"out/bad",
        "input = \"data/gone.csv\"\nkind = \"pie\"\noutput = [\"out/bad",
    );
    write(dir.path(), "charts.toml", &missing);
    let (code, stderr) = build(&manifest, &[]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("gone.csv: cannot read the file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 charts: 0 rendered, 2 up to date, 1 failed"),
        "{stderr}"
    );
}

#[test]
fn build_is_incremental_and_force_renders_everything() {
    let two = MANIFEST.replace(
        "name = \"crops-pies\"\ninput = \"data/crops.csv\"",
        "name = \"crops-pies\"\ninput = \"data/other.csv\"",
    );
    let dir = project(&two);
    write(dir.path(), "data/other.csv", CROPS);
    let manifest = dir.path().join("charts.toml");
    let summary = |extra: &[&str]| {
        let (code, stderr) = build(&manifest, extra);
        assert_eq!(code, Some(0), "{stderr}");
        stderr
    };
    assert!(summary(&[]).contains("2 rendered, 0 up to date"));
    assert!(summary(&[]).contains("0 rendered, 2 up to date"));
    // Only the chart whose CSV changed is rendered again, and its file changes.
    let pies = dir.path().join("out/crops-pies.svg");
    let before = read(&pies);
    write(
        dir.path(),
        "data/other.csv",
        "label,share\nDates,70\nRubber,80\n",
    );
    assert!(summary(&[]).contains("1 rendered, 1 up to date"));
    assert_ne!(read(&pies), before);
    // A deleted output is rendered again; --force renders everything.
    std::fs::remove_file(dir.path().join("out/crops-bar.png")).expect("remove");
    assert!(summary(&[]).contains("1 rendered, 1 up to date"));
    assert!(dir.path().join("out/crops-bar.png").is_file());
    assert!(summary(&["--force"]).contains("2 rendered, 0 up to date"));
    // A changed setting is a change too.
    write(
        dir.path(),
        "charts.toml",
        two.replace("height = 400", "height = 450"),
    );
    assert!(summary(&[]).contains("2 rendered, 0 up to date"));
    assert_eq!(build(&manifest, &["--check"]).0, Some(0));
}

/// Loads a manifest that must be refused: exit 1, every needle in stderr, nothing rendered.
fn refused(manifest: &str, needles: &[&str]) -> String {
    let dir = project(manifest);
    let path = dir.path().join("charts.toml");
    let (code, stderr) = build(&path, &[]);
    assert_eq!(code, Some(1), "{manifest}\n{stderr}");
    let shown = path.display().to_string();
    for n in needles {
        let n = n.replace("{m}", &shown);
        assert!(stderr.contains(&n), "lacks {n:?}\n{stderr}");
    }
    assert!(
        !dir.path().join("out").exists(),
        "a refused manifest rendered"
    );
    stderr
}

#[test]
fn unknown_key_names_manifest_line_column_chart_and_key() {
    let bad = MANIFEST.replace("each-row = true", "colour = \"red\"");
    let e = refused(
        &bad,
        &[
            "{m}:16:1: chart 'crops-pies': unknown key 'colour'",
            "hint:",
        ],
    );
    assert!(e.contains("each-row"), "the hint lists the keys: {e}");
    let bad = MANIFEST.replace("width = 600", "widht = 600");
    refused(&bad, &["{m}:2:1: [defaults]: unknown key 'widht'", "hint:"]);
    refused(
        &format!("charts = 1\n{MANIFEST}"),
        &["{m}:1:1: unknown key 'charts'", "hint:"],
    );
}

#[test]
fn manifest_errors_with_hints() {
    let cases: [(String, &[&str]); 5] = [
        (
            MANIFEST.replace("name = \"crops-pies\"", "title = \"x\""),
            &["{m}:12:1: chart 2: missing key 'name'", "hint:"],
        ),
        (
            MANIFEST.replace("crops-pies", "crops-bar"),
            &[
                "chart 'crops-bar': the name 'crops-bar' is used twice",
                "hint:",
            ],
        ),
        (
            MANIFEST.replace("out/crops-pies.svg", "out/crops-pies.gif"),
            &[
                "{m}:17:1: chart 'crops-pies'",
                "unsupported output format '.gif'",
                "hint:",
            ],
        ),
        (
            MANIFEST.replace("width = 600", "width = 90000"),
            &[
                "{m}:2:1: chart 'crops-bar': width = 90000 is out of range",
                "hint:",
            ],
        ),
        (
            String::from("[defaults]\nwidth = 600\n"),
            &["{m}:1:1: no charts", "hint:"],
        ),
    ];
    for (text, needles) in cases {
        refused(&text, needles);
    }
    let (code, stderr) = build(Path::new("/nonexistent/charts.toml"), &[]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("/nonexistent/charts.toml: cannot read the manifest"));
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn manifest_errors_name_the_place() {
    // These name the place and the problem; that they carry a hint is in regressions.rs.
    let cases: [(String, &[&str]); 4] = [
        (
            MANIFEST.replace("kind = \"pie\"", "kind = \"line\""),
            &["{m}:15:8: chart 'crops-pies': 'kind' must be \"bar\", \"pie\" or \"map\""],
        ),
        (
            MANIFEST.replace(
                "input = \"data/crops.csv\"\nkind = \"pie\"",
                "kind = \"pie\"",
            ),
            &["chart 'crops-pies': missing key 'input'"],
        ),
        (
            MANIFEST.replace("width = 600", "width = \"wide\""),
            &[
                "{m}:2:9: [defaults]: width: \"wide\" is not a length",
                "16cm",
            ],
        ),
        (String::from("[[chart]\n"), &["{m}:1:"]),
    ];
    for (text, needles) in cases {
        refused(&text, needles);
    }
}

#[test]
fn an_option_of_another_kind_is_refused_at_its_key() {
    let text = MANIFEST.replace(
        "each-row = true",
        "each-row = true\nhorizontal = true\nstacked = true",
    );
    let e = refused(
        &text,
        &[
            "{m}:17:1: chart 'crops-pies': 'horizontal' is not an option of a pie chart",
            "hint: a pie chart takes:",
        ],
    );
    assert!(e.contains("each-row") && e.contains("donut"), "{e}");
}

#[test]
fn manifest_errors_speak_of_keys_not_flags() {
    // Domain errors found while rendering word options as manifest keys.
    let text = MANIFEST.replace("each-row = true", "top = 1\nother = \"sum\"");
    let dir = project(&text);
    write(
        dir.path(),
        "data/crops.csv",
        "label,share\nA,60\nB,50\nC,40\n",
    );
    let (code, stderr) = build(&dir.path().join("charts.toml"), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("chart 'crops-pies'"), "{stderr}");
    // A pie of shares adding up past 100% is refused for that first, `top` or not.
    assert!(
        stderr.contains("`kind = \"bar\"` with `horizontal = true`")
            && stderr.contains("`other = \"drop\"`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("--"),
        "a flag in a manifest error: {stderr}"
    );
    let text = MANIFEST.replace("width = 600", "width = 600\nvalue = [\"nope\"]");
    let dir = project(&text);
    let (code, e) = build(&dir.path().join("charts.toml"), &[]);
    assert_eq!(code, Some(1), "{e}");
    assert!(e.contains("(asked for by value)"), "{e}");
    assert!(!e.contains("--value"), "{e}");
}

#[test]
fn warnings_and_notes_come_in_manifest_order_with_the_chart_name() {
    // Two charts with a missing value and one grouped with `agg` that skips an empty cell: the
    // worker threads render them in any order, the front end prints them in manifest order,
    // each with its chart's name, in the manifest's words (`agg = sum`, never `--agg`).
    let text = r#"[[chart]]
name = "first"
input = "data/gaps.csv"
kind = "bar"
output = "out/first.svg"

[[chart]]
name = "second"
input = "data/orders.csv"
kind = "bar"
label = "region"
value = ["amount"]
agg = "sum"
output = "out/second.svg"

[[chart]]
name = "third"
input = "data/gaps.csv"
kind = "bar"
output = "out/third.svg"
"#;
    let dir = project(text);
    write(
        dir.path(),
        "data/gaps.csv",
        "label,share\nA,10\nB,NA\nC,30\n",
    );
    write(
        dir.path(),
        "data/orders.csv",
        "region,amount\nNorth,3\nSouth,\nNorth,4\n",
    );
    let (code, stderr) = build(&dir.path().join("charts.toml"), &["-j", "3"]);
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with("warning: chart 'first': ")
            && lines[0].ends_with("1 missing value in 'share' (row 3), drawn as gaps"),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with("note: chart 'second': ")
            && lines[1]
                .ends_with("skipped 1 empty cell in column 'amount' (`agg = sum` leaves them out)"),
        "{stderr}"
    );
    assert!(lines[2].starts_with("warning: chart 'third': "), "{stderr}");
    assert!(lines[3].starts_with("3 charts: 3 rendered"), "{stderr}");
    assert!(
        !stderr.contains("--"),
        "a flag in a manifest's note: {stderr}"
    );
}

/// The data CSV of a chart (#21) never replaces the chart's own input: a chart named `x` whose
/// input is `out/x.data.csv` and whose outputs go into `out/` is refused, its input untouched.
#[test]
fn the_data_csv_never_replaces_the_input() {
    let dir = project(
        "[[chart]]\nname = \"x\"\ninput = \"out/x.data.csv\"\nkind = \"bar\"\noutput = [\"out/x.svg\"]\n",
    );
    write(dir.path(), "out/x.data.csv", CROPS);
    let (code, stderr) = build(&dir.path().join("charts.toml"), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("x.data.csv: the chart's data CSV would replace its input")
            && stderr.contains("hint: give the chart another name"),
        "{stderr}"
    );
    assert_eq!(read(&dir.path().join("out/x.data.csv")), CROPS.as_bytes());
}
