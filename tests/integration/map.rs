//! `sharechart map` (#23), run as a real process: countries matched by ISO code and by name in
//! English, Arabic and French; every error of the kind (an unknown or ambiguous country at its
//! line with the nearest names, a country twice, options the data cannot take); missing values
//! hatched and named; bins and quantile classes; the right-to-left legend; small-state
//! symbols; the manifest, the report page's alt text, PNG and PDF; the size of a world map.

use crate::common::{bin, decode_png, fixture, names_in, tempdir, write};

use proptest::prelude::*;
use sharechart::dataset::Input;
use sharechart::fonts::Fonts;
use sharechart::geo::World;
use sharechart::kinds::{ChartOptions, Kind};

/// Runs `map` on `csv` (written as `in.csv`) with `args`, writing SVG; returns the SVG and
/// standard error. Fails unless it succeeds.
fn map(csv: &str, args: &[&str]) -> (String, String) {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    let out = dir.path().join("out.svg");
    let run = bin()
        .arg("map")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(args)
        .output()
        .expect("run sharechart");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "args {args:?}\n{stderr}");
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    (svg, stderr)
}

/// Runs `map` on `csv` with `args` and expects exit status 1 with every needle and a hint on
/// standard error, and no file written. Returns standard error.
fn map_fails(csv: &str, args: &[&str], needles: &[&str]) -> String {
    let dir = tempdir();
    let input = write(dir.path(), "in.csv", csv);
    let before = names_in(dir.path());
    let run = bin()
        .current_dir(dir.path())
        .arg("map")
        .arg("in.csv")
        .args(["-o", "out.svg", "-o", "out.png"])
        .args(args)
        .output()
        .expect("run sharechart");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "args {args:?}\n{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "stderr lacks {n:?}:\n{stderr}");
    }
    assert!(stderr.contains("hint:"), "{stderr}");
    assert_eq!(names_in(dir.path()), before, "a failed map wrote files");
    assert!(input.exists());
    stderr
}

fn doc(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).expect("the SVG is valid XML")
}

/// The SVG's `<desc>`: the countries by class.
fn desc(svg: &str) -> String {
    let d = doc(svg);
    let el = d.descendants().find(|n| n.has_tag_name("desc"));
    el.and_then(|n| n.text()).unwrap_or_default().to_string()
}

/// The `d` of every `<path>` filled with `fill`.
fn paths(svg: &str, fill: &str) -> Vec<String> {
    let d = doc(svg);
    let mut v: Vec<String> = d
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("fill") == Some(fill))
        .filter_map(|n| n.attribute("d").map(str::to_string))
        .collect();
    v.sort();
    v
}

/// `(fill, has a stroke)` of every `<circle>` (the small states' symbols).
fn circles(svg: &str) -> Vec<(String, bool)> {
    doc(svg)
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| {
            let fill = n.attribute("fill").unwrap_or("").to_string();
            (fill, n.attribute("stroke").is_some())
        })
        .collect()
}

/// The one colour of a map without values.
const LISTED: &str = "#0589BD";

#[test]
fn codes_and_names_in_three_languages_draw_the_same_countries() {
    let same = |csv: &str, lang: &str| {
        let (svg, _) = map(csv, &["--lang", lang, "--title", "T", "--extent", "world"]);
        paths(&svg, LISTED)
    };
    for lang in ["en", "ar", "fr"] {
        let by_code = same("iso3\nSAU\nTUR\nCIV\nPSE\n", lang);
        assert_eq!(by_code.len(), 4, "{lang}");
        assert_eq!(
            same("iso2\nsa\nTR\nCI\nPS\n", lang),
            by_code,
            "{lang}: alpha-2"
        );
        // English names work on a chart in any language: short and official forms, either
        // apostrophe.
        let english = "country\nSaudi Arabia\nTurkey\nCote d'Ivoire\nState of Palestine\n";
        assert_eq!(same(english, lang), by_code, "{lang}: English names");
    }
    let arabic = "country\nالسعودية\nتركيا\nكوت ديفوار\nفلسطين\n";
    assert_eq!(same(arabic, "ar"), same("c\nSAU\nTUR\nCIV\nPSE\n", "ar"));
    let french = "pays\nArabie saoudite\nTurquie\nCôte d’Ivoire\nPalestine\n";
    assert_eq!(same(french, "fr"), same("c\nSAU\nTUR\nCIV\nPSE\n", "fr"));
    // Codes are named in the chart's language in the description.
    let (svg, _) = map("iso3\nSAU\nTUR\n", &["--lang", "fr", "--title", "T"]);
    assert_eq!(desc(&svg), "Carte: T. Pays : Arabie saoudite, Turquie.");
    let (svg, _) = map("iso3\nSAU\nEGY\n", &["--lang", "ar", "--title", "T"]);
    // In the order of an Arabic index: the article aside, مصر before المملكة.
    assert_eq!(
        desc(&svg),
        "خريطة: T. الدول: مصر، المملكة العربية السعودية."
    );
}

