"""Words printed over other words: poppler's word boxes (`pdftotext -bbox`) compared pairwise.

Two words overlap when their boxes share more than a sliver: wider than
WIDTH_SLACK and taller than HEIGHT_SHARE of the lower word's box. The
slack keeps the touching boxes of a tight line or of kerned letters from
counting (measured on every document of the examples: two lines in a row
share at most 16% of their height, LibreOffice's small print); text printed
over text shares far more than that.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

WIDTH_SLACK = 1.0  # pt
HEIGHT_SHARE = 0.25  # of the smaller box's height
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>", re.S)


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    def __str__(self) -> str:
        return f"{self.text!r} (side {self.page}, {self.x0:.0f},{self.y0:.0f} pt)"


def words(pdf: bytes) -> list[Word]:
    """Every word of the PDF with its box, as poppler reads them."""
    with tempfile.TemporaryDirectory(prefix="overlap-") as folder:
        source = Path(folder) / "x.pdf"
        source.write_bytes(pdf)
        html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True,
                              check=True, timeout=120).stdout.decode("utf-8", "replace")
    found = []
    for number, page in enumerate(_PAGE.findall(html), start=1):
        for x0, y0, x1, y1, text in _WORD.findall(page):
            found.append(Word(number, unescape(text), float(x0), float(y0), float(x1),
                              float(y1)))
    return found


def overlapping(found: list[Word]) -> list[tuple[Word, Word]]:
    """The pairs of words on one page whose boxes overlap beyond the slack."""
    pairs = []
    pages: dict[int, list[Word]] = {}
    for word in found:
        pages.setdefault(word.page, []).append(word)
    for on_page in pages.values():
        on_page.sort(key=lambda w: w.x0)
        for i, a in enumerate(on_page):
            for b in on_page[i + 1:]:
                if b.x0 >= a.x1 - WIDTH_SLACK:
                    break  # sorted by left edge: no later word reaches into a
                if _overlap(a, b):
                    pairs.append((a, b))
    return pairs


def _overlap(a: Word, b: Word) -> bool:
    wide = min(a.x1, b.x1) - max(a.x0, b.x0)
    tall = min(a.y1, b.y1) - max(a.y0, b.y0)
    least = min(a.y1 - a.y0, b.y1 - b.y0)
    return wide > WIDTH_SLACK and tall > HEIGHT_SHARE * least


def report(pairs: list[tuple[Word, Word]], limit: int = 12) -> str:
    lines = [f"{a} over {b}" for a, b in pairs[:limit]]
    if len(pairs) > limit:
        lines.append(f"… and {len(pairs) - limit} more")
    return "\n".join(lines)
