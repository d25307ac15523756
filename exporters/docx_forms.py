"""What the Word file prints to be filled in with a pen: boxes to tick, ruled boxes, forms.

A box is a small table with one bordered cell of exact size, nested in the
cell before its label, not a ☐ character: it prints the same in Word and
LibreOffice whatever fonts the machine has, and stays a square when the
label beside it wraps and its row grows.

`word` below is where a form is added: anything with python-docx's
add_table(rows, cols) and add_paragraph() (the writer, which adds at its
place: the body, or the cell of a holder).
"""

from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Mm, Pt

from exporters.blocks import Fields, FormTable, TickBoxes, WritingBox
from exporters.docx_xml import OxmlElement, qn

TEXT_WIDTH = 160  # mm between the margins of the default template
BOX = 5  # mm: a square, as in the PDF (the scanner needs at least 4 mm)
LINE = 9  # mm: a handwritten line
INK, GUIDE = "000000", "A6A6A6"


def tick_boxes(word, block: TickBoxes, fill) -> None:
    if not block.labels:
        return
    columns = max(1, block.columns)
    rows = -(-len(block.labels) // columns)
    # Rows of boxes with a thin empty row between them, or the boxes would touch.
    table = _table(word, 2 * rows - 1, 2 * columns,
                   [BOX + 3, TEXT_WIDTH / columns - BOX - 3] * columns)
    for r, row in enumerate(table.rows):
        gap = r % 2 == 1
        row.height = Mm(2.5 if gap else BOX)
        # A label too long for its column wraps: the row then grows, the square does not.
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if gap else WD_ROW_HEIGHT_RULE.AT_LEAST
    for i, label in enumerate(block.labels):
        row = table.rows[2 * (i // columns)]
        box, text = row.cells[2 * (i % columns)], row.cells[2 * (i % columns) + 1]
        _square(box, centre=False)
        fill(text.paragraphs[0], label)
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
            if column.kind == "box" and r < len(block.rows):
                _square(cell, centre=True)
            elif value:
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


def holder(word):
    """The cell of a borderless, full-width table of one row that cannot split: what is
    laid out in it stays on one page (blocks.PageFill's groups)."""
    table = _table(word, 1, 1, [TEXT_WIDTH])
    _no_margins(table)
    cell = table.rows[0].cells[0]
    _tiny(cell.paragraphs[0])  # the paragraph a cell ends with, after what is put in it
    return cell


def _no_margins(table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tblpr = table._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))  # tblPr is a sequence: tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        tblpr.append(margins)


def _square(cell, centre: bool) -> None:
    """A box to tick in `cell`: a nested one-cell table exactly BOX mm square, and after it
    the paragraph a cell must end with, made as small as Word allows."""
    first = cell.paragraphs[0]
    inner = cell.add_table(rows=1, cols=1)
    first._p.getparent().remove(first._p)
    inner.autofit = False
    inner.columns[0].width = inner.rows[0].cells[0].width = Mm(BOX)
    row = inner.rows[0]
    row.height, row.height_rule = Mm(BOX), WD_ROW_HEIGHT_RULE.EXACTLY
    _no_margins(inner)
    if centre:
        inner.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(row.cells[0], INK, 8)
    for paragraph in (row.cells[0].paragraphs[0], cell.paragraphs[-1]):
        _tiny(paragraph)


def tiny_paragraph(word) -> None:
    _tiny(word.add_paragraph())


def _tiny(paragraph) -> None:
    """An empty paragraph one point tall."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.add_run().font.size = Pt(1)


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
