use super::*;
use crate::options::Sort;

const GOOD: &str = "[defaults]\nsource = \"S\"\n\n[[chart]]\nname = \"a\"\ninput = \"d/a.csv\"\nkind = \"bar\"\noutput = [\"o/a.svg\", \"o/a.png\"]\ntitle = \"T\"\n";

fn err(text: &str) -> String {
    parse(text, Path::new("charts.toml"))
        .unwrap_err()
        .to_string()
}

#[test]
fn parses_with_defaults_and_relative_paths() {
    let c = parse(GOOD, Path::new("proj/charts.toml")).expect("valid");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].job.input, Path::new("proj/d/a.csv"));
    assert_eq!(c[0].job.outputs[1], Path::new("proj/o/a.png"));
    assert_eq!(c[0].job.common().source.as_deref(), Some("S"));
    assert_eq!(c[0].job.common().title.as_deref(), Some("T"));
}

#[test]
fn every_option_of_a_kind_is_read() {
    let text = GOOD.replace(
        "title = \"T\"",
        "sort = \"desc\"\nhorizontal = true\nwidth = 900\nheight = \"6.5cm\"\nsize = \"half\"\nfont-size = 9\nscale = 2\ndelimiter = \";\"\nlegend = [\"x\"]",
    );
    let c = parse(&text, Path::new("charts.toml")).expect("valid");
    let ChartOptions::Bar(o) = &c[0].job.options else {
        panic!("not a bar")
    };
    assert_eq!(o.order.sort, Some(Sort::Desc));
    assert!(o.horizontal);
    assert_eq!(o.common.width(), 900);
    // Lengths with a unit, a named size and the type size in points (#21).
    assert_eq!(o.common.height(), 246);
    assert_eq!(o.common.size, Some(crate::options::SizeName::Half));
    assert_eq!(o.common.font_pt(), 9.0);
    assert!((o.common.scale - 2.0).abs() < f32::EPSILON);
    assert_eq!(o.common.data.delimiter, Some(';'));
    assert_eq!(o.common.legend, vec!["x"]);
}

#[test]
fn an_option_of_another_kind_is_refused_at_its_key() {
    let text = GOOD.replace("kind = \"bar\"", "kind = \"pie\"\nhorizontal = true");
    let e = err(&text);
    assert!(
        e.starts_with("charts.toml:8:1: chart 'a': 'horizontal' is not an option of a pie chart"),
        "{e}"
    );
    assert!(
        e.contains("each-row") && e.contains("donut"),
        "lists a pie's keys: {e}"
    );
    // A bar-only default does not reach a pie.
    let text = format!("horizontal = true\n{GOOD}").replace("kind = \"bar\"", "kind = \"pie\"");
    let text = text.replacen(
        "horizontal = true\n[defaults]\n",
        "[defaults]\nhorizontal = true\n",
        1,
    );
    assert!(parse(&text, Path::new("charts.toml")).is_ok(), "{text}");
}

#[test]
fn errors_point_at_the_key_they_are_about() {
    let e = err(&GOOD.replace("title = \"T\"", "scale = 20"));
    assert!(
        e.starts_with("charts.toml:9:1: chart 'a': scale = 20 is out of range"),
        "{e}"
    );
    let e = err(&GOOD.replace("title = \"T\"", "  width = 50"));
    assert!(
        e.starts_with("charts.toml:9:3: chart 'a': width = 50 is out of range"),
        "{e}"
    );
    let e = err(&GOOD.replace("title = \"T\"", "scale = \"big\""));
    assert!(
        e.starts_with("charts.toml:9:9: chart 'a': scale: invalid type"),
        "{e}"
    );
    // From [defaults]: the key in [defaults].
    let e = err(&GOOD.replace("source = \"S\"", "source = \"S\"\ntheme = \"blue\""));
    assert!(
        e.starts_with("charts.toml:3:9: [defaults]: theme: unknown variant `blue`"),
        "{e}"
    );
    let e = err(&GOOD.replace("source = \"S\"", "scale = 9"));
    assert!(
        e.starts_with("charts.toml:2:1: chart 'a': scale = 9 is out of range"),
        "{e}"
    );
}

#[test]
fn a_chart_header_inside_a_string_moves_nothing() {
    let text = GOOD.replace(
        "title = \"T\"",
        "title = \"\"\"T\n[[chart]]\nscale = 1\"\"\"\nscale = 20",
    );
    let e = err(&text);
    assert!(
        e.starts_with("charts.toml:12:1: chart 'a': scale = 20"),
        "{e}"
    );
}

