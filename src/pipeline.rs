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

/// Lays out the chart of a job (no file is written).
pub fn scene(input: &Path, kind: Kind, spec: &ChartSpec) -> anyhow::Result<Scene> {
    spec.validate()?;
    let table = data::read(input, spec.delimiter_byte())?;
    let ds = dataset::build(&table, spec)?;
    chart::layout(&ds, spec, kind)
}

/// Renders every output of a job into memory: `(path, bytes)` pairs. Nothing is written, so a
/// job that fails anywhere leaves every file as it was.
pub fn render_job(job: &Job) -> anyhow::Result<Vec<(PathBuf, Vec<u8>)>> {
    let formats: Vec<Format> = job
        .outputs
        .iter()
        .map(|p| Format::from_path(p))
        .collect::<Result<_, _>>()?;
    let scene = scene(&job.input, job.kind, &job.spec)?;
    let svg = render::to_svg(&scene);
    job.outputs
        .iter()
        .zip(formats)
        .map(|(path, format)| {
            let bytes = match format {
                Format::Svg => svg.clone().into_bytes(),
                Format::Png => render::svg_to_png(&svg, scene.width, scene.height, job.spec.scale)?,
            };
            Ok((path.clone(), bytes))
        })
        .collect()
}

/// Renders a job and writes its files atomically.
pub fn run_job(job: &Job) -> anyhow::Result<()> {
    for (path, bytes) in render_job(job)? {
        output::write_atomic(&path, &bytes)?;
    }
    Ok(())
}
