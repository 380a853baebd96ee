"""Checks output/ in the documents users put the charts in (issue 21), from the repository root:

1. LaTeX: examples/report.tex and a document of every chart PDF (by name, from charts.tex,
   at its own size, with its caption) compile with pdfLaTeX without a single warning.
2. Type size on the page: in that document, where each chart stands at its own size, no text of
   a chart is under 7 pt (PyMuPDF's span sizes: the font size the page sets; `pdftotext -bbox`
   boxes include ascent and descent and read a third larger).
3. Typst: examples/report.typ and a document of every SVG and PDF in output/ (each on a page of
   its size, the SVG text in sharechart's fonts) compile; each page, rasterised by poppler at
   192 dpi, matches the PNG sharechart drew (2 pixels a CSS pixel): compared in blocks of 4x4
   pixels, where antialiasing differs by little and a missing label by much. Then every SVG
   again with the machine's Noto fonts instead of sharechart's, as a user's Typst draws them.

Usage: python3 .ci/doc-check.py [output]   (needs pdflatex, pdftoppm, the Noto fonts of
fonts-noto-core, and typst, pymupdf, pillow from PyPI)
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

import pymupdf
import typst
from PIL import Image, ImageChops

OUT = sys.argv[1] if len(sys.argv) > 1 else "output"
MIN_PT = 7.0
TMP = tempfile.mkdtemp(prefix="doc-check-")


def fail(msg):
    print(f"doc-check: {msg}", file=sys.stderr)
    sys.exit(1)


def pdflatex(tex, name):
    """Compiles `tex` twice (references); fails on an error or any warning in the log."""
    for _ in range(2):
        r = subprocess.run(
            ["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
             f"-output-directory={TMP}", f"-jobname={name}", tex],
            capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout[-3000:], file=sys.stderr)
            fail(f"pdflatex failed on {tex}")
    log = open(os.path.join(TMP, f"{name}.log"), encoding="utf-8", errors="replace").read()
    warnings = [l for l in log.splitlines() if re.search(r"warning|overfull|underfull", l, re.I)]
    if warnings:
        fail(f"pdflatex warned on {tex}:\n  " + "\n  ".join(warnings[:20]))
    return os.path.join(TMP, f"{name}.pdf")


def chart_names():
    text = open(os.path.join(OUT, "charts.tex"), encoding="utf-8").read()
    names = re.findall(r"\\@namedef\{sharechart@(?!caption@)([^}]*)\}", text)
    captions = dict(re.findall(r"\\@namedef\{sharechart@caption@([^}]*)\}\{(.*)\}", text))
    return names, captions


def arabic(s):
    return any("\u0600" <= c <= "\u06ff" for c in s)


def latex_checks():
    pdflatex("examples/report.tex", "report")
    names, captions = chart_names()
    if not names:
        fail(f"{OUT}/charts.tex names no chart")
    body = []
    for n in names:
        if arabic(captions.get(n, "")):
            # pdfLaTeX typesets no Arabic: the chart without its caption.
            body.append(f"\\begin{{figure}}[p]\\centering\\sharechart{{{n}}}\\end{{figure}}\\clearpage")
        else:
            body.append(f"\\sharechartfigure{{{n}}}\\clearpage")
    doc = os.path.join(TMP, "all.tex")
    out_dir = os.path.abspath(OUT) + "/"
    with open(doc, "w", encoding="utf-8") as f:
        f.write("\\documentclass[a4paper]{article}\n\\usepackage[T1]{fontenc}\n"
                "\\usepackage{graphicx}\n\\setlength{\\textwidth}{16cm}\n"
                "\\setlength{\\oddsidemargin}{-0.04cm}\n\\setlength{\\textheight}{24cm}\n"
                "\\setlength{\\topmargin}{-1.5cm}\n"
                f"\\def\\sharechartdir{{{out_dir}}}\n\\input{{{out_dir}charts.tex}}\n"
                "\\begin{document}\n" + "\n".join(body) + "\n\\end{document}\n")
    pdf = pdflatex(doc, "all")
    # The smallest text of the charts as they stand on the page (the captions are the
    # document's own 10 pt text, larger than any chart's).
    smallest = None
    for page in pymupdf.open(pdf):
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if span["text"].strip() and (smallest is None or span["size"] < smallest[0]):
                        smallest = (span["size"], span["text"], page.number + 1)
    if smallest is None:
        fail("no text found in the charts on the page")
    print(f"doc-check: pdfLaTeX: {len(names)} charts, no warning; smallest text "
          f"{smallest[0]:.2f} pt ({smallest[1]!r}, page {smallest[2]})")
    if smallest[0] < MIN_PT - 0.01:
        fail(f"text of {smallest[0]:.2f} pt on the page, under {MIN_PT} pt: {smallest[1]!r}")


def typst_pages(files, font_paths, what):
    """Draws `files` (each on a page of its PNG's size) with Typst and compares each page,
    rasterised by poppler at 192 dpi, with the PNG sharechart drew."""
    pages = []
    for f in files:
        png = os.path.splitext(f)[0] + ".png"
        with Image.open(png) as im:
            w, h = im.size
        pages.append((f, png, w, h))
    doc = os.path.join(TMP, f"{what}.typ")
    with open(doc, "w", encoding="utf-8") as t:
        for f, _, w, h in pages:
            # The PNG is drawn at 2 pixels a CSS pixel, a CSS pixel is 0.75 pt; paths from the
            # root of the file system (the document is in a temporary folder).
            t.write(f'#page(width: {w * 0.375}pt, height: {h * 0.375}pt, margin: 0pt)'
                    f'[#image("{os.path.abspath(f)}", width: 100%)]\n')
    pdf = os.path.join(TMP, f"{what}.pdf")
    typst.compile(doc, output=pdf, root="/", font_paths=font_paths)
    subprocess.run(["pdftoppm", "-r", "192", "-png", pdf, os.path.join(TMP, what)], check=True)
    rendered = sorted(glob.glob(os.path.join(TMP, f"{what}-*.png")))
    if len(rendered) != len(pages):
        fail(f"Typst made {len(rendered)} pages of {len(pages)} charts")
    worst = (0.0, "")
    for (f, png, w, h), page in zip(pages, rendered):
        with Image.open(page) as a, Image.open(png) as b:
            a, b = a.convert("RGB"), b.convert("RGB")
            if a.size != b.size:
                fail(f"{f} in Typst is {a.size} pixels at 192 dpi, its PNG {b.size}")
            # Compared at a quarter of the size (each pixel the mean of 4x4): the two renderers
            # antialias the edges of glyphs differently, but a missing word, a box for a
            # glyph or a shifted label changes whole blocks.
            small = (max(1, w // 4), max(1, h // 4))
            a, b = a.resize(small, Image.BOX), b.resize(small, Image.BOX)
            diff = ImageChops.difference(a, b).convert("L")
            # A missing 8.5 pt label is about 0.05% of a chart's blocks, boxes for an Arabic
            # title about 0.9%; antialiasing leaves at most 0.002% this far apart.
            far = sum(diff.histogram()[96:]) / (small[0] * small[1])
            worst = max(worst, (far, f))
            if far > 0.0002:
                fail(f"{f} as Typst draws it ({what}) differs from {png} in {far:.2%} of its pixels")
    print(f"doc-check: Typst ({what}): {len(pages)} files drawn as their PNGs "
          f"(at most {worst[0]:.3%} of pixels apart: {worst[1]})")


def typst_checks():
    typst.compile("examples/report.typ", output=os.path.join(TMP, "report-typ.pdf"),
                  root=".", font_paths=["fonts"])
    svgs = sorted(glob.glob(os.path.join(OUT, "*.svg")))
    pdfs = sorted(glob.glob(os.path.join(OUT, "*.pdf")))
    typst_pages(svgs + pdfs, ["fonts"], "sharechart-fonts")
    # As a user's Typst draws the SVGs: with the machine's Noto fonts (Debian's
    # fonts-noto-core) and not sharechart's. Arabic text with "%" drew boxes before the
    # Arabic runs named Noto Sans Arabic first (issue 21).
    if not glob.glob("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"):
        fail("the Noto fonts are not installed (apt-get install fonts-noto-core)")
    typst_pages(svgs, [], "noto-fonts")


latex_checks()
typst_checks()
