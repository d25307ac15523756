"""The Word file as LibreOffice lays it out: its cached TOC numbers must be the real pages."""

from __future__ import annotations

import io

import pytest

from tests.exporters.helpers import (
    heading_on_page,
    needs_soffice,
    outline,
    pdf_pages,
    render,
    toc_entries,
)

pytestmark = needs_soffice


def _toc(path) -> list[tuple[str, int]]:
    from docx import Document

    word = Document(io.BytesIO(path.read_bytes()))
    rows = [p.text.rsplit("\t", 1) for p in word.paragraphs if p.style.name == "toc 1"]
    return [(text.rstrip("\u2007"), int(page)) for text, page in rows]


@pytest.mark.parametrize(
    "meeting_id", ["aet-2020-08-19", "sagsbehandling-2020-04-21", "oeu-2026-09-30"]
)
def test_docx_toc_numbers_are_where_libreoffice_prints_the_headings(
    examples_archive, tmp_path, meeting_id
):
    from exporters.layout import convert_to_pdf

    path = render(examples_archive, meeting_id, "referat", "docx", tmp_path / "x.docx")
    entries = _toc(path)
    pdf = convert_to_pdf(path.read_bytes())  # plain --convert-to: prints the cached TOC
    assert pdf is not None
    pages = pdf_pages(pdf)
    # The TOC prints the style's toc_entry (Faxe: the title alone); the outline the heading.
    marks = outline(pdf)
    for (text, page), (heading, _) in zip(entries, marks, strict=True):
        assert text in heading
        assert heading_on_page(pages[page - 1], heading), f"{heading!r} not on page {page}"
    assert [p for _, p in marks] == [p for _, p in entries]
    # and LibreOffice prints exactly those numbers in its TOC
    assert [page for _, page in toc_entries(pages)] == [p for _, p in entries]


def test_a_long_meeting_laid_out_in_parts_gets_the_same_numbers(examples_archive, tmp_path):
    """Laying out in parallel parts must give the pages of the whole file."""
    from sqlalchemy import select

    from exporters.document import build_document
    from exporters.docx import render_docx
    from exporters.layout import convert_to_pdf, heading_pages, split_chapters
    from model.entities import Meeting

    with examples_archive.sessions() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.ext_id == "aet-2020-08-19")).one()
        doc = build_document(meeting, "referat")
        doc.chapters = doc.chapters * 6  # 60 chapters: long enough to be cut in two
        for i, chapter in enumerate(doc.chapters):
            chapter.anchor = f"punkt_{i}"
        data = render_docx(doc, layout=False)
    whole = [page for _, page in outline(convert_to_pdf(data))]
    assert len(split_chapters(data, 2)) == 2
    assert heading_pages(data, len(whole)) == whole


def test_parts_the_writer_cuts_are_those_cut_from_the_file(examples_archive):
    """The writer cuts the parts from the chapters it holds as text instead of a parse of
    the file: together they hold the file's body, each part's chapters as in the file."""
    import zipfile

    from lxml import etree
    from sqlalchemy import select

    from exporters.document import build_document
    from exporters.docx import _Writer
    from exporters.layout import split_chapters
    from model.entities import Meeting

    with examples_archive.sessions() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.ext_id == "aet-2020-08-19")).one()
        doc = build_document(meeting, "referat")
    writer = _Writer(doc, None)
    data = writer.save()

    def body(part: bytes) -> list[bytes]:
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(part)).read("word/document.xml"))
        return [etree.tostring(child) for child in root[0]]

    whole = body(data)
    parts = [body(part) for part in writer.split(3, data)]
    assert len(parts) == 3
    # each ends with the body's sectPr; a later part's first chapter does not break the page
    assert all(part[-1] == whole[-1] for part in parts)
    joined = [child for part in parts for child in part[:-1]] + [whole[-1]]
    assert len(joined) == len(whole)
    assert [c.replace(b'<w:pageBreakBefore w:val="0"/>', b"<w:pageBreakBefore/>")
            for c in joined] == whole
    assert len(split_chapters(data, 3)) == 3
