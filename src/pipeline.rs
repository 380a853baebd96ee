//! The one path every chart takes: CSV -> table -> dataset -> scene -> SVG -> PNG -> files.
//! Used by the `bar` and `pie` commands and by `build`. A [`Job`] arrives checked, so nothing
//! here validates options again.

use std::path::{Path, PathBuf};

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

/// Lays out the chart of a CSV file (no file is written). The options must be valid
/// ([`ChartOptions::validate`]); a [`Job`] guarantees it.
pub fn scene(input: &Path, options: &ChartOptions) -> anyhow::Result<Scene> {
    let table = data::read(input, options.common().columns.delimiter_byte())?;
    scene_of(&table, options)
}

fn scene_of(table: &data::Table, options: &ChartOptions) -> anyhow::Result<Scene> {
    let ds = dataset::build(
        table,
        &options.common().columns,
        &options.common().legend,
        options.sort(),
    )?;
    let scene = chart::layout(&ds, options)?;
    // Said once the chart is drawn, so that a refused chart gives its error alone.
    for warning in &ds.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(scene)
}

/// Renders every output of a job from the CSV bytes already read. Nothing is written, so a job
/// that fails anywhere leaves every file as it was.
pub fn render_bytes(job: &Job, csv: &[u8]) -> anyhow::Result<Rendered> {
    let common = job.common();
    let table = data::parse(
        &job.input.display().to_string(),
        csv,
        common.columns.delimiter_byte(),
    )?;
    let scene = scene_of(&table, &job.options)?;
    let svg = render::to_svg(&scene);
    let files = job
        .outputs
        .iter()
        .zip(&job.formats)
        .map(|(path, format)| {
            let bytes = match format {
                Format::Svg => svg.clone().into_bytes(),
                Format::Png => render::svg_to_png(&svg, scene.width, scene.height, common.scale)?,
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

/// Renders every output of a job into memory (reads the CSV first).
pub fn render_job(job: &Job) -> anyhow::Result<Rendered> {
    let csv = std::fs::read(&job.input).map_err(|error| crate::error::DataError::Io {
        path: job.input.display().to_string(),
        error,
    })?;
    render_bytes(job, &csv)
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
