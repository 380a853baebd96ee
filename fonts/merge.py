"""Builds fonts/SharechartSans-{Regular,Bold}.ttf: Noto Sans and Noto Sans Arabic merged into one
font, so that resvg never needs font fallback (its fallback breaks on Arabic ligatures next to
Latin text). Run once when the fonts change: `python3 fonts/merge.py` (needs fonttools); the
result is committed. Source fonts: Debian package fonts-noto-core, OFL-1.1 (see OFL.txt)."""
import sys
import tempfile
from fontTools.merge import Merger, Options
from fontTools.ttLib import TTFont

src, out = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp()
for weight in ("Regular", "Bold"):
    parts = []  # Latin first: its glyphs win where both fonts map a character
    for name in (f"NotoSans-{weight}.ttf", f"NotoSansArabic-{weight}.ttf"):
        f = TTFont(f"{src}/{name}")
        for t in ("DSIG", "fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX"):
            if t in f:
                del f[t]
        p = f"{tmp}/{name}"
        f.save(p)
        parts.append(p)
    opts = Options(drop_tables=["DSIG"])
    font = Merger(options=opts).merge(parts)
    name = font["name"]
    family = "Sharechart Sans"
    for rec in list(name.names):
        if rec.nameID in (1, 16):
            rec.string = family
        elif rec.nameID == 4:
            rec.string = f"{family} {weight}" if weight != "Regular" else family
        elif rec.nameID == 6:
            rec.string = f"SharechartSans-{weight}"
        elif rec.nameID == 3:
            rec.string = f"SharechartSans-{weight}; merged from Noto Sans and Noto Sans Arabic"
    font.save(f"{out}/SharechartSans-{weight}.ttf")
    print(weight, font["maxp"].numGlyphs)
