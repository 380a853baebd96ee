//! The world map: country boundaries, codes and names, the Equal Earth projection, and
//! choropleth classes, for the `map` chart kind. Self-contained: it imports nothing from the
//! rest of the crate, which builds on it.
//!
//! The data is embedded (`data/`, with its sources, licences and the script that regenerates
//! it): Natural Earth's 1:110m admin-0 countries (public domain), already projected, with
//! symbol points from 1:10m, and CLDR's country names in the languages of the OIC and its
//! members. Parsing it takes well under a millisecond; keep the [`World`] for the chart.
//!
//! ```
//! use sharechart::geo::{classes, Extent, Key, World, OIC_MEMBERS};
//!
//! let world = World::load();
//! let column = ["Saudi Arabia", "Türkiye", "Côte d’Ivoire"];
//! assert_eq!(world.detect(column), Key::Name);
//! let ids: Vec<_> = column
//!     .iter()
//!     .map(|name| world.find(Key::Name, name, "en"))
//!     .collect::<Result<_, _>>()?;
//! let sau = world.country(ids[0]);
//! assert_eq!((sau.iso3(), sau.name("ar")), ("SAU", "المملكة العربية السعودية"));
//!
//! // Fit the listed countries (`--extent data`) into 1200 x 800 px, 20 px margin.
//! let view = world.fit(Extent::Countries(&ids), 1200.0, 800.0, 20.0);
//! for (_, country) in world.countries() {
//!     for ring in country.rings() {
//!         let _pixels: Vec<[f64; 2]> = ring.iter().map(|&p| view.apply(p)).collect();
//!     }
//!     if country.is_small() {
//!         let _dot = view.apply(country.point());
//!     }
//! }
//!
//! // Classes: breaks from thresholds or quantiles, one colour per class.
//! let breaks = classes::Breaks::thresholds(&[10.0, 20.0, 50.0])?;
//! let colours = classes::palette(breaks.classes()).unwrap_or_default();
//! assert_eq!(colours[breaks.class_of(76.0)], colours[3]);
//! assert_eq!(OIC_MEMBERS.len(), 57);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Coordinates are Equal Earth on the unit sphere, x east and y north ([`project`]); a
//! [`View`] turns them into pixels. Every ring is implicitly closed, exterior rings run
//! counter-clockwise (north up) and holes clockwise, so either SVG fill rule draws them, and
//! no ring crosses the antimeridian (the data step cut Russia's and Fiji's).
//!
//! Small states: a country whose drawn area is under [`SMALL_AREA_PX`] square pixels on a
//! map of the whole world 1200 px wide (about 25,000 km², since the projection keeps areas:
//! Djibouti, Kuwait, Gambia, Qatar, Brunei, Lebanon, Palestine, and every state 1:110m does
//! not draw, such as Bahrain, the Maldives and the Comoros) [`is_small`](Country::is_small),
//! and should get a dot at its [`point`](Country::point), as Datawrapper draws them. At
//! 1200 px a class colour on fewer pixels than that cannot be read.

pub mod classes;
mod members;
mod names;
pub mod project;
mod shapes;

pub use members::OIC_MEMBERS;
pub use names::{FindError, Key};
pub use project::{Bounds, View};

/// The area under which a country is small: in square pixels on a 1200 px wide world map.
pub const SMALL_AREA_PX: f64 = 30.0;

/// A country of a [`World`]: an index, valid for the world that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(u16);

/// One country (or territory with an ISO code): codes, names, boundaries, symbol point.
#[derive(Debug)]
pub struct Country {
    iso3: &'static str,
    iso2: &'static str,
    names: Vec<(&'static str, &'static str)>,
    rings: Vec<Vec<[f64; 2]>>,
    point: [f64; 2],
    area: f64,
    bounds: Bounds,
}

impl Country {
    /// ISO 3166-1 alpha-3 code (`XKK` for Kosovo, CLDR's, which has no ISO code).
    pub fn iso3(&self) -> &str {
        self.iso3
    }

    /// ISO 3166-1 alpha-2 code.
    pub fn iso2(&self) -> &str {
        self.iso2
    }

    /// The name to show in `lang` (`ar`, `fr`, `ar-EG`, ...): CLDR's, "Palestine" rather
    /// than "Palestinian Territories"; English for a language CLDR does not name countries in
    /// (Dhivehi) or one not in the table.
    pub fn name(&self, lang: &str) -> &str {
        let lang = names::primary(lang);
        let find = |l: &str| self.names.iter().find(|n| n.0 == l).map(|n| n.1);
        find(lang).or_else(|| find("en")).unwrap_or(self.iso3)
    }

