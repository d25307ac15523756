"""Numbers a PDF page cannot know while it is drawn: "Side X af Y" and TOC page numbers.

The layout runs once. Where such a number belongs, the page's content
stream gets a marker line (a PDF comment, at the point of drawing, so in
the right coordinate system). When the last page is laid out, every marker
is replaced by an ordinary text object with the number, set in the same
embedded font. The numbers are then real text that any reader extracts,
and reportlab's usual second (and third) pass of `multiBuild` is not needed.
"""

from __future__ import annotations

import re
from functools import partial

from reportlab.platypus import Flowable, Paragraph

from exporters.fonts import FAMILY

MARKER = "%REFERENT-NUMBER"
_PATTERN = re.compile(rf"^{MARKER} (\S+) (\S+) (\S+) (\S+) (\S+) (\S+)$", re.MULTILINE)
TOTAL = "total"


def mark(canvas, key: str, x: float, y: float, size: float, align: str, gray: float,
         template: str = "{}") -> None:
    """Leave a marker for the number `key` (a chapter anchor, or TOTAL) at (x, y).

    `template` is the text around it ("Side {page} af {}"), with spaces written as "~";
    `{page}` is the page the marker is on, known only once the pages are put together
    (a document laid out in two processes, pdf_split.py).
    """
    canvas._code.append(
        f"{MARKER} {key} {x:.3f} {y:.3f} {size:g} {align}|{gray:g} {template.replace(' ', '~')}"
    )


def fill(canvas, numbers: dict[str, int]) -> None:
    """Replace every marker on every page by its number; call before saving."""

    def text_object(match: re.Match[str], page: int) -> str:
        key, x, y, size, style, template = match.groups()
        align, gray = style.split("|")
        value = numbers.get(key)
        text = template.replace("~", " ").format("" if value is None else value, page=page)
        size_f = float(size)
        width = canvas.stringWidth(text, FAMILY, size_f)
        left = float(x) - {"right": width, "centre": width / 2}.get(align, 0)
        tx = canvas.beginText(left, float(y))
        tx.setFont(FAMILY, size_f)
        tx.setFillGray(float(gray))
        tx.textOut(text)
        return f"q {tx.getCode()} Q"

    for number, page in enumerate(canvas._doc.Pages.pages, 1):
        if MARKER in page.stream:
            page.stream = _PATTERN.sub(partial(text_object, page=number), page.stream)


class TocLine(Flowable):
    """One TOC entry: the heading, dot leaders, a marker for its page, and a link."""

    NUMBER_WIDTH = 30

    def __init__(self, markup: str, anchor: str, style, frags: list | None = None):
        super().__init__()
        self.anchor = anchor
        self.style = style
        self.para = Paragraph(markup, style, frags=frags)  # frags: the markup, parsed

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        _, self.height = self.para.wrap(avail_width - self.NUMBER_WIDTH, avail_height)
        return self.width, self.height

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        from exporters.pdf_tagging import tagged, tagger

        canvas = self.canv
        with tagged(canvas, "Link") as element:
            self.para.drawOn(canvas, 0, 0)
            if element is not None:
                element.text = self.para.getPlainText()
        lines = self.para.blPara.lines
        last = lines[-1]
        unused = last[0] if isinstance(last, tuple) else last.extraSpace
        size = self.style.fontSize
        baseline = self.height - size - (len(lines) - 1) * self.style.leading
        start = self.width - self.NUMBER_WIDTH - self.style.rightIndent - unused + 6
        stop = self.width - 20
        dot = canvas.stringWidth(". ", FAMILY, size)
        if start < stop:
            canvas.saveState()
            canvas.setFont(FAMILY, size)
            canvas.drawRightString(stop, baseline, ". " * int((stop - start) / dot))
            canvas.restoreState()
        with tagged(canvas, "Link", continued=True):
            mark(canvas, self.anchor, self.width, baseline, size, "right", 0)
        canvas.linkRect("", self.anchor, (0, 0, self.width, self.height), relative=1,
                        thickness=0)
        if element is not None:
            tagger(canvas).link(canvas, element)
