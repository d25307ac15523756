"""The paper protocol: read back from the PDF and the Word file, and through the render verb."""

from __future__ import annotations

import re

import pytest

import main
from tests.conftest import EXAMPLE_FILES
from tests.exporters.helpers import docx_parts, needs_soffice, pdf_pages, render

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


# One item a page, the boxes where the scanner (issue 17) and the chef expect them.

MM = 72 / 25.4  # points in a millimetre
PAGE_HEIGHT = 297  # mm, A4


def _protocol(archive, meeting_id: str):
    """The protocol's PDF, where its boxes were drawn, and its words with their boxes."""
    from exporters.pdf import render_pdf
    from exporters.protocol import build_protocol
    from model.meetings import load_meeting
    from tests.exporters.overlap import words

    placed = []
    with archive.sessions() as session:
        pdf = render_pdf(build_protocol(load_meeting(session, meeting_id)), placed)
    return pdf, placed, words(pdf)


def _first_item_page(placed) -> int:
    """The pages before it are the front page and its attendance form."""
    return min(p.page for p in placed if p.key.startswith("decision"))


def _page_texts(found) -> dict[int, str]:
    pages: dict[int, list[str]] = {}
    for word in found:
        pages.setdefault(word.page, []).append(word.text)
    return {page: " ".join(texts) for page, texts in pages.items()}


def _undecided_archive(archive, document_changes=None):
    """Every example meeting and the generated 20-member one, none of them decided yet."""
    from model.interchange import import_document, load_json, validate
    from tests.exporters.big_meeting import big_meeting_document

    for document in [load_json(path) for path in EXAMPLE_FILES] + [big_meeting_document()]:
        for meeting in document["meetings"]:
            meeting["status"] = "held"
            meeting.pop("sealed", None)
            for item in meeting["items"]:
                item["decision"] = None
        validate(document)
        with archive.transaction() as session:
            import_document(session, document)
    return archive


@pytest.fixture
def undecided(archive):
    return _undecided_archive(archive)


EXAMPLE_MEETINGS = ("sagsbehandling-2020-04-21", "aet-2020-08-19", "oeu-2026-09-30")


def _one_page_each(meeting_id: str, texts: dict[int, str]) -> list[int]:
    """The item pages, each checked to hold the whole item with its forms."""
    items = [page for page, text in texts.items() if page > 1]
    assert items, meeting_id
    for page in items:
        text = texts[page]
        assert re.search(r"Punkt \d+:|\d+\. \w", text), f"{meeting_id}, page {page}: no heading"
        for part in ("Indstilling", "Beslutning", "Ikke til stede under punktet",
                     "Spørgsmål og bestillinger", "Stillet af"):
            assert part in text, f"{meeting_id}, page {page}: no {part!r}"
    return items


def test_every_item_of_the_examples_fits_one_page_with_its_forms(undecided):
    for meeting_id in EXAMPLE_MEETINGS:
        _, placed, found = _protocol(undecided, meeting_id)
        items = _one_page_each(meeting_id, _page_texts(found))
        boxes = [p for p in placed if p.kind == "writing"]
        assert [p.page for p in boxes] == items
        questions = [p.page for p in placed if p.kind == "form" and p.key == "questions"]
        assert questions == items
        # the box gave way where the page needed it, and keeps room to write
        assert all(3 * 9 <= p.height <= 7 * 9 for p in boxes)
        assert any(p.height < 7 * 9 for p in boxes)


def test_underskriftsark_gets_no_decision_boxes(undecided):
    _, placed, found = _protocol(undecided, "oeu-2026-09-30")
    texts = _page_texts(found)
    front = " ".join(texts[1].split())
    assert "Uden beslutning" in front
    assert "Der træffes ingen beslutning under punkt 305 (Underskriftsark)." in front
    assert not any("Underskriftsark" in text for page, text in texts.items() if page > 1)
    assert len([p for p in placed if p.kind == "writing"]) == 4  # items 301-304


def test_room_for_votes_on_cases_not_on_standard_items(undecided):
    _, _, found = _protocol(undecided, "oeu-2026-09-30")
    texts = _page_texts(found)
    by_item = {int(re.search(r"Punkt (\d+):", t)[1]): t for p, t in texts.items() if p > 1}
    assert "Stemte for" not in by_item[301]  # Godkendelse af dagsorden
    for number in (302, 303, 304):
        assert all(words in by_item[number]
                   for words in ("Stemte for", "Stemte imod", "Undlod at stemme"))


