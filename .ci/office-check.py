"""Checks what the README tells Word and LibreOffice users (issue 21), with a real LibreOffice
(Debian's, headless), from the repository root:

1. Insert > Picture of a PNG places it at the chart's size. Every PNG of output/ is inserted into
   a new Writer document by Writer's own Insert > Picture command (.uno:InsertGraphic, run by a
   Basic macro in a private profile: the size then comes from LibreOffice's image import, which
   reads the PNG's pHYs, as it does for a user) and exported to PDF. PyMuPDF measures the placed
   image: it must be the size of the chart's PDF page (the chart's physical size, 453 x 283.5 pt
   = 15.98 x 10 cm at the default size) within 1%, and so must the size the PNG's pHYs gives.
   The smallest text of the chart (from its PDF) then prints at least 7 pt.
   (Measured, LibreOffice 7.4: an HTML <img> and an .fodt frame without a size ignore pHYs, at
   96 dpi and at 0.56 cm; Draw's import, `soffice --convert-to pdf chart.png`, honours it.)
2. The placed PNG, rasterised at 192 dpi, is the PNG itself (no resampling or JPEG).
3. Arabic SVGs: each Arabic chart's SVG made with `--svg-text paths` (drawn here, by the release
   binary, from a copy of charts.toml) and inserted the same way draws as sharechart's PNG,
   compared as doc-check.py does, in blocks of 4x4 pixels. The SVG of output/ with its text as
   text, which the README advises against for Arabic, must still lose letters (LibreOffice 7.4
   joins Arabic letters right, but drops words: the title after its first "%", ...).

Usage: python3 .ci/office-check.py [output]   (needs soffice from libreoffice-writer-nogui, the
Noto fonts of fonts-noto-core, target/release/sharechart, and pymupdf, pillow from PyPI)
"""

import collections
import glob
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
from xml.sax.saxutils import escape

import pymupdf
from PIL import Image, ImageChops

OUT = sys.argv[1] if len(sys.argv) > 1 else "output"
MIN_PT = 7.0
SIZE_TOLERANCE = 0.01
# Blocks of 4x4 pixels at least 96 levels apart (doc-check.py's measure and threshold). Measured
# with LibreOffice 7.4: 0.0000% for every placed PNG and every --svg-text paths SVG; a missing
# 8.5 pt label is about 0.05%. SVGs with their text as text are 1.4-3.8% apart in every language:
# LibreOffice sets all their text a pixel or two lower (English and French too, which read
# right), so blocks do not tell a wrong Arabic SVG from a right one: the letters do (below).
SAME = 0.0002
TMP = tempfile.mkdtemp(prefix="office-check-")
PROFILE = os.path.join(TMP, "profile")
BINARY = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "sharechart")

# Writer's Insert > Picture, once a line of the list file ("picture<TAB>pdf"), each picture in a
# new document with the default page, exported to PDF. One soffice process for all of them.
MACRO = """Sub InsertPictures(sList As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden" : aLoad(0).Value = True
  Dim aIns(1) As New com.sun.star.beans.PropertyValue
  Dim aPdf(0) As New com.sun.star.beans.PropertyValue
  aPdf(0).Name = "FilterName" : aPdf(0).Value = "writer_pdf_Export"
  oDisp = createUnoService("com.sun.star.frame.DispatchHelper")
  iFile = FreeFile
  Open sList For Input As #iFile
  Do While Not EOF(iFile)
    Line Input #iFile, sLine
    If sLine <> "" Then
      aParts = Split(sLine, Chr(9))
      oDoc = StarDesktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, aLoad())
      aIns(0).Name = "FileName" : aIns(0).Value = ConvertToURL(aParts(0))
      aIns(1).Name = "AsLink" : aIns(1).Value = False
      oDisp.executeDispatch(oDoc.CurrentController.Frame, ".uno:InsertGraphic", "", 0, aIns())
      oDoc.storeToURL(ConvertToURL(aParts(1)), aPdf())
      oDoc.close(True)
    End If
  Loop
  Close #iFile
End Sub
"""


def fail(msg):
    print(f"office-check: {msg}", file=sys.stderr)
    sys.exit(1)


def soffice(*args):
    # A private profile: nothing of the machine's user, and the macro above in it. A timeout:
    # a Basic error in a headless office waits on a dialog nobody sees.
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{PROFILE}", "--headless", *args],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        fail(f"soffice {' '.join(args)} failed:\n{r.stdout}{r.stderr}")


def install_macro():
    soffice("--terminate_after_init")  # creates the profile, its Standard library included
    module = os.path.join(PROFILE, "user", "basic", "Standard", "Module1.xba")
    if not os.path.exists(module):
        fail(f"LibreOffice made no {module}")
    with open(module, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
                ' "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script"'
                ' script:name="Module1" script:language="StarBasic">'
                + escape(MACRO) + "</script:module>\n")


