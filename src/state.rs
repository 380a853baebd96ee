//! The build state file (`.sharechart-state` beside the outputs): for each chart, the content
//! key it was last rendered from, its outputs and sizes, and the title and summary the report
//! page needs. Losing it only costs one full rebuild.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One output file as last written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
}

/// One chart as last rendered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Chart name.
    pub name: String,
    /// Content key (blake3 hex) of CSV, settings, outputs and version.
    pub key: String,
    /// Chart title.
    pub title: String,
    /// Plain-language summary with the data (alt text).
    pub desc: String,
    /// The alt text of the report page (kind, every value, unit, source).
    #[serde(default)]
    pub alt: String,
    /// Right-to-left chart.
    pub rtl: bool,
    /// The chart's language tag (`ar`, `en`, `und-Arab`; empty in a state file of an older
    /// version).
    #[serde(default)]
    pub lang: String,
    /// The drawn size in pixels, for the report page's `<img>` (0 in a state file of an older
    /// version: the page then falls back on the options).
    #[serde(default)]
    pub size: (u32, u32),
    /// Outputs.
    pub outputs: Vec<Output>,
}

/// All charts of a manifest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Charts in manifest order.
    #[serde(default, rename = "chart")]
    pub charts: Vec<Entry>,
}

impl State {
    /// Reads the state; a missing or unreadable file is an empty state (everything rebuilds).
    pub fn load(path: &Path) -> State {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Writes the state atomically, only if it changed.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        let text = format!(
            "# sharechart build state: safe to delete (the next build renders everything).\n{}",
            toml::to_string(self)?
        );
        if std::fs::read_to_string(path).ok().as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        crate::output::write_atomic(path, text.as_bytes())
    }

    /// The entry of a chart.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.charts.iter().find(|e| e.name == name)
    }
}
