//! CSV bytes -> SVG, the whole path of `sharechart bar|pie` except the file read and the PNG.
//! No input may panic (overflow and debug assertions are on), and every SVG produced must be
//! well-formed XML with finite coordinates. The first three bytes pick the options (see common.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((spec, csv)) = common::split(data) else {
        return;
    };
    if let Some((svg, ..)) = common::render(&spec, csv) {
        common::check_svg(&svg);
    }
});
