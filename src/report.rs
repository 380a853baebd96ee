//! The report page: `index.html` and `README.md` beside the outputs, showing every chart in
//! manifest order with alt text made from its data. Arabic charts are marked right to left.
//! Links are relative, so the folder can be copied anywhere.

use std::path::{Component, Path, PathBuf};

use crate::manifest::Chart;
use crate::state::{Entry, State};
use crate::xml::escape as esc;

/// Writes `index.html` and `README.md` into `dir` (only when their text changed).
pub fn write(dir: &Path, charts: &[Chart], state: &State) -> anyhow::Result<()> {
    let items: Vec<(&Chart, &Entry)> = charts
        .iter()
        .filter_map(|c| state.get(&c.name).map(|e| (c, e)))
        .collect();
    write_if_changed(&dir.join("index.html"), &html(dir, &items))?;
    write_if_changed(&dir.join("README.md"), &markdown(dir, &items))?;
    Ok(())
}

fn write_if_changed(path: &Path, text: &str) -> anyhow::Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() == Some(text) {
        return Ok(());
    }
    crate::output::write_atomic(path, text.as_bytes())
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
    for (chart, e) in items {
        let (shown, all) = files(dir, e);
        let lang = if e.rtl {
            " lang=\"ar\" dir=\"rtl\""
        } else {
            ""
        };
        let links: Vec<String> = all
            .iter()
            .map(|p| {
                let ext = p.rsplit('.').next().unwrap_or("").to_uppercase();
                format!("<a href=\"{}\">{ext}</a>", esc(&url(p)))
            })
            .collect();
        out.push_str(&format!(
            "<figure id=\"{id}\"{lang}>\n<img src=\"{src}\" alt=\"{alt}\" width=\"{w}\" height=\"{h}\">\n\
             <figcaption>{title} · {links}</figcaption>\n</figure>\n",
            id = esc(&chart.name),
            src = esc(&url(&shown)),
            alt = esc(&e.desc),
            w = chart.job.common().width,
            h = chart.job.common().height(),
            title = esc(&e.title),
            links = links.join(" "),
        ));
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn markdown(dir: &Path, items: &[(&Chart, &Entry)]) -> String {
    let mut out = String::from(
        "# Charts\n\nRendered by `sharechart build`; every chart of the manifest, in its order.\n",
    );
    for (_, e) in items {
        let (shown, all) = files(dir, e);
        let alt = e.desc.replace(['[', ']'], "").replace('\n', " ");
        let links: Vec<String> = all
            .iter()
            .map(|p| {
                format!(
                    "[{}]({})",
                    p.rsplit('.').next().unwrap_or("").to_uppercase(),
                    url(p)
                )
            })
            .collect();
        let body = format!(
            "## {}\n\n![{alt}]({})\n\n{}\n",
            e.title,
            url(&shown),
            links.join(" · ")
        );
        if e.rtl {
            out.push_str(&format!(
                "\n<div dir=\"rtl\" lang=\"ar\">\n\n{body}\n</div>\n"
            ));
        } else {
            out.push_str(&format!("\n{body}"));
        }
    }
    out
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

/// Percent-encodes what a relative URL cannot hold as is.
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
