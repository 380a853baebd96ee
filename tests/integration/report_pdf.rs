//! The report page never replaces a user's file, the manifest's `[report]` setting, PDF
//! output and the PNG's metadata (issue 14), through the real binary.

use crate::common::{bin, fixture, tempdir, write};
use predicates::prelude::*;

const CSV: &str = "label,share\nDates,76%\nCotton,43%\n";
const HAND_WRITTEN: &str = "# My project\n\nNotes I wrote myself.\n";

fn manifest(extra: &str) -> String {
    format!(
        "{extra}\n[[chart]]\nname = \"a\"\ninput = \"data.csv\"\nkind = \"bar\"\n\
         output = [\"a.svg\", \"a.png\", \"a.pdf\"]\ntitle = \"<img src=x onerror=alert(1)> [x](javascript:y)\"\n"
    )
}

#[test]
fn a_hand_written_readme_survives_every_build() {
    let dir = tempdir();
    write(dir.path(), "data.csv", CSV);
    write(dir.path(), "README.md", HAND_WRITTEN);
    let m = write(dir.path(), "charts.toml", manifest(""));
    for _ in 0..2 {
        bin()
            .args(["build", "-m"])
            .arg(&m)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "README.md: not written by sharechart",
            ))
            .stderr(predicate::str::contains(
                "[report] table and dir = \"FOLDER\"",
            ));
        let kept = std::fs::read_to_string(dir.path().join("README.md")).expect("README.md");
        assert_eq!(kept, HAND_WRITTEN);
        assert!(
            dir.path().join("a.pdf").is_file(),
            "the charts are still made"
        );
        assert!(
            !dir.path().join("index.html").exists(),
            "no half-written report page"
        );
    }
}

#[test]
fn the_report_goes_where_the_manifest_says_and_escapes_markdown() {
    let dir = tempdir();
    write(dir.path(), "data.csv", CSV);
    write(dir.path(), "README.md", HAND_WRITTEN);
    let m = write(
        dir.path(),
        "charts.toml",
        manifest("[report]\ndir = \"site\"\n"),
    );
    bin().args(["build", "-m"]).arg(&m).assert().success();
    let md = std::fs::read_to_string(dir.path().join("site/README.md")).expect("site/README.md");
    assert!(md.contains(sharechart::report::MARKER));
    assert!(!md.contains("<img"), "{md}");
    assert!(!md.contains("](javascript"), "{md}");
    assert!(md.contains("(../a.pdf)"), "{md}");
    assert!(md.contains("Bar chart: "), "{md}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).expect("README.md"),
        HAND_WRITTEN
    );
    // A second build replaces its own page.
    bin().args(["build", "-m"]).arg(&m).assert().success();
}

#[test]
fn report_false_writes_no_page() {
    let dir = tempdir();
    write(dir.path(), "data.csv", CSV);
    let m = write(dir.path(), "charts.toml", manifest("report = false\n"));
    bin().args(["build", "-m"]).arg(&m).assert().success();
    assert!(!dir.path().join("README.md").exists());
    assert!(!dir.path().join("index.html").exists());
}

#[test]
fn a_bad_report_setting_points_at_its_line() {
    let dir = tempdir();
    write(dir.path(), "data.csv", CSV);
    let m = write(
        dir.path(),
        "charts.toml",
        manifest("[report]\nfolder = \"x\"\n"),
    );
    bin()
        .args(["build", "-m"])
        .arg(&m)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            ":2:1: [report]: unknown key 'folder'",
        ))
        .stderr(predicate::str::contains("report = false"));
    let m = write(dir.path(), "charts.toml", manifest("report = \"yes\"\n"));
    bin()
        .args(["build", "-m"])
        .arg(&m)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "'report' must be a [report] table or false",
        ));
}

#[test]
fn pdf_is_vector_with_embedded_fonts_and_the_same_bytes_every_run() {
    let dir = tempdir();
    let out = dir.path().join("c.pdf");
    let run = || {
        bin()
            .args(["bar"])
            .arg(fixture("counts.csv"))
            .args(["--title", "Counts", "-o"])
            .arg(&out)
            .assert()
            .success();
        std::fs::read(&out).expect("pdf")
    };
    let first = run();
    // PDF 1.5, which pdfLaTeX and LuaLaTeX take without a warning (issue 21).
    assert!(first.starts_with(b"%PDF-1.5\n"), "{:?}", &first[..10]);
    assert_eq!(first, run(), "deterministic");
    let text = pdf_text(&first);
    assert!(text.contains("/FontFile2"), "the font is embedded");
    assert!(!text.contains("/CreationDate"), "no date");
    assert!(!text.contains("/Subtype/Image"), "vector, no raster image");
    // Without an XMP packet, the document info and the catalog still say what the PDF is.
    assert!(text.contains("/Title(Counts)"), "{text}");
    assert!(text.contains("/Subject(Bar chart: Counts"), "{text}");
    assert!(text.contains("/Lang(en)"), "{text}");
    assert!(text.contains("/S/Figure") && text.contains("/Alt(Bar chart: Counts"));
    assert!(text.contains("/MarkInfo"), "{text}");
    // poppler calls `/Suspects false` a syntax error; it is a PDF/UA default (issue 21).
    assert!(!text.contains("/Suspects"), "{text}");
    assert!(!text.contains("/Metadata"), "no XMP packet");
}

