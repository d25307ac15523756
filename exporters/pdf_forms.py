"""What the PDF prints to be filled in with a pen: boxes to tick, ruled boxes, forms.

Drawn as real boxes and lines (reportlab tables and flowables), never as
characters, so they print the same whatever the fonts of the machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from exporters.blocks import Fields, FormTable, TickBoxes, WritingBox

BOX = 5 * mm  # a tick box: large enough for a cross made in a hurry (the scanner: >= 4 mm)
LINE = 9 * mm  # a handwritten line
CELL_PAD = 2 * mm  # above and below the text of a form's row
INK = colors.black
GUIDE = colors.HexColor("#A6A6A6")  # ruled lines: visible, but lighter than the frame


@dataclass(frozen=True)
class Placed:
    """Where the PDF writer drew a box to fill in, for reading the paper back (issue 17).

    `kind` is "tick" (a square to tick), "writing" (a ruled box) or "form" (a ruled
    table to write in); `key` is the block's key for it ("decision:Godkendt",
    "absent:<member id>", "decision", "questions"); x, y (the lower left corner), width
    and height are in mm from the lower left corner of the page. Only boxes with a key
    are reported."""

    page: int
    kind: str
    key: str
    x: float
    y: float
    width: float
    height: float


def _record(canvas, kind: str, key: str, width: float, height: float) -> None:
    """Note the box just drawn at the canvas's origin on a canvas that collects them."""
    places = getattr(canvas, "placed", None)
    if places is None or not key:
        return
    _, _, _, _, x, y = canvas._currentMatrix  # flowables are drawn translated, never scaled
    places.append(Placed(canvas.getPageNumber(), kind, key, round(x / mm, 2),
                         round(y / mm, 2), round(width / mm, 2), round(height / mm, 2)))


class TickBox(Flowable):
    """An empty square, its top aligned with the first line of the text beside it."""

    def __init__(self, key: str = "", size: float = BOX):
        super().__init__()
        self.size = size
        self.key = key

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        self.canv.saveState()
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        self.canv.restoreState()
        _record(self.canv, "tick", self.key, self.size, self.size)


class RuledBox(Flowable):
    """A framed box of ruled lines to write in; never split over two pages. Elastic when
    `fewest` is set: whoever lays it out (PageFill) sets `lines` between the two."""

    def __init__(self, lines: int, fewest: int = 0, key: str = ""):
        super().__init__()
        self.most = self.lines = lines
        self.fewest = fewest or lines
        self.key = key
        self.drawn = 0  # the lines it was drawn with (platypus may wrap it again after)

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self.lines * LINE
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(GUIDE)
        canvas.setLineWidth(0.4)
        for i in range(1, self.lines):
            canvas.line(3 * mm, i * LINE, self.width - 3 * mm, i * LINE)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.9)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.restoreState()
        self.drawn = self.lines
        _record(canvas, "writing", self.key, self.width, self.height)


def tick_boxes(block: TickBoxes, width: float, para) -> list:
    """Labels with a box each, in `block.columns` columns filled row by row."""
    if not block.labels:
        return []
    columns = max(1, block.columns)
    keys = block.keys or [""] * len(block.labels)
    cells = [[TickBox(key), para(label)]
             for label, key in zip(block.labels, keys, strict=True)]
    cells += [["", ""]] * (-len(cells) % columns)
    rows = [sum(cells[i : i + columns], []) for i in range(0, len(cells), columns)]
    label_width = width / columns - BOX - 3 * mm
    table = Table(rows, colWidths=[BOX + 3 * mm, label_width] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
    ]))
    return [table]


def writing_box(block: WritingBox) -> list:
    box = RuledBox(block.lines, block.fewest, block.key)
    box.block = block  # for pdf.settle_boxes
    return [box]


def form_table(block: FormTable, width: float, para, head) -> list:
    """A ruled table: a heading row, a row per entry, then blank rows to write in. A row
    is at least `row_lines` written lines tall and grows with a text that wraps."""
    widths = [width * c.share for c in block.columns]
    header = [head(column.title) for column in block.columns]
    rows = [header]
    heights: list[float | None] = [None]
    least = LINE * block.row_lines
    keys = block.row_keys or [""] * len(block.rows)
    for values, key in zip(block.rows, keys, strict=True):
        row = [TickBox(f"{column.key}:{key}" if column.key and key else "")
               if column.kind == "box" else (para(value) if value else "")
               for column, value in zip(block.columns, values, strict=True)]
        rows.append(row)
        heights.append(max(least, _tallest(row, widths)))
    rows += [[""] * len(block.columns) for _ in range(block.blank_rows)]
    heights += [least] * block.blank_rows
    table = _KeyedTable(rows, colWidths=widths, rowHeights=heights, repeatRows=1,
                        hAlign="LEFT")
    table.key = block.key
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, INK),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 1), (-1, -1), CELL_PAD),
        ("BOTTOMPADDING", (0, 1), (-1, -1), CELL_PAD),
    ]
    for i, column in enumerate(block.columns):
        if column.kind == "box":
            style.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    table.setStyle(TableStyle(style))
    return [table]


class _KeyedTable(Table):
    """A form that reports where it was drawn (each part, when it splits over pages)."""

    key = ""

    def draw(self):
        super().draw()
        _record(self.canv, "form", self.key, self._width, self._height)

    def split(self, avail_width, avail_height):
        parts = super().split(avail_width, avail_height)
        for part in parts:
            if isinstance(part, _KeyedTable):
                part.key = self.key
        return parts


def _tallest(row: list, widths: list[float]) -> float:
    """The height a row's cells need: their text wrapped to the column, and the padding."""
    tallest = 0.0
    for cell, width in zip(row, widths, strict=True):
        if isinstance(cell, Flowable):
            _, height = cell.wrap(width - 2 * mm - 6, 10_000)  # the padding: 2 mm, 6 pt
            tallest = max(tallest, height)
    return tallest + 2 * CELL_PAD


def fields(block: Fields, width: float, para, head) -> list:
    """Label and value rows in a frame, the label column narrow."""
    rows = [[head(label), [para(line) for line in value.splitlines() if line.strip()] or ""]
            for label, value in block.rows]
    table = Table(rows, colWidths=[32 * mm, width - 32 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, INK),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, GUIDE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return [table]
