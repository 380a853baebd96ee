//! Arbitrary UTF-8 text as `charts.toml`: the manifest parser must answer Ok or Err, never
//! panic (its error positions slice the text by byte offsets, so non-ASCII text matters).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = sharechart::manifest::parse(text, std::path::Path::new("charts.toml"));
});
