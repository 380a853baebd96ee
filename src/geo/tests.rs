//! Tests of the world: members drawable, small states, codes and names as users write them,
//! extents, and the size of a drawn world map.

use super::*;

fn id(w: &World, name: &str, lang: &str) -> String {
    match w.find(Key::Name, name, lang) {
        Ok(id) => w.country(id).iso3().to_string(),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn all_57_members_are_drawable() {
    let w = World::load();
    let mut seen = std::collections::BTreeSet::new();
    for code in OIC_MEMBERS {
        let c = w.find(Key::Alpha3, code, "en").map(|i| w.country(i));
        let c = c.unwrap_or_else(|e| panic!("{code}: {e:?}"));
        assert_eq!(c.iso3(), code);
        assert!(seen.insert(code), "{code} twice");
        // Drawable: a shape big enough to see, or a symbol point inside the map.
        assert!(c.area() > 0.0 || c.is_small(), "{code}");
        let p = c.point();
        assert!(
            p[0].abs() <= project::HALF_WIDTH && p[1].abs() < 1.32,
            "{code} {p:?}"
        );
        if !c.rings().is_empty() {
            assert!(
                c.bounds().intersects(&Bounds { min: p, max: p }),
                "{code}: point off"
            );
        }
    }
    assert_eq!(seen.len(), 57);
}

#[test]
fn small_states_get_symbols() {
    let w = World::load();
    let small: Vec<&str> = OIC_MEMBERS
        .iter()
        .copied()
        .filter(|code| {
            let id = w.find(Key::Alpha3, code, "en").expect("member");
            w.country(id).is_small()
        })
        .collect();
    // Bahrain, the Comoros and the Maldives have no shape at 1:110m; the rest are under
    // 30 px² on a 1200 px world; Albania (36 px²) is the smallest member drawn as a shape.
    assert_eq!(
        small,
        [
            "BHR", "BRN", "COM", "DJI", "GMB", "KWT", "LBN", "MDV", "PSE", "QAT"
        ]
    );
    for code in ["BHR", "COM", "MDV"] {
        let c = w.country(w.find(Key::Alpha3, code, "en").expect("member"));
        assert!(c.rings().is_empty() && c.area() == 0.0, "{code}");
    }
    // Palestine's symbol is in the West Bank (35.2 E, 31.9 N), not in Gaza or the sea.
    let pse = w.country(w.find(Key::Alpha3, "PSE", "en").expect("member"));
    let wb = project::equal_earth(35.25, 31.95);
    let d = (pse.point()[0] - wb[0]).hypot(pse.point()[1] - wb[1]);
    assert!(d < 0.01, "{:?} vs {wb:?}", pse.point());
    // Palestine has Gaza as well as the West Bank (1:50m: at 1:110m Gaza is Israel's).
    assert_eq!(pse.rings().len(), 2);
    // Non-members too: Singapore, Malta.
    for code in ["SGP", "MLT", "LUX"] {
        let c = w.country(w.find(Key::Alpha3, code, "en").expect("known"));
        assert!(c.is_small(), "{code}");
    }
}

#[test]
fn areas_are_equal_earth_areas() {
    let w = World::load();
    let get = |code: &str| w.country(w.find(Key::Alpha3, code, "en").expect("known"));
    // 4π units for the whole sphere: Algeria's 2,381,741 km² of 510,072,000 km².
    let algeria = get("DZA").area() / (4.0 * std::f64::consts::PI) * 510_072_000.0;
    assert!((algeria / 2_381_741.0 - 1.0).abs() < 0.03, "{algeria}");
    // South Africa has a hole (Lesotho), so its rings sum to less than their exteriors.
    let zaf = get("ZAF");
    assert!(zaf.rings().iter().any(|r| signed_area(r) < 0.0));
    assert!(w.countries().all(|(_, c)| c.area() >= 0.0));
}

#[test]
fn no_ring_crosses_the_map() {
    // A ring crossing the antimeridian would jump from one edge to the other: a streak.
    let w = World::load();
    for (_, c) in w.countries() {
        for r in c.rings() {
            for (i, p) in r.iter().enumerate() {
                let q = r[(i + 1) % r.len()];
                assert!((p[0] - q[0]).abs() < 1.0, "{}: {p:?} -> {q:?}", c.iso3());
            }
        }
    }
    let rus = w.country(w.find(Key::Alpha3, "RUS", "en").expect("known"));
    let b = rus.bounds();
    assert!(
        b.max[0] > 1.0 && b.min[0] < -1.0,
        "Chukotka is east of 180°"
    );
}

#[test]
fn codes_are_detected() {
    let w = World::load();
    assert_eq!(w.detect(["SAU", "tur", " IDN ", ""]), Key::Alpha3);
    assert_eq!(w.detect(["SA", "TR", "ID"]), Key::Alpha2);
    assert_eq!(w.detect(["Saudi Arabia", "TUR"]), Key::Name);
    assert_eq!(w.detect(["Chad", "Mali", "Iran"]), Key::Name);
    // Three letters that are mostly not codes: names ("UAE", "KSA").
    assert_eq!(w.detect(["UAE", "KSA", "SAU"]), Key::Name);
    assert_eq!(w.detect(Vec::<&str>::new()), Key::Name);
    let find = |k, t| w.find(k, t, "en").map(|i| w.country(i).iso3().to_string());
    assert_eq!(find(Key::Alpha3, "pse"), Ok("PSE".into()));
    assert_eq!(find(Key::Alpha2, "ps"), Ok("PSE".into()));
    assert_eq!(find(Key::Alpha2, "XK"), Ok("XKK".into()));
    // A name among codes is still found; an unknown code's hint is codes.
    assert_eq!(find(Key::Alpha3, "UAE"), Ok("ARE".into()));
    match w.find(Key::Alpha3, "SAX", "en") {
        Err(FindError::NotFound { nearest, .. }) => {
            assert_eq!(nearest.len(), 3);
            assert!(nearest.contains(&"SAU".to_string()), "{nearest:?}");
        }
        other => panic!("{other:?}"),
    }
    // In a name column, an upper-case code is that code; lower case is a name.
    assert_eq!(find(Key::Name, "SAU"), Ok("SAU".into()));
    assert_eq!(find(Key::Name, "TR"), Ok("TUR".into()));
}

#[test]
fn names_users_write() {
    let w = World::load();
    let cases = [
        ("Palestine", "PSE"),
        ("State of Palestine", "PSE"),
        ("Palestinian Territories", "PSE"),
        ("Palestine, State of", "PSE"),
        ("West Bank and Gaza", "PSE"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Iran", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Iran, Islamic Rep.", "IRN"),
        ("Gambia", "GMB"),
        ("The Gambia", "GMB"),
        ("Gambia, The", "GMB"),
        ("Brunei", "BRN"),
        ("Brunei Darussalam", "BRN"),
        ("Kyrgyzstan", "KGZ"),
        ("Kyrgyz Republic", "KGZ"),
        // World Bank and Natural Earth spellings met in public tables (gapminder, GeoJSON).
        ("Slovak Republic", "SVK"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Bosnia and Herz.", "BIH"),
        ("Dem. Rep. Congo", "COD"),
        ("Central African Rep.", "CAF"),
        ("Eq. Guinea", "GNQ"),
        ("S. Sudan", "SSD"),
        ("W. Sahara", "ESH"),
        ("Macedonia", "MKD"),
        ("Burma", "MMR"),
        ("Syria", "SYR"),
        ("Syrian Arab Republic", "SYR"),
        ("UAE", "ARE"),
        ("United Arab Emirates", "ARE"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Cote dIvoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("Guinea", "GIN"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
    ];
    for (name, code) in cases {
        assert_eq!(id(&w, name, "en"), code, "{name}");
    }
}

#[test]
fn arabic_names_with_and_without_the_article_and_letter_variants() {
    let w = World::load();
    let cases = [
        ("السعودية", "SAU"),
        ("المملكة العربية السعودية", "SAU"),
        ("المملكه العربيه السعوديه", "SAU"),
        ("سعودية", "SAU"),
        ("الإمارات", "ARE"),
        ("الامارات العربية المتحدة", "ARE"),
        ("فلسطين", "PSE"),
        ("دولة فلسطين", "PSE"),
        ("الأردن", "JOR"),
        ("الاردن", "JOR"),
        ("أردن", "JOR"),
        ("مِصْر", "EGY"),
        ("مصر", "EGY"),
        ("الجزائر", "DZA"),
        ("جزائر", "DZA"),
        ("تركيا", "TUR"),
        ("تركية", "TUR"),
        ("جزر القمر", "COM"),
        ("ليبيا", "LBY"),
        ("ليبىا", "LBY"),
        ("إيران", "IRN"),
        ("ايران", "IRN"),
        ("كوت ديفوار", "CIV"),
        ("ساحل العاج", "CIV"),
    ];
    for (name, code) in cases {
        assert_eq!(id(&w, name, "ar"), code, "{name}");
        // Found from a chart in another language too (the second stage).
        assert_eq!(id(&w, name, "en"), code, "{name} on an English chart");
    }
}

#[test]
fn names_in_the_members_languages() {
    let w = World::load();
    let cases = [
        ("fr", "Arabie saoudite", "SAU"),
        ("fr", "Turquie", "TUR"),
        ("fr", "Égypte", "EGY"),
        ("fr", "Egypte", "EGY"),
        ("tr", "Suudi Arabistan", "SAU"),
        ("tr", "Fildişi Sahili", "CIV"),
        ("fa", "عربستان سعودی", "SAU"),
        ("ur", "سعودی عرب", "SAU"),
        ("bn", "সৌদি আরব", "SAU"),
        ("ms", "Arab Saudi", "SAU"),
        ("id", "Palestina", "PSE"),
        ("ru", "Саудовская Аравия", "SAU"),
        ("uz", "Falastin", "PSE"),
        ("kk", "Қазақстан", "KAZ"),
        ("az", "Azərbaycan", "AZE"),
        ("ky", "Кыргызстан", "KGZ"),
        ("tg", "Тоҷикистон", "TJK"),
        ("tk", "Türkmenistan", "TKM"),
        ("ps", "افغانستان", "AFG"),
        ("sq", "Shqipëri", "ALB"),
        ("so", "Soomaaliya", "SOM"),
        ("ha", "Nijeriya", "NGA"),
        ("ha", "Palasdinu", "PSE"),
    ];
    for (lang, name, code) in cases {
        assert_eq!(id(&w, name, lang), code, "{lang}: {name}");
    }
    let sau = w.country(w.find(Key::Alpha3, "SAU", "en").expect("known"));
    assert_eq!(sau.name("fr"), "Arabie saoudite");
    assert_eq!(sau.name("ar-SA"), "المملكة العربية السعودية");
    // CLDR has no Dhivehi names: English.
    assert_eq!(sau.name("dv"), "Saudi Arabia");
    assert_eq!(sau.name("xx"), "Saudi Arabia");
    let pse = w.country(w.find(Key::Alpha3, "PSE", "en").expect("known"));
    assert_eq!((pse.name("en"), pse.name("ar")), ("Palestine", "فلسطين"));
}

#[test]
fn unknown_names_come_with_the_three_nearest() {
    let w = World::load();
    match w.find(Key::Name, "Saudia Arabia", "en") {
        Err(FindError::NotFound { query, nearest }) => {
            assert_eq!(query, "Saudia Arabia");
            assert_eq!(nearest.len(), 3);
            assert_eq!(nearest[0], "Saudi Arabia");
        }
        other => panic!("{other:?}"),
    }
    match w.find(Key::Name, "Palestinia", "en") {
        Err(FindError::NotFound { nearest, .. }) => assert_eq!(nearest[0], "Palestine"),
        other => panic!("{other:?}"),
    }
    // In the chart's language.
    match w.find(Key::Name, "السعوديا", "ar") {
        Err(FindError::NotFound { nearest, .. }) => assert_eq!(nearest[0], "السعودية"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        w.find(Key::Name, "", "en"),
        Err(FindError::NotFound { .. })
    ));
}

#[test]
fn an_ambiguous_name_is_an_error_never_a_guess() {
    let w = World::load();
    for (name, both) in [("Congo", ["COD", "COG"]), ("Korea", ["KOR", "PRK"])] {
        match w.find(Key::Name, name, "en") {
            Err(FindError::Ambiguous { query, candidates }) => {
                assert_eq!(query, name);
                let codes: Vec<&str> = candidates.iter().map(|&c| w.country(c).iso3()).collect();
                assert_eq!(codes, both);
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(id(&w, "Congo - Kinshasa", "en"), "COD");
    assert_eq!(id(&w, "Republic of the Congo", "en"), "COG");
}

#[test]
fn within_a_language_no_folded_name_names_two_countries() {
    // Besides the deliberate "Congo" and "Korea", CLDR's names stay apart after folding:
    // folding must never merge two countries' names in one language.
    let w = World::load();
    let mut clashes = Vec::new();
    for (_, c) in w.countries() {
        for lang in [
            "en", "ar", "fr", "tr", "fa", "ur", "ru", "ms", "id", "az", "uz",
        ] {
            let name = c.name(lang);
            if let Err(FindError::Ambiguous { candidates, .. }) = w.find(Key::Name, name, lang) {
                clashes.push(format!("{lang}: {name} {candidates:?}"));
            }
        }
    }
    assert!(clashes.is_empty(), "{clashes:?}");
}

#[test]
fn extents() {
    let w = World::load();
    let world = w.bounds(Extent::World);
    // Antarctica left out: nothing south of about 60° S (the South Sandwich Islands).
    assert!(
        world.min[1] > project::equal_earth(0.0, -61.0)[1],
        "{world:?}"
    );
    assert!(world.max[0] > 2.0 && world.min[0] < -2.0);
    let ids: Vec<CountryId> = OIC_MEMBERS
        .iter()
        .map(|c| w.find(Key::Alpha3, c, "en").expect("member"))
        .collect();
    let oic = w.bounds(Extent::Countries(&ids));
    // From Guyana (61° W) to Indonesia (141° E), Kazakhstan (55° N) to Mozambique (27° S).
    assert!(oic.min[0] < project::equal_earth(-60.0, 5.0)[0]);
    assert!(oic.max[0] > project::equal_earth(140.0, -5.0)[0]);
    assert!(oic.max[1] > project::equal_earth(70.0, 55.0)[1]);
    assert!(oic.min[1] < project::equal_earth(35.0, -26.0)[1]);
    let v = w.fit(Extent::Countries(&ids), 1200.0, 800.0, 20.0);
    for c in &ids {
        let b = w.country(*c).bounds();
        for p in [b.min, b.max] {
            let [x, y] = v.apply(p);
            assert!(
                (19.99..=1180.01).contains(&x) && (19.99..=780.01).contains(&y),
                "{p:?}"
            );
        }
    }
}

/// The whole world at 1200 px, members filled, small members as dots, as the map kind will
/// draw it: one path per country, coordinates to 0.1 px.
fn world_svg(w: &World) -> String {
    use std::fmt::Write;
    let bounds = w.bounds(Extent::World);
    let width = 1200.0;
    let height = (width / bounds.aspect()).round();
    let v = project::fit(bounds, width, height, 0.0);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">\n"
    );
    let mut dots = String::new();
    let colours = classes::palette(3).expect("3 classes");
    for (i, (_, c)) in w.countries().enumerate() {
        let member = OIC_MEMBERS.contains(&c.iso3());
        let fill = if member {
            colours[i % 3]
        } else {
            classes::LAND
        };
        let mut d = String::new();
        for r in c.rings() {
            for (k, &p) in r.iter().enumerate() {
                let [x, y] = v.apply(p);
                let _ = write!(d, "{}{x:.1} {y:.1}", if k == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        if !d.is_empty() {
            let _ = writeln!(
                s,
                "<path d=\"{d}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\".5\"/>",
                fill.hex()
            );
        }
        if member && c.is_small() {
            let [x, y] = v.apply(c.point());
            let _ = writeln!(
                dots,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"{}\" stroke=\"#fff\"/>",
                fill.hex()
            );
        }
    }
    s + &dots + "</svg>\n"
}

#[test]
fn a_world_map_svg_stays_under_300_kb() {
    let svg = world_svg(&World::load());
    assert!(svg.len() < 300_000, "{} bytes", svg.len());
    assert!(svg.contains("<circle"), "small-state dots");
    if let Ok(dir) = std::env::var("SHARECHART_GEO_SVG") {
        // For looking at it: SHARECHART_GEO_SVG=/tmp cargo test --release geo::
        let _ = std::fs::write(std::path::Path::new(&dir).join("geo-world.svg"), &svg);
    }
}

#[test]
fn geo_imports_nothing_from_the_rest_of_the_crate() {
    // The bottom of the layers (STYLE.md section 8): the map kind builds on geo, never the
    // other way round.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/geo");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("src/geo").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            let uses = ["crate", "::"].concat();
            assert!(
                !text.contains(&uses),
                "{} reaches into the crate",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 7, "{checked} files");
}
