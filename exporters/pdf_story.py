"""The PDF's story: the neutral document's blocks as reportlab flowables, a chapter at
a time, which pdf.py lays out on its pages. Paragraphs are tagged by their style (a
heading, a list entry, a paragraph) as they are drawn (pdf_tagging)."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape as html_escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from exporters import pdf_fill as fill_
from exporters import pdf_forms as forms
from exporters import pdf_tagging as tagging
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
from exporters.fonts import with_fallback
from exporters.pdf_numbers import TocLine
from exporters.pdf_styles import (
    KEEP,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE,
    list_style,
    styles,
    toc_hanging,
    toc_style,
)

KEEP_FORM = 50 * mm  # a form's heading, its heading row and a few rows


class _Para(Paragraph):
    """A paragraph that draws nothing on a measuring canvas (splits keep the class), and
    is tagged by its style: a heading, a list entry, or a paragraph."""

    continued = False  # the second part of a paragraph split over a page
    list_start = False  # the first entry of a list
    wrapped_at = None  # the width of its last measuring, whose lines it holds
    wrapped = (0, 0)  # the size it measured then

    def draw(self):
        if not getattr(self.canv, "measuring", False):
            super().draw()

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        tag, level = tagging.tag_for(self.style.name)
        labelled = tag == "LBody" and bool(self.bulletText)
        with tagging.tagged(canvas, tag, self.continued, level, labelled, self.list_start):
            super().drawOn(canvas, x, y, _sW)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        # Measured again at the width it was just measured at (a KeepTogether's entries,
        # then each on its own): the lines are the same, unless split() dropped them.
        if availWidth != self.wrapped_at or "blPara" not in self.__dict__:
            self.wrapped_at = None
            self.wrapped = super().wrap(availWidth, availHeight)
            self.wrapped_at = availWidth
        return self.wrapped

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.wrapped_at = None
        for part in parts[1:]:
            part.continued = True
        return parts


def story(doc: Document) -> list:
    return [flowable for part in parts(doc) for flowable in part]


def parts(doc: Document, spend: bool = False, chapters: slice = slice(None)) -> Iterator[list]:
    """The story in parts: the front page, the contents, each chapter after its page break;
    `spend`: each chapter's blocks are let go once their flowables are made. `chapters`:
    only those, and the front page and contents only with the first."""
    st = styles(doc.large_print)
    started = False
    opening = not chapters.start
    if doc.front and opening:
        yield _front(doc.front, doc.compact, st)
        started = True
    if doc.with_toc and opening:
        yield [PageBreak()] * started + _toc(doc, st)
        started = True
    for chapter in doc.chapters[chapters]:
        flow = [PageBreak()] * (started and not doc.compact) + _chapter(chapter, st)
        if spend:
            spend_chapter(chapter)
        yield flow
        started = True


def spend_chapter(chapter: Chapter) -> None:
    """Let the chapter's blocks go: it is laid out."""
    chapter.blocks, chapter.signature = [], None


def _toc(doc: Document, st) -> list:
    title = _Para(escape(doc.toc_title), st["toc_title"])
    title.toc_entry = (doc.toc_title, "indholdsfortegnelse")
    large = doc.large_print
    lines = []
    for chapter in doc.chapters:
        text, markup = chapter.toc_text, _text(chapter.toc_text)
        style = toc_style(round(toc_hanging(text, large), 1), large)
        lines.append(TocLine(markup, chapter.anchor, style, _frags([Run(text)], style, markup)))
    return [title, *lines]


def _front(front: FrontPage, compact: bool, st) -> list:
    flow: list = [
        _plain(front.organisation, st["front_org"]),
        _plain(front.kind, st["front_kind"]),
        _plain(front.committee, st["front_committee"]),
    ]
    rows = []
    for label, values in front.rows:
        cell = [_plain(value, st["front_value"]) for value in values]
        rows.append([_plain(label, st["front_label"]), cell])
    if rows:
        table = tagging.TaggedTable(rows, colWidths=[42 * mm, None], hAlign="LEFT",
                                    header_columns=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]))
        flow.append(table)
    flow += _blocks(front.blocks, st)
    if compact:
        flow.append(Spacer(1, 10 * mm))
    return flow


def _chapter(chapter: Chapter, st) -> list:
    heading = _plain(chapter.heading, st["chapter"])
    heading.toc_entry = (chapter.heading, chapter.anchor)
    heading.page_mark = chapter.mark
    heading.scan_item = chapter.scan_item
    flow: list = [heading]
    flow += _blocks(chapter.blocks, st)
    if chapter.signature:
        flow += _signatures(chapter.signature, st)
    return flow


def _blocks(blocks: list[Block], st) -> list:
    """The blocks laid out; a heading stays on the page of the form or bilag list after it."""
    flow: list = []
    held: list = []
    for i, block in enumerate(blocks):
        laid = _block(block, st)
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, SectionHeading) and (
                isinstance(following, FORM_BLOCKS)
                or isinstance(following, ListBlock) and following.keep):
            held = [f for f in laid if not isinstance(f, CondPageBreak)]
            continue
        if isinstance(block, ListBlock) and block.keep and not held:
            laid = [KeepTogether(laid)]
        if held and isinstance(block, FormTable):
            # A form can be longer than a page (20 members): it splits, its heading row
            # repeated, once the heading and its first rows have found room.
            flow += [CondPageBreak(KEEP_FORM), *held, *laid]
            held = []
        elif held:
            flow.append(KeepTogether(held + laid))
            held = []
        else:
            flow += laid
    return flow + held