#[test]
fn errors_name_manifest_chart_key_and_line() {
    let e = err(&GOOD.replace("title = \"T\"", "colour = \"red\""));
    assert!(
        e.starts_with("charts.toml:9:1: chart 'a': unknown key 'colour'"),
        "{e}"
    );
    let e = err(&GOOD.replace("kind = \"bar\"", "kind = \"line\""));
    assert!(
        e.starts_with("charts.toml:7:8: chart 'a': 'kind' must be"),
        "{e}"
    );
    let e = err("[[chart]\n");
    assert!(e.starts_with("charts.toml:1:"), "{e}");
    let e = err(&GOOD.replace("o/a.png", "o/a.jpg"));
    assert!(
        e.starts_with("charts.toml:8:1: chart 'a': o/a.jpg: unsupported output format '.jpg'"),
        "{e}"
    );
    let e = err(&GOOD.replace("source = \"S\"", "colour = 1"));
    assert!(
        e.starts_with("charts.toml:2:1: [defaults]: unknown key 'colour'"),
        "{e}"
    );
    let e = err(&format!(
        "{GOOD}\n[[chart]]\nname = \"a\"\ninput = \"x.csv\"\nkind = \"pie\"\noutput = \"o/b.svg\"\n"
    ));
    assert!(
        e.starts_with("charts.toml:12:1: chart 'a': the name 'a' is used twice"),
        "{e}"
    );
    let e = err(&GOOD.replace("input = \"d/a.csv\"\n", ""));
    assert!(
        e.starts_with("charts.toml:4:1: chart 'a': missing key 'input'"),
        "{e}"
    );
    let e = err(&GOOD.replace("output = [\"o/a.svg\", \"o/a.png\"]", "output = []"));
    assert!(
        e.starts_with("charts.toml:8:10: chart 'a': missing or empty key 'output'"),
        "{e}"
    );
    let e = err("top = 1\n");
    assert!(e.starts_with("charts.toml:1:1: unknown key 'top'"), "{e}");
    let e = err("[defaults]\n");
    assert!(e.contains("no charts"), "{e}");
}

#[test]
fn domain_errors_speak_manifest() {
    let e = err(&GOOD.replace("title = \"T\"", "top = 0"));
    assert!(e.contains("top = 0 would keep no category"), "{e}");
    assert!(e.contains("`top = 8`") && !e.contains("--"), "{e}");
}

/// A chart in English and Arabic from one entry.
const EDITIONS: &str = r#"[defaults]
source.en = "S"
source.ar = "م"

[[chart]]
name = "crops"
input = "d/{lang}.csv"
kind = "bar"
lang = ["en", "ar"]
output = ["o/crops-{lang}.svg", "o/crops-{lang}.png"]
title.en = "T"
title.ar = "ع"
legend = { en = ["Share"], ar = ["الحصة"] }
highlight.ar = ["مصر"]
highlight.en = ["Egypt"]
sort = "desc"
"#;

#[test]
fn one_entry_makes_every_language_edition() {
    let c = parse(EDITIONS, Path::new("p/charts.toml")).expect("valid");
    let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["crops-en", "crops-ar"]);
    let ar = c[1].job.common();
    assert_eq!(ar.data.lang.as_ref().map(Lang::code), Some("ar"));
    assert_eq!(ar.title.as_deref(), Some("ع"));
    assert_eq!(ar.source.as_deref(), Some("م"));
    assert_eq!(ar.legend, ["الحصة"]);
    assert_eq!(ar.highlight, ["مصر"]);
    assert_eq!(c[1].job.input, Path::new("p/d/ar.csv"));
    assert_eq!(c[1].job.outputs[1], Path::new("p/o/crops-ar.png"));
    let en = c[0].job.common();
    assert_eq!(
        (en.title.as_deref(), en.source.as_deref()),
        (Some("T"), Some("S"))
    );
    assert_eq!(en.highlight, ["Egypt"]);
    assert_eq!(c[0].job.options.sort(), Some(Sort::Desc));
    // One language: the chart keeps its name, and {lang} is that language.
    let one = EDITIONS
        .replace("lang = [\"en\", \"ar\"]", "lang = \"ar\"")
        .replace("title.en = \"T\"\n", "")
        .replace("highlight.en = [\"Egypt\"]\n", "")
        .replace("en = [\"Share\"], ", "");
    let c = parse(&one, Path::new("charts.toml")).expect("valid");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].name, "crops");
    assert_eq!(c[0].job.outputs[0], Path::new("o/crops-ar.svg"));
}

