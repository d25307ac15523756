"""What makes a printed protocol page readable by a scanner: a QR code and four corner marks.

The QR code names the meeting, the item, the page and a short hash of where
the page's boxes are; the corner marks let the scanner straighten a skewed or
photographed page into the page's own coordinates. While a page is drawn,
every box with a key notes where it landed (pdf_forms.Placed); the hash of
those places is printed in the QR code, so a scan is only read against the
very layout it was printed with (the layout is stored at printing,
model/protocol_pages.py).

Coordinates are PDF points, origin at the page's bottom left, as reportlab draws.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

PREFIX = "RFP1"  # Referent protocol page, version 1 of the marks
MARK = 6 * mm  # a corner mark: a filled square
MARK_INSET = 7 * mm  # from the paper's edges to the mark's outer edge
QR_SIZE = 19 * mm  # with its quiet zone, in the left margin under the top-left mark
QR_LEFT = 5.5 * mm
QR_TOP = 24 * mm  # from the top edge of the paper to the top of the quiet zone


@dataclass
class Box:
    key: str  # "decision:Godkendt", "absent:m1", "present:m1", "decision", "questions"
    x: float
    y: float
    width: float
    height: float

    def rounded(self) -> tuple:
        return (self.key, round(self.x, 1), round(self.y, 1), round(self.width, 1),
                round(self.height, 1))


@dataclass
class PageLayout:
    """One printed page as the scanner needs it."""

    page: int
    meeting: str
    item: str  # "" on the front page
    boxes: list[Box] = field(default_factory=list)

    @property
    def digest(self) -> str:
        text = repr((self.meeting, self.item, self.page, sorted(b.rounded() for b in self.boxes)))
        return hashlib.sha256(text.encode()).hexdigest()[:10]


def payload(layout: PageLayout) -> str:
    parts = [PREFIX, quote(layout.meeting, safe=""), quote(layout.item, safe=""),
             str(layout.page), layout.digest]
    return "|".join(parts)


@dataclass(frozen=True)
class Identity:
    meeting: str
    item: str
    page: int
    digest: str


def parse_payload(text: str) -> Identity | None:
    """The identity a QR code carries, or None for a code that is not ours."""
    parts = text.split("|")
    if len(parts) != 5 or parts[0] != PREFIX or not parts[3].isdigit():
        return None
    return Identity(unquote(parts[1]), unquote(parts[2]), int(parts[3]), parts[4])


def mark_centres(page_width: float, page_height: float) -> list[tuple[float, float]]:
    """The corner marks' centres: top left, top right, bottom right, bottom left."""
    near = MARK_INSET + MARK / 2
    return [(near, page_height - near), (page_width - near, page_height - near),
            (page_width - near, near), (near, near)]


def qr_rect(page_height: float) -> tuple[float, float, float, float]:
    """x, y, width, height of the QR code with its quiet zone."""
    return QR_LEFT, page_height - QR_TOP - QR_SIZE, QR_SIZE, QR_SIZE


def page_layout(canvas, meeting: str, item: str) -> PageLayout:
    """The layout of the page the canvas is ending, from the boxes the PDF writer noted
    (pdf_forms.Placed, in mm) on it."""
    page = canvas.getPageNumber()
    boxes = [Box(p.key, p.x * mm, p.y * mm, p.width * mm, p.height * mm)
             for p in canvas.placed if p.page == page and p.key]
    return PageLayout(page, meeting, item, boxes)


def draw_marks(canvas, text: str) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    for cx, cy in mark_centres(width, height):
        canvas.rect(cx - MARK / 2, cy - MARK / 2, MARK, MARK, stroke=0, fill=1)
    widget = QrCodeWidget(text, barLevel="M", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0,
                                                    QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    x, y, _, _ = qr_rect(height)
    renderPDF.draw(drawing, canvas, x, y)
    canvas.restoreState()
