//! Reads `data/shapes.bin`, the boundaries written by `data/regenerate.mjs`.
//!
//! The layout (`data/README.md` has it too): the magic `SCGEO1`, then LEB128 varints: the
//! quantisation (steps per projected unit), the number of countries, and per country its
//! ISO alpha-3 and alpha-2 codes (5 ASCII bytes), its symbol point, its number of rings and
//! each ring as a point count and zigzag-coded deltas of x and y, each from the point before
//! (the first from the symbol point). Deltas keep a 9,747-point world in 30 KB.

/// One country as stored: codes, symbol point and rings, in projected units.
pub(super) struct Shape<'a> {
    pub iso3: &'a str,
    pub iso2: &'a str,
    pub point: [f64; 2],
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// The embedded boundaries.
pub(super) const SHAPES: &[u8] = include_bytes!("data/shapes.bin");

/// Decodes `bytes`; `None` for a stream that is cut short or malformed (never the embedded
/// one: a unit test decodes it).
pub(super) fn decode(bytes: &[u8]) -> Option<Vec<Shape<'_>>> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(6)? != b"SCGEO1" {
        return None;
    }
    let quant = r.unsigned()? as f64;
    let count = r.unsigned()?;
    let mut shapes = Vec::new();
    for _ in 0..count {
        let code = std::str::from_utf8(r.take(5)?).ok()?;
        let (iso3, iso2) = code.split_at(3);
        let mut at = [r.signed()?, r.signed()?];
        let point = [at[0] as f64 / quant, at[1] as f64 / quant];
        let n_rings = r.unsigned()?;
        let mut rings = Vec::new();
        for _ in 0..n_rings {
            let n = r.unsigned()?;
            // Capacity bounded by what the bytes can hold, whatever a count claims.
            let mut ring = Vec::with_capacity(n.min(bytes.len() as u64) as usize);
            for _ in 0..n {
                at[0] += r.signed()?;
                at[1] += r.signed()?;
                ring.push([at[0] as f64 / quant, at[1] as f64 / quant]);
            }
            rings.push(ring);
        }
        shapes.push(Shape {
            iso3,
            iso2,
            point,
            rings,
        });
    }
    (r.at == bytes.len()).then_some(shapes)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    fn unsigned(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.take(1)?.first()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn signed(&mut self) -> Option<i64> {
        let n = self.unsigned()?;
        Some((n >> 1) as i64 ^ -((n & 1) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_shapes_decode_whole() {
        let shapes = decode(SHAPES).expect("shapes.bin decodes");
        assert!(shapes.len() > 230, "{}", shapes.len());
        let points: usize = shapes.iter().flat_map(|s| &s.rings).map(Vec::len).sum();
        assert!(points > 9000, "{points}");
        // Sorted by alpha-3, unique: the order of CountryId.
        assert!(shapes.windows(2).all(|w| w[0].iso3 < w[1].iso3));
    }

    #[test]
    fn a_cut_or_bad_stream_is_none() {
        assert!(decode(b"").is_none());
        assert!(decode(b"NOTGEO").is_none());
        for cut in [7, 20, SHAPES.len() / 2, SHAPES.len() - 1] {
            assert!(decode(&SHAPES[..cut]).is_none(), "cut at {cut}");
        }
        let mut extra = SHAPES.to_vec();
        extra.push(0);
        assert!(decode(&extra).is_none());
        // A varint that never ends.
        assert!(decode(b"SCGEO1\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").is_none());
    }

    #[test]
    fn zigzag() {
        let mut r = Reader {
            bytes: &[0, 1, 2, 3, 0xff, 0x01],
            at: 0,
        };
        let got: Vec<i64> = (0..5).map_while(|_| r.signed()).collect();
        assert_eq!(got, [0, -1, 1, -2, -128]);
    }
}
