//! The `charts.toml` manifest: every chart of a project, with its input, kind, options and
//! outputs. `batch.rs` renders them.
//!
//! ```toml
//! [defaults]                     # any chart option, for every chart whose kind has it
//! source = "Author, Journal, 2025"
//!
//! [[chart]]
//! name = "crops-en"              # unique; used in messages
//! input = "data/crops.csv"       # relative to the manifest
//! kind = "bar"                   # bar | pie
//! output = ["output/crops-en.svg", "output/crops-en.png"]
//! title = "OIC members grow 80% of the world's rubber"
//!
//! [colors]                       # optional: a series or category keeps its colour
//! Production = "#0072B2"         #   in every chart that shows it
//!
//! [report]                       # optional: where the report page goes (see `report`)
//! dir = "output"
//! ```
//!
//! One entry may make a chart in several languages (`lang = ["en", "ar"]`, words given per
//! language as `title.ar = "..."`): see [`editions`].
//!
//! The chart options are those of [`crate::options`] and of each kind (`kinds/`), keyed by
//! their flag names; a key the chart's kind does not have is an error. Every message points at
//! the line and column of the key it is about, taken from the TOML parser's spans, and names
//! options as a manifest does (`top = 7`).

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::kinds::{ChartOptions, Kind};
use crate::options::{Lang, NamedColor, Voice};
use crate::pipeline::Job;

mod editions;
mod report;
use editions::Table;
pub use report::ReportPlace;

/// Keys of a `[[chart]]` table besides the chart options.
const ENTRY_KEYS: [&str; 4] = ["name", "input", "kind", "output"];

/// A chart of the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Its unique name.
    pub name: String,
    /// What to render.
    pub job: Job,
    /// Where the manifest's report page goes (the same for every chart of a manifest).
    pub report: ReportPlace,
}

/// A mistake in the manifest, at the line and column it is about.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}:{line}:{column}: {}{message}", .chart.as_ref().map(|c| format!("chart '{c}': ")).unwrap_or_default())]
pub struct ManifestError {
    /// The manifest as shown.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The chart it is in, if any.
    pub chart: Option<String>,
    /// What is wrong, with a hint.
    pub message: String,
}

/// Reads a manifest. Paths in it are taken relative to the manifest's folder.
pub fn load(path: &Path) -> anyhow::Result<Vec<Chart>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the manifest\n  hint: run from the folder that holds charts.toml, or pass -m PATH", path.display()))?;
    Ok(parse(&text, path)?)
}

/// One `key = value` of a table, with where it stands.
#[derive(Clone)]
struct Entry<'i> {
    key: Spanned<toml::de::DeString<'i>>,
    value: Spanned<DeValue<'i>>,
}

/// The manifest text, to turn spans into positions, and the keys of every kind (read once).
struct Source<'a> {
    text: &'a str,
    shown: String,
    /// Each kind with the keys it accepts.
    kinds: Vec<(Kind, Vec<String>)>,
}

impl Source<'_> {
    fn error(&self, span: Range<usize>, chart: Option<&str>, message: String) -> ManifestError {
        let (line, column) = line_col(self.text, span.start);
        ManifestError {
            path: self.shown.clone(),
            line,
            column,
            chart: chart.map(str::to_string),
            message,
        }
    }
}

