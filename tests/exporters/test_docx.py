"""The Word file read back: headings, the TOC field, settings, public version, templates."""

from __future__ import annotations

import io
import re

import pytest

from tests.exporters.helpers import SECRETS, docx_parts, render
from tests.exporters.test_pdf import set_hostile_text


@pytest.fixture(autouse=True)
def _no_libreoffice(monkeypatch):
    # These tests read the file python-docx wrote; test_libreoffice.py checks the layout.
    monkeypatch.setenv("REFERENT_SOFFICE", "off")


def _open(path):
    from docx import Document

    return Document(io.BytesIO(path.read_bytes()))


def test_items_are_heading_1_with_bookmarks_and_linked_toc_entries(examples_archive, tmp_path):
    path = render(examples_archive, "aet-2020-08-19", "referat", "docx", tmp_path / "x.docx")
    word = _open(path)
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "192. Dagsorden - godkendelse"
    assert headings[-1] == "200. Underskriftsark (Lukket punkt)"  # holds the signatures
    xml = docx_parts(path.read_bytes())["word/document.xml"]
    assert 'TOC \\o "1-2" \\h \\z \\u' in xml
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml)
    bookmarks = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml)
    assert anchors == bookmarks and len(anchors) == len(headings)
    toc = [p.text for p in word.paragraphs if p.style.name == "toc 1"]
    # each entry's text, then figure spaces keeping every number as wide as the widest
    assert [t.rsplit("\t", 1)[0].rstrip("\u2007") for t in toc] == headings
    assert len({len(t.rsplit("\t", 1)[0]) - len(h) + len(t.rsplit("\t", 1)[1])
                for t, h in zip(toc, headings, strict=True)}) == 1
    numbers = [int(t.rsplit("\t", 1)[1]) for t in toc]
    assert numbers == sorted(numbers) and numbers[0] >= 3  # front page, TOC, then items
    assert xml.count('w:fldCharType="begin"') == xml.count('w:fldCharType="end"') == 1


def test_update_fields_sits_before_compat_in_settings(examples_archive, tmp_path):
    path = render(examples_archive, "oeu-2026-09-30", "referat", "docx", tmp_path / "x.docx")
    settings = docx_parts(path.read_bytes())["word/settings.xml"]
    assert '<w:updateFields w:val="true"/>' in settings
    assert settings.index("w:updateFields") < settings.index("<w:compat")


def test_footer_counts_pages_and_header_names_organisation(examples_archive, tmp_path):
    path = render(examples_archive, "oeu-2026-09-30", "referat", "docx", tmp_path / "x.docx")
    parts = docx_parts(path.read_bytes())
    footers = " ".join(v for k, v in parts.items() if k.startswith("word/footer"))
    headers = " ".join(v for k, v in parts.items() if k.startswith("word/header"))
    assert 'w:instr=" PAGE "' in footers and 'w:instr=" NUMPAGES "' in footers
    assert "Side " in footers and "Prøvekommune" in headers


def test_fonts_are_arial_and_language_danish(examples_archive, tmp_path):
    path = render(examples_archive, "oeu-2026-09-30", "referat", "docx", tmp_path / "x.docx")
    styles = docx_parts(path.read_bytes())["word/styles.xml"]
    assert "Calibri" not in styles and "Cambria" not in styles
    assert 'w:ascii="Arial"' in styles and 'w:val="da-DK"' in styles


@pytest.mark.parametrize("document", ["referat", "dagsorden"])
def test_public_docx_holds_nothing_of_the_closed_item_in_any_part(
    examples_archive, tmp_path, document
):
    path = render(examples_archive, "oeu-2026-09-30", document, "docx", tmp_path / "p.docx",
                  public=True)
    parts = docx_parts(path.read_bytes())
    everything = "\n".join(parts.values())
    assert "Salg af kommunal grund (Lukket punkt)" in everything
    for secret in SECRETS:
        for name, xml in parts.items():
            assert secret not in xml, f"{secret!r} in {name}"
    internal = render(examples_archive, "oeu-2026-09-30", "referat", "docx", tmp_path / "i.docx")
    assert "Havnevej 12" in docx_parts(internal.read_bytes())["word/document.xml"]


def test_hostile_text_renders(unsigned_examples_archive, tmp_path):
    set_hostile_text(unsigned_examples_archive)
    path = render(unsigned_examples_archive, "oeu-2026-09-30", "referat", "docx",
                  tmp_path / "h.docx")
    word = _open(path)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Łukasz Wałęsa, Čapek, Şahin, Ærø" in text
    assert "😀" in text
    assert "\x0b" not in text and "\x07" not in text
    assert len(text) > 100_000


def test_committee_template_is_used(examples_archive, tmp_path):
    from docx import Document
    from docx.shared import Pt
    from sqlalchemy import select

    from model.entities import Committee

    house = Document()
    house.styles["Normal"].font.name = "Georgia"
    house.styles["Normal"].font.size = Pt(12)
    house.sections[0].header.paragraphs[0].text = "Husstil: Prøvekommunes logo"
    house.add_paragraph("Skabelonens eksempeltekst")
    buffer = io.BytesIO()
    house.save(buffer)
    with examples_archive.transaction() as session:
        committee = session.scalars(select(Committee).where(Committee.ext_id == "oeu")).one()
        committee.word_template = buffer.getvalue()
        committee.word_template_name = "husstil.docx"
    path = render(examples_archive, "oeu-2026-09-30", "referat", "docx", tmp_path / "t.docx")
    word = _open(path)
    parts = docx_parts(path.read_bytes())
    assert word.styles["Normal"].font.name == "Georgia"
    assert "Husstil: Prøvekommunes logo" in " ".join(
        v for k, v in parts.items() if k.startswith("word/header"))
    assert "Skabelonens eksempeltekst" not in parts["word/document.xml"]
    assert any(p.style.name == "toc 1" for p in word.paragraphs)  # missing styles were added
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"][0] == (
        "Punkt 301: Godkendelse af dagsorden")


def test_a_dotx_template_is_accepted():
    import zipfile

    from docx import Document

    from exporters.blocks import Chapter, FrontPage, Para, Run
    from exporters.blocks import Document as Neutral
    from exporters.docx import render_docx
    from exporters.docx_xml import DOCUMENT_TYPE, TEMPLATE_TYPE, default_template

    source = zipfile.ZipFile(io.BytesIO(default_template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_TYPE, TEMPLATE_TYPE)
            target.writestr(info.filename, data)
    doc = Neutral("Referat", False, "Kommune", "Udvalg", "Referat Udvalg", "Udvalg",
                  FrontPage("Kommune", "Udvalg", "Referat", "Referat Udvalg", []),
                  [Chapter("punkt_1", "1. Punkt", [Para([Run("Tekst")])])])
    word = Document(io.BytesIO(render_docx(doc, template=out.getvalue())))
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"] == ["1. Punkt"]
