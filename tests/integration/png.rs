//! PNG output, decoded with the `png` crate: size (width and height times the scale), opaque
//! 8-bit colour (RGB, or a palette of RGB colours when the chart has few), a white background, bars and slices in the first palette colour where the scene puts them,
//! and two small pixel goldens compared with a tolerance (±2 per channel, at most 0.5% of the
//! pixels), blessed with `SHARECHART_BLESS=1` like the SVG goldens.

use crate::common;

use sharechart::fonts::Fonts;
use sharechart::kinds::{ChartOptions, Kind};
use sharechart::layout::theme::LIGHT;
use sharechart::render::{self, Format};
use sharechart::scene::{Color, Item, Scene};

const BLUE: [u8; 3] = [0x00, 0x72, 0xB2];
const WHITE: [u8; 3] = [255, 255, 255];

fn scene(fixture: &str, kind: Kind, keys: &str) -> Scene {
    let options = ChartOptions::from_toml(kind, &format!("{SMALL}{keys}")).expect("options");
    sharechart::pipeline::scene(&common::fixture(fixture), &options, &Fonts::default())
        .unwrap_or_else(|e| panic!("{fixture}: {e:?}"))
}

/// The keys of the bar golden.
const CROPS: &str = "title = \"Crops\"\nsource = \"sharechart test fixture\"";

/// A 600x400 chart.
const SMALL: &str = "width = 600\nheight = 400\n";

/// A decoded RGB image.
struct Image {
    w: u32,
    h: u32,
    rgb: Vec<u8>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Image {
        let d = common::decode_png(bytes);
        assert!(
            matches!(d.color, png::ColorType::Rgb | png::ColorType::Indexed),
            "charts are stored as RGB or palette colour, not {:?}",
            d.color
        );
        assert_eq!(d.depth, png::BitDepth::Eight, "8 bits per sample or index");
        assert!(!d.alpha, "charts are opaque: no alpha channel, no tRNS");
        assert_eq!(d.rgb.len(), (d.width * d.height * 3) as usize);
        Image {
            w: d.width,
            h: d.height,
            rgb: d.rgb,
        }
    }

    fn at(&self, x: f64, y: f64) -> [u8; 3] {
        let (x, y) = (x.floor() as u32, y.floor() as u32);
        assert!(x < self.w && y < self.h, "({x}, {y}) outside the image");
        let i = ((y * self.w + x) * 3) as usize;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }
}

fn png_of(scene: &Scene, scale: f32) -> Image {
    Image::decode(&render::render(scene, Format::Png, scale).expect("PNG renders"))
}