/// Parses manifest text; `path` names it in messages and anchors relative paths.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Chart>, ManifestError> {
    let src = Source {
        text,
        shown: path.display().to_string(),
        kinds: Kind::ALL.iter().map(|&k| (k, k.keys())).collect(),
    };
    let root = DeTable::parse(text).map_err(|e| {
        src.error(
            e.span().unwrap_or(0..0),
            None,
            format!("{}\n  hint: a manifest is TOML: a [defaults] table and [[chart]] tables of key = \"value\" lines", e.message().trim()),
        )
    })?;
    let mut defaults = Vec::new();
    let mut charts = None;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut place = ReportPlace::default();
    let mut colors = Vec::new();
    for (key, value) in root.get_ref() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("report", v) => {
                place = report::read(v, base).map_err(|(at, msg)| {
                    let span = match (at, v) {
                        (Some(k), DeValue::Table(t)) => t
                            .iter()
                            .find(|(key, _)| key.get_ref().as_ref() == k)
                            .map_or(key.span(), |(key, _)| key.span()),
                        _ => value.span(),
                    };
                    src.error(span, None, msg)
                })?;
            }
            ("defaults", DeValue::Table(t)) => defaults = entries(t),
            ("chart", DeValue::Array(a)) => charts = Some(a),
            ("colors", DeValue::Table(t)) => colors = read_colors(&src, t)?,
            ("defaults", _) => return Err(src.error(key.span(), None, "'defaults' must be a table\n  hint: write the defaults under a [defaults] line".into())),
            ("chart", _) => return Err(src.error(key.span(), None, "'chart' must be a list of tables\n  hint: start every chart with a [[chart]] line".into())),
            ("colors", _) => return Err(src.error(key.span(), None, format!("'colors' must be a table\n  {COLORS_HINT}"))),
            (k, _) => return Err(src.error(key.span(), None, format!("unknown key '{k}'\n  hint: a manifest has a [defaults] table, [[chart]] tables and optional [colors] and [report] tables"))),
        }
    }
    check_defaults(&src, &defaults)?;
    let Some(charts) = charts else {
        return Err(src.error(
            0..0,
            None,
            "no charts\n  hint: add a [[chart]] table with name, input, kind and output".into(),
        ));
    };
    let mut out: Vec<Chart> = Vec::new();
    for (i, value) in charts.iter().enumerate() {
        let DeValue::Table(table) = value.get_ref() else {
            return Err(src.error(
                value.span(),
                None,
                format!(
                    "chart {} is not a table\n  hint: start every chart with a [[chart]] line",
                    i + 1
                ),
            ));
        };
        let table = entries(table);
        for (name, ents, defs) in editions_of(&src, &table, &defaults)? {
            let chart = chart(&src, base, (i, value.span()), (&ents, &defs), &colors)?;
            if out.iter().any(|c| c.name == chart.name) {
                let at = find(&table, "name").map_or(value.span(), |e| e.key.span());
                return Err(src.error(
                    at,
                    Some(&name),
                    format!(
                        "the name '{name}' is used twice\n  hint: chart names must be unique (a chart in several languages is named NAME-CODE)"
                    ),
                ));
            }
            out.push(Chart {
                report: place.clone(),
                ..chart
            });
        }
    }
    Ok(out)
}

/// The hint of a `[colors]` table that cannot be read.
const COLORS_HINT: &str = "hint: write a [colors] table of the names of series or categories and their colours, e.g. Production = \"#0072B2\"";

/// The `[colors]` table: each series or category name with its colour, in the order written.
fn read_colors(src: &Source, table: &DeTable) -> Result<Vec<NamedColor>, ManifestError> {
    let mut out = Vec::new();
    for e in entries(table) {
        let name = e.key.get_ref().as_ref();
        let color = match e.value.get_ref() {
            DeValue::String(s) => NamedColor::new(name, s),
            _ => Err(format!("'{name}' must be a colour in quotes")),
        };
        out.push(color.map_err(|m| {
            src.error(
                e.value.span(),
                None,
                format!("[colors]: {m}\n  {COLORS_HINT}"),
            )
        })?);
    }
    Ok(out)
}

/// One chart table and `[defaults]` as each edition of the chart reads them: its name and
/// its entries, with the values given per language resolved (see [`editions`]).
type Edition<'i> = (String, Vec<Entry<'i>>, Vec<Entry<'i>>);

/// The editions of a chart table: one per language of `lang = [...]`, else the chart alone.
fn editions_of<'i>(
    src: &Source,
    table: &[Entry<'i>],
    defaults: &[Entry<'i>],
) -> Result<Vec<Edition<'i>>, ManifestError> {
    let Some(DeValue::String(base)) = find(table, "name").map(|e| e.value.get_ref()) else {
        // No name to call the editions by: `chart` says so.
        return Ok(vec![(String::new(), table.to_vec(), defaults.to_vec())]);
    };
    let langs = editions::languages(src, base, table, defaults)?;
    langs
        .editions()
        .into_iter()
        .map(|lang| {
            let name = editions::edition_name(base, &langs, lang);
            let ents = editions::resolve(src, &name, table, (&langs, lang), Table::Chart)?;
            let defs = editions::resolve(src, &name, defaults, (&langs, lang), Table::Defaults)?;
            Ok((name, ents, defs))
        })
        .collect()
}

