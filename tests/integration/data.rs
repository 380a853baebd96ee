//! The article's figures in `data/*.csv`: every row must be one of the figures listed here
//! (taken from /work/shared/article/FACTS.md), with its label, basis and share exactly, and no
//! row may be missing or extra. When the article text is at hand, every Arabic label (or, for a
//! stand-alone form, the article's words it names) and every "<share>%" must also occur in it.
//!
//! The CSVs are read with the `csv` crate directly, not with sharechart's own reader, so a bug
//! in the reader cannot hide a wrong figure.

use crate::common;

use std::collections::BTreeMap;
use std::path::PathBuf;

/// `(file, label, basis, share)` for every figure the charts show.
const FIGURES: &[(&str, &str, &str, u32)] = &[
    ("energy.csv", "Oil", "Production", 43),
    ("energy.csv", "Oil", "Reserves", 69),
    ("energy.csv", "Natural gas", "Production", 8),
    ("energy.csv", "Natural gas", "Reserves", 57),
    ("tin.csv", "Tin", "Production", 47),
    ("tin.csv", "Tin", "Reserves", 56),
    ("minerals.csv", "Manganese", "Not stated", 24),
    ("minerals.csv", "Chromium", "Not stated", 40),
    ("minerals.csv", "Iron", "Not stated", 23),
    ("minerals.csv", "Aluminium", "Not stated", 23),
    ("minerals.csv", "Copper", "Not stated", 25),
    ("minerals.csv", "Phosphate", "Not stated", 25),
    ("minerals.csv", "Bauxite", "Not stated", 25),
    ("crops.csv", "Dates", "Production", 76),
    ("crops.csv", "Cotton", "Production", 43),
    ("crops.csv", "Wheat", "Production", 15),
    ("crops.csv", "Rubber", "Production", 80),
    (
        "oic_weight.csv",
        "Land area of OIC states",
        "World land area",
        25,
    ),
    (
        "oic_weight.csv",
        "Muslims of the world",
        "World population",
        25,
    ),
    (
        "oic_weight.csv",
        "OIC members in the UN General Assembly",
        "UN General Assembly members",
        30,
    ),
    (
        "russia_muslims.csv",
        "Muslims in Russia",
        "Population of Russia",
        14,
    ),
];

/// Stand-alone labels that are not the article's words as printed: the label, and the words of
/// the article it names (which must occur there). Labels are correct stand-alone Modern Standard
/// Arabic (the nominative «مسلمو العالم», not the genitive «مسلمي العالم» of the sentence).
const STAND_ALONE: &[(&str, &str)] = &[
    ("مسلمو العالم", "عدد مسلمي العالم"),
    ("مسلمو روسيا", "مسلمى روسيا"),
    ("مساحة الدول الأعضاء", "على مساحة حوالي 32 مليون كم"),
    ("أعضاء المنظمة في الجمعية العامة", "من أعضاء الجمعية العامة"),
];

/// A data row as written: file, line, and the columns by header name.
struct Row {
    file: String,
    line: u64,
    cells: BTreeMap<String, String>,
}

impl Row {
    fn get(&self, col: &str) -> &str {
        self.cells.get(col).map_or_else(
            || panic!("{}:{}: no column '{col}'", self.file, self.line),
            String::as_str,
        )
    }
}

fn data_dir() -> PathBuf {
    common::repo_root().join("data")
}

/// Files of `data/` that are not the article's figures, each with a test of its own below.
const REFERENCE: &[&str] = &["oic-members.csv"];

/// The files of the article's figures.
fn csv_files() -> Vec<String> {
    common::names_in(&data_dir())
        .into_iter()
        .filter(|n| n.ends_with(".csv") && !REFERENCE.contains(&n.as_str()))
        .collect()
}

