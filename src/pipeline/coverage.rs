//! No box, ever: every character a chart draws must be in one of its fonts. A character that
//! none has is an error that points at where it came from (the cell, the header or the
//! option), names it with its code point and says how to add a font that has it.

use crate::fonts::FontSet;
use crate::kinds::ChartOptions;
use crate::options::Message;
use crate::scene::{Item, Scene};
use crate::table::Table;

/// Fails on the first character of the scene's text that no font of `set` has.
pub fn check(
    scene: &Scene,
    set: &FontSet,
    source: Source,
    options: &ChartOptions,
) -> Result<(), Message> {
    let mut chars: Vec<char> = scene
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.chars()),
            _ => None,
        })
        .flatten()
        .collect();
    chars.sort_unstable();
    chars.dedup();
    // The first missing character in the order the chart draws text, for a stable message.
    let missing: Vec<char> = chars.into_iter().filter(|&c| !set.covers(c)).collect();
    let first = scene
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => text.chars().find(|c| missing.contains(c)),
            _ => None,
        })
        .next();
    match first {
        None => Ok(()),
        Some(c) => Err(message(c, source, options, set)),
    }
}

/// "U+4E2D".
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

fn message(c: char, source: Source, options: &ChartOptions, set: &FontSet) -> Message {
    let fonts = if set.user().is_empty() {
        "the embedded fonts".to_string()
    } else {
        let mut files: Vec<String> = set
            .user()
            .iter()
            .map(|u| u.path.display().to_string())
            .collect();
        files.dedup();
        format!("the embedded fonts and {}", files.join(", "))
    };
    place(c, source, options)
        .text(format!(
            ": character '{c}' ({}) is in none of {fonts}: it would be drawn as an empty box\n  hint: ",
            code_point(c),
        ))
        .either(
            "add a font that has it with --font FILE (a TTF, OTF or TTC file; repeatable)",
            "add a font that has it with font = [\"FILE\"] (a TTF, OTF or TTC file, relative to the manifest)",
        )
}

/// Where `c` comes from: a cell ("file:line:column: column 'label'"), a header, or an option.
fn place(c: char, source: Source, options: &ChartOptions) -> Message {
    let table = source.table;
    let path = table.path.as_str();
    if let Some(at) = cell_of(c, table) {
        return at.into();
    }
    let common = options.common();
    let rest = options.rest();
    let format = common.format.as_ref().map(ToString::to_string);
    let given = [
        ("title", common.title.as_deref()),
        ("subtitle", common.subtitle.as_deref()),
        ("source", common.source.as_deref()),
        ("note", common.note.as_deref()),
        ("rest", rest),
        ("format", format.as_deref()),
    ];
    for (key, value) in given {
        if let Some(v) = value.filter(|v| v.contains(c)) {
            return Message::new().opening(key, format!("{v:?}"));
        }
    }
    if let Some(v) = common.legend.iter().find(|l| l.contains(c)) {
        return Message::new().opening("legend", format!("{v:?}"));
    }
    if !source.whole {
        // Past the first rows: they are gone, the label is a row's or a group's.
        return format!("{path}: a label").into();
    }
    format!("{path}: a word of the chart").into()
}

/// The first cell (or header) of the table that holds `c`.
fn cell_of(c: char, table: &Table) -> Option<String> {
    for row in &table.rows {
        for (i, cell) in row.cells.iter().enumerate() {
            if cell.contains(c) {
                let name = table.headers.get(i).map_or("", String::as_str);
                let col = row.columns.get(i).copied().unwrap_or(1);
                return Some(format!(
                    "{}:{}:{col}: column '{name}'",
                    table.path, row.line
                ));
            }
        }
    }
    table
        .headers
        .iter()
        .find(|h| h.contains(c))
        .map(|h| format!("{}:1: header '{h}'", table.path))
}

/// Where a chart's text came from: the first rows of its table (the whole of a small file).
#[derive(Clone, Copy)]
pub struct Source<'a> {
    /// The first rows.
    pub table: &'a Table,
    /// True when they are the whole file.
    pub whole: bool,
}
