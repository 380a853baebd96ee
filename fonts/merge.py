"""Builds the fonts compiled into sharechart (see README.md here), from Debian's fonts-noto-core:

- SharechartSans-{Regular,Bold}.ttf: Noto Sans and Noto Sans Arabic merged into one font, so that
  resvg never needs font fallback for Latin, Cyrillic and Arabic (its fallback breaks on Arabic
  ligatures next to Latin text).
- SharechartSans{Bengali,Thaana,Tifinagh}-{Regular,Bold}.ttf: each script's Noto Sans font
  merged with the Latin letters, digits and punctuation of Noto Sans, so that a label mixing the
  script with "2024", "%" or a Latin name is shaped by one font (Tifinagh has no bold: Regular
  only).

Run once when the fonts change: `python3 fonts/merge.py SRC fonts` (needs fonttools); the result
is committed. Source fonts: OFL-1.1 (see OFL.txt)."""
import os
import sys
import tempfile
from fontTools import subset
from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont

HINTING = ("DSIG", "fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX")
# What a label in another script borrows from Noto Sans: Basic Latin, Latin-1, Latin Extended-A,
# general punctuation (dashes, quotes, ellipsis, per mille), the bidi isolates and the euro sign.
LATIN = (
    list(range(0x20, 0x7F)) + list(range(0xA0, 0x180)) + list(range(0x2010, 0x2031))
    + [0x2039, 0x203A, 0x2044, 0x20AC] + list(range(0x2066, 0x206A))
)

src, out = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp()


def stripped(name, unicodes=None):
    """The font at src/name without hinting tables (resvg does not use them), subset to
    `unicodes` if given; returns the path of the copy."""
    f = TTFont(f"{src}/{name}")
    for t in HINTING:
        if t in f:
            del f[t]
    if unicodes is not None:
        opts = subset.Options()
        opts.layout_features = ["*"]
        opts.name_IDs = ["*"]
        opts.name_languages = ["*"]
        opts.notdef_outline = True
        opts.glyph_names = True
        s = subset.Subsetter(options=opts)
        s.populate(unicodes=unicodes)
        s.subset(f)
    p = os.path.join(tmp, f"{len(os.listdir(tmp))}-{name}")
    f.save(p)
    return p


def merge(parts, family, weight, what):
    """Merges `parts` (the first wins where several map a character), renamed `family`."""
    font = Merger(options=Options(drop_tables=["DSIG"])).merge(parts)
    ps = family.replace(" ", "")
    for rec in list(font["name"].names):
        if rec.nameID in (1, 16):
            rec.string = family
        elif rec.nameID == 4:
            rec.string = f"{family} {weight}" if weight != "Regular" else family
        elif rec.nameID == 6:
            rec.string = f"{ps}-{weight}"
        elif rec.nameID == 3:
            rec.string = f"{ps}-{weight}; merged from {what}"
    # The glyphs' own hinting instructions go too: without the tables above they are dead, and
    # they were a third of the glyph data a PDF embeds (issue 14).
    for name in font.getGlyphOrder():
        font["glyf"][name].removeHinting()
    font["maxp"].maxSizeOfInstructions = 0
    font.save(f"{out}/{ps}-{weight}.ttf")
    print(ps, weight, font["maxp"].numGlyphs)


for weight in ("Regular", "Bold"):
    # Latin first: its glyphs win where both fonts map a character.
    parts = [stripped(f"NotoSans-{weight}.ttf"), stripped(f"NotoSansArabic-{weight}.ttf")]
    merge(parts, "Sharechart Sans", weight, "Noto Sans and Noto Sans Arabic")
    for script in ("Bengali", "Thaana", "Tifinagh"):
        name = f"NotoSans{script}-{weight}.ttf"
        if not os.path.exists(f"{src}/{name}"):
            continue
        parts = [stripped(f"NotoSans-{weight}.ttf", LATIN), stripped(name)]
        merge(parts, f"Sharechart Sans {script}", weight, f"Noto Sans {script} and Noto Sans")
