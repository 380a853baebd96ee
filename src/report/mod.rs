//! The report page: `index.html` and `README.md` showing every chart in manifest order, with
//! alt text made from its data and a link to the data it draws. Arabic charts are marked right
//! to left. Links are relative file paths, so the folder can be copied anywhere. Beside them,
//! `charts.tex` and `charts.typ` put each chart into a LaTeX or Typst document by its name, at
//! its size, with its alt text and its title as the caption.
//!
//! The page never replaces a file it did not write: both files carry [`MARKER`], and an existing
//! `README.md` or `index.html` without it is left alone (the manifest's `[report] dir = "..."`
//! or `report = false` chooses another place or none).

mod documents;
mod markdown;

use std::path::{Component, Path, PathBuf};

use crate::manifest::{Chart, ReportPlace};
use crate::state::{Entry, State};
use crate::xml::escape as esc;

/// Written into every page this module writes; a file without it is the user's.
pub const MARKER: &str = "sharechart:report-page";

/// Where the report page of these charts goes (`None`: `report = false`). `state_dir` is the
/// folder of the build state, beside the first chart's first output.
pub fn place(charts: &[Chart], state_dir: &Path) -> Option<PathBuf> {
    match charts.first().map(|c| &c.report) {
        Some(ReportPlace::Off) => None,
        Some(ReportPlace::Dir(d)) => Some(d.clone()),
        _ => Some(state_dir.to_path_buf()),
    }
}

/// Writes `index.html`, `README.md`, `charts.tex` and `charts.typ` into `dir` (only when their
/// text changed). Refuses, before writing any, when one of them exists and was not written by
/// sharechart.
pub fn write(dir: &Path, charts: &[Chart], state: &State) -> anyhow::Result<()> {
    let items: Vec<(&Chart, &Entry)> = charts
        .iter()
        .filter_map(|c| state.get(&c.name).map(|e| (c, e)))
        .collect();
    let pages = [
        (dir.join("index.html"), html(dir, &items)),
        (dir.join("README.md"), markdown(dir, &items)),
        (dir.join("charts.tex"), documents::latex(dir, &items)),
        (dir.join("charts.typ"), documents::typst(dir, &items)),
    ];
    for (path, _) in &pages {
        check_ours(path)?;
    }
    for (path, text) in &pages {
        write_if_changed(path, text)?;
    }
    Ok(())
}

/// How the pages of sharechart 0.1 began, before they carried the marker: still ours.
const LEGACY: [&str; 2] = [
    "# Charts\n\nRendered by `sharechart build`; every chart of the manifest, in its order.\n",
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
     <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Charts</title>\n",
];

/// Fails when `path` exists and does not carry the marker (or cannot be read to tell).
fn check_ours(path: &Path) -> anyhow::Result<()> {
    let ours = |text: &str| text.contains(MARKER) || LEGACY.iter().any(|l| text.starts_with(l));
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Ok(bytes) if ours(&String::from_utf8_lossy(&bytes)) => Ok(()),
        _ => anyhow::bail!(
            "{}: not written by sharechart, so the report page leaves it alone (no report page \
             was written)\n  hint: choose another folder for the report page in the manifest with \
             a [report] table and dir = \"FOLDER\", or turn it off with report = false",
            path.display()
        ),
    }
}

fn write_if_changed(path: &Path, text: &str) -> anyhow::Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() == Some(text) {
        return Ok(());
    }
    crate::output::write_atomic(path, text.as_bytes())
}

/// Unique heading ids and texts: a title seen before gets " (2)", " (3)", ...
fn headings(items: &[(&Chart, &Entry)]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    items
        .iter()
        .map(|(_, e)| {
            let n = seen.iter().filter(|t| **t == e.title).count();
            seen.push(e.title.clone());
            if n == 0 {
                e.title.clone()
            } else {
                format!("{} ({})", e.title, n + 1)
            }
        })
        .collect()
}

/// The alt text: the entry's own, or (state files from before it existed) the summary.
fn alt_of(e: &Entry) -> &str {
    if e.alt.is_empty() { &e.desc } else { &e.alt }
}

/// The image to show (PNG when there is one, pixel-exact everywhere) and every output.
fn files(dir: &Path, e: &Entry) -> (String, Vec<String>) {
    let all: Vec<String> = e.outputs.iter().map(|o| relative(dir, &o.path)).collect();
    let shown = all
        .iter()
        .find(|p| p.ends_with(".png"))
        .or(all.first())
        .cloned()
        .unwrap_or_default();
    (shown, all)
}