def test_tick_boxes_are_squares_just_before_their_labels(undecided):
    from tests.exporters.big_meeting import MEETING

    for meeting_id in ("sagsbehandling-2020-04-21", MEETING):
        _, placed, found = _protocol(undecided, meeting_id)
        ticks = [p for p in placed if p.kind == "tick"]
        assert ticks
        for box in ticks:
            assert box.width == box.height >= 4, box
            if box.page < _first_item_page(placed):
                continue  # the attendance form: the label is the column's heading
            top = (PAGE_HEIGHT - box.y - box.height) * MM
            right = (box.x + box.width) * MM
            beside = [w for w in found if w.page == box.page and
                      0 < w.x0 - right < 4 * MM and abs(w.y0 - top) < 3 * MM]
            assert beside, f"nothing printed just after the box {box}"


def test_twenty_members_with_long_names_and_stand_ins(undecided):
    from model.meetings import load_meeting
    from tests.exporters.big_meeting import MEETING

    _, placed, found = _protocol(undecided, MEETING)
    with undecided.sessions() as session:
        meeting = load_meeting(session, MEETING)
        formand = next(m for m in meeting.committee.members if m.role == "formand")
        suppleant = next(m for m in meeting.committee.members if m.role == "suppleant")
        members = [m for m in meeting.committee.members if m.role not in ("suppleant",
                                                                         "sekretær")]
        ids = {m.ext_id: m for m in members}
        item_count = sum(1 for item in meeting.items if item.title != "Underskriftsark")
    assert len(members) == 20 and all(len(m.name) >= 40 for m in members)
    front = [p for p in placed if p.page < _first_item_page(placed)]
    # every member once on the attendance form, with a box each to tick present or absent
    assert sorted(p.key.split(":", 1)[1] for p in front if p.key.startswith("present:")) \
        == sorted(ids)
    # on each item the suppleant takes the formand's place; the typed stand-in gets a box
    absences = [p.key for p in placed if p.key.startswith("absent:") and p not in front]
    assert absences.count(f"absent:{suppleant.ext_id}") == item_count
    assert f"absent:{formand.ext_id}" not in absences
    assert absences.count("absent:big-4") == item_count  # the typed stand-in, as marked
    # the suppleant is printed once on the front page: as the formand's stand-in
    front_text = " ".join(w.text for w in found if w.page < _first_item_page(placed))
    assert front_text.count(suppleant.name.split()[-1]) == 1


def test_a_long_item_moves_its_decision_to_the_next_page_whole(undecided):
    from tests.exporters.big_meeting import MEETING

    _, placed, found = _protocol(undecided, MEETING)
    texts = _page_texts(found)
    heading = next(p for p, t in texts.items() if "Punkt 306:" in t)
    decision = [p for p in placed if p.page > heading and p.key.startswith("decision")]
    assert decision and {p.page for p in decision} == {heading + 1}
    assert "Beslutning" in texts[heading + 1] and "Beslutning" not in texts[heading]
    box = next(p for p in decision if p.kind == "writing")
    assert box.height >= 3 * 9


def test_word_tick_boxes_are_squares(undecided, tmp_path):
    from docx import Document
    from docx.shared import Mm
    from docx.table import Table

    path = render(undecided, "oeu-2026-09-30", "protokol", "docx", tmp_path / "p.docx")
    word = Document(str(path))
    tables = [Table(tbl, word._body) for tbl in word.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl")]
    squares = [t for t in tables if len(t.rows) == 1 and len(t.columns) == 1
               and t.rows[0].height_rule == 2]  # exactly as tall as set
    # 5 members on the front page; per item 6 decisions and 5 members
    assert len(squares) == 5 * 2 + 4 * (6 + 5)
    for inner in squares:
        assert abs(inner.rows[0].height - Mm(5)) < Mm(0.1)
        assert abs(inner.columns[0].width - Mm(5)) < Mm(0.1)
        assert "w:tcBorders" in inner._tbl.xml


@needs_soffice
def test_word_protocol_has_one_page_an_item_as_libreoffice_prints_it(undecided, tmp_path):
    from exporters.layout import convert_all_to_pdf
    from tests.exporters.overlap import words

    files = [render(undecided, m, "protokol", "docx", tmp_path / f"{m}.docx").read_bytes()
             for m in EXAMPLE_MEETINGS]
    for meeting_id, pdf in zip(EXAMPLE_MEETINGS, convert_all_to_pdf(files), strict=True):
        texts = _page_texts(words(pdf))
        items = _one_page_each(meeting_id, texts)
        with undecided.sessions() as session:
            from model.meetings import load_meeting

            count = sum(1 for item in load_meeting(session, meeting_id).items
                        if item.title != "Underskriftsark")
        assert len(items) == count
