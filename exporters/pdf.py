"""The PDF writer: lays out a neutral Document with reportlab's platypus, in one pass.

Each chapter heading records the physical page it lands on (front page =
1) and becomes a bookmark; the TOC's page numbers and the "Side X af Y"
total are filled in after the last page (exporters/pdf_numbers.py), so every
number printed is the page as the reader counts it. The flowables it lays out
are made by pdf_story.py; a long document may be laid out in two processes
(pdf_split.py).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from functools import partial

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from exporters import pdf_fill as fill_
from exporters import pdf_forms as forms
from exporters import pdf_numbers as numbers_
from exporters import pdf_split, pdf_story
from exporters import pdf_tagging as tagging
from exporters.blocks import Document
from exporters.fonts import FAMILY
from exporters.pdf_styles import (
    GREY,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE,
    RULE,
    fit_header,
)
from exporters.pdf_styles import fit as _fit
from exporters.pdf_styles import text_width as _width

FOOTER_SIZE = 8.5
MARK_SIZE = 11  # the page marks of a protocol: read while sorting a pile of pages
GREY_LEVEL = 0.35  # the footer's grey, as GREY (#595959)
HEADER_SHARE = 0.4  # of the text width, at most, for the organisation in the header
HEADER_GAP = 6 * mm
FEED_AHEAD = 64  # flowables of the story kept ahead of the layout, at least (pdf_story.parts)


def render_pdf(doc: Document, placed: list[forms.Placed] | None = None,
               spend: bool = False, workers: int = 1) -> bytes:
    """The document as PDF bytes; `placed`, when given, receives where each box to tick
    and each ruled box was drawn (pdf_forms.Placed), for reading the paper back. `spend`
    when the caller needs `doc` no more: each chapter's blocks are let go once laid out
    (30 MB at 2000 items). `workers` above 1: a long document may be laid out in two
    processes (pdf_split.py), by a caller that may fork."""
    plan = pdf_split.plan(doc, workers)
    if plan is not None:
        return _render_split(doc, plan, spend)
    data, boxes, _ = _render(doc, spend)
    if placed is not None:
        placed.extend(boxes)
    return data


def render_pdf_with_layout(doc: Document) -> tuple[bytes, list]:
    """The document as PDF bytes, and the scan layout of each page (scan_marks.PageLayout)
    when the document is marked for scanning (Document.scan_meeting)."""
    data, _, pages = _render(doc)
    return data, pages


def _render(doc: Document, spend: bool = False) -> tuple[bytes, list, list]:
    out = io.BytesIO()
    notes, placed, scan_pages = _saved(_laid_out(out, doc, spend))
    return _tagged(out, notes, doc), placed, scan_pages


def _render_split(doc: Document, plan: pdf_split.Plan, spend: bool) -> bytes:
    out = io.BytesIO()
    notes, _, _ = _saved(_laid_out_split(out, doc, plan, spend))
    return _tagged(out, notes, doc)


def _laid_out(out: io.BytesIO, doc: Document, spend: bool) -> _Template:
    template = _Template(out, doc)
    _build(template, pdf_story.parts(doc, spend), _Canvas)
    return template


def _laid_out_split(out: io.BytesIO, doc: Document, plan: pdf_split.Plan,
                    spend: bool) -> _Template:
    """The document laid out in two processes, the chapters from `plan.at` in the other.
    Should its pages not fit this document (pdf_split.join), they are laid out here."""
    template = _Template(out, doc)
    canvas = template._makeCanvas(canvasmaker=_Canvas)
    split = pdf_split.fork(canvas, plan, partial(_lay_out_other, doc, plan.at, canvas))
    try:
        _build(template, pdf_story.parts(doc, spend, chapters=slice(0, plan.at)), canvas)
        tagging.prepare()  # while the other process may still be at work
        laid = pdf_split.result(split)
        if pdf_split.join(canvas, split, laid, template.page_count):
            _draw_other(template, laid)
            for chapter in doc.chapters[plan.at:] if spend else ():
                pdf_story.spend_chapter(chapter)
        else:
            _lay_out_here(template, doc, plan.at, spend)
    finally:
        pdf_split.abandon(split)
    return template


def _lay_out_other(doc: Document, at: int, canvas) -> pdf_split.Laid:
    """In the other process: the chapters from `at`, their pages' streams recorded."""
    template = _Template(io.BytesIO(), doc, opening=False)
    template.outline = []
    canvas.capture = []
    _build(template, pdf_story.parts(doc, chapters=slice(at, None)), canvas)
    return pdf_split.Laid(canvas.capture, template.outline, canvas._tagger)


