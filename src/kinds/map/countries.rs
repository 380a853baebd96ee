//! The country column read as countries: each label matched to a country of the world by its
//! ISO code or its name (`geo::World::find`), with its value. A label that names no country,
//! or two, or a country listed twice, is an error at its line and column with a hint (the
//! nearest known names); a chart never drops a row it cannot place.

use crate::dataset::Dataset;
use crate::geo::{CountryId, FindError, Key, World};
use crate::kinds::KindError;
use crate::layout::Context;
use crate::options::Message;
use crate::text;

/// A country of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The country.
    pub id: CountryId,
    /// Its value; `None` for "no data" (and on a map without values).
    pub value: Option<f64>,
    /// The label as the file gives it (cleaned).
    pub label: String,
    /// Marked with `highlight`.
    pub highlighted: bool,
}

/// The countries of `ds`, in file order, and what the column held (codes or names). `lang`
/// is the chart's language subtag, for names.
pub fn read(
    ds: &Dataset,
    world: &World,
    lang: &str,
    cx: &Context,
) -> Result<(Key, Vec<Listed>), KindError> {
    let key = world.detect(ds.labels.iter().map(String::as_str));
    let values = ds.series.first();
    let mut listed: Vec<Listed> = Vec::with_capacity(ds.labels.len());
    for (i, label) in ds.labels.iter().enumerate() {
        let id = world
            .find(key, label, lang)
            .map_err(|e| unknown(ds, cx, world, label, key, e))?;
        if let Some(before) = listed.iter().find(|l| l.id == id) {
            let name = world.country(id).name("en");
            return Err(twice(ds, cx, name, &before.label, label));
        }
        let value = values.and_then(|s| s.cells.get(i)).and_then(|c| c.as_ref());
        listed.push(Listed {
            id,
            value: value.map(|c| c.value),
            label: label.clone(),
            highlighted: false,
        });
    }
    Ok((key, listed))
}

/// Marks the countries that `highlight` names, as the file's column writes them (every name
/// matches a label: `layout::paint::check_highlight` refused the chart otherwise, with the
/// nearest labels).
pub fn highlight(listed: &mut [Listed], names: &[String], world: &World, key: Key, lang: &str) {
    for name in names {
        let id = world.find(key, &text::clean(name), lang).ok();
        if let Some(l) = listed.iter_mut().find(|l| Some(l.id) == id) {
            l.highlighted = true;
        }
    }
}

/// The cell behind a label: its line, column and header, found in the table (the `nth` row,
/// from 0, with a cell that reads as the label); `None` when the rows were streamed by `agg`.
fn cell_of<'t>(cx: &Context<'t>, label: &str, nth: usize) -> Option<(u64, usize, &'t str)> {
    let table = cx.table?;
    let found = table.rows.iter().filter_map(|row| {
        let c = row.cells.iter().position(|cell| text::clean(cell) == label)?;
        let header = table.headers.get(c).map_or("", String::as_str);
        Some((row.line, row.columns.get(c).copied().unwrap_or(1), header))
    });
    found.into_iter().nth(nth)
}

/// Where a label's `nth` cell is, to open a message: `file:line:column: column 'NAME'`, or
/// the file.
fn place(ds: &Dataset, cx: &Context, label: &str, nth: usize) -> String {
    match cell_of(cx, label, nth) {
        Some((line, col, header)) => format!("{}:{line}:{col}: column '{header}'", ds.path),
        None => ds.path.clone(),
    }
}

/// The error for a label that names no country, or more than one.
fn unknown(
    ds: &Dataset,
    cx: &Context,
    world: &World,
    label: &str,
    key: Key,
    e: FindError,
) -> KindError {
    let at = place(ds, cx, label, 0);
    match e {
        FindError::NotFound { nearest, .. } => {
            let what = match key {
                Key::Alpha3 => "ISO alpha-3 code",
                Key::Alpha2 => "ISO alpha-2 code",
                Key::Name => "country name",
            };
            let near = if nearest.is_empty() {
                String::new()
            } else {
                let quoted: Vec<String> = nearest.iter().map(|n| format!("'{n}'")).collect();
                format!("the nearest known are {}; ", quoted.join(", "))
            };
            Message::new()
                .text(format!(
                    "{at}: '{label}' is no {what} sharechart knows\n  hint: {near}write the country's ISO 3166 code (SAU, SA) or its name in English or in the chart's language"
                ))
                .into()
        }
        FindError::Ambiguous { candidates, .. } => {
            let names: Vec<String> = candidates
                .iter()
                .map(|&id| {
                    let c = world.country(id);
                    format!("{} ({})", c.name("en"), c.iso3())
                })
                .collect();
            Message::new()
                .text(format!(
                    "{at}: '{label}' names more than one country: {}\n  hint: write its ISO code or its full name",
                    names.join(", ")
                ))
                .into()
        }
    }
}

/// The error for a country listed twice.
fn twice(ds: &Dataset, cx: &Context, name: &str, first: &str, again: &str) -> KindError {
    let at = place(ds, cx, again, usize::from(first == again));
    let same = if first == again {
        format!("'{again}' is listed twice")
    } else {
        format!("'{again}' and '{first}' are the same country ({name})")
    };
    let before = match cell_of(cx, first, 0) {
        Some((line, ..)) => format!(", first at line {line}"),
        None => String::new(),
    };
    Message::new()
        .text(format!(
            "{at}: {same}{before}\n  hint: a map shows one value per country: keep one row for it"
        ))
        .into()
}
