//! The laid-out chart: a flat list of shapes and texts in pixel coordinates.
//!
//! Chart kinds produce a [`Scene`]; the SVG writer draws it with plotters. Keeping layout apart
//! from drawing lets a right-to-left chart be made by mirroring a finished left-to-right scene.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    /// From `0xRRGGBB`.
    pub const fn hex(v: u32) -> Color {
        Color((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }
}

/// Horizontal alignment of a text at its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// One drawing operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f64,
        /// Top.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Fill.
        fill: Color,
    },
    /// A filled polygon.
    Polygon {
        /// Corners.
        points: Vec<(f64, f64)>,
        /// Fill.
        fill: Color,
    },
    /// An open polyline.
    Line {
        /// Points.
        points: Vec<(f64, f64)>,
        /// Stroke colour.
        color: Color,
        /// Stroke width in pixels.
        width: u32,
    },
    /// A single line of text, vertically centred on y.
    Text {
        /// Anchor x.
        x: f64,
        /// Centre y.
        y: f64,
        /// The text, already cleaned.
        text: String,
        /// Font size in pixels.
        size: f64,
        /// Fill.
        color: Color,
        /// Alignment.
        anchor: Anchor,
        /// Bold weight.
        bold: bool,
    },
    /// A path of straight segments in fractional pixels: closed rings (a country with its
    /// islands and holes, filled by the non-zero rule) or open polylines (hatching). Written by
    /// the SVG writer itself, since plotters rounds to whole pixels and knows no holes.
    Path {
        /// The subpaths, each a list of points.
        subpaths: Vec<Vec<(f64, f64)>>,
        /// True when every subpath is a closed ring.
        closed: bool,
        /// Fill (closed paths only).
        fill: Option<Color>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A circle (a map's symbol for a small state).
    Circle {
        /// Centre x.
        cx: f64,
        /// Centre y.
        cy: f64,
        /// Radius.
        r: f64,
        /// Fill.
        fill: Option<Color>,
        /// Outline.
        stroke: Option<Stroke>,
    },
}

/// The outline of a [`Item::Path`] or [`Item::Circle`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub color: Color,
    /// Width in (fractional) pixels.
    pub width: f64,
}

/// A finished chart, ready to be written as SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Background colour.
    pub background: Color,
    /// Shapes and texts, in painting order.
    pub items: Vec<Item>,
    /// The chart's title, for the SVG `<title>`.
    pub title: String,
    /// A plain-language summary with the data, for the SVG `<desc>`.
    pub desc: String,
    /// Right-to-left chart (Arabic).
    pub rtl: bool,
    /// The fonts the text is drawn with.
    pub fonts: crate::fonts::FontSet,
    /// The language code written on the SVG (`en`, `ar`, `fa`; `und` when not known).
    pub lang: String,
    /// What the editor wrote on the plot that the data does not say (a reference line and
    /// its value, a callout and its category), one sentence each, for the description and
    /// the alt text.
    pub remarks: Vec<String>,
    /// Set when the chart's content does not fit its canvas (a given height too small for its
    /// text): the pipeline refuses the chart with this message instead of drawing text on
    /// text.
    pub crowded: Option<crate::options::Message>,
}

impl Item {
    /// Moves the item down by `dy` pixels (up when negative).
    pub fn shift_y(&mut self, dy: f64) {
        match self {
            Item::Rect { y, .. } | Item::Text { y, .. } | Item::Circle { cy: y, .. } => *y += dy,
            Item::Polygon { points, .. } | Item::Line { points, .. } => {
                for p in points {
                    p.1 += dy;
                }
            }
            Item::Path { subpaths, .. } => {
                for p in subpaths.iter_mut().flatten() {
                    p.1 += dy;
                }
            }
        }
    }
}

impl Scene {
    /// An empty scene, drawn with `fonts`.
    pub fn new(
        width: u32,
        height: u32,
        background: Color,
        rtl: bool,
        fonts: crate::fonts::FontSet,
    ) -> Scene {
        Scene {
            width,
            height,
            background,
            items: Vec::new(),
            title: String::new(),
            desc: String::new(),
            rtl,
            fonts,
            lang: "und".to_string(),
            remarks: Vec::new(),
            crowded: None,
        }
    }

    /// Adds a text item.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        text: &str,
        size: f64,
        color: Color,
        anchor: Anchor,
        bold: bool,
    ) {
        if text.is_empty() {
            return;
        }
        self.items.push(Item::Text {
            x,
            y,
            text: text.to_string(),
            size,
            color,
            anchor,
            bold,
        });
    }

    /// Adds a rectangle.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Color) {
        self.items.push(Item::Rect { x, y, w, h, fill });
    }

    /// Adds a polyline.
    pub fn line(&mut self, points: Vec<(f64, f64)>, color: Color, width: u32) {
        self.items.push(Item::Line {
            points,
            color,
            width,
        });
    }

    /// Mirrors the scene left to right: how a right-to-left chart is made from a left-to-right
    /// layout. Text stays readable; only its position and alignment flip.
    pub fn mirror(&mut self) {
        let w = f64::from(self.width);
        for item in &mut self.items {
            item.mirror(w);
        }
    }
}

impl Item {
    /// Mirrors the item left to right in a scene `width` pixels wide (see [`Scene::mirror`]).
    pub fn mirror(&mut self, width: f64) {
        let w = width;
        match self {
            Item::Rect { x, w: rw, .. } => *x = w - *x - *rw,
            Item::Polygon { points, .. } | Item::Line { points, .. } => {
                for p in points.iter_mut() {
                    p.0 = w - p.0;
                }
            }
            Item::Path { subpaths, .. } => {
                for p in subpaths.iter_mut().flatten() {
                    p.0 = w - p.0;
                }
            }
            Item::Circle { cx, .. } => *cx = w - *cx,
            Item::Text { x, anchor, .. } => {
                *x = w - *x;
                *anchor = match anchor {
                    Anchor::Start => Anchor::End,
                    Anchor::End => Anchor::Start,
                    Anchor::Middle => Anchor::Middle,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirror_flips_positions_and_anchors() {
        let fonts = crate::fonts::Fonts::default().set(&[]).expect("embedded");
        let mut s = Scene::new(100, 50, Color::hex(0xFFFFFF), true, fonts);
        s.rect(10.0, 0.0, 20.0, 5.0, Color::hex(0));
        s.text(5.0, 5.0, "a", 10.0, Color::hex(0), Anchor::Start, false);
        s.mirror();
        assert_eq!(
            s.items[0],
            Item::Rect {
                x: 70.0,
                y: 0.0,
                w: 20.0,
                h: 5.0,
                fill: Color::hex(0)
            }
        );
        assert!(matches!(s.items[1], Item::Text { x, anchor: Anchor::End, .. } if x == 95.0));
    }

    #[test]
    fn paths_and_circles_mirror_and_move() {
        let mut path = Item::Path {
            subpaths: vec![vec![(10.0, 1.0), (30.0, 2.0)]],
            closed: false,
            fill: None,
            stroke: None,
        };
        path.mirror(100.0);
        path.shift_y(5.0);
        assert!(
            matches!(&path, Item::Path { subpaths, .. } if subpaths[0] == [(90.0, 6.0), (70.0, 7.0)])
        );
        let mut dot = Item::Circle {
            cx: 10.0,
            cy: 1.0,
            r: 2.0,
            fill: None,
            stroke: None,
        };
        dot.mirror(100.0);
        dot.shift_y(-1.0);
        assert!(matches!(dot, Item::Circle { cx, cy, .. } if cx == 90.0 && cy == 0.0));
    }
}
