"""What the Word file prints to be filled in with a pen: boxes to tick, ruled boxes, forms.

A box is a small table cell with borders, not a ☐ character: it prints the
same in Word and LibreOffice whatever fonts the machine has.
"""

from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Mm, Pt

from exporters.blocks import Fields, FormTable, TickBoxes, WritingBox
from exporters.docx_xml import OxmlElement, qn

TEXT_WIDTH = 160  # mm between the margins of the default template
BOX = 5.5  # mm: a square cell, with the row as tall
LINE = 9  # mm: a handwritten line
INK, GUIDE = "000000", "A6A6A6"


def tick_boxes(word, block: TickBoxes, fill) -> None:
    if not block.labels:
        return
    columns = max(1, block.columns)
    rows = -(-len(block.labels) // columns)
    # Rows of boxes with a thin empty row between them, or the boxes would touch.
    table = _table(word, 2 * rows - 1, 2 * columns,
                   [BOX, TEXT_WIDTH / columns - BOX] * columns)
    for r, row in enumerate(table.rows):
        gap = r % 2 == 1
        row.height = Mm(2.5 if gap else BOX + 0.5)
        # A label too long for its column wraps: the row then grows, the box with it.
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if gap else WD_ROW_HEIGHT_RULE.AT_LEAST
    for i, label in enumerate(block.labels):
        row = table.rows[2 * (i // columns)]
        box, text = row.cells[2 * (i % columns)], row.cells[2 * (i % columns) + 1]
        _borders(box, INK, 8)
        fill(text.paragraphs[0], label)
        _middle(text)
    _gap(word)


def writing_box(word, block: WritingBox) -> None:
    table = _table(word, block.lines, 1, [TEXT_WIDTH])
    for i, row in enumerate(table.rows):
        row.height, row.height_rule = Mm(LINE), WD_ROW_HEIGHT_RULE.EXACTLY
        cell = row.cells[0]
        edges = {"left": INK, "right": INK, "top": INK if i == 0 else None,
                 "bottom": INK if i == block.lines - 1 else GUIDE}
        _cell_borders(cell, {k: (v, 8 if v == INK else 4) for k, v in edges.items() if v})
    _gap(word)


def form_table(word, block: FormTable, fill, head) -> None:
    widths = [TEXT_WIDTH * c.share for c in block.columns]
    table = _table(word, 1 + len(block.rows) + block.blank_rows, len(block.columns), widths)
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        head(cell.paragraphs[0], column.title)
        _shade(cell, "EDEDED")
    _repeat_header(table.rows[0])
    for r, row in enumerate(table.rows[1:]):
        row.height = Mm(LINE * block.row_lines)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        values = block.rows[r] if r < len(block.rows) else [""] * len(block.columns)
        for cell, column, value in zip(row.cells, block.columns, values, strict=True):
            # A "box" column's cell is itself the box: the grid draws it.
            if value and column.kind != "box":
                fill(cell.paragraphs[0], value)
            _middle(cell)
    for row in table.rows:
        for cell in row.cells:
            _borders(cell, INK, 6)
    _gap(word)


def fields(word, block: Fields, fill, head) -> None:
    table = _table(word, len(block.rows), 2, [32, TEXT_WIDTH - 32])
    for row, (label, value) in zip(table.rows, block.rows, strict=True):
        head(row.cells[0].paragraphs[0], label)
        lines = [line for line in value.splitlines() if line.strip()] or [""]
        for i, line in enumerate(lines):
            p = row.cells[1].paragraphs[0] if i == 0 else row.cells[1].add_paragraph()
            fill(p, line)
        for cell in row.cells:
            _cell_borders(cell, {"bottom": (GUIDE, 4)})
    for cell in table.rows[0].cells:
        _cell_borders(cell, {"top": (INK, 6), "bottom": (GUIDE, 4)})
    for row in table.rows:
        _cell_borders(row.cells[0], {"left": (INK, 6)})
        _cell_borders(row.cells[1], {"right": (INK, 6)})
    for cell in table.rows[-1].cells:
        _cell_borders(cell, {"bottom": (INK, 6)})
    _gap(word)


def _table(word, rows: int, cols: int, widths_mm: list[float]):
    table = word.add_table(rows=rows, cols=cols)
    # LibreOffice sizes columns by the grid, Word by the cells: set both.
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        _cant_split(row)
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


_EDGES = ("top", "left", "bottom", "right")


def _cell_borders(cell, edges: dict[str, tuple[str, int]]) -> None:
    """Set some of a cell's borders: edge -> (colour, width in eighths of a point)."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = tcpr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        # tcPr is a sequence: tcBorders follows tcW, gridSpan, vMerge and comes before the rest.
        following = [c for c in tcpr if c.tag in _AFTER_BORDERS]
        if following:
            following[0].addprevious(borders)
        else:
            tcpr.append(borders)
    for edge in _EDGES:
        if edge not in edges:
            continue
        old = borders.find(qn(f"w:{edge}"))
        if old is not None:
            borders.remove(old)
    for edge in _EDGES:  # schema order
        if edge in edges:
            color, size = edges[edge]
            element = OxmlElement(f"w:{edge}")
            for key, value in (("val", "single"), ("sz", str(size)), ("space", "0"),
                               ("color", color)):
                element.set(qn(f"w:{key}"), value)
            _insert_edge(borders, element)


def _insert_edge(borders, element) -> None:
    order = [qn(f"w:{e}") for e in _EDGES]
    rank = order.index(element.tag)
    for child in borders:
        if child.tag in order and order.index(child.tag) > rank:
            child.addprevious(element)
            return
    borders.append(element)


_AFTER_BORDERS = {qn(f"w:{t}") for t in ("shd", "noWrap", "tcMar", "textDirection",
                                           "tcFitText", "vAlign", "hideMark")}


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shd.set(qn(f"w:{key}"), value)
    following = [c for c in tcpr if c.tag in _AFTER_BORDERS - {qn("w:shd")}]
    if following:
        following[0].addprevious(shd)
    else:
        tcpr.append(shd)


def _middle(cell) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.insert(0, OxmlElement("w:cantSplit"))


def _borders(cell, color: str, size: int) -> None:
    _cell_borders(cell, {edge: (color, size) for edge in ("top", "left", "bottom", "right")})


def _gap(word) -> None:
    """A paragraph after each form: Word needs one between two tables, and it spaces them."""
    p = word.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    return p
