use super::*;

#[test]
fn each_kind_accepts_its_own_keys() {
    let bar = Kind::Bar.keys();
    let pie = Kind::Pie.keys();
    for shared in [
        "label", "value", "title", "width", "scale", "top", "rest", "note", "sort",
    ] {
        assert!(bar.iter().any(|k| k == shared), "{shared}");
        assert!(pie.iter().any(|k| k == shared), "{shared}");
    }
    for k in ["horizontal", "stacked", "axis-max"] {
        assert!(
            bar.iter().any(|b| b == k) && !pie.iter().any(|p| p == k),
            "{k}"
        );
    }
    for k in ["donut", "each-row"] {
        assert!(
            pie.iter().any(|p| p == k) && !bar.iter().any(|b| b == k),
            "{k}"
        );
    }
}

#[test]
fn every_key_is_a_serde_field_of_its_kind() {
    // A key clap declares but serde does not read (or the reverse) would be accepted by one
    // front end only: serialising the defaults must give exactly the declared keys.
    for &kind in Kind::ALL {
        let options = kind.default_options();
        let table = Kind::to_toml(&options).expect("serialises");
        let mut keys = kind.keys();
        keys.sort();
        let mut fields: Vec<String> = table.keys().cloned().collect();
        // Options without a value (None) are not written by TOML: one of these values
        // must set them, else serde does not read that key.
        for k in &keys {
            if !fields.contains(k) {
                let read = [
                    "\"x\"",
                    "1",
                    "\"asc\"",
                    "\"sum\"",
                    "\"report\"",
                    "\"decimals=1\"",
                ]
                .iter()
                .any(|v| {
                    ChartOptions::from_toml(kind, &format!("{k} = {v}"))
                        .is_ok_and(|o| o != kind.default_options())
                });
                assert!(read, "{kind:?}: serde does not read {k}");
                fields.push(k.clone());
            }
        }
        fields.sort();
        assert_eq!(fields, keys, "{kind:?}");
    }
}

#[test]
fn flag_defaults_are_the_manifest_defaults() {
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(subcommand)]
        chart: ChartCommand,
    }

    for &kind in Kind::ALL {
        let cli = Cli::try_parse_from(["x", kind.name(), "a.csv", "-o", "a.svg"])
            .expect("parses")
            .chart
            .into_parts()
            .1;
        let toml = ChartOptions::from_toml(kind, "").expect("empty table");
        assert_eq!(cli, kind.default_options(), "{kind:?}");
        assert_eq!(toml, kind.default_options(), "{kind:?}");
    }
}

#[test]
fn every_kind_is_named_and_has_a_noun() {
    for &kind in Kind::ALL {
        let options = kind.default_options();
        assert_eq!(options.kind(), kind);
        assert!(!kind.name().is_empty());
        assert_ne!(options.noun("en"), "Chart", "{kind:?}");
        assert_eq!(options.noun("xx"), options.noun("en"), "{kind:?}");
    }
}

#[test]
fn every_kind_has_a_noun_in_every_language_with_words() {
    // The alt text starts with the kind's noun: in the chart's language wherever sharechart
    // writes the chart's other words in it.
    for &kind in Kind::ALL {
        let options = kind.default_options();
        for locale in crate::locale::Locale::all() {
            let (Some(_), Some(&code)) = (locale.own_words, locale.codes.first()) else {
                continue;
            };
            let has = options.dyn_kind().noun().iter().any(|(c, _)| *c == code);
            assert!(has, "{kind:?} has no noun in {code}");
        }
    }
}
