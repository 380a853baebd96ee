//! Keeps the code readable: no source file over 500 lines, no function over 100 (counted from
//! its `fn` line to the closing brace at the same indentation). Run as a unit test so a change
//! that grows past either fails CI instead of waiting for a review.

use std::path::{Path, PathBuf};

const MAX_FILE: usize = 500;
const MAX_FN: usize = 100;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `(name, first line, length)` of every function whose body closes at its own indentation.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let is_fn = ["fn ", "pub fn ", "pub(crate) fn ", "pub(super) fn "]
            .iter()
            .any(|p| t.starts_with(p));
        if !is_fn || t.ends_with(';') {
            continue;
        }
        let close = " ".repeat(indent) + "}";
        if let Some(end) = lines[i..].iter().position(|l| *l == close) {
            let name = t.split('(').next().unwrap_or(t).to_string();
            out.push((name, i + 1, end + 1));
        }
    }
    out
}

#[test]
fn files_and_functions_stay_small() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 10, "found the sources");
    let mut long = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("source is text");
        let n = text.lines().count();
        if n > MAX_FILE {
            long.push(format!("{}: {n} lines", f.display()));
        }
        for (name, line, len) in functions(&text) {
            if len > MAX_FN {
                long.push(format!("{}:{line}: {name} is {len} lines", f.display()));
            }
        }
    }
    assert!(long.is_empty(), "split these:\n{}", long.join("\n"));
}

#[test]
fn the_counter_counts() {
    let body = "x();\n".repeat(3);
    let text = format!("fn a() {{\n{body}}}\n    pub fn b(x: u8) {{\n    }}\n");
    assert_eq!(
        functions(&text),
        vec![("fn a".to_string(), 1, 5), ("pub fn b".to_string(), 6, 2)]
    );
}
