//! The one path every chart takes: CSV -> table -> dataset -> scene -> SVG -> PNG -> files.
//! Used by the `bar` and `pie` commands and by `build`.

use std::path::{Path, PathBuf};

use crate::render::{self, Format};
use crate::scene::Scene;
use crate::spec::{ChartSpec, Kind};
use crate::{chart, data, dataset, output};

/// One chart to make: an input, a kind, the options, and one or more output files.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The CSV file.
    pub input: PathBuf,
    /// Bar or pie.
    pub kind: Kind,
    /// How it looks.
    pub spec: ChartSpec,
    /// Output files; the format of each comes from its extension.
    pub outputs: Vec<PathBuf>,
}

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

/// Lays out the chart of a job (no file is written).
pub fn scene(input: &Path, kind: Kind, spec: &ChartSpec) -> anyhow::Result<Scene> {
    spec.validate()?;
    let table = data::read(input, spec.delimiter_byte())?;
    scene_of(&table, kind, spec)
}

fn scene_of(table: &data::Table, kind: Kind, spec: &ChartSpec) -> anyhow::Result<Scene> {
    spec.validate()?;
    let ds = dataset::build(table, spec)?;
    chart::layout(&ds, spec, kind)
}

/// Renders every output of a job from the CSV bytes already read. Nothing is written, so a job
/// that fails anywhere leaves every file as it was.
pub fn render_bytes(job: &Job, csv: &[u8]) -> anyhow::Result<Rendered> {
    let formats: Vec<Format> = job
        .outputs
        .iter()
        .map(|p| Format::from_path(p))
        .collect::<Result<_, _>>()?;
    job.spec.validate()?;
    if formats.contains(&Format::Png) {
        job.spec.validate_png()?;
    }
    let table = data::parse(
        &job.input.display().to_string(),
        csv,
        job.spec.delimiter_byte(),
    )?;
    let scene = scene_of(&table, job.kind, &job.spec)?;
    let svg = render::to_svg(&scene);
    let files = job
        .outputs
        .iter()
        .zip(formats)
        .map(|(path, format)| {
            let bytes = match format {
                Format::Svg => svg.clone().into_bytes(),
                Format::Png => render::svg_to_png(&svg, scene.width, scene.height, job.spec.scale)?,
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
    // Check the outputs before reading anything, so those errors come first.
    for p in &job.outputs {
        if p.is_dir() {
            return Err(crate::output::folder_error(p));
        }
        Format::from_path(p)?;
    }
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
        crate::app::write_stdout(&bytes)?;
    }
    Ok(())
}