fn html(dir: &Path, items: &[(&Chart, &Entry)]) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Charts</title>\n<style>\n\
         body{font-family:system-ui,sans-serif;max-width:1240px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}\n\
         figure{margin:0 0 3rem}img{max-width:100%;height:auto;border:1px solid #e3e3e3}\n\
         figcaption{color:#595959;font-size:.9rem;margin-top:.4rem}a{color:#0072b2}\n\
         </style>\n</head>\n<body>\n<h1>Charts</h1>\n",
    );
    out.insert_str(
        "<!doctype html>\n".len(),
        &format!(
            "<!-- {MARKER}: written by `sharechart build`, which replaces it on every build -->\n"
        ),
    );
    for ((chart, e), heading) in items.iter().zip(headings(items)) {
        let (shown, all) = files(dir, e);
        let lang = if e.rtl {
            format!(" lang=\"{}\" dir=\"rtl\"", lang_of(chart, e))
        } else {
            String::new()
        };
        let links: Vec<String> = all
            .iter()
            .map(|p| format!("<a href=\"{}\">{}</a>", esc(&url(p)), link_name(p)))
            .collect();
        out.push_str(&format!(
            "<figure id=\"{id}\"{lang}>\n<img src=\"{src}\" alt=\"{alt}\" width=\"{w}\" height=\"{h}\">\n\
             <figcaption>{title} · {links}</figcaption>\n</figure>\n",
            id = esc(&chart.name),
            src = esc(&url(&shown)),
            alt = esc(alt_of(e)),
            w = if e.size.0 > 0 { e.size.0 } else { chart.job.common().width() },
            h = if e.size.1 > 0 { e.size.1 } else { chart.job.common().height() },
            title = esc(&heading),
            links = links.join(" "),
        ));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn markdown(dir: &Path, items: &[(&Chart, &Entry)]) -> String {
    use markdown::{escape as md, link};
    let mut out = format!(
        "<!-- {MARKER}: written by `sharechart build`, which replaces it on every build -->\n\
         # Charts\n\nRendered by `sharechart build`; every chart of the manifest, in its order.\n"
    );
    for ((chart, e), heading) in items.iter().zip(headings(items)) {
        let (shown, all) = files(dir, e);
        let links: Vec<String> = all
            .iter()
            .map(|p| link(&md(&link_name(p)), &url(p)))
            .collect();
        // The image and its links in one paragraph (a hard line break between them): an image
        // alone in a paragraph is a figure to pandoc, which shows its alt text as a caption.
        let body = format!(
            "## {}\n\n!{}\\\n{}\n",
            md(&heading),
            link(&md(alt_of(e)), &url(&shown)),
            links.join(" · ")
        );
        if e.rtl {
            out.push_str(&format!(
                "\n<div dir=\"rtl\" lang=\"{}\">\n\n{body}\n</div>\n",
                lang_of(chart, e)
            ));
        } else {
            out.push_str(&format!("\n{body}"));
        }
    }
    out
}

/// The words of a link to a chart's file: its format ("SVG", "PNG", "PDF"), or "Data (CSV)".
fn link_name(path: &str) -> String {
    if path.ends_with(".data.csv") {
        return "Data (CSV)".to_string();
    }
    path.rsplit('.').next().unwrap_or("").to_uppercase()
}

/// `path` relative to `dir`, with forward slashes.
fn relative(dir: &Path, path: &Path) -> String {
    let norm = |p: &Path| -> Vec<String> {
        p.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (d, p) = (norm(dir), norm(path));
    let common = d.iter().zip(&p).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..d.len() {
        rel.push("..");
    }
    for c in &p[common..] {
        rel.push(c);
    }
    rel.to_string_lossy().replace('\\', "/")
}

/// Percent-encodes what a relative URL cannot hold as is. The result is a relative path: only
/// unreserved characters and `/` pass, so no scheme (`javascript:`), query or fragment survives.
fn url(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The language tag of a right-to-left chart: its `lang`, or "und" with the labels' script
/// (`und-Arab`) when the direction came from them, as the chart's SVG has it.
fn lang_of(chart: &Chart, e: &Entry) -> String {
    match &chart.job.common().data.lang {
        Some(lang) => lang.code().to_string(),
        None if e.lang.starts_with("und") => e.lang.clone(),
        None => "und".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(Path::new("output"), Path::new("output/a.png")),
            "a.png"
        );
        assert_eq!(
            relative(Path::new("./output"), Path::new("output/x/a.png")),
            "x/a.png"
        );
        assert_eq!(
            relative(Path::new("output"), Path::new("other/a.png")),
            "../other/a.png"
        );
    }

    #[test]
    fn urls_are_escaped() {
        assert_eq!(url("a b.png"), "a%20b.png");
    }
}