def _lay_out_here(template: _Template, doc: Document, at: int, spend: bool) -> None:
    """The chapters from `at` laid out after the pages of `template`, on its canvas."""
    other = _Template(io.BytesIO(), doc, opening=False)
    _build(other, pdf_story.parts(doc, spend, chapters=slice(at, None)), template.canv)
    offset = template.page_count
    template.pages.update({key: offset + page for key, page in other.pages.items()})
    template.page_count = offset + other.page_count


def _draw_other(template: _Template, laid: pdf_split.Laid) -> None:
    """The other process's pages as this document's next pages, with their bookmarks."""
    canvas, offset = template.canv, template.page_count
    entries: dict[int, list[tuple[str, str]]] = {}
    for page, text, key in laid.entries:
        entries.setdefault(page, []).append((text, key))
    for number, stream in enumerate(laid.pages, 1):
        for text, key in entries.get(number, ()):
            template.pages[key] = offset + number
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(text, key, level=0, closed=True)
        canvas.showPage()
        page = canvas._doc.Pages.pages[-1]
        page.stream = stream  # wrapped already, in the other process
    template.page_count = offset + len(laid.pages)


def _build(template: _Template, parts: Iterator[list], canvas) -> None:
    """Lay out the story `parts` on `canvas` (a canvas, or a canvas class to make one)."""
    template.feed = parts
    template.story = next(template.feed, [])
    maker = canvas if isinstance(canvas, type) else lambda *args, **kwargs: canvas
    template.build(template.story, canvasmaker=maker)


def _saved(template: _Template) -> tuple[tagging.Tagger, list, list]:
    """Save the laid-out document, its numbers filled in (what is not text was marked as
    such as each page was shown, _Canvas); what was noted while drawing it: the tagging
    notes, the boxes drawn and the pages' scan layouts. The caller keeps no hold on
    `template`: its pages (35 MB at 2000 items) are let go before the structure tree is
    made."""
    canvas = template.canv
    numbers_.fill(canvas, {**template.pages, numbers_.TOTAL: template.page_count})
    _compress_pages(canvas)
    canvas.save()
    # The saved pages: let go now, not when the collector next comes by (canvas and
    # template hold each other).
    canvas._doc = None
    return canvas._tagger, canvas.placed, canvas.scan_pages


def _compress_pages(canvas) -> None:
    """Each page's stream compressed, its filter named as /FlateDecode. reportlab would
    write it as /Filter [/ASCII85Decode /FlateDecode], or [/FlateDecode] without ASCII85,
    and qpdf passes through only a stream whose filter is the plain name: any other it
    decodes and compresses again when the tagged file is saved (pdf_tagging.finish), 60 ms
    of a 410-page referat. The text is let go as each page is done."""
    for page in canvas._doc.Pages.pages:
        data = zlib.compress(page.stream.encode("utf8"))  # as reportlab encodes a stream
        page.Contents = PDFStream(PDFDictionary({"Filter": PDFName("FlateDecode")}), data)
        page.stream = None


def _tagged(out: io.BytesIO, notes: tagging.Tagger, doc: Document) -> bytes:
    """The saved PDF in `out` with its structure tree, from the `notes`."""
    return tagging.finish(out.getvalue(), notes, doc.title)


