//! `sharechart build`: renders every chart of a manifest, in parallel, skipping charts whose
//! inputs are unchanged. A front end: its charts' messages are worded as the manifest's keys
//! (`top = 7`), and printed in manifest order, each with its chart's name.
//!
//! A chart is up to date when the hash of its CSV bytes, its settings, its output paths and the
//! sharechart version matches the one recorded in the state file, and each output still exists
//! with the recorded size. Content hashes, not file times: a git checkout resets the times.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use std::sync::Arc;

use crate::fonts::{Fonts, Library};
use crate::manifest::Chart;
use crate::options::Voice;
use crate::pipeline::{self, Notice};
use crate::state::{Entry, Output, State};

/// Options of `build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Threads (0: all cores).
    pub jobs: usize,
    /// Compare with the files on disk instead of writing.
    pub check: bool,
    /// Render every chart, even those that are up to date.
    pub force: bool,
    /// Show a progress line on stderr.
    pub progress: bool,
}

/// What happened to one chart.
#[derive(Debug)]
pub enum Outcome {
    /// Rendered (and written, unless checking), with what the user should know.
    Rendered(Vec<Notice>),
    /// Skipped: inputs unchanged.
    UpToDate,
    /// Failed with this message.
    Failed(String),
}

/// What a build did, chart by chart, in manifest order.
#[derive(Debug, Default)]
pub struct Report {
    /// Chart name and outcome.
    pub charts: Vec<(String, Outcome)>,
    /// With `check`: files that differ from what the data gives, or are missing.
    pub stale: Vec<PathBuf>,
    /// Files written.
    pub files: usize,
    /// Wall time.
    pub millis: f64,
    /// Why the report page was not written, if it was refused or failed.
    pub page_error: Option<String>,
    /// Temporary files a killed build had left beside the outputs, removed.
    pub swept: Vec<PathBuf>,
}

impl Report {
    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.charts.iter().filter(|(_, o)| f(o)).count()
    }
    /// Charts rendered.
    pub fn rendered(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Rendered(_)))
    }
    /// Charts skipped as up to date.
    pub fn up_to_date(&self) -> usize {
        self.count(|o| matches!(o, Outcome::UpToDate))
    }
    /// Charts that failed.
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed(_)))
    }
    /// Prints, chart by chart in manifest order, the notes and warnings of the charts rendered
    /// and the errors of those that failed (`kept`: add that a failed chart keeps its files).
    pub fn print_charts(&self, kept: bool) {
        if let (Some(first), n) = (self.swept.first(), self.swept.len()) {
            let (files, them) = if n == 1 {
                ("file", "it")
            } else {
                ("files", "them")
            };
            eprintln!(
                "note: removed {n} temporary {files} that an interrupted build left ({}{}); a build that is killed cannot remove {them} itself",
                first.display(),
                if n > 1 { ", ..." } else { "" },
            );
        }
        for (name, outcome) in &self.charts {
            match outcome {
                Outcome::Rendered(notices) => {
                    for n in notices {
                        let (what, message) = n.words(Voice::Manifest);
                        eprintln!("{what}: chart '{name}': {message}");
                    }
                }
                Outcome::Failed(e) if kept => {
                    eprintln!("error: chart '{name}': {e}\n  (its previous files are kept)")
                }
                Outcome::Failed(e) => eprintln!("error: chart '{name}': {e}"),
                Outcome::UpToDate => {}
            }
        }
    }

    /// The one-line summary printed at the end.
    pub fn summary(&self) -> String {
        format!(
            "{} charts: {} rendered, {} up to date, {} failed ({:.0} ms)",
            self.charts.len(),
            self.rendered(),
            self.up_to_date(),
            self.failed(),
            self.millis
        )
    }
}

