//! The article's charts as `charts.toml` has them after #22, read from the manifest and from the
//! committed `output/` (which `determinism.rs` holds to what the manifest gives): one entry per
//! chart in English, Arabic and French, the charts the issue dropped gone, every
//! share-of-the-world bar chart on one 0-100% scale, tin as two rows named at their bars, each
//! `oic-weight-pies` panel naming its own remainder, colours by basis, and the callout on the
//! gas production figure in each language.

use crate::common::{fills, repo_root, texts};

const LANGS: [&str; 3] = ["en", "ar", "fr"];

/// The manifest's `[[chart]]` tables.
fn charts() -> Vec<toml::Table> {
    let text = std::fs::read_to_string(repo_root().join("charts.toml")).expect("charts.toml");
    let doc: toml::Table = text.parse().expect("charts.toml is TOML");
    doc["chart"]
        .as_array()
        .expect("[[chart]]")
        .iter()
        .map(|c| c.as_table().expect("a table").clone())
        .collect()
}

fn chart(name: &str) -> toml::Table {
    (charts().into_iter())
        .find(|c| c["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no chart {name} in charts.toml"))
}

/// `output/NAME.svg`.
fn output(name: &str) -> String {
    let p = repo_root().join("output").join(format!("{name}.svg"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The texts of an SVG with French thin spaces taken out ("100 %" reads "100%").
fn words(svg: &str) -> Vec<String> {
    texts(svg)
        .into_iter()
        .map(|t| t.replace(['\u{202F}', '\u{00A0}'], ""))
        .collect()
}

#[test]
fn one_entry_per_chart_in_three_languages_and_the_wrong_charts_gone() {
    let all = charts();
    let names: Vec<&str> = all.iter().filter_map(|c| c["name"].as_str()).collect();
    for gone in ["minerals-pies", "tin-pies"] {
        assert!(!names.contains(&gone), "{gone} is still in charts.toml");
        let left: Vec<String> = crate::common::names_in(&repo_root().join("output"))
            .into_iter()
            .filter(|f| f.starts_with(gone))
            .collect();
        assert!(left.is_empty(), "output/ still has {left:?}");
    }
    for c in &all {
        let name = c["name"].as_str().expect("a name");
        let langs: Vec<&str> = (c["lang"].as_array())
            .map(|l| l.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(langs, LANGS, "{name}: its editions");
        for lang in LANGS {
            let svg = output(&format!("{name}-{lang}"));
            assert!(
                svg.contains(&format!("xml:lang=\"{lang}\"")),
                "{name}-{lang}"
            );
        }
    }
}

#[test]
fn every_share_of_the_world_bar_chart_runs_to_100_percent() {
    let bars: Vec<toml::Table> = (charts().into_iter())
        .filter(|c| c["kind"].as_str() == Some("bar"))
        .collect();
    assert!(bars.len() >= 5, "{} bar charts", bars.len());
    for c in bars {
        let name = c["name"].as_str().expect("a name").to_string();
        // Share-vs-rest bars are parts of one whole and run to 100% without the key.
        if c.contains_key("rest") {
            continue;
        }
        assert_eq!(
            c.get("axis-max").and_then(toml::Value::as_integer),
            Some(100),
            "{name}: axis-max"
        );
        for lang in LANGS {
            let t = words(&output(&format!("{name}-{lang}")));
            assert!(
                t.iter().any(|x| x == "100%") && t.iter().any(|x| x == "0%"),
                "{name}-{lang}: a 0-100% axis: {t:?}"
            );
        }
    }
}

#[test]
fn tin_is_two_rows_production_and_reserves_named_at_their_bars() {
    let c = chart("tin-bar");
    assert_eq!(c["label"].as_str(), Some("basis"));
    assert_eq!(c["horizontal"].as_bool(), Some(true));
    for (lang, names) in [
        ("en", ["Production", "Reserves"]),
        ("ar", ["الإنتاج", "الاحتياطي"]),
        ("fr", ["Production", "Réserves"]),
    ] {
        let svg = output(&format!("tin-bar-{lang}"));
        let t = words(&svg);
        for (name, value) in names.iter().zip(["47%", "56%"]) {
            let i = t.iter().position(|x| x == name);
            assert!(
                i.is_some_and(|i| t.get(i + 1).map(String::as_str) == Some(value)),
                "{lang}: {name} then {value}: {t:?}"
            );
        }
        // One bar a row, in the basis' colour, and no legend swatch.
        let f = fills(&svg);
        let n = |c: &str| f.iter().filter(|x| *x == c).count();
        assert_eq!((n("#0072B2"), n("#C27C00")), (1, 1), "{lang}: {f:?}");
        assert!(
            !t.iter()
                .any(|x| x == "Tin" || x == "القصدير" || x == "Étain")
        );
    }
}

#[test]
fn oic_weight_pies_name_each_panel_s_own_remainder() {
    for (lang, rests, generic) in [
        (
            "en",
            [
                "Rest of the world’s land ~75%",
                "Non-Muslims ~75%",
                "members ~70%",
            ],
            "Rest of world",
        ),
        (
            "ar",
            [
                "بقية مساحة اليابسة ~75%",
                "غير المسلمين ~75%",
                "بقية أعضاء الجمعية العامة ~70%",
            ],
            "بقية العالم",
        ),
        (
            "fr",
            [
                "Reste des terres émergées ~75%",
                "Non-musulmans ~75%",
                "générale ~70%",
            ],
            "Reste du monde",
        ),
    ] {
        let svg = output(&format!("oic-weight-pies-{lang}"));
        let t = words(&svg);
        for rest in rests {
            // The last line of a remainder that wraps ends with it.
            assert!(
                t.iter().any(|x| x.ends_with(rest)),
                "{lang}: {rest:?} in {t:?}"
            );
        }
        // No legend: no generic remainder, no swatch.
        assert!(!t.iter().any(|x| x == generic), "{lang}: {t:?}");
        assert_eq!(
            svg.matches("<rect").count(),
            1,
            "{lang}: the background only"
        );
    }
    // The world's Muslims are said to be all of them, not the OIC's.
    let c = chart("oic-weight-pies");
    let note = c["note"]["en"].as_str().expect("note.en");
    assert!(note.contains("not a figure of the OIC’s members"), "{note}");
}

#[test]
fn colours_by_basis_and_the_gas_figure_called_out_in_each_language() {
    for lang in LANGS {
        let svg = output(&format!("energy-bar-{lang}"));
        let f = fills(&svg);
        let n = |c: &str| f.iter().filter(|x| *x == c).count();
        assert_eq!((n("#0072B2"), n("#C27C00")), (2, 2), "energy-bar-{lang}");
        let svg = output(&format!("minerals-bar-{lang}"));
        let f = fills(&svg);
        assert_eq!(
            f.iter().filter(|x| *x == "#6B6B6B").count(),
            7,
            "minerals-bar-{lang}: basis not stated, neutral"
        );
    }
    for (lang, words_) in [
        ("en", "as printed in the article"),
        ("ar", "كما ورد في المقال"),
        ("fr", "tel qu’imprimé dans l’article"),
    ] {
        let t = words(&output(&format!("energy-bar-{lang}"))).join(" ");
        assert!(t.contains(words_), "energy-bar-{lang}: {t}");
    }
}
