//! The map drawn into the scene: the view fitted to the plot area, every country in view
//! (the unlisted ones in the land colour under the listed ones), "no data" hatched, symbols
//! for the small listed states, and the legend's swatches outlined and hatched like the map.
//!
//! Geography is never mirrored: a right-to-left chart mirrors its scene after layout, so the
//! map's own items are flipped here first and come out the right way round.

use super::geometry::{self, Pt, Rect};
use crate::geo::{self, CountryId, Extent, World, project};
use crate::layout::{Area, Page};
use crate::scene::{Color, Item, Stroke};

/// How a listed country is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// A colour (a class, or the one colour of a map without values).
    Fill(Color),
    /// No data: hatched.
    NoData,
}

/// The colours and line widths of a map, from the chart's theme and type size.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Countries not in the file.
    pub land: Color,
    /// Their borders (the background, so they stay quiet).
    pub land_border: Stroke,
    /// The borders of listed countries and of the legend's swatches: darker than the lightest
    /// class, so it stands off the page and off the land.
    pub border: Stroke,
    /// A symbol's radius.
    pub symbol: f64,
    /// A symbol's outline.
    pub symbol_border: Stroke,
    /// "No data": the ground under the hatching.
    pub no_data: Color,
    /// The hatch lines.
    pub hatch: Stroke,
    /// The distance between hatch lines.
    pub spacing: f64,
}

/// One listed country to paint.
pub struct Shape {
    /// The country.
    pub id: CountryId,
    /// Its paint.
    pub paint: Paint,
}

/// The page's map: what it shows and how.
pub struct Map<'a> {
    /// The world.
    pub world: &'a World,
    /// The listed countries.
    pub shapes: &'a [Shape],
    /// The world or the listed countries.
    pub extent: super::Extent,
    /// Colours and widths.
    pub style: Style,
}

/// The share of the listed countries' box added on each side with `extent = data`.
const PAD: f64 = 0.04;

/// Draws the map into `area` of the page (from its top when the chart's height follows its
/// content, else centred); returns the bottom of what was drawn.
pub fn map(page: &mut Page, area: Area, map: &Map) -> f64 {
    let ids: Vec<CountryId> = map.shapes.iter().map(|s| s.id).collect();
    let bounds = match map.extent {
        super::Extent::World => map.world.bounds(Extent::World),
        super::Extent::Data => padded(map.world.bounds(Extent::Countries(&ids))),
    };
    let mut view = project::fit(bounds, area.w(), area.h(), 0.0);
    view.origin[0] += area.x0;
    view.origin[1] += area.y0;
    let top = view.apply([bounds.min[0], bounds.max[1]])[1];
    if page.spec.height.is_none() {
        view.origin[1] -= top - area.y0;
    }
    let content_top = view.apply([bounds.min[0], bounds.max[1]])[1];
    let content_bottom = view.apply([bounds.min[0], bounds.min[1]])[1];
    let frame = Rect {
        x0: area.x0,
        y0: content_top.max(area.y0),
        x1: area.x1,
        y1: content_bottom.min(area.y1),
    };
    let start = page.scene.items.len();
    let s = map.style;
    let px = |p: [f64; 2]| -> Pt {
        let q = view.apply(p);
        (q[0], q[1])
    };
    // The land first, then the listed countries over it, so that their borders are whole.
    for (id, country) in map.world.countries() {
        if ids.contains(&id) {
            continue;
        }
        let rings = clipped(country.rings(), &px, &frame);
        if !rings.is_empty() {
            page.scene.items.push(path(rings, Some(s.land), Some(s.land_border)));
        }
    }
    let mut symbols: Vec<(Pt, Paint)> = Vec::new();
    for shape in map.shapes {
        let country = map.world.country(shape.id);
        let rings = clipped(country.rings(), &px, &frame);
        if rings.is_empty() || small(country, view.scale, &rings, &s) {
            symbols.push((px(country.point()), shape.paint));
        }
        if !rings.is_empty() {
            paint_rings(&mut page.scene.items, rings, shape.paint, &s);
        }
    }
    draw_symbols(&mut page.scene.items, symbols, &s);
    flip(page, start);
    frame.y1
}

/// Whether a drawn country is too small to see its colour at this scale: under half of
/// [`geo::SMALL_AREA_PX`] square pixels (1 mm square at 96 pixels to the inch: the geo module's
/// threshold is for a country with no shape at all, while one with a shape of 1-1.5 mm still
/// shows its colour), or a sliver thinner than half a symbol (Gambia, Togo). A pixel here is
/// the page's (1/96 inch), so the test is the same on paper at every chart size.
fn small(country: &geo::Country, scale: f64, rings: &[Vec<Pt>], s: &Style) -> bool {
    let thin = Rect::around(rings.iter().flatten())
        .is_none_or(|b| (b.x1 - b.x0).min(b.y1 - b.y0) < s.symbol * 0.5);
    country.area() * scale * scale < geo::SMALL_AREA_PX / 2.0 || thin
}

/// The box with [`PAD`] of its larger side added around it.
fn padded(b: geo::Bounds) -> geo::Bounds {
    if b.is_empty() {
        return b;
    }
    let pad = PAD * (b.max[0] - b.min[0]).max(b.max[1] - b.min[1]);
    geo::Bounds {
        min: [b.min[0] - pad, b.min[1] - pad],
        max: [b.max[0] + pad, b.max[1] + pad],
    }
}

