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
