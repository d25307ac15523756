"""The Word file's pages worked out without LibreOffice (exporters/word_pages/) are the
pages LibreOffice lays the file out on; a file the model does not know is left to it."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from tests.conftest import EXAMPLE_FILES
from tests.exporters.helpers import needs_soffice

STRESS_SEEDS = (11, 12, 13)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The examples, the 20-member meeting and generated stress meetings in one archive."""
    from model.database import open_archive
    from model.interchange import import_document, load_json, validate
    from tests.exporters.big_meeting import big_meeting_document
    from tests.exporters.word_stress import stress_meeting

    documents = [load_json(path) for path in EXAMPLE_FILES] + [big_meeting_document()]
    documents += [stress_meeting(30, seed) for seed in STRESS_SEEDS]
    archive = open_archive(tmp_path_factory.mktemp("predict") / "a.sqlite3",
                           keep_backups=None)
    for document in documents:
        validate(document)
        with archive.transaction() as session:
            import_document(session, document)
    yield archive
    archive.close()


def _meetings() -> list[str]:
    import json

    ids = [m["id"] for path in EXAMPLE_FILES
           for m in json.loads(path.read_text("utf-8"))["meetings"]]
    return ids + ["big-2026-11-04"] + [f"stress-{seed}" for seed in STRESS_SEEDS]


def _document(archive, meeting_id: str, kind: str, public: bool = False):
    from exporters.document import build_document
    from model.meetings import load_meeting

    with archive.sessions() as session:
        return build_document(load_meeting(session, meeting_id), kind, public)


def _anchors(data: bytes) -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml)


@needs_soffice
@pytest.mark.parametrize("public", [False, True], ids=["intern", "offentlig"])
@pytest.mark.parametrize("kind", ["referat", "dagsorden"])
@pytest.mark.parametrize("meeting_id", _meetings())
def test_the_pages_are_those_libreoffice_lays_the_file_out_on(archive, meeting_id, kind,
                                                              public):
    from exporters import word_pages
    from exporters.docx import render_docx
    from exporters.layout import heading_pages

    doc = _document(archive, meeting_id, kind, public)
    data = render_docx(doc)
    anchors = _anchors(data)
    assert len(anchors) == len(doc.chapters)
    predicted = word_pages.heading_pages(data, anchors)
    assert predicted is not None, "the model must know every file Referent writes itself"
    assert predicted == heading_pages(data, len(anchors))


def test_the_font_is_read_as_reportlab_reads_it():
    from reportlab.pdfbase.ttfonts import TTFontFile

    from exporters.fonts import FILES, font_dir
    from exporters.word_pages.metrics import font_advances

    for filename in FILES.values():
        if not filename.startswith("Liberation"):
            continue
        path = font_dir() / filename
        face = TTFontFile(str(path))
        expected = {c: round(w * face.unitsPerEm / 1000) for c, w in face.charWidths.items()
                    if c < 0xFFFF}
        assert font_advances(path.read_bytes()) == expected


def _changed(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                assert old in content
                content = content.replace(old, new)
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize("part, old, new", [
    ("word/styles.xml", b'w:ascii="Arial"', b'w:ascii="Georgia"'),  # another font
    ("word/styles.xml", b'w:lineRule="exact"', b'w:lineRule="auto"'),  # a line's own height
    ("word/document.xml", b"<w:pgMar ", b'<w:cols w:num="2"/><w:pgMar '),  # two columns
    ("word/header1.xml", b"</w:p>", b"</w:p>" + b"<w:p><w:r><w:t>Logo</w:t></w:r></w:p>" * 6),
    ("word/settings.xml", b'w:val="15"', b'w:val="14"'),  # Word 2010's spacing rules
    # a word of soft hyphens across a line's end: where would LibreOffice break it?
    ("word/document.xml", b"Godkendt", ("Godkendt\u00ad" * 30).encode()),
], ids=["skrift", "linjehoejde", "spalter", "hoejt-sidehoved", "kompatibilitet", "blod-bindestreg"])
def test_a_file_the_model_does_not_know_is_left_to_libreoffice(archive, part, old, new):
    from exporters import word_pages
    from exporters.docx import render_docx

    data = render_docx(_document(archive, "aet-2020-08-19", "referat"), layout=False)
    anchors = _anchors(data)
    assert word_pages.heading_pages(data, anchors) is not None
    assert word_pages.heading_pages(_changed(data, part, old, new), anchors) is None


def test_referents_own_files_need_no_libreoffice(archive, monkeypatch):
    """A referat is numbered from the model alone: LibreOffice is never started."""
    from exporters import layout
    from exporters.docx import render_docx
    from tests.exporters.test_toc_long import _contents

    def refuse(*args, **kwargs):
        raise AssertionError("LibreOffice was asked")

    monkeypatch.setattr(layout, "convert_to_pdf", refuse)
    monkeypatch.setattr(layout, "convert_all_to_pdf", refuse)
    doc = _document(archive, "stress-11", "referat")
    numbers = _contents(render_docx(doc))
    assert len(numbers) == len(doc.chapters) and numbers == sorted(numbers)
    assert numbers[-1] > numbers[0] + len(doc.chapters)  # chapters of more than one page


@needs_soffice
def test_a_template_in_another_font_is_numbered_by_libreoffice(archive):
    """The model does not know Georgia's widths: LibreOffice lays the file out instead,
    and the numbers written are the pages it puts the headings on."""
    from exporters.docx import render_docx
    from exporters.docx_xml import default_template
    from exporters.layout import heading_pages
    from tests.exporters.test_toc_long import _contents

    template = _changed(default_template(), "word/styles.xml", b'w:ascii="Arial"',
                        b'w:ascii="Georgia"')
    data = render_docx(_document(archive, "stress-12", "referat"), template=template)
    numbers = _contents(data)
    assert numbers == heading_pages(data, len(numbers))
