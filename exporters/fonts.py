"""The shipped fonts: Liberation Sans for text, DejaVu Sans for what it lacks.

Liberation Sans has Arial's metrics, so the Word file (set in Arial) breaks
lines the same in Word on Windows and in LibreOffice with Liberation Sans,
and the PDF looks like the Word file. It covers Danish and the Latin, Greek
and Cyrillic letters of names (Ł, č, ş). DejaVu Sans fills in the symbols
and emoji it lacks, glyph by glyph.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

FAMILY = "LiberationSans"
FALLBACK = "DejaVuSans"
WORD_FONT = "Arial"  # what the Word file names; metric twin of Liberation Sans
FILES = {
    FAMILY: "LiberationSans-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSans-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSans-BoldItalic.ttf",
    FALLBACK: "DejaVuSans.ttf",
}


def font_dir() -> Path:
    return Path(str(resources.files("resources").joinpath("fonts")))


@lru_cache(maxsize=1)
def register() -> None:
    """Register the text fonts with reportlab once per process; DejaVu Sans (20 ms to
    read) only once a text needs it (register_fallback)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from exporters.pdf_font import SubsetFont

    folder = font_dir()
    for name, filename in FILES.items():
        if name != FALLBACK:
            pdfmetrics.registerFont(SubsetFont(name, str(folder / filename)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")


@lru_cache(maxsize=1)
def register_fallback() -> None:
    """Register DejaVu Sans, which fills in what Liberation Sans lacks."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from exporters.pdf_font import SubsetFont

    register()
    pdfmetrics.registerFont(SubsetFont(FALLBACK, str(font_dir() / FILES[FALLBACK])))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)


@lru_cache(maxsize=1)
def main_coverage() -> frozenset[int]:
    """The characters Liberation Sans has."""
    from reportlab.pdfbase import pdfmetrics

    register()
    return frozenset(pdfmetrics.getFont(FAMILY).face.charToGlyph)


@lru_cache(maxsize=1)
def coverage() -> tuple[frozenset[int], frozenset[int]]:
    """The characters Liberation Sans has, and those DejaVu Sans has."""
    from reportlab.pdfbase import pdfmetrics

    register_fallback()
    return main_coverage(), frozenset(pdfmetrics.getFont(FALLBACK).face.charToGlyph)


# Everything up to Latin Extended-B is in Liberation Sans; only look further.
_RARE = re.compile("[^\x00-\u024f]+")


def with_fallback(escaped: str) -> str:
    """Paragraph markup whose characters missing in Liberation Sans use DejaVu Sans.

    `escaped` is already XML-escaped text; a character neither font has
    becomes U+FFFD rather than an invisible gap.
    """
    if not _RARE.search(escaped):
        return escaped
    main, fallback = coverage()

    def swap(match: re.Match[str]) -> str:
        out = []
        for char in match.group(0):
            code = ord(char)
            if code in main:
                out.append(char)
            elif code in fallback:
                out.append(f'<font name="{FALLBACK}">{char}</font>')
            elif unicodedata.category(char) in ("Cf", "Mn", "Co", "Cn"):
                continue  # joiners, variation selectors, private use: nothing to draw
            else:
                out.append(f'<font name="{FALLBACK}">\ufffd</font>')
        return "".join(out)

    return _RARE.sub(swap, escaped)
