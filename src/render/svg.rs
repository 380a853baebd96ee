//! Writes a [`Scene`] as SVG with plotters' SVG backend, then adds what plotters cannot: the
//! accessible `<title>` and `<desc>`, `role="img"` and the language of the chart.

use plotters::prelude::{DrawingBackend, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, FontFamily, FontStyle,
    FontTransform,
    text_anchor::{HPos, Pos, VPos},
};

use crate::scene::{self, Anchor, Color, Item, Scene};
use crate::xml;

/// A text style for plotters' backend: a family, a size, a colour, an anchor.
struct Style<'a> {
    family: &'a str,
    size: f64,
    color: Color,
    anchor: Anchor,
    bold: bool,
}

impl BackendTextStyle for Style<'_> {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        backend_color(self.color)
    }

    fn size(&self) -> f64 {
        plotters_size(self.size)
    }

    fn transform(&self) -> FontTransform {
        FontTransform::None
    }

    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        let h = match self.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        Pos::new(h, VPos::Center)
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        // Only bitmap backends ask; layout measures with the shaper in `text`.
        Ok(((0, 0), (0, 0)))
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

/// plotters writes `font-size` as `size / 1.24`.
fn plotters_size(px: f64) -> f64 {
    px * 1.24
}

/// Rounds the `font-size` values plotters wrote (`15.999999999999998`) to a tenth of a pixel.
fn round_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        out.push_str(&rest[..i + KEY.len()]);
        rest = &rest[i + KEY.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        match rest[..end].parse::<f64>() {
            Ok(v) => out.push_str(&format!("{}", (v * 10.0).round() / 10.0)),
            Err(_) => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn backend_color(c: Color) -> BackendColor {
    BackendColor {
        alpha: 1.0,
        rgb: (c.0, c.1, c.2),
    }
}

struct Stroke(Color, u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        backend_color(self.0)
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// The SVG text of a scene. Deterministic: the same scene gives the same bytes.
///
/// plotters draws the items it knows (rectangles, polygons, lines and text in whole pixels);
/// paths and circles in fractional pixels (a map's countries, hatching and symbols) are
/// written here, in painting order between plotters' runs.
pub fn to_svg(scene: &Scene) -> String {
    let mut buf = String::with_capacity(16 * 1024);
    {
        let mut b = SVGBackend::with_string(&mut buf, (scene.width, scene.height));
        // The SVG backend only writes into the string: none of these calls can fail.
        let _ = b.draw_rect(
            (0, 0),
            (scene.width as i32, scene.height as i32),
            &Stroke(scene.background, 0),
            true,
        );
        let _ = b.present();
    }
    // plotters' output ends with the root's closing tag: the items go before it.
    let close = buf.rfind("</svg>").unwrap_or(buf.len());
    buf.truncate(close);
    for run in scene.items.chunk_by(|a, b| own(a) == own(b)) {
        if run.first().is_some_and(own) {
            run.iter().for_each(|item| write_own(&mut buf, item));
        } else {
            buf.push_str(&plotters_run(scene, run));
        }
    }
    buf.push_str("</svg>\n");
    accessible(
        arabic_runs(&precise_points(&round_font_sizes(&buf), scene)),
        scene,
    )
}

/// True for the items this writer draws itself rather than plotters.
fn own(item: &Item) -> bool {
    matches!(item, Item::Path { .. } | Item::Circle { .. })
}

/// The SVG elements plotters writes for `items` (none of them [`own`]), without its root
/// element: drawn into a document of their own, whose first line opens the root and whose
/// last closes it.
fn plotters_run(scene: &Scene, items: &[Item]) -> String {
    let mut doc = String::with_capacity(items.len() * 96 + 256);
    {
        let mut b = SVGBackend::with_string(&mut doc, (scene.width, scene.height));
        for item in items {
            let _ = match item {
                Item::Rect { x, y, w, h, fill } => {
                    let (x0, y0, x1, y1) = (px(*x), px(*y), px(x + w), px(y + h));
                    if x1 > x0 && y1 > y0 {
                        b.draw_rect((x0, y0), (x1, y1), &Stroke(*fill, 0), true)
                    } else {
                        Ok(())
                    }
                }
                Item::Polygon { points, fill } => {
                    b.fill_polygon(points.iter().map(|p| (px(p.0), px(p.1))), &Stroke(*fill, 0))
                }
                Item::Line {
                    points,
                    color,
                    width,
                } => b.draw_path(
                    points.iter().map(|p| (px(p.0), px(p.1))),
                    &Stroke(*color, *width),
                ),
                Item::Text {
                    x,
                    y,
                    text,
                    size,
                    color,
                    anchor,
                    bold,
                } => b.draw_text(
                    text,
                    &Style {
                        family: scene.fonts.css(text),
                        size: *size,
                        color: *color,
                        anchor: *anchor,
                        bold: *bold,
                    },
                    (px(*x), px(*y)),
                ),
                Item::Path { .. } | Item::Circle { .. } => Ok(()),
            };
        }
        let _ = b.present();
    }
    let body = doc.find('\n').map_or("", |i| &doc[i + 1..]);
    body.strip_suffix("</svg>\n").unwrap_or(body).to_string()
}

/// Writes a path or a circle: coordinates to a tenth of a pixel, a path's points after its
/// first as relative moves (`l`), which keeps a world map about half the size.
fn write_own(out: &mut String, item: &Item) {
    match item {
        Item::Path {
            subpaths,
            closed,
            fill,
            stroke,
        } => {
            out.push_str("<path d=\"");
            for sub in subpaths {
                let Some(start) = sub.first().map(|p| (tenths(p.0), tenths(p.1))) else {
                    continue;
                };
                // Points that round onto the one before draw nothing.
                let mut at = start;
                let mut steps = Vec::with_capacity(sub.len());
                for p in &sub[1..] {
                    let next = (tenths(p.0), tenths(p.1));
                    if next != at {
                        steps.push((next.0 - at.0, next.1 - at.1));
                        at = next;
                    }
                }
                if steps.is_empty() {
                    continue;
                }
                out.push('M');
                push_pair(out, start, true);
                out.push('l');
                for (i, step) in steps.into_iter().enumerate() {
                    push_pair(out, step, i == 0);
                }
                if *closed {
                    out.push('Z');
                }
            }
            out.push('"');
            match fill {
                Some(c) if *closed => push_attr(out, "fill", &hex(*c)),
                _ => push_attr(out, "fill", "none"),
            }
            push_stroke(out, *stroke);
            out.push_str("/>\n");
        }
        Item::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        } => {
            out.push_str("<circle");
            push_attr(out, "cx", &decimal(tenths(*cx)));
            push_attr(out, "cy", &decimal(tenths(*cy)));
            push_attr(out, "r", &decimal(tenths(*r)));
            match fill {
                Some(c) => push_attr(out, "fill", &hex(*c)),
                None => push_attr(out, "fill", "none"),
            }
            push_stroke(out, *stroke);
            out.push_str("/>\n");
        }
        _ => {}
    }
}

fn push_stroke(out: &mut String, stroke: Option<scene::Stroke>) {
    if let Some(s) = stroke {
        push_attr(out, "stroke", &hex(s.color));
        push_attr(
            out,
            "stroke-width",
            &format!("{}", (s.width * 100.0).round() / 100.0),
        );
        push_attr(out, "stroke-linejoin", "round");
    }
}

fn push_attr(out: &mut String, key: &str, value: &str) {
    out.push(' ');
    out.push_str(key);
    out.push_str("=\"");
    out.push_str(value);
    out.push('"');
}

/// `#RRGGBB`, as plotters writes colours.
fn hex(c: Color) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A coordinate in whole tenths of a pixel (exact from here on: deltas of tenths add up).
fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// Tenths as a decimal: `12.3`, `-0.5` as `-.5`, `40` for 4.0.
fn decimal(t: i64) -> String {
    let (sign, a) = if t < 0 { ("-", -t) } else { ("", t) };
    match (a / 10, a % 10) {
        (0, 0) => "0".to_string(),
        (whole, 0) => format!("{sign}{whole}"),
        (0, frac) => format!("{sign}.{frac}"),
        (whole, frac) => format!("{sign}{whole}.{frac}"),
    }
}

/// Appends `x y`; a minus sign separates numbers by itself. `first` is the first number after
/// a command letter (no separator).
fn push_pair(out: &mut String, (x, y): (i64, i64), first: bool) {
    for (i, v) in [x, y].into_iter().enumerate() {
        let s = decimal(v);
        if (i > 0 || !first) && !s.starts_with('-') {
            out.push(' ');
        }
        out.push_str(&s);
    }
}

/// Writes the points of every polygon and line to a hundredth of a pixel: plotters takes whole
/// pixels, which draws a pie's arc as a staircase of 0.26 mm steps, visible in print and at
/// `scale` 2. The n-th `points` attribute of plotters' output is the n-th polygon or line of
/// the scene (rectangles and texts have none).
fn precise_points(svg: &str, scene: &Scene) -> String {
    const KEY: &str = " points=\"";
    let mut shapes = scene.items.iter().filter_map(|item| match item {
        Item::Polygon { points, .. } | Item::Line { points, .. } => Some(points),
        _ => None,
    });
    let mut out = String::with_capacity(svg.len() + svg.len() / 4);
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        out.push_str(&rest[..i + KEY.len()]);
        rest = &rest[i + KEY.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        match shapes.next() {
            Some(points) => {
                let hundredth = |v: f64| (v * 100.0).round() / 100.0;
                let text: Vec<String> = points
                    .iter()
                    .map(|p| format!("{},{}", hundredth(p.0), hundredth(p.1)))
                    .collect();
                out.push_str(&text.join(" "));
            }
            None => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Gives the characters of an Arabic text that Noto Sans Arabic lacks (Latin letters, `%`,
/// parentheses, quotes) a `<tspan>` naming Noto Sans first. Clients without Sharechart Sans
/// (Typst, a browser) shape each run with the first family they have; Noto Sans Arabic has the
/// Arabic letters, digits and the punctuation Arabic text uses, and their font fallback inside
/// a run of Arabic breaks on ligatures (boxes for "%" in Typst, issue 21). sharechart's own
/// renderer draws both runs with Sharechart Sans, as before.
fn arabic_runs(svg: &str) -> String {
    use crate::fonts::{ARABIC_FONT_FAMILY, FONT_FAMILY};
    let tag = format!("font-family=\"{ARABIC_FONT_FAMILY}\"");
    let mut out = String::with_capacity(svg.len() + 256);
    let mut rest = svg;
    while let Some(i) = rest.find(&tag) {
        let Some(open) = rest[i..].find('>').map(|o| i + o + 1) else {
            break;
        };
        let Some(close) = rest[open..].find("</text>").map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let mut latin = false;
        let mut chars = rest[open..close].char_indices().peekable();
        let content = &rest[open..close];
        while let Some((k, c)) = chars.next() {
            // An entity (`&amp;`) is one character, of the Latin run.
            let (piece, arabic) = if c == '&' {
                let end = content[k..].find(';').map_or(content.len(), |e| k + e + 1);
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
                (&content[k..end], false)
            } else {
                // A space stays in the run it is in.
                let neutral = c == ' ' || c == '\n';
                (
                    &content[k..k + c.len_utf8()],
                    if neutral { !latin } else { in_arabic_face(c) },
                )
            };
            if arabic == latin {
                out.push_str(if latin {
                    "</tspan>"
                } else {
                    "<tspan font-family=\""
                });
                if !latin {
                    out.push_str(FONT_FAMILY);
                    out.push_str("\">");
                }
                latin = !latin;
            }
            out.push_str(piece);
        }
        if latin {
            out.push_str("</tspan>");
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// True for the characters Noto Sans Arabic has: the Arabic script, digits, spaces, the
/// punctuation of Arabic text (`!,-.:«»`), and the invisible joiners and bidi controls.
fn in_arabic_face(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}'
        | '0'..='9' | ' ' | '\n' | '!' | ',' | '-' | '.' | ':' | '\u{A0}' | '«' | '»'
        | '\u{200B}'..='\u{200F}' | '\u{2010}' | '\u{2011}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{034F}')
}

/// Adds `role`, `aria-labelledby`, the language, `<title>` and `<desc>` (and a `viewBox` if it
/// has none) to the root element of plotters' (or usvg's) output.
pub(super) fn accessible(svg: String, scene: &Scene) -> String {
    let root = svg.find("<svg").unwrap_or(0);
    let Some(end) = svg[root..].find('>').map(|e| root + e) else {
        return svg;
    };
    let lang = &scene.lang;
    let mut out = String::with_capacity(svg.len() + scene.desc.len() + 256);
    out.push_str(&svg[..end]);
    // A viewBox always (usvg's writer leaves it out): without one a client that sizes the
    // image (`<object style="width:50%">`, a document at another width) crops it instead of
    // scaling it.
    if !svg[root..end].contains("viewBox") {
        out.push_str(&format!(
            " viewBox=\"0 0 {} {}\"",
            scene.width, scene.height
        ));
    }
    out.push_str(&format!(
        " role=\"img\" aria-labelledby=\"sc-title sc-desc\" xml:lang=\"{lang}\" lang=\"{lang}\">\n<title id=\"sc-title\">"
    ));
    xml::escape_into(&mut out, &scene.title);
    out.push_str("</title>\n<desc id=\"sc-desc\">");
    xml::escape_into(&mut out, &scene.desc);
    out.push_str("</desc>");
    out.push_str(&svg[end + 1..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scene(items: Vec<Item>) -> Scene {
        let fonts = crate::fonts::Fonts::default().set(&[]).expect("embedded");
        let mut s = Scene::new(100, 50, Color::hex(0xFFFFFF), false, fonts);
        s.items = items;
        s
    }

    #[test]
    fn paths_are_written_in_tenths_with_relative_steps() {
        assert_eq!(
            [0, 5, -5, 10, -12, 123, -1230].map(decimal),
            ["0", ".5", "-.5", "1", "-1.2", "12.3", "-123"]
        );
        let stroke = Some(scene::Stroke {
            color: Color::hex(0x777777),
            width: 0.5,
        });
        let ring = vec![(10.0, 10.0), (20.04, 10.0), (20.0, 10.01), (20.0, 5.5)];
        let svg = to_svg(&scene(vec![
            Item::Path {
                subpaths: vec![ring.clone(), vec![(1.0, 1.0)]],
                closed: true,
                fill: Some(Color::hex(0x0589BD)),
                stroke,
            },
            Item::Path {
                subpaths: vec![ring],
                closed: false,
                fill: Some(Color::hex(0x0589BD)),
                stroke: None,
            },
            Item::Circle {
                cx: 5.25,
                cy: 6.0,
                r: 4.5,
                fill: None,
                stroke,
            },
        ]));
        // The second point rounds onto the third: one step; a one-point subpath draws nothing.
        assert!(
            svg.contains(
                "<path d=\"M10 10l10 0 0-4.5Z\" fill=\"#0589BD\" stroke=\"#777777\" stroke-width=\"0.5\" stroke-linejoin=\"round\"/>"
            ),
            "{svg}"
        );
        assert!(
            svg.contains("<path d=\"M10 10l10 0 0-4.5\" fill=\"none\"/>"),
            "{svg}"
        );
        assert!(
            svg.contains("<circle cx=\"5.3\" cy=\"6\" r=\"4.5\" fill=\"none\" stroke="),
            "{svg}"
        );
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn own_items_keep_their_place_between_plotters_items() {
        let rect = |x: f64| Item::Rect {
            x,
            y: 0.0,
            w: 5.0,
            h: 5.0,
            fill: Color::hex(0x123456),
        };
        let dot = Item::Circle {
            cx: 1.0,
            cy: 1.0,
            r: 1.0,
            fill: Some(Color::hex(0xABCDEF)),
            stroke: None,
        };
        let svg = to_svg(&scene(vec![rect(1.0), dot, rect(2.0)]));
        let at = |s: &str| svg.find(s).unwrap_or_else(|| panic!("{s} in {svg}"));
        assert!(at("x=\"1\"") < at("<circle") && at("<circle") < at("x=\"2\""));
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("</svg>").count(), 1);
        assert!(roxmltree::Document::parse(&svg).is_ok(), "{svg}");
    }

    #[test]
    fn arabic_text_names_a_latin_face_for_what_noto_sans_arabic_lacks() {
        use crate::fonts::{ARABIC_FONT_FAMILY, FONT_FAMILY};
        let svg = format!(
            "<text font-family=\"{ARABIC_FONT_FAMILY}\">\nتمتلك 69% (OIC) &amp; النفط\n</text><text font-family=\"{FONT_FAMILY}\">\n76%\n</text>"
        );
        let span = format!("<tspan font-family=\"{FONT_FAMILY}\">");
        assert_eq!(
            arabic_runs(&svg),
            format!(
                "<text font-family=\"{ARABIC_FONT_FAMILY}\">\nتمتلك 69{span}% (OIC) &amp; </tspan>النفط\n</text><text font-family=\"{FONT_FAMILY}\">\n76%\n</text>"
            )
        );
        let file = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
            arabic_runs(&svg)
        );
        let doc = roxmltree::Document::parse(&file).expect("XML");
        let text: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        assert!(text.contains("تمتلك 69% (OIC) & النفط"), "{text}");
    }

    #[test]
    fn polygons_and_lines_keep_a_hundredth_of_a_pixel() {
        let fonts = crate::fonts::Fonts::default().set(&[]).expect("embedded");
        let mut scene = Scene::new(100, 50, Color::hex(0xFFFFFF), false, fonts);
        scene.rect(1.0, 1.0, 10.0, 10.0, Color::hex(0));
        scene.items.push(Item::Polygon {
            points: vec![(10.0, 10.0), (20.456, 10.0), (15.0, 30.333)],
            fill: Color::hex(0),
        });
        scene.line(vec![(0.5, 0.25), (99.999, 49.0)], Color::hex(0), 1);
        let svg = to_svg(&scene);
        assert!(svg.contains("points=\"10,10 20.46,10 15,30.33\""), "{svg}");
        assert!(svg.contains("points=\"0.5,0.25 100,49\""), "{svg}");
    }

    #[test]
    fn font_sizes_are_rounded() {
        for tenth in 50..800 {
            let want = f64::from(tenth) / 10.0;
            let svg = format!("<text font-size=\"{}\">", plotters_size(want) / 1.24);
            assert_eq!(
                round_font_sizes(&svg),
                format!("<text font-size=\"{want}\">")
            );
        }
    }
}
