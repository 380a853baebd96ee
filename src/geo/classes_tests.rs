//! Tests of the classes and the palette (a file of its own to keep `classes.rs` short).

use super::*;

#[test]
fn thresholds_are_checked() {
    let b = Breaks::thresholds(&[10.0, 20.0, 50.0]).expect("valid");
    assert_eq!(b.classes(), 4);
    let classes: Vec<usize> = [0.0, 9.99, 10.0, 19.0, 20.0, 49.9, 50.0, 1e9]
        .iter()
        .map(|&v| b.class_of(v))
        .collect();
    assert_eq!(classes, [0, 0, 1, 1, 2, 2, 3, 3]);
    assert_eq!(b.class_of(-5.0), 0);
    assert_eq!(Breaks::thresholds(&[]), Err(ClassError::Empty));
    assert_eq!(
        Breaks::thresholds(&[10.0, 10.0]),
        Err(ClassError::NotIncreasing {
            before: 10.0,
            after: 10.0
        })
    );
    assert!(matches!(
        Breaks::thresholds(&[20.0, 10.0]),
        Err(ClassError::NotIncreasing { .. })
    ));
    assert!(matches!(
        Breaks::thresholds(&[1.0, f64::NAN]),
        Err(ClassError::NotFinite(_))
    ));
    assert_eq!(
        Breaks::thresholds(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]),
        Err(ClassError::TooMany(8))
    );
    assert!(Breaks::thresholds(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).is_ok());
}

#[test]
fn quantiles_split_evenly() {
    let v: Vec<f64> = (1..=10).map(f64::from).collect();
    let b = Breaks::quantiles(&v, 4).expect("valid");
    assert_eq!(b.breaks(), [3.0, 6.0, 8.0]);
    let sizes = counts(&b, &v);
    assert_eq!(sizes, [2, 3, 2, 3]);
    // Any order, and no data (NaN) left out.
    let mut shuffled = vec![7.0, f64::NAN, 1.0, 10.0, 4.0, 2.0, 9.0, 3.0, 8.0, 6.0, 5.0];
    assert_eq!(Breaks::quantiles(&shuffled, 4), Ok(b.clone()));
    shuffled.reverse();
    assert_eq!(Breaks::quantiles(&shuffled, 4), Ok(b));
    // 57 members in 5 classes: 11 or 12 each.
    let v: Vec<f64> = (0..57).map(|i| f64::from(i) * 1.5).collect();
    let b = Breaks::quantiles(&v, 5).expect("valid");
    assert!(
        counts(&b, &v).iter().all(|&n| n == 11 || n == 12),
        "{:?}",
        counts(&b, &v)
    );
}

#[test]
fn quantile_breaks_are_round_and_keep_every_value_in_its_class() {
    // Life expectancies as written (gapminder 2007): breaks of 54.110 and 69.819 read as 54
    // and 69.8, with the same classes.
    let v = [
        42.082, 46.388, 52.947, 54.11, 60.022, 69.5, 69.819, 72.3, 75.0, 81.2,
    ];
    let b = Breaks::quantiles(&v, 3).expect("valid");
    for &x in b.breaks() {
        assert!(format!("{x}").len() <= 4, "{:?}", b.breaks());
    }
    assert_eq!(counts(&b, &v), [3, 3, 4], "{:?}", b.breaks());
    assert_eq!(b.breaks(), [54.0, 69.8]);
    assert_eq!(roundest(52.947, 54.11), 54.0);
    assert_eq!(roundest(69.5, 69.819), 69.8);
    assert_eq!(roundest(-5.2, -3.1), -4.0);
    assert_eq!(roundest(0.00012, 0.000153), 0.00015);
    assert_eq!(roundest(1.0, 5.0), 5.0);
    assert_eq!(roundest(999.0, 1000.0), 1000.0);
}

