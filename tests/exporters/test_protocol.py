"""The paper protocol: read back from the PDF and the Word file, and through the render verb."""

from __future__ import annotations

import re

import pytest

import main
from tests.conftest import EXAMPLE_FILES
from tests.exporters.helpers import docx_parts, pdf_pages, render

FAXE = "sagsbehandling-2020-04-21"
DECIDED = (7, 8)  # the Faxe items that keep their decision in these tests
PHRASES = ("Godkendt", "Anbefales", "Taget til efterretning", "Drøftet", "Udsat",
           "Ikke godkendt")
PAGE_MARK = re.compile(r"§17\.4-udvalg 21\.04\.2020 · Punkt (\d+)\s+Side (\d+) af (\d+)")


def _undecide(archive, keep=DECIDED):
    """The Faxe meeting as the chef takes it into the meeting: most decisions not entered."""
    from model.meetings import load_meeting

    with archive.sessions() as session:
        meeting = load_meeting(session, FAXE)
        names = [m.display_name for m in meeting.committee.members if m.role != "sekretær"]
        titles = {}
        for item in meeting.items:
            titles[item.number] = item.title
            if item.number not in keep:
                item.decision = None
        session.commit()
    return names, titles


@pytest.fixture
def faxe(examples_archive):
    names, titles = _undecide(examples_archive)
    return examples_archive, names, titles


def test_protocol_pdf_marks_every_page_and_leaves_decided_items_out(faxe, tmp_path):
    archive, names, titles = faxe
    pages = pdf_pages(render(archive, FAXE, "protokol", "pdf", tmp_path / "p.pdf").read_bytes())
    front, items = pages[0], pages[1:]
    assert "Protokol" in front and "Tirsdag d. 21. april 2020 kl. 17:00" in front
    flat = " ".join(front.split())
    assert "2 punkter har allerede en beslutning" in flat and "punkter 7 og 8" in flat
    for name in names:
        assert name in front
    assert "Til stede" in front and "Fraværende" in front and "Stedfortræder" in front
    assert f"Side 1 af {len(pages)}" in front

    started = []
    for number, text in enumerate(items, start=2):
        mark = PAGE_MARK.search(text)
        assert mark, f"page {number} is not marked with the meeting and item:\n{text}"
        assert (int(mark[2]), int(mark[3])) == (number, len(pages))
        item = int(mark[1])
        assert text.count(f"Punkt {item}") >= 2  # in the header and in the footer
        heading = f"Punkt {item}: {titles[item]}"[:30]
        if heading in text:
            started.append(item)
            for phrase in PHRASES:
                assert phrase in text
            assert "Indstilling" in text and "Beslutning" in text
            assert "Ikke til stede under punktet" in text
            for name in names:
                assert name in text, f"{name} is missing on the page of item {item}"
        if "Spørgsmål og bestillinger" in text:
            assert "Stillet af" in text and "Besvares af" in text
    assert started == [n for n in titles if n not in DECIDED]
    for number in DECIDED:
        assert not any(titles[number][:25] in text for text in items)


def test_protocol_prints_the_recommendation_in_full(faxe, tmp_path):
    archive, _, _ = faxe
    text = "\n".join(pdf_pages(render(archive, FAXE, "protokol", "pdf",
                                      tmp_path / "p.pdf").read_bytes()))
    assert "at kommissoriet drøftes og godkendes" in text
    assert "at arbejdsformen aftales" in text


def test_closed_item_is_printed_in_full_and_marked(unsigned_examples_archive, tmp_path):
    from model.meetings import load_meeting

    with unsigned_examples_archive.sessions() as session:
        meeting = load_meeting(session, "oeu-2026-09-30")
        closed = [item.number for item in meeting.items if item.closed and not item.decision]
        for item in meeting.items:
            item.decision = None
        session.commit()
        closed = [item.number for item in meeting.items if item.closed]
    assert closed
    pages = pdf_pages(render(unsigned_examples_archive, "oeu-2026-09-30", "protokol", "pdf",
                             tmp_path / "p.pdf").read_bytes())
    text = "\n".join(pages)
    assert "(Lukket punkt)" in text and "Havnevej" in text  # internal: nothing withheld


