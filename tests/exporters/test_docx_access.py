"""Word files that pass an accessibility check: language, table titles, alt text, headings."""

from __future__ import annotations

import base64
import io

import pytest
from docx import Document as open_word
from docx.oxml.ns import qn

from exporters.document import build_document
from exporters.docx import render_docx
from tests.exporters.test_document import _meeting

# A 1×1 PNG: the committee's logo in its Word template.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


@pytest.fixture
def session(examples_archive):
    with examples_archive.sessions() as opened:
        yield opened


def _word(data: bytes):
    return open_word(io.BytesIO(data))


def _template_with_logo_and_no_language() -> bytes:
    word = open_word()
    for lang in word.styles.element.iter(qn("w:lang")):
        lang.getparent().remove(lang)
    word.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(PIXEL))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_language_tables_and_headings(session):
    doc = build_document(_meeting(session, "oeu-2026-09-30"), "referat")
    word = _word(render_docx(doc, layout=False))

    lang = word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "da-DK"
    captions = [t._tbl.tblPr.find(qn("w:tblCaption")) for t in word.tables]
    assert all(c is not None for c in captions)
    assert captions[0].get(qn("w:val")) == "Mødets oplysninger"
    assert "Underskrifter" in [c.get(qn("w:val")) for c in captions]
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [chapter.heading for chapter in doc.chapters]


def test_a_committee_template_gets_language_and_alt_text(session):
    doc = build_document(_meeting(session, "aet-2020-08-19"), "referat", public=True)
    word = _word(render_docx(doc, template=_template_with_logo_and_no_language(), layout=False))

    lang = word.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "da-DK"
    header = word.sections[0].header._element
    pictures = list(header.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"))
    assert pictures and all(p.get("descr") == "Stevns Kommunes logo" for p in pictures)
