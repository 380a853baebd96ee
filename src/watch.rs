//! `sharechart watch`: build once, then rebuild whenever a chart's CSV or the manifest changes.
//!
//! The folders that hold the manifest and the CSVs are watched (not the files), so an editor's
//! atomic save (write a temporary file, rename it over the CSV) and a file deleted and created
//! again are both seen. Events are debounced for 100 ms; each rebuild is the incremental `build`,
//! so only the charts whose inputs changed are rendered, and a chart whose CSV is broken keeps its
//! last good files until the CSV is fixed. Ctrl-C stops after the build in progress.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use std::sync::Arc;

use crate::batch::{self, BuildOptions};
use crate::fonts::Library;
use crate::manifest::{self, Chart};

enum Msg {
    Fs(DebounceEventResult),
    Stop,
}

/// An absolute form of `p` that does not need `p` itself to exist (it may be mid-save).
fn absolute(p: &Path) -> PathBuf {
    let parent = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = parent
        .canonicalize()
        .unwrap_or_else(|_| parent.to_path_buf());
    match p.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    }
}

/// Runs a build (with fonts of its own on the run's `library`) and prints what happened, as
/// `build` does.
fn rebuild(charts: &[Chart], opts: &BuildOptions, library: &Arc<Library>) {
    let report = batch::build(charts, opts, library);
    report.print_charts(true);
    if let Some(e) = &report.page_error {
        eprintln!("error: {e}");
    }
    eprintln!("{}", report.summary());
}

fn load(path: &Path) -> Option<Vec<Chart>> {
    match manifest::load(path) {
        Ok(c) => Some(c),
        Err(e) => {
            eprintln!("error: {e:#}\n  (watching for a fix)");
            None
        }
    }
}

/// The files whose change triggers a rebuild, and the folders to watch for them.
fn watched(manifest: &Path, charts: &[Chart]) -> (BTreeSet<PathBuf>, BTreeSet<PathBuf>) {
    let mut files: BTreeSet<PathBuf> = charts.iter().map(|c| absolute(&c.job.input)).collect();
    files.insert(absolute(manifest));
    let dirs = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    (files, dirs)
}

/// Watches until Ctrl-C. Fails only if the watcher cannot start.
pub fn watch(manifest: &Path, opts: &BuildOptions, library: &Arc<Library>) -> anyhow::Result<()> {
    let opts = BuildOptions {
        check: false,
        progress: false,
        ..opts.clone()
    };
    let mut charts = load(manifest).unwrap_or_default();
    rebuild(&charts, &opts, library);

    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    })
    .context("cannot handle Ctrl-C")?;
    let mut debouncer = new_debouncer(Duration::from_millis(100), move |r| {
        let _ = tx.send(Msg::Fs(r));
    })
    .context("cannot start the file watcher")?;
    let (mut files, mut dirs) = watched(manifest, &charts);
    for d in &dirs {
        debouncer
            .watcher()
            .watch(d, RecursiveMode::NonRecursive)
            .with_context(|| format!("{}: cannot watch this folder", d.display()))?;
    }
    eprintln!(
        "watching {} files in {} folders; Ctrl-C to stop",
        files.len(),
        dirs.len()
    );
    let manifest_abs = absolute(manifest);
    while let Ok(msg) = rx.recv() {
        let mut changed: BTreeSet<PathBuf> = BTreeSet::new();
        let mut stop = false;
        // Take every message already queued: one rebuild for a burst of saves.
        for m in std::iter::once(msg).chain(rx.try_iter()) {
            match m {
                Msg::Stop => stop = true,
                Msg::Fs(Ok(events)) => {
                    changed.extend(events.into_iter().map(|e| absolute(&e.path)))
                }
                Msg::Fs(Err(e)) => eprintln!("warning: file watcher: {e}"),
            }
        }
        if stop {
            break;
        }
        if !changed.iter().any(|p| files.contains(p)) {
            continue;
        }
        if changed.contains(&manifest_abs)
            && let Some(c) = load(manifest)
        {
            charts = c;
        }
        rebuild(&charts, &opts, library);
        let (f, d) = watched(manifest, &charts);
        for new in d.difference(&dirs) {
            if let Err(e) = debouncer.watcher().watch(new, RecursiveMode::NonRecursive) {
                eprintln!("warning: {}: cannot watch this folder: {e}", new.display());
            }
        }
        (files, dirs) = (f, d);
    }
    eprintln!("stopped");
    Ok(())
}
