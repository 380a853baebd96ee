//! The one path every chart takes: CSV -> table -> dataset -> scene -> SVG -> PNG -> files.
//! Used by the `bar` and `pie` commands and by `build`. The input `-` is standard input; with
//! `agg` the CSV is streamed into groups instead of read whole. A [`Job`] arrives checked, so nothing
//! here validates options again.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::data::stream::Stream;
use crate::dataset::agg;
use crate::error::DataError;
use crate::render::{self, Format};
use crate::scene::Scene;
use crate::spec::{ChartOptions, Job};
use crate::{chart, data, dataset, output};

/// The files of one chart, rendered in memory, with the words the report page needs.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// `(path, bytes)` for every output.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// The chart's title.
    pub title: String,
    /// The chart's summary with its data.
    pub desc: String,
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
    if options.common().agg.is_some() {
        return aggregated(&shown(input), open(input)?, options);
    }
    let csv = read_all(input)?;
    let delimiter = options.common().columns.delimiter_byte();
    scene_of(&data::parse(&shown(input), &csv, delimiter)?, options)
}

fn scene_of(table: &data::Table, options: &ChartOptions) -> anyhow::Result<Scene> {
    let ds = dataset::build(
        table,
        &options.common().columns,
        &options.common().legend,
        options.sort(),
    )?;
    chart::layout(&ds, options)
}

/// Lays out the chart of the groups of a CSV read as a stream (`agg`): the subtitle says what
/// was computed unless one is given; empty cells left out are noted once on stderr.
fn aggregated(
    path: &str,
    input: Box<dyn Read + '_>,
    options: &ChartOptions,
) -> anyhow::Result<Scene> {
    let common = options.common();
    let mut stream = Stream::open(path, input, common.columns.delimiter_byte())?;
    let groups = agg::aggregate(&mut stream, options)?;
    if let (Some((count, column)), Some(how)) = (&groups.skipped, common.agg) {
        let cells = if *count == 1 { "cell" } else { "cells" };
        eprintln!(
            "note: {path}: skipped {count} empty {cells} in column '{column}' ({} leaves them out)",
            common.voice().set("agg", how.name())
        );
    }
    if common.subtitle.is_some() {
        return chart::layout(&groups.dataset, options);
    }
    let mut options = options.clone();
    options.common_mut().subtitle = Some(groups.subtitle);
    chart::layout(&groups.dataset, &options)
}

/// Renders every output of a job from the CSV bytes already read. Nothing is written, so a job
/// that fails anywhere leaves every file as it was.
pub fn render_bytes(job: &Job, csv: &[u8]) -> anyhow::Result<Rendered> {
    let path = shown(&job.input);
    let scene = if job.common().agg.is_some() {
        aggregated(&path, Box::new(csv), &job.options)?
    } else {
        let delimiter = job.common().columns.delimiter_byte();
        scene_of(&data::parse(&path, csv, delimiter)?, &job.options)?
    };
    render_scene(job, scene)
}

/// Renders every output of a laid-out chart.
fn render_scene(job: &Job, scene: Scene) -> anyhow::Result<Rendered> {
    let svg = render::to_svg(&scene);
    let files = job
        .outputs
        .iter()
        .zip(&job.formats)
        .map(|(path, format)| {
            let bytes = match format {
                Format::Svg => svg.clone().into_bytes(),
                Format::Png => {
                    render::svg_to_png(&svg, scene.width, scene.height, job.common().scale)?
                }
            };
            Ok((path.clone(), bytes))
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(Rendered {
        files,
        title: scene.title,
        desc: scene.desc,
    })
}

/// Renders every output of a job into memory. With `agg` the input is streamed, else read
/// whole first (a file, or standard input for `-`).
pub fn render_job(job: &Job) -> anyhow::Result<Rendered> {
    if job.common().agg.is_some() {
        let scene = aggregated(&shown(&job.input), open(&job.input)?, &job.options)?;
        return render_scene(job, scene);
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