def insert_pictures(pictures):
    """Each picture into its own Writer document by Insert > Picture; returns the PDFs."""
    jobs = [(p, os.path.join(TMP, f"{i:03}-{os.path.basename(p)}.pdf")) for i, p in enumerate(pictures)]
    listing = os.path.join(TMP, "pictures.txt")
    with open(listing, "w", encoding="utf-8") as f:
        f.writelines(f"{os.path.abspath(p)}\t{pdf}\n" for p, pdf in jobs)
    soffice(f'macro:///Standard.Module1.InsertPictures("{listing}")')
    for p, pdf in jobs:
        if not os.path.exists(pdf):
            fail(f"LibreOffice wrote no PDF of {p}")
    return [pdf for _, pdf in jobs]


def phys_size_pt(png):
    """The PNG's physical size from its pHYs chunk (pixels per metre), or None."""
    with open(png, "rb") as f:
        data = f.read()
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            w, h = struct.unpack(">II", data[pos + 8:pos + 16])
        if kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", data[pos + 8:pos + 17])
            return (w / x / 0.0254 * 72, h / y / 0.0254 * 72) if unit == 1 else None
        if kind == b"IDAT":
            return None  # pHYs must come before the image data
        pos += 12 + length
    return None


def chart_pdf(png):
    """The chart's physical size in pt (its PDF page) and its smallest text (span size)."""
    pdf = os.path.splitext(png)[0] + ".pdf"
    if not os.path.exists(pdf):
        fail(f"{png} has no PDF beside it to take the chart's size from")
    page = pymupdf.open(pdf)[0]
    sizes = [s["size"] for b in page.get_text("dict")["blocks"] for l in b.get("lines", [])
             for s in l["spans"] if s["text"].strip()]
    if not sizes:
        fail(f"no text in {pdf}")
    return page.rect.width, page.rect.height, min(sizes)


def placed_image(pdf):
    """The one image of a document's first page: its placed box in pt (x, y, w, h)."""
    page = pymupdf.open(pdf)[0]
    images = page.get_image_info()
    if len(images) != 1:
        fail(f"{pdf}: {len(images)} images on the page, expected the one picture")
    x0, y0, x1, y1 = images[0]["bbox"]
    return x0, y0, x1 - x0, y1 - y0


