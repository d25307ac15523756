"""Every page of an internal referat or dagsorden of a meeting with closed items says
"Intern udgave" in its header, cover too, in PDF and Word; as an artifact in the tagged
PDF. The public version has no such mark, nor has a meeting without closed items."""

from __future__ import annotations

import subprocess

import pytest

from exporters.render import render_bytes
from model.interchange import import_file
from model.meetings import load_meeting
from tests.conftest import EXAMPLE_FILES
from tests.exporters.helpers import docx_parts, needs_soffice
from tests.exporters.test_tagged_pdf import page_texts, struct_tree

MARK = "Intern udgave"
WITH_CLOSED = ["oeu-2026-09-30", "aet-2020-08-19"]
WITHOUT_CLOSED = ["sagsbehandling-2020-04-21", "kb-2026-10-08"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Every example's referat and dagsorden, internal and public, as PDF and Word."""
    from model.database import open_archive

    folder = tmp_path_factory.mktemp("udgave")
    archive = open_archive(folder / "arkiv.sqlite3", keep_backups=None)
    for path in EXAMPLE_FILES:
        import_file(archive, path)
    made = {}
    with archive.sessions() as session:
        for meeting_id in WITH_CLOSED + WITHOUT_CLOSED:
            meeting = load_meeting(session, meeting_id)
            for document in ("referat", "dagsorden"):
                for public in (False, True):
                    for fmt in ("pdf", "docx"):
                        out = folder / f"{meeting_id}-{document}-{public}.{fmt}"
                        out.write_bytes(render_bytes(meeting, document, fmt, public))
                        made[(meeting_id, document, public, fmt)] = out
    archive.close()
    return made


def _header_lines(path) -> list[str]:
    """The first printed line of every page."""
    return [next((line for line in page.splitlines() if line.strip()), "")
            for page in page_texts(path)]


@pytest.mark.parametrize("meeting_id", WITH_CLOSED)
@pytest.mark.parametrize("document", ["referat", "dagsorden"])
def test_every_internal_pdf_page_says_intern_udgave(files, meeting_id, document):
    headers = _header_lines(files[(meeting_id, document, False, "pdf")])
    assert len(headers) >= 3
    assert all(line.rstrip().endswith(MARK) for line in headers), headers
    public = files[(meeting_id, document, True, "pdf")]
    assert not any(MARK in page for page in page_texts(public))
    # The running header keeps the document and date before the mark.
    assert f"{'Referat' if document == 'referat' else 'Dagsorden'} " in headers[1]


@pytest.mark.parametrize("meeting_id", WITHOUT_CLOSED)
def test_a_meeting_without_closed_items_has_no_mark(files, meeting_id):
    for document in ("referat", "dagsorden"):
        assert not any(MARK in page for page in page_texts(files[(meeting_id, document, False,
                                                                  "pdf")]))
        assert MARK not in _word_headers(files[(meeting_id, document, False, "docx")])


def test_the_mark_is_an_artifact_in_the_tagged_pdf(files):
    path = files[("oeu-2026-09-30", "referat", False, "pdf")]
    assert not any(MARK in text for _tag, text in struct_tree(path))
    assert any(tag == "H1" for tag, _text in struct_tree(path))  # the tree is there


def _word_headers(path) -> str:
    from docx import Document

    word = Document(str(path))
    texts = []
    for section in word.sections:
        parts = [section.header]
        if section.different_first_page_header_footer:
            parts.append(section.first_page_header)
        texts += [p.text for part in parts for p in part.paragraphs]
    return "\n".join(texts)


@pytest.mark.parametrize("document", ["referat", "dagsorden"])
def test_word_headers_say_it_on_the_cover_and_every_other_page(files, document):
    from docx import Document

    word = Document(str(files[("oeu-2026-09-30", document, False, "docx")]))
    section = word.sections[0]
    assert section.different_first_page_header_footer  # the cover has a header of its own
    assert MARK in [p.text for p in section.first_page_header.paragraphs]
    assert any(p.text.endswith(f"· {MARK}") for p in section.header.paragraphs)
    assert MARK not in _word_headers(files[("oeu-2026-09-30", document, True, "docx")])


@needs_soffice
def test_every_page_of_the_word_file_says_it_when_laid_out(files, tmp_path):
    source = files[("oeu-2026-09-30", "referat", False, "docx")]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pages = page_texts(tmp_path / f"{source.stem}.pdf")
    assert len(pages) >= 3
    assert all(MARK in _header_lines_of(page) for page in pages), pages
    public = files[("oeu-2026-09-30", "referat", True, "docx")]
    assert not any(MARK in part for part in docx_parts(public.read_bytes()).values())


def _header_lines_of(page: str) -> str:
    """The first two printed lines (a template's header may stand above the mark)."""
    return "\n".join([line for line in page.splitlines() if line.strip()][:2])