def test_committee_phrases_replace_the_usual_ones(faxe, tmp_path):
    archive, _, _ = faxe
    from model.meetings import load_meeting

    with archive.sessions() as session:
        load_meeting(session, FAXE).committee.decision_phrases = ["Indstillingen godkendt.",
                                                                  "Sendt til høring."]
        session.commit()
    text = "\n".join(pdf_pages(render(archive, FAXE, "protokol", "pdf",
                                      tmp_path / "p.pdf").read_bytes()))
    assert "Indstillingen godkendt" in text and "Sendt til høring" in text
    assert "Taget til efterretning" not in text


def test_protocol_word_file(faxe, tmp_path):
    from docx import Document

    archive, names, titles = faxe
    path = render(archive, FAXE, "protokol", "docx", tmp_path / "p.docx")
    word = Document(str(path))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"Punkt {n}: {t}" for n, t in titles.items() if n not in DECIDED]
    # A section per item, each with its own footer naming the meeting and the item.
    footers = [s.footer.paragraphs[-1].text for s in word.sections]
    assert len(word.sections) == 1 + len(headings)
    assert footers[0].startswith("§17.4-udvalg 21.04.2020\tSide")
    numbers = [n for n in titles if n not in DECIDED]
    for footer, number in zip(footers[1:], numbers, strict=True):
        assert footer.startswith(f"§17.4-udvalg 21.04.2020 · Punkt {number}\tSide")
    parts = docx_parts(path.read_bytes())
    body = parts["word/document.xml"]
    for phrase in PHRASES:
        assert f">{phrase}<" in body
    assert body.count(">Spørgsmål eller bestilling<") == len(numbers)
    for name in names:
        assert body.count(f">{name}<") == 1 + len(numbers)  # front page and each item
    assert 'w:tcBorders' in body
    paragraphs = list(word.paragraphs) + [p for table in word.tables for row in table.rows
                                          for cell in row.cells for p in cell.paragraphs]
    paragraphs += [p for s in word.sections for part in (s.header, s.footer)
                   for p in part.paragraphs]
    for paragraph in paragraphs:
        if paragraph.text.strip():
            assert _size(paragraph) >= 11, (paragraph.text, _size(paragraph))


def _size(paragraph) -> float:
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size]
    style = paragraph.style
    while style is not None and style.font.size is None:
        style = style.base_style
    return min(sizes + [style.font.size.pt if style else 10.5])


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_render_verb(tmp_path, fmt, monkeypatch):
    monkeypatch.setenv("REFERENT_SOFFICE", "off")
    db = tmp_path / "arkiv.sqlite3"
    for example in EXAMPLE_FILES:
        assert main.main(["--db", str(db), "import", str(example)]) == 0
    out = tmp_path / f"protokol.{fmt}"
    argv = ["--db", str(db), "render", "kb-2026-10-08", "--document", "protokol",
            "--format", fmt, "--out", str(out)]
    assert main.main(argv) == 0
    data = out.read_bytes()
    if fmt == "pdf":
        pages = pdf_pages(data)
        assert all("KB 08.10.2026" in page for page in pages)
        assert "Punkt 120" in pages[-1]
    else:
        assert "KB 08.10.2026 · Punkt 120" in docx_parts(data)["word/footer2.xml"] or any(
            "KB 08.10.2026 · Punkt 120" in text for name, text in docx_parts(data).items()
            if name.startswith("word/footer"))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_public_protocol_is_refused(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    for example in EXAMPLE_FILES:
        assert main.main(["--db", str(db), "import", str(example)]) == 0
    out = tmp_path / "p.pdf"
    argv = ["--db", str(db), "render", "kb-2026-10-08", "--document", "protokol",
            "--format", "pdf", "--public", "--out", str(out)]
    assert main.main(argv) == 2
    assert "intern" in capsys.readouterr().err
    assert not out.exists()