fn rows(file: &str) -> Vec<Row> {
    let path = data_dir().join(file);
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().expect("a header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap_or_else(|e| panic!("{file}: {e}"));
            let line = r.position().map_or(0, |p| p.line());
            Row {
                file: file.to_string(),
                line,
                cells: headers
                    .iter()
                    .zip(r.iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn every_csv_holds_exactly_the_article_figures() {
    let files = csv_files();
    let expected_files: std::collections::BTreeSet<&str> = FIGURES.iter().map(|f| f.0).collect();
    for f in &files {
        assert!(
            expected_files.contains(f.as_str()),
            "data/{f} is not checked: add its figures (from FACTS.md) to FIGURES in tests/data.rs"
        );
    }
    for file in expected_files {
        let got: Vec<(String, String, String)> = rows(file)
            .iter()
            .map(|r| {
                (
                    r.get("label").to_string(),
                    r.get("basis").to_string(),
                    r.get("share").to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = FIGURES
            .iter()
            .filter(|f| f.0 == file)
            .map(|f| (f.1.to_string(), f.2.to_string(), f.3.to_string()))
            .collect();
        assert_eq!(got, want, "data/{file}: rows (label, basis, share) differ");
    }
}

#[test]
fn every_row_has_its_arabic_twins_and_a_plain_share() {
    for file in csv_files() {
        for r in rows(&file) {
            let at = format!("data/{}:{}", r.file, r.line);
            for col in ["label_ar", "basis_ar"] {
                let v = r.get(col);
                assert!(
                    !v.trim().is_empty() && v.chars().any(sharechart::text::is_arabic),
                    "{at}: {col} {v:?} is not Arabic"
                );
            }
            let share = r.get("share");
            assert!(
                !share.is_empty() && share.bytes().all(|b| b.is_ascii_digit()),
                "{at}: share {share:?} is not a plain whole number"
            );
        }
    }
}

#[test]
fn labels_and_shares_occur_in_the_article() {
    let path = common::repo_root().join("../shared/article/000_4e43c9ddc1c9beaf.txt");
    let Ok(article) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} is not here; the article cross-check is skipped",
            path.display()
        );
        return;
    };
    let mut missing = Vec::new();
    for file in csv_files() {
        for r in rows(&file) {
            let label = r.get("label_ar");
            let words = STAND_ALONE
                .iter()
                .find(|f| f.0 == label)
                .map_or(label, |f| f.1);
            if !article.contains(words) {
                missing.push(format!("data/{file}:{}: label_ar {label:?}", r.line));
            }
            let pct = format!("{}%", r.get("share"));
            if !article.contains(&pct) {
                missing.push(format!("data/{file}:{}: {pct:?}", r.line));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not found in the article text: {missing:#?}"
    );
}

/// `data/oic-members.csv`, the map's list: exactly the 57 member states (the article: «تضم 57
/// دولة»), each with its ISO codes and its names in English, Arabic and French as the map's
/// country table (CLDR) gives them, so the file and the map cannot drift apart.
#[test]
fn the_member_states_file_lists_the_57_members_with_their_names() {
    use sharechart::geo::{Key, OIC_MEMBERS, World};
    let world = World::load();
    let rows = rows("oic-members.csv");
    let codes: Vec<&str> = rows.iter().map(|r| r.get("iso3")).collect();
    assert_eq!(
        codes, OIC_MEMBERS,
        "data/oic-members.csv: the members, in code order"
    );
    for r in &rows {
        let at = format!("data/oic-members.csv:{}", r.line);
        let id = world
            .find(Key::Alpha3, r.get("iso3"), "en")
            .unwrap_or_else(|e| panic!("{at}: {e}"));
        let c = world.country(id);
        assert_eq!(r.get("iso2"), c.iso2(), "{at}");
        for (col, lang) in [("name", "en"), ("name_ar", "ar"), ("name_fr", "fr")] {
            assert_eq!(r.get(col), c.name(lang), "{at}: {col}");
        }
        assert!(
            r.get("name_ar").chars().any(sharechart::text::is_arabic),
            "{at}"
        );
    }
    let path = common::repo_root().join("../shared/article/000_4e43c9ddc1c9beaf.txt");
    if let Ok(article) = std::fs::read_to_string(path) {
        assert!(article.contains(&format!("تضم {} دولة", rows.len())));
    }
}