/// The PDF's bytes with every Flate stream inflated after it, as text: what a reader sees in
/// the compressed streams too.
fn pdf_text(pdf: &[u8]) -> String {
    let mut text = String::from_utf8_lossy(pdf).into_owned();
    let mut at = 0;
    while let Some(i) = pdf[at..].windows(7).position(|w| w == b"stream\n") {
        let start = at + i + 7;
        // Inflate up to the end of the zlib stream (the data that follows it is not part of it).
        let mut z = flate2::Decompress::new(true);
        let mut out = Vec::with_capacity(1 << 20);
        let done = z.decompress_vec(&pdf[start..], &mut out, flate2::FlushDecompress::Finish);
        if matches!(done, Ok(flate2::Status::StreamEnd)) {
            text.push_str(&String::from_utf8_lossy(&out));
        }
        at = start;
    }
    text
}

/// The chunks of a PNG, as (type, data).
fn chunks(png: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut i = 8;
    while i + 8 <= png.len() {
        let len = u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]) as usize;
        let kind = String::from_utf8_lossy(&png[i + 4..i + 8]).into_owned();
        out.push((kind, png[i + 8..i + 8 + len].to_vec()));
        i += 12 + len;
    }
    out
}

#[test]
fn png_knows_its_size_and_alt_text() {
    let dir = tempdir();
    let out = dir.path().join("c.png");
    bin()
        .args(["pie"])
        .arg(fixture("counts.csv"))
        .args(["--title", "Counts", "-o"])
        .arg(&out)
        .assert()
        .success();
    let png = std::fs::read(&out).expect("png");
    let found = chunks(&png);
    let phys = found.iter().find(|(k, _)| k == "pHYs").expect("pHYs");
    // The default scale 2: 192 dpi is 7560 pixels per metre exactly (0x1D88; 7559 would read
    // as 191 dpi), both axes, unit metre.
    assert_eq!(phys.1, [0, 0, 0x1D, 0x88, 0, 0, 0x1D, 0x88, 1]);
    let at_96 = dir.path().join("c96.png");
    bin()
        .args(["pie"])
        .arg(fixture("counts.csv"))
        .args(["--scale", "1", "-o"])
        .arg(&at_96)
        .assert()
        .success();
    let png96 = std::fs::read(&at_96).expect("png");
    let phys = chunks(&png96)
        .into_iter()
        .find(|(k, _)| k == "pHYs")
        .expect("pHYs");
    // 96 dpi: 3780 (0x0EC4).
    assert_eq!(phys.1, [0, 0, 0x0E, 0xC4, 0, 0, 0x0E, 0xC4, 1]);
    let texts: Vec<String> = found
        .iter()
        .filter(|(k, _)| k == "iTXt")
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Title\0") && t.ends_with("Counts"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Description\0") && t.contains("Pie chart: Counts")),
        "{texts:?}"
    );
}

#[test]
fn the_report_page_gives_each_image_its_drawn_size() {
    // Without a height, horizontal bars are as tall as their content: the page's <img> says so.
    let dir = tempdir();
    write(dir.path(), "data.csv", CSV);
    let m = write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"h\"\ninput = \"data.csv\"\nkind = \"bar\"\nhorizontal = true\n\
         output = [\"out/h.svg\"]\n",
    );
    bin().args(["build", "-m"]).arg(&m).assert().success();
    let svg = std::fs::read_to_string(dir.path().join("out/h.svg")).expect("svg");
    let doc = roxmltree::Document::parse(&svg).expect("xml");
    let height = doc.root_element().attribute("height").expect("height");
    assert_ne!(height, "378", "the chart was fitted to its content");
    let html = std::fs::read_to_string(dir.path().join("out/index.html")).expect("page");
    assert!(
        html.contains(&format!("width=\"604\" height=\"{height}\"")),
        "{height}\n{html}"
    );
}

#[test]
fn a_letter_under_a_vowel_mark_is_drawn_in_the_pdf() {
    // «مكّة»: usvg gives the shadda's cluster text to one glyph and none to the kaf under it;
    // the PDF once dropped the kaf as if it were an invisible bidi mark (يشكّل drawn «يش ّل»).
    let dir = tempdir();
    let csv = write(dir.path(), "one.csv", "label,share\nA,14\n");
    let out = dir.path().join("c.pdf");
    bin()
        .args(["pie", "--donut", "--title", "مكّة", "-o"])
        .arg(&out)
        .arg(&csv)
        .assert()
        .success();
    let text = pdf_text(&std::fs::read(&out).expect("pdf"));
    // The title is the page's first text object: ة, the shadda, the kaf and م, each shown.
    let bt = text.find("BT ").expect("a text object");
    let et = bt + text[bt..].find("ET").expect("its end");
    assert_eq!(glyphs_shown(&text[bt..et]), 4, "{}", &text[bt..et]);
    // Its cluster's text, once, for copy and paste.
    assert!(
        text[bt..et].contains("/ActualText<FEFF06430651>"),
        "{}",
        &text[bt..et]
    );
}

/// How many two-byte glyph codes the literal strings of `content` show: `(\000\001)` is one.
fn glyphs_shown(content: &str) -> usize {
    let mut bytes = 0;
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '(' {
            continue;
        }
        while let Some(c) = chars.next() {
            match c {
                ')' => break,
                '\\' => {
                    // An octal escape of up to three digits, or an escaped character.
                    let mut digits = 0;
                    while digits < 3 && chars.peek().is_some_and(|d| d.is_digit(8)) {
                        chars.next();
                        digits += 1;
                    }
                    if digits == 0 {
                        chars.next();
                    }
                    bytes += 1;
                }
                _ => bytes += 1,
            }
        }
    }
    bytes / 2
}
