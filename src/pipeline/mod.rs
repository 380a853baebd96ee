//! The one path every chart takes: records -> dataset -> context -> scene -> SVG -> PNG/PDF ->
//! files. Used by the `bar` and `pie` commands and by `build`. The input `-` is standard input.
//! A [`Job`] arrives checked, so nothing here validates options again.
//!
//! Nothing here prints: what the user should know about a chart that was drawn comes back as
//! [`Notice`]s with the result, and errors as an [`Error`] whose message names options by key;
//! the front end words both in its voice and prints them (`build` in manifest order).

mod coverage;
mod error;
mod job;

use std::path::{Path, PathBuf};

use crate::dataset::{self, Dataset, DatasetError, Input, Shape};
use crate::fonts::Fonts;
use crate::kinds::ChartOptions;
use crate::kinds::bar::HORIZONTAL_BARS;
use crate::layout::{self, Context};
use crate::locale::Locale;
use crate::options::{DataOptions, Message, Sort};
use crate::scene::Scene;
use crate::table::TableError;
use crate::{output, render};
use coverage::Source;
pub use error::Error;
pub use job::{Job, JobError};

/// Something the user should know about a chart that was drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Information ("skipped 3 empty cells").
    Note(Message),
    /// Something drawn other than the data might suggest (missing values drawn as gaps).
    Warning(Message),
}

impl Notice {
    /// `note` or `warning`, and the message worded by `voice`.
    pub fn words(&self, voice: crate::options::Voice) -> (&'static str, String) {
        match self {
            Notice::Note(m) => ("note", m.render(voice)),
            Notice::Warning(m) => ("warning", m.render(voice)),
        }
    }

    /// `note: ...` or `warning: ...`, worded by `voice`.
    pub fn render(&self, voice: crate::options::Voice) -> String {
        let (what, message) = self.words(voice);
        format!("{what}: {message}")
    }
}

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
    /// The data drawn, as CSV text.
    pub data: String,
    /// Laid out right to left.
    pub rtl: bool,
    /// The chart's language tag (`ar`, `en`, `und-Arab`).
    pub lang: String,
    /// The drawn size in pixels (a chart without a given height is as tall as its content).
    pub size: (u32, u32),
    /// What the user should know, in order.
    pub notices: Vec<Notice>,
}

/// A chart laid out: its scene, its alt text, its data, and what the user should know.
#[derive(Debug, Clone)]
pub struct Laid {
    /// The scene.
    pub scene: Scene,
    /// The alt text.
    pub alt: String,
    /// The data drawn, as CSV text ([`layout::data::csv`]).
    pub data: String,
    /// Notes and warnings, in order.
    pub notices: Vec<Notice>,
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

/// Opens the input to be read: the file, or standard input for `-`.
fn open(input: &Path) -> Result<Input<'static>, Error> {
    if is_stdin(input) {
        return Ok(Input::Reader(Box::new(std::io::stdin().lock())));
    }
    let file = std::fs::File::open(input).map_err(|error| {
        dataset::DatasetError::Table(TableError::Io {
            path: shown(input),
            error,
        })
    })?;
    Ok(Input::Reader(Box::new(file)))
}

/// Lays out the chart of `input` (shown as `path`): the dataset, the chart's context (its
/// direction, language and fonts), the kind's layout, no character without a glyph, the alt
/// text. The options must be valid ([`ChartOptions::validate`]); a [`Job`] guarantees it.
pub fn lay_out(
    path: &str,
    input: Input,
    options: &ChartOptions,
    fonts: &Fonts,
) -> Result<Laid, Error> {
    let common = options.common();
    let locale = Locale::of_chart(common.data.lang.as_ref());
    let shape = Shape {
        legend: &common.legend,
        order: options.sort(),
        locale,
        most: Some(options.most_categories()),
        parts: matches!(options.whole(), crate::layout::alt::Whole::One(_)),
        watch: &common.highlight,
        values: options.needs_values(),
    };
    let loaded = dataset::load(path, input, &common.data, shape).map_err(|e| match e {
        DatasetError::TooMany(t) => Error::Kind(options.too_many(&t)),
        e => Error::Dataset(e),
    })?;
    let ds = &loaded.dataset;
    // A highlighted category that `top` folded away is refused, not drawn without it.
    layout::paint::check_kept(ds, &loaded.folded, common.data.top)
        .map_err(|m| Error::Kind(m.into()))?;
    let set = fonts.set(&common.font)?;
    // The first rows, where a kind can point at the cell behind a label (a map's country).
    let cx = Context::resolve(ds, common, &set, loaded.computed, loaded.note)
        .with_table(Some(&loaded.sample));
    let mut scene = options.layout(ds, &cx)?;
    if let Some(m) = scene.crowded.take() {
        return Err(crate::kinds::KindError(m).into());
    }
    let source = Source {
        table: &loaded.sample,
        whole: loaded.whole,
    };
    coverage::check(&scene, &set, source, options).map_err(Error::Glyph)?;
    // The SVG's description is the alt text every other output carries.
    let alt = scene.desc.clone();
    let drawn = options.drawn(ds)?;
    let data = layout::data::csv(drawn, options.whole(), &cx);
    // Said once the chart is drawn, so that a refused chart gives its error alone: the data's
    // notes and warnings, what would read better, and colours given that some reader cannot
    // see or tell apart.
    let notices = (loaded.notes.into_iter().map(Notice::Note))
        .chain(
            ds.warnings
                .iter()
                .map(|w| Notice::Warning(w.as_str().into())),
        )
        .chain(options.advice(ds).into_iter().map(Notice::Warning))
        .chain(
            layout::color::check_given(&scene, &common.color)
                .into_iter()
                .map(Notice::Warning),
        )
        .collect();
    Ok(Laid {
        scene,
        alt,
        data,
        notices,
    })
}

