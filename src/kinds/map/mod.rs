//! Maps: a choropleth of one value per country in a few classes of one sequential colour, or,
//! from a file without values, the listed countries in one colour (`--highlight` marks some
//! in the accent colour).
//!
//! The country column holds ISO alpha-3 or alpha-2 codes (detected) or names, in the chart's
//! language or English, short or official (`countries.rs`); the boundaries, names, Equal
//! Earth projection, classes and palette are `geo`'s. What a statistics office prints, by
//! default: an equal-area projection; classes light to dark with en-dash labels ("10–20%",
//! "under 10%", "50% and over") in the chart's language and digits; "no data" hatched, apart
//! from zero and named in the legend; countries not in the file in a neutral land colour;
//! states too small to see (Bahrain, the Maldives) as a symbol in their class's colour; the
//! legend mirrored in right-to-left charts, the map not. The description (and so the alt
//! text) lists the countries class by class.

mod countries;
mod describe;
mod draw;
mod geometry;
mod paint;
mod words;

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};

use super::limits::{Alt, Limit};
use super::{ChartKind, KindError};
use crate::dataset::Dataset;
use crate::geo::World;
use crate::geo::classes::{self, Breaks, ClassError, MAX_CLASSES, Rgb};
use crate::layout::{Context, Page};
use crate::options::{Common, Message, OptionError, error};
use crate::scene::{Color, Scene, Stroke};
use crate::table::number;
use draw::{Paint, Shape, Style};

/// What a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    /// The countries of the file, with a little of their surroundings.
    #[default]
    Data,
    /// The whole world (without Antarctica).
    World,
}

/// The options of a map.
#[derive(Debug, Clone, PartialEq, Default, Args, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct MapOptions {
    /// The options every kind has.
    #[command(flatten)]
    #[serde(flatten)]
    pub common: Common,
    /// What the map shows: the file's countries, or the whole world.
    #[arg(long, value_enum, default_value_t)]
    pub extent: Extent,
    /// Class breaks, increasing: `10,20,50` makes "under 10", "10–20", "20–50", "50 and over".
    #[arg(
        long,
        value_name = "N,N,...",
        value_delimiter = ',',
        allow_negative_numbers = true
    )]
    pub bins: Vec<f64>,
    /// The number of classes, each holding about as many countries (quantiles; default 5).
    #[arg(long, value_name = "N")]
    pub classes: Option<usize>,
}

/// Quantile classes without `classes` or `bins`.
const CLASSES: usize = 5;

/// Every country of a file, at most one row each: no category limit of its own.
const MAP: Limit = Limit {
    max: usize::MAX,
    what: "countries",
    chart: "map",
    alt: Alt::Nothing,
};

/// The accent colour of `highlight`: Okabe-Ito's vermilion, 28 L* darker than the muted blue
/// beside it, so the pair holds in greyscale and for colour-vision deficiencies.
const ACCENT: Color = Color::hex(0xD55E00);

impl ChartKind for MapOptions {
    const NAME: &'static str = "map";
    const ABOUT: &'static str =
        "Draw a map of a value per country, or of the countries a file lists";
    const EXAMPLES: &'static str = "Examples:\n  sharechart map data/oic-members.csv -o members.svg --extent world\n  sharechart map shares.csv -o shares.png --bins 10,20,50 --note \"Boundaries are not an endorsement\"\n  sharechart map members.csv -o gulf.pdf --highlight SAU --highlight QAT";

    fn common(&self) -> &Common {
        &self.common
    }

    fn validate(&self) -> Result<(), OptionError> {
        if let Some(n) = self.common.data.top {
            return Err(error(
                "top",
                n.to_string(),
                "would fold countries into \"Other\", which is no place on a map".into(),
                Message::new()
                    .text("drop ")
                    .name("top")
                    .text("; a map draws every country of the file"),
            ));
        }
        if !self.bins.is_empty() && self.classes.is_some() {
            return Err(error(
                "classes",
                self.classes.unwrap_or_default().to_string(),
                Message::new()
                    .text("asks for quantile classes, but ")
                    .name("bins")
                    .text(" gives the breaks"),
                Message::new()
                    .text("give one of ")
                    .name("bins")
                    .text(" and ")
                    .name("classes"),
            ));
        }
        if !self.bins.is_empty() {
            Breaks::thresholds(&self.bins).map_err(|e| bins_error(&self.bins, &e))?;
        }
        if let Some(n) = self.classes
            && !(1..=MAX_CLASSES).contains(&n)
        {
            return Err(error(
                "classes",
                n.to_string(),
                format!("is not a number of classes from 1 to {MAX_CLASSES}").into(),
                "more classes of one colour cannot be told apart, least of all in print".into(),
            ));
        }
        Ok(())
    }

