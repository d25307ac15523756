"""Long meetings in Word: every contents number is the page where LibreOffice puts the heading.

Slow (LibreOffice lays out some 1,600 and 4,000 pages): `pytest -m "not slow"` leaves it out.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.exporters.helpers import heading_on_page, needs_soffice

pytestmark = [
    needs_soffice,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is missing"),
]


def _document(archive, items: int):
    from sqlalchemy import select

    from bench.render_bench import interchange
    from exporters.document import build_document
    from model.entities import Meeting
    from model.interchange import import_document

    with archive.transaction() as session:
        import_document(session, interchange(items))
    with archive.sessions() as session:
        meeting = session.scalars(select(Meeting).where(Meeting.ext_id == "bench-meeting")).one()
        return build_document(meeting, "referat")


def _contents(data: bytes) -> list[int]:
    """The page numbers the Word file's TOC holds, as Word shows them before refreshing."""
    import io

    from docx import Document

    word = Document(io.BytesIO(data))
    return [int(p.text.rsplit("\t", 1)[1]) for p in word.paragraphs if p.style.name == "toc 1"]


def _pages_as_text(pdf: bytes, folder) -> list[str]:
    path = folder / "laid-out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("items", [800, 2000])
def test_every_contents_number_is_the_page_of_its_heading(tmp_path, items):
    from exporters.docx import render_docx
    from exporters.layout import convert_to_pdf
    from model.database import open_archive

    archive = open_archive(tmp_path / "arkiv.sqlite3", keep_backups=None)
    try:
        doc = _document(archive, items)
    finally:
        archive.close()
    data = render_docx(doc)
    numbers = _contents(data)
    assert len(numbers) == len(doc.chapters) > items  # the items, then the signatures
    # plain --convert-to: LibreOffice prints the cached numbers (4,000 pages: minutes)
    pdf = convert_to_pdf(data, timeout=1800)
    assert pdf is not None
    pages = _pages_as_text(pdf, tmp_path)
    wrong = [(chapter.heading, number) for chapter, number in zip(doc.chapters, numbers,
                                                                  strict=True)
             if not heading_on_page(pages[number - 1], chapter.heading)]
    assert not wrong, f"{len(wrong)} of {items} numbers wrong, first: {wrong[:3]}"
    # and LibreOffice prints exactly those numbers in the list
    assert _printed_numbers(pages[1:numbers[0] - 1], doc.organisation) == numbers


# An entry's last line: its text, the dot leader and the number at the right margin. A
# tight line has one or two dots or none, and the number may then touch the text.
_ENTRY_END = re.compile(r"^\s*\S.*?(?<!\d)(?P<page>\d+)\s*$")
_FOOTER = re.compile(r"^\s*Side \d+ af \d+\s*$")


def _printed_numbers(toc_pages: list[str], organisation: str) -> list[int]:
    lines = [line for page in toc_pages for line in page.splitlines()]
    ends = [_ENTRY_END.match(line) for line in lines
            if not _FOOTER.match(line) and not line.strip().startswith(organisation)]
    return [int(m["page"]) for m in ends if m]
