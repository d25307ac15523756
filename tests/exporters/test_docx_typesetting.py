"""A Word file a secretary can keep working in: Word's own list numbering, widow and orphan
control, headings kept with what follows, repeating table headers, no theme fonts in the
heading styles, and not in compatibility mode. Read back from the file itself."""

from __future__ import annotations

import io

import pytest
from docx.oxml.ns import qn

from exporters.blocks import Chapter, Document, Para, Run
from exporters.markup import markdown_blocks
from tests.exporters.helpers import docx_parts, needs_soffice, render

LISTS = "Indledning\n\n3. tre\n4. fire\n\nMellem\n\n- a\n- b\n\n1. en\n   - under\n2. to\n\nSlut"


@pytest.fixture(autouse=True)
def _no_libreoffice(monkeypatch):
    monkeypatch.setenv("REFERENT_SOFFICE", "off")


def _doc(text: str = LISTS) -> Document:
    return Document(kind="Referat", public=False, organisation="Prøvekommune",
                    committee="Økonomiudvalget", title="Referat", header="ØU", front=None,
                    chapters=[Chapter("punkt_1", "Punkt 1: Lister", markdown_blocks(text))])


def _word(data: bytes):
    from docx import Document as open_word

    return open_word(io.BytesIO(data))


def _numbering(word) -> dict[int, tuple[str, int | None]]:
    """numId → (numFmt of level 0, its start override or None)."""
    root = word.part.numbering_part.element
    formats = {a.get(qn("w:abstractNumId")): a.find(qn("w:lvl")).find(qn("w:numFmt"))
               .get(qn("w:val")) for a in root.findall(qn("w:abstractNum"))}
    found = {}
    for num in root.findall(qn("w:num")):
        abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        found[int(num.get(qn("w:numId")))] = (
            formats[abstract], int(start.get(qn("w:val"))) if start is not None else None)
    return found


def _list_entries(word) -> list[tuple[str, int, int]]:
    """(text, numId, ilvl) of every numbered paragraph, in order."""
    out = []
    for p in word.paragraphs:
        numpr = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None:
            out.append((p.text, int(numpr.find(qn("w:numId")).get(qn("w:val"))),
                        int(numpr.find(qn("w:ilvl")).get(qn("w:val")))))
    return out


def test_lists_use_words_numbering_and_each_numbered_list_starts_at_its_number():
    from exporters.docx import render_docx

    word = _word(render_docx(_doc(), layout=False))
    entries = _list_entries(word)
    assert [text for text, _, _ in entries] == ["tre", "fire", "a", "b", "en", "under", "to"]
    numbering = _numbering(word)
    kinds = [(numbering[num][0], numbering[num][1], level) for _, num, level in entries]
    assert kinds == [("decimal", 3, 0), ("decimal", 3, 0), ("bullet", None, 0),
                     ("bullet", None, 0), ("decimal", 1, 0), ("bullet", None, 1),
                     ("decimal", 1, 0)]
    nums = [num for _, num, _ in entries]
    assert nums[0] == nums[1] and nums[4] == nums[6] and nums[0] != nums[4]  # two lists
    # the labels are Word's: nothing typed in front of the text
    assert not any(p.text.startswith(("•", "3.", "1.")) for p in word.paragraphs)


@needs_soffice
def test_libreoffice_prints_the_numbers_word_would(tmp_path, monkeypatch):
    from exporters.docx import render_docx
    from exporters.layout import convert_to_pdf
    from tests.exporters.helpers import pdf_pages

    monkeypatch.delenv("REFERENT_SOFFICE")
    lines = [" ".join(line.split()) for page in pdf_pages(
        convert_to_pdf(render_docx(_doc(), layout=False))) for line in page.splitlines()]
    for expected in ("3. tre", "4. fire", "• a", "• b", "1. en", "• under", "2. to"):
        assert expected in lines, expected


def test_widow_control_and_keep_with_next_in_the_styles_used(examples_archive, tmp_path):
    path = render(examples_archive, "aet-2020-08-19", "referat", "docx", tmp_path / "x.docx")
    word = _word(path.read_bytes())
    used = {p.style.name: p.style for p in word.paragraphs}
    assert {"Heading 1", "Afsnitsoverskrift", "Normal", "Punktopstilling"} <= set(used)
    for name, style in used.items():
        assert style.paragraph_format.widow_control is True, name
    for name in ("Heading 1", "Afsnitsoverskrift", "Mellemrubrik"):
        assert word.styles[name].paragraph_format.keep_with_next is True, name
    # a committee's own template is brought in line in the file written from it
    from docx.shared import Pt

    from exporters.docx import render_docx

    template = io.BytesIO()
    own = _word(path.read_bytes())
    own.styles["Heading 1"].paragraph_format.keep_with_next = False
    own.styles["Normal"].paragraph_format.widow_control = False
    own.styles["Normal"].font.size = Pt(11)
    own.save(template)
    word = _word(render_docx(_doc("Tekst"), template.getvalue(), layout=False))
    assert word.styles["Heading 1"].paragraph_format.keep_with_next is True
    assert word.styles["Normal"].paragraph_format.widow_control is True


