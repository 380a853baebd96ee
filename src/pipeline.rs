//! The one path every chart takes: CSV -> table -> dataset -> scene -> SVG -> PNG/PDF -> files.
//! Used by the `bar` and `pie` commands and by `build`. A [`Job`] arrives checked, so nothing
//! here validates options again.

use std::path::{Path, PathBuf};

use crate::fonts::FontSet;
use crate::render;
use crate::scene::Scene;
use crate::spec::{ChartOptions, Job};
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
}

/// Lays out the chart of a CSV file (no file is written). The options must be valid
/// ([`ChartOptions::validate`]); a [`Job`] guarantees it.
pub fn scene(input: &Path, options: &ChartOptions) -> anyhow::Result<Scene> {
    let table = data::read(input, options.common().columns.delimiter_byte())?;
    scene_of(&table, options)
}

fn scene_of(table: &data::Table, options: &ChartOptions) -> anyhow::Result<Scene> {
    Ok(described(table, options)?.0)
}

/// The scene and its alt text.
fn described(table: &data::Table, options: &ChartOptions) -> anyhow::Result<(Scene, String)> {
    let fonts = FontSet::load(&options.common().font)?;
    let ds = dataset::build(
        table,
        &options.common().columns,
        &options.common().legend,
        options.sort(),
    )?;
    // Without a language, the labels' script gives the direction.
    let mut resolved;
    let mut options = options;
    if options.common().columns.lang.is_none() {
        let title = chart::title(&ds, options.common());
        if text::labels_rtl(ds.labels.iter().map(String::as_str), &title) {
            resolved = options.clone();
            resolved.common_mut().text_rtl = true;
            options = &resolved;
        }
    }
    // Text is measured with the chart's fonts, and none of it may lack a glyph.
    let mut scene = fonts.scope(|| chart::layout(&ds, options))?;
    crate::fonts::check::check(&scene, &fonts, table, options)?;
    scene.fonts = fonts;
    let alt = crate::report::alt(&ds, &scene.title, options);
    // Said once the chart is drawn, so that a refused chart gives its error alone.
    for warning in &ds.warnings {
        eprintln!("warning: {warning}");
    }
    Ok((scene, alt))
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
    let (scene, alt) = described(&table, &job.options)?;
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
    Ok(Rendered {
        files,
        title: scene.title,
        desc: scene.desc,
        alt,
        rtl: scene.rtl,
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