def settle_boxes(doc: Document, slack: int = 0) -> None:
    """Fix every elastic ruled box (WritingBox.fewest) of `doc` at the lines this writer's
    layout gives it, for a writer that cannot stretch a box to its page (Word): at most
    its usual lines, and `slack` lines fewer (not below its fewest) for a writer whose
    layout runs taller."""
    if not doc.elastic:
        return  # nothing elastic: no layout to pay for
    story = pdf_story.story(doc)
    fills = [f for f in story if isinstance(f, fill_.PageFill)]  # build() empties the story
    template = _Template(io.BytesIO(), doc)
    template.build(story, canvasmaker=_MeasuringCanvas)
    for flowable in fills:
        box = flowable.box
        if box is not None:
            lines = min(box.drawn or box.most, box.most) - slack
            box.block.lines, box.block.fewest = max(lines, box.fewest), 0


def chapter_pages(doc: Document) -> list[int]:
    """The page each chapter starts on, as this writer lays the document out."""
    template = _Template(io.BytesIO(), doc)
    template.build(pdf_story.story(doc), canvasmaker=_MeasuringCanvas)
    return [template.pages[chapter.anchor] for chapter in doc.chapters]


class _Template(BaseDocTemplate):
    """`opening`: its first page is the document's first (the cover); not so for the
    chapters another process lays out (pdf_split.py), whose bookmarks it records in
    `outline` for this process to make."""

    def __init__(self, out, doc: Document, opening: bool = True):
        super().__init__(
            out,
            pagesize=PAGE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=doc.title,
            author=doc.organisation,
            subject=f"{doc.kind} – {doc.committee}",
            keywords=doc.keywords,
            creator="Referent",
            lang="da-DK",
        )
        self.source = doc
        self.opening = opening
        self.outline: list[tuple[int, str, str]] | None = None
        self.pages: dict[str, int] = {}
        self.page_count = 0
        self.mark = ""  # the mark of the chapter being laid out (marked documents)
        self.scan_item = ""  # the item of the chapter being laid out (scan marks)
        self._doSave = 0  # saved by render_pdf once the numbers are filled in
        self.feed: Iterator[list] | None = None  # the story's next parts (_parts)
        self.story: list = []  # the flowables build() lays out, when fed from `feed`
        # No padding: the text block is exactly the margins, as in the Word file.
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        if doc.page_mark:
            # Drawn when the page is full, so it knows which chapter the page belongs to.
            template = PageTemplate("page", [frame], onPageEnd=self._decorate_marked)
        else:
            template = PageTemplate("page", [frame], onPage=self._decorate)
        self.addPageTemplates([template])

    def handle_flowable(self, flowables):
        """Lay out the story's next flowable, first adding the story's next parts when few
        are left: a part begins with its page break, so none looks past what is there."""
        while self.feed is not None and flowables is self.story and len(flowables) < FEED_AHEAD:
            part = next(self.feed, None)
            if part is None:
                self.feed = None
            else:
                flowables.extend(part)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable):
        entry = getattr(flowable, "toc_entry", None)
        if entry is None:
            return
        text, key = entry
        self.mark = getattr(flowable, "page_mark", self.mark)
        self.scan_item = getattr(flowable, "scan_item", self.scan_item)
        self.pages[key] = self.page
        if self.outline is not None:
            self.outline.append((self.page, text, key))
            return
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=0, closed=True)

    def afterPage(self):
        self.page_count = self.page

    def _decorate(self, canvas, template):
        doc = self.source
        width, height = PAGE
        canvas.saveState()
        canvas.setFont(FAMILY, FOOTER_SIZE)
        canvas.setFillColor(GREY)
        top = height - 15 * mm
        # The cover prints the organisation itself: no running header on it.
        if not (self.opening and self.page == 1 and doc.front and not doc.compact):
            left = _fit(doc.organisation, HEADER_SHARE * (width - 2 * MARGIN_X), FOOTER_SIZE)
            canvas.drawString(MARGIN_X, top, left)
            room = width - 2 * MARGIN_X - _width(left, FOOTER_SIZE) - HEADER_GAP
            canvas.drawRightString(width - MARGIN_X, top,
                                   fit_header(doc.header, room, FOOTER_SIZE, doc.edition))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN_X, top - 3 * mm, width - MARGIN_X, top - 3 * mm)
        elif doc.edition:
            canvas.drawRightString(width - MARGIN_X, top, doc.edition)
        numbers_.mark(canvas, numbers_.TOTAL, width / 2, 12 * mm, FOOTER_SIZE, "centre",
                      GREY_LEVEL, "Side {page} af {}")
        canvas.restoreState()

    def _decorate_marked(self, canvas, template):
        """Header and footer naming the meeting and the item: 'AET 19.08.2020 · Punkt 193'."""
        doc = self.source
        width, height = PAGE
        mark = " · ".join(part for part in (doc.page_mark, self.mark) if part)
        canvas.saveState()
        canvas.setFillColor(GREY)
        top = height - 15 * mm
        canvas.setFont(FAMILY, MARK_SIZE)
        half = (width - 2 * MARGIN_X - HEADER_GAP) / 2
        canvas.drawString(MARGIN_X, top, _fit(f"{doc.kind} · {doc.committee}", half, MARK_SIZE))
        canvas.setFont(f"{FAMILY}-Bold", MARK_SIZE)
        canvas.drawRightString(width - MARGIN_X, top,
                               _fit(mark, half, MARK_SIZE, f"{FAMILY}-Bold"))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 3 * mm, width - MARGIN_X, top - 3 * mm)
        canvas.line(MARGIN_X, 16 * mm, width - MARGIN_X, 16 * mm)
        canvas.drawString(MARGIN_X, 11 * mm, _fit(mark, half, MARK_SIZE, f"{FAMILY}-Bold"))
        numbers_.mark(canvas, numbers_.TOTAL, width - MARGIN_X, 11 * mm, MARK_SIZE, "right",
                      GREY_LEVEL, "Side {page} af {}")
        canvas.restoreState()
        if doc.scan_meeting and canvas.placed is not None:
            from exporters import scan_marks  # reportlab's QR code: only for a protocol

            layout = scan_marks.page_layout(canvas, doc.scan_meeting, self.scan_item)
            canvas.scan_pages.append(layout)
            scan_marks.draw_marks(canvas, scan_marks.payload(layout))