#[test]
fn an_unknown_country_is_an_error_at_its_line_with_the_nearest_names() {
    map_fails(
        "country,share\nSaudi Arabia,76\nEgypt,43\nSaudi Arabai,3\n",
        &[],
        &[
            "in.csv:4:1: column 'country': 'Saudi Arabai' is no country name sharechart knows",
            "the nearest known are 'Saudi Arabia'",
        ],
    );
    map_fails(
        "iso3,share\nSAU,76\nEGY,4\nSAX,3\n",
        &[],
        &[
            "in.csv:4:1: column 'iso3': 'SAX' is no ISO alpha-3 code",
            "'SAU'",
        ],
    );
    // In the chart's language.
    map_fails(
        "country\nمصر\nالسعوديه\nتركيه\nالاردنن\n",
        &["--lang", "ar"],
        &["in.csv:5:1: column 'country': 'الاردنن'", "'الأردن'"],
    );
    map_fails(
        "country\nCongo\n",
        &[],
        &[
            "in.csv:2:1: column 'country': 'Congo' names more than one country",
            "(COD)",
            "(COG)",
        ],
    );
    map_fails(
        "country,share\nTurkey,3\nEgypt,4\nTürkiye,5\n",
        &[],
        &[
            "in.csv:4:1: column 'country': 'Türkiye' and 'Turkey' are the same country (Türkiye), first at line 2",
        ],
    );
}

#[test]
fn missing_values_are_hatched_named_and_listed() {
    let (svg, stderr) = map(
        &std::fs::read_to_string(fixture("map-gulf.csv")).expect("fixture"),
        &["--bins", "10,20,50", "--title", "T"],
    );
    assert!(stderr.contains("2 missing values"), "{stderr}");
    let texts = crate::common::texts(&svg);
    assert!(texts.iter().any(|t| t == "no data"), "{texts:?}");
    // The ground, the hatching over it, for Jordan's shape; Bahrain is a hatched symbol.
    assert_eq!(paths(&svg, "#F2F2F2").len(), 1, "Jordan");
    assert!(svg.contains("stroke=\"#A6A6A6\""));
    assert!(
        circles(&svg).contains(&("#F2F2F2".to_string(), false)),
        "Bahrain"
    );
    assert_eq!(
        desc(&svg),
        "Map: T. share, %. 50% and over: Saudi Arabia 76%, Qatar 57%; 20–50%: United Arab Emirates 40%, \
         Iraq 30%, Kuwait 24%; 10–20%: Oman 12%; under 10%: Yemen 8%; no data: Bahrain, Jordan."
    );
    // Zero is a value, drawn in the lowest class, not as no data.
    let (svg, _) = map("iso3,share\nSAU,0\nEGY,40\n", &["--bins", "10"]);
    assert!(paths(&svg, "#F2F2F2").is_empty());
    assert!(
        desc(&svg).contains("under 10%: Saudi Arabia 0%"),
        "{}",
        desc(&svg)
    );
    map_fails(
        "iso3,share\nSAU,76\nEGY,n/a\n",
        &["--strict"],
        &["in.csv:3:5: column 'share'"],
    );
}

#[test]
fn bins_and_quantiles_make_the_classes() {
    let gulf = std::fs::read_to_string(fixture("map-gulf.csv")).expect("fixture");
    let legend = |args: &[&str]| -> Vec<String> {
        let (svg, _) = map(&gulf, args);
        let texts = crate::common::texts(&svg);
        texts
            .into_iter()
            .skip_while(|t| t != "share, %")
            .skip(1)
            .collect()
    };
    assert_eq!(
        legend(&["--bins", "10,20,50"]),
        ["under 10%", "10–20%", "20–50%", "50% and over", "no data"]
    );
    // Seven values in three quantile classes: 8 12 | 24 30 | 40 57 76, the break between 12
    // and 24 written as the round 20.
    assert_eq!(
        legend(&["--classes", "3"]),
        ["under 20%", "20–40%", "40% and over", "no data"]
    );
    assert_eq!(legend(&[]).len(), 6, "five classes by default, and no data");
    // The colours step from light to dark with the values.
    let (svg, _) = map(&gulf, &["--bins", "50"]);
    let two = ["#A8D6EA", "#013C62"];
    assert_eq!(paths(&svg, two[1]).len(), 2, "Saudi Arabia and Qatar");
    assert_eq!(paths(&svg, two[0]).len(), 5);
}