    /// The boundary rings, projected (no rings for a state 1:110m does not draw).
    pub fn rings(&self) -> &[Vec<[f64; 2]>] {
        &self.rings
    }

    /// Where its symbol goes: inside its largest polygon at 1:10m, projected.
    pub fn point(&self) -> [f64; 2] {
        self.point
    }

    /// The drawn area in projected units (the unit sphere's 4π in all).
    pub fn area(&self) -> f64 {
        self.area
    }

    /// Whether it is too small to see as a shape: see the module's head.
    pub fn is_small(&self) -> bool {
        let px_per_unit = 1200.0 / (2.0 * project::HALF_WIDTH);
        self.area * px_per_unit * px_per_unit < SMALL_AREA_PX
    }

    /// The box around its rings and its point.
    pub fn bounds(&self) -> Bounds {
        self.bounds
    }
}

/// What a map shows: the whole world, or the listed countries (`--extent world|data`).
#[derive(Clone, Copy, Debug)]
pub enum Extent<'a> {
    /// Every country (Antarctica is not in the data).
    World,
    /// These countries.
    Countries(&'a [CountryId]),
}

/// Every country, with the index that finds them by code or name.
pub struct World {
    countries: Vec<Country>,
    names: names::Index,
}

impl World {
    /// Parses the embedded data.
    pub fn load() -> World {
        // The bytes are compiled in and decoded by a unit test: failing here is a build bug.
        let shapes = shapes::decode(shapes::SHAPES).expect("embedded shapes.bin decodes");
        let codes: Vec<(&str, &str)> = shapes.iter().map(|s| (s.iso3, s.iso2)).collect();
        let mut names = names::Index::new(&codes);
        let countries = shapes
            .into_iter()
            .zip(std::mem::take(&mut names.display))
            .map(|(s, names)| {
                let mut bounds = Bounds::EMPTY;
                bounds.add(s.point);
                s.rings.iter().flatten().for_each(|&p| bounds.add(p));
                Country {
                    area: s.rings.iter().map(|r| signed_area(r)).sum(),
                    iso3: s.iso3,
                    iso2: s.iso2,
                    names,
                    rings: s.rings,
                    point: s.point,
                    bounds,
                }
            })
            .collect();
        World { countries, names }
    }

    /// Every country with its id, in alpha-3 order.
    pub fn countries(&self) -> impl Iterator<Item = (CountryId, &Country)> {
        (0u16..).map(CountryId).zip(&self.countries)
    }

    /// The country `id` stands for.
    pub fn country(&self, id: CountryId) -> &Country {
        &self.countries[usize::from(id.0)]
    }

    /// What a country column holds: alpha-3 or alpha-2 codes, or names.
    pub fn detect<'a>(&self, values: impl IntoIterator<Item = &'a str>) -> Key {
        self.names.detect(values)
    }

    /// The country `text` stands for, read as `key`, on a chart in `lang`: see
    /// [`Key`] and [`FindError`].
    pub fn find(&self, key: Key, text: &str, lang: &str) -> Result<CountryId, FindError> {
        self.names.find(key, text, lang).map(CountryId)
    }

    /// The box around `extent`'s countries (their rings and symbol points).
    pub fn bounds(&self, extent: Extent) -> Bounds {
        match extent {
            Extent::World => self
                .countries
                .iter()
                .map(|c| c.bounds)
                .fold(Bounds::EMPTY, Bounds::union),
            Extent::Countries(ids) => ids
                .iter()
                .map(|&id| self.country(id).bounds)
                .fold(Bounds::EMPTY, Bounds::union),
        }
    }

    /// The view that fits `extent` into `width` x `height` pixels with `margin`: see
    /// [`project::fit`].
    pub fn fit(&self, extent: Extent, width: f64, height: f64, margin: f64) -> View {
        project::fit(self.bounds(extent), width, height, margin)
    }
}

/// The area of a ring, positive for an exterior (counter-clockwise) one, negative for a hole.
fn signed_area(r: &[[f64; 2]]) -> f64 {
    let n = r.len();
    let twice: f64 = (0..n)
        .map(|i| {
            let (p, q) = (r[i], r[(i + 1) % n]);
            p[0] * q[1] - q[0] * p[1]
        })
        .sum();
    twice / 2.0
}

#[cfg(test)]
mod tests;
