"""The Word file's page headers and footers: running ones, or the marks of a protocol."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

from exporters import docx_xml as x
from exporters.markup import shorten
from exporters.pdf_styles import fit, fit_header, text_width

# The page header as the PDF's (exporters/pdf.py): 160 mm of text width, the organisation
# on at most 40 % of it, the committee's name shortened at a word to fit the rest.
TEXT_WIDTH = 160 / 25.4 * 72
HEADER_SHARE = 0.4
HEADER_GAP = 6 / 25.4 * 72
HEADER_SIZE = 8.5
LARGE_MIN = 11  # the marks of a protocol: read while sorting a pile of pages
MARKED_NAME = 40  # characters of the committee's name in a protocol's header


def running(word, doc, style) -> None:
    """'Organisation   Committee · Referat 19.08.2020' above, 'Side X af Y' below; not on
    the cover, which prints the organisation itself. A template's own header is kept."""
    cover = doc.front is not None and not doc.compact
    for section in word.sections:
        header = section.header
        if not has_content(header):
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.style = style["header"]
            size = (p.style.font.size or Pt(HEADER_SIZE)).pt
            organisation = fit(doc.organisation, HEADER_SHARE * TEXT_WIDTH, size)
            room = TEXT_WIDTH - text_width(organisation, size) - HEADER_GAP
            p.add_run(f"{organisation}\t{fit_header(doc.header, room, size, doc.edition)}")
            if cover:
                section.different_first_page_header_footer = True  # its header stays empty
        elif doc.edition:
            edition(header, doc.edition, style)  # beside a template's own header
        if doc.edition and section.different_first_page_header_footer:
            edition(section.first_page_header, doc.edition, style)
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
        for footer in footers:
            if "PAGE" not in footer._element.xml:
                _page_number(footer, style)


def edition(header, text: str, style) -> None:
    """'Intern udgave' on a line of its own at the right of `header`."""
    p = header.paragraphs[0] if not has_content(header) and header.paragraphs \
        else header.add_paragraph()
    p.style = style["header"]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.add_run(text)


def _page_number(footer, style) -> None:
    p = footer.add_paragraph() if has_content(footer) else footer.paragraphs[0]
    p.style = style["footer"]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Side ")
    p._p.append(x.simple_field("PAGE", "1"))
    p.add_run(" af ")
    p._p.append(x.simple_field("NUMPAGES", "1"))


def marked(word, doc, style) -> None:
    """Each section (the front page, then one per chapter) gets its own header and
    footer naming the meeting and the chapter: 'AET 19.08.2020 · Punkt 193 · Side 4 af 12'.
    A template's own header (a logo) gives way to the marks on these documents."""
    marks = [""] + [chapter.mark for chapter in doc.chapters]
    name = shorten(doc.committee, lambda t: len(t) <= MARKED_NAME)
    for section, mark in zip(word.sections, marks, strict=False):
        text = " · ".join(part for part in (doc.page_mark, mark) if part)
        section.different_first_page_header_footer = False
        header, footer = section.header, section.footer
        header.is_linked_to_previous = False
        footer.is_linked_to_previous = False
        _clear(header)
        _clear(footer)
        p = header.add_paragraph()
        p.style = style["header"]
        p.add_run(f"{doc.kind} · {name}\t")
        p.add_run(text).bold = True
        p = footer.add_paragraph()
        p.style = style["footer"]
        p.add_run(f"{text}\tSide ")
        p._p.append(x.simple_field("PAGE", "1"))
        p.add_run(" af ")
        p._p.append(x.simple_field("NUMPAGES", "1"))
        for part in (header, footer):
            _right_tab(part.paragraphs[-1])
            for run in part.paragraphs[-1].runs:
                run.font.size = Pt(LARGE_MIN)


def _clear(part) -> None:
    for p in part.paragraphs:
        p._p.getparent().remove(p._p)


def _right_tab(paragraph) -> None:
    """One tab stop, at the right margin, whatever tabs the template's style has."""
    stops = paragraph.paragraph_format.tab_stops
    for stop in paragraph.style.paragraph_format.tab_stops:
        stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT)


def has_content(part) -> bool:
    xml = part._element.xml
    return any(p.text.strip() for p in part.paragraphs) or "<w:drawing" in xml or "<w:pict" in xml
