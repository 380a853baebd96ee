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
mod draw;
mod geometry;
mod words;

use clap::{Args, ValueEnum};
use serde::{Deserialize, Serialize};

use super::limits::{Alt, Limit};
use super::{ChartKind, KindError};
use crate::dataset::Dataset;
use crate::geo::classes::{self, Breaks, ClassError, MAX_CLASSES, Rgb};
use crate::geo::{Key, World};
use crate::layout::{Context, Page, source_line, subtitle};
use crate::locale::number::decimals_needed;
use crate::options::{Common, Highlight, Message, OptionError, error};
use crate::scene::{Color, Scene, Stroke};
use crate::text;
use countries::Listed;
use draw::{Paint, Shape, Style};
use words::MapWords;

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
    /// Countries to mark in the accent colour.
    #[command(flatten)]
    #[serde(flatten)]
    pub highlight: Highlight,
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
    if values && !spec.highlight.highlight.is_empty() {
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
        symbol: 4.5 * k,
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

/// The classes of a map of values: their breaks, colours and labels (as the legend draws
/// them, and as the description says them).
struct Classes {
    breaks: Breaks,
    colors: Vec<Color>,
    legend: Vec<String>,
    labels: Vec<String>,
}

/// The classes of `values` (the listed values there are) as `spec` asks: its thresholds, or
/// quantiles.
fn classes_of(values: &[f64], spec: &MapOptions, page: &Page) -> Result<Classes, KindError> {
    let breaks = if spec.bins.is_empty() {
        Breaks::quantiles(values, spec.classes.unwrap_or(CLASSES))
    } else {
        Breaks::thresholds(&spec.bins)
    }
    .map_err(|e| KindError(bins_error(&spec.bins, &e).message()))?;
    let colors: Vec<Color> = classes::palette(breaks.classes())
        .unwrap_or_default()
        .into_iter()
        .map(color)
        .collect();
    // The breaks as written (a quantile break is a value of the file): "12–24%", not
    // "12.0–24.0%" because another value has a decimal.
    let decimals = decimals_needed(breaks.breaks());
    Ok(Classes {
        legend: class_labels(&breaks, values, decimals, page, true),
        labels: class_labels(&breaks, values, decimals, page, false),
        breaks,
        colors,
    })
}

/// "under 10%", "10–20%", "50% and over", in the chart's language and digits; a single class
/// is the range of the values. `on_chart`: as the legend draws them (see `MapWords::under`).
fn class_labels(
    breaks: &Breaks,
    values: &[f64],
    decimals: usize,
    page: &Page,
    on_chart: bool,
) -> Vec<String> {
    let words = words::of(lang_of(page));
    let b = breaks.breaks();
    let n = breaks.classes();
    if n == 1 {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let d = page.ds.decimals();
        return vec![if lo < hi {
            range(page, lo, hi, d)
        } else {
            page.number(lo, d)
        }];
    }
    (0..n)
        .map(|k| match k {
            0 => words.under(&page.number(b[0], decimals), on_chart),
            k if k == n - 1 => words.over(&page.number(b[k - 1], decimals), on_chart),
            k => range(page, b[k - 1], b[k], decimals),
        })
        .collect()
}

/// The chart's language subtag, as the page knows it.
fn lang_of<'p>(page: &'p Page) -> &'p str {
    page.spec.data.lang.as_ref().map_or("en", |l| l.primary())
}

/// "10–20%": the unit once, where the language puts it ("%10–20" in Turkish, "10–20 %" in
/// French), with an en dash.
fn range(page: &Page, lo: f64, hi: f64, decimals: usize) -> String {
    let locale = page.context.locale;
    let plain = |v: f64| locale.number(v, decimals, false, page.spec.digits);
    let (lo_s, hi_s) = (plain(lo), plain(hi));
    let full = page.number(hi, decimals);
    match full.find(&hi_s) {
        Some(at) if page.ds.percent => {
            let (before, after) = (&full[..at], &full[at + hi_s.len()..]);
            format!("{before}{lo_s}–{hi_s}{after}")
        }
        _ => format!("{lo_s}–{full}"),
    }
}

