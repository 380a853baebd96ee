//! Makes krilla's PDF smaller without changing what it draws or says (issue 14: a one-chart PDF
//! no larger than gnuplot's).
//!
//! krilla writes every object plainly, with a classic cross-reference table. This rewrites the
//! file it produced:
//! - every object that is not a stream (catalog, page, font dictionaries and their widths, the
//!   structure tree with the alt text, the document info) goes into one compressed object stream,
//!   and the cross-reference table becomes a compressed cross-reference stream (PDF 1.5; krilla
//!   writes 1.7);
//! - each embedded TrueType subset (`FontFile2`) keeps only the names a reader may show
//!   (copyright, family, style, full and PostScript names, licence URL; not the licence text,
//!   version string and vendor URLs) and no glyph names (`post` version 3: the fonts are used by
//!   glyph id), and gets the `Length1` the PDF reference asks of a `FontFile2`;
//! - the streams krilla leaves uncompressed (it is told to: the page content and the
//!   `ToUnicode` maps) are compressed here, with one compressor for the whole file.
//!
//! Other streams are copied as they are. The rewrite is deterministic; anything it does not
//! recognise leaves krilla's file as it was (see [`pack`]).

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// The `name` records kept in an embedded font: copyright, family, subfamily, full name,
/// PostScript name, licence URL.
const KEEP_NAMES: [u16; 6] = [0, 1, 2, 4, 6, 14];

/// One object of krilla's file: its number and what lies between `N 0 obj` and `endobj`.
struct Object<'a> {
    num: usize,
    body: &'a [u8],
}

/// The packed file, or `None` when `pdf` is not laid out as krilla writes it (the caller then
/// keeps it unchanged).
pub fn pack(pdf: &[u8]) -> Option<Vec<u8>> {
    let (objects, trailer, header) = parse(pdf)?;
    let fonts = font_files(&objects);
    let size = objects.iter().map(|o| o.num).max()? + 1;
    let mut zip = Zip::new();
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(header);
    // (type, field 2, field 3) of each object's cross-reference entry. Object 0 heads the list
    // of free objects, with the usual generation 65535.
    let mut xref = vec![(0u8, 0usize, 0usize); size + 2];
    xref[0] = (0, 0, 65535);
    let (mut offsets, mut packed) = (Vec::new(), Vec::new());
    for o in &objects {
        if is_stream(o.body) {
            xref[o.num] = (1, out.len(), 0);
            let new = stream(o.body, fonts.contains(&o.num), &mut zip);
            write_object(&mut out, o.num, new.as_deref().unwrap_or(o.body));
        } else {
            xref[o.num] = (2, size, offsets.len());
            offsets.push(format!("{} {}", o.num, packed.len()));
            packed.extend_from_slice(o.body);
            packed.push(b'\n');
        }
    }
    let head = offsets.join(" ") + "\n";
    let mut content = head.clone().into_bytes();
    content.extend_from_slice(&packed);
    let dict = format!(
        "/Type/ObjStm/N {}/First {}/Filter/FlateDecode",
        offsets.len(),
        head.len()
    );
    xref[size] = (1, out.len(), 0);
    write_object(
        &mut out,
        size,
        &stream_object(&dict, &zip.deflate(&content)?, None),
    );
    xref[size + 1] = (1, out.len(), 0);
    let start = out.len();
    let xref_body = xref_stream(&xref, trailer, &mut zip)?;
    write_object(&mut out, size + 1, &xref_body);
    out.extend_from_slice(format!("startxref\n{start}\n%%EOF").as_bytes());
    Some(out)
}

