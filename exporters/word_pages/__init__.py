"""The page each heading of our Word file lands on, worked out as LibreOffice lays it out.

Laying a 200-item referat out with LibreOffice takes longer than building it (issue 15).
But the file is simple: Referent's own styles, every line of an exact height, one font
with Arial's metrics. So its pages can be counted here, by LibreOffice's own rules, in a
fraction of the time:

- metrics: text measured as Writer measures it, glyph by glyph on an 8640-dpi device;
- styles: the paragraph properties that matter, through styles and list levels;
- lines: a paragraph's lines, broken where Writer breaks them;
- reader: the file as paragraphs and table rows, read as a stream;
- pager: those put on pages by Writer's rules for spacing, widows and keeping together.

Anything outside what the model knows (another font, a line height that is not exact, a
header taller than its margin, a break it is not sure of at a line's end, ...) makes
`heading_pages` return None, and the caller has LibreOffice lay the file out instead.
tests/exporters/test_word_pages.py compares every page with LibreOffice's, on the
example meetings and on generated ones made to strain these rules.
"""

from __future__ import annotations

import gc
import io
import zipfile

from exporters.word_pages.metrics import Unknown, widths
from exporters.word_pages.pager import Pager
from exporters.word_pages.reader import Reader, body_children, last_section, page

__all__ = ["Unknown", "heading_pages"]


def heading_pages(docx: bytes, anchors: list[str]) -> list[int] | None:
    """The page of each bookmark in `anchors` as LibreOffice lays `docx` out, or None where
    the file holds something this model does not know."""
    collecting = gc.isenabled()
    gc.disable()  # it makes no cycles; the collector would walk the caller's heap for nothing
    try:
        return _pages(docx, anchors)
    except Unknown:
        return None
    finally:
        widths.cache_clear()  # the words measured: a window renders many meetings
        if collecting:
            gc.enable()


def _pages(docx: bytes, anchors: list[str]) -> list[int]:
    package = zipfile.ZipFile(io.BytesIO(docx))
    reader = Reader(package)
    xml = package.read("word/document.xml")
    size = page(last_section(xml), package, reader)
    pager = Pager(size.height)
    pager.run(reader.blocks(body_children(xml), size.width), set(anchors))
    missing = [a for a in anchors if a not in pager.pages]
    if missing:
        raise Unknown(f"bogmærket {missing[0]} findes ikke")
    return [pager.pages[a] for a in anchors]