class _Canvas(Canvas):
    """A canvas whose initial font is ours, so no unembedded Helvetica is named in the file,
    and whose pages' untagged runs are wrapped as artifacts as each page is shown."""

    measuring = False

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initialFontName", FAMILY)
        super().__init__(*args, **kwargs)
        self._tagger = tagging.Tagger()  # what each piece of text is, for the structure tree
        self.placed: list[forms.Placed] | None = []  # the boxes drawn (pdf_forms._record)
        self.scan_pages: list = []  # each page's layout for the scanner (scan_marks.py)
        self.capture: list[str] | None = None  # each page's stream (pdf_split.py)

    def showPage(self):  # noqa: N802 - reportlab's name
        super().showPage()
        if self.measuring:
            return
        # Wrapped as soon as it is done, so that in a document laid out in two processes
        # each wraps its own pages while the other is still at work.
        page = self._doc.Pages.pages[-1]
        page.stream = tagging.wrap_page(page.stream)
        if self.capture is not None:  # sent to the other process
            self.capture.append(page.stream)

    def _addAnnotation(self, *args, **kwargs):  # noqa: N802 - reportlab's name
        if self.capture is not None:  # a link's target may be in the other half
            raise pdf_split.Refused("a link in the other half")
        super()._addAnnotation(*args, **kwargs)


class _MeasuringCanvas(_Canvas):
    """A canvas for learning where pages break, whose output is never saved (on which
    pdf_story's paragraphs draw nothing)."""

    measuring = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tagger = None
        self.placed = None
