"""Tagged PDF (PDF/UA-1) for reportlab, which does not tag by itself.

While a page is drawn, every paragraph's content is wrapped in a marked-content
sequence with an MCID (`tagged`), and the element it belongs to is noted in
reading order. Everything drawn outside such a sequence (running headers and
footers, page numbers, rules, boxes, leader dots) is wrapped as an Artifact
when the page is done (`wrap_page`, as pdf._Canvas shows it). After the file is saved,
`finish` marks the pages, links and catalog with pikepdf (MarkInfo,
DisplayDocTitle, the PDF/UA identifier in the XMP metadata) and appends the
structure tree built from the notes as an update written as PDF text: Document
with H1/H2/H3, P, L/LI/LBody, Table/TR/TH/TD, TOC/TOCI/Link.
"""

from __future__ import annotations

import io
import itertools
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.platypus import Table

from exporters.pdf_numbers import MARKER as NUMBER_MARKER

# Paragraph styles (pdf_styles) that are headings; list styles start with "list".
HEADINGS = {"chapter": "H1", "toc_title": "H1", "section": "H2", "sub": "H3"}


def tag_for(style_name: str) -> tuple[str, int]:
    """The structure type of a paragraph in this style, and its list level."""
    if style_name in HEADINGS:
        return HEADINGS[style_name], 0
    level = re.match(r"list(\d+)", style_name)
    return ("LBody", int(level[1])) if level else ("P", 0)


@dataclass(slots=True)  # 72,000 of them at 2000 items
class Element:
    tag: str
    kids: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)
    cell: tuple[int, int, int, bool] | None = None  # (table, row, column, header)
    level: int = 0  # a list entry's depth
    text: str = ""  # what a link says, for its annotation's Contents
    label: tuple[int, int] | None = None  # a list entry's bullet or number: (page, MCID)
    new_list: bool = False  # the first entry of a list


class Tagger:
    """The notes of one PDF being drawn: which MCID on which page belongs to what."""

    def __init__(self):
        self.elements: list[Element] = []
        self.next_mcid: dict[int, int] = {}
        self.cell: tuple[int, int, int, bool] | None = None
        self.tables = 0
        self.links: list[tuple[int, Element]] = []  # in the order the annotations were made

    def _mcid(self, page: int) -> int:
        mcid = self.next_mcid.get(page, 0)
        self.next_mcid[page] = mcid + 1
        return mcid

    def begin(self, canvas, tag: str, continued: bool = False, level: int = 0,
              labelled: bool = False, new_list: bool = False) -> Element:
        """Open a marked-content sequence. A `labelled` list entry's bullet, which reportlab
        draws first, becomes an Lbl of its own (`wrap_page` splits it off)."""
        page = canvas.getPageNumber() - 1
        last = self.elements[-1] if self.elements else None
        if continued and last is not None and last.tag == tag:
            element = last
        else:
            element = Element(tag, cell=self.cell, level=level, new_list=new_list)
            self.elements.append(element)
        if labelled and not continued:
            element.label = (page, self._mcid(page))
            mcid = self._mcid(page)
            canvas._code.append(f"/Lbl <</MCID {element.label[1]}>> BDC")
            canvas._code.append(f"{_BODY_MARK} /{tag} <</MCID {mcid}>> BDC")
        else:
            mcid = self._mcid(page)
            canvas._code.append(f"/{tag} <</MCID {mcid}>> BDC")
        element.kids.append((page, mcid))
        return element

    def link(self, canvas, element: Element) -> None:
        """The link annotation just made on this page belongs to `element`."""
        self.links.append((canvas.getPageNumber() - 1, element))


def tagger(canvas) -> Tagger | None:
    return getattr(canvas, "_tagger", None)


@contextmanager
def tagged(canvas, tag: str, continued: bool = False, level: int = 0, labelled: bool = False,
           new_list: bool = False):
    """Draw the content of the `with` block as one marked-content sequence of `tag`."""
    notes = tagger(canvas)
    if notes is None:
        yield None
        return
    element = notes.begin(canvas, tag, continued, level, labelled, new_list)
    try:
        yield element
    finally:
        canvas._code.append("EMC")


