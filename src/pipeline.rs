//! The one path every chart takes: CSV -> table -> dataset -> scene -> SVG -> PNG/PDF -> files.
//! Used by the `bar` and `pie` commands and by `build`. The input `-` is standard input; with
//! `agg` the CSV is streamed into groups instead of read whole. A [`Job`] arrives checked, so
//! nothing here validates options again.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::data::stream::Stream;
use crate::dataset::{Dataset, agg};
use crate::error::DataError;
use crate::fonts::FontSet;
use crate::fonts::check::Source;
use crate::render;
use crate::scene::Scene;
use crate::spec::{BarOptions, ChartOptions, Columns, Common, Job, Order, Sort};
use crate::{chart, data, dataset, output, text};

/// The files of one chart, rendered in memory, with the words the report page needs.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// `(path, bytes)` for every output.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// The chart's title.
    pub title: String,
    /// The chart's summary with its data (the SVG's `<desc>`).
    pub desc: String,
    /// The alt text: the kind of chart, every value, the unit and the source.
    pub alt: String,
    /// Laid out right to left.
    pub rtl: bool,
    /// The drawn size in pixels (a chart without a given height is as tall as its content).
    pub size: (u32, u32),
}

/// The input `-`: standard input.
pub const STDIN: &str = "-";

/// True when `input` is `-` (standard input).
pub fn is_stdin(input: &Path) -> bool {
    input.as_os_str() == STDIN
}

/// The input as messages show it: the path, or `<stdin>`.
pub fn shown(input: &Path) -> String {
    if is_stdin(input) {
        "<stdin>".to_string()
    } else {
        input.display().to_string()
    }
}