/// Lays out the chart of a CSV file (or of standard input for `-`; no file is written).
pub fn scene(input: &Path, options: &ChartOptions, fonts: &Fonts) -> Result<Scene, Error> {
    Ok(lay_out(&shown(input), open(input)?, options, fonts)?.scene)
}

/// The dataset `preview` draws in the terminal: the table read whole, or with `agg` its records
/// grouped, from a file or standard input; at most as many rows as horizontal bars with `top`.
pub fn preview_dataset(
    input: &Path,
    data: &DataOptions,
    sort: Option<Sort>,
) -> Result<(Dataset, Vec<Notice>), Error> {
    let path = shown(input);
    let locale = Locale::of_chart(data.lang.as_ref());
    let shape = Shape {
        legend: &[],
        order: sort,
        locale,
        most: None,
        parts: false,
        watch: &[],
        values: true,
    };
    let loaded = dataset::load(&path, open(input)?, data, shape)?;
    let ds = loaded.dataset;
    if data.top.is_some() {
        // The terminal shows as many rows as a horizontal bar chart.
        crate::kinds::limits::fit(&ds, HORIZONTAL_BARS)?;
    }
    // What `top` left out, which a chart says in its note line.
    let note = loaded
        .note
        .map(|n| Notice::Note(format!("{path}: {n}").into()));
    let notices = (loaded.notes.into_iter().map(Notice::Note))
        .chain(note)
        .chain(
            ds.warnings
                .iter()
                .map(|w| Notice::Warning(w.as_str().into())),
        )
        .collect();
    Ok((ds, notices))
}

/// Renders every output of a job from the CSV bytes already read. Nothing is written, so a job
/// that fails anywhere leaves every file as it was.
pub fn render_bytes(job: &Job, csv: &[u8], fonts: &Fonts) -> Result<Rendered, Error> {
    let laid = lay_out(&shown(&job.input), Input::Bytes(csv), &job.options, fonts)?;
    render_laid(job, laid)
}

/// Renders every output of a laid-out chart.
fn render_laid(job: &Job, laid: Laid) -> Result<Rendered, Error> {
    let common = job.common();
    let Laid {
        scene,
        alt,
        data,
        notices,
    } = laid;
    let svg = render::to_svg(&scene);
    let bytes = render::render_all(
        &scene,
        &svg,
        &job.formats,
        common.scale,
        common.svg_text,
        &alt,
    )
    .map_err(Error::Render)?;
    let files = job.outputs.iter().cloned().zip(bytes).collect();
    let size = (scene.width, scene.height);
    Ok(Rendered {
        files,
        title: scene.title,
        desc: scene.desc,
        alt,
        data,
        rtl: scene.rtl,
        lang: scene.lang,
        size,
        notices,
    })
}

/// Renders every output of a job into memory, reading its input (a file, or standard input
/// for `-`).
pub fn render_job(job: &Job, fonts: &Fonts) -> Result<Rendered, Error> {
    let laid = lay_out(&shown(&job.input), open(&job.input)?, &job.options, fonts)?;
    render_laid(job, laid)
}

/// Renders a job and writes its files atomically; returns what the user should know.
pub fn run_job(job: &Job, fonts: &Fonts) -> Result<Vec<Notice>, Error> {
    let rendered = render_job(job, fonts)?;
    let (stdout, files): (Vec<_>, Vec<_>) = rendered
        .files
        .into_iter()
        .partition(|(p, _)| p.as_os_str() == "-");
    output::write_all_atomic(&files).map_err(Error::Output)?;
    for (_, bytes) in stdout {
        output::write_stdout(&bytes).map_err(Error::Output)?;
    }
    Ok(rendered.notices)
}