/// A stream object made smaller: a font file slimmed (see [`slim_font`]), an uncompressed
/// stream compressed when that makes it smaller; `None` keeps it as it is.
fn stream(body: &[u8], font: bool, zip: &mut Zip) -> Option<Vec<u8>> {
    let inner = body.strip_prefix(b"<</Length ")?;
    let (len, rest) = number(inner)?;
    let split = rest.windows(10).position(|w| w == b">>\nstream\n")?;
    let (dict, data) = (
        &rest[..split],
        rest[split + 10..].strip_suffix(b"\nendstream")?,
    );
    if data.len() != len {
        return None;
    }
    if font && dict == b"/Filter/FlateDecode" {
        let font = slim_font(&zip.inflate(data)?)?;
        let packed = zip.deflate(&font)?;
        let dict = format!("/Length1 {}/Filter/FlateDecode", font.len());
        return Some(stream_object("", &packed, Some(dict.as_bytes())));
    }
    if dict.windows(7).any(|w| w == b"/Filter") {
        return None;
    }
    let packed = zip.deflate(data)?;
    if packed.len() >= data.len() {
        return None;
    }
    let mut extra = b"/Filter/FlateDecode".to_vec();
    extra.extend_from_slice(dict);
    Some(stream_object("", &packed, Some(&extra)))
}

