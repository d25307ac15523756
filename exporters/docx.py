"""The Word writer: lays out a neutral Document with python-docx.

Styles come from the committee's template or the default one in
resources/templates; item headings are real `Heading 1` paragraphs with
bookmarks, and the table of contents is a real Word TOC field whose cached
entries link to them. The page numbers in that cache come from laying the
file out with LibreOffice (exporters/layout.py) when it is installed, and
are then exact as LibreOffice prints them. Without it they come from the PDF
writer's layout of the same document (same page, metrics and spacing), which
is close but not exact: measured on 200 items, one chapter in seven came out
a page longer. Word refreshes the field on opening either way.
"""

from __future__ import annotations

import copy
import ctypes
import gc
import io
import zipfile
from functools import partial

from docx import Document as open_word
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_LEADER
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree
from lxml.etree import SubElement

from exporters import docx_chunks as chunks
from exporters import docx_forms as forms
from exporters import docx_lists as lists
from exporters import docx_pages as pages
from exporters import docx_toc as toc
from exporters import docx_xml as x
from exporters import word_pages
from exporters.blocks import (
    FORM_BLOCKS,
    Block,
    Chapter,
    Document,
    Fields,
    FormTable,
    FrontPage,
    ListBlock,
    PageFill,
    Para,
    Run,
    SectionHeading,
    SignaturePage,
    SubHeading,
    TickBoxes,
    WritingBox,
)
from exporters.docx_access import make_accessible, title_table, title_tables

STYLES = {
    "body": "Normal",
    "lead": "Mellemrubrik",
    "meta": "Sagsdata",
    "chapter": "Heading 1",
    "section": "Afsnitsoverskrift",
    "sub": "Underoverskrift",
    "list": "Punktopstilling",
    "toc_title": "TOC Heading",
    "toc": "toc 1",
    "front_org": "Forside organisation",
    "front_kind": "Title",
    "front_committee": "Subtitle",
    "front_label": "Forside felt",
    "front_value": "Forside tekst",
    "sign": "Underskrift",
    "sign_note": "Underskrift note",
    "header": "Header",
    "footer": "Footer",
}
# The QR code and corner marks a scanner reads are printed in the PDF protocol only.
SCAN_NOTE = ("Denne Word-udgave kan ikke læses af scanneren (Indlæs scannet protokol); "
             "udskriv PDF-udgaven, hvis protokollen skal scannes tilbage.")
KEEP_WITH_NEXT = ("chapter", "section", "sub", "lead", "meta", "toc_title")
LARGE = 12 / 10.5  # large print: the template's body text (10.5 pt) becomes 12 pt
LARGE_MIN = pages.LARGE_MIN  # and nothing is smaller than this


def render_docx(doc: Document, template: bytes | None = None, layout: bool = True) -> bytes:
    """The document as .docx bytes, its TOC numbered with the page of each heading as
    LibreOffice lays the file out.

    Those pages are worked out here (`word_pages`), without LibreOffice, for every file
    whose make-up it knows; for any other (a committee's template in another font, say)
    LibreOffice lays the file out if `layout`, else the PDF's pages are the estimate.

    Every TOC number is kept as wide as the widest (figure spaces, `docx_toc`), so writing
    the numbers cannot make an entry wrap: the list's length, and with it every page after
    it, is settled before the numbers are known. Only a number wider than the room kept
    could change it; then more room is kept and the file laid out again. The writer's tree
    is let go before LibreOffice runs; the numbers are written into the saved file."""
    digits = _digits_guess(doc)
    while True:
        writer = _Writer(doc, template, digits)
        data = writer.save()
        entries = writer.toc_entries
        if not (doc.with_toc and entries):
            return data
        pages = word_pages.heading_pages(data, [anchor for anchor, _text in entries])
        if pages is None:
            pages = _laid_out(doc, writer, data, len(entries), layout)
        else:
            del writer
        if pages is None or len(pages) != len(entries):
            return data
        widest = len(str(max(pages)))
        if widest <= digits:
            break
        digits = widest
    return toc.write_numbers(data, entries, pages, digits)