/// Lays out a map.
fn layout(ds: &Dataset, spec: &MapOptions, cx: &Context) -> Result<Scene, KindError> {
    let world = World::load();
    let lang = lang(spec);
    let (key, mut listed) = countries::read(ds, &world, lang, cx)?;
    countries::highlight(&mut listed, &spec.highlight.highlight, &world, key, lang, ds)?;
    let mut page = Page::new(ds, &spec.common, cx);
    let style = style(&page);
    let values: Vec<f64> = listed.iter().filter_map(|l| l.value).collect();
    let (paints, legend, classes) = if ds.series.is_empty() {
        let (p, l) = membership(spec, &listed);
        (p, l, None)
    } else {
        let classes = classes_of(&values, spec, &page)?;
        let (p, l) = choropleth(&classes, &listed, &page);
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
    let desc = describe(&page, spec, &world, key, &listed, classes.as_ref());
    let mut scene = page.finish();
    scene.desc = desc;
    Ok(scene)
}

/// A map without values: every listed country in one colour, or, with `highlight`, the
/// highlighted ones in the accent colour and the rest muted; legend entries for the names
/// `legend` gives.
fn membership(spec: &MapOptions, listed: &[Listed]) -> (Vec<Paint>, Vec<(String, Paint)>) {
    let pal = |n: usize, i: usize| {
        classes::palette(n)
            .and_then(|p| p.get(i).copied())
            .map_or(Color::hex(0x0589BD), color)
    };
    let any = listed.iter().any(|l| l.highlighted);
    let (plain, marked) = if any {
        (Paint::Fill(pal(2, 0)), Paint::Fill(ACCENT))
    } else {
        (Paint::Fill(pal(1, 0)), Paint::Fill(ACCENT))
    };
    let paints = listed
        .iter()
        .map(|l| if l.highlighted { marked } else { plain })
        .collect();
    let names = &spec.common.legend;
    let mut legend = Vec::new();
    if let Some(name) = names.first() {
        legend.push((text::clean(name), plain));
    }
    if let (true, Some(name)) = (any, names.get(1)) {
        legend.push((text::clean(name), marked));
    }
    (paints, legend)
}

/// A map of values: each country in its class's colour, "no data" hatched; the legend lists
/// every class, and "no data" when a country has none.
fn choropleth(
    classes: &Classes,
    listed: &[Listed],
    page: &Page,
) -> (Vec<Paint>, Vec<(String, Paint)>) {
    let paints: Vec<Paint> = listed
        .iter()
        .map(|l| match l.value {
            Some(v) => Paint::Fill(classes.colors[classes.breaks.class_of(v)]),
            None => Paint::NoData,
        })
        .collect();
    let mut legend: Vec<(String, Paint)> = Vec::new();
    if listed.iter().any(|l| l.value.is_some()) {
        legend.extend(
            (classes.legend.iter().cloned()).zip(classes.colors.iter().map(|&c| Paint::Fill(c))),
        );
    }
    if paints.contains(&Paint::NoData) {
        let words = page.context.locale.words();
        legend.push((words.no_data.to_string(), Paint::NoData));
    }
    (paints, legend)
}

/// The name a description gives a country: the file's own for names, else the country's name
/// in the chart's language.
fn shown_name(world: &World, key: Key, l: &Listed, lang: &str) -> String {
    match key {
        Key::Name => l.label.clone(),
        Key::Alpha2 | Key::Alpha3 => world.country(l.id).name(lang).to_string(),
    }
}

/// The description (the SVG's `<desc>`, and after the noun the alt text): title, subtitle,
/// then the countries class by class from the highest, each by value from the largest ("50%
/// and over: Rubberland 80%, ..."), "no data", or the listed and highlighted countries; the
/// note and the source. In the chart's language and digits.
fn describe(
    page: &Page,
    spec: &MapOptions,
    world: &World,
    key: Key,
    listed: &[Listed],
    classes: Option<&Classes>,
) -> String {
    let cx = page.context;
    let lang = lang_of(page);
    let words = words::of(lang);
    let comma = cx.locale.alt.comma;
    let digits = |t: &str| cx.locale.text_digits(&text::clean(t), page.spec.digits);
    let mut parts = vec![page.scene.title.clone()];
    if let Some(sub) = subtitle(page.ds, page.spec, cx) {
        parts.push(digits(&sub));
    }
    let name = |l: &Listed| digits(&shown_name(world, key, l, lang));
    let groups = match classes {
        Some(c) => by_class(page, c, listed, &name),
        None => by_membership(spec, words, listed, &name),
    };
    let body: Vec<String> = groups
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(head, names)| format!("{head}{}{}", words.colon, names.join(comma)))
        .collect();
    if !body.is_empty() {
        parts.push(body.join(words.semicolon));
    }
    if let Some(note) = &spec.common.note {
        parts.push(digits(note));
    }
    if let Some(src) = &spec.common.source {
        parts.push(source_line(&digits(src), cx.locale));
    }
    parts
        .iter()
        .map(|p| p.trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join(". ")
        + "."
}

/// The countries of each class, highest class first, each by value from the largest, then
/// those without data.
fn by_class(
    page: &Page,
    c: &Classes,
    listed: &[Listed],
    name: &dyn Fn(&Listed) -> String,
) -> Vec<(String, Vec<String>)> {
    let d = page.ds.decimals();
    let mut with: Vec<(&Listed, f64)> = listed
        .iter()
        .filter_map(|l| l.value.map(|v| (l, v)))
        .collect();
    with.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| name(a.0).cmp(&name(b.0))));
    let mut groups: Vec<(String, Vec<String>)> = (0..c.labels.len())
        .rev()
        .map(|k| {
            let names = with
                .iter()
                .filter(|(_, v)| c.breaks.class_of(*v) == k)
                .map(|(l, v)| format!("{} {}", name(l), page.number(*v, d)))
                .collect();
            (c.labels[k].clone(), names)
        })
        .collect();
    let mut missing: Vec<String> = listed
        .iter()
        .filter(|l| l.value.is_none())
        .map(name)
        .collect();
    missing.sort_by_key(|n| sort_key(n));
    groups.push((page.context.locale.words().no_data.to_string(), missing));
    groups
}

/// The listed countries, then the highlighted ones, each in the order of their names; under
/// the legend's names when given.
fn by_membership(
    spec: &MapOptions,
    words: &MapWords,
    listed: &[Listed],
    name: &dyn Fn(&Listed) -> String,
) -> Vec<(String, Vec<String>)> {
    let names = &spec.common.legend;
    let sorted = |marked: bool| {
        let mut v: Vec<String> = listed
            .iter()
            .filter(|l| l.highlighted == marked)
            .map(name)
            .collect();
        v.sort_by_key(|n| sort_key(n));
        v
    };
    let head = |i: usize, word: &str| names.get(i).map_or(word.to_string(), |n| text::clean(n));
    vec![
        (head(0, words.countries), sorted(false)),
        (head(1, words.highlighted), sorted(true)),
    ]
}

/// Names in the order a reader looks for them: case and accents aside ("Égypte" with the E's),
/// and in Arabic without the article ("الأردن" with the alifs, as Arabic indexes sort).
fn sort_key(name: &str) -> (String, String) {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let bare = name
        .strip_prefix("ال")
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name);
    let folded: String = bare
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    (folded, name.to_string())
}

#[cfg(test)]
mod tests;