class TaggedTable(Table):
    """A table whose cells' paragraphs are grouped as Table/TR/TH/TD in the structure
    tree; the first `header_columns` columns are row headers (TH, scope Row)."""

    def __init__(self, *args, header_columns: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.header_columns = header_columns

    def draw(self):
        notes = tagger(self.canv)
        if notes is not None:
            notes.tables += 1
            self._table_number = notes.tables
        super().draw()

    def _drawCell(self, cellval, cellstyle, pos, size):  # noqa: N802 - reportlab's name
        notes = tagger(self.canv)
        if notes is None:
            return super()._drawCell(cellval, cellstyle, pos, size)
        column = _index(self._colpositions, pos[0])
        row = len(self._rowpositions) - 2 - _index(self._rowpositions[::-1], pos[1])
        notes.cell = (self._table_number, row, column, column < self.header_columns)
        try:
            return super()._drawCell(cellval, cellstyle, pos, size)
        finally:
            notes.cell = None


def _index(positions, value) -> int:
    return min(range(len(positions)), key=lambda n: abs(positions[n] - value))


# -- the page streams: everything untagged is an artifact --------------------------------

_BODY_MARK = "%REFERENT-BODY"  # the body's sequence opens after the label's first text object
_OPENS = re.compile(r"^/\w+ <</MCID \d+>> BDC$|^/\w+ BMC$")
_PAINTS = re.compile(r"\b(Tj|TJ|'|re|f|F|f\*|S|s|B|b|B\*|b\*|Do|sh|l|c)\s*$|\bTj\b|\bTJ\b")


# reportlab starts every page, and every table, by selecting a font in an empty text
# object; that font is its standard Helvetica (F1), not embedded, which PDF/UA forbids
# although nothing is printed with it: every text object of ours selects its own font.
_UNUSED_FONT = re.compile(r" ?BT /F1 [\d.]+ Tf [\d.]+ TL ET")


def wrap_page(stream: str) -> str:
    """One page's stream with its untagged runs wrapped as /Artifact. A run holding no
    more than a page number's marker (pdf_numbers) counts as drawn: the number will be."""
    return _wrap(_UNUSED_FONT.sub("", stream))


# A wrapped line ends without a space, so a reader of the tagged text would glue its last
# word to the next line's first. Each line but the last gets a space, in the first
# subset of our TrueType fonts, where ASCII characters are themselves.
_LINE_END = re.compile(r"\) Tj T\* (?=\()")
_FONT = re.compile(r"/F\d+\+(\d+) [\d.]+ Tf")


def _spaced_lines(line: str) -> str:
    if ") Tj T* (" not in line:
        return line

    def space(match: re.Match[str]) -> str:
        fonts = _FONT.findall(line, 0, match.start())
        return " ) Tj T* " if fonts and fonts[-1] == "0" else match.group()

    return _LINE_END.sub(space, line)


def _wrap(stream: str) -> str:
    out: list[str] = []
    pending: list[str] = []
    depth = 0
    body_opens: str | None = None  # waiting for the label's text object to end

    def flush() -> None:
        if any(_PAINTS.search(line) or line.startswith(NUMBER_MARKER) for line in pending):
            out.extend(["/Artifact BMC", *pending, "EMC"])
        else:
            out.extend(pending)
        pending.clear()

    for line in stream.split("\n"):
        if line.startswith(_BODY_MARK):
            body_opens = line[len(_BODY_MARK) + 1 :]
            continue
        if body_opens and line.startswith("BT ") and line.endswith(" ET"):
            out += [line, "EMC", body_opens]
            body_opens = None
            continue
        if _OPENS.match(line):
            if depth == 0:
                flush()
            depth += 1
            out.append(line)
        elif line == "EMC" and depth:
            depth -= 1
            out.append(line)
        elif depth:
            out.append(_spaced_lines(line))
        else:
            pending.append(line)
    flush()
    return "\n".join(out)


# -- the structure tree ----------------------------------------------------------------------
#
# The tree is written as PDF text in an update appended to the saved file, not built as
# pikepdf objects: qpdf holds each object in about 2.5 kB, and a 2000-item referat has
# 72,000 elements (180 MB). The pages, annotations and catalog are edited with pikepdf.


def prepare() -> None:
    """Import what `finish` needs (25 ms), at a moment the caller would wait anyway."""
    import pikepdf  # noqa: F401


def finish(data: bytes, notes: Tagger, title: str, lang: str = "da-DK") -> bytes:
    """The saved PDF `data` with its structure tree and PDF/UA markings."""
    import pikepdf
    from pikepdf import Dictionary, Name

    tree = _TreeBuilder()
    # Each element is let go once placed: the notes and the tree are not held at once.
    elements, notes.elements = notes.elements, []
    for index in range(len(elements)):
        tree.add(elements[index])
        elements[index] = None
    del elements
    pdf = pikepdf.open(io.BytesIO(data))
    pages = list(pdf.pages)
    tree.pages(len(pages))
    for index, page in enumerate(pages):
        page.obj.StructParents = index
    key = len(pages)
    for page, position, element, annot in _links(pages, notes.links):
        link = tree.link_nodes.get(id(element))
        if link is None:
            continue
        annot.StructParent = key
        annot.Contents = pikepdf.String(element.text or "Link")
        link.kids.append(_Objr(page, position))
        tree.parent_tree.append((key, link))
        key += 1
    for page in pages:
        if "/Annots" in page.obj:
            page.obj.Tabs = Name.S
        _drop_unused_base_fonts(page)
    # Written over by the update; saved now so that it has its number in the file.
    pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(lang)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        # The XMP is written back over the document information on closing: start it
        # from that, or the author, subject and keywords the writer set are lost.
        with warnings.catch_warnings():  # /Trapped has no XMP twin; it stays in the info
            warnings.simplefilter("ignore", UserWarning)
            meta.load_from_docinfo(pdf.docinfo)
        meta["dc:title"] = title
        meta["pdfuaid:part"] = "1"
    out = io.BytesIO()
    # Object streams pack the thousands of small objects (half the size).
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    del pdf, pages
    return _with_tree(out.getvalue(), tree, key)


def _drop_unused_base_fonts(page) -> None:
    """Remove a standard (unembedded) font from the page's resources when its content
    does not use it."""
    fonts = page.obj.get("/Resources", {}).get("/Font")
    if fonts is None:
        return
    base = [name for name in fonts.keys() if "/FontDescriptor" not in fonts[name]]
    if not base:  # the usual case: reportlab's pages share one font dictionary
        return
    content = page.obj.Contents.read_bytes() if "/Contents" in page.obj else b""
    for name in base:
        if f"{name} ".encode() not in content:
            del fonts[name]


def _links(pages, links: list[tuple[int, Element]]):
    """(page, position, element, annotation): the notes matched with each page's link
    annotations (`position` among them), which reportlab keeps in the order they were made."""
    for index, page in enumerate(pages):
        annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        noted = [element for page_index, element in links if page_index == index]
        for position, (element, annot) in enumerate(zip(noted, annots, strict=False)):
            yield index, position, element, annot


class _Node:
    __slots__ = ("tag", "parent", "kids", "header", "number")

    def __init__(self, tag: str, parent: _Node | None, header: bool = False):
        self.tag, self.parent, self.header = tag, parent, header
        self.kids: list = []  # nodes, (page, MCID) and _Objr
        self.number = 0  # its object number, given when written


@dataclass
class _Objr:
    page: int
    annotation: int  # its position among the page's link annotations


class _TreeBuilder:
    """Places elements under Document, grouping table cells, list entries and TOC lines."""

    def __init__(self):
        self.document = _Node("Document", None)
        self.nodes = [self.document]  # in the order they are written
        self.parents: list[dict[int, _Node]] = []  # each page's, by MCID
        self.parent_tree: list[tuple[int, _Node]] = []  # annotations' entries
        self.table = None  # (number, Table node, {row: TR node}, {(row, col): cell node})
        self.lists: list = []  # open L nodes, by level
        self.last_item = None
        self.toc = None
        self.link_nodes: dict[int, _Node] = {}

    def pages(self, count: int) -> None:
        """There are `count` pages, some perhaps after the last with marked content."""
        self.parents += [{} for _ in range(count - len(self.parents))]

    def node(self, tag: str, parent: _Node, header: bool = False) -> _Node:
        node = _Node(tag, parent, header)
        self.nodes.append(node)
        return node

    def add(self, element: Element) -> None:
        if element.cell is None:
            self.table = None
        if element.tag != "LBody" or (element.new_list and element.level == 0):
            self.lists = []
        if element.tag != "Link":
            self.toc = None
        if element.cell is not None:
            parent = self._cell(element.cell)
            leaf = self.node(element.tag if element.tag != "LBody" else "P", parent)
        elif element.tag == "LBody":
            leaf = self._list_entry(element)
        elif element.tag == "Link":
            leaf = self._toc_entry()
            self.link_nodes[id(element)] = leaf
        else:
            leaf = self.node(element.tag, self.document)
        leaf.parent.kids.append(leaf)
        self._mark(leaf, element.kids)

    def _mark(self, leaf: _Node, kids: list[tuple[int, int]]) -> None:
        for page, mcid in kids:
            leaf.kids.append((page, mcid))
            if page >= len(self.parents):
                self.pages(page + 1)
            self.parents[page][mcid] = leaf

    def _cell(self, cell: tuple[int, int, int, bool]) -> _Node:
        number, row, column, header = cell
        if self.table is None or self.table[0] != number:
            node = self.node("Table", self.document)
            self.document.kids.append(node)
            self.table = (number, node, {}, {})
        _, table, rows, cells = self.table
        if row not in rows:
            rows[row] = self.node("TR", table)
            table.kids.append(rows[row])
        if (row, column) not in cells:
            cells[(row, column)] = self.node("TH" if header else "TD", rows[row], header)
            rows[row].kids.append(cells[(row, column)])
        return cells[(row, column)]

    def _list_entry(self, element: Element) -> _Node:
        level = element.level
        while len(self.lists) > level + 1:
            self.lists.pop()
        if not self.lists or len(self.lists) < level + 1:
            parent = self.last_item if self.lists and self.last_item is not None else self.document
            node = self.node("L", parent)
            parent.kids.append(node)
            self.lists.append(node)
        item = self.node("LI", self.lists[-1])
        self.lists[-1].kids.append(item)
        self.last_item = item
        if element.label is not None:
            label = self.node("Lbl", item)
            item.kids.append(label)
            self._mark(label, [element.label])
        return self.node("LBody", item)

    def _toc_entry(self) -> _Node:
        if self.toc is None:
            self.toc = self.node("TOC", self.document)
            self.document.kids.append(self.toc)
        entry = self.node("TOCI", self.toc)
        self.toc.kids.append(entry)
        return self.node("Link", entry)


def _with_tree(data: bytes, tree: _TreeBuilder, next_key: int) -> bytes:
    """`data` with an update that writes the structure tree over its placeholder root: the
    elements in compressed object streams (as qpdf packs them), found by an xref stream."""
    import pikepdf

    saved = pikepdf.open(io.BytesIO(data))
    pages = [_ref(page.obj) for page in saved.pages]
    annots = [[_ref(a) for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
              for page in saved.pages]
    trailer = {key: saved.trailer[key].unparse().decode("latin-1")
               for key in ("/Root", "/Info", "/ID") if key in saved.trailer}
    root, size = saved.Root.StructTreeRoot.objgen[0], int(saved.trailer.Size)
    saved.close()
    for number, node in enumerate(tree.nodes, start=size):
        node.number = number
    parent_tree = size + len(tree.nodes)

    def kid(k) -> str:
        if isinstance(k, _Node):
            return f"{k.number} 0 R"
        if isinstance(k, _Objr):
            return f"<</Type/OBJR/Obj {annots[k.page][k.annotation]}/Pg {pages[k.page]}>>"
        return f"<</Type/MCR/Pg {pages[k[0]]}/MCID {k[1]}>>"

    def element(node: _Node) -> str:
        parent = node.parent.number if node.parent else root
        header = "/A<</O/Table/Scope/Row>>" if node.header else ""
        kids = " ".join(kid(k) for k in node.kids)
        return f"<</Type/StructElem/S/{node.tag}/P {parent} 0 R/K[{kids}]{header}>>"

    nums = [f"{index}[{' '.join(_number(by_mcid.get(n)) for n in range(len(by_mcid)))}]"
            for index, by_mcid in enumerate(tree.parents)]
    nums += [f"{key} {link.number} 0 R" for key, link in tree.parent_tree]
    def objects():  # made as they are written: 72,000 strings at once would be 15 MB
        yield root, (f"<</Type/StructTreeRoot/K[{tree.document.number} 0 R]"
                     f"/ParentTree {parent_tree} 0 R/ParentTreeNextKey {next_key}>>")
        for node in tree.nodes:
            yield node.number, element(node)
        yield parent_tree, f"<</Nums[{' '.join(nums)}]>>"

    return _append_update(data, objects(), parent_tree + 1, trailer)


def _ref(obj) -> str:
    number, generation = obj.objgen
    return f"{number} {generation} R"


def _number(node: _Node | None) -> str:
    return f"{node.number} 0 R" if node is not None else "null"


_PER_STREAM = 100  # objects per object stream, as qpdf packs them


def _append_update(data: bytes, objects: Iterator[tuple[int, str]], next_number: int,
                   trailer: dict[str, str]) -> bytes:
    """`data` with `objects` (number, PDF text; the first may replace an older object, the
    rest numbered on from the file's size) appended as an incremental update."""
    import struct
    import zlib

    previous = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    out = [data if data.endswith(b"\n") else data + b"\n"]  # joined once, at the end
    size = len(out[0])
    entries: dict[int, tuple[int, int, int]] = {}  # number: (type, field 2, field 3)
    number = next_number
    while chunk := list(itertools.islice(objects, _PER_STREAM)):
        offsets, body = [], []
        position = 0
        for index, (object_number, text) in enumerate(chunk):
            encoded = text.encode("latin-1")
            offsets.append(f"{object_number} {position}")
            body.append(encoded)
            position += len(encoded) + 1
            entries[object_number] = (2, number, index)
        header = " ".join(offsets).encode() + b"\n"
        stream = zlib.compress(header + b"\n".join(body) + b"\n")
        entries[number] = (1, size, 0)
        out += [(f"{number} 0 obj\n<</Type/ObjStm/N {len(chunk)}/First {len(header)}"
                 f"/Filter/FlateDecode/Length {len(stream)}>>\nstream\n").encode(),
                stream, b"\nendstream\nendobj\n"]
        size += len(out[-3]) + len(stream) + len(out[-1])
        number += 1
    xref = number
    entries[xref] = (1, size, 0)
    numbers = sorted(entries)
    index, run_start = [], numbers[0]
    for a, b in zip(numbers, [*numbers[1:], None], strict=True):  # runs of numbers
        if b != a + 1:
            index += [run_start, a - run_start + 1]
            run_start = b
    rows = zlib.compress(b"".join(struct.pack(">BIH", *entries[n]) for n in numbers))
    extra = "".join(f"{key} {value}" for key, value in trailer.items())
    out += [(f"{xref} 0 obj\n<</Type/XRef/Size {xref + 1}/W[1 4 2]"
             f"/Index[{' '.join(map(str, index))}]{extra}/Prev {previous}"
             f"/Filter/FlateDecode/Length {len(rows)}>>\nstream\n").encode(),
            rows, f"\nendstream\nendobj\nstartxref\n{size}\n%%EOF\n".encode()]
    return b"".join(out)