#[test]
fn a_right_to_left_legend_runs_from_the_right() {
    let (svg, _) = map(
        "iso3,share\nSAU,76\nEGY,43\nTUR,5\n",
        &["--lang", "ar", "--bins", "10,50"],
    );
    let d = doc(&svg);
    let x_of = |needle: &str| -> f64 {
        d.descendants()
            .find(|n| {
                n.has_tag_name("text")
                    && n.descendants()
                        .any(|t| t.text().is_some_and(|t| t.contains(needle)))
            })
            .and_then(|n| n.attribute("x"))
            .and_then(|x| x.parse().ok())
            .unwrap_or_else(|| panic!("no text {needle:?}"))
    };
    let (lowest, middle, highest) = (x_of("أقل من"), x_of("10–50"), x_of("فأكثر"));
    assert!(
        lowest > middle && middle > highest,
        "{lowest} {middle} {highest}"
    );
}

#[test]
fn small_states_are_symbols_in_their_class_colour() {
    let (svg, _) = map("iso3,share\nBHR,8\nMDV,60\nSAU,30\n", &["--bins", "10,50"]);
    assert_eq!(
        circles(&svg),
        [("#A8D6EA".to_string(), true), ("#013C62".to_string(), true)]
    );
    // On a map of the listed countries too, at the world's scale.
    let (svg, _) = map("iso3\nBHR\nQAT\nKWT\nSAU\n", &["--extent", "world"]);
    assert_eq!(circles(&svg).len(), 3, "Bahrain, Qatar, Kuwait");
}

#[test]
fn options_the_map_cannot_take_are_refused() {
    let values = "iso3,share\nSAU,76\nEGY,43\n";
    map_fails(values, &["--top", "1"], &["--top 1 would fold countries"]);
    map_fails(
        values,
        &["--bins", "10,20", "--classes", "3"],
        &["--classes 3 asks for quantile classes, but --bins gives the breaks"],
    );
    map_fails(
        values,
        &["--bins", "20,10"],
        &["--bins 20,10 cannot make classes: thresholds must increase: 10 comes after 20"],
    );
    map_fails(
        values,
        &["--classes", "9"],
        &["--classes 9 is not a number of classes from 1 to 7"],
    );
    map_fails(
        values,
        &["--highlight", "SAU"],
        &["in.csv: --highlight marks countries on a map without values"],
    );
    map_fails(
        values,
        &["--legend", "Members"],
        &["in.csv: a map of values names its classes itself"],
    );
    map_fails(
        "iso3\nSAU\nEGY\n",
        &["--legend", "a", "--legend", "b", "--legend", "c"],
        &["two colours at most, but 3 legend names"],
    );
    map_fails(
        "iso3\nSAU\nEGY\n",
        &["--highlight", "Qatar"],
        &["in.csv: `--highlight \"Qatar\"` matches no category of the chart"],
    );
    // A column of nothing but missing values is not a list of members.
    map_fails(
        "iso3,share\nSAU,\nEGY,n/a\nTUR,..\n",
        &[],
        &[
            "in.csv: column 'share' says \"no data\" in every row (\"n/a\", ...)",
            "--value share",
        ],
    );
    map_fails(
        "iso3,share,count\nSAU,76,3\nEGY,43,4\n",
        &[],
        &["in.csv: a map shows one value per country, but 2 columns of values were found"],
    );
}

#[test]
fn highlight_marks_countries_in_the_accent_colour() {
    let (svg, _) = map(
        "iso3\nSAU\nEGY\nTUR\n",
        &[
            "--highlight",
            "EGY",
            "--legend",
            "Member",
            "--legend",
            "Founder",
        ],
    );
    assert_eq!(paths(&svg, "#D55E00").len(), 1);
    assert_eq!(paths(&svg, "#A8D6EA").len(), 2);
    let texts = crate::common::texts(&svg);
    assert!(texts.contains(&"Member".to_string()) && texts.contains(&"Founder".to_string()));
    assert!(desc(&svg).contains("Member: Saudi Arabia, Türkiye; Founder: Egypt"));
}