    fn check(&self, ds: &Dataset) -> Result<(), KindError> {
        check_options_fit_data(self, ds)
    }

    fn limit(&self, _ds: &Dataset) -> Limit {
        MAP
    }

    fn layout(&self, ds: &Dataset, cx: &Context) -> Result<Scene, KindError> {
        layout(ds, self, cx)
    }

    fn noun(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("en", "Map"),
            ("ar", "خريطة"),
            ("fr", "Carte"),
            ("fa", "نقشه"),
            ("ru", "Карта"),
            ("tr", "Harita"),
            ("id", "Peta"),
            ("ms", "Peta"),
            ("ur", "نقشہ"),
            ("bn", "মানচিত্র"),
            ("uz", "Xarita"),
            ("kk", "Карта"),
            ("az", "Xəritə"),
            ("ky", "Карта"),
            ("tg", "Харита"),
            ("tk", "Karta"),
            ("ps", "نقشه"),
            ("sq", "Hartë"),
            ("so", "Khariidad"),
            ("ha", "Taswira"),
            ("dv", "ނަކްޝާ"),
        ]
    }

    fn needs_values(&self) -> bool {
        false
    }

    fn alt_is_desc(&self) -> bool {
        true
    }
}

/// The error for thresholds `bins` cannot be classes of.
fn bins_error(bins: &[f64], e: &ClassError) -> OptionError {
    let given: Vec<String> = bins.iter().map(f64::to_string).collect();
    error(
        "bins",
        given.join(","),
        format!("cannot make classes: {e}").into(),
        "give up to 6 increasing numbers, such as 10,20,50".into(),
    )
}

/// Refuses options the data cannot take: a second value column, and names for the colours of
/// a map without values given to a map of values.
fn check_options_fit_data(spec: &MapOptions, ds: &Dataset) -> Result<(), KindError> {
    if ds.series.len() > 1 {
        let names: Vec<&str> = ds.series.iter().map(|s| s.name.as_str()).collect();
        return Err(Message::new()
            .text(format!(
                "{}: a map shows one value per country, but {} columns of values were found ({})\n  hint: choose one with ",
                ds.path,
                ds.series.len(),
                names.join(", ")
            ))
            .name("value")
            .text("; a table of several years or measures per country makes one map each")
            .into());
    }
    let values = !ds.series.is_empty();
    if values && !spec.common.highlight.is_empty() {
        return Err(Message::new()
            .text(format!("{}: ", ds.path))
            .name("highlight")
            .text(format!(
                " marks countries on a map without values, but this file has values ('{}')\n  hint: drop ",
                ds.series[0].column
            ))
            .name("highlight")
            .text(", or leave the value column out to draw the listed countries")
            .into());
    }
    if values && !spec.common.legend.is_empty() {
        return Err(Message::new()
            .text(format!(
                "{}: a map of values names its classes itself ('{}')\n  hint: drop ",
                ds.path, ds.series[0].column
            ))
            .name("legend")
            .text(", which names the colours of a map without values")
            .into());
    }
    if spec.common.legend.len() > 2 {
        return Err(Message::new()
            .text(format!(
                "{}: a map without values has two colours at most, but {} legend names were given\n  hint: give one ",
                ds.path,
                spec.common.legend.len()
            ))
            .name("legend")
            .text(" for the listed countries and one for those of ")
            .name("highlight")
            .into());
    }
    Ok(())
}

