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
        anyhow::anyhow!("{shown}:{line}:{col}: {}", e.message())
    })?;
    for key in root.keys() {
        if key != "defaults" && key != "chart" {
            let (line, col) = find_key(text, None, key);
            bail!(
                "{shown}:{line}:{col}: unknown key '{key}'\n  hint: a manifest has a [defaults] table and [[chart]] tables"
            );
        }
    }
    let defaults = match root.get("defaults") {
        None => toml::Table::new(),
        Some(toml::Value::Table(t)) => t.clone(),
        Some(_) => bail!("{shown}: 'defaults' must be a table: [defaults]"),
    };
    for key in defaults.keys() {
        if !SPEC_KEYS.contains(&key.as_str()) {
            let (line, col) = find_key(text, Some("[defaults]"), key);
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
            bail!("{shown}: chart {} is not a table", i + 1);
        };
        let name = match table.get("name") {
            Some(toml::Value::String(s)) => s.clone(),
            _ => {
                let (line, col) = nth_chart(text, i);
                bail!(
                    "{shown}:{line}:{col}: chart {}: missing key 'name'\n  hint: give every chart a unique name = \"...\"",
                    i + 1
                )
            }
        };
        let here = |key: &str| find_key(text, Some(&format!("name = \"{name}\"")), key);
        let err = |key: &str, msg: String| {
            let (line, col) = here(key);
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
            .map_err(|e: toml::de::Error| err("name", e.message().trim().to_string()))?;
        let input = match table.get("input") {
            Some(toml::Value::String(s)) => base.join(s),
            _ => {
                return Err(err(
                    "name",
                    "missing key 'input' (the CSV file)".to_string(),
                ));
            }
        };
        let kind: Kind = match table.get("kind") {
            Some(v) => v
                .clone()
                .try_into()
                .map_err(|_| err("kind", "'kind' must be \"bar\" or \"pie\"".to_string()))?,
            None => {
                return Err(err(
                    "name",
                    "missing key 'kind' (\"bar\" or \"pie\")".to_string(),
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
                                "'output' must be a list of file names".to_string(),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
                _ => return Err(err(
                    "name",
                    "missing key 'output' (a list such as [\"output/a.svg\", \"output/a.png\"])"
                        .to_string(),
                )),
            };
        for o in &outputs {
            crate::render::Format::from_path(o).map_err(|e| err("output", e.to_string()))?;
        }
        spec.validate().map_err(|e| err("name", e.to_string()))?;
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

/// Where `key = ` is written, after the first line containing `after` (best effort: the
/// position is for the message only).
fn find_key(text: &str, after: Option<&str>, key: &str) -> (usize, usize) {
    let start = after.and_then(|a| text.find(a)).unwrap_or(0);
    let start = text[..start]
        .rfind("[[chart]]")
        .filter(|_| after.is_some_and(|a| a.starts_with("name")))
        .unwrap_or(start);
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            return line_col(text, offset + (line.len() - t.len()));
        }
        offset += line.len();
    }
    line_col(text, start)
}

fn nth_chart(text: &str, i: usize) -> (usize, usize) {
    text.match_indices("[[chart]]")
        .nth(i)
        .map_or((1, 1), |(o, _)| line_col(text, o))
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