#[test]
fn a_manifest_builds_maps_with_their_alt_text_png_and_pdf() {
    let dir = tempdir();
    write(dir.path(), "m.csv", "iso3,share\nSAU,76\nEGY,43\nIRN,\n");
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"m\"\ninput = \"m.csv\"\nkind = \"map\"\noutput = [\"out/m.svg\", \"out/m.png\", \"out/m.pdf\"]\ntitle = \"Shares\"\nbins = [50]\nextent = \"world\"\n",
    );
    let run = bin()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let out = dir.path().join("out");
    let png = decode_png(&std::fs::read(out.join("m.png")).expect("png"));
    assert!(
        png.width >= 600 && png.height >= 300,
        "{}x{}",
        png.width,
        png.height
    );
    let pdf = std::fs::read(out.join("m.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-1.5"));
    let readme = std::fs::read_to_string(out.join("README.md")).expect("report page");
    assert!(
        readme.contains("Map: Shares. share, %. 50% and over: Saudi Arabia 76%; under 50%: Egypt 43%; no data: Iran."),
        "{readme}"
    );
    // A key of another kind is refused at its line.
    write(
        dir.path(),
        "charts.toml",
        "[[chart]]\nname = \"m\"\ninput = \"m.csv\"\nkind = \"map\"\noutput = [\"out/m.svg\"]\nhorizontal = true\n",
    );
    let run = bin()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains("horizontal"), "{stderr}");
}

#[test]
fn the_member_states_world_map_stays_small() {
    let root = crate::common::repo_root();
    let members = std::fs::read_to_string(root.join("data/oic-members.csv")).expect("data");
    let (svg, _) = map(&members, &["--extent", "world"]);
    assert!(svg.len() < 300_000, "{} bytes", svg.len());
    // Every member is drawn (a shape in the members' colour, or a symbol) and described.
    let shapes = paths(&svg, LISTED).len();
    let symbols = circles(&svg).len();
    assert!(shapes + symbols >= 57, "{shapes} shapes, {symbols} symbols");
    assert_eq!(desc(&svg).split(", ").count(), 57, "{}", desc(&svg));
}

/// A table of distinct countries (by alpha-3 code) with values, some missing, and the map's
/// options: bins or quantile classes, extent, language, digits.
fn country_table() -> impl Strategy<Value = (String, String)> {
    let codes: Vec<String> = World::load()
        .countries()
        .map(|(_, c)| c.iso3().to_string())
        .collect();
    let n = codes.len();
    // At least one value: a column of "no data" alone is refused (tested on its own).
    let rows =
        prop::collection::btree_map(0..n, prop::option::weighted(0.85, -500i32..1500), 1..40)
            .prop_filter("a value somewhere", |rows| {
                rows.values().any(Option::is_some)
            });
    let bins = prop::collection::btree_set(-20i32..120, 0..4);
    (
        rows,
        bins,
        0usize..8,
        any::<bool>(),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(move |(rows, bins, classes, world, lang, arabic)| {
            let mut csv = String::from("iso3,share\n");
            for (i, v) in rows {
                let v = v.map_or("n/a".to_string(), |v| format!("{}", f64::from(v) / 10.0));
                csv.push_str(&format!("{},{v}\n", codes[i]));
            }
            let mut keys = String::new();
            if bins.is_empty() {
                keys.push_str(&format!("classes = {}\n", classes.clamp(1, 7)));
            } else {
                let b: Vec<String> = bins.iter().map(i32::to_string).collect();
                keys.push_str(&format!("bins = [{}]\n", b.join(", ")));
            }
            if world {
                keys.push_str("extent = \"world\"\n");
            }
            keys.push_str(["", "lang = \"ar\"\n", "lang = \"fr\"\n"][lang]);
            if arabic {
                keys.push_str("digits = \"arabic\"\n");
            }
            (csv, keys)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Any table of known countries draws: valid XML, every country in the description once,
    /// every listed country with a value in one of the legend's colours.
    #[test]
    fn any_table_of_countries_draws((csv, keys) in country_table()) {
        let spec = ChartOptions::from_toml(Kind::Map, &format!("title = \"T\"\n{keys}"))
            .expect("map keys");
        prop_assert!(spec.validate().is_ok(), "{keys}");
        let laid = sharechart::pipeline::lay_out("p.csv", Input::Bytes(csv.as_bytes()), &spec, &Fonts::default())
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{csv}{keys}")))?;
        let svg = sharechart::render::to_svg(&laid.scene);
        prop_assert!(roxmltree::Document::parse(&svg).is_ok());
        // Every country is named in the description, in the chart's language.
        let lang = ["ar", "fr"].into_iter().find(|l| keys.contains(&format!("\"{l}\""))).unwrap_or("en");
        let world = World::load();
        for line in csv.lines().skip(1) {
            let code = line.split(',').next().unwrap_or_default();
            let id = world.find(sharechart::geo::Key::Alpha3, code, "en").expect("a code");
            let name = world.country(id).name(lang);
            prop_assert!(laid.scene.desc.contains(name), "{name} not in {}", laid.scene.desc);
        }
        let noun = spec.noun(lang);
        prop_assert!(laid.alt.starts_with(noun), "{}", laid.alt);
    }
}
