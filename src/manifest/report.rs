//! The `[report]` table of a manifest: where `sharechart build` writes its report page
//! (`index.html` and `README.md`), or that it writes none.
//!
//! ```toml
//! [report]
//! dir = "output"     # relative to the manifest; the default is the first chart's output folder
//! # or, at the top level instead of the table:
//! report = false     # no report page
//! ```

use std::path::{Path, PathBuf};

use toml::de::DeValue;

/// Where the report page of a manifest goes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ReportPlace {
    /// Beside the first chart's first output (the default).
    #[default]
    Beside,
    /// In this folder.
    Dir(PathBuf),
    /// Nowhere: `report = false`.
    Off,
}

const HINT: &str = "hint: write a [report] table with dir = \"FOLDER\" (relative to the manifest), or report = false for no report page";

/// Reads the value of the top-level key `report`: a table with `dir`, or a boolean.
/// `Err((what to point at in the value, message))` on anything else.
pub(super) fn read(value: &DeValue, base: &Path) -> Result<ReportPlace, (Option<String>, String)> {
    match value {
        DeValue::Boolean(true) => Ok(ReportPlace::Beside),
        DeValue::Boolean(false) => Ok(ReportPlace::Off),
        DeValue::Table(t) => {
            let mut place = ReportPlace::Beside;
            for (k, v) in t {
                match (k.get_ref().as_ref(), v.get_ref()) {
                    ("dir", DeValue::String(s)) if !s.trim().is_empty() => {
                        place = ReportPlace::Dir(base.join(s.as_ref()));
                    }
                    ("dir", _) => {
                        return Err((
                            Some("dir".into()),
                            format!("[report]: 'dir' must be a folder name\n  {HINT}"),
                        ));
                    }
                    (other, _) => {
                        return Err((
                            Some(other.to_string()),
                            format!("[report]: unknown key '{other}'\n  {HINT}"),
                        ));
                    }
                }
            }
            Ok(place)
        }
        _ => Err((
            None,
            format!("'report' must be a [report] table or false\n  {HINT}"),
        )),
    }
}