def _laid_out(doc: Document, writer: _Writer, data: bytes, count: int,
              layout: bool) -> list[int] | None:
    """The headings' pages as LibreOffice lays the file out (if `layout`), else as the
    PDF writer does."""
    parts = None
    if layout:
        from exporters.layout import layout_parts

        parts = layout_parts(data, count, partial(writer.split, data=data))
    del writer
    _let_go()
    pages = None
    if parts is not None:
        from exporters.layout import parts_pages

        pages = parts_pages(parts, count)
        del parts
    return pages if pages is not None else _pdf_estimate(doc)


def _let_go() -> None:
    """Free the writer's tree (python-docx's objects hold it in cycles) and hand the freed
    heap back to the system: glibc keeps it otherwise, scattered between what is still in
    use, and reading LibreOffice's PDFs and writing the numbers would grow on top of it."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        pass


def _digits_guess(doc: Document) -> int:
    """Digits to keep room for in the TOC's numbers: a chapter seldom runs past 4 pages."""
    return len(str(max(99, 4 * len(doc.chapters))))


def _pdf_estimate(doc: Document) -> list[int] | None:
    from exporters.pdf import chapter_pages

    return chapter_pages(doc)


class _Writer:
    def __init__(self, doc: Document, template: bytes | None, digits: int = 3):
        self.doc = doc
        self.digits = digits  # the widest TOC page number it keeps room for
        source = x.as_document_package(template) if template else x.default_template()
        self.word = open_word(io.BytesIO(source))
        x.copy_missing_styles(self.word, list(dict.fromkeys(STYLES.values())))
        self.style = {key: self.word.styles[name] for key, name in STYLES.items()}
        self.style_ids = {key: style.style_id for key, style in self.style.items()}
        self._typesetting()
        if doc.large_print:
            self._large_print()
        self.toc_entries: list[tuple[str, str]] = []  # each TOC entry's anchor and text
        self.chapters: list[bytes] = []  # each chapter's word/document.xml, once written
        self.numbering = lists.Numbering(self.word)
        self.lists = 0
        self.bookmarks = 0
        body = self.word.element.body
        for child in list(body):
            if child.tag != x.qn("w:sectPr"):
                body.remove(child)  # a template's sample text never reaches the minutes
        self.end = body.find(x.qn("w:sectPr"))
        if self.end is None:
            self.end = SubElement(body, x.qn("w:sectPr"))
        self._properties()
        if not doc.page_mark:
            pages.running(self.word, doc, self.style)
        self._body()
        if doc.page_mark:
            pages.marked(self.word, doc, self.style)
        make_accessible(self.word, doc.organisation)
        x.set_update_fields(self.word)
        x.set_compatibility_mode(self.word)

    def save(self) -> bytes:
        """The file. python-docx would hold word/document.xml as one string and knows
        nothing of the chapters written out (`docx_chunks`): it saves the other parts, and
        this one is written into the zip piece by piece."""
        return toc.replace_part(self._package(), toc.DOCUMENT,
                                chunks.document_xml(self.word.element, self.chapters))

    def split(self, parts: int, data: bytes) -> list[bytes]:
        """`data`, this file, cut into `parts` files of whole chapters for LibreOffice to
        lay out side by side (exporters/layout.py); whole unless every chapter starts a
        page. A part after the first has no front page or contents."""
        if not self.chapters:  # a protocol's: all in the tree
            from exporters.layout import split_chapters

            return split_chapters(data, parts, self.word.element)
        if self.doc.compact:
            return [data]
        package = zipfile.ZipFile(io.BytesIO(data))
        count = len(self.chapters)
        bounds = sorted({count * k // parts for k in range(parts + 1)})
        return [toc.replace_part(package, toc.DOCUMENT, chunks.document_xml(
                    self.word.element, self.chapters, lo, hi, whole=lo == 0))
                for lo, hi in zip(bounds, bounds[1:], strict=False)]

    def _package(self) -> zipfile.ZipFile:
        """The file as python-docx saves it, with an empty word/document.xml."""
        part = self.word.part
        element = part._element
        part._element = etree.Element(element.tag, nsmap=element.nsmap)
        out = io.BytesIO()
        try:
            self.word.save(out)
        finally:
            part._element = element
        return zipfile.ZipFile(out)

    def _properties(self) -> None:
        props = self.word.core_properties
        doc = self.doc
        props.title = doc.title
        props.subject = f"{doc.kind} – {doc.committee}"
        props.author = doc.organisation
        props.keywords = ", ".join(doc.keywords)
        props.category = doc.kind
        props.comments = ""
        props.last_modified_by = "Referent"
        props.language = "da-DK"

    def _typesetting(self) -> None:
        """No line of a paragraph alone at a page's top or bottom, and headings kept with
        what follows them, whatever the committee's template says."""
        for key, style in self.style.items():
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                style.paragraph_format.widow_control = True
                if key in KEEP_WITH_NEXT:
                    style.paragraph_format.keep_with_next = True

    def _large_print(self) -> None:
        """Every style this writer uses made larger, in this file only (not the template)."""
        normal = self.style["body"].font.size
        for style in {id(s): s for s in self.style.values()}.values():
            size = style.font.size or normal
            if size is not None:
                style.font.size = Pt(max(LARGE_MIN, size.pt * LARGE))

    def _section_break(self) -> None:
        """End the section here: the next chapter starts a page with headers of its own."""
        last = self.end.getprevious()
        if last is not None and last.tag == x.qn("w:p") and not "".join(last.itertext()):
            p = Paragraph(last, self.word._body)  # the empty paragraph after a form: reuse it
        else:
            p = self._para("body")
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        sect = copy.deepcopy(self.end)
        for ref in sect.findall(x.qn("w:headerReference")) + sect.findall(
                x.qn("w:footerReference")):
            sect.remove(ref)
        p._p.get_or_add_pPr().append(sect)

    def _para(self, key: str, text: str = "", page_break: bool = False):
        """A new body paragraph (as lxml, not python-docx's API, which is 10x slower here)."""
        p = x.OxmlElement("w:p")
        ppr = SubElement(p, x.qn("w:pPr"))
        SubElement(ppr, x.qn("w:pStyle")).set(x.qn("w:val"), self.style_ids[key])
        if page_break:
            SubElement(ppr, x.qn("w:pageBreakBefore"))
        if text:
            _text(p, text)
        self.end.addprevious(p)
        return Paragraph(p, self.word._body)

    def _body(self) -> None:
        doc = self.doc
        started = False
        if doc.front:
            self._front(doc.front)
            started = True
        if doc.with_toc:
            self._toc(page_break=started)
            started = True
        for chapter in doc.chapters:
            if doc.page_mark and started:
                self._section_break()
                self._chapter(chapter, page_break=False)
            else:
                before = self.end.getprevious()
                self._chapter(chapter, page_break=started and not doc.compact)
                if not doc.page_mark:
                    self._write_out(before)
            started = True

    def _write_out(self, before) -> None:
        """The chapter after `before` taken out of the tree as text (`docx_chunks`); not
        a protocol's, whose sections docx_pages.marked still has to find in the tree."""
        element = self.end.getparent()[0] if before is None else before.getnext()
        text = []
        while element is not self.end:
            following = element.getnext()
            title_tables(element)  # as make_accessible does for what stays in the tree
            text.append(chunks.serialised(element))
            element = following
        self.chapters.append(b"".join(text))

    def _front(self, front: FrontPage) -> None:
        self._para("front_org", front.organisation)
        self._para("front_kind", front.kind)
        self._para("front_committee", front.committee)
        if not front.rows:
            return
        table = self.word.add_table(rows=len(front.rows), cols=2)
        title_table(table._tbl, "Mødets oplysninger")
        # LibreOffice sizes columns by the grid, Word by the cells: set both.
        table.autofit = False
        table.columns[0].width, table.columns[1].width = Mm(42), Mm(118)
        for row, (label, values) in zip(table.rows, front.rows, strict=True):
            row.cells[0].width, row.cells[1].width = Mm(42), Mm(118)
            _fill(row.cells[0].paragraphs[0], label, self.style["front_label"])
            first = row.cells[1].paragraphs[0]
            for i, value in enumerate(values):
                p = first if i == 0 else row.cells[1].add_paragraph()
                _fill(p, value, self.style["front_value"])
            row.cells[1].paragraphs[-1].paragraph_format.space_after = Pt(7)
        for block in front.blocks:
            self._block(block)
        if self.doc.scan_meeting:
            self._para("meta", SCAN_NOTE)

    def _toc(self, page_break: bool) -> None:
        self._para("toc_title", self.doc.toc_title, page_break)
        last = None
        from exporters.pdf_styles import toc_hanging

        for i, chapter in enumerate(self.doc.chapters):
            p = self._para("toc")
            hanging = toc_hanging(chapter.toc_text)
            if hanging:  # wrapped lines under the text after the number, as in the PDF
                p.paragraph_format.left_indent = Pt(hanging)
                p.paragraph_format.first_line_indent = Pt(-hanging)
            if i == 0:
                for run in (x.field_char("begin"), x.instruction(x.TOC_INSTRUCTION),
                            x.field_char("separate")):
                    p._p.append(run)
            link = x.hyperlink(chapter.anchor)
            # Page 0 as wide as the widest number; docx_toc writes the pages in the saved file.
            link.append(x.text_run(toc.entry_text(chapter.toc_text, 0, self.digits))[0])
            link.append(x.tab_run())
            link.append(x.text_run("0")[0])
            p._p.append(link)
            self.toc_entries.append((chapter.anchor, chapter.toc_text))
            last = p
        if last is not None:
            last._p.append(x.field_char("end"))

    def _chapter(self, chapter: Chapter, page_break: bool) -> None:
        heading = self._para("chapter", chapter.heading, page_break)
        self.bookmarks += 1
        x.bookmark(heading, self.bookmarks, chapter.anchor)
        for block in chapter.blocks:
            self._block(block)
        if chapter.signature:
            self._signatures(chapter.signature)

    def _block(self, block: Block) -> None:
        if isinstance(block, FORM_BLOCKS):
            self._form(block)
        elif isinstance(block, PageFill):
            for group in block.groups:
                self._kept_together(group)
        elif isinstance(block, Para):
            _runs(self._para(block.style), block.runs)
        elif isinstance(block, SectionHeading):
            self._para("section", block.text)
        elif isinstance(block, SubHeading):
            self._para("sub", block.text)
        elif isinstance(block, ListBlock):
            self.lists += 1
            for entry in block.entries:
                p = self._para("list")
                num = self.numbering.num_for(entry.label, (self.lists, entry.group), entry.level)
                if num is not None:
                    lists.number(p, num, entry.level)  # Word numbers it: no typed label
                elif entry.label:
                    if entry.level:
                        p.paragraph_format.left_indent = Mm(7 * (entry.level + 1))
                    _text(p._p, f"{entry.label}\t")
                else:  # a further paragraph of an entry: under its text
                    p.paragraph_format.left_indent = Mm(7 * (entry.level + 1))
                    p.paragraph_format.first_line_indent = Mm(0)
                _runs(p, entry.runs)
                if block.keep and entry is not block.entries[-1]:
                    p.paragraph_format.keep_with_next = True  # the bilag on one page
            p.paragraph_format.space_after = Pt(5)  # the last entry: a paragraph's distance
        else:
            raise TypeError(f"unknown block {block!r}")

    def _kept_together(self, blocks: list[Block]) -> None:
        """Blocks kept on one page: laid out in the one cell of a borderless table whose
        row cannot split. Keep-with-next on every paragraph would say the same, but
        LibreOffice lets a table split between its rows regardless."""
        cell = forms.holder(self)
        end, self.end = self.end, cell.paragraphs[-1]._p
        try:
            for block in blocks:
                self._block(block)
        finally:
            self.end = end
        forms.tiny_paragraph(self)  # two tables in a row would be one

    def add_table(self, rows: int, cols: int):
        """A table where the writer is (the body, or a holder's cell), for docx_forms."""
        table = self.word.add_table(rows=rows, cols=cols)
        self.end.addprevious(table._tbl)
        return table

    def add_paragraph(self):
        p = self.word.add_paragraph()
        self.end.addprevious(p._p)
        return p

    def _form(self, block: Block) -> None:
        def fill(paragraph, text):
            _fill(paragraph, text, self.style["front_value"])

        def head(paragraph, text):
            _fill(paragraph, text, self.style["front_label"])

        if isinstance(block, TickBoxes):
            forms.tick_boxes(self, block, fill)
        elif isinstance(block, WritingBox):
            forms.writing_box(self, block)
        elif isinstance(block, FormTable):
            forms.form_table(self, block, fill, head)
        elif isinstance(block, Fields):
            forms.fields(self, block, fill, head)

    def _signatures(self, page: SignaturePage) -> None:
        """As pdf.py lays them out: a long list (up to 20) tighter, to stay on one page."""
        tight = page.tight
        if page.meeting:
            _runs(self._para("body"), [Run(page.meeting, bold=True)])
        intro = self._para("body", page.intro)
        if page.dated:
            dated = self._para("body", f"{page.dated}\t")
            dated.paragraph_format.tab_stops.add_tab_stop(Mm(100), leader=WD_TAB_LEADER.LINES)
            dated.paragraph_format.space_before = Pt(8)
            intro = dated
        intro.paragraph_format.space_after = Pt(6 if tight else 17)
        if not page.signers:
            return
        rows = (len(page.signers) + 1) // 2
        table = self.word.add_table(rows=rows, cols=2)
        title_table(table._tbl, "Underskrifter")
        table.autofit = False
        table.columns[0].width = table.columns[1].width = Mm(80)
        for i, signer in enumerate(page.signers):
            cell = table.rows[i // 2].cells[i % 2]
            cell.width = Mm(80)
            name = cell.paragraphs[0]
            _fill(name, signer.name, self.style["sign"])
            name.paragraph_format.space_before = Pt(20 if tight else 45)
            name.paragraph_format.right_indent = Mm(6)
            x.top_border(name)
            parts = [name]
            if signer.note:
                parts.append(cell.add_paragraph())
                _fill(parts[-1], signer.note, self.style["sign_note"])
            if tight:
                for part, size in zip(parts, (9, 8), strict=False):
                    part.paragraph_format.line_spacing = Pt(size + 2)
                    for run in part.runs:
                        run.font.size = Pt(size)
        for row in table.rows:  # a signer's line and name stay together
            row._tr.get_or_add_trPr().insert(0, x.OxmlElement("w:cantSplit"))


def _fill(paragraph, text: str, style) -> None:
    paragraph.style = style
    paragraph.add_run(text)


def _runs(paragraph, runs: list[Run]) -> None:
    p = paragraph._p
    for run in runs:
        if run.text == "\n":
            SubElement(SubElement(p, x.qn("w:r")), x.qn("w:br"))
        else:
            _text(p, run.text, run.bold, run.italic)


_PRESERVE = x.qn("xml:space")
_T, _TAB = x.qn("w:t"), x.qn("w:tab")


def _text(p, text: str, bold: bool = False, italic: bool = False) -> None:
    r = SubElement(p, x.qn("w:r"))
    if bold or italic:
        rpr = SubElement(r, x.qn("w:rPr"))
        if bold:
            SubElement(rpr, x.qn("w:b"))
        if italic:
            SubElement(rpr, x.qn("w:i"))
    for i, piece in enumerate(text.split("\t")):
        if i:
            SubElement(r, _TAB)
        if piece:
            t = SubElement(r, _T)
            t.set(_PRESERVE, "preserve")
            t.text = piece
