//! The map's description: the SVG's `<desc>` and, after the kind's noun, its alt text. It
//! lists the countries class by class (or the listed and highlighted ones), in the chart's
//! language and digits, names sorted as a reader looks for them.

use super::paint::{Classes, lang_of};
use super::countries::Listed;
use super::words::{self, MapWords};
use super::MapOptions;
use crate::geo::{Key, World};
use crate::layout::{Page, source_line, subtitle};
use crate::text;

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
pub fn describe(
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
    let comma = cx.locale.words().comma;
    let digits = |t: &str| cx.locale.text_digits(&text::clean(t), page.spec.digits);
    let mut parts: Vec<String> = Some(page.scene.title.clone())
        .filter(|t| !t.is_empty())
        .into_iter()
        .collect();
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
