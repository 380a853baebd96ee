//! Unit tests of the map kind: class labels in several languages, a right-to-left map that is
//! not mirrored while its legend is, symbols and hatching, and the members' area.

use super::paint::class_labels;
use super::*;
use crate::geo::Key;
use crate::locale::number::decimals_needed;
use crate::dataset::{Input, Shape, load};
use crate::fonts::{FontSet, Fonts};
use crate::geo::{Extent as GeoExtent, OIC_MEMBERS};
use crate::kinds::ChartOptions;
use crate::locale::Locale;
use crate::scene::Item;

fn fonts() -> FontSet {
    Fonts::default().set(&[]).expect("embedded fonts")
}

fn options(keys: &str) -> MapOptions {
    match ChartOptions::from_toml(crate::kinds::Kind::Map, keys).expect("map keys") {
        ChartOptions::Map(o) => o,
        _ => unreachable!("a map's keys give a map"),
    }
}

fn dataset(csv: &str, spec: &MapOptions) -> Dataset {
    let locale = Locale::of_chart(spec.common.data.lang.as_ref());
    let data = &spec.common.data;
    let shape = Shape {
        legend: &[],
        order: None,
        locale,
        most: None,
        parts: false,
        watch: &[],
        values: false,
    };
    load("t.csv", Input::Bytes(csv.as_bytes()), data, shape)
        .expect("dataset")
        .dataset
}

/// The scene of a map of `csv` with manifest keys `keys`.
fn scene(csv: &str, keys: &str) -> Scene {
    let spec = options(keys);
    let ds = dataset(csv, &spec);
    let set = fonts();
    let cx = Context::resolve(&ds, &spec.common, &set, None, None);
    ChartOptions::Map(spec).layout(&ds, &cx).expect("map")
}

/// The class labels of breaks `b` for values `values` on a chart with `keys`.
fn labels(b: &[f64], csv: &str, keys: &str) -> Vec<String> {
    let spec = options(keys);
    let ds = dataset(csv, &spec);
    let set = fonts();
    let cx = Context::resolve(&ds, &spec.common, &set, None, None);
    let page = Page::new(&ds, &spec.common, &cx);
    let breaks = Breaks::thresholds(b).expect("breaks");
    class_labels(&breaks, &[1.0], decimals_needed(b), &page, true)
}

const SHARES: &str = "country,share\nSAU,76\nEGY,43\nTUR,15\nIRN,\nBHR,8\n";

#[test]
fn class_labels_use_en_dashes_words_and_the_languages_numbers() {
    assert_eq!(
        labels(&[10.0, 20.0, 50.0], SHARES, ""),
        ["under 10%", "10–20%", "20–50%", "50% and over"]
    );
    assert_eq!(
        labels(&[10.0, 20.0], SHARES, "lang = \"fr\""),
        ["moins de 10\u{202F}%", "10–20\u{202F}%", "20\u{202F}% et plus"]
    );
    assert_eq!(
        labels(&[10.0, 20.0], SHARES, "lang = \"ar\"\ndigits = \"arabic\""),
        ["أقل من ١٠٪", "١٠–٢٠٪", "٢٠٪ فأكثر"]
    );
    // Latin digits after Arabic words keep their sign on the right, as in "10–20%".
    assert_eq!(
        labels(&[10.0, 20.0], SHARES, "lang = \"ar\""),
        ["أقل من \u{2066}10%\u{2069}", "10–20%", "\u{2066}20%\u{2069} فأكثر"]
    );
    // Turkish puts the sign first; a language without words here writes signs.
    assert_eq!(
        labels(&[10.0, 20.0], SHARES, "lang = \"tr\""),
        ["< %10", "%10–20", "≥ %20"]
    );
    // Not percentages: no unit; decimals as the breaks are written.
    assert_eq!(
        labels(&[2.5, 10.0], "country,people\nSAU,3\n", ""),
        ["under 2.5", "2.5–10.0", "10.0 and over"]
    );
}

/// The `(min x, max x)` in tenths of a pixel of the closed paths filled with `fill`.
fn spans(scene: &Scene, fill: Color) -> Vec<(i64, i64)> {
    let v: Vec<(i64, i64)> = scene
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Path {
                subpaths,
                fill: Some(f),
                ..
            } if *f == fill => {
                let xs = subpaths.iter().flatten().map(|p| p.0);
                let lo = xs.clone().fold(f64::INFINITY, f64::min);
                let hi = xs.fold(f64::NEG_INFINITY, f64::max);
                Some(((lo * 10.0).round() as i64, (hi * 10.0).round() as i64))
            }
            _ => None,
        })
        .collect();
    // In drawing order: the countries' order, the same in every chart.
    v
}

/// The x of each legend text, in the order drawn.
fn text_x(scene: &Scene, words: &[&str]) -> Vec<f64> {
    words
        .iter()
        .map(|w| {
            scene
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Text { x, text, .. } if text.contains(w) => Some(*x),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("no text {w:?}"))
        })
        .collect()
}

