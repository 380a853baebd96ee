//! The `csv_to_svg` path plus rasterisation by resvg: checks that resvg accepts every SVG we
//! write and that a PNG comes out. Too slow for a long fuzz run; meant to replay a corpus once:
//! `cargo fuzz run csv_to_png CORPUS_DIR -- -runs=0` (see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((spec, csv)) = common::split(data) else {
        return;
    };
    if let Some((svg, width, height, fonts)) = common::render(&spec, csv) {
        common::check_svg(&svg);
        let info = sharechart::render::PngInfo {
            scale: 1.0,
            title: "",
            desc: "",
        };
        let png = sharechart::render::parse(&svg, &fonts)
            .and_then(|tree| sharechart::render::png(&tree, &info))
            .unwrap_or_else(|e| panic!("resvg rejected our SVG: {e:#}\n{svg}"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
        if std::env::var_os("SHARECHART_FUZZ_LOG").is_some() {
            eprintln!(
                "rendered: {:?} {width}x{height}, {} bytes of SVG, {} of PNG",
                spec.kind(),
                svg.len(),
                png.len()
            );
        }
    }
});