fn entries<'i>(table: &DeTable<'i>) -> Vec<Entry<'i>> {
    let mut v: Vec<Entry<'i>> = table
        .iter()
        .map(|(k, v)| Entry {
            key: k.clone(),
            value: v.clone(),
        })
        .collect();
    // In the order written, so the first mistake in the file is the one reported.
    v.sort_by_key(|e| e.key.span().start);
    v
}

fn find<'a, 'i>(entries: &'a [Entry<'i>], key: &str) -> Option<&'a Entry<'i>> {
    entries.iter().find(|e| e.key.get_ref().as_ref() == key)
}

/// Every key of `[defaults]` is an option of some kind, with a value of the right type.
fn check_defaults(src: &Source, defaults: &[Entry]) -> Result<(), ManifestError> {
    for e in defaults {
        let key = e.key.get_ref().as_ref();
        let Some(kind) = src
            .kinds
            .iter()
            .find(|(_, keys)| keys.iter().any(|x| x == key))
            .map(|(k, _)| *k)
        else {
            return Err(src.error(
                e.key.span(),
                None,
                format!(
                    "[defaults]: unknown key '{key}'\n  hint: the keys are: {}",
                    all_keys(src).join(", ")
                ),
            ));
        };
        match (key, e.value.get_ref()) {
            // A list of languages: each chart checks it as it makes its editions.
            ("lang", DeValue::Array(_)) | ("color", _) => check_value(src, None, kind, e)
                .or_else(|err| if key == "lang" { Ok(()) } else { Err(err) })?,
            // Per language: each value alone, under a language code.
            (_, DeValue::Table(t)) if editions::per_language(key, t) => {
                for (code, value) in t {
                    if let Err(m) = code.get_ref().parse::<Lang>() {
                        return Err(src.error(code.span(), None, format!("[defaults]: {key}.{}: {m}\n  hint: a key given per language takes language codes: {key}.en, {key}.ar, ...", code.get_ref())));
                    }
                    let one = Entry {
                        key: e.key.clone(),
                        value: value.clone(),
                    };
                    check_value(src, None, kind, &one)?;
                }
            }
            _ => check_value(src, None, kind, e)?,
        }
    }
    Ok(())
}

/// Every option key of any kind, each once, in declaration order.
fn all_keys(src: &Source) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for k in src.kinds.iter().flat_map(|(_, keys)| keys) {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    keys
}

