"""The Word file read as the pages need it: paragraphs with their lines, table rows, and
the page's size once its headers and footers are known to fit."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from exporters.word_pages import metrics
from exporters.word_pages.lines import Liner, after_tabs, pieces, plain_lines
from exporters.word_pages.metrics import Unknown, W
from exporters.word_pages.styles import Props, Styles, apply_ppr, copy

CELL_MARGIN = 108  # twips left and right in a table's cell: Word's default


@dataclass
class Para:
    """A body paragraph as the pages need it: its lines and spacing, in twips."""

    props: Props
    lines: int
    anchors: list[str]


@dataclass
class Row:
    """A table row, as tall as its tallest cell; `whole` if it may not break across pages
    (one that may is not modelled where it would)."""

    height: int
    anchors: list[str] = field(default_factory=list)
    whole: bool = False


class Reader:
    """The body of document.xml as paragraphs with their lines, and table rows."""

    def __init__(self, package: zipfile.ZipFile):
        names = set(package.namelist())
        if not {"word/styles.xml", "word/settings.xml"} <= names:
            raise Unknown("en fil uden typografier eller indstillinger")
        numbering = package.read("word/numbering.xml") if "word/numbering.xml" in names \
            else None
        self.styles = Styles(package.read("word/styles.xml"), numbering)
        settings = etree.fromstring(package.read("word/settings.xml"))
        _check_compatibility(settings)
        tab = settings.find(W + "defaultTabStop")
        self.default_tab = int(tab.get(W + "val")) if tab is not None else 720
        self.counters: dict[str, list[int]] = {}

    def blocks(self, body, text_width: int):
        for element in body:
            tag = element.tag[len(W):]
            if tag == "p":
                yield self.paragraph(element, text_width)
            elif tag == "tbl":
                yield from self.table(element)
            elif tag in ("sectPr", "bookmarkStart", "bookmarkEnd", "tcPr"):
                continue
            else:
                raise Unknown(f"dokumentet indeholder {tag}")

    def paragraph(self, p, text_width: int) -> Para:
        ppr = p.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        props = self.styles.paragraph(style.get(W + "val") if style is not None else None)
        label = None
        if ppr is not None and (len(ppr) > 1 or style is None) or props.num is not None:
            props = copy(props)
            number = ppr.find(W + "numPr") if ppr is not None else None
            if number is not None:  # the list level's indents, then the paragraph's own
                apply_ppr(props, (number,))
            label = self.label(props)
            apply_ppr(props, ppr)
        if props.line is None:
            raise Unknown("en linjehøjde der ikke er fast")
        parts = list(pieces(p, props))
        lines = plain_lines(parts, props, text_width) if label is None else None
        if lines is None:
            if label is not None:
                size = metrics.widths(props.bold, props.italic, props.size)
                parts[:0] = [("text", label, size), ("tab", "", None)]
            liner = Liner(props, text_width, self.default_tab, after_tabs(parts))
            for kind, text, widths in parts:
                liner.feed(kind, text, widths)
            lines = liner.count()
        anchors = [b.get(W + "name") for b in p.iter(W + "bookmarkStart")]
        return Para(props, lines, anchors)

    def label(self, props: Props) -> str | None:
        """A numbered paragraph's label ('•', '3.'), its level's indents applied to `props`."""
        if props.num is None or props.num[0] == "0":
            return None
        level = self.styles.levels.get(props.num)
        if level is None:
            raise Unknown("en ukendt nummerering")
        apply_ppr(props, level.ppr)
        ilvl = int(props.num[1])
        counts = self.counters.get(level.counter)
        if counts is None:
            counts = self.counters[level.counter] = [None] * 9
        counts[ilvl] = level.start if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        text = level.text
        for n in range(9):
            if f"%{n + 1}" in text:
                text = text.replace(f"%{n + 1}", str(counts[n] or 1))
        return text

    def table(self, tbl):
        """Its rows, each as tall as its tallest cell (Word's cells have no margin above
        or below; their paragraphs are spaced as the body's)."""
        for tr in tbl.findall(W + "tr"):
            height, anchors = 0, []
            for tc in tr.findall(W + "tc"):
                width = tc.find(f"{W}tcPr/{W}tcW")
                if width is None or width.get(W + "type") != "dxa":
                    raise Unknown("en tabelcelle uden fast bredde")
                inner = int(width.get(W + "w")) - 2 * CELL_MARGIN
                cell, after = 0, None
                for block in self.blocks(tc, inner):
                    if not isinstance(block, Para):
                        raise Unknown("en tabel i en tabel")
                    props = block.props
                    gap = props.before if after is None else max(after, props.before)
                    cell += gap + block.lines * props.line
                    after = props.after
                    anchors += block.anchors
                height = max(height, cell + (after or 0))
            fixed = tr.find(f"{W}trPr/{W}cantSplit")
            yield Row(height, anchors, fixed is not None and fixed.get(W + "val") != "0")


@dataclass
class Page:
    """The page's body: its text's width and height, in twips."""

    width: int
    height: int


def page(sect, package: zipfile.ZipFile, reader: Reader) -> Page:
    """The body's size, once the headers and footers are known to fit in the margins
    (a taller one, a logo say, would push the body in) and no line grid is set."""
    if sect is None:
        raise Unknown("dokumentet har ingen sideopsætning")
    size, margins = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    columns, grid = sect.find(W + "cols"), sect.find(W + "docGrid")
    if size is None or margins is None or \
            columns is not None and int(columns.get(W + "num", "1")) > 1 or \
            grid is not None and grid.get(W + "type") not in (None, "default"):
        raise Unknown("en sideopsætning med spalter eller linjegitter")

    def twips(element, name: str) -> int:
        return int(element.get(W + name) or 0)

    body = Page(twips(size, "w") - twips(margins, "left") - twips(margins, "right"),
                twips(size, "h") - twips(margins, "top") - twips(margins, "bottom"))
    targets = _relationships(package)
    for kind, edge, distance in (("header", "top", "header"), ("footer", "bottom", "footer")):
        for ref in sect.findall(f"{W}{kind}Reference"):
            part = targets.get(ref.get(_R + "id"))
            if part is None:
                raise Unknown(f"en {kind} der ikke findes")
            height = _part_height(reader, package.read(part), body.width)
            if twips(margins, distance) + height > twips(margins, edge):
                raise Unknown(f"en {kind} der er højere end margenen")
    return body


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_R = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _relationships(package: zipfile.ZipFile) -> dict[str, str]:
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    return {rel.get("Id"): "word/" + rel.get("Target").lstrip("/").removeprefix("word/")
            for rel in rels.findall(_PACKAGE_R + "Relationship")}


def _part_height(reader: Reader, xml: bytes, width: int) -> int:
    """The height of a header's or footer's paragraphs (nothing else may be in it), each
    with its spacing whole: taller than a stack spaced by the larger gap, so a header
    that only just fits is left to LibreOffice."""
    height = 0
    for block in reader.blocks(etree.fromstring(xml), width):
        if not isinstance(block, Para):
            raise Unknown("en tabel i sidehoved eller sidefod")
        props = block.props
        height += props.before + block.lines * props.line + props.after
    return height


def _check_compatibility(settings) -> None:
    """The spacing rules (pager.py) are those of a Word 2013 file (compatibility mode 15)
    with no other compatibility options: anything else may space paragraphs otherwise."""
    compat = settings.find(W + "compat")
    known = {"useFELayout", "compatSetting"}
    if compat is None or any(c.tag[len(W):] not in known for c in compat):
        raise Unknown("ukendte kompatibilitetsindstillinger")
    modes = [c.get(W + "val") for c in compat.findall(W + "compatSetting")
             if c.get(W + "name") == "compatibilityMode"]
    if modes != ["15"]:
        raise Unknown("en anden kompatibilitetstilstand end Word 2013")


def last_section(xml: bytes):
    """The body's own sectPr, the last element of the part, parsed alone (the page's size
    is needed before the body is read, and the body is read as a stream)."""
    start, end = xml.rfind(b"<w:sectPr"), xml.rfind(b"</w:sectPr>")
    if start < 0 or end < start:
        return None
    root = xml[:xml.index(b">", xml.index(b"<w:document")) + 1]
    wrapped = root + xml[start:end + len(b"</w:sectPr>")] + b"</w:document>"
    return etree.fromstring(wrapped)[0]


def body_children(xml: bytes):
    """The body's children one at a time, each let go once the next is read: the part of
    a 2000-item referat is 20 MB, and a whole tree of it ten times that."""
    depth = 0
    for event, element in etree.iterparse(io.BytesIO(xml), events=("start", "end")):
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth == 2:  # w:document > w:body > this
            yield element
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
