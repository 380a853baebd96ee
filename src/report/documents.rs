//! `charts.tex` and `charts.typ`: every chart of the report page for a LaTeX or Typst document,
//! by its name, at its own size (so its type prints at the size it was set in), with its alt
//! text and its title as the caption. A document includes a chart in one line, and the alt
//! text goes where the document can carry it (Typst's `alt`, graphicx's `alt` key).
//!
//! The PDF of a chart is used when it has one (vector, its fonts embedded), else its SVG or
//! PNG. Both files carry the report page's marker and are replaced on every build.

use std::path::Path;

use super::{MARKER, alt_of, relative};
use crate::manifest::Chart;
use crate::state::Entry;

/// The file a document shows: the PDF, else the SVG, else the first output (never the data).
fn shown(dir: &Path, e: &Entry) -> String {
    let all: Vec<String> = e
        .outputs
        .iter()
        .map(|o| relative(dir, &o.path))
        .filter(|p| !p.ends_with(".data.csv"))
        .collect();
    [".pdf", ".svg"]
        .iter()
        .find_map(|ext| all.iter().find(|p| p.ends_with(ext)))
        .or(all.first())
        .cloned()
        .unwrap_or_default()
}

/// A chart's width in centimetres (CSS pixels at 96 per inch).
fn width_cm(e: &Entry) -> String {
    format!("{:.2}cm", f64::from(e.size.0) / 96.0 * 2.54)
}

/// `s` as LaTeX text: the ten special characters escaped, line breaks as spaces.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '#' | '_' | '%' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `charts.tex`: `\sharechart{NAME}` draws a chart at its size with its alt text,
/// `\sharechartcaption{NAME}` gives its title, `\sharechartfigure{NAME}` a figure of both
/// with the label `fig:NAME`. `\sharechartdir` (the folder of the charts as seen from the
/// document, default the report page's folder) may be set before `\input`.
pub fn latex(dir: &Path, items: &[(&Chart, &Entry)]) -> String {
    let folder = dir.to_string_lossy().replace('\\', "/");
    let folder = if folder.is_empty() || folder.ends_with('/') {
        folder
    } else {
        format!("{folder}/")
    };
    let mut out = format!(
        "% {MARKER}: written by `sharechart build`, which replaces it on every build.\n\
         % Every chart by its name, at its own size, with its alt text (graphicx's alt key) and\n\
         % its title as the caption. In the preamble: \\usepackage{{graphicx}} and\n\
         % \\input{{{folder}charts.tex}}; then \\sharechartfigure{{NAME}}, or \\sharechart{{NAME}}\n\
         % and \\caption{{\\sharechartcaption{{NAME}}}} in a figure of your own.\n\
         \\providecommand\\sharechartdir{{{dir}}}\n\
         \\makeatletter\n\
         \\providecommand\\sharechart[1]{{\\@nameuse{{sharechart@#1}}}}\n\
         \\providecommand\\sharechartcaption[1]{{\\@nameuse{{sharechart@caption@#1}}}}\n\
         \\providecommand\\sharechartfigure[1]{{\\begin{{figure}}[htbp]\\centering\\sharechart{{#1}}\n  \
         \\caption{{\\sharechartcaption{{#1}}}}\\label{{fig:#1}}\\end{{figure}}}}\n",
        dir = tex(&folder),
    );
    for (chart, e) in items {
        let name = &chart.name;
        out.push_str(&format!(
            "\\@namedef{{sharechart@{name}}}{{\\includegraphics[width={w},alt={{{alt}}}]{{\\sharechartdir {file}}}}}\n\
             \\@namedef{{sharechart@caption@{name}}}{{{title}}}\n",
            name = tex(name),
            w = width_cm(e),
            alt = tex(alt_of(e)),
            file = tex(&shown(dir, e)),
            title = tex(&e.title),
        ));
    }
    out.push_str("\\makeatother\n");
    out
}

/// `s` as the text of a Typst string literal.
fn typ(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `charts.typ`: `charts` maps every chart's name to its figure (the image at its size with
/// its alt text, the title as the caption); `chart(NAME)` gives one. Paths are relative to
/// this file, as Typst reads them.
pub fn typst(dir: &Path, items: &[(&Chart, &Entry)]) -> String {
    let mut out = format!(
        "// {MARKER}: written by `sharechart build`, which replaces it on every build.\n\
         // Every chart by its name, at its own size, with its alt text and its title as the\n\
         // caption: #import \"charts.typ\": chart, then #chart(\"NAME\").\n\
         #let charts = (\n"
    );
    for (chart, e) in items {
        let lang = if e.rtl {
            // Typst takes a language code alone ("und", not "und-Arab").
            let lang = super::lang_of(chart, e);
            let code = lang.split('-').next().unwrap_or("und");
            format!(", lang: \"{}\"", typ(code))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  \"{name}\": figure(\n    image(\"{file}\", width: {w}, alt: \"{alt}\"),\n    \
             caption: text(\"{title}\"{lang}),\n  ),\n",
            name = typ(&chart.name),
            file = typ(&shown(dir, e)),
            w = width_cm(e),
            alt = typ(alt_of(e)),
            title = typ(&e.title),
        ));
    }
    out.push_str(")\n#let chart(name) = charts.at(name)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_and_typst_text_is_escaped() {
        assert_eq!(
            tex("80% of #1 & a_b {x} ~^\\"),
            "80\\% of \\#1 \\& a\\_b \\{x\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
        );
        assert_eq!(typ("a \"b\" \\c\nd"), "a \\\"b\\\" \\\\c d");
    }
}