/// A map without values drawn from a file whose other column says "no data" in every row
/// would show a column of missing values as a list of members: refused, pointing at the
/// column. (With `value` named, the column is read and every country is "no data".)
fn check_values_not_all_missing(ds: &Dataset, cx: &Context) -> Result<(), KindError> {
    let Some(table) = cx.table.filter(|_| ds.series.is_empty()) else {
        return Ok(());
    };
    // Every cell missing, and at least one written as such ("n/a", ".."): an empty column of
    // notes is no column of values.
    let empty = (0..table.headers.len()).find(|&c| {
        table.rows.iter().all(|r| number::is_missing(cell(r, c)))
            && table.rows.iter().any(|r| !cell(r, c).is_empty())
    });
    let Some(c) = empty else { return Ok(()) };
    let header = &table.headers[c];
    Err(Message::new()
        .text(format!(
            "{}: column '{header}' says \"no data\" in every row ({:?}, ...), so the map would show only which countries are listed\n  hint: fill in the values (a map of values draws a missing one hatched), or name the column with ",
            ds.path,
            table.rows.iter().map(|r| cell(r, c)).find(|v| !v.is_empty()).unwrap_or_default()
        ))
        .set_text("value", header)
        .text(" to draw every country as no data")
        .into())
}

/// The text of cell `c` of a row ("" past its end).
fn cell(r: &crate::table::Row, c: usize) -> &str {
    r.cells.get(c).map_or("", String::as_str)
}

/// The chart's language subtag for country names: the one given, else English.
fn lang(spec: &MapOptions) -> &str {
    spec.common.data.lang.as_ref().map_or("en", |l| l.primary())
}

fn color(c: Rgb) -> Color {
    Color(c.0, c.1, c.2)
}

/// The map's colours and widths, from the theme and the type size (1 at 16 px labels).
fn style(page: &Page) -> Style {
    let t = page.theme;
    let k = page.sizes.label / 16.0;
    let mix = |a: Color, b: Color, f: f64| {
        let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
        Color(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
    };
    // The light land colour is for light pages; a dark page takes its own muted grey.
    let dark = t.background.0 < 128;
    let land = if dark { t.rest } else { color(classes::LAND) };
    let nd = classes::NO_DATA;
    Style {
        land,
        land_border: Stroke {
            color: t.background,
            width: 0.5 * k,
        },
        border: Stroke {
            color: mix(t.text, t.background, 0.45),
            width: 0.5 * k,
        },
        symbol: 3.6 * k,
        symbol_border: Stroke {
            color: t.text,
            width: 0.8 * k,
        },
        no_data: color(nd.fill),
        hatch: Stroke {
            color: color(nd.hatch),
            width: nd.width * k,
        },
        spacing: nd.spacing * k,
    }
}

/// Lays out a map.
fn layout(ds: &Dataset, spec: &MapOptions, cx: &Context) -> Result<Scene, KindError> {
    check_values_not_all_missing(ds, cx)?;
    let world = World::load();
    let lang = lang(spec);
    let (key, mut listed) = countries::read(ds, &world, lang, cx)?;
    countries::highlight(&mut listed, &spec.common.highlight, &world, key, lang);
    let mut page = Page::new(ds, &spec.common, cx);
    let style = style(&page);
    let values: Vec<f64> = listed.iter().filter_map(|l| l.value).collect();
    let (paints, legend, classes) = if ds.series.is_empty() {
        let (p, l) = paint::membership(spec, &listed);
        (p, l, None)
    } else {
        let classes = paint::classes_of(&values, spec, &page)?;
        let (p, l) = paint::choropleth(&classes, &listed, &page);
        (p, l, Some(classes))
    };
    let swatches: Vec<(String, Color)> = legend
        .iter()
        .map(|(name, paint)| {
            let c = match paint {
                Paint::Fill(c) => *c,
                Paint::NoData => style.no_data,
            };
            (name.clone(), c)
        })
        .collect();
    let start = page.scene.items.len();
    let area = page.frame(&swatches);
    let end = page.scene.items.len();
    let legend_paints: Vec<Paint> = legend.iter().map(|l| l.1).collect();
    draw::legend(&mut page, (start, end), &legend_paints, &style);
    let shapes: Vec<Shape> = listed
        .iter()
        .zip(&paints)
        .map(|(l, &paint)| Shape { id: l.id, paint })
        .collect();
    let map = draw::Map {
        world: &world,
        shapes: &shapes,
        extent: spec.extent,
        style,
    };
    let bottom = draw::map(&mut page, area, &map);
    page.fit_height(bottom);
    let desc = describe::describe(&page, spec, &world, key, &listed, classes.as_ref());
    let mut scene = page.finish();
    scene.desc = desc;
    Ok(scene)
}

#[cfg(test)]
mod tests;