#[test]
fn quantiles_with_ties_give_fewer_classes_none_empty() {
    let v = [5.0, 5.0, 5.0, 5.0, 1.0];
    let b = Breaks::quantiles(&v, 3).expect("valid");
    assert_eq!(b.breaks(), [5.0]);
    assert_eq!(counts(&b, &v), [1, 4]);
    // Fewer distinct values than classes.
    let v = [1.0, 1.0, 2.0];
    let b = Breaks::quantiles(&v, 5).expect("valid");
    assert_eq!(b.breaks(), [2.0]);
    // One value, none, all the same.
    assert_eq!(Breaks::quantiles(&[3.0], 4).map(|b| b.classes()), Ok(1));
    assert_eq!(Breaks::quantiles(&[], 4).map(|b| b.classes()), Ok(1));
    assert_eq!(Breaks::quantiles(&[2.0; 9], 4).map(|b| b.classes()), Ok(1));
    // A tie across what would be a break moves the break up, never splits the tie.
    let v = [1.0, 2.0, 2.0, 2.0, 2.0, 3.0];
    let b = Breaks::quantiles(&v, 3).expect("valid");
    assert_eq!(b.breaks(), [2.0, 3.0]);
    assert_eq!(counts(&b, &v), [1, 4, 1]);
    assert_eq!(Breaks::quantiles(&v, 0), Err(ClassError::Zero));
    assert_eq!(Breaks::quantiles(&v, 8), Err(ClassError::TooMany(8)));
}

fn counts(b: &Breaks, v: &[f64]) -> Vec<usize> {
    let mut n = vec![0; b.classes()];
    for &x in v.iter().filter(|x| x.is_finite()) {
        n[b.class_of(x)] += 1;
    }
    n
}

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIE L*a*b* (D65) of linear RGB.
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = [r, g, b].map(|c| c.clamp(0.0, 1.0));
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn lin(c: Rgb) -> [f64; 3] {
    [linear(c.0), linear(c.1), linear(c.2)]
}

/// Machado, Oliveira and Fernandes (2009), severity 1: protanopia, deuteranopia and
/// tritanopia, on linear RGB; and the identity for normal vision.
const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
    (
        "normal",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

fn seen(m: &[[f64; 3]; 3], c: Rgb) -> [f64; 3] {
    let v = lin(c);
    lab(m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2]))
}

#[test]
fn palette_steps_in_lightness_for_every_vision() {
    assert_eq!(palette(0), None);
    assert_eq!(palette(MAX_CLASSES + 1), None);
    for n in 1..=MAX_CLASSES {
        let p = palette(n).expect("1..=7");
        assert_eq!(p.len(), n);
        for (name, m) in &VISIONS {
            let lab: Vec<[f64; 3]> = p.iter().map(|&c| seen(m, c)).collect();
            let l: Vec<f64> = lab.iter().map(|c| c[0]).collect();
            for (w, c) in l.windows(2).zip(lab.windows(2)) {
                let de = ((c[0][0] - c[1][0]).powi(2)
                    + (c[0][1] - c[1][1]).powi(2)
                    + (c[0][2] - c[1][2]).powi(2))
                .sqrt();
                if *name == "tritanopia" {
                    // The rarest deficiency (about 1 in 10,000) narrows the middle steps to
                    // 7.8 L*; hue and chroma keep neighbours 8.5 ΔE*ab apart.
                    assert!(w[0] - w[1] >= 7.5 && de >= 8.5, "{n}, {name}: {lab:?}");
                } else {
                    // Light to dark, each step at least 9 L*: greyscale keeps L*, so the
                    // classes read in print, and for protanopia and deuteranopia too.
                    assert!(w[0] - w[1] >= 9.0, "{n} classes, {name}: L* {l:?}");
                }
            }
            // The lightest class stands off land, "no data" and the white page.
            let land = seen(m, LAND)[0];
            assert!(
                land - l[0] >= 8.0,
                "{n} classes, {name}: land {land}, {l:?}"
            );
            assert!(seen(m, NO_DATA.fill)[0] - l[0] >= 8.0, "{name}");
            assert!(100.0 - l[0] >= 15.0, "{name}");
        }
    }
}

#[test]
fn the_palette_is_the_documented_lightness_ramp() {
    // L* evenly spaced from 83 to 24 (the comment on PALETTES), within rounding to 8 bits.
    for n in 2..=MAX_CLASSES {
        let p = palette(n).expect("valid");
        for (i, &c) in p.iter().enumerate() {
            let want = 83.0 - 59.0 * i as f64 / (n - 1) as f64;
            let got = lab(lin(c))[0];
            assert!(
                (got - want).abs() < 0.6,
                "{n} classes, class {i}: L* {got}, want {want}"
            );
        }
    }
    let one = palette(1).expect("valid")[0];
    assert!((lab(lin(one))[0] - 53.5).abs() < 0.6);
    assert_eq!(one.hex(), "#0589bd");
}

#[test]
fn no_data_hatch_is_visible_on_its_fill() {
    let fill = lab(lin(NO_DATA.fill))[0];
    let hatch = lab(lin(NO_DATA.hatch))[0];
    assert!(fill - hatch >= 20.0, "{fill} {hatch}");
}
