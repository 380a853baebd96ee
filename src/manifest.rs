//! The `charts.toml` manifest: every chart of a project, with its input, kind, options and
//! outputs. `build.rs` renders them.
//!
//! ```toml
//! [defaults]                     # any chart key, applied to every chart
//! source = "Author, Journal, 2025"
//!
//! [[chart]]
//! name = "crops-en"              # unique; used in messages
//! input = "data/crops.csv"       # relative to the manifest
//! kind = "bar"                   # bar | pie
//! output = ["output/crops-en.svg", "output/crops-en.png"]
//! title = "OIC members grow 80% of the world's rubber"
//! ```

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::pipeline::Job;
use crate::spec::{ChartSpec, Kind};

/// Keys of a `[[chart]]` table besides the [`ChartSpec`] keys.
const ENTRY_KEYS: [&str; 4] = ["name", "input", "kind", "output"];
/// The [`ChartSpec`] keys (kept in step with the struct by a test).
pub const SPEC_KEYS: [&str; 21] = [
    "label",
    "value",
    "series",
    "legend",
    "stacked",
    "top",
    "theme",
    "digits",
    "horizontal",
    "sort",
    "donut",
    "each-row",
    "rest",
    "title",
    "subtitle",
    "source",
    "lang",
    "width",
    "height",
    "scale",
    "delimiter",
];

/// A chart of the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Its unique name.
    pub name: String,
    /// What to render.
    pub job: Job,
}

/// Reads a manifest. Paths in it are taken relative to the manifest's folder.
pub fn load(path: &Path) -> anyhow::Result<Vec<Chart>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the manifest\n  hint: run from the folder that holds charts.toml, or pass -m PATH", path.display()))?;
    parse(&text, path)
}