def far_blocks(pdf, box, png):
    """The page of `pdf` rasterised at 192 dpi, `box` cut out, against `png` in 4x4 blocks:
    the fraction of blocks at least 96 levels apart (as doc-check.py)."""
    scale = 192 / 72
    page = pymupdf.open(pdf)[0]
    pix = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
    page_img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    with Image.open(png) as b:
        b = b.convert("RGB")
    x, y = round(box[0] * scale), round(box[1] * scale)
    a = page_img.crop((x, y, x + b.width, y + b.height))
    small = (max(1, b.width // 4), max(1, b.height // 4))
    diff = ImageChops.difference(a.resize(small, Image.BOX), b.resize(small, Image.BOX)).convert("L")
    return sum(diff.histogram()[96:]) / (small[0] * small[1])


def letters(pdf):
    """The letters and digits of a PDF's first page, counted (not in order: LibreOffice's PDF
    gives Arabic in visual order, and lam-alef as two letters, which NFKC gives too)."""
    text = unicodedata.normalize("NFKC", pymupdf.open(pdf)[0].get_text())
    return collections.Counter(c for c in text if c.isalnum())


def arabic_charts():
    """Names (output/NAME.png) of the Arabic charts, from their SVG's text."""
    names = []
    for svg in sorted(glob.glob(os.path.join(OUT, "*.svg"))):
        text = open(svg, encoding="utf-8").read()
        if re.search("[\u0600-\u06ff]", text) and "<text" in text:
            names.append(os.path.splitext(os.path.basename(svg))[0])
    return names


def paths_svgs(names):
    """The Arabic SVGs again, drawn with --svg-text paths from a copy of charts.toml whose
    outputs land in a temporary folder (its paths are relative to the manifest)."""
    manifest = open("charts.toml", encoding="utf-8").read()
    manifest, n = re.subn(r"^\[defaults\]$", '[defaults]\nsvg-text = "paths"', manifest, flags=re.M)
    if n != 1:
        fail("charts.toml has no [defaults] table to add svg-text to")
    work = os.path.join(TMP, "paths")
    os.makedirs(work)
    os.symlink(os.path.abspath("data"), os.path.join(work, "data"))
    with open(os.path.join(work, "charts.toml"), "w", encoding="utf-8") as f:
        f.write(manifest)
    r = subprocess.run([BINARY, "build", "-m", os.path.join(work, "charts.toml")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{BINARY} build with svg-text = paths failed:\n{r.stderr}")
    svgs = []
    for n in names:
        svg = os.path.join(work, "output", f"{n}.svg")  # charts.toml writes output/
        if not os.path.exists(svg) or "<text" in open(svg, encoding="utf-8").read():
            fail(f"{svg}: not drawn, or text left in it with svg-text = paths")
        svgs.append(svg)
    return svgs


def main():
    if not shutil.which("soffice"):
        fail("soffice is not installed (apt-get install libreoffice-writer-nogui)")
    pngs = sorted(glob.glob(os.path.join(OUT, "*.png")))
    arabic = arabic_charts()
    if not pngs or not arabic:
        fail(f"{OUT} has no PNG or no Arabic chart")
    ar_pngs = [os.path.join(OUT, f"{n}.png") for n in arabic]
    text_svgs = [os.path.join(OUT, f"{n}.svg") for n in arabic]
    install_macro()
    # One office run for every picture: all PNGs, then the Arabic SVGs as text and as paths.
    pdfs = insert_pictures(pngs + text_svgs + paths_svgs(arabic))
    png_pdfs = dict(zip(pngs, pdfs))
    text_pdfs, paths_pdfs = pdfs[len(pngs):len(pngs) + len(arabic)], pdfs[len(pngs) + len(arabic):]

    # 1 and 2: every PNG at the chart's size, its smallest text at least 7 pt, its pixels kept.
    boxes, worst_size, smallest, worst_same = {}, (0.0, ""), (99.0, ""), (0.0, "")
    for png, pdf in png_pdfs.items():
        box = placed_image(pdf)
        boxes[png] = box
        w, h, min_pt = chart_pdf(png)
        # The chart's size first: a PNG without pHYs fails here, as LibreOffice placed it.
        phys = phys_size_pt(png)
        for what, (ew, eh) in (("the chart (its PDF page)", (w, h)), ("its pHYs", phys or (0, 0))):
            if phys is None and what == "its pHYs":
                fail(f"{png} has no pHYs in metres: Word and LibreOffice place it at 96 dpi")
            off = max(abs(box[2] / ew - 1), abs(box[3] / eh - 1))
            worst_size = max(worst_size, (off, png))
            if off > SIZE_TOLERANCE:
                fail(f"{png} inserted in LibreOffice Writer stands {box[2]:.2f} x {box[3]:.2f} pt, "
                     f"{what} is {ew:.2f} x {eh:.2f} pt ({off:.1%} off)")
        on_page = min_pt * box[2] / w
        smallest = min(smallest, (on_page, png))
        if on_page < MIN_PT - 0.01:
            fail(f"{png} in LibreOffice Writer: its smallest text prints {on_page:.2f} pt, under {MIN_PT}")
        far = far_blocks(pdf, box, png)
        worst_same = max(worst_same, (far, png))
        if far > SAME:
            fail(f"{png} in LibreOffice's PDF differs from the PNG in {far:.3%} of 4x4 blocks")
    en = boxes.get(os.path.join(OUT, "crops-bar-en.png"))
    ar = boxes.get(os.path.join(OUT, "crops-bar-ar.png"))
    print(f"office-check: Writer, Insert > Picture: {len(pngs)} PNGs at their chart's size "
          f"(at most {worst_size[0]:.2%} off: {worst_size[1]}"
          + (f"; crops-bar-en {en[2]:.2f} x {en[3]:.2f} pt" if en else "")
          + (f", crops-bar-ar {ar[2]:.2f} x {ar[3]:.2f} pt" if ar else "")
          + f"), smallest text {smallest[0]:.2f} pt ({smallest[1]}), pixels kept "
          f"(at most {worst_same[0]:.4%} of blocks apart: {worst_same[1]})")

    # 3: the Arabic SVGs, placed where Writer places the same chart's PNG (same document, same
    # size), against the PNG.
    worst_paths, text_far = (0.0, ""), []
    for png, text_pdf, paths_pdf in zip(ar_pngs, text_pdfs, paths_pdfs):
        far = far_blocks(paths_pdf, boxes[png], png)
        worst_paths = max(worst_paths, (far, png))
        if far > SAME:
            fail(f"the --svg-text paths SVG of {png} in LibreOffice differs from the PNG in "
                 f"{far:.3%} of 4x4 blocks")
        # The text SVG: how many of the chart's letters (its own PDF's) LibreOffice lost.
        lost = letters(os.path.splitext(png)[0] + ".pdf") - letters(text_pdf)
        text_far.append((far_blocks(text_pdf, boxes[png], png), sum(lost.values()), png))
    print(f"office-check: Writer, Insert > Picture: {len(ar_pngs)} Arabic SVGs made with "
          f"--svg-text paths drawn as their PNG (at most {worst_paths[0]:.4%} of blocks apart: "
          f"{worst_paths[1]})")
    print("office-check: the same SVGs with their text as text (blocks apart, letters lost): "
          + ", ".join(f"{os.path.basename(p)} {f:.2%} {n}" for f, n, p in text_far))
    # The README's advice stands while LibreOffice still loses Arabic words of these SVGs (the
    # English and French ones lose none); if it loses none, the README (Word and LibreOffice)
    # must say so.
    wrong = [p for _, n, p in text_far if n > 0]
    if not wrong:
        fail("LibreOffice now draws every letter of the Arabic SVGs with their text as text: "
             "update the README's advice for Word and LibreOffice")
    print(f"office-check: {len(wrong)} of {len(text_far)} lose words in LibreOffice, as the "
          "README says")


main()