/// Opens the input to be streamed: the file, or standard input for `-`.
fn open(input: &Path) -> Result<Box<dyn Read>, DataError> {
    if is_stdin(input) {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let file = std::fs::File::open(input).map_err(|error| DataError::Io {
        path: shown(input),
        error,
    })?;
    Ok(Box::new(file))
}

/// Reads the whole input: the file, or standard input for `-`.
fn read_all(input: &Path) -> Result<Vec<u8>, DataError> {
    let mut bytes = Vec::new();
    open(input)?
        .read_to_end(&mut bytes)
        .map_err(|error| DataError::Io {
            path: shown(input),
            error,
        })?;
    Ok(bytes)
}

/// Lays out the chart of a CSV file (or of standard input for `-`; no file is written). The
/// options must be valid ([`ChartOptions::validate`]); a [`Job`] guarantees it.
pub fn scene(input: &Path, options: &ChartOptions) -> anyhow::Result<Scene> {
    if options.common().columns.agg.is_some() {
        return Ok(aggregated(&shown(input), open(input)?, options)?.0);
    }
    let csv = read_all(input)?;
    let delimiter = options.common().columns.delimiter_byte();
    Ok(described(&data::parse(&shown(input), &csv, delimiter)?, options)?.0)
}

/// The scene of a table read whole, and its alt text.
fn described(table: &data::Table, options: &ChartOptions) -> anyhow::Result<(Scene, String)> {
    let ds = dataset::for_chart(table, options)?;
    let out = laid_out(&ds, Source::Table(table), options)?;
    // Said once the chart is drawn, so that a refused chart gives its error alone.
    for warning in &ds.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(out)
}

/// The scene of a dataset and its alt text: the direction from the labels' script when no
/// language is given, text measured with the chart's fonts, and no character without a glyph.
fn laid_out(
    ds: &Dataset,
    source: Source,
    options: &ChartOptions,
) -> anyhow::Result<(Scene, String)> {
    let fonts = FontSet::load(&options.common().font)?;
    let mut resolved;
    let mut options = options;
    if options.common().columns.lang.is_none() {
        let title = chart::title(ds, options.common());
        if text::labels_rtl(ds.labels.iter().map(String::as_str), &title) {
            resolved = options.clone();
            resolved.common_mut().text_rtl = true;
            options = &resolved;
        }
    }
    let mut scene = fonts.scope(|| chart::layout(ds, options))?;
    crate::fonts::check::check(&scene, &fonts, source, options)?;
    scene.fonts = fonts;
    let alt = crate::report::alt(ds, &scene.title, options);
    Ok((scene, alt))
}

/// Lays out the chart of the groups of a CSV read as a stream (`agg`): the subtitle says what
/// was computed unless one is given; empty cells left out are noted once on stderr.
fn aggregated(
    path: &str,
    input: Box<dyn Read + '_>,
    options: &ChartOptions,
) -> anyhow::Result<(Scene, String)> {
    let common = options.common();
    let groups = grouped(path, input, options)?;
    if common.subtitle.is_some() {
        return laid_out(&groups.dataset, Source::Stream(path), options);
    }
    let mut options = options.clone();
    options.common_mut().subtitle = Some(groups.subtitle);
    laid_out(&groups.dataset, Source::Stream(path), &options)
}

/// The records of `input` grouped as `options` ask (`agg` must be set), with a note on stderr
/// for the empty cells left out.
fn grouped(
    path: &str,
    input: Box<dyn Read + '_>,
    options: &ChartOptions,
) -> anyhow::Result<agg::Aggregated> {
    let common = options.common();
    let mut stream = Stream::open(path, input, common.columns.delimiter_byte())?;
    let groups = agg::aggregate(&mut stream, options)?;
    if let (Some((count, column)), Some(how)) = (&groups.skipped, common.columns.agg) {
        let cells = if *count == 1 { "cell" } else { "cells" };
        eprintln!(
            "note: {path}: skipped {count} empty {cells} in column '{column}' ({} leaves them out)",
            common.voice().set("agg", how.name())
        );
    }
    Ok(groups)
}

/// The dataset `preview` draws in the terminal: the table read whole, or with `agg` its records
/// grouped, from a file or standard input; at most as many rows as horizontal bars with `top`.
/// Its warnings are printed, as a chart's are.
pub fn preview_dataset(
    input: &Path,
    columns: &Columns,
    sort: Option<Sort>,
) -> anyhow::Result<Dataset> {
    let path = shown(input);
    let mut ds = if columns.agg.is_some() {
        let options = ChartOptions::Bar(BarOptions {
            common: Common {
                columns: columns.clone(),
                ..Common::default()
            },
            order: Order { sort },
            ..BarOptions::default()
        });
        grouped(&path, open(input)?, &options)?.dataset
    } else {
        let table = data::parse(&path, &read_all(input)?, columns.delimiter_byte())?;
        dataset::build(&table, columns, &[], sort)?
    };
    if columns.top.is_some() {
        // The terminal shows as many rows as a horizontal bar chart.
        crate::limits::fit(&mut ds, crate::limits::HORIZONTAL_BARS, columns)?;
    }
    for warning in &ds.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(ds)
}

/// Renders every output of a job from the CSV bytes already read. Nothing is written, so a job
/// that fails anywhere leaves every file as it was.
pub fn render_bytes(job: &Job, csv: &[u8]) -> anyhow::Result<Rendered> {
    let path = shown(&job.input);
    let (scene, alt) = if job.common().columns.agg.is_some() {
        aggregated(&path, Box::new(csv), &job.options)?
    } else {
        let delimiter = job.common().columns.delimiter_byte();
        described(&data::parse(&path, csv, delimiter)?, &job.options)?
    };
    render_scene(job, scene, alt)
}

/// Renders every output of a laid-out chart.
fn render_scene(job: &Job, scene: Scene, alt: String) -> anyhow::Result<Rendered> {
    let common = job.common();
    let svg = render::to_svg(&scene);
    let bytes = render::render_all(
        &scene,
        &svg,
        &job.formats,
        common.scale,
        common.svg_text,
        &alt,
    )?;
    let files = job.outputs.iter().cloned().zip(bytes).collect();
    let size = (scene.width, scene.height);
    Ok(Rendered {
        files,
        title: scene.title,
        desc: scene.desc,
        alt,
        rtl: scene.rtl,
        size,
    })
}

/// Renders every output of a job into memory. With `agg` the input is streamed, else read
/// whole first (a file, or standard input for `-`).
pub fn render_job(job: &Job) -> anyhow::Result<Rendered> {
    if job.common().columns.agg.is_some() {
        let (scene, alt) = aggregated(&shown(&job.input), open(&job.input)?, &job.options)?;
        return render_scene(job, scene, alt);
    }
    render_bytes(job, &read_all(&job.input)?)
}

/// Renders a job and writes its files atomically.
pub fn run_job(job: &Job) -> anyhow::Result<()> {
    let (stdout, files): (Vec<_>, Vec<_>) = render_job(job)?
        .files
        .into_iter()
        .partition(|(p, _)| p.as_os_str() == "-");
    output::write_all_atomic(&files)?;
    for (_, bytes) in stdout {
        output::write_stdout(&bytes)?;
    }
    Ok(())
}
