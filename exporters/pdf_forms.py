"""What the PDF prints to be filled in with a pen: boxes to tick, ruled boxes, forms.

Drawn as real boxes and lines (reportlab tables and flowables), never as
characters, so they print the same whatever the fonts of the machine.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from exporters.blocks import Fields, FormTable, TickBoxes, WritingBox

BOX = 5 * mm  # a tick box: large enough for a cross made in a hurry
LINE = 9 * mm  # a handwritten line
INK = colors.black
GUIDE = colors.HexColor("#A6A6A6")  # ruled lines: visible, but lighter than the frame


class TickBox(Flowable):
    """An empty square, its top aligned with the first line of the text beside it."""

    def __init__(self, size: float = BOX, key: str = ""):
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
        _record(self.canv, self.key, self.size, self.size)


class RuledBox(Flowable):
    """A framed box of `lines` ruled lines to write in; never split over two pages."""

    def __init__(self, lines: int, key: str = ""):
        super().__init__()
        self.lines = lines
        self.key = key

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
        _record(canvas, self.key, self.width, self.height)


class _KeyedTable(Table):
    """A table whose place on the page the scanner learns (the question form)."""

    key = ""

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        super().drawOn(canvas, x, y, _sW)
        _record(canvas, self.key, self._width, self._height, x, y)


def _record(canvas, key: str, width: float, height: float, x: float = 0, y: float = 0):
    """Tell the canvas's scan recorder (a protocol's PDF) where a keyed box landed."""
    recorder = getattr(canvas, "scan", None)
    if key and recorder is not None:
        recorder.record(canvas, key, width, height, x, y)


def tick_boxes(block: TickBoxes, width: float, para) -> list:
    """Labels with a box each, in `block.columns` columns filled row by row."""
    if not block.labels:
        return []
    columns = max(1, block.columns)
    keys = block.keys or [""] * len(block.labels)
    cells = [[TickBox(key=key), para(label)] for label, key in zip(block.labels, keys, strict=True)]
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
    return [RuledBox(block.lines, block.key)]


def form_table(block: FormTable, width: float, para, head) -> list:
    """A ruled table: a heading row, a row per entry, then blank rows to write in."""
    header = [head(column.title) for column in block.columns]
    rows = [header]
    row_keys = block.row_keys or [""] * len(block.rows)
    for values, row_key in zip(block.rows, row_keys, strict=True):
        rows.append([TickBox(key=_box_key(column, row_key)) if column.kind == "box"
                     else (para(value) if value else "")
                     for column, value in zip(block.columns, values, strict=True)])
    rows += [[""] * len(block.columns) for _ in range(block.blank_rows)]
    heights = [None] + [LINE * block.row_lines] * (len(rows) - 1)
    table = _KeyedTable(rows, colWidths=[width * c.share for c in block.columns],
                        rowHeights=heights, repeatRows=1, hAlign="LEFT")
    table.key = block.key
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, INK),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
    ]
    for i, column in enumerate(block.columns):
        if column.kind == "box":
            style.append(("ALIGN", (i, 1), (i, -1), "CENTER"))
    table.setStyle(TableStyle(style))
    return [table]


def _box_key(column, row_key: str) -> str:
    return f"{column.key}:{row_key}" if column.key and row_key else ""


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