def test_no_theme_fonts_in_heading_styles_and_not_in_compatibility_mode(
    examples_archive, tmp_path
):
    path = render(examples_archive, "aet-2020-08-19", "referat", "docx", tmp_path / "x.docx")
    word = _word(path.read_bytes())
    for style in word.styles:
        if style.name.startswith(("Heading", "Title", "Subtitle", "TOC")):
            rpr = style.element.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if fonts is not None:
                assert not [k for k in fonts.attrib if k.lower().endswith("theme")], style.name
    settings = docx_parts(path.read_bytes())["word/settings.xml"]
    assert '<w:compatSetting w:name="compatibilityMode" ' \
           'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>' in settings
    assert settings.count('w:name="compatibilityMode"') == 1


def test_compatibility_mode_is_added_to_a_template_without_it(tmp_path):
    from exporters.docx import render_docx
    from exporters.docx_xml import default_template

    own = _word(default_template())
    compat = own.settings.element.find(qn("w:compat"))
    compat.getparent().remove(compat)
    template = io.BytesIO()
    own.save(template)
    settings = docx_parts(render_docx(_doc("Tekst"), template.getvalue(), layout=False))[
        "word/settings.xml"]
    assert 'w:name="compatibilityMode"' in settings and 'w:val="15"' in settings
    assert settings.index("<w:compat>") < settings.index("<w:rsids>")


def test_form_table_header_rows_repeat_on_every_page(examples_archive, tmp_path):
    path = render(examples_archive, "oeu-2026-09-30", "protokol", "docx", tmp_path / "p.docx")
    word = _word(path.read_bytes())
    headed = [t for t in word.tables if t.rows[0]._tr.find(
        f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert headed, "no table with a repeating header row"
    for table in headed:
        assert all(r._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
                   for r in table.rows[1:])


def test_plain_paragraphs_are_not_numbered():
    from exporters.docx import render_docx

    doc = _doc("Tekst")
    doc.chapters[0].blocks.append(Para([Run("3. ikke en liste")]))
    assert _list_entries(_word(render_docx(doc, layout=False))) == []


def test_cover_without_header_toc_hanging_and_a_header_shortened_at_a_word():
    from exporters.docx import render_docx
    from tests.exporters.test_pdf_breaks import LONG_NAME, _meeting

    word = _word(render_docx(_meeting(1, chapters=3), layout=False))
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert "".join(p.text for p in section.first_page_header.paragraphs).strip() == ""
    assert "PAGE" in section.first_page_footer._element.xml  # the cover keeps its number
    header = section.header.paragraphs[0].text
    organisation, shown = header.split("\t")
    assert organisation == "Prøvekommune"
    assert shown.endswith("… · Referat 06.01.2020")
    name = shown.split("…")[0]
    assert LONG_NAME.startswith(name) and LONG_NAME[len(name)] in " ,"
    toc = [p for p in word.paragraphs if p.style.name == "toc 1"]
    assert toc and all(p.paragraph_format.first_line_indent is not None for p in toc)
    for p in toc:
        fmt = p.paragraph_format
        assert fmt.left_indent == -fmt.first_line_indent and fmt.left_indent.pt > 5


def test_a_bilag_list_is_kept_with_its_heading_in_word():
    from exporters.docx import render_docx
    from tests.exporters.test_pdf_breaks import _meeting

    word = _word(render_docx(_meeting(2, chapters=3), layout=False))
    paragraphs = word.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.text == "Bilag"]
    assert len(headings) == 3
    for at in headings:
        assert paragraphs[at].style.paragraph_format.keep_with_next is True
        entries = []
        for p in paragraphs[at + 1:]:
            if not p.text.startswith("b"):
                break
            entries.append(p)
        assert len(entries) >= 2
        assert all(p.paragraph_format.keep_with_next for p in entries[:-1])
        assert not entries[-1].paragraph_format.keep_with_next