/// A country's rings in pixels, clipped to the frame; none when it is out of view.
fn clipped(rings: &[Vec<[f64; 2]>], px: &impl Fn([f64; 2]) -> Pt, frame: &Rect) -> Vec<Vec<Pt>> {
    rings
        .iter()
        .filter_map(|ring| {
            let pts: Vec<Pt> = ring.iter().map(|&p| px(p)).collect();
            let seen = Rect::around(&pts).is_some_and(|b| b.meets(frame));
            let kept = if seen {
                geometry::clip_ring(&pts, frame)
            } else {
                Vec::new()
            };
            (!kept.is_empty()).then_some(kept)
        })
        .collect()
}

/// A closed path.
fn path(rings: Vec<Vec<Pt>>, fill: Option<Color>, stroke: Option<Stroke>) -> Item {
    Item::Path {
        subpaths: rings,
        closed: true,
        fill,
        stroke,
    }
}

/// A listed country: filled and outlined; "no data" filled, hatched, then outlined, so that
/// the hatching does not cover the border.
fn paint_rings(items: &mut Vec<Item>, rings: Vec<Vec<Pt>>, paint: Paint, s: &Style) {
    match paint {
        Paint::Fill(c) => items.push(path(rings, Some(c), Some(s.border))),
        Paint::NoData => {
            items.push(path(rings.clone(), Some(s.no_data), None));
            items.push(hatch_lines(geometry::hatch(&rings, s.spacing), s));
            items.push(path(rings, None, Some(s.border)));
        }
    }
}

/// Open hatch lines.
fn hatch_lines(lines: Vec<Vec<Pt>>, s: &Style) -> Item {
    Item::Path {
        subpaths: lines,
        closed: false,
        fill: None,
        stroke: Some(s.hatch),
    }
}

/// The small states' symbols, pushed apart where they would touch, in their paint.
fn draw_symbols(items: &mut Vec<Item>, symbols: Vec<(Pt, Paint)>, s: &Style) {
    let mut at: Vec<Pt> = symbols.iter().map(|x| x.0).collect();
    geometry::spread(&mut at, 2.0 * s.symbol + s.symbol_border.width + 1.0);
    for (c, (_, paint)) in at.into_iter().zip(symbols) {
        let fill = match paint {
            Paint::Fill(color) => color,
            Paint::NoData => s.no_data,
        };
        let circle = |fill: Option<Color>, stroke: Option<Stroke>| Item::Circle {
            cx: c.0,
            cy: c.1,
            r: s.symbol,
            fill,
            stroke,
        };
        if paint == Paint::NoData {
            items.push(circle(Some(fill), None));
            items.push(hatch_lines(geometry::hatch_circle(c, s.symbol, s.spacing), s));
            items.push(circle(None, Some(s.symbol_border)));
        } else {
            items.push(circle(Some(fill), Some(s.symbol_border)));
        }
    }
}

/// Flips the items from `start` on a right-to-left page, so that the mirror of the whole
/// chart puts geography (and hatching) back the right way round.
fn flip(page: &mut Page, start: usize) {
    if page.context.rtl {
        let w = f64::from(page.scene.width);
        for item in &mut page.scene.items[start..] {
            item.mirror(w);
        }
    }
}

/// Outlines the legend's swatches (the rectangles the frame drew from `start` to `end`, one
/// per entry of `paints`, in order) and hatches the one for "no data", as on the map.
pub fn legend(page: &mut Page, (start, end): (usize, usize), paints: &[Paint], s: &Style) {
    let swatches: Vec<(f64, f64, f64, f64)> = page.scene.items[start..end]
        .iter()
        .filter_map(|i| match i {
            Item::Rect { x, y, w, h, .. } => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .collect();
    let first = page.scene.items.len();
    for ((x, y, w, h), paint) in swatches.into_iter().zip(paints) {
        let ring = vec![vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)]];
        if *paint == Paint::NoData {
            page.scene
                .items
                .push(hatch_lines(geometry::hatch(&ring, s.spacing), s));
        }
        page.scene.items.push(path(ring, None, Some(s.border)));
    }
    flip_hatch(page, first);
}

/// Mirrors a right-to-left legend's hatching in place about each swatch, so that it slants
/// the same way as the map's once the chart is mirrored.
fn flip_hatch(page: &mut Page, start: usize) {
    if !page.context.rtl {
        return;
    }
    let mut swatch: Option<(f64, f64)> = None;
    // Each swatch's outline follows its hatching: flip the hatching about the outline's middle.
    for i in (start..page.scene.items.len()).rev() {
        match &mut page.scene.items[i] {
            Item::Path {
                subpaths,
                closed: true,
                ..
            } => {
                swatch = Rect::around(subpaths.iter().flatten()).map(|b| (b.x0, b.x1));
            }
            Item::Path {
                subpaths,
                closed: false,
                ..
            } => {
                if let Some((x0, x1)) = swatch {
                    for p in subpaths.iter_mut().flatten() {
                        p.0 = x0 + x1 - p.0;
                    }
                }
            }
            _ => {}
        }
    }
}