/// `"bar" or "pie"`, and `kind = "bar" or kind = "pie"`: the kinds a manifest may name.
fn kind_names(src: &Source, prefix: &str) -> String {
    let names: Vec<String> = src
        .kinds
        .iter()
        .map(|(k, _)| format!("{prefix}\"{}\"", k.name()))
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Reads one chart table (merged over the defaults its kind accepts) into a checked job.
fn chart(
    src: &Source,
    base: &Path,
    (index, span): (usize, Range<usize>),
    (entries, defaults): (&[Entry], &[Entry]),
    colors: &[NamedColor],
) -> Result<Chart, ManifestError> {
    let name = match find(entries, "name").map(|e| (e, e.value.get_ref())) {
        Some((_, DeValue::String(s))) => s.to_string(),
        Some((e, _)) => return Err(src.error(e.value.span(), None, format!("chart {}: 'name' must be a string\n  hint: give every chart a unique name = \"...\"", index + 1))),
        None => return Err(src.error(span, None, format!("chart {}: missing key 'name'\n  hint: give every chart a unique name = \"...\"", index + 1))),
    };
    let err = |span: Range<usize>, msg: String| src.error(span, Some(&name), msg);
    let named = |name: &str| src.kinds.iter().find(|(k, _)| k.name() == name);
    let (kind, keys) = match find(entries, "kind") {
        Some(e) => match e.value.get_ref().as_str().and_then(named) {
            Some((kind, keys)) => (*kind, keys),
            None => {
                return Err(err(
                    e.value.span(),
                    format!(
                        "'kind' must be {}\n  hint: write {}",
                        kind_names(src, ""),
                        kind_names(src, "kind = ")
                    ),
                ));
            }
        },
        None => {
            return Err(err(
                span,
                format!(
                    "missing key 'kind'\n  hint: add {}",
                    kind_names(src, "kind = ")
                ),
            ));
        }
    };
    let input = match find(entries, "input").map(|e| (e, e.value.get_ref().as_str())) {
        // Standard input is for one chart from a pipe; a manifest's charts are rebuilt from files.
        Some((e, Some("-"))) => return Err(err(e.value.span(), "input = \"-\" (standard input) cannot be read by a manifest: its charts are rebuilt from files\n  hint: save the data to a file and give its path, or draw from a pipe with `sharechart bar - ...`".into())),
        Some((_, Some(s))) => base.join(s),
        Some((e, None)) => return Err(err(e.value.span(), "'input' must be a file name\n  hint: write input = \"data/FILE.csv\" (relative to the manifest)".into())),
        None => return Err(err(span, "missing key 'input'\n  hint: add input = \"data/FILE.csv\" (relative to the manifest)".into())),
    };
    let outputs = outputs(entries, base).map_err(|at| {
        err(at.unwrap_or(span.clone()), "missing or empty key 'output'\n  hint: write output = [\"output/a.svg\", \"output/a.png\"]".into())
    })?;
    let mut merged = DeTable::new();
    for e in defaults
        .iter()
        .filter(|e| keys.iter().any(|k| k == e.key.get_ref().as_ref()))
    {
        merged.insert(e.key.clone(), e.value.clone());
    }
    for e in entries
        .iter()
        .filter(|e| !ENTRY_KEYS.contains(&e.key.get_ref().as_ref()))
    {
        let key = e.key.get_ref().as_ref();
        if !keys.iter().any(|k| k == key) {
            let msg = if all_keys(src).iter().any(|k| k == key) {
                format!(
                    "'{key}' is not an option of a {} chart\n  hint: a {} chart takes: {}, {}",
                    kind.name(),
                    kind.name(),
                    ENTRY_KEYS.join(", "),
                    keys.join(", ")
                )
            } else {
                format!(
                    "unknown key '{key}'\n  hint: the keys are: {}, {}",
                    ENTRY_KEYS.join(", "),
                    keys.join(", ")
                )
            };
            return Err(err(e.key.span(), msg));
        }
        check_value(src, Some(&name), kind, e)?;
        merged.insert(e.key.clone(), e.value.clone());
    }
    let mut options = read_options(kind, Spanned::new(span.clone(), DeValue::Table(merged)))
        .map_err(|m| err(span.clone(), m))?;
    // Font files are named relative to the manifest, like inputs and outputs.
    for f in &mut options.common_mut().font {
        *f = base.join(&*f);
    }
    // The manifest's colours first: a chart's own `color` comes later and wins.
    options
        .common_mut()
        .color
        .splice(0..0, colors.iter().cloned());
    let job = Job::new(input, options, outputs).map_err(|e| {
        let key = e.key();
        let at = find(entries, key)
            .or_else(|| find(defaults, key))
            .map_or(span.clone(), |e| e.key.span());
        err(at, e.message().render(Voice::Manifest))
    })?;
    Ok(Chart {
        name,
        job,
        report: ReportPlace::default(),
    })
}

/// The output paths, or the span to point at (None: the chart's own) when they are not a
/// non-empty list of file names.
fn outputs(entries: &[Entry], base: &Path) -> Result<Vec<PathBuf>, Option<Range<usize>>> {
    let e = find(entries, "output").ok_or(None)?;
    let bad = || Some(e.value.span());
    match e.value.get_ref() {
        DeValue::String(s) => Ok(vec![base.join(s.as_ref())]),
        DeValue::Array(a) if !a.is_empty() => a
            .iter()
            .map(|v| v.get_ref().as_str().map(|s| base.join(s)).ok_or_else(bad))
            .collect(),
        _ => Err(bad()),
    }
}

/// Checks the type of one option's value by reading it alone, so a mistake points at its key.
fn check_value(
    src: &Source,
    chart: Option<&str>,
    kind: Kind,
    e: &Entry,
) -> Result<(), ManifestError> {
    let mut one = DeTable::new();
    one.insert(e.key.clone(), e.value.clone());
    read_options(kind, Spanned::new(e.value.span(), DeValue::Table(one))).map_err(|m| {
        src.error(
            e.value.span(),
            chart,
            format!("{}{}: {m}\n  hint: chart options take the values of the flags of the same name (see `sharechart {} --help`)", if chart.is_none() { "[defaults]: " } else { "" }, e.key.get_ref(), kind.name()),
        )
    })?;
    Ok(())
}

fn read_options(kind: Kind, table: Spanned<DeValue>) -> Result<ChartOptions, String> {
    kind.deserialize(ValueDeserializer::from(table))
        .map_err(|e| e.message().trim().to_string())
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests;