/// The content key of a chart: CSV bytes, settings, outputs, and the sharechart version and
/// build (a hash of its sources, so a changed renderer re-renders).
fn key(chart: &Chart, csv: &[u8]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(env!("SHARECHART_BUILD_ID").as_bytes());
    h.update(&[0]);
    // Every option with its kind, fields in declaration order (`Debug` cannot fail, unlike a
    // serialiser, and is as stable as the struct).
    h.update(format!("{:?}", chart.job.options).as_bytes());
    for o in &chart.job.outputs {
        h.update(&[0]);
        h.update(o.to_string_lossy().as_bytes());
    }
    // The bytes of the user's fonts: a changed font re-renders (a missing one hashes as empty,
    // and the render then says why).
    for f in &chart.job.common().font {
        h.update(&[2]);
        h.update(&std::fs::read(f).unwrap_or_default());
    }
    h.update(&[1]);
    h.update(csv);
    h.finalize().to_hex().to_string()
}

/// The data CSV of a chart: `NAME.data.csv` beside its first output (none for a chart whose
/// only output is standard output).
pub fn data_path(chart: &Chart) -> Option<PathBuf> {
    let first = chart.job.outputs.first()?;
    if first.as_os_str() == "-" {
        return None;
    }
    let dir = first.parent().unwrap_or(Path::new(""));
    let name: String = chart
        .name
        .chars()
        .map(|c| if matches!(c, '/' | '\\') { '-' } else { c })
        .collect();
    Some(dir.join(format!("{name}.data.csv")))
}

/// True when `a` and `b` name the same file (compared canonically when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Where the state file of a manifest lives: beside the first chart's outputs.
pub fn state_path(charts: &[Chart]) -> Option<PathBuf> {
    let first = charts.first()?.job.outputs.first()?;
    let dir = first.parent().unwrap_or(Path::new(""));
    Some(dir.join(".sharechart-state"))
}

/// Renders the charts of a manifest with the run's embedded fonts. One failed chart does not
/// stop the others. The build's fonts (user font files, measured widths) are its own.
pub fn build(charts: &[Chart], opts: &BuildOptions, library: &Arc<Library>) -> Report {
    let start = Instant::now();
    let fonts = Fonts::new(Arc::clone(library));
    let state_file = state_path(charts);
    let old = match (&state_file, opts.force || opts.check) {
        (Some(p), false) => State::load(p),
        _ => State::default(),
    };
    let swept = if opts.check {
        Vec::new()
    } else {
        sweep(charts)
    };
    let threads = if opts.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.jobs
    }
    .clamp(1, charts.len().max(1));
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    type Slot = Option<(Outcome, Option<Entry>, Vec<PathBuf>, usize)>;
    let results: Mutex<Vec<Slot>> = Mutex::new((0..charts.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(chart) = charts.get(i) else { break };
                    let r = build_one(chart, &old, opts, &fonts);
                    if let Ok(mut v) = results.lock() {
                        v[i] = Some(r);
                    }
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if opts.progress {
                        eprint!("\r[{n}/{}] {}\x1b[K", charts.len(), chart.name);
                    }
                }
            });
        }
    });
    if opts.progress {
        eprint!("\r\x1b[K");
    }
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut report = Report {
        swept,
        ..Report::default()
    };
    let mut new_state = State::default();
    for (chart, slot) in charts.iter().zip(results) {
        let (outcome, entry, stale, files) =
            slot.unwrap_or((Outcome::Failed("not run".into()), None, Vec::new(), 0));
        report.stale.extend(stale);
        report.files += files;
        if let Some(e) = entry {
            new_state.charts.push(e);
        } else if let Some(e) = old.get(&chart.name) {
            // A failed chart keeps its last good files, so keep their record too.
            new_state.charts.push(e.clone());
        }
        report.charts.push((chart.name.clone(), outcome));
    }
    if !opts.check
        && let Some(p) = &state_file
    {
        if let Err(e) = new_state.save(p) {
            eprintln!(
                "warning: {}: cannot save the build state: {e:#}",
                p.display()
            );
        }
        let dir = p.parent().unwrap_or(Path::new(""));
        if let Some(page) = crate::report::place(charts, dir)
            && let Err(e) = crate::report::write(&page, charts, &new_state)
        {
            report.page_error = Some(format!("the report page: {e:#}"));
        }
    }
    report.millis = start.elapsed().as_secs_f64() * 1e3;
    report
}

