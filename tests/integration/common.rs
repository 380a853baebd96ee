//! Helpers shared by the integration tests: the binary under test, fixture paths, temporary
//! folders, and a few assertions about what a failed command must leave behind.

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