#[test]
fn a_missing_word_is_an_error_at_its_key_never_another_language() {
    let e = err(&EDITIONS.replace("title.ar = \"ع\"\n", ""));
    assert!(
        e.starts_with(
            "charts.toml:11:1: chart 'crops-ar': title is given per language, but not in 'ar'"
        ),
        "{e}"
    );
    assert!(e.contains("add title.ar = ..."), "{e}");
    // In [defaults] too, for the chart that needs it.
    let e = err(&EDITIONS.replace("source.ar = \"م\"\n", ""));
    assert!(
        e.starts_with("charts.toml:2:1: chart 'crops-ar': [defaults]: source is given per language, but not in 'ar'"),
        "{e}"
    );
    // One text for every language.
    let e = err(&EDITIONS.replace("title.en = \"T\"\ntitle.ar = \"ع\"", "title = \"T\""));
    assert!(
        e.starts_with("charts.toml:11:1: chart 'crops-en': title is one text for every language of the chart (en, ar)"),
        "{e}"
    );
    assert!(e.contains("title.en = ..., title.ar = ..."), "{e}");
    let e = err(&EDITIONS.replace("source.en = \"S\"\nsource.ar = \"م\"", "source = \"S\""));
    assert!(
        e.starts_with("charts.toml:2:1: chart 'crops-en': [defaults]: source is one text"),
        "{e}"
    );
    // A language the chart is not made in.
    let e = err(&EDITIONS.replace("title.ar = \"ع\"", "title.ar = \"ع\"\ntitle.fr = \"F\""));
    assert!(
        e.starts_with("charts.toml:13:7: chart 'crops-en': title.fr: 'fr' is not a language of this chart (en, ar)"),
        "{e}"
    );
    // A table whose keys are not languages is the option's own value (here a wrong one).
    let e = err(&GOOD.replace("title = \"T\"", "digits = { latin = 1 }"));
    assert!(
        e.starts_with("charts.toml:9:10: chart 'a': digits: invalid type"),
        "{e}"
    );
    let e = err(&EDITIONS.replace("title.ar", "title.a1"));
    assert!(
        e.starts_with("charts.toml:12:7: chart 'crops-en': title.a1: "),
        "{e}"
    );
}

#[test]
fn editions_need_their_language_in_every_output_name() {
    let e = err(&EDITIONS.replace("\"o/crops-{lang}.png\"", "\"o/crops.png\""));
    assert!(
        e.starts_with("charts.toml:10:10: chart 'crops-en': 'o/crops.png' has no {lang}"),
        "{e}"
    );
    let plain = GOOD.replace("o/a.png", "o/a-{lang}.png");
    let e = err(&plain);
    assert!(
        e.contains("'o/a-{lang}.png' has {lang}, but the chart has no lang"),
        "{e}"
    );
    let e = err(&GOOD.replace("title = \"T\"", "title.en = \"T\""));
    assert!(
        e.starts_with(
            "charts.toml:9:1: chart 'a': title is given per language, but the chart has no lang"
        ),
        "{e}"
    );
    let e = err(&EDITIONS.replace("[\"en\", \"ar\"]", "[]"));
    assert!(e.contains("lang = [] lists no language"), "{e}");
    let e = err(&EDITIONS.replace("[\"en\", \"ar\"]", "[\"en\", \"ar\", \"EN\"]"));
    assert!(
        e.starts_with("charts.toml:9:21: chart 'crops': lang: 'en' is listed twice"),
        "{e}"
    );
    // Two editions named like a chart already there.
    let e = err(&format!(
        "{EDITIONS}\n[[chart]]\nname = \"crops-ar\"\ninput = \"x.csv\"\nkind = \"pie\"\nlang = \"ar\"\noutput = \"o/b.svg\"\n"
    ));
    assert!(e.contains("the name 'crops-ar' is used twice"), "{e}");
}

#[test]
fn colours_by_name_for_the_whole_manifest_then_the_chart_s_own() {
    let text = format!(
        "[colors]\nProduction = \"#0072B2\"\n\"الإنتاج\" = \"#07B\"\n\n{}",
        GOOD.replace("title = \"T\"", "color = [\"Reserves=#D55E00\"]")
    );
    let c = parse(&text, Path::new("charts.toml")).expect("valid");
    let given: Vec<String> = c[0]
        .job
        .common()
        .color
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        given,
        ["Production=#0072B2", "الإنتاج=#0077BB", "Reserves=#D55E00"]
    );
    let table = GOOD.replace("title = \"T\"", "color = { Reserves = \"#D55E00\" }");
    let c = parse(&table, Path::new("charts.toml")).expect("valid");
    assert_eq!(c[0].job.common().color[0].rgb, (0xD5, 0x5E, 0x00));
    let e = err(&format!("[colors]\nProduction = \"blue\"\n{GOOD}"));
    assert!(
        e.starts_with("charts.toml:2:14: [colors]: 'blue' is not a colour"),
        "{e}"
    );
    let e = err(&format!("colors = 1\n{GOOD}"));
    assert!(
        e.starts_with("charts.toml:1:1: 'colors' must be a table"),
        "{e}"
    );
    let e = err(&GOOD.replace("title = \"T\"", "color = [\"Reserves\"]"));
    assert!(
        e.starts_with("charts.toml:9:9: chart 'a': color: 'Reserves' is not NAME=COLOUR"),
        "{e}"
    );
}