#[test]
fn a_right_to_left_map_mirrors_its_legend_not_its_geography() {
    let keys = "bins = [10, 20, 50]\nextent = \"world\"";
    let en = scene(SHARES, keys);
    let ar = scene(SHARES, &format!("{keys}\nlang = \"ar\""));
    let land = color(classes::LAND);
    // The right-to-left frame is taller (larger Arabic type), so the map may be smaller: the
    // countries sit at the same place across the map's width, not at the same pixel.
    let across = |v: Vec<(i64, i64)>| -> Vec<(f64, f64)> {
        let lo = v.iter().map(|s| s.0).min().unwrap_or(0) as f64;
        let hi = v.iter().map(|s| s.1).max().unwrap_or(1) as f64;
        let at = |x: i64| (x as f64 - lo) / (hi - lo);
        v.iter().map(|s| (at(s.0), at(s.1))).collect()
    };
    let (e, a) = (across(spans(&en, land)), across(spans(&ar, land)));
    assert!(e.len() > 150, "{}", e.len());
    assert_eq!(e.len(), a.len());
    for (x, y) in e.iter().zip(&a) {
        assert!((x.0 - y.0).abs() < 0.005 && (x.1 - y.1).abs() < 0.005, "{x:?} {y:?}");
    }
    // Left to right: the lightest class first, from the left; right to left, from the right.
    let en_x = text_x(&en, &["under 10%", "50% and over", "no data"]);
    assert!(en_x[0] < en_x[1] && en_x[1] < en_x[2], "{en_x:?}");
    let ar_x = text_x(&ar, &["أقل من", "فأكثر", "لا بيانات"]);
    assert!(ar_x[0] > ar_x[1] && ar_x[1] > ar_x[2], "{ar_x:?}");
}

#[test]
fn small_states_get_a_symbol_in_their_class_colour_and_no_data_is_hatched() {
    // Bahrain and the Maldives have no shape at 1:110m; Iran has no value.
    let s = scene(
        "country,share\nBHR,8\nMDV,60\nIRN,n/a\nSAU,30\n",
        "bins = [10, 50]",
    );
    let colours = classes::palette(3).expect("3 classes");
    let circles: Vec<(Option<Color>, bool)> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Circle { fill, stroke, .. } => Some((*fill, stroke.is_some())),
            _ => None,
        })
        .collect();
    assert_eq!(
        circles,
        [
            (Some(color(colours[0])), true),
            (Some(color(colours[2])), true)
        ]
    );
    let nd = classes::NO_DATA;
    assert_eq!(spans(&s, color(nd.fill)).len(), 1, "Iran's ground");
    let hatches: Vec<usize> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Path {
                closed: false,
                stroke: Some(st),
                subpaths,
                ..
            } if st.color == color(nd.hatch) => Some(subpaths.len()),
            _ => None,
        })
        .collect();
    // The legend's "no data" swatch, then Iran.
    assert_eq!(hatches.len(), 2, "{hatches:?}");
    assert!(hatches[0] >= 3 && hatches[1] > 20, "{hatches:?}");
    assert!(s.desc.contains("no data: Iran"), "{}", s.desc);
}

#[test]
fn the_description_lists_countries_by_class_from_the_highest() {
    let s = scene(SHARES, "bins = [10, 20, 50]\ntitle = \"T\"");
    assert_eq!(
        s.desc,
        "Map: T. share, %. 50% and over: Saudi Arabia 76%; 20–50%: Egypt 43%; 10–20%: Türkiye 15%; \
         under 10%: Bahrain 8%; no data: Iran."
    );
    let ar = scene(SHARES, "bins = [10, 20, 50]\ntitle = \"T\"\nlang = \"ar\"");
    assert!(
        ar.desc
            .contains("50% فأكثر: المملكة العربية السعودية 76%؛ 20–50%: مصر 43%"),
        "{}",
        ar.desc
    );
    let members = scene(
        "code\nTR\nSA\nEG\n",
        "title = \"T\"\nhighlight = [\"SA\"]\nlang = \"fr\"",
    );
    assert_eq!(
        members.desc,
        "Carte: T. Pays : Égypte, Turquie ; En évidence : Arabie saoudite."
    );
}

#[test]
fn the_members_cover_a_quarter_of_the_land_drawn() {
    // The article: "57 states ... on about 32 million km², nearly a quarter of the world's
    // land". Equal Earth keeps areas, so the drawn areas give the same figures.
    let world = World::load();
    let ids: Vec<_> = OIC_MEMBERS
        .iter()
        .map(|c| world.find(Key::Alpha3, c, "en").expect("a member"))
        .collect();
    let members: f64 = ids.iter().map(|&id| world.country(id).area()).sum();
    let land: f64 = world.countries().map(|(_, c)| c.area()).sum();
    let km2 = members / (4.0 * std::f64::consts::PI) * 510.1e6;
    assert!((31.0e6..32.5e6).contains(&km2), "{km2}");
    let share = members / land;
    assert!((0.22..0.25).contains(&share), "{share}");
    assert!(!world.bounds(GeoExtent::Countries(&ids)).is_empty());
}

#[test]
fn a_map_whose_countries_all_lack_data_names_no_class() {
    let s = scene(
        "country,share\nSAU,n/a\nEGY,..\n",
        "value = [\"share\"]\ntitle = \"T\"",
    );
    assert_eq!(s.desc, "Map: T. share, %. no data: Egypt, Saudi Arabia.");
    let texts: Vec<&str> = s
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(texts.contains(&"no data"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("inf")), "{texts:?}");
}