/// The first filled rectangle of a colour in the scene: `(x, y, w, h)`.
fn first_rect(scene: &Scene, color: Color) -> (f64, f64, f64, f64) {
    scene
        .items
        .iter()
        .find_map(|i| match i {
            Item::Rect { x, y, w, h, fill } if *fill == color => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .expect("a rectangle of that colour")
}

#[test]
fn size_follows_width_height_and_scale() {
    let s = scene("crops.csv", Kind::Bar, "");
    for (scale, w, h) in [
        (1.0, 600, 400),
        (2.0, 1200, 800),
        (0.5, 300, 200),
        (1.5, 900, 600),
    ] {
        let img = png_of(&s, scale);
        assert_eq!((img.w, img.h), (w, h), "scale {scale}");
    }
}

#[test]
fn background_is_white_and_bars_are_the_first_palette_colour() {
    assert_eq!(
        LIGHT.color(0),
        Color::hex(0x0072B2),
        "the palette starts with blue"
    );
    for lang in ["en", "ar"] {
        for horizontal in [false, true] {
            let keys = format!("lang = {lang:?}\nhorizontal = {horizontal}");
            let s = scene("crops.csv", Kind::Bar, &keys);
            let bars: Vec<_> = s
                .items
                .iter()
                .filter(|i| matches!(i, Item::Rect { fill, .. } if *fill == LIGHT.color(0)))
                .collect();
            assert_eq!(bars.len(), 4, "{lang:?} {horizontal}: one bar per crop");
            for scale in [1.0, 2.0] {
                let img = png_of(&s, scale);
                let k = f64::from(scale);
                for (x, y) in [(0.0, 0.0), (599.0, 0.0), (0.0, 399.0), (599.0, 399.0)] {
                    assert_eq!(img.at(x * k, y * k), WHITE, "corner ({x}, {y})");
                }
                let (x, y, w, h) = first_rect(&s, LIGHT.color(0));
                let (cx, cy) = ((x + w / 2.0) * k, (y + h / 2.0) * k);
                assert_eq!(
                    img.at(cx, cy),
                    BLUE,
                    "{lang:?} {horizontal} x{scale}: bar centre"
                );
                // Just outside the bar's far end (its top, or its right end) is not blue.
                let (ox, oy) = if horizontal {
                    if lang == "en" {
                        ((x + w + 3.0) * k, cy)
                    } else {
                        ((x - 3.0) * k, cy)
                    }
                } else {
                    (cx, (y - 3.0) * k)
                };
                assert_ne!(img.at(ox, oy), BLUE, "beyond the bar's end");
            }
        }
    }
}

#[test]
fn pie_slice_is_drawn_where_the_scene_puts_it() {
    let s = scene("russia.csv", Kind::Pie, "");
    let wedge: Vec<(f64, f64)> = s
        .items
        .iter()
        .find_map(|i| match i {
            Item::Polygon { points, fill } if *fill == LIGHT.color(0) => Some(points.clone()),
            _ => None,
        })
        .expect("the 14% slice");
    // The mean of a convex wedge's corners lies inside it.
    let n = wedge.len() as f64;
    let (mx, my) = wedge
        .iter()
        .fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
    let img = png_of(&s, 1.0);
    assert_eq!(img.at(mx, my), BLUE);
    // 14% from 12 o'clock runs clockwise: the mirror point left of the centre is grey rest.
    let cx = wedge.last().expect("centre").0;
    let Color(r, g, b) = LIGHT.rest;
    assert_eq!(img.at(2.0 * cx - mx, my), [r, g, b]);
}

#[test]
fn binary_png_matches_the_library_png() {
    let dir = common::tempdir();
    let out = dir.path().join("c.png");
    common::bin()
        .arg("bar")
        .arg(common::fixture("crops.csv"))
        .args(["--width", "600", "--height", "400", "--scale", "2", "-o"])
        .arg(&out)
        .assert()
        .success();
    let lib = render::render(
        &scene("crops.csv", Kind::Bar, "scale = 2"),
        Format::Png,
        2.0,
    )
    .expect("PNG renders");
    // The same pixels; the binary's PNG also says its kind of chart in `Description` (the
    // alt text needs the dataset, which `render::render` does not see).
    let written = Image::decode(&std::fs::read(&out).expect("PNG written"));
    let lib = Image::decode(&lib);
    assert_eq!(
        (written.w, written.h, &written.rgb),
        (lib.w, lib.h, &lib.rgb)
    );
    assert_eq!((lib.w, lib.h), (1200, 800));
}

/// Compares with `tests/golden/<name>.png` (or writes it when blessing).
fn check_png_golden(name: &str, bytes: &[u8]) {
    common::check_golden(&format!("{name}.png"), bytes, same_pixels);
}

/// The pixel comparison of `check_png_golden`: the same size, and at most 0.5% of the pixels
/// differ by more than 2 in a channel. `Err` gives the count and the first such pixel.
fn same_pixels(golden: &[u8], actual: &[u8]) -> Result<(), String> {
    let (want, got) = (Image::decode(golden), Image::decode(actual));
    if (got.w, got.h) != (want.w, want.h) {
        return Err(format!(
            "size {}x{}, the golden is {}x{}",
            got.w, got.h, want.w, want.h
        ));
    }
    let mut differing = 0usize;
    let mut first = None;
    for (i, (a, b)) in want.rgb.chunks(3).zip(got.rgb.chunks(3)).enumerate() {
        if a.iter().zip(b).any(|(p, q)| p.abs_diff(*q) > 2) {
            differing += 1;
            let xy = (i as u32 % want.w, i as u32 / want.w);
            first.get_or_insert((xy, a.to_vec(), b.to_vec()));
        }
    }
    let allowed = (want.w * want.h) as usize / 200;
    if differing <= allowed {
        return Ok(());
    }
    Err(format!(
        "{differing} pixels differ by more than 2 (at most {allowed} may); first at \
         (x, y), golden, actual = {first:?}"
    ))
}

#[test]
fn png_golden_bar() {
    let s = scene("crops.csv", Kind::Bar, CROPS);
    check_png_golden(
        "bar-600x400",
        &render::render(&s, Format::Png, 1.0).expect("PNG"),
    );
}

#[test]
fn png_golden_arabic_donut() {
    let keys = "title = \"مسلمو روسيا\"\nrest = \"بقية السكان\"\ndonut = true\nlang = \"ar\"";
    let s = scene("russia.csv", Kind::Pie, keys);
    check_png_golden(
        "donut-ar-600x400",
        &render::render(&s, Format::Png, 1.0).expect("PNG"),
    );
}

#[test]
fn the_pixel_comparison_can_fail() {
    // The tolerance must not hide a real change: a chart with one different value fails.
    let spec = ChartOptions::from_toml(Kind::Bar, &format!("{SMALL}{CROPS}")).expect("options");
    let dir = common::tempdir();
    let p = common::write(
        dir.path(),
        "crops.csv",
        "label,label_ar,share\nDates,التمور,76\nCotton,القطن,43\nWheat,القمح,25\nRubber,المطاط,80\n",
    );
    let changed = sharechart::pipeline::scene(&p, &spec, &Fonts::default()).expect("scene");
    let bytes = render::render(&changed, Format::Png, 1.0).expect("PNG");
    if common::blessing() {
        return;
    }
    let r = std::panic::catch_unwind(|| check_png_golden("bar-600x400", &bytes));
    assert!(r.is_err(), "a 15% -> 25% bar passed the bar golden");
}
