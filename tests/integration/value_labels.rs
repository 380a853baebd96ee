//! Property tests of the value labels (issue 11, point 7): in any bar chart drawn, every value
//! label is a complete formatted data value (a value, or the total of a stack), never a cut one
//! such as "5,21" for 5,214, and no two value labels overlap.

use crate::common;
use proptest::prelude::*;
use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::scene::{Anchor, Item};

/// A table: `rows` categories by `values[0].len()` series, `None` for a missing cell.
fn csv(values: &[Vec<Option<f64>>]) -> String {
    let series = values.first().map_or(0, Vec::len);
    let mut s = String::from("name");
    for k in 0..series {
        s.push_str(&format!(",s{k}"));
    }
    s.push('\n');
    for (i, row) in values.iter().enumerate() {
        s.push_str(&format!("Place {i}"));
        for v in row {
            match v {
                Some(v) => s.push_str(&format!(",\"{v}\"")),
                None => s.push_str(",NA"),
            }
        }
        s.push('\n');
    }
    s
}

/// A cell: a whole number or one with a decimal, up to six digits, sometimes missing.
fn cell() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        6 => (0u32..1_000_000).prop_map(|v| Some(f64::from(v))),
        3 => (0u32..100_000).prop_map(|v| Some(f64::from(v) / 10.0)),
    ]
}

fn table() -> impl Strategy<Value = Vec<Vec<Option<f64>>>> {
    (1usize..=24, 1usize..=4).prop_flat_map(|(rows, series)| {
        proptest::collection::vec(proptest::collection::vec(cell(), series), rows)
    })
}

/// The value labels of a scene (bold texts but the title) with their boxes.
fn value_labels(scene: &sharechart::scene::Scene) -> Vec<(String, (f64, f64, f64, f64))> {
    scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text {
                x,
                y,
                text,
                size,
                anchor,
                bold: true,
                ..
            } if *text != scene.title => {
                let w = scene.fonts.width(text, *size, true);
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - w / 2.0,
                    Anchor::End => x - w,
                };
                // The ink of digits, separators and % stands within one em (cap height and the
                // comma's tail): two labels overlap when their ems do.
                let h = *size;
                Some((text.clone(), (left, y - h / 2.0, left + w, y + h / 2.0)))
            }
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_value_label_is_a_whole_data_value(
        values in table(),
        width in 400u32..1600,
        height in 300u32..1000,
        horizontal in any::<bool>(),
        stacked in any::<bool>(),
    ) {
        let dir = common::tempdir();
        let path = common::write(dir.path(), "t.csv", csv(&values));
        let keys = format!(
            "title = \"T\"\nwidth = {width}\nheight = {height}\nhorizontal = {horizontal}\nstacked = {stacked}"
        );
        let options = ChartOptions::from_toml(Kind::Bar, &keys).expect("options");
        let Ok(scene) = sharechart::pipeline::scene(&path, &options, &Fonts::default()) else {
            // A refused chart (nothing to draw) has no labels to check.
            return Ok(());
        };
        let mut allowed: Vec<f64> = values.iter().flatten().flatten().copied().collect();
        allowed.extend(values.iter().map(|row| row.iter().flatten().sum::<f64>()));
        let labels = value_labels(&scene);
        for (text, _) in &labels {
            let n = sharechart::table::number::parse(text);
            prop_assert!(n.is_ok(), "{text:?} is not a whole number");
            let v = n.map(|n| n.value).unwrap_or(f64::NAN);
            prop_assert!(
                allowed.iter().any(|a| (a - v).abs() < 1e-6 * a.abs().max(1.0)),
                "{text:?} is no value of the data"
            );
        }
        for (i, (a, ra)) in labels.iter().enumerate() {
            for (b, rb) in &labels[i + 1..] {
                let apart = ra.2 <= rb.0 || rb.2 <= ra.0 || ra.3 <= rb.1 || rb.3 <= ra.1;
                prop_assert!(apart, "{a:?} {ra:?} overlaps {b:?} {rb:?}");
            }
        }
    }
}