/// `<<{dict}/Length n{rest}>>`, the data, `endstream`.
fn stream_object(dict: &str, data: &[u8], rest: Option<&[u8]>) -> Vec<u8> {
    let mut out = format!("<<{dict}/Length {}", data.len()).into_bytes();
    out.extend_from_slice(rest.unwrap_or_default());
    out.extend_from_slice(b">>\nstream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// One compressor and one decompressor for every stream of the file: making a compressor
/// costs more than compressing a chart's few kilobytes.
struct Zip {
    deflate: Compress,
    inflate: Decompress,
}

impl Zip {
    fn new() -> Zip {
        Zip {
            // krilla's level; 9 saved nothing on these small streams.
            deflate: Compress::new(Compression::new(6), true),
            inflate: Decompress::new(true),
        }
    }

    fn deflate(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        self.deflate.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let done = usize::try_from(self.deflate.total_in()).ok()?;
            let rest = data.get(done..)?;
            match self
                .deflate
                .compress_vec(rest, &mut out, FlushCompress::Finish)
                .ok()?
            {
                Status::StreamEnd => return Some(out),
                _ => out.reserve(out.capacity().max(64)),
            }
        }
    }

    fn inflate(&mut self, data: &[u8]) -> Option<Vec<u8>> {
        self.inflate.reset(true);
        let mut out = Vec::with_capacity(data.len() * 2 + 64);
        loop {
            let done = usize::try_from(self.inflate.total_in()).ok()?;
            let rest = data.get(done..)?;
            match self
                .inflate
                .decompress_vec(rest, &mut out, FlushDecompress::Finish)
                .ok()?
            {
                Status::StreamEnd => return Some(out),
                _ if out.len() < out.capacity() && rest.is_empty() => return None,
                _ => out.reserve(out.capacity().max(64)),
            }
        }
    }
}

/// The objects (in file order), the trailer dictionary's entries without `/Size`, and the
/// header (the bytes before the first object).
fn parse(pdf: &[u8]) -> Option<(Vec<Object<'_>>, &[u8], &[u8])> {
    let sx = rfind(pdf, b"startxref\n")?;
    let xref_at: usize = number(&pdf[sx + 10..])?.0;
    let table = pdf.get(xref_at..)?.strip_prefix(b"xref\n0 ")?;
    let (count, rest) = number(table)?;
    let entries = rest.strip_prefix(b"\n")?;
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(count);
    for num in 1..count {
        let e = entries.get(num * 20..num * 20 + 20)?;
        if &e[10..18] != b" 00000 n" {
            return None;
        }
        starts.push((number(&e[..10])?.0, num));
    }
    starts.sort_unstable();
    let mut objects = Vec::with_capacity(starts.len());
    for (i, &(at, num)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(xref_at, |s| s.0);
        let text = pdf.get(at..end)?;
        let body = text.strip_prefix(format!("{num} 0 obj").as_bytes())?;
        let body = trim(trim(body).strip_suffix(b"endobj")?);
        objects.push(Object { num, body });
    }
    let trailer = entries.get(count * 20..entries.len().checked_sub(pdf.len() - sx)?)?;
    let dict = trim(trim(trailer).strip_prefix(b"trailer")?);
    let dict = dict.strip_prefix(b"<</Size ")?.strip_suffix(b">>")?;
    let (_, entries) = number(dict)?;
    let header = &pdf[..starts.first()?.0];
    Some((objects, entries, header))
}

/// The numbers of the streams that a font descriptor names as its `FontFile2`.
fn font_files(objects: &[Object]) -> Vec<usize> {
    let key = b"/FontFile2 ";
    objects
        .iter()
        .filter(|o| !is_stream(o.body))
        .filter_map(|o| {
            let at = o.body.windows(key.len()).position(|w| w == key)?;
            Some(number(&o.body[at + key.len()..])?.0)
        })
        .collect()
}

/// A TrueType font with a smaller `name` table and a `post` table without glyph names; every
/// other table is copied. `None` if it is not a TrueType font as the subsetter writes them.
fn slim_font(font: &[u8]) -> Option<Vec<u8>> {
    if font.get(..4)? != [0, 1, 0, 0] {
        return None;
    }
    let n = usize::from(u16_at(font, 4)?);
    let mut tables = Vec::with_capacity(n);
    for i in 0..n {
        let e = font.get(12 + 16 * i..28 + 16 * i)?;
        let (at, len) = (u32_at(e, 8)? as usize, u32_at(e, 12)? as usize);
        let data = font.get(at..at + len)?;
        let data = match &e[..4] {
            b"name" => slim_name(data)?,
            // Version 3: no glyph names; the rest of the header stays.
            b"post" if data.len() >= 32 => [&[0, 3, 0, 0][..], &data[4..32]].concat(),
            // The table's own checksum is taken with checkSumAdjustment zero (set below).
            b"head" if data.len() >= 12 => [&data[..8], &[0; 4][..], &data[12..]].concat(),
            _ => data.to_vec(),
        };
        tables.push((&e[..4], data));
    }
    let mut out = font[..12].to_vec();
    let mut at = 12 + 16 * n;
    let mut head_at = None;
    for (tag, data) in &tables {
        if *tag == b"head" {
            head_at = Some(at);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(at as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        at += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(h) = head_at.filter(|h| out.len() >= h + 12) {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[h + 8..h + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    Some(out)
}

/// A `name` table (format 0) with only the records of [`KEEP_NAMES`].
fn slim_name(name: &[u8]) -> Option<Vec<u8>> {
    if u16_at(name, 0)? != 0 {
        return Some(name.to_vec());
    }
    let count = usize::from(u16_at(name, 2)?);
    let strings = usize::from(u16_at(name, 4)?);
    let mut records = Vec::new();
    let mut storage: Vec<u8> = Vec::new();
    for i in 0..count {
        let r = name.get(6 + 12 * i..18 + 12 * i)?;
        if !KEEP_NAMES.contains(&u16_at(r, 6)?) {
            continue;
        }
        let (len, off) = (usize::from(u16_at(r, 8)?), usize::from(u16_at(r, 10)?));
        let s = name.get(strings + off..strings + off + len)?;
        let at = match storage.windows(len.max(1)).position(|w| w == s) {
            Some(at) if len > 0 => at,
            _ => {
                storage.extend_from_slice(s);
                storage.len() - len
            }
        };
        records.extend_from_slice(&r[..10]);
        records.extend_from_slice(&u16::try_from(at).ok()?.to_be_bytes());
    }
    let kept = records.len() / 12;
    let mut out = Vec::with_capacity(6 + records.len() + storage.len());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&u16::try_from(kept).ok()?.to_be_bytes());
    out.extend_from_slice(&u16::try_from(6 + 12 * kept).ok()?.to_be_bytes());
    out.extend_from_slice(&records);
    out.extend_from_slice(&storage);
    Some(out)
}

/// The cross-reference stream's object body for `entries`, with the trailer's entries.
fn xref_stream(entries: &[(u8, usize, usize)], trailer: &[u8], zip: &mut Zip) -> Option<Vec<u8>> {
    let bytes = |v: usize| (usize::BITS - v.leading_zeros()).div_ceil(8).max(1) as usize;
    let w2 = bytes(entries.iter().map(|e| e.1).max().unwrap_or(0));
    let w3 = bytes(entries.iter().map(|e| e.2).max().unwrap_or(0));
    let mut raw = Vec::with_capacity(entries.len() * (1 + w2 + w3));
    let word = usize::BITS as usize / 8;
    for &(kind, a, b) in entries {
        raw.push(kind);
        raw.extend_from_slice(&a.to_be_bytes()[word - w2..]);
        raw.extend_from_slice(&b.to_be_bytes()[word - w3..]);
    }
    let dict = format!(
        "/Type/XRef/Size {}/W[1 {w2} {w3}]/Filter/FlateDecode",
        entries.len()
    );
    Some(stream_object(&dict, &zip.deflate(&raw)?, Some(trailer)))
}

fn write_object(out: &mut Vec<u8>, num: usize, body: &[u8]) {
    out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
    out.extend_from_slice(body);
    out.extend_from_slice(b"\nendobj\n");
}

fn is_stream(body: &[u8]) -> bool {
    body.ends_with(b"endstream")
}

fn trim(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

/// The decimal number at the start of `s` (after spaces) and what follows it.
fn number(s: &[u8]) -> Option<(usize, &[u8])> {
    let s = s.trim_ascii_start();
    let end = s
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(s.len());
    let n = std::str::from_utf8(&s[..end]).ok()?.parse().ok()?;
    Some((n, &s[end..]))
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The OpenType table checksum: the sum of big-endian u32 words, the last one zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slimmed font's table directory and `checkSumAdjustment` verify as the OpenType spec
    /// defines them (the `head` table summed with the adjustment zero; the whole font summing
    /// to 0xB1B0AFBA), so font validators accept the embedded subsets.
    #[test]
    fn a_slimmed_font_has_valid_checksums() {
        let font = include_bytes!("../../fonts/SharechartSans-Bold.ttf");
        let slim = slim_font(font).expect("a TrueType font");
        assert!(slim.len() < font.len(), "names and glyph names dropped");
        let n = usize::from(u16_at(&slim, 4).expect("table count"));
        for i in 0..n {
            let e = &slim[12 + 16 * i..28 + 16 * i];
            let (at, len) = (
                u32_at(e, 8).expect("at") as usize,
                u32_at(e, 12).expect("len"),
            );
            let mut table = slim[at..at + len as usize].to_vec();
            if &e[..4] == b"head" {
                table[8..12].fill(0);
            }
            assert_eq!(
                checksum(&table),
                u32_at(e, 4).expect("sum"),
                "{:?}",
                &e[..4]
            );
        }
        assert_eq!(checksum(&slim), 0xB1B0_AFBA);
    }

    /// A format-0 `name` table with one record a name id, each string its id's digits.
    fn name_table(ids: &[u16]) -> Vec<u8> {
        let mut records = Vec::new();
        let mut storage = Vec::new();
        for id in ids {
            let s = id.to_string().into_bytes();
            for v in [3u16, 1, 0x409, *id, s.len() as u16, storage.len() as u16] {
                records.extend_from_slice(&v.to_be_bytes());
            }
            storage.extend_from_slice(&s);
        }
        let n = ids.len() as u16;
        let mut t = [0u16, n, 6 + 12 * n]
            .iter()
            .flat_map(|v| v.to_be_bytes())
            .collect::<Vec<_>>();
        t.extend_from_slice(&records);
        t.extend_from_slice(&storage);
        t
    }

    #[test]
    fn the_name_table_keeps_copyright_and_names_only() {
        let slim = slim_name(&name_table(&[0, 5, 6, 13, 14])).expect("slim");
        assert_eq!(slim, name_table(&[0, 6, 14]));
    }

    #[test]
    fn a_file_not_laid_out_as_krilla_writes_it_is_left_alone() {
        assert!(pack(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n").is_none());
        assert!(pack(b"").is_none());
    }
}