/// Removes the temporaries a killed build left in the charts' output folders (each folder
/// once).
fn sweep(charts: &[Chart]) -> Vec<PathBuf> {
    let mut dirs: Vec<&Path> = charts
        .iter()
        .flat_map(|c| &c.job.outputs)
        .filter(|o| o.as_os_str() != "-")
        .map(|o| o.parent().unwrap_or(Path::new("")))
        .collect();
    dirs.sort();
    dirs.dedup();
    dirs.into_iter()
        .flat_map(|d| crate::output::sweep_stale(d, crate::output::STALE_AGE))
        .collect()
}

/// Builds one chart: `(outcome, state entry, stale files, files written)`.
fn build_one(
    chart: &Chart,
    old: &State,
    opts: &BuildOptions,
    fonts: &Fonts,
) -> (Outcome, Option<Entry>, Vec<PathBuf>, usize) {
    let csv = match std::fs::read(&chart.job.input) {
        Ok(b) => b,
        Err(e) => {
            let msg = format!(
                "{}: cannot read the file: {e}\n  hint: check the chart's input path in the manifest",
                chart.job.input.display()
            );
            return (Outcome::Failed(msg), None, Vec::new(), 0);
        }
    };
    let key = key(chart, &csv);
    if !opts.force
        && !opts.check
        && let Some(e) = old.get(&chart.name)
    {
        let data = usize::from(data_path(chart).is_some());
        let fresh = e.key == key
            && e.outputs.len() == chart.job.outputs.len() + data
            && e.outputs
                .iter()
                .all(|o| std::fs::metadata(&o.path).is_ok_and(|m| m.len() == o.size));
        if fresh {
            return (Outcome::UpToDate, Some(e.clone()), Vec::new(), 0);
        }
    }
    let mut rendered = match pipeline::render_bytes(&chart.job, &csv, fonts) {
        Ok(r) => r,
        Err(e) => {
            let message = e.message().render(Voice::Manifest);
            return (Outcome::Failed(message), None, Vec::new(), 0);
        }
    };
    // The data behind the chart, beside its files (never over its own input).
    if let Some(path) = data_path(chart) {
        if same_file(&path, &chart.job.input) {
            let msg = format!(
                "{}: the chart's data CSV would replace its input\n  hint: give the chart another name, or its outputs another folder",
                path.display()
            );
            return (Outcome::Failed(msg), None, Vec::new(), 0);
        }
        let data = std::mem::take(&mut rendered.data).into_bytes();
        rendered.files.push((path, data));
    }
    let mut stale = Vec::new();
    let mut written = 0;
    if opts.check {
        for (path, bytes) in &rendered.files {
            if std::fs::read(path).ok().as_deref() != Some(bytes.as_slice()) {
                stale.push(path.clone());
            }
        }
    } else if let Err(e) = crate::output::write_all_atomic(&rendered.files) {
        return (Outcome::Failed(format!("{e:#}")), None, stale, 0);
    } else {
        written = rendered.files.len();
    }
    let entry = Entry {
        name: chart.name.clone(),
        key,
        title: rendered.title,
        desc: rendered.desc,
        alt: rendered.alt,
        rtl: rendered.rtl,
        lang: rendered.lang,
        size: rendered.size,
        outputs: rendered
            .files
            .iter()
            .map(|(p, b)| Output {
                path: p.clone(),
                size: b.len() as u64,
            })
            .collect(),
    };
    (
        Outcome::Rendered(rendered.notices),
        Some(entry),
        stale,
        written,
    )
}
