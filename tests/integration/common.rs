//! Helpers shared by the integration tests: the binary under test, fixture paths, temporary
//! folders, a few assertions about what a failed command must leave behind, SVG and PNG
//! readers, and `check_golden`, the one comparison (or blessing) of golden files.

use std::path::{Path, PathBuf};

/// The `sharechart` binary built by this `cargo test`.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("sharechart").expect("cargo builds the sharechart binary")
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name);
    assert!(p.is_file(), "missing fixture {}", p.display());
    p
}

/// The repository root (where Cargo.toml, charts.toml, data/ and output/ are).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temporary folder, removed when the value is dropped.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("sharechart-test-")
        .tempdir()
        .expect("create a temporary folder")
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("create parent folder");
    }
    std::fs::write(&p, bytes).expect("write test file");
    p
}

/// The names in a folder, sorted (not recursive).
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    v.sort();
    v
}

/// Fails if a temporary file of the atomic writer (`.sharechart-*.tmp`) is left in `dir`.
pub fn assert_no_temporaries(dir: &Path) {
    let left: Vec<String> = names_in(dir)
        .into_iter()
        .filter(|n| n.starts_with(".sharechart-") && n.ends_with(".tmp"))
        .collect();
    assert!(
        left.is_empty(),
        "temporary files left in {}: {left:?}",
        dir.display()
    );
}

/// The fill colours of an SVG's `<rect>` and `<polygon>` elements, upper-cased `#RRGGBB`.
pub fn fills(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("SVG is valid XML");
    doc.descendants()
        .filter(|n| matches!(n.tag_name().name(), "rect" | "polygon"))
        .filter_map(|n| n.attribute("fill"))
        .map(str::to_ascii_uppercase)
        .collect()
}

/// The text content of every `<text>` element of an SVG, trimmed, bidi isolates removed.
pub fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("SVG is valid XML");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "text")
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
                .trim()
                .chars()
                .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                .collect()
        })
        .collect()
}

/// A decoded PNG: its header (colour type and bit depth as stored) and its pixels as 8-bit RGB
/// (a palette image is expanded, so pixel checks work for both encodings).
pub struct DecodedPng {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour type as stored in the file.
    pub color: png::ColorType,
    /// Bit depth as stored in the file.
    pub depth: png::BitDepth,
    /// True if the file carries transparency (an alpha channel or a tRNS chunk).
    pub alpha: bool,
    /// `width * height * 3` bytes.
    pub rgb: Vec<u8>,
}

/// Decodes a PNG; panics unless the pixels come out as 8-bit RGB.
pub fn decode_png(bytes: &[u8]) -> DecodedPng {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let (color, depth, alpha) = {
        let info = reader.info();
        (
            info.color_type,
            info.bit_depth,
            info.trns.is_some()
                || matches!(
                    info.color_type,
                    png::ColorType::Rgba | png::ColorType::GrayscaleAlpha
                ),
        )
    };
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane PNG size")];
    let out = reader.next_frame(&mut buf).expect("PNG pixel data");
    buf.truncate(out.buffer_size());
    assert_eq!(
        (out.color_type, out.bit_depth),
        (png::ColorType::Rgb, png::BitDepth::Eight),
        "pixels decode to 8-bit RGB"
    );
    DecodedPng {
        width: out.width,
        height: out.height,
        color,
        depth,
        alpha,
        rgb: buf,
    }
}

/// True when `SHARECHART_BLESS=1` is set: golden files are written instead of compared. Read at
/// run time, so blessing needs no rebuild.
pub fn blessing() -> bool {
    std::env::var_os("SHARECHART_BLESS").is_some_and(|v| v == "1")
}

/// `tests/golden/<file>`.
pub fn golden_path(file: &str) -> PathBuf {
    repo_root().join("tests").join("golden").join(file)
}

/// The one check of an output against its golden file `tests/golden/<file>`: reads the golden
/// and asks `compare(golden, actual)`, which returns `Err` with the first difference. When
/// blessing, a golden that is missing or differs is (re)written and the test passes; one that
/// still compares equal is left as it is (a PNG within tolerance keeps its bytes, so blessing
/// does not churn binary files). Otherwise a difference panics with the file, the difference
/// and how to bless, and a missing golden says how to create it.
pub fn check_golden(
    file: &str,
    actual: &[u8],
    compare: impl FnOnce(&[u8], &[u8]) -> Result<(), String>,
) {
    let path = golden_path(file);
    let bless = "SHARECHART_BLESS=1 cargo test --release --test integration";
    let golden = std::fs::read(&path).ok();
    let verdict = golden.as_deref().map(|g| compare(g, actual));
    if blessing() {
        if !matches!(verdict, Some(Ok(()))) {
            std::fs::create_dir_all(path.parent().expect("golden folder")).expect("mkdir");
            std::fs::write(&path, actual).expect("write golden");
            eprintln!("blessed {}", path.display());
        }
        return;
    }
    let Some(verdict) = verdict else {
        panic!(
            "no golden file {}\n  to create it: {bless}\n  then look at the new file before committing it",
            path.display()
        );
    };
    if let Err(diff) = verdict {
        panic!(
            "{file}: the output differs from {}: {diff}\n  if the change is intended: {bless}, and review the diff",
            path.display()
        );
    }
}

/// A `check_golden` comparison: the same bytes, or `Err` naming the first differing line with
/// both versions of it.
pub fn same_text(golden: &[u8], actual: &[u8]) -> Result<(), String> {
    if golden == actual {
        return Ok(());
    }
    let (golden, actual) = (
        String::from_utf8_lossy(golden),
        String::from_utf8_lossy(actual),
    );
    let (mut g, mut a) = (golden.lines(), actual.lines());
    let mut line = 1;
    loop {
        match (g.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (None, None) => return Err("same lines, other line endings or bytes".to_string()),
            (x, y) => {
                return Err(format!(
                    "first at line {line}\n  golden: {}\n  actual: {}",
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>"),
                ));
            }
        }
    }
}

/// The article's crops (shares, with Arabic labels), the table most chart tests draw.
pub const CROPS: &str =
    "label,label_ar,share\nDates,التمور,76\nCotton,القطن,43\nWheat,القمح,15\nRubber,المطاط,80\n";

/// Runs `sharechart KIND in.csv -o - ARGS` on `csv` in a fresh folder: (exit code, the SVG
/// on standard output, standard error).
pub fn run_on(kind: &str, csv: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    let out = bin()
        .arg(kind)
        .arg(&input)
        .args(["-o", "-"])
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