/// Parses manifest text; `path` names it in messages and anchors relative paths.
pub fn parse(text: &str, path: &Path) -> anyhow::Result<Vec<Chart>> {
    let shown = path.display();
    let root: toml::Table = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        anyhow::anyhow!(
            "{shown}:{line}:{col}: {}\n  hint: a manifest is TOML: a [defaults] table and [[chart]] tables of key = \"value\" lines",
            e.message().trim()
        )
    })?;
    for key in root.keys() {
        if key != "defaults" && key != "chart" {
            let (line, col) = locate(text, Section::Top, key);
            bail!(
                "{shown}:{line}:{col}: unknown key '{key}'\n  hint: a manifest has a [defaults] table and [[chart]] tables"
            );
        }
    }
    let defaults = match root.get("defaults") {
        None => toml::Table::new(),
        Some(toml::Value::Table(t)) => t.clone(),
        Some(_) => bail!(
            "{shown}: 'defaults' must be a table\n  hint: write the defaults under a [defaults] line"
        ),
    };
    for key in defaults.keys() {
        if !SPEC_KEYS.contains(&key.as_str()) {
            let (line, col) = locate(text, Section::Defaults, key);
            bail!(
                "{shown}:{line}:{col}: [defaults]: unknown key '{key}'\n  hint: the keys are: {}",
                SPEC_KEYS.join(", ")
            );
        }
    }
    let Some(toml::Value::Array(charts)) = root.get("chart") else {
        bail!(
            "{shown}: no charts\n  hint: add a [[chart]] table with name, input, kind and output"
        );
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let mut out: Vec<Chart> = Vec::new();
    for (i, value) in charts.iter().enumerate() {
        let toml::Value::Table(table) = value else {
            bail!(
                "{shown}: chart {} is not a table\n  hint: start every chart with a [[chart]] line",
                i + 1
            );
        };
        let name = match table.get("name") {
            Some(toml::Value::String(s)) => s.clone(),
            _ => {
                let (line, col) = locate(text, Section::Chart(i), "name");
                bail!(
                    "{shown}:{line}:{col}: chart {}: missing key 'name'\n  hint: give every chart a unique name = \"...\"",
                    i + 1
                )
            }
        };
        let err = |key: &str, msg: String| {
            let (line, col) = locate(text, Section::Chart(i), key);
            anyhow::anyhow!("{shown}:{line}:{col}: chart '{name}': {msg}")
        };
        if out.iter().any(|c| c.name == name) {
            return Err(err(
                "name",
                format!("the name '{name}' is used twice\n  hint: chart names must be unique"),
            ));
        }
        let mut spec_table = defaults.clone();
        for (key, v) in table {
            if ENTRY_KEYS.contains(&key.as_str()) {
                continue;
            }
            if !SPEC_KEYS.contains(&key.as_str()) {
                return Err(err(
                    key,
                    format!(
                        "unknown key '{key}'\n  hint: the keys are: {}, {}",
                        ENTRY_KEYS.join(", "),
                        SPEC_KEYS.join(", ")
                    ),
                ));
            }
            spec_table.insert(key.clone(), v.clone());
        }
        let spec: ChartSpec = toml::Value::Table(spec_table)
            .try_into()
            .map_err(|e: toml::de::Error| {
                let msg = e.message().trim().to_string();
                // Point at the key the message names, if it names one.
                let key = SPEC_KEYS.iter().find(|k| msg.contains(&format!("`{k}`"))).copied().unwrap_or("name");
                err(key, format!("{msg}\n  hint: chart options take the values of the flags of the same name (see `sharechart bar --help`)"))
            })?;
        let input = match table.get("input") {
            Some(toml::Value::String(s)) => base.join(s),
            _ => {
                return Err(err(
                    "name",
                    "missing key 'input'\n  hint: add input = \"data/FILE.csv\" (relative to the manifest)".to_string(),
                ));
            }
        };
        let kind: Kind = match table.get("kind") {
            Some(v) => v
                .clone()
                .try_into()
                .map_err(|_| err("kind", "'kind' must be \"bar\" or \"pie\"\n  hint: write kind = \"bar\" or kind = \"pie\"".to_string()))?,
            None => {
                return Err(err(
                    "name",
                    "missing key 'kind'\n  hint: add kind = \"bar\" or kind = \"pie\"".to_string(),
                ));
            }
        };
        let outputs: Vec<PathBuf> =
            match table.get("output") {
                Some(toml::Value::String(s)) => vec![base.join(s)],
                Some(toml::Value::Array(a)) if !a.is_empty() => a
                    .iter()
                    .map(|v| {
                        v.as_str().map(|s| base.join(s)).ok_or_else(|| {
                            err(
                                "output",
                                "'output' must be a list of file names\n  hint: write output = [\"output/a.svg\", \"output/a.png\"]".to_string(),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
                _ => return Err(err(
                    "name",
                    "missing key 'output'\n  hint: add output = [\"output/a.svg\", \"output/a.png\"]".to_string(),
                )),
            };
        for o in &outputs {
            crate::render::Format::from_path(o).map_err(|e| err("output", e.to_string()))?;
        }
        spec.validate().map_err(|e| err("name", e.to_string()))?;
        if outputs
            .iter()
            .any(|o| crate::render::Format::from_path(o).ok() == Some(crate::render::Format::Png))
        {
            spec.validate_png()
                .map_err(|e| err("scale", e.to_string()))?;
        }
        out.push(Chart {
            name,
            job: Job {
                input,
                kind,
                spec,
                outputs,
            },
        });
    }
    Ok(out)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A part of the manifest, for pointing at a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before any table header.
    Top,
    /// The `[defaults]` table.
    Defaults,
    /// The i-th `[[chart]]` table (0-based).
    Chart(usize),
}

/// The line and column of `key = ...` in a section, else of the section's header (the position
/// is for the message only; the TOML parser has already accepted the text).
fn locate(text: &str, want: Section, key: &str) -> (usize, usize) {
    let mut section = Section::Top;
    let mut charts = 0;
    let mut header = (1, 1);
    for (n, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let col = line.len() - t.len() + 1;
        if t.starts_with("[[chart]]") {
            section = Section::Chart(charts);
            charts += 1;
        } else if t.starts_with("[defaults]") {
            section = Section::Defaults;
        } else if t.starts_with('[') {
            section = Section::Top;
        }
        if section != want {
            continue;
        }
        if t.starts_with('[') {
            header = (n + 1, col);
            continue;
        }
        let k = t
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        if t.contains('=') && k == key {
            return (n + 1, col);
        }
    }
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[defaults]\nsource = \"S\"\n\n[[chart]]\nname = \"a\"\ninput = \"d/a.csv\"\nkind = \"bar\"\noutput = [\"o/a.svg\", \"o/a.png\"]\ntitle = \"T\"\n";

    #[test]
    fn parses_with_defaults_and_relative_paths() {
        let c = parse(GOOD, Path::new("proj/charts.toml")).expect("valid");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].job.input, Path::new("proj/d/a.csv"));
        assert_eq!(c[0].job.outputs[1], Path::new("proj/o/a.png"));
        assert_eq!(c[0].job.spec.source.as_deref(), Some("S"));
        assert_eq!(c[0].job.spec.title.as_deref(), Some("T"));
    }

    #[test]
    fn spec_keys_are_exactly_the_spec_fields() {
        let full = ChartSpec {
            label: Some("l".into()),
            series: Some("s".into()),
            sort: Some(crate::spec::Sort::Asc),
            rest: Some("r".into()),
            title: Some("t".into()),
            subtitle: Some("s".into()),
            source: Some("s".into()),
            delimiter: Some(';'),
            top: Some(3),
            ..ChartSpec::default()
        };
        let table: toml::Table = toml::Table::try_from(&full).expect("serialises");
        let mut fields: Vec<&str> = table.keys().map(String::as_str).collect();
        let mut keys = SPEC_KEYS.to_vec();
        fields.sort_unstable();
        keys.sort_unstable();
        assert_eq!(fields, keys);
    }

    #[test]
    fn every_spec_key_is_accepted() {
        for key in SPEC_KEYS {
            let mut t = toml::Table::new();
            let v = match key {
                "value" | "legend" => toml::Value::Array(vec![]),
                "horizontal" | "donut" | "each-row" | "stacked" => toml::Value::Boolean(true),
                "top" => toml::Value::Integer(5),
                "theme" => toml::Value::String("dark".into()),
                "digits" => toml::Value::String("arabic".into()),
                "width" | "height" => toml::Value::Integer(900),
                "scale" => toml::Value::Float(2.0),
                "sort" => toml::Value::String("asc".into()),
                "lang" => toml::Value::String("ar".into()),
                "delimiter" => toml::Value::String(";".into()),
                _ => toml::Value::String("x".into()),
            };
            t.insert(key.to_string(), v);
            let r: Result<ChartSpec, _> = toml::Value::Table(t).try_into();
            assert!(r.is_ok(), "{key}: {r:?}");
        }
    }

    #[test]
    fn errors_name_manifest_chart_key_and_line() {
        let bad = GOOD.replace("title = \"T\"", "colour = \"red\"");
        let e = parse(&bad, Path::new("charts.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("charts.toml:9:1: chart 'a': unknown key 'colour'"),
            "{e}"
        );
        let bad = GOOD.replace("kind = \"bar\"", "kind = \"line\"");
        let e = parse(&bad, Path::new("charts.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("charts.toml:7:1: chart 'a': 'kind' must be"),
            "{e}"
        );
        let e = parse("[[chart]\n", Path::new("charts.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("charts.toml:1:"), "{e}");
        let bad = GOOD.replace("o/a.png", "o/a.jpg");
        let e = parse(&bad, Path::new("charts.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("chart 'a': o/a.jpg: unsupported output format '.jpg'"),
            "{e}"
        );
    }
}