def _block(block: Block, st) -> list:
    if isinstance(block, FORM_BLOCKS):
        return _form(block, st)
    if isinstance(block, PageFill):
        groups = [[f for b in group for f in _block(b, st) if not isinstance(f, CondPageBreak)]
                  for group in block.groups]
        return [fill_.PageFill(groups, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM)]
    if isinstance(block, Para):
        para = _runs_para(block.runs, st[block.style])
        return [CondPageBreak(KEEP[block.style]), para] if block.style in KEEP else [para]
    if isinstance(block, SectionHeading):
        return [CondPageBreak(KEEP["section"]), _plain(block.text, st["section"])]
    if isinstance(block, SubHeading):
        return [CondPageBreak(KEEP["sub"]), _plain(block.text, st["sub"])]
    if isinstance(block, ListBlock):
        last = len(block.entries) - 1
        entries = [
            _runs_para(entry.runs, list_style(entry.level, i == last, st is styles(True)),
                       bulletText=entry.label or None)
            for i, entry in enumerate(block.entries)
        ]
        entries[0].list_start = True
        return entries
    raise TypeError(f"unknown block {block!r}")


def _form(block: Block, st) -> list:
    width = PAGE[0] - 2 * MARGIN_X
    para = lambda text: _plain(text, st["front_value"])  # noqa: E731
    head = lambda text: _plain(text, st["front_label"])  # noqa: E731
    if isinstance(block, TickBoxes):
        flow = forms.tick_boxes(block, width, para)
    elif isinstance(block, WritingBox):
        flow = forms.writing_box(block)
    elif isinstance(block, FormTable):
        flow = forms.form_table(block, width, para, head)
    elif isinstance(block, Fields):
        flow = forms.fields(block, width, para, head)
    else:
        raise TypeError(f"unknown block {block!r}")
    return [*flow, Spacer(1, 4 * mm)]


def _signatures(page: SignaturePage, st) -> list:
    """Two signers a row, each a line to sign on above the name; a long list (up to 20)
    is set tighter so that it stays on one page."""
    tight = page.tight
    flow: list = [_plain(page.meeting, st["front_label"]), Spacer(1, 2 * mm)] if (
        page.meeting) else []
    flow.append(_plain(page.intro, st["body"]))
    if page.dated:
        dated = Table([[_plain(page.dated, st["body"]), ""]],
                      colWidths=[38 * mm, 60 * mm], hAlign="LEFT")
        dated.setStyle(TableStyle([
            ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
        ]))
        flow.append(dated)
    flow.append(Spacer(1, 2 * mm if tight else 6 * mm))
    name_style = st["sign_name_tight"] if tight else st["sign_name"]
    note_style = st["sign_note_tight"] if tight else st["sign_note"]
    cells = []
    for signer in page.signers:
        cell = [
            Spacer(1, (8 if tight else 16) * mm),
            HRFlowable(width="92%", thickness=0.6, color=colors.black, hAlign="LEFT",
                       spaceAfter=2 if tight else 3),
            _plain(signer.name, name_style),
        ]
        if signer.note:
            cell.append(_plain(signer.note, note_style))
        cells.append(cell)
    if not cells:
        return flow
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=["50%", "50%"])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0 if tight else 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1 if tight else 4),
    ]))
    flow.append(table)
    return flow


def escape(text: str) -> str:
    """`text` with & < > escaped for paragraph markup, as xml.sax.saxutils.escape does,
    whose import takes 30 ms (it brings urllib.request and http.client)."""
    return html_escape(text, quote=False)


def _text(text: str) -> str:
    return with_fallback(escape(text))


def _plain(text: str, style) -> _Para:
    """A paragraph of plain text."""
    return _runs_para([Run(text)], style)


def _runs_para(runs: list[Run], style, bulletText: str | None = None) -> _Para:  # noqa: N803
    """A paragraph of runs. Plain runs are handed to reportlab as its fragments: parsing
    the markup made from them again took a quarter of the time the story took to build.
    Markup that the parser would change (a fallback font, spaces it would fold) is parsed."""
    markup = _markup(runs)
    return _Para(markup, style, bulletText=bulletText, frags=_frags(runs, style, markup))


def _frags(runs: list[Run], style, markup: str) -> list | None:
    if "<font" in markup or markup != " ".join(markup.split()):
        return None
    kinds = _fragment_kinds(style)
    frags = [kinds["br"].clone() if run.text == "\n"
             else kinds[(run.bold, run.italic)].clone(text=run.text)
             for run in runs if run.text]
    if not frags:
        return None
    textTransformFrags(frags, style)
    return frags


_KINDS: dict[int, tuple] = {}


def _fragment_kinds(style) -> dict:
    """The parser's fragment for each of plain, bold, italic, both and a line break in
    `style`, to be copied with other text."""
    known = _KINDS.get(id(style))
    if known is None or known[0] is not style:
        parse = lambda markup: ParaParser().parse(markup, style)[1]  # noqa: E731
        kinds = {(b, i): parse(_markup([Run("x", b, i)]))[0]
                 for b in (False, True) for i in (False, True)}
        kinds["br"] = parse("x<br/>")[1]
        known = _KINDS[id(style)] = (style, kinds)
    return known[1]


def _markup(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        if run.text == "\n":
            parts.append("<br/>")
            continue
        piece = escape(run.text)
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        parts.append(piece)
    return with_fallback("".join(parts))
